"""Derived indicators, comparisons and intervals: functions of the tidy frames returning frames or numbers.

Conventions: years are ints; counts are people (or places, companies) as the report states them;
a change is later − earlier; a percent change is (later − earlier) / earlier × 100; a difference
between a stated and a computed figure is stated − computed (as in the audit).
"""

from __future__ import annotations

import pandas as pd

from asfdata.pipeline.audit_lookup import audit_about, audit_key, audit_row
from asfdata.pipeline.contract import TOTAL_CATEGORY as TOTAL  # category of the stated total
from asfdata.study import (
    AFTER,
    BACKGROUND_CLAIMS,
    BASE_YEAR,
    BEFORE,
    CLAIM_INFORMED_TOTAL,
    CLAIM_OUTCOME_ARBETSFORMEDLINGEN,
    CLAIM_OUTCOME_WORK,
    CLAIM_UNIQUE_INDIVIDUALS,
    OUTCOME_CLAIMS,
)

SUM_OF_PARTS = "sum_of_parts"  # category of a series computed as the sum of the parts
SMALL = 3  # tables describing fewer than this many people say so
OUTCOME_ORDER = ("work", "arbetsformedlingen", "back", "extended", "not_stated")  # display order of outcomes
GENDER_ORDER = ("women", "men", "unknown")  # display order of genders


def pct_change(before: float, after: float) -> float:
    """Percent change from before to after (percent); NaN when before is 0."""
    return float("nan") if before == 0 else (after - before) / before * 100


def ratio(numerator, denominator):
    """numerator / denominator, NaN (undefined, shown as a dash) where the denominator is 0: never ±inf."""
    if isinstance(denominator, pd.Series):
        return numerator / denominator.where(denominator != 0)
    return numerator / denominator if denominator != 0 else float("nan")


def first_seen(values) -> list:
    """Distinct values in the order they first appear."""
    return list(dict.fromkeys(values))


def in_order(frame: pd.DataFrame, keys: list[str], orders: dict | None = None) -> pd.DataFrame:
    """Rows sorted by keys; a key with a sequence in orders sorts by position in it (others last)."""
    tmp = {}
    for k, seq in (orders or {}).items():
        pos = {v: i for i, v in enumerate(seq)}
        tmp[f"_{k}"] = frame[k].map(lambda v, pos=pos: pos.get(v, len(pos)))
    by = [f"_{k}" if f"_{k}" in tmp else k for k in keys]
    return frame.assign(**tmp).sort_values(by, kind="stable").drop(columns=list(tmp)).reset_index(drop=True)


def series(snapshots: pd.DataFrame, measure: str, group: str = "total") -> pd.DataFrame:
    """Tidy series year, category, value (float, units), source of one measure and breakdown, by year."""
    rows = snapshots.loc[(snapshots["measure"] == measure) & (snapshots["group"] == group)]
    out = rows[["year", "category", "value", "source"]].copy()
    out["year"] = out["year"].astype(int)
    out["value"] = out["value"].astype("float64")
    return in_order(out, ["year", "category"], {"category": first_seen(rows["category"])})


def wide(frame: pd.DataFrame, value: str = "value") -> pd.DataFrame:
    """A tidy year/category frame as a table: one row per year, one column per category (input order)."""
    cats = list(dict.fromkeys(frame["category"]))
    return frame.pivot(index="year", columns="category", values=value)[cats].sort_index()


def with_sum_of_parts(snapshots: pd.DataFrame, measure: str, group: str) -> pd.DataFrame:
    """The parts of a breakdown plus their yearly sum as category 'sum_of_parts' (people or units)."""
    parts = series(snapshots, measure, group)
    total = parts.groupby("year", as_index=False).agg(value=("value", "sum"), source=("source", "first"))
    total["category"] = SUM_OF_PARTS
    out = pd.concat([parts, total[parts.columns]], ignore_index=True)
    return in_order(out, ["year", "category"], {"category": first_seen(out["category"])})


def indexed(frame: pd.DataFrame, base_year: int = BASE_YEAR) -> pd.DataFrame:
    """Each category's values as an index, base year = 100 (index points)."""
    base = frame.loc[frame["year"] == base_year].set_index("category")["value"]
    if base.empty:
        raise ValueError(f"base year {base_year} is not in the series")
    out = frame.copy()
    out["value"] = ratio(out["value"], out["category"].map(base)) * 100
    return out


def shares(frame: pd.DataFrame) -> pd.DataFrame:
    """Each category's value as a share of the year's sum of the categories (percent)."""
    out = frame.copy()
    out["value"] = ratio(out["value"], out.groupby("year")["value"].transform("sum")) * 100
    return out


def per_unit(frame: pd.DataFrame, denominator: pd.DataFrame) -> pd.DataFrame:
    """Each value divided by the same year's value of a one-category denominator series (ratio)."""
    den = denominator.set_index("year")["value"]
    out = frame.copy()
    out["value"] = ratio(out["value"], out["year"].map(den))
    return out


def change_between(frame: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Per category: value in start and end year, change (units) and percent change (percent)."""
    w = wide(frame)
    out = pd.DataFrame(
        {"category": w.columns, "start": w.loc[start].to_numpy(), "end": w.loc[end].to_numpy()}
    )
    out["change"] = out["end"] - out["start"]
    out["change_pct"] = [pct_change(a, b) for a, b in zip(out["start"], out["end"], strict=True)]
    return out


def year_on_year(frame: pd.DataFrame) -> pd.DataFrame:
    """Per category and year: value, change from the year before (units) and percent change (percent)."""
    out = frame[["year", "category", "value"]].sort_values(["category", "year"]).copy()
    prev = out.groupby("category", sort=False)["value"].shift(1)
    out["change"] = out["value"] - prev
    out["change_pct"] = [
        float("nan") if pd.isna(p) else pct_change(p, v) for p, v in zip(prev, out["value"], strict=True)
    ]
    return in_order(out, ["category", "year"], {"category": first_seen(frame["category"])})


def periods(years, before: tuple[int, int] = BEFORE, after: tuple[int, int] = AFTER
            ) -> tuple[tuple[int, int], tuple[int, int]]:
    """The periods before and after (the study's unless given), each narrowed to the years of the data that
    fall in it (first, last)."""
    have = sorted({int(y) for y in years})

    def narrowed(span: tuple[int, int]) -> tuple[int, int]:
        inside = [y for y in have if span[0] <= y <= span[1]]
        return (inside[0], inside[-1]) if inside else span

    return narrowed(before), narrowed(after)


def period_means(
    frame: pd.DataFrame, before: tuple[int, int] = BEFORE, after: tuple[int, int] = AFTER
) -> pd.DataFrame:
    """Per category: mean before and after (units), change (units), percent change, rank (1 = fell most).

    Ranked by percent change of the period means, ascending; ties keep the input order.
    """

    def mean(years: tuple[int, int]) -> pd.Series:
        rows = frame.loc[frame["year"].between(*years)]
        return rows.groupby("category", sort=False)["value"].mean()

    b, a = mean(before), mean(after)
    out = pd.DataFrame(
        {"category": b.index, "before_mean": b.to_numpy(), "after_mean": a[b.index].to_numpy()}
    )
    out["change"] = out["after_mean"] - out["before_mean"]
    out["change_pct"] = [pct_change(x, y) for x, y in zip(out["before_mean"], out["after_mean"], strict=True)]
    out = out.sort_values("change_pct", kind="stable").reset_index(drop=True)
    out["rank"] = range(1, len(out) + 1)
    return out


def stated_vs_parts(
    snapshots: pd.DataFrame, measure: str, group: str, audit: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per year: sum of the parts, stated total, difference stated − parts (units), the audit row."""
    parts = series(snapshots, measure, group).groupby("year")["value"].sum()
    stated = series(snapshots, measure, "total").set_index("year")["value"]
    out = pd.DataFrame(
        {
            "year": parts.index,
            "sum_of_parts": parts.to_numpy(),
            "stated_total": stated.reindex(parts.index).to_numpy(),
        }
    )
    out["difference"] = out["stated_total"] - out["sum_of_parts"]
    checks, statuses = [], []
    for y, d in zip(out["year"], out["difference"], strict=True):
        rows = audit_row(audit, audit_key("total_vs_parts", measure, y, group))
        checks.append(rows["audit_id"].iloc[0] if len(rows) else "")
        statuses.append(rows["status"].iloc[0] if len(rows) else ("ok" if d == 0 else "mismatch"))
    out["audit"] = checks
    out["status"] = statuses
    return out


def total_differences(snapshots: pd.DataFrame, audit: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every measure, breakdown and year where the stated total differs from the sum of its parts."""
    frames = []
    for (measure, group), _ in snapshots.loc[snapshots["group"] != "total"].groupby(
        ["measure", "group"], sort=True
    ):
        t = stated_vs_parts(snapshots, measure, group, audit)
        frames.append(t.loc[t["difference"] != 0].assign(measure=measure, group=group))
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return out.sort_values(["measure", "group", "year"]).reset_index(drop=True)


def womens_share(snapshots: pd.DataFrame) -> pd.DataFrame:
    """Per year: women, men, stated total employees and women's share of women + men (percent)."""
    g = wide(series(snapshots, "employees", "gender"))
    total = series(snapshots, "employees").set_index("year")["value"]
    out = pd.DataFrame(
        {
            "year": g.index,
            "women": g["women"].to_numpy(),
            "men": g["men"].to_numpy(),
            "total": total.reindex(g.index).to_numpy(),
        }
    )
    out["women_share"] = ratio(out["women"], out["women"] + out["men"]) * 100
    return out


def employees_per_company(snapshots: pd.DataFrame) -> pd.DataFrame:
    """Per year: employees (people), companies and employees per company (people per company)."""
    e = series(snapshots, "employees").set_index("year")["value"]
    c = series(snapshots, "companies").set_index("year")["value"]
    return pd.DataFrame(
        {
            "year": e.index,
            "employees": e.to_numpy(),
            "companies": c[e.index].to_numpy(),
            "per_company": ratio(e, c[e.index]).to_numpy(),
        }
    )


def claim(claims: pd.DataFrame, claim_id: str) -> pd.Series:
    """One claim by id (raises KeyError when absent)."""
    rows = claims.loc[claims["claim_id"] == claim_id]
    if rows.empty:
        raise KeyError(claim_id)
    return rows.iloc[0]


def background_comparison(
    claims: pd.DataFrame, snapshots: pd.DataFrame, audit: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The background section's figures beside the same year's snapshot (people or companies).

    People active are compared with employees + placements (assumption A06 of the log).
    """
    snap = series(snapshots, "employees").set_index("year")["value"]
    rows = []
    for _, c in claims.loc[claims["claim_id"].str.startswith(BACKGROUND_CLAIMS)].iterrows():
        year, measure = int(c["year_from"]), c["measure"]
        if measure == "people_active":
            value = snap[year] + series(snapshots, "placements").set_index("year")["value"][year]
        else:
            value = series(snapshots, measure).set_index("year")["value"][year]
        found = audit_about(audit, c["claim_id"])
        rows.append(
            {
                "measure": measure,
                "year": year,
                "stated": float(c["value"]),
                "approximate": c["approximate"] is True,
                "snapshot": float(value),
                "difference": float(c["value"]) - float(value),
                "difference_pct": (float(value) - float(c["value"])) / float(c["value"]) * 100,
                "status": found["status"].iloc[0] if len(found) else "",
                "source": c["source"],
            }
        )
    return pd.DataFrame(rows).sort_values(["year", "measure"]).reset_index(drop=True)


def detail_outcomes(funded_outcomes: pd.DataFrame, outcome: str) -> int:
    """People the yearly detail of the funded placements records with an outcome (people; e.g. 'back': 7,
    where the report's summary says 8; 'extended': 1)."""
    return int(funded_outcomes.loc[funded_outcomes["outcome"] == outcome, "count"].sum())


def funnel(funded_placements: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Stages of the funded placements: places granted, places used, unique individuals, outcomes (people).

    Granted and used are sums of the detail rows; unique individuals and outcomes are the summary's.
    """
    out = [
        ("places_granted", int(funded_placements["places_granted"].sum())),
        ("places_used", int(funded_placements["places_used"].sum())),
        ("unique_individuals", int(claim(claims, CLAIM_UNIQUE_INDIVIDUALS)["value"])),
    ]
    outcomes = claims.loc[claims["claim_id"].str.startswith(OUTCOME_CLAIMS)]
    out += [(f"outcome_{o}", int(v)) for o, v in outcome_order(outcomes[["category", "value"]])]
    return pd.DataFrame(out, columns=["stage", "value"])


def outcome_order(frame: pd.DataFrame) -> list[tuple[str, int]]:
    """(outcome, count) pairs in the fixed order work, arbetsformedlingen, back, extended, not_stated."""
    pairs = list(frame.itertuples(index=False, name=None))
    last = len(OUTCOME_ORDER)
    return sorted(pairs, key=lambda p: OUTCOME_ORDER.index(p[0]) if p[0] in OUTCOME_ORDER else last)


def use_rate(funded_placements: pd.DataFrame) -> pd.DataFrame:
    """Per year and municipality: places granted, places used and use rate (percent), plus an overall row."""
    cols = ["year", "municipality", "places_granted", "places_used"]
    out = funded_placements[cols].copy()
    out["year"] = out["year"].astype("str")
    out[["places_granted", "places_used"]] = out[["places_granted", "places_used"]].astype("int64")
    years = funded_placements["year"]
    total = {
        "year": f"{int(years.min())}–{int(years.max())}",
        "municipality": TOTAL,
        "places_granted": int(out["places_granted"].sum()),
        "places_used": int(out["places_used"].sum()),
    }
    out = pd.concat([out.sort_values(["year", "municipality"]), pd.DataFrame([total])], ignore_index=True)
    out["use_rate"] = ratio(out["places_used"], out["places_granted"]) * 100
    return out


def target_groups(funded_placements: pd.DataFrame) -> pd.DataFrame:
    """Per target group: municipalities, years, places granted, places used, use rate (percent)."""
    g = funded_placements.groupby("target_group", sort=True)
    out = pd.DataFrame(
        {
            "target_group": list(g.groups),
            "municipalities": [", ".join(sorted(set(x))) for _, x in g["municipality"]],
            "years": [", ".join(str(y) for y in sorted(set(x))) for _, x in g["year"]],
            "places_granted": g["places_granted"].sum().astype("int64").to_numpy(),
            "places_used": g["places_used"].sum().astype("int64").to_numpy(),
        }
    )
    out["use_rate"] = ratio(out["places_used"], out["places_granted"]) * 100
    return out


def gender_of_placed(funded_placements: pd.DataFrame) -> pd.DataFrame:
    """Per year and municipality with places used: women and men as stated (people, NaN when not stated)."""
    rows = funded_placements.loc[funded_placements["places_used"] > 0]
    out = pd.DataFrame(
        {
            "year": rows["year"].astype(int).to_numpy(),
            "municipality": rows["municipality"].to_numpy(),
            "places_used": rows["places_used"].astype("int64").to_numpy(),
            "women": rows["women"].astype("Float64").astype("float64").to_numpy(),
            "men": rows["men"].astype("Float64").astype("float64").to_numpy(),
        }
    )
    out["small"] = out["places_used"] < SMALL
    return out.sort_values(["year", "municipality"]).reset_index(drop=True)


def outcome_comparison(funded_outcomes: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Per outcome and gender: people in the yearly detail (genders as stated or as the genders placed
    leave them, A14; unknown otherwise) against people in the summary (people)."""
    fo = funded_outcomes
    known = fo["women"].notna() & fo["men"].notna()
    parts = [fo.loc[known, ["outcome"]].assign(gender=g, n=fo.loc[known, g]) for g in ("women", "men")]
    parts.append(fo.loc[~known, ["outcome", "gender"]].assign(n=fo.loc[~known, "count"]))
    people = pd.concat(parts)
    detail = people.loc[people["n"] > 0].groupby(["outcome", "gender"])["n"].sum().astype("int64")
    summ = claims.loc[claims["claim_id"].str.startswith(OUTCOME_CLAIMS)]
    summary = (
        summ.assign(gender=summ["gender"].fillna("unknown"))
        .groupby(["category", "gender"])["value"]
        .sum()
        .astype("int64")
    )
    summary.index = summary.index.set_names(["outcome", "gender"])
    out = pd.concat({"detail": detail, "summary": summary}, axis=1).fillna(0).astype("int64").reset_index()
    out = in_order(out, ["outcome", "gender"], {"outcome": OUTCOME_ORDER, "gender": GENDER_ORDER})
    out["difference"] = out["summary"] - out["detail"]
    return out


def proportion_ci(k: int, n: int, level: float = 0.95) -> tuple[float, float, float]:
    """Share k/n with its exact Clopper–Pearson interval at the given level (fractions 0–1).

    Beta quantiles (the same as scipy.stats.binomtest(k, n).proportion_ci(method="exact"), without
    importing scipy.stats, which costs a second per kernel).
    """
    from scipy.special import betaincinv  # here: scipy costs 0.5 s, and only the intervals need it

    k, n = int(k), int(n)
    if not 0 <= k <= n or n == 0:
        raise ValueError(f"need 0 <= k <= n and n > 0, got k={k}, n={n}")
    alpha = 1 - level
    low = 0.0 if k == 0 else float(betaincinv(k, n - k + 1, alpha / 2))
    high = 1.0 if k == n else float(betaincinv(k + 1, n - k, 1 - alpha / 2))
    return k / n, low, high


def outcome_intervals(claims: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Share of the unique individuals reaching work, Arbetsförmedlingen or either, exact intervals (%)."""
    n = int(claim(claims, CLAIM_UNIQUE_INDIVIDUALS)["value"])
    work = int(claim(claims, CLAIM_OUTCOME_WORK)["value"])
    af = int(claim(claims, CLAIM_OUTCOME_ARBETSFORMEDLINGEN)["value"])
    rows = []
    for outcome, k in (("work", work), ("arbetsformedlingen", af), ("either", work + af)):
        share, lo, hi = proportion_ci(k, n, level)
        rows.append(
            {"outcome": outcome, "k": k, "n": n, "share": share * 100, "low": lo * 100, "high": hi * 100}
        )
    return pd.DataFrame(rows)


def informed_cumulative(snapshots: pd.DataFrame) -> pd.DataFrame:
    """Per year: people informed during the year and cumulatively since 2016 (people)."""
    s = series(snapshots, "informed")
    return pd.DataFrame(
        {"year": s["year"], "informed": s["value"], "cumulative": s["value"].cumsum(), "source": s["source"]}
    )


def informed_vs_stated(
    snapshots: pd.DataFrame, claims: pd.DataFrame, audit: pd.DataFrame | None = None
) -> dict:
    """The report's period total of people informed against the sum of the yearly figures (people)."""
    c = claim(claims, CLAIM_INFORMED_TOTAL)
    computed = int(series(snapshots, "informed")["value"].sum())
    found = audit_about(audit, c["claim_id"])
    return {
        "stated": int(c["value"]),
        "computed": computed,
        "difference": int(c["value"]) - computed,
        "year_from": int(c["year_from"]),
        "year_to": int(c["year_to"]),
        "source": c["source"],
        "audit": found["audit_id"].iloc[0] if len(found) else "",
        "note": found["note"].iloc[0] if len(found) else "",
    }


def event_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Milestones per year and kind (events), kinds in order of first appearance by year."""
    out = events.groupby(["year", "kind"], as_index=False).size().rename(columns={"size": "count"})
    out["year"] = out["year"].astype(int)
    return out.sort_values(["year", "kind"]).reset_index(drop=True)


def event_years(events: pd.DataFrame) -> dict[str, int]:
    """First year of the reorganisation of Arbetsförmedlingen and of the pandemic among the milestones."""
    out = {}
    for k in ("reorganisation", "pandemic"):
        ys = events.loc[events["kind"] == k, "year"]
        if len(ys):
            out[k] = int(ys.min())
    return out


PERIOD_MONTH = {"tidigt i början av året": 1, "våren": 4, "sensommaren": 8, "hösten": 10}  # for sorting only


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """Milestones sorted by year, month (the report's vaguer words placed by PERIOD_MONTH, unknown last),
    kind and description."""
    out = events.copy()
    approx = out["period_text"].map(lambda t: PERIOD_MONTH.get(t, 13) if isinstance(t, str) else 13)
    out["_m"] = out["month"].astype("Float64").fillna(approx.astype("Float64"))
    return out.sort_values(["year", "_m", "kind", "description_en"]).drop(columns="_m").reset_index(drop=True)
