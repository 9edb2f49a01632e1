"""The words of chapter 0, the summary (asfdata.chapters.summary): key -> (English, Swedish).

The key prefixes are listed in asfdata/render/shared_words.py; a key here never repeats a shared one.
"""

WORDS: dict[str, tuple[str, str]] = {
    "intro": (
        "This evaluation concerns the initiative “Ökad kompetens för utveckling av arbetsintegrerat socialt "
        "företagande – ASF” that Samordningsförbund Gävleborg ran from August {y0} to December {y1}. Every "
        "figure comes from the association's final report for {y0}–{y1}; the evaluation recomputes the "
        "figures, checks them against each other and says how much five autumn counts and ten people can "
        "show.",
        "Utvärderingen gäller insatsen ”Ökad kompetens för utveckling av arbetsintegrerat socialt "
        "företagande – ASF” som Samordningsförbund Gävleborg drev från augusti {y0} till december {y1}. "
        "Varje siffra kommer från förbundets slutrapport för {y0}–{y1}; utvärderingen räknar om siffrorna, "
        "prövar dem mot varandra och redovisar hur mycket fem höstmätningar och tio personer kan visa.",
    ),
    "h_key_findings": ("Key findings", "Viktigaste resultat"),
    "h_limitations": ("Main limitations", "Viktigaste begränsningar"),
    "h_glossary": ("Glossary", "Ordlista"),
    "finding_prefix_01": ("Employees and companies", "Anställda och företag"),
    "finding_prefix_02": ("People placed", "Placerade personer"),
    "finding_prefix_03": ("Funded placements", "Finansierade placeringar"),
    "finding_prefix_04": ("Information reach", "Informationsspridning"),
    "finding_prefix_05": ("Goals", "Målen"),
    "finding_prefix_06": ("Data quality", "Datakvalitet"),
    "key_employees": (
        "Employees in the registered companies rose by {emp_pct} from autumn {y0} to autumn {y1}, while the "
        "number of companies fell from {c0} to {c1}.",
        "Antalet anställda i de registrerade företagen ökade med {emp_pct} från hösten {y0} till hösten "
        "{y1}, medan antalet företag minskade från {c0} till {c1}.",
    ),
    "key_placements": (
        "People placed in the companies fell by {pl_fall} from autumn {before} to autumn {after}, most for "
        "the {most} ({most_pct}); the report attributes the fall to the reorganisation of "
        "Arbetsförmedlingen.",
        "Antalet placerade personer i företagen minskade med {pl_fall} från hösten {before} till hösten "
        "{after}, mest för {most} ({most_pct}); rapporten förklarar nedgången med Arbetsförmedlingens "
        "omorganisation.",
    ),
    "key_funded_few": (
        "Fewer than half of the funded places were used, and {back} of the {n} people who used them went "
        "back to public support; {work} went on to work.",
        "Färre än hälften av de finansierade platserna användes, och {back} av de {n} personer som använde "
        "dem återgick till offentlig försörjning; {work} gick vidare till arbete.",
    ),
    "key_funded_most": (
        "Half or more of the funded places were used; {back} of the {n} people who used them went back to "
        "public support and {work} went on to work.",
        "Hälften eller fler av de finansierade platserna användes; {back} av de {n} personer som använde dem "
        "återgick till offentlig försörjning och {work} gick vidare till arbete.",
    ),
    "key_information": (
        "The report counts {informed_stated} people informed in {period}; its yearly figures add up to "
        "{informed_sum}.",
        "Rapporten anger att {informed_stated} personer fick information {period}; dess årsuppgifter "
        "summerar till {informed_sum}.",
    ),
    "key_goals_none": (
        "Judged against the report's own figures, none of its stated goals is fully met: {partly} are "
        "partly met, {not_met} not met, and for {not_shown} the figures cannot tell.",
        "Mätt mot rapportens egna siffror är inget av dess angivna mål helt uppfyllt: {partly} är delvis "
        "uppfyllda, {not_met} inte uppfyllda och för {not_shown} kan siffrorna inte avgöra.",
    ),
    "key_goals_some": (
        "Judged against the report's own figures, {met} of its stated goals are met, {partly} partly met "
        "and {not_met} not met.",
        "Mätt mot rapportens egna siffror är {met} av dess angivna mål uppfyllda, {partly} delvis uppfyllda "
        "och {not_met} inte uppfyllda.",
    ),
    "key_quality": (
        "The audit found {mismatches} distinct disagreements between the report's own figures in {checks} "
        "checks.",
        "Granskningen omfattade {checks} kontroller och fann {mismatches} skilda motsägelser mellan "
        "rapportens egna siffror.",
    ),
    "limit_points": (
        "Five points: each series has one figure a year, {y0}–{y1}. Five points show the size and direction "
        "of changes between the counts but cannot separate a trend from ordinary variation; no significance "
        "test is made.",
        "Fem punkter: varje serie har en siffra per år, {y0}–{y1}. Fem punkter visar storlek och riktning "
        "på förändringarna mellan mätningarna men kan inte skilja en trend från vanlig variation; inget "
        "signifikanstest görs.",
    ),
    "limit_stocks": (
        "Stocks counted once each autumn: the same person can be counted in several years, and anyone "
        "placed and gone between two counts is not seen. A change between years compares two counts, not "
        "flows during the year (assumption A01).",
        "Bestånd som mäts en gång varje höst: samma person kan ingå flera år, och den som placerades och "
        "slutade mellan två mätningar syns inte. En förändring mellan åren jämför två mätningar, inte "
        "flöden under året (antagande A01).",
    ),
    "limit_ten": (
        "Ten people: the funded placements had {n} unique individuals. Their shares are known exactly, but "
        "say little about others: 1 of {n} went on to work, and for similar participants the exact "
        "95\u00a0% interval runs from {lo} to {hi}.",
        "Tio personer: de finansierade placeringarna hade {n} unika individer. Deras andelar är exakt kända "
        "men säger lite om andra: 1 av {n} gick vidare till arbete, och för liknande deltagare sträcker sig "
        "det exakta 95-procentiga intervallet från {lo} till {hi}.",
    ),
    "limit_cause": (
        "No comparison group: nothing shows what would have happened without the initiative, without the "
        "{reform_year} reorganisation of Arbetsförmedlingen or without the pandemic; the causes the report "
        "names are its own account (assumption A11).",
        "Ingen jämförelsegrupp: inget visar vad som hade hänt utan insatsen, utan Arbetsförmedlingens "
        "omorganisation {reform_year} eller utan pandemin; de orsaker rapporten nämner är dess egen "
        "bedömning (antagande A11).",
    ),
    "limit_inconsistent": (
        "The report's own figures disagree in {n} of the audit's {total} checks (chapter 6): {items}.",
        "Rapportens egna siffror går isär i {n} av granskningens {total} kontroller (kapitel 6): {items}.",
    ),
    "limit_transcribed": (
        "Every figure is transcribed by hand from the report's text; the registers behind it were not "
        "available.",
        "Varje siffra är överförd för hand från rapportens text; registren bakom den har inte varit "
        "tillgängliga.",
    ),
    "item_stated_vs_parts": (
        "{measure} {year}: stated total {stated}, parts add up to {parts}",
        "{measure} {year}: angiven totalsumma {stated}, delarna summerar till {parts}",
    ),
    "item_informed": (
        "people informed {years}: stated {stated}, yearly figures add up to {computed}",
        "informerade {years}: angiven summa {stated}, årsuppgifterna summerar till {computed}",
    ),
    "item_background": (
        "{measure} {year}: background about {stated}, autumn count {snapshot}",
        "{measure} {year}: bakgrunden cirka {stated}, höstens mätning {snapshot}",
    ),
    "item_funded": (
        "{n} contradictions about the outcomes and genders of the funded placements",
        "{n} motsägelser om de finansierade placeringarnas utfall och kön",
    ),
}
