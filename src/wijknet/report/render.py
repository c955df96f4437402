"""Reports as self-contained HTML documents (Jinja2 templates, inline CSS and SVG).

:func:`render_html` turns a :class:`~wijknet.report.build.WijkReport` or
:class:`~wijknet.report.build.ProgrammeReport` into one HTML file that
prints on A4 (print CSS with page breaks) and loads nothing from elsewhere:
no scripts, no web fonts, no remote images. Numbers are formatted the Dutch
way in Dutch (``0,25``; ``1.234``) and the English way in English.
"""

from __future__ import annotations

import shlex
from functools import partial
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from wijknet.analysis.kpi import status_label
from wijknet.core import formatting as fmt
from wijknet.core.i18n import get_language, text
from wijknet.core.uncertainty import is_plain
from wijknet.report import kern
from wijknet.report import onderstroom as onderstroom_report
from wijknet.report.build import ProgrammeReport, WijkReport
from wijknet.report.svgmap import display_name, svg_network_map
from wijknet.report.texts import DEFINITIONS, REFERENCES, TEXTS

__all__ = ["environment", "render_html", "write_html"]

#: Measures of the key-figures table: column, text key, format.
MEASURES = (
    ("actors", "m_actors", "int"),
    ("ties", "m_ties", "int"),
    ("density", "m_density", "dec3"),
    ("cross_domain_share", "m_cross", "pct"),
    ("ei_index", "m_ei", "dec2"),
    ("ei_expected", "m_ei_expected", "dec2"),
    ("ei_p_value", "m_ei_p", "p"),
    ("reciprocity", "m_reciprocity", "pct"),
    ("components", "m_components", "int"),
    ("isolates", "m_isolates", "int"),
    ("transitivity", "m_transitivity", "dec2"),
    ("assortativity", "m_assortativity", "dec2"),
)
STATUS_CLASS = {
    "on_track": "ok",
    "analysis_requested": "warn",
    "improvement_plan": "bad",
    "no_judgement": "none",
}
MAP_LABELS = 15
_HEAT = (0, 114, 178)  # the zorg blue of the taxonomy


def environment() -> Environment:
    """The Jinja2 environment of the report templates (autoescaping on)."""
    env = Environment(
        loader=PackageLoader("wijknet.report", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def show(value, kind: str, lang: str) -> str:
    """A number as text: ``int``, ``pct`` (share as percent), ``dec2``, ``dec3``; "–" when missing."""
    if _missing(value):
        return "–"
    value = float(value)
    if kind == "int":
        return fmt.number(value, 0, lang)
    if kind == "pct":
        return fmt.number(100 * value, 0, lang) + "%"
    if kind == "p":
        return fmt.p_value(value, lang)
    return fmt.number(value, 3 if kind == "dec3" else 2, lang)


#: Rows of the key-figures table for researchers only; a plain audience reads :func:`measure_rows`'s words instead.
RESEARCHER_MEASURES = ("ei_expected", "ei_p_value")


def measure_rows(by_wave: pd.DataFrame, waves, lang: str, t, *, plain: bool = False) -> list[dict]:
    """The key-figures table (:data:`MEASURES`) of ``waves``, for the app's Kengetallen page and the wijk report.

    ``by_wave`` holds one row per wave (index: wave) with the columns of
    :func:`wijknet.analysis.trends.network_by_wave`; ``t`` looks a text key
    up (``m_<measure>`` and ``m_<measure>_expl``). With ``plain`` (a
    PlusWIJkteam or leernetwerk) the value by chance and the p-value are one
    row of words instead (:func:`wijknet.core.uncertainty.versus_chance`).
    Returns dicts ``label, values, expl``.
    """
    from wijknet.core.uncertainty import versus_chance

    rows = []
    for column, key, kind in MEASURES:
        if column not in by_wave.columns or (plain and column in RESEARCHER_MEASURES):
            continue
        rows.append(
            {
                "label": t(key),
                "values": [show(by_wave.at[w, column], kind, lang) for w in waves],
                "expl": t(f"{key}_expl"),
            }
        )
        if plain and column == "ei_index" and {"ei_expected", "ei_p_value"} <= set(by_wave.columns):
            words = [
                versus_chance(by_wave.at[w, "ei_index"], by_wave.at[w, "ei_expected"],
                              by_wave.at[w, "ei_p_value"], lang)
                for w in waves
            ]  # fmt: skip
            rows.append({"label": t("m_ei_p"), "values": words, "expl": t("m_ei_p_expl")})
    return rows


def change_counts(c, *, stable: bool = False) -> dict:
    """The tie changes of one :func:`wijknet.analysis.change.compare_waves` row by the default definition.

    The default (``stable=False``) is the one of every screen: **all actors**
    of both waves, so the ties of newcomers count as new and those of leavers
    as lost (the ``*_all`` columns; the kept ties are the same under both
    definitions). ``stable=True`` counts only the actors who took part in both
    waves ("alleen actoren die beide jaren meededen"). A row without the
    ``*_all`` columns falls back to the stable counts.
    """
    get = c.get if hasattr(c, "get") else (lambda k, d=None: c[k] if k in c else d)

    def pick(base: str):
        return get(base) if stable else get(f"{base}_all", get(base))

    return {
        "kept": get("ties_kept"), "kept_cross": get("kept_cross_domain"), "kept_same": get("kept_same_domain"),
        "new": pick("ties_new"), "lost": pick("ties_lost"), "new_cross": pick("new_cross_domain"),
        "lost_cross": pick("lost_cross_domain"), "new_same": pick("new_same_domain"),
        "lost_same": pick("lost_same_domain"), "jaccard": pick("jaccard"),
    }  # fmt: skip


def p_text(p, lang: str) -> str:
    """``p = 0,012`` or ``p < 0,001`` ("p = –" when missing): :func:`wijknet.core.formatting.p_text`."""
    return fmt.p_text(p, lang)


def heat_style(share: float) -> str:
    """CSS of a heatmap cell: blue with opacity by ``share`` (0-1), white text on dark cells."""
    if _missing(share):
        return ""
    share = min(max(float(share), 0.0), 1.0)
    alpha = 0.06 + 0.88 * share
    colour = "#ffffff" if alpha > 0.55 else "#1a1a1a"
    r, g, b = _HEAT
    return f"background-color: rgba({r},{g},{b},{alpha:.2f}); color: {colour};"


def _sparkline(
    values: list[float], *, width: int = 120, height: int = 30, lo: float = 0.0, hi: float = 1.0
) -> Markup:
    """A tiny inline SVG line of ``values`` between ``lo`` and ``hi`` (NaN gaps skipped)."""
    points = []
    n = len(values)
    for i, v in enumerate(values):
        if _missing(v):
            continue
        x = 6 + (width - 12) * (i / (n - 1) if n > 1 else 0.5)
        y = height - 5 - (height - 10) * (min(max(float(v), lo), hi) - lo) / ((hi - lo) or 1)
        points.append((x, y))
    if not points:
        return Markup("")
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6"/>' for x, y in points)
    return Markup(
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-hidden="true">'
        f'<line x1="4" x2="{width - 4}" y1="{height - 5}" y2="{height - 5}" stroke="#cccccc" stroke-width="1"/>'
        f'<polyline points="{path}" fill="none" stroke="#0072B2" stroke-width="2"/>'
        f'<g fill="#0072B2">{dots}</g></svg>'
    )


def is_plain_report(report) -> bool:
    """Whether ``report`` is written for a PlusWIJkteam or leernetwerk (plain words, no method names)."""
    return is_plain(getattr(report.provenance, "audience", "") or None)


def _common(report, lang: str) -> dict:
    """Context shared by all report kinds: texts (plain for a PlusWIJkteam or leernetwerk), provenance, appendix."""
    plain = is_plain_report(report)
    t = partial(text, TEXTS, lang=lang, plain=plain)
    prov = report.provenance
    options = prov.graph_options
    filters = []
    if options.get("tie_types"):
        filters.append(", ".join(options["tie_types"]))
    if options.get("min_weight") is not None:
        filters.append(f"≥ {fmt.number(float(options['min_weight']), 1, lang)}")
    if options.get("symmetrise"):
        filters.append(str(options["symmetrise"]))
    settings = [
        (t("set_version"), prov.version),
        (t("set_python"), prov.python),
        (t("set_seed"), str(prov.seed)),
        (t("set_permutations"), fmt.number(prov.n_permutations, 0, lang)),
        (t("set_layout_seed"), "0"),
        (t("set_filters"), "; ".join(filters) or t("set_filters_none")),
        (t("set_generated"), prov.generated),
    ]
    files = [
        {
            "name": f.name,
            "rows": "–" if f.rows is None else fmt.number(f.rows, 0, lang),
            "size": fmt.number(f.size, 0, lang),
            "sha": f.sha256,
        }
        for f in prov.files
    ]
    evidence = [
        {"label": r.evidence, "ties": fmt.number(r.ties, 0, lang)}
        for r in prov.evidence.itertuples()
    ]
    return {
        "lang": lang, "t": t, "synthetic": report.synthetic, "title": report.title,
        "meta": t("doc_meta", title=report.title or "wijknet", date=prov.generated, version=prov.version),
        "definitions": [d for d in (t(key) for key in DEFINITIONS) if d],
        "references": () if plain else REFERENCES, "files": files, "plain": plain,
        "data_sha256": prov.data_sha256, "in_memory": prov.in_memory, "evidence": evidence, "settings": settings,
        "warnings": report.warnings,
        # a leernetwerk's figures: small groups merged or left out, so they may differ from the wijk's own
        "merged_note": str(getattr(prov, "audience", "")) == "leernetwerk",
        "footer": t("footer", version=prov.version, hash=prov.data_sha256[:12]),
    }  # fmt: skip


def _reproduce(report, wijk: str | None, wave: str, lang: str | None = None) -> str:
    """The ``wijknet report`` command that makes this report again: wijk, wave, seed, permutations, audience, language."""
    prov = report.provenance
    parts = ["wijknet", "report", "PROJECT"]
    if wijk is not None:
        parts += ["--wijk", shlex.quote(wijk)]
    if getattr(prov, "audience", ""):
        parts += ["--audience", shlex.quote(prov.audience)]
    if getattr(prov, "unlocked", False):
        parts.append("--unlock")
    if lang:
        parts += ["--lang", lang]
    parts += [
        "--wave",
        wave,
        "--seed",
        str(prov.seed),
        "--permutations",
        str(prov.n_permutations),
        "--out",
        "rapport.pdf",
    ]
    return " ".join(parts)


def _name(row) -> str:
    return display_name(
        {"name": row.name, "consent": bool(row.consent), "role": row.role, "actor_id": row.actor_id}
    )


def _wijk_context(report: WijkReport, lang: str) -> dict:
    ctx = _common(report, lang)
    t = ctx["t"]
    tax = report.taxonomy
    cur, before = report.current, report.before
    at = report.waves.index(report.wave)
    shown_waves = report.waves[max(0, at - 2) : at + 1]
    by_wave = report.network.set_index("wave")
    measures = measure_rows(by_wave, shown_waves, lang, t, plain=is_plain_report(report))
    # Tiles and summary.
    kpi_row = report.kpi_row
    tiles = [
        (show(cur["actors"], "int", lang), t("tile_actors")),
        (show(cur["ties"], "int", lang), t("tile_ties")),
        (show(cur["cross_domain_share"], "pct", lang), t("tile_cross")),
        (show(cur["ei_index"], "dec2", lang), t("tile_ei")),
    ]
    if kpi_row is not None and not _missing(kpi_row["share"]):
        tiles.append((show(kpi_row["share"], "pct", lang), t("tile_kpi")))
    summary = []
    if report.change is not None and before is not None:
        counts = change_counts(report.change)
        summary.append(
            t(
                "summary_change",
                previous=report.previous,
                new=show(counts["new"], "int", lang),
                lost=show(counts["lost"], "int", lang),
                cross_before=show(before["cross_domain_share"], "pct", lang),
                cross_now=show(cur["cross_domain_share"], "pct", lang),
            )
        )
    else:
        summary.append(t("summary_first"))
    outside = [_name(r) for r in report.connectors.itertuples() if not r.pluswijkteam]
    if outside:
        summary.append(t("summary_connectors", names=", ".join(outside[:4])))
    if len(report.bridges):
        summary.append(t("summary_bridges", n=len(report.bridges)))
    # Connectors and bridges.
    yes = t("yes")
    connectors = [{
        "name": _name(r), "role": r.role, "domain": tax.label(r.domain, lang), "colour": tax.colour(r.domain),
        "team": yes if r.pluswijkteam else "", "partners": show(r.in_degree + r.out_degree, "int", lang),
        "roles": show(r.brokerage_total, "int", lang), "betweenness": show(r.betweenness_normalised, "dec3", lang),
        "fragile": yes if r.articulation_point else "", "outside": not r.pluswijkteam,
    } for r in report.connectors.itertuples()]  # fmt: skip
    bridges = [{"name": _name(r), "role": r.role, "domain": tax.label(r.domain, lang), "colour": tax.colour(r.domain),
                "team": yes if r.pluswijkteam else "", "partners": show(r.in_degree + r.out_degree, "int", lang)}
               for r in report.bridges.itertuples()]  # fmt: skip
    # Mixing heatmap.
    mixing = report.mixing
    domains = (
        tax.order(set(mixing["from_domain"]) | set(mixing["to_domain"])) if len(mixing) else []
    )
    cells = {(r.from_domain, r.to_domain): (r.ties, r.row_share) for r in mixing.itertuples()}
    heat_rows = []
    for a in domains:
        row = []
        for b in domains:
            ties, share = cells.get((a, b), (0, float("nan")))
            row.append(
                {
                    "ties": show(ties, "int", lang),
                    "style": heat_style(share if ties else 0.0),
                    "diag": a == b,
                    "title": show(share, "pct", lang),
                }
            )
        heat_rows.append({"label": tax.label(a, lang), "colour": tax.colour(a), "cells": row})
    ei_domains = [
        {
            "label": tax.label(r.domain, lang),
            "colour": tax.colour(r.domain),
            "internal": show(r.internal, "int", lang),
            "external": show(r.external, "int", lang),
            "ei": show(r.ei_index, "dec2", lang),
        }
        for r in report.ei_domains.itertuples()
    ]
    # Change.
    change = None
    if report.change is not None:
        c = report.change
        k, s = change_counts(c), change_counts(c, stable=True)
        change = {
            "intro": t("change_intro", previous=report.previous, wave=report.wave, stable=show(c["actors_stable"], "int", lang),
                       entered=show(c["actors_entered"], "int", lang), left=show(c["actors_left"], "int", lang)),
            "rows": [
                (t("ch_kept"), show(k["kept"], "int", lang), show(k["kept_cross"], "int", lang),
                 show(k["kept_same"], "int", lang)),
                (t("ch_new"), show(k["new"], "int", lang), show(k["new_cross"], "int", lang),
                 show(k["new_same"], "int", lang)),
                (t("ch_lost"), show(k["lost"], "int", lang), show(k["lost_cross"], "int", lang),
                 show(k["lost_same"], "int", lang)),
            ],
            "stable": t("ch_stable_only", stable=show(c["actors_stable"], "int", lang), new=show(s["new"], "int", lang),
                        lost=show(s["lost"], "int", lang), kept=show(s["kept"], "int", lang)),
            "jaccard": t("ch_jaccard", value=show(k["jaccard"], "dec2", lang),
                         pct=show(k["jaccard"], "pct", lang)),
            "qap": t("ch_qap", r=show(c["qap_correlation"], "dec2", lang), p=p_text(c["qap_p_value"], lang)),
        }  # fmt: skip
    trend = [
        {
            "wave": w,
            "cross": show(by_wave.at[w, "cross_domain_share"], "pct", lang),
            "ei": show(by_wave.at[w, "ei_index"], "dec2", lang),
        }
        for w in report.waves[: at + 1]
    ]
    # KPI 3.
    kpi = None
    if report.kpi is not None:
        kpi = [
            _kpi_cells(r, lang) for r in report.kpi.itertuples() if report.waves.index(r.wave) <= at
        ]
    target = (
        show(report.kpi["target"].iloc[0], "pct", lang)
        if report.kpi is not None and len(report.kpi)
        else "75%"
    )
    response = [{"wave": r.wave, "actors": show(r.actors, "int", lang), "respondents": show(r.respondents, "int", lang)
                 if report.kpi is not None else "–", "rate": show(r.response_rate, "pct", lang),
                 "reporters": f"{show(r.reporters, 'int', lang)} ({show(r.reporter_share, 'pct', lang)})",
                 "isolates": show(r.isolates, "int", lang)} for r in report.response.itertuples()
                if report.waves.index(r.wave) <= at]  # fmt: skip
    svg = svg_network_map(
        report.graph,
        report.positions,
        taxonomy=tax,
        lang=lang,
        max_labels=MAP_LABELS,
        title=t("map_title", wijk=report.wijk, wave=report.wave),
    )
    ctx.update({
        "doc_title": t("doc_wijk_title", wijk=report.wijk), "subtitle": t("doc_wijk_sub", wave=report.wave),
        "wijk_header": _wijk_header(report, lang),
        "wijk": report.wijk, "wave": report.wave, "previous": report.previous, "tiles": tiles, "summary": summary,
        "map_svg": Markup(svg), "shown_waves": shown_waves, "measures": measures, "connectors": connectors,
        "connectors_n": len(connectors), "outside": outside, "bridges": bridges, "domains": domains,
        "heat_header": [{"label": tax.label(d, lang), "colour": tax.colour(d)} for d in domains],
        "heat_rows": heat_rows, "ei_domains": ei_domains, "change": change, "trend": trend, "kpi": kpi,
        "kpi_target": target, "response": response, "has_responses": report.kpi is not None,
        "reproduce": _reproduce(report, report.wijk, report.wave, lang),
        "toc": [("kaart", t("sec_map")), ("kengetallen", t("sec_measures")), ("verandering", t("sec_change")),
                ("verbinders", t("sec_connectors")), ("domeinmenging", t("sec_mixing")), ("kpi3", t("sec_kpi")),
                ("respons", t("sec_quality")), ("bijlage", t("sec_appendix"))],
    })  # fmt: skip
    ctx.update(kern.wijk_context(report.kern, lang))
    if report.kern is not None:  # kern: the kernaanpakken and the team before the response section
        at_quality = [a for a, _ in ctx["toc"]].index("respons")
        ctx["toc"][at_quality:at_quality] = [
            ("kernaanpakken", text(kern.TEXTS, "sec_kern", lang)),
            ("pluswijkteam", text(kern.TEXTS, "sec_team", lang)),
        ]
    from wijknet.report import worlds as worlds_report

    ctx.update(worlds_report.wijk_context(report, lang))
    ctx["toc"] = worlds_report.add_to_contents(ctx["toc"], lang)
    return ctx


def _kpi_cells(r, lang: str) -> dict:
    # A count left blank by the disclosure-control rule (leernetwerk) is NaN and shown as "–".
    return {
        "wave": r.wave, "answered": show(r.answered, "int", lang), "agree": show(r.agree, "int", lang),
        "share": show(r.share, "pct", lang),
        "ci": "–" if _missing(r.share) else f"{show(r.ci_low, 'pct', lang)} – {show(r.ci_high, 'pct', lang)}",
        "band": "–" if _missing(r.band_min) else f"{show(r.band_min, 'pct', lang)} – {show(r.band_max, 'pct', lang)}",
        "status": status_label(r.status, lang), "status_class": STATUS_CLASS.get(r.status, "none"),
        "overlap": bool(r.ci_overlaps_band) and bool(r.below_band),
    }  # fmt: skip


def _programme_context(report: ProgrammeReport, lang: str) -> dict:
    ctx = _common(report, lang)
    t = ctx["t"]
    at = report.waves.index(report.wave)
    waves = report.waves[: at + 1]
    overview = []
    for r in report.summary.to_dict("records"):
        row = {"wijk": r["wijk"], "actors": show(r["actors"], "int", lang), "ties": show(r["ties"], "int", lang),
               "density": show(r["density"], "dec3", lang), "cross": show(r["cross_domain_share"], "pct", lang),
               "ei": show(r["ei_index"], "dec2", lang), "isolates": show(r.get("isolates"), "int", lang),
               "new_lost": (f"{show(change_counts(r)['new'], 'int', lang)} / {show(change_counts(r)['lost'], 'int', lang)}"
                            if "ties_new" in r else "–"),
               "jaccard": show(change_counts(r)["jaccard"], "dec2", lang)}  # fmt: skip
        if "share" in r:
            answered = 0 if _missing(r.get("answered")) else int(r["answered"])
            row["kpi"] = show(r["share"], "pct", lang)
            row["kpi_ci"] = (
                ""
                if answered == 0
                else f"{show(r['ci_low'], 'pct', lang)} – {show(r['ci_high'], 'pct', lang)}"
            )
            row["status"] = status_label(r["status"], lang)
            row["status_class"] = STATUS_CLASS.get(r["status"], "none")
        overview.append(row)
    net = report.network[report.network["wave"].isin(waves)]
    trends = []

    def span(column: str) -> tuple[float, float]:
        """Common scale of the sparklines of all wijken, with a little room."""
        values = net[column].astype(float).dropna()
        if values.empty:
            return 0.0, 1.0
        pad = max(0.05, 0.1 * (values.max() - values.min()))
        return float(values.min() - pad), float(values.max() + pad)

    cross_span, ei_span = span("cross_domain_share"), span("ei_index")
    for wijk in report.wijken:
        mine = net[net["wijk"] == wijk].set_index("wave")
        cross = [
            mine.at[w, "cross_domain_share"] if w in mine.index else float("nan") for w in waves
        ]
        ei = [mine.at[w, "ei_index"] if w in mine.index else float("nan") for w in waves]
        trends.append(
            {
                "wijk": wijk,
                "cross": [show(v, "pct", lang) for v in cross],
                "ei": [show(v, "dec2", lang) for v in ei],
                "cross_spark": _sparkline(cross, lo=cross_span[0], hi=cross_span[1]),
                "ei_spark": _sparkline(ei, lo=ei_span[0], hi=ei_span[1]),
            }
        )
    kpi_trend = None
    if report.kpi is not None:
        kpi_trend = []
        for wijk, part in report.kpi.groupby("wijk", sort=False):
            cells = {r.wave: _kpi_cells(r, lang) for r in part.itertuples() if r.wave in waves}
            pooled = bool(part["pooled"].iloc[0])
            kpi_trend.append(
                {
                    "wijk": t("all_wijken") if pooled else wijk,
                    "pooled": pooled,
                    "cells": [cells.get(w) for w in waves],
                }
            )
    response = []
    for wijk in report.wijken:
        mine = report.response[report.response["wijk"] == wijk].set_index("wave")
        response.append(
            {
                "wijk": wijk,
                "cells": [
                    {
                        "rate": show(mine.at[w, "response_rate"], "pct", lang),
                        "actors": show(mine.at[w, "actors"], "int", lang),
                        "isolates": show(mine.at[w, "isolates"], "int", lang),
                    }
                    for w in waves
                ],
            }
        )
    intro = (
        t("overview_intro", wave=report.wave, previous=report.previous)
        if report.previous
        else t("overview_intro_first", wave=report.wave)
    )
    ctx.update({
        "doc_title": t("doc_programme_title"), "subtitle": t("doc_programme_sub", wave=report.wave),
        "wave": report.wave, "previous": report.previous, "waves": waves, "overview": overview,
        "overview_intro": intro, "has_kpi": report.kpi is not None, "trends": trends, "kpi_trend": kpi_trend,
        "response": response, "reproduce": _reproduce(report, None, report.wave, lang),
    })  # fmt: skip
    ctx.update(kern.programme_context(report.kern, lang, report.wave))
    from wijknet.report import worlds as worlds_report

    ctx.update(worlds_report.programme_context(report, lang))
    from wijknet.report import forest as forest_report

    # steering: a forest plot per tie-change effect (what works where)
    ctx["forests"] = forest_report.forest_context(
        report.forest, report.wave, lang, researcher=report.forest_numbers
    )
    ctx["forest_t"] = partial(text, forest_report.TEXTS, lang=lang)
    if "toc" in ctx:
        ctx["toc"] = worlds_report.add_to_contents(ctx["toc"], lang, programme=True)
    return ctx


def render_html(report: WijkReport | ProgrammeReport, lang: str | None = None) -> str:
    """The report as one self-contained HTML document.

    Parameters
    ----------
    report : WijkReport or ProgrammeReport
        From :func:`wijknet.report.build_wijk_report` or
        :func:`wijknet.report.build_programme_report`.
    lang : {"nl", "en"}, optional
        Default: the active language (Dutch unless set otherwise).

    Returns
    -------
    str
        HTML with inline CSS and SVG; A4 print layout.
    """
    lang = lang or get_language()
    env = environment()
    if isinstance(report, WijkReport):
        ctx = _wijk_context(report, lang)
        ctx |= onderstroom_report.wijk_context(
            report.onderstroom, report.wave, report.taxonomy, lang, plain=is_plain_report(report)
        )
        return env.get_template("wijk.html").render(**ctx)
    if isinstance(report, ProgrammeReport):
        ctx = _programme_context(report, lang)
        ctx |= onderstroom_report.programme_context(
            report.onderstroom, lang, plain=is_plain_report(report)
        )
        return env.get_template("programme.html").render(**ctx)
    raise TypeError(f"expected a WijkReport or ProgrammeReport, not {type(report).__name__}")


def write_html(
    report: WijkReport | ProgrammeReport, path: str | Path, lang: str | None = None
) -> Path:
    """Render ``report`` and write it to ``path`` (UTF-8); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(report, lang), encoding="utf-8")
    return path


def _wijk_header(report, lang: str) -> str:
    """The wijk report's header line: municipality, pilot or comparison wijk, phase (wijkmeta, issue 15)."""
    from wijknet.analysis.wijken import header_line

    info = getattr(report, "wijk_info", None)
    return header_line(info, lang) if info else ""
