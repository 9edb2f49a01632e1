"""The audit's rules on small hand-made frames (pass and fail), and on the real data (back test)."""

from __future__ import annotations

import re
from collections import Counter
from functools import partial

import pandas as pd
import pytest
from prose import numbers  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata.cli import main
from asfdata.numbers import num, pct
from asfdata.paths import RAW_DIR
from asfdata.pipeline import audit, statements
from asfdata.pipeline.audit_notes import AUDIT, key_word
from asfdata.pipeline.data import read_processed
from asfdata.pipeline.errors import RawDataError
from asfdata.pipeline.people import gender_name
from asfdata.pipeline.people_notes import PEOPLE
from asfdata.pipeline.statements import checked_frames
from asfdata.pipeline.validate import load_raw


def snap(rows):
    """A snapshots frame from (year, measure, group, category, value) tuples."""
    df = pd.DataFrame(rows, columns=["year", "measure", "group", "category", "value"])
    return df.assign(value=df["value"].astype("Int64"), source="S " + df["year"].astype(str))


def claims(rows):
    """A claims frame from (id, measure, category, gender, municipality, y0, y1, value, approx)."""
    cols = ["claim_id", "measure", "category", "gender", "municipality", "year_from", "year_to",
            "value", "approximate"]
    return pd.DataFrame(rows, columns=cols).assign(source="Summary")


def records(rows) -> list[dict]:
    """Audit rows as dicts, whether a rule returned a frame or a list."""
    return rows.to_dict("records") if isinstance(rows, pd.DataFrame) else rows


WORK_MEN, AF_MEN = "detail-nordanstig-2018-work-men", "detail-nordanstig-2018-arbetsformedlingen-men"
MEASURES = pd.DataFrame({"measure": ["employees", "placements", "people_active", "informed"],
                         "sum_of": ["", "", "employees; placements", ""]})


def test_total_vs_parts_passes_and_fails():
    df = snap([(2018, "placements", "total", "all", 244), (2018, "placements", "placed_by", "A", 152),
               (2018, "placements", "placed_by", "K", 74), (2018, "placements", "placed_by", "O", 17),
               (2019, "placements", "total", "all", 130), (2019, "placements", "placed_by", "A", 93),
               (2019, "placements", "placed_by", "K", 26), (2019, "placements", "placed_by", "O", 11)])
    rows = records(audit.total_vs_parts(df))
    assert [(r["key"], r["stated"], r["computed"], r["difference"], r["status"]) for r in rows] == [
        (("placements", "2018", "placed_by"), 244, 243, 1, "mismatch"),
        (("placements", "2019", "placed_by"), 130, 130, 0, "ok"),
    ]
    assert rows[0]["scope"] == ("placements", "2018", "by", "placed_by")  # words: scope_words
    assert (rows[0]["note"], rows[0]["note_sv"]) == AUDIT.both("off_by_one")
    assert rows[0]["sources"] == "S 2018"


def test_total_vs_parts_skips_unstated_parts():
    df = snap([(2016, "employees", "total", "all", 10), (2016, "employees", "gender", "women", 4),
               (2016, "employees", "gender", "men", None)])
    assert records(audit.total_vs_parts(df)) == []


def test_mechanical_notes_in_english_and_swedish():
    # numbers as the report writes them (Babel): English 1,257; Swedish a no-break space between thousands
    en, sv = audit.mechanical_note(1257, 1275)
    assert re.findall(r"\d[\d,\u00a0]*", en) == ["1,257", "1,275"]
    assert re.findall(r"\d[\d,\u00a0]*", sv) == ["1\u00a0257", "1\u00a0275"]
    assert (en, sv) == AUDIT.both("swapped", a=partial(num, 1257), b=partial(num, 1275))
    assert audit.mechanical_note(244, 243) == AUDIT.both("off_by_one")
    assert audit.mechanical_note(123, 117, {"A": 81, "K": 26, "O": 10}) == AUDIT.both("no_cause")
    # 81 + 26 + 61 = 168: the part O written 61 for 16 would make the parts add up to the stated total
    written = audit.mechanical_note(168, 123, {"A": 81, "K": 26, "Övriga": 16})
    assert written == AUDIT.both("written", name=partial(key_word, "Övriga"), w=61, v=16)
    assert [numbers(note) for note in written] == [["61", "16"]] * 2
    assert audit.mechanical_note(5, 5) == ("", "")


def test_period_total_and_approximate_claims():
    frames = {
        "snapshots": snap([(y, "informed", "total", "all", v) for y, v in [(2016, 95), (2017, 586)]]
                          + [(2016, "employees", "total", "all", 179),
                             (2016, "placements", "total", "all", 156)]),
        "funded_placements": pd.DataFrame(columns=["year", "municipality", "places_used", "source"]),
        "claims": claims([
            ("p", "informed", "all", None, None, 2016, 2017, 681, False),
            ("q", "informed", "all", None, None, 2016, 2017, 618, False),
            ("e", "employees", "all", None, None, 2016, 2016, 200, True),
            ("f", "employees", "all", None, None, 2016, 2016, 190, True),
            ("a", "people_active", "all", None, None, 2016, 2016, 350, True),
        ]),
    }
    rows = audit.claims_vs_detail(frames, MEASURES)
    got = [(r["check"], r["stated"], r["computed"], r["status"]) for r in rows]
    assert got == [
        ("period_total_vs_years", 681, 681, "ok"),
        ("period_total_vs_years", 618, 681, "mismatch"),
        ("same_figure_two_sections", 200, 179, "mismatch"),  # 10.5 % off: outside ±10 %
        ("same_figure_two_sections", 190, 179, "approximate"),  # 5.8 % off
        ("same_figure_two_sections", 350, 335, "approximate"),  # employees + placements
    ]


def test_where_an_approximate_status_would_flip_and_what_its_digits_imply():
    # ca 200 against 179: |179 − 200| / 200 = 10.5 %, a mismatch under ±10 %, agreement from 10.5 %;
    # ca 350 against 335: 15 / 350 = 4.29 %, agreement under ±10 %, a mismatch below 4.3 %
    assert audit.flip_tolerance(200, 179) == pytest.approx(0.105)
    assert audit.flip_tolerance(350, 335) == pytest.approx(15 / 350) and round(15 / 350 * 100, 1) == 4.3
    assert [audit.approx_status(200, 179), audit.approx_status(350, 335)] == ["mismatch", "approximate"]
    # the rounding the digits imply: 200 to the nearest hundred is 150–249 (holds 179), 350 to the nearest
    # ten 345–354 (not 335): in both checks the digits' reading gives the other status
    assert [audit.rounding_unit(n) for n in (200, 350, 35, 6000, 0)] == [100, 10, 1, 1000, 1]
    assert audit.rounding_span(200) == (150, 249) and audit.rounding_span(350) == (345, 354)
    assert audit.rounding_span(35) == (35, 35) and audit.rounding_span(40000) == (35000, 44999)
    assert audit.unit_words(100, "sv") == AUDIT.say("unit_100", "sv")
    assert audit.unit_words(10000, "sv") == AUDIT.say("unit_other", "sv", unit="10\u00a0000")
    employees = audit.approximate_note(200, 179, "mismatch")
    active = audit.approximate_note(350, 335, "approximate")
    # −10.5 % off, ±10 %, agreement from 10.5 %, ca 200 covers 150–249, which includes 179
    assert [numbers(n) for n in employees] == [
        ["\u221210.5\u00a0%", "10\u00a0%", "10.5\u00a0%", "200", "150", "249", "179"],
        ["\u221210,5\u00a0%", "10\u00a0%", "10,5\u00a0%", "200", "150", "249", "179"]]
    # −4.3 % off, ±10 %, a mismatch below 4.3 %, ca 350 covers 345–354, which excludes 335
    assert [numbers(n) for n in active] == [
        ["\u22124.3\u00a0%", "10\u00a0%", "4.3\u00a0%", "350", "345", "354", "335"],
        ["\u22124,3\u00a0%", "10\u00a0%", "4,3\u00a0%", "350", "345", "354", "335"]]
    for lang, i in (("en", 0), ("sv", 1)):
        assert employees[i].split("; ")[2] == AUDIT.say("flip_agree", lang, flip=pct(10.5, lang))
        assert active[i].split("; ")[2] == AUDIT.say("flip_mismatch", lang, flip=pct(15 / 350 * 100, lang))
        assert employees[i].split("; ")[3] == AUDIT.say(
            "rounding_in", lang, stated="200", unit=AUDIT.say("unit_100", lang), span="150\u2013249",
            computed="179")
        assert active[i].split("; ")[3] == AUDIT.say(
            "rounding_out", lang, stated="350", unit=AUDIT.say("unit_10", lang), span="345\u2013354",
            computed="335")
    # equal figures: no tolerance makes a mismatch, so no flip is named (the approximate text has two parts)
    assert len(audit.approximate_note(200, 200, "approximate")[0].split("; ")) == 3


def fp_frame(rows) -> pd.DataFrame:
    """funded_placements from (year, municipality, places_used, women, men); None = not stated."""
    df = pd.DataFrame(rows, columns=["year", "municipality", "places_used", "women", "men"])
    return df.assign(places_granted=df["places_used"], source="D",
                     **{c: df[c].astype("Int64") for c in ("places_used", "women", "men")})


def fo_frame(rows) -> pd.DataFrame:
    """funded_outcomes from (year, municipality, outcome, gender, count)."""
    df = pd.DataFrame(rows, columns=["year", "municipality", "outcome", "gender", "count"])
    return df.assign(count=df["count"].astype("Int64"), source="D")


def test_funded_detail_rules_pass_and_fail():
    fp = fp_frame([(2017, "X", 2, 2, 0), (2018, "X", 3, 2, 1), (2018, "Y", 2, 1, None),
                   (2018, "Z", 2, 3, None)])
    fo = fo_frame([(2017, "X", "back", "unknown", 1), (2018, "X", "back", "unknown", 3),
                   (2018, "Y", "work", "unknown", 2), (2018, "Z", "back", "unknown", 2)])
    used = {":".join(r["key"]): (r["stated"], r["computed"], r["status"])
            for r in records(audit.outcomes_vs_places_used(fp, fo))}
    # one row per municipality-year, no total row (it would repeat a gap under a second name)
    assert used == {"X:2017": (1, 2, "mismatch"), "X:2018": (3, 3, "ok"), "Y:2018": (2, 2, "ok"),
                    "Z:2018": (2, 2, "ok")}
    genders = {":".join(r["key"]): (r["stated"], r["computed"], r["status"])
               for r in records(audit.genders_placed_vs_places_used(fp))}
    assert genders == {"X:2017": (2, 2, "ok"),  # 2 women + 0 men = 2 places
                       "X:2018": (3, 3, "ok"),  # 2 + 1 = 3
                       "Y:2018": (1, 2, "ok"),  # 1 woman stated, men the place left (A12)
                       "Z:2018": (3, 2, "mismatch")}  # 3 women in 2 places
    # the people model needs a detail that fits its places: no people rows when it does not
    assert audit.people_rows(claims([]), fp, fo).empty


def test_funded_people_rows_on_a_small_case():
    # X 2018: 2 places, 2 women; outcomes "work (man)" 1 and back 1. The summary: 2 individuals, 1 to work
    # (a woman from X), 2 back. No reading has a man (2 women placed): the detail's "(man)" conflicts.
    # "2 back" holds in none either: 2 people, 1 of them to work.
    fp = fp_frame([(2018, "X", 2, 2, None)])
    fo = fo_frame([(2018, "X", "work", "men", 1), (2018, "X", "back", "unknown", 1)])
    cl = claims([("u", "unique_individuals", "all", None, None, 2018, 2018, 2, False),
                 ("w", "outcome", "work", "women", "X", 2018, 2018, 1, False),
                 ("b", "outcome", "back", None, None, 2018, 2018, 2, False)])
    got = {(r["check"], *r["key"]): (r["scope"], r["stated"], r["computed"], r["status"], r["statements"])
           for r in records(audit.people_rows(cl, fp, fo))}
    assert got == {
        ("outcome_genders_vs_placed", "detail-x-2018-work-men"): (
            ("X", "2018", "work", "men"), 1, 0, "mismatch", "detail-x-2018-work-men"),
        ("summary_outcome_count", "b-count"): (("outcome", "back"), 2, 1, "mismatch", "b-count"),
        ("unique_individuals_vs_places_used", "u"): (("funded_placements", "2018–2018"), 2, 2, "ok", "u"),
        ("summary_outcome_count", "w-count"): (("outcome", "work"), 1, 1, "ok", "w-count"),
        ("summary_outcome_gender", "w-who"): (("outcome", "work", "women", "X"), 1, 1, "ok", "w-who"),
    }
    summary = audit.summary_outcomes_vs_individuals(cl)[0]
    assert (summary["stated"], summary["computed"], summary["status"]) == (3, 2, "mismatch")  # 1 + 2 outcomes


def test_funded_people_rows_when_the_detail_allows_no_reading():
    # Z 2017: 1 woman, extended; Z 2018: 1 man, back. A04 needs the woman to continue in 2018, where only a
    # man was placed: no reading exists. One row says so (2 places used, 0 people read), nothing else.
    fp = fp_frame([(2017, "Z", 1, 1, 0), (2018, "Z", 1, 0, 1)])
    fo = fo_frame([(2017, "Z", "extended", "unknown", 1), (2018, "Z", "back", "unknown", 1)])
    got = records(audit.people_rows(claims([]), fp, fo))
    assert [(r["check"], r["stated"], r["computed"], r["status"]) for r in got] == [
        ("people_readings", 2, 0, "mismatch")]
    assert (got[0]["note"], got[0]["note_sv"]) == PEOPLE.both("no_reading")


def test_within_stated_range():
    cl = claims([("lo", "staffing_percent", "min", None, None, 2016, 2020, 50, False),
                 ("hi", "staffing_percent", "max", None, None, 2016, 2020, 100, False),
                 ("x", "staffing_percent", "raised", None, None, 2019, 2019, 80, False),
                 ("y", "staffing_percent", "cut", None, None, 2019, 2019, 25, False)])
    got = [(r["key"], r["scope"], r["stated"], r["computed"], r["status"], r["statements"])
           for r in audit.within_stated_range(cl)]
    assert got == [(("x",), ("staffing_percent", "2019", "raised"), 80, 80, "ok", "x; lo; hi"),
                   (("y",), ("staffing_percent", "2019", "cut"), 25, 50, "mismatch", "y; lo; hi")]


@pytest.fixture(scope="module")
def real_audit():
    return checked_frames(load_raw(RAW_DIR), RAW_DIR)["audit"]  # as the build makes it


def test_real_audit_mismatches_back_test(real_audit):
    bad = real_audit[real_audit["status"] != "ok"]
    got = sorted(zip(bad["audit_id"], bad["stated"], bad["computed"], bad["status"], strict=True))
    assert got == [
        # Nordanstig 2018: "1 vidare till arbete (man) 1 vidare till Arbetsförmedlingen (man)", 1 man placed
        (f"outcome_genders_vs_placed:{WORK_MEN}+{AF_MEN}", 2, 1, "mismatch"),
        ("period_total_vs_years:informed-period-total", 1257, 1275, "mismatch"),
        ("same_figure_two_sections:background-employees-2016", 200, 179, "mismatch"),
        ("same_figure_two_sections:background-people-active-2016", 350, 335, "approximate"),
        # 1 to Arbetsförmedlingen: 1 or 2 (Hofors); 8 back: 7 stated + Hofors; 1 to work: 1 or 2 (Hofors)
        ("summary_outcome_count:funded-outcome-arbetsformedlingen-count", 1, 1, "consistent_if"),
        ("summary_outcome_count:funded-outcome-back-count", 8, 7, "consistent_if"),
        ("summary_outcome_count:funded-outcome-work-count", 1, 1, "consistent_if"),
        # the summary's woman to Arbetsförmedlingen against the detail's man
        (f"summary_outcome_gender:{AF_MEN}+funded-outcome-arbetsformedlingen-who", 1, 0, "mismatch"),
        # 8 women back: at most 7 (Hudiksvall 2018's man went back too)
        ("summary_outcome_gender:funded-outcome-back-who", 8, 7, "mismatch"),
        ("total_vs_parts:placements:2018:placed_by", 244, 243, "mismatch"),
        ("total_vs_parts:placements:2020:placed_by", 123, 117, "mismatch"),
    ]
    scopes = real_audit.set_index("audit_id").loc[[g[0] for g in got], ["scope", "scope_sv"]]
    assert scopes.values.tolist()[0] == ["Nordanstig 2018 men", "Nordanstig 2018 män"]
    assert scopes.values.tolist()[-1] == ["people placed 2020 by placing body",
                                          "placerade 2020 per placerande aktör"]
    # before the people model: 42 checks, 9 mismatch, 1 approximate, 32 ok
    assert len(real_audit) == 39 and (real_audit["status"] == "ok").sum() == 28


def test_real_audit_funded_rows_one_per_disagreement(real_audit):
    funded = real_audit[real_audit["measure"].isin(["outcome", "unique_individuals", "places_used"])
                        & (real_audit["year_to"] <= 2018)]
    got = {r.audit_id: (r.stated, r.computed, r.status, r.statements) for r in funded.itertuples()
           if r.check not in ("outcomes_vs_places_used", "genders_placed_vs_places_used")}
    assert got == {
        # the detail's two men with outcomes against one man placed; the summary's "man from Nordanstig to
        # work" holds in exactly the readings the detail's "work (man)" does: the same claim, listed once
        f"outcome_genders_vs_placed:{WORK_MEN}+{AF_MEN}": (
            2, 1, "mismatch", f"{WORK_MEN}; funded-outcome-work-who; {AF_MEN}"),
        f"summary_outcome_gender:{AF_MEN}+funded-outcome-arbetsformedlingen-who": (
            1, 0, "mismatch", f"{AF_MEN}; funded-outcome-arbetsformedlingen-who"),
        "summary_outcome_gender:funded-outcome-back-who": (8, 7, "mismatch", "funded-outcome-back-who"),
        "summary_outcome_count:funded-outcome-work-count": (
            1, 1, "consistent_if", "funded-outcome-work-count"),
        "summary_outcome_count:funded-outcome-arbetsformedlingen-count": (
            1, 1, "consistent_if", "funded-outcome-arbetsformedlingen-count"),
        "summary_outcome_count:funded-outcome-back-count": (
            8, 7, "consistent_if", "funded-outcome-back-count"),
        "unique_individuals_vs_places_used:funded-unique-individuals": (
            10, 10, "ok", "funded-unique-individuals"),  # 11 places − 1 extension continued (A04)
        "summary_outcomes_vs_individuals:funded-unique-individuals": (
            10, 10, "ok", "funded-unique-individuals; funded-outcome-arbetsformedlingen; "
                          "funded-outcome-back; funded-outcome-work"),  # 1 + 8 + 1
        "period_total_vs_years:funded-places-used": (11, 11, "ok", "funded-places-used"),
    }
    for lang, column in (("en", "note"), ("sv", "note_sv")):
        notes = real_audit.set_index("audit_id")[column]
        # 8 back holds if Hofors 2018's unstated outcome was a return to public support
        hofors = PEOPLE.say("fill", lang, 1, unit="Hofors 2018", alternatives=PEOPLE.say("noun_back", lang))
        assert notes["summary_outcome_count:funded-outcome-back-count"] == PEOPLE.say(
            "consistent_if", lang, condition=hofors)
        # 8 women back: in none of the 9 readings; at most 7, as Hudiksvall 2018's man went back too
        rest = PEOPLE.say("other_people", lang, g=gender_name("men", 1, lang), n=1, unit="Hudiksvall 2018")
        assert notes["summary_outcome_gender:funded-outcome-back-who"] == PEOPLE.say(
            "holds_none", lang, n=9, computed=7, beside=PEOPLE.say("beside", lang, rest=rest), again="")
    # the detail's four used municipality-years: outcomes and genders fit the places (A12: 0 men where
    # one place was used by one woman)
    checks = ["outcomes_vs_places_used", "genders_placed_vs_places_used"]
    detail = real_audit[real_audit["check"].isin(checks)]
    assert len(detail) == 8 and set(detail["status"]) == {"ok"}


def test_audit_rows_found_by_columns_not_words(real_audit):
    # every row names its measure and years; the report's statements where it checks one
    assert real_audit["measure"].ne("").all() and real_audit["year_from"].notna().all()
    assert (real_audit["year_from"] <= real_audit["year_to"]).all()
    row = real_audit[(real_audit["measure"] == "placements") & (real_audit["year_from"] == 2018)]
    assert row[["check", "stated", "computed"]].values.tolist() == [["total_vs_parts", 244, 243]]
    by_claim = real_audit[real_audit["statements"] == "informed-period-total"]
    assert by_claim["computed"].tolist() == [1275]


def test_real_audit_sources_and_notes(real_audit):
    informed = real_audit[real_audit["audit_id"] == "period_total_vs_years:informed-period-total"].iloc[0]
    assert informed["sources"].split("; ") == [
        "Milstolpar 2016", "Milstolpar 2017", "Milstolpar 2018", "Milstolpar 2019", "Milstolpar 2020",
        "Sammanfattning Strukturinriktade insatser 2016–2020"]
    assert AUDIT.say("swapped", "en", a="1,257", b="1,275") in informed["note"]
    assert (real_audit["difference"] == real_audit["stated"] - real_audit["computed"]).all()
    cited = set(real_audit["note"].str.findall(r"\bA\d{2}\b").explode().dropna())
    assert cited and cited <= set(read_processed("assumptions")["id"])


def figures(text: str, lang: str) -> list[str]:
    """The figures of a note in lang, written the English way without a percent sign (1,257; −10.5)."""
    plain = [f.removesuffix("\u00a0%") for f in numbers(text)]
    return plain if lang == "en" else [f.replace(",", ".").replace("\u00a0", ",") for f in plain]


def test_every_note_is_written_in_swedish_from_the_same_facts(real_audit):
    notes = real_audit.set_index("audit_id")
    # 5 yearly figures over 5 years add up to 1,275 against the stated 1,257: two digits swapped
    summed = AUDIT.both("summed", n=5, k=5)
    swapped = AUDIT.both("swapped", a=partial(num, 1257), b=partial(num, 1275))
    assert tuple(notes.loc["period_total_vs_years:informed-period-total", ["note", "note_sv"]]) == tuple(
        f"{a}; {b}" for a, b in zip(summed, swapped, strict=True))
    # ca 200 employees against 179 autumn 2016: (179 − 200) / 200 = −10.5 %, outside ±10 %
    approximate = AUDIT.both("approximate", pct=partial(pct, -10.5, decimals=1, sign=True),
                             tol=partial(pct, 10, decimals=0))
    employees = "same_figure_two_sections:background-employees-2016"
    assert [notes.at[employees, c].startswith(a) for c, a in zip(("note", "note_sv"), approximate,
                                                                          strict=True)] == [True, True]
    # each approximate check says where its status would flip and what its digits imply: employees ca 200
    # against 179 (agrees from 10.5 %; 150–249 holds 179), people active ca 350 against 335 = 179 + 156
    # (a mismatch below 4.3 %; 345–354 does not hold 335)
    active = "same_figure_two_sections:background-people-active-2016"
    for key, figures_status in ((employees, (200, 179, "mismatch")), (active, (350, 335, "approximate"))):
        assert notes.at[key, "status"] == figures_status[2]
        said = audit.approximate_note(*figures_status)
        assert [notes.at[key, c].startswith(n) for c, n in zip(("note", "note_sv"), said, strict=True)] == [
            True, True]
    # every figure of an English note is in its Swedish note ("off by one" says its 1 in words)
    unsaid = [(Counter(figures(en, "en")) - Counter(figures(sv, "sv"))).total()
              for en, sv in zip(real_audit["note"], real_audit["note_sv"], strict=True)]
    assert unsaid == [0] * len(real_audit) and sum(len(figures(n, "en")) for n in real_audit["note"]) > 20
    # the same assumptions cited, and a Swedish note exactly where there is an English one
    ids = [re.findall(r"\bA\d{2}\b", n) for n in real_audit["note"]]
    assert [re.findall(r"\bA\d{2}\b", n) for n in real_audit["note_sv"]] == ids
    assert (real_audit["note"].eq("") == real_audit["note_sv"].eq("")).all()


def test_audit_command_prints_mismatches_first_and_strict_fails(capsys):
    assert main(["audit"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "7 mismatch, 3 consistent_if, 1 approximate, 28 ok (39 checks)"
    body = [ln.split()[0] for ln in out.splitlines()[3:] if ln and not ln.startswith(" ")]
    assert body == sorted(body, key=["mismatch", "consistent_if", "approximate", "ok"].index)
    assert main(["audit", "--strict"]) == 1



def test_a_note_citing_an_assumption_the_log_lacks_is_refused(monkeypatch):
    """The notes' citations are checked in the catalogs before the build; one made otherwise is caught too."""
    made, cited = statements.audit, []

    def citing_a99(frames, measures):
        out = made(frames, measures)
        notes = out["note"].copy()
        notes.iloc[0] += " (A99)"
        cited.append(out["audit_id"].iloc[0])
        return out.assign(note=notes)

    monkeypatch.setattr(statements, "audit", citing_a99)
    with pytest.raises(RawDataError) as err:
        checked_frames(load_raw(RAW_DIR), RAW_DIR)
    assert [str(p) for p in err.value.problems] == [
        f"audit.csv, column 'note', value 'A99': the audit's note of {cited[0]} cites assumption A99, which "
        "assumptions.csv does not have: add its row there, or correct the note's words"]
