"""The report's statements about the people of the funded placements, each with an id and its words.

The yearly detail (Individinriktade insatser) gives, per municipality and year, the places used and the
genders placed, the outcomes and, for some, their genders; the summary gives the places used, the unique
individuals and each outcome's count with its gender and municipality. Texts come from people_words.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from asfdata.catalogs import LANGS
from asfdata.pipeline import people_notes
from asfdata.pipeline.people_frame import GENDERS, NOT_STATED, Frame, Unit, unit_index
from asfdata.pipeline.people_notes import PEOPLE

PEOPLE_MEASURES = ("places_used", "unique_individuals", "outcome")  # claims about these people
BASIS = ("placed", "outcomes")  # statements the readings are built from: they hold in all
KINDS = (*BASIS, "detail_gender", "places_used", "unique_individuals", "outcome_count", "outcome_who")


@dataclass(frozen=True)
class Statement:
    """One statement of the report about the people of the funded placements (kind: one of KINDS)."""

    id: str
    kind: str
    role: str  # detail or summary
    source: str
    value: int  # the figure it states (people, or places)
    measure: str
    years: tuple[int, int]
    scope: tuple[str, ...]  # what it is about, as keys of the audit's scope words (audit.toml scope_*)
    text: tuple[str, str]  # the evaluation's rendering in English and Swedish, not the report's words
    unit: Unit | None = None
    outcome: str | None = None
    gender: str | None = None
    municipality: str | None = None
    claim: str | None = None  # the claim_id of claims.csv the statement is, or is part of


def bilingual(fn, *args) -> tuple[str, str]:
    """(English, Swedish): fn(lang, *args) in each language."""
    return tuple(fn(lang, *args) for lang in LANGS)


def slug(text: str) -> str:
    """A lower-case id part: 'Nordanstig' -> 'nordanstig'."""
    return "-".join(str(text).lower().split())


def placed_text(lang: str, name: str, places: int, stated: list[tuple[str, int]]) -> str:
    """'Nordanstig 2018: 7 places used, by 6 women and 1 man.'"""
    people = people_notes.listing([f"{n} {people_notes.gender_word(g, n, lang)}" for g, n in stated], lang)
    return PEOPLE.say(
        "placed" if stated else "placed_unstated",
        lang,
        unit=name,
        places=people_notes.places(places, lang),
        people=people,
    )


def outcomes_text(lang: str, name: str, groups: list[tuple[str, int]]) -> str:
    """'Nordanstig 2018: 1 went on to work, … and 5 returned to public support.'"""
    items = [
        PEOPLE.say("unstated_item", lang, places=people_notes.places(n, lang))
        if o == NOT_STATED
        else PEOPLE.say("outcome_item", lang, n=n, did=PEOPLE.say(f"did_{o}", lang, n))
        for o, n in groups
    ]
    return PEOPLE.say("outcomes", lang, unit=name, items=people_notes.listing(items, lang))


def gender_text(lang: str, name: str, outcome: str, gender: str, n: int, size: int) -> str:
    """'Nordanstig 2018: the one who went on to work was a man.'"""
    return PEOPLE.say(
        "gender_one" if n == size == 1 else "gender_some",
        lang,
        unit=name,
        n=n,
        did=PEOPLE.say(f"did_{outcome}", lang, n),
        gender=people_notes.gender_word(gender, n, lang),
    )


def places_used_text(lang: str, n: int, span: str) -> str:
    """'11 places were used in 2016–2018.'"""
    return PEOPLE.say("places_used", lang, n, places=people_notes.places(n, lang), years=span)


def individuals_text(lang: str, n: int, span: str) -> str:
    """'The places were used by 10 individuals.'"""
    return PEOPLE.say("unique_individuals", lang, n=n)


TOTALS = {  # measure of a summary total -> (what it is about, text)
    "places_used": ("places_used", places_used_text),
    "unique_individuals": ("funded_placements", individuals_text),
}


def count_text(lang: str, n: int, outcome: str) -> str:
    """'8 of them returned to public support.'"""
    return PEOPLE.say("count", lang, n=n, did=PEOPLE.say(f"did_{outcome}", lang, n))


def who_text(lang: str, n: int, outcome: str, gender: str | None, municipality: str | None) -> str:
    """'The one who went on to work was a man from Nordanstig.' and the like."""
    did = PEOPLE.say(f"did_{outcome}", lang, n)
    if gender is None:
        return PEOPLE.say("where", lang, n, did=did, municipality=municipality)
    origin = PEOPLE.say("origin", lang, municipality=municipality) if municipality else ""
    return PEOPLE.say(
        "who",
        lang,
        n,
        did=did,
        origin=origin,
        gender=people_notes.gender_word(gender, n, lang),
    )


def detail_statements(fr: Frame, fo: pd.DataFrame, basis: bool = True) -> list[Statement]:
    """The yearly detail's statements in report order: places and genders placed and the outcomes of
    each municipality-year (basis, when asked for), then each outcome whose gender it states."""
    said = fo[fo["gender"].isin(GENDERS) & (fo["count"].fillna(0) > 0)]
    said = said[unit_index(said).isin(unit_index(fr.units))]
    units = fr.units if basis else fr.units[unit_index(fr.units).isin(unit_index(said))]
    g = fr.groups[unit_index(fr.groups).isin(unit_index(units))]
    groups: dict[Unit, list[tuple[str, int]]] = {}
    for y, m, o, n in zip(g["year"], g["municipality"], g["outcome"], g["people"], strict=True):
        groups.setdefault((int(y), m), []).append((o, int(n)))
    rank = {(int(y), m): i for i, (y, m) in enumerate(zip(units["year"], units["municipality"], strict=True))}
    out: list[tuple[tuple, Statement]] = []
    for u in units.itertuples() if basis else ():
        unit, name = (u.year, u.municipality), f"{u.municipality} {u.year}"
        base = f"detail-{slug(u.municipality)}-{u.year}"
        stated = [
            (k, int(n)) for k, n in (("women", u.stated_women), ("men", u.stated_men)) if pd.notna(n) and n
        ]
        common = {"role": "detail", "source": u.source, "years": (u.year, u.year), "unit": unit}
        out.append(
            (
                (rank[unit], 0),
                Statement(
                    f"{base}-placed",
                    "placed",
                    value=int(u.places),
                    measure="places_used",
                    scope=(u.municipality, str(u.year)),
                    text=bilingual(placed_text, name, int(u.places), stated),
                    **common,
                ),
            )
        )
        here = groups.get(unit, [])
        out.append(
            (
                (rank[unit], 1),
                Statement(
                    f"{base}-outcomes",
                    "outcomes",
                    value=sum(n for _, n in here),
                    measure="outcome",
                    scope=(u.municipality, str(u.year), "outcome"),
                    text=bilingual(outcomes_text, name, here),
                    **common,
                ),
            )
        )
    for i, r in enumerate(said.itertuples()):
        unit, name, n = (int(r.year), r.municipality), f"{r.municipality} {r.year}", int(r.count)
        size = dict(groups.get(unit, [])).get(r.outcome, 0)
        out.append(
            (
                (rank[unit], 2, i),
                Statement(
                    f"detail-{slug(r.municipality)}-{r.year}-{r.outcome}-{r.gender}",
                    "detail_gender",
                    "detail",
                    r.source,
                    n,
                    "outcome",
                    (unit[0], unit[0]),
                    (r.municipality, str(r.year), r.outcome, r.gender),
                    bilingual(gender_text, name, r.outcome, r.gender, n, size),
                    unit,
                    r.outcome,
                    r.gender,
                ),
            )
        )
    return [s for _, s in sorted(out, key=lambda p: p[0])]


def summary_statements(claims: pd.DataFrame) -> list[Statement]:
    """The summary's statements about the people, in report order: places used, individuals, then each
    outcome's count and who they were (gender, municipality)."""
    c = claims[claims["measure"].isin(PEOPLE_MEASURES)]
    c = c.assign(_m=c["measure"].map(PEOPLE_MEASURES.index), _o=c["category"].map(people_notes.outcome_rank))
    out = []
    for r in c.sort_values(["_m", "_o", "claim_id"], kind="stable").itertuples():
        years, v = (int(r.year_from), int(r.year_to)), int(r.value)
        span = f"{years[0]}–{years[1]}"
        common = {"role": "summary", "source": r.source, "value": v, "measure": r.measure, "years": years,
                  "claim": r.claim_id}
        if r.measure in TOTALS:
            about, text = TOTALS[r.measure]
            out.append(Statement(r.claim_id, r.measure, scope=(about, span), text=bilingual(text, v, span),
                                 **common))
        else:
            out.append(
                Statement(
                    f"{r.claim_id}-count",
                    "outcome_count",
                    scope=("outcome", r.category),
                    text=bilingual(count_text, v, r.category),
                    outcome=r.category,
                    **common,
                )
            )
            gender = r.gender if isinstance(r.gender, str) else None
            muni = r.municipality if isinstance(r.municipality, str) else None
            if gender or muni:
                scope = ("outcome", r.category, *filter(None, [gender, muni]))
                out.append(
                    Statement(
                        f"{r.claim_id}-who",
                        "outcome_who",
                        scope=scope,
                        outcome=r.category,
                        text=bilingual(who_text, v, r.category, gender, muni),
                        gender=gender,
                        municipality=muni,
                        **common,
                    )
                )
    return out
