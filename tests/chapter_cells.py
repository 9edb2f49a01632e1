"""Running a chapter notebook's code cells in this process, as the report's kernel runs them (a kernel per
notebook would cost seconds): what test_processed_only.py and test_other_data.py share.

One shortcut: a chart is left undrawn (its <svg> empty; drawing is more than half of the time, and reads no
data) unless the test names the function that shows it, and then drawn at the first width alone (the one
printed; the others differ in wrapping and placing, not in what data they accept); the rest of every block
is what the kernel shows.
"""

from __future__ import annotations

import importlib
from collections.abc import Collection

import nbformat
import pytest

from asfdata import registry
from asfdata.render import html, svg
from asfdata.render.widths import WIDTHS, drawn_at

UNDRAWN = "<svg />"  # a chart left undrawn; figure_html labels it as it labels a drawn one


def undrawn(draw, *args, **kwargs) -> tuple[str, ...]:
    """chart_svgs without drawing: an empty <svg> for every width."""
    return (UNDRAWN,) * len(WIDTHS)


def first_width(draw, *args, **kwargs) -> tuple[str, ...]:
    """chart_svgs drawing at the first width alone (an empty <svg> for the others)."""
    with drawn_at(WIDTHS[0]):
        first = svg.figure_svg(draw(*args, **kwargs))
    return (first, *undrawn(draw)[1:])


def run_sections(chapter: registry.Chapter, params: dict, drawn: Collection[str] = ()) -> list:
    """The blocks a chapter notebook shows (sections, asfdata.render.section.Section, or HTML strings) when
    its code cells run in this process as the report's kernel runs them: the cells in order, params
    assigned after the cell tagged parameters (as the report injects them); a cell of IPython magics
    (the opening cell's autoreload) left out, as plain Python cannot run it; the charts of a cell drawn (at
    the first width) only when it calls a function named in drawn (e.g. 'fig_companies')."""
    nb = nbformat.read(chapter.notebook_path, as_version=4)
    shown: list = []
    namespace: dict = {}
    modules = [m for m in (importlib.import_module(c.module_name) for c in registry.CHAPTERS)
               if hasattr(m, "chart_svgs")]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(html, "show", lambda *blocks: shown.extend(blocks))
        for cell in nb.cells:
            if cell.cell_type != "code" or cell.source.lstrip().startswith("%"):
                continue
            draw = any(f".{name}(" in cell.source for name in drawn)
            for module in modules:
                mp.setattr(module, "chart_svgs", first_width if draw else undrawn)
            exec(compile(cell.source, chapter.notebook_path.name, "exec"), namespace)
            if "parameters" in cell.metadata.get("tags", []):
                namespace.update(params)
    return shown


def run_cells(chapter: registry.Chapter, params: dict, drawn: Collection[str] = ()) -> list[str]:
    """The HTML of the blocks run_sections gives, in order."""
    return [str(b) for b in run_sections(chapter, params, drawn)]
