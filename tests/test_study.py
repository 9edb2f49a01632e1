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

import html

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


@pytest.mark.parametrize("year", [2016, 2021, 1999])
def test_a_reform_year_outside_the_data_names_reform_year_and_the_years_allowed(year):
    # before, 2016 gave "before runs from 2016 to 2015" and 2021 "after runs from 2021 to 2020": periods
    # the user never set
    with pytest.raises(ValueError) as err:
        Study.of(reform_year=year)
    assert str(err.value) == (f"study: reform_year {year}: the autumn counts run 2016–2020, and the reform "
                              "year needs one before it; choose 2017–2020")
    with pytest.raises(ValueError) as err:
        Study.of(base_year=2015)
    assert str(err.value) == "study: base_year 2015: the autumn counts run 2016–2020; choose 2016–2020"
    assert Study.of(reform_year=2017).before == (2016, 2016)  # the first and last allowed still work
    assert Study.of(reform_year=2020).after == (2020, 2020)


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


@pytest.fixture(scope="module")
def rising(frames: Frames) -> Frames:
    """The frames with the reform year 2017: every placing body rose from autumn 2016 to autumn 2017."""
    return frames.replace(study=Study.of(reform_year=2017))


@pytest.mark.parametrize("lang", LANGS)
def test_a_rise_is_told_as_a_rise(rising, lang):
    # 2016 → 2017: Arbetsförmedlingen 96 → 155 (+59), Kommunen 57 → 65 (+8), others 3 → 10 (+7);
    # the sum 156 → 230 (+74): 59/74 = 79.7 %, 8/74 = 10.8 %, 7/74 = 9.5 %
    shares = html.unescape(placements.shares_section(rising, lang).html)
    assert shares.startswith(f"<h3>{placements.t('h_shares_rise', lang)}</h3>")
    finding = placements.shares_finding(rising.snapshots, lang, 2016, 2017)
    assert finding.startswith(placements.t("finding_shares_rise", lang, fall=74, other="", y0=2016, y1=2017,
                                           items="")[:-2])
    assert missing(["74", "59", "79.7 %", "8", "10.8 %", "7", "9.5 %"], finding, lang) == []
    assert "-" not in finding.split(";")[0] and "\u2212" not in finding.split(";")[0]  # no signed "fall"
    chart = html.unescape(placements.fig_placements(rising, lang).html)
    takeaway = placements.t("takeaway_placements_rise", lang, ya=2016, yb=2017,
                            body=words.placed_by("Arbetsförmedlingen", lang),
                            chg=words.num(59, lang, sign=True))
    assert takeaway in chart
    assert placements.t("takeaway_placements", lang, ya=2016, yb=2017,
                        body=words.placed_by("Övriga", lang), chg=words.num(7, lang, sign=True)) not in chart


@pytest.mark.parametrize("lang", LANGS)
def test_one_body_s_fall_is_no_ranking_and_names_no_cause(moved, lang):
    # 2017 → 2018: only Arbetsförmedlingen fell, 155 → 152 (−3; Kommunen +9, others +7); the report names a
    # cause for 2019 only; the sum 230 → 243 (stated 230 → 244): both readings start at 230
    chart = html.unescape(placements.fig_placements(moved, lang).html)
    body, chg = words.placed_by("Arbetsförmedlingen", lang), words.num(-3, lang, sign=True)
    assert placements.t("takeaway_placements_only", lang, ya=2017, yb=2018, body=body, chg=chg) in chart
    for key in ("takeaway_placements", "takeaway_placements_other"):
        assert placements.t(key, lang, ya=2017, yb=2018, body=body, chg=chg) not in chart
    end = placements.t("or_reading", lang, parts=words.num(243, lang), stated=words.num(244, lang))
    title = placements.t("title_placements_same_start", lang, verb=words.direction(13, lang), ya=2017,
                         yb=2018, a=words.num(230, lang), b=end)
    assert title in chart



@pytest.mark.parametrize("lang", LANGS)
def test_one_body_s_fall_in_the_period_means_is_no_ranking(rising, lang):
    # mean 2016 against mean 2017–2020: only Kommunen fell, 57 → (65 + 74 + 26 + 26)/4 = 47.75 (−9.25 people,
    # −16.2 %); Arbetsförmedlingen and others rose
    means = html.unescape(placements.period_means_section(rising, lang).html)
    values = {"first": words.placed_by("Kommunen", lang), "pct": words.pct((47.75 - 57) / 57 * 100, lang,
                                                                         sign=True),
              "chg": words.num(-9.25, lang, 1, sign=True)}
    assert placements.t("finding_fell_only", lang, **values) in means
    assert placements.t("finding_fell_most", lang, **values, then="") not in means


@pytest.mark.parametrize("lang", LANGS)
def test_a_body_that_placed_as_many_stayed(frames, lang):
    # 2019 → 2020: Kommunen 26 → 26
    text = html.unescape(placements.change_year_section(frames.replace(study=Study.of(reform_year=2020)),
                                                        lang).html)
    stayed = placements.t("item_unchanged", lang, placements=words.placed_by("Kommunen", lang),
                          a=words.num(26, lang))
    assert stayed in text and words.t("unchanged", lang) not in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("reform, low, high", [(2017, "+14.0 %", "+233.3 %"), (2020, "-12.9 %", "0.0 %")])
def test_no_comparison_of_falls_where_not_every_body_fell(frames, lang, reform, low, high):
    # 2016 → 2017 Kommunen 57 → 65 (+14.0 %), others 3 → 10 (+233.3 %); 2019 → 2020 Arbetsförmedlingen
    # 93 → 81 (−12.9 %), Kommunen 26 → 26 (0.0 %): the comparison of falls has nothing to compare
    other = frames.replace(study=Study.of(reform_year=reform))
    section = placements.context_section(other, lang)
    text = html.unescape(section.html)
    ya, yb = reform - 1, reform
    rng = {"asf_low": words.pct(float(low.replace(" %", "")), lang, sign=True),
           "asf_high": words.pct(float(high.replace(" %", "")), lang, sign=True)}
    assert placements.t("title_context_mixed", lang, ya=ya, yb=yb, **rng) in text
    assert placements.t("takeaway_context_mixed", lang, ya=ya, yb=yb) in text
    assert placements.t("ctx_can_mixed", lang, ya=ya, yb=yb, **rng) in text
    for key in ("takeaway_context_none", "takeaway_context"):
        assert placements.t(key, lang, items="")[:30] not in text
    # the count of public series that "changed less" than the smallest fall is the report's (2018 → 2019) only
    assert "public_changed_less" in placements.context_section(frames, lang).data.columns
    assert "public_changed_less" not in section.data.columns
    # the dated changes stay the reorganisation's year, whatever years are compared
    assert f"<h3>{placements.t('h_context_events', lang, year=2019)}</h3>" in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_ranking_without_a_fall_starts_with_the_smallest_rise(frames, lang):
    # before 2016, after 2017–2018: Kommunen 57 → (65 + 74)/2 = 69.5 (+21.9 %), Arbetsförmedlingen 96 →
    # (155 + 152)/2 = 153.5 (+59.9 %), others 3 → (10 + 17)/2 = 13.5 (+350.0 %): none fell
    section = placements.period_means_section(
        frames.replace(study=Study.of(reform_year=2017, before=(2016, 2016), after=(2017, 2018))), lang)
    assert f">{placements.t('col_rank_rise', lang)}</th>" in html.unescape(section.html)
    assert placements.t("col_rank", lang) not in html.unescape(section.html)
    assert section.data["category"].tolist() == ["Kommunen", "Arbetsförmedlingen", "Övriga"]
    assert missing(["+21.9 %", "+59.9 %", "+350.0 %"], section.html, lang) == []
    own = placements.period_means_section(frames, lang).html  # the study's own years: a fall
    assert f">{placements.t('col_rank', lang)}</th>" in html.unescape(own)
