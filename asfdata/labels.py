"""Every word shown to readers, in English and Swedish, and the number formats of each language.

Names of bodies, regions and municipalities stay Swedish in both languages. Each entry of TEXT is
(English, Swedish) and may hold named placeholders ({name}) filled in by `t`; both languages use
the same placeholders. Numbers: English 1,257 and 38.8 %; Swedish 1 257 and 38,8 %; a minus sign
is U+2212 in both.
"""

from __future__ import annotations

import math

LANGS = ("en", "sv")
MINUS = "\u2212"
DASH = "\u2013"  # en dash, for ranges of years and intervals

TEXT: dict[str, tuple[str, str]] = {
    # ---- chapters -------------------------------------------------------------------------------
    "chapter_00": ("Summary", "Sammanfattning"),
    "chapter_01": ("Employees and companies 2016–2020", "Anställda och företag 2016–2020"),
    "chapter_02": ("People placed and the 2019 reform", "Placerade personer och 2019 års reform"),
    "chapter_03": ("The funded placements 2016–2018", "De finansierade placeringarna 2016–2018"),
    "chapter_04": ("Information reach and activities", "Informationsspridning och aktiviteter"),
    "chapter_05": ("Data quality: audit and assumptions", "Datakvalitet: granskning och antaganden"),
    "chapter_explore": ("Explore the yearly figures", "Utforska årssiffrorna"),
    # ---- common -----------------------------------------------------------------------------------
    "source_prefix": ("Source", "Källa"),
    "source_report": (
        "Samordningsförbund Gävleborg, final report ASF 2016–2020",
        "Samordningsförbund Gävleborg, slutrapport ASF 2016–2020",
    ),
    "source_audit": ("audit of this evaluation (chapter 5)", "denna utvärderings granskning (kapitel 5)"),
    "fell": ("fell", "minskade"),
    "rose": ("rose", "ökade"),
    "unchanged": ("was unchanged", "var oförändrad"),
    "and": ("and", "och"),
    "small_note": (
        "fewer than three people: shown only as the report published it",
        "färre än tre personer: visas bara så som rapporten publicerade det",
    ),
    "small_rule": (
        "Tables describing fewer than three people say so in their last column; they show only "
        "what the report itself published about these people and add no detail about individuals.",
        "Tabeller som beskriver färre än tre personer säger det i sista kolumnen; de visar bara vad "
        "rapporten själv publicerade om dessa personer och lägger inte till några uppgifter om "
        "enskilda.",
    ),
    "not_stated": ("not stated", "ej angivet"),
    "none": ("none", "inga"),
    "audit_missing": (
        "The audit has not been run: run python -m asfdata audit.",
        "Granskningen har inte körts: kör python -m asfdata audit.",
    ),
    # ---- the HTML report's title page (asfdata.report.edition) ---------------------------------------
    "report_kicker": (
        "Samordningsförbund Gävleborg · evaluation report",
        "Samordningsförbund Gävleborg · utvärderingsrapport",
    ),
    "report_title": (
        "Work-integrating social enterprises in Gävleborg: evaluation of the ASF initiative 2016–2020",
        "Arbetsintegrerande sociala företag i Gävleborg: utvärdering av ASF-insatsen 2016–2020",
    ),
    "report_subtitle_code": (
        "Edition with the code shown, for auditors",
        "Utgåva med koden synlig, för granskare",
    ),
    "report_evaluated": (
        "What was evaluated",
        "Vad som utvärderades",
    ),
    "report_evaluated_text": (
        "Samordningsförbund Gävleborg's initiative to raise knowledge of work-integrating social "
        "enterprises (ASF) among its member authorities, and what the final report states about the "
        "companies, their employees, the people placed in them, the funded placements and the information "
        "work.",
        "Samordningsförbund Gävleborgs insats för ökad kunskap om arbetsintegrerande sociala företag (ASF) "
        "hos förbundets parter, och vad slutrapporten anger om företagen, deras anställda, de personer som "
        "placerats i dem, de finansierade platserna och informationsarbetet.",
    ),
    "report_period": (
        "Period",
        "Period",
    ),
    "report_source": (
        "Source report",
        "Källrapport",
    ),
    "report_built": (
        "Build date",
        "Byggdatum",
    ),
    "report_commit": (
        "Git commit",
        "Git-commit",
    ),
    "report_manifest": (
        "Data manifest (SHA-256 of data/processed/MANIFEST.sha256)",
        "Datamanifest (SHA-256 av data/processed/MANIFEST.sha256)",
    ),
    "report_versions": (
        "Software versions",
        "Programversioner",
    ),
    "report_contents": (
        "Contents",
        "Innehåll",
    ),
    "report_reproduce": (
        "Rebuild with `make report` (`make report lang=sv` for the Swedish edition); `python -m asfdata "
        "verify --report FILE` checks a copy byte for byte.",
        "Bygg om med `make report lang=sv` (`make report` för den engelska utgåvan); `python -m asfdata "
        "verify --report FIL` kontrollerar en kopia byte för byte.",
    ),
    "report_unknown": (
        "unknown",
        "okänd",
    ),
    "report_uncommitted": (
        "uncommitted changes",
        "ej incheckade ändringar",
    ),
    # ---- axes, units ------------------------------------------------------------------------------
    "axis_year": ("Year (autumn count)", "År (höstens räkning)"),
    "axis_people_placed": ("People placed (at the autumn count)", "Placerade personer (vid höstens räkning)"),
    "axis_employees": ("Employees (people)", "Anställda (personer)"),
    "axis_companies": ("Registered companies", "Registrerade företag"),
    "axis_index": ("Index ({base} = 100)", "Index ({base} = 100)"),
    "axis_share": ("Share of the sum of the parts (%)", "Andel av summan av delarna (%)"),
    "axis_per_company": ("People placed per company", "Placerade personer per företag"),
    "axis_per_employee": ("People placed per employee", "Placerade personer per anställd"),
    "axis_employees_per_company": ("Employees per company", "Anställda per företag"),
    "axis_places_people": ("Places or people", "Platser eller personer"),
    "axis_places": ("Places", "Platser"),
    "axis_share_people": ("Share of the unique individuals (%)", "Andel av de unika individerna (%)"),
    "axis_informed": ("People informed", "Informerade personer"),
    "panel_per_company": ("Per registered company", "Per registrerat företag"),
    "panel_per_employee": ("Per employee", "Per anställd"),
    "panel_placements": ("People placed, by placing body", "Placerade personer per placerande aktör"),
    "panel_milestones": (
        "Milestones in the report (number per year)",
        "Milstolpar i rapporten (antal per år)",
    ),
    "mark_reform": ("Arbetsförmedlingen reorganised", "Arbetsförmedlingen omorganiseras"),
    "mark_pandemic": ("Pandemic", "Pandemin"),
    "mark_stated": ("Stated total", "Angiven totalsumma"),
    "mark_stated_value": ("stated {stated}", "angivet {stated}"),
    "mark_stated_period": ("Stated total {years}: {value}", "Angiven totalsumma {years}: {value}"),
    # ---- measures, breakdowns, scales ------------------------------------------------------------------
    "measure_companies": ("Registered companies", "Registrerade företag"),
    "measure_employees": ("Employees", "Anställda"),
    "measure_placements": ("People placed", "Placerade personer"),
    "measure_informed": ("People informed during the year", "Informerade personer under året"),
    "measure_people_active": (
        "People active (employees + placed)",
        "Verksamma personer (anställda + placerade)",
    ),
    "group_total": ("Total", "Totalt"),
    "group_region": ("By region", "Per region"),
    "group_gender": ("By gender", "Per kön"),
    "group_placed_by": ("By placing body", "Per placerande aktör"),
    "scale_absolute": ("Absolute", "Absoluta tal"),
    "scale_indexed": ("Indexed to a base year (= 100)", "Index mot ett basår (= 100)"),
    "scale_share": ("Share of the total (%)", "Andel av totalen (%)"),
    "widget_measure": ("Measure", "Mått"),
    "widget_breakdown": ("Breakdown", "Uppdelning"),
    "widget_scale": ("Scale", "Skala"),
    "widget_base_year": ("Base year", "Basår"),
    "explore_intro": (
        "Choose a measure, a breakdown and a scale; the chart and its table are redrawn. The "
        "figures are the report's autumn counts; shares are of the sum of the parts.",
        "Välj ett mått, en uppdelning och en skala; diagrammet och dess tabell ritas om. Siffrorna "
        "är rapportens höstsiffror; andelar är av summan av delarna.",
    ),
    "explore_title": ("{measure}, {group}: {scale}", "{measure}, {group}: {scale}"),
    "explore_alt": (
        "Line chart of {measure} ({group}, {scale}) for each autumn {years}. {values}.",
        "Linjediagram över {measure} ({group}, {scale}) för varje höst {years}. {values}.",
    ),
    # ---- categories -----------------------------------------------------------------------------------
    "cat_Arbetsförmedlingen": ("Arbetsförmedlingen", "Arbetsförmedlingen"),
    "cat_Kommunen": ("Kommunen", "Kommunen"),
    "cat_Övriga": ("Others (unpaid)", "Övriga (utan ersättning)"),
    "cat_all": ("Total", "Totalt"),
    "cat_sum_of_parts": ("Sum of the parts", "Summa av delarna"),
    "cat_women": ("Women", "Kvinnor"),
    "cat_men": ("Men", "Män"),
    "cat_unknown": ("Gender not stated", "Kön ej angivet"),
    "cat_Hälsingland": ("Hälsingland", "Hälsingland"),
    "cat_Gästrikland": ("Gästrikland", "Gästrikland"),
    "cat_work": ("Went on to work", "Vidare till arbete"),
    "cat_arbetsformedlingen": ("Referred to Arbetsförmedlingen", "Aktualiserad hos Arbetsförmedlingen"),
    "cat_back": ("Back to public support", "Åter i offentlig försörjning"),
    "cat_extended": ("Placement extended", "Förlängd insats"),
    "cat_not_stated": ("Outcome not stated", "Utfall ej angivet"),
    "cat_either": ("Work or Arbetsförmedlingen", "Arbete eller Arbetsförmedlingen"),
    "cat_places_granted": ("Places granted", "Beviljade platser"),
    "cat_places_used": ("Places used", "Nyttjade platser"),
    "cat_unique_individuals": ("Unique individuals", "Unika individer"),
    "cat_outcome_work": ("Outcome: work", "Utfall: arbete"),
    "cat_outcome_arbetsformedlingen": ("Outcome: Arbetsförmedlingen", "Utfall: Arbetsförmedlingen"),
    "cat_outcome_back": ("Outcome: back to public support", "Utfall: åter i offentlig försörjning"),
    "cat_outcome_extended": ("Outcome: extended", "Utfall: förlängd"),
    "cat_outcome_not_stated": ("Outcome not stated", "Utfall ej angivet"),
    "cat_informed": ("Informed during the year", "Informerade under året"),
    "cat_cumulative": ("Informed since 2016 (cumulative)", "Informerade sedan 2016 (ackumulerat)"),
    "cat_stated": ("Stated total", "Angiven totalsumma"),
    # target groups of the funded placements (the report's Swedish wording is the key)
    "tg_Individer med psykisk ohälsa": ("People with mental ill-health", "Individer med psykisk ohälsa"),
    "tg_Individer särskilt långt från arbetsmarknaden": (
        "People especially far from the labour market",
        "Individer särskilt långt från arbetsmarknaden",
    ),
    "tg_Utrikes födda, företrädesvis kvinnor": (
        "Foreign-born people, mainly women",
        "Utrikes födda, företrädesvis kvinnor",
    ),
    # event kinds
    "kind_period": ("Start or end of the initiative", "Insatsens start eller slut"),
    "kind_staffing": ("Staffing", "Bemanning"),
    "kind_information": ("Information meetings", "Informationsmöten"),
    "kind_conference": ("Conferences and theme days", "Konferenser och temadagar"),
    "kind_training": ("Training", "Utbildning"),
    "kind_policy": ("Policy adopted", "Policy antagen"),
    "kind_action_plan": ("Action plan adopted", "Handlingsplan antagen"),
    "kind_project": ("Projects", "Projekt"),
    "kind_network": ("Collaboration groups and networks", "Samverkansgrupper och nätverk"),
    "kind_publication": ("Publications", "Publikationer"),
    "kind_procurement": ("Procurement (reserved contract)", "Upphandling (reserverat kontrakt)"),
    "kind_award": ("Awards", "Priser"),
    "kind_review": ("Audit review", "Revisionens granskning"),
    "kind_reorganisation": ("Reorganisation of Arbetsförmedlingen", "Arbetsförmedlingens omorganisation"),
    "kind_pandemic": ("Pandemic", "Pandemin"),
    "kind_other": ("Other", "Övrigt"),
    # audit statuses
    "status_ok": ("ok", "stämmer"),
    "status_approximate": ("approximate", "ungefärlig"),
    "status_mismatch": ("mismatch", "avviker"),
    # ---- table headers ---------------------------------------------------------------------------------
    "col_year": ("Year", "År"),
    "col_years": ("Years", "År"),
    "col_body": ("Placing body", "Placerande aktör"),
    "col_series": ("Series", "Serie"),
    "col_measure": ("Measure", "Mått"),
    "col_change_people": ("Change (people)", "Förändring (personer)"),
    "col_change_pct": ("Change (%)", "Förändring (%)"),
    "col_before_mean": ("Mean {years} (people)", "Medelvärde {years} (personer)"),
    "col_after_mean": ("Mean {years} (people)", "Medelvärde {years} (personer)"),
    "col_rank": ("Rank (1 = fell most)", "Rang (1 = minskade mest)"),
    "col_autumn": ("Autumn {year}", "Hösten {year}"),
    "col_total_stated": ("Stated total", "Angiven totalsumma"),
    "col_sum_of_parts": ("Sum of the parts", "Summa av delarna"),
    "col_difference": ("Difference (stated − parts)", "Skillnad (angiven − delar)"),
    "col_audit": ("Audit row", "Granskningsrad"),
    "col_status": ("Status", "Status"),
    "col_women_share": ("Women's share (%)", "Kvinnornas andel (%)"),
    "col_employees": ("Employees", "Anställda"),
    "col_companies": ("Companies", "Företag"),
    "col_per_company": ("Employees per company", "Anställda per företag"),
    "col_over_period": ("{y0}→{y1}", "{y0}→{y1}"),
    "col_background": ("Background section", "Bakgrundsavsnittet"),
    "col_snapshot": ("Autumn count", "Höstens räkning"),
    "col_diff_pct": ("Count vs background (%)", "Räkning mot bakgrund (%)"),
    "col_stage": ("Stage", "Steg"),
    "col_count": ("Number", "Antal"),
    "col_municipality": ("Municipality", "Kommun"),
    "col_municipalities": ("Municipalities", "Kommuner"),
    "col_places_granted": ("Places granted", "Beviljade platser"),
    "col_places_used": ("Places used", "Nyttjade platser"),
    "col_use_rate": ("Use rate (%)", "Nyttjandegrad (%)"),
    "col_target_group": ("Target group", "Målgrupp"),
    "col_women": ("Women", "Kvinnor"),
    "col_men": ("Men", "Män"),
    "col_note": ("Note", "Anmärkning"),
    "col_outcome": ("Outcome", "Utfall"),
    "col_gender": ("Gender", "Kön"),
    "col_detail": ("Yearly detail (people)", "Årsredovisningen (personer)"),
    "col_summary": ("Summary (people)", "Sammanfattningen (personer)"),
    "col_people": ("People", "Personer"),
    "col_of": ("Out of", "Av"),
    "col_share": ("Share (%)", "Andel (%)"),
    "col_interval": ("Exact 95 % interval (%)", "Exakt 95 %-intervall (%)"),
    "col_informed": ("Informed during the year", "Informerade under året"),
    "col_cumulative": ("Cumulative", "Ackumulerat"),
    "col_when": ("When", "När"),
    "col_kind": ("Kind", "Slag"),
    "col_actor": ("Who", "Vem"),
    "col_description": ("What happened", "Vad som hände"),
    "col_source": ("Source", "Källa"),
    "col_check": ("Check", "Kontroll"),
    "col_scope": ("Scope", "Omfattning"),
    "col_stated": ("Stated", "Angivet"),
    "col_computed": ("Computed", "Beräknat"),
    "col_difference_plain": ("Difference (stated − computed)", "Skillnad (angivet − beräknat)"),
    "col_sources": ("Sources in the report", "Källor i rapporten"),
    "col_id": ("Id", "Id"),
    "col_assumption": ("Assumption", "Antagande"),
    "col_reason": ("Reason", "Skäl"),
    "col_effect": ("Effect", "Effekt"),
    "row_stated_period_total": ("Stated total {years}", "Angiven totalsumma {years}"),
    # ---- 00 summary -------------------------------------------------------------------------------------
    "summary_intro": (
        "This evaluation concerns the initiative “Ökad kompetens för utveckling av arbetsintegrerat socialt "
        "företagande – ASF” that Samordningsförbund Gävleborg ran from August {y0} to December {y1}. Every "
        "figure comes from the association's final report for {y0}–{y1}; the evaluation recomputes the "
        "figures, checks them against each other and says how much five autumn counts and ten people can "
        "show.",
        "Utvärderingen gäller insatsen ”Ökad kompetens för utveckling av arbetsintegrerat socialt "
        "företagande – ASF” som Samordningsförbund Gävleborg drev från augusti {y0} till december {y1}. "
        "Varje siffra kommer från förbundets slutrapport för {y0}–{y1}; utvärderingen räknar om siffrorna, "
        "prövar dem mot varandra och säger hur mycket fem höstsiffror och tio personer kan visa.",
    ),
    "h_key_findings": ("Key findings", "Viktigaste resultat"),
    "h_limitations": ("Main limitations", "Viktigaste begränsningar"),
    "h_glossary": ("Glossary", "Ordlista"),
    "finding_prefix_01": ("Employees and companies", "Anställda och företag"),
    "finding_prefix_02": ("People placed", "Placerade personer"),
    "finding_prefix_03": ("Funded placements", "Finansierade placeringar"),
    "finding_prefix_04": ("Information reach", "Informationsspridning"),
    "finding_prefix_05": ("Data quality", "Datakvalitet"),
    "limit_points": (
        "Five points: each series has one figure a year, {y0}–{y1}. Five points show the size and direction "
        "of changes between the counts but cannot separate a trend from ordinary variation; no significance "
        "test is made.",
        "Fem punkter: varje serie har en siffra per år, {y0}–{y1}. Fem punkter visar storlek och riktning på "
        "förändringarna mellan räkningarna men kan inte skilja en trend från vanlig variation; inget "
        "signifikanstest görs.",
    ),
    "limit_stocks": (
        "Stocks counted once each autumn: the same person can be counted in several years, and anyone "
        "placed and gone between two counts is not seen. A change between years compares two counts, not "
        "flows during the year (assumption A01).",
        "Bestånd räknade en gång varje höst: samma person kan räknas flera år, och den som placerades och "
        "slutade mellan två räkningar syns inte. En förändring mellan åren jämför två räkningar, inte flöden "
        "under året (antagande A01).",
    ),
    "limit_ten": (
        "Ten people: the funded placements had {n} unique individuals, so every share of them is uncertain; "
        "1 of {n} has an exact 95 % interval from {lo} to {hi}.",
        "Tio personer: de finansierade placeringarna hade {n} unika individer, så varje andel av dem är "
        "osäker; 1 av {n} har ett exakt 95 %-intervall från {lo} till {hi}.",
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
        "The report's own figures disagree in {n} of the audit's {total} checks (chapter 5): {items}.",
        "Rapportens egna siffror går isär i {n} av granskningens {total} kontroller (kapitel 5): {items}.",
    ),
    "limit_transcribed": (
        "Every figure is transcribed by hand from the report's text; the registers behind it were not "
        "available.",
        "Varje siffra är överförd för hand från rapportens text; registren bakom den har inte varit "
        "tillgängliga.",
    ),
    "item_total_vs_parts": (
        "{measure} {year}: stated total {stated}, parts add up to {parts}",
        "{measure} {year}: angiven totalsumma {stated}, delarna summerar till {parts}",
    ),
    "item_informed": (
        "people informed {years}: stated {stated}, yearly figures add up to {computed}",
        "informerade {years}: angivet {stated}, årssiffrorna summerar till {computed}",
    ),
    "item_background": (
        "{measure} {year}: background about {stated}, autumn count {snapshot}",
        "{measure} {year}: bakgrunden cirka {stated}, höstens räkning {snapshot}",
    ),
    "item_funded": (
        "{n} contradictions about the outcomes and genders of the funded placements",
        "{n} motsägelser om de finansierade placeringarnas utfall och kön",
    ),
    # ---- 01 employees -------------------------------------------------------------------------------------
    "intro_01": (
        "For each autumn {y0}–{y1} the report gives the number of registered work-integrating social "
        "enterprises (ASF) in Gävleborg, by region, and the people employed in them, by gender. Each figure "
        "is a count at one moment in the autumn (assumption A01).",
        "För varje höst {y0}–{y1} anger rapporten antalet registrerade arbetsintegrerande sociala företag "
        "(ASF) i Gävleborg, per region, och antalet anställda i dem, per kön. Varje siffra är en räkning vid "
        "ett tillfälle på hösten (antagande A01).",
    ),
    "finding_employees": (
        "Employees in the registered companies {verb} from {a} in autumn {y0} to {b} in autumn {y1} "
        "({chg}, {pct}), while the number of companies {c_verb} from {c_a} to {c_b} ({c_pct}). Women's share "
        "of "
        "the employees {w_verb} from {w_a} to {w_b}.",
        "Antalet anställda i de registrerade företagen {verb} från {a} hösten {y0} till {b} hösten {y1} "
        "({chg}, {pct}), medan antalet företag {c_verb} från {c_a} till {c_b} ({c_pct}). Kvinnornas andel av "
        "de "
        "anställda {w_verb} från {w_a} till {w_b}.",
    ),
    "finding_employees_yoy": (
        "The largest change between two autumns was {ya}→{yb}: {chg} employees ({pct}). Employees per "
        "company {p_verb} from {p_a} to {p_b}.",
        "Den största förändringen mellan två höstar var {ya}→{yb}: {chg} anställda ({pct}). Antalet "
        "anställda per företag {p_verb} från {p_a} till {p_b}.",
    ),
    "finding_background": (
        "The background section's {y0} figures beside the autumn {y0} count: {items}.",
        "Bakgrundsavsnittets siffror för {y0} bredvid höstens räkning {y0}: {items}.",
    ),
    "item_background_cmp": (
        "{measure}: {stated_word} {stated} against {snapshot} ({pct}; audit: {status})",
        "{measure}: {stated_word} {stated} mot {snapshot} ({pct}; granskning: {status})",
    ),
    "about": ("about", "cirka"),
    "exactly": ("stated", "angivet"),
    "background_note": (
        "The background's figures are taken to describe the autumn {y0} count (assumption A07); approximate "
        "figures agree when the count is within ±10 % of them (A05); people active are employees plus people "
        "placed (A06).",
        "Bakgrundens siffror antas beskriva höstens räkning {y0} (antagande A07); ungefärliga siffror "
        "stämmer "
        "när räkningen ligger inom ±10 % av dem (A05); verksamma personer är anställda plus placerade (A06).",
    ),
    "title_employees": (
        "Employees {verb} from {a} to {b} ({y0}–{y1}); women's share {w_verb} from {w_a} to {w_b}",
        "Anställda {verb} från {a} till {b} ({y0}–{y1}); kvinnornas andel {w_verb} från {w_a} till {w_b}",
    ),
    "title_companies": (
        "Registered companies {verb} from {a} to {b} ({y0}–{y1})",
        "Registrerade företag {verb} från {a} till {b} ({y0}–{y1})",
    ),
    "title_employees_per_company": (
        "Employees per company {verb} from {a} to {b} ({y0}–{y1})",
        "Anställda per företag {verb} från {a} till {b} ({y0}–{y1})",
    ),
    "alt_lines": (
        "Line chart: {what}, each autumn {years}. {values}.",
        "Linjediagram: {what}, varje höst {years}. {values}.",
    ),
    "alt_stacked": (
        "Stacked bar chart: {what}, each autumn {years}. {values}.",
        "Staplat stapeldiagram: {what}, varje höst {years}. {values}.",
    ),
    "alt_bar_line": (
        "Bars and a line: {what}, each year {years}. {values}.",
        "Staplar och en linje: {what}, varje år {years}. {values}.",
    ),
    "alt_series": ("{name}: {values}", "{name}: {values}"),
    "h_changes": ("Change year on year and over the period", "Förändring år för år och över perioden"),
    "h_background": (
        "The background section beside the autumn count",
        "Bakgrundsavsnittet bredvid höstens räkning",
    ),
    "caption_changes": (
        "Change from the autumn before, in units and percent; last column: over the whole period.",
        "Förändring från hösten före, i antal och procent; sista kolumnen: över hela perioden.",
    ),
    # ---- 02 placements -------------------------------------------------------------------------------------
    "intro_02": (
        "People placed in the companies for work training, work trials or rehabilitation, by the body that "
        "placed them: Arbetsförmedlingen, Kommunen (the municipality) and others without compensation. Each "
        "figure is the number placed at the autumn count. In {reform_year} Arbetsförmedlingen was reformed "
        "and reorganised; the report names this as the main cause of the fall in placements.",
        "Personer placerade i företagen för arbetsträning, arbetsprövning eller rehabilitering, per den "
        "aktör "
        "som placerade dem: Arbetsförmedlingen, Kommunen och övriga utan ersättning. Varje siffra är antalet "
        "placerade vid höstens räkning. {reform_year} reformerades och omorganiserades Arbetsförmedlingen; "
        "rapporten anger det som huvudorsaken till att placeringarna minskade.",
    ),
    "title_placements": (
        "People placed (sum of the parts) {verb} from {a} in autumn {ya} to {b} in autumn {yb}",
        "Placerade personer (summa av delarna) {verb} från {a} hösten {ya} till {b} hösten {yb}",
    ),
    "title_indexed": (
        "Indexed to {base} = 100, placements in {last} stood at {items}",
        "Med index {base} = 100 låg placeringarna {last} på {items}",
    ),
    "title_parts": (
        "The stated total differs from the sum of the parts in {items}",
        "Angiven totalsumma skiljer sig från summan av delarna {items}",
    ),
    "title_parts_ok": (
        "The stated totals equal the sums of the parts",
        "Angivna totalsummor är lika med summan av delarna",
    ),
    "title_ratios": (
        "Per company, people placed {verb} from {a} in {ya} to {b} in {yb}",
        "Per företag {verb} antalet placerade från {a} {ya} till {b} {yb}",
    ),
    "what_placements": ("people placed, by placing body", "placerade personer per placerande aktör"),
    "what_indexed": (
        "people placed by placing body, indexed to {base} = 100",
        "placerade personer per placerande aktör, index {base} = 100",
    ),
    "what_parts": (
        "people placed by placing body, stacked; the stated total marked where it differs",
        "placerade personer per placerande aktör, staplade; angiven totalsumma markerad där den skiljer sig",
    ),
    "alt_marks": ("Vertical lines mark {items}.", "Lodräta linjer markerar {items}."),
    "alt_stated_marks": (
        "Stated totals that differ: {items}.",
        "Angivna totalsummor som skiljer sig: {items}.",
    ),
    "parts_note": (
        "The bars are the parts as stated; a marked total is the report's own total where the parts add up "
        "to "
        "something else. Neither figure is corrected (assumption A10).",
        "Staplarna är delarna som de anges; en markerad totalsumma är rapportens egen där delarna summerar "
        "till något annat. Ingen av siffrorna rättas (antagande A10).",
    ),
    "ratios_note": (
        "Sum of the parts divided by the stated number of companies or employees at the same count.",
        "Summan av delarna delad med angivet antal företag eller anställda vid samma räkning.",
    ),
    "h_change_year": ("From autumn {ya} to autumn {yb}", "Från hösten {ya} till hösten {yb}"),
    "finding_change_year": (
        "From autumn {ya} to autumn {yb}, {items}.",
        "Från hösten {ya} till hösten {yb} {items}.",
    ),
    "item_change": (
        "placements by {body} {verb} from {a} to {b} ({chg}, {pct})",
        "{verb} placeringarna av {body} från {a} till {b} ({chg}, {pct})",
    ),
    "h_period_means": (
        "Before and after: mean {before} against mean {after}",
        "Före och efter: medelvärde {before} mot medelvärde {after}",
    ),
    "finding_fell_most": (
        "Ranked by the percent change of the period means, placements by {first} fell most ({pct}; {chg} "
        "people a year on average){then}.",
        "Rangordnat efter den procentuella förändringen av periodernas medelvärden minskade placeringarna av "
        "{first} mest ({pct}; {chg} personer per år i genomsnitt){then}.",
    ),
    "fell_then": (", then those by {items}", ", därefter de av {items}"),
    "finding_rose": (
        "Placements by {body} {verb} ({pct}; {chg} people a year on average).",
        "Placeringarna av {body} {verb} ({pct}; {chg} personer per år i genomsnitt).",
    ),
    "item_rank": ("{body} ({pct}; {chg} people)", "{body} ({pct}; {chg} personer)"),
    "finding_fell_most_abs": (
        "In people, the largest fall was {body}'s ({chg} people a year on average).",
        "I antal personer var minskningen störst för {body} ({chg} personer per år i genomsnitt).",
    ),
    "h_pandemic": ("{year}: a second cause", "{year}: en andra orsak"),
    "finding_pandemic": (
        "In {year} a second cause is at work: the report says the pandemic affected placements negatively. "
        "From autumn {ya} to autumn {yb} the sum of the parts {verb} from {a} to {b} ({pct}); the “after” "
        "mean "
        "{after} includes this pandemic year, so it mixes the after-effects of the reorganisation with the "
        "pandemic.",
        "{year} verkar en andra orsak: rapporten säger att pandemin påverkade placeringarna negativt. Från "
        "hösten {ya} till hösten {yb} {verb} summan av delarna från {a} till {b} ({pct}); medelvärdet "
        "”efter” "
        "{after} innehåller detta pandemiår och blandar därför efterverkningar av omorganisationen med "
        "pandemin.",
    ),
    "h_five_points": (
        "What five autumn counts can and cannot show",
        "Vad fem höstsiffror kan och inte kan visa",
    ),
    "five_can": (
        "They can show the size and direction of the change between counts: placements by {lower} were lower "
        "in every autumn {after} than in any autumn {before}{rest}.",
        "De kan visa storlek och riktning på förändringen mellan räkningarna: placeringarna av {lower} var "
        "lägre varje höst {after} än någon höst {before}{rest}.",
    ),
    "five_can_partly": ("; those by {items} were not", "; de av {items} var det inte"),
    "five_can_none": (
        "They can show the size and direction of the change between counts; no placing body was lower in "
        "every autumn {after} than in any autumn {before}.",
        "De kan visa storlek och riktning på förändringen mellan räkningarna; ingen placerande aktör låg "
        "lägre "
        "varje höst {after} än någon höst {before}.",
    ),
    "five_cannot_when": (
        "They cannot show when during a year a change happened, how many different people were placed, or "
        "how long each stayed.",
        "De kan inte visa när under året en förändring skedde, hur många olika personer som placerades eller "
        "hur länge var och en stannade.",
    ),
    "five_cannot_cause": (
        "They cannot separate the reorganisation of Arbetsförmedlingen from the pandemic, from the fall in "
        "registered companies ({c0} → {c1}), from the end of the funded placements in {funded_end} or from "
        "ordinary variation: there is no comparison group.",
        "De kan inte skilja Arbetsförmedlingens omorganisation från pandemin, från minskningen av "
        "registrerade företag ({c0} → {c1}), från att de finansierade placeringarna upphörde {funded_end} "
        "eller från vanlig variation: det finns ingen jämförelsegrupp.",
    ),
    "five_no_test": (
        "No significance test (such as a Poisson test) is made: the figures are stocks of people counted "
        "once "
        "a year, partly the same people from one year to the next, not independent counts of events, so such "
        "a test's assumptions do not hold (assumptions A01, A11).",
        "Inget signifikanstest (till exempel ett Poissontest) görs: siffrorna är bestånd av personer räknade "
        "en gång om året, delvis samma personer från ett år till nästa, inte oberoende räkningar av "
        "händelser, så ett sådant tests antaganden håller inte (antagande A01, A11).",
    ),
    # ---- 03 funded placements ------------------------------------------------------------------------------
    "intro_03": (
        "From {y0} to {y1} the association set aside money, which the partners could apply for, to fund "
        "supervised placements (handledarstödda platser) at local ASF, {months} months each. The report "
        "gives "
        "each grant, the places used, the genders of those placed and some outcomes, and a summary.",
        "Från {y0} till {y1} avsatte förbundet medel, sökbara för parterna, för att finansiera "
        "handledarstödda platser hos lokala ASF, {months} månader vardera. Rapporten anger varje beviljande, "
        "nyttjade platser, kön på de placerade och vissa utfall, samt en sammanfattning.",
    ),
    "finding_funded": (
        "Of {granted} funded places granted {y0}–{y1}, {used} were used ({rate}), by {n} people. {kw} of "
        "the {n} went on to work and {ka} was referred to Arbetsförmedlingen: {ke} of {n} ({share}; exact 95 "
        "% "
        "interval {lo} to {hi}).",
        "Av {granted} beviljade finansierade platser {y0}–{y1} nyttjades {used} ({rate}), av {n} personer. "
        "{kw} av de {n} gick vidare till arbete och {ka} aktualiserades hos Arbetsförmedlingen: {ke} av {n} "
        "({share}; exakt 95 %-intervall {lo} till {hi}).",
    ),
    "title_funnel": (
        "Of {granted} places granted, {used} were used by {n} people; {kw} went on to work",
        "Av {granted} beviljade platser nyttjades {used} av {n} personer; {kw} gick vidare till arbete",
    ),
    "what_funnel": (
        "the funded placements from places granted to outcomes",
        "de finansierade placeringarna från beviljade platser till utfall",
    ),
    "alt_bars": ("Bar chart: {what}. {values}.", "Stapeldiagram: {what}. {values}."),
    "funnel_note": (
        "Places granted and used are the sums of the yearly detail; unique individuals and "
        "outcomes are the summary's (assumption A04: 11 places, 10 people, one placement extended).",
        "Beviljade och nyttjade platser är summor av årsredovisningen; unika individer och utfall är "
        "sammanfattningens (antagande A04: 11 platser, 10 personer, en placering förlängd).",
    ),
    "h_use_rate": ("Use rate per municipality and year", "Nyttjandegrad per kommun och år"),
    "title_use_rate": (
        "{full} of {grants} grants were fully used; overall {rate} of the places were used",
        "{full} av {grants} beviljanden nyttjades fullt ut; totalt nyttjades {rate} av platserna",
    ),
    "what_use_rate": (
        "places granted and used per municipality and year",
        "beviljade och nyttjade platser per kommun och år",
    ),
    "h_target_groups": ("Target groups", "Målgrupper"),
    "h_gender": ("Gender of those placed", "Kön på de placerade"),
    "finding_gender": (
        "The yearly detail gives {w} women and {m} men for the {used} places used (genders are given per "
        "place, assumption A09).",
        "Årsredovisningen anger {w} kvinnor och {m} män för de {used} nyttjade platserna (kön anges per "
        "plats, antagande A09).",
    ),
    "finding_gender_unstated": (
        " For {k} of the places no gender is stated.",
        " För {k} av platserna anges inget kön.",
    ),
    "h_outcomes": ("Outcomes, with exact intervals", "Utfall, med exakta intervall"),
    "title_intervals": (
        "With {n} people, the share reaching work could be anywhere from {lo} to {hi}",
        "Med {n} personer kan andelen som gick till arbete ligga var som helst mellan {lo} och {hi}",
    ),
    "what_intervals": (
        "the share of the {n} unique individuals with each outcome, with exact 95 % intervals",
        "andelen av de {n} unika individerna med varje utfall, med exakta 95 %-intervall",
    ),
    "alt_intervals": ("Dot chart: {what}. {values}.", "Punktdiagram: {what}. {values}."),
    "item_interval": (
        "{name} {k} of {n}, {share} ({lo} to {hi})",
        "{name} {k} av {n}, {share} ({lo} till {hi})",
    ),
    "intervals_note": (
        "Exact (Clopper–Pearson) 95 % intervals out of the {n} unique individuals. They describe how little "
        "ten people can tell: with this few, almost any share between the limits is consistent with what "
        "was seen.",
        "Exakta (Clopper–Pearson) 95 %-intervall av de {n} unika individerna. De beskriver hur lite tio "
        "personer kan säga: med så få är nästan vilken andel som helst mellan gränserna förenlig med det som "
        "observerades.",
    ),
    "h_contradictions": (
        "The report's own contradictions about these people",
        "Rapportens egna motsägelser om dessa personer",
    ),
    "contradictions_intro": (
        "The yearly detail and the summary describe the outcomes differently. {items}. The audit finds {n} "
        "mismatches about these placements; they are listed below with their sources.",
        "Årsredovisningen och sammanfattningen beskriver utfallen olika. {items}. Granskningen finner {n} "
        "avvikelser om dessa placeringar; de listas nedan med sina källor.",
    ),
    "item_contradiction": (
        "{outcome}: the detail states {detail}, the summary {summary}",
        "{outcome}: årsredovisningen anger {detail}, sammanfattningen {summary}",
    ),
    "gender_count": ("{k} {gender}", "{k} {gender}"),
    "g_women": ("women", "kvinnor"),
    "g_men": ("men", "män"),
    "g_women_1": ("woman", "kvinna"),
    "g_men_1": ("man", "man"),
    "g_unknown": ("of unstated gender", "med ej angivet kön"),
    "audit_funded_caption": (
        "Audit rows about the funded placements that do not agree (notes in English, as in the audit file).",
        "Granskningsrader om de finansierade placeringarna som inte stämmer (anmärkningar "
        "på engelska, som i granskningsfilen).",
    ),
    # ---- 04 information ------------------------------------------------------------------------------------
    "intro_04": (
        "Each year the report gives the number of individuals in the target group registered as informed "
        "about ASF during the year (in {last_year} excluding podcast listeners), and it lists the "
        "initiative's milestones.",
        "Varje år anger rapporten antalet individer i målgruppen som registrerats som informerade om ASF "
        "under året (år {last_year} exklusive poddlyssnare), och den listar insatsens milstolpar.",
    ),
    "finding_informed": (
        "The yearly figures of people informed add up to {computed} for {years}; the report states a total "
        "of {stated} ({diff} against the sum). Most were informed in {peak_year} ({peak}).",
        "Årssiffrorna för informerade personer summerar till {computed} för {years}; rapporten anger "
        "totalt {stated} ({diff} mot summan). Flest informerades {peak_year} ({peak}).",
    ),
    "informed_swapped": (
        " The two totals differ only by two swapped digits.",
        " De två summorna skiljer sig bara genom två omkastade siffror.",
    ),
    "informed_volume": (
        "The report counts people informed “in volume”: a person informed in two years may be counted twice, "
        "so the cumulative figure is a number of contacts, not of different people.",
        "Rapporten räknar informerade personer ”i volym”: en person som informerats två år kan räknas två "
        "gånger, så den ackumulerade siffran är ett antal kontakter, inte olika personer.",
    ),
    "title_informed": (
        "The yearly figures add up to {computed} people informed, the report states {stated}",
        "Årssiffrorna summerar till {computed} informerade, rapporten anger {stated}",
    ),
    "what_informed": (
        "people informed each year (bars) and cumulatively (line), with the report's stated period total",
        "informerade personer varje år (staplar) och ackumulerat (linje), med rapportens angivna "
        "totalsumma för perioden",
    ),
    "h_timeline": ("Milestones and placements on the same years", "Milstolpar och placeringar samma år"),
    "title_timeline": (
        "Placements peaked in {peak_year}; the report lists {n} milestones {years}",
        "Placeringarna var som flest {peak_year}; rapporten listar {n} milstolpar {years}",
    ),
    "what_timeline": (
        "people placed by placing body (top) and the number of milestones of each kind per year "
        "(bottom), on the same years",
        "placerade personer per placerande aktör (överst) och antalet milstolpar av varje slag "
        "per år (nederst), på samma år",
    ),
    "alt_timeline_events": ("Milestones per year: {values}", "Milstolpar per år: {values}"),
    "timeline_caution": (
        "A timeline shows what happened in the same years, not what caused what: that a milestone and a "
        "change in placements fall in the same year is a coincidence in time, not evidence of cause.",
        "En tidslinje visar vad som hände samma år, inte vad som orsakade vad: att en milstolpe och en "
        "förändring av placeringarna infaller samma år är ett sammanträffande i tid, inte belägg för orsak.",
    ),
    "h_events": ("The milestones", "Milstolparna"),
    "events_caption": (
        "Milestones as the report dates them; month when it names one, else its own words.",
        "Milstolpar så som rapporten daterar dem; månad när den anger en, annars dess egna ord.",
    ),
    # ---- 05 data quality -----------------------------------------------------------------------------------
    "intro_05": (
        "The audit (python -m asfdata audit) checks the report's figures against each other by generic "
        "rules: stated totals against their parts, period totals against the yearly figures, the funded "
        "placements' summary against their detail, and the same figure stated in two sections. Status ok: "
        "the figures agree; approximate: an approximate figure within ±10 % (assumption A05); mismatch: "
        "they disagree. Difference = stated − computed.",
        "Granskningen (python -m asfdata audit) prövar rapportens siffror mot varandra med generella regler: "
        "angivna totalsummor mot sina delar, periodsummor mot årssiffrorna, de finansierade placeringarnas "
        "sammanfattning mot detaljerna och samma siffra angiven i två avsnitt. Status stämmer: siffrorna "
        "överensstämmer; ungefärlig: en ungefärlig siffra inom ±10 % (antagande A05); avviker: de går isär. "
        "Skillnad = angivet − beräknat.",
    ),
    "finding_audit": (
        "The audit ran {total} checks: {mismatch} with figures that disagree (mismatch), "
        "{approximate} approximately in agreement and {ok} in agreement.",
        "Granskningen körde {total} kontroller: {mismatch} där siffrorna går isär (avviker), "
        "{approximate} där de stämmer ungefär och {ok} där de stämmer.",
    ),
    "h_audit": ("Audit, mismatches first", "Granskning, avvikelser först"),
    "h_assumptions": ("Assumptions log", "Antagandelogg"),
    "assumptions_intro": (
        "Every judgement the analysis makes that the report does not state outright; chapters and audit rows "
        "cite them by id.",
        "Varje bedömning som analysen gör och som rapporten inte uttryckligen anger; kapitlen och "
        "granskningsraderna hänvisar till dem med id.",
    ),
    "english_note": ("", "Granskningens och antagandenas texter är på engelska, som i datafilerna."),
}

GLOSSARY: list[tuple[tuple[str, str], tuple[str, str]]] = [
    (
        ("ASF (arbetsintegrerande socialt företag)", "ASF (arbetsintegrerande socialt företag)"),
        (
            "Work-integrating social enterprise: a company that sells goods or services with the overall aim "
            "of "
            "integrating people who have great difficulty getting or keeping a job; it reinvests its profits "
            "and is "
            "independent of the public sector (Tillväxtverket's definition).",
            "Företag som producerar och säljer varor eller tjänster med det övergripande ändamålet att "
            "integrera "
            "människor som har stora svårigheter att få eller behålla ett arbete; det återinvesterar sina "
            "vinster och "
            "är fristående från offentlig verksamhet (Tillväxtverkets definition).",
        ),
    ),
    (
        ("Samordningsförbund, Finsam", "Samordningsförbund, Finsam"),
        (
            "A coordination association under the Finsam act (financial coordination of rehabilitation), in "
            "which "
            "Arbetsförmedlingen, Försäkringskassan, the region and the municipalities pool money for "
            "coordinated "
            "rehabilitation. Here Samordningsförbund Gävleborg, which ran the initiative; “Finsam's target "
            "group” are "
            "people far from the labour market.",
            "Förbund enligt lagen om finansiell samordning av rehabiliteringsinsatser (Finsam), där "
            "Arbetsförmedlingen, Försäkringskassan, regionen och kommunerna samordnar medel för "
            "rehabilitering. Här "
            "Samordningsförbund Gävleborg, som drev insatsen; ”Finsams målgrupp” är personer långt från "
            "arbetsmarknaden.",
        ),
    ),
    (
        ("Mysam", "Mysam"),
        (
            "The local collaboration groups of the partner authorities (myndighetssamverkan), ten in the "
            "county.",
            "De lokala grupperna för myndighetssamverkan mellan parterna, tio i länet.",
        ),
    ),
    (
        ("Arbetsförmedlingen", "Arbetsförmedlingen"),
        (
            "The Swedish Public Employment Service: one of the bodies placing people in the companies. It "
            "was "
            "reformed and reorganised in 2019; offices closed and many case officers were laid off.",
            "Den statliga myndighet som placerar arbetssökande, en av de aktörer som placerar personer i "
            "företagen. "
            "Den reformerades och omorganiserades 2019; kontor lades ned och många handläggare sades upp.",
        ),
    ),
    (
        ("Kommunen (placing body)", "Kommunen (placerande aktör)"),
        (
            "The municipality as a body placing people in the companies, e.g. through its labour-market "
            "unit.",
            "Kommunen som aktör som placerar personer i företagen, till exempel via sin arbetsmarknadsenhet.",
        ),
    ),
    (
        ("Others (unpaid)", "Övriga (utan ersättning)"),
        (
            "People placed in the companies by others, without compensation to the company.",
            "Personer placerade i företagen av andra, utan ersättning till företaget.",
        ),
    ),
    (
        ("Placement", "Placering"),
        (
            "A person placed in a company for work training, work trial or rehabilitation; the report counts "
            "them at "
            "one moment each autumn.",
            "En person placerad i ett företag för arbetsträning, arbetsprövning eller rehabilitering; "
            "rapporten "
            "räknar dem vid ett tillfälle varje höst.",
        ),
    ),
    (
        ("Funded supervised placement", "Handledarstödd placering"),
        (
            "A place at a local ASF funded by the association in 2016–2018, with supervisor support, six "
            "months each.",
            "En plats hos ett lokalt ASF som förbundet finansierade 2016–2018, med handledarstöd, sex "
            "månader "
            "vardera.",
        ),
    ),
    (
        ("Reserved contract", "Reserverat kontrakt"),
        (
            "A public procurement open only to suppliers whose main aim is the social and professional "
            "integration "
            "of disadvantaged people; Söderhamn made its first in 2017.",
            "En offentlig upphandling som bara är öppen för leverantörer vars huvudsyfte är social och "
            "yrkesmässig "
            "integration av personer med funktionsnedsättning eller som är missgynnade; Söderhamn gjorde sin "
            "första "
            "2017.",
        ),
    ),
    (
        ("Tillväxtverket (TVV), SKR, Coompanion", "Tillväxtverket (TVV), SKR, Coompanion"),
        (
            "The Swedish Agency for Economic and Regional Growth; Sveriges Kommuner och Regioner (the "
            "association of "
            "municipalities and regions); the cooperative business advisers.",
            "Myndigheten för ekonomisk och regional tillväxt; Sveriges Kommuner och Regioner; rådgivare för "
            "kooperativt företagande.",
        ),
    ),
    (
        ("Autumn count (stock)", "Höstens räkning (bestånd)"),
        (
            "A number at one moment each autumn, not a flow during the year.",
            "Ett antal vid ett tillfälle varje höst, inte ett flöde under året.",
        ),
    ),
    (
        ("Index (2018 = 100)", "Index (2018 = 100)"),
        (
            "Each year's figure divided by the figure of 2018 and multiplied by 100.",
            "Varje års siffra delad med siffran för 2018 och multiplicerad med 100.",
        ),
    ),
    (
        ("Period mean", "Periodmedelvärde"),
        (
            "The mean of the autumn counts 2016–2018 (before the reorganisation) or 2019–2020 (after).",
            "Medelvärdet av höstsiffrorna 2016–2018 (före omorganisationen) eller 2019–2020 (efter).",
        ),
    ),
    (
        ("Exact (Clopper–Pearson) interval", "Exakt (Clopper–Pearson) intervall"),
        (
            "A 95 % interval for a share computed from the binomial distribution; with ten people it is "
            "wide.",
            "Ett 95 %-intervall för en andel, beräknat med binomialfördelningen; med tio personer är det "
            "brett.",
        ),
    ),
]

MONTHS = (
    (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
)

PERIOD_WORDS = {  # the report's Swedish words for vaguer times, in English
    "våren": "spring",
    "hösten": "autumn",
    "sensommaren": "late summer",
    "under året": "during the year",
    "tidigt i början av året": "early in the year",
}


def check_lang(lang: str) -> int:
    """Index of a language in LANGS (0 English, 1 Swedish); ValueError for any other."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return LANGS.index(lang)


def t(key: str, lang: str, **values) -> str:
    """The text of key in lang, with its placeholders filled in."""
    text = TEXT[key][check_lang(lang)]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """True when key is a text of this module."""
    return key in TEXT


def name(category: str, lang: str) -> str:
    """Reader's name of a category (placing body, gender, region, outcome, stage, ...), else the key."""
    key = f"cat_{category}"
    return t(key, lang) if key in TEXT else str(category)


def target_group(text: str, lang: str) -> str:
    """The report's Swedish target-group wording in lang (itself when no translation is known)."""
    key = f"tg_{text}"
    return t(key, lang) if key in TEXT else text


def kind(kind_key: str, lang: str) -> str:
    """Reader's name of a kind of milestone."""
    key = f"kind_{kind_key}"
    return t(key, lang) if key in TEXT else kind_key


def status(status_key: str, lang: str) -> str:
    """Reader's word for an audit status (ok, approximate, mismatch)."""
    key = f"status_{status_key}"
    return t(key, lang) if key in TEXT else status_key


def month(m: int, lang: str) -> str:
    """Name of month m (1–12) in lang."""
    return MONTHS[check_lang(lang)][int(m) - 1]


def period_text(text: str, lang: str) -> str:
    """The report's words for a vague time, in lang (Swedish words kept when no translation is known)."""
    return PERIOD_WORDS.get(text, text) if lang == "en" else text


def lower_first(text: str) -> str:
    """Text with its first letter in lower case, for a name used inside a sentence."""
    return text[:1].lower() + text[1:]


def direction(change: float, lang: str) -> str:
    """'rose', 'fell' or 'was unchanged' in lang, by the sign of change."""
    return t("rose" if change > 0 else "fell" if change < 0 else "unchanged", lang)


def num(x: float, lang: str, decimals: int = 0, sign: bool = False) -> str:
    """A number in lang: thousands separator and decimal mark of the language; U+2212 for minus."""
    i = check_lang(lang)
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return DASH
    v = round(float(x), decimals) + 0.0  # + 0.0 turns −0.0 into 0.0
    body = f"{abs(v):,.{decimals}f}"
    if i == 1:
        body = body.replace(",", " ").replace(".", ",")
    prefix = MINUS if v < 0 else ("+" if sign and v > 0 else "")
    return prefix + body


def pct(x: float, lang: str, decimals: int = 1, sign: bool = False) -> str:
    """A percentage given in percent units (−38.8 → '−38.8 %' / '−38,8 %')."""
    return f"{num(x, lang, decimals, sign)} %"


def years(a: int, b: int) -> str:
    """A range of years with an en dash (2016–2018), or one year."""
    return str(a) if a == b else f"{a}{DASH}{b}"


def join(items: list[str], lang: str) -> str:
    """Items joined as a list in prose: 'a, b and c' / 'a, b och c'."""
    items = [str(x) for x in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('and', lang)} {items[-1]}"
