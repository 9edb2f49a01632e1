"""Tests of the words (asfdata.render.words) and the chapters' sentences: number formats, both languages,
computed sentences, escaping. A sentence is checked by its figures and by which name each goes with; its
words are the catalogs' (looked up here where a test needs them) and the golden files' (test_golden.py)."""

from __future__ import annotations

import re
from html import escape

import pandas as pd
import pytest
from prose import before, missing, numbers  # tests/ is on sys.path (pytest rootdir-less import)
from test_metrics import audit_frame

from asfdata import registry
from asfdata.chapters import annex_glossary, data_quality, funded, goals, information, placements, summary
from asfdata.render import words
from asfdata.render.html import CHAPTER, cell, h, p, table_html
from asfdata.render.phrases import change_words, source_line
from asfdata.study import AFTER, BASE_YEAR, BEFORE, REFORM_YEAR

LANGS = ("en", "sv")

# ---- words (their keys and languages: test_words.py) -------------------------------------------------------


def test_numbers_in_english_and_swedish():
    assert words.num(1257, "en") == "1,257"
    assert words.num(1257, "sv") == "1\u00a0257"
    assert words.num(134.3333, "en", 1) == "134.3"
    assert words.num(134.3333, "sv", 1) == "134,3"
    assert words.num(-59, "en", sign=True) == "\u221259"
    assert words.num(5, "sv", sign=True) == "+5"
    assert words.num(-0.04, "en", 1) == "0.0"  # no negative zero
    assert words.pct(-38.8158, "en", sign=True) == "\u221238.8\u00a0%"
    assert words.pct(-38.8158, "sv", sign=True) == "\u221238,8\u00a0%"
    assert words.num(float("nan"), "en") == words.DASH
    assert words.num(2016, "sv") == "2\u00a0016" and cell(2016, "year", "sv") == "2016"  # years skip num
    assert words.num(-1257.45, "sv", 1) == "\u22121\u00a0257,5"
    assert words.pct(0, "en", sign=True) == "0.0\u00a0%"
    assert words.years(2016, 2018) == "2016–2018" and words.years(2019, 2019) == "2019"
    assert words.join(["a", "b", "c"], "sv") == f"a, b {words.t('and', 'sv')} c"
    assert words.join(["a"], "en") == "a"
    with pytest.raises(ValueError, match="unknown language"):
        words.t("chapter_00", "de")


def test_names_stay_swedish_and_words_translate():
    for name in ("Arbetsförmedlingen", "Kommunen", "Hälsingland"):  # names are never translated
        assert words.name(name, "en") == words.name(name, "sv") == name
    # the words are the catalog's, under the key the kind of word and the data's value make
    for lang in LANGS:
        assert words.name("Övriga", lang) == words.t("cat_Övriga", lang) != "Övriga"
        assert words.name("women", lang) == words.t("cat_women", lang) != "women"
        group = "Individer med psykisk ohälsa"
        assert words.target_group(group, lang) == words.t(f"tg_{group}", lang)
        assert words.status("mismatch", lang) == words.t("status_mismatch", lang)
        assert words.month(11, lang) == words.t("month_11", lang)
        assert words.period_text("våren", lang) == words.t("period_våren", lang)
    assert words.name("Övriga", "en") != words.name("Övriga", "sv")
    assert words.target_group("okänd målgrupp", "en") == "okänd målgrupp"  # no translation known: as written
    assert words.name("no such category", "sv") == "no such category"


def test_source_line_collapses_yearly_sections():
    line = source_line(["Milstolpar 2018", "Milstolpar 2016", "Milstolpar 2017", "Bakgrund"], "en")
    source = f"{words.t('source_prefix', 'en')}: {words.t('source_report', 'en')}"
    assert line == f"{source}: Bakgrund; Milstolpar 2016–2018"
    assert source_line(["Milstolpar 2016", "Milstolpar 2018"], "sv").endswith(": Milstolpar 2016, 2018")
    sv = source_line(["Individinriktade insatser 2016–2018"], "sv")
    assert sv.startswith(f"{words.t('source_prefix', 'sv')}: ")


# ---- sentences: their figures (tests/prose.py), and which name each figure goes with --------------------


@pytest.mark.parametrize("lang", LANGS)
def test_change_2018_2019_sentence(frames, lang):
    text = placements.change_year_finding(frames.snapshots, lang, BASE_YEAR, REFORM_YEAR)
    # autumn 2018 → autumn 2019 per placing body: 152 → 93 (−59, −38.8 %), 74 → 26 (−48, −64.9 %), 17 → 11
    # (−6, −35.3 %)
    assert missing(["2018", "2019", "152", "93", "-59", "-38.8 %", "74", "26", "-48", "-64.9 %",
                    "17", "11", "-6", "-35.3 %"], text, lang) == []
    items = [placements.t("item_change", lang, placements=words.placed_by(body, lang),
                          **change_words(a, b, lang))
             for body, a, b in (("Arbetsförmedlingen", 152, 93), ("Kommunen", 74, 26), ("Övriga", 17, 11))]
    assert before(text, *items), text  # each body with its own figures, in the report's order


@pytest.mark.parametrize("lang", LANGS)
def test_fell_most_sentence(frames, lang):
    text = placements.fell_most_finding(frames.snapshots, lang)
    # period means: Kommunen (57+65+74)/3 = 65.3 → (26+26)/2 = 26.0, −39.3 in the average autumn count
    # (−60.2 %); Arbetsförmedlingen 134.3 → 87.0, −47.3 (−35.2 %); others 10.0 → 10.5, +0.5 (+5.0 %)
    assert missing(["-60.2 %", "-39.3", "-35.2 %", "-47.3", "+5.0 %", "+0.5", "-47.3"], text, lang) == []
    bodies = ("Kommunen", "Arbetsförmedlingen", "Övriga")
    kommunen, arbetsformedlingen, others = (words.placed_by(b, lang) for b in bodies)
    # ranked by the percent change: Kommunen first, then Arbetsförmedlingen; the others rose
    assert before(text, kommunen, words.pct(-60.2, lang, sign=True), arbetsformedlingen,
                  words.pct(-35.2, lang, sign=True), words.upper_first(others),
                  words.pct(5.0, lang, sign=True)), text
    assert words.direction(0.5, lang) in text
    # in people, the largest fall was Arbetsförmedlingen's: said apart, as it is not the first by per cent
    assert text.endswith(placements.t("finding_fell_most_abs", lang, placements=arbetsformedlingen,
                                      chg=words.num(-47.3, lang, 1, sign=True)))


@pytest.mark.parametrize("lang", LANGS)
def test_funded_and_gender_sentences(frames, lang):
    text = funded.funded_finding(frames.funded_placements, frames.claims, lang)
    # 23 places granted 2016–2018, 11 used (47.8 %) by 10 people; 1 to work, 1 to Arbetsförmedlingen, 8 back
    # (the summary); 2 of 10 reached work or Arbetsförmedlingen: Clopper–Pearson 95 % interval 2.5 %–55.6 %
    assert missing(["23", "2016", "2018", "11", "47.8 %", "10", "1", "1", "8", "2", "2.5 %", "55.6 %"],
                   text, lang) == []
    assert before(text, words.pct(2.5, lang), words.pct(55.6, lang))
    gender = funded.gender_finding(frames.funded_placements, lang)
    assert gender.startswith(funded.t("finding_gender", lang, w=words.num(9, lang), m=words.num(2, lang),
                                      used=words.num(11, lang)))


@pytest.mark.parametrize("lang", LANGS)
def test_contradictions_name_the_published_genders_only(frames, lang):
    def said(*counts: tuple[int, str]) -> str:  # (1, "women"), (5, "unknown") → "1 woman and 5 of unstated …"
        return words.join([funded.t("gender_count", lang, k=words.num(k, lang),
                                    gender=funded.t(f"g_{g}", lang, n=k))
                           for k, g in counts], lang)

    items = funded.contradiction_items(frames.funded_outcomes, frames.claims, lang)
    assert items == [
        funded.t("item_contradiction", lang, outcome=words.name("arbetsformedlingen", lang),
                 detail=said((1, "men")), summary=said((1, "women"))),
        funded.t("item_contradiction", lang, outcome=words.name("back", lang),
                 detail=said((1, "women"), (1, "men"), (5, "unknown")), summary=said((8, "women"))),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_informed_sentence(frames, lang):
    text = information.informed_finding(frames.snapshots, frames.claims, None, lang)
    # 95 + 586 + 235 + 183 + 176 = 1,275 for 2016–2020 against the stated 1,257 (−18); most in 2017 (586)
    assert missing(["1,275", "2016", "2020", "1,257", "-18", "2017", "586"], text, lang) == []
    assert before(text, words.num(1275, lang), words.num(1257, lang), words.num(-18, lang, sign=True))
    assert text.endswith(information.t("informed_swapped", lang))  # 1257 and 1275: two digits swapped


@pytest.mark.parametrize("lang", LANGS)
def test_milestones_are_the_evaluations_coding_and_the_tie_names_both_years(frames, lang):
    ev = frames.events
    # 40 milestones coded from Milstolpar 2016–2020: 8, 10, 6, 10, 6 per year; 2017 and 2019 tie at 10
    assert ev.groupby("year").size().tolist() == [8, 10, 6, 10, 6] and len(ev) == 40
    assert information.top_years(ev) == ([2017, 2019], 10)
    fig = information.fig_timeline(frames, lang).html
    takeaway = information.t("takeaway_timeline", lang, n=2, top_years=words.join(["2017", "2019"], lang),
                             top=words.num(10, lang), total=words.num(40, lang))
    assert takeaway in fig and "(10 " in takeaway  # 10 each / 10 vardera: the "other" form, for two years
    assert information.t("title_timeline", lang, peak_year=2018, n="40", years="2016–2020") in fig
    intro = information.intro(frames, lang).html
    assert missing(["2020", "40"], intro, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_two_february_2017_projects_may_be_one_and_the_counts_if_they_are(frames, lang):
    # Region Gävleborg's implementation project (Milstolpar 2016) and the project Hållbara … (Milstolpar
    # 2017) both start in February 2017: counted as one, 2017 has 10 − 1 = 9 milestones and all 40 − 1 = 39
    groups = information.same_projects(frames.events)
    assert groups == [{"year": 2017, "month": 2, "rows": 2, "actors": ["Region Gävleborg"],
                       "year_count": 9, "total": 39}]
    note = information.same_project_notes(frames.events, lang)
    assert "A16" in note and missing(["2017", "2017", "9", "39"], note, lang) == []
    assert note in information.fig_timeline(frames, lang).html
    # the other projects: different months, or no month (2016, 2018 twice, 2019, 2020)
    other = frames.events.assign(month=frames.events["month"].where(frames.events["year"] != 2017))
    assert information.same_projects(other) == [] and information.same_project_notes(other, lang) == ""


@pytest.mark.parametrize("lang", LANGS)
def test_outcome_intervals_are_exact_confidence_intervals_for_the_underlying_rate(frames, lang):
    # 1 of 10 to work: Clopper–Pearson 95 % 0.3 %–44.5 %; 2 of 10 to work or Arbetsförmedlingen 2.5 %–55.6 %
    fig = funded.fig_outcome_intervals(frames, lang).html
    said = {"en": ("Clopper–Pearson", "95\u00a0% confidence interval", "underlying rate"),
            "sv": ("Clopper–Pearson", "95-procentiga konfidensintervall", "underliggande andelen")}[lang]
    for key in ("h_outcomes", "subtitle_intervals", "caption_intervals", "intervals_note"):
        text = funded.WORDS[key].form(lang)
        assert said[0] in text and said[1] in text, key
    for key in ("subtitle_intervals", "caption_intervals", "what_intervals", "finding_funded",
                "intervals_note"):
        assert said[2] in funded.WORDS[key].form(lang), key
    assert funded.t("title_intervals", lang, k="1", n="10", lo=words.pct(0.3, lang),
                    hi=words.pct(44.5, lang)) in fig
    glossary = words.t("glossary_text_exact_interval", lang)
    assert said[2] in glossary


@pytest.mark.parametrize("lang", LANGS)
def test_five_points_say_what_they_cannot_show(frames, lang):
    bullets = placements.five_points(frames, lang)
    assert len(bullets) == 4
    # lower in every autumn 2019–2020 than in any autumn 2016–2018: Arbetsförmedlingen (93, 81 < 152 at
    # least) and Kommunen (26, 26 < 57); not the others (11 and 10 against 3 in 2016)
    # the bodies as nouns inside the sentence (body_ texts: 'kommunerna', 'övriga'), not as table names
    lower = words.join([words.body("Arbetsförmedlingen", lang), words.body("Kommunen", lang)], lang)
    rest = placements.t("five_can_partly", lang, items=words.body("Övriga", lang))
    assert bullets[0] == placements.t("five_can", lang, lower=lower, rest=rest, before="2016–2018",
                                      after="2019–2020")
    assert missing(["34", "28", "2018"], bullets[2], lang) == []  # companies 34 → 28; funded up to 2018
    assert bullets[3] == placements.t("five_no_test", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_pandemic_is_a_second_cause_in_2020(frames, lang):
    text = placements.pandemic_finding(frames.snapshots, frames.events, lang)
    # the sum of the parts from autumn 2019 to autumn 2020: 130 → 117 (−10.0 %); the stated totals 130 → 123
    # (−7 / 130 = −5.4 %), the other reading of the same change
    assert missing(["2020", "2019", "130", "117", "-10.0 %", "123", "-5.4 %"], text, lang) == []
    assert text == placements.t("finding_pandemic", lang, year=2020, ya=2019, yb=2020, after="2019–2020",
                                **change_words(130, 117, lang), **change_words(130, 123, lang, prefix="s_"))


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


def test_audit_section_mismatches_first_and_escaped(frames):
    a = audit_frame()
    a.loc[0, "note"] = "<script>x</script>"
    f = frames.replace(audit=a)
    html = data_quality.audit_section(f, "en").html
    shown = {words.status(s, "en"): s for s in ("mismatch", "approximate", "ok")}  # each status's word
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    assert [shown[c] for c in cells if c in shown] == ["mismatch", "mismatch", "approximate", "ok"]
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    for lang in LANGS:
        finding = data_quality.audit_finding(a, lang)
        assert p(finding) in data_quality.audit_section(f, lang).html
        # 4 checks: 2 mismatch, 0 consistent_if, 1 approximate, 1 ok
        assert [f for f in numbers(finding) if f.isdigit()] == ["4", "2", "0", "1", "1"], finding
    assert f">{words.status('mismatch', 'sv')}</td>" in data_quality.audit_section(f, "sv").html
    # each edition shows the scope in its own language's column of audit.csv
    assert ">placerade 2018 per placerande aktör</td>" in data_quality.audit_section(f, "sv").html
    assert ">people placed 2018 by placing body</td>" in html
    missing_audit = data_quality.audit_section(frames.replace(audit=None), "en").html
    assert missing_audit.endswith(p(data_quality.t("audit_missing", "en"))) and "<table" not in missing_audit


def test_assumptions_section(frames):
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
    html = data_quality.assumptions_section(frames.replace(assumptions=a), "sv").html
    assert html.index("A01") < html.index("A02") and html.startswith(h(data_quality.t("h_assumptions", "sv")))
    assert ">första</td>" in html and "second" not in html
    # a quotation of the report is marked as Swedish, a file name as code, any other markup escaped
    # (its numbers bound by a no-break space: 1 257 never breaks across lines)
    assert '>rapporten anger <q lang="sv">1\u00a0257 personer</q></td>' in html
    assert "><code>funded_<wbr>outcomes.csv</code> har &lt;den&gt;</td>" in html
    english = data_quality.assumptions_section(frames.replace(assumptions=a), "en").html
    assert '>the report says <q lang="sv">1\u00a0257 personer</q></td>' in english


def test_summary_sections(frames):
    f = frames.replace(audit=audit_frame())
    kf = summary.key_findings(f, "en").html
    # first what was delivered (chapter 5's outputs: the goal table above gives the verdicts), then one
    # finding for each other numbered chapter, each led by its name
    numbered = ["05"] + [c.id for c in registry.REPORT_CHAPTERS
                         if c.id.isdigit() and 0 < int(c.id) < registry.APPENDIX and c.id != "05"]
    items = re.findall(r"<li><strong>([^<]*)\.</strong> ([^<]*)</li>", kf)
    assert [name for name, _ in items] == [escape(summary.t(f"finding_prefix_{c}", "en")) for c in numbered]
    assert kf.count("<li>") == len(numbered)
    # at most two sentences and three numbers (years aside) per finding
    for _, text in items:
        assert len(re.findall(r"[.!?](?:\s|$)", text)) <= 2, text
        assert len([x for x in numbers(text) if not re.fullmatch(r"20\d\d", x)]) <= 3, text
    lim = summary.limitations(f, "en").html
    assert lim.startswith(h(summary.t("h_limitations", "en"))) and lim.count("<li>") == 9
    # 1 of 10 to work: exact 95 % interval 0.3 %–44.5 %; the stated totals 244 and 123 against their parts 243
    # and 117; the period total 1,257 against the yearly figures' 1,275
    assert missing(["10", "0.3 %", "44.5 %", "2018", "244", "243", "2020", "123", "117", "1,257", "1,275"],
                   lim, "en") == []
    assert before(lim, "2018", "244", "243", "2020", "123", "117", "1,257", "1,275")
    for key in ("limit_own_account", "limit_costs"):  # the implementer's account, no costs
        assert escape(summary.t(key, "en"), quote=False) in lim
    terms = [e.key.removeprefix("glossary_term_") for e in words.SHARED.prefixed("glossary_term_")]
    years = {"base": BASE_YEAR, "reform_year": REFORM_YEAR, "before": words.years(*BEFORE),
             "after": words.years(*AFTER)}
    assert {"asf", "mysam", "arbetsformedlingen", "kommunen", "reserved_contract"} <= set(terms)
    for lang in LANGS:
        gl = annex_glossary.glossary(lang).html
        assert gl.startswith(h(words.chapter_heading("12", lang), CHAPTER))
        dts = re.findall(r"<dt>([^<]*)</dt>\n<dd>[^<]+</dd>", gl)  # every term with its meaning
        assert dts == [escape(words.t(f"glossary_term_{x}", lang, **years)) for x in terms]
        assert "{" not in gl  # the study's years filled in
    heading = words.chapter_heading("02", "sv")
    assert heading.startswith("2 ") and placements.intro(f, "sv").html.startswith(h(heading, CHAPTER))


@pytest.mark.parametrize("lang", LANGS)
def test_the_answer_comes_first_with_the_verdicts_it_counts(frames, lang):
    """The one-sentence bottom line: collaboration groups in 6 of 10 municipalities; 1 of 10 people to work;
    of five goals none met: 2 partly met (known, structures), 2 not met (use, funded), 1 cannot tell
    (knowledge); five autumn counts."""
    text = summary.answer(frames, lang).html
    assert text.startswith('<p class="asf-answer">') and text.count(". ") == 0  # one sentence
    assert missing(["6", "10", "1", "2016", "2", "2", "1"], text, lang) == []
    assert text.count(words.number_word(5, lang)) == 2  # five goals, five autumn counts
    assert goals.verdicts(goals.figures(frames)) == {
        "knowledge": "cannot_tell", "known": "partly", "structures": "partly", "use": "not_met",
        "funded": "not_met"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_goal_table_and_what_to_ask_for_next(frames, lang):
    table = summary.goals_table(frames, lang).html
    rows = re.findall(r"<tr>" + r"<td[^>]*>([^<]*)</td>" * 4 + r"</tr>", table)
    assert [r[2] for r in rows] == [goals.t(f"verdict_{v}", lang) for v in
                                    ("cannot_tell", "partly", "partly", "not_met", "not_met")]
    # each verdict beside its criterion: the municipalities' goals against all 10, the funded against all 23
    criteria = [r[1] for r in rows]
    assert criteria[0] == goals.t("goal_knowledge_criterion_short", lang)
    assert missing(["10"], criteria[1], lang) == missing(["10"], criteria[2], lang) == []
    assert missing(["23"], criteria[4], lang) == []
    # reasons: 45 trained; documents in 3 of 10; groups in 6 of 10, 4 still in 2019; the path of the counts
    # (2018, 2016, 2020); 11 of 23 places (under half), 1 of 10 to work
    reasons = [r[3] for r in rows]
    assert missing(["45"], reasons[0], lang) == [] and missing(["3", "10"], reasons[1], lang) == []
    assert missing(["6", "10", "4", "2019"], reasons[2], lang) == []
    assert missing(["2018", "2016", "2020"], reasons[3], lang) == []
    assert missing(["11", "23", "1", "10"], reasons[4], lang) == []
    nxt = summary.next_steps(frames.replace(audit=audit_frame()), lang).html
    assert nxt.count("<li>") == len(summary.ASKS) == 7
    assert "90" in nxt  # follow outcomes up, e.g. 90 days after a placement ends


def test_verdicts_follow_the_rubric():
    # a goal about the municipalities: all → met, some → partly, none → not met
    assert [goals.verdict_share(k, 10) for k in (10, 4, 0)] == ["met", "partly", "not_met"]
    # a planned number: 23 planned, 23 → met, 12 (at least half) → partly, 11 → not met
    assert [goals.verdict_planned(k, 23) for k in (23, 12, 11)] == ["met", "partly", "not_met"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_logic_model_counts_what_the_report_counts(frames, lang):
    """Inputs: 23 places granted; outputs: 1,257 contacts (the years sum to 95 + 586 + 235 + 183 + 176 =
    1,275), 45 staff trained, groups in 6 municipalities, 4 documents in 3 municipalities, 11 places used by
    10 people; outcomes: people placed 156 (2016), 244 or 243 (2018), 123 or 117 (2020), 1 of 10 to work."""
    html = str(goals.rubric_section(frames, lang))
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    cells = [re.findall(r"<td[^>]*>([^<]*)</td>", r) for r in rows]
    chain = [c for c in cells if len(c) == 3]
    assert [c[0] for c in chain] == [goals.t(f"stage_{k}", lang) for k in goals.STAGES]
    assert missing(["23"], chain[0][2], lang) == []
    assert missing(["1,257", "1,275", "45", "6", "4", "3", "11", "10"], chain[2][2], lang) == []
    assert before(chain[3][2], "156", "2016", "244", "243", "2018", "123", "117", "2020")
    levels = [c for c in cells if len(c) == 2]
    assert [c[0] for c in levels] == [goals.t(f"verdict_{k}", lang) for k in goals.RUBRIC]


@pytest.mark.parametrize("lang", LANGS)
def test_the_size_of_a_disputed_change_is_a_factor_in_people(frames, lang):
    # employees 2016 → 2020: +30 from the autumn count 179, +9 from the background's 200; 30 / 9 = 3.3
    text = str(goals.sensitivity_section(frames, lang))
    assert missing(["3.3", "30", "9"], text.rsplit("<p>", 1)[1], lang) == []
