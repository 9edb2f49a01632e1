"""The report's statements that the audit and the people model check (data/processed/statements.csv), and
the audit's links to them and to the assumptions it cites (audit_statements.csv, audit_assumptions.csv).

A statement's id is stable: a claim's claim_id (claims.csv), or the id the people model makes from the
figures (asfdata/pipeline/people_statements.py, e.g. detail-nordanstig-2018-work-men).
data/raw/statements.csv, transcribed once from the report's text, gives each its line and the report's own
words (verbatim Swedish), and for a claim the people model does not render, the evaluation's English
rendering; the report's text itself is never read here. Every statement the audit or the people model
checks must have its row there; the yearly detail's places and outcomes, which the model reads but does not
test, are published when they have one (the report's all do).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from asfdata.pipeline.audit import audit
from asfdata.pipeline.contract import ASSUMPTION_CITATION, DATA_SPECS, LIST_SEP, NA, PROCESSED_COLUMNS
from asfdata.pipeline.errors import Problem, RawDataError
from asfdata.pipeline.people import FrameError, Model
from asfdata.pipeline.people_frame import frame, frame_unit_problems
from asfdata.pipeline.read import read_raw
from asfdata.pipeline.tidy import as_int, as_text, short_municipality, tidy_all

FILE = DATA_SPECS["statements"].file
ASSUMPTION_ID = re.compile(ASSUMPTION_CITATION)  # an assumption of the log cited in a note (A01 …)


def model_statements(raw: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame],
                     raw_dir: Path) -> pd.DataFrame:
    """The people model's statements (statement_id, claim_id, section, text_en, and basis: true for the
    yearly detail's places and outcomes the readings are built from, which it does not test).

    RawDataError when the yearly detail cannot be read as people at all (people_frame.FrameError): its
    statements, their English, chapter 3 and annex B are made from those readings, so nothing can be
    built; the problem names the line of funded_placements.csv that does not fit and why (detail_problems),
    not the statements the model would have made."""
    columns = ["statement_id", "claim_id", "section", "text_en", "basis"]
    try:
        table = Model(frames["funded_placements"], frames["funded_outcomes"], frames["claims"]).table()
    except FrameError as err:
        raise RawDataError(detail_problems(raw, frames, raw_dir, err)) from None
    return table[columns]


SLIP = ("compare it with the report (its source section) and correct a slip of transcription; figures the "
        "report states so need the people model (asfdata/pipeline/people_frame.py) to allow them")
DETAIL_TODO = {  # what does not fit -> the columns named and what to do
    "outcomes": (("places_used",), "the outcomes of funded_outcomes.csv for this year and municipality "
                 f"({{outcomes}}) must account for the places used (A02, A03): {SLIP}"),
    "genders": (("places_used", "women", "men"), "the women and men placed must add up to the places used "
                f"(a gender not stated: the places left, A12): {SLIP}"),
    "chain": (("women", "men"), "a gender of this year or of the extended placement's year is wrong: "
              f"{SLIP}"),
}


def detail_problems(raw: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], raw_dir: Path,
                    err: FrameError) -> list[Problem]:
    """Where data/raw/funded_placements.csv cannot be read as people: one problem per municipality-year
    that does not fit (the FrameError's reason for it), at its line; when every one fits but no reading
    exists, at the line of each year that continues an extended placement (A04)."""
    name = DATA_SPECS["funded_placements"].file
    fp, fo = frames["funded_placements"], frames["funded_outcomes"]
    table = raw["funded_placements"]
    units = zip(table["year"].astype(int), short_municipality(table["municipality"], raw), strict=True)
    line_of = dict(zip(units, read_raw(raw_dir / name, name).lines(), strict=True))
    row_of = dict(zip(line_of, table.itertuples(index=False), strict=True))
    outcomes, named = raw["funded_outcomes"], DATA_SPECS["funded_outcomes"].file
    outcome_units = zip(outcomes["year"].astype(int), short_municipality(outcomes["municipality"], raw),
                        strict=True)
    outcome_lines = list(zip(outcome_units, read_raw(raw_dir / named, named).lines(), strict=True))

    def problem(unit: tuple[int, str], kind: str, reason: str) -> Problem:
        columns, todo = DETAIL_TODO[kind]
        value = " / ".join(getattr(row_of[unit], c) for c in columns)
        lines = [str(n) for u, n in outcome_lines if u == unit]
        said = f"lines {', '.join(lines)}" if len(lines) > 1 else f"line {lines[0]}" if lines else "no line"
        return Problem(name, line_of[unit], ", ".join(columns), value,
                       f"{reason}: {todo.format(outcomes=said)}")

    found = frame_unit_problems(fp, fo)
    if found:  # as the FrameError says it: 'the funded placements cannot be read as people: …'
        head = str(err).split(":", 1)[0]
        return [problem((y, m), kind, f"{head}: {reason}") for y, m, kind, reason in found]
    fr = frame(fp, fo)  # every unit fits its places: no reading continues an extended placement (A04)
    return [problem(later, "chain", f"{err} ({later[1]} {later[0]} continues {earlier[1]} {earlier[0]}'s "
                    "extended placement)")
            for earlier, later in sorted(fr.next_unit.items())]


def statement_problems(raw: pd.DataFrame, lines: list[int], claims: pd.DataFrame,
                       model: pd.DataFrame) -> list[Problem]:
    """What is wrong in data/raw/statements.csv against the claims and the people model's statements."""
    out = []
    known_claims, modelled = set(claims["claim_id"]), set(model["statement_id"])
    for line, r in zip(lines, raw.itertuples(index=False), strict=True):
        sid, where = r.statement_id, (FILE, line)
        if sid not in known_claims | modelled:
            out.append(Problem(*where, "statement_id", sid, "neither a claim_id of claims.csv nor a "
                               "statement of the people model (asfdata/pipeline/people_statements.py): "
                               "correct the id"))
        if (r.line == NA) != (r.quote_sv == NA):
            column, value = ("line", r.line) if r.line == NA else ("quote_sv", r.quote_sv)  # the NA one
            out.append(Problem(*where, column, value, "give both the line and the report's words, or NA for "
                               "both when the report has no words for the statement"))
        if sid in modelled and r.text_en != NA:
            out.append(Problem(*where, "text_en", r.text_en, "the people model writes the English of this "
                               "statement (asfdata/pipeline/people.toml): write NA"))
        if sid in known_claims - modelled and r.text_en == NA:
            out.append(Problem(*where, "text_en", r.text_en, "write the evaluation's English rendering of "
                               "this claim"))
    tested = set(model.loc[~model["basis"].astype(bool), "statement_id"])
    out += [Problem(FILE, None, "statement_id", sid, "the people model checks this statement of the report: "
                    "add its row (line, the report's words)")
            for sid in sorted(tested - set(raw["statement_id"]))]
    return out


def statement_frame(raw: pd.DataFrame, frames: dict[str, pd.DataFrame], raw_dir: Path,
                    model: pd.DataFrame) -> pd.DataFrame:
    """statements.csv: each statement's id, claim, section, line, the report's words and the evaluation's
    English rendering; RawDataError when data/raw/statements.csv does not fit the claims and the model's
    statements (model_statements)."""
    claims = frames["claims"]
    lines = read_raw(raw_dir / FILE, FILE).lines()
    if problems := statement_problems(raw, lines, claims, model):
        raise RawDataError(problems)
    rendered = model.set_index("statement_id")
    by_claim = claims.set_index("claim_id")
    ids = raw["statement_id"]
    is_model = ids.isin(rendered.index)
    df = pd.DataFrame({
        "statement_id": ids,
        "claim_id": ids.map(rendered["claim_id"]).where(is_model, ids),
        "section": ids.map(rendered["section"]).where(is_model, ids.map(by_claim["source"])),
        "line": as_int(raw["line"]),
        "quote_sv": as_text(raw["quote_sv"]),
        "text_en": ids.map(rendered["text_en"]).where(is_model, as_text(raw["text_en"])),
    })
    df["claim_id"] = df["claim_id"].astype("str").where(df["claim_id"].notna())
    df = df.sort_values("statement_id", kind="stable")
    return df[list(PROCESSED_COLUMNS["statements"])].reset_index(drop=True)


def links(checks: pd.DataFrame, ids: pd.Series, name: str) -> pd.DataFrame:
    """A link table (audit_id, name) from each check's ids (lists of ids, one list per check), sorted."""
    pairs = pd.DataFrame({"audit_id": checks["audit_id"], name: ids}).explode(name).dropna()
    pairs = pairs[pairs[name] != ""].drop_duplicates()
    return pairs.sort_values(["audit_id", name], kind="stable").reset_index(drop=True)


def audit_links(checks: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """audit_statements (each check and each statement it checks) and audit_assumptions (each check and each
    assumption its note cites)."""
    return {
        "audit_statements": links(checks, checks["statements"].str.split(LIST_SEP), "statement_id"),
        "audit_assumptions": links(checks, checks["note"].str.findall(ASSUMPTION_ID), "assumption_id"),
    }


def unlocated(checks: pd.DataFrame, statements: pd.DataFrame) -> list[Problem]:
    """A problem for each statement the audit checks that data/raw/statements.csv does not locate."""
    cited = {s for cell in checks["statements"] for s in cell.split(LIST_SEP) if s}
    return [Problem(FILE, None, "statement_id", sid, "the audit checks this statement of the report: add its "
                    "row (line, the report's words, and for a claim the evaluation's English rendering)")
            for sid in sorted(cited - set(statements["statement_id"]))]


def uncited(links: pd.DataFrame, assumptions: pd.DataFrame) -> list[Problem]:
    """A problem for each assumption an audit note cites that assumptions.csv does not have (the notes are
    made from the catalogs, whose citations validation has checked: this holds for a note made otherwise)."""
    missing = links.loc[~links["assumption_id"].isin(set(assumptions["id"]))]
    return [Problem("audit.csv", None, "note", r.assumption_id, f"the audit's note of {r.audit_id} cites "
                    f"assumption {r.assumption_id}, which {DATA_SPECS['assumptions'].file} does not have: "
                    "add its row there, or correct the note's words")
            for r in missing.itertuples(index=False)]


def checked_frames(raw: dict[str, pd.DataFrame], raw_dir: Path) -> dict[str, pd.DataFrame]:
    """The tidy frames with the statements, the audit (its notes quoting the report's words) and the audit's
    links; RawDataError when the yearly detail cannot be read as people (model_statements), a statement
    checked is not located in data/raw/statements.csv, or a note cites an assumption assumptions.csv does
    not have."""
    frames = tidy_all(raw)
    model = model_statements(raw, frames, raw_dir)  # first: the statements and the audit rest on it
    frames["statements"] = statement_frame(raw["statements"], frames, raw_dir, model)
    frames["audit"] = audit(frames, raw["measures"])[list(PROCESSED_COLUMNS["audit"])]
    if problems := unlocated(frames["audit"], frames["statements"]):
        raise RawDataError(problems)
    frames.update(audit_links(frames["audit"]))
    if problems := uncited(frames["audit_assumptions"], raw["assumptions"]):
        raise RawDataError(problems)
    return frames
