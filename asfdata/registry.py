"""The one list of the report's chapters and of every words catalog: the report's order, its contents list,
the notebooks the tests run and every count of chapters derive from CHAPTERS.

Adding a chapter is one entry here plus its files: notebooks/<notebook>.ipynb, asfdata/chapters/<module>.py
and its catalog asfdata/chapters/<module>.toml, and its title (the key chapter_<id>) in
asfdata/render/shared.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from asfdata.paths import NOTEBOOK_DIR, ROOT

PACKAGE = ROOT / "asfdata"


@dataclass(frozen=True)
class Chapter:
    """A chapter: its id ('00' …, 'explore'), notebook, module and catalog, and whether the report has it."""

    id: str
    notebook: str  # the notebook's name, without .ipynb
    module: str  # the module under asfdata/chapters
    in_report: bool = True

    @property
    def notebook_path(self) -> Path:
        return NOTEBOOK_DIR / f"{self.notebook}.ipynb"

    @property
    def module_name(self) -> str:
        return f"asfdata.chapters.{self.module}"

    @property
    def catalog(self) -> Path:
        return PACKAGE / "chapters" / f"{self.module}.toml"

    @property
    def title_key(self) -> str:
        return f"chapter_{self.id}"

    @property
    def anchor(self) -> str:
        """The id of the chapter's section in the report (asfdata.report.edition.chapter_id)."""
        return f"ch-{self.notebook}"


CHAPTERS = (
    Chapter("00", "00_summary", "summary"),
    Chapter("01", "01_employees", "employees"),
    Chapter("02", "02_placements", "placements"),
    Chapter("03", "03_funded", "funded"),
    Chapter("04", "04_information", "information"),
    Chapter("05", "05_goals", "goals"),
    Chapter("06", "06_data_quality", "data_quality"),
    Chapter("07", "07_sources", "sources"),
    Chapter("08", "08_annex_people", "annex_people"),
    Chapter("09", "09_annex_audit", "annex_audit"),
    Chapter("10", "10_annex_placements", "annex_placements"),
    Chapter("11", "11_annex_milestones", "annex_milestones"),
    Chapter("12", "12_annex_glossary", "annex_glossary"),
    Chapter("explore", "explore", "explore", in_report=False),
)
REPORT_CHAPTERS = tuple(c for c in CHAPTERS if c.in_report)
APPENDIX = 7  # chapters from this number on are annexes (A, B, …), shown without a number

SHARED_CATALOG = PACKAGE / "render" / "shared.toml"  # words several chapters, the toolkit or title page show
TERMINOLOGY_CATALOG = PACKAGE / "render" / "terminology.toml"  # the field's terms, English and Swedish
AUDIT_CATALOG = PACKAGE / "pipeline" / "audit.toml"  # the audit's notes, rules and scopes
PEOPLE_CATALOG = PACKAGE / "pipeline" / "people.toml"  # the statements about the ten people and their notes
CATALOGS = (  # every words catalog
    SHARED_CATALOG, TERMINOLOGY_CATALOG, AUDIT_CATALOG, PEOPLE_CATALOG,
    *(c.catalog for c in CHAPTERS),
)


def chapter(chapter_id: str) -> Chapter:
    """The chapter with this id; KeyError for any other."""
    for c in CHAPTERS:
        if c.id == chapter_id:
            return c
    raise KeyError(chapter_id)


def chapter_module(module_name: str) -> Chapter:
    """The chapter whose module is module_name (a chapter module's __name__); KeyError for any other."""
    for c in CHAPTERS:
        if c.module_name == module_name:
            return c
    raise KeyError(module_name)
