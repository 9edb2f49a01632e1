"""Tidying validated raw frames into the processed frames of the contract."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from asfdata.pipeline.contract import GROUP_DOMAINS, NA, PROCESSED_COLUMNS, REFERENCE_SPECS
from asfdata.pipeline.inventory import published_inventory
from asfdata.pipeline.people_frame import outcome_genders
from asfdata.pipeline.validate import category_groups


def as_int(s: pd.Series) -> pd.Series:
    """Text counts -> nullable integers; NA becomes missing."""
    return s.mask(s == NA).astype("int64[pyarrow]").astype("Int64")


def as_text(s: pd.Series) -> pd.Series:
    """Text with NA -> text with missing."""
    return s.mask(s == NA).astype("str")


def ordered(values: pd.Series, order: list[str]) -> pd.Categorical:
    """Values as a categorical in reference-list order (for sorting)."""
    return pd.Categorical(values, categories=order, ordered=True)


def reference_order(refs: dict[str, pd.DataFrame], name: str) -> list[str]:
    """Values of a reference list, in the order the list gives them."""
    return refs[name][REFERENCE_SPECS[name].key[0]].to_list()


def short_municipality(s: pd.Series, refs: dict[str, pd.DataFrame]) -> pd.Series:
    """Municipality as the report writes it ('Hudiksvalls kommun') -> short name ('Hudiksvall')."""
    m = refs["municipalities"]
    mapping = dict(zip(m["report_name"], m["municipality"], strict=True))
    mapping.update({v: v for v in m["municipality"]})
    return s.map(mapping).astype("str")


def as_processed(df: pd.DataFrame, name: str, sort: list[str]) -> pd.DataFrame:
    """Contract columns only, sorted by the key, fresh index."""
    out = df.sort_values(sort, kind="stable", na_position="last")
    return out[list(PROCESSED_COLUMNS[name])].reset_index(drop=True)


def snapshots(raw: pd.DataFrame, refs: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Autumn snapshots, long: year, measure, group, category, value (people/companies), source."""
    group_order = list(GROUP_DOMAINS)
    category_order = ["all"] + [
        v for dom in GROUP_DOMAINS.values() if dom in refs for v in reference_order(refs, dom)
    ]
    df = pd.DataFrame(
        {
            "year": as_int(raw["year"]),
            "measure": raw["measure"],
            "group": raw["category"].map(category_groups(refs)).astype("str"),
            "category": raw["category"],
            "value": as_int(raw["value"]),
            "source": raw["source"],
        }
    )
    keys = df.assign(
        _m=ordered(df["measure"], reference_order(refs, "measures")),
        _g=ordered(df["group"], group_order),
        _c=ordered(df["category"], category_order),
    )
    return as_processed(keys, "snapshots", ["year", "_m", "_g", "_c"])


def funded_placements(raw: pd.DataFrame, refs: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Funded placements 2016–2018, one row per year and municipality (places, people)."""
    df = raw.assign(
        year=as_int(raw["year"]),
        municipality=short_municipality(raw["municipality"], refs),
        **{c: as_int(raw[c]) for c in ("places_granted", "places_used", "women", "men")},
    )
    return as_processed(df, "funded_placements", ["year", "municipality"])


def funded_outcomes(raw: pd.DataFrame, refs: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Stated outcomes of the funded placements (people), by year, municipality and gender as stated;
    women and men as stated or as the genders placed leave them (A14)."""
    df = raw.assign(
        year=as_int(raw["year"]),
        municipality=short_municipality(raw["municipality"], refs),
        count=as_int(raw["count"]),
    )
    df = pd.concat([df, outcome_genders(funded_placements(refs["funded_placements"], refs), df)], axis=1)
    keys = df.assign(_o=ordered(df["outcome"], reference_order(refs, "outcomes")))
    return as_processed(keys, "funded_outcomes", ["year", "municipality", "_o", "gender"])


def claims(raw: pd.DataFrame, refs: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every other numeric claim of the report, one row per claim (value in the measure's unit)."""
    muni = as_text(raw["municipality"])
    df = raw.assign(
        gender=as_text(raw["gender"]),
        municipality=short_municipality(muni, refs).where(muni.notna()),
        year_from=as_int(raw["year_from"]),
        year_to=as_int(raw["year_to"]),
        value=as_int(raw["value"]),
        approximate=raw["approximate"] == "true",
    )
    return as_processed(df, "claims", ["claim_id"])


def events(raw: pd.DataFrame, refs: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Dated milestones; month empty where the report names only a season or none."""
    df = raw.assign(
        year=as_int(raw["year"]),
        month=as_int(raw["month"]),
        period_text=as_text(raw["period_text"]),
        actor=as_text(raw["actor"]),
        line=as_int(raw["line"]),
    )
    return as_processed(df, "events", ["year", "month", "description_en"])


def context(raw: pd.DataFrame, refs: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Public figures beside the report's, one row per figure (value in its unit), as read."""
    df = raw.assign(value=as_int(raw["value"]), approximate=raw["approximate"] == "true")
    return as_processed(df, "context", ["context_id"])


def context_events(raw: pd.DataFrame, refs: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Dated public facts, in order of date; a fact dated by its year or month alone after the days of that
    year or month (2019-01-30 before 2019)."""
    df = raw.assign(value=as_int(raw["value"]), _when=raw["date"].str.pad(10, side="right", fillchar="~"))
    return as_processed(df, "context_events", ["_when", "event_id"])


TIDIERS = {
    "snapshots": snapshots,
    "funded_placements": funded_placements,
    "funded_outcomes": funded_outcomes,
    "claims": claims,
    "events": events,
    "context": context,
    "context_events": context_events,
}


def tidy_all(raw: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every processed frame of the contract from the validated raw frames."""
    return {name: fn(raw[name], raw) for name, fn in TIDIERS.items()}


def chapter_inputs(raw: dict[str, pd.DataFrame], raw_dir: Path) -> dict[str, pd.DataFrame]:
    """What the chapters read besides the figures and the audit, published so that data/processed holds
    all their inputs: the inventory of the report's numbers (with each figure's section), the assumptions
    log and the municipalities, each sorted by its key."""
    return {
        "inventory": published_inventory(raw_dir),
        "assumptions": as_processed(raw["assumptions"], "assumptions", ["id"]),
        "municipalities": as_processed(raw["municipalities"], "municipalities", ["municipality"]),
    }
