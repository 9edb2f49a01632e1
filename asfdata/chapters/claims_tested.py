"""Chapter 5, its second part: two causes the report names, tested against what its milestones record for
each municipality (Söderhamn's reserved contract; the municipalities that take a comprehensive approach),
each with its n and what the records cannot tell (notebooks/05_goals)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from asfdata import catalogs, metrics, registry
from asfdata.chapters.goals import DOCUMENT_KINDS, GROUPS_CONTINUED, GROUPS_FORMED, NETWORK, actors_in
from asfdata.pipeline.data import Frames
from asfdata.render import words
from asfdata.render.html import SUBSECTION, dl, formatted, h, p, table_html
from asfdata.render.phrases import source_line
from asfdata.render.section import Section, stated, tidy

WORDS = catalogs.load(registry.chapter("05").catalog)  # chapter 5's words, shared with its first part (goals)
t = words.translator(WORDS)

PROCUREMENT = "procurement"  # the milestones' kind of a procurement with a reserved contract
AWARD = "award"  # the milestones' kind of a prize
SKR = "SKR"  # Sveriges Kommuner och Regioner as the milestones name it; named first, the event is SKR's own


# ---- the frames ------------------------------------------------------------------------------------------


def _actors(cell) -> list[str]:
    """The actors of a milestone's actor cell, in order ([] when it is empty)."""
    return [a.strip() for a in cell.split(";")] if isinstance(cell, str) else []


def _years_named(events: pd.DataFrame, municipalities: Sequence[str]) -> dict[str, list[int]]:
    """The years of the events that name each municipality as an actor (ascending; empty when none)."""
    out: dict[str, list[int]] = {m: [] for m in municipalities}
    for year, group in events.groupby("year", sort=True):
        for m in actors_in(group, municipalities):
            out[m].append(int(year))
    return out


def comprehensive(frames: Frames) -> pd.DataFrame:
    """One row per municipality: its policy documents or action plans (document, document_years,
    first_document), its collaboration group formed in GROUPS_FORMED and continued in GROUPS_CONTINUED, and
    its funded places granted and used (places; 0 where none); documented first, by first year."""
    ev = frames.events
    municipalities = list(frames.municipalities["municipality"])
    docs = _years_named(ev.loc[ev["kind"].isin(DOCUMENT_KINDS)], municipalities)
    network = ev.loc[ev["kind"] == NETWORK]
    formed = set(actors_in(network.loc[network["year"] == GROUPS_FORMED], municipalities))
    continued = set(actors_in(network.loc[network["year"] == GROUPS_CONTINUED], municipalities))
    funded = frames.funded_placements.groupby("municipality")[["places_granted", "places_used"]].sum()
    out = pd.DataFrame({
        "municipality": municipalities,
        "document": [bool(docs[m]) for m in municipalities],
        "document_years": [tuple(docs[m]) for m in municipalities],
        "first_document": pd.array([min(docs[m], default=None) for m in municipalities], dtype="Int64"),
        "group_formed": [m in formed for m in municipalities],
        "group_continued": [m in continued for m in municipalities],
        "places_granted": [int(funded["places_granted"].get(m, 0)) for m in municipalities],
        "places_used": [int(funded["places_used"].get(m, 0)) for m in municipalities],
    })
    order = ["document", "first_document", "group_continued", "group_formed", "municipality"]
    return out.sort_values(order, ascending=[False, True, False, False, True], na_position="last",
                           kind="stable").reset_index(drop=True)


def procurements(frames: Frames) -> pd.DataFrame:
    """The procurements with a reserved contract among the milestones, by year: year, month, period_text,
    municipality (the first named), winner (the other actors), source."""
    ev = frames.events
    municipalities = list(frames.municipalities["municipality"])
    rows = []
    for i in ev.loc[ev["kind"] == PROCUREMENT].sort_values("year", kind="stable").index:
        r, named = ev.loc[i], actors_in(ev.loc[[i]], municipalities)
        rows.append({"year": int(r["year"]), "month": r["month"], "period_text": r["period_text"],
                     "municipality": named[0] if named else "",
                     "winner": "; ".join(a for a in _actors(r["actor"]) if a not in municipalities),
                     "source": r["source"]})
    return pd.DataFrame(rows, columns=["year", "month", "period_text", "municipality", "winner", "source"])


def naming(events: pd.DataFrame, municipality: str) -> pd.DataFrame:
    """The milestones that name a municipality, as an actor or in their English description, in time order
    (metrics.events_table)."""
    word = re.compile(rf"(?<!\w){re.escape(municipality)}(?!\w)")
    actor = events["actor"].map(lambda c: municipality in _actors(c))
    described = events["description_en"].map(lambda d: isinstance(d, str) and bool(word.search(d)))
    return metrics.events_table(events.loc[actor | described])


def reserved_contract(frames: Frames) -> pd.DataFrame:
    """comprehensive() with, per municipality, its procurements with a reserved contract and the milestones
    that name it (naming), both counts."""
    out = comprehensive(frames)
    contracts = procurements(frames)["municipality"].value_counts()
    return out.assign(
        procurements=[int(contracts.get(m, 0)) for m in out["municipality"]],
        milestones=[len(naming(frames.events, m)) for m in out["municipality"]],
    )


# ---- words filled with the figures -----------------------------------------------------------------------


def _names(frame: pd.DataFrame, lang: str) -> str:
    """The municipalities of a frame's rows as a list in prose ('a, b and c')."""
    return words.join(list(frame["municipality"]), lang)


def _when(month, period_text, lang: str) -> str:
    """A milestone's month, or the report's vaguer words for its time, in lang ('' when neither)."""
    if not pd.isna(month):
        return words.month(int(month), lang)
    return words.period_text(period_text, lang) if isinstance(period_text, str) else ""


def _order(first_document: int) -> str:
    """When a municipality's first document came against the milestones' years of the groups: before,
    same_formed, between, same_continued or after."""
    if first_document < GROUPS_FORMED:
        return "before"
    if first_document == GROUPS_FORMED:
        return "same_formed"
    if first_document < GROUPS_CONTINUED:
        return "between"
    return "same_continued" if first_document == GROUPS_CONTINUED else "after"


def comprehensive_counts(c: pd.DataFrame) -> dict[str, int]:
    """The counts of municipalities the comprehensive-approach test states (comprehensive()'s frame): in
    all, with and without a document, with a group formed or continued, with neither, with funded places."""
    docs, rest = c.loc[c["document"]], c.loc[~c["document"]]
    return {"munis": len(c), "with_doc": len(docs), "without": len(rest),
            "with_formed": int(docs["group_formed"].sum()),
            "with_continued": int(docs["group_continued"].sum()),
            "without_formed": int(rest["group_formed"].sum()),
            "without_continued": int(rest["group_continued"].sum()),
            "neither": len(rest.loc[~rest["group_formed"] & ~rest["group_continued"]]),
            "funded_n": int((c["places_granted"] > 0).sum())}


def comprehensive_values(frames: Frames, lang: str) -> dict[str, str]:
    """The placeholders of the comprehensive-approach test: the municipalities with and without a document,
    their groups formed and continued (counts and names), the order of the documents, the funded places."""
    c = comprehensive(frames)
    docs, rest = c.loc[c["document"]], c.loc[~c["document"]]
    neither = rest.loc[~rest["group_formed"] & ~rest["group_continued"]]
    funded = c.loc[c["places_granted"] > 0]
    fp_years = frames.funded_placements["year"]
    n = comprehensive_counts(c)
    items = [t(f"tested_order_{_order(int(y))}", lang, municipality=m, year=int(y), formed=GROUPS_FORMED,
               continued=GROUPS_CONTINUED) for m, y in zip(docs["municipality"], docs["first_document"],
                                                            strict=True)]
    return {
        **{k: words.num(x, lang) for k, x in n.items()},
        "formed": str(GROUPS_FORMED), "continued": str(GROUPS_CONTINUED),
        "with_list": _names(docs, lang), "without_formed_list": _names(rest.loc[rest["group_formed"]], lang),
        "without_continued_list": _names(rest.loc[rest["group_continued"]], lang),
        "neither_list": _names(neither, lang), "funded_list": _names(funded, lang),
        "later": _names(docs.loc[docs["first_document"] > GROUPS_FORMED], lang),
        "funded_years": words.years(int(fp_years.min()), int(fp_years.max())),
        "items": "; ".join(items),
    }


def contract_values(frames: Frames, lang: str) -> dict[str, str]:
    """The placeholders of the reserved-contract test: the first procurement (its municipality, year, time,
    winner, section), how many there are, its municipality's documents and milestones, the winner's prize
    and SKR's own event with another municipality ('' where the milestones have none)."""
    ev, pr, rc = frames.events, procurements(frames), reserved_contract(frames)
    first = pr.iloc[0]
    row = rc.loc[rc["municipality"] == first["municipality"]].iloc[0]
    awards = ev.loc[(ev["kind"] == AWARD) & ev["actor"].map(lambda c: first["winner"] in _actors(c))]
    skr = ev.loc[ev["actor"].map(lambda c: _actors(c)[:1] == [SKR])].sort_values("year", kind="stable")
    skr_munis = [(int(skr.at[i, "year"]), m) for i in skr.index
                 for m in actors_in(skr.loc[[i]], list(rc["municipality"])) if m != first["municipality"]]
    skr_year, skr_municipality = (str(skr_munis[0][0]), skr_munis[0][1]) if skr_munis else ("", "")
    return {
        "municipality": str(first["municipality"]), "year": str(first["year"]),
        "section": str(first["source"]), "when": _when(first["month"], first["period_text"], lang),
        "winner": str(first["winner"]), "count": words.num(len(pr), lang),
        "procuring": words.num(pr["municipality"].nunique(), lang),
        "others": words.num(len(rc) - pr["municipality"].nunique(), lang),
        "formed": str(GROUPS_FORMED), "continued": str(GROUPS_CONTINUED),
        "document_years": words.join([str(y) for y in row["document_years"]], lang),
        "award_year": str(int(awards["year"].min())) if len(awards) else "",
        "skr_year": skr_year, "skr_municipality": skr_municipality,
        "milestones": words.num(int(row["milestones"]), lang),
    }


# ---- the section -----------------------------------------------------------------------------------------


def _yes(flag: bool, lang: str) -> str:
    """'yes' or 'no' in lang, for a cell of the municipalities table."""
    return t("tested_yes" if flag else "tested_no", lang)


def contract_section(frames: Frames, lang: str) -> str:
    """The reserved contract: the report's claim, what the milestones record (n) and what they cannot tell."""
    v = contract_values(frames, lang)
    rc = reserved_contract(frames)
    row = rc.loc[rc["municipality"] == v["municipality"]].iloc[0]
    shows = [t("tested_rc_shows", lang, **v)]
    if row["group_formed"] and row["group_continued"]:
        shows.append(t("tested_rc_group", lang, **v))
    shows.append(t("tested_rc_document" if row["document"] else "tested_rc_no_document", lang, **v))
    shows.append(t("tested_rc_information", lang, **v))
    if v["award_year"]:
        shows.append(t("tested_rc_award", lang, **v))
    if v["skr_year"]:
        shows.append(t("tested_rc_skr", lang, **v))
    cannot = [t("tested_rc_cannot", lang, **v)]
    if row["group_formed"] and v["year"] == v["formed"]:
        cannot.append(t("tested_rc_cannot_order", lang, **v))
    return (h(t("tested_rc_title", lang, **v), SUBSECTION)
            + dl([(t("dt_claim", lang), t("tested_rc_claim", lang, **v)),
                   (t("tested_dt_shows", lang), " ".join(shows)),
                   (t("tested_dt_cannot", lang), " ".join(cannot))]))


def comprehensive_section(frames: Frames, lang: str) -> str:
    """The comprehensive approach: the report's claim, how it is tested, what the municipalities' records
    show (n), what they cannot tell, and the table of the municipalities."""
    v = comprehensive_values(frames, lang)
    c = comprehensive(frames)
    kept = [metrics.ratio(g["group_continued"].sum(), len(g)) for g in (c.loc[c["document"]],
                                                                         c.loc[~c["document"]])]
    fits = "tested_cg_fits" if kept[0] > kept[1] else "tested_cg_not_fit"  # an undefined share is no fit
    shows = [t(k, lang, **v) for k in ("tested_cg_shows", "tested_cg_order", fits)]
    cannot = [t("tested_cg_cannot_small", lang, **v)]
    if v["later"]:
        cannot.append(t("tested_cg_cannot_order", lang, **v))
    cannot += [t(k, lang, **v) for k in ("tested_cg_cannot_measure", "tested_cg_cannot_cause",
                                         "tested_cg_no_test")]
    shown = c.assign(
        years=[words.join([str(y) for y in ys], lang) if ys else words.DASH for ys in c["document_years"]],
        formed=[_yes(x, lang) for x in c["group_formed"]],
        continued=[_yes(x, lang) if x or not f else t("tested_not_named", lang)  # silence is not "no"
                   for x, f in zip(c["group_continued"], c["group_formed"], strict=True)],
        funded=[t("tested_of", lang, used=words.num(u, lang), granted=words.num(g, lang)) if g else words.DASH
                for u, g in zip(c["places_used"], c["places_granted"], strict=True)])
    spec = [("municipality", t("col_municipality", lang), "text"),
            ("years", t("tested_col_document", lang), "text"),
            ("formed", t("tested_col_formed", lang, **v), "text"),
            ("continued", t("tested_col_continued", lang, **v), "text"),
            ("funded", t("tested_col_funded", lang, **v), "text")]
    ev = frames.events
    sources = [*ev.loc[ev["kind"].isin((*DOCUMENT_KINDS, NETWORK)), "source"],
               *frames.funded_placements["source"]]
    table = table_html(formatted(shown, spec, lang), caption=t("tested_caption_municipalities", lang, **v),
                       note=t("tested_table_note", lang, **v), source=source_line(sources, lang))
    return (h(t("tested_cg_title", lang), SUBSECTION)
            + dl([(t("dt_claim", lang), t("tested_cg_claim", lang)),
                   (t("tested_dt_reading", lang), t("tested_cg_reading", lang, **v)),
                   (t("tested_dt_shows", lang), " ".join(shows)),
                   (t("tested_dt_cannot", lang), " ".join(cannot))])
            + table)


def section(frames: Frames, lang: str) -> Section:
    """The two claims tested: the section's heading and what it does, then each claim (.data: the
    municipalities' records, one row each (places where some were granted), then the counts the two tests
    state, one row)."""
    munis = words.num(len(frames.municipalities), lang)
    html = (h(t("tested_h", lang)) + p(t("tested_intro", lang, munis=munis))
            + contract_section(frames, lang) + comprehensive_section(frames, lang))
    c = comprehensive(frames)
    pr = procurements(frames)
    counts = {f"municipalities_{k}": x for k, x in comprehensive_counts(c).items()}
    contract = {"procurements": len(pr), "procuring_municipalities": pr["municipality"].nunique(),
                "other_municipalities": len(c) - pr["municipality"].nunique()}
    granted = c["places_granted"] > 0  # the table shows places only where some were granted
    records = c.drop(columns=["document_years"]).assign(
        document_years=[", ".join(map(str, ys)) for ys in c["document_years"]],
        places_granted=c["places_granted"].where(granted), places_used=c["places_used"].where(granted))
    return Section(html, tidy(records, stated(**counts, **contract)))
