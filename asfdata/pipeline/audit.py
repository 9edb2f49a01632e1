"""Consistency audit: generic rules that check the report's figures against each other.

Each rule takes the tidy frames and returns audit rows; passing checks are rows too. Nothing here
names a known case: the rules run over every measure, breakdown, year, claim and municipality.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pandas as pd

from asfdata.pipeline.contract import AUDIT_STATUSES, TOTAL_CATEGORY, UNKNOWN_GENDER

AUDIT_COLUMNS = ["check", "scope", "stated", "computed", "difference", "status", "sources", "note"]
TRACE_COLUMNS = ["measure", "year_from", "year_to"]  # kept in memory for `trace`, not written
APPROX_TOLERANCE = 0.10  # assumption A05: ca/cirka agrees within ±10 % of the approximate figure
FUNDED_COUNTS = ("places_granted", "places_used")  # funded_placements columns claims may total
GENDERS = ("women", "men")
Row = dict


def join_sources(*groups: Iterable[str]) -> str:
    """Sources of the figures behind a check: unique, sorted, joined with '; '."""
    found: set[str] = set()
    for g in groups:
        values = g.unique() if isinstance(g, pd.Series) else g
        found.update(s for s in values if isinstance(s, str) and s)
    return "; ".join(sorted(found))


def swapped_digits(a: int, b: int) -> bool:
    """True when a and b differ only by two neighbouring digits swapped (1257 vs 1275)."""
    x, y = str(a), str(b)
    diff = [i for i in range(len(x)) if len(x) == len(y) and x[i] != y[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def swaps(n: int) -> Iterator[int]:
    """Every number made by swapping two neighbouring digits of n."""
    s = str(n)
    for i in range(len(s) - 1):
        t = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
        if t != s and not t.startswith("0"):
            yield int(t)


def mechanical_note(stated: int, computed: int, parts: dict[str, int] | None = None) -> str:
    """A likely mechanical cause of a difference (swapped digits, off by one), if any."""
    d = stated - computed
    if d == 0:
        return ""
    notes = []
    if abs(d) == 1:
        notes.append("off by one")
    if swapped_digits(stated, computed):
        notes.append(f"two digits swapped ({stated} vs {computed})")
    for name, v in (parts or {}).items():
        if v == abs(d):
            notes.append(f"the difference equals the part {name} ({v})")
        for w in swaps(v):
            if computed - v + w == stated:
                notes.append(f"{name} written {w} instead of {v} would make the parts add up")
    return "; ".join(notes) if notes else "no mechanical cause found"


def row(check: str, scope: str, stated: int, computed: int, sources: str, note: str = "", *,
        status: str | None = None, measure: str = "", years: tuple[int, int] | None = None) -> Row:
    """One audit row; status ok/mismatch from equality unless given."""
    stated, computed = int(stated), int(computed)
    if status is None:
        status = "ok" if stated == computed else "mismatch"
    y0, y1 = years or (None, None)
    return {"check": check, "scope": scope, "stated": stated, "computed": computed,
            "difference": stated - computed, "status": status, "sources": sources, "note": note,
            "measure": measure, "year_from": y0, "year_to": y1}


def rows_frame(check: str, df: pd.DataFrame, *, at_most_note: str | None = None) -> pd.DataFrame:
    """Audit rows from a frame with scope, stated, computed, sources, note, measure, year_from, year_to.

    Status is ok when stated equals computed, or, with at_most_note, when stated <= computed.
    """
    stated, computed = df["stated"].astype("int64"), df["computed"].astype("int64")
    holds = stated <= computed if at_most_note is not None else stated == computed
    note = df["note"] if at_most_note is None else "at most: " + df["note"]
    return pd.DataFrame({
        "check": check, "scope": df["scope"], "stated": stated, "computed": computed,
        "difference": stated - computed, "status": holds.map({True: "ok", False: "mismatch"}),
        "sources": df["sources"], "note": note, "measure": df["measure"],
        "year_from": df["year_from"], "year_to": df["year_to"]})


def at_most(check: str, scope: str, stated: int, bound: int, sources: str, note: str, **kw) -> Row:
    """A row for a rule 'stated is at most bound' (ok when it holds)."""
    status = "ok" if stated <= bound else "mismatch"
    return row(check, scope, stated, bound, sources, f"at most: {note}", status=status, **kw)


def approx_status(stated: int, computed: int) -> str:
    """approximate when computed is within the tolerance of an approximate stated figure."""
    return "approximate" if abs(computed - stated) <= APPROX_TOLERANCE * stated else "mismatch"


def sources_by(df: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Sources of the rows of each key, joined (unique, sorted); vectorised where there is one."""
    u = df[[*keys, "source"]].dropna().drop_duplicates().sort_values([*keys, "source"])
    many = u.duplicated(keys, keep=False)
    single = u[~many].set_index(keys)["source"]
    joined = u[many].groupby(keys, sort=False)["source"].agg("; ".join)
    return pd.concat([single, joined])


def lookup(series: pd.Series, df: pd.DataFrame, keys: list[str]) -> pd.Series:
    """series (indexed by keys) looked up for each row of df, aligned with df's index."""
    idx = pd.MultiIndex.from_frame(df[keys]) if len(keys) > 1 else pd.Index(df[keys[0]])
    return pd.Series(series.reindex(idx).to_numpy(), index=df.index)


def union_sources(a: pd.Series, b: pd.Series) -> pd.Series:
    """Row-wise union of two joined-source columns (equal or missing ones without Python loops)."""
    same = (a == b) | b.isna()
    out = a.where(same, b.where(a.isna()))
    both = ~same & a.notna()
    if not both.any():
        return out
    out[both] = [join_sources(x.split("; "), y.split("; ")) for x, y in zip(a[both], b[both], strict=True)]
    return out


# --- snapshots --------------------------------------------------------------------------------


def total_vs_parts(snapshots: pd.DataFrame) -> pd.DataFrame:
    """Every stated total against the sum of its parts, per measure, breakdown and year."""
    keys = ["year", "measure", "group"]
    total = snapshots[(snapshots["group"] == "total") & snapshots["value"].notna()]
    parts = snapshots[snapshots["group"] != "total"]
    agg = parts.groupby(keys, sort=False)["value"].agg(["sum", "size", "count"])
    agg = agg[agg["size"] == agg["count"]].reset_index()  # a part not stated: no check
    m = agg.merge(total[["year", "measure", "value", "source"]], on=["year", "measure"])
    if m.empty:
        return pd.DataFrame(columns=AUDIT_COLUMNS + TRACE_COLUMNS)
    m["sources"] = union_sources(lookup(sources_by(parts, keys), m, keys), m["source"])
    m = m.assign(scope=m["measure"] + " " + m["year"].astype(str) + " by " + m["group"],
                 stated=m["value"], computed=m["sum"], note="", year_from=m["year"], year_to=m["year"])
    bad = m[m["stated"] != m["computed"]]
    if len(bad):
        named = {key: dict(zip(p["category"], p["value"].astype(int), strict=True))
                 for key, p in parts.merge(bad[keys], on=keys).groupby(keys, sort=False)}
        m.loc[bad.index, "note"] = [
            mechanical_note(int(r.stated), int(r.computed), named[(r.year, r.measure, r.group)])
            for r in bad.itertuples()]
    return rows_frame("total_vs_parts", m)


# --- claims against the detail ------------------------------------------------------------------


def yearly(frames: dict[str, pd.DataFrame], measures: pd.DataFrame, claim: pd.Series) -> pd.DataFrame | None:
    """The yearly detail figures behind a claim (year, value, source), or None if there are none."""
    snap, fp = frames["snapshots"], frames["funded_placements"]
    measure, category = claim["measure"], claim["category"]
    if snap["measure"].eq(measure).any():
        sel = snap[(snap["measure"] == measure) & (snap["category"] == category)]
        return sel[["year", "value", "source"]]
    if measure in FUNDED_COUNTS:
        sel = fp if pd.isna(claim["municipality"]) else fp[fp["municipality"] == claim["municipality"]]
        return sel.rename(columns={measure: "value"})[["year", "value", "source"]]
    sum_of = measures.set_index("measure")["sum_of"].get(measure, "")
    if isinstance(sum_of, str) and sum_of.strip():
        as_part = [pd.concat([claim.drop("measure"), pd.Series({"measure": m.strip()})])
                   for m in sum_of.split(";")]
        parts = [yearly(frames, measures, c) for c in as_part]
        if any(p is None for p in parts):
            return None
        both = pd.concat(parts)
        return both.groupby("year", as_index=False).agg(
            value=("value", lambda v: v.sum(min_count=len(parts))),
            source=("source", lambda s: "; ".join(sorted(set(s)))))
    return None


def claims_vs_detail(frames: dict[str, pd.DataFrame], measures: pd.DataFrame) -> list[Row]:
    """Every claim that restates detail figures: one year (same figure twice) or a period total."""
    rows = []
    for _, c in frames["claims"].iterrows():
        detail = yearly(frames, measures, c)
        if detail is None:
            continue
        y0, y1 = int(c["year_from"]), int(c["year_to"])
        inside = detail[(detail["year"] >= y0) & (detail["year"] <= y1)]
        if inside["value"].isna().any() or inside.empty:
            continue
        stated, computed = int(c["value"]), int(inside["value"].sum())
        check = "same_figure_two_sections" if y0 == y1 else "period_total_vs_years"
        period = f"{y0}" if y0 == y1 else f"{y0}–{y1}"
        scope = f"{c['measure']} {period}" + ("" if c["category"] == TOTAL_CATEGORY else f" {c['category']}")
        missing = sorted(set(range(y0, y1 + 1)) - set(inside["year"]))
        note = mechanical_note(stated, computed) if stated != computed else ""
        if y0 != y1:
            summed = f"sum of {len(inside)} figures over {inside['year'].nunique()} years"
            note = "; ".join(filter(None, [summed, note]))
        if missing:
            note += f"; no figure for {', '.join(map(str, missing))}"
        status = None
        if c["approximate"]:
            status = approx_status(stated, computed)
            pct = (computed - stated) / stated * 100
            note = f"approximate figure (ca); detail is {pct:+.1f} % off, tolerance ±10 % (A05)"
        if c["measure"] in set(measures.loc[measures["sum_of"].fillna("") != "", "measure"]):
            note += "; computed as " + " + ".join(
                measures.set_index("measure").at[c["measure"], "sum_of"].split("; ")) + " (A06)"
        if c["source"] == "Bakgrund":
            note += "; the background's 2016 figure is taken to be the autumn 2016 count (A07)"
        rows.append(row(check, scope, stated, computed, join_sources([c["source"]], inside["source"]),
                        note, status=status, measure=c["measure"], years=(y0, y1)))
    return rows


def within_stated_range(claims: pd.DataFrame) -> list[Row]:
    """Claims of a measure against the range (min, max) the report states for it."""
    rows = []
    for measure, g in claims.groupby("measure", sort=True):
        lo, hi = g[g["category"] == "min"], g[g["category"] == "max"]
        if lo.empty or hi.empty:
            continue
        low, high = int(lo["value"].iloc[0]), int(hi["value"].iloc[0])
        y0, y1 = int(lo["year_from"].iloc[0]), int(lo["year_to"].iloc[0])
        for _, c in g[~g["category"].isin(["min", "max"])].iterrows():
            inside = low <= c["value"] <= high
            rows.append(row(
                "within_stated_range", f"{measure} {c['year_from']} {c['category']}", int(c["value"]),
                high if c["value"] > high else low if c["value"] < low else int(c["value"]),
                join_sources([c["source"]], lo["source"]),
                f"stated range {low}–{high} for {y0}–{y1}", status="ok" if inside else "mismatch",
                measure=measure, years=(int(c["year_from"]), int(c["year_to"]))))
    return rows


# --- funded placements ------------------------------------------------------------------------


def outcome_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The summary's outcome claims."""
    return claims[claims["measure"] == "outcome"]


def claim_value(claims: pd.DataFrame, measure: str) -> pd.Series | None:
    """The single claim of a measure, or None."""
    sel = claims[claims["measure"] == measure]
    return None if sel.empty else sel.iloc[0]


def funded_years(fp: pd.DataFrame) -> tuple[int, int]:
    """First and last year of the funded placements."""
    return int(fp["year"].min()), int(fp["year"].max())


def outcomes_vs_places_used(fp: pd.DataFrame, fo: pd.DataFrame) -> pd.DataFrame:
    """Stated outcomes against places used, per municipality and year and overall."""
    keys, years = ["year", "municipality"], funded_years(fp)
    used = fp[fp["places_used"].fillna(0) > 0]
    stated = lookup(fo.groupby(keys)["count"].sum(), used, keys).fillna(0)
    per_place = pd.DataFrame({
        "scope": used["municipality"] + " " + used["year"].astype(str), "stated": stated,
        "computed": used["places_used"],
        "sources": union_sources(used["source"], lookup(sources_by(fo, keys), used, keys)),
        "note": "stated outcomes (A02, A03) against places used", "measure": "places_used",
        "year_from": used["year"], "year_to": used["year"]})
    overall = pd.DataFrame([row("outcomes_vs_places_used", f"all municipalities {years[0]}–{years[1]}",
                                int(fo["count"].sum()), int(fp["places_used"].sum()),
                                join_sources(fo["source"].unique(), fp["source"].unique()),
                                "stated outcomes against places used", measure="places_used",
                                years=years)])
    return pd.concat([rows_frame("outcomes_vs_places_used", per_place), overall], ignore_index=True)


def unique_individuals_vs_places_used(claims, fp, fo) -> list[Row]:
    """Unique individuals against places used less extended placements (A04)."""
    c = claim_value(claims, "unique_individuals")
    if c is None:
        return []
    used, extended = int(fp["places_used"].sum()), int(fo.loc[fo["outcome"] == "extended", "count"].sum())
    note = (f"{used} places used − {extended} extended placement(s) taken to be the same person "
            f"placed again (A04)")
    return [row("unique_individuals_vs_places_used", f"funded placements {c['year_from']}–{c['year_to']}",
                int(c["value"]), used - extended,
                join_sources([c["source"]], fp["source"], fo["source"]), note,
                measure="unique_individuals", years=(int(c["year_from"]), int(c["year_to"])))]


def summary_outcomes_vs_individuals(claims) -> list[Row]:
    """The summary's outcomes, added up, against its unique individuals."""
    c, oc = claim_value(claims, "unique_individuals"), outcome_claims(claims)
    if c is None or oc.empty:
        return []
    parts = {f"{o} ({g})": int(v) for o, g, v in zip(oc["category"], oc["gender"], oc["value"], strict=True)}
    note = "outcomes: " + ", ".join(f"{k} {v}" for k, v in parts.items())
    return [row("summary_outcomes_vs_individuals", f"funded placements {c['year_from']}–{c['year_to']}",
                int(oc["value"].sum()), int(c["value"]), join_sources([c["source"]], oc["source"]), note,
                measure="unique_individuals", years=(int(c["year_from"]), int(c["year_to"])))]


def detail_of(fo: pd.DataFrame, claim: pd.Series) -> pd.DataFrame:
    """Detail outcome rows matching a summary outcome claim's outcome and municipality."""
    sel = fo[fo["outcome"] == claim["category"]]
    if pd.notna(claim["municipality"]):
        sel = sel[sel["municipality"] == claim["municipality"]]
    return sel


def claim_scope(c: pd.Series, with_gender: bool = True) -> str:
    """Readable scope of an outcome claim: outcome, gender, municipality."""
    bits = [c["category"], c["gender"] if with_gender else "(any gender)", c["municipality"]]
    return "outcome " + " ".join(str(b) for b in bits if pd.notna(b))


def summary_outcome_vs_detail(claims, fo) -> list[Row]:
    """Each summary outcome against the yearly detail: its count, and its gender (A08)."""
    rows = []
    for _, c in outcome_claims(claims).iterrows():
        sel, years = detail_of(fo, c), (int(c["year_from"]), int(c["year_to"]))
        src = join_sources([c["source"]], sel["source"])
        stated, total = int(c["value"]), int(sel["count"].sum())
        rows.append(row("summary_outcome_count", claim_scope(c, with_gender=False), stated, total, src,
                        mechanical_note(stated, total) if stated != total else "",
                        measure="outcome", years=years))
        if pd.notna(c["gender"]):
            same = int(sel.loc[sel["gender"] == c["gender"], "count"].sum())
            unknown = int(sel.loc[sel["gender"] == UNKNOWN_GENDER, "count"].sum())
            stated_genders = ", ".join(f"{g} {n}" for g, n in sel.groupby("gender")["count"].sum().items())
            note = (f"the detail states {stated_genders or 'none'}; of these, {same} {c['gender']}"
                    f" and {unknown} of unstated gender (A08)")
            rows.append(at_most("summary_outcome_gender", claim_scope(c), stated, same + unknown, src,
                                note, measure="outcome", years=years))
    return rows


def outcome_genders_vs_placed(claims, fp, fo) -> pd.DataFrame:
    """Genders of those with outcomes against genders of those placed, per municipality."""
    years = funded_years(fp)
    oc = outcome_claims(claims).rename(columns={"value": "count", "category": "outcome"})
    placed = fp.melt(id_vars=["municipality", "source"], value_vars=list(GENDERS), var_name="gender")
    placed_n = placed.groupby(["municipality", "gender"])["value"].sum(min_count=1)
    out = []
    for origin, df in {"detail": fo, "summary": oc}.items():
        known = df[df["gender"].isin(GENDERS) & df["municipality"].notna()]
        munis = pd.Index(sorted(known["municipality"].unique()), name="municipality")
        grid = pd.MultiIndex.from_product([munis, list(GENDERS)], names=["municipality", "gender"])
        stated = known.groupby(["municipality", "gender"])["count"].sum().reindex(grid, fill_value=0)
        g = stated.rename("stated").reset_index()
        g["computed"] = lookup(placed_n, g, ["municipality", "gender"])
        g = g[g["computed"].notna()]
        src = union_sources(lookup(sources_by(known, ["municipality"]), g, ["municipality"]),
                            lookup(sources_by(placed, ["municipality"]), g, ["municipality"]))
        note = g["gender"] + f" with a stated outcome ({origin}) against " + g["gender"] + " placed"
        g = g.assign(scope=g["municipality"] + " " + g["gender"], sources=src, note=note,
                     measure="outcome", year_from=years[0], year_to=years[1])
        out.append(rows_frame(f"outcome_genders_vs_placed_{origin}", g, at_most_note=""))
    return pd.concat(out, ignore_index=True)


def summary_genders_vs_detail(claims, fp) -> list[Row]:
    """The summary's genders (all outcomes) against the genders of those placed in the detail (A09)."""
    oc, rows = outcome_claims(claims), []
    if oc.empty:
        return rows
    years = funded_years(fp)
    for g in GENDERS:
        stated = int(oc.loc[oc["gender"] == g, "value"].sum())
        placed = int(fp[g].sum())
        unstated = int(fp[g].isna().sum())
        note = "genders counted by places used (A09)"
        if unstated:
            note += f"; {unstated} municipality-year(s) state no count of {g} (A12)"
        rows.append(row("summary_genders_vs_detail", f"funded placements {g}", stated, placed,
                        join_sources(oc["source"], fp["source"]), note, measure="outcome", years=years))
    return rows


# --- the audit ----------------------------------------------------------------------------------


def audit(frames: dict[str, pd.DataFrame], measures: pd.DataFrame) -> pd.DataFrame:
    """Every check over the tidy frames; one row per check, passing ones included, sorted."""
    claims, fp, fo = frames["claims"], frames["funded_placements"], frames["funded_outcomes"]
    parts = [
        total_vs_parts(frames["snapshots"]),
        claims_vs_detail(frames, measures),
        within_stated_range(claims),
        outcomes_vs_places_used(fp, fo),
        unique_individuals_vs_places_used(claims, fp, fo),
        summary_outcomes_vs_individuals(claims),
        summary_outcome_vs_detail(claims, fo),
        outcome_genders_vs_placed(claims, fp, fo),
        summary_genders_vs_detail(claims, fp),
    ]
    frames_ = [p if isinstance(p, pd.DataFrame) else pd.DataFrame(p, columns=AUDIT_COLUMNS + TRACE_COLUMNS)
               for p in parts]
    df = pd.concat([f for f in frames_ if not f.empty], ignore_index=True)[AUDIT_COLUMNS + TRACE_COLUMNS]
    df = df.astype({"stated": "int64", "computed": "int64", "difference": "int64",
                    "year_from": "Int64", "year_to": "Int64"})
    return df.sort_values(["check", "scope"], kind="stable").reset_index(drop=True)


def audit_table(df: pd.DataFrame) -> str:
    """A readable text table of the audit, mismatches first, each with its note and sources."""
    order = df.assign(_s=pd.Categorical(df["status"], AUDIT_STATUSES, ordered=True))
    order = order.sort_values(["_s", "check", "scope"], kind="stable")
    counts = df["status"].value_counts()
    head = f"{'STATUS':<12}{'CHECK':<36}{'SCOPE':<50}{'STATED':>8}{'COMPUTED':>10}{'DIFF':>7}"
    lines = [", ".join(f"{counts.get(s, 0)} {s}" for s in AUDIT_STATUSES) + f" ({len(df)} checks)", "", head]
    for r in order.itertuples():
        lines.append(f"{r.status:<12}{r.check:<36}{r.scope:<50}{r.stated:>8}{r.computed:>10}{r.difference:>+7}")
        if r.status != "ok":
            if r.note:
                lines.append(f"{'':<12}note: {r.note}")
            lines.append(f"{'':<12}sources: {r.sources}")
    return "\n".join(lines)
