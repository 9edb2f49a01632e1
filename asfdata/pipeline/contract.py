"""The data contract: every raw and processed file, its columns and their rules, declared once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NA = "NA"  # the explicit marker for a value the report does not state
TOTAL_CATEGORY = "all"
UNKNOWN_GENDER = "unknown"
AUDIT_STATUSES = ("mismatch", "consistent_if", "approximate", "ok")  # audit.csv statuses, most serious first
MAX_COUNT_DIGITS = 18  # a count fits a 64-bit integer (the tidy frames' Int64)
YEAR_DIGITS = 4  # a calendar year is written with four digits
# A cell starting with one of FORMULA_STARTS is a formula to a spreadsheet program opening data/processed,
# unless it is a number (NUMBER, e.g. -5, +3, -0.5): OWASP's rule against CSV injection. Refused in every
# text cell of every raw file, and checked again in every processed CSV before it is published
# (data/raw/README.md).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?"  # a whole cell that is a number
def formula_like(cell: str) -> bool:
    """Whether a spreadsheet program would run cell as a formula: it begins with one of FORMULA_STARTS and
    is no NUMBER."""
    return cell[:1] in FORMULA_STARTS and re.fullmatch(NUMBER, cell) is None


ASSUMPTION_CITATION = r"\bA[0-9]{2}\b"  # an assumption of assumptions.csv cited in a text (A01 …)
PERIOD = r"[0-9]{4}(?:-(?:0[1-9]|1[0-2]))?"  # a year, or a month of it (ISO 8601)
DATE = r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"  # a day (ISO 8601)
DAY = rf"{PERIOD}|{DATE}"  # a year, a month or a day
ADDRESS = r"https?://[^\s<>\"]+"  # a web page's address, as read
LIST_SEP = "; "  # between the values of one cell that lists several (sources, sum_of, measures)

# The source every figure is transcribed from (its rights are its publisher's).
SOURCE_TITLE = (
    "Uppdrag insats Ökad kompetens för utveckling av arbetsintegrerat socialt företagande – ASF "
    "(slutrapport, insatsperiod augusti 2016 – december 2020)"
)
SOURCE_PUBLISHER = "Samordningsförbund Gävleborg"
SOURCE_PERIOD = "2016-08/2020-12"  # the initiative period, as an ISO 8601 interval of months

# Snapshot groups (contract of snapshots.csv) and the reference list that holds their categories.
GROUP_DOMAINS = {
    "total": "total",
    "region": "regions",
    "gender": "genders",
    "placed_by": "placing_bodies",
}


@dataclass(frozen=True)
class RawSpec:
    """One raw CSV file: its columns, key and the rule for every column."""

    file: str  # path relative to data/raw
    key: tuple[str, ...]
    counts: tuple[str, ...] = ()  # whole numbers >= 0, or NA
    lines: tuple[str, ...] = ()  # a line of the report's text: a whole number >= 1, always stated
    years: tuple[str, ...] = ()  # calendar years (YEAR_DIGITS digits), always stated
    text: tuple[str, ...] = ()  # non-blank text
    notes: tuple[str, ...] = ()  # free text, may be blank
    quotes: tuple[str, ...] = ()  # text columns holding the report's own words (verbatim), never blank nor NA
    refs: dict[str, str] = field(default_factory=dict)  # column -> domain (a reference list)
    nullable: tuple[str, ...] = ()  # text or reference columns where NA is allowed
    lists: dict[str, str] = field(default_factory=dict)  # column -> domain: values of it joined with LIST_SEP
    # (a lists column also in notes may be blank); names: the report's names for a row (values joined with
    # LIST_SEP), each naming one row of the file only, as its key does (compared in Unicode NFC)
    names: tuple[str, ...] = ()
    patterns: dict[str, tuple[str, str]] = field(default_factory=dict)  # column -> (regex, what it must be)

    @property
    def columns(self) -> tuple[str, ...]:
        """All columns, in the order the file is expected to list them."""
        seen: dict[str, None] = {}
        for col in (*self.key, *self.refs, *self.years, *self.counts, *self.lines, *self.text, *self.notes,
                    *self.lists):
            seen.setdefault(col, None)
        return tuple(seen)

    @property
    def ids(self) -> tuple[str, ...]:
        """The columns that identify or name rows (key, references, lists, the report's names): visible
        characters only."""
        return tuple(dict.fromkeys((*self.key, *self.refs, *self.lists, *self.names)))


# Reference lists: read first; their values make the domains the data files are checked against.
REFERENCE_SPECS = {
    "years": RawSpec("reference/years.csv", key=("year",), years=("year",), notes=("note",)),
    "regions": RawSpec("reference/regions.csv", key=("region",), text=("region",)),
    "municipalities": RawSpec(
        "reference/municipalities.csv",
        key=("municipality",),
        text=("municipality", "report_name"),
        refs={"region": "regions"},
        names=("report_name",),
    ),
    "placing_bodies": RawSpec(
        "reference/placing_bodies.csv", key=("placed_by",), text=("placed_by", "report_words"),
        names=("report_words",),
    ),
    "genders": RawSpec("reference/genders.csv", key=("gender",), text=("gender", "report_words"),
                       names=("report_words",)),
    "outcomes": RawSpec(
        "reference/outcomes.csv",
        key=("outcome",),
        text=("outcome", "meaning"),
        notes=("report_words",),
        names=("report_words",),
    ),
    "event_kinds": RawSpec(
        "reference/event_kinds.csv", key=("kind",), text=("kind", "meaning")
    ),
    "measures": RawSpec(
        "reference/measures.csv",
        key=("measure",),
        text=("measure", "unit", "description"),
        notes=("sum_of",),
        lists={"sum_of": "measures"},  # the measures it is the sum of; blank when none
    ),
    "snapshot_breakdowns": RawSpec(
        "reference/snapshot_breakdowns.csv",
        key=("measure", "group"),
        refs={"measure": "measures", "group": "groups"},
    ),
}

# Figures transcribed from the report.
DATA_SPECS = {
    "snapshots": RawSpec(
        "snapshots.csv",
        key=("year", "measure", "category"),
        refs={"year": "years", "measure": "snapshot_measures", "category": "snapshot_categories"},
        counts=("value",),
        text=("source",),
        notes=("note",),
    ),
    "funded_placements": RawSpec(
        "funded_placements.csv",
        key=("year", "municipality"),
        refs={"year": "years", "municipality": "municipality_names"},
        counts=("places_granted", "places_used", "women", "men"),
        text=("target_group", "source"),
        notes=("note",),
    ),
    "funded_outcomes": RawSpec(
        "funded_outcomes.csv",
        key=("year", "municipality", "outcome", "gender"),
        refs={
            "year": "years",
            "municipality": "municipality_names",
            "outcome": "outcomes",
            "gender": "outcome_genders",
        },
        counts=("count",),
        text=("source",),
        notes=("note",),
    ),
    "claims": RawSpec(
        "claims.csv",
        key=("claim_id",),
        refs={
            "measure": "measures",
            "gender": "genders",
            "municipality": "municipality_names",
            "year_from": "years",
            "year_to": "years",
            "approximate": "flags",
        },
        counts=("value",),
        text=("claim_id", "category", "source"),
        notes=("note",),
        nullable=("gender", "municipality"),
    ),
    "events": RawSpec(
        "events.csv",
        key=("year", "description_en"),
        refs={"year": "years", "month": "months", "kind": "event_kinds"},
        lines=("line",),  # where the report's text states the milestone (its words start there)
        text=("period_text", "actor", "description_en", "description_sv", "source", "quote_sv"),
        quotes=("quote_sv",),  # the report's words at that line
        notes=("note",),
        nullable=("month", "period_text", "actor"),
    ),
    "assumptions": RawSpec(
        "assumptions.csv",
        key=("id",),
        text=("id", "assumption_en", "assumption_sv", "reason_en", "reason_sv", "effect_en", "effect_sv",
              "sources"),
        lists={"measures": "measures"},  # the measures it concerns (trace shows it for their figures)
    ),
    # Public figures and dated facts beside the report's own (issue 25): never checked against the report's
    # figures nor used to correct them; each read in its page on read_on, described in the project's words.
    "context": RawSpec(
        "context.csv",
        key=("context_id",),
        refs={"approximate": "flags"},
        counts=("value",),
        text=("context_id", "measure", "area", "period", "unit", "publisher", "address", "read_on"),
        notes=("note",),
        patterns={"period": (PERIOD, "a year or a month (2019, 2019-05)"),
                  "address": (ADDRESS, "a web address"), "read_on": (DATE, "a date (2026-12-07)")},
    ),
    "context_events": RawSpec(
        "context_events.csv",
        key=("event_id",),
        counts=("value",),
        text=("event_id", "date", "area", "unit", "publisher", "address", "read_on"),
        notes=("note",),
        patterns={"date": (DAY, "a year, a month or a day (2019, 2019-01, 2019-01-30)"),
                  "address": (ADDRESS, "a web address"), "read_on": (DATE, "a date (2026-12-07)")},
    ),
    "statements": RawSpec(  # where each statement the audit checks stands in the report, and its words
        "statements.csv",
        key=("statement_id",),
        counts=("line",),
        text=("statement_id", "quote_sv", "text_en"),
        notes=("note",),
        nullable=("quote_sv", "text_en"),
    ),
}

# Processed files: exact columns, with meaning, type and unit (the data dictionary is made from this).
# Each entry: column -> (type, unit, meaning). Allowed values come from the reference lists.
PROCESSED_COLUMNS: dict[str, dict[str, tuple[str, str, str]]] = {
    "snapshots": {
        "year": ("integer", "year", "year of the autumn count"),
        "measure": ("text", "", "what is counted: companies, employees, placements, informed"),
        "group": ("text", "", "breakdown: total, region, gender or placed_by"),
        "category": ("text", "", "category within the breakdown (all for the total)"),
        "value": ("integer", "unit of the measure", "the figure as the report states it"),
        "source": ("text", "", "report section and year where the figure stands"),
    },
    "funded_placements": {
        "year": ("integer", "year", "year the places were granted"),
        "municipality": ("text", "", "municipality granted the places (short name)"),
        "target_group": ("text", "", "the report's description of the target group (Swedish)"),
        "places_granted": ("integer", "places", "supervised placement places granted"),
        "places_used": ("integer", "places", "places used"),
        "women": ("integer", "people", "women among those placed; empty when not stated"),
        "men": ("integer", "people", "men among those placed; empty when not stated"),
        "source": ("text", "", "report section where the figures stand"),
    },
    "funded_outcomes": {
        "year": ("integer", "year", "year of the placements"),
        "municipality": ("text", "", "municipality (short name)"),
        "outcome": ("text", "", "what followed the placement"),
        "gender": ("text", "", "gender as stated: women, men or unknown when not stated"),
        "count": ("integer", "people", "people with this outcome"),
        "women": ("integer", "people", "women among them: as stated, or as the genders placed that year "
                  "leave them (assumption A14); empty when neither"),
        "men": ("integer", "people", "men among them: as stated, or as the genders placed that year "
                "leave them (assumption A14); empty when neither"),
        "source": ("text", "", "report section where the outcome stands"),
    },
    "claims": {
        "claim_id": ("text", "", "stable identifier of the claim"),
        "measure": ("text", "", "what the claim counts (see reference/measures.csv)"),
        "category": ("text", "", "category or aspect of the measure (all when none)"),
        "gender": ("text", "", "gender the claim is about; empty when none"),
        "municipality": ("text", "", "municipality the claim is about; empty when none"),
        "year_from": ("integer", "year", "first year the claim covers"),
        "year_to": ("integer", "year", "last year the claim covers"),
        "value": ("integer", "unit of the measure", "the figure as the report states it"),
        "approximate": ("boolean", "", "true when the report says ca/cirka"),
        "source": ("text", "", "report section where the claim stands"),
    },
    "events": {
        "year": ("integer", "year", "year of the milestone"),
        "month": ("integer", "month 1-12", "month when the report names one; else empty"),
        "period_text": ("text", "", "the report's own words for the time (våren, hösten, ...)"),
        "actor": ("text", "", "who acted; several joined with '; '"),
        "kind": ("text", "", "kind of milestone (see reference/event_kinds.csv)"),
        "description_en": ("text", "", "what happened, in English"),
        "description_sv": ("text", "", "what happened, in Swedish"),
        "source": ("text", "", "report section where the milestone stands"),
        "line": ("integer", "line", "line of the report's text (made from its PDF) where the milestone is "
                 "stated (its quoted words start there; for the initiative period's start and end, the line "
                 "that states the period)"),
        "quote_sv": ("text", "", "the report's own words on that line, verbatim (Swedish), enough to find "
                     "it; they may run on to the next line where the text breaks the sentence"),
    },
    "context": {
        "context_id": ("text", "", "stable identifier of the public figure"),
        "measure": ("text", "", "what is counted: programme_stock, registered_unemployed "
                    "(Arbetsförmedlingen, month-end), programme_fye (SCB, full-year equivalents), "
                    "external_purchases, extra_jobs"),
        "area": ("text", "", "the area the figure covers (Sverige, Gävleborgs län)"),
        "period": ("text", "", "the year or month the figure covers (ISO 8601: 2019, 2019-05)"),
        "value": ("integer", "unit", "the figure as its publisher gives it"),
        "unit": ("text", "", "what the value counts in (persons, full-year equivalents, million SEK)"),
        "approximate": ("boolean", "", "true when the publisher gives it as about"),
        "publisher": ("text", "", "who published the figure"),
        "address": ("text", "", "the page the figure was read on"),
        "read_on": ("text", "", "the day the figure was read on that page (ISO 8601)"),
        "note": ("text", "", "what the figure is, in the project's own words"),
    },
    "context_events": {
        "event_id": ("text", "", "stable identifier of the dated fact"),
        "date": ("text", "", "when it happened or was announced (ISO 8601: a year, a month or a day)"),
        "area": ("text", "", "the area it concerns"),
        "value": ("integer", "unit", "the figure it names"),
        "unit": ("text", "", "what the value counts in"),
        "publisher": ("text", "", "who published it"),
        "address": ("text", "", "the page it was read on"),
        "read_on": ("text", "", "the day it was read on that page (ISO 8601)"),
        "note": ("text", "", "what happened, in the project's own words"),
    },
    "inventory": {
        "line": ("integer", "line", "line of the report's text (made from its PDF) the number is on"),
        "column": ("integer", "character", "character of that line the number starts at (1 = the first)"),
        "token": ("text", "", "the number as the report writes it: digits, or a Swedish number word"),
        "value": ("integer", "", "the number's value"),
        "form": ("text", "", "digits or words"),
        "status": ("text", "", "transcribed (a figure of the data files) or excluded (the reason says why)"),
        "file": ("text", "", "file of data/raw holding the figure; empty when excluded"),
        "row": ("integer", "line", "line of that file the figure's row starts on; empty when excluded"),
        "reason": ("text", "", "why the number is not transcribed; empty when transcribed"),
        "context": ("text", "", "the words around the number in the report's text"),
        "sentence": ("text", "", "the report's sentence holding the number, on one line (Swedish)"),
        "section": ("text", "", "report section of the figure (the source of its row); empty when excluded"),
    },
    "assumptions": {
        "id": ("text", "", "stable identifier of the assumption (A01 …), cited by the audit's notes"),
        "assumption_en": ("text", "", "the assumption, in English"),
        "assumption_sv": ("text", "", "the assumption, in Swedish"),
        "reason_en": ("text", "", "why it is made (what the report says), in English"),
        "reason_sv": ("text", "", "why it is made, in Swedish"),
        "effect_en": ("text", "", "what it changes in the data or the checks, in English"),
        "effect_sv": ("text", "", "what it changes, in Swedish"),
        "sources": ("text", "", "report sections it rests on, joined with '; '"),
        "measures": ("text", "", "measures it concerns (see reference/measures.csv), joined with '; '"),
    },
    "municipalities": {
        "municipality": ("text", "", "short name of the municipality"),
        "report_name": ("text", "", "the name as the report writes it"),
        "region": ("text", "", "part of the county the municipality lies in"),
    },
    "statements": {
        "statement_id": ("text", "", "stable identifier of the statement: the claim_id of claims.csv, or "
                         "an id the people model (asfdata/pipeline/people_statements.py) makes from the "
                         "figures"),
        "claim_id": ("text", "", "the claim of claims.csv the statement is, or is part of; empty for the "
                     "yearly detail's statements"),
        "section": ("text", "", "report section where the statement stands"),
        "line": ("integer", "line", "line of the report's text (made from its PDF) where the quoted words "
                 "start; empty when the report has no words for it"),
        "quote_sv": ("text", "", "the report's own words, verbatim (Swedish); ' … ' marks words left out; "
                     "empty when the report has none (the statement is the evaluation's reading of a gap)"),
        "text_en": ("text", "", "the evaluation's English rendering of the statement, not the report's "
                    "words"),
    },
    "audit": {
        "audit_id": ("text", "", "stable identifier of the check: the rule, then what it was applied to "
                     "(measure, year, breakdown; municipality and year; or the ids of the statements "
                     "checked), joined with ':'"),
        "check": ("text", "", "the audit rule (see asfdata/pipeline/audit.py)"),
        "scope": ("text", "", "what the rule was applied to, in English words (as chapter 6 shows it)"),
        "scope_sv": ("text", "", "the same scope in Swedish words"),
        "stated": ("integer", "unit of the measure", "the figure the report states"),
        "computed": ("integer", "unit of the measure", "the figure computed from other stated figures"),
        "difference": ("integer", "unit of the measure", "stated − computed"),
        "status": ("text", "", "ok; approximate (within ±10 % of a ca figure); consistent_if (agrees only "
                   "for some values of an unstated outcome: the note says which); mismatch"),
        "sources": ("text", "", "report sections of every figure involved, joined with '; '"),
        "note": ("text", "", "in English: likely mechanical cause, assumptions (A..) the check relies on"),
        "note_sv": ("text", "", "the same note in Swedish, written from the same facts"),
        "measure": ("text", "", "what the stated figure counts (see reference/measures.csv)"),
        "year_from": ("integer", "year", "first year the stated figure covers"),
        "year_to": ("integer", "year", "last year the stated figure covers"),
        "statements": ("text", "", "ids of the report's statements checked (statements.csv), joined with "
                       "'; '; audit_statements.csv lists them one per row"),
    },
    "audit_statements": {
        "audit_id": ("text", "", "the check (audit.csv)"),
        "statement_id": ("text", "", "a statement of the report it checks (statements.csv)"),
    },
    "audit_assumptions": {
        "audit_id": ("text", "", "the check (audit.csv)"),
        "assumption_id": ("text", "", "an assumption its note cites (assumptions.csv)"),
    },
}

# Processed files: what each holds, its primary key, and the columns that refer to rows of another
# table (column(s) -> (table, its column(s))). The data package (datapackage.json) is made from these.
PROCESSED_TITLES = {
    "snapshots": "Autumn counts 2016–2020: registered companies, employees, people placed, people informed",
    "funded_placements": "Funded supervised placements 2016–2018, by year and municipality",
    "funded_outcomes": "What followed the funded placements, by year, municipality, outcome and gender",
    "claims": "Every other figure of the report: summaries, period totals, background, staffing, trainings",
    "events": "Dated milestones of the initiative, in English and Swedish",
    "context": "Public figures beside the report's own (Arbetsförmedlingen, SCB, press), each with its page "
               "and reading date; never used to check or correct the report",
    "context_events": "Dated public facts of 2018–2020 around Arbetsförmedlingen's reorganisation, each with "
                      "its page and reading date",
    "inventory": "Every number in the report's text: transcribed (file, row, section) or excluded (why)",
    "assumptions": "The assumptions the data and the audit rest on, in English and Swedish",
    "municipalities": "The county's municipalities: short name, the report's name, region",
    "statements": "The report's statements the audit checks: section, line, the report's words, an English "
                  "rendering",
    "audit": "Consistency checks of the report's figures against each other (one row per check and scope)",
    "audit_statements": "Which statements of the report each audit check checks (one row per pair)",
    "audit_assumptions": "Which assumptions each audit check's note cites (one row per pair)",
}
PROCESSED_KEYS = {
    **{name: DATA_SPECS[name].key for name in PROCESSED_COLUMNS if name in DATA_SPECS},
    "audit": ("audit_id",),
    "audit_statements": ("audit_id", "statement_id"),
    "audit_assumptions": ("audit_id", "assumption_id"),
    "inventory": ("line", "column"),
    "municipalities": ("municipality",),
}
PROCESSED_LINKS: dict[str, dict[tuple[str, ...], tuple[str, tuple[str, ...]]]] = {
    "snapshots": {("measure",): ("measures", ("measure",))},
    "funded_placements": {("municipality",): ("municipalities", ("municipality",))},
    "funded_outcomes": {
        ("year", "municipality"): ("funded_placements", ("year", "municipality")),
        ("outcome",): ("outcomes", ("outcome",)),
    },
    "claims": {
        ("measure",): ("measures", ("measure",)),
        ("municipality",): ("municipalities", ("municipality",)),
    },
    "events": {("kind",): ("event_kinds", ("kind",))},
    "statements": {("claim_id",): ("claims", ("claim_id",))},
    "audit_statements": {
        ("audit_id",): ("audit", ("audit_id",)),
        ("statement_id",): ("statements", ("statement_id",)),
    },
    "audit_assumptions": {
        ("audit_id",): ("audit", ("audit_id",)),
        ("assumption_id",): ("assumptions", ("id",)),
    },
}

# Reference lists published with the processed files (inside datapackage.json), so that codes and
# units can be looked up: column -> (type, unit, meaning), in the order of the file.
PUBLISHED_REFERENCES: dict[str, dict[str, tuple[str, str, str]]] = {
    "measures": {
        "measure": ("text", "", "code of the measure"),
        "unit": ("text", "", "unit the measure's figures count in"),
        "description": ("text", "", "what the measure counts"),
        "sum_of": ("text", "", "measures it is defined as the sum of, joined with '; '; empty when none"),
    },
    "outcomes": {
        "outcome": ("text", "", "code of the outcome"),
        "report_words": ("text", "", "the report's words for it, joined with '; '; empty when none"),
        "meaning": ("text", "", "what the code means"),
    },
    "event_kinds": {
        "kind": ("text", "", "code of the kind of milestone"),
        "meaning": ("text", "", "what the kind covers"),
    },
}
