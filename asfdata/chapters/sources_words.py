"""The words of the appendix of sources (asfdata.chapters.sources): key -> (English, Swedish).

Key prefixes: intro the opening paragraph; col_ column heads; caption_ the table's caption. The
report's sentences themselves are quotations, shown in Swedish in both editions.
"""

WORDS: dict[str, tuple[str, str]] = {
    "intro": (
        "Every one of the {n} figures transcribed from the report, in the {sentences} sentences of the "
        "report that state them, in the report's own words (in Swedish), with the report section and "
        "the line of the data file that holds each figure. With the report at hand, a reader can check "
        "every figure of this evaluation against its source without running any code.",
        "Var och en av de {n} uppgifter som förts över från rapporten, i de {sentences} meningar i "
        "rapporten som anger dem, med rapportens egna ord, rapportens avsnitt och den rad i datafilen "
        "som håller varje uppgift. Den som har rapporten till hands kan kontrollera varje uppgift i "
        "utvärderingen mot källan utan att köra någon kod.",
    ),
    "col_figures": ("Figures", "Uppgifter"),
    "col_section": ("Report section", "Avsnitt i rapporten"),
    "col_sentence": ("The report's words", "Rapportens ord"),
    "col_places": ("Data file and line", "Datafil och rad"),
    "caption_sources": (
        "The {n} transcribed figures and the sentences they come from",
        "De {n} överförda uppgifterna och meningarna de kommer från",
    ),
}
