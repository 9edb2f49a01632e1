"""Pieces more than one chapter shows: a stated total beside its parts, the marks of the reorganisation and
the pandemic on the charts, and rows of the audit."""

from __future__ import annotations

from html import escape

import pandas as pd

from asfdata import metrics, registry
from asfdata.pipeline import audit_notes
from asfdata.pipeline.audit_lookup import sort_audit
from asfdata.render import words
from asfdata.render.html import formatted, table_html
from asfdata.render.section import Section
from asfdata.study import REFORM_YEAR, Study

t = words.t
PLACED_BY = ("placements", "placed_by")  # measure and breakdown of people placed by placing body


def parts_table(snapshots: pd.DataFrame, measure: str, group: str, audit, lang: str, caption: str) -> str:
    """Parts, their sum, the stated total, the difference and the audit's status per year; the audit row
    behind it on a second line (what its rule checks, the rule's name as code, and its scope in lang)."""
    vs = metrics.stated_vs_parts(snapshots, measure, group, audit)
    rows = audit.set_index("audit_id") if audit is not None else pd.DataFrame()
    vs = vs.assign(status=[words.status(x, lang) for x in vs["status"]],
                   audit=[audit_row_text(rows.loc[a], lang) if a in rows.index else "" for a in vs["audit"]])
    parts = metrics.wide(metrics.series(snapshots, measure, group)).reset_index()
    spec = [("year", t("col_year", lang), "year")]
    spec += [(c, words.name(c, lang), "int") for c in parts.columns[1:]]
    left = formatted(parts, spec, lang)
    right = formatted(
        vs,
        [
            ("sum_of_parts", t("col_sum_of_parts", lang), "int"),
            ("stated_total", t("col_total_stated", lang), "int"),
            ("difference", t("col_difference", lang), "sint"),
            ("audit", t("col_audit", lang), "text"),
            ("status", t("col_status", lang), "text"),
        ],
        lang,
    )
    return table_html(pd.concat([left, right], axis=1), caption, note=t("parts_note", lang),
                      notes=t("col_audit", lang))


def parts_data(vs: pd.DataFrame) -> pd.DataFrame:
    """The numbers of parts_table beyond the parts (metrics.stated_vs_parts' frame): year, sum_of_parts,
    stated_total, difference (stated − sum, in the measure's unit), audit (the row's id) and status."""
    return vs[["year", "sum_of_parts", "stated_total", "difference", "audit", "status"]]


def event_marks(events: pd.DataFrame, lang: str) -> list[tuple[float, str]]:
    """Marks between autumn counts for the reorganisation of Arbetsförmedlingen and the pandemic."""
    years = metrics.event_years(events)
    out = []
    if "reorganisation" in years:
        out.append((years["reorganisation"] - 0.5, f"{years['reorganisation']}: {t('mark_reform', lang)}"))
    if "pandemic" in years:
        out.append((years["pandemic"] - 0.5, f"{years['pandemic']}: {t('mark_pandemic', lang)}"))
    return out


def undefined_note(zero: list[tuple[str, int]], lang: str) -> str:
    """The note under a table whose ratios divide by a count of 0 ((category, autumn) pairs): such a ratio is
    undefined and shown as a dash; nothing when there is none."""
    items = [t("undefined_item", lang, name=words.name(c, lang), year=y) for c, y in zero]
    return t("undefined_note", lang, items=words.join(items, lang)) if items else ""


def audit_row_text(row: pd.Series, lang: str) -> str:
    """An audit row as a note names it: what its rule checks, the rule's name as code and its scope in lang
    ('Stated total against its parts (`total_vs_parts`): companies 2016 by region'), no English in
    Swedish but the rule's name."""
    scope = row["scope"] if lang == "en" else row["scope_sv"]
    return t("audit_row", lang, check=audit_notes.check_text(row["check"], lang), rule=code(row["check"]),
             scope=scope)


def code(identifier: str) -> str:
    """An identifier an auditor looks up (an audit row, a rule), marked as code; empty stays empty."""
    return f"`{identifier}`" if identifier else ""


def audit_html(audit: pd.DataFrame, lang: str, caption: str) -> str:
    """Audit rows (already selected), mismatches first, in lang: statuses, what each rule checks (its name as
    code), scopes and notes, each row's note on a second line so that the table fits the text column."""
    a = sort_audit(audit)
    a = a.assign(
        status=[words.status(x, lang) for x in a["status"]],
        check=[f"{audit_notes.check_text(c, lang)} ({code(c)})" for c in a["check"]],
        scope=a["scope"] if lang == "en" else a["scope_sv"],
        note=a["note"] if lang == "en" else a["note_sv"],
    )
    spec = [
        ("status", t("col_status", lang), "text"),
        ("check", t("col_check", lang), "text"),
        ("scope", t("col_scope", lang), "text"),
        ("stated", t("col_stated", lang), "int"),
        ("computed", t("col_computed", lang), "int"),
        ("difference", t("col_difference_plain", lang), "sint"),
        ("sources", t("col_sources", lang), "text"),
        ("note", t("col_note", lang), "text"),
    ]
    return table_html(
        formatted(a, spec, lang),
        caption,
        source=t("source_prefix", lang) + ": " + t("source_audit", lang),
        notes=t("col_note", lang),
    )


def audit_data(audit: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Audit rows (already selected) as data, mismatches first: audit_id, check, status, scope and note
    (in lang), stated, computed and difference (in the unit of the measure), sources."""
    a = sort_audit(audit)
    return pd.DataFrame({
        "audit_id": a["audit_id"], "check": a["check"], "status": a["status"],
        "scope": a["scope"] if lang == "en" else a["scope_sv"], "stated": a["stated"],
        "computed": a["computed"], "difference": a["difference"], "sources": a["sources"],
        "note": a["note"] if lang == "en" else a["note_sv"],
    }).reset_index(drop=True)


ANNEX_MARK = "\x00annex\x00"  # where the annex's linked title goes in a pointer (never in a text)


def annex_pointer(chapter_id: str, lang: str, study: Study | None = None) -> Section:
    """A paragraph saying what an annex holds, the annex's title a link to it (words annex_about_<id>, the
    study's years filled in: asfdata.study.Study, its defaults unless given); it states no number but those
    years, so .data is empty."""
    study = study or Study()
    c = registry.chapter(chapter_id)
    title = f'<a href="#{c.anchor}">{escape(words.chapter_title(chapter_id, lang))}</a>'
    about = t(f"annex_about_{chapter_id}", lang, annex=ANNEX_MARK, base=study.base_year,
              reform_year=REFORM_YEAR)  # the reorganisation's own year, as annex D's heading names it
    text = escape(about, quote=False)
    return Section(f'<p class="asf-annex-pointer">{text.replace(escape(ANNEX_MARK), title)}</p>\n')
