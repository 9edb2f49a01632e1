"""The people model's words, from its catalog (asfdata/pipeline/people.toml): the report's statements about
the ten people, their conditions and corrections, and the audit's notes on them, in English and Swedish."""

from __future__ import annotations

from asfdata import catalogs
from asfdata.registry import PEOPLE_CATALOG

PEOPLE = catalogs.load(PEOPLE_CATALOG)
OUTCOMES = ("work", "arbetsformedlingen", "back", "extended")  # the report's order of the outcomes


def outcome_rank(outcome: str) -> int:
    """Report order of an outcome (work, Arbetsförmedlingen, back, extended, then any other)."""
    return OUTCOMES.index(outcome) if outcome in OUTCOMES else len(OUTCOMES)


def places(n: int, lang: str) -> str:
    """'1 place' / '7 places' ('1 plats' / '7 platser')."""
    return PEOPLE.say("places", lang, n)


def listing(items: list[str], lang: str, joiner: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (Swedish 'och'/'eller'), no serial comma."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + PEOPLE.say(joiner, lang) + items[-1]



def gender_word(gender: str, n: int, lang: str) -> str:
    """The word for n people of a gender: 'woman' / 'women' ('kvinna' / 'kvinnor')."""
    return PEOPLE.say(f"gender_{gender}", lang, n)
