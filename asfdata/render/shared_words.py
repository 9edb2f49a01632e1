"""Words every chapter may use, in English and Swedish side by side: key -> (English, Swedish).

Names of bodies, regions and municipalities stay Swedish in both languages. A text may hold named
placeholders ({name}), the same in both languages, filled in by asfdata.render.words.t.

Where a word lives: a word one chapter alone shows lives beside that chapter, in
asfdata/chapters/<chapter>_words.py (WORDS); a word several chapters, the toolkit or the title page
show lives here (SHARED). A chapter's key never repeats a shared key (tests/test_words.py).

Key prefixes, shared:
    chapter_<id>     chapter titles ('00' ... '07', 'explore')
    report_<x>       the title page of the HTML report
    source_<x>       source lines
    measure_<m>      measures of the data (snapshots.csv)
    cat_<value>      categories: placing bodies, genders, regions, outcomes, stages (the value is the key)
    tg_<text>        target groups (the report's Swedish wording is the key)
    kind_<kind>      kinds of milestone
    status_<status>  audit statuses
    col_<x>          table headers
    axis_, mark_, alt_   chart axes, marks and alternative-text patterns used by several chapters
    plain words      and, rose, fell, unchanged (inside computed sentences)
Key prefixes, a chapter's:
    intro            the chapter's opening paragraph
    h_<x>            headings
    finding_<x>      computed sentences; item_<x> the items they list
    title_<x>        chart titles stating the finding; what_<x> what a chart shows (alternative text)
    subtitle_<x>, takeaway_<x>  a chart's measure and unit; its one-sentence takeaway (the caption's)
    axis_, panel_, alt_  the chapter's own chart words
    <x>_note, caption_<x>  notes and captions under tables
"""

SHARED: dict[str, tuple[str, str]] = {
    # ---- chapter titles (asfdata.report uses them too) -----------------------------------------------------
    "chapter_00": ("Summary", "Sammanfattning"),
    "chapter_01": ("Employees and companies 2016–2020", "Anställda och företag 2016–2020"),
    "chapter_02": ("People placed and the 2019 reform", "Placerade personer och 2019 års reform"),
    "chapter_03": ("The funded placements 2016–2018", "De finansierade placeringarna 2016–2018"),
    "chapter_04": ("Information reach and activities", "Informationsspridning och aktiviteter"),
    "chapter_05": ("Goals and the report's own claims", "Målen och rapportens egna påståenden"),
    "chapter_06": ("Data quality: audit and assumptions", "Datakvalitet: granskning och antaganden"),
    "chapter_07": (
        "Appendix: every figure and the sentence it comes from",
        "Bilaga: varje uppgift och meningen den kommer från",
    ),
    "chapter_explore": ("Explore the yearly figures", "Utforska årssiffrorna"),
    # ---- the HTML report's title page (asfdata.report.edition) ---------------------------------------------
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
    "report_evaluated": ("What was evaluated", "Vad som utvärderades"),
    "report_evaluated_text": (
        "Samordningsförbund Gävleborg's initiative to raise knowledge of work-integrating social "
        "enterprises (ASF) among its member authorities, and what the final report states about the "
        "companies, their employees, the people placed in them, the funded placements and the information "
        "work.",
        "Samordningsförbund Gävleborgs insats för ökad kunskap om arbetsintegrerande sociala företag (ASF) "
        "hos förbundets parter, och vad slutrapporten anger om företagen, deras anställda, de personer som "
        "placerats i dem, de finansierade platserna och informationsarbetet.",
    ),
    "report_period": ("Period", "Period"),
    "report_source": ("Source report", "Källrapport"),
    "report_built": ("Build date", "Byggdatum"),
    "report_commit": ("Git commit", "Git-commit"),
    "report_manifest": (
        "Data manifest (SHA-256 of `data/processed/MANIFEST.sha256`)",
        "Datamanifest (SHA-256-summa för `data/processed/MANIFEST.sha256`)",
    ),
    "report_versions": ("Software versions", "Programversioner"),
    "report_contents": ("Contents", "Innehåll"),
    "report_reproduce": (
        "Rebuild with `make report` (`make report lang=sv` for the Swedish edition); `python -m asfdata "
        "verify --report FILE` checks a copy byte for byte.",
        "Bygg om med `make report lang=sv` (`make report` för den engelska utgåvan); `python -m asfdata "
        "verify --report FIL` kontrollerar en kopia byte för byte.",
    ),
    "report_unknown": ("unknown", "okänd"),
    "report_uncommitted": ("uncommitted changes", "ej incheckade ändringar"),
    "report_about": ("About this report", "Om rapporten"),
    "report_about_link": (
        "How this report was built, and how to check it: About this report",
        "Hur rapporten byggdes och hur den kan kontrolleras: Om rapporten",
    ),
    "report_about_intro": (
        "How this report was built, from which data and with which software, so that anyone can rebuild it "
        "and check that the copy they hold is the one published.",
        "Hur rapporten byggdes, från vilka data och med vilken programvara, så att vem som helst kan bygga "
        "om den och kontrollera att det exemplar man har är det som publicerades.",
    ),
    "report_data": (
        "The data are published beside the code as a Frictionless Data Package, "
        "`data/processed/datapackage.json`: six tables with their schemas, keys and SHA-256 checksums. "
        "`frictionless validate data/processed/datapackage.json` checks them; pandas, R and Excel (Power "
        "Query) open the CSV files directly.",
        "Data publiceras tillsammans med koden som ett Frictionless-datapaket, "
        "`data/processed/datapackage.json`: sex tabeller med scheman, nycklar och SHA-256-kontrollsummor. "
        "`frictionless validate data/processed/datapackage.json` kontrollerar dem; pandas, R och Excel "
        "(Power Query) öppnar CSV-filerna direkt.",
    ),
    # ---- sources, and words inside computed sentences ------------------------------------------------------
    "source_prefix": ("Source", "Källa"),
    "source_report": (
        "Samordningsförbund Gävleborg, final report ASF 2016–2020",
        "Samordningsförbund Gävleborg, slutrapport ASF 2016–2020",
    ),
    "source_audit": ("audit of this evaluation (chapter 6)", "denna utvärderings granskning (kapitel 6)"),
    "fell": ("fell", "minskade"),
    "rose": ("rose", "ökade"),
    "unchanged": ("was unchanged", "var oförändrad"),
    "and": ("and", "och"),
    "audit_missing": (
        "The audit has not been run: run `python -m asfdata audit`.",
        "Granskningen har inte körts: kör `python -m asfdata audit`.",
    ),
    # ---- charts: axes, marks and alternative texts used by several chapters --------------------------------
    "axis_year": ("Year (autumn count)", "År (höstens mätning)"),
    "axis_people_placed": ("People placed (at the autumn count)", "Placerade personer (vid höstens mätning)"),
    "axis_index": ("Index ({base} = 100)", "Index ({base} = 100)"),
    "mark_reform": ("Arbetsförmedlingen reorganised", "Arbetsförmedlingen omorganiseras"),
    "mark_pandemic": ("Pandemic", "Pandemin"),
    "mark_stated_value": ("stated {stated}", "angiven summa {stated}"),
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
    "alt_value_sep": (", ", "; "),  # between the values of one series: 5,3; 6,7 cannot be misread
    "alt_series_sep": ("; ", ". "),  # between the series
    "alt_marks": ("Vertical lines mark {items}.", "Lodräta linjer markerar {items}."),
    # ---- measures ------------------------------------------------------------------------------------------
    "measure_companies": ("Registered companies", "Registrerade företag"),
    "measure_employees": ("Employees", "Anställda"),
    "measure_placements": ("People placed", "Placerade personer"),
    "measure_informed": ("People informed during the year", "Informerade personer under året"),
    "measure_people_active": (
        "People active (employees + placed)",
        "Verksamma personer (anställda + placerade)",
    ),
    # ---- categories (the data's own values are the keys) ---------------------------------------------------
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
    # ---- the placements of each placing body, inside sentences ---------------------------------------------
    "placed_by_Arbetsförmedlingen": ("placements by Arbetsförmedlingen", "Arbetsförmedlingens placeringar"),
    "placed_by_Kommunen": ("placements by Kommunen", "kommunernas placeringar"),
    "placed_by_Övriga": ("placements by others (unpaid)", "övrigas placeringar (utan ersättning)"),
    # ---- target groups of the funded placements (the report's Swedish wording is the key) ------------------
    "tg_Individer med psykisk ohälsa": ("People with mental ill-health", "Individer med psykisk ohälsa"),
    "tg_Individer särskilt långt från arbetsmarknaden": (
        "People especially far from the labour market",
        "Individer särskilt långt från arbetsmarknaden",
    ),
    "tg_Utrikes födda, företrädesvis kvinnor": (
        "Foreign-born people, mainly women",
        "Utrikes födda, företrädesvis kvinnor",
    ),
    # ---- kinds of milestone --------------------------------------------------------------------------------
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
    # ---- audit statuses ------------------------------------------------------------------------------------
    "status_ok": ("ok", "stämmer"),
    "status_approximate": ("approximate", "ungefärlig"),
    "status_consistent_if": ("consistent if", "stämmer om"),
    "status_mismatch": ("mismatch", "avviker"),
    # ---- table headers -------------------------------------------------------------------------------------
    "col_year": ("Year", "År"),
    "col_years": ("Years", "År"),
    "col_body": ("Placing body", "Placerande aktör"),
    "col_series": ("Series", "Serie"),
    "col_measure": ("Measure", "Mått"),
    "col_change_people": ("Change (people)", "Förändring (personer)"),
    "col_change_pct": ("Change (%)", "Förändring (%)"),
    "col_before_mean": ("Mean {years} (people)", "Medelvärde {years} (personer)"),
    "col_after_mean": ("Mean {years} (people)", "Medelvärde {years} (personer)"),
    "col_rank": ("Rank (1 = fell most)", "Rangordning (1 = störst minskning)"),
    "col_autumn": ("Autumn {year}", "Hösten {year}"),
    "col_total_stated": ("Stated total", "Angiven totalsumma"),
    "col_sum_of_parts": ("Sum of the parts", "Summa av delarna"),
    "col_difference": ("Difference (stated − parts)", "Skillnad (angiven − summan av delarna)"),
    "col_audit": ("Audit row", "Rad i granskningen"),
    "col_status": ("Status", "Status"),
    "col_women_share": ("Women's share (%)", "Kvinnornas andel (%)"),
    "col_employees": ("Employees", "Anställda"),
    "col_companies": ("Companies", "Företag"),
    "col_per_company": ("Employees per company", "Anställda per företag"),
    "col_over_period": ("{y0}→{y1}", "{y0}→{y1}"),
    "col_background": ("Background section", "Bakgrundsavsnittet"),
    "col_snapshot": ("Autumn count", "Höstens mätning"),
    "col_diff_pct": ("Count vs background (%)", "Skillnad mot bakgrunden (%)"),
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
    "col_detail": ("Yearly detail (people)", "Den årsvisa redovisningen (personer)"),
    "col_summary": ("Summary (people)", "Sammanfattningen (personer)"),
    "col_people": ("People", "Personer"),
    "col_of": ("Out of", "Av"),
    "col_share": ("Share (%)", "Andel (%)"),
    "col_interval": ("Exact 95\u00a0% interval (%)", "Exakt 95\u00a0%-intervall (%)"),
    "col_informed": ("Informed during the year", "Informerade under året"),
    "col_cumulative": ("Cumulative", "Ackumulerat"),
    "col_when": ("When", "När"),
    "col_kind": ("Kind", "Slag"),
    "col_actor": ("Who", "Vem"),
    "col_description": ("What happened", "Vad som hände"),
    "col_source": ("Source", "Källa"),
    "col_check": ("Check", "Kontroll"),
    "col_scope": ("Scope", "Omfattning"),
    "col_stated": ("Stated", "Angivet värde"),
    "col_computed": ("Computed", "Beräknat värde"),
    "col_difference_plain": ("Difference (stated − computed)", "Skillnad (angivet − beräknat)"),
    "col_sources": ("Sources in the report", "Källor i rapporten"),
    "col_id": ("Id", "Id"),
    "col_assumption": ("Assumption", "Antagande"),
    "col_reason": ("Reason", "Skäl"),
    "col_effect": ("Effect", "Effekt"),
    # ---- notes under tables several chapters show ----------------------------------------------------------
    "parts_note": (
        "The bars are the parts as stated; a marked total is the report's own total where the parts add up "
        "to something else. Neither figure is corrected (assumption A10).",
        "Staplarna är delarna som de anges; en markerad totalsumma är rapportens egen där delarna summerar "
        "till något annat. Ingen av siffrorna rättas (antagande A10).",
    ),
}

GLOSSARY: list[tuple[tuple[str, str], tuple[str, str]]] = [  # (term, explanation), each (English, Swedish);
    # placeholders: {base}, {before}, {after}, {reform_year} (asfdata.study)
    (
        ("ASF (arbetsintegrerande socialt företag)", "ASF (arbetsintegrerande socialt företag)"),
        (
            "Work-integrating social enterprise: a company that sells goods or services with the overall "
            "aim of integrating people who have great difficulty getting or keeping a job; it reinvests its "
            "profits and is independent of the public sector (Tillväxtverket's definition).",
            "Företag som producerar och säljer varor eller tjänster med det övergripande ändamålet att "
            "integrera människor som har stora svårigheter att få eller behålla ett arbete; det "
            "återinvesterar sina vinster och är fristående från offentlig verksamhet (Tillväxtverkets "
            "definition).",
        ),
    ),
    (
        ("Samordningsförbund, Finsam", "Samordningsförbund, Finsam"),
        (
            "A coordination association under the Finsam act (financial coordination of rehabilitation), in "
            "which Arbetsförmedlingen, Försäkringskassan, the region and the municipalities pool money for "
            "coordinated rehabilitation. Here Samordningsförbund Gävleborg, which ran the initiative; "
            "“Finsam's target group” are people far from the labour market.",
            "Förbund enligt lagen om finansiell samordning av rehabiliteringsinsatser (Finsam), där "
            "Arbetsförmedlingen, Försäkringskassan, regionen och kommunerna gemensamt finansierar samordnad "
            "rehabilitering. Här Samordningsförbund Gävleborg, som drev insatsen; ”Finsams målgrupp” är "
            "personer som står långt från arbetsmarknaden.",
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
            "was reformed and reorganised in {reform_year}; offices closed and many case officers were "
            "laid off.",
            "Den statliga myndigheten för arbetsförmedling och arbetsmarknadspolitiska insatser, en av de "
            "aktörer som placerar personer i företagen. Den reformerades och omorganiserades {reform_year}; "
            "kontor lades ned och många handläggare sades upp.",
        ),
    ),
    (
        ("Kommunen (placing body)", "Kommunen (placerande aktör)"),
        (
            "The municipality as a body placing people in the companies, e.g. through its labour-market "
            "unit.",
            "Kommunen som aktör som placerar personer i företagen, till exempel via sin "
            "arbetsmarknadsenhet.",
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
            "A person placed in a company for work training, work trial or rehabilitation; the report "
            "counts them at one moment each autumn.",
            "En person placerad i ett företag för arbetsträning, arbetsprövning eller rehabilitering; "
            "rapporten räknar dem vid ett tillfälle varje höst.",
        ),
    ),
    (
        ("Funded supervised placement", "Handledarstödd placering"),
        (
            "A place at a local ASF funded by the association in 2016–2018, with supervisor support, six "
            "months each.",
            "En plats hos ett lokalt ASF som förbundet finansierade 2016–2018, med handledarstöd, sex "
            "månader vardera.",
        ),
    ),
    (
        ("Reserved contract", "Reserverat kontrakt"),
        (
            "A public procurement open only to suppliers whose main aim is the social and professional "
            "integration of disadvantaged people; Söderhamn made its first in 2017.",
            "En offentlig upphandling som bara är öppen för leverantörer vars huvudsyfte är social och "
            "yrkesmässig integration av personer med funktionsnedsättning eller som är missgynnade; "
            "Söderhamn gjorde sin första 2017.",
        ),
    ),
    (
        ("Tillväxtverket (TVV), SKR, Coompanion", "Tillväxtverket (TVV), SKR, Coompanion"),
        (
            "The Swedish Agency for Economic and Regional Growth; Sveriges Kommuner och Regioner (the "
            "association of municipalities and regions); the cooperative business advisers.",
            "Myndigheten för ekonomisk och regional tillväxt; Sveriges Kommuner och Regioner; rådgivare för "
            "kooperativt företagande.",
        ),
    ),
    (
        ("Autumn count (stock)", "Höstens mätning (bestånd)"),
        (
            "A number at one moment each autumn, not a flow during the year.",
            "Ett antal vid ett tillfälle varje höst, inte ett flöde under året.",
        ),
    ),
    (
        ("Index ({base} = 100)", "Index ({base} = 100)"),
        (
            "Each year's figure divided by the figure of {base} and multiplied by 100.",
            "Varje års siffra delad med siffran för {base} och multiplicerad med 100.",
        ),
    ),
    (
        ("Period mean", "Periodmedelvärde"),
        (
            "The mean of the autumn counts {before} (before the reorganisation) or {after} (after).",
            "Medelvärdet av höstsiffrorna {before} (före omorganisationen) eller {after} (efter).",
        ),
    ),
    (
        ("Exact (Clopper–Pearson) interval", "Exakt (Clopper–Pearson) intervall"),
        (
            "A 95\u00a0% interval for a share computed from the binomial distribution; with ten people it "
            "is wide.",
            "Ett 95\u00a0%-intervall för en andel, beräknat med binomialfördelningen; med tio personer är "
            "det brett.",
        ),
    ),
]

MONTH_NAMES = (
    ("January", "February", "March", "April", "May", "June",
     "July", "August", "September", "October", "November", "December"),
    ("januari", "februari", "mars", "april", "maj", "juni",
     "juli", "augusti", "september", "oktober", "november", "december"),
)

PERIOD_WORDS = {  # the report's Swedish words for vaguer times, in English
    "våren": "spring",
    "hösten": "autumn",
    "sensommaren": "late summer",
    "under året": "during the year",
    "tidigt i början av året": "early in the year",
}
