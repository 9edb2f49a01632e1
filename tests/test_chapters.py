"""Tests of the words (asfdata.render.words) and the chapters' sentences: number formats, both languages,
computed sentences, escaping."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_metrics import audit_frame  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata.chapters import data_quality, funded, information, placements, summary
from asfdata.render import words as W
from asfdata.render.html import cell, table_html
from asfdata.render.phrases import source_line

# ---- words (their keys and languages: test_words.py) -------------------------------------------------------


def test_numbers_in_english_and_swedish():
    assert W.num(1257, "en") == "1,257"
    assert W.num(1257, "sv") == "1\u00a0257"
    assert W.num(134.3333, "en", 1) == "134.3"
    assert W.num(134.3333, "sv", 1) == "134,3"
    assert W.num(-59, "en", sign=True) == "\u221259"
    assert W.num(5, "sv", sign=True) == "+5"
    assert W.num(-0.04, "en", 1) == "0.0"  # no negative zero
    assert W.pct(-38.8158, "en", sign=True) == "\u221238.8\u00a0%"
    assert W.pct(-38.8158, "sv", sign=True) == "\u221238,8\u00a0%"
    assert W.num(float("nan"), "en") == W.DASH
    assert W.num(2016, "sv") == "2\u00a0016" and cell(2016, "year", "sv") == "2016"  # years skip num
    assert W.num(-1257.45, "sv", 1) == "\u22121\u00a0257,5" and W.pct(0, "en", sign=True) == "0.0\u00a0%"
    assert W.years(2016, 2018) == "2016–2018" and W.years(2019, 2019) == "2019"
    assert W.join(["a", "b", "c"], "sv") == "a, b och c"
    with pytest.raises(ValueError, match="unknown language"):
        W.t("chapter_00", "de")


def test_names_stay_swedish_and_words_translate():
    assert W.name("Arbetsförmedlingen", "en") == "Arbetsförmedlingen"
    assert W.name("Kommunen", "en") == "Kommunen"
    assert W.name("Hälsingland", "en") == "Hälsingland"
    assert W.name("Övriga", "en") == "Others (unpaid)"
    assert W.name("Övriga", "sv") == "Övriga (utan ersättning)"
    assert W.name("women", "sv") == "Kvinnor"
    assert W.target_group("Individer med psykisk ohälsa", "en") == "People with mental ill-health"
    assert W.target_group("okänd målgrupp", "en") == "okänd målgrupp"
    assert W.status("mismatch", "sv") == "avviker"
    assert W.month(11, "sv") == "november" and W.period_text("våren", "en") == "spring"


def test_source_line_collapses_yearly_sections():
    line = source_line(["Milstolpar 2018", "Milstolpar 2016", "Milstolpar 2017", "Bakgrund"], "en")
    assert (
        line
        == "Source: Samordningsförbund Gävleborg, final report ASF 2016–2020: Bakgrund; Milstolpar 2016–2018"
    )
    assert source_line(["Milstolpar 2016", "Milstolpar 2018"], "sv").endswith("Milstolpar 2016, 2018")
    assert source_line(["Individinriktade insatser 2016–2018"], "sv").startswith("Källa: ")


# ---- sentences ---------------------------------------------------------------------------------------------


def test_change_2018_2019_sentence(frames):
    en = placements.change_year_finding(frames["snapshots"], "en")
    assert "placements by Arbetsförmedlingen fell from 152 to 93 (\u221259, \u221238.8\u00a0%)" in en
    assert "placements by Kommunen fell from 74 to 26 (\u221248, \u221264.9\u00a0%)" in en
    assert "(\u22126, \u221235.3\u00a0%)" in en
    sv = placements.change_year_finding(frames["snapshots"], "sv")
    assert sv.startswith(
        "Från hösten 2018 till hösten 2019: Arbetsförmedlingens placeringar minskade från 152 till 93 "
        "(\u221259; \u221238,8\u00a0%), kommunernas placeringar minskade från 74 till 26")


def test_fell_most_sentence(frames):
    en = placements.fell_most_finding(frames["snapshots"], "en")
    # period means: Kommunen (57+65+74)/3 = 65.3 → (26+26)/2 = 26.0, −39.3 in the average autumn
    # count (−60.2 %)
    assert "Kommunen fell most (\u221260.2\u00a0%; \u221239.3 people in the average autumn count)" in en
    assert "then placements by Arbetsförmedlingen (\u221235.2\u00a0%; \u221247.3 people)" in en
    assert "Placements by others (unpaid) rose (+5.0\u00a0%; +0.5 people in the average autumn count)" in en
    assert "the largest fall was in placements by Arbetsförmedlingen (\u221247.3 people" in en
    sv = placements.fell_most_finding(frames["snapshots"], "sv")
    assert ("minskade kommunernas placeringar mest (\u221260,2\u00a0%; \u221239,3 personer i den "
            "genomsnittliga höstmätningen), därefter Arbetsförmedlingens placeringar "
            "(\u221235,2\u00a0%") in sv
    assert "Övrigas placeringar (utan ersättning) ökade (+5,0\u00a0%" in sv


def test_funded_and_gender_sentences(frames):
    en = funded.funded_finding(frames["funded_placements"], frames["claims"], "en")
    assert en.startswith("Of 23 funded places granted 2016–2018, 11 were used (47.8\u00a0%), by 10 people.")
    # 2 of 10 reached work or Arbetsförmedlingen: Clopper–Pearson 95 % interval 2.5 %–55.6 %; 8 back (summary)
    assert "by the report's summary, 8 went back to public support" in en
    assert "(2 of 10 here) runs from 2.5\u00a0% to 55.6\u00a0%" in en
    sv = funded.funded_finding(frames["funded_placements"], frames["claims"], "sv")
    assert "(2 av 10 här) från 2,5\u00a0% till 55,6\u00a0%" in sv
    assert funded.gender_finding(frames["funded_placements"], "en").startswith(
        "The yearly detail gives 9 women and 2 men"
    )


def test_contradictions_name_the_published_genders_only(frames):
    items = funded.contradiction_items(frames["funded_outcomes"], frames["claims"], "en")
    assert items == [
        "Referred to Arbetsförmedlingen: the detail states 1 man, the summary 1 woman",
        "Back to public support: the detail states 1 woman, 1 man and 5 of unstated gender, "
        "the summary 8 women",
    ]
    assert funded.contradiction_items(frames["funded_outcomes"], frames["claims"], "sv")[0] == (
        "Aktualiserad hos Arbetsförmedlingen: den årsvisa redovisningen anger 1 man, "
        "sammanfattningen 1 kvinna"
    )


def test_informed_sentence(frames):
    en = information.informed_finding(frames["snapshots"], frames["claims"], None, "en")
    assert "add up to 1,275 for 2016–2020; the report states a total of 1,257 (\u221218 against the sum)" \
        in en
    assert "Most were informed in 2017 (586)" in en and "two swapped digits" in en
    sv = information.informed_finding(frames["snapshots"], frames["claims"], None, "sv")
    assert "summerar till 1\u00a0275" in sv


def test_five_points_say_what_they_cannot_show(frames):
    bullets = placements.five_points(frames, "en")
    assert bullets[0].endswith(
        "placements by Arbetsförmedlingen and Kommunen were lower in every autumn "
        "2019–2020 than in any autumn 2016–2018; those by Others (unpaid) were not."
    )
    assert "(34 → 28)" in bullets[2] and "in 2018" in bullets[2]
    assert "No significance test (such as a Poisson test)" in bullets[3]


def test_pandemic_is_a_second_cause_in_2020(frames):
    en = placements.pandemic_finding(frames["snapshots"], frames["events"], "en")
    assert en.startswith("For 2020 the report names a second cause")
    assert "fell from 130 to 117 (\u221210.0\u00a0%)" in en


def test_small_tables_say_so():
    assert funded.small_note(1, "en") == funded.small_note(2, "en") == funded.t("small_note", "en")
    assert funded.small_note(0, "en") == funded.small_note(3, "en") == ""


# ---- sections and escaping ---------------------------------------------------------------------------------


def test_table_html_escapes_text_from_data():
    df = pd.DataFrame({"a": ["<script>alert(1)</script>"], "b": ["x & y"]})
    html = table_html(df, caption="<b>c</b>", source="S <i>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<caption>&lt;b&gt;c&lt;/b&gt;</caption>" in html
    assert "x &amp; y" in html and "S &lt;i&gt;" in html


def test_audit_section_mismatches_first_and_escaped():
    a = audit_frame()
    a.loc[0, "note"] = "<script>x</script>"
    html = data_quality.audit_section(a, "en")
    statuses = re.findall(r"<td[^>]*>(mismatch|approximate|ok)</td>", html)
    assert statuses == ["mismatch", "mismatch", "approximate", "ok"]
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert "The audit ran 4 checks: 2 with figures that disagree" in html
    assert "avviker" in data_quality.audit_section(a, "sv")
    assert "has not been run" in data_quality.audit_section(None, "en")


def test_assumptions_section():
    a = pd.DataFrame(
        {
            "id": ["A02", "A01"],
            "assumption_en": ["second", "first"],
            "assumption_sv": ["andra", "första"],
            "reason_en": ['the report says "1 257 personer"', "r"],
            "reason_sv": ['rapporten anger "1 257 personer"', "s"],
            "effect_en": ["`funded_outcomes.csv` holds <it>", "e"],
            "effect_sv": ["`funded_outcomes.csv` har <den>", "e"],
            "sources": ["Bakgrund", "Bakgrund"],
        }
    )
    html = data_quality.assumptions_section(a, "sv")
    assert html.index("A01") < html.index("A02") and "<h3>Antagandelogg</h3>" in html
    assert ">första</td>" in html and "second" not in html
    # a quotation of the report is marked as Swedish, a file name as code, any other markup escaped
    # (its numbers bound by a no-break space: 1 257 never breaks across lines)
    assert '>rapporten anger <q lang="sv">1\u00a0257 personer</q></td>' in html
    assert "><code>funded_<wbr>outcomes.csv</code> har &lt;den&gt;</td>" in html
    english = data_quality.assumptions_section(a, "en")
    assert '>the report says <q lang="sv">1\u00a0257 personer</q></td>' in english


def test_summary_sections(frames):
    f = dict(frames, audit=audit_frame())
    kf = summary.key_findings(f, "en")
    for prefix in (
        "Employees and companies.",
        "People placed.",
        "Funded placements.",
        "Information reach.",
        "Goals.",
        "Data quality.",
    ):
        assert f"<strong>{prefix}</strong>" in kf
    lim = summary.limitations(f, "en")
    assert "for similar participants the exact 95\u00a0% interval runs from 0.3\u00a0% to 44.5\u00a0%" in lim
    assert "people placed 2018: stated total 244, parts add up to 243" in lim
    assert "people placed 2020: stated total 123, parts add up to 117" in lim
    assert "stated 1,257, yearly figures add up to 1,275" in lim
    gl = summary.glossary("en")
    for term in (
        "ASF",
        "Finsam",
        "Mysam",
        "Arbetsförmedlingen",
        "Kommunen (placing body)",
        "Reserved contract",
    ):
        assert term in gl
    assert "<dt>Reserverat kontrakt</dt>" in summary.glossary("sv")
    assert placements.intro(f, "sv").startswith("<h2>2 Placerade personer och 2019 års reform</h2>")
