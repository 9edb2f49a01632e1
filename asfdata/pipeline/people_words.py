"""The words of the people model (asfdata/pipeline/people.py), in English and Swedish, in one place.

Every text is a pair (English, Swedish); `say` fills one in. The model's statements, conditions and
corrections are written from these and nothing else.
"""

LANGS = ("en", "sv")

GENDER = {  # gender -> ((en one, en many), (sv one, sv many))
    "women": (("woman", "women"), ("kvinna", "kvinnor")),
    "men": (("man", "men"), ("man", "män")),
}

DID = {  # outcome -> ((en one, en many), (sv one, sv many)): what a person with that outcome did
    "work": (("went on to work", "went on to work"), ("gick vidare till arbete", "gick vidare till arbete")),
    "arbetsformedlingen": (
        ("was referred to Arbetsförmedlingen", "were referred to Arbetsförmedlingen"),
        ("aktualiserades hos Arbetsförmedlingen", "aktualiserades hos Arbetsförmedlingen"),
    ),
    "back": (
        ("returned to public support", "returned to public support"),
        ("återgick till offentlig försörjning", "återgick till offentlig försörjning"),
    ),
    "extended": (
        ("had the placement extended", "had their placements extended"),
        ("fick insatsen förlängd", "fick insatsen förlängd"),
    ),
}

NOUN = {  # outcome -> (en, sv): the outcome as a noun, in conditions
    "work": ("work", "arbete"),
    "arbetsformedlingen": ("a referral to Arbetsförmedlingen", "aktualisering hos Arbetsförmedlingen"),
    "back": ("a return to public support", "återgång till offentlig försörjning"),
    "extended": ("an extension", "förlängning"),
}

PLACES = (("{n} place", "{n} places"), ("{n} plats", "{n} platser"))
WAS = (("was", "were"), ("", ""))

SECTION = {  # role of a statement's section -> (en, sv), possessive
    "detail": ("the yearly detail's", "årsredovisningens"),
    "summary": ("the summary's", "sammanfattningens"),
}

TEXT = {
    # statements of the yearly detail (Individinriktade insatser)
    "placed": ("{unit}: {places} used, by {people}.", "{unit}: {places} nyttjades, av {people}."),
    "placed_unstated": (
        "{unit}: {places} used; no gender stated.",
        "{unit}: {places} nyttjades; kön anges inte.",
    ),
    "outcomes": ("{unit}: {items}.", "{unit}: {items}."),
    "outcome_item": ("{n} {did}", "{n} {did}"),
    "unstated_item": ("the outcome of {places} is not stated", "utfallet för {places} anges inte"),
    "gender_one": ("{unit}: the one who {did} was a {gender}.", "{unit}: den som {did} var en {gender}."),
    "gender_some": (
        "{unit}: {n} of those who {did} were {gender}.",
        "{unit}: {n} av dem som {did} var {gender}.",
    ),
    # statements of the summary (Sammanfattning Individinriktade insatser)
    "places_used": ("{places} {was} used in {years}.", "{places} nyttjades {years}."),
    "unique_individuals": (
        "The places were used by {n} individuals.",
        "Platserna nyttjades av {n} unika individer.",
    ),
    "count": ("{n} of them {did}.", "{n} av dem {did}."),
    "who_one": ("The one who {did} was a {gender}{origin}.", "Den som {did} var en {gender}{origin}."),
    "who_many": ("The {n} who {did} were {gender}{origin}.", "De {n} som {did} var {gender}{origin}."),
    "where_one": ("The one who {did} was from {municipality}.", "Den som {did} var från {municipality}."),
    "where_many": (
        "The {n} who {did} were from {municipality}.",
        "De {n} som {did} var från {municipality}.",
    ),
    "origin": (" from {municipality}", " från {municipality}"),
    # conditions and corrections
    "fill_one": (
        "the unstated outcome in {unit} was {alternatives}",
        "det ej angivna utfallet i {unit} var {alternatives}",
    ),
    "fill_many": (
        "the {n} unstated outcomes in {unit} were {alternatives}",
        "de {n} ej angivna utfallen i {unit} var {alternatives}",
    ),
    "in_readings": ("it holds in {k} of the {n} readings", "det gäller i {k} av de {n} läsningarna"),
    "quote": ("{section} “{text}”", "{section} ”{text}”"),
    "slip_one": (
        "If {what} is a slip, every other statement agrees{provided}.",
        "Om {what} är en felskrivning, stämmer alla andra påståenden{provided}.",
    ),
    "slip_many": (
        "If {what} are slips, every other statement agrees{provided}.",
        "Om {what} är felskrivningar, stämmer alla andra påståenden{provided}.",
    ),
    "provided": (", provided {condition}", ", förutsatt att {condition}"),
    "or": (" or ", " eller "),
    "and": (" and ", " och "),
}


def outcome_rank(outcome: str) -> int:
    """Report order of an outcome (work, Arbetsförmedlingen, back, extended, then any other)."""
    return list(DID).index(outcome) if outcome in DID else len(DID)


def say(key: str, lang: str, **values) -> str:
    """The text of key in lang (en or sv), placeholders filled in."""
    return TEXT[key][LANGS.index(lang)].format(**values)


def pick(pair: tuple, lang: str, n: int = 1):
    """One language's form of a (en, sv) pair of (one, many) forms, for n things."""
    forms = pair[LANGS.index(lang)]
    return forms if isinstance(forms, str) else forms[0 if n == 1 else 1]


def places(n: int, lang: str) -> str:
    """'1 place' / '7 places' ('1 plats' / '7 platser')."""
    return pick(PLACES, lang, n).format(n=n)


def listing(items: list[str], lang: str, joiner: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (Swedish 'och'/'eller'), no serial comma."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + say(joiner, lang) + items[-1]
