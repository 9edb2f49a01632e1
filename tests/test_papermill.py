"""The notebooks run unchanged under papermill, as an evaluator runs them from the command line
(`papermill notebooks/02_placements.ipynb out.ipynb -p lang sv`): here through papermill's Python API, two
notebooks at a time in fresh kernels, in Swedish, one of them with the study's reform year moved to 2018.
"""

from __future__ import annotations

import html
import re
from multiprocessing.pool import ThreadPool
from pathlib import Path

import papermill
import pytest
from prose import missing  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata.paths import NOTEBOOK_DIR
from asfdata.report.edition import NOTEBOOK_ONLY_TAG

RUNS = {  # notebook -> the parameters given with -p
    "02_placements": {"lang": "sv"},
    "10_annex_placements": {"lang": "sv", "reform_year": 2018},
}


@pytest.fixture(scope="module")
def ran(tmp_path_factory) -> dict:
    """Each notebook of RUNS run by papermill into a scratch folder: stem -> the executed notebook."""
    out = tmp_path_factory.mktemp("papermill")

    def run(stem: str):
        target = out / f"{stem}.ipynb"
        return stem, papermill.execute_notebook(NOTEBOOK_DIR / f"{stem}.ipynb", target, parameters=RUNS[stem],
                                                progress_bar=False, cwd=str(out), kernel_name="python3")

    with ThreadPool(2) as pool:
        return dict(pool.map(run, RUNS))


def shown(nb) -> str:
    """The text the report would show of an executed notebook (the cells for JupyterLab alone left out)."""
    pieces = [o.get("data", {}).get("text/html", "") for c in nb.cells
              if NOTEBOOK_ONLY_TAG not in c.metadata.get("tags", []) for o in c.get("outputs", [])]
    return html.unescape(re.sub(r"<[^>]+>", " ", "".join(pieces)))


def test_papermill_injects_the_parameters_after_the_parameters_cell(ran):
    for stem, nb in ran.items():
        tags = [c.metadata.get("tags", []) for c in nb.cells if c.cell_type == "code"]
        injected = tags.index(["injected-parameters"])
        assert ["parameters"] in tags and injected == tags.index(["parameters"]) + 1
        assert not [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"], stem
        assert Path(nb.metadata["papermill"]["output_path"]).exists()


def test_in_swedish_with_its_numbers_written_the_swedish_way(ran):
    text = shown(ran["02_placements"])
    # from autumn 2018 to 2019: 152 → 93 (−59, −38,8 %); Kommunen 74 → 26 (−48, −64,9 %)
    figures = ["2018", "2019", "152", "93", "-59", "-38.8 %", "74", "26", "-48", "-64.9 %"]
    assert missing(figures, text, "sv") == []
    assert "Från hösten 2018 till hösten 2019" in text and "−38,8\u00a0%" in text


def test_a_parameter_of_the_study_reaches_the_text(ran):
    nb = ran["10_annex_placements"]
    text = shown(nb)
    # indexed to 2017 = 100: Kommunen 26/65 = 40, Arbetsförmedlingen 81/155 = 52 in 2020 (Swedish words)
    assert "(hösten 2017 = 100)" in text
    assert missing(["2017", "100", "2020", "40", "52"], text, "sv") == []
    # the dated changes keep their own year (the reorganisation, 2019), not the study's reform year
    assert "Vad mer som förändrades 2019" in text and "Vad mer som förändrades 2018" not in text
    study = [o["data"]["text/plain"] for c in nb.cells for o in c.get("outputs", [])
             if c.source.startswith("frames.study")]
    assert study == ["Study(reform_year=2018, base_year=2017, before=(2016, 2017), after=(2018, 2020))"]
