"""Provenance and verified reruns: trace output, manifest, verify detecting a changed figure."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from dataclasses import asdict

import nbformat
import pytest
from conftest import edit_cell, git_status, line_of, project_copy

from asfdata.cli import main
from asfdata.paths import PROCESSED_DIR, RAW_DIR
from asfdata.pipeline import inventory
from asfdata.pipeline.audit_notes import AUDIT
from asfdata.pipeline.build import build, processed_files
from asfdata.pipeline.inventory import source_path
from asfdata.pipeline.trace import NOT_CHECKED, Item, trace, trail
from asfdata.pipeline.verify import verify
from asfdata.pipeline.write import contents, sha256
from asfdata.render import words
from asfdata.report import inputs
from asfdata.report.edition import Job, build_report, commit_text, inputs_digest

TEXT_ITEM = re.compile(r"^  (sentence|raw|tidy|audit|assumption) +(\S+?):(\d+)(?::(\d+))?  ")


def inventory_rows(file: str, line: int) -> list[dict[str, str]]:
    """The rows of data/raw/inventory.csv transcribed into file at line, in the report's order."""
    with (RAW_DIR / "inventory.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["file"] == file and r["row"] == str(line)]
    return sorted(rows, key=lambda r: (int(r["line"]), int(r["column"])))


def audit_rows(items: list[Item]) -> list[dict[str, str]]:
    """The row of data/processed/audit.csv at each audit item's line; the item's id and text checked."""
    with (PROCESSED_DIR / "audit.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for it in items:
        if it.kind == "audit":
            row = rows[it.line - 2]
            assert it.id == row.get("audit_id", "")
            said = f"{row['check']}: {row['scope']}: {row['status']}: stated {row['stated']},"
            assert it.text.startswith(said)
            out.append(row)
    return out


def assumptions_of(measure: str, year: int, category: str | None = None) -> dict[str, str]:
    """The assumptions a trail shows: id -> why it applies."""
    return {it.id: it.why for it in trail(measure, year, RAW_DIR, category) if it.kind == "assumption"}


def test_trace_shows_the_reports_sentence_and_its_line_for_each_raw_line():
    line = line_of(RAW_DIR / "snapshots.csv", year="2018", measure="placements", category="all")
    said = inventory_rows("snapshots.csv", line)
    assert [r["token"] for r in said] == ["244"]
    items = trail("placements", 2018, RAW_DIR)
    ref = f"data/raw/snapshots.csv:{line}"
    sentence, raw, tidy = [it for it in items if it.raw == ref]
    assert (sentence.kind, raw.kind, tidy.kind) == ("sentence", "raw", "tidy")
    assert (sentence.file, sentence.line, sentence.column, sentence.id, sentence.text) == (
        "asf-slutrapport-2016-2020.txt", int(said[0]["line"]), int(said[0]["column"]), "244",
        said[0]["sentence"])
    source = source_path()
    if source is not None:  # the report's text is not in the repository: where it is, the number is there
        text_line = source.read_text(encoding="utf-8").split("\n")[sentence.line - 1]
        assert text_line[sentence.column - 1:].startswith("244")
    assert sentence.section == raw.section == tidy.section == "Milstolpar 2018"
    assert raw.text == (RAW_DIR / "snapshots.csv").read_text(encoding="utf-8").split("\n")[line - 1]
    processed = (PROCESSED_DIR / "snapshots.csv").read_text(encoding="utf-8").split("\n")
    assert processed[tidy.line - 1] == tidy.text == "2018,placements,total,all,244,Milstolpar 2018"
    # the four lines of placements 2018 (total and parts) are one sentence of the report
    assert len({it.text for it in items if it.kind == "sentence"}) == 1
    assert [it.line for it in items if it.kind == "raw"] == [line, line + 1, line + 2, line + 3]
    [row] = audit_rows(items)
    assert (row["check"], row["measure"], row["year_from"], row["year_to"]) == (
        "total_vs_parts", "placements", "2018", "2018")
    audit_item = next(it for it in items if it.kind == "audit")
    assert audit_item.text == (f"total_vs_parts: {row['scope']}: mismatch: stated 244, computed 243 (+1); "
                               + AUDIT.say("off_by_one", "en"))
    out = trace("placements", 2018, RAW_DIR).splitlines()
    assert out[:3] == ["trace: placements 2018", "", f"Milstolpar 2018, {ref}"]
    assert (f"  sentence    asf-slutrapport-2016-2020.txt:{sentence.line}:{sentence.column}  244  "
            f"{said[0]['sentence']}  [{sentence.why}]") in out
    assert f"  raw         {ref}  2018,placements,all,244,Milstolpar 2018," in out
    assert f"  tidy        data/processed/snapshots.csv:{tidy.line}  {tidy.text}" in out
    ident = f"{audit_item.id}  " if audit_item.id else ""  # audit.csv's audit_id
    assert f"  audit       data/processed/audit.csv:{audit_item.line}  {ident}{audit_item.text}" in out


def placements_2018_sentence(**kw) -> Item:
    """The sentence item of placements 2018's total (Milstolpar 2018)."""
    return next(it for it in trail("placements", 2018, RAW_DIR, "all", **kw) if it.kind == "sentence")


def test_trace_marks_a_sentence_it_could_not_check_as_the_transcription(monkeypatch, tmp_path):
    # before, the row read as the report's own words though it is inventory.csv's copy and nothing read
    # the report's text
    monkeypatch.delenv("ASF_SOURCE", raising=False)
    monkeypatch.setattr(inventory, "SOURCE_BESIDE", tmp_path / "absent.txt")
    sentence = placements_2018_sentence()
    assert sentence.why == NOT_CHECKED == (
        "as transcribed in inventory.csv; not checked against the report's text (not found: give --source "
        "FILE or set ASF_SOURCE)")
    out = trace("placements", 2018, RAW_DIR, "all").splitlines()
    assert out[3] == (f"  sentence    asf-slutrapport-2016-2020.txt:352:79  244  {sentence.text}  "
                      f"[{NOT_CHECKED}]")


def test_trace_checks_each_sentence_against_the_source_when_it_is_found(tmp_path):
    source = source_path()
    if source is None:
        pytest.skip("the report's text is not beside the project (set ASF_SOURCE)")
    assert placements_2018_sentence(source=source).why == f"checked against the report's text, {source}"
    lines = source.read_text(encoding="utf-8").split("\n")
    assert "var då 244 personer" in lines[351]
    lines[351] = lines[351].replace("244 personer", "245 personer")  # the review's edit of the source
    changed = tmp_path / "source.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    sentence = placements_2018_sentence(source=changed)
    assert sentence.why == (
        f"as transcribed in inventory.csv; the report's text, {changed}, differs: it has '245' at 352:79, in "
        f"{sentence.text.replace('244', '245')!r}")
    assert main(["trace", "placements", "2018", "--source", str(tmp_path / "none.txt")]) == 2


def test_trace_finds_claims_and_derived_measures():
    items = trail("employees", 2016, RAW_DIR)
    claim = line_of(RAW_DIR / "claims.csv", claim_id="background-employees-2016")
    kinds = [it.kind for it in items if it.raw == f"data/raw/claims.csv:{claim}"]
    assert kinds == ["sentence", "raw", "tidy"]
    # employees is a part of people_active: the check of the background's ca 350 people active is shown
    audit = {(r["check"], r["measure"]): r for r in audit_rows(items)}
    assert (audit["same_figure_two_sections", "people_active"]["stated"],
            audit["same_figure_two_sections", "people_active"]["computed"]) == ("350", "335")
    assert {"A05", "A06", "A07"} <= set(assumptions_of("employees", 2016))


def test_a_category_narrows_the_trail_to_its_lines():
    line = line_of(RAW_DIR / "snapshots.csv", year="2018", measure="placements", category="Kommunen")
    items = trail("placements", 2018, RAW_DIR, "Kommunen")
    assert [it.line for it in items if it.kind == "raw"] == [line]
    assert [(it.line, it.column, it.id) for it in items if it.kind == "sentence"] == [
        (int(r["line"]), int(r["column"]), r["token"]) for r in inventory_rows("snapshots.csv", line)]
    tidy = [it.text for it in items if it.kind == "tidy"]
    assert tidy == ["2018,placements,placed_by,Kommunen,74,Milstolpar 2018"]
    # the check of the parts against the total names no category: it stays
    assert [(r["check"], r["measure"]) for r in audit_rows(items)] == [("total_vs_parts", "placements")]
    assert trace("placements", 2018, RAW_DIR, "Kommunen").splitlines()[0] == "trace: placements 2018 Kommunen"
    # in the funded placements a category is a municipality (short or as the report names it); the audit
    # rows of another municipality go
    hofors = trail("places_used", 2018, RAW_DIR, "Hofors")
    assert [it.line for it in hofors if it.kind == "raw" and "funded_placements" in it.file] == [
        line_of(RAW_DIR / "funded_placements.csv", year="2018", municipality="Hofors kommun")]
    scopes = [r["scope"] for r in audit_rows(hofors)]
    assert "Hofors 2018" in scopes and "Nordanstig 2018" not in scopes
    assert "Nordanstig 2018" in [r["scope"] for r in audit_rows(trail("places_used", 2018, RAW_DIR))]
    assert trail("places_used", 2018, RAW_DIR, "Hofors kommun") == hofors


def test_only_the_assumptions_that_apply_are_shown():
    with (RAW_DIR / "assumptions.csv").open(encoding="utf-8", newline="") as f:
        log = {r["id"]: r for r in csv.DictReader(f)}
    # A13 stands in Milstolpar 2020, as placements 2020 do, but concerns the people informed
    assert "Milstolpar 2020" in log["A13"]["sources"] and log["A13"]["measures"] == "informed"
    placements = assumptions_of("placements", 2020)
    assert "A13" not in placements
    assert placements == {a: "section Milstolpar 2020, measure placements" for a in ("A01", "A10", "A11")}
    assert assumptions_of("informed", 2020)["A13"] == (
        "section Milstolpar 2020, measure informed; "
        "section Sammanfattning Strukturinriktade insatser 2016–2020, measure informed")
    assert set(assumptions_of("placements", 2018)) == {"A01", "A10"}  # A11 is on the years after 2018
    # an id cited in the note of a raw line of the trail
    cited = line_of(RAW_DIR / "funded_outcomes.csv", year="2017", outcome="extended")
    assert assumptions_of("outcome", 2017)["A02"].startswith(f"cited by data/raw/funded_outcomes.csv:{cited}")


def measures() -> list[str]:
    """The measures of reference/measures.csv, sorted."""
    with (RAW_DIR / "reference" / "measures.csv").open(encoding="utf-8", newline="") as f:
        return sorted(r["measure"] for r in csv.DictReader(f))


@pytest.mark.parametrize(("args", "message"), [
    (["placemets", "2018"], "trace: no measure 'placemets': the measures are " + ", ".join(measures())),
    (["placements", "2021"], "trace: no figure of placements in 2021: placements has years 2016–2020"),
    (["placements", "2018", "Kommun"], "trace: no figure of placements in 2018 in category 'Kommun': "
     "placements 2018 has categories all, Arbetsförmedlingen, Kommunen, Övriga"),
    (["trainings", "2016"], "trace: no figure of trainings in 2016: trainings has years 2018"),
])
def test_an_unknown_measure_year_or_category_is_one_line_and_exit_2(args, message, capsys):
    code = main(["trace", *args])  # in-process: tests/test_cli.py runs `python -m asfdata`
    r = capsys.readouterr()
    assert (code, r.out, r.err) == (2, "", message + "\n")


def test_csv_and_json_hold_the_items_of_the_text_in_its_order(capsys):
    out = {}
    for fmt in ("text", "csv", "json", "json"):
        assert main(["trace", "informed", "2020", "--format", fmt]) == 0
        printed = capsys.readouterr().out
        assert out.setdefault(fmt, printed) == printed  # the same bytes every run
    rows = list(csv.DictReader(io.StringIO(out["csv"])))
    records = json.loads(out["json"])
    assert list(rows[0]) == list(records[0]) == [
        "kind", "file", "line", "column", "section", "raw", "id", "text", "why"]
    assert rows == [{k: "" if v is None else str(v) for k, v in r.items()} for r in records]
    shown = [m.groups() for m in map(TEXT_ITEM.match, out["text"].splitlines()) if m]
    assert shown == [(r["kind"], r["file"], r["line"], r["column"] or None) for r in rows]
    assert [r["kind"] for r in rows if r["kind"] in ("audit", "assumption")][0] == "audit"
    assert {r["kind"] for r in rows} == {"sentence", "raw", "tidy", "audit", "assumption"}
    assert [asdict(it) for it in trail("informed", 2020, RAW_DIR)] == records


EDITION = ('<!DOCTYPE html>\n<html lang="en">\n<head><meta name="asf-edition" content="reader"></head>\n'
           "<body></body>\n</html>\n")  # marked as an edition of the report: verify --report rebuilds it


def test_verify_report_writes_nothing_into_the_project(tmp_path):
    # before, `verify --report` rebuilt data/processed in place: git status showed M data/processed/…
    project = project_copy(tmp_path / "project")
    snapshots = project / "data" / "raw" / "snapshots.csv"
    edit_cell(snapshots, line_of(snapshots, year="2018", measure="placements", category="Arbetsförmedlingen"),
              "value", "153")
    processed = {p.name: p.read_bytes() for p in (project / "data" / "processed").iterdir()}
    published = tmp_path / "published.html"
    published.write_text(EDITION, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "asfdata", "verify", "--report", str(published)],
                          cwd=project, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    kept = project / "data" / "processed"
    assert (f"verify: {kept} is not what {project / 'data/raw'} builds now; the report is rebuilt from a "
            f"fresh build of it in a scratch folder ({kept} is left as it is)") in done.stdout.splitlines()
    assert git_status(project) == [" M data/raw/snapshots.csv"]
    assert {p.name: p.read_bytes() for p in (project / "data" / "processed").iterdir()} == processed


def test_manifest_lists_every_other_file(tmp_path):
    files = build(RAW_DIR, tmp_path)
    listed = (tmp_path / "MANIFEST.sha256").read_text().splitlines()
    names = sorted(n for n in files if n != "MANIFEST.sha256")
    assert listed == [f"{sha256(files[n])}  {n}" for n in names]


def test_verify_passes_then_names_the_file_after_a_changed_figure(raw_copy, tmp_path, capsys):
    out = tmp_path / "processed"
    build(raw_copy, out)
    assert verify(raw_copy, out) == []
    line = line_of(raw_copy / "snapshots.csv", year="2019", measure="employees", category="men")
    edit_cell(raw_copy / "snapshots.csv", line, "value", "99")
    assert verify(raw_copy, out) == [
        "MANIFEST.sha256: differs from the rebuild",
        "audit.csv: differs from the rebuild",
        "datapackage.json: differs from the rebuild",  # it holds snapshots.csv's SHA-256
        "snapshots.csv: differs from the rebuild",
    ]
    assert main(["verify", "--raw", str(raw_copy), "--out", str(out)]) == 1
    assert "DIFFERS snapshots.csv: differs from the rebuild" in capsys.readouterr().out.splitlines()


def test_verify_detects_a_tampered_processed_file(tmp_path):
    build(RAW_DIR, tmp_path)
    path = tmp_path / "claims.csv"
    path.write_bytes(path.read_bytes().replace(b",1257,", b",1275,"))
    assert verify(RAW_DIR, tmp_path) == [
        "claims.csv: differs from the rebuild",
        "claims.csv: SHA-256 differs from MANIFEST.sha256",
    ]


def test_verify_names_a_missing_processed_folder(tmp_path):
    missing = tmp_path / "processed"
    assert verify(RAW_DIR, missing) == [f"{missing}: missing (`make build` rebuilds it)"]


def git_repo(path, *files: str) -> str:
    """A git repository at path with files committed; its HEAD commit."""
    path.mkdir(parents=True, exist_ok=True)
    for name in files:
        (path / name).write_text(name)
    run = ["git", "-C", str(path), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "first"]):
        subprocess.run([*run, *args], check=True, capture_output=True)
    head = subprocess.run([*run, "rev-parse", "HEAD"], check=True, capture_output=True, text=True)
    return head.stdout.strip()


def test_the_commit_is_the_projects_own_and_a_changed_tree_is_marked(tmp_path, monkeypatch):
    head = git_repo(tmp_path / "project", "a.txt")
    monkeypatch.setattr(inputs, "ROOT", tmp_path / "project")
    assert inputs.revision() == head
    (tmp_path / "project/a.txt").write_text("changed")
    assert inputs.revision() == head + inputs.UNCOMMITTED
    for lang in ("en", "sv"):
        assert commit_text(inputs.revision(), lang) == f"{head} ({words.t('report_uncommitted', lang)})"


def test_an_archive_unpacked_inside_another_repository_shows_no_commit(tmp_path, monkeypatch):
    git_repo(tmp_path / "other", "b.txt")
    (tmp_path / "other/asf-evaluation").mkdir()  # the project, unpacked without its .git
    monkeypatch.setattr(inputs, "ROOT", tmp_path / "other/asf-evaluation")
    assert inputs.revision() == "unknown"
    assert inputs.git("log", "-1", "--format=%ct") is None  # nor that repository's date
    assert commit_text("unknown", "sv") == words.t("report_unknown", "sv")


def test_the_report_digest_covers_the_processed_files(tmp_path):
    processed = tmp_path / "processed"
    build(RAW_DIR, processed)
    job = Job(processed_dir=processed)
    base = inputs_digest(job, False, "abc")
    claims = processed / "claims.csv"
    original = claims.read_bytes()
    claims.write_bytes(original.replace(b",1257,", b",1275,"))  # a hand edit
    assert inputs_digest(job, False, "abc") != base
    claims.write_bytes(original)
    assert inputs_digest(job, False, "abc") == base
    shutil.rmtree(processed)
    assert inputs_digest(job, False, "abc") != base


def test_a_deleted_processed_folder_is_rebuilt_by_the_report(tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                                           "display_name": "Python 3"}})
    nb.cells = [nbformat.v4.new_code_cell('lang = "en"', metadata={"tags": ["parameters"]}, id="p"),
                nbformat.v4.new_markdown_cell("# One", id="m")]
    nbformat.write(nb, tmp_path / "01_one.ipynb")
    job = Job(processed_dir=tmp_path / "processed", notebooks=(tmp_path / "01_one.ipynb",),
              report_dir=tmp_path / "reports")
    quiet = lambda message: None  # noqa: E731
    assert build_report(job, log=quiet)
    assert build_report(job, log=quiet) == []  # up to date
    shutil.rmtree(job.processed_dir)
    assert build_report(job, log=quiet)  # rebuilt, processed files first
    assert contents(job.processed_dir) == processed_files(RAW_DIR)
    assert build_report(job, log=quiet) == []


def test_trace_lists_a_years_milestones_with_kind_actor_line_and_the_reports_words(monkeypatch, tmp_path):
    monkeypatch.delenv("ASF_SOURCE", raising=False)
    monkeypatch.setattr(inventory, "SOURCE_BESIDE", tmp_path / "absent.txt")  # as CI: no report's text
    row = line_of(RAW_DIR / "events.csv", year="2019", kind="policy")
    raw = (RAW_DIR / "events.csv").read_text(encoding="utf-8").split("\n")[row - 1]
    out = trace("milestones", 2019, RAW_DIR, "policy").splitlines()
    unchecked = ("as transcribed in events.csv; not checked against the report's text (not found: give "
                 "--source FILE or set ASF_SOURCE)")
    assert out[:6] == [
        "trace: milestones 2019 policy",
        "",
        f"Milstolpar 2019, data/raw/events.csv:{row}",
        f"  milestone   data/raw/events.csv:{row}  policy  Nordanstig: Nordanstig adopts a policy: "
        "guidelines for work-integrating social enterprise",
        "  quote       asf-slutrapport-2016-2020.txt:378  Nordanstigs kommun antar under året en policy  "
        f"[{unchecked}]",
        f"  raw         data/raw/events.csv:{row}  {raw}",
    ]
    assert out[6].startswith("  tidy        data/processed/events.csv:")
    # the year's every milestone, each with its line of the report's text; --kind is the same filter
    items = trail("milestones", 2017, RAW_DIR)
    assert len([it for it in items if it.kind == "milestone"]) == 10
    assert [(it.line, it.text) for it in items if it.kind == "quote" and it.raw.endswith(":15")] == [
        (252, "Samverkansgrupper etableras i Bollnäs, Söderhamn, Nordanstig, Hofors, Gävle och "
         "Hudiksvalls kommun")]
    assert main(["trace", "milestones", "2019", "--kind", "policy"]) == 0


def test_trace_checks_each_milestones_words_against_the_source_when_it_is_found(tmp_path):
    source = source_path()
    if source is None:
        pytest.skip("the report's text is not beside the project (set ASF_SOURCE)")
    [quote] = [it for it in trail("milestones", 2019, RAW_DIR, "policy", source=source) if it.kind == "quote"]
    assert quote.why == f"checked against the report's text, {source}"
    lines = source.read_text(encoding="utf-8").split("\n")
    lines[377] = lines[377].replace("antar under året", "antog under året")
    changed = tmp_path / "source.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    [quote] = [it for it in trail("milestones", 2019, RAW_DIR, "policy", source=changed)
               if it.kind == "quote"]
    assert quote.why == (
        f"as transcribed in events.csv; the report's text, {changed}, differs: line 378 has '• Nordanstigs "
        "kommun antog under året en policy om - Riktlinjer för arbetsintegrerande Socialt', then "
        "'Företagande.'")


@pytest.mark.parametrize(("args", "message"), [
    (["milestones", "2021"], "trace: no figure of milestones in 2021: milestones has years 2016–2020"),
    (["milestones", "2017", "--kind", "policy"], "trace: no milestone of kind 'policy' in 2017: milestones "
     "2017 has kinds conference, project, publication, training, network, award, procurement, review"),
    (["placements", "2017", "--kind", "network"], "trace: --kind network narrows the milestones alone: give "
     "`trace milestones YEAR --kind network`"),
])
def test_a_milestone_trace_without_milestones_is_one_line_and_exit_2(args, message, capsys):
    code = main(["trace", *args])
    r = capsys.readouterr()
    assert (code, r.out, r.err) == (2, "", message + "\n")
