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
EXTENSIONS = (  # extended placements continued by the same person
    ("extended placement(s)", "extended placement(s)"),
    ("förlängd placering", "förlängda placeringar"),
)
WAS = (("was", "were"), ("", ""))

SECTION = {  # role of a statement's section -> (en, sv), possessive
    "detail": ("the yearly detail's", "den årsvisa redovisningens"),
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
    "in_readings": ("it holds in {k} of the {n} readings", "det gäller i {k} av de {n} tolkningarna"),
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
    # the audit's notes (audit.csv: note, note_sv)
    "no_reading": (
        "the yearly detail allows no reading: an extended placement cannot be continued by someone of the "
        "same gender in the municipality's next year (A04)",
        "den årsvisa redovisningen medger ingen tolkning: en förlängd placering kan inte fortsättas av någon "
        "av samma kön i kommunens följande år (A04)",
    ),
    "quote_id": ("'{text}' ({id})", "{section} ”{text}”"),
    "restated": ("{id} restated as {ids}", "{quote} upprepas som {quotes}"),
    "gender_conflict": (
        "{g} with a stated outcome: {stated} ({quotes}); {g} placed: {placed} (A12){again}",
        "{g} med angivet utfall: {stated} ({quotes}); placerade {g}: {placed} (A12){again}",
    ),
    "cannot_hold": (
        "cannot hold together with {quotes}; with it, the closest is {computed}{again}",
        "kan inte gälla samtidigt som {quotes}; med det påståendet är närmaste värde {computed}{again}",
    ),
    "holds_none": (
        "holds in none of the {n} readings of the yearly detail (A12, A14, A15); the closest is "
        "{computed}{beside}{again}",
        "gäller i ingen av de {n} tolkningarna av den årsvisa redovisningen (A12, A14, A15); närmaste "
        "värde är {computed}{beside}{again}",
    ),
    "beside": (", beside {rest}", ", och därtill {rest}"),
    "other_people": ("{g} {n} in {unit}", "{n} {g} i {unit}"),
    "more_units": (" and {more} more municipality-year(s)", " och {more} kommunår till"),
    "consistent_if": ("consistent if {condition} (A15)", "stämmer om {condition} (A15)"),
    "continued": (
        "{places} places used − {k} {extensions} continued by the same person (A04)",
        "{places} nyttjade platser − {k} {extensions} som samma person fortsatte (A04)",
    ),
    "holds_some": (
        "holds in {k} of the {n} readings of the yearly detail, whatever the unstated outcomes: it says who "
        "had which outcome, which the detail's counts leave open; no other statement contradicts it (A12, "
        "A14, A15)",
        "gäller i {k} av de {n} tolkningarna av den årsvisa redovisningen, vilka de ej angivna utfallen än "
        "var: påståendet säger vem som fick vilket utfall, vilket redovisningens antal lämnar öppet; inget "
        "annat påstående motsäger det (A12, A14, A15)",
    ),
    "holds_all": (
        "holds in all {n} readings of the yearly detail (A12, A14, A15)",
        "gäller i alla {n} tolkningar av den årsvisa redovisningen (A12, A14, A15)",
    ),
    "or": (" or ", " eller "),
    "and": (" and ", " och "),
}


def outcome_rank(outcome: str) -> int:
    """Report order of an outcome (work, Arbetsförmedlingen, back, extended, then any other)."""
    return list(DID).index(outcome) if outcome in DID else len(DID)


def say(key: str, lang: str, **values) -> str:
    """The text of key in lang (en or sv), placeholders filled in."""
    return TEXT[key][LANGS.index(lang)].format(**values)


def both(key: str, **values) -> tuple[str, str]:
    """(English, Swedish) of key; a value that is a function is called with the language."""
    return tuple(
        say(key, lang, **{k: v(lang) if callable(v) else v for k, v in values.items()}) for lang in LANGS
    )


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
