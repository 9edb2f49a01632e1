"""The explorer (asfdata/chapters/explore.py) on the real data: its choices (totals, ratios, scales, periods,
the funded placements, the readings of the people placed, the tolerance for figures given as about), its
takeaway, its CSV, its widgets; and the dashboard's command (asfdata/explore_server.py). The dashboard in a
browser: test_dashboard.py."""

from __future__ import annotations

import base64
import html as htmllib
import re
import subprocess
import sys

import pytest
from matplotlib.figure import Figure
from prose import before, missing  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata import explore_server, metrics
from asfdata.chapters import explore
from asfdata.paths import ROOT
from asfdata.pipeline.audit import APPROX_TOLERANCE, approx_status
from asfdata.pipeline.people import Model
from asfdata.render import words
from asfdata.study import AFTER, BEFORE, CLAIM_UNIQUE_INDIVIDUALS

YEARS = [2016, 2017, 2018, 2019, 2020]


def values(frame, category: str) -> dict[int, float]:
    """year -> value of one category of a tidy frame, rounded to 2 decimals."""
    rows = frame.loc[frame["category"] == category]
    return dict(zip(rows["year"], rows["value"].round(2), strict=True))


# ---- the yearly figures ------------------------------------------------------------------------------------


def test_explore_frame_scales(frames):
    s = frames.snapshots
    assert explore.breakdowns(s, "placements") == ["total", "placed_by"]
    assert explore.breakdowns(s, "informed") == ["total"]
    ab = explore.explore_frame(s, "employees", "gender")
    assert ab.loc[ab["year"] == 2016, "value"].tolist() == [113, 66]
    ix = explore.explore_frame(s, "placements", "placed_by", "indexed", 2017).set_index(["year", "category"])[
        "value"
    ]
    assert ix[(2017, "Kommunen")] == 100.0 and round(ix[(2018, "Kommunen")], 1) == 113.8  # 74 / 65
    sh = explore.explore_frame(s, "companies", "region", "share").set_index(["year", "category"])["value"]
    assert round(sh[(2016, "Hälsingland")], 1) == 64.7  # 22 / 34
    with pytest.raises(ValueError, match="unknown measure"):
        explore.explore_frame(s, "salaries")
    with pytest.raises(ValueError, match="no breakdown"):
        explore.explore_frame(s, "informed", "gender")
    with pytest.raises(ValueError, match="unknown scale"):
        explore.explore_frame(s, "informed", "total", "log")


def test_totals_are_the_sum_of_the_parts_unless_the_stated_ones_are_chosen(frames):
    s = frames.snapshots
    parts = explore.explore_frame(s, "placements")
    # 96 + 57 + 3 = 156; 152 + 74 + 17 = 243 (stated 244); 81 + 26 + 10 = 117 (stated 123)
    assert values(parts, metrics.SUM_OF_PARTS) == {2016: 156, 2017: 230, 2018: 243, 2019: 130, 2020: 117}
    stated = explore.explore_frame(s, "placements", totals="stated")
    assert values(stated, "all") == {2016: 156, 2017: 230, 2018: 244, 2019: 130, 2020: 123}
    assert explore.has_both_totals(s, "placements") and not explore.has_both_totals(s, "informed")
    informed = explore.explore_frame(s, "informed", totals="parts")
    assert values(informed, "all")[2017] == 586  # no parts to add up: the stated figures
    with pytest.raises(ValueError, match="unknown totals"):
        explore.explore_frame(s, "placements", totals="mean")


def test_the_totals_note_says_which_totals_and_where_they_differ(frames):
    shown = explore.shown(frames, explore.Choice(breakdown="total"), "en", phone=False).html
    items = [explore.t("totals_differ_item", "en", year=2018, stated="244", parts="243"),
             explore.t("totals_differ_item", "en", year=2020, stated="123", parts="117")]
    said = explore.t("totals_differ", "en", measure=explore.t("measure_placements", "en"),
                     items=words.join(items, "en"))
    assert explore.t("totals_parts", "en") in htmllib.unescape(shown) and said in htmllib.unescape(shown)
    stated = explore.shown(frames, explore.Choice(breakdown="total", totals="stated"), "sv", phone=False).html
    assert explore.t("totals_stated", "sv") in htmllib.unescape(stated)
    # employees per company: both totals matter (companies 34 = 22 + 12 every year: they agree)
    per = explore.shown(frames, explore.Choice(measure="employees", breakdown="total", per="company"), "en",
                        phone=False).html
    agree = explore.t("totals_agree", "en", measure=explore.t("measure_companies", "en"))
    assert agree in htmllib.unescape(per)
    # a breakdown into parts without a ratio draws no total: no note
    parts = explore.shown(frames, explore.Choice(), "en", phone=False).html
    assert explore.t("totals_parts", "en") not in parts


def test_ratios_per_company_and_per_employee(frames):
    s = frames.snapshots
    per_company = explore.explore_frame(s, "employees", per="company")
    # 179 / 34 = 5.26, 228 / 34 = 6.71, 204 / 30 = 6.80, 206 / 28 = 7.36, 209 / 28 = 7.46
    assert values(per_company, metrics.SUM_OF_PARTS) == {2016: 5.26, 2017: 6.71, 2018: 6.8, 2019: 7.36,
                                                         2020: 7.46}
    per_employee = explore.explore_frame(s, "placements", per="employee")
    assert values(per_employee, metrics.SUM_OF_PARTS)[2018] == 1.19  # 243 / 204
    stated = explore.explore_frame(s, "placements", per="employee", totals="stated")
    assert values(stated, "all")[2018] == 1.2  # 244 / 204 = 1.196
    bodies = explore.explore_frame(s, "placements", "placed_by", per="company")
    assert values(bodies, "Kommunen")[2018] == 2.47  # 74 / 30
    assert explore.ratios("placements") == ("none", "company", "employee")
    assert explore.ratios("companies") == explore.ratios("informed") == ("none",)
    with pytest.raises(ValueError, match="no ratio"):
        explore.explore_frame(s, "companies", per="company")


def test_a_share_is_offered_only_of_two_categories_or_more_and_never_of_a_ratio(frames):
    s = frames.snapshots
    assert explore.scales(s, "informed", "total") == ("absolute", "indexed")
    assert explore.scales(s, "placements", "total") == ("absolute", "indexed")
    assert explore.scales(s, "placements", "placed_by") == explore.SCALES
    assert explore.scales(s, "placements", "placed_by", "company") == ("absolute", "indexed")
    with pytest.raises(ValueError, match="means nothing"):
        explore.explore_frame(s, "informed", "total", "share")


def test_the_takeaway_names_the_first_value_the_peak_and_the_last(frames):
    shown = explore.explore_html(frames.snapshots, "informed", "total", "absolute", lang="en")
    # people informed 95, 586, 235, 183, 176: first 95 (2016), highest 586 (2017), last 176 (2020)
    item = explore.t("takeaway_item", "en", name=words.name("all", "en"), first="95", first_year=2016,
                     peak="586", peak_years="2017", last="176", last_year=2020)
    takeaway = explore.t("explore_takeaway", "en", items=item)
    assert f'<p class="asf-figure-takeaway">{htmllib.escape(takeaway)}</p>' in shown
    label = htmllib.unescape(re.search(r'aria-label="([^"]+)"', shown).group(1))
    assert missing(["2016", "2020", "95", "586", "235", "183", "176"], label, "en") == []
    assert before(label.removeprefix(takeaway), "95", "586", "235", "183", "176")
    assert re.search(r"<td[^>]*>586</td>", shown)
    # a peak held in two years names both: men employed 98 in 2019 and 2020 (66, 91, 91, 98, 98)
    men = explore.explore_frame(frames.snapshots, "employees", "gender")
    said = explore.first_peak_last(men.loc[men["category"] == "men"], "sv")
    assert "98 (2019 och 2020)" in said and "66 (2016)" in said


def test_people_informed_are_counted_during_the_year_never_in_the_autumn(frames):
    s = frames.snapshots
    for lang in ("en", "sv"):
        informed = explore.explore_html(s, "informed", "total", lang=lang)
        assert explore.t("axis_year_during", lang) in informed  # the year axis's label
        assert explore.t("axis_year", lang) not in informed
        label = htmllib.unescape(re.search(r'aria-label="([^"]+)"', informed).group(1))
        assert explore.t("when_year", lang, years="2016–2020") in label
        assert explore.t("when_autumn", lang, years="2016–2020") not in label
        placed = explore.explore_html(s, "placements", "total", lang=lang)
        assert explore.t("axis_year", lang) in placed
    assert explore.t("measure_informed", "en") == "People informed during the year"


def test_periods_before_and_after_are_the_study_s_unless_chosen(frames):
    assert explore.Choice().before == BEFORE and explore.Choice().after == AFTER
    shown = explore.shown(frames, explore.Choice(), "en", phone=False).html
    # Kommunen: (57 + 65 + 74) / 3 = 65.3 before, (26 + 26) / 2 = 26.0 after, 26.0 / 65.3 − 1 = −60.2 %
    assert re.search(r"<td[^>]*>Kommunen</td>\s*<td[^>]*>65\.3</td>\s*<td[^>]*>26\.0</td>", shown)
    assert explore.t("col_mean", "en", years="2016–2018") in shown and "−60.2" in shown
    chosen = explore.shown(frames, explore.Choice(before=(2016, 2017), after=(2018, 2020)), "en",
                           phone=False).html
    # (57 + 65) / 2 = 61.0, (74 + 26 + 26) / 3 = 42.0
    assert re.search(r"<td[^>]*>Kommunen</td>\s*<td[^>]*>61\.0</td>\s*<td[^>]*>42\.0</td>", chosen)
    assert explore.t("periods_overlap", "en") not in chosen
    overlap = explore.shown(frames, explore.Choice(before=(2016, 2019), after=(2019, 2020)), "en",
                            phone=False)
    assert explore.t("periods_overlap", "en") in overlap.html


def test_several_categories_are_seaborn_small_multiples_one_panel_each(frames):
    fig, frame = explore.explore_chart(frames.snapshots, "placements", "placed_by", lang="sv",
                                       periods=(BEFORE, AFTER))
    assert isinstance(fig, Figure) and "seaborn" in sys.modules
    assert [ax.get_title() for ax in fig.axes] == [words.name(c, "sv") for c in ("Arbetsförmedlingen",
                                                                                 "Kommunen", "Övriga")]
    assert all(list(ax.get_xticks()) == YEARS for ax in fig.axes)
    assert fig.axes[0].get_ylabel() == explore.t("measure_placements", "sv")
    one, _ = explore.explore_chart(frames.snapshots, "placements", lang="sv")
    assert len(one.axes) == 1  # one series: the report's line chart
    share, frame = explore.explore_chart(frames.snapshots, "employees", "gender", "share", lang="sv")
    assert share.axes[0].get_ylabel() == explore.t("axis_share", "sv")
    assert frame.groupby("year")["value"].sum().round(9).tolist() == [100.0] * 5


def test_seaborn_is_imported_by_the_explorer_alone():
    found = [p.relative_to(ROOT) for p in sorted((ROOT / "asfdata").rglob("*.py"))
             if re.search(r"^\s*(import|from) seaborn", p.read_text(encoding="utf-8"), re.M)]
    assert [str(p) for p in found] == ["asfdata/chapters/explore.py"]
    done = subprocess.run([sys.executable, "-c", "import sys; import asfdata.chapters.explore; "
                           "print('seaborn' in sys.modules)"], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip() == "False"  # imported when a small multiple is drawn, not before


# ---- the funded placements, the readings, the tolerance ----------------------------------------------------


def test_the_funded_placements(frames):
    s = explore.shown(frames, explore.Choice(view="funded"), "en", phone=False)
    # 4 + 4 + 4 + 4 + 7 = 23 places granted, 0 + 1 + 1 + 2 + 7 = 11 used: 47.8 %
    takeaway = explore.t("takeaway_funded", "en", used="11", granted="23", share="47.8\u00a0%",
                         years="2016–2018")
    assert htmllib.escape(takeaway) in s.html
    assert len(s.table) == len(frames.funded_placements) == 5
    assert s.table[explore.t("col_use_rate", "en")].tolist() == [0.0, 25.0, 25.0, 50.0, 100.0]


def test_the_readings_give_each_of_the_people_one_outcome(frames):
    fp, fo, claims = frames.funded_placements, frames.funded_outcomes, frames.claims
    r = explore.readings_frame(fp, fo, claims)
    n = len(Model(fp, fo, claims).readings)
    assert sorted(set(r["reading"])) == list(range(1, n + 1))
    people = int(metrics.claim(claims, CLAIM_UNIQUE_INDIVIDUALS)["value"])  # the summary's 10
    assert set(r.groupby("reading")["people"].sum()) == {people}
    s = explore.shown(frames, explore.Choice(view="readings"), "sv", phone=False)
    assert len(s.table) == n
    holding = explore.t("col_holding", "sv", k=str(int(r["statements"].iloc[0])))
    assert s.table[holding].between(0, int(r["statements"].iloc[0])).all()
    assert explore.t("title_readings", "sv") in htmllib.unescape(s.html)


def test_the_tolerance_gives_the_audit_statuses_and_others(frames):
    audit, claims = frames.audit, frames.claims
    at_a05 = explore.tolerance_frame(audit, claims, APPROX_TOLERANCE * 100)
    # employees 2016: about 200 against 179, |179 − 200| / 200 = 10.5 % > 10 %: mismatch;
    # people active 2016: about 350 against 335, 15 / 350 = 4.3 %: approximate
    got = dict(zip(at_a05["audit_id"].str.rsplit(":", n=1).str[-1], at_a05["status"], strict=True))
    assert got == {"background-employees-2016": "mismatch", "background-people-active-2016": "approximate"}
    assert at_a05["status"].tolist() == at_a05["audit_status"].tolist()  # as audit.csv has them
    pairs = zip(at_a05["stated"], at_a05["computed"], strict=True)
    assert [approx_status(int(a), int(b)) for a, b in pairs] == at_a05["status"].tolist()
    assert at_a05["agrees_from"].round(1).tolist() == [10.5, 4.3]
    assert set(explore.tolerance_frame(audit, claims, 11)["status"]) == {"approximate"}
    assert set(explore.tolerance_frame(audit, claims, 4)["status"]) == {"mismatch"}
    s = explore.shown(frames, explore.Choice(view="tolerance", tolerance=11), "en", phone=False)
    title = explore.t("title_tolerance", "en", tol="11\u00a0%", k=2, n=2)
    assert htmllib.escape(title) in s.html
    audit_column = explore.t("col_status_audit", "en", tol="10\u00a0%")
    assert s.table[audit_column].tolist() == ["mismatch", "approximate"]


# ---- the table as CSV ------------------------------------------------------------------------------------


def test_the_table_shown_as_csv_for_excel_in_either_language(frames):
    indexed = explore.Choice(scale="indexed")
    en = explore.table_csv(explore.shown(frames, indexed, "en", phone=False).table, "en")
    sv = explore.table_csv(explore.shown(frames, indexed, "sv", phone=False).table, "sv")
    assert en.startswith(b"\xef\xbb\xbf") and sv.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark
    en_lines, sv_lines = en.decode("utf-8-sig").splitlines(), sv.decode("utf-8-sig").splitlines()
    assert en_lines[0] == "Year,Arbetsförmedlingen,Kommunen,Others (unpaid)"
    assert sv_lines[0] == "År;Arbetsförmedlingen;Kommunen;Övriga (utan ersättning)"
    # indexed to 2018: Arbetsförmedlingen 96 / 152 = 63.2, Kommunen 57 / 74 = 77.0, Övriga 3 / 17 = 17.6
    assert en_lines[1] == "2016,63.2,77.0,17.6" and sv_lines[1] == "2016;63,2;77,0;17,6"
    counts = explore.table_csv(explore.shown(frames, explore.Choice(view="funded"), "sv", phone=False).table,
                               "sv").decode("utf-8-sig").splitlines()
    # Hofors 2016: 4 granted, 0 used (0.0 %), no women or men stated: empty fields
    assert counts[1] == "Hofors;2016;Individer särskilt långt från arbetsmarknaden;4;0;0,0;;"
    link = explore.download_html(en, "asf-explore-placements", "en")
    address = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)"', link).group(1)
    assert base64.b64decode(address) == en and 'download="asf-explore-placements.csv"' in link


# ---- the widgets ------------------------------------------------------------------------------------------


def test_the_widgets_offer_only_meaningful_choices_and_redraw(frames):
    ex = explore.Explorer(frames, "en")
    assert ex.choice() == explore.Choice()  # the report's choices first
    first = ex.out.value
    assert "<svg" in first and ex.download.value.startswith('<a class="asf-download"')
    assert ex.totals.disabled and ex.base.disabled and ex.beside.disabled  # placed_by: no total is drawn
    assert [v for _, v in ex.scale.options] == list(explore.SCALES)
    ex.measure.value = "informed"
    assert ex.breakdown.value == "total" and ex.per.disabled and ex.totals.disabled
    assert [v for _, v in ex.scale.options] == ["absolute", "indexed"]  # one category: no share
    assert ex.out.value != first and explore.t("axis_year_during", "en") in ex.out.value
    ex.measure.value = "placements"
    ex.breakdown.value = "total"
    assert not ex.totals.disabled and ex.choice().totals == "parts"
    ex.totals.value = "stated"
    assert explore.t("totals_stated", "en") in ex.out.value
    ex.scale.value = "indexed"
    ex.beside.value = True  # the national programme volume beside the placements indexed
    assert not ex.beside.disabled and ex.choice().context
    assert words.t("cat_programme_fye", "en") in ex.out.value
    ex.per.value = "company"  # a ratio: no national volume beside it, no share
    assert ex.beside.disabled and not ex.choice().context and "share" not in [v for _, v in ex.scale.options]
    ex.before.value = (2016, 2017)
    assert explore.t("col_mean", "en", years="2016–2017") in ex.out.value
    ex.view.value = "tolerance"
    assert ex.yearly_box.layout.display == "none" and ex.tolerance_box.layout.display == ""
    ex.tolerance.value = 11.0
    assert htmllib.escape(explore.t("title_tolerance", "en", tol="11\u00a0%", k=2, n=2)) in ex.out.value
    assert "asf-explore-about-figures.csv" in ex.download.value


def test_the_dashboard_language_is_the_one_make_explore_was_given(monkeypatch):
    monkeypatch.delenv(explore_server.LANG_ENV, raising=False)
    assert explore.dashboard_lang("en") == "en" and explore.dashboard_lang("sv") == "sv"
    monkeypatch.setenv(explore_server.LANG_ENV, "sv")
    assert explore.dashboard_lang("en") == "sv"
    monkeypatch.setenv(explore_server.LANG_ENV, "de")
    with pytest.raises(ValueError, match="unknown language"):
        explore.dashboard_lang("en")


# ---- the dashboard's command -------------------------------------------------------------------------------


def test_the_dashboard_listens_on_127_0_0_1_with_a_token_kept_off_its_command_line():
    cmd = explore_server.command(9999)
    assert "--Voila.ip=127.0.0.1" in cmd and "--token" in cmd and "--no-browser" in cmd
    assert f"--template={explore_server.TEMPLATE}" in cmd and str(explore_server.NOTEBOOK) in cmd
    env = explore_server.environment("sv", "secret")
    assert env["JUPYTER_TOKEN"] == "secret" and "secret" not in " ".join(cmd)
    assert env[explore_server.LANG_ENV] == "sv"
    assert env["JUPYTER_PATH"].split(":")[0] == str(explore_server.TEMPLATES)
    template = explore_server.TEMPLATES / "voila" / "templates" / explore_server.TEMPLATE / "index.html.j2"
    assert "http" not in re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
    assert explore_server.address(8866, "abc") == "http://127.0.0.1:8866/?token=abc"


@pytest.mark.parametrize("args", [["--lang", "de"], ["--port", "0"], ["--port", "x"]])
def test_the_dashboard_refuses_bad_arguments_with_exit_code_2(args):
    done = subprocess.run([sys.executable, "-m", "asfdata.explore_server", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stdout == ""
    assert done.stderr.splitlines()[-1].startswith("python -m asfdata.explore_server: error:")
