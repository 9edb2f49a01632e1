"""Provenance and verified reruns: trace output, manifest, verify detecting a changed figure."""

from __future__ import annotations

import subprocess
import sys

from conftest import edit_cell, line_of

from asfdata.paths import RAW_DIR
from asfdata.pipeline.build import build
from asfdata.pipeline.trace import trace
from asfdata.pipeline.verify import verify
from asfdata.pipeline.write import sha256


def test_trace_placements_2018():
    out = trace("placements", 2018, RAW_DIR).splitlines()
    line = line_of(RAW_DIR / "snapshots.csv", year="2018", measure="placements", category="all")
    assert out[0] == "trace: placements 2018"
    assert f"  snapshots.csv:{line}: 2018,placements,all,244,Milstolpar 2018," in out
    assert f"  snapshots.csv:{line + 1}: 2018,placements,Arbetsförmedlingen,152,Milstolpar 2018," in out
    assert "Report sections: Milstolpar 2018" in out
    assert "  snapshots.csv: 2018,placements,total,all,244,Milstolpar 2018" in out
    assert ("  mismatch    total_vs_parts: placements 2018 by placed_by: stated 244, computed 243 (+1); "
            "off by one") in out
    assert any(ln.startswith("  A10: A stated total is kept as stated") for ln in out)


def test_trace_finds_claims_and_derived_measures():
    out = trace("employees", 2016, RAW_DIR)
    assert "background-employees-2016,employees,all,NA,NA,2016,2016,200,true,Bakgrund" in out
    assert "people_active 2016: stated 350, computed 335 (+15)" in out  # employees is part of it
    assert "A06:" in out and "A05:" in out


def test_trace_cli_unknown_measure():
    r = subprocess.run([sys.executable, "-m", "asfdata", "trace", "placemets", "2018"],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("error: unknown measure 'placemets'; known: ") and "Traceback" not in r.stderr


def test_manifest_lists_every_other_file(tmp_path):
    files = build(RAW_DIR, tmp_path)
    listed = (tmp_path / "MANIFEST.sha256").read_text().splitlines()
    names = sorted(n for n in files if n != "MANIFEST.sha256")
    assert listed == [f"{sha256(files[n])}  {n}" for n in names]


def test_verify_passes_then_names_the_file_after_a_changed_figure(raw_copy, tmp_path):
    out = tmp_path / "processed"
    build(raw_copy, out)
    assert verify(raw_copy, out) == []
    line = line_of(raw_copy / "snapshots.csv", year="2019", measure="employees", category="men")
    edit_cell(raw_copy / "snapshots.csv", line, "value", "99")
    assert verify(raw_copy, out) == [
        "MANIFEST.sha256: differs from the rebuild",
        "audit.csv: differs from the rebuild",
        "snapshots.csv: differs from the rebuild",
    ]
    r = subprocess.run([sys.executable, "-m", "asfdata", "verify", "--raw", str(raw_copy), "--out", str(out)],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 1
    assert "DIFFERS snapshots.csv: differs from the rebuild" in r.stdout.splitlines()


def test_verify_detects_a_tampered_processed_file(tmp_path):
    build(RAW_DIR, tmp_path)
    path = tmp_path / "claims.csv"
    path.write_bytes(path.read_bytes().replace(b",1257,", b",1275,"))
    assert verify(RAW_DIR, tmp_path) == [
        "claims.csv: differs from the rebuild",
        "claims.csv: SHA-256 differs from MANIFEST.sha256",
    ]
