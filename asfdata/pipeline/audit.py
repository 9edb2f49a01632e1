"""Consistency audit: generic rules that check the report's figures against each other.

Each rule takes the tidy frames and returns audit rows; passing checks are rows too. Nothing here
names a known case: the rules run over every measure, breakdown, year, claim and municipality.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

import pandas as pd

from asfdata.catalogs import LANGS
from asfdata.numbers import DASH, num, pct
from asfdata.pipeline.audit_lookup import audit_key
from asfdata.pipeline.audit_notes import AUDIT, key_word, key_words, scope_words
from asfdata.pipeline.contract import AUDIT_STATUSES, PROCESSED_COLUMNS, TOTAL_CATEGORY
from asfdata.pipeline.people import FrameError, Model
from asfdata.pipeline.people_frame import frame_problems
from asfdata.pipeline.people_notes import gender_word

AUDIT_COLUMNS = list(PROCESSED_COLUMNS["audit"])
# What a rule returns: the audit's columns, with `scope` the keys of its scope words (scope_words) and `key`
# what it was applied to (audit_key), in place of audit_id and the scope in words.
RULE_COLUMNS = ["check", "key", *[c for c in AUDIT_COLUMNS if c not in ("audit_id", "check", "scope_sv")]]
APPROX_TOLERANCE = 0.10  # assumption A05: ca/cirka agrees within ±10 % of the approximate figure
ROUNDING_WORDS = (1, 10, 100, 1000)  # rounding units with a word of their own (unit_1 …); larger: unit_other
FUNDED_COUNTS = ("places_granted", "places_used")  # funded_placements columns claims may total
Row = dict
Note = tuple[str, str]  # a note in English and in Swedish
NO_NOTE: Note = ("", "")


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


def joined(*notes: Note) -> Note:
    """Notes joined with '; ' in each language, empty ones left out."""
    return "; ".join(n[0] for n in notes if n[0]), "; ".join(n[1] for n in notes if n[1])


def mechanical_note(stated: int, computed: int, parts: dict[str, int] | None = None) -> Note:
    """A likely mechanical cause of a difference (swapped digits, off by one), if any (English, Swedish)."""
    d = stated - computed
    if d == 0:
        return NO_NOTE
    notes: list[Note] = []
    if abs(d) == 1:
        notes.append(AUDIT.both("off_by_one"))
    if swapped_digits(stated, computed):
        notes.append(AUDIT.both("swapped", a=partial(num, stated), b=partial(num, computed)))
    for name, v in (parts or {}).items():
        if v == abs(d):
            notes.append(AUDIT.both("equals_part", name=partial(key_word, name), v=v))
        for w in swaps(v):
            if computed - v + w == stated:
                notes.append(AUDIT.both("written", name=partial(key_word, name), w=w, v=v))
    return joined(*notes) if notes else AUDIT.both("no_cause")


def row(check: str, key: tuple[str, ...], scope: tuple[str, ...], stated: int, computed: int, sources: str,
        note: Note = NO_NOTE, *, status: str | None = None, measure: str = "",
        years: tuple[int, int] | None = None, statements: str = "") -> Row:
    """One audit row (note in English and Swedish); status ok/mismatch from equality unless given."""
    stated, computed = int(stated), int(computed)
    if status is None:
        status = "ok" if stated == computed else "mismatch"
    y0, y1 = years or (None, None)
    return {"check": check, "key": key, "scope": scope, "stated": stated, "computed": computed,
            "difference": stated - computed, "status": status, "sources": sources, "note": note[0],
            "note_sv": note[1], "measure": measure, "year_from": y0, "year_to": y1, "statements": statements}


def rows_frame(check: str, df: pd.DataFrame, holds: pd.Series | None = None) -> pd.DataFrame:
    """Audit rows from a frame with key, scope, stated, computed, sources, note, note_sv, measure, year_from,
    year_to (and statements); status ok where holds (default: stated equals computed), else mismatch."""
    stated, computed = df["stated"].astype("int64"), df["computed"].astype("int64")
    holds = stated == computed if holds is None else holds
    return pd.DataFrame({
        "check": check, "key": df["key"], "scope": df["scope"], "stated": stated, "computed": computed,
        "difference": stated - computed, "status": holds.map({True: "ok", False: "mismatch"}),
        "sources": df["sources"], "note": df["note"], "note_sv": df["note_sv"], "measure": df["measure"],
        "year_from": df["year_from"], "year_to": df["year_to"],
        "statements": df["statements"] if "statements" in df else ""})


def approx_status(stated: int, computed: int) -> str:
    """approximate when computed is within the tolerance of an approximate stated figure."""
    return "approximate" if abs(computed - stated) <= APPROX_TOLERANCE * stated else "mismatch"


def flip_tolerance(stated: int, computed: int) -> float:
    """The tolerance (a fraction of the approximate stated figure) at which approx_status flips: the check
    agrees from it upwards and mismatches below it (ca 200 against 179: 0.105)."""
    return abs(computed - stated) / stated


def rounding_unit(n: int) -> int:
    """The place of a whole number's last non-zero digit, the rounding its digits imply (200 -> 100,
    350 -> 10, 35 -> 1; 0 -> 1)."""
    unit = 1
    while n and n % (unit * 10) == 0:
        unit *= 10
    return unit


def rounding_span(n: int) -> tuple[int, int]:
    """The whole numbers that round to n at its rounding unit, halves up, as (lowest, highest):
    200 -> (150, 249), 350 -> (345, 354), 35 -> (35, 35)."""
    unit = rounding_unit(n)
    return n - unit // 2, n + (unit - 1) // 2


def unit_words(unit: int, lang: str) -> str:
    """A rounding unit in words of lang ('hundred' / 'hundratal'; a larger power of ten as a number)."""
    if unit in ROUNDING_WORDS:
        return AUDIT.say(f"unit_{unit}", lang)
    return AUDIT.say("unit_other", lang, unit=num(unit, lang))


def approximate_note(stated: int, computed: int, status: str) -> Note:
    """Why an approximate figure agrees or not (A05): its difference against the tolerance, the tolerance at
    which its status would flip (none when the figures are equal), and what reading it as rounded at its
    last non-zero digit would give."""
    diff = (computed - stated) / stated * 100
    notes = [AUDIT.both("approximate", pct=partial(pct, diff, decimals=1, sign=True),
                        tol=partial(pct, APPROX_TOLERANCE * 100, decimals=0))]
    if computed != stated:
        flip = "flip_agree" if status == "mismatch" else "flip_mismatch"
        notes.append(AUDIT.both(flip, flip=partial(pct, flip_tolerance(stated, computed) * 100, decimals=1)))
    lo, hi = rounding_span(stated)

    def span(lang: str) -> str:
        return num(lo, lang) if lo == hi else f"{num(lo, lang)}{DASH}{num(hi, lang)}"

    inside = "rounding_in" if lo <= computed <= hi else "rounding_out"
    notes.append(AUDIT.both(inside, unit=partial(unit_words, rounding_unit(stated)), span=span,
                            stated=partial(num, stated), computed=partial(num, computed)))
    return joined(*notes)


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
        return pd.DataFrame(columns=RULE_COLUMNS)
    m["sources"] = union_sources(lookup(sources_by(parts, keys), m, keys), m["source"])
    by = list(zip(m["measure"].tolist(), m["year"].astype(str).tolist(), m["group"].tolist(), strict=True))
    m = m.assign(key=by, scope=[(ms, y, "by", g) for ms, y, g in by],
                 stated=m["value"], computed=m["sum"], note="", note_sv="", year_from=m["year"],
                 year_to=m["year"])
    bad = m[m["stated"] != m["computed"]]
    if len(bad):
        named = {key: dict(zip(p["category"], p["value"].astype(int), strict=True))
                 for key, p in parts.merge(bad[keys], on=keys).groupby(keys, sort=False)}
        notes = [mechanical_note(int(r.stated), int(r.computed), named[(r.year, r.measure, r.group)])
                 for r in bad.itertuples()]
        m.loc[bad.index, "note"] = [n[0] for n in notes]
        m.loc[bad.index, "note_sv"] = [n[1] for n in notes]
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
        scope = (c["measure"], period) + (() if c["category"] == TOTAL_CATEGORY else (c["category"],))
        missing = sorted(set(range(y0, y1 + 1)) - set(inside["year"]))
        note = mechanical_note(stated, computed)
        if y0 != y1:
            note = joined(AUDIT.both("summed", n=len(inside), k=inside["year"].nunique()), note)
        if missing:
            note = joined(note, AUDIT.both("no_figure", years=", ".join(map(str, missing))))
        status = None
        if c["approximate"]:
            status = approx_status(stated, computed)
            note = approximate_note(stated, computed, status)
        if c["measure"] in set(measures.loc[measures["sum_of"].fillna("") != "", "measure"]):
            sum_of = measures.set_index("measure").at[c["measure"], "sum_of"].split("; ")
            note = joined(note, AUDIT.both("computed_as", parts=partial(key_words, sum_of, " + ")))
        if c["source"] == "Bakgrund":
            note = joined(note, AUDIT.both("background"))
        rows.append(row(check, (c["claim_id"],), scope, stated, computed,
                        join_sources([c["source"]], inside["source"]), note, status=status,
                        measure=c["measure"], years=(y0, y1), statements=c["claim_id"]))
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
                "within_stated_range", (c["claim_id"],), (measure, str(c["year_from"]), c["category"]),
                int(c["value"]), high if c["value"] > high else low if c["value"] < low else int(c["value"]),
                join_sources([c["source"]], lo["source"]),
                AUDIT.both("range", low=low, high=high, y0=y0, y1=y1), status="ok" if inside else "mismatch",
                measure=measure, years=(int(c["year_from"]), int(c["year_to"])),
                statements="; ".join([c["claim_id"], lo["claim_id"].iloc[0], hi["claim_id"].iloc[0]])))
    return rows


# --- funded placements ---------------------------------------------------------------------------

PEOPLE_CHECKS = {  # kind of the statement a people-model finding is about -> audit check
    "detail_gender": "outcome_genders_vs_placed",
    "outcome_count": "summary_outcome_count",
    "outcome_who": "summary_outcome_gender",
    "unique_individuals": "unique_individuals_vs_places_used",
}  # places_used is checked by claims_vs_detail (period_total_vs_years)
PEOPLE_STATUS = {"conflict": "mismatch", "consistent_if": "consistent_if", "holds": "ok"}


def claim_value(claims: pd.DataFrame, measure: str) -> pd.Series | None:
    """The single claim of a measure, or None."""
    sel = claims[claims["measure"] == measure]
    return None if sel.empty else sel.iloc[0]


def used_units(fp: pd.DataFrame, df: pd.DataFrame, note: Note | tuple[pd.Series, pd.Series],
               measure: str) -> pd.DataFrame:
    """Rows per municipality-year with places used: key, scope, sources, notes, measure and years filled."""
    unit = list(zip(fp["municipality"].tolist(), fp["year"].astype(str).tolist(), strict=True))
    return df.assign(key=unit, scope=unit, note=note[0], note_sv=note[1], measure=measure,
                     year_from=fp["year"], year_to=fp["year"])


def outcomes_vs_places_used(fp: pd.DataFrame, fo: pd.DataFrame) -> pd.DataFrame:
    """Stated outcomes (A02, A03) against places used, per municipality and year."""
    keys = ["year", "municipality"]
    used = fp[fp["places_used"].fillna(0) > 0]
    stated = lookup(fo.groupby(keys)["count"].sum(), used, keys).fillna(0)
    df = pd.DataFrame({"stated": stated, "computed": used["places_used"],
                       "sources": union_sources(used["source"], lookup(sources_by(fo, keys), used, keys))})
    return rows_frame("outcomes_vs_places_used",
                      used_units(used, df, AUDIT.both("outcomes_vs_used"), "places_used"))


def genders_placed_vs_places_used(fp: pd.DataFrame) -> pd.DataFrame:
    """Women and men placed against places used, where a gender is stated: equal when both are stated,
    at most the places when one is (the other is the places left, A12)."""
    used = fp[(fp["places_used"].fillna(0) > 0) & (fp["women"].notna() | fp["men"].notna())]
    both = used["women"].notna() & used["men"].notna()
    stated = used["women"].fillna(0) + used["men"].fillna(0)
    holds = ((stated == used["places_used"]) | (~both & (stated <= used["places_used"]))).astype(bool)
    note = tuple(
        both.map({True: AUDIT.say("genders_vs_used", lang), False: AUDIT.say("gender_vs_used", lang)})
        for lang in LANGS
    )
    df = pd.DataFrame({"stated": stated, "computed": used["places_used"], "sources": used["source"]})
    return rows_frame("genders_placed_vs_places_used", used_units(used, df, note, "places_used"), holds)


def summary_outcomes_vs_individuals(claims) -> list[Row]:
    """The summary's outcomes, added up, against its unique individuals."""
    c, oc = claim_value(claims, "unique_individuals"), claims[claims["measure"] == "outcome"]
    if c is None or oc.empty:
        return []
    parts = list(zip(oc["category"], oc["gender"], oc["value"].astype(int), strict=True))

    def item(outcome: str, gender: str | None, n: int, lang: str) -> str:
        if not isinstance(gender, str):
            return AUDIT.say("summary_outcome_anyone", lang, outcome=key_word(outcome, lang), n=n)
        return AUDIT.say("summary_outcome", lang, outcome=key_word(outcome, lang),
                         gender=gender_word(gender, n, lang), n=n)

    def items(lang: str) -> str:
        return ", ".join(item(o, g, v, lang) for o, g, v in parts)

    note = AUDIT.both("summary_outcomes", items=items)
    span = f"{c['year_from']}–{c['year_to']}"
    return [row("summary_outcomes_vs_individuals", (c["claim_id"],), ("funded_placements", span),
                int(oc["value"].sum()), int(c["value"]), join_sources([c["source"]], oc["source"]), note,
                measure="unique_individuals", years=(int(c["year_from"]), int(c["year_to"])),
                statements="; ".join([c["claim_id"], *oc["claim_id"]]))]


def people_rows(claims: pd.DataFrame, fp: pd.DataFrame, fo: pd.DataFrame,
                statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """The report's statements about the people placed, tested against every reading of the yearly detail
    (asfdata/pipeline/people.py): one row per distinct disagreement, per statement that holds only for
    some unstated outcomes (consistent_if) and per statement that holds in every reading. None when the
    detail's outcomes or genders do not fit its places (the two rules above show where); one row
    (people_readings: places used, 0 people read) when it allows no reading at all."""
    try:
        f = Model(fp, fo, claims, basis=False, statements=statements).findings()
    except FrameError as e:
        if frame_problems(fp, fo):
            return pd.DataFrame(columns=RULE_COLUMNS)
        used, years = fp[fp["places_used"].fillna(0) > 0], (int(fp["year"].min()), int(fp["year"].max()))
        return pd.DataFrame([row("people_readings", (f"{years[0]}-{years[1]}",),
                                 ("funded_placements", f"{years[0]}–{years[1]}"),
                                 int(used["places_used"].sum()), 0, join_sources(used["source"]),
                                 (str(e), e.sv or str(e)), status="mismatch", measure="places_used",
                                 years=years)])
    f = f[f["subject_kind"].isin(list(PEOPLE_CHECKS))] if len(f) else f
    if f.empty:
        return pd.DataFrame(columns=RULE_COLUMNS)
    status = f["kind"].map(PEOPLE_STATUS)
    return f.assign(check=f["subject_kind"].map(PEOPLE_CHECKS), status=status,
                    difference=f["stated"] - f["computed"])[RULE_COLUMNS]


# --- the audit ----------------------------------------------------------------------------------


def audit(frames: dict[str, pd.DataFrame], measures: pd.DataFrame) -> pd.DataFrame:
    """Every check over the tidy frames; one row per check, passing ones included, sorted by audit_id.

    A row's audit_id is its rule and what the rule was applied to (audit_key), never its position or its
    words; its scope is in English and Swedish words (scope_words). With frames["statements"], the notes
    quote the report's own words (statements.csv); without, they give the evaluation's reading."""
    claims, fp, fo = frames["claims"], frames["funded_placements"], frames["funded_outcomes"]
    parts = [
        total_vs_parts(frames["snapshots"]),
        claims_vs_detail(frames, measures),
        within_stated_range(claims),
        outcomes_vs_places_used(fp, fo),
        genders_placed_vs_places_used(fp),
        summary_outcomes_vs_individuals(claims),
        people_rows(claims, fp, fo, frames.get("statements")),
    ]
    frames_ = [p if isinstance(p, pd.DataFrame) else pd.DataFrame(p, columns=RULE_COLUMNS) for p in parts]
    df = pd.concat([f for f in frames_ if not f.empty], ignore_index=True)
    scopes = df["scope"].tolist()  # lists: iterating the columns themselves costs seconds at 10^6 raw rows
    df = df.assign(
        audit_id=[audit_key(c, *k) for c, k in zip(df["check"].tolist(), df["key"].tolist(), strict=True)],
        scope_sv=[scope_words(s, "sv") for s in scopes],
        scope=[scope_words(s, "en") for s in scopes],
    )[AUDIT_COLUMNS]
    twice = df["audit_id"][df["audit_id"].duplicated()]
    assert twice.empty, f"audit_id not unique: {', '.join(twice)}"  # each rule keys rows by what is unique
    df = df.astype({"stated": "int64", "computed": "int64", "difference": "int64",
                    "year_from": "Int64", "year_to": "Int64"})
    df["statements"] = df["statements"].fillna("").astype("str")
    return df.sort_values("audit_id", kind="stable").reset_index(drop=True)


def audit_table(df: pd.DataFrame) -> str:
    """A readable text table of the audit, mismatches first, each with its audit_id, note and sources."""
    order = df.assign(_s=pd.Categorical(df["status"], AUDIT_STATUSES, ordered=True))
    order = order.sort_values(["_s", "audit_id"], kind="stable")
    counts = df["status"].value_counts()
    head = f"{'STATUS':<15}{'CHECK':<36}{'SCOPE':<50}{'STATED':>8}{'COMPUTED':>10}{'DIFF':>7}"
    lines = [", ".join(f"{counts.get(s, 0)} {s}" for s in AUDIT_STATUSES) + f" ({len(df)} checks)", "", head]
    for r in order.itertuples():
        lines.append(f"{r.status:<15}{r.check:<36}{r.scope:<50}{r.stated:>8}{r.computed:>10}{r.difference:>+7}")
        if r.status != "ok":
            lines.append(f"{'':<15}id: {r.audit_id}")
            if r.note:
                lines.append(f"{'':<15}note: {r.note}")
            lines.append(f"{'':<15}sources: {r.sources}")
    return "\n".join(lines)
