"""The words of the explorer (notebooks/explore.ipynb) (asfdata.chapters.explore): key -> (English, Swedish).

The key prefixes are listed in asfdata/render/shared_words.py; a key here never repeats a shared one.
"""

WORDS: dict[str, tuple[str, str]] = {
    "axis_share": ("Share of the sum of the parts (%)", "Andel av summan av delarna (%)"),
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
        "Choose a measure, a breakdown and a scale; the chart and its table are redrawn. The figures are "
        "the report's autumn counts; shares are of the sum of the parts.",
        "Välj ett mått, en uppdelning och en skala; diagrammet och dess tabell ritas om. Siffrorna är "
        "rapportens höstsiffror; andelar är av summan av delarna.",
    ),
    "explore_title": ("{measure}, {group}: {scale}", "{measure}, {group}: {scale}"),
    "explore_alt": (
        "Line chart of {measure} ({group}, {scale}) for each autumn {years}. {values}.",
        "Linjediagram över {measure} ({group}, {scale}) för varje höst {years}. {values}.",
    ),
    "explore_takeaway": ("From {first} to {last}: {finding}.", "Från {first} till {last}: {finding}."),
}
