"""Chapter 5, the goals and the report's own claims: each stated goal beside its evidence and a verdict,
each link the report asserts beside its own figures, and the disputed figures read both ways
(notebooks/05_goals)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from asfdata import catalogs, metrics, registry, study
from asfdata.chapters.common import PLACED_BY
from asfdata.pipeline.data import Frames
from asfdata.render import words
from asfdata.render.html import CHAPTER, SUBSECTION, dl, formatted, h, p, table_html
from asfdata.render.phrases import source_line
from asfdata.render.section import Section, change, stated, tidy

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)

DOCUMENT_KINDS = ("policy", "action_plan")  # event kinds that are a steering or policy document
NETWORK = "network"  # the milestones' kind of a collaboration group
GROUPS_FORMED, GROUPS_CONTINUED = study.COLLABORATION_GROUPS_FORMED, study.COLLABORATION_GROUPS_CONTINUED
TRAINING_YEAR = study.TRAINING_YEAR
RUBRIC = ("met", "partly", "not_met", "cannot_tell")  # the verdicts, in the order the rubric lists them
UNMEASURED = ("knowledge",)  # goals whose outcome no figure of the report measures: verdict cannot_tell
GOALS = ("knowledge", "known", "structures", "use", "funded")
CLAIMS = ("training", "information", "reform", "pandemic", "knowledge")
CLAIMS_READ = (  # the claims (data/processed/claims.csv) the chapter states
    study.CLAIM_INFORMED_TOTAL, study.CLAIM_TRAINING_PARTICIPANTS, study.CLAIM_TRAINING_MUNICIPALITIES,
    study.CLAIM_MYSAM_GROUPS,
    study.CLAIM_PLACES_GRANTED, study.CLAIM_PLACES_USED, study.CLAIM_UNIQUE_INDIVIDUALS,
    study.CLAIM_OUTCOME_WORK, study.CLAIM_OUTCOME_ARBETSFORMEDLINGEN, study.CLAIM_OUTCOME_BACK,
    study.CLAIM_BACKGROUND_EMPLOYEES,
)


# ---- the figures ------------------------------------------------------------------------------------------


def actors_in(events: pd.DataFrame, municipalities: Sequence[str]) -> list[str]:
    """The municipalities named as actors of the events, in order of first mention."""
    named = [a.strip() for cell in events["actor"].dropna() for a in str(cell).split(";")]
    return metrics.first_seen([a for a in named if a in municipalities])


def placements(snapshots: pd.DataFrame) -> pd.DataFrame:
    """People placed per year: stated total, sum of the parts and each placing body (wide, by year)."""
    parts = metrics.wide(metrics.series(snapshots, *PLACED_BY))
    stated = metrics.wide(metrics.series(snapshots, "placements"))["all"]
    out = parts.assign(stated=stated, parts=parts.sum(axis=1))
    return out


def figures(frames: Frames) -> dict:
    """Every number the chapter states (people, places, documents, groups; years), by name."""
    s, c, ev = frames.snapshots, frames.claims, frames.events
    municipalities = list(frames.municipalities["municipality"])
    pl = placements(s)
    emp = metrics.wide(metrics.series(s, "employees"))["all"]
    informed = metrics.wide(metrics.series(s, "informed"))["all"]
    docs = ev.loc[ev["kind"].isin(DOCUMENT_KINDS)].sort_values("year")
    network = ev.loc[ev["kind"] == NETWORK]
    claim = {k: int(metrics.claim(c, k)["value"]) for k in CLAIMS_READ}
    total = metrics.claim(c, study.CLAIM_INFORMED_TOTAL)
    years = [int(y) for y in pl.index]
    return {
        "first_year": years[0], "last_year": years[-1], "peak_year": int(pl["stated"].idxmax()),
        "informed_stated": claim[study.CLAIM_INFORMED_TOTAL], "informed_sum": int(informed.sum()),
        "informed_years": (int(total["year_from"]), int(total["year_to"])),  # the period of the stated total
        "informed": informed, "placements": pl, "employees": emp,
        "trained": claim[study.CLAIM_TRAINING_PARTICIPANTS],
        "training_munis": claim[study.CLAIM_TRAINING_MUNICIPALITIES],
        "mysam": claim[study.CLAIM_MYSAM_GROUPS], "munis": len(municipalities),
        "documents": docs, "document_munis": len(actors_in(docs, municipalities)),
        "groups_formed": len(actors_in(network.loc[network["year"] == GROUPS_FORMED], municipalities)),
        "groups_continued": len(actors_in(network.loc[network["year"] == GROUPS_CONTINUED], municipalities)),
        "granted": claim[study.CLAIM_PLACES_GRANTED], "used": claim[study.CLAIM_PLACES_USED],
        "people": claim[study.CLAIM_UNIQUE_INDIVIDUALS], "work": claim[study.CLAIM_OUTCOME_WORK],
        "af": claim[study.CLAIM_OUTCOME_ARBETSFORMEDLINGEN], "back": claim[study.CLAIM_OUTCOME_BACK],
        "back_detail": metrics.detail_outcomes(frames.funded_outcomes, "back"),
        "emp_background": claim[study.CLAIM_BACKGROUND_EMPLOYEES],
    }


def verdict_use(f: dict) -> str:
    """Met when the last autumn count is above the first under both readings, not met when at or below it
    under both, partly when the readings disagree (the rubric's rule for a goal of more or wider use)."""
    pl, y0, y1 = f["placements"], f["first_year"], f["last_year"]
    first, last = pl.loc[y0, "parts"], (pl.loc[y1, "stated"], pl.loc[y1, "parts"])
    return "met" if min(last) > first else "not_met" if max(last) <= first else "partly"


def verdict_share(reached: int, of: int) -> str:
    """Met when every one of those a goal concerns has the documented result, not met when none has, partly
    between (the rubric's rule for a goal about the municipalities)."""
    return "met" if reached >= of else "not_met" if reached == 0 else "partly"


def verdict_planned(done: int, planned: int) -> str:
    """Met when the planned number is reached, partly when at least half of it, not met below half (the
    rubric's rule for a goal with a planned number)."""
    return "met" if done >= planned else "partly" if 2 * done >= planned else "not_met"


def verdicts(f: dict) -> dict[str, str]:
    """The verdict key of every goal (one of RUBRIC), each by the rubric's rule for its kind of evidence."""
    out = {
        "known": verdict_share(f["document_munis"], f["munis"]),
        "structures": verdict_share(f["groups_continued"], f["munis"]),
        "use": verdict_use(f),
        "funded": verdict_planned(f["used"], f["granted"]),
    }
    return {g: "cannot_tell" if g in UNMEASURED else out[g] for g in GOALS}


# ---- words filled with the figures -----------------------------------------------------------------------


def _values(f: dict, lang: str) -> dict[str, str]:
    """The figures as the words' placeholders, formatted in lang."""
    pl, y0, y1, peak = f["placements"], f["first_year"], f["last_year"], f["peak_year"]
    docs = f["documents"]
    by_muni: dict[str, list[str]] = {}
    for _, r in docs.iterrows():
        by_muni.setdefault(str(r["actor"]), []).append(str(int(r["year"])))
    document_list = words.join([f"{m} {words.join(ys, lang)}" for m, ys in by_muni.items()], lang)
    n = {k: words.num(f[k], lang) for k in (
        "informed_stated", "informed_sum", "trained", "training_munis", "mysam", "munis",
        "document_munis", "groups_formed", "groups_continued", "granted", "used", "people", "work",
        "af", "back", "back_detail")}
    n["half"] = words.num(-(-f["granted"] // 2), lang)  # places that reach half of those granted (rounded up)
    return {
        **n, "period": words.years(*f["informed_years"]), "first_year": str(y0), "last_year": str(y1),
        "peak_year": str(peak), "counts": words.number_word(len(pl), lang),
        "documents": words.num(len(docs), lang), "document_list": document_list,
        "emp_first": words.num(f["employees"].loc[y0], lang),
        "emp_last": words.num(f["employees"].loc[y1], lang),
        "pl_first": words.num(pl.loc[y0, "parts"], lang),
        "pl_peak": _stated_or_parts(pl, peak, lang),
        "pl_last": _stated_or_parts(pl, y1, lang),
        "pl_peak_or": _either(pl, peak, lang), "pl_last_or": _either(pl, y1, lang),
        "pl_path": ", ".join(f"{_either(pl, y, lang)} ({y})" for y in (y0, peak, y1)),
    }


def _either(pl: pd.DataFrame, year: int, lang: str) -> str:
    """A year's people placed in both readings, '244 or 243', or one count when the readings agree."""
    stated, parts = pl.loc[year, "stated"], pl.loc[year, "parts"]
    if stated == parts:
        return words.num(stated, lang)
    return t("either_reading", lang, stated=words.num(stated, lang), parts=words.num(parts, lang))


def _stated_or_parts(pl: pd.DataFrame, year: int, lang: str) -> str:
    """The stated total of a year, with the sum of its parts beside it when the two differ."""
    stated, parts = pl.loc[year, "stated"], pl.loc[year, "parts"]
    if stated == parts:
        return words.num(stated, lang)
    return t("stated_or_parts", lang, stated=words.num(stated, lang), parts=words.num(parts, lang))


def goal_rows(frames: Frames, lang: str) -> pd.DataFrame:
    """One row per stated goal: goal (in full and short), criterion, evidence, what the figures show, verdict
    (key and words), the one-line reason and the report's conclusion."""
    f = figures(frames)
    v, verdict = _values(f, lang), verdicts(f)
    return pd.DataFrame([
        {
            "goal_id": g,
            "goal": t(f"goal_{g}", lang),
            "short": t(f"goal_{g}_short", lang),
            "criterion": t(f"goal_{g}_criterion", lang),
            "criterion_short": t(f"goal_{g}_criterion_short", lang, **v),
            "reason": t(f"goal_{g}_reason", lang, **v),
            "verdict_key": verdict[g],
            "evidence": t(f"goal_{g}_evidence", lang, **v),
            "shows": t(f"goal_{g}_shows", lang, **v),
            "verdict": t(f"verdict_{verdict[g]}", lang),
            "report": t(f"goal_{g}_report", lang),
        }
        for g in GOALS
    ])


def goals_section(frames: Frames, lang: str) -> Section:
    """The goals: each goal's criterion, the evidence, what the figures show, the verdict and the report's own
    conclusion (the summary's table gives the verdicts at a glance). .data: one row per goal, its words in
    lang (their figures inside them) and its verdict's key."""
    rows = goal_rows(frames, lang)
    details = "".join(
        h(r["goal"], SUBSECTION)
        + dl([(t("dt_criterion", lang), r["criterion"]), (t("dt_evidence", lang), r["evidence"]),
               (t("dt_shows", lang), r["shows"]), (t("dt_verdict", lang), r["verdict"]),
               (t("col_report_conclusion", lang), r["report"])])
        for _, r in rows.iterrows()
    )
    ev = frames.events
    evidence = ev.loc[ev["kind"].isin((*DOCUMENT_KINDS, NETWORK)), "source"]  # groups and documents
    src = source_line([*GOAL_SECTIONS, *sorted(set(evidence))], lang)
    data = rows[["goal_id", "goal", "criterion", "evidence", "shows", "verdict_key", "report"]].rename(
        columns={"goal_id": "goal_key", "verdict_key": "verdict"})
    return Section(h(t("h_goals", lang)) + p(t("goals_intro", lang)) + details + p(src, "asf-source"), data)


# the report's sections that state the goals and its own conclusions on them (goal 5: the funded placements)
GOAL_SECTIONS = ("Övergripande målsättning", "Individinriktade insatser 2016–2018",
                 "Sammanfattning Individinriktade insatser 2016–2018", "Strukturinriktade insatser 2016–2018",
                 "Sammanfattning Strukturinriktade insatser 2016–2020")
STAGES = ("inputs", "activities", "outputs", "outcomes")  # the links of the logic model, in order
# the report's sections the logic model is built from
LOGIC_SECTIONS = ("Beskrivning av verksamheten", "Huvudsakliga aktiviteter och insatser", "Insatser")


def rubric_section(frames: Frames, lang: str) -> Section:
    """How the goals are judged: the logic model built from the report's description, then the rubric
    (.data: each link of the model with what the report describes and counts, in lang; each verdict with
    the evidence it needs)."""
    v = _values(figures(frames), lang)
    chain = pd.DataFrame([{"stage": t(f"stage_{k}", lang), "described": t(f"logic_{k}", lang),
                           "counted": t(f"logic_{k}_counted", lang, **v)} for k in STAGES])
    spec = [("stage", t("col_link", lang), "text"), ("described", t("col_described", lang), "text"),
            ("counted", t("col_counted", lang), "text")]
    logic = table_html(formatted(chain, spec, lang), caption=t("caption_logic", lang),
                       source=source_line(LOGIC_SECTIONS, lang))
    levels = pd.DataFrame([{"verdict": t(f"verdict_{k}", lang), "needs": t(f"rubric_{k}", lang)}
                           for k in RUBRIC])
    rubric = table_html(formatted(levels, [("verdict", t("col_verdict", lang), "text"),
                                           ("needs", t("col_evidence_needed", lang), "text")], lang),
                        caption=t("caption_rubric", lang))
    data = tidy(chain.assign(stage=list(STAGES)), levels.assign(verdict=list(RUBRIC)))
    return Section(h(t("h_rubric", lang)) + p(t("rubric_intro", lang)) + logic + rubric, data)


# ---- the report's claims ---------------------------------------------------------------------------------


def _change(a: float, b: float, lang: str) -> str:
    """'+13, +5.7 %' between two counts."""
    return f"{words.num(b - a, lang, sign=True)}; {words.pct(metrics.pct_change(a, b), lang, sign=True)}"


def _between(pl: pd.DataFrame, y0: int, y1: int, lang: str) -> dict[str, str]:
    """Placeholders for the counts between two autumns: t0, t1, dt of the sum of the parts, s0, s1, ds of the
    stated totals, and bodies, each placing body's 'name a → b (change)' joined by '; '."""
    a, b = pl.loc[y0, "parts"], pl.loc[y1, "parts"]
    sa, sb = pl.loc[y0, "stated"], pl.loc[y1, "stated"]  # the other reading: the stated totals
    out = {"y0": str(y0), "y1": str(y1), "t0": words.num(a, lang), "t1": words.num(b, lang),
           "dt": _change(a, b, lang), "s0": words.num(sa, lang), "s1": words.num(sb, lang),
           "ds": _change(sa, sb, lang)}
    bodies = [c for c in pl.columns if c not in ("stated", "parts")]
    items = [f"{words.body(c, lang)} {words.num(pl.loc[y0, c], lang)} → {words.num(pl.loc[y1, c], lang)} "
             f"({_change(pl.loc[y0, c], pl.loc[y1, c], lang)})" for c in bodies]
    return out | {"bodies": "; ".join(items)}


def claim_years(frames: Frames) -> dict[str, tuple[int, int]]:
    """The autumns each claim's figures compare: the training's year and the one before, the study's base
    and reform year (the reform), the reform year and the last (the pandemic)."""
    reform, last = frames.study.reform_year, int(frames.snapshots["year"].max())
    return {"training": (TRAINING_YEAR - 1, TRAINING_YEAR), "reform": (frames.study.base_year, reform),
            "pandemic": (reform, last)}


def claim_values(frames: Frames, lang: str) -> dict[str, dict[str, str]]:
    """The placeholders of each claim's figures and reading."""
    f = figures(frames)
    pl, informed = f["placements"], f["informed"]
    seq = "; ".join
    years = claim_years(frames)
    pandemic = _between(pl, *years["pandemic"], lang)
    a, y1 = pl.loc[years["pandemic"][0], "parts"], years["pandemic"][1]
    for key, col in (("s", "stated"), ("p", "parts")):
        pandemic |= {f"{key}1": words.num(pl.loc[y1, col], lang),
                     f"d{key}": _change(a, pl.loc[y1, col], lang)}
    return {
        "training": _between(pl, *years["training"], lang),
        "information": {
            "informed": seq(f"{y}: {words.num(x, lang)}" for y, x in informed.items()),
            "placed": seq(f"{y}: {_both(pl, y, lang)}" for y in pl.index),
            "peak_informed": str(int(informed.idxmax())), "peak_placed": str(int(pl["parts"].idxmax())),
            "Counts": words.upper_first(words.number_word(len(informed), lang)),
        },
        "reform": _between(pl, *years["reform"], lang),
        "pandemic": pandemic,
        "knowledge": {},
    }


def _both(pl: pd.DataFrame, year: int, lang: str) -> str:
    """People placed in an autumn as the sum of the parts, with the stated total beside it where the two
    differ ('243 or 244'; shared text or_reading)."""
    parts, stated_total = pl.loc[year, "parts"], pl.loc[year, "stated"]
    if parts == stated_total:
        return words.num(parts, lang)
    return words.t("or_reading", lang, parts=words.num(parts, lang), stated=words.num(stated_total, lang))


def claims_data(frames: Frames) -> pd.DataFrame:
    """The figures the claims state: per claim (training, reform, pandemic) the changes of people placed
    between its two autumns, by placing body, their sum (sum_of_parts) and the stated total, as each claim's
    text gives them; the people informed and placed per year (information)."""
    f = figures(frames)
    pl = f["placements"]
    bodies = [c for c in pl.columns if c not in ("stated", "parts")]
    rows = []
    for claim, (a, b) in claim_years(frames).items():
        moves = [(c, c, c) for c in bodies]  # (category, column of the start, column of the end)
        if claim == "training":
            moves += [(metrics.SUM_OF_PARTS, "parts", "parts"), ("stated_total", "stated", "stated")]
        if claim == "pandemic":  # the stated total read from the sum of the parts in the reform year
            moves += [(metrics.SUM_OF_PARTS, "parts", "parts"), ("stated_total", "parts", "stated")]
        rows += [change("placements", "people", a, b, pl.loc[a, start], pl.loc[b, end], category)
                 .assign(claim=claim) for category, start, end in moves]
    yearly = pd.DataFrame({"claim": "information", "year": list(pl.index),
                           "informed_people": f["informed"].reindex(pl.index).to_numpy(),
                           "placed_people": pl["parts"].to_numpy(),
                           "placed_stated_people":  # where the stated total differs from the parts
                               pl["stated"].where(pl["stated"] != pl["parts"]).to_numpy()})
    return tidy(*rows, yearly)


def claims_section(frames: Frames, lang: str) -> Section:
    """Each link the report asserts, its own figures beside it, and what they can support (.data: the
    figures, claims_data)."""
    values = claim_values(frames, lang)
    body = "".join(
        h(t(f"claim_{k}_title", lang), SUBSECTION)
        + dl([(t("dt_claim", lang), t(f"claim_{k}", lang)),
               (t("dt_figures", lang), t(f"claim_{k}_figures", lang, **values[k])),
               (t("dt_support", lang), t(f"claim_{k}_verdict", lang, **values[k]))])
        for k in CLAIMS
    )
    return Section(h(t("h_claims", lang)) + p(t("claims_intro", lang)) + body, claims_data(frames))


# ---- sensitivity to the disputed figures -----------------------------------------------------------------


def sensitivity(frames: Frames) -> pd.DataFrame:
    """Each headline change read both ways: change, reading, from, to, change (units), change (percent)."""
    f = figures(frames)
    pl, emp, y0, y1 = f["placements"], f["employees"], f["first_year"], f["last_year"]
    reform = frames.study.reform_year
    pairs = [(a, b) for a, b in ((f["peak_year"], reform), (reform, y1)) if a < b]  # a change
    readings = (("stated_total", "stated"), ("sum_parts", "parts"))
    rows = [("placements", a, b, r, pl.loc[a, col], pl.loc[b, col]) for a, b in pairs for r, col in readings]
    rows += [
        ("employees", y0, y1, "autumn_count", emp.loc[y0], emp.loc[y1]),
        ("employees", y0, y1, "background", f["emp_background"], emp.loc[y1]),
    ]
    out = pd.DataFrame(rows, columns=["measure", "year_from", "year_to", "reading", "start", "end"])
    out["change"] = out["end"] - out["start"]
    out["change_pct"] = [metrics.pct_change(a, b) for a, b in zip(out["start"], out["end"], strict=True)]
    return out


def sensitivity_intro(frames: Frames, lang: str) -> str:
    """Which figures exist in two versions: each year's stated total of people placed that differs from its
    parts, and the employees of the first autumn beside the background's figure."""
    f = figures(frames)
    pl, y0 = f["placements"], f["first_year"]
    items = [t("sens_item_placed", lang, year=int(y), stated=words.num(r["stated"], lang),
               parts=words.num(r["parts"], lang)) for y, r in pl.iterrows() if r["stated"] != r["parts"]]
    items.append(t("sens_item_employees", lang, bg=words.num(f["emp_background"], lang),
                   count=words.num(f["employees"].loc[y0], lang)))
    return t("sensitivity_intro", lang, Count=words.upper_first(words.number_word(len(items), lang)),
             items=words.join(items, lang))


def sensitivity_section(frames: Frames, lang: str) -> Section:
    """The sensitivity table and what survives both readings (.data: the table's rows, then the comparisons
    and the largest factor between two readings of one change, with its two changes)."""
    s = sensitivity(frames)
    shown = s.assign(
        what=[t(f"sens_{m}", lang, y0=a, y1=b) for m, a, b in zip(s["measure"], s["year_from"], s["year_to"],
                                                                   strict=True)],
        reading=[t(f"sens_{r}", lang) for r in s["reading"]],
    )
    spec = [("what", t("col_change", lang), "text"), ("reading", t("col_reading", lang), "text"),
            ("start", t("col_from", lang), "int"), ("end", t("col_to", lang), "int"),
            ("change", t("col_units", lang), "sint"), ("change_pct", t("col_pct", lang), "spct")]
    pairs = s.groupby(["measure", "year_from", "year_to"], sort=False)
    same = all((g["change"] > 0).nunique() == 1 for _, g in pairs)
    sizes = [(g["change"].abs().max(), g["change"].abs().min()) for _, g in pairs]
    ratios = [metrics.ratio(big, small) for big, small in sizes]
    worst = max((r for r in ratios if r == r), default=float("nan"))  # a change of 0 has no factor
    big, small = sizes[ratios.index(worst)] if worst == worst else (float("nan"), float("nan"))
    finding = t("sens_finding" if same else "sens_finding_flips", lang,
                n=words.num(len(ratios), lang), worst=words.num(worst, lang, 1),
                big=words.num(big, lang), small=words.num(small, lang))
    table = table_html(formatted(shown, spec, lang), caption=t("caption_sensitivity", lang),
                       source=source_line(["Bakgrund", *sorted(set(frames.snapshots["source"]))], lang))
    html = h(t("h_sensitivity", lang)) + p(sensitivity_intro(frames, lang)) + table + p(finding)
    factor = stated(comparisons=len(ratios), largest_factor=worst, larger_change=big, smaller_change=small)
    return Section(html, tidy(s, factor))


def intro(frames: Frames, lang: str) -> Section:
    """The chapter's heading and introductory paragraph (no number: .data is empty)."""
    return Section(h(words.chapter_heading("05", lang), CHAPTER) + p(t("intro", lang)))
