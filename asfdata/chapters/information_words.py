"""The words of chapter 4, information reach and activities (asfdata.chapters.information):
key -> (English, Swedish).

The key prefixes are listed in asfdata/render/shared_words.py; a key here never repeats a shared one.
"""

WORDS: dict[str, tuple[str, str]] = {
    "intro": (
        "Each year the report gives the number of individuals in the target group registered as informed "
        "about ASF during the year (in {last_year} excluding podcast listeners), and it lists the "
        "initiative's milestones.",
        "Varje år anger rapporten antalet individer i målgruppen som registrerats som informerade om ASF "
        "under året (år {last_year} exklusive poddlyssnare), och den listar insatsens milstolpar.",
    ),
    "axis_informed": ("People informed", "Informerade personer"),
    "panel_milestones": (
        "Milestones in the report (number per year)",
        "Milstolpar i rapporten (antal per år)",
    ),
    "mark_stated_period": ("Stated total {years}: {value}", "Angiven totalsumma {years}: {value}"),
    "row_stated_period_total": ("Stated total {years}", "Angiven totalsumma {years}"),
    "finding_informed": (
        "The yearly figures of people informed add up to {computed} for {years}; the report states a total "
        "of {stated} ({diff} against the sum). Most were informed in {peak_year} ({peak}).",
        "Årssiffrorna för informerade personer summerar till {computed} för {years}; rapporten anger totalt "
        "{stated} ({diff} mot summan). Flest informerades {peak_year} ({peak}).",
    ),
    "informed_swapped": (
        " The two totals differ only by two swapped digits.",
        " De två summorna skiljer sig bara genom två omkastade siffror.",
    ),
    "informed_volume": (
        "The report counts people informed “in volume”: a person informed in two years may be counted "
        "twice, so the cumulative figure is a number of contacts, not of different people.",
        "Rapporten räknar informerade personer ”i volym”: en person som informerats två år kan räknas två "
        "gånger, så den ackumulerade siffran är ett antal kontakter, inte olika personer.",
    ),
    "title_informed": (
        "The yearly figures add up to {computed} people informed, the report states {stated}",
        "Årssiffrorna summerar till {computed} informerade, rapporten anger {stated}",
    ),
    "what_informed": (
        "people informed each year (bars) and cumulatively (line), with the report's stated period total",
        "informerade personer varje år (staplar) och ackumulerat (linje), med rapportens angivna totalsumma "
        "för perioden",
    ),
    "h_timeline": ("Milestones and placements on the same years", "Milstolpar och placeringar samma år"),
    "title_timeline": (
        "Placements peaked in {peak_year}; the report lists {n} milestones {years}",
        "Placeringarna var som flest {peak_year}; rapporten listar {n} milstolpar {years}",
    ),
    "what_timeline": (
        "people placed by placing body (top) and the number of milestones of each kind per year (bottom), "
        "on the same years",
        "placerade personer per placerande aktör (överst) och antalet milstolpar av varje slag per år "
        "(nederst), på samma år",
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
    "subtitle_informed": (
        "People informed during each year (bars) and since {y0} (line), and the report's stated total for "
        "the period (dashed); people",
        "Informerade personer under varje år (staplar) och sedan {y0} (linje), och rapportens angivna "
        "totalsumma för perioden (streckad); antal personer",
    ),
    "takeaway_informed": (
        "Most people were informed in {peak_year} ({peak}); the report's stated total differs from the sum "
        "of the years by {diff}.",
        "Flest informerades {peak_year} ({peak}); rapportens angivna totalsumma skiljer sig från årens "
        "summa med {diff}.",
    ),
    "caption_informed": (
        "People informed each year and cumulatively, and the report's stated total",
        "Informerade personer varje år och ackumulerat, och rapportens angivna totalsumma",
    ),
    "subtitle_timeline": (
        "Above: people placed at each autumn count, by placing body and their sum (dashed). Below: the "
        "report's milestones by kind and year; the larger the circle, the more milestones",
        "Överst: placerade personer vid höstens mätning, per placerande aktör och summan av dem "
        "(streckad). Nederst: rapportens milstolpar per slag och år; ju större cirkel, desto fler "
        "milstolpar",
    ),
    "takeaway_timeline": (
        "The report dates most milestones to {top_year} ({top} of {n}); a milestone and a change in "
        "placements in the same year show timing, not cause.",
        "Rapporten daterar flest milstolpar till {top_year} ({top} av {n}); en milstolpe och en förändring "
        "av placeringarna samma år visar tidpunkter, inte orsaker.",
    ),
    "caption_kinds": (
        "The report's milestones per kind and year",
        "Rapportens milstolpar per slag och år",
    ),
}
