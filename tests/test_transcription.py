"""Every transcribed number of the report reaches the tidy frames under the contract."""

from __future__ import annotations

import csv

import pandas as pd

from asfdata.paths import RAW_DIR
from asfdata.pipeline.contract import DATA_SPECS
from asfdata.pipeline.read import read_raw
from asfdata.pipeline.tidy import short_municipality, tidy_all
from asfdata.pipeline.validate import load_raw


def test_every_transcribed_number_is_in_a_tidy_row():
    raw = load_raw(RAW_DIR)
    frames = tidy_all(raw)
    spec_of = {s.file: (n, s) for n, s in DATA_SPECS.items()}
    with (RAW_DIR / "inventory.csv").open(encoding="utf-8") as f:
        entries = [r for r in csv.DictReader(f) if r["status"] == "transcribed"]
    assert len(entries) == 99
    missing = []
    for e in entries:
        name, spec = spec_of[e["file"]]
        table = read_raw(RAW_DIR / spec.file, spec.file)
        raw_row = table.frame.iloc[table.lines().index(int(e["row"]))]
        tidy = frames[name]
        sel = pd.Series(True, index=tidy.index)
        for col in spec.key:
            want = raw_row[col]
            if col == "municipality":
                want = short_municipality(pd.Series([want]), raw).iloc[0]
            sel &= tidy[col].astype(str) == str(want)
        hit = tidy[sel]
        if len(hit) != 1 or e["value"] not in {str(v) for v in hit.iloc[0]}:
            missing.append((e["line"], e["token"], e["file"], e["row"]))
    assert missing == []
