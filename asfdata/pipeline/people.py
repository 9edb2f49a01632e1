"""The people of the funded placements, reasoned about exactly (issue 10 §1).

Pure functions of the tidy frames funded_placements (fp), funded_outcomes (fo) and claims; no I/O.
Every reading the yearly detail allows (people_frame) is enumerated; each statement of the report about
these people (people_statements) holds in all, some or none of them. When no reading satisfies every
statement together, the minimal correction sets are the smallest sets of statements that, taken as
slips, leave all the others true in one reading; the conflicts (minimal sets of statements that no
reading satisfies together) are the distinct disagreements the audit lists. Two statements that hold
in exactly the same readings (the summary restating the detail) are one claim: a conflict is never
listed twice under their two names.
"""

from __future__ import annotations

from functools import partial
from itertools import product

import pandas as pd

from asfdata.catalogs import LANGS
from asfdata.numbers import num
from asfdata.pipeline import people_notes
from asfdata.pipeline.people_frame import GENDERS, NOT_STATED, FrameError, frame, outcome_genders, readings
from asfdata.pipeline.people_notes import PEOPLE
from asfdata.pipeline.people_statements import BASIS, Statement, detail_statements, summary_statements

__all__ = ["HOLDS", "FrameError", "Model", "correction_sets", "outcome_genders", "statement_table"]
HOLDS = ("all", "some", "none")  # a statement holds in all, some or none of the readings
Words = dict[str, tuple[int, str]]  # statement id -> (line of the report's text, the report's own words)


def report_words(statements: pd.DataFrame | None) -> Words:
    """The report's own words of each statement that has them, with their line (statements.csv: line,
    quote_sv); empty without a statements frame."""
    if statements is None or statements.empty:
        return {}
    said = statements[statements["quote_sv"].notna() & statements["line"].notna()]
    return {i: (int(n), str(q)) for i, n, q in zip(said["statement_id"], said["line"], said["quote_sv"],
                                                  strict=True)}


def minimal(sets: list[frozenset]) -> list[frozenset]:
    """The inclusion-minimal sets among sets (duplicates dropped), smallest first."""
    out: list[frozenset] = []
    for s in sorted(set(sets), key=len):
        if not any(k <= s for k in out):
            out.append(s)
    return out


def hitting_sets(family: list[frozenset]) -> list[frozenset]:
    """The inclusion-minimal sets that share an element with every set of family (Berge's algorithm)."""
    hits: list[frozenset] = [frozenset()]
    for s in family:
        hits = minimal([h if h & s else h | {x} for h in hits for x in ([None] if h & s else s)])
    return hits


class Model:
    """The readings of the yearly detail and what each statement of the report says in each."""

    def __init__(self, fp: pd.DataFrame, fo: pd.DataFrame, claims: pd.DataFrame, basis: bool = True,
                 statements: pd.DataFrame | None = None):
        self.words = report_words(statements)  # what notes quote; without it they give the model's reading
        self.frame = frame(fp, fo)
        self.statements = detail_statements(self.frame, fo, basis) + summary_statements(claims)
        self.by_id = {s.id: s for s in self.statements}
        self.order = {s.id: i for i, s in enumerate(self.statements)}
        self.tested = [s for s in self.statements if s.kind not in BASIS]
        self.readings = readings(self.frame)
        if not self.readings:
            raise FrameError(PEOPLE.say("no_reading", "en"), sv=PEOPLE.say("no_reading", "sv"))
        self.unfilled = readings(self.frame, (NOT_STATED,))
        self.fill_units = [u for u in self.frame.open if NOT_STATED in self.frame.split(u, self.readings[0])]
        self.fixed = {s.id: self.fixed_count(s) for s in self.tested}
        self.detail_sources = self.frame.units[["year", "source"]].drop_duplicates()
        self.masks = {s.id: tuple(self.holds(s, r) for r in self.readings) for s in self.tested}

    # --- what a statement counts ---------------------------------------------------------------------

    def fixed_count(self, s: Statement) -> int:
        """The part of a summary statement's count that no reading changes (people or places)."""
        y0, y1 = s.years
        if s.kind == "places_used":
            u = self.frame.units
            return int(u.loc[u["year"].between(y0, y1), "places"].sum())
        f = self.frame.fixed
        sel = f["year"].between(y0, y1)
        for col, want in (("outcome", s.outcome), ("gender", s.gender), ("municipality", s.municipality)):
            if want is not None:
                sel &= f[col] == want
        return int(f.loc[sel, "people"].sum())

    def count(self, s: Statement, reading: dict) -> int:
        """What the statement counts in one reading (people, or places for places_used)."""
        if s.kind == "detail_gender":
            assert s.unit is not None and s.outcome is not None  # a detail names its unit, outcome and gender
            return self.frame.split(s.unit, reading).get(s.outcome, (0, 0))[GENDERS.index(s.gender)]
        n = self.fixed[s.id] if s.id in self.fixed else self.fixed_count(s)
        if s.kind == "places_used":
            return n
        for (y, m), option in reading.items():
            if s.years[0] <= y <= s.years[1] and s.municipality in (None, m):
                n += sum(
                    k
                    for (g, o), k in option.cells.items()
                    if s.outcome in (None, o) and s.gender in (None, g)
                )
        return n

    def holds(self, s: Statement, reading: dict) -> bool:
        """Whether the statement holds in the reading (a detail gender: at least that many)."""
        n = self.count(s, reading)
        return n >= s.value if s.kind == "detail_gender" else n == s.value

    def closest(self, s: Statement, among: list[dict]) -> int:
        """The count among the given readings nearest to the statement's figure (the lower on a tie)."""
        values = sorted({self.count(s, r) for r in among})
        return min(values, key=lambda v: (abs(v - s.value), v)) if values else 0

    # --- verdicts, corrections, conflicts -------------------------------------------------------------

    def verdict(self, sid: str) -> str:
        """all, some or none: in how many readings the statement holds (basis statements: all)."""
        if self.by_id[sid].kind in BASIS:
            return "all"
        mask = self.masks[sid]
        return HOLDS[0] if all(mask) else HOLDS[1] if any(mask) else HOLDS[2]

    def false_set(self, i: int) -> frozenset:
        """The tested statements that do not hold in reading i."""
        return frozenset(s.id for s in self.tested if not self.masks[s.id][i])

    def corrections(self) -> list[frozenset]:
        """Minimal correction sets: smallest first, then in report order; empty when all statements agree."""
        sets = minimal([self.false_set(i) for i in range(len(self.readings))])
        if frozenset() in sets:
            return []
        return sorted(sets, key=lambda c: (len(c), sorted(self.order[x] for x in c)))

    def same_claim(self, sid: str) -> str:
        """The first statement (report order) holding in exactly the readings sid holds in ('some' only)."""
        if self.verdict(sid) != "some":
            return sid
        return next(s.id for s in self.tested if self.masks[s.id] == self.masks[sid])

    def conflicts(self) -> list[list[str]]:
        """Distinct minimal conflicts, as statement ids in report order (one per claim, see same_claim)."""
        out: list[list[str]] = []
        corrections = self.corrections()
        for hit in hitting_sets(corrections) if corrections else []:
            ids = sorted({self.same_claim(x) for x in hit}, key=self.order.__getitem__)
            if ids not in out:
                out.append(ids)
        return sorted(out, key=lambda ids: (len(ids), [self.order[x] for x in ids]))

    def restated(self, sid: str) -> list[str]:
        """Other statements that are the same claim as sid."""
        return [s.id for s in self.tested if s.id != sid and self.same_claim(s.id) == self.same_claim(sid)]

    # --- conditions -----------------------------------------------------------------------------------

    def fills(self, i: int) -> tuple:
        """What the unstated outcomes became in reading i, per unit with any."""
        return tuple(self.readings[i][u].fill for u in self.fill_units)

    def condition(self, idx: set[int], lang: str, exact: bool = True) -> str | None:
        """The unstated outcomes of the readings idx, in words; None when they may be anything.

        exact: the readings idx must be exactly those with these unstated outcomes (else 'k of n')."""
        n = len(self.readings)
        ok = {self.fills(i) for i in idx}
        if not exact and ok == {self.fills(i) for i in range(n)}:
            return None
        fallback = PEOPLE.say("in_readings", lang, k=len(idx), n=n)
        if exact and ok & {self.fills(i) for i in range(n) if i not in idx}:
            return fallback
        every = [sorted({self.fills(i)[j] for i in range(n)}) for j in range(len(self.fill_units))]
        alts = [
            sorted({k[j] for k in ok}, key=lambda f: [people_notes.outcome_rank(o) for o in f])
            for j in range(len(self.fill_units))
        ]
        if set(product(*alts)) != ok:
            return fallback
        parts = [
            fill_words(u, a, lang) for u, a, e in zip(self.fill_units, alts, every, strict=True) if a != e
        ]
        return people_notes.listing(parts, lang) or None

    # --- frames for the chapter and the audit ---------------------------------------------------------

    def table(self) -> pd.DataFrame:
        """One row per statement: id, section, role, basis, text en/sv, holds, readings, condition."""
        n, rows = len(self.readings), []
        for s in self.statements:
            holds = self.verdict(s.id)
            k = n if s.kind in BASIS else sum(self.masks[s.id])
            idx = set() if s.kind in BASIS else {i for i, h in enumerate(self.masks[s.id]) if h}
            cond = [self.condition(idx, lang) if holds == "some" else "" for lang in LANGS]
            rows.append(
                {
                    "statement_id": s.id,
                    "claim_id": s.claim,
                    "section": s.source,
                    "role": s.role,
                    "basis": s.kind in BASIS,
                    "text_en": s.text[0],
                    "text_sv": s.text[1],
                    "holds": holds,
                    "readings_holding": k,
                    "readings": n,
                    "condition_en": cond[0],
                    "condition_sv": cond[1],
                }
            )
        return pd.DataFrame(rows)

    def correction_table(self) -> pd.DataFrame:
        """One row per minimal correction set: its statements and, in plain words, what it means."""
        sets, rows = self.corrections(), []
        for k, c in enumerate(sets, start=1):
            members = sorted(c, key=self.order.__getitem__)
            real = {i for i in range(len(self.readings)) if self.false_set(i) == c}
            texts = [
                slip_words([self.by_id[x] for x in members], self.condition(real, lang, exact=False), lang,
                           self.words)
                for lang in LANGS
            ]
            rows.append(
                {
                    "set": k,
                    "size": len(c),
                    "smallest": len(c) == len(sets[0]),
                    "statements": "; ".join(members),
                    "text_en": texts[0],
                    "text_sv": texts[1],
                }
            )
        return pd.DataFrame(rows, columns=["set", "size", "smallest", "statements", "text_en", "text_sv"])

    def findings(self) -> pd.DataFrame:
        """For the audit, one row each: a distinct disagreement (conflict); a statement outside every
        conflict that some value of an unstated outcome rules out (consistent_if, with the values that
        keep it); any other statement outside every conflict (holds)."""
        rows, busy = [], set()
        for ids in self.conflicts():
            busy |= {x for i in ids for x in [i, *self.restated(i)]}
            rows.append(self.conflict_row(ids))
        for s in self.tested:
            if s.id in busy or self.verdict(s.id) == "none":
                continue
            idx = {i for i, h in enumerate(self.masks[s.id]) if h}
            if self.condition(idx, "en", exact=False) is None:
                rows.append(self.row("holds", s, [s.id], self.closest(s, self.readings), self.holds_note(s)))
            else:
                cond = partial(self.condition, idx, exact=False)
                note = PEOPLE.both("consistent_if", condition=cond)
                rows.append(self.row("consistent_if", s, [s.id], self.closest(s, self.unfilled), note))
        return pd.DataFrame(rows)

    def row(
        self,
        kind: str,
        s: Statement,
        ids: list[str],
        computed: int,
        note: tuple[str, str],
        *,
        stated: int | None = None,
        scope: tuple[str, ...] | None = None,
        tested: list[str] | None = None,
    ) -> dict:
        """One finding (note in English and Swedish); its key is the ids of the statements it tests."""
        y = self.detail_sources  # the yearly detail's figures it is tested against
        detail = set(y.loc[y["year"].between(*s.years), "source"])
        sources = "; ".join(sorted({self.by_id[i].source for i in ids} | detail))
        return {
            "kind": kind,
            "subject_kind": s.kind,
            "statements": "; ".join(ids),
            "key": ("+".join(tested or [s.id]),),
            "scope": scope or s.scope,
            "stated": s.value if stated is None else stated,
            "computed": int(computed),
            "sources": sources,
            "note": note[0],
            "note_sv": note[1],
            "measure": s.measure,
            "year_from": s.years[0],
            "year_to": s.years[1],
        }

    def conflict_row(self, ids: list[str]) -> dict:
        """A distinct disagreement: the last statement (report order) against what the others allow."""
        ss = [self.by_id[i] for i in ids]
        everyone = [x for i in ids for x in [i, *self.restated(i)]]
        again = partial(self.again, ids)
        said = partial(quotes, ss, words=self.words)
        if len(ss) > 1 and {(s.kind, s.unit, s.gender) for s in ss} == {
            ("detail_gender", ss[0].unit, ss[0].gender)
        }:
            assert ss[0].unit is not None and ss[0].gender is not None  # a detail names its unit and gender
            u = self.frame.units.set_index(["year", "municipality"]).loc[ss[0].unit]
            g, stated = ss[0].gender, sum(s.value for s in ss)
            placed = int(u[g]) if pd.notna(u[g]) else int(u["places"])

            def note_in(lang: str) -> str:
                return PEOPLE.say("gender_conflict", lang, placed, stated=stated, quotes=said(lang),
                                  g_stated=gender_name(g, stated, lang), placed=placed,
                                  g_placed=gender_name(g, placed, lang), again=again(lang))

            return self.row(
                "conflict",
                ss[0],
                everyone,
                placed,
                (note_in("en"), note_in("sv")),
                stated=stated,
                scope=(ss[0].unit[1], str(ss[0].unit[0]), g),
                tested=ids,
            )
        subject, others = ss[-1], ss[:-1]
        among = [r for i, r in enumerate(self.readings) if all(self.masks[o.id][i] for o in others)]
        computed = self.closest(subject, among)
        if others:
            note = PEOPLE.both("cannot_hold", quotes=partial(quotes, others, words=self.words),
                               computed=computed, again=again)
        else:
            best = next(r for r in self.readings if self.count(subject, r) == computed)
            rest = partial(self.others, subject, best)

            def beside(lang: str) -> str:
                return PEOPLE.say("beside", lang, rest=rest(lang)) if rest(lang) else ""

            note = PEOPLE.both("holds_none", n=len(self.readings), computed=computed, again=again,
                               beside=beside)
        return self.row("conflict", subject, everyone, computed, note, tested=ids)

    def again(self, ids: list[str], lang: str) -> str:
        """'; “…” is said again in the summary's words “…” (…)' for the statements of ids that others
        say again ('' when none)."""
        parts = [
            PEOPLE.say("restated", lang, said=short_quote(self.by_id[i], lang, self.words),
                       quotes=quotes([self.by_id[x] for x in same], lang, self.words))
            for i in ids
            if (same := self.restated(i))
        ]
        return "".join(f"; {p}" for p in parts)

    def others(self, s: Statement, reading: dict, lang: str, listed: int = 3) -> str:
        """Who else had the statement's outcome in a reading: 'men 1 in Hudiksvall 2018' (the first
        `listed` of them, then how many more), in lang."""
        if s.kind != "outcome_who":
            return ""
        f = self.frame.fixed
        f = f[f["year"].between(*s.years) & (f["outcome"] == s.outcome)]
        described = f["gender"].isin([s.gender] if s.gender else GENDERS)
        if s.municipality is not None:
            described &= f["municipality"] == s.municipality
        found = [
            (int(y), m, g, int(n))
            for y, m, g, n in f.loc[~described, ["year", "municipality", "gender", "people"]]
            .head(listed + 1)
            .itertuples(index=False)
        ]
        more = int((~described).sum()) - len(found)
        for (y, m), option in sorted(reading.items()):
            if s.years[0] <= y <= s.years[1]:
                found += [
                    (y, m, g, n)
                    for (g, o), n in sorted(option.cells.items())
                    if o == s.outcome and n and not (s.gender in (None, g) and s.municipality in (None, m))
                ]
        found.sort()
        more += max(0, len(found) - listed)
        text = ", ".join(
            PEOPLE.say("other_people", lang, g=gender_name(g, n, lang), n=n, unit=f"{m} {y}")
            for y, m, g, n in found[:listed]
        )
        return text + (PEOPLE.say("more_units", lang, more) if more else "")

    def holds_note(self, s: Statement) -> tuple[str, str]:
        """Why a statement outside every conflict agrees, in words, in English and Swedish."""
        if s.kind == "unique_individuals":
            u = self.frame.units
            places, k = int(u.loc[u["year"].between(*s.years), "places"].sum()), self.frame.continued()
            extensions = partial(PEOPLE.say, "extensions", n=k)
            return PEOPLE.both("continued", places=places, k=k, extensions=extensions)
        n, k = len(self.readings), sum(self.masks[s.id])
        return PEOPLE.both("holds_some" if k < n else "holds_all", k=k, n=n)


def gender_name(gender: str, n: int, lang: str) -> str:
    """A gender in an audit note: the word for n people ('man' / 'men', 'man' / 'män')."""
    return people_notes.gender_word(gender, n, lang)


def quote(s: Statement, lang: str, words: Words | None = None) -> str:
    """A statement in a note: the report's own words in quotation marks, with their section and line and
    the evaluation's reading unquoted; without words (none given, or the report has none), only the
    evaluation's reading, marked as such and unquoted."""
    text = s.text[LANGS.index(lang)].rstrip(".")
    if s.id in (words or {}):
        line, said = (words or {})[s.id]
        return PEOPLE.say("quote", lang, section=section(s, lang), words=said, line=num(line, lang),
                          text=text)
    return PEOPLE.say("reading", lang, part=PEOPLE.say(f"part_{s.role}", lang), text=text)


def short_quote(s: Statement, lang: str, words: Words | None = None) -> str:
    """A statement named again in a note: the report's words alone in quotation marks, else the
    evaluation's reading, unquoted."""
    if s.id in (words or {}):
        return PEOPLE.say("said", lang, words=(words or {})[s.id][1])
    return s.text[LANGS.index(lang)].rstrip(".")


def quotes(ss: list[Statement], lang: str, words: Words | None = None) -> str:
    """Statements for audit notes, each as quote gives it, joined with '; '."""
    return "; ".join(quote(s, lang, words) for s in ss)


def section(s: Statement, lang: str) -> str:
    """A statement's section, possessive: 'the summary's' / 'sammanfattningens'."""
    return PEOPLE.say(f"section_{s.role}", lang)


def fill_words(unit: tuple[int, str], alternatives: list[tuple[str, ...]], lang: str) -> str:
    """'the unstated outcome in Hofors 2018 was work or a return to public support'."""
    def noun(outcome: str) -> str:
        return PEOPLE.say(f"noun_{outcome}", lang)

    def one(fill: tuple[str, ...]) -> str:
        if len(fill) == 1:
            return noun(fill[0])
        return people_notes.listing(
            [f"{fill.count(o)} × {noun(o)}" for o in sorted(set(fill), key=people_notes.outcome_rank)], lang
        )

    return PEOPLE.say(
        "fill",
        lang,
        len(alternatives[0]),
        unit=f"{unit[1]} {unit[0]}",
        alternatives=people_notes.listing([one(a) for a in alternatives], lang, "or"),
    )


def slip_words(members: list[Statement], condition: str | None, lang: str, words: Words | None = None) -> str:
    """'If the yearly detail's words “…” (line …; …) and the summary's words “…” (…) are slips, every other
    statement agrees, …'."""
    what = people_notes.listing([quote(s, lang, words) for s in members], lang)
    provided = PEOPLE.say("provided", lang, condition=condition) if condition else ""
    return PEOPLE.say("slip", lang, len(members), what=what, provided=provided)


def statement_table(fp: pd.DataFrame, fo: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Every statement about the people placed and whether it holds in all, some or no reading."""
    return Model(fp, fo, claims).table()


def correction_sets(fp: pd.DataFrame, fo: pd.DataFrame, claims: pd.DataFrame,
                    statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """The minimal sets of statements that, taken as slips, leave every other statement consistent (the
    report's words quoted from statements, when given)."""
    return Model(fp, fo, claims, statements=statements).correction_table()
