"""Bad raw input: every problem reported at once, naming file, line, column and value."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import edit_cell, line_of

from asfdata.cli import main
from asfdata.paths import RAW_DIR
from asfdata.pipeline.build import build
from asfdata.pipeline.errors import SHOWN_KINDS, Problem, RawDataError
from asfdata.pipeline.read import read_raw
from asfdata.pipeline.tidy import tidy_all
from asfdata.pipeline.validate import load_raw


def problems(raw: Path) -> list[str]:
    """The problem lines load_raw reports for raw (empty when valid)."""
    try:
        load_raw(raw)
    except RawDataError as err:
        return [str(p) for p in err.problems]
    return []


def test_real_raw_data_is_valid():
    assert problems(RAW_DIR) == []


def test_non_integer_count(raw_copy):
    path = raw_copy / "snapshots.csv"
    line = line_of(path, year="2018", measure="placements", category="all")
    edit_cell(path, line, "value", "24a")
    assert problems(raw_copy) == [
        f"snapshots.csv, line {line}, column 'value', value '24a': not a whole number "
        "(write the figure as digits, or NA when not stated)"
    ]


def test_negative_count(raw_copy):
    path = raw_copy / "funded_placements.csv"
    edit_cell(path, 3, "places_used", "-1")
    assert problems(raw_copy) == [
        "funded_placements.csv, line 3, column 'places_used', value '-1': "
        "negative count: counts are whole numbers of 0 or more"
    ]


def test_blank_count_is_an_error_na_is_not(raw_copy):
    path = raw_copy / "funded_placements.csv"
    edit_cell(path, 4, "women", "")
    edit_cell(path, 5, "women", "NA")
    assert problems(raw_copy) == [
        "funded_placements.csv, line 4, column 'women', value '': "
        "blank count: write NA when the report does not state the value"
    ]


def test_unknown_year_municipality_outcome_category(raw_copy):
    snap = raw_copy / "snapshots.csv"
    edit_cell(snap, 2, "year", "2015")
    edit_cell(snap, 3, "category", "Norrland")
    edit_cell(raw_copy / "funded_placements.csv", 2, "municipality", "Uppsala kommun")
    edit_cell(raw_copy / "funded_outcomes.csv", 3, "outcome", "studies")
    assert problems(raw_copy) == [
        "funded_outcomes.csv, line 3, column 'outcome', value 'studies': "
        "not in the reference list (reference/outcomes.csv)",
        "funded_placements.csv, line 2, column 'municipality', value 'Uppsala kommun': "
        "not in the reference list (reference/municipalities.csv, municipality or report_name)",
        "snapshots.csv, line 2, column 'year', value '2015': "
        "not in the reference list (reference/years.csv)",
        "snapshots.csv, line 3, column 'category', value 'Norrland': "
        "not in the reference list ('all' or reference/regions.csv, genders.csv, "
        "placing_bodies.csv)",
    ]


def test_a_broken_reference_list_is_reported_first_and_alone(raw_copy):
    edit_cell(raw_copy / "snapshots.csv", 2, "year", "2015")  # reported only when the lists are sound
    edit_cell(raw_copy / "reference/municipalities.csv", 2, "region", "Dalarna")
    years = raw_copy / "reference/years.csv"
    sound = years.read_bytes()
    years.write_bytes(sound + b"2021,extra,field\n")  # line 7: one value too many
    assert problems(raw_copy) == [  # unreadable: alone, before the lists are checked against each other
        "reference/years.csv, line 7: 3 values where the header has 2 (too many: a separator "
        "missing or extra, or a value with a comma not in quotes?)",
    ]
    years.write_bytes(sound)
    assert problems(raw_copy) == [
        "reference/municipalities.csv, line 2, column 'region', value 'Dalarna': "
        "not in the reference list (reference/regions.csv)",
    ]


def test_breakdown_the_measure_does_not_have(raw_copy):
    path = raw_copy / "snapshots.csv"
    line = line_of(path, year="2017", measure="employees", category="women")
    edit_cell(path, line, "category", "Hälsingland")
    assert problems(raw_copy) == [
        f"snapshots.csv, line {line}, column 'category', value 'Hälsingland': measure "
        "'employees' has no breakdown by region (see reference/snapshot_breakdowns.csv)"
    ]


def test_duplicated_keys(raw_copy):
    snap = raw_copy / "snapshots.csv"
    edit_cell(snap, 3, "category", "all")  # 2016 companies twice
    fp = raw_copy / "funded_placements.csv"
    edit_cell(fp, 6, "municipality", "Nordanstigs kommun")  # Nordanstig twice in 2018
    assert problems(raw_copy) == [
        "funded_placements.csv, line 6, column 'year, municipality', value "
        "'2018 / Nordanstigs kommun': duplicated key (year, municipality): "
        "this row repeats an earlier row's key",
        "snapshots.csv, line 3, column 'year, measure, category', value "
        "'2016 / companies / all': duplicated key (year, measure, category): "
        "this row repeats an earlier row's key",
    ]


def test_a_renamed_column_is_one_problem_of_the_header(raw_copy):
    path = raw_copy / "claims.csv"
    text = path.read_text(encoding="utf-8").replace("approximate,", "approx,", 1)
    path.write_text(text, encoding="utf-8")
    assert problems(raw_copy) == [
        "claims.csv, line 1: the header lacks 'approximate'; has 'approx', not a column of this file "
        "(found: claim_id, measure, category, gender, municipality, year_from, year_to, value, approx, "
        "source, note; expected: claim_id, measure, gender, municipality, year_from, year_to, approximate, "
        "value, category, source, note): correct the header line alone, as the rows have 11 values each, "
        "one per expected column"
    ]


def test_without_expected_columns_a_name_twice_is_still_refused(tmp_path):
    path = tmp_path / "inventory.csv"  # read as the inventory is, with no contract columns given
    path.write_text("line,line,token\n1,2,x\n", encoding="utf-8")
    with pytest.raises(RawDataError) as err:
        read_raw(path, "inventory.csv")
    assert [str(p) for p in err.value.problems] == [
        "inventory.csv, line 1, column 'line': column named twice in the header"]


def test_empty_file_and_header_only(raw_copy):
    (raw_copy / "events.csv").write_text("", encoding="utf-8")
    head = (raw_copy / "claims.csv").read_text(encoding="utf-8").split("\n")[0]
    (raw_copy / "claims.csv").write_text(head + "\n", encoding="utf-8")
    assert problems(raw_copy) == [
        "claims.csv, line 2: no data rows after the header",
        "events.csv, line 1: file is empty (expected a header line)",
    ]


def test_a_value_spanning_lines_is_refused_on_both_lines(raw_copy):
    path = raw_copy / "events.csv"
    edit_cell(path, 2, "description_sv", "två\nrader")  # row 2 now spans lines 2 and 3
    message = ("a quoted value is not closed on this line (values may not span lines; a quote "
               'inside a quoted value is written "")')
    assert problems(raw_copy) == [f"events.csv, line 2: {message}", f"events.csv, line 3: {message}"]


def test_an_unclosed_quote_does_not_swallow_the_rows_after_it(raw_copy):
    path = raw_copy / "snapshots.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[9] += ',"Övriga = others'  # line 10; the rows after it used to vanish into this value
    path.write_text("\n".join(lines), encoding="utf-8")
    assert problems(raw_copy) == [
        "snapshots.csv, line 10: a quoted value is not closed on this line (values may not span "
        'lines; a quote inside a quoted value is written "")'
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_swedish_excel_files_read_the_same(raw_copy, encoding):
    expected = tidy_all(load_raw(raw_copy))
    for name in ("snapshots.csv", "funded_placements.csv", "reference/municipalities.csv"):
        path = raw_copy / name
        text = path.read_text(encoding="utf-8")
        excel = text.replace(",", ";").replace("\n", "\r\n")
        if name == "funded_placements.csv":  # a quoted comma stays a comma
            excel = excel.replace('"Utrikes födda; företrädesvis kvinnor"',
                                  '"Utrikes födda, företrädesvis kvinnor"')
        path.write_bytes(excel.encode(encoding))
    got = tidy_all(load_raw(raw_copy))
    for name, frame in expected.items():
        assert got[name].equals(frame), name


def run_build(raw: Path, out: Path) -> subprocess.CompletedProcess:
    """python -m asfdata build on raw into out."""
    return subprocess.run(
        [sys.executable, "-m", "asfdata", "build", "--raw", str(raw), "--out", str(out)],
        capture_output=True, text=True, check=False,
    )


def test_cli_reports_all_problems_and_writes_nothing(raw_copy, tmp_path):
    out = tmp_path / "processed"
    build(raw_copy, out)  # the good build in-process; the refused one below runs `python -m asfdata`
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    edit_cell(raw_copy / "snapshots.csv", 2, "value", "")
    edit_cell(raw_copy / "events.csv", 5, "month", "13")
    result = run_build(raw_copy, out)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "error: 2 problem(s) in the raw data; nothing was written:",
        "  events.csv, line 5, column 'month', value '13': not in the reference list "
        "(a month 1-12, or NA)",
        "  snapshots.csv, line 2, column 'value', value '': blank count: write NA when the "
        "report does not state the value",
    ]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_milestone_without_its_line_or_words_is_refused_and_nothing_written(raw_copy, tmp_path):
    out = tmp_path / "processed"
    build(raw_copy, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    path = raw_copy / "events.csv"
    line = line_of(path, year="2017", kind="network")
    edit_cell(path, line, "line", "0")
    edit_cell(path, 3, "quote_sv", "")
    result = run_build(raw_copy, out)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "error: 2 problem(s) in the raw data; nothing was written:",
        "  events.csv, line 3, column 'quote_sv', value '': no words of the report: copy the report's own "
        "words at the row's line, verbatim, a few words enough to find them (see data/raw/README.md)",
        f"  events.csv, line {line}, column 'line', value '0': not a line number (a whole number of 1 or "
        "more): write the line of the report's text where its words stand (1 is the first line)",
    ]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_milestones_line_is_always_stated(raw_copy):
    path = raw_copy / "events.csv"
    edit_cell(path, 2, "line", "NA")
    edit_cell(path, 4, "line", "l. 177")
    assert problems(raw_copy) == [
        "events.csv, line 2, column 'line', value 'NA': no line: write the line of the report's text where "
        "its words stand (1 is the first line)",
        "events.csv, line 4, column 'line', value 'l. 177': not a line number (a whole number of 1 or more): "
        "write the line of the report's text where its words stand (1 is the first line)",
    ]


def test_one_cp1252_line_in_a_utf8_file_is_refused_not_mis_decoded(raw_copy):
    path = raw_copy / "events.csv"
    line = ("2020,12,december,Samordningsförbund Gävleborg,other,A new row,En ny rad,Milstolpar 2020,5,"
            "december 2020,\n")
    path.write_bytes(path.read_bytes() + line.encode("cp1252"))  # line 42; 'ö' is byte 0xF6
    assert problems(raw_copy) == [
        "events.csv, line 42, character 30 (byte 0xF6): not UTF-8, while the rest of the file is: "
        "text pasted or saved in another encoding (Windows-1252?); save the file as CSV UTF-8 "
        "(Excel: Save As, 'CSV UTF-8')"
    ]


def test_formula_text_is_refused_in_every_text_column(raw_copy):
    path = raw_copy / "events.csv"
    edit_cell(path, 2, "description_en", '=HYPERLINK("http://x")')
    edit_cell(path, 3, "note", "@SUM(1)")
    edit_cell(path, 4, "actor", "-Tillämpning")
    edit_cell(path, 5, "period_text", "- våren")  # a bullet is a formula to Excel too
    edit_cell(path, 6, "description_sv", "+ cmd|' /C calc'!A0")
    edit_cell(path, 7, "note", "-1+1")  # a sum is no number
    edit_cell(path, 8, "source", "\t@1+cmd|' /C calc'!A0")  # the tab is stripped, as spaces are
    got = problems(raw_copy)
    reason = ("begins like a spreadsheet formula ('=', '+', '-', '@', a tab or a line end, and is no "
              "number), which Excel would run when it opens data/processed: reword it (see "
              "data/raw/README.md)")
    assert got == [
        f"""events.csv, line 2, column 'description_en', value '=HYPERLINK("http://x")': {reason}""",
        f"events.csv, line 3, column 'note', value '@SUM(1)': {reason}",
        f"events.csv, line 7, column 'note', value '-1+1': {reason}",  # a kind: the same column and reason
        f"events.csv, line 4, column 'actor', value '-Tillämpning': {reason}",
        f"events.csv, line 5, column 'period_text', value '- våren': {reason}",
        f"events.csv, line 6, column 'description_sv', value \"+ cmd|' /C calc'!A0\": {reason}",
        f"events.csv, line 8, column 'source', value \"@1+cmd|' /C calc'!A0\": {reason}",
    ]


def test_a_number_in_a_text_column_is_no_formula(raw_copy):
    path = raw_copy / "events.csv"
    for line, value in ((2, "-5"), (3, "+3"), (4, "-0.5"), (5, "+1e3")):
        edit_cell(path, line, "note", value)
    assert problems(raw_copy) == []


def test_a_year_is_four_digits_and_always_stated(raw_copy):
    years = raw_copy / "reference/years.csv"
    edit_cell(years, 2, "year", "NA")
    edit_cell(years, 3, "year", "0")
    edit_cell(years, 4, "year", "99999")
    assert problems(raw_copy) == [
        "reference/years.csv, line 2, column 'year', value 'NA': NA is not a year: every year here "
        "must be stated",
        "reference/years.csv, line 3, column 'year', value '0': not a year (a year has 4 digits, e.g. 2018)",
        "reference/years.csv, line 4, column 'year', value '99999': not a year (a year has 4 digits, "
        "e.g. 2018)",
    ]


def test_a_count_too_large_for_int64_is_refused_before_tidying(raw_copy):
    path = raw_copy / "snapshots.csv"
    edit_cell(path, 2, "value", "9223372036854775808")  # 2**63: one more than int64 holds (19 digits)
    assert problems(raw_copy) == [
        "snapshots.csv, line 2, column 'value', value '9223372036854775808': too large for a count "
        "(more than 18 digits)"
    ]


def test_ten_thousand_bad_lines_are_grouped_by_kind_and_capped(raw_copy, capsys):
    rows = "".join(f"2016,companies,all,x{i},Milstolpar 2016,\n" for i in range(10_000))
    (raw_copy / "snapshots.csv").write_text("year,measure,category,value,source,note\n" + rows)
    assert main(["build", "--raw", str(raw_copy), "--out", str(raw_copy.parent / "processed")]) == 2
    count = "not a whole number (write the figure as digits, or NA when not stated)"
    key = ("column 'year, measure, category', value '2016 / companies / all': duplicated key (year, "
           "measure, category): this row repeats an earlier row's key")
    assert capsys.readouterr().err.splitlines() == [  # 10 000 counts + 9 999 repeated keys = 19 999
        "error: 19 999 problem(s) in the raw data; nothing was written:",
        f"  snapshots.csv, line 2, column 'value', value 'x0': {count}",
        f"  snapshots.csv, line 3, column 'value', value 'x1': {count}",
        f"  snapshots.csv, line 4, column 'value', value 'x2': {count}",
        "    ... and 9 997 more like this",
        f"  snapshots.csv, line 3, {key}",
        f"  snapshots.csv, line 4, {key}",
        f"  snapshots.csv, line 5, {key}",
        "    ... and 9 996 more like this",
    ]
    assert not (raw_copy.parent / "processed").exists()


def test_more_kinds_than_shown_are_counted_not_listed():
    kinds = [Problem("claims.csv", 2 + i, f"c{i:02d}", "x", "wrong") for i in range(SHOWN_KINDS + 10)]
    lines = RawDataError(kinds + [Problem("claims.csv", 99, "c39", "y", "wrong")]).lines()
    assert lines[0] == f"error: {SHOWN_KINDS + 11} problem(s) in the raw data; nothing was written:"
    assert lines[1:-1] == [f"  claims.csv, line {2 + i}, column 'c{i:02d}', value 'x': wrong"
                           for i in range(SHOWN_KINDS)]
    assert lines[-1] == ("  ... and 11 more problem(s) of 10 other kind(s): correct the ones above and "
                         "run again to see them")


def test_an_assumptions_measures_are_known_measures_joined_with_semicolons(raw_copy):
    path = raw_copy / "assumptions.csv"
    line, other = line_of(path, id="A13"), line_of(path, id="A11")
    edit_cell(path, line, "measures", "informed; informd")
    edit_cell(path, other, "measures", "")
    joined = "values are joined with '; '"
    assert problems(raw_copy) == [
        f"assumptions.csv, line {other}, column 'measures', value '': blank (allowed: values of "
        f"reference/measures.csv; {joined})",
        f"assumptions.csv, line {line}, column 'measures', value 'informed; informd': a value not in the "
        f"reference list (reference/measures.csv; {joined})",
    ]
    edit_cell(path, line, "measures", "informed; placements")
    edit_cell(path, other, "measures", "placements")
    assert problems(raw_copy) == []


def test_a_link_inside_the_raw_folder_is_read_as_its_file(raw_copy):
    expected = load_raw(RAW_DIR)
    (raw_copy / "reference/genders.csv").replace(raw_copy / "genders-kept.csv")
    (raw_copy / "reference/genders.csv").symlink_to("../genders-kept.csv")
    got = load_raw(raw_copy)
    assert got.keys() == expected.keys() and all(got[n].equals(expected[n]) for n in expected)


def test_a_folder_linked_from_outside_is_refused_file_by_file(raw_copy, tmp_path):
    outside = tmp_path / "lists"
    (raw_copy / "reference").replace(outside)
    (raw_copy / "reference").symlink_to(outside)
    names = sorted(p.name for p in outside.iterdir())
    assert len(names) == 9 and problems(raw_copy) == [
        f"reference/{n}: leads to {outside.resolve() / n}, outside the raw folder {raw_copy}: a link may "
        "only lead to a file of the raw folder; copy the file there instead" for n in names]


def test_a_line_is_measured_in_bytes_and_one_within_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "inventory.csv"
    rows = "".join(f"{i},x\r\n" for i in range(100_000))  # the long line starts 0.9 MB in
    path.write_text(f"line,token\r\n{rows}0,{'ö' * 500_001}\r\n", encoding="utf-8")  # 1 000 002 bytes
    with pytest.raises(RawDataError) as err:
        read_raw(path, "inventory.csv")
    assert [str(p) for p in err.value.problems] == [
        "inventory.csv, line 100002: longer than 1 000 000 bytes, the limit for one line (MAX_LINE_BYTES, "
        "asfdata/pipeline/read.py): no figure or note is this long; check that this is the right file and "
        "line"]
    # in Windows-1252, 999 900 bytes: 2 999 700 in UTF-8, parsed by Arrow in blocks that hold them, and a
    # quoted value (counted by the csv module) of 999 900 characters, beyond the csv module's default limit
    path.write_bytes(f"line,token\r\n{rows}0,\"{'€' * 999_900}\"\r\n".encode("cp1252"))
    tokens = read_raw(path, "inventory.csv").frame["token"]
    assert (len(tokens), tokens.iloc[-1]) == (100_001, "€" * 999_900)


SLIP = ("compare it with the report (its source section) and correct a slip of transcription; figures the "
        "report states so need the people model (asfdata/pipeline/people_frame.py) to allow them")


def refused_by_build(raw: Path) -> list[str]:
    """The problem lines the build reports for raw, which it refuses (the people model runs there, after
    load_raw's checks)."""
    with pytest.raises(RawDataError) as err:
        build(raw, raw.parent / "processed")
    return [str(p) for p in err.value.problems]


def test_genders_that_do_not_add_up_to_the_places_blame_the_edited_line(raw_copy, tmp_path):
    # Nordanstig 2018: 7 places used by 6 women and 1 man; 5 women leave a place without a person. Before,
    # the people model's failure was swallowed and 18 problems blamed statements.csv, which is right.
    path = raw_copy / "funded_placements.csv"
    line = line_of(path, year="2018", municipality="Nordanstigs kommun")
    edit_cell(path, line, "women", "5")
    out = tmp_path / "processed"
    result = run_build(raw_copy, out)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "error: 1 problem(s) in the raw data; nothing was written:",
        f"  funded_placements.csv, line {line}, column 'places_used, women, men', value '7 / 5 / 1': the "
        "funded placements cannot be read as people: Nordanstig 2018: 5 women and 1 men placed, 7 places "
        "used: the women and men placed must add up to the places used (a gender not stated: the places "
        f"left, A12): {SLIP}",
    ]
    assert not out.exists()


def test_places_used_without_outcomes_name_both_files(raw_copy):
    # Hofors 2016: 4 places granted, 0 used; 5 used (more than granted) have no outcome in funded_outcomes
    path = raw_copy / "funded_placements.csv"
    line = line_of(path, year="2016", municipality="Hofors kommun")
    edit_cell(path, line, "places_used", "5")
    assert refused_by_build(raw_copy) == [
        f"funded_placements.csv, line {line}, column 'places_used', value '5': the funded placements cannot "
        "be read as people: Hofors 2016: outcomes for 0 people, 5 places used: the outcomes of "
        "funded_outcomes.csv for this year and municipality (no line) must account for the places used "
        f"(A02, A03): {SLIP}"]


def test_outcomes_that_do_not_add_up_to_the_places_name_their_lines(raw_copy):
    outcomes = raw_copy / "funded_outcomes.csv"
    edit_cell(outcomes, line_of(outcomes, municipality="Nordanstigs kommun", outcome="back"), "count", "4")
    line = line_of(raw_copy / "funded_placements.csv", year="2018", municipality="Nordanstigs kommun")
    assert refused_by_build(raw_copy) == [
        f"funded_placements.csv, line {line}, column 'places_used', value '7': the funded placements cannot "
        "be read as people: Nordanstig 2018: outcomes for 6 people, 7 places used: the outcomes of "
        "funded_outcomes.csv for this year and municipality (lines 3, 4, 5) must account for the places used "
        f"(A02, A03): {SLIP}"]


def test_an_extension_no_reading_can_continue_names_the_year_that_continues_it(raw_copy):
    # Hudiksvall 2017's one woman is extended (A04): Hudiksvall 2018 with 0 women and 2 men cannot continue
    path = raw_copy / "funded_placements.csv"
    line = line_of(path, year="2018", municipality="Hudiksvalls kommun")
    edit_cell(path, line, "women", "0")
    edit_cell(path, line, "men", "2")
    assert refused_by_build(raw_copy) == [
        f"funded_placements.csv, line {line}, column 'women, men', value '0 / 2': the yearly detail allows "
        "no reading: an extended placement cannot be continued by someone of the same gender in the "
        "municipality's next year (A04) (Hudiksvall 2018 continues Hudiksvall 2017's extended placement): a "
        f"gender of this year or of the extended placement's year is wrong: {SLIP}"]
