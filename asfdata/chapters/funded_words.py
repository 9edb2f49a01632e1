"""The words of chapter 3, the funded placements (asfdata.chapters.funded): key -> (English, Swedish).

The key prefixes are listed in asfdata/render/shared_words.py; a key here never repeats a shared one.
"""

WORDS: dict[str, tuple[str, str]] = {
    "intro": (
        "From {y0} to {y1} the association set aside money, which the partners could apply for, to fund "
        "supervised placements (handledarstödda platser) at local ASF, {months} months each. The report "
        "gives each grant, the places used, the genders of those placed and some outcomes, and a summary.",
        "Från {y0} till {y1} avsatte förbundet medel, sökbara för parterna, för att finansiera "
        "handledarstödda platser hos lokala ASF, {months} månader vardera. Rapporten redovisar för varje "
        "beslut om medel de beviljade och nyttjade platserna, de placerades kön och vissa utfall, och "
        "sammanfattar dem.",
    ),
    "small_note": (
        "fewer than three people: shown only as the report published it",
        "färre än tre personer: visas endast så som rapporten redovisade dem",
    ),
    "small_rule": (
        "Tables describing fewer than three people say so in their last column; they show only what the "
        "report itself published about these people and add no detail about individuals.",
        "Tabeller som beskriver färre än tre personer säger det i sista kolumnen; de visar endast vad "
        "rapporten själv redovisade om dessa personer och lägger inte till några uppgifter om enskilda.",
    ),
    "none": ("none", "inga"),
    "axis_places_people": ("Places or people", "Platser eller personer"),
    "axis_places": ("Places", "Platser"),
    "axis_share_people": ("Share of the unique individuals (%)", "Andel av de unika individerna (%)"),
    "finding_funded": (
        "Of {granted} funded places granted {y0}–{y1}, {used} were used ({rate}), by {n} people. {kw} of "
        "the {n} went on to work, {ka} was referred to Arbetsförmedlingen and, by the report's summary, "
        "{kb} went back to public support. For similar participants, the exact 95\u00a0% interval of the "
        "rate of going on to work or to Arbetsförmedlingen ({ke} of {n} here) runs from {lo} to {hi}.",
        "Av {granted} beviljade finansierade platser {y0}–{y1} nyttjades {used} ({rate}); de nyttjades av "
        "sammanlagt {n} personer. {kw} av de {n} gick vidare till arbete, {ka} aktualiserades hos "
        "Arbetsförmedlingen och enligt rapportens sammanfattning återgick {kb} till offentlig försörjning. "
        "För liknande deltagare sträcker sig det exakta 95-procentiga intervallet för andelen som går "
        "vidare till arbete eller till Arbetsförmedlingen ({ke} av {n} här) från {lo} till {hi}.",
    ),
    "title_funnel": (
        "Of {granted} places granted, {used} were used by {n} people; {kw} went on to work",
        "{n} personer nyttjade {used} av {granted} beviljade platser; {kw} gick vidare till arbete",
    ),
    "what_funnel": (
        "the funded placements from places granted to outcomes",
        "de finansierade placeringarna från beviljade platser till utfall",
    ),
    "alt_bars": ("Bar chart: {what}. {values}.", "Stapeldiagram: {what}. {values}."),
    "funnel_note": (
        "Places granted and used are the sums of the yearly detail; unique individuals and outcomes are the "
        "summary's (assumption A04: 11 places, 10 people, one placement extended).",
        "Beviljade och nyttjade platser är summor ur den årsvisa redovisningen; unika individer och utfall "
        "är sammanfattningens (antagande A04: 11 platser, 10 personer, en placering förlängd).",
    ),
    "h_use_rate": ("Use rate per municipality and year", "Nyttjandegrad per kommun och år"),
    "title_use_rate": (
        "{full} of {grants} grants were fully used; overall {rate} of the places were used",
        "{full} av {grants} beviljade insatser nyttjades fullt ut; totalt nyttjades {rate} av platserna",
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
        "Den årsvisa redovisningen anger {w} kvinnor och {m} män för de {used} nyttjade platserna (kön "
        "anges per plats, antagande A09).",
    ),
    "finding_gender_unstated": (
        " For {k} of the places no gender is stated.",
        " För {k} av platserna anges inget kön.",
    ),
    "h_outcomes": ("Outcomes, with exact intervals", "Utfall, med exakta intervall"),
    "title_intervals": (
        "{k} of {n} went on to work; for similar participants the rate could lie anywhere from {lo} to {hi}",
        "{k} av {n} gick vidare till arbete; för liknande deltagare kan andelen ligga mellan {lo} och {hi}",
    ),
    "what_intervals": (
        "the share of the {n} unique individuals with each outcome, with exact 95\u00a0% intervals",
        "andelen av de {n} unika individerna med varje utfall, med exakta 95\u00a0%-intervall",
    ),
    "alt_intervals": ("Dot chart: {what}. {values}.", "Punktdiagram: {what}. {values}."),
    "item_interval": (
        "{name}: {k} of {n} ({share}; interval {lo}–{hi})",
        "{name}: {k} av {n} ({share}; intervall {lo}–{hi})",
    ),
    "intervals_note": (
        "A good outcome is counted as going on to work, the aim the report sets for the placements (to "
        "enter the labour market); a referral to Arbetsförmedlingen is a step towards work and is counted "
        "with it in the row work or Arbetsförmedlingen. Among these {n} people every share is known "
        "exactly. The exact (Clopper–Pearson) 95\u00a0% intervals describe the rate one might expect among "
        "similar participants: with {n} people, almost any rate between the limits is consistent with "
        "what was seen.",
        "Som gott utfall räknas att gå vidare till arbete, det mål rapporten anger för platserna (att "
        "komma in på arbetsmarknaden); att aktualiseras hos Arbetsförmedlingen är ett steg mot arbete och "
        "räknas med i raden arbete eller Arbetsförmedlingen. Bland dessa {n} personer är varje andel "
        "exakt känd. De exakta 95-procentiga intervallen (Clopper–Pearson) beskriver den andel man kan "
        "vänta sig bland liknande deltagare: med {n} personer är nästan varje andel mellan gränserna "
        "förenlig med det som observerades.",
    ),
    "h_contradictions": (
        "The report's own contradictions about these people",
        "Rapportens egna motsägelser om dessa personer",
    ),
    "contradictions_intro": (
        "The yearly detail and the summary describe the outcomes differently. {items}. The audit finds {n} "
        "mismatches about these placements; they are listed below with their sources.",
        "Den årsvisa redovisningen och sammanfattningen beskriver utfallen olika. {items}. Granskningen "
        "finner {n} avvikelser om dessa placeringar; de redovisas nedan med sina källor.",
    ),
    "item_contradiction": (
        "{outcome}: the detail states {detail}, the summary {summary}",
        "{outcome}: den årsvisa redovisningen anger {detail}, sammanfattningen {summary}",
    ),
    "gender_count": ("{k} {gender}", "{k} {gender}"),
    "g_women": ("women", "kvinnor"),
    "g_men": ("men", "män"),
    "g_women_1": ("woman", "kvinna"),
    "g_men_1": ("man", "man"),
    "g_unknown": ("of unstated gender", "med ej angivet kön"),
    "audit_funded_caption": (
        "Audit rows about the funded placements that do not agree.",
        "Granskningsrader om de finansierade placeringarna som inte stämmer.",
    ),
    "subtitle_funnel": (
        "The funded placements {y0}–{y1}, from the places granted to the outcomes the report's summary "
        "gives; places or people",
        "De finansierade placeringarna {y0}–{y1}, från beviljade platser till de utfall som rapportens "
        "sammanfattning anger; platser eller personer",
    ),
    "takeaway_funnel": (
        "{rate} of the places granted were used, and by the report's summary {kb} of the {n} people went "
        "back to public support.",
        "{rate} av de beviljade platserna nyttjades, och enligt rapportens sammanfattning återgick {kb} av "
        "de {n} personerna till offentlig försörjning.",
    ),
    "caption_funnel": (
        "The funded placements, stage by stage",
        "De finansierade placeringarna, steg för steg",
    ),
    "subtitle_use_rate": (
        "Funded places granted (outline) and used (filled), per municipality and year; places",
        "Beviljade (kontur) och nyttjade (fylld) finansierade platser, per kommun och år; antal platser",
    ),
    "takeaway_use_rate": (
        "Use ranged from {lo_used} of {lo_granted} places ({lo}) to {hi_used} of {hi_granted} ({hi}).",
        "Nyttjandet varierade från {lo_used} av {lo_granted} platser ({lo}) till {hi_used} av {hi_granted} "
        "({hi}).",
    ),
    "caption_use_rate": (
        "Places granted and used, and the use rate, per municipality and year",
        "Beviljade och nyttjade platser, och nyttjandegraden, per kommun och år",
    ),
    "subtitle_intervals": (
        "Share of the {n} unique individuals with each outcome, with exact 95\u00a0% intervals; per cent",
        "Andel av de {n} unika individerna med varje utfall, med exakta 95\u00a0%-intervall; procent",
    ),
    "takeaway_intervals": (
        "With {n} people every interval is wide: even “{name}” ({k} of {n}) is compatible with rates from "
        "{lo} to {hi}.",
        "Med {n} personer är varje intervall brett: även ”{name}” ({k} av {n}) är förenligt med andelar "
        "från {lo} till {hi}.",
    ),
    "caption_intervals": (
        "Outcomes of the {n} unique individuals, with exact 95\u00a0% intervals",
        "Utfall för de {n} unika individerna, med exakta 95\u00a0%-intervall",
    ),
    "caption_target_groups": (
        "Places granted and used per target group",
        "Beviljade och nyttjade platser per målgrupp",
    ),
    "caption_gender": (
        "Women and men among those placed, as the yearly detail gives them",
        "Kvinnor och män bland de placerade, så som den årsvisa redovisningen anger dem",
    ),
    "caption_contradictions": (
        "Outcomes by gender: the yearly detail against the summary",
        "Utfall per kön: den årsvisa redovisningen mot sammanfattningen",
    ),
    "h_statements": (
        "What the report says about the ten people, reading by reading",
        "Vad rapporten säger om de tio personerna, tolkning för tolkning",
    ),
    "statements_intro": (
        "The yearly detail leaves some genders and one outcome unstated, so it allows more than one reading "
        "of who had which outcome: {n} in all (assumptions A04, A12, A14 and A15). Each statement the "
        "report makes about these people holds in all, some or none of these readings.",
        "Den årsvisa redovisningen anger inte alla kön och inte alla utfall, så den medger mer än en "
        "tolkning av vem som fick vilket utfall: {n} sammanlagt (antagandena A04, A12, A14 och A15). Varje "
        "påstående som rapporten gör om dessa personer gäller i alla, några eller inga av tolkningarna.",
    ),
    "caption_statements": (
        "The report's statements about the people of the funded placements, in {n} readings",
        "Rapportens påståenden om personerna på de finansierade platserna, i {n} tolkningar",
    ),
    "col_statement": ("Statement", "Påstående"),
    "col_where": ("Where", "Var"),
    "col_holds": ("Holds in", "Gäller i"),
    "col_condition": ("When it holds", "Gäller om"),
    "where_detail": ("yearly detail", "den årsvisa redovisningen"),
    "where_summary": ("summary", "sammanfattningen"),
    "holds_all": ("every reading", "alla tolkningar"),
    "holds_some": ("some readings", "några tolkningar"),
    "holds_none": ("no reading", "ingen tolkning"),
    "h_corrections": ("The smallest corrections", "De minsta rättelserna"),
    "corrections_intro": (
        "No reading satisfies every statement at once. These {k} sets of statements are the smallest that, "
        "taken as slips, leave all the others in agreement:",
        "Ingen tolkning uppfyller alla påståenden samtidigt. Dessa {k} grupper av påståenden är de minsta "
        "som, om de betraktas som felskrivningar, gör att alla övriga stämmer:",
    ),
}
