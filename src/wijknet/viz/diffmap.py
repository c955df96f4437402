"""The difference map: what changed in a wijk's network between two waves.

One self-contained, offline HTML document (vis-network through pyvis, like
:func:`wijknet.viz.netmap.network_map_html`) on the **same positions** as the
normal network map (:func:`wijknet.viz.layout.stable_layout` over all waves),
so an actor sits in the same place on both maps. It shows

- ties in both waves faint and grey (they are the background),
- new ties in green and lost ties in red and dashed (the change stands out),
- actors who joined the network with a green ring, actors who left faded
  with a dashed red border,

with a legend in Dutch or English that names each symbol in words and counts
it, and plain-text tooltips. For an audience that sees group figures only
(``aggregate_only=True``, the leernetwerk) it draws domain colour and the
change of ties only: no names, hover texts, per-actor size, entered or left
mark, and no actor ids in the document. What counts as kept, new or lost - and which
actors entered or left - is decided by :mod:`wijknet.analysis.change` (dyads with an
actor absent in one wave are structural zeros there); this module only draws.
:func:`wave_difference` collects those results (the tidy tables of
:func:`wijknet.analysis.change.wave_change`, the classification behind
:func:`~wijknet.analysis.change.compare_waves`) together with the two graphs (for
names, roles and domains).
"""

from __future__ import annotations

import html
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd
from pyvis.network import Network

from wijknet.analysis.change import ACTOR_COLUMNS as ACTOR_COLUMNS  # re-exported: they lived here
from wijknet.analysis.change import (  # the status codes are the change module's
    ACTOR_STATUSES,
    ENTERED,
    KEPT,
    LEFT,
    LOST,
    NEW,
    STABLE,
    TIE_STATUSES,
    wave_change,
)
from wijknet.analysis.change import TIE_COLUMNS as TIE_COLUMNS
from wijknet.core import formatting as fmt
from wijknet.core.i18n import text
from wijknet.viz.netmap import (
    _EMPTY_HEADING,
    _MAX_NODE,
    _MIN_NODE,
    _STYLE,
    _darker,
    _faded,
    _plain,
    _text,
    actor_lines,
    canvas_positions,
    make_offline,
)
from wijknet.viz.netmap import TEXTS as MAP_TEXTS

if TYPE_CHECKING:
    from wijknet.core.taxonomy import Taxonomy
    from wijknet.project import Project


#: Colours of the change (colour-blind aid: lost ties are also dashed, left actors faded and dashed).
NEW_COLOUR = "#1a9641"
LOST_COLOUR = "#d7191c"
KEPT_COLOUR = "#8c8c8c"
_LOST_DASHES = [7, 5]
_LEFT_DASHES = [4, 3]

TEXTS = {
    "title": {"nl": "Verschilkaart", "en": "Difference map"},
    "heading": {"nl": "Van {wave_from} naar {wave_to}", "en": "From {wave_from} to {wave_to}"},
    "kept": {"nl": "relatie in beide metingen ({n})", "en": "tie in both waves ({n})"},
    "new": {"nl": "nieuwe relatie in {wave_to} ({n})", "en": "new tie in {wave_to} ({n})"},
    "lost": {
        "nl": "verdwenen relatie, was er in {wave_from} ({n})",
        "en": "lost tie, was there in {wave_from} ({n})",
    },
    "entered": {"nl": "nieuw in het netwerk ({n})", "en": "joined the network ({n})"},
    "left": {"nl": "niet meer in het netwerk ({n})", "en": "left the network ({n})"},
    "hidden": {"nl": "niet getoond: {kinds}", "en": "not shown: {kinds}"},
    "hidden_kept": {"nl": "relaties in beide metingen", "en": "ties in both waves"},
    "hidden_new": {"nl": "nieuwe relaties", "en": "new ties"},
    "hidden_lost": {"nl": "verdwenen relaties", "en": "lost ties"},
    "size": {
        "nl": "grootte: aantal nieuwe en verdwenen relaties",
        "en": "size: number of new and lost ties",
    },
    "hover": {
        "nl": "wijs een lijn of stip aan: wie noemde wie, rol en domein",
        "en": "point at a line or dot: who named whom, role and domain",
    },
    "legend": {"nl": "Domeinen", "en": "Domains"},
    "cross_only": {
        "nl": "alleen relaties tussen verschillende domeinen",
        "en": "only ties between different domains",
    },
    "changes": {"nl": "Verandering", "en": "Change"},
    "node_entered": {
        "nl": "Nieuw in het netwerk in {wave_to}",
        "en": "Joined the network in {wave_to}",
    },
    "node_left": {
        "nl": "Niet meer in het netwerk in {wave_to}",
        "en": "No longer in the network in {wave_to}",
    },
    "node_stable": {"nl": "In beide metingen in het netwerk", "en": "In the network in both waves"},
    "node_ties": {
        "nl": "Relaties: {new} nieuw, {lost} verdwenen, {kept} gebleven",
        "en": "Ties: {new} new, {lost} lost, {kept} kept",
    },
    "tie_kept": {
        "nl": "Relatie in {wave_from} en in {wave_to}",
        "en": "Tie in {wave_from} and in {wave_to}",
    },
    "tie_new": {"nl": "Nieuwe relatie in {wave_to}", "en": "New tie in {wave_to}"},
    "tie_lost": {
        "nl": "Verdwenen: was er in {wave_from}, niet meer in {wave_to}",
        "en": "Lost: was there in {wave_from}, gone in {wave_to}",
    },
    "tie_structural_new": {
        "nl": "(met een actor die nieuw is in het netwerk)",
        "en": "(with an actor who joined the network)",
    },
    "tie_structural_lost": {
        "nl": "(met een actor die het netwerk verliet)",
        "en": "(with an actor who left the network)",
    },
    "cross": {"nl": "Tussen twee domeinen", "en": "Between two domains"},
}


@dataclass(frozen=True)
class WaveDifference:
    """The change of one wijk's network between two waves, ready to draw.

    Attributes
    ----------
    wijk, wave_from, wave_to : str
    G_from, G_to : networkx.DiGraph or networkx.Graph
        The graphs of the two waves (actor attributes for labels and tooltips).
    ties : pandas.DataFrame
        ``source, target, status, cross_domain, structural``: one row per
        tie present in either wave with ``status`` ``"kept"``, ``"new"`` or
        ``"lost"``; ``structural`` marks ties of an actor who was absent in
        the other wave (a structural zero there). Undirected graphs have one
        row per pair.
    actors : pandas.DataFrame
        ``actor_id, status`` for every actor present in either wave, with
        ``status`` ``"stable"``, ``"entered"`` or ``"left"``.
    """

    wijk: str
    wave_from: str
    wave_to: str
    G_from: nx.Graph
    G_to: nx.Graph
    ties: pd.DataFrame
    actors: pd.DataFrame

    @property
    def directed(self) -> bool:
        return self.G_from.is_directed()

    def counts(self) -> dict[str, int]:
        """Number of kept, new and lost ties and of entered and left actors (as drawn)."""
        ties = self.ties["status"].value_counts()
        actors = self.actors["status"].value_counts()
        return {
            **{s: int(ties.get(s, 0)) for s in TIE_STATUSES},
            **{s: int(actors.get(s, 0)) for s in ACTOR_STATUSES},
        }


def wave_difference(
    project: Project,
    wijk: str,
    wave_from: str,
    wave_to: str,
    *,
    attr: str = "domain",
    **graph_options,
) -> WaveDifference:
    """Kept, new and lost ties and entered and left actors of one wijk, as decided by :mod:`wijknet.analysis.change`.

    Parameters
    ----------
    project : Project
    wijk, wave_from, wave_to : str
    attr : str, default "domain"
        Actor attribute that decides whether a tie crosses domains.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph` for both waves
        (``tie_types``, ``min_weight``, ``symmetrise``), as in
        :func:`wijknet.analysis.change.compare_waves`.

    Returns
    -------
    WaveDifference
        Every dyad of the actors present in either wave is classified by the
        change module (the ``_all`` counts of
        :func:`~wijknet.analysis.change.compare_waves`): a tie of a newcomer is new, a
        tie of a leaver is lost, and both are marked ``structural``.
    """
    change = wave_change(project, wijk, wave_from, wave_to, attr=attr, **graph_options)
    return WaveDifference(
        wijk=wijk,
        wave_from=wave_from,
        wave_to=wave_to,
        G_from=project.graph(wijk, wave_from, **graph_options),
        G_to=project.graph(wijk, wave_to, **graph_options),
        ties=change.ties,
        actors=change.actors,
    )


def _svg_line(colour: str, width: float, dashed: bool = False, opacity: float = 1.0) -> str:
    dash = ' stroke-dasharray="7 5"' if dashed else ""
    return (
        f'<svg width="38" height="14" aria-hidden="true"><line x1="2" y1="7" x2="36" y2="7" stroke="{colour}" '
        f'stroke-width="{width}" stroke-opacity="{opacity}"{dash}/></svg>'
    )


def _svg_node(fill: str, border: str, width: float, dashed: bool = False) -> str:
    dash = ' stroke-dasharray="3 2.5"' if dashed else ""
    return (
        f'<svg width="24" height="24" aria-hidden="true"><circle cx="12" cy="12" r="8.5" fill="{fill}" '
        f'stroke="{border}" stroke-width="{width}"{dash}/></svg>'
    )


def difference_legend_html(
    domains: list[str],
    counts: Mapping[str, int],
    *,
    wave_from: str,
    wave_to: str,
    taxonomy: Taxonomy,
    lang: str = "nl",
    show: Collection[str] = TIE_STATUSES,
    cross_domain_only: bool = False,
    aggregate_only: bool = False,
) -> str:
    """The legend of the difference map: the change symbols in words (with counts), then the domain colours.

    ``aggregate_only`` leaves out what the map then does not show (entered
    and left actors, size, hover texts).
    """

    def item(symbol: str, label: str) -> str:
        return f"<li>{symbol}<span>{html.escape(label)}</span></li>"

    grey = "#c9c9c9"
    context = {"wave_from": wave_from, "wave_to": wave_to}
    change = []
    if NEW in show:
        change.append(
            item(
                _svg_line(NEW_COLOUR, 3.5),
                text(TEXTS, "new", lang, n=counts.get(NEW, 0), **context),
            )
        )
    if LOST in show:
        change.append(
            item(
                _svg_line(LOST_COLOUR, 3, dashed=True),
                text(TEXTS, "lost", lang, n=counts.get(LOST, 0), **context),
            )
        )
    if KEPT in show:
        change.append(
            item(
                _svg_line(KEPT_COLOUR, 2, opacity=0.55),
                text(TEXTS, "kept", lang, n=counts.get(KEPT, 0), **context),
            )
        )
    if counts.get(ENTERED, 0) and not aggregate_only:
        change.append(
            item(_svg_node(grey, NEW_COLOUR, 4), text(TEXTS, "entered", lang, n=counts[ENTERED]))
        )
    if counts.get(LEFT, 0) and not aggregate_only:
        change.append(
            item(
                _svg_node(_faded(grey, 0.35), LOST_COLOUR, 2.5, dashed=True),
                text(TEXTS, "left", lang, n=counts[LEFT]),
            )
        )
    domain_items = "".join(
        f'<li><span class="swatch" style="background:{html.escape(taxonomy.colour(d))}"></span>{html.escape(taxonomy.label(d, lang))}</li>'
        for d in domains
    )
    notes = [] if aggregate_only else [text(TEXTS, "size", lang), text(TEXTS, "hover", lang)]
    if cross_domain_only:
        notes.append(text(TEXTS, "cross_only", lang))
    hidden = [text(TEXTS, f"hidden_{k}", lang) for k in TIE_STATUSES if k not in show]
    if hidden:
        notes.append(text(TEXTS, "hidden", lang, kinds=", ".join(hidden)))
    heading = text(TEXTS, "heading", lang, **context)
    return (
        f'<div id="wijknet-legend" class="diff" role="list" aria-label="{html.escape(heading)}">'
        f'<div class="row change"><span class="head">{html.escape(heading)}:</span><ul>{"".join(change)}</ul></div>'
        f'<div class="row"><span class="head">{html.escape(text(TEXTS, "legend", lang))}:</span>'
        f"<ul>{domain_items}</ul></div>"
        f'<div class="notes">{html.escape(" · ".join(notes))}</div></div>'
    )


_DIFF_STYLE = """
<style>
  #wijknet-legend.diff { display: block; padding: 4px 4px 8px 4px; }
  #wijknet-legend.diff .row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 18px; margin: 2px 0; }
  #wijknet-legend.diff .row.change { font-size: 17px; }
  #wijknet-legend.diff li svg { flex: none; }
</style>
"""


def _node_tooltip(
    G: nx.Graph,
    node: str,
    status: str,
    tally: Mapping[str, int],
    *,
    taxonomy: Taxonomy,
    lang: str,
    attr: str,
    context: Mapping[str, str],
) -> str:
    lines = actor_lines(G, node, taxonomy=taxonomy, lang=lang, attr=attr)
    lines.append(text(TEXTS, f"node_{status}", lang, **context))
    lines.append(text(TEXTS, "node_ties", lang, **{k: tally.get(k, 0) for k in TIE_STATUSES}))
    return "\n".join(lines)


def _spread_labels(
    ranked: list[str],
    canvas: Mapping[str, tuple[float, float]],
    names: Mapping[str, str],
    limit: int,
    char_width: float = 8.0,
    line_height: float = 26.0,
) -> set[str]:
    """Up to ``limit`` nodes to name, in rank order, skipping a node whose label would cover one already chosen.

    Labels sit centred below their node; two labels overlap when their
    centres are closer than half their summed widths horizontally and one
    line vertically (in canvas pixels, where vis-network draws the labels).
    """
    chosen: list[str] = []
    for node in ranked:
        if len(chosen) >= limit:
            break
        x, y = canvas[node]
        width = char_width * len(names[node])
        if all(
            abs(x - canvas[o][0]) >= (width + char_width * len(names[o])) / 2
            or abs(y - canvas[o][1]) >= line_height
            for o in chosen
        ):
            chosen.append(node)
    return set(chosen)


def _name(G_from: nx.Graph, G_to: nx.Graph, node: str) -> str:
    data = G_to.nodes[node] if node in G_to else G_from.nodes[node] if node in G_from else {}
    return _text(data.get("name")) or str(node)


def _tie_tooltip(
    G_from: nx.Graph,
    G_to: nx.Graph,
    arcs: list[tuple],
    status: str,
    *,
    directed: bool,
    lang: str,
    context: Mapping[str, str],
) -> str:
    """Hover text of one drawn line: who named whom, the change, and the tie's type and strength."""
    arrow = "\u2192" if directed else "\u2014"
    lines = [f"{_name(G_from, G_to, u)} {arrow} {_name(G_from, G_to, v)}" for u, v, _, _, _ in arcs]
    lines.append(text(TEXTS, f"tie_{status}", lang, **context))
    if any(a[4] for a in arcs) and status != KEPT:
        lines.append(text(TEXTS, f"tie_structural_{status}", lang))
    if arcs[0][3]:
        lines.append(text(TEXTS, "cross", lang))
    G = G_from if status == LOST else G_to
    d = G.get_edge_data(arcs[0][0], arcs[0][1]) or {}
    tie_type = _text(d.get("tie_type"))
    if tie_type:
        lines.append(f"{text(MAP_TEXTS, 'tie_type', lang)}: {tie_type.replace(';', ', ')}")
    weight = _plain(d.get("weight"))
    if isinstance(weight, (int, float)) and not isinstance(weight, bool):
        lines.append(f"{text(MAP_TEXTS, 'weight', lang)}: {fmt.number(float(weight), 1, lang)}")
    return "\n".join(lines)


def difference_map_html(
    difference: WaveDifference,
    positions: Mapping[str, tuple[float, float]],
    *,
    taxonomy: Taxonomy,
    lang: str = "nl",
    show: Collection[str] = TIE_STATUSES,
    cross_domain_only: bool = False,
    show_names: bool = True,
    max_labels: int | None = None,
    height: int = 720,
    attr: str = "domain",
    legend: bool = True,
    aggregate_only: bool = False,
) -> str:
    """Draw the change between two waves as a self-contained, offline HTML page.

    Parameters
    ----------
    difference : WaveDifference
        From :func:`wave_difference` (the change module decides what is kept,
        new and lost).
    positions : mapping
        ``actor_id -> (x, y)``: the positions of the normal network map
        (:func:`wijknet.viz.layout.stable_layout` over all waves of the wijk).
    taxonomy : Taxonomy
        Colours and labels of the domains.
    lang : {"nl", "en"}
    show : collection of {"kept", "new", "lost"}
        Which ties to draw (default all; kept ties are drawn faint).
    cross_domain_only : bool
        Draw only ties between actors of different domains.
    show_names : bool
        Draw actor names.
    max_labels : int, optional
        Name only this many actors: those who joined or left first, then
        those with most new and lost ties. ``None`` names everyone.
    height : int
        Height of the drawing in pixels.
    attr : str
        Node attribute holding the domain key.
    legend : bool
        Include the legend.
    aggregate_only : bool
        Domain colour and tie change only, for an audience that sees group
        figures only (:func:`wijknet.privacy.suppression.is_aggregate_only`):
        no names (``show_names`` is ignored), hover texts, size by changed
        ties or entered/left mark, and running numbers as node ids.

    Returns
    -------
    str
        A complete HTML document without any remote resource.
    """
    show = {s for s in show if s in TIE_STATUSES}
    show_names = show_names and not aggregate_only
    G_from, G_to = difference.G_from, difference.G_to
    context = {"wave_from": difference.wave_from, "wave_to": difference.wave_to}
    status_of = {
        str(a): s for a, s in zip(difference.actors["actor_id"], difference.actors["status"])
    }
    for G in (
        G_from,
        G_to,
    ):  # actors of the graphs the change table does not list (should not happen)
        for node in G:
            status_of.setdefault(str(node), STABLE)
    nodes = sorted(status_of, key=str)
    ties = difference.ties
    tally = {n: {k: 0 for k in TIE_STATUSES} for n in nodes}
    for u, v, s in zip(ties["source"], ties["target"], ties["status"]):
        for x in (str(u), str(v)):
            if x in tally:
                tally[x][s] += 1
    changed = {n: tally[n][NEW] + tally[n][LOST] for n in nodes}
    top = max(changed.values(), default=0) or 1
    sizes = {n: _MIN_NODE + (_MAX_NODE - _MIN_NODE) * (changed[n] / top) ** 0.5 for n in nodes}
    ids = {n: n for n in nodes}
    if aggregate_only:  # every actor alike: no size by own change, no id in the document
        sizes = {n: (_MIN_NODE + _MAX_NODE) / 2 for n in nodes}
        ids = {n: str(i) for i, n in enumerate(nodes, 1)}
    canvas = canvas_positions(nodes, positions, height)
    named = set(nodes)
    if max_labels is not None:
        ranked = sorted(
            nodes, key=lambda n: (status_of[n] == STABLE, -changed[n], _name(G_from, G_to, n))
        )
        named = _spread_labels(
            ranked, canvas, {n: _name(G_from, G_to, n) for n in nodes}, max_labels
        )
    directed = difference.directed

    # A "directed" pyvis network, so that two lines of one pair are both kept (without arrows, see below).
    net = Network(
        height=f"{int(height)}px",
        width="100%",
        directed=True,
        cdn_resources="in_line",
        bgcolor="#ffffff",
        font_color="#1a1a1a",
    )
    for node in nodes:
        G = G_to if node in G_to else G_from
        data = G.nodes[node] if node in G else {}
        domain = _text(data.get(attr))
        colour = taxonomy.colour(domain) if domain else "#999999"
        status = STABLE if aggregate_only else status_of[node]
        no_ties = sum(tally[node].values()) == 0
        fill = _faded(colour, 0.3) if status == LEFT or no_ties else colour
        border, width, extra = _darker(colour), 1, {}
        if status == ENTERED:
            border, width = NEW_COLOUR, 5
        elif status == LEFT:
            border, width = LOST_COLOUR, 2.5
            extra = {"shapeProperties": {"borderDashes": _LEFT_DASHES}}
        elif no_ties:
            border = _faded(_darker(colour))
        x, y = canvas[node]
        label = _name(G_from, G_to, node)
        tooltip = (
            {}
            if aggregate_only
            else {
                "title": _node_tooltip(
                    G,
                    node,
                    status,
                    tally[node],
                    taxonomy=taxonomy,
                    lang=lang,
                    attr=attr,
                    context=context,
                )
                if node in G
                else label
            }
        )
        net.add_node(
            ids[node],
            label=label if show_names and node in named else " ",
            **tooltip,
            x=x,
            y=y,
            value=round(float(sizes[node]), 2),
            color={
                "background": fill,
                "border": border,
                "highlight": {"background": fill, "border": "#000000"},
                "hover": {"background": fill, "border": "#000000"},
            },
            borderWidth=width,
            borderWidthSelected=width + 1,
            physics=False,
            font={"color": "#7a7a7a"} if status == LEFT else {},
            **extra,
        )
    # One line per pair of actors and kind of change: the two directions of a
    # pair with the same change share a line (the tooltip names both); a pair
    # whose directions changed differently gets a curved line per direction.
    shown = [
        (str(u), str(v), st, bool(c), bool(x))
        for u, v, st, c, x in zip(
            ties["source"], ties["target"], ties["status"], ties["cross_domain"], ties["structural"]
        )
        if st in show
        and str(u) in status_of
        and str(v) in status_of
        and (bool(c) or not cross_domain_only)
    ]
    pairs: dict[frozenset, list[tuple]] = {}
    for row in shown:
        pairs.setdefault(frozenset(row[:2]), []).append(row)
    lines_drawn = []
    for arcs in pairs.values():
        statuses = {a[2] for a in arcs}
        for status in statuses:
            mine = sorted((a for a in arcs if a[2] == status), key=lambda a: (a[0], a[1]))
            lines_drawn.append((status, mine, len(statuses) > 1))
    m = len(lines_drawn)
    kept_opacity = 0.35 if m < 200 else 0.22 if m < 600 else 0.15
    busy = sum(1 for x in lines_drawn if x[0] != KEPT) > 250
    style = {
        KEPT: {"width": 1.0, "color": {"color": KEPT_COLOUR, "opacity": kept_opacity}},
        LOST: {
            "width": 1.7 if busy else 2.2,
            "color": {"color": LOST_COLOUR, "opacity": 0.8},
            "dashes": _LOST_DASHES,
        },
        NEW: {
            "width": 1.9 if busy else 2.6,
            "color": {"color": NEW_COLOUR, "opacity": 0.75 if busy else 0.9},
        },
    }
    order = {KEPT: 0, LOST: 1, NEW: 2}  # changes drawn on top of the kept ties
    lines_drawn.sort(key=lambda x: (order[x[0]], x[1][0][0], x[1][0][1]))
    for status, arcs, split in lines_drawn:
        s = style[status]
        colour = dict(s["color"], highlight="#222222", hover="#222222")
        extra = {"dashes": s["dashes"]} if "dashes" in s else {}
        if split:
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.18}
        u, v = arcs[0][0], arcs[0][1]
        if not aggregate_only:
            extra["title"] = _tie_tooltip(
                G_from, G_to, arcs, status, directed=directed, lang=lang, context=context
            )
        net.add_edge(
            ids[u],
            ids[v],
            width=s["width"],
            color=colour,
            arrows={"to": {"enabled": False}},
            **extra,
        )

    options = {
        "physics": {"enabled": False},
        "nodes": {
            "shape": "dot",
            "scaling": {
                "min": _MIN_NODE,
                "max": _MAX_NODE,
                "label": {
                    "enabled": True,
                    "min": 13,
                    "max": 19,
                    "drawThreshold": 6,
                    "maxVisible": 40,
                },
            },
            "font": {
                "size": 15,
                "face": "Source Sans Pro, Segoe UI, Arial, sans-serif",
                "color": "#1a1a1a",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "smooth": False,
            # No arrows: the map shows which pairs gained or lost a tie; the
            # tooltip of a line says who named whom.
            "arrows": {"to": {"enabled": False}},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": False,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
        "layout": {"randomSeed": 0, "improvedLayout": False},
    }
    net.set_options(json.dumps(options))
    document = make_offline(net.generate_html(notebook=False))
    document = _EMPTY_HEADING.sub("", document)
    document = document.replace("</head>", _STYLE + _DIFF_STYLE + "</head>", 1)
    if legend:
        domains = set()
        for node in nodes:
            G = G_to if node in G_to else G_from
            if node in G:
                domains.add(_text(G.nodes[node].get(attr)))
        counts = {
            **difference.counts(),
            **{k: sum(1 for row in shown if row[2] == k) for k in TIE_STATUSES},
        }
        box = difference_legend_html(
            taxonomy.order(domains - {""}),
            counts,
            taxonomy=taxonomy,
            lang=lang,
            show=show,
            cross_domain_only=cross_domain_only,
            aggregate_only=aggregate_only,
            **context,
        )
        document = document.replace(
            '<div class="card" style="width: 100%">',
            box + '<div class="card" style="width: 100%">',
            1,
        )
    document = document.replace("<html>", f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">', 1)
    title = f"{text(TEXTS, 'title', lang)}: {difference.wijk}, {text(TEXTS, 'heading', lang, **context)}"
    document = document.replace(
        '<meta charset="utf-8">', f'<meta charset="utf-8">\n<title>{html.escape(title)}</title>', 1
    )
    return document


__all__ = [
    "ACTOR_STATUSES",
    "ENTERED",
    "KEPT",
    "LEFT",
    "LOST",
    "NEW",
    "STABLE",
    "TIE_STATUSES",
    "WaveDifference",
    "difference_legend_html",
    "difference_map_html",
    "wave_difference",
]
