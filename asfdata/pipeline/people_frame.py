"""The frame of the people model: the yearly detail read as people, and every reading it allows.

Pure functions of the tidy frames funded_placements (fp) and funded_outcomes (fo); no I/O. A *reading*
gives every person placed a gender and an outcome as the yearly detail allows: the places used and the
genders placed per municipality and year (a count not stated is the places left, A12), the number of
people with each outcome there (genders aside), an outcome not stated filled in with one of
FILL_OUTCOMES (A15), and an extended placement continued by the same person in the municipality's next
year with places used (A04).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations_with_replacement, product

import pandas as pd

FILL_OUTCOMES = ("work", "arbetsformedlingen", "back")  # what an unstated outcome may be (A15)
EXTENDED, NOT_STATED = "extended", "not_stated"
GENDERS = ("women", "men")
MAX_READINGS = 100_000  # more readings than this: ValueError, the enumeration would not end in time
KEYS = ["year", "municipality"]
Unit = tuple[int, str]


class FrameError(ValueError):
    """The yearly detail's outcomes or genders do not fit its places: it cannot be read as people."""

    def __init__(self, message: str, sv: str = ""):
        super().__init__(message)
        self.sv = sv  # the same in Swedish, for the audit's Swedish note (empty: English only)


# --- the frame: places, genders placed, outcome counts ------------------------------------------------


def placed(fp: pd.DataFrame) -> pd.DataFrame:
    """Municipality-years with places used: places, women and men placed (people; A12)."""
    u = fp.loc[fp["places_used"].fillna(0) > 0].reset_index(drop=True)
    n = u["places_used"].astype("Int64")
    return pd.DataFrame(
        {
            "year": u["year"].astype("int64"),
            "municipality": u["municipality"],
            "places": n,
            "women": u["women"].fillna(n - u["men"]),
            "men": u["men"].fillna(n - u["women"]),
            "stated_women": u["women"],
            "stated_men": u["men"],
            "source": u["source"],
        }
    )


def determined(units: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """Women and men of each row (year, municipality, people, women_fixed, men_fixed) where the genders
    placed leave one way to share them out (one open row, or one gender left); NA otherwise (people)."""
    free = rows["people"] - rows["women_fixed"] - rows["men_fixed"]
    r = rows.assign(free=free, open=(free > 0).astype("int64"))
    per = r.groupby(KEYS)[["women_fixed", "men_fixed", "free", "open"]].sum()
    per = per.join(units.set_index(KEYS)[["women", "men"]])
    left_w, left_m = per["women"] - per["women_fixed"], per["men"] - per["men_fixed"]
    fits = (left_w >= 0) & (left_m >= 0) & (left_w + left_m == per["free"])
    per = pd.DataFrame(
        {"left_w": left_w, "left_m": left_m, "fits": fits.fillna(False), "n_open": per["open"]}
    )
    at = r[KEYS].merge(per, left_on=KEYS, right_index=True, how="left").set_index(r.index)
    ok = at["fits"].fillna(False).astype(bool)
    w = pd.Series(pd.NA, index=r.index, dtype="Int64")
    w = w.mask(ok & at["n_open"].eq(1), at["left_w"]).mask(ok & at["left_m"].eq(0).fillna(False), r["free"])
    w = w.mask(ok & at["left_w"].eq(0).fillna(False), 0).mask(r["free"].eq(0).fillna(False), 0)
    return pd.DataFrame({"women": r["women_fixed"] + w, "men": r["men_fixed"] + r["free"] - w}, index=r.index)


def outcome_genders(fp: pd.DataFrame, fo: pd.DataFrame) -> pd.DataFrame:
    """Women and men of each funded_outcomes row: as stated, or as the genders placed leave them (A14)."""
    n = fo["count"].astype("Int64")
    rows = pd.DataFrame(
        {
            "year": fo["year"].astype("int64"),
            "municipality": fo["municipality"],
            "people": n,
            "women_fixed": n.where(fo["gender"] == "women", 0),
            "men_fixed": n.where(fo["gender"] == "men", 0),
        },
        index=fo.index,
    )
    return determined(placed(fp), rows)


def outcome_groups(fo: pd.DataFrame) -> pd.DataFrame:
    """People with each outcome per municipality-year, genders aside (rows of count 0 dropped)."""
    g = fo.loc[fo["count"].fillna(0) > 0].groupby([*KEYS, "outcome"], sort=False)["count"].sum()
    return g.rename("people").astype("int64").reset_index()


def frame_problems(fp: pd.DataFrame, fo: pd.DataFrame) -> list[str]:
    """Why the yearly detail cannot be read as people (outcomes or genders that do not fit the places)."""
    return problems(placed(fp), outcome_groups(fo))


def frame_unit_problems(fp: pd.DataFrame, fo: pd.DataFrame) -> list[tuple[int, str, str, str]]:
    """frame_problems with the year, municipality and kind of each (unit_problems)."""
    return unit_problems(placed(fp), outcome_groups(fo))


def problems(units: pd.DataFrame, g: pd.DataFrame) -> list[str]:
    """frame_problems of units (placed) and outcome groups."""
    return [text for _, _, _, text in unit_problems(units, g)]


def unit_problems(units: pd.DataFrame, g: pd.DataFrame) -> list[tuple[int, str, str, str]]:
    """Each municipality-year whose outcomes or genders do not fit its places: (year, municipality, what
    does not fit: 'outcomes' or 'genders', the reason in words); outcomes first, then genders."""
    out = units.merge(g.groupby(KEYS)["people"].sum().reset_index(), on=KEYS, how="outer")
    places, people = out["places"].fillna(0), out["people"].fillna(0)
    genders = out["women"].notna() & out["men"].notna()
    wrong = genders & ((out["women"] < 0) | (out["men"] < 0) | (out["women"] + out["men"] != out["places"]))
    bad = []
    for r, p, n in zip(
        out[people != places].itertuples(), places[people != places], people[people != places], strict=True
    ):
        text = f"{r.municipality} {r.year}: outcomes for {int(n)} people, {int(p)} places used"
        bad.append((int(r.year), r.municipality, "outcomes", text))
    for r in out[(people == places) & wrong.fillna(False)].itertuples():
        women, men = ("NA" if pd.isna(v) else v for v in (r.stated_women, r.stated_men))  # as written
        text = f"{r.municipality} {r.year}: {women} women and {men} men placed, {r.places} places used"
        bad.append((int(r.year), r.municipality, "genders", text))
    return bad


def unit_index(df: pd.DataFrame) -> pd.MultiIndex:
    """(year, municipality) of each row, as an index to test membership with."""
    return pd.MultiIndex.from_arrays([df["year"].astype("int64"), df["municipality"]])


@dataclass
class Option:
    """One way to read a municipality-year: who had which outcome and what the unstated ones were."""

    split: dict[str, tuple[int, int]]  # outcome as stated -> (women, men)
    fill: tuple[str, ...]  # what the unstated outcomes became (sorted)
    cells: Counter  # (gender, final outcome) -> persons counted in this municipality-year


def unit_options(
    groups: list[tuple[str, int]], women, men, continues: bool, fill: tuple[str, ...]
) -> list[Option]:
    """Every way to share out the genders placed over the outcomes (and fill in unstated ones) of one unit."""
    out = []
    for split in product(*(range(c + 1) for _, c in groups)):
        wn = sum(split)
        if (pd.notna(women) and wn != women) or (pd.notna(men) and sum(c for _, c in groups) - wn != men):
            continue
        both = {o: (k, c - k) for (o, c), k in zip(groups, split, strict=True)}
        base: Counter[tuple[str, str]] = Counter()
        for o, (k, j) in both.items():
            if o != NOT_STATED and not (o == EXTENDED and continues):
                base.update({("women", o): k, ("men", o): j})
        ns_w, ns_m = both.get(NOT_STATED, (0, 0))
        for fw, fm in product(
            combinations_with_replacement(fill, ns_w), combinations_with_replacement(fill, ns_m)
        ):
            cells = base + Counter([("women", o) for o in fw] + [("men", o) for o in fm])
            out.append(Option(both, tuple(sorted(fw + fm)), cells))
    return out


@dataclass
class Frame:
    """The yearly detail as people: units, their outcome groups, who continues where, fixed and open units."""

    units: pd.DataFrame
    groups: pd.DataFrame  # year, municipality, outcome, people, women, men (NA where not fixed)
    next_unit: dict[Unit, Unit]  # unit -> the unit its extended placements continue in (A04)
    fixed: pd.DataFrame  # persons of the units with one reading: year, municipality, gender, outcome, people
    open: list[Unit] = field(default_factory=list)  # units with more than one reading
    settled: dict[Unit, dict[str, tuple[int, int]]] = field(default_factory=dict)  # split() of the others

    def continued(self) -> int:
        """Extended placements continued by the same person later (A04), people."""
        ext = self.groups[self.groups["outcome"] == EXTENDED]
        return int(
            sum(
                p
                for y, m, p in zip(ext["year"], ext["municipality"], ext["people"], strict=True)
                if (y, m) in self.next_unit
            )
        )

    def options(self, unit: Unit, fill: tuple[str, ...]) -> list[Option]:
        """The readings of one open unit."""
        g = self.groups[(self.groups["year"] == unit[0]) & (self.groups["municipality"] == unit[1])]
        u = self.units.set_index(KEYS).loc[unit]
        return unit_options(
            list(zip(g["outcome"], g["people"], strict=True)),
            u["women"],
            u["men"],
            unit in self.next_unit,
            fill,
        )

    def split(self, unit: Unit, reading: dict[Unit, Option]) -> dict[str, tuple[int, int]]:
        """(women, men) per outcome of a unit in a reading."""
        if unit in reading:
            return reading[unit].split
        if unit not in self.settled:  # looked up once: readings ask for the same few units again and again
            g = self.groups[(self.groups["year"] == unit[0]) & (self.groups["municipality"] == unit[1])]
            self.settled[unit] = {o: (int(w), int(m)) for o, w, m in
                                  zip(g["outcome"], g["women"], g["men"], strict=True)}
        return self.settled[unit]


def frame(fp: pd.DataFrame, fo: pd.DataFrame) -> Frame:
    """The frame of the readings; ValueError when the yearly detail cannot be read as people."""
    units, g = placed(fp), outcome_groups(fo)
    bad = problems(units, g)
    if bad:
        raise FrameError("the funded placements cannot be read as people: " + "; ".join(bad))
    g = pd.concat([g, determined(units, g.assign(women_fixed=0, men_fixed=0))], axis=1)
    order = units.sort_values(["municipality", "year"])
    later = order.assign(next_year=order.groupby("municipality")["year"].shift(-1))
    extended = unit_index(g[g["outcome"] == EXTENDED])
    later = later[later["next_year"].notna() & unit_index(later).isin(extended)]
    next_unit = {
        (int(y), m): (int(n), m)
        for y, m, n in zip(later["year"], later["municipality"], later["next_year"], strict=True)
    }
    unsettled = g[g["women"].isna() | (g["outcome"] == NOT_STATED)]
    open_units = sorted(set(zip(unsettled["year"].astype("int64"), unsettled["municipality"], strict=True)))
    continues = unit_index(g).isin(
        pd.MultiIndex.from_tuples(list(next_unit), names=KEYS) if next_unit else []
    )
    settled = g[~unit_index(g).isin(unit_index(unsettled)) & ~((g["outcome"] == EXTENDED) & continues)]
    fixed = settled.drop(columns="people").melt(
        id_vars=[*KEYS, "outcome"], value_vars=list(GENDERS), var_name="gender", value_name="people"
    )
    return Frame(units, g, next_unit, fixed[fixed["people"] > 0].reset_index(drop=True), open_units)


def readings(fr: Frame, fill: tuple[str, ...] = FILL_OUTCOMES) -> list[dict[Unit, Option]]:
    """Every reading of the yearly detail (the open units' options, combined), extended placements fitting."""
    per_unit = [fr.options(u, fill) for u in fr.open]
    n = 1
    for opts in per_unit:
        n *= len(opts)
    if n > MAX_READINGS:
        raise ValueError(
            f"the yearly detail allows {n} readings; the exact reasoning enumerates at most {MAX_READINGS}"
        )
    out = [dict(zip(fr.open, combo, strict=True)) for combo in product(*per_unit)]
    return [r for r in out if chains_fit(fr, r)]


def chains_fit(fr: Frame, reading: dict[Unit, Option]) -> bool:
    """Each extended placement can be continued by someone of the same gender in the next unit (A04)."""
    need: Counter = Counter()
    for u, v in fr.next_unit.items():
        w, m = fr.split(u, reading).get(EXTENDED, (0, 0))
        need.update({(v, "women"): w, (v, "men"): m})
    for (v, g), k in need.items():
        have = sum(pair[GENDERS.index(g)] for pair in fr.split(v, reading).values())
        if k > have:
            return False
    return True
