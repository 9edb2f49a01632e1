"""`make bench`: the report build against its floor, the no-op rebuild, import cost, scaling, the
time of refusing 10^6 bad lines, the suite's time and a fresh clone's set-up against pip's.

Medians of RUNS runs, every ratio measured within this one run; prints a table beside the budgets
and writes benchmarks/results.json (not committed).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

from asfdata.report.edition import Job  # light: no pandas, no Jupyter
from asfdata.report.inputs import stamp_path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import (  # noqa: E402
    PY,
    ROOT,
    error_listing,
    import_times,
    interleaved,
    machine,
    median,
    scaling,
    set_up_times,
    wall,
)

RUNS = 5
SUITE_RUNS = 3  # the suite's budget is on the median of 3 runs (one run took 55 to 62 s within minutes)
SIZES = [1_000, 10_000, 100_000, 1_000_000]
BUDGETS = {  # key -> (limit, what it bounds)
    "build_ratio": (1.15, "report build / floor"),
    "noop_seconds": (0.2, "`make report` with nothing changed, s"),
    "import_ratio": (1.2, "import asfdata / import pandas"),
    "scale_ratio_1e6_1e5": (12.0, "validate+tidy+audit: 10^6 rows / 10^5 rows"),
    "scale_seconds_1e6": (5.0, "validate+tidy+audit of 10^6 rows, s"),
    "errors_ratio_1e6": (2.0, "10^6 rows, an error on every line / all valid"),
    "set_up_ratio": (0.35, "fresh clone's first `make report` / pip set-up"),
    "test_seconds": (50.0, "`make test` after `make report`, s"),
}


def build_and_floor(runs: int) -> tuple[float, float]:
    """Median seconds of `python -m asfdata report --force` and of the floor, alternated."""
    return interleaved(lambda: wall([PY, "-m", "asfdata", "report", "--force"]),
                       lambda: wall([PY, str(ROOT / "benchmarks/floor.py")]), runs)


def noop_seconds(runs: int) -> float:
    """Median seconds of `make report` when the report is up to date."""
    wall(["make", "--no-print-directory", "report"])  # make sure it is up to date
    return median(lambda: wall(["make", "--no-print-directory", "report"]), runs)


def out_of_date(*langs: str) -> None:
    """Make those editions of the report out of date (their stamps removed: the next build rebuilds them)."""
    for lang in langs:
        stamp_path(Job(lang=lang).outputs()[0][0]).unlink(missing_ok=True)


def test_seconds(runs: int) -> tuple[list[float], float]:
    """Seconds of `make test` after `make report`, in the README's order, runs times (each run then
    builds the Swedish edition), and once with neither edition up to date (it builds both, as on CI's
    fresh clone)."""
    wall(["make", "--no-print-directory", "report"])
    after_report = []
    for _ in range(runs):
        out_of_date("sv")
        after_report.append(wall(["make", "--no-print-directory", "test"]))
    out_of_date("en", "sv")
    return after_report, wall(["make", "--no-print-directory", "test"])


def main() -> int:
    """Measure everything, print the table, write results.json; exit 1 if a budget is broken."""
    load = os.getloadavg()[0]
    build, floor = build_and_floor(RUNS)
    noop = noop_seconds(RUNS)
    t_asf, t_pandas = import_times(RUNS * 2 + 1)
    scale = scaling(SIZES, RUNS)
    valid, refused = error_listing(SIZES[-1], RUNS)
    suite_runs, suite_cold = test_seconds(SUITE_RUNS)
    suite = statistics.median(suite_runs)
    set_up = set_up_times()
    results = {
        **{k: round(v, 2) for k, v in set_up.items()},
        "set_up_ratio": round(set_up["first_report_uv_seconds"] / set_up["pip_install_seconds"], 3),
        "test_seconds": round(suite, 2), "test_runs_seconds": [round(t, 2) for t in suite_runs],
        "test_cold_seconds": round(suite_cold, 2), "test_floor_ratio": round(suite / floor, 2),
        "build_seconds": round(build, 3), "floor_seconds": round(floor, 3),
        "build_ratio": round(build / floor, 3), "noop_seconds": round(noop, 3),
        "import_asfdata_seconds": round(t_asf, 4), "import_pandas_seconds": round(t_pandas, 4),
        "import_ratio": round(t_asf / t_pandas, 3),
        "scale_seconds": {k: round(v, 3) for k, v in scale.items()},
        "scale_ratio_1e6_1e5": round(scale["1000000"] / scale["100000"], 3),
        "errors_valid_seconds": round(valid, 3), "errors_refused_seconds": round(refused, 3),
        "errors_ratio_1e6": round(refused / valid, 3),
        "runs": RUNS, "machine": machine(),
        "load_average": {"start": round(load, 2), "end": round(os.getloadavg()[0], 2)},
    }
    values = {**results, "scale_seconds_1e6": scale["1000000"]}
    print(f"{'measure':<48}{'value':>10}{'budget':>10}  ok")
    for key, (limit, what) in BUDGETS.items():
        ok = values[key] <= limit
        print(f"{what:<48}{values[key]:>10.3f}{limit:>10.2f}  {'yes' if ok else 'NO'}")
    print(f"{'build / floor seconds':<48}{build:>10.2f}{floor:>10.2f}")
    each = "  ".join(f"{t:.2f}" for t in suite_runs)
    print(f"{'`make test` after `make report`, each run, s':<48}{each:>10}")
    print(f"{'`make test` after `make report` / floor':<48}{suite / floor:>10.2f}")
    print(f"{'`make test`, neither edition up to date, s':<48}{suite_cold:>10.2f}")
    for n, s in scale.items():
        print(f"{'validate+tidy+audit, ' + n + ' rows, s':<48}{s:>10.3f}")
    for key in set_up:
        print(f"{key.replace('_', ' '):<48}{set_up[key]:>10.2f}")
    print(f"machine: {results['machine']}; medians of {RUNS} runs (suite: of {SUITE_RUNS}, and once cold; "
          f"set-up: one run); load average {load:.2f} at the start, "
          f"{results['load_average']['end']:.2f} at the end")
    (ROOT / "benchmarks/results.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0 if all(values[k] <= lim for k, (lim, _) in BUDGETS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
