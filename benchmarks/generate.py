"""Generate raw data shaped like data/raw but larger: more regions, municipalities and years.

The reference lists are extended (years, regions, municipalities); the data files keep their
columns and conventions. Figures are consistent (parts add up) except where noted, so the audit
has real work to do. The inventory keeps only the report's numbers that are not transcribed: no
generated figure is the report's, so no row of it points into the generated files.
"""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

from asfdata.paths import RAW_DIR

REGIONS_PER_SIZE = 100  # regions in a generated county set; municipalities = 2 per region
FIRST_YEAR = 1000


def rows_per_year(regions: int = REGIONS_PER_SIZE) -> int:
    """Raw data rows one generated year adds across the files."""
    snapshot = (1 + regions) + 3 + 4 + 1
    return snapshot + 2 * regions + 4 * regions  # funded placements: 1 row, outcomes: 2 rows a municipality


def write(path: Path, header: str, lines: list[str]) -> None:
    """A CSV file, LF, header first."""
    path.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def generate(out: Path, n_rows: int, regions: int = REGIONS_PER_SIZE, seed: int = 1) -> int:
    """Write a raw folder of about n_rows data rows into out; return the exact row count."""
    rnd = random.Random(seed)
    shutil.copytree(RAW_DIR, out, dirs_exist_ok=True)
    years = list(range(FIRST_YEAR, FIRST_YEAR + max(1, round(n_rows / rows_per_year(regions)))))
    region_names = [f"Region {i:04d}" for i in range(regions)]
    munis = [(f"Kommun {i:05d}", region_names[i // 2]) for i in range(2 * regions)]
    ref = out / "reference"
    write(ref / "years.csv", "year,note", [f"{y}," for y in years])
    real_regions = (ref / "regions.csv").read_text(encoding="utf-8").splitlines()[1:]
    real_munis = (ref / "municipalities.csv").read_text(encoding="utf-8").splitlines()[1:]
    write(ref / "regions.csv", "region", real_regions + region_names)
    write(ref / "municipalities.csv", "municipality,report_name,region",
          real_munis + [f"{m},{m}s kommun,{r}" for m, r in munis])
    snap, fp, fo = [], [], []
    for y in years:
        src = f"Milstolpar {y}"
        companies = [rnd.randint(1, 30) for _ in region_names]
        snap.append(f"{y},companies,all,{sum(companies)},{src},")
        snap += [f"{y},companies,{r},{c},{src}," for r, c in zip(region_names, companies, strict=True)]
        w, m = rnd.randint(50, 150), rnd.randint(50, 150)
        snap += [f"{y},employees,all,{w + m},{src},", f"{y},employees,women,{w},{src},",
                 f"{y},employees,men,{m},{src},"]
        parts = [rnd.randint(0, 150) for _ in range(3)]
        total = sum(parts) + (1 if y % 7 == 0 else 0)  # some stated totals disagree with their parts
        snap.append(f"{y},placements,all,{total},{src},")
        snap += [f"{y},placements,{b},{v},{src}," for b, v in
                 zip(["Arbetsförmedlingen", "Kommunen", "Övriga"], parts, strict=True)]
        snap.append(f"{y},informed,all,{rnd.randint(50, 600)},{src},")
        for muni, _ in munis:
            used = rnd.randint(0, 7)
            women = rnd.randint(0, used)
            fp.append(f"{y},{muni},Målgrupp,{used + rnd.randint(0, 3)},{used},{women},{used - women},"
                      f"Individinriktade insatser,")
            fo.append(f"{y},{muni},back,unknown,{used},Individinriktade insatser,")
            fo.append(f"{y},{muni},work,women,0,Individinriktade insatser,")
    write(out / "snapshots.csv", "year,measure,category,value,source,note", snap)
    write(out / "funded_placements.csv",
          "year,municipality,target_group,places_granted,places_used,women,men,source,note", fp)
    write(out / "funded_outcomes.csv", "year,municipality,outcome,gender,count,source,note", fo)
    y0, y1 = years[0], years[-1]
    claims = (out / "claims.csv").read_text(encoding="utf-8").splitlines()
    keep = claims[1:]  # every claim: the report reads some by id (asfdata/study.py), the build checks them
    fixed = [c.replace(",2016,2018,", f",{y0},{y1},").replace(",2016,2020,", f",{y0},{y1},")
             .replace(",2016,2016,", f",{y0},{y0},").replace(",2018,2018,", f",{y0},{y0},")
             .replace(",2019,2019,", f",{y0},{y0},").replace(",2020,2020,", f",{y0},{y0},") for c in keep]
    write(out / "claims.csv", claims[0], fixed)
    kept = {c.split(",", 1)[0] for c in fixed}  # the statements of the claims kept and their parts (-who)
    statements = (out / "statements.csv").read_text(encoding="utf-8").splitlines()
    write(out / "statements.csv", statements[0],
          [r for r in statements[1:] if {r.split(",", 1)[0], r.split(",", 1)[0].rsplit("-", 1)[0]} & kept])
    events = (out / "events.csv").read_text(encoding="utf-8").splitlines()

    def event(y: int) -> str:
        """One generated milestone of year y, its values in the order of events.csv's header."""
        value = {"year": y, "month": "NA", "period_text": "NA", "actor": "NA", "kind": "other",
                 "description_en": f"Generated event {y}", "description_sv": f"Genererad händelse {y}",
                 "source": f"Milstolpar {y}", "line": 1, "quote_sv": f"händelse {y}", "note": ""}
        return ",".join(str(value[c]) for c in events[0].split(","))

    write(out / "events.csv", events[0], [event(y) for y in years])
    with (out / "inventory.csv").open(encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    with (out / "inventory.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(
            [header, *(r for r in rows if r[header.index("status")] == "excluded")])
    return len(snap) + len(fp) + len(fo) + len(fixed) + len(years)
