"""Tests of the inventory of numbers in the report (asfdata.pipeline.inventory)."""

import os
import shutil
from pathlib import Path

import pytest
from conftest import edit_cell, line_of  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata.cli import main
from asfdata.pipeline.inventory import (
    COLUMNS,
    Number,
    check_coverage,
    check_inventory,
    event_problems,
    extract_numbers,
    published_inventory,
    quote_check,
    read_inventory,
    sentence_of,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = REPO_ROOT / "data" / "raw"
INVENTORY = RAW_DIR / "inventory.csv"
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "source" / "asf-slutrapport-2016-2020.txt"


def source_path() -> Path | None:
    """Return the report's text file if it can be found, else None."""
    candidates = [Path(os.environ["ASF_SOURCE"])] if os.environ.get("ASF_SOURCE") else []
    candidates.append(DEFAULT_SOURCE)
    return next((p for p in candidates if p.is_file()), None)


def values(text: str) -> list[int]:
    """Return the values extract_numbers finds in text."""
    return [n.value for n in extract_numbers(text)]


def good_row(**changes: str) -> dict[str, str]:
    """Return a valid transcribed inventory row (claims.csv line 25 holds 1257), with changes."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(line="497", column="89", token="1 257", value="1257", form="digits")
    row.update(status="transcribed", file="claims.csv", row="25")
    row.update(changes)
    return row


def test_real_inventory_has_no_problems():
    assert check_inventory(read_inventory(INVENTORY), RAW_DIR) == []


def test_real_inventory_header_and_no_duplicate_positions():
    with open(INVENTORY, encoding="utf-8", newline="") as handle:
        assert handle.readline() == ",".join(COLUMNS) + "\n"
    rows = read_inventory(INVENTORY)
    positions = [(int(r["line"]), int(r["column"])) for r in rows]
    assert len(positions) == len(set(positions))
    assert positions == sorted(positions)


def test_real_inventory_covers_the_source():
    path = source_path()
    if path is None:
        pytest.skip(
            "report text not found (set ASF_SOURCE or place it at "
            f"{DEFAULT_SOURCE}); the source is not part of the repo"
        )
    rows = read_inventory(INVENTORY)
    assert check_coverage(rows, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 257 personer", [1257]),
        ("100% - 50%", [100, 50]),
        ("a´6 månaders", [6]),
        ("2016 - 2018", [2016, 2018]),
        ("2016-2020", [2016, 2020]),
        ("1 plats, 1 kvinna", [1, 1]),
        ("2017 34 registrerade", [2017, 34]),
        ("2016 fanns det 34 registrerade", [2016, 34]),
        ("4 platser, 0 platser", [4, 0]),
        ("1 257 000 kronor", [1257000]),
        ("12 3456", [12, 3456]),
        ("https://youtu.be/5zoHr8DYbNE", [5, 8]),
        ("slutet 1990-talet", [1990]),
        ("inga siffror här", []),
    ],
)
def test_extract_numbers_values(text, expected):
    assert values(text) == expected


def test_extract_numbers_tokens_and_positions():
    found = extract_numbers("rad ett\n  begränsas till 50 % och 80%.\n1 257 personer")
    assert found == [
        Number(2, 18, "50 %", 50, "digits"),
        Number(2, 27, "80%", 80, "digits"),
        Number(3, 1, "1 257", 1257, "digits"),
    ]


def test_extract_numbers_words():
    found = extract_numbers("tre processinriktade utbildningar")
    assert found == [Number(1, 1, "tre", 3, "words")]
    assert values("Två, FYRA och tio") == [2, 4, 10]
    assert [n.form for n in extract_numbers("fyra dagar, 4 dagar")] == ["words", "digits"]


def test_extract_numbers_words_are_whole_words_only():
    # "en"/"ett" are never counted; words inside longer words are not numbers.
    assert values("en plats och ett företag") == []
    assert values("tredje treorna, tiotal, fyrahundra, stressen") == []


def test_check_inventory_names_file_and_line_when_the_cell_is_missing(tmp_path):
    shutil.copy(RAW_DIR / "claims.csv", tmp_path / "claims.csv")
    assert check_inventory([good_row()], tmp_path) == []
    problems = check_inventory([good_row(row="5")], tmp_path)
    assert len(problems) == 1
    assert "claims.csv" in problems[0] and "line 5" in problems[0]


def test_check_inventory_reports_unknown_status(tmp_path):
    problems = check_inventory([good_row(status="maybe")], tmp_path)
    assert len(problems) == 1 and "status" in problems[0] and "maybe" in problems[0]


def test_check_inventory_reports_missing_pointers_and_reasons(tmp_path):
    shutil.copy(RAW_DIR / "claims.csv", tmp_path / "claims.csv")
    rows = [
        good_row(status="excluded", file="", row="", reason=""),
        good_row(file=""),
        good_row(file="nosuch.csv"),
        good_row(row="999"),
        good_row(row="1"),
    ]
    problems = check_inventory(rows, tmp_path)
    assert len(problems) == 5
    assert "reason" in problems[0]
    assert "nosuch.csv" in problems[2]
    assert "line 999" in problems[3]


def test_check_coverage_reports_missing_extra_and_duplicate_rows():
    text = "var 95 personer och tre företag"
    rows = [
        good_row(line="1", column="5", token="95", value="95"),
        good_row(line="1", column="5", token="95", value="95"),
        good_row(line="1", column="9", token="99", value="99"),
    ]
    problems = check_coverage(rows, text)
    assert any("'99'" in p and "no such number" in p for p in problems)
    assert any("'95'" in p and "2 inventory rows" in p for p in problems)
    assert any("'tre'" in p and "no inventory row" in p for p in problems)


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        # a sentence wrapped over two PDF lines, with a blank line between them, is one sentence
        ("Sammantaget deltog 45 medarbetare och 6 kommuner medverkat vid \n\ndessa utbildningar.\n", 1, 20,
         "Sammantaget deltog 45 medarbetare och 6 kommuner medverkat vid dessa utbildningar."),
        # a bullet starts a sentence; the next sentence on the same line is not part of it
        ("- Hofors kommun beviljas medel för 4 platser, 0 platser nyttjades. \n  Målgrupp: Individer.", 1, 36,
         "Hofors kommun beviljas medel för 4 platser, 0 platser nyttjades."),
        # a heading ending in a year is not part of the sentence below it
        ("Sammanfattning 2016 – 2018 \nTotalt beviljades medel för 23 placeringar.\n2017", 2, 29,
         "Totalt beviljades medel för 23 placeringar."),
    ],
)
def test_sentence_of_cuts_the_reports_sentences(text, line, column, expected):
    assert sentence_of(text, line, column) == expected


def test_check_coverage_reports_a_sentence_that_differs_from_the_source():
    text = "Det var 95 personer. Sedan fler."
    row = good_row(line="1", column="9", token="95", value="95", sentence="Det var 95 personer.")
    assert check_coverage([row], text) == []
    problems = check_coverage([{**row, "sentence": "Det var 59 personer."}], text)
    assert problems == ["inventory line 2 (report 1:9 '95'): sentence 'Det var 59 personer.', "
                        "source gives 'Det var 95 personer.'"]


def test_the_published_inventory_names_each_figures_report_section():
    frame = published_inventory(RAW_DIR)
    assert len(frame) == 150 and list(frame.columns) == [*COLUMNS, "section"]
    transcribed = frame[frame["status"] == "transcribed"]
    assert len(transcribed) == 99 and transcribed["section"].notna().all()
    assert frame.loc[frame["status"] == "excluded", ["file", "row", "section"]].isna().all().all()
    # report 497:89 "1 257" is claims.csv line 25, which stands in this section of the report
    (row,) = frame[(frame["line"] == 497) & (frame["column"] == 89)].itertuples(index=False)
    assert (row.token, row.file, row.row) == ("1 257", "claims.csv", 25)
    assert row.section == "Sammanfattning Strukturinriktade insatser 2016–2020"


def test_a_pointer_to_no_record_stops_the_build(raw_copy, tmp_path, capsys):
    inventory = raw_copy / "inventory.csv"
    line = line_of(inventory, line="497", column="89")
    edit_cell(inventory, line, "row", "999")
    out = tmp_path / "processed"
    assert main(["build", "--raw", str(raw_copy), "--out", str(out)]) == 2
    printed = capsys.readouterr()
    assert printed.out == "" and printed.err.splitlines() == [
        "error: 1 problem(s) in the raw data; nothing was written:",
        f"  inventory.csv, line {line}, column 'row', value '999': no record of claims.csv starts on this "
        "line: give the line the figure's record starts on (python -m asfdata inventory checks every "
        "pointer)",
    ]
    assert not out.exists()


def pointers_out(raw: Path) -> list[str]:
    """Three ways for a pointer to leave the raw folder: up, absolute, through a link. Each leads to a copy of
    claims.csv, which holds every figure the inventory points at there: only the path can be refused."""
    shutil.copy(RAW_DIR / "claims.csv", raw.parent / "secret.csv")
    (raw / "link.csv").symlink_to(raw.parent / "secret.csv")
    return ["../secret.csv", str(raw.parent / "secret.csv"), "link.csv"]


def test_check_inventory_refuses_a_pointer_out_of_the_raw_folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW_DIR / "claims.csv", raw / "claims.csv")
    out = pointers_out(raw)
    assert check_inventory([good_row(), *(good_row(file=f) for f in out)], raw) == [
        f"inventory line {i} (report 497:89 '1 257'): raw file {f!r} leads outside {raw}: name a file of the "
        "raw folder by its path there, e.g. claims.csv" for i, f in enumerate(out, start=3)]


def test_a_pointer_out_of_the_raw_folder_stops_the_build(raw_copy, tmp_path, capsys):
    inventory = raw_copy / "inventory.csv"
    lines = [line_of(inventory, status="transcribed", file="claims.csv", row=row) for row in ("5", "6", "2")]
    out = pointers_out(raw_copy)
    for line, value in zip(lines, out, strict=True):
        edit_cell(inventory, line, "file", value)
    assert main(["build", "--raw", str(raw_copy), "--out", str(tmp_path / "processed")]) == 2
    data_files = "snapshots.csv, funded_placements.csv, funded_outcomes.csv, claims.csv, events.csv"
    assert capsys.readouterr().err.splitlines() == [
        "error: 3 problem(s) in the raw data; nothing was written:",
        *(f"  inventory.csv, line {line}, column 'file', value {value!r}: not a data file of the raw folder "
          f"({data_files}): name the file the figure is in" for line, value in zip(lines, out, strict=True))]
    assert not (tmp_path / "processed").exists()


def test_every_milestones_words_stand_at_its_line_of_the_source():
    path = source_path()
    if path is None:
        pytest.skip("report text not found (set ASF_SOURCE); the source is not part of the repo")
    assert event_problems(RAW_DIR, path.read_text(encoding="utf-8")) == []
    # a quote the text breaks over two lines (a blank line between) is found; one starting a line later is not
    text = path.read_text(encoding="utf-8")
    assert quote_check(text, 252, "Samverkansgrupper etableras i Bollnäs, Söderhamn, Nordanstig") is None
    assert quote_check(text, 184, "genomför förbundet en förstudie för att kartlägga parternas "
                       "samverkan") is None
    assert quote_check(text, 251, "Samverkansgrupper etableras i Bollnäs") is not None


def test_a_changed_word_in_the_source_names_the_milestones_line_and_what_the_text_has(tmp_path, capsys):
    path = source_path()
    if path is None:
        pytest.skip("report text not found (set ASF_SOURCE); the source is not part of the repo")
    lines = path.read_text(encoding="utf-8").split("\n")
    assert "Revisionen gör en fördjupad granskning" in lines[271]
    lines[271] = lines[271].replace("fördjupad", "fördjupade")  # one quoted word changed
    changed = tmp_path / "source.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    row = line_of(RAW_DIR / "events.csv", kind="review")
    assert main(["inventory", "--source", str(changed)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"events.csv, line {row}, column 'line, quote_sv', value '272 / Revisionen gör en fördjupad "
        "granskning': the report's text does not have these words at this line: line 272 has '• Revisionen "
        "gör en fördjupade granskning av samordningsförbundets arbete mot ASF.', then 'Se revisionens "
        "granskningsrapport här.'; correct the line or copy the words verbatim",
        f"inventory: 1 problem(s) in {INVENTORY}",
    ]
