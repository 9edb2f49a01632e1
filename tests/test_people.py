"""The people model: every reading of the yearly detail, the report's statements tested against them,
minimal correction sets and conflicts; on the report (back tests) and on small hand-made cases."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from prose import before, numbers  # tests/ is on sys.path (pytest rootdir-less import)

from asfdata.pipeline import people, people_statements
from asfdata.pipeline.people_frame import MAX_READINGS, frame_problems, outcome_genders
from asfdata.pipeline.people_notes import PEOPLE, listing

SUMMARY = "Sammanfattning Individinriktade insatser 2016–2018"
LANGS = ("en", "sv")


def hofors(lang: str, *outcomes: str) -> str:
    """The condition that Hofors 2018's unstated outcome was one of outcomes, in lang's words."""
    nouns = [PEOPLE.say(f"noun_{o}", lang) for o in outcomes]
    return PEOPLE.say("fill", lang, 1, unit="Hofors 2018", alternatives=listing(nouns, lang, "or"))


def fp_frame(rows) -> pd.DataFrame:
    """funded_placements from (year, municipality, places_used, women, men); None = not stated."""
    df = pd.DataFrame(rows, columns=["year", "municipality", "places_used", "women", "men"])
    return df.assign(places_granted=df["places_used"], **{c: df[c].astype("Int64") for c in
                     ("places_used", "women", "men")}, source="Detail")


def fo_frame(rows) -> pd.DataFrame:
    """funded_outcomes from (year, municipality, outcome, gender, count)."""
    df = pd.DataFrame(rows, columns=["year", "municipality", "outcome", "gender", "count"])
    return df.assign(count=df["count"].astype("Int64"), source="Detail")


def claims_frame(rows) -> pd.DataFrame:
    """claims from (claim_id, measure, category, gender, municipality, value), all for 2018."""
    df = pd.DataFrame(rows, columns=["claim_id", "measure", "category", "gender", "municipality", "value"])
    return df.assign(year_from=2018, year_to=2018, approximate=False, source=SUMMARY)


@pytest.fixture(scope="module")
def model(frames) -> people.Model:
    return people.Model(frames.funded_placements, frames.funded_outcomes, frames.claims)


# --- the report (back tests) -----------------------------------------------------------------------


def test_the_report_allows_nine_readings(model):
    # Nordanstig 2018: 7 places, 6 women and 1 man; outcomes 1 work, 1 Arbetsförmedlingen, 5 back: the
    # one man is the one to work, to Arbetsförmedlingen or one of the 5 back -> 3 ways.
    # Hofors 2018: 1 woman, outcome not stated: work, Arbetsförmedlingen or back (A15) -> 3 ways.
    # Hudiksvall 2017 (1 woman, extended) and 2018 (1 woman, 1 man, 2 back) leave one way. 3 x 3 = 9.
    assert len(model.readings) == 9
    assert model.frame.open == [(2018, "Hofors"), (2018, "Nordanstig")]
    assert len(model.unfilled) == 3  # Hofors's outcome left unstated: only Nordanstig's 3 ways
    # A04: the extended Hudiksvall 2017 placement continues in Hudiksvall 2018; 11 places - 1 = 10 people
    assert model.frame.next_unit == {(2017, "Hudiksvall"): (2018, "Hudiksvall")}
    assert model.frame.continued() == 1


def test_each_statement_holds_in_all_some_or_no_reading(model):
    t = model.table().set_index("statement_id")
    got = dict(zip(t.index, zip(t["holds"], t["readings_holding"], strict=True), strict=True))
    assert got == {
        # the yearly detail's places, genders placed and outcome counts: the readings are built from them
        "detail-hudiksvall-2017-placed": ("all", 9), "detail-hudiksvall-2017-outcomes": ("all", 9),
        "detail-hofors-2018-placed": ("all", 9), "detail-hofors-2018-outcomes": ("all", 9),
        "detail-hudiksvall-2018-placed": ("all", 9), "detail-hudiksvall-2018-outcomes": ("all", 9),
        "detail-nordanstig-2018-placed": ("all", 9), "detail-nordanstig-2018-outcomes": ("all", 9),
        # Nordanstig's one man went to work in 3 readings (x 3 for Hofors), to Arbetsförmedlingen in 3
        "detail-nordanstig-2018-work-men": ("some", 3),
        "detail-nordanstig-2018-arbetsformedlingen-men": ("some", 3),
        "funded-places-used": ("all", 9),  # 0 + 1 + 1 + 2 + 7 = 11
        "funded-unique-individuals": ("all", 9),  # 11 - 1 continued (A04) = 10
        "funded-outcome-work-count": ("some", 6),  # 1 to work unless Hofors's went to work too: 9 - 3
        "funded-outcome-work-who": ("some", 3),  # a man from Nordanstig: when the man went to work
        "funded-outcome-arbetsformedlingen-count": ("some", 6),  # 9 - 3 with Hofors to Arbetsförmedlingen
        "funded-outcome-arbetsformedlingen-who": ("some", 6),  # a Nordanstig woman: the man went elsewhere
        "funded-outcome-back-count": ("some", 3),  # 7 back stated + Hofors = 8 only if Hofors's was back
        # at most 7 women back: Hudiksvall 2017/18's woman, Nordanstig's 5, Hofors's; Hudiksvall's man is back
        "funded-outcome-back-who": ("none", 0),
    }
    assert list(t.index[:2]) == ["detail-hudiksvall-2017-placed", "detail-hudiksvall-2017-outcomes"]
    assert (t["readings"] == 9).all() and t["basis"].sum() == 8
    for lang in LANGS:
        condition = t[f"condition_{lang}"]
        # 8 back holds if Hofors's unstated outcome was a return to public support; 1 to work if not work
        assert condition["funded-outcome-back-count"] == hofors(lang, "back")
        assert condition["funded-outcome-work-count"] == hofors(lang, "arbetsformedlingen", "back")
        # not a matter of the unstated outcome alone: which Nordanstig person had which outcome
        assert condition["detail-nordanstig-2018-work-men"] == PEOPLE.say("in_readings", lang, k=3, n=9)
        assert condition["funded-outcome-back-who"] == ""


def test_statement_words_in_both_languages(model):
    t = model.table().set_index("statement_id")
    # every statement states the same figures in English and in Swedish
    assert [sorted(numbers(sv)) for sv in t["text_sv"]] == [sorted(numbers(en)) for en in t["text_en"]]
    # what each says, in the words of its kind of statement (asfdata/pipeline/people.toml)
    s = people_statements
    said = {
        "detail-nordanstig-2018-placed": (s.placed_text, "Nordanstig 2018", 7, [("women", 6), ("men", 1)]),
        "detail-nordanstig-2018-outcomes": (s.outcomes_text, "Nordanstig 2018",
                                            [("work", 1), ("arbetsformedlingen", 1), ("back", 5)]),
        "detail-hofors-2018-outcomes": (s.outcomes_text, "Hofors 2018", [("not_stated", 1)]),
        "detail-nordanstig-2018-arbetsformedlingen-men": (s.gender_text, "Nordanstig 2018",
                                                          "arbetsformedlingen", "men", 1, 1),
        "funded-outcome-arbetsformedlingen-who": (s.who_text, 1, "arbetsformedlingen", "women", "Nordanstig"),
        "funded-outcome-back-who": (s.who_text, 8, "back", "women", None),
        "funded-unique-individuals": (s.individuals_text, 10, "2016–2018"),
    }
    for sid, (text, *facts) in said.items():
        assert tuple(t.loc[sid, ["text_en", "text_sv"]]) == s.bilingual(text, *facts), sid
    assert numbers(t.loc["detail-nordanstig-2018-placed", "text_en"]) == ["2018", "7", "6", "1"]


def test_minimal_correction_sets(model):
    c = model.correction_table()
    # Reading "the man went to work, Hofors's outcome back" fails only the detail's "(man)" for
    # Arbetsförmedlingen and the summary's "(kvinnor)": 2 slips. "The man went to Arbetsförmedlingen,
    # Hofors back" fails 4: the detail's and the summary's man to work, the summary's woman to
    # Arbetsförmedlingen, its 8 women. Every other reading fails a superset of one of these two.
    assert c[["set", "size", "smallest", "statements"]].values.tolist() == [
        [1, 2, True, "detail-nordanstig-2018-arbetsformedlingen-men; funded-outcome-back-who"],
        [2, 4, False, "detail-nordanstig-2018-work-men; funded-outcome-work-who; "
                      "funded-outcome-arbetsformedlingen-who; funded-outcome-back-who"],
    ]
    # the smallest: the detail's man to Arbetsförmedlingen and the summary's 8 women back are slips, if
    # Hofors's unstated outcome was a return to public support
    slips = [model.by_id[x] for x in ("detail-nordanstig-2018-arbetsformedlingen-men",
                                      "funded-outcome-back-who")]
    for lang in LANGS:
        assert c.loc[0, f"text_{lang}"] == people.slip_words(slips, hofors(lang, "back"), lang)
        quoted = [s.text[LANGS.index(lang)].rstrip(".") for s in slips]
        assert before(c.loc[0, f"text_{lang}"], *quoted)


def test_conflicts_are_distinct_disagreements(model):
    # Minimal sets no reading satisfies: {back-who}; {work-men, arbetsformedlingen-men} (two men to
    # outcomes, one man placed); {arbetsformedlingen-men, summary's woman to Arbetsförmedlingen}. The
    # summary's "man from Nordanstig to work" holds in exactly the readings the detail's does: the same
    # claim, so {its, arbetsformedlingen-men} is not listed again.
    assert model.conflicts() == [
        ["funded-outcome-back-who"],
        ["detail-nordanstig-2018-work-men", "detail-nordanstig-2018-arbetsformedlingen-men"],
        ["detail-nordanstig-2018-arbetsformedlingen-men", "funded-outcome-arbetsformedlingen-who"],
    ]
    assert model.restated("detail-nordanstig-2018-work-men") == ["funded-outcome-work-who"]


def test_genders_of_the_outcomes_as_the_report_describes_them(frames):
    g = outcome_genders(frames.funded_placements, frames.funded_outcomes)
    fo = frames.funded_outcomes
    got = [[m, str(y), o, gender, str(w), str(n)] for m, y, o, gender, w, n in
           zip(fo["municipality"], fo["year"], fo["outcome"], fo["gender"], g["women"], g["men"],
               strict=True)]
    assert got == [
        ["Hudiksvall", "2017", "extended", "unknown", "1", "0"],  # 1 place used, by 1 woman
        ["Hofors", "2018", "not_stated", "unknown", "1", "0"],  # 1 place used, by 1 woman
        ["Hudiksvall", "2018", "back", "unknown", "1", "1"],  # 1 woman + 1 man, both back
        ["Nordanstig", "2018", "work", "men", "0", "1"],  # as stated
        ["Nordanstig", "2018", "arbetsformedlingen", "men", "0", "1"],  # as stated
        ["Nordanstig", "2018", "back", "unknown", "<NA>", "<NA>"],  # 6 women, -1 men left: no way fits
    ]


# --- small hand-made cases -------------------------------------------------------------------------


def test_a_consistent_case_has_no_corrections():
    # X 2018: 2 places, 1 woman and 1 man; 1 to work (a man, stated), 1 back. The summary: 2 people,
    # 1 to work (a man from X), 1 back (a woman). Readings: the man went to work, or was the one back: 2.
    # In the first every statement holds, so nothing needs correcting and nothing conflicts.
    fp = fp_frame([(2018, "X", 2, 1, 1)])
    fo = fo_frame([(2018, "X", "work", "men", 1), (2018, "X", "back", "unknown", 1)])
    cl = claims_frame([("u", "unique_individuals", "all", None, None, 2),
                       ("w", "outcome", "work", "men", "X", 1), ("b", "outcome", "back", "women", None, 1)])
    m = people.Model(fp, fo, cl)
    assert len(m.readings) == 2
    verdicts = m.table().set_index("statement_id")["holds"].to_dict()
    assert verdicts == {"detail-x-2018-placed": "all", "detail-x-2018-outcomes": "all",
                        "detail-x-2018-work-men": "some", "u": "all", "w-count": "all", "w-who": "some",
                        "b-count": "all", "b-who": "some"}
    assert m.correction_table().empty and m.conflicts() == []
    # who went where is what the statements add; no unstated outcome is involved: every finding is ok
    f = m.findings()
    assert set(f["kind"]) == {"holds"} and (f["stated"] == f["computed"]).all()
    assert f.set_index("statements").loc["w-who", ["note", "note_sv"]].tolist() == list(
        PEOPLE.both("holds_some", k=1, n=2))
    # the outcome genders: the man is the one to work (stated), so the one back is the woman (A14)
    assert outcome_genders(fp, fo)[["women", "men"]].astype(int).values.tolist() == [[0, 1], [1, 0]]


def test_a_detail_gender_that_no_reading_allows():
    # X 2018: 1 place, 1 woman (men not stated: 0, A12); the outcome "work (man)". No reading has a man.
    fp = fp_frame([(2018, "X", 1, 1, None)])
    fo = fo_frame([(2018, "X", "work", "men", 1)])
    cl = claims_frame([("u", "unique_individuals", "all", None, None, 1),
                       ("w", "outcome", "work", "women", "X", 1)])
    m = people.Model(fp, fo, cl)
    verdicts = m.table().set_index("statement_id")["holds"].to_dict()
    assert verdicts["detail-x-2018-work-men"] == "none"
    assert verdicts["w-who"] == "all" and verdicts["w-count"] == "all" and verdicts["u"] == "all"
    assert m.correction_table()["statements"].tolist() == ["detail-x-2018-work-men"]
    f = m.findings().set_index("statements")
    assert f.loc["detail-x-2018-work-men", ["kind", "stated", "computed"]].tolist() == ["conflict", 1, 0]


def test_an_unstated_outcome_makes_a_count_consistent_if():
    # Y 2018: 2 places, 2 women; 1 back, 1 outcome not stated. The summary: 2 back. Readings: the unstated
    # one is work, Arbetsförmedlingen or back (A15): 3; "2 back" holds in 1, with the unstated one back.
    fp = fp_frame([(2018, "Y", 2, 2, None)])
    fo = fo_frame([(2018, "Y", "back", "unknown", 1), (2018, "Y", "not_stated", "unknown", 1)])
    cl = claims_frame([("b", "outcome", "back", None, None, 2)])
    m = people.Model(fp, fo, cl)
    assert len(m.readings) == 3
    row = m.findings().iloc[0]
    assert (row["kind"], row["stated"], row["computed"]) == ("consistent_if", 2, 1)  # 1 back stated
    back = PEOPLE.say("fill", "en", 1, unit="Y 2018", alternatives=PEOPLE.say("noun_back", "en"))
    assert row["note"] == PEOPLE.say("consistent_if", "en", condition=back)
    # had the summary said 3 back, no reading would do: 2 people
    m3 = people.Model(fp, fo, claims_frame([("b", "outcome", "back", None, None, 3)]))
    assert m3.findings().iloc[0][["kind", "computed"]].tolist() == ["conflict", 2]


def test_an_extension_is_the_same_person_and_needs_the_same_gender():
    # Z: 2017 1 woman, extended; 2018 1 woman, back. One person (A04): unique individuals 1.
    fp = fp_frame([(2017, "Z", 1, 1, 0), (2018, "Z", 1, 1, 0)])
    fo = fo_frame([(2017, "Z", "extended", "unknown", 1), (2018, "Z", "back", "unknown", 1)])
    cl = claims_frame([("u", "unique_individuals", "all", None, None, 1)]).assign(year_from=2017)
    assert people.Model(fp, fo, cl).table().set_index("statement_id").loc["u", "holds"] == "all"
    # if 2018 had placed a man, the woman could not continue: no reading at all
    fp_man = fp_frame([(2017, "Z", 1, 1, 0), (2018, "Z", 1, 0, 1)])
    with pytest.raises(people.FrameError, match=re.escape(PEOPLE.say("no_reading", "en"))):
        people.Model(fp_man, fo, cl)


def test_a_detail_that_does_not_fit_its_places_is_refused():
    fp = fp_frame([(2018, "X", 2, 1, 1), (2018, "Y", 2, 3, None)])
    fo = fo_frame([(2018, "X", "back", "unknown", 3), (2018, "Y", "back", "unknown", 2)])
    assert frame_problems(fp, fo) == ["X 2018: outcomes for 3 people, 2 places used",
                                      "Y 2018: 3 women and NA men placed, 2 places used"]
    with pytest.raises(ValueError, match="cannot be read as people: X 2018: outcomes for 3 people"):
        people.Model(fp, fo, claims_frame([]))


def test_too_many_readings_stop_with_a_message():
    # two units of 20 places (10 women, 10 men), every outcome unstated: 66 ways to give 10 women 3
    # outcomes, 66 for the men -> 4 356 per unit, 4 356² = 18 974 736 readings > MAX_READINGS
    fp = fp_frame([(2018, "X", 20, 10, 10), (2018, "Y", 20, 10, 10)])
    fo = fo_frame([(2018, m, "not_stated", "unknown", 20) for m in ("X", "Y")])
    with pytest.raises(ValueError, match=f"allows 18974736 readings; .* at most {MAX_READINGS}"):
        people.Model(fp, fo, claims_frame([]))


def test_minimal_and_hitting_sets():
    a, b, c = "a", "b", "c"
    sets = [frozenset({a, b}), frozenset({a}), frozenset({b, c})]
    assert people.minimal(sets) == [frozenset({a}), frozenset({b, c})]  # {a, b} contains {a}
    # every set of {a,b}, {b,c} is hit by {b}, or by {a, c}
    hits = people.hitting_sets([frozenset({a, b}), frozenset({b, c})])
    assert sorted(map(sorted, hits)) == [["a", "c"], ["b"]]
