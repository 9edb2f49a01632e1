"""Provenance: the trail behind one figure, from the report's sentence to the assumptions it rests on.

`python -m asfdata trace MEASURE YEAR [CATEGORY]` finds the raw lines that state MEASURE in YEAR (the
snapshot, the claims covering the year, of the measure or of a sum including it, and the funded placements'
rows) and shows, for each: the report's section, the sentence of the report's text it was transcribed from
with its line and column there (data/raw/inventory.csv: the rows whose file and row name that raw line), the
raw line as written and the tidy rows built from it, at their line of data/processed. Then the audit rows of
the measure (or of a sum including it) over a period holding YEAR, and the assumptions that apply.

Which assumptions apply, from data/raw/assumptions.csv and nothing else: an assumption is shown when
1. its id (A01 …) is cited in the note of a raw line or of an audit row of the trail; or
2. a raw line of the trail stands in one of the assumption's `sources` (the line's `source`, a report
   section) and counts one of its `measures` (the line's `measure`; in the funded files, the one traced).
A section alone is not enough: Milstolpar 2020 states the placements and the people informed of 2020, and
A13, on the people informed, does not apply to the placements.

`trace milestones YEAR [KIND]` (or `--kind KIND`) lists the year's milestones of events.csv instead: for each,
its kind, actor and description, the report's words (quote_sv) at their line of the report's text (checked
against it when found, else marked as events.csv's copy), the raw line and its tidy row.

CATEGORY narrows the trail to one category (snapshots and claims: `category`; funded files: the
municipality); the audit rows whose `audit_id` names another of the figure's categories, and not this one,
go (the id is structured: the check, then measure, year and breakdown, or municipality and year, or statement
ids).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import pandas as pd

from asfdata.paths import PROCESSED_DIR, ROOT
from asfdata.pipeline.contract import DATA_SPECS, LIST_SEP
from asfdata.pipeline.errors import InputError
from asfdata.pipeline.inventory import (
    INVENTORY_PATH,
    SOURCE_BESIDE,
    quote_check,
    sentence_check,
    source_path,
    source_text,
)
from asfdata.pipeline.read import RawTable, read_raw
from asfdata.pipeline.statements import checked_frames
from asfdata.pipeline.validate import load_raw

FUNDED_COUNT_COLUMNS = ("places_granted", "places_used", "women", "men")
ASSUMPTION_ID = re.compile(r"\bA\d{2}\b")
KINDS = ("sentence", "milestone", "quote", "raw", "tidy", "audit", "assumption", "context")  # a trail's order
MILESTONES = "milestones"  # the measure whose figures are events.csv's rows: traced one milestone at a time
EVENTS_FILE = DATA_SPECS["events"].file
FORMATS = ("text", "csv", "json")
CATEGORY_COLUMNS = {"snapshots": "category", "claims": "category", "funded_placements": "municipality",
                    "funded_outcomes": "municipality"}
SOURCE_NAME = SOURCE_BESIDE.name  # the report's text, whose lines inventory.csv counts
# A sentence's `why`: whether it was read in the report's text, or is inventory.csv's copy alone.
NOT_CHECKED = ("as transcribed in inventory.csv; not checked against the report's text (not found: give "
               "--source FILE or set ASF_SOURCE)")
CHECKED = "checked against the report's text, {source}"
DIFFERS = "as transcribed in inventory.csv; the report's text, {source}, differs: it has {has}"
# A milestone's quote: the report's words at its line, read in the report's text, or events.csv's copy alone.
QUOTE_NOT_CHECKED = NOT_CHECKED.replace("inventory.csv", EVENTS_FILE)
QUOTE_DIFFERS = "as transcribed in " + EVENTS_FILE + "; the report's text, {source}, differs: {has}"


@dataclass(frozen=True)
class Item:
    """One item of a trail: one record of `--format csv` or `json`, one line of the text."""

    kind: str  # one of KINDS
    file: str  # the report's text, or a file of data/raw or data/processed
    line: int  # the line of file the item is on (as an editor counts: the header is line 1)
    column: int | None  # sentence: the character of its line the number starts at; else None (quote too)
    section: str  # the report section (audit: of every figure checked; assumption: its sources)
    raw: str  # sentence, raw, tidy: the raw line they belong to, as file:line; else empty
    id: str  # sentence: the number as written; milestone: its kind; audit: audit_id (empty while audit.csv
    # has none); assumption: its id
    text: str  # the sentence; the milestone's actor and description; the quote (the report's words); the line
    # as written; the audit row's check, scope and result; the assumption
    why: str  # assumption: the rule that made it apply; else empty


FIELDS = tuple(Item.__dataclass_fields__)


class TraceError(InputError):
    """A measure, year or category the data have no figure of: one line naming what exists."""

    def lines(self) -> list[str]:
        """What the command line prints on stderr."""
        return [str(self)]


def csv_line(values: list) -> str:
    """Cells as one CSV line, as data/processed writes them (missing empty, booleans true/false)."""
    cells = ["" if pd.isna(v) else str(v).lower() if isinstance(v, bool) else str(v) for v in values]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(cells)
    return buf.getvalue()


def shown_path(path: Path) -> str:
    """A path as the project names it (relative to the project's folder when inside it)."""
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def listed(cell: object) -> set[str]:
    """The values of a cell joined with LIST_SEP (none when the cell is missing)."""
    return {v.strip() for v in cell.split(LIST_SEP.strip())} - {""} if isinstance(cell, str) else set()


def years_text(years: list[int]) -> str:
    """Years as '2016–2020' when consecutive, else '2016, 2018'."""
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def related_measures(measure: str, measures: pd.DataFrame) -> set[str]:
    """The measure and every measure defined as a sum that includes it (measures.csv, sum_of)."""
    parts = measures.set_index("measure")["sum_of"].fillna("")
    return {measure} | {m for m, s in parts.items() if measure in listed(s)}


def matches(name: str, df: pd.DataFrame, related: set[str], measure: str, year: int) -> pd.Series:
    """Which rows of one raw frame hold a figure of measure in year."""
    y = pd.to_numeric(df["year"] if "year" in df else df["year_from"], errors="coerce")
    if name == "snapshots":
        return (df["measure"] == measure) & (y == year)
    if name == "claims":
        y1 = pd.to_numeric(df["year_to"], errors="coerce")
        return df["measure"].isin(related) & (y <= year) & (year <= y1)
    if name == "funded_placements":
        return pd.Series(measure in FUNDED_COUNT_COLUMNS, index=df.index) & (y == year)
    if name == "funded_outcomes":
        return pd.Series(measure in {"outcome", "places_used"}, index=df.index) & (y == year)
    return pd.Series(False, index=df.index)


def short_names(raw: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Municipality as the report or the tidy data name it -> the short name the tidy data use."""
    m = raw["municipalities"]
    return {**dict(zip(m["report_name"], m["municipality"], strict=True)),
            **{v: v for v in m["municipality"]}}


def categories(name: str, df: pd.DataFrame, short: dict[str, str]) -> pd.Series:
    """The category of each row of a raw or tidy frame (CATEGORY_COLUMNS; municipalities by short name)."""
    col = df[CATEGORY_COLUMNS[name]].astype("str")
    return col.map(lambda v: short.get(v, v)) if CATEGORY_COLUMNS[name] == "municipality" else col


def keys(name: str, df: pd.DataFrame, short: dict[str, str]) -> pd.Series:
    """The key of each row of a raw or tidy frame as one text (municipalities by short name)."""
    cols = [df[c].astype("str").map(lambda v: short.get(v, v)) if c == "municipality" else df[c].astype("str")
            for c in DATA_SPECS[name].key]
    return pd.Series(["\t".join(k) for k in zip(*cols, strict=True)], index=df.index, dtype="object")


def figure_years(tables: dict[str, RawTable], years: list[int], related: set[str], measure: str) -> list[int]:
    """The years of years in which some raw line states measure."""
    return [y for y in years
            if any(matches(n, t.frame, related, measure, y).any() for n, t in tables.items())]


def id_names(audit_id: str, category: str) -> bool:
    """Whether an audit row's id names category as one of its parts (ignoring case: statement ids are lower
    case, 'detail-nordanstig-2018-work-men')."""
    return category.casefold() in re.split(r"[:+-]", audit_id.casefold())


def line_items(name: str, table: RawTable, hit: pd.Series, tidy: pd.DataFrame, inventory: pd.DataFrame,
               files: dict[str, str], short: dict[str, str]) -> list[Item]:
    """For each raw line of table where hit: its sentences, the line, its tidy rows, in that order."""
    text_lines, starts = table.text.split("\n"), table.lines()
    tidy_keys = keys(name, tidy, short)
    raw_keys = keys(name, table.frame, short)
    out = []
    for i in hit[hit].index:
        line, section = int(starts[i]), table.frame.at[i, "source"]
        ref = f"{files['raw']}:{line}"
        said = inventory[(inventory["file"] == DATA_SPECS[name].file) & (inventory["row"] == str(line))]
        at = sorted(zip(said["line"].astype(int), said["column"].astype(int), said["token"], said["sentence"],
                        strict=True))
        out += [Item("sentence", SOURCE_NAME, int(ln), int(col), section, ref, token, sentence, "")
                for ln, col, token, sentence in at]
        out.append(Item("raw", files["raw"], line, None, section, ref, "", text_lines[line - 1], ""))
        rows = tidy[tidy_keys == raw_keys[i]]
        out += [Item("tidy", files["tidy"], int(j) + 2, None, section, ref, "", csv_line(r.to_list()), "")
                for j, r in rows.iterrows()]
    return out


def audit_items(checks: pd.DataFrame, file: str) -> list[Item]:
    """The audit rows as items, at their line of audit.csv (with audit_id once audit.csv has it)."""
    out = []
    for j, r in checks.iterrows():
        result = (f"{r['check']}: {r['scope']}: {r['status']}: stated {r['stated']}, "
                  f"computed {r['computed']} ({r['difference']:+d})")
        out.append(Item("audit", file, int(j) + 2, None, r["sources"], "", str(r.get("audit_id", "")),
                        result + (f"; {r['note']}" if r["note"] else ""), ""))
    return out


def assumption_items(log: RawTable, file: str, cited: dict[str, str],
                     stated: set[tuple[str, str]]) -> list[Item]:
    """The assumptions that apply (see the module's docstring): cited (id -> where), or one of their
    sources and measures is a (section, measure) of a raw line of the trail (stated)."""
    out = []
    for line, r in zip(log.lines(), log.frame.itertuples(), strict=True):
        sources, measures = listed(r.sources), listed(r.measures)
        pairs = sorted((s, m) for s, m in stated if s in sources and m in measures)
        why = [f"cited by {cited[r.id]}"] if r.id in cited else []
        why += [f"section {s}, measure {m}" for s, m in pairs]
        if why:
            out.append(Item("assumption", file, int(line), None, r.sources, "", r.id, r.assumption_en,
                            "; ".join(why)))
    return out


def cited_ids(notes: list[tuple[str, str]]) -> dict[str, str]:
    """The assumption ids cited in notes ((where, note) pairs) -> where each is first cited."""
    cited: dict[str, str] = {}
    for where, note in notes:
        for a in ASSUMPTION_ID.findall(note or ""):
            cited.setdefault(a, where)
    return cited


def selected(tables: dict[str, RawTable], raw: dict[str, pd.DataFrame], measure: str, year: int,
             category: str | None) -> tuple[dict[str, pd.Series], list[str]]:
    """Which raw lines of each table state measure in year (in category), and the figure's categories
    in file order; TraceError naming what exists when none do."""
    related, short = related_measures(measure, raw["measures"]), short_names(raw)
    hits = {n: matches(n, t.frame, related, measure, year) for n, t in tables.items()}
    if not any(h.any() for h in hits.values()):
        years = figure_years(tables, [int(y) for y in raw["years"]["year"]], related, measure)
        has = f"has years {years_text(years)}" if years else "has no figure in any year"
        raise TraceError(f"trace: no figure of {measure} in {year}: {measure} {has}")
    present = list(dict.fromkeys(c for n, t in tables.items()
                                 for c in categories(n, t.frame, short)[hits[n]]))
    if category is None:
        return hits, present
    if short.get(category, category) not in present:
        raise TraceError(f"trace: no figure of {measure} in {year} in category {category!r}: "
                         f"{measure} {year} has categories {', '.join(present)}")
    return {n: h & (categories(n, tables[n].frame, short) == short.get(category, category))
            for n, h in hits.items()}, present


def audit_rows(checks: pd.DataFrame, related: set[str], year: int, category: str | None,
               present: list[str]) -> pd.DataFrame:
    """The audit rows of a measure in related over a period holding year; with a category, not those whose
    audit_id names another of the figure's categories (present) and not this one."""
    held = (checks["year_from"] <= year) & (year <= checks["year_to"])
    rows = checks[checks["measure"].isin(related) & held.to_numpy(dtype=bool)]
    if category is None:
        return rows
    others = [c for c in present if c != category]
    elsewhere = [not id_names(i, category) and any(id_names(i, c) for c in others)
                 for i in rows["audit_id"]]
    return rows[~pd.Series(elsewhere, index=rows.index, dtype=bool)]


def checked_sentences(items: list[Item], source: Path | None) -> list[Item]:
    """The items with each sentence's `why` saying where it comes from: checked against the report's text
    (source) and found there as inventory.csv has it (CHECKED); or inventory.csv's copy alone, not checked
    (NOT_CHECKED, no source) or differing from the text (DIFFERS, with what the text has)."""
    if source is None:
        unchecked = {"sentence": NOT_CHECKED, "quote": QUOTE_NOT_CHECKED}
        return [replace(it, why=unchecked[it.kind]) if it.kind in unchecked else it for it in items]
    text, where = source_text(source), shown_path(source)
    out = []
    for it in items:
        if it.kind == "sentence":
            has = sentence_check(text, it.line, it.column or 0, it.id, it.text)
            it = replace(it, why=CHECKED.format(source=where) if has is None
                         else DIFFERS.format(source=where, has=has))
        elif it.kind == "quote":
            has = quote_check(text, it.line, it.text)
            it = replace(it, why=CHECKED.format(source=where) if has is None
                         else QUOTE_DIFFERS.format(source=where, has=has))
        out.append(it)
    return out


def trail(measure: str, year: int, raw_dir: Path, category: str | None = None,
          processed_dir: Path = PROCESSED_DIR, source: Path | None = None) -> list[Item]:
    """Every item behind measure in year (in category): per raw line its sentences (checked against the
    report's text: source, else where `inventory` looks for it; see checked_sentences), the line and its
    tidy rows, then the audit rows and the assumptions; TraceError for a measure, year or category without
    a figure."""
    raw = load_raw(raw_dir)
    if measure in set(raw["context"]["measure"]):
        return context_items(raw_dir, processed_dir, measure, year)
    tables = {n: read_raw(raw_dir / DATA_SPECS[n].file, DATA_SPECS[n].file) for n in CATEGORY_COLUMNS}
    if measure == MILESTONES:
        return checked_sentences(milestone_items(raw, raw_dir, processed_dir, year, category),
                                 source or source_path())
    if measure not in set(raw["measures"]["measure"]):
        traced = ", ".join(traced_measures(raw, tables))
        raise TraceError(f"trace: no measure {measure!r}: the measures are {traced}")
    hits, present = selected(tables, raw, measure, year, category)
    short = short_names(raw)
    category = None if category is None else short.get(category, category)
    frames = checked_frames(raw, raw_dir)  # tidy, and the audit as audit.csv has it (notes quote the report)
    inventory = read_raw(raw_dir / INVENTORY_PATH.name, INVENTORY_PATH.name).frame
    items: list[Item] = []
    notes: list[tuple[str, str]] = []
    stated: set[tuple[str, str]] = set()  # (section, measure) of every raw line of the trail
    for n, t in tables.items():
        files = {"raw": shown_path(raw_dir / t.name), "tidy": shown_path(processed_dir / f"{n}.csv")}
        items += line_items(n, t, hits[n], frames[n], inventory, files, short)
        rows = t.frame[hits[n]]
        lines = [f"{files['raw']}:{line}" for line, hit in zip(t.lines(), hits[n], strict=True) if hit]
        notes += list(zip(lines, rows["note"], strict=True)) if "note" in rows else []
        stated |= set(zip(rows["source"], rows["measure"] if "measure" in rows else [measure] * len(rows),
                          strict=True))
    touched = audit_rows(frames["audit"], related_measures(measure, raw["measures"]), year, category, present)
    audit_file = shown_path(processed_dir / "audit.csv")
    items += audit_items(touched, audit_file)
    notes += [(f"{audit_file}:{j + 2}", note) for j, note in touched["note"].items()]
    log_file = DATA_SPECS["assumptions"].file
    log = read_raw(raw_dir / log_file, log_file)
    items += assumption_items(log, shown_path(raw_dir / log_file), cited_ids(notes), stated)
    return checked_sentences(items, source or source_path())


def traced_measures(raw: dict[str, pd.DataFrame], tables: dict[str, RawTable]) -> list[str]:
    """The measures of reference/measures.csv that trace can follow, sorted: those a raw line states in some
    year, and the milestones (events.csv)."""
    years = [int(y) for y in raw["years"]["year"]]
    return sorted(m for m in raw["measures"]["measure"]
                  if m == MILESTONES or figure_years(tables, years, related_measures(m, raw["measures"]), m))


def milestone_items(raw: dict[str, pd.DataFrame], raw_dir: Path, processed_dir: Path, year: int,
                    kind: str | None) -> list[Item]:
    """The milestones of year (of kind): per row of events.csv, the milestone (its kind, actor and
    description), the report's words at their line of the report's text (quote_sv, checked later by
    checked_sentences), the raw line and its tidy row; then the assumptions of the milestones in their
    sections (as for a figure: sources and measures). TraceError for a year or kind without a milestone."""
    table = read_raw(raw_dir / EVENTS_FILE, EVENTS_FILE)
    df = table.frame
    years = pd.to_numeric(df["year"], errors="coerce")
    hit = years == year
    if not hit.any():
        has = sorted({int(y) for y in years.dropna()})
        raise TraceError(f"trace: no figure of {MILESTONES} in {year}: {MILESTONES} has years "
                         f"{years_text(has)}")
    if kind is not None:
        kinds = list(dict.fromkeys(df.loc[hit, "kind"]))
        if kind not in kinds:
            raise TraceError(f"trace: no milestone of kind {kind!r} in {year}: {MILESTONES} {year} has kinds "
                             f"{', '.join(kinds)}")
        hit &= df["kind"] == kind
    raw_file, tidy_file = shown_path(raw_dir / EVENTS_FILE), shown_path(processed_dir / EVENTS_FILE)
    tidy = pd.read_csv(processed_dir / EVENTS_FILE, dtype=str, keep_default_na=False)
    tidy_keys = zip(tidy["year"], tidy["description_en"], strict=True)
    tidy_line = {key: i + 2 for i, key in enumerate(tidy_keys)}
    text_lines, items = table.text.split("\n"), []
    for line, (i, r) in zip(table.lines(), df.iterrows(), strict=True):
        if not hit[i]:
            continue
        ref, section = f"{raw_file}:{line}", r["source"]
        actor = r["actor"] if r["actor"] != "NA" else "no actor named"
        items.append(Item("milestone", raw_file, int(line), None, section, ref, r["kind"],
                          f"{actor}: {r['description_en']}", ""))
        items.append(Item("quote", SOURCE_NAME, int(r["line"]), None, section, ref, "", r["quote_sv"], ""))
        items.append(Item("raw", raw_file, int(line), None, section, ref, "", text_lines[line - 1], ""))
        at = tidy_line.get((r["year"], r["description_en"]))
        if at is not None:
            tidy_row = csv_line(tidy.iloc[at - 2].tolist())
            items.append(Item("tidy", tidy_file, at, None, section, ref, "", tidy_row, ""))
    log_file = DATA_SPECS["assumptions"].file
    log = read_raw(raw_dir / log_file, log_file)
    notes = [(f"{raw_file}:{line}", note)
             for line, note, h in zip(table.lines(), df["note"], hit, strict=True) if h]
    stated = {(s, MILESTONES) for s in df.loc[hit, "source"]}
    return items + assumption_items(log, shown_path(raw_dir / log_file), cited_ids(notes), stated)


def context_items(raw_dir: Path, processed_dir: Path, measure: str, year: int) -> list[Item]:
    """A public figure beside the report's (context.csv) in year: its raw line, with publisher, address and
    reading date, and its processed row; TraceError for a year it has no figure for."""
    name = DATA_SPECS["context"].file
    table = read_raw(raw_dir / name, name)
    df = table.frame
    hit = (df["measure"] == measure) & df["period"].str.startswith(str(year))
    if not hit.any():
        years = sorted({p[:4] for p in df.loc[df["measure"] == measure, "period"]})
        raise TraceError(f"trace: no figure of {measure} in {year}: {measure} has years {', '.join(years)}")
    tidy = pd.read_csv(processed_dir / name, dtype=str, keep_default_na=False)
    tidy_line = {cid: i + 2 for i, cid in enumerate(tidy["context_id"])}
    raw_file, tidy_file = shown_path(raw_dir / name), shown_path(processed_dir / name)
    items = []
    for line, (_, r) in zip(table.lines(), df.iterrows(), strict=True):
        if not hit[_]:
            continue
        about = " about" if r["approximate"] == "true" else ""
        text = (f"{r['area']} {r['period']}:{about} {r['value']} {r['unit']}; {r['publisher']}, "
                f"{r['address']}, read on {r['read_on']}; {r['note']}")
        ref = f"{raw_file}:{line}"
        items.append(Item("context", raw_file, line, None, r["publisher"], ref, r["context_id"], text, ""))
        items.append(Item("tidy", tidy_file, tidy_line[r["context_id"]], None, r["publisher"], ref, "",
                          csv_line(tidy.loc[tidy["context_id"] == r["context_id"]].iloc[0].tolist()), ""))
    return items


def as_text(measure: str, year: int, category: str | None, items: list[Item]) -> str:
    """A trail for people: per raw line its section, then its items; the audit rows; the assumptions."""
    def shown(it: Item) -> str:
        where = f"{it.file}:{it.line}" + (f":{it.column}" if it.column is not None else "")
        return (f"  {it.kind:<11} {where}  " + (f"{it.id}  " if it.id else "") + it.text
                + (f"  [{it.why}]" if it.why else ""))

    out = [f"trace: {measure} {year}" + (f" {category}" if category else "")]
    for ref in dict.fromkeys(it.raw for it in items if it.raw):
        block = [it for it in items if it.raw == ref]
        out += ["", f"{block[0].section}, {ref}"]
        if not any(it.kind in ("sentence", "context", "quote") for it in block):
            out.append(f"  {'sentence':<11} (no row of {INVENTORY_PATH.name} names this line)")
        out += [shown(it) for it in block]
    if any(it.kind == "context" for it in items):  # a public figure: no audit, no assumption concerns it
        return "\n".join(out)
    for kind, title in (("audit", "Audit rows"), ("assumption", "Assumptions that apply")):
        out += ["", f"{title}:"] + ([shown(it) for it in items if it.kind == kind] or ["  (none)"])
    return "\n".join(out)


def as_csv(items: list[Item]) -> str:
    """A trail as CSV: a header of FIELDS, one row per item (column empty when none)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in asdict(it).items()} for it in items)
    return buf.getvalue().removesuffix("\n")


def as_json(items: list[Item]) -> str:
    """A trail as JSON: a list of one object per item, keys FIELDS (column null when none)."""
    return json.dumps([asdict(it) for it in items], ensure_ascii=False, indent=1)


def trace(measure: str, year: int, raw_dir: Path, category: str | None = None, fmt: str = "text",
          processed_dir: Path = PROCESSED_DIR, source: Path | None = None) -> str:
    """The trail behind measure in year (in category) as text, CSV or JSON (fmt, one of FORMATS); source:
    the report's text (None: where `inventory` looks for it)."""
    items = trail(measure, year, raw_dir, category, processed_dir, source)
    if fmt == "csv":
        return as_csv(items)
    return as_json(items) if fmt == "json" else as_text(measure, year, category, items)
