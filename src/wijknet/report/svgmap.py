"""A static SVG network map for printed reports.

The interactive map (:mod:`wijknet.viz.netmap`) needs JavaScript; a report
that is printed, mailed as PDF or archived needs a drawing that stands on its
own. :func:`svg_network_map` draws one wave of a wijk on the seeded positions
of :func:`wijknet.viz.layout.stable_layout` (so the printed map matches the
app), as plain SVG without scripts or remote resources:

- circles coloured by domain, their area following the number of ties;
  members of the PlusWIJkteam get a dark border; actors without ties in this
  wave are drawn faded;
- ties as thin, faint lines (direction is left out: on paper, arrows on a few
  hundred ties only add noise);
- names only for the actors with the most ties (``max_labels``), placed so
  that they do not overlap, each with a white halo;
- a legend of the domains that occur, under the drawing.

Names are shown only for actors who consented to be named (``consent``);
others are labelled with their role.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import networkx as nx

from wijknet.core.i18n import text

if TYPE_CHECKING:
    from wijknet.core.taxonomy import Taxonomy

TEXTS = {
    "legend_team": {
        "nl": "donkere rand: lid van het PlusWIJkteam",
        "en": "dark border: member of the PlusWIJkteam",
    },
    "legend_size": {"nl": "grootte: aantal relaties", "en": "size: number of ties"},
    "legend_faded": {
        "nl": "vaag: geen relaties in deze meting",
        "en": "faded: no ties in this wave",
    },
    "legend_names": {
        "nl": "namen: de {n} actoren met de meeste relaties",
        "en": "names: the {n} actors with most ties",
    },
    "title": {"nl": "Netwerkkaart {wijk}, meting {wave}", "en": "Network map {wijk}, wave {wave}"},
}

WIDTH = 1000
_MARGIN = 28
_MIN_R, _MAX_R = 4.0, 13.0
_FONT = 15
_LEGEND_ROW = 26


def _esc(value) -> str:
    return html.escape(str(value), quote=True)


def display_name(data: Mapping) -> str:
    """The name to print for an actor: its name with consent, else its role (or its id)."""
    name = str(data.get("name") or "").strip()
    if name and data.get("consent", True) is not False:
        return name
    return str(data.get("role") or "").strip() or str(data.get("actor_id") or "")


def _darker(colour: str, factor: float = 0.65) -> str:
    c = colour.lstrip("#")
    if len(c) != 6:
        return colour
    r, g, b = (int(c[i : i + 2], 16) for i in (0, 2, 4))
    return f"#{int(r * factor):02x}{int(g * factor):02x}{int(b * factor):02x}"


def _text_width(label: str) -> float:
    return 0.58 * _FONT * len(label)


def _wrap(items: list[str], width: float, font: float) -> list[str]:
    """Join ``items`` with " · " into lines no wider than ``width`` (estimated)."""
    lines, current = [], ""
    for item in items:
        candidate = f"{current} · {item}" if current else item
        if current and 0.56 * font * len(candidate) > width:
            lines.append(current)
            current = item
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _overlaps(box, boxes) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes)


def svg_network_map(
    G: nx.Graph,
    positions: Mapping[str, tuple[float, float]],
    *,
    taxonomy: Taxonomy,
    lang: str = "nl",
    max_labels: int = 15,
    attr: str = "domain",
    title: str | None = None,
) -> str:
    """One wave of a wijk as a self-contained SVG drawing.

    Parameters
    ----------
    G : networkx.Graph
        The graph of one wijk and wave (:func:`wijknet.build_graph`).
    positions : mapping
        ``actor_id -> (x, y)`` in about ``[-1, 1]`` (y downwards), e.g.
        :func:`wijknet.viz.layout.stable_layout` over all waves of the wijk.
        Nodes without a position are put at the centre.
    taxonomy : Taxonomy
        Domain colours and labels.
    lang : {"nl", "en"}
        Language of the legend.
    max_labels : int, default 15
        Names drawn for the actors with the most ties (in and out); a name
        that would overlap another one is left out.
    attr : str, default "domain"
        Node attribute for the colour.
    title : str, optional
        Accessible title of the drawing (``<title>``).

    Returns
    -------
    str
        An ``<svg>`` element with a ``viewBox`` (it scales to the width of
        its container) and no script or remote reference.
    """
    degree = {n: G.degree(n) for n in G.nodes}
    top = max(degree.values(), default=0) or 1
    radius = {n: _MIN_R + (_MAX_R - _MIN_R) * math.sqrt(degree[n] / top) for n in G.nodes}
    pts = {n: positions.get(n, (0.0, 0.0)) for n in G.nodes}
    xs = [float(p[0]) for p in pts.values()] or [0.0]
    ys = [float(p[1]) for p in pts.values()] or [0.0]
    lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
    span_x, span_y = max(hi_x - lo_x, 1e-6), max(hi_y - lo_y, 1e-6)
    inner = WIDTH - 2 * _MARGIN - 60  # room for labels at the sides
    scale = inner / span_x
    height_draw = span_y * scale
    if height_draw > 1.08 * WIDTH:  # very tall layouts: keep the map on one A4 page
        scale *= 1.08 * WIDTH / height_draw
        height_draw = span_y * scale
    offset_x = (WIDTH - span_x * scale) / 2

    def xy(n):
        x, y = pts[n]
        return offset_x + (float(x) - lo_x) * scale, _MARGIN + (float(y) - lo_y) * scale

    canvas = {n: xy(n) for n in G.nodes}
    domains = taxonomy.order({str(G.nodes[n].get(attr) or "") for n in G.nodes} - {""})
    per_row = 3
    legend_rows = math.ceil(len(domains) / per_row) + 3
    height = _MARGIN * 2 + height_draw + 10 + legend_rows * _LEGEND_ROW
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" class="netmap" '
            f'role="img" font-family="inherit" font-size="{_FONT}">'
        )
    ]
    if title:
        parts.append(f"<title>{_esc(title)}</title>")
    # Ties: thin, faint; one line per pair.
    seen = set()
    lines = []
    for u, v in G.edges:
        key = (u, v) if str(u) < str(v) else (v, u)
        if key in seen:
            continue
        seen.add(key)
        (x1, y1), (x2, y2) = canvas[u], canvas[v]
        lines.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
    parts.append(
        '<g class="ties" stroke="#6b6b6b" stroke-opacity="0.22" stroke-width="0.7">'
        + "".join(lines)
        + "</g>"
    )
    # Nodes: small ones first so that hubs are on top.
    circles = []
    for n in sorted(G.nodes, key=lambda m: (degree[m], str(m))):
        data = G.nodes[n]
        colour = taxonomy.colour(str(data.get(attr) or ""))
        x, y = canvas[n]
        team = data.get("pluswijkteam") is True
        stroke = "#1a1a1a" if team else _darker(colour)
        width = 2.2 if team else 0.8
        opacity = ' fill-opacity="0.35" stroke-opacity="0.5"' if degree[n] == 0 else ""
        circles.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius[n]:.1f}" fill="{_esc(colour)}" '
            f'stroke="{stroke}" stroke-width="{width}"{opacity}/>'
        )
    parts.append('<g class="actors">' + "".join(circles) + "</g>")
    # Labels of the best-connected actors, without overlaps.
    ranked = sorted((n for n in G.nodes if degree[n] > 0), key=lambda m: (-degree[m], str(m)))[
        :max_labels
    ]
    boxes = [
        (
            canvas[n][0] - radius[n],
            canvas[n][1] - radius[n],
            canvas[n][0] + radius[n],
            canvas[n][1] + radius[n],
        )
        for n in G.nodes
    ]  # labels avoid every circle and each other
    labels = []
    for n in ranked:
        label = display_name({**G.nodes[n], "actor_id": n})
        if len(label) > 28:
            label = label[:27] + "…"
        w = _text_width(label)
        x, y = canvas[n]
        r = radius[n]
        options = [
            (
                x + r + 3,
                y + _FONT * 0.35,
                "start",
                (x + r + 2, y - _FONT * 0.6, x + r + 4 + w, y + _FONT * 0.5),
            ),
            (
                x - r - 3,
                y + _FONT * 0.35,
                "end",
                (x - r - 4 - w, y - _FONT * 0.6, x - r - 2, y + _FONT * 0.5),
            ),
            (x, y - r - 4, "middle", (x - w / 2, y - r - 4 - _FONT, x + w / 2, y - r - 3)),
            (x, y + r + _FONT, "middle", (x - w / 2, y + r + 2, x + w / 2, y + r + _FONT + 2)),
        ]
        for lx, ly, anchor, box in options:
            if box[0] < 2 or box[2] > WIDTH - 2:
                continue
            own = (x - r, y - r, x + r, y + r)
            if not _overlaps(box, [b for b in boxes if b != own]):
                boxes.append(box)
                labels.append(
                    f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{_esc(label)}</text>'
                )
                break
    parts.append(
        '<g class="labels" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" '
        'paint-order="stroke">' + "".join(labels) + "</g>"
    )
    # Legend under the drawing.
    y0 = _MARGIN + height_draw + 16 + _LEGEND_ROW
    col_w = (WIDTH - 2 * _MARGIN) / per_row
    legend = []
    for i, d in enumerate(domains):
        row, col = divmod(i, per_row)
        x = _MARGIN + col * col_w
        y = y0 + row * _LEGEND_ROW
        legend.append(
            f'<circle cx="{x + 7:.1f}" cy="{y - 4:.1f}" r="6" fill="{_esc(taxonomy.colour(d))}" '
            f'stroke="{_darker(taxonomy.colour(d))}" stroke-width="0.8"/>'
            f'<text x="{x + 19:.1f}" y="{y:.1f}">{_esc(taxonomy.label(d, lang))}</text>'
        )
    notes = [text(TEXTS, "legend_size", lang), text(TEXTS, "legend_team", lang)]
    if any(degree[n] == 0 for n in G.nodes):
        notes.append(text(TEXTS, "legend_faded", lang))
    notes.append(text(TEXTS, "legend_names", lang, n=max_labels))
    y = y0 + math.ceil(len(domains) / per_row) * _LEGEND_ROW
    for line in _wrap(notes, WIDTH - 2 * _MARGIN, _FONT - 1):
        legend.append(
            f'<text x="{_MARGIN}" y="{y:.1f}" fill="#444444" font-size="{_FONT - 1}">{_esc(line)}</text>'
        )
        y += _LEGEND_ROW * 0.8
    parts.append('<g class="legend" fill="#1a1a1a">' + "".join(legend) + "</g>")
    parts.append("</svg>")
    return "".join(parts)
