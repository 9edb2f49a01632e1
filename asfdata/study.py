"""The study's parameters, in one place: its years, the reform it compares before and after, the claims
the analysis reads and the report it evaluates.

No imports but the standard library's dataclasses, so that anything may read it (the report's title page
does, before pandas is imported). `Study` holds the years an analysis compares, the study's by default; a
notebook's parameters may set others (`Study.of(reform_year=2018)`), and the chapters read them from
`frames.study` (asfdata.pipeline.data.Frames).
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_YEAR, LAST_YEAR = 2016, 2020  # the initiative ran from August 2016 to December 2020
PERIOD = f"{FIRST_YEAR}\u2013{LAST_YEAR}"
REFORM_YEAR = 2019  # Arbetsförmedlingen was reformed and reorganised
BASE_YEAR = REFORM_YEAR - 1  # the last autumn before the reorganisation: base of indexed series
BEFORE = (FIRST_YEAR, REFORM_YEAR - 1)  # years before the reorganisation (inclusive)
AFTER = (REFORM_YEAR, LAST_YEAR)  # years after it (inclusive)


@dataclass(frozen=True)
class Study:
    """The years an analysis compares: the reform year, the base year of indexed series and of the change
    into the reform year, and the periods before and after it (first and last year, inclusive)."""

    reform_year: int = REFORM_YEAR
    base_year: int = BASE_YEAR
    before: tuple[int, int] = BEFORE
    after: tuple[int, int] = AFTER

    @classmethod
    def of(cls, reform_year: int | None = None, base_year: int | None = None,
           before: tuple[int, int] | list[int] | None = None,
           after: tuple[int, int] | list[int] | None = None) -> Study:
        """The study's years with those given changed; what is not given follows the reform year as the
        defaults do (base year the year before it, before up to that year, after from it). Periods may be
        lists (as papermill's YAML parameters give them)."""
        reform = REFORM_YEAR if reform_year is None else int(reform_year)
        return cls(
            reform_year=reform,
            base_year=reform - 1 if base_year is None else int(base_year),
            before=(FIRST_YEAR, reform - 1) if before is None else _span(before),
            after=(reform, LAST_YEAR) if after is None else _span(after),
        )

    def __post_init__(self) -> None:
        # the reform year first: out of range, the periods that follow it would be named instead (before
        # 2016–2015), though they were never set
        first = FIRST_YEAR + 1  # a reform year needs an autumn before it (the base year, the change into it)
        if not first <= self.reform_year <= LAST_YEAR:
            raise ValueError(f"study: reform_year {self.reform_year}: the autumn counts run {PERIOD}, and "
                             f"the reform year needs one before it; choose {first}\u2013{LAST_YEAR}")
        if not FIRST_YEAR <= self.base_year <= LAST_YEAR:
            raise ValueError(f"study: base_year {self.base_year}: the autumn counts run {PERIOD}; choose "
                             f"{FIRST_YEAR}\u2013{LAST_YEAR}")
        for name in ("before", "after"):
            first, last = getattr(self, name)
            if first > last:
                raise ValueError(f"study: {name} runs from {first} to {last}, its first year after its last")


def _span(years: tuple[int, int] | list[int]) -> tuple[int, int]:
    """A period given as two years, (first, last)."""
    first, last = years
    return int(first), int(last)


SOURCE_REPORT = (
    "Uppdrag insats Ökad kompetens för utveckling av arbetsintegrerat socialt företagande – ASF, "
    f"slutrapport {PERIOD}, Samordningsförbund Gävleborg"
)
MILESTONES_SECTION = "Milstolpar"  # the report's yearly sections: Milstolpar 2016 … 2020
FUNDED_SECTION = "Individinriktade"  # its section on the funded placements: Individinriktade insatser

# Claims (data/processed/claims.csv) the analysis reads, by id or by the prefix of their ids.
CLAIM_UNIQUE_INDIVIDUALS = "funded-unique-individuals"
CLAIM_OUTCOME_WORK = "funded-outcome-work"
CLAIM_OUTCOME_ARBETSFORMEDLINGEN = "funded-outcome-arbetsformedlingen"
CLAIM_MONTHS_PER_PLACEMENT = "funded-months-per-placement"
CLAIM_INFORMED_TOTAL = "informed-period-total"
FUNDED_CLAIMS = "funded-"  # every claim about the funded placements
OUTCOME_CLAIMS = "funded-outcome-"  # the summary's outcomes of the funded placements
BACKGROUND_CLAIMS = "background-"  # the background section's figures
CLAIM_PLACES_GRANTED = "funded-places-granted"
CLAIM_PLACES_USED = "funded-places-used"
CLAIM_OUTCOME_BACK = "funded-outcome-back"
CLAIM_BACKGROUND_EMPLOYEES = "background-employees-2016"
CLAIM_TRAINING_PARTICIPANTS = "training-participants-2018"
CLAIM_TRAINING_MUNICIPALITIES = "training-municipalities-2018"
CLAIM_MYSAM_GROUPS = "opening-mysam-groups-2016"
TRAINING_YEAR = 2018  # the process-oriented training, first for Arbetsförmedlingen (Milstolpar 2018)
COLLABORATION_GROUPS_FORMED = 2017  # the milestone naming the municipalities' new collaboration groups
COLLABORATION_GROUPS_CONTINUED = 2019  # the milestone naming the groups that continued regardless
