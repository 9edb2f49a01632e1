"""HTML building blocks of the report: headings, paragraphs, lists, tables, figures, and `show` in a notebook.

Every text from data or words is escaped here; callers pass plain text. Headings: the report's title is the
page's one <h1> (the template's), a chapter an <h2>, a section an <h3>, a part of a section an <h4>.
Tables carry a caption, header cells with scope, and each cell's header as data-label (the stylesheet
stacks a row's cells under their headers on a narrow screen); numbers are right-aligned, text left-aligned
(class asf-text).
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd

from asfdata import metrics
from asfdata.render import words
from asfdata.render.widths import WIDTHS

CHAPTER, SECTION, SUBSECTION = 2, 3, 4  # heading levels
TEXT = "asf-text"  # class of a text column's cells (left-aligned; numbers are right-aligned)
_NOT_NUMBER = re.compile(r"[^\d\s,.+\-\u2212\u2013\u2192%()\u00a0]")
_PER_CENT = re.compile(r"(\d)[ \t]%")  # a figure, a plain space, its per cent sign


class Markup(str):
    """HTML already built and escaped here (a link): ul and table_html place it as it is."""


def link(text: str, address: str) -> Markup:
    """A plain link to a web page (<a href>, its text escaped): followed only when clicked, nothing loaded
    when the page opens; an address that is not http(s) is refused."""
    if not address.startswith(("https://", "http://")):
        raise ValueError(f"not a web address: {address!r}")
    return Markup(f'<a href="{escape(address)}">{escape(text)}</a>')


def h(text: str, level: int = SECTION) -> str:
    """A heading element with escaped text (a section's, unless level says otherwise)."""
    return f"<h{level}>{escape(text)}</h{level}>\n"


def tidy(text: str) -> str:
    """Text as the page sets it: a no-break space between a figure and its per cent sign ('50 %' from the
    data, as the number formatter writes it), so that the two never part at a line's end."""
    return _PER_CENT.sub("\\1\u00a0%", text)


def with_code(text: str) -> str:
    """Escaped text (tidied) with every `code` span made a <code> element (commands, files, rule names)."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(tidy(text), quote=False))


def p(text: str, cls: str = "") -> str:
    """A paragraph with escaped text (`code` spans as code)."""
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{with_code(text)}</p>\n"


def ul(items: list[str]) -> str:
    """A bulleted list of escaped items (`code` spans as code; Markup as it is)."""
    return "<ul>\n" + "".join(
        f"<li>{i if isinstance(i, Markup) else with_code(i)}</li>\n" for i in items) + "</ul>\n"


def dl(pairs: list[tuple[str, str]]) -> str:
    """A definition list of escaped (term, text) pairs, each term beside its text (class asf-dl)."""
    items = "".join(f"<dt>{escape(tidy(a))}</dt><dd>{escape(tidy(b))}</dd>\n" for a, b in pairs)
    return f'<dl class="asf-dl">\n{items}</dl>\n'


def cell(value, kind: str, lang: str) -> str:
    """One table cell formatted in lang: kind int, dec1, dec2, sint, sdec1, pct, spct, text, year."""
    if kind in ("text", "year"):
        return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    if value is None or pd.isna(value):
        return words.DASH
    if kind == "int":
        return words.num(value, lang)
    if kind in ("dec1", "dec2"):
        return words.num(value, lang, int(kind[-1]))
    if kind == "sint":
        return words.num(value, lang, sign=True)
    if kind == "sdec1":
        return words.num(value, lang, 1, sign=True)
    if kind == "pct":
        return words.num(value, lang, 1)
    if kind == "spct":
        return words.num(value, lang, 1, sign=True)
    raise ValueError(f"unknown cell kind {kind!r}")


def formatted(df: pd.DataFrame, spec: list[tuple[str, str, str]], lang: str) -> pd.DataFrame:
    """A display frame: (column, header, kind) per column, every cell a string in lang."""
    return pd.DataFrame({header: [cell(v, kind, lang) for v in df[col]] for col, header, kind in spec})


def marked(text: str) -> str:
    """Escaped text with its marks made elements: `code` becomes <code>, and a "quotation of the report"
    (in straight double quotes) a Swedish quotation, <q lang="sv">, whose marks the page's style draws and
    whose numbers never break across lines (words.unbreakable)."""
    return re.sub(r'"([^"]+)"', lambda m: f'<q lang="sv">{words.unbreakable(m.group(1))}</q>',
                  with_code(text))


def is_number(text: str) -> bool:
    """True for a number as the report writes it: 1,257 / −38,8 / +49 (+27.4 %) / 0.3–44.5 / 2016 / –."""
    return not _NOT_NUMBER.search(text)


def _cls(numeric: bool) -> str:
    return "" if numeric else f' class="{TEXT}"'


def _text(value) -> str:
    """A cell's text escaped with its marks made elements (see `marked`), a line-break opportunity after
    each underscore (audit check names); a missing value as a dash."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return words.DASH
    if isinstance(value, Markup):
        return str(value)
    return marked(str(value)).replace("_", "_<wbr>")


def table_html(df: pd.DataFrame, caption: str, source: str = "", note: str = "", notes: str = "") -> str:
    """An HTML table of a display frame (every cell escaped): caption, column headers with scope, numbers
    right-aligned; the column named notes, if any, shown as a second line of each row; a note and a
    source line below."""
    cols = [c for c in df.columns if c != notes]
    numeric = {c: all(is_number(str(v)) for v in df[c]) for c in cols}
    head = "".join(f'<th scope="col"{_cls(numeric[c])}>{escape(str(c))}</th>' for c in cols)
    rows = []
    for i in range(len(df)):
        r = {c: df[c].iloc[i] for c in df.columns}  # by column: a Markup cell stays Markup
        cells = "".join(
            f'<td{_cls(numeric[c])} data-label="{escape(str(c))}">{_text(r[c])}</td>' for c in cols
        )
        row = f"<tr>{cells}</tr>"
        if notes and str(r[notes]):
            row += (f'<tr class="asf-row-note"><td class="{TEXT}" colspan="{len(cols)}">'
                    f'<span class="asf-note-label">{escape(str(notes))}</span> {_text(r[notes])}</td></tr>')
        rows.append(f"<tbody>\n{row}\n</tbody>\n" if notes else f"{row}\n")
    body = "".join(rows) if notes else f"<tbody>\n{''.join(rows)}</tbody>\n"
    out = (f'<table class="asf-table{" asf-table-notes" if notes else ""}">\n'
           f"<caption>{escape(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n{body}</table>\n")
    if note:
        out += p(note, "asf-note")
    if source:
        out += p(source, "asf-source")
    return f'<div class="asf-table-block">\n{out}</div>\n'


def wide_table(frame: pd.DataFrame, lang: str, caption: str, kind: str = "int", note: str = "") -> str:
    """A tidy year/category frame as a table with one column per category (names in lang), a note below."""
    w = metrics.wide(frame).reset_index()
    spec = [("year", words.t("col_year", lang), "year")]
    spec += [(c, words.name(c, lang), kind) for c in w.columns[1:]]
    return table_html(formatted(w, spec, lang), caption, note=note)


def figure_html(svgs: tuple[str, ...], *, title: str, subtitle: str, takeaway: str, source: str, alt: str,
                table: str = "") -> str:
    """A <figure>: its caption (the title stating the finding, the subtitle stating the measure and unit,
    the one-sentence takeaway, the source) and the chart as inline SVG drawn at each width of WIDTHS
    (asfdata.render.svg.chart_svgs; class asf-chart-<width>: the report's stylesheet shows the one that
    fits; where no stylesheet says so, as in a notebook, the first alone is shown), each labelled for
    assistive technology by the takeaway and then the data (alt); the table of the plotted numbers follows
    the figure (class asf-figure-data: on screen, not in print, where annex A holds every figure)."""
    title, subtitle, takeaway, source, alt = (tidy(x) for x in (title, subtitle, takeaway, source, alt))
    label = escape(f"{takeaway} {alt}")
    charts = "\n".join(
        svg.replace("<svg ", f'<svg class="asf-chart asf-chart-{w.name}" role="img" aria-label="{label}" '
                    + ('style="display: none" ' if i else ""), 1)
        for i, (w, svg) in enumerate(zip(WIDTHS, svgs, strict=True))
    )
    return (
        f'<figure class="asf-figure">\n<figcaption>\n'
        f'<p class="asf-figure-title">{escape(title)}</p>\n'
        f'<p class="asf-figure-subtitle">{escape(subtitle)}</p>\n'
        f'<p class="asf-figure-takeaway">{escape(takeaway)}</p>\n'
        f'<p class="asf-source">{escape(source)}</p>\n'
        f"</figcaption>\n{charts}\n</figure>\n"
        + (f'<div class="asf-figure-data">\n{table}</div>\n' if table else "")
    )


def show(*blocks: object) -> None:
    """Display blocks in a notebook as text/html outputs: HTML strings, or sections
    (asfdata.render.section.Section), each as its HTML."""
    from IPython.display import HTML, display  # here: only notebooks show, and IPython costs 0.15 s to import

    for b in blocks:
        display(HTML(str(b)))
