"""The words of the audit's notes (asfdata/pipeline/audit.py), in English and Swedish, in one place.

Every text is a pair (English, Swedish); `say` fills one in. The audit writes each note in both languages
from the same facts (audit.csv: note, note_sv). Numbers inside notes are written by `number`: Swedish
with a decimal comma, a no-break space between thousands and the minus sign U+2212 (the pipeline does not
import the report's Babel formatting).
"""

LANGS = ("en", "sv")
NBSP, MINUS = "\u00a0", "\u2212"

NAMES = {  # the data's keys inside notes -> (en, sv)
    "employees": ("employees", "anställda"),
    "placements": ("placements", "placerade"),
    "women": ("women", "kvinnor"),
    "men": ("men", "män"),
    "work": ("work", "arbete"),
    "arbetsformedlingen": ("arbetsformedlingen", "Arbetsförmedlingen"),
    "back": ("back", "åter"),
    "extended": ("extended", "förlängd"),
    "Övriga": ("Övriga", "övriga"),
}

TEXT = {
    # a likely mechanical cause of a difference
    "off_by_one": ("off by one", "skiljer sig med 1"),
    "swapped": ("two digits swapped ({a} vs {b})", "två siffror omkastade ({a} mot {b})"),
    "equals_part": (
        "the difference equals the part {name} ({v})",
        "skillnaden är lika stor som delen {name} ({v})",
    ),
    "written": (
        "{name} written {w} instead of {v} would make the parts add up",
        "med {name} skriven {w} i stället för {v} skulle delarna gå ihop",
    ),
    "no_cause": ("no mechanical cause found", "ingen förklaring i form av skrivfel hittades"),
    # a claim against the yearly figures
    "summed": ("sum of {n} figures over {k} years", "summan av {n} uppgifter för {k} år"),
    "no_figure": ("no figure for {years}", "ingen uppgift för {years}"),
    "approximate": (
        "approximate figure (ca); detail is {pct} % off, tolerance ±10 % (A05)",
        "ungefärlig uppgift (ca); årsuppgiften avviker med {pct}\u00a0%, toleransen är ±10\u00a0% (A05)",
    ),
    "computed_as": ("computed as {parts} (A06)", "beräknad som {parts} (A06)"),
    "background": (
        "the background's 2016 figure is taken to be the autumn 2016 count (A07)",
        "bakgrundens uppgift för 2016 antas avse höstens mätning 2016 (A07)",
    ),
    "range": ("stated range {low}–{high} for {y0}–{y1}", "angivet intervall {low}–{high} för {y0}–{y1}"),
    # the funded placements' detail
    "outcomes_vs_used": (
        "stated outcomes (A02, A03) against places used",
        "angivna utfall (A02, A03) mot nyttjade platser",
    ),
    "genders_vs_used": (
        "women + men placed against places used",
        "placerade kvinnor + män mot nyttjade platser",
    ),
    "gender_vs_used": (
        "the gender stated against places used; the other is the places left (A12)",
        "det angivna könet mot nyttjade platser; det andra könet har de platser som återstår (A12)",
    ),
    "summary_outcomes": ("outcomes: {items}", "utfall: {items}"),
    "summary_outcome": ("{outcome} ({gender}) {n}", "{outcome} ({gender}) {n}"),
}

CHECKS = {  # audit rule -> what it checks, (en, sv)
    "total_vs_parts": ("Stated total against its parts", "Angiven totalsumma mot delarna"),
    "period_total_vs_years": ("Period total against the yearly figures", "Periodsumma mot årsuppgifterna"),
    "same_figure_two_sections": ("The same figure in two sections", "Samma uppgift i två avsnitt"),
    "within_stated_range": ("Within the stated range", "Inom angivet intervall"),
    "outcomes_vs_places_used": ("Outcomes against places used", "Utfall mot nyttjade platser"),
    "genders_placed_vs_places_used": (
        "Genders placed against places used",
        "De placerades kön mot nyttjade platser",
    ),
    "summary_outcomes_vs_individuals": (
        "The summary's outcomes against its individuals",
        "Sammanfattningens utfall mot antalet individer",
    ),
    "unique_individuals_vs_places_used": (
        "Unique individuals against places used",
        "Unika individer mot nyttjade platser",
    ),
    "outcome_genders_vs_placed": (
        "Genders of the outcomes against genders placed",
        "Utfallens kön mot de placerades kön",
    ),
    "summary_outcome_count": (
        "The summary's count of an outcome against the yearly detail",
        "Sammanfattningens antal för ett utfall mot den årsvisa redovisningen",
    ),
    "summary_outcome_gender": (
        "Who had an outcome, by the summary, against the yearly detail",
        "Vem som fick ett utfall enligt sammanfattningen mot den årsvisa redovisningen",
    ),
    "people_readings": ("Readings of the yearly detail", "Tolkningar av den årsvisa redovisningen"),
}

SCOPE = {  # the words of an audit row's scope (audit.csv: measure, year, breakdown, …) -> (en, sv)
    "funded placements": ("funded placements", "finansierade placeringar"),
    "places used": ("places used", "nyttjade platser"),
    "companies": ("companies", "företag"),
    "employees": ("employees", "anställda"),
    "placements": ("people placed", "placerade"),
    "informed": ("people informed", "informerade"),
    "people_active": ("people active", "verksamma personer"),
    "places_granted": ("places granted", "beviljade platser"),
    "places_used": ("places used", "nyttjade platser"),
    "unique_individuals": ("unique individuals", "unika individer"),
    "staffing_percent": ("staffing of the process leader (%)", "processledarens tjänstegrad (%)"),
    "by": ("by", "per"),
    "gender": ("gender", "kön"),
    "placed_by": ("placing body", "placerande aktör"),
    "raised": ("raised", "höjd"),
    "reduced": ("reduced", "sänkt"),
    "outcome": ("outcome", "utfall"),
    "work": ("work", "arbete"),
    "arbetsformedlingen": ("Arbetsförmedlingen", "Arbetsförmedlingen"),
    "back": ("back to public support", "åter i offentlig försörjning"),
    "extended": ("extended", "förlängd"),
    "women": ("women", "kvinnor"),
    "men": ("men", "män"),
}


def scope_text(scope: str, lang: str) -> str:
    """An audit row's scope in words of lang ('placements 2018 by placed_by' -> 'placerade 2018 per
    placerande aktör'); years, names and unknown words stay as they are."""
    i, out = LANGS.index(lang), []
    words = scope.split()
    while words:
        two = " ".join(words[:2])
        if two in SCOPE:
            out.append(SCOPE[two][i])
            words = words[2:]
        else:
            out.append(SCOPE[words[0]][i] if words[0] in SCOPE else words[0])
            words = words[1:]
    return " ".join(out)


def check_text(check: str, lang: str) -> str:
    """What an audit rule checks, in lang (the rule's name when unknown)."""
    return CHECKS[check][LANGS.index(lang)] if check in CHECKS else check


def say(key: str, lang: str, **values) -> str:
    """The text of key in lang (en or sv), placeholders filled in."""
    return TEXT[key][LANGS.index(lang)].format(**values)


def both(key: str, **values) -> tuple[str, str]:
    """(English, Swedish) of key; a value that is a function is called with the language."""
    return tuple(
        say(key, lang, **{k: v(lang) if callable(v) else v for k, v in values.items()}) for lang in LANGS
    )


def name(key: str, lang: str) -> str:
    """A key of the data in lang (itself when it is a name both languages keep)."""
    return NAMES[key][LANGS.index(lang)] if key in NAMES else str(key)


def names(keys: list[str], sep: str, lang: str) -> str:
    """Keys of the data in lang, joined by sep."""
    return sep.join(name(k, lang) for k in keys)


def number(x: float, lang: str, decimals: int = 0, sign: bool = False) -> str:
    """x in lang: English 1257 / −10.5, Swedish 1 257 / −10,5 (no-break space, minus sign U+2212)."""
    text = f"{abs(x):.{decimals}f}"
    if lang == "sv":
        whole, _, frac = text.partition(".")
        groups = [whole[max(0, i - 3):i] for i in range(len(whole), 0, -3)][::-1]
        text = NBSP.join(groups) + ("," + frac if frac else "")
    zero = not float(text.replace(",", ".").replace(NBSP, ""))
    mark = "" if zero else MINUS if x < 0 else "+" if sign else ""
    return mark + text
