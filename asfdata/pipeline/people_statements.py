"""The report's statements about the people of the funded placements, each with an id and its words.

The yearly detail (Individinriktade insatser) gives per municipality and year the places used and the
genders placed, the outcomes and, for some, their genders; the summary gives places used, unique
individuals and each outcome's count with its gender and municipality. Texts come from people_words.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from asfdata.pipeline import people_words as W
from asfdata.pipeline.people_frame import GENDERS, NOT_STATED, Frame, Unit

PEOPLE_MEASURES = ("places_used", "unique_individuals", "outcome")  # claims about these people
BASIS = ("placed", "outcomes")  # statements the readings are built from: they hold in all


@dataclass(frozen=True)
class Statement:
    """One statement of the report about the people of the funded placements."""

    id: str
    kind: str  # placed, outcomes (basis); detail_gender, places_used, unique_individuals, outcome_count, outcome_who
    role: str  # detail or summary
    source: str
    value: int
    measure: str
    years: tuple[int, int]
    scope: str
    text: tuple[str, str]  # English, Swedish
    unit: Unit | None = None
    outcome: str | None = None
    gender: str | None = None
    municipality: str | None = None


def bilingual(fn) -> tuple[str, str]:
    """(English, Swedish) from a function of the language."""
    return tuple(fn(lang) for lang in W.LANGS)


def slug(text: str) -> str:
    """A lower-case id part: 'Nordanstig' -> 'nordanstig'."""
    return "-".join(str(text).lower().split())


def detail_statements(fr: Frame, fo: pd.DataFrame) -> list[Statement]:
    """The yearly detail's statements: places and genders placed, outcomes, outcome genders."""
    out = []
    for u in fr.units.itertuples():
        unit, name, years = (u.year, u.municipality), f"{u.municipality} {u.year}", (u.year, u.year)
        base = f"detail-{slug(u.municipality)}-{u.year}"
        stated = [
            (g, int(n)) for g, n in (("women", u.stated_women), ("men", u.stated_men)) if pd.notna(n) and n
        ]

        def placed_text(lang, name=name, u=u, stated=stated):
            people = W.listing([f"{n} {W.pick(W.GENDER[g], lang, n)}" for g, n in stated], lang)
            key = "placed" if stated else "placed_unstated"
            return W.say(key, lang, unit=name, places=W.places(int(u.places), lang), people=people)

        out.append(
            Statement(
                f"{base}-placed",
                "placed",
                "detail",
                u.source,
                int(u.places),
                "places_used",
                years,
                f"{name} placed",
                bilingual(placed_text),
                unit,
            )
        )
        g = fr.groups[(fr.groups["year"] == u.year) & (fr.groups["municipality"] == u.municipality)]
        groups = list(zip(g["outcome"], g["people"], strict=True))

        def outcomes_text(lang, name=name, groups=groups):
            items = [
                W.say("unstated_item", lang, places=W.places(n, lang))
                if o == NOT_STATED
                else W.say("outcome_item", lang, n=n, did=W.pick(W.DID[o], lang, n))
                for o, n in groups
            ]
            return W.say("outcomes", lang, unit=name, items=W.listing(items, lang))

        out.append(
            Statement(
                f"{base}-outcomes",
                "outcomes",
                "detail",
                u.source,
                int(g["people"].sum()),
                "outcome",
                years,
                f"{name} outcomes",
                bilingual(outcomes_text),
                unit,
            )
        )
        rows = fo[
            (fo["year"] == u.year)
            & (fo["municipality"] == u.municipality)
            & fo["gender"].isin(GENDERS)
            & (fo["count"].fillna(0) > 0)
        ]
        for r in rows.itertuples():
            size = dict(groups).get(r.outcome, 0)

            def gender_text(lang, name=name, r=r, size=size):
                key = "gender_one" if r.count == 1 and size == 1 else "gender_some"
                return W.say(
                    key,
                    lang,
                    unit=name,
                    n=r.count,
                    did=W.pick(W.DID[r.outcome], lang, r.count),
                    gender=W.pick(W.GENDER[r.gender], lang, r.count),
                )

            out.append(
                Statement(
                    f"{base}-{r.outcome}-{r.gender}",
                    "detail_gender",
                    "detail",
                    r.source,
                    int(r.count),
                    "outcome",
                    years,
                    f"{name} {r.outcome} {r.gender}",
                    bilingual(gender_text),
                    unit,
                    r.outcome,
                    r.gender,
                )
            )
    return out


def summary_statements(claims: pd.DataFrame) -> list[Statement]:
    """The summary's statements about the people: places used, individuals, each outcome's count and who."""
    c = claims[claims["measure"].isin(PEOPLE_MEASURES)]
    c = c.assign(_m=c["measure"].map(PEOPLE_MEASURES.index), _o=c["category"].map(W.outcome_rank))
    out = []
    for r in c.sort_values(["_m", "_o", "claim_id"], kind="stable").itertuples():
        years, v = (int(r.year_from), int(r.year_to)), int(r.value)
        span = f"{years[0]}–{years[1]}"
        common = {"role": "summary", "source": r.source, "value": v, "measure": r.measure, "years": years}
        if r.measure == "places_used":
            text = bilingual(
                lambda lang, v=v, span=span: W.say(
                    "places_used", lang, places=W.places(v, lang), was=W.pick(W.WAS, lang, v), years=span
                )
            )
            out.append(Statement(r.claim_id, "places_used", scope=f"places used {span}", text=text, **common))
        elif r.measure == "unique_individuals":
            text = bilingual(lambda lang, v=v: W.say("unique_individuals", lang, n=v))
            out.append(
                Statement(
                    r.claim_id, "unique_individuals", scope=f"funded placements {span}", text=text, **common
                )
            )
        else:
            did = lambda lang, r=r, v=v: W.pick(W.DID[r.category], lang, v)
            text = bilingual(lambda lang, v=v, did=did: W.say("count", lang, n=v, did=did(lang)))
            out.append(
                Statement(
                    f"{r.claim_id}-count",
                    "outcome_count",
                    scope=f"outcome {r.category}",
                    text=text,
                    outcome=r.category,
                    **common,
                )
            )
            gender = r.gender if isinstance(r.gender, str) else None
            muni = r.municipality if isinstance(r.municipality, str) else None
            if gender or muni:
                text = bilingual(
                    lambda lang, v=v, did=did, g=gender, m=muni: who_text(lang, v, did(lang), g, m)
                )
                scope = " ".join(["outcome", r.category, *filter(None, [gender, muni])])
                out.append(
                    Statement(
                        f"{r.claim_id}-who",
                        "outcome_who",
                        scope=scope,
                        text=text,
                        outcome=r.category,
                        gender=gender,
                        municipality=muni,
                        **common,
                    )
                )
    return out


def who_text(lang: str, n: int, did: str, gender: str | None, municipality: str | None) -> str:
    """'The one who went on to work was a man from Nordanstig.' and the like."""
    origin = W.say("origin", lang, municipality=municipality) if municipality else ""
    if gender is None:
        return W.say("where_one" if n == 1 else "where_many", lang, n=n, did=did, municipality=municipality)
    return W.say(
        "who_one" if n == 1 else "who_many",
        lang,
        n=n,
        did=did,
        origin=origin,
        gender=W.pick(W.GENDER[gender], lang, n),
    )
