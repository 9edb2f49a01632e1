"""The report's statements (statements.csv) and the audit rows an auditor joins to them: every statement
checked is located (line, the report's words), audit rows keep their audit_id, and quotation marks stand
only around the report's own words."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import edit_cell, line_of  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata.cli import main
from asfdata.paths import PROCESSED_DIR, RAW_DIR
from asfdata.pipeline.audit import audit
from asfdata.pipeline.build import processed_files
from asfdata.pipeline.data import read_processed
from asfdata.pipeline.inventory import source_path
from asfdata.pipeline.people import correction_sets, statement_table
from asfdata.pipeline.statements import checked_frames
from asfdata.pipeline.tidy import tidy_all
from asfdata.pipeline.validate import load_raw

WORK_MEN, AF_MEN = "detail-nordanstig-2018-work-men", "detail-nordanstig-2018-arbetsformedlingen-men"
LEFT_OUT = " … "  # between pieces of a quote where the report's words are left out
QUOTED = re.compile(r"[“”]([^“”]+)”")  # text in quotation marks, English “…” or Swedish ”…”


def normal(text: str) -> str:
    """Text with every run of white space one space (the report's text breaks lines inside sentences)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def statements() -> pd.DataFrame:
    return read_processed("statements")


@pytest.fixture(scope="module")
def checks() -> pd.DataFrame:
    return read_processed("audit")


def test_every_statement_the_audit_checks_is_in_statements_csv(statements, checks):
    cited = checks["statements"].fillna("").str.split("; ").explode()
    cited = cited[cited != ""]
    assert len(cited) == 26 and cited.nunique() == 22  # with the stated range (staffing-range-min, -max)
    assert set(cited) <= set(statements["statement_id"])
    # one row per (check, statement): the same pairs as the statements column, which frictionless checks
    links = read_processed("audit_statements")
    assert sorted(zip(links["audit_id"], links["statement_id"], strict=True)) == sorted(
        zip(checks.loc[cited.index, "audit_id"], cited, strict=True))
    # and the assumptions each note cites
    cites = read_processed("audit_assumptions")
    back_who = cites[cites["audit_id"] == "summary_outcome_gender:funded-outcome-back-who"]["assumption_id"]
    assert back_who.tolist() == ["A12", "A14", "A15"]


def test_statements_hold_every_statement_of_the_people_model_with_its_words(statements, frames):
    model = statement_table(frames.funded_placements, frames.funded_outcomes, frames.claims)
    assert set(model["statement_id"]) <= set(statements["statement_id"]) and len(statements) == 30
    s = statements.set_index("statement_id")
    assert s.loc["funded-outcome-back-who", ["claim_id", "line", "quote_sv"]].tolist() == [
        "funded-outcome-back", 140, "övriga 8 åter i offentlig försörjning (kvinnor)"]
    assert s.loc["funded-outcome-back-who", "text_en"] == "The 8 who returned to public support were women."
    assert pd.isna(s.loc[WORK_MEN, "claim_id"]) and s.loc[WORK_MEN, "line"] == 130
    # the report has no words for Hofors 2018's outcome (A03): no line, no quote, the model's reading only
    unsaid = s[s["quote_sv"].isna()]
    assert unsaid.index.tolist() == ["detail-hofors-2018-outcomes"] and unsaid["line"].isna().all()
    assert s["text_en"].notna().all() and s["section"].notna().all()


def test_each_quote_stands_at_its_line_by_the_inventory(statements):
    """Always run (the report's text is not in the repository): the inventory's sentence of a number at the
    statement's line holds the quote; a claim's numbers stand at its line."""
    inventory = pd.read_csv(RAW_DIR / "inventory.csv", dtype=str, keep_default_na=False)
    said = statements[statements["quote_sv"].notna()]
    unchecked = []
    for sid, line, quote in zip(said["statement_id"], said["line"], said["quote_sv"], strict=True):
        at = inventory[inventory["line"] == str(line)]
        pieces = [normal(p) for p in quote.split(LEFT_OUT)]
        if not any(all(p in normal(sentence) for p in pieces) for sentence in at["sentence"]):
            unchecked.append(sid)
    assert unchecked == ["detail-hudiksvall-2017-outcomes"]  # "förlängning av insats" holds no number
    claims = statements[statements["claim_id"].notna()]
    for claim, line in zip(claims["claim_id"], claims["line"], strict=True):
        row = str(line_of(RAW_DIR / "claims.csv", claim_id=claim))
        numbers = inventory[(inventory["file"] == "claims.csv") & (inventory["row"] == row)]
        assert set(numbers["line"]) == {str(line)}, claim


def test_each_quote_is_verbatim_at_its_line_in_the_report(statements):
    path = source_path()
    if path is None:
        pytest.skip("report text not found (set ASF_SOURCE); the source is not part of the repo")
    lines = path.read_text(encoding="utf-8").split("\n")
    said = statements[statements["quote_sv"].notna()]
    for sid, line, quote in zip(said["statement_id"], said["line"], said["quote_sv"], strict=True):
        pieces = [normal(p) for p in quote.split(LEFT_OUT)]
        here, before = normal(" ".join(lines[line - 1:line + 3])), normal(" ".join(lines[line - 1:line]))
        assert normal(lines[line - 1]).find(pieces[0][:12]) >= 0, sid  # the quote starts on its line
        at = here.find(pieces[0])
        assert at >= 0 and at < len(before), sid
        for piece in pieces[1:]:
            assert here.find(piece, at) > at, sid


def test_quotation_marks_stand_only_around_the_reports_words(checks, statements, frames):
    words = set(statements["quote_sv"].dropna())
    notes = [*checks["note"].fillna(""), *checks["note_sv"].fillna("")]
    cs = correction_sets(frames.funded_placements, frames.funded_outcomes, frames.claims, statements)
    texts = [*notes, *cs["text_en"], *cs["text_sv"]]
    quoted = [q for text in texts for q in QUOTED.findall(text)]
    assert len(quoted) == 22 and set(quoted) <= words
    # without the report's words at hand, the same notes give the evaluation's reading, and no quotation mark
    raw = load_raw(RAW_DIR)
    bare = audit(tidy_all(raw), raw["measures"])
    assert not any(QUOTED.search(n) for n in [*bare["note"], *bare["note_sv"]])
    assert bare["note"].str.contains("the yearly detail, in the evaluation's words, not the report's").any()
    # the evaluation's readings stand unquoted, marked as its own
    note = checks.set_index("audit_id").at[f"outcome_genders_vs_placed:{WORK_MEN}+{AF_MEN}", "note"]
    assert ("“Utfall Nordanstig: 1 vidare till arbete (man)” (line 130; in the evaluation's words: "
            "Nordanstig 2018: the one who went on to work was a man)") in note
    assert "“Nordanstig 2018" not in note


def test_audit_ids_are_unique_and_stable_when_an_unrelated_figure_changes(raw_copy, checks):
    assert checks["audit_id"].is_unique and len(checks) == 39
    assert checks["audit_id"].tolist() == sorted(checks["audit_id"])
    again = checked_frames(load_raw(RAW_DIR), RAW_DIR)["audit"]
    assert again["audit_id"].tolist() == checks["audit_id"].tolist()
    # people placed by Kommunen in autumn 2019: 26 -> 27; and Hofors 2016's places granted: 4 -> 5
    snapshots = raw_copy / "snapshots.csv"
    edit_cell(snapshots, line_of(snapshots, year="2019", measure="placements", category="Kommunen"), "value",
              "27")
    funded = raw_copy / "funded_placements.csv"
    edit_cell(funded, line_of(funded, year="2016", municipality="Hofors kommun"), "places_granted", "5")
    changed = checked_frames(load_raw(raw_copy), raw_copy)["audit"].set_index("audit_id")
    before = again.set_index("audit_id")
    assert changed.index.tolist() == before.index.tolist()
    differ = [i for i in before.index if not changed.loc[i].astype(str).equals(before.loc[i].astype(str))]
    assert differ == ["period_total_vs_years:funded-places-granted",
                      "total_vs_parts:placements:2019:placed_by"]
    assert changed.loc["total_vs_parts:placements:2019:placed_by", ["computed", "status"]].tolist() == [131,
                                                                                                     "mismatch"]


def test_two_builds_write_the_same_audit_and_statements():
    first, second = processed_files(RAW_DIR), processed_files(RAW_DIR)
    for name in ("audit.csv", "statements.csv", "audit_statements.csv", "audit_assumptions.csv"):
        assert first[name] == second[name] == (PROCESSED_DIR / name).read_bytes(), name


def build_errors(raw, tmp_path, capsys) -> list[str]:
    """The lines `build` prints on stderr for a raw folder, after checking it exits 2 and writes nothing."""
    out = tmp_path / "out"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 2
    assert not out.exists()
    return capsys.readouterr().err.splitlines()


def test_a_statement_not_located_in_statements_csv_stops_the_build(raw_copy, tmp_path, capsys):
    path = raw_copy / "statements.csv"
    line = line_of(path, statement_id="funded-outcome-work-who")
    edit_cell(path, line, "statement_id", "funded-outcome-wrok-who")
    assert build_errors(raw_copy, tmp_path, capsys) == [
        "error: 2 problem(s) in the raw data; nothing was written:",
        "  statements.csv, column 'statement_id', value 'funded-outcome-work-who': the people model checks "
        "this statement of the report: add its row (line, the report's words)",
        f"  statements.csv, line {line}, column 'statement_id', value 'funded-outcome-wrok-who': neither a "
        "claim_id of claims.csv nor a statement of the people model (asfdata/pipeline/people_statements.py): "
        "correct the id",
    ]


def test_a_claim_the_audit_checks_needs_its_row_and_its_english(raw_copy, tmp_path, capsys):
    path = raw_copy / "statements.csv"
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    informed = line_of(path, statement_id="informed-period-total")
    path.write_text("".join(text[:informed - 1] + text[informed:]), encoding="utf-8")
    granted = line_of(path, statement_id="funded-places-granted")
    edit_cell(path, granted, "text_en", "NA")
    edit_cell(path, granted, "line", "NA")
    assert build_errors(raw_copy, tmp_path, capsys) == [
        "error: 2 problem(s) in the raw data; nothing was written:",
        f"  statements.csv, line {granted}, column 'line', value 'NA': give both the line and the report's "
        "words, or NA for both when the report has no words for the statement",
        f"  statements.csv, line {granted}, column 'text_en', value 'NA': write the evaluation's English "
        "rendering of this claim",
    ]
    edit_cell(path, granted, "text_en", "In all, funds were granted for 23 supervised placements.")
    edit_cell(path, granted, "line", "138")
    assert build_errors(raw_copy, tmp_path, capsys) == [
        "error: 1 problem(s) in the raw data; nothing was written:",
        "  statements.csv, column 'statement_id', value 'informed-period-total': the audit checks this "
        "statement of the report: add its row (line, the report's words, and for a claim the evaluation's "
        "English rendering)",
    ]


def test_a_basis_statement_without_its_row_is_left_out_not_refused(raw_copy):
    # the yearly detail's places and outcomes are what the readings are built from, never tested: a larger
    # data set (benchmarks/generate.py) need not transcribe them; the report's are all there
    path = raw_copy / "statements.csv"
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    placed = line_of(path, statement_id="detail-hofors-2018-placed")
    path.write_text("".join(text[:placed - 1] + text[placed:]), encoding="utf-8")
    located = checked_frames(load_raw(raw_copy), raw_copy)["statements"]["statement_id"]
    assert len(located) == 29 and "detail-hofors-2018-placed" not in set(located)
