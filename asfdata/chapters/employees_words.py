"""The words of chapter 1, employees and companies (asfdata.chapters.employees): key -> (English, Swedish).

The key prefixes are listed in asfdata/render/shared_words.py; a key here never repeats a shared one.
"""

WORDS: dict[str, tuple[str, str]] = {
    "intro": (
        "For each autumn {y0}–{y1} the report gives the number of registered work-integrating social "
        "enterprises (ASF) in Gävleborg, by region, and the people employed in them, by gender. Each figure "
        "is a count at one moment in the autumn (assumption A01).",
        "För varje höst {y0}–{y1} anger rapporten antalet registrerade arbetsintegrerande sociala företag "
        "(ASF) i Gävleborg, per region, och antalet anställda i dem, per kön. Varje siffra avser ett "
        "tillfälle på hösten (antagande A01).",
    ),
    "axis_employees": ("Employees (people)", "Anställda (personer)"),
    "axis_companies": ("Registered companies", "Registrerade företag"),
    "axis_employees_per_company": ("Employees per company", "Anställda per företag"),
    "finding_employees": (
        "Employees in the registered companies {verb} from {a} in autumn {y0} to {b} in autumn {y1} ({chg}, "
        "{pct}), while the number of companies {c_verb} from {c_a} to {c_b} ({c_pct}). Women's share of the "
        "employees {w_verb} from {w_a} to {w_b}.",
        "Antalet anställda i de registrerade företagen {verb} från {a} hösten {y0} till {b} hösten {y1} "
        "({chg}; {pct}), medan antalet företag {c_verb} från {c_a} till {c_b} ({c_pct}). Kvinnornas andel "
        "av de anställda {w_verb} från {w_a} till {w_b}.",
    ),
    "finding_employees_yoy": (
        "The largest change between two autumns was {ya}→{yb}: {chg} employees ({pct}). Employees per "
        "company {p_verb} from {p_a} to {p_b}.",
        "Den största förändringen mellan två höstar var {ya}→{yb}: {chg} anställda ({pct}). Antalet "
        "anställda per företag {p_verb} från {p_a} till {p_b}.",
    ),
    "finding_background": (
        "The background section's {y0} figures beside the autumn {y0} count: {items}.",
        "Bakgrundsavsnittets siffror för {y0} jämförda med höstens mätning samma år: {items}.",
    ),
    "item_background_cmp": (
        "{measure}: {stated_word} {stated} against {snapshot} ({pct}; audit: {status})",
        "{measure}: {stated_word} {stated} i bakgrunden mot {snapshot} vid mätningen ({pct}; granskningen: "
        "{status})",
    ),
    "about": ("about", "cirka"),
    "exactly": ("stated", "exakt"),
    "background_note": (
        "The background's figures are taken to describe the autumn {y0} count (assumption A07); approximate "
        "figures agree when the count is within ±10\u00a0% of them (A05); people active are employees plus "
        "people placed (A06).",
        "Bakgrundens siffror antas avse höstens mätning {y0} (antagande A07); en ungefärlig siffra stämmer "
        "när mätningen ligger inom ±10\u00a0% från den (A05); verksamma personer är anställda plus "
        "placerade (A06).",
    ),
    "title_employees": (
        "Employees {verb} from {a} to {b} ({y0}–{y1}); women's share {w_verb} from {w_a} to {w_b}",
        "Antalet anställda {verb} från {a} till {b} ({y0}–{y1}); kvinnornas andel {w_verb} från {w_a} till "
        "{w_b}",
    ),
    "title_companies": (
        "Registered companies {verb} from {a} to {b} ({y0}–{y1})",
        "Antalet registrerade företag {verb} från {a} till {b} ({y0}–{y1})",
    ),
    "title_employees_per_company": (
        "Employees per company {verb} from {a} to {b} ({y0}–{y1})",
        "Anställda per företag {verb} från {a} till {b} ({y0}–{y1})",
    ),
    "h_changes": ("Change year on year and over the period", "Förändring år för år och över perioden"),
    "h_background": (
        "The background section beside the autumn count",
        "Bakgrundsavsnittet jämfört med höstens mätning",
    ),
    "caption_changes": (
        "Change from the autumn before, in units and percent; last column: over the whole period.",
        "Förändring från föregående höst, i antal och procent; sista kolumnen: över hela perioden.",
    ),
    "subtitle_employees": (
        "Employees of the registered companies at each autumn count, in total and by gender; people",
        "Anställda i de registrerade företagen vid höstens mätning, totalt och per kön; antal personer",
    ),
    "takeaway_employees": (
        "The number of men employed {m_verb} from {m_a} to {m_b}; the number of women {w_verb} from {w_a} "
        "to {w_b}.",
        "Antalet anställda män {m_verb} från {m_a} till {m_b}; antalet kvinnor {w_verb} från {w_a} till "
        "{w_b}.",
    ),
    "caption_employees_table": (
        "Employees in total and by gender, and women's share, each autumn",
        "Anställda totalt och per kön, och kvinnornas andel, varje höst",
    ),
    "subtitle_companies": (
        "Registered companies at each autumn count, by region; number of companies",
        "Registrerade företag vid höstens mätning, per region; antal företag",
    ),
    "takeaway_companies": (
        "In {r1} the number {r1_verb} from {r1_a} to {r1_b}; in {r2} it {r2_verb} from {r2_a} to {r2_b}.",
        "I {r1} {r1_verb} antalet från {r1_a} till {r1_b}; i {r2} {r2_verb} det från {r2_a} till {r2_b}.",
    ),
    "caption_companies_table": (
        "Registered companies by region, their sum and the stated total, each autumn",
        "Registrerade företag per region, summan av dem och den angivna totalsumman, varje höst",
    ),
    "subtitle_employees_per_company": (
        "Employees divided by registered companies at each autumn count; employees per company",
        "Anställda delat med registrerade företag vid höstens mätning; anställda per företag",
    ),
    "takeaway_employees_per_company": (
        "The number of companies {c_verb} from {c_a} to {c_b}, while the number of employees {e_verb} from "
        "{e_a} to {e_b}.",
        "Antalet företag {c_verb} från {c_a} till {c_b}, medan antalet anställda {e_verb} från {e_a} till "
        "{e_b}.",
    ),
    "caption_per_company": (
        "Employees, registered companies and employees per company, each autumn",
        "Anställda, registrerade företag och anställda per företag, varje höst",
    ),
    "caption_background": (
        "The background section's figures for {y0} beside the autumn {y0} count",
        "Bakgrundsavsnittets siffror för {y0} bredvid höstens mätning {y0}",
    ),
}
