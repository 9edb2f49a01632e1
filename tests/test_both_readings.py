"""No disputed figure's change is quoted without its other reading, anywhere in either built edition
(issue 21).

The autumn counts with two readings are computed here from data/processed: the people placed in each year
whose stated total differs from the sum of its placing bodies' parts (today 2018 and 2020), and the
employees of the year whose count the report's background states otherwise ("ca 200" beside the autumn
count of 2016). Every change between two autumn counts with a disputed end is read both ways (the
placements' stated totals at both ends, or the sums of the parts; the employees' autumn count, or the
background's figure), as the editions write it: the percent change (`words.pct`, one decimal, signed) and
the change in people (`words.num`, signed); a change is kept in a language when its two readings'
percentages are written differently there.

The rule, per block: where one reading's percent change appears, the other reading's change (its
percentage, or its signed change in people) appears in the same block. A block is a paragraph, list item,
term or description, heading, table caption, a whole table (its caption aside), a chart's drawing (its
texts) or its alternative text; a figure's title, subtitle, takeaway and source are paragraphs, each a block
of its own; text in no block is one up to the next element that is not inline. A percentage is matched as
a whole number (16.8 % is not in 116.8 %), with its own sign or none (a contradicting sign: another figure).
As two changes can round alike, and a change can round like a share, a percentage is read as the changes
whose two years the block names; when it names neither year of any, a signed percentage could be each of
them and a bare one is taken for another figure (a share: "1 of 10 (10.0 %)"). In a table, a signed number
in a column whose header says "%" is a percent change, of the two years the header names if it does
(unsigned, it is a share or a rate). The block passes when one change the percentage could be has its other
reading there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import combinations

import pandas as pd
import pytest
from conftest import LANGS

from asfdata import metrics, study
from asfdata.chapters import goals
from asfdata.numbers import DASH
from asfdata.render import words

HEADINGS = {f"h{n}" for n in range(1, 7)}
BLOCKS = {"p", "li", "dt", "dd", "caption", "title", "table", "svg"} | HEADINGS
WHOLE = {"table", "svg"}  # a block with every element inside (but a table's caption)
SKIPPED = {"script", "style", "template"}  # never shown
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
          "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}  # no word boundary
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SPACES = re.compile(r"\s+")  # every white space, the no-break and narrow no-break spaces among them
SIGNED_NUMBER = re.compile(r"[+−]\d[\d ]*(?:[.,]\d+)?")  # a change as the editions write it in a table
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year named, alone or in a range (2016–2020, 2016→2020)
SCOPE = "⟨{}→{}⟩"  # after a percentage in a table column of the change between two years (never shown)
SCOPED = SCOPE.format(r"(\d{4})", r"(\d{4})")  # SCOPE as a pattern: its years groups 1 and 2
SHOWN = 120  # characters of a block's text a violation shows


def normal(text: str) -> str:
    """Text with every run of white space one space, one space between a number and its percent sign and
    a hyphen-minus before a digit written as the editions' minus sign (U+2212)."""
    text = SPACES.sub(" ", text).strip()
    text = re.sub(r"(?<=\d) ?%", " %", text)
    return re.sub(r"(?<![\w-])-(?=\d)", "−", text)


# ---- the disputed changes, from data/processed -------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """One reading of a change: its name and the counts at both ends (people)."""

    name: str
    start: float
    end: float

    def percent(self, lang: str) -> str:
        """The change in percent as the editions write it ('−46.7 %'), normalised."""
        return normal(words.pct(metrics.pct_change(self.start, self.end), lang, sign=True))

    def people(self, lang: str) -> str:
        """The change in people, signed, as the editions write it ('−114'), normalised."""
        return normal(words.num(self.end - self.start, lang, sign=True))


@dataclass(frozen=True)
class Change:
    """A change between two autumn counts of a measure, with one disputed end or two: its two readings."""

    measure: str
    year_from: int
    year_to: int
    readings: tuple[Reading, Reading]

    def label(self) -> str:
        """The measure and its years, as a violation names them ('placements 2018→2019')."""
        return f"{self.measure} {self.year_from}→{self.year_to}"


def readings_by_year(frames: dict) -> dict[str, dict[str, pd.Series]]:
    """measure -> reading -> count per autumn (people): the placements' stated total and the sum of the
    placing bodies' parts; the employees' autumn count and the background's figure (in its year, the
    autumn count elsewhere)."""
    s = frames.snapshots
    placed = goals.placements(s)
    employees = metrics.wide(metrics.series(s, "employees"))["all"]
    claim = metrics.claim(frames.claims, study.CLAIM_BACKGROUND_EMPLOYEES)
    assert claim["measure"] == "employees" and claim["year_from"] == claim["year_to"], claim
    background = employees.copy()
    background[int(claim["year_from"])] = float(claim["value"])
    return {"placements": {"stated total": placed["stated"], "sum of the parts": placed["parts"]},
            "employees": {"autumn count": employees, "background's figure": background}}


def disputed_changes(frames: dict) -> list[Change]:
    """Every change between two autumn counts of which one end or both are disputed (the readings differ
    there), read both ways."""
    out = []
    for measure, readings in readings_by_year(frames).items():
        (a_name, a), (b_name, b) = readings.items()
        disputed = {int(y) for y in a.index if a[y] != b[y]}
        for y0, y1 in combinations(sorted(int(y) for y in a.index), 2):
            if {y0, y1} & disputed:
                out.append(Change(measure, y0, y1, (Reading(a_name, a[y0], a[y1]),
                                                    Reading(b_name, b[y0], b[y1]))))
    return out


def quoted_apart(changes: list[Change], lang: str) -> list[Change]:
    """The changes whose two readings' percentages are written differently in lang (and are defined)."""
    out = []
    for c in changes:
        first, other = (r.percent(lang) for r in c.readings)
        if first != other and DASH not in (first, other):
            out.append(c)
    return out


# ---- the blocks of a page ----------------------------------------------------------------------------------


class Blocks(HTMLParser):
    """The blocks of a page (see the module's docstring): (place, kind, text), the place being the id of the
    section it stands in; text normalised (`normal`)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str, str]] = []
        self.open: list[tuple[str, list[str]]] = []  # the blocks open, innermost last: (tag, pieces)
        self.loose: list[str] = []  # text in no block, up to the next element that is not inline
        self.skipping = 0  # depth inside a script or style
        self.place = "title page"
        self.cell: tuple[int, str] | None = None  # in a table cell: where its text starts, its header
        self.headers: list[str] = []  # the current table's column headers, in order
        self.column = 0
        self.head = False  # in a table's thead

    def emit(self, kind: str, pieces: list[str]) -> None:
        """A block of this kind from the pieces of its text, unless it is empty."""
        text = normal("".join(pieces))
        if text:
            self.blocks.append((self.place, kind, text))

    def target(self) -> list[str]:
        """Where text goes: the innermost block open, else the text in no block."""
        return self.open[-1][1] if self.open else self.loose

    def whole(self) -> bool:
        """True inside a table or a chart: no block opens there but a table's caption."""
        return any(tag in WHOLE for tag, _ in self.open)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in SKIPPED or self.skipping:
            self.skipping += tag not in VOID
            return
        if tag == "section" and a.get("id"):
            self.place = a["id"]
        alt = a.get("alt") if tag == "img" else a.get("aria-label") if a.get("role") == "img" else None
        if alt:
            self.emit("alternative text", [alt])
        if tag in INLINE:
            return
        self.emit("text", self.loose)
        self.loose = []
        self.target().append(" ")
        if tag in BLOCKS and (not self.whole() or tag == "caption"):
            self.open.append((tag, []))
        self.table_cell_starts(tag, a)

    def table_cell_starts(self, tag: str, a: dict) -> None:
        """A table's column headers and each cell's: where its text starts, its header (data-label, as the
        editions give it, else the header of its column)."""
        if tag == "table":
            self.headers = []
        elif tag in ("thead", "tbody"):
            self.head = tag == "thead"
        elif tag == "tr":
            self.column = 0
        elif tag in ("td", "th") and self.open and self.open[-1][0] == "table":
            header = a.get("data-label") or (self.headers[self.column] if self.column < len(self.headers)
                                             else "")
            self.cell = (len(self.open[-1][1]), header if tag == "td" else "")
            self.column += 1

    def table_cell_ends(self, tag: str) -> None:
        """A header's text kept; a signed number in a column whose header says % read as a percentage, of
        the change between the two years the header names, if it does (SCOPE)."""
        if tag not in ("td", "th") or self.cell is None or not self.open or self.open[-1][0] != "table":
            return
        pieces = self.open[-1][1]
        start, header = self.cell
        text = normal("".join(pieces[start:]))
        if tag == "th" and self.head:
            self.headers.append(text)
        elif "%" in header and SIGNED_NUMBER.fullmatch(text):
            years = YEAR.findall(header)
            pieces.append(" %" + (SCOPE.format(*years) if len(years) == 2 else ""))
        self.cell = None

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= 1
            return
        if tag in INLINE:
            return
        self.table_cell_ends(tag)
        self.emit("text", self.loose)
        self.loose = []
        if any(t == tag for t, _ in self.open):
            while self.open:
                t, pieces = self.open.pop()
                self.emit(t, pieces)
                if t == tag:
                    break
        self.target().append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.target().append(data)


def blocks_of(html: str) -> list[tuple[str, str, str]]:
    """(place, kind, text) of every block of a page, in its order (a block inside another first)."""
    parser = Blocks()
    parser.feed(html)
    parser.close()
    parser.emit("text", parser.loose)
    while parser.open:  # an element the page never closed
        tag, pieces = parser.open.pop()
        parser.emit(tag, pieces)
    return parser.blocks


# ---- the rule ----------------------------------------------------------------------------------------------


def percent_pattern(percent: str) -> re.Pattern:
    """A percentage with or without its sign, not part of a longer number (16.8 % is not in 116.8 %): the
    sign found is group 1; the years of a table column's change (SCOPE), when marked, groups 2 and 3."""
    return re.compile(rf"(?<![\d.,])([+−]?){re.escape(percent.lstrip('+−'))}(?:{SCOPED})?")


def people_pattern(people: str) -> re.Pattern:
    """A signed change in people, not part of a longer number nor a percentage."""
    return re.compile(rf"(?<![\d.,]){re.escape(people)}(?![\d]|[.,]\d| ?%)")


def occurrences(percent: str, text: str) -> list[tuple[str, tuple[int, int] | None]]:
    """Where text has the percentage, with its own sign or none (a contradicting sign is another figure):
    (the sign found, the years of its table column's change or None)."""
    sign = percent[0] if percent[0] in "+−" else ""
    return [(m.group(1), (int(m.group(2)), int(m.group(3))) if m.group(2) else None)
            for m in percent_pattern(percent).finditer(text) if m.group(1) in ("", sign)]


def has_reading(c: Change, i: int, text: str, lang: str) -> bool:
    """True when text quotes the change's reading i: its percentage (not in a column of another change),
    or its change in people."""
    years = (c.year_from, c.year_to)
    return (any(scope in (None, years) for _, scope in occurrences(c.readings[i].percent(lang), text))
            or bool(people_pattern(c.readings[i].people(lang)).search(text)))


def could_be(changes: list[Change], lang: str) -> dict[str, list[tuple[Change, int]]]:
    """Each percentage a reading of the changes is written as in lang -> the (change, reading) it could be."""
    out: dict[str, list[tuple[Change, int]]] = {}
    for c in changes:
        for i, reading in enumerate(c.readings):
            out.setdefault(reading.percent(lang), []).append((c, i))
    return out


def alone(text: str, could: dict[str, list[tuple[Change, int]]], lang: str) -> list[str]:
    """What the block's text lacks: for each percentage of a reading it quotes without the other reading,
    every change it could be and that one's other reading. A percentage could be each change whose reading
    is written so (could_be): in a table column of a change, that change; else those whose two years the
    block names, or when it names neither year of any, each of them if it is signed (a bare one is then
    another figure, a share). It passes when one change it could be has its other reading in the block."""
    years = {int(y) for y in YEAR.findall(text)}
    out = []
    for percent, candidates in could.items():
        lacks: list[str] = []
        for sign, scope in occurrences(percent, text):
            named = [(c, i) for c, i in candidates if {c.year_from, c.year_to} <= years]
            if scope:
                which = [(c, i) for c, i in candidates if (c.year_from, c.year_to) == scope]
            else:
                which = named or (candidates if sign else [])
            if any(has_reading(c, 1 - i, text, lang) for c, i in which):
                continue
            lacks += [f"{c.label()} by the {c.readings[i].name} without the {c.readings[1 - i].name} "
                      f"({c.readings[1 - i].percent(lang)} or {c.readings[1 - i].people(lang)})"
                      for c, i in which]
        if lacks:
            out.append(f"{percent}: {' / '.join(dict.fromkeys(lacks))}")
    return out


def violations(html: str, changes: list[Change], lang: str, edition: str) -> list[str]:
    """One line per block of the page that quotes a disputed change without its other reading: the
    edition, where, the block's text (first SHOWN characters, as a reader sees it) and what it lacks."""
    could = could_be(quoted_apart(changes, lang), lang)
    out = []
    for place, kind, text in blocks_of(html):
        if "%" in text:
            shown = re.sub(SCOPED, "", text)[:SHOWN]
            out += [f"{edition}, {place}, {kind}: {shown!r}: {what}" for what in alone(text, could, lang)]
    return out


# ---- the tests ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def changes(frames) -> list[Change]:
    return disputed_changes(frames)


def test_the_disputed_changes_are_those_the_data_give(changes):
    # placements, stated total 156 230 244 130 123 (2016-2020); parts 96+57+3 = 156, 155+65+10 = 230,
    # 152+74+17 = 243, 93+26+11 = 130, 81+26+10 = 117: 2018 and 2020 disputed, 7 of the 10 pairs of years
    # touch one; employees: autumn count 179 in 2016, the background's "ca 200": 2016 with each later year.
    assert [c.label() for c in changes] == [
        "placements 2016→2018", "placements 2016→2020", "placements 2017→2018", "placements 2017→2020",
        "placements 2018→2019", "placements 2018→2020", "placements 2019→2020",
        "employees 2016→2017", "employees 2016→2018", "employees 2016→2019", "employees 2016→2020"]
    assert all(quoted_apart(changes, lang) == changes for lang in LANGS)  # every pair's readings differ
    fall = changes[4].readings  # 2018→2019: 244→130 = −114, −46.7 %; 243→130 = −113, −46.5 %
    assert [(r.percent("en"), r.people("en"), r.percent("sv")) for r in fall] == [
        ("−46.7 %", "−114", "−46,7 %"), ("−46.5 %", "−113", "−46,5 %")]
    rise = changes[-1].readings  # 179→209 = +30, +16.8 %; 200→209 = +9, +4.5 %
    assert [(r.percent("sv"), r.people("sv")) for r in rise] == [("+16,8 %", "+30"), ("+4,5 %", "+9")]


# 2018→2019: 100 → 50 people (−50.0 %, −50) by one reading, 100 → 60 (−40.0 %, −40) by the other;
# 2017→2019: 80 → 40 (−50.0 %, the first's first percentage again), 90 → 40 (−55.6 %, −50 people again).
TOY = [Change("toy", 2018, 2019, (Reading("first", 100, 50), Reading("second", 100, 60))),
       Change("toy", 2017, 2019, (Reading("first", 80, 40), Reading("second", 90, 40)))]
SECOND = "toy 2018→2019 by the second without the first (−50.0 % or −50)"


def toy(html: str, lang: str = "en") -> list[str]:
    """The violations of a page in lang against TOY, each without the edition and place."""
    return [v.split(", ", 2)[2] for v in violations(html, TOY, lang, lang)]


def test_the_checker_finds_a_change_quoted_alone():
    found = toy("<main><h2>It fell by 40.0 % (2018–2019)</h2><p>From 2018 to 2019 it fell 50.0 % (−50), or "
                "40.0 % (−40).</p><figure><figcaption><p>Fell −40.0 %</p><p>A share: 50.0 %</p></figcaption>"
                "<svg role='img' aria-label='Fell 40.0 % from 2018 to 2019'><text>2018</text></svg></figure>"
                "<ul><li>From 2018 to 2019: 40,0 %</li></ul></main>")
    assert found == [f"h2: 'It fell by 40.0 % (2018–2019)': −40.0 %: {SECOND}",
                     f"p: 'Fell −40.0 %': −40.0 %: {SECOND}",  # a figure's title: signed, a change
                     f"alternative text: 'Fell 40.0 % from 2018 to 2019': −40.0 %: {SECOND}"]
    # the paragraph with both readings passes, a bare 50.0 % naming no year is a share, and 40,0 % no
    # English percentage; each can fail, in either language:
    found = toy("<p>From 2018 to 2019 it fell 50.0 %.</p><p>A share: 50.0 % (2017–2019)</p>"
                "<ul><li>−40,0 % 2018–2019</li></ul>")
    assert found == [
        "p: 'From 2018 to 2019 it fell 50.0 %.': −50.0 %: toy 2018→2019 by the first without the second "
        "(−40.0 % or −40)",  # not 2017→2019: the block names 2018 and 2019
        "p: 'A share: 50.0 % (2017–2019)': −50.0 %: toy 2017→2019 by the first without the second "
        "(−55.6 % or −50)"]
    swedish = toy("<p>From 2018 to 2019 it fell 50,0 %.</p><p>A share: 50,0&nbsp;% (2017–2019)</p>"
                  "<ul><li>−40.0 % 2018–2019</li></ul>", "sv")
    assert [v.replace(",", ".") for v in swedish] == found


def test_the_checker_reads_tables_signs_and_number_boundaries():
    table = ("<section id='ch-x'><table><caption>Changes 2018–2019, −40.0 % by the second</caption>"
             "<thead><tr><th>Reading</th><th>Share (%)</th><th>Change (%)</th></tr></thead><tbody>"
             "<tr><td>first</td><td>50.0</td><td>−50.0</td></tr>{more}</tbody></table></section>")
    assert toy(table.format(more="")) == [
        f"caption: 'Changes 2018–2019, −40.0 % by the second': −40.0 %: {SECOND}",
        "table: 'Reading Share (%) Change (%) first 50.0 −50.0 %': −50.0 %: toy 2018→2019 by the first "
        "without the second (−40.0 % or −40) / toy 2017→2019 by the first without the second "
        "(−55.6 % or −50)"]
    more = "<tr><td>second</td><td>60.0</td><td data-label='Change (%)'>−40.0</td></tr>"
    assert toy(table.format(more=more))[1:] == []  # the table has both; its caption has one
    column = ("<table><thead><tr><th>2018</th><th>Change {} (%)</th></tr></thead><tbody><tr><td>100</td>"
              "<td>−50.0</td></tr></tbody></table>")
    assert toy(column.format("2016–2019")) == []  # the column's change is 2016→2019: none of TOY's
    assert toy(column.format("2018–2019")) == [
        "table: '2018 Change 2018–2019 (%) 100 −50.0 %': −50.0 %: toy 2018→2019 by the first without the "
        "second (−40.0 % or −40)"]  # of the two changes written −50.0 %, the column's
    assert toy("<p>2018–2019: 140.0 %, 40.05 %, +40.0 %, 140,0 % and −40.0 people</p>") == []  # none is it
    # a block naming the change's years passes with the other reading in people, or its percentage
    # written apart; the years tell the changes apart: 2017→2019's other reading is not 2018→2019's
    assert toy("<p>−40.0% in 2018–2019, by the other reading −50</p>"
               "<p>2018: -50.0 %, 2019: −40.0 %</p>") == []
    assert toy("<p>2017 to 2019: −50.0 %, and −40 people</p>") == [
        "p: '2017 to 2019: −50.0 %, and −40 people': −50.0 %: toy 2017→2019 by the first without the second "
        "(−55.6 % or −50)"]


def test_no_disputed_change_is_quoted_without_its_other_reading(real_reports, changes):
    found = []
    for lang, path in real_reports.items():
        found += violations(path.read_text(encoding="utf-8"), changes, lang, path.name)
    assert not found, f"{len(found)} blocks quote a disputed change alone:\n" + "\n".join(found)
