"""Forest plots of what works where for the printed reports: one static SVG per tie-change effect.

:func:`forest_context` gives, for the last pair of waves up to a wave, per
term of the tie-change model: its plain label, the plain-words reading
(:func:`wijknet.analysis.steering.effect_words`: no p-values, no method
names), the pooled numbers for researchers only, and :func:`forest_svg`.
Used by the steering-group report (:mod:`wijknet.report.steering`) and the
programme report (``templates/forest_programme.html``).
"""

from __future__ import annotations

import math
from html import escape

from markupsafe import Markup

from wijknet.analysis import steering as st
from wijknet.analysis.evaluation import PooledEffects
from wijknet.core import formatting as fmt
from wijknet.core.i18n import text

TEXTS = {
    "sec_forest": {"nl": "Wat werkt waar", "en": "What works where"},
    "forest_intro": {
        "nl": "Welke kenmerken van twee deelnemers samengaan met een relatie in {wave_to}, per wijk (lijn: de "
        "schatting met marge) en samen (ruit). Rechts van de middenlijn: meer kans op een relatie; links: minder.",
        "en": "Which features of two participants go with a tie in {wave_to}, per wijk (line: the estimate with "
        "its margin) and together (diamond). Right of the centre line: more chance of a tie; left: less.",
    },
    "forest_none": {
        "nl": "Te weinig gegevens om dit per wijk te schatten.",
        "en": "Too little data to estimate this per wijk.",
    },
    "forest_numbers": {
        "nl": "Onderzoekers: gepoold {estimate} ({low} – {high}), tau² = {tau2}, I² = {i2}, {method}, {n} wijken.",
        "en": "Researchers: pooled {estimate} ({low} – {high}), tau² = {tau2}, I² = {i2}, {method}, {n} wijken.",
    },
    "method_forest": {
        "nl": "Wat werkt waar: per wijk een logistisch model van de relaties in de latere meting, de effecten "
        "samengenomen over de wijken in een random-effects meta-analyse (REML). 'Verschilt sterk per wijk' betekent "
        "dat de wijken meer verschillen dan toeval verklaart (I² boven 75%); 'verschilt per wijk' I² 25-75%; "
        "'ongeveer gelijk in alle wijken' I² onder 25%. 'In de meeste wijken' betekent in minstens drie op de vier.",
        "en": "What works where: per wijk a logistic model of the ties in the later wave, the effects pooled across "
        "wijken in a random-effects meta-analysis (REML). 'Differs strongly per wijk' means the wijken differ more "
        "than chance explains (I² above 75%); 'differs per wijk' I² 25-75%; 'about the same in all wijken' I² below "
        "25%. 'In most wijken' means in at least three out of four.",
    },
    "axis_less": {"nl": "minder kans", "en": "less chance"},
    "axis_more": {"nl": "meer kans", "en": "more chance"},
    "together": {"nl": "Samen", "en": "Together"},
}


def forest_svg(result, lang: str, *, width: int = 640) -> Markup:
    """A static forest plot (SVG) of one pooled effect: a line per wijk and the pooled diamond.

    Per-wijk estimates with their interval (square sized by weight), the
    pooled estimate as a diamond, a dashed line at 0 (no effect); the axis is
    labelled "minder kans" / "meer kans" rather than in log odds.
    """
    units = result.units()
    rows = len(units) + 1
    row_h, top, label_w, right = 15, 6, 190, 14
    height = top + rows * row_h + 30
    lows = [*units["ci_low"], result.ci_low]
    highs = [*units["ci_high"], result.ci_high]
    finite = [v for v in (*lows, *highs) if v is not None and math.isfinite(v)]
    lo, hi = (min(finite + [0.0]), max(finite + [0.0])) if finite else (-1.0, 1.0)
    lo, hi = max(lo, -6.0), min(hi, 6.0)  # very wide intervals are cut at the edges
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    pad = 0.05 * (hi - lo)
    lo, hi = lo - pad, hi + pad
    plot_w = width - label_w - right

    def x(v: float) -> float:
        v = min(max(v, lo), hi)
        return label_w + (v - lo) / (hi - lo) * plot_w

    parts = [f'<svg class="forest" viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg" '
             f'role="img" font-family="DejaVu Sans, Arial, sans-serif" font-size="10">']  # fmt: skip
    zero = x(0.0)
    parts.append(f'<line x1="{zero:.1f}" y1="{top - 2}" x2="{zero:.1f}" y2="{top + rows * row_h}" '
                 'stroke="#888" stroke-dasharray="3,3"/>')  # fmt: skip
    wmax = max([float(w) for w in units["weight"]] + [1e-9])
    for i, r in enumerate(units.itertuples()):
        y = top + i * row_h + row_h / 2
        parts.append(f'<text x="{label_w - 6}" y="{y + 3.5:.1f}" text-anchor="end" fill="#1a1a1a">'
                     f"{escape(str(r.unit))}</text>")  # fmt: skip
        if math.isfinite(r.estimate):
            parts.append(f'<line x1="{x(r.ci_low):.1f}" y1="{y:.1f}" x2="{x(r.ci_high):.1f}" y2="{y:.1f}" '
                         'stroke="#1f5f8b" stroke-width="1.4"/>')  # fmt: skip
            size = 3 + 5 * math.sqrt(max(float(r.weight), 0) / wmax)
            parts.append(f'<rect x="{x(r.estimate) - size / 2:.1f}" y="{y - size / 2:.1f}" width="{size:.1f}" '
                         f'height="{size:.1f}" fill="#1f5f8b"/>')  # fmt: skip
    y = top + (rows - 1) * row_h + row_h / 2
    parts.append(f'<text x="{label_w - 6}" y="{y + 3.5:.1f}" text-anchor="end" font-weight="bold" '
                 f'fill="#b2182b">{escape(text(TEXTS, "together", lang))}</text>')  # fmt: skip
    if math.isfinite(result.estimate):
        cx, xl, xh = x(result.estimate), x(result.ci_low), x(result.ci_high)
        parts.append(f'<polygon points="{xl:.1f},{y:.1f} {cx:.1f},{y - 6:.1f} {xh:.1f},{y:.1f} {cx:.1f},{y + 6:.1f}" '
                     'fill="#b2182b"/>')  # fmt: skip
    axis_y = top + rows * row_h + 4
    parts.append(
        f'<line x1="{label_w}" y1="{axis_y}" x2="{label_w + plot_w}" y2="{axis_y}" stroke="#444"/>'
    )
    parts.append(f'<text x="{zero - 6:.1f}" y="{axis_y + 14}" text-anchor="end" fill="#5a5a5a">'
                 f"← {escape(text(TEXTS, 'axis_less', lang))}</text>")  # fmt: skip
    parts.append(f'<text x="{zero + 6:.1f}" y="{axis_y + 14}" text-anchor="start" fill="#5a5a5a">'
                 f"{escape(text(TEXTS, 'axis_more', lang))} →</text>")  # fmt: skip
    parts.append("</svg>")
    return Markup("".join(parts))


def forest_context(
    pooled: PooledEffects | None, wave_to: str | None, lang: str, *, researcher: bool
) -> list[dict]:
    """One forest per term of the last pair of waves up to ``wave_to``: term words, plain sentence, SVG.

    ``researcher`` adds the pooled numbers (tau², I², method); for everyone
    else the words only (no p-values, no method names).
    """
    out = []
    for term, wave_from, last, result in st.latest_effects(pooled, wave_to):
        numbers = (
            text(TEXTS, "forest_numbers", lang, estimate=fmt.number(result.estimate, 2, lang),
                 low=fmt.number(result.ci_low, 2, lang), high=fmt.number(result.ci_high, 2, lang),
                 tau2=fmt.number(result.tau2, 3, lang), i2=fmt.percent(result.i2, 0, lang),
                 method=pooled.method, n=result.wijken)
            if researcher else ""
        )  # fmt: skip
        out.append({"term": term, "label": st.term_label(term, lang),
                    "words": st.effect_words(result, lang), "numbers": numbers, "svg": forest_svg(result, lang),
                    "wave_from": wave_from, "wave_to": last})  # fmt: skip
    return out
