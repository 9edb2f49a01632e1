"""Phrases several chapters build from numbers: source lines, changes from one value to another, alt texts.

Each returns plain text in the chosen language (escaped later, by asfdata.render.html).
"""

from __future__ import annotations

import re

import pandas as pd

from asfdata import metrics
from asfdata.render import words


def source_line(sources, lang: str) -> str:
    """'Source: <report>: <sections>' with yearly sections collapsed (Milstolpar 2016–2020)."""
    groups: dict[str, list[int]] = {}
    plain: set[str] = set()
    for s in {str(x) for x in sources if isinstance(x, str) and x}:
        m = re.fullmatch(r"(.*\D)\s(\d{4})", s)
        if m:
            groups.setdefault(m.group(1), []).append(int(m.group(2)))
        else:
            plain.add(s)
    parts = []
    for prefix, ys in groups.items():
        ys = sorted(ys)
        if ys == list(range(ys[0], ys[-1] + 1)):
            parts.append(f"{prefix} {words.years(ys[0], ys[-1])}")
        else:
            parts.append(f"{prefix} {', '.join(map(str, ys))}")
    sections = "; ".join(sorted(parts + sorted(plain)))
    return f"{words.t('source_prefix', lang)}: {words.t('source_report', lang)}" + (
        f": {sections}" if sections else ""
    )


def change_words(
    start: float, end: float, lang: str, *, decimals: int = 0, percent: bool = False, prefix: str = ""
) -> dict[str, str]:
    """Placeholder values of a change from start to end: verb, a, b, chg, pct (each name with prefix).

    With percent=True, start and end are shares in percent and shown as such (one decimal).
    """
    if percent:
        a, b = words.pct(start, lang), words.pct(end, lang)
    else:
        a, b = words.num(start, lang, decimals), words.num(end, lang, decimals)
    values = {
        "verb": words.direction(end - start, lang),
        "a": a,
        "b": b,
        "chg": words.num(end - start, lang, 1 if percent else decimals, sign=True),
        "pct": words.pct(metrics.pct_change(start, end), lang, sign=True),
    }
    return {prefix + k: v for k, v in values.items()}


def first_last(frame: pd.DataFrame, column: str = "value") -> tuple[float, float]:
    """The first and the last year's value of a one-category frame sorted by year."""
    return float(frame[column].iloc[0]), float(frame[column].iloc[-1])


def column_changes(frame: pd.DataFrame, lang: str, **columns: str) -> dict[str, str]:
    """change_words of several columns of a frame sorted by year, each under its prefix:
    column_changes(g, lang, m_="men", w_="women")."""
    out: dict[str, str] = {}
    for prefix, column in columns.items():
        out.update(change_words(*first_last(frame, column), lang, prefix=prefix))
    return out


def series_values(frame: pd.DataFrame, lang: str, decimals: int = 0) -> str:
    """'Name: v1, v2, …' for each category of a tidy year/category frame, joined with '; ' (Swedish:
    'Namn: v1; v2; …', joined with '. ', so that decimal commas cannot be misread)."""
    out = []
    for cat in dict.fromkeys(frame["category"]):
        vals = frame.loc[frame["category"] == cat].sort_values("year")["value"]
        out.append(
            words.t(
                "alt_series",
                lang,
                name=words.name(cat, lang),
                values=words.t("alt_value_sep", lang).join(words.num(v, lang, decimals) for v in vals),
            )
        )
    return words.t("alt_series_sep", lang).join(out)


def alt_lines(what: str, frame: pd.DataFrame, lang: str, decimals: int = 0, key: str = "alt_lines") -> str:
    """Alt text of a line or stacked chart: what it shows and every plotted value."""
    ys = frame["year"].astype(int)
    return words.t(
        key, lang, what=what, years=words.years(ys.min(), ys.max()),
        values=series_values(frame, lang, decimals),
    )


def with_marks(alt: str, at: list[tuple[float, str]], lang: str) -> str:
    """Alt text extended by the marks drawn on the chart."""
    return f"{alt} {words.t('alt_marks', lang, items=words.join([m[1] for m in at], lang))}" if at else alt
