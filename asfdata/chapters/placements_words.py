"""The words of chapter 2, people placed and the 2019 reform (asfdata.chapters.placements):
key -> (English, Swedish).

The key prefixes are listed in asfdata/render/shared_words.py; a key here never repeats a shared one.
"""

WORDS: dict[str, tuple[str, str]] = {
    "intro": (
        "People placed in the companies for work training, work trials or rehabilitation, by the body that "
        "placed them: Arbetsförmedlingen, Kommunen (the municipality) and others without compensation. Each "
        "figure is the number placed at the autumn count. In {reform_year} Arbetsförmedlingen was reformed "
        "and reorganised; the report names this as the main cause of the fall in placements.",
        "Personer placerade i företagen för arbetsträning, arbetsprövning eller rehabilitering, per den "
        "aktör som placerade dem: Arbetsförmedlingen, Kommunen och övriga utan ersättning. Varje siffra är "
        "antalet placerade vid höstens mätning. {reform_year} reformerades och omorganiserades "
        "Arbetsförmedlingen; rapporten anger det som huvudorsaken till att antalet placerade minskade.",
    ),
    "axis_per_company": ("People placed per company", "Placerade personer per företag"),
    "axis_per_employee": ("People placed per employee", "Placerade personer per anställd"),
    "panel_per_company": ("Per registered company", "Per registrerat företag"),
    "panel_per_employee": ("Per employee", "Per anställd"),
    "title_placements": (
        "People placed (sum of the parts) {verb} from {a} in autumn {ya} to {b} in autumn {yb}",
        "Antalet placerade personer (summan av delarna) {verb} från {a} hösten {ya} till {b} hösten {yb}",
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
        "Placerade per företag {verb} från {a} år {ya} till {b} år {yb}",
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
    "alt_stated_marks": (
        "Stated totals that differ from the sum of the parts: {items}.",
        "Angivna totalsummor som skiljer sig från summan av delarna: {items}.",
    ),
    "ratios_note": (
        "Sum of the parts divided by the stated number of companies or employees at the same count.",
        "Summan av delarna delad med det angivna antalet företag eller anställda vid samma mätning.",
    ),
    "h_change_year": ("From autumn {ya} to autumn {yb}", "Från hösten {ya} till hösten {yb}"),
    "finding_change_year": (
        "From autumn {ya} to autumn {yb}, {items}.",
        "Från hösten {ya} till hösten {yb}: {items}.",
    ),
    "item_change": (
        "{placements} {verb} from {a} to {b} ({chg}, {pct})",
        "{placements} {verb} från {a} till {b} ({chg}; {pct})",
    ),
    "h_period_means": (
        "Before and after: mean {before} against mean {after}",
        "Före och efter: medelvärde {before} mot medelvärde {after}",
    ),
    "finding_fell_most": (
        "Ranked by the percent change of the period means, {first} fell most ({pct}; {chg} people in the "
        "average autumn count){then}.",
        "Rangordnat efter den procentuella förändringen av periodernas medelvärden minskade {first} mest "
        "({pct}; {chg} personer i den genomsnittliga höstmätningen){then}.",
    ),
    "fell_then": (", then {items}", ", därefter {items}"),
    "finding_rose": (
        "{placements} {verb} ({pct}; {chg} people in the average autumn count).",
        "{placements} {verb} ({pct}; {chg} personer i den genomsnittliga höstmätningen).",
    ),
    "item_rank": ("{placements} ({pct}; {chg} people)", "{placements} ({pct}; {chg} personer)"),
    "finding_fell_most_abs": (
        "In people, the largest fall was in {placements} ({chg} people in the average autumn count).",
        "I antal personer minskade {placements} mest ({chg} personer i den genomsnittliga höstmätningen).",
    ),
    "h_pandemic": ("{year}: a second cause named by the report", "{year}: en andra orsak enligt rapporten"),
    "finding_pandemic": (
        "For {year} the report names a second cause: it says the pandemic affected placements negatively. "
        "From autumn {ya} to autumn {yb} the sum of the parts {verb} from {a} to {b} ({pct}); the “after” "
        "mean {after} includes this pandemic year, so whatever the causes were, it covers both the year of "
        "the reorganisation and the first pandemic year.",
        "För {year} anger rapporten en andra orsak: den säger att pandemin påverkade placeringarna negativt. "
        "Från hösten {ya} till hösten {yb} {verb} summan av delarna från {a} till {b} ({pct}); medelvärdet "
        "”efter” {after} innehåller detta pandemiår och omfattar alltså, vilka orsakerna än var, både "
        "omorganisationens år och det första pandemiåret.",
    ),
    "h_five_points": (
        "What five autumn counts can and cannot show",
        "Vad fem höstmätningar kan och inte kan visa",
    ),
    "five_can": (
        "They can show the size and direction of the change between counts: placements by {lower} were "
        "lower in every autumn {after} than in any autumn {before}{rest}.",
        "De kan visa storlek och riktning på förändringen mellan mätningarna: för {lower} var antalet "
        "placerade lägre varje höst {after} än någon höst {before}{rest}.",
    ),
    "five_can_partly": ("; those by {items} were not", "; för {items} var det inte så"),
    "five_can_none": (
        "They can show the size and direction of the change between counts; no placing body was lower in "
        "every autumn {after} than in any autumn {before}.",
        "De kan visa storlek och riktning på förändringen mellan mätningarna; för ingen placerande aktör "
        "var antalet placerade lägre varje höst {after} än någon höst {before}.",
    ),
    "five_cannot_when": (
        "They cannot show when during a year a change happened, how many different people were placed, or "
        "how long each stayed.",
        "De kan inte visa när under året en förändring skedde, hur många olika personer som placerades "
        "eller hur länge var och en stannade.",
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
        "once a year, partly the same people from one year to the next, not independent counts of events, "
        "so such a test's assumptions do not hold (assumptions A01, A11).",
        "Inget signifikanstest (till exempel ett Poissontest) görs: siffrorna är bestånd av personer som "
        "mäts en gång om året, delvis samma personer från ett år till nästa, inte oberoende antal "
        "händelser, så ett sådant tests antaganden håller inte (antagandena A01 och A11).",
    ),
    "h_shares": ("Who made up the fall", "Vilka som stod för nedgången"),
    "shares_intro": (
        "Each placing body's share of the people placed at each autumn count, in per cent of the sum of the "
        "parts (the stated totals of 2018 and 2020 differ from it).",
        "Varje placerande aktörs andel av de placerade personerna vid varje höstmätning, i procent av "
        "summan av delarna (de angivna totalsummorna för 2018 och 2020 avviker från den).",
    ),
    "finding_shares": (
        "Of the fall of {fall} placements from autumn {y0} to autumn {y1}, Arbetsförmedlingen accounted "
        "for {a} ({a_share}), Kommunen for {k} ({k_share}) and others for {o} ({o_share}). "
        "Arbetsförmedlingen's share of all placements therefore rose, from {a0_share} to {a1_share}, while "
        "Kommunen's fell from {k0_share} to {k1_share}; in {y2} the shares were {a2_share} and {k2_share}.",
        "Av nedgången med {fall} placeringar från hösten {y0} till hösten {y1} svarade Arbetsförmedlingen "
        "för {a} ({a_share}), kommunerna för {k} ({k_share}) och övriga för {o} ({o_share}). "
        "Arbetsförmedlingens andel av alla placeringar ökade därför, från {a0_share} till {a1_share}, "
        "medan kommunernas minskade från {k0_share} till {k1_share}; {y2} var andelarna {a2_share} och "
        "{k2_share}.",
    ),
    "subtitle_placements": (
        "People placed in the companies at each autumn count, by placing body and their sum (dashed); people",
        "Personer placerade i företagen vid höstens mätning, per placerande aktör och summan av dem "
        "(streckad); antal personer",
    ),
    "takeaway_placements": (
        "From autumn {ya} to autumn {yb} {body} fell the most in people ({chg}); the report names the "
        "reorganisation of Arbetsförmedlingen as the main cause.",
        "Från hösten {ya} till hösten {yb} minskade {body} mest i antal personer ({chg}); rapporten anger "
        "Arbetsförmedlingens omorganisation som huvudorsak.",
    ),
    "caption_placements": (
        "People placed by placing body and their sum, each autumn",
        "Placerade personer per placerande aktör och summan av dem, varje höst",
    ),
    "subtitle_indexed": (
        "People placed by placing body, as an index (autumn {base} = 100)",
        "Placerade personer per placerande aktör, som index (hösten {base} = 100)",
    ),
    "takeaway_indexed": (
        "Against {base}, {low} ended lowest ({low_v}) and {high} highest ({high_v}).",
        "Jämfört med {base} slutade {low} lägst ({low_v}) och {high} högst ({high_v}).",
    ),
    "caption_indexed": (
        "People placed by placing body, index ({base} = 100), each autumn",
        "Placerade personer per placerande aktör, index ({base} = 100), varje höst",
    ),
    "subtitle_parts": (
        "People placed at each autumn count by placing body, stacked, and the report's stated total "
        "(diamond) where it differs from their sum; people",
        "Placerade personer vid höstens mätning per placerande aktör, staplade, och rapportens angivna "
        "totalsumma (romb) där den avviker från summan av dem; antal personer",
    ),
    "takeaway_parts": (
        "In {n} of {years} autumns the report's total and its parts disagree; both are shown as stated, and "
        "the audit records each difference.",
        "Under {n} av {years} höstar stämmer rapportens totalsumma inte med delarna; båda visas som de "
        "anges, och granskningen redovisar varje skillnad.",
    ),
    "takeaway_parts_ok": (
        "In every autumn the report's total equals the sum of its parts.",
        "Varje höst är rapportens totalsumma lika med summan av delarna.",
    ),
    "caption_parts": (
        "People placed by placing body, their sum and the stated total, each autumn",
        "Placerade personer per placerande aktör, summan av dem och den angivna totalsumman, varje höst",
    ),
    "subtitle_ratios": (
        "People placed per registered company (top) and per employee (bottom), by placing body and their "
        "sum (dashed), at each autumn count",
        "Placerade personer per registrerat företag (överst) och per anställd (nederst), per placerande "
        "aktör och summan av dem (streckad), vid höstens mätning",
    ),
    "takeaway_ratios": (
        "Per employee, people placed (sum of the parts) {verb} from {a} in {ya} to {b} in {yb}.",
        "Per anställd {verb} antalet placerade (summa av delarna) från {a} {ya} till {b} {yb}.",
    ),
    "caption_per_company": (
        "People placed per registered company, each autumn",
        "Placerade personer per registrerat företag, varje höst",
    ),
    "caption_per_employee": (
        "People placed per employee, each autumn",
        "Placerade personer per anställd, varje höst",
    ),
    "caption_change_year": (
        "People placed by placing body in autumn {ya} and autumn {yb}, and the change",
        "Placerade personer per placerande aktör hösten {ya} och hösten {yb}, och förändringen",
    ),
    "caption_shares": (
        "Each placing body's share of the sum of the parts, per cent, each autumn",
        "Varje placerande aktörs andel av summan av delarna, procent, varje höst",
    ),
    "caption_period_means": (
        "Mean autumn counts {before} and {after} per placing body, ranked by the percent change",
        "Medelvärden av höstsiffrorna {before} och {after} per placerande aktör, rangordnade efter den "
        "procentuella förändringen",
    ),
}
