"""The evaluation's terms in English and Swedish, the names both editions keep in Swedish, and the function
words that tell the two languages apart (tests/test_language.py reads the editions with them).

TERMS is the terminology list: English term, Swedish term, why. The Swedish terms are those of Swedish
public administration and evaluation; `avoid` holds Swedish words a Swedish reader would misread there
(a test fails when any of them appears in a Swedish text).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Term(NamedTuple):
    """One term of the field: English, Swedish, a note, and Swedish words that would mislead there."""

    en: str
    sv: str
    note: str
    avoid: tuple[str, ...] = ()  # regular expressions, matched ignoring case


TERMS: tuple[Term, ...] = (
    Term("work-integrating social enterprises (ASF)", "arbetsintegrerande sociala företag (ASF)",
         "The report's own name; one is an arbetsintegrerande socialt företag."),
    Term("coordination association", "samordningsförbund",
         "A body under the Finsam act; Samordningsförbund Gävleborg ran the initiative."),
    Term("Finsam", "Finsam",
         "The act on financial coordination of rehabilitation (lagen om finansiell samordning av "
         "rehabiliteringsinsatser) and the work done under it."),
    Term("the yearly detail", "den årsvisa redovisningen",
         "The report's year-by-year account of the funded placements. Årsredovisning is the annual "
         "accounts to a Swedish auditor.", (r"årsredovisning",)),
    Term("the autumn count", "höstens mätning",
         "The number at one moment each autumn. Räkning also means a bill.", (r"\bräkning",)),
    Term("the municipalities' placements", "kommunernas placeringar",
         "People placed by Kommunen, the report's placing body; not 'placeringarna av Kommunen'.",
         (r"\bplaceringarna av\b",)),
    Term("placing body", "placerande aktör", "Arbetsförmedlingen, Kommunen or others (unpaid)."),
    Term("the audit ran 42 checks", "granskningen omfattade 42 kontroller",  # any number
         "A review covers checks; it does not run them.", (r"\bkörde\b",)),
    Term("stated", "angiven",
         "What the report gives as a figure (angiven summa, angivna totalsummor); 'angivet 244' reads "
         "as a calque.", (r"\bangivet \d",)),
    Term("returned to public support", "återgick till offentlig försörjning",
         "The report's 'åter i offentlig försörjning': back on benefits or other public support."),
    Term("referred to Arbetsförmedlingen", "aktualiserades hos Arbetsförmedlingen",
         "The report's word for being registered with Arbetsförmedlingen as a job seeker."),
    Term("use rate", "nyttjandegrad",
         "The report's word for how much the places or the companies were used."),
    Term("reading (of the yearly detail)", "tolkning",
         "One way to share out the genders and outcomes the report leaves unstated; 'läsning' is the act "
         "of reading.", (r"\bläsning",)),
    Term("slip", "felskrivning", "A figure or word written wrong in the report."),
    Term("audit", "granskning", "This evaluation's consistency checks; status stämmer, ungefärlig, "
         "stämmer om, avviker."),
    Term("assumption", "antagande", "A judgement the report does not state outright (A01 …)."),
)

# Swedish names both editions keep as they are (bodies, places, projects, titles, the report's sections): a
# function word inside them is not a word of the text around them, and a text of names only may read the
# same in both languages.
NAMES: tuple[str, ...] = (
    "Samordningsförbund Gävleborg",
    "Samordningsförbund",
    "Arbetsförmedlingen",
    "Försäkringskassan",
    "Kommunen",
    "Region Gävleborg",
    "Tillväxtverket",
    "Coompanion",
    "Hälsingland",
    "Gästrikland",
    "Gävleborg",
    "Finsam",
    "Mysam",
    "arbetsintegrerande socialt företag",
    "ASF",
    "SKR",
    "TVV",
    "Ökad kompetens för utveckling av arbetsintegrerat socialt företagande",
    "Uppdrag insats",
    "Stenbackens boende och arbetskooperativ",
    "Centrum för socialt företagande",
    "Sveriges Kommuner och Regioner",
    "Sveriges kommuner och regioner",
    "Utveckling av socialt företagande i Gävleborgs län",
    "Utveckling av arbetsintegrerande socialt företagande",
    "Hållbara arbetsintegrerade sociala företag i Gävleborg",
    "Vägar till arbete – lokal samverkan med särskilt fokus på ASF",
    "Vägar till arbete",
    "Ny väg till innovativa välfärdslösningar",
    "Årets främjare av Arbetsintegrerande socialt företagande",
    "Riktlinjer för arbetsintegrerande socialt företagande",
    "Beskrivning av verksamheten",
    "Övergripande målsättning",
)

SAME_WORDS = ("Index", "Period", "Status", "Id", "man")  # spelt and meant the same in English and Swedish

FUNCTION_WORDS = {  # words of each language that are no word of the other
    "en": frozenset(
        "the and of with from which not is are was were be been being to by for that this these those than "
        "then their they them it its has have had will would could should can't does did each every who "
        "what when where whose how into between after before during because if or but also only about "
        "against there here our we you".split()
    ),
    "sv": frozenset(
        "och att det som ett för med av på inte är från har hade vid eller också hos där när samt enligt "
        "dessa denna detta sina sitt sin vara blev ska skall kan skulle efter före mellan utan eftersom "
        "vilka vilken vilket varje något några inga ingen inget deras dess än".split()
    ),
}
PHRASES = {"en": ("per cent", "percent"), "sv": ()}  # words of two parts
WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’][^\W\d_]+)?(?!\w)")  # a word, not part of an id or a hash


def other(lang: str) -> str:
    """The other edition's language."""
    return "sv" if lang == "en" else "en"


def without_names(text: str) -> str:
    """text with every listed name taken out."""
    for name in sorted(NAMES, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def only_names(text: str) -> bool:
    """True when text, without placeholders, numbers, listed names and words both languages share, has no
    word left: it may read the same in English and Swedish."""
    rest = without_names(re.sub(r"\{[^}]*\}", " ", text))
    return not [w for w in WORD.findall(rest) if w not in SAME_WORDS]


def term_pattern(term: str) -> re.Pattern:
    """A term as a pattern matching it in a text, any number standing for its number (ignoring case)."""
    return re.compile(re.sub(r"\d+", lambda _: "[\\d\u00a0]+", re.escape(term)), re.IGNORECASE)


def misleading(text: str) -> list[str]:
    """The words of a Swedish text that the terminology says a Swedish reader would misread there."""
    return [m.group(0) for t in TERMS for a in t.avoid for m in re.finditer(a, text, re.IGNORECASE)]


def foreign(text: str, lang: str) -> list[str]:
    """The function words of the other language in a text meant for lang (names left out), in order."""
    text = without_names(text)
    words = [w for w in WORD.findall(text.lower()) if w in FUNCTION_WORDS[other(lang)]]
    return words + [p for p in PHRASES[other(lang)] if p in text.lower()]
