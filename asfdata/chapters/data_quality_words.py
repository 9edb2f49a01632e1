"""The words of chapter 6, data quality (asfdata.chapters.data_quality): key -> (English, Swedish).

The key prefixes are listed in asfdata/render/shared_words.py; a key here never repeats a shared one.
"""

WORDS: dict[str, tuple[str, str]] = {
    "intro": (
        "The audit (`python -m asfdata audit`) checks the report's figures against each other by generic "
        "rules: stated totals against their parts, period totals against the yearly figures, the funded "
        "placements' summary against their detail, and the same figure stated in two sections. Status ok: "
        "the figures agree; approximate: an approximate figure within ±10\u00a0% (assumption A05); "
        "consistent if: they agree only for some values of an outcome the report does not state, named in "
        "the note (assumption A15); mismatch: they disagree. Difference = stated − computed.",
        "Granskningen (`python -m asfdata audit`) prövar rapportens siffror mot varandra med generella "
        "regler: angivna totalsummor mot sina delar, periodsummor mot årsuppgifterna, sammanfattningen av "
        "de finansierade placeringarna mot den årsvisa redovisningen och samma uppgift i två avsnitt. "
        "Status stämmer: siffrorna överensstämmer; ungefärlig: en ungefärlig uppgift ligger inom ±10\u00a0% "
        "(antagande A05); stämmer om: siffrorna överensstämmer bara för vissa värden på ett utfall som "
        "rapporten inte anger, och anmärkningen säger vilka (antagande A15); avviker: siffrorna går isär. "
        "Skillnad = angivet − beräknat värde.",
    ),
    "finding_audit": (
        "The audit ran {total} checks: {mismatch} with figures that disagree (mismatch), {consistent_if} "
        "that agree only if an outcome the report leaves unstated was of a particular kind (consistent if), "
        "{approximate} approximately in agreement and {ok} in agreement.",
        "Granskningen omfattade {total} kontroller: {mismatch} där siffrorna går isär (avviker), "
        "{consistent_if} som stämmer bara om ett utfall som rapporten inte anger var av ett visst slag "
        "(stämmer om), {approximate} där de stämmer ungefär och {ok} där de stämmer.",
    ),
    "h_audit": ("Audit, mismatches first", "Granskning, avvikelser först"),
    "h_assumptions": ("Assumptions log", "Antagandelogg"),
    "assumptions_intro": (
        "Every judgement the analysis makes that the report does not state outright; chapters and audit "
        "rows cite them by id.",
        "Varje bedömning som analysen gör och som rapporten inte uttryckligen anger; kapitlen och "
        "granskningsraderna hänvisar till dem med id.",
    ),
    "caption_audit": (
        "Every check of the audit, mismatches first; each row's note below it",
        "Granskningens alla kontroller, avvikelser först; varje rads anmärkning under den",
    ),
    "caption_assumptions": (
        "The assumptions log, by id",
        "Antagandeloggen, efter id",
    ),
}
