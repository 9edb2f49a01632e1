"""HTML building blocks of the report: headings, paragraphs, lists, tables, figures, and `show` in a notebook.

Every text from data or words is escaped here; callers pass plain text.
"""

from __future__ import annotations

import base64
import re
from html import escape

import pandas as pd

from asfdata import metrics as M
from asfdata.render import words as W


def h(text: str, level: int = 2) -> str:
    """A heading element with escaped text."""
    return f"<h{level}>{escape(text)}</h{level}>\n"


def with_code(text: str) -> str:
    """Escaped text with every `code` span made a <code> element (commands, files, rule names)."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text, quote=False))


def p(text: str, cls: str = "") -> str:
    """A paragraph with escaped text (`code` spans as code)."""
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{with_code(text)}</p>\n"


def ul(items: list[str]) -> str:
    """A bulleted list of escaped items (`code` spans as code)."""
    return "<ul>\n" + "".join(f"<li>{with_code(i)}</li>\n" for i in items) + "</ul>\n"


def cell(value, kind: str, lang: str) -> str:
    """One table cell formatted in lang: kind int, dec1, dec2, sint, sdec1, pct, spct, text, year."""
    if kind in ("text", "year"):
        return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    if value is None or pd.isna(value):
        return W.DASH
    if kind == "int":
        return W.num(value, lang)
    if kind in ("dec1", "dec2"):
        return W.num(value, lang, int(kind[-1]))
    if kind == "sint":
        return W.num(value, lang, sign=True)
    if kind == "sdec1":
        return W.num(value, lang, 1, sign=True)
    if kind == "pct":
        return W.num(value, lang, 1)
    if kind == "spct":
        return W.num(value, lang, 1, sign=True)
    raise ValueError(f"unknown cell kind {kind!r}")


def formatted(df: pd.DataFrame, spec: list[tuple[str, str, str]], lang: str) -> pd.DataFrame:
    """A display frame: (column, header, kind) per column, every cell a string in lang."""
    return pd.DataFrame({header: [cell(v, kind, lang) for v in df[col]] for col, header, kind in spec})


def marked(text: str) -> str:
    """Escaped text with its marks made elements: `code` becomes <code>, and a "quotation of the report"
    (in straight double quotes) a Swedish quotation, <q lang="sv">, whose marks the page's style draws and
    whose numbers never break across lines (W.unbreakable)."""
    return re.sub(r'"([^"]+)"', lambda m: f'<q lang="sv">{W.unbreakable(m.group(1))}</q>', with_code(text))


def table_html(df: pd.DataFrame, caption: str = "", source: str = "", note: str = "") -> str:
    """An HTML table (every cell escaped, its marks made elements: see `marked`) with an optional caption,
    note and source line."""
    shown = df.rename(columns=lambda c: escape(str(c))).map(
        lambda v: W.DASH if v is None or (not isinstance(v, str) and pd.isna(v)) else marked(str(v)))
    body = shown.to_html(index=False, escape=False, border=0, classes="asf-table")
    if caption:
        body = body.replace(">", f">\n<caption>{escape(caption)}</caption>", 1)
    out = body + "\n"
    if note:
        out += p(note, "asf-note")
    if source:
        out += p(source, "asf-source")
    return f'<div class="asf-table-block">\n{out}</div>\n'


def wide_table(frame: pd.DataFrame, lang: str, kind: str = "int") -> str:
    """A tidy year/category frame as a table with one column per category (names in lang)."""
    w = M.wide(frame).reset_index()
    spec = [("year", W.t("col_year", lang), "year")] + [(c, W.name(c, lang), kind) for c in w.columns[1:]]
    return table_html(formatted(w, spec, lang))


def figure_html(png: bytes, alt: str, caption: str, table: str = "") -> str:
    """A <figure>: the PNG as a data URL with alt text, the table of the plotted numbers, a source caption."""
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<figure class="asf-figure">\n<img src="data:image/png;base64,{data}" alt="{escape(alt)}">\n'
        f'<div class="asf-figure-data">\n{table}</div>\n'
        f"<figcaption>{escape(caption)}</figcaption>\n</figure>\n"
    )


def show(*blocks: str) -> None:
    """Display HTML blocks in a notebook (as text/html outputs)."""
    from IPython.display import HTML, display  # here: only notebooks show, and IPython costs 0.15 s to import

    for b in blocks:
        display(HTML(b))
