"""Chapter 0, the summary: the one-sentence answer (shown on the title page), the goals at a glance, the key
finding of every chapter, what to ask for next and the main limitations (notebooks/00_summary)."""

from __future__ import annotations

from html import escape

from asfdata import catalogs, metrics, registry
from asfdata.chapters import goals
from asfdata.chapters.common import PLACED_BY
from asfdata.pipeline.audit_lookup import audit_counts, funded_audit
from asfdata.render import words
from asfdata.render.html import CHAPTER, Markup, formatted, h, p, table_html, ul
from asfdata.study import FIRST_YEAR, LAST_YEAR, REFORM_YEAR

WORDS = catalogs.load(registry.chapter_module(__name__).catalog)
t = words.translator(WORDS)


ASKS = ("flows", "follow_up", "costs", "knowledge", "totals", "gender", "employment")  # what to ask for next


def answer(frames: dict, lang: str) -> str:
    """The report's bottom line in one sentence: what was achieved, what was not, how sure one can be (the
    report shows it on its title page, before the contents)."""
    f = goals.figures(frames)
    verdicts = list(goals.verdicts(f).values())
    n = {k: words.num(f[k], lang) for k in ("groups_formed", "munis", "work", "people")}
    n |= {k: words.num(verdicts.count(v), lang) for k, v in
          (("met", "met"), ("partly", "partly"), ("not_met", "not_met"), ("cannot", "cannot_tell"))}
    counts = words.number_word(frames["snapshots"]["year"].nunique(), lang)
    key = "answer_some_met" if verdicts.count("met") else "answer"
    text = t(key, lang, **n, goals=words.number_word(len(verdicts), lang), first_year=f["first_year"],
             counts=counts)
    return p(text, "asf-answer")


def intro(frames: dict, lang: str) -> str:
    """The chapter's heading and what the evaluation is."""
    counts = words.number_word(frames["snapshots"]["year"].nunique(), lang)
    about = t("intro", lang, y0=FIRST_YEAR, y1=LAST_YEAR, counts=counts)  # the initiative's years
    return h(words.chapter_heading("00", lang), CHAPTER) + p(about)


def goals_table(frames: dict, lang: str) -> str:
    """Each stated goal (short), this evaluation's verdict and a one-line reason naming its evidence."""
    rows = goals.goal_rows(frames, lang)
    spec = [("short", t("col_goal", lang), "text"), ("verdict", t("col_verdict", lang), "text"),
            ("reason", t("col_why", lang), "text")]
    table = table_html(formatted(rows, spec, lang), caption=t("caption_goals", lang))
    return h(t("h_goals", lang)) + p(t("goals_lead", lang)) + table


def key_numbers(frames: dict) -> dict:
    """The numbers of the key findings, by name (counts, percent changes, years)."""
    s = frames["snapshots"]
    emp, com = (metrics.wide(metrics.series(s, m))["all"] for m in ("employees", "companies"))
    parts = metrics.wide(metrics.series(s, *PLACED_BY))
    y0, y1 = int(emp.index.min()), int(emp.index.max())
    fall = {c: metrics.pct_change(parts.loc[REFORM_YEAR - 1, c], parts.loc[REFORM_YEAR, c])
            for c in parts.columns}
    fall = {c: x for c, x in fall.items() if x == x} or fall  # a body with 0 placed before has no percent
    total = parts.sum(axis=1)
    stated = metrics.wide(metrics.series(s, "placements"))["all"]
    f = goals.figures(frames)
    return {
        "y0": y0, "y1": y1, "emp_pct": metrics.pct_change(emp.loc[y0], emp.loc[y1]),
        "emp_bg_pct": metrics.pct_change(f["emp_background"], emp.loc[y1]), "bg": f["emp_background"],
        "c0": com.loc[y0], "c1": com.loc[y1], "before": REFORM_YEAR - 1, "after": REFORM_YEAR,
        "pl_pct": metrics.pct_change(total.loc[REFORM_YEAR - 1], total.loc[REFORM_YEAR]),
        "pl_pct_stated": metrics.pct_change(stated.loc[REFORM_YEAR - 1], stated.loc[REFORM_YEAR]),
        "most": min(fall, key=lambda c: fall[c]), "most_pct": min(fall.values()),
        "used_share": f["used"] / f["granted"], "back": f["back"], "n": f["people"], "work": f["work"],
        "informed_stated": f["informed_stated"], "informed_sum": f["informed_sum"],
        "informed_years": f["informed_years"],
        "mismatches": audit_counts(frames.get("audit"))["mismatch"],
        "checks": sum(audit_counts(frames.get("audit")).values()),
    }


def key_findings(frames: dict, lang: str) -> str:
    """One finding per chapter, each with at most three numbers (years aside)."""
    k = key_numbers(frames)
    counts = ("c0", "c1", "back", "n", "work", "bg", "informed_stated", "informed_sum", "mismatches",
              "checks")
    n = {key: words.num(k[key], lang) for key in counts}
    pc = {key: words.pct(k[key], lang) for key in ("emp_pct", "emp_bg_pct", "most_pct")}
    pc["pl_fall"] = words.pct(-k["pl_pct"], lang)  # "fell by 46.5 %"
    pc["pl_fall_stated"] = words.pct(-k["pl_pct_stated"], lang)  # "or 46.7 %"
    years = {key: k[key] for key in ("y0", "y1", "before", "after")}
    funded = "key_funded_few" if k["used_share"] < 0.5 else "key_funded_most"
    findings = [
        ("01", t("key_employees", lang, **n, **pc, **years)),
        ("02", t("key_placements", lang, **pc, **years, most=words.placed_by(k["most"], lang))),
        ("03", t(funded, lang, **n)),
        ("04", t("key_information", lang, **n, period=words.years(*k["informed_years"]))),
        ("06", t("key_quality", lang, **n)),
    ]
    items = "".join(
        f"<li><strong>{escape(t(f'finding_prefix_{c}', lang))}.</strong> {escape(text)}</li>\n"
        for c, text in findings
    )
    return h(t("h_key_findings", lang)) + f"<ul>\n{items}</ul>\n"


def next_steps(frames: dict, lang: str) -> str:
    """What to ask for next: each thing to record, with the finding that motivates it."""
    f, n = goals.figures(frames), audit_counts(frames.get("audit"))
    values = {
        "counts": words.number_word(frames["snapshots"]["year"].nunique(), lang),
        "work": words.num(f["work"], lang), "people": words.num(f["people"], lang),
        "mismatches": words.num(n["mismatch"], lang), "checks": words.num(sum(n.values()), lang),
        "k": words.num(len(funded_audit(frames.get("audit")).query("status == 'mismatch'")), lang),
    }
    items: list[str] = [Markup(f"<strong>{escape(t(f'ask_{a}', lang))}.</strong> "
                               f"{escape(t(f'why_{a}', lang, **values))}") for a in ASKS]
    return h(t("h_next", lang)) + p(t("next_lead", lang)) + ul(items)


def limitations(frames: dict, lang: str) -> str:
    """The main limitations, with the computed numbers they rest on."""
    s, audit = frames["snapshots"], frames.get("audit")
    ci = metrics.outcome_intervals(frames["claims"]).set_index("outcome").loc["work"]
    n = audit_counts(audit)
    counts = words.upper_first(words.number_word(s["year"].nunique(), lang))
    items = [
        t("limit_points", lang, y0=int(s["year"].min()), y1=int(s["year"].max()), Counts=counts),
        t("limit_stocks", lang),
        t("limit_ten", lang, n=words.num(ci["n"], lang), lo=words.pct(ci["low"], lang),
          hi=words.pct(ci["high"], lang)),
        t("limit_cause", lang, reform_year=metrics.event_years(frames["events"]).get("reorganisation", "")),
        t("limit_own_account", lang),
        t("limit_costs", lang),
        t("limit_employment", lang, reform_year=REFORM_YEAR),
        t(
            "limit_inconsistent",
            lang,
            n=words.num(n["mismatch"], lang),
            total=words.num(sum(n.values()), lang),
            items="; ".join(inconsistency_items(frames, lang)),
        ),
        t("limit_transcribed", lang),
    ]
    return h(t("h_limitations", lang)) + ul(items)


def inconsistency_items(frames: dict, lang: str) -> list[str]:
    """The report's disagreements with itself in lang (totals, period totals, background, funded)."""
    s, audit = frames["snapshots"], frames.get("audit")
    items = [
        t(
            "item_stated_vs_parts",
            lang,
            measure=words.lower_first(t(f"measure_{r.measure}", lang)),
            year=int(r.year),
            stated=words.num(r.stated_total, lang),
            parts=words.num(r.sum_of_parts, lang),
        )
        for r in metrics.total_differences(s, audit).itertuples()
    ]
    v = metrics.informed_vs_stated(s, frames["claims"], audit)
    if v["difference"]:
        items.append(
            t(
                "item_informed",
                lang,
                years=words.years(v["year_from"], v["year_to"]),
                stated=words.num(v["stated"], lang),
                computed=words.num(v["computed"], lang),
            )
        )
    b = metrics.background_comparison(frames["claims"], s, audit)
    items += [
        t(
            "item_background",
            lang,
            measure=words.lower_first(t(f"measure_{r.measure}", lang)),
            year=int(r.year),
            stated=words.num(r.stated, lang),
            snapshot=words.num(r.snapshot, lang),
        )
        for r in b.itertuples()
        if r.status == "mismatch"
    ]
    k = len(funded_audit(audit).query("status == 'mismatch'"))
    if k:
        items.append(t("item_funded", lang, n=words.num(k, lang)))
    return items
