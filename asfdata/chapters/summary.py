"""Chapter 0, the summary: the one-sentence answer (shown on the title page), the goals at a glance, the key
finding of every chapter, what to ask for next and the main limitations (notebooks/00_summary)."""

from __future__ import annotations

from html import escape

import pandas as pd

from asfdata import catalogs, metrics, registry
from asfdata.chapters import goals
from asfdata.chapters.common import PLACED_BY
from asfdata.pipeline.audit_lookup import audit_counts, funded_audit
from asfdata.pipeline.data import Frames
from asfdata.render import words
from asfdata.render.html import CHAPTER, Markup, formatted, h, p, table_html, ul
from asfdata.render.section import Section, stated, tidy
from asfdata.study import FIRST_YEAR, LAST_YEAR

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


ASKS = ("flows", "follow_up", "costs", "knowledge", "totals", "gender", "employment")  # what to ask for next


VERDICT_COUNTS = (("met", "met"), ("partly", "partly"), ("not_met", "not_met"), ("cannot", "cannot_tell"))


def answer(frames: Frames, lang: str) -> Section:
    """The report's bottom line in one sentence: what was achieved, what was not, how sure one can be (the
    report shows it on its title page, before the contents); .data: its numbers, one row."""
    f = goals.figures(frames)
    verdicts = list(goals.verdicts(f).values())
    n = {k: words.num(f[k], lang) for k in ("groups_formed", "munis", "work", "people")}
    n |= {k: words.num(verdicts.count(v), lang) for k, v in VERDICT_COUNTS}
    counts = words.number_word(frames.snapshots["year"].nunique(), lang)
    some_met = verdicts.count("met") > 0
    text = t("answer_some_met" if some_met else "answer", lang, **n,
             goals=words.number_word(len(verdicts), lang), first_year=f["first_year"], counts=counts)
    goal_counts = {f"goals_{k}": verdicts.count(v) for k, v in VERDICT_COUNTS if some_met or k != "met"}
    data = stated(municipalities=f["munis"], municipalities_with_groups=f["groups_formed"],
                  people_funded=f["people"], people_to_work=f["work"], first_year=f["first_year"],
                  **goal_counts)
    return Section(p(text, "asf-answer"), data)


def intro(frames: Frames, lang: str) -> Section:
    """The chapter's heading and what the evaluation is (.data: the initiative's years)."""
    counts = words.number_word(frames.snapshots["year"].nunique(), lang)
    about = t("intro", lang, y0=FIRST_YEAR, y1=LAST_YEAR, counts=counts)  # the initiative's years
    return Section(h(words.chapter_heading("00", lang), CHAPTER) + p(about),
                   stated(first_year=FIRST_YEAR, last_year=LAST_YEAR))


def goals_table(frames: Frames, lang: str) -> Section:
    """Each stated goal (short), its criterion in a few words, this evaluation's verdict and a one-line reason
    naming its evidence (.data: goal, criterion, verdict, reason, the figures inside their texts)."""
    rows = goals.goal_rows(frames, lang)
    spec = [("short", t("col_goal", lang), "text"), ("criterion_short", t("col_criterion", lang), "text"),
            ("verdict", t("col_verdict", lang), "text"), ("reason", t("col_why", lang), "text")]
    table = table_html(formatted(rows, spec, lang), caption=t("caption_goals", lang))
    data = rows[["goal_id", "criterion_short", "verdict_key", "reason"]].rename(
        columns={"goal_id": "goal", "criterion_short": "criterion", "verdict_key": "verdict"})
    return Section(h(t("h_goals", lang)) + p(t("goals_lead", lang)) + table, data)


def key_numbers(frames: Frames) -> dict:
    """The numbers of the key findings, by name (counts, percent changes, years)."""
    s = frames.snapshots
    emp, com = (metrics.wide(metrics.series(s, m))["all"] for m in ("employees", "companies"))
    parts = metrics.wide(metrics.series(s, *PLACED_BY))
    y0, y1 = int(emp.index.min()), int(emp.index.max())
    before, after = frames.study.base_year, frames.study.reform_year  # the change into the reform year
    fall = {c: metrics.pct_change(parts.loc[before, c], parts.loc[after, c])
            for c in parts.columns}
    fall = {c: x for c, x in fall.items() if x == x} or fall  # a body with 0 placed before has no percent
    total = parts.sum(axis=1)
    stated = metrics.wide(metrics.series(s, "placements"))["all"]
    f = goals.figures(frames)
    return {
        "y0": y0, "y1": y1, "emp_pct": metrics.pct_change(emp.loc[y0], emp.loc[y1]),
        "emp_peak": int(emp.idxmax()),
        "emp_bg_pct": metrics.pct_change(f["emp_background"], emp.loc[y1]), "bg": f["emp_background"],
        "c0": com.loc[y0], "c1": com.loc[y1], "before": before, "after": after,
        "pl_pct": metrics.pct_change(total.loc[before], total.loc[after]),
        "pl_pct_stated": metrics.pct_change(stated.loc[before], stated.loc[after]),
        "most": min(fall, key=lambda c: fall[c]), "most_pct": min(fall.values()),
        "used_share": f["used"] / f["granted"], "back": f["back"], "back_detail": f["back_detail"],
        "n": f["people"], "work": f["work"],
        "trained": f["trained"], "groups_formed": f["groups_formed"], "document_munis": f["document_munis"],
        "informed_stated": f["informed_stated"], "informed_sum": f["informed_sum"],
        "informed_years": f["informed_years"],
        "mismatches": audit_counts(frames.audit)["mismatch"],
        "checks": sum(audit_counts(frames.audit).values()),
    }


def key_findings(frames: Frames, lang: str) -> Section:
    """One finding per chapter, each with at most three numbers (years aside); .data: those numbers, one
    row."""
    k = key_numbers(frames)
    counts = ("c0", "c1", "back", "n", "work", "bg", "informed_stated", "informed_sum", "mismatches",
              "checks")
    n = {key: words.num(k[key], lang) for key in counts}
    pc = {key: words.pct(k[key], lang) for key in ("emp_pct", "emp_bg_pct", "most_pct")}
    pc["pl_fall"] = words.pct(-k["pl_pct"], lang)  # "fell by 46.5 %"
    pc["pl_fall_stated"] = words.pct(-k["pl_pct_stated"], lang)  # "or 46.7 %"
    years = {key: k[key] for key in ("y0", "y1", "before", "after")}
    funded = "key_funded_few" if k["used_share"] < 0.5 else "key_funded_most"
    most_back = 2 * min(k["back"], k["back_detail"]) > k["n"]  # most, by the summary and the detail alike
    peaked = k["emp_peak"] not in (k["y0"], k["y1"])  # employees highest between the first and last autumn
    back_phrase = (t("back_most", lang) if most_back else
                   t("back_readings", lang, back=n["back"], detail=words.num(k["back_detail"], lang)))
    outputs = {key: words.num(k[key], lang) for key in ("trained", "groups_formed", "document_munis")}
    findings = [
        ("05", t("key_outputs", lang, **outputs)),  # what was delivered, first (chapter 5's logic model)
        ("01", t("key_employees" if peaked else "key_employees_steady", lang, **n, **pc, **years,
                 peak=k["emp_peak"])),
        ("02", t("key_placements", lang, **pc, **years, most=words.placed_by(k["most"], lang))),
        ("03", t(funded, lang, **n, back_phrase=back_phrase)),
        ("04", t("key_information", lang, **n, period=words.years(*k["informed_years"]))),
        ("06", t("key_quality", lang, **n)),
    ]
    items = "".join(
        f"<li><strong>{escape(t(f'finding_prefix_{c}', lang))}.</strong> {escape(text)}</li>\n"
        for c, text in findings
    )
    data = stated(
        year_from=k["y0"], year_to=k["y1"], employees_change_pct=k["emp_pct"], employees_background=k["bg"],
        employees_change_from_background_pct=k["emp_bg_pct"], placements_year_from=k["before"],
        placements_year_to=k["after"], placements_change_pct=k["pl_pct"],
        placements_change_stated_pct=k["pl_pct_stated"], most_fell=k["most"],
        most_fell_change_pct=k["most_pct"], people_funded=k["n"], people_to_work=k["work"],
        **({} if most_back else {"people_back": k["back"], "people_back_detail": k["back_detail"]}),
        **({"employees_peak_year": k["emp_peak"]} if peaked else {}),
        staff_trained=k["trained"], municipalities_with_groups=k["groups_formed"],
        municipalities_with_documents=k["document_munis"],
        informed_stated_people=k["informed_stated"], informed_sum_people=k["informed_sum"],
        audit_mismatches=k["mismatches"], audit_checks=k["checks"],
    )
    return Section(h(t("h_key_findings", lang)) + f"<ul>\n{items}</ul>\n", data)


def next_steps(frames: Frames, lang: str) -> Section:
    """What to ask for next: each thing to record, with the finding that motivates it (.data: the
    findings' numbers, one row)."""
    f, n = goals.figures(frames), audit_counts(frames.audit)
    k = len(funded_audit(frames.audit).query("status == 'mismatch'"))
    values = {
        "counts": words.number_word(frames.snapshots["year"].nunique(), lang),
        "work": words.num(f["work"], lang), "people": words.num(f["people"], lang),
        "mismatches": words.num(n["mismatch"], lang), "checks": words.num(sum(n.values()), lang),
        "k": words.num(k, lang),
    }
    items: list[str] = [Markup(f"<strong>{escape(t(f'ask_{a}', lang))}.</strong> "
                               f"{escape(t(f'why_{a}', lang, **values))}") for a in ASKS]
    data = stated(people_funded=f["people"], people_to_work=f["work"], audit_mismatches=n["mismatch"],
                  audit_checks=sum(n.values()), funded_contradictions=k)
    return Section(h(t("h_next", lang)) + p(t("next_lead", lang)) + ul(items), data)


def limitations(frames: Frames, lang: str) -> Section:
    """The main limitations, with the computed numbers they rest on (.data: those numbers, one row, then
    the report's disagreements with itself, one row each)."""
    s, audit = frames.snapshots, frames.audit
    ci = metrics.outcome_intervals(frames.claims).set_index("outcome").loc["work"]
    n = audit_counts(audit)
    counts = words.upper_first(words.number_word(s["year"].nunique(), lang))
    reform_year = metrics.event_years(frames.events).get("reorganisation", "")
    found = inconsistencies(frames)
    items = [
        t("limit_points", lang, y0=int(s["year"].min()), y1=int(s["year"].max()), Counts=counts),
        t("limit_stocks", lang),
        t("limit_ten", lang, People=words.upper_first(words.number_word(int(ci["n"]), lang)),
          n=words.num(ci["n"], lang), k=words.num(ci["k"], lang), lo=words.pct(ci["low"], lang),
          hi=words.pct(ci["high"], lang)),
        t("limit_cause", lang, reform_year=reform_year),
        t("limit_own_account", lang),
        t("limit_costs", lang),
        t("limit_employment", lang, reform_year=frames.study.reform_year),
        t(
            "limit_inconsistent",
            lang,
            n=words.num(n["mismatch"], lang),
            total=words.num(sum(n.values()), lang),
            items="; ".join(inconsistency_items(found, lang)),
        ),
        t("limit_transcribed", lang),
    ]
    numbers = stated(year_from=int(s["year"].min()), year_to=int(s["year"].max()), people_funded=ci["n"],
                     work_low_pct=ci["low"], work_high_pct=ci["high"], audit_mismatches=n["mismatch"],
                     audit_checks=sum(n.values()))
    return Section(h(t("h_limitations", lang)) + ul(items), tidy(numbers, found))


def inconsistencies(frames: Frames) -> pd.DataFrame:
    """The report's disagreements with itself: kind (stated_vs_parts, informed, background, funded),
    measure, year_from, year_to, stated (its figure, in the measure's unit) and computed (the other figure:
    the sum of the parts, of the years, the autumn count; for funded, the number of contradictions)."""
    s, audit = frames.snapshots, frames.audit
    rows: list[tuple] = [("stated_vs_parts", r.measure, int(r.year), int(r.year), r.stated_total,
                          r.sum_of_parts) for r in metrics.total_differences(s, audit).itertuples()]
    v = metrics.informed_vs_stated(s, frames.claims, audit)
    if v["difference"]:
        rows.append(("informed", "informed", v["year_from"], v["year_to"], v["stated"], v["computed"]))
    b = metrics.background_comparison(frames.claims, s, audit)
    rows += [("background", r.measure, int(r.year), int(r.year), r.stated, r.snapshot)
             for r in b.itertuples() if r.status == "mismatch"]
    k = len(funded_audit(audit).query("status == 'mismatch'"))
    if k:
        rows.append(("funded", "funded_placements", None, None, None, k))
    out = pd.DataFrame(rows, columns=["kind", "measure", "year_from", "year_to", "stated", "computed"])
    return out.astype({"year_from": "Int64", "year_to": "Int64", "stated": "Float64", "computed": "Float64"})


def inconsistency_items(found: pd.DataFrame, lang: str) -> list[str]:
    """The report's disagreements with itself (inconsistencies) in lang."""
    items = []
    for r in found.itertuples():
        computed = words.num(r.computed, lang)
        if r.kind == "funded":
            items.append(t("item_funded", lang, n=computed))
            continue
        measure, stated_ = words.lower_first(t(f"measure_{r.measure}", lang)), words.num(r.stated, lang)
        if r.kind == "stated_vs_parts":
            items.append(t("item_stated_vs_parts", lang, measure=measure, year=r.year_from, stated=stated_,
                           parts=computed))
        elif r.kind == "informed":
            items.append(t("item_informed", lang, years=words.years(r.year_from, r.year_to), stated=stated_,
                           computed=computed))
        else:
            items.append(t("item_background", lang, measure=measure, year=r.year_from, stated=stated_,
                           snapshot=computed))
    return items
