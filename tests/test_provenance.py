"""Provenance and verified reruns: trace output, manifest, verify detecting a changed figure."""

from __future__ import annotations

import shutil
import subprocess

import nbformat
from conftest import edit_cell, line_of

from asfdata.cli import main
from asfdata.paths import RAW_DIR
from asfdata.pipeline.audit_notes import AUDIT
from asfdata.pipeline.build import build, processed_files
from asfdata.pipeline.trace import trace
from asfdata.pipeline.verify import verify
from asfdata.pipeline.write import contents, sha256
from asfdata.render import words
from asfdata.report import inputs
from asfdata.report.edition import Job, build_report, commit_text, inputs_digest


def test_trace_placements_2018():
    out = trace("placements", 2018, RAW_DIR).splitlines()
    line = line_of(RAW_DIR / "snapshots.csv", year="2018", measure="placements", category="all")
    assert out[0] == "trace: placements 2018"
    assert f"  snapshots.csv:{line}: 2018,placements,all,244,Milstolpar 2018," in out
    assert f"  snapshots.csv:{line + 1}: 2018,placements,Arbetsförmedlingen,152,Milstolpar 2018," in out
    assert "Report sections: Milstolpar 2018" in out
    assert "  snapshots.csv: 2018,placements,total,all,244,Milstolpar 2018" in out
    assert ("  mismatch    total_vs_parts: placements 2018 by placed_by: stated 244, computed 243 (+1); "
            + AUDIT.say("off_by_one", "en")) in out
    assert any(ln.startswith("  A10: A stated total is kept as stated") for ln in out)


def test_trace_finds_claims_and_derived_measures():
    out = trace("employees", 2016, RAW_DIR)
    assert "background-employees-2016,employees,all,NA,NA,2016,2016,200,true,Bakgrund" in out
    assert "people_active 2016: stated 350, computed 335 (+15)" in out  # employees is part of it
    assert "A06:" in out and "A05:" in out


def test_trace_cli_unknown_measure(capsys):
    code = main(["trace", "placemets", "2018"])  # in-process: tests/test_cli.py runs `python -m asfdata`
    r = capsys.readouterr()
    assert code == 2 and r.out == ""
    assert r.err.startswith("error: unknown measure 'placemets'; known: ") and "Traceback" not in r.err


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
