"""The command line's one place for failures: plain words, exit codes 2 / 1 / 130, any locale."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from conftest import edit_cell, line_of, project_copy

from asfdata.cli import main
from asfdata.paths import ROOT
from asfdata.pipeline import inventory
from asfdata.pipeline.errors import Problem
from asfdata.report import edition
from asfdata.report.edition import Job, ReportError, build_report

CLEAR = "\x1b[2J\x1b[H"  # the ANSI codes that clear a terminal and put the cursor at the top


def asfdata(*args: str, encoding: str) -> subprocess.CompletedProcess:
    """python -m asfdata ARGS in a fresh process whose terminal has encoding."""
    return subprocess.run([sys.executable, "-m", "asfdata", *args], capture_output=True, encoding=encoding,
                          cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": encoding}, check=False)


def test_audit_and_trace_under_a_latin1_locale_escape_what_it_cannot_show():
    for args in (["audit"], ["trace", "places_used", "2018"]):
        done = asfdata(*args, encoding="latin-1")
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert "\\u2013" in done.stdout  # '–' is not in Latin-1: written as an escape


def test_ctrl_c_is_one_line_and_exit_130():
    script = ("import sys, time; import asfdata.cli as cli\n"
              "def busy(args):\n    print('busy', flush=True); time.sleep(60)\n"
              "cli.cmd_build = busy\nsys.exit(cli.main(['build']))\n")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    assert proc.stdout.readline() == "busy\n"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err == "interrupted\n"


def test_ctrl_c_while_the_command_line_imports_is_one_line_and_exit_130():
    # python -m asfdata, its import of asfdata.cli held up where Ctrl-C finds it (a slow disk, say)
    script = """if True:
        import runpy, sys, time
        class Slow:
            def find_spec(self, name, path=None, target=None):
                if name == "asfdata.paths":
                    print("importing", flush=True)
                    time.sleep(60)
        sys.meta_path.insert(0, Slow())
        sys.argv = ["asfdata", "build"]
        runpy.run_module("asfdata", run_name="__main__", alter_sys=True)
    """
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, start_new_session=True)
    assert proc.stdout.readline() == "importing\n"
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the whole process group
    out, err = proc.communicate(timeout=30)
    assert (proc.returncode, err) == (130, "interrupted\n")


def test_a_reader_that_stops_reading_ends_trace_quietly():
    # `trace placements 2018 | head -1` said "error: Broken pipe" (exit 2, bad input) when head had gone
    # before trace wrote: here the reading end is closed before the command has started, so every write fails
    proc = subprocess.Popen([sys.executable, "-m", "asfdata", "trace", "placements", "2018"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert (proc.wait(timeout=60), err) == (141, "")  # 128 + SIGPIPE, as a shell reports `yes | head`


def test_names_reach_the_terminal_escaped_as_values_do(raw_copy, tmp_path, capsys):
    path = raw_copy / "snapshots.csv"
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(header.replace("measure", f"measure{CLEAR}", 1) + "\n" + rest, encoding="utf-8")
    assert main(["build", "--raw", str(raw_copy), "--out", str(tmp_path / "processed")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "measure\\x1b[2J\\x1b[H" in err, err
    with pytest.raises(SystemExit):  # argparse's own message names what it was given
        main(["build", CLEAR])
    assert capsys.readouterr().err.endswith("error: unrecognized arguments: \\x1b[2J\\x1b[H\n")
    problem = Problem(f"a{CLEAR}.csv", 2, "name\u202e\r\n", "x\x1b", "message")
    assert str(problem) == ("a\\x1b[2J\\x1b[H.csv, line 2, column 'name\\u202e\\r\\n', value 'x\\x1b': "
                            "message")
    edition.say(f"report: wrote reports/{CLEAR}.html")  # the report's progress lines
    assert capsys.readouterr().out == "report: wrote reports/\\x1b[2J\\x1b[H.html\n"


def test_a_path_that_cannot_be_used_is_named_with_exit_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["build", "--out", str(blocker / "processed")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and str(blocker) in err and "Traceback" not in err


def test_an_output_folder_with_other_files_is_refused_and_kept(tmp_path, capsys):
    keep = tmp_path / "notes.txt"
    keep.write_text("mine")
    assert main(["build", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (f"error: {tmp_path} holds what the build does not make (notes.txt): "
                                       "give an empty folder, or the processed folder, as --out\n")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_the_report_exits_2_on_bad_raw_data_and_keeps_the_previous_report(raw_copy, tmp_path):
    (raw_copy / "snapshots.csv").write_bytes(b"\xff\xfe")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "asf-evaluation-report.html").write_text("previous")
    job = Job(force=True, raw_dir=raw_copy, processed_dir=tmp_path / "processed", report_dir=reports)
    try:
        build_report(job, log=lambda message: None)
    except ReportError as err:
        assert err.exit_code == 2 and err.lines() == ["report: not built; the previous report is left in "
                                                       "place"]
    else:
        raise AssertionError("bad raw data built a report")
    assert [p.read_text() for p in reports.iterdir()] == ["previous"]


def test_the_report_validates_the_raw_data_before_any_kernel_one_error_block(tmp_path):
    # before: "chapters: executing 13 notebooks", "start …" lines among the data step's block, and three
    # "error:" lines (the block's, "building … failed (exit 2, see above)", "report not built")
    project = project_copy(tmp_path / "project")
    snapshots = project / "data" / "raw" / "snapshots.csv"
    line = line_of(snapshots, year="2018", measure="placements", category="Arbetsförmedlingen")
    edit_cell(snapshots, line, "value", "15x2")
    processed = {p.name: p.read_bytes() for p in (project / "data" / "processed").iterdir()}
    done = subprocess.run([sys.executable, "-m", "asfdata", "report", "--force"], cwd=project,
                          capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines() == [
        "error: 1 problem(s) in the raw data; nothing was written:",
        f"  snapshots.csv, line {line}, column 'value', value '15x2': not a whole number (write the figure "
        "as digits, or NA when not stated)",
        "report: not built; the previous report is left in place",
    ]
    assert not (project / "reports").exists()
    assert {p.name: p.read_bytes() for p in (project / "data" / "processed").iterdir()} == processed


def test_inventory_is_a_command(capsys):
    source = inventory.source_path()
    if source is None:
        pytest.skip("the report's text is not beside the project (set ASF_SOURCE)")
    assert main(["inventory"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == (
        f"inventory: {ROOT / 'data/raw/inventory.csv'} has no problems: checked against the raw files and "
        f"against the source, {source} (SHA-256 {inventory.SOURCE_SHA256}, the text data/raw/README.md "
        "records); the milestones' words (events.csv) stand at their lines")


def test_inventory_without_the_source_does_not_read_as_a_pass(monkeypatch, tmp_path, capsys):
    # before: "… its coverage of the text was not checked" and then "… has no problems", exit 0
    monkeypatch.delenv("ASF_SOURCE", raising=False)
    monkeypatch.setattr(inventory, "SOURCE_BESIDE", tmp_path / "asf-slutrapport-2016-2020.txt")
    said = (f"inventory: {ROOT / 'data/raw/inventory.csv'} agrees with the raw files, but was NOT checked "
            f"against the source: the report's text was not found (looked for $ASF_SOURCE, then "
            f"{tmp_path / 'asf-slutrapport-2016-2020.txt'}; give --source FILE or set ASF_SOURCE)\n")
    assert main(["inventory"]) == 0
    assert capsys.readouterr().out == said
    assert main(["inventory", "--strict"]) == 1
    assert capsys.readouterr().out == said
    monkeypatch.setenv("ASF_SOURCE", str(tmp_path / "typo.txt"))  # never the text beside it in its place
    assert main(["inventory"]) == 2
    assert capsys.readouterr().err == (
        f"error: ASF_SOURCE={tmp_path / 'typo.txt'} is not a file: point it at the report's text "
        f"(asf-slutrapport-2016-2020.txt), or unset it to use {tmp_path / 'asf-slutrapport-2016-2020.txt'}\n")


def test_the_source_sha256_is_recorded_in_the_data_log():
    log = (ROOT / "data/raw/README.md").read_text(encoding="utf-8")
    assert f"`{inventory.SOURCE_SHA256}`" in log
    source = inventory.source_path()
    if source is not None:
        assert inventory.source_sha256(source) == inventory.SOURCE_SHA256


def test_inventory_names_a_wrong_pointer_with_exit_1(raw_copy, capsys):
    path = raw_copy / "inventory.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",transcribed,claims.csv,25,", ",transcribed,claims.csv,24,", 1),
                    encoding="utf-8")
    assert main(["inventory", "--raw", str(raw_copy)]) == 1
    out = capsys.readouterr().out
    assert "claims.csv line 24 has no cell equal to 1257" in out
