"""The study's parameters, in one place: its years, the reform it compares before and after, the claims
the analysis reads and the report it evaluates.

No imports, so that anything may read it (the report's title page does, before pandas is imported).
"""

FIRST_YEAR, LAST_YEAR = 2016, 2020  # the initiative ran from August 2016 to December 2020
PERIOD = f"{FIRST_YEAR}\u2013{LAST_YEAR}"
REFORM_YEAR = 2019  # Arbetsförmedlingen was reformed and reorganised
BASE_YEAR = REFORM_YEAR - 1  # the last autumn before the reorganisation: base of indexed series
BEFORE = (FIRST_YEAR, REFORM_YEAR - 1)  # years before the reorganisation (inclusive)
AFTER = (REFORM_YEAR, LAST_YEAR)  # years after it (inclusive)

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
