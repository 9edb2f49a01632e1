"""The study's years as parameters (asfdata.study.Study, carried by the frames): the defaults are the study's
own and give the report as it is; other years recompute every sentence, table and .data that depends on
them, and the text names the years used. Reform year 2018 here, hand-calculated from the autumn counts:

    placements   2016  2017  2018  2019  2020
    Arbetsförm.    96   155   152    93    81
    Kommunen       57    65    74    26    26
    Övriga          3    10    17    11    10
    sum           156   230   243   130   117   (stated 156, 230, 244, 130, 123)
"""

from __future__ import annotations

import pytest
from prose import missing, numbers  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata.chapters import annex_glossary, placements
from asfdata.chapters.common import annex_pointer
from asfdata.pipeline.data import Frames, load
from asfdata.render import words
from asfdata.study import AFTER, BASE_YEAR, BEFORE, REFORM_YEAR, Study

LANGS = ("en", "sv")


@pytest.fixture(scope="module")
def moved(frames: Frames) -> Frames:
    """The frames with the reform year 2018 (base year 2017, before 2016–2017, after 2018–2020)."""
    return frames.replace(study=Study.of(reform_year=2018))


def test_the_defaults_are_the_study_s_own_years(frames):
    assert Study() == Study.of() == frames.study == load().study
    assert (Study().reform_year, Study().base_year, Study().before, Study().after) == (
        REFORM_YEAR, BASE_YEAR, BEFORE, AFTER)
    assert Study.of(reform_year=2018) == Study(2018, 2017, (BEFORE[0], 2017), (2018, AFTER[1]))
    assert Study.of(reform_year=2018, before=[2016, 2016]).before == (2016, 2016)  # a list, as from papermill
    with pytest.raises(ValueError, match="before runs from 2018 to 2016"):
        Study.of(before=(2018, 2016))


@pytest.mark.parametrize("lang", LANGS)
def test_the_default_study_gives_the_report_s_sections(frames, lang):
    again = frames.replace(study=Study())
    for fn in (placements.change_year_section, placements.period_means_section, placements.fig_placements,
               placements.context_section):
        assert fn(frames, lang).html == fn(again, lang).html
    assert annex_glossary.glossary(lang).html == annex_glossary.glossary(lang, Study()).html


@pytest.mark.parametrize("lang", LANGS)
def test_the_change_into_another_reform_year_is_computed_again(moved, lang):
    section = placements.change_year_section(moved, lang)
    heading = placements.t("h_change_year", lang, ya=2017, yb=2018)
    assert section.html.startswith(f"<h3>{heading}</h3>")
    # 155 → 152 (−3, −1.9 %); 65 → 74 (+9, +13.8 %); 10 → 17 (+7, +70.0 %); sum 230 → 243 (+13, +5.7 %);
    # stated 230 → 244 (+14, +6.1 %); the table writes its percent changes without a percent sign
    assert missing(["2017", "2018", "155", "152", "-3", "-1.9 %", "65", "74", "+9", "+13.8 %", "10", "17",
                    "+7", "+70.0 %", "230", "243", "+13", "+5.7", "244", "+14", "+6.1"],
                   section.html, lang) == []
    d = section.data.set_index("category")
    assert set(d["year_from"]) == {2017} and set(d["year_to"]) == {2018}
    assert d.loc["Kommunen", "change"] == 9 and round(d.loc["stated_total", "change_pct"], 1) == 6.1


@pytest.mark.parametrize("lang", LANGS)
def test_the_periods_follow_the_reform_year(moved, lang):
    section = placements.period_means_section(moved, lang)
    # before 2016–2017, after 2018–2020: Kommunen (57 + 65)/2 = 61.0 → (74 + 26 + 26)/3 = 42.0, −19.0
    # (−31.1 %); Arbetsförmedlingen 125.5 → (152 + 93 + 81)/3 = 108.7, −16.8 (−13.4 %); others 6.5 →
    # (17 + 11 + 10)/3 = 12.7, +6.2 (+94.9 %)
    assert missing(["61.0", "42.0", "-19.0", "-31.1 %", "125.5", "108.7", "-16.8", "-13.4 %", "6.5", "12.7",
                    "+6.2", "+94.9 %"], section.html, lang) == []
    before, after = words.years(2016, 2017), words.years(2018, 2020)
    assert placements.t("h_period_means", lang, before=before, after=after) in section.html
    assert section.data[["before_to", "after_from"]].drop_duplicates().values.tolist() == [[2017, 2018]]


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_and_the_glossary_name_the_years_used(moved, lang):
    indexed = placements.fig_placements_indexed(moved, lang)
    # 2017 = 100; in 2020 Kommunen 26/65 = 40, Arbetsförmedlingen 81/155 = 52, others 10/10 = 100
    title = placements.t("title_indexed", lang, base=2017, last=2020, items=words.join(
        [placements.t("item_index", lang, value=words.num(v, lang), name=words.name(c, lang))
         for c, v in (("Kommunen", 40), ("Arbetsförmedlingen", 52), ("Övriga", 100))], lang))
    assert title in indexed.html and set(indexed.data["base_year"]) == {2017}
    glossary = annex_glossary.glossary(lang, moved.study)
    assert missing(["2017", "2018"], glossary.html, lang) == []
    years = glossary.data[["base_year", "reform_year", "before_to", "after_from"]].dropna()
    assert years.values.tolist() == [[2017, 2018, 2017, 2018]]
    assert "2017" in numbers(annex_pointer("10", lang, moved.study).html)  # indexed to 2017
