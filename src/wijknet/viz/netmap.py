"""The interactive network map: a self-contained, offline HTML document.

The map is drawn by vis-network through pyvis. Following the pitfalls of
pyvis 0.3.2, this module

- builds the pyvis ``Network`` itself from plain Python values (the caller's
  graph is never changed and no NumPy or pandas scalar reaches the JSON);
- fixes every node at the position given (``physics`` off), so the map does
  not move and positions stay put across waves;
- inlines vis-network (``cdn_resources="in_line"``) and strips every remote
  reference pyvis adds (Bootstrap from a CDN), so the map draws without
  network access and tells no third party that it is being viewed;
- keeps tooltips plain text (vis-network shows string titles as text);
- draws domain colour only for an audience that sees group figures only
  (``aggregate_only=True``, the leernetwerk): with a team of about five,
  one per domain, a node's code, its ties, its response or team mark, its
  size by a measure or a tie's type and strength point at one person.

A legend of the domain colours (Dutch or English labels) is part of the
document, so an exported map still explains itself.
"""

from __future__ import annotations

import html
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import networkx as nx
from pyvis.network import Network

from wijknet.core import formatting as fmt
from wijknet.core.i18n import text
from wijknet.viz.labels import Label, place_labels

if TYPE_CHECKING:
    from wijknet.core.taxonomy import Taxonomy

TEXTS = {
    "role": {"nl": "Rol", "en": "Role"},
    "organisation": {"nl": "Organisatie", "en": "Organisation"},
    "domain": {"nl": "Domein", "en": "Domain"},
    "team": {"nl": "Lid van het PlusWIJkteam", "en": "Member of the PlusWIJkteam"},
    "ties": {
        "nl": "Relaties: {out} uitgaand, {inn} inkomend",
        "en": "Ties: {out} outgoing, {inn} incoming",
    },
    "ties_undirected": {"nl": "Relaties: {n}", "en": "Ties: {n}"},
    "measure": {"nl": "{label}: {value}", "en": "{label}: {value}"},
    "tie_type": {"nl": "Soort relatie", "en": "Type of tie"},
    "weight": {"nl": "Sterkte", "en": "Strength"},
    "legend": {"nl": "Domeinen", "en": "Domains"},
    "legend_team": {"nl": "dikke rand: PlusWIJkteam", "en": "thick border: PlusWIJkteam"},
    "legend_size": {"nl": "grootte: {label}", "en": "size: {label}"},
    "legend_isolates": {
        "nl": "vervaagd: geen relaties in deze meting",
        "en": "faded: no ties in this wave",
    },
    "legend_arrows": {
        "nl": "pijl: van melder naar genoemde",
        "en": "arrow: from reporter to named actor",
    },
    "no_response": {
        "nl": "Heeft (nog) niet gereageerd op de vragenlijst",
        "en": "Has not (yet) responded to the questionnaire",
    },
    "legend_no_response": {
        "nl": "gestippelde rand: heeft (nog) niet gereageerd op de vragenlijst",
        "en": "dashed border: has not (yet) responded to the questionnaire",
    },
    "title": {"nl": "Netwerkkaart", "en": "Network map"},
    "search_organisation": {
        "nl": "{organisation} (hele organisatie, {n} personen)",
        "en": "{organisation} (whole organisation, {n} people)",
    },
    "legend_scale": {"nl": "grootte = {label}:", "en": "size = {label}:"},
    "legend_focus": {
        "nl": "zwarte rand: gekozen actor; vervaagd: buiten {steps}",
        "en": "black border: chosen actor; faded: beyond {steps}",
    },
    "steps_1": {"nl": "de directe contacten", "en": "the direct contacts"},
    "steps_2": {"nl": "contacten van contacten", "en": "contacts of contacts"},
    "legend_leaders": {
        "nl": "lijntje: naam hoort bij die stip",
        "en": "thin line: the name belongs to that dot",
    },
    "legend_overlay_suggested": {
        "nl": "oranje stippellijn: voorgestelde kennismaking (nog geen relatie)",
        "en": "orange dashed line: suggested introduction (no tie yet)",
    },
    "legend_overlay_signal": {
        "nl": "paarse stippellijn: ontbrekende verbinding genoemd in een gesprek",
        "en": "purple dashed line: missing link named in an interview",
    },
}

#: Colours of the dashed overlay lines by kind (colour-blind safe, apart from the grey ties).
OVERLAY_COLOURS = {"suggested": "#d95f02", "signal": "#7570b3"}

#: The drawing is laid out for a frame about this many times wider than high;
#: vis-network then fits it at a zoom close to 1, so labels keep their size.
_ASPECT = 1.9
#: Width:height of the Netwerkkaart page's map (placed names), in its column beside the controls.
PLACED_ASPECT = 1.25
_MIN_NODE, _MAX_NODE = 7.0, 24.0
_EDGE_COLOUR = "#7f7f7f"
_TEAM_BORDER = "#1a1a1a"

_REMOTE = re.compile(
    r"""<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//[^>]*>"""  # remote stylesheets
    r"""|<script\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?//[^>]*>\s*</script>""",  # remote scripts
    re.IGNORECASE | re.DOTALL,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)


def _plain(value):
    """Plain Python value for JSON (NumPy/pandas scalars, NA and the like)."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, TypeError):
            return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (str, int, float, bool)):
        return value
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _text(value) -> str:
    value = _plain(value)
    return "" if value is None else str(value).strip()


def _darker(colour: str, factor: float = 0.7) -> str:
    c = colour.lstrip("#")
    if len(c) != 6:
        return colour
    r, g, b = (int(c[i : i + 2], 16) for i in (0, 2, 4))
    return f"#{int(r * factor):02x}{int(g * factor):02x}{int(b * factor):02x}"


def _faded(colour: str, alpha: float = 0.3) -> str:
    c = colour.lstrip("#")
    if len(c) != 6:
        return colour
    r, g, b = (int(c[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _sizes(nodes: list[str], node_size: Mapping[str, float] | None) -> dict[str, float]:
    """Node radius in pixels: square-root scaled so that area follows the measure."""
    if not node_size:
        return {n: 14.0 for n in nodes}
    values = {n: _plain(node_size.get(n)) for n in nodes}
    values = {
        n: float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 0.0
        for n, v in values.items()
    }
    values = {n: max(v, 0.0) for n, v in values.items()}
    top = max(values.values(), default=0.0)
    if top <= 0:
        return {n: 14.0 for n in nodes}
    return {n: _MIN_NODE + (_MAX_NODE - _MIN_NODE) * math.sqrt(v / top) for n, v in values.items()}


def canvas_positions(
    nodes, positions: Mapping[str, tuple[float, float]], height: int, aspect: float = _ASPECT
) -> dict[str, tuple[float, float]]:
    """Positions in vis-network pixels for a frame of ``height`` pixels (about ``_ASPECT`` times wider).

    ``positions`` are layout coordinates in about ``[-1, 1]`` (nodes without
    one are put at the centre). The drawing fills the frame at zoom ~1 for
    small graphs and grows (zooms out) slowly for large ones; each axis is
    stretched to its extent, at most 1.6 times more than the other, so the
    layout keeps its shape. The network map and the difference map share
    this scaling, so an actor sits in the same place on both. ``aspect`` is
    the width:height of the frame the drawing is made for (the Netwerkkaart
    page's map sits in a narrower column than the small multiples).
    """
    nodes = list(nodes)
    n = max(len(nodes), 1)
    spread_y = 0.42 * height * max(1.0, math.sqrt(n / 90))
    spread_x = spread_y * aspect
    xs = [abs(float(positions[v][0])) for v in nodes if v in positions] or [1.0]
    ys = [abs(float(positions[v][1])) for v in nodes if v in positions] or [1.0]
    fx, fy = 1.0 / max(max(xs), 1e-6), 1.0 / max(max(ys), 1e-6)
    if fx > 1.6 * fy:
        fx = 1.6 * fy
    elif fy > 1.6 * fx:
        fy = 1.6 * fx
    spread_x, spread_y = spread_x * fx, spread_y * fy
    out = {}
    for v in nodes:
        x, y = positions.get(v, (0.0, 0.0))
        out[v] = (round(float(x) * spread_x, 2), round(float(y) * spread_y, 2))
    return out


def actor_lines(
    G: nx.Graph, node: str, *, taxonomy: Taxonomy, lang: str = "nl", attr: str = "domain"
) -> list[str]:
    """Name, role, organisation, domain and team membership of one actor, one line each (plain text)."""
    data = G.nodes[node]
    lines = [_text(data.get("name")) or str(node)]
    role, org = _text(data.get("role")), _text(data.get("organisation"))
    if role:
        lines.append(f"{text(TEXTS, 'role', lang)}: {role}")
    if org:
        lines.append(f"{text(TEXTS, 'organisation', lang)}: {org}")
    domain = _text(data.get(attr))
    if domain:
        lines.append(f"{text(TEXTS, 'domain', lang)}: {taxonomy.label(domain, lang)}")
    if _plain(data.get("pluswijkteam")) is True:
        lines.append(text(TEXTS, "team", lang))
    return lines


def tooltip(
    G: nx.Graph,
    node: str,
    *,
    taxonomy: Taxonomy,
    lang: str = "nl",
    measure: tuple[str, float] | None = None,
    attr: str = "domain",
    responded: bool = True,
) -> str:
    """Plain-text hover text of one actor: name, role, organisation, domain, ties (and non-response)."""
    lines = actor_lines(G, node, taxonomy=taxonomy, lang=lang, attr=attr)
    if G.is_directed():
        lines.append(text(TEXTS, "ties", lang, out=G.out_degree(node), inn=G.in_degree(node)))
    else:
        lines.append(text(TEXTS, "ties_undirected", lang, n=G.degree(node)))
    if measure is not None:
        label, value = measure
        decimals = 0 if float(value).is_integer() else 3 if abs(value) < 1 else 1
        lines.append(
            text(TEXTS, "measure", lang, label=label, value=fmt.number(value, decimals, lang))
        )
    if not responded:
        lines.append(text(TEXTS, "no_response", lang))
    return "\n".join(lines)


def legend_html(
    domains: list[str],
    *,
    taxonomy: Taxonomy,
    lang: str = "nl",
    size_label: str | None = None,
    directed: bool = True,
    has_isolates: bool = False,
    has_team: bool = False,
    has_nonrespondents: bool = False,
    overlay_kinds: Sequence[str] = (),
    scale: Sequence[tuple[float, str]] = (),
    focus_steps: int | None = None,
    leaders: bool = False,
) -> str:
    """A small HTML legend of the domain colours (and how to read size, borders and dashed overlay lines)."""
    items = "".join(
        f'<li><span class="swatch" style="background:{html.escape(taxonomy.colour(d))}"></span>{html.escape(taxonomy.label(d, lang))}</li>'
        for d in domains
    )
    notes = []
    if has_team:
        notes.append(text(TEXTS, "legend_team", lang))
    if size_label:
        notes.append(text(TEXTS, "legend_size", lang, label=size_label))
    if directed:
        notes.append(text(TEXTS, "legend_arrows", lang))
    if has_isolates:
        notes.append(text(TEXTS, "legend_isolates", lang))
    if has_nonrespondents:
        notes.append(text(TEXTS, "legend_no_response", lang))
    for kind in overlay_kinds:
        notes.append(text(TEXTS, f"legend_overlay_{kind}", lang))
    if focus_steps:
        notes.append(
            text(
                TEXTS, "legend_focus", lang, steps=text(TEXTS, f"steps_{min(focus_steps, 2)}", lang)
            )
        )
    if leaders:
        notes.append(text(TEXTS, "legend_leaders", lang))
    if scale and size_label:
        notes = [x for x in notes if x != text(TEXTS, "legend_size", lang, label=size_label)]
    note_html = f'<div class="notes">{html.escape(" · ".join(notes))}</div>' if notes else ""
    scale_html = ""
    if scale and size_label:
        scale_html = (
            f'<div class="scale" id="wijknet-size-legend"><span>{html.escape(text(TEXTS, "legend_scale", lang, label=size_label))}</span>'
            f"{_size_legend_svg(scale)}</div>"
        )
    return (
        f'<div id="wijknet-legend" role="list" aria-label="{html.escape(text(TEXTS, "legend", lang))}">'
        f'<span class="head">{html.escape(text(TEXTS, "legend", lang))}:</span><ul>{items}</ul>{scale_html}{note_html}</div>'
    )


def ego_nodes(G: nx.Graph, node, steps: int = 1) -> dict[str, int]:
    """The actors within ``steps`` ties of ``node`` and their distance to it (``node`` itself at 0).

    Ties count in either direction (the ego network of a directed graph
    follows ties out and in, as an ego-network map does: Crossley et al.
    2015, *Social Network Analysis for Ego-Nets*, ch. 1); weights play no part.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    node : str or collection of str
        The chosen actor, or several (all members of an organisation: each
        at distance 0); actors not in ``G`` are left out.
    steps : int
        1 for direct contacts, 2 for contacts of contacts as well.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> sorted(ego_nodes(G, "a", 1).items()), sorted(ego_nodes(G, "a", 2).items())
    ([('a', 0), ('b', 1)], [('a', 0), ('b', 1), ('c', 2)])
    """
    sources = focus_members(G, node)
    if not sources:
        return {}
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    lengths = nx.multi_source_dijkstra_path_length(
        H, set(sources), cutoff=max(int(steps), 0), weight=lambda u, v, d: 1
    )
    return {v: int(d) for v, d in lengths.items()}


def focus_members(G: nx.Graph, focus) -> tuple[str, ...]:
    """The actors of ``G`` that a focus names: one actor id, or several (an organisation's members), sorted.

    Examples
    --------
    >>> G = nx.Graph([("a", "b")])
    >>> focus_members(G, "a"), focus_members(G, ("b", "a", "zz")), focus_members(G, None)
    (('a',), ('a', 'b'), ())
    """
    if focus is None:
        return ()
    if isinstance(focus, str) or not isinstance(focus, Iterable):
        return (str(focus),) if focus in G else ()
    return tuple(sorted({str(v) for v in focus if v in G}))


def ego_ties(G: nx.Graph, ego: Mapping[str, int], steps: int = 1) -> set[tuple[str, str]]:
    """The ties of an ego view: both ends in ``ego`` and at least one end closer than ``steps``.

    With one step these are the ties of the chosen actor; with two, also the
    ties of its contacts to their contacts (not the ties among the contacts
    of contacts, which lie three steps out).

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("b", "e"), ("c", "e")])
    >>> sorted(ego_ties(G, ego_nodes(G, "a", 1), 1))
    [('a', 'b')]
    >>> sorted(ego_ties(G, ego_nodes(G, "a", 2), 2))
    [('a', 'b'), ('b', 'c'), ('b', 'e')]
    """
    return {
        (u, v)
        for u, v in G.edges
        if u in ego and v in ego and min(ego[u], ego[v]) < max(int(steps), 0)
    }


def _fold(value: str) -> str:
    """Lower case without accents (``"Élodie"`` -> ``"elodie"``) for searching."""
    decomposed = unicodedata.normalize("NFKD", str(value))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def search_index(
    G: nx.Graph, *, taxonomy: Taxonomy | None = None, lang: str = "nl", aggregate_only: bool = False
) -> list[dict[str, str]]:
    """What the map's search box can find: one entry per actor of ``G``, in label order.

    Each entry has ``id``, ``label`` (name, role and organisation, as shown
    in the search list) and ``key`` (the same words and the domain, lower
    case without accents). An organisation with two or more actors on the
    map gets an entry of its own too (``id`` ``"org:<name>"``, ``members``:
    their ids; first in the list), so a team finds its organisation and sees
    the ties of all its people (:func:`focus_of`). ``G`` is the graph the viewer may see (a
    restricted project's graph: a PlusWIJkteam's own wijk, residents under a
    pseudonym), so the index holds nothing the map does not show. An
    ``aggregate_only`` audience (the leernetwerk) gets an empty index: its
    map has no names, and a search by name would point at one person.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("a1", name="Anna Peeters", role="Wijkagent", organisation="Politie")
    >>> [e["label"] for e in search_index(G)]
    ['Anna Peeters · Wijkagent · Politie']
    """
    if aggregate_only:
        return []
    out = []
    for node in G.nodes:
        data = G.nodes[node]
        name = _text(data.get("name")) or str(node)
        parts = [name] + [
            p for p in (_text(data.get("role")), _text(data.get("organisation"))) if p
        ]
        domain = _text(data.get("domain"))
        words = [
            *parts,
            taxonomy.label(domain, lang) if taxonomy is not None and domain else domain,
        ]
        out.append(
            {
                "id": str(node),
                "label": " · ".join(parts),
                "key": _fold(" ".join(w for w in words if w)),
            }
        )
    groups: dict[str, list[str]] = {}
    for node in G.nodes:
        organisation = _text(G.nodes[node].get("organisation"))
        if organisation:
            groups.setdefault(organisation, []).append(str(node))
    for organisation, members in groups.items():
        if len(members) < 2:
            continue  # one member: the person's own entry says it
        label = text(TEXTS, "search_organisation", lang, organisation=organisation, n=len(members))
        out.append({"id": f"org:{organisation}", "label": label, "key": _fold(organisation),
                    "members": sorted(members)})  # fmt: skip
    return sorted(out, key=lambda e: ("members" not in e, _fold(e["label"]), e["id"]))


def focus_of(index: Sequence[Mapping], entry_id: str | None) -> tuple[str, ...]:
    """The actors an entry of :func:`search_index` stands for: its members, or the actor itself.

    Examples
    --------
    >>> focus_of([{"id": "org:X", "members": ["a", "b"]}, {"id": "a"}], "org:X")
    ('a', 'b')
    """
    if entry_id is None:
        return ()
    for entry in index:
        if entry["id"] == entry_id:
            return tuple(entry.get("members") or (entry["id"],))
    return ()


def find_actors(index: Sequence[Mapping[str, str]], query: str, limit: int = 20) -> list[str]:
    """Ids of the entries of :func:`search_index` that match ``query``, best first.

    Every word of the query must occur in the entry (case and accents
    ignored). Entries whose label starts with the query come first, then
    those where each query word starts a word of the name (of an
    organisation entry: its name), then a word of the role, organisation or
    domain, then the rest; within each, organisations first, then label order.
    An empty query finds nothing.

    Examples
    --------
    >>> index = [{"id": "a", "label": "Anna · Wijkagent · Politie", "key": "anna wijkagent politie"},
    ...          {"id": "b", "label": "Bram · Buurtcoach · Impuls", "key": "bram buurtcoach impuls"}]
    >>> find_actors(index, "POLITIE"), find_actors(index, "b"), find_actors(index, "")
    (['a'], ['b'], [])
    """
    words = _fold(query).split()
    if not words:
        return []
    q = " ".join(words)
    hits = []
    for entry in index:
        key = entry["key"]
        if not all(w in key for w in words):
            continue
        label = _fold(entry["label"])
        name_words = key.split() if "members" in entry else label.split(" · ")[0].split()
        rank = (
            0
            if label.startswith(q)
            else 1
            if all(any(t.startswith(w) for t in name_words) for w in words)
            else 2
            if all(any(t.startswith(w) for t in key.split()) for w in words)
            else 3
        )
        hits.append((rank, "members" not in entry, label, entry["id"]))
    return [h[3] for h in sorted(hits)][:limit]


def size_scale(node_size: Mapping[str, float] | None, lang: str = "nl") -> list[tuple[float, str]]:
    """Up to three ``(radius, value text)`` pairs for the size legend: the smallest, middle and largest value.

    Radii follow :func:`_sizes` (area proportional to the value). Empty when
    all nodes are equally large.
    """
    if not node_size:
        return []
    values = sorted(
        float(v)
        for v in (_plain(x) for x in node_size.values())
        if isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0
    )
    if not values or values[-1] <= 0:
        return []
    top = values[-1]
    picks = sorted({values[0], values[len(values) // 2], top})
    out = []
    for v in picks:
        r = _MIN_NODE + (_MAX_NODE - _MIN_NODE) * math.sqrt(v / top)
        decimals = 0 if float(v).is_integer() else 2 if abs(v) < 1 else 1
        out.append((r, fmt.number(v, decimals, lang)))
    return out


def _size_legend_svg(scale: Sequence[tuple[float, str]]) -> str:
    """Inline SVG circles with their values, for the size legend."""
    x, parts = 2.0, []
    height = 2 * max(r for r, _ in scale) + 4
    for r, label in scale:
        cx = x + r
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{height / 2:.1f}" r="{r:.1f}" fill="#d9d9d9" stroke="#555" stroke-width="1"/>'
            f'<text x="{cx + r + 4:.1f}" y="{height / 2 + 5:.1f}" font-size="14" fill="#222">{html.escape(label)}</text>'
        )
        x = cx + r + 12 + 0.6 * 14 * len(label)
    return (
        f'<svg class="size-scale" width="{x:.0f}" height="{height:.0f}" aria-hidden="true">'
        + "".join(parts)
        + "</svg>"
    )


def vis_radius(values: Mapping[str, float], low: float, high: float) -> dict[str, float]:
    """The radius vis-network draws for each ``value`` with node scaling ``min=low``, ``max=high``.

    vis-network maps the range of the values linearly onto ``[low, high]``
    (all equal: the middle), which this repeats so that labels can be placed
    around the circles as drawn.
    """
    if not values:
        return {}
    lo, hi = min(values.values()), max(values.values())
    if hi == lo:
        return {n: low + 0.5 * (high - low) for n in values}
    return {n: low + (high - low) * (v - lo) / (hi - lo) for n, v in values.items()}


def map_labels(
    canvas: Mapping[str, tuple[float, float]],
    names: Mapping[str, str],
    radius: Mapping[str, float],
    *,
    order: Sequence[str],
    size: float = 15.0,
    min_size: float = 11.0,
    every: bool = False,
) -> tuple[dict[str, tuple[float, float]], dict[str, Label]]:
    """Canvas positions and placed labels of a map (:func:`wijknet.viz.labels.place_labels`).

    With ``every`` (the "all names" mode) the drawing is spread out (positions
    times 1.15, 1.15², ... up to 1.15¹²) until every name fits without overlap; the
    map is then fitted to its frame, so the names get smaller on screen but
    stay apart, and zooming in makes them larger. Otherwise the positions
    are kept and a name that fits nowhere is left out.
    """
    points = dict(canvas)
    placed = place_labels(points, names, radius=radius, order=order, size=size, min_size=min_size)
    tries = 0
    wanted = sum(1 for v in names.values() if v.strip())
    while every and len(placed) < wanted and tries < 12:
        tries += 1
        factor = 1.15**tries
        points = {n: (x * factor, y * factor) for n, (x, y) in canvas.items()}
        placed = place_labels(
            points, names, radius=radius, order=order, size=size, min_size=min_size
        )
    return points, placed


_LABEL_SCRIPT = """
<script type="application/json" id="wijknet-labels">__LABELS__</script>
<script type="text/javascript">
(function () {
  if (typeof network === "undefined") { return; }
  var data = JSON.parse(document.getElementById("wijknet-labels").textContent);
  var face = "Source Sans Pro, Segoe UI, Arial, sans-serif";
  window.wijknetLabels = data.labels;
  window.wijknetFace = face;
  network.on("afterDrawing", function (ctx) {
    ctx.save();
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    data.labels.forEach(function (l) {
      var faded = data.faded.indexOf(l.id) >= 0;
      if (l.lead) {
        ctx.strokeStyle = faded ? "rgba(80,80,80,0.2)" : "rgba(60,60,60,0.7)";
        ctx.lineWidth = 1;
        ctx.beginPath(); ctx.moveTo(l.lead[0], l.lead[1]); ctx.lineTo(l.lead[2], l.lead[3]); ctx.stroke();
      }
      var size = l.s;
      ctx.font = size + "px " + face;
      var w = ctx.measureText(l.t).width + 3;
      if (w > l.w) { size = size * l.w / w; ctx.font = size + "px " + face; }
      l.drawn = size;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#ffffff";
      ctx.strokeText(l.t, l.x, l.y);
      ctx.fillStyle = faded ? "rgba(26,26,26,0.3)" : "#1a1a1a";
      ctx.fillText(l.t, l.x, l.y);
    });
    ctx.restore();
  });
  function fit() {
    var pos = network.getPositions();
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    Object.keys(pos).forEach(function (id) {
      var r = (data.radius[id] || 10) + 2;
      x0 = Math.min(x0, pos[id].x - r); x1 = Math.max(x1, pos[id].x + r);
      y0 = Math.min(y0, pos[id].y - r); y1 = Math.max(y1, pos[id].y + r);
    });
    data.labels.forEach(function (l) {
      x0 = Math.min(x0, l.x - l.w / 2); x1 = Math.max(x1, l.x + l.w / 2);
      y0 = Math.min(y0, l.y - l.h / 2); y1 = Math.max(y1, l.y + l.h / 2);
    });
    if (!isFinite(x0)) { return; }
    var el = document.getElementById("mynetwork");
    var W = el.clientWidth, H = el.clientHeight;
    var scale = Math.min(W / Math.max(x1 - x0, 1), H / Math.max(y1 - y0, 1)) * 0.96;
    network.moveTo({position: {x: (x0 + x1) / 2, y: (y0 + y1) / 2}, scale: Math.min(scale, 2.0),
                    animation: false});
    window.wijknetFitted = true;
  }
  // Fit the drawing to the frame until the viewer zooms or drags; the frame gets its size late in an iframe.
  var moved = false;
  network.on("zoom", function () { moved = true; });
  network.on("dragEnd", function (e) { if (!e.nodes || !e.nodes.length) { moved = true; } });
  function refit() { if (!moved) { fit(); } }
  fit();
  window.addEventListener("load", refit);
  window.addEventListener("resize", refit);
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(refit).observe(document.getElementById("mynetwork"));
  }
  setTimeout(refit, 300);
})();
</script>
"""


_STYLE = """
<style>
  html, body { margin: 0; padding: 0; background: #ffffff;
    font-family: "Source Sans Pro", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
  .card { border: none !important; }
  #mynetwork { border: 1px solid #d0d0d0 !important; box-sizing: border-box; float: none !important; }
  div.vis-tooltip { white-space: pre-line !important; font-family: inherit !important; font-size: 16px !important;
    line-height: 1.35; max-width: 420px; padding: 8px 10px !important; background: #fffef6 !important; }
  #wijknet-legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 18px; padding: 6px 4px 8px 4px;
    font-size: 16px; line-height: 1.35; color: #222; }
  #wijknet-legend .head { font-weight: 600; }
  #wijknet-legend ul { display: contents; list-style: none; margin: 0; padding: 0; }
  #wijknet-legend li { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
  #wijknet-legend .swatch { display: inline-block; width: 15px; height: 15px; border-radius: 50%;
    border: 1px solid rgba(0,0,0,0.35); flex: none; }
  #wijknet-legend .notes { flex-basis: 100%; font-size: 14px; color: #444; }
  #wijknet-legend .scale { display: inline-flex; align-items: center; gap: 8px; }
</style>
"""


def map_scene(
    G: nx.Graph,
    positions: Mapping[str, tuple[float, float]],
    *,
    node_size: Mapping[str, float] | None = None,
    show_names: bool = True,
    max_labels: int | None = None,
    height: int = 720,
    aggregate_only: bool = False,
    focus: str | None = None,
    steps: int = 1,
    radius_range: tuple[float, float] = (_MIN_NODE, _MAX_NODE),
    font_size: float = 15.0,
    aspect: float = _ASPECT,
) -> dict:
    """Where everything of a map goes, shared by the HTML, SVG and PNG maps (same positions, same names).

    Returns a dict with ``canvas`` (node -> (x, y) pixels, y down),
    ``sizes`` (the node ``value``), ``radius`` (pixels, as vis-network draws
    it: :func:`vis_radius`), ``labels`` (node -> :class:`~wijknet.viz.labels.Label`,
    no two overlapping), ``focus`` (the chosen actor or ``None``), ``ego``
    (:func:`ego_nodes` of the focus, or ``None``) and ``hot`` (its
    :func:`ego_ties`, or ``None``).

    Names: with a focus, those of its ego network (the focus first, then by
    distance); otherwise the ``max_labels`` largest nodes (by ``node_size``,
    then name; ``None``: all, with the drawing spread until all fit,
    :func:`map_labels`). None for ``aggregate_only`` or ``show_names=False``.
    """
    nodes = sorted(G.nodes, key=str)
    canvas = canvas_positions(nodes, positions, height, aspect)
    if aggregate_only:
        node_size, show_names, focus = None, False, None
    sizes = _sizes(nodes, node_size)
    radius = vis_radius(sizes, *radius_range)
    members = focus_members(G, focus)
    focus = members or None
    ego = ego_nodes(G, focus, steps) if focus is not None else None
    hot = ego_ties(G, ego, steps) if ego is not None else None

    def strength(v):
        value = _plain(node_size.get(v)) if node_size else None
        return (
            float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0
        )

    order = sorted(nodes, key=lambda v: (-strength(v), str(v)))
    if ego is not None:
        order = sorted(ego, key=lambda v: (ego[v], -strength(v), str(v)))
        wanted = list(order)
    elif max_labels is not None:
        wanted = order[:max_labels]
    else:
        wanted = order
    names = {v: _text(G.nodes[v].get("name")) or str(v) for v in wanted} if show_names else {}
    canvas, labels = map_labels(
        canvas,
        names,
        radius,
        order=order,
        size=font_size,
        every=show_names and ego is None and max_labels is None,
    )
    return {
        "canvas": canvas,
        "sizes": sizes,
        "radius": radius,
        "labels": labels,
        "focus": focus,
        "ego": ego,
        "hot": hot,
    }


def network_map_html(
    G: nx.Graph,
    positions: Mapping[str, tuple[float, float]],
    *,
    taxonomy: Taxonomy,
    node_size: Mapping[str, float] | None = None,
    size_label: str | None = None,
    lang: str = "nl",
    show_names: bool = True,
    max_labels: int | None = None,
    height: int = 720,
    attr: str = "domain",
    legend: bool = True,
    compact: bool = False,
    tooltips: bool = True,
    respondents: set[str] | None = None,
    aggregate_only: bool = False,
    overlay: Sequence[tuple] | None = None,
    placed_labels: bool = False,
    focus: str | None = None,
    steps: int = 1,
) -> str:
    """Render a stakeholder graph as a self-contained, offline HTML page.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        The graph of one wijk and wave (not modified). Directed graphs get
        arrows from source to target.
    positions : mapping
        ``node -> (x, y)`` in about ``[-1, 1]`` (see
        :func:`wijknet.viz.layout.stable_layout`); nodes without a position
        are placed at the centre.
    taxonomy : Taxonomy
        Colours and labels of the domains.
    node_size : mapping, optional
        ``node -> value`` of the measure that sets the node size (area
        proportional to the value); ``None`` draws all nodes equally large.
    size_label : str, optional
        Name of that measure, for the legend and tooltip.
    lang : {"nl", "en"}
    show_names : bool
        Draw the actor names next to the nodes.
    max_labels : int, optional
        Name only the ``max_labels`` largest nodes (by ``node_size``, ties
        broken by name) so that a dense map stays readable; every name is
        still in the tooltip. ``None`` names every node.
    height : int
        Height of the drawing in pixels.
    attr : str
        Node attribute holding the domain key.
    legend : bool
        Include the domain legend in the document.
    compact : bool
        For small multiples (several maps side by side): smaller dots,
        thinner and fainter ties without arrow heads, and no zooming or
        dragging (scrolling over the map scrolls the page).
    tooltips : bool
        Hover texts for actors and ties. ``False`` leaves them out, so that
        with ``show_names=False`` no name is anywhere in the document.
    respondents : set of str, optional
        The actors who responded to the questionnaire of this wave (e.g.
        :func:`wijknet.analysis.nonresponse.respondents` of a project with a
        ``responses`` table). Every other node gets a dashed border and a
        line in its tooltip, and the legend explains the border. ``None``
        (default) marks nobody.
    aggregate_only : bool
        Domain colour only, for an audience that sees group figures only
        (:func:`wijknet.privacy.suppression.is_aggregate_only`): no names,
        hover texts, PlusWIJkteam border, response mark or size by measure
        (``show_names``, ``tooltips``, ``respondents`` and ``node_size`` are
        ignored), ties of one width, and the node ids in the document are
        running numbers instead of the actors' ids or pseudonyms.
    overlay : sequence of tuples, optional
        Pairs drawn as dashed lines over the map, without arrow heads:
        ``(source, target)``, ``(source, target, kind)`` or ``(source,
        target, kind, title)`` with ``kind`` ``"suggested"`` (a suggested
        introduction, orange) or ``"signal"`` (a missing link named in an
        interview, purple) and ``title`` a plain-text hover text. Pairs with
        an actor not in ``G`` are skipped, and so is every pair for an
        ``aggregate_only`` map (pairs are about single actors). The legend
        explains the kinds drawn.
    placed_labels : bool
        Place the names without overlap (:func:`map_scene`,
        :mod:`wijknet.viz.labels`) and draw them on the canvas, with leader
        lines where a name sits away from its dot, and fit the view to the
        drawing. ``max_labels=None`` then shows every name (the drawing is
        spread until all fit). ``False`` (default) leaves the names to
        vis-network, as the small multiples and the live map use.
    focus : str, optional
        The actor chosen in the search: it gets a black border, its ego
        network (``steps`` 1 or 2, :func:`ego_nodes`) keeps its colours and
        names, everything else is faded. Ignored for ``aggregate_only``.
    steps : int
        Steps of the ego view around ``focus``.

    Returns
    -------
    str
        A complete HTML document without any remote resource.
    """
    nodes = sorted(G.nodes, key=str)
    n = max(len(nodes), 1)
    if aggregate_only:
        show_names, tooltips, respondents, node_size, size_label = False, False, None, None, None
    # The id the document uses for a node: running numbers when even a pseudonym is too much.
    ids = (
        {v: str(i) for i, v in enumerate(nodes, 1)}
        if aggregate_only
        else {v: str(v) for v in nodes}
    )
    respondents = None if respondents is None else {str(r) for r in respondents}
    node_min, node_max = (3.0, 10.0) if compact else (_MIN_NODE, _MAX_NODE)
    scene = map_scene(G, positions, node_size=node_size, show_names=show_names and placed_labels,
                      max_labels=max_labels, height=height, aggregate_only=aggregate_only, focus=focus,
                      steps=steps, radius_range=(node_min, node_max),
                      aspect=PLACED_ASPECT if placed_labels else _ASPECT)  # fmt: skip
    canvas, sizes, ego, hot = scene["canvas"], scene["sizes"], scene["ego"], scene["hot"]
    directed = G.is_directed()
    named = set(nodes)
    if max_labels is not None and node_size is not None:
        ranked = sorted(nodes, key=lambda v: (-float(_plain(node_size.get(v)) or 0.0), str(v)))
        named = set(ranked[:max_labels])
    if placed_labels:
        named = set()  # drawn by the label script instead

    net = Network(
        height=f"{int(height)}px",
        width="100%",
        directed=directed,
        cdn_resources="in_line",
        bgcolor="#ffffff",
        font_color="#1a1a1a",
    )
    for node in nodes:
        data = G.nodes[node]
        domain = _text(data.get(attr))
        colour = taxonomy.colour(domain) if domain else "#999999"
        isolate = G.degree(node) == 0
        outside = ego is not None and node not in ego
        fill = _faded(colour, 0.15) if outside else _faded(colour) if isolate else colour
        team = _plain(data.get("pluswijkteam")) is True and not aggregate_only
        responded = respondents is None or str(node) in respondents
        x, y = canvas[node]
        measure = None
        if node_size is not None and size_label:
            value = _plain(node_size.get(node))
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                measure = (size_label, float(value))
        net.add_node(
            ids[node],
            label=(_text(data.get("name")) or str(node)) if show_names and node in named else " ",
            x=x,
            y=y,
            value=round(float(sizes[node]), 2),
            color={
                "background": fill,
                "border": "#000000"
                if node in (scene["focus"] or ())
                else _faded(_darker(colour), 0.2)
                if outside
                else _TEAM_BORDER
                if team
                else (_faded(_darker(colour)) if isolate else _darker(colour)),
                "highlight": {"background": fill, "border": "#000000"},
                "hover": {"background": fill, "border": "#000000"},
            },
            borderWidth=5
            if node in (scene["focus"] or ())
            else (2 if compact else 4)
            if team
            else (1 if responded else 2),
            borderWidthSelected=5,
            physics=False,
            **({} if responded else {"shapeProperties": {"borderDashes": [4, 3]}}),
            **(
                {
                    "title": tooltip(
                        G,
                        node,
                        taxonomy=taxonomy,
                        lang=lang,
                        measure=measure,
                        attr=attr,
                        responded=responded,
                    )
                }
                if tooltips
                else {}
            ),
        )
    weights = [float(_plain(d.get("weight")) or 1.0) for _, _, d in G.edges(data=True)]
    top = max(weights, default=1.0) or 1.0
    edge_base, edge_span = (0.8, 3.2) if G.number_of_edges() < 300 else (0.5, 2.0)
    if compact:
        edge_base, edge_span = 0.3, 0.9
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        w = top if aggregate_only else float(_plain(d.get("weight")) or 1.0)
        title_lines = [
            f"{_text(G.nodes[u].get('name')) or u} \u2192 {_text(G.nodes[v].get('name')) or v}"
            if directed
            else f"{_text(G.nodes[u].get('name')) or u} \u2014 {_text(G.nodes[v].get('name')) or v}"
        ]
        tie_type = _text(d.get("tie_type"))
        if tie_type:
            title_lines.append(f"{text(TEXTS, 'tie_type', lang)}: {tie_type.replace(';', ', ')}")
        title_lines.append(f"{text(TEXTS, 'weight', lang)}: {fmt.number(w, 1, lang)}")
        style = {}
        if hot is not None:
            near = (u, v) in hot or (v, u) in hot
            style = {
                "color": {
                    "color": "#333333" if near else _EDGE_COLOUR,
                    "opacity": 0.9 if near else 0.07,
                }
            }
        net.add_edge(
            ids[u],
            ids[v],
            width=round(edge_base + edge_span * w / top, 2),
            **style,
            **({"title": "\n".join(title_lines)} if tooltips else {}),
        )

    drawn_kinds = []
    for item in () if aggregate_only else (overlay or ()):
        u, v = str(item[0]), str(item[1])
        kind = item[2] if len(item) > 2 else "suggested"
        title = _text(item[3]) if len(item) > 3 else ""
        if u not in ids or v not in ids or u == v:
            continue
        colour = OVERLAY_COLOURS.get(kind, OVERLAY_COLOURS["suggested"])
        net.add_edge(
            ids[u],
            ids[v],
            width=1.6 if compact else 2.6,
            dashes=[8, 6],
            color={"color": colour, "highlight": colour, "hover": colour, "opacity": 0.95},
            arrows={"to": {"enabled": False}},
            **({"title": title} if tooltips and title else {}),
        )
        drawn_kinds.append(kind if kind in OVERLAY_COLOURS else "suggested")

    m = G.number_of_edges()
    edge_opacity = 0.6 if m < 200 else 0.4 if m < 500 else 0.28
    if compact:
        edge_opacity = min(edge_opacity, 0.3)
    options = {
        "physics": {"enabled": False},
        "nodes": {
            "shape": "dot",
            # Node radius and label size follow ``value``; on a large graph the
            # labels of the smallest nodes appear only when zooming in.
            "scaling": {
                "min": node_min,
                "max": node_max,
                "label": {
                    "enabled": True,
                    "min": 12 if n <= 60 else 9,
                    "max": 20,
                    "drawThreshold": 6 if n <= 60 else 12,
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
            "color": {
                "color": _EDGE_COLOUR,
                "highlight": "#222222",
                "hover": "#222222",
                "opacity": edge_opacity,
            },
            "smooth": False,
            "arrows": {"to": {"enabled": directed and not compact, "scaleFactor": 0.55}},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": False,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
            **({"zoomView": False, "dragView": False, "dragNodes": False} if compact else {}),
        },
        "layout": {"randomSeed": 0, "improvedLayout": False},
    }
    net.set_options(json.dumps(options))
    document = net.generate_html(notebook=False)
    document = make_offline(document)
    document = _EMPTY_HEADING.sub("", document)
    extra_head = _STYLE
    document = document.replace("</head>", extra_head + "</head>", 1)
    if legend:
        present = taxonomy.order({_text(G.nodes[x].get(attr)) for x in nodes} - {""})
        has_isolates = any(G.degree(x) == 0 for x in nodes)
        has_team = not aggregate_only and any(
            _plain(G.nodes[x].get("pluswijkteam")) is True for x in nodes
        )
        box = legend_html(
            present,
            taxonomy=taxonomy,
            lang=lang,
            size_label=size_label if node_size else None,
            directed=directed,
            has_isolates=has_isolates,
            has_team=has_team,
            has_nonrespondents=respondents is not None
            and any(str(x) not in respondents for x in nodes),
            overlay_kinds=[k for k in OVERLAY_COLOURS if k in drawn_kinds],
            scale=size_scale(node_size, lang) if placed_labels and size_label else (),
            focus_steps=steps if scene["focus"] is not None else None,
            leaders=any(lab.leader is not None for lab in scene["labels"].values()),
        )
        if placed_labels:  # the map first, its legend under it
            head, sep, tail = document.rpartition("</body>")
            document = head + box + sep + tail if sep else document + box
        else:
            document = document.replace(
                '<div class="card" style="width: 100%">',
                box + '<div class="card" style="width: 100%">',
                1,
            )
    if placed_labels:
        payload = {
            "labels": [{**lab.as_dict(), "id": ids[lab.node]} for lab in scene["labels"].values()],
            "faded": [] if ego is None else [ids[v] for v in nodes if v not in ego],
            "radius": {ids[v]: round(scene["radius"][v], 2) for v in nodes},
        }
        script = _LABEL_SCRIPT.replace("__LABELS__", json.dumps(payload).replace("</", "<\\/"))
        head, sep, tail = document.rpartition("</body>")
        document = head + script + sep + tail if sep else document + script
    document = document.replace("<html>", f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">', 1)
    document = document.replace(
        '<meta charset="utf-8">',
        f'<meta charset="utf-8">\n<title>{html.escape(text(TEXTS, "title", lang))}</title>',
        1,
    )
    return document


def make_offline(document: str) -> str:
    """Remove every ``<link href>`` and ``<script src>`` that points to another host."""
    return _REMOTE.sub("", document)


def remote_references(document: str) -> list[str]:
    """Remote URLs the browser would load from ``document`` (``src``, ``href``, CSS ``url()``, ``@import``)."""
    pattern = re.compile(
        r"""(?:\b(?:src|href)\s*=\s*["']?\s*|url\(\s*["']?\s*|@import\s+["']?\s*)((?:https?:)?//[^\s"')>]+)""",
        re.IGNORECASE,
    )
    return pattern.findall(document)


def _static_scene(G, positions, *, taxonomy, node_size, lang, show_names, max_labels, height,
                  attr, aggregate_only, focus, steps, size_label):  # fmt: skip
    """Scene of :func:`map_scene` in the frame of a static picture: shapes with plain colours, a legend."""
    scene = map_scene(G, positions, node_size=node_size, show_names=show_names, max_labels=max_labels,
                      height=height, aggregate_only=aggregate_only, focus=focus, steps=steps,
                      aspect=PLACED_ASPECT)  # fmt: skip
    canvas, radius, labels, ego, hot = (
        scene[k] for k in ("canvas", "radius", "labels", "ego", "hot")
    )
    boxes = [
        (x - radius[v], y - radius[v], x + radius[v], y + radius[v]) for v, (x, y) in canvas.items()
    ]
    boxes += [lab.box for lab in labels.values()]
    margin = 16.0
    x0 = min((b[0] for b in boxes), default=0.0) - margin
    y0 = min((b[1] for b in boxes), default=0.0) - margin
    x1 = max((b[2] for b in boxes), default=1.0) + margin
    y1 = max((b[3] for b in boxes), default=1.0) + margin
    domains = taxonomy.order({_text(G.nodes[v].get(attr)) for v in G.nodes} - {""})
    legend_items = [(taxonomy.colour(d), taxonomy.label(d, lang)) for d in domains]
    notes = []
    if not aggregate_only and node_size and size_label:
        notes.append(text(TEXTS, "legend_size", lang, label=size_label))
    if any(G.degree(v) == 0 for v in G.nodes):
        notes.append(text(TEXTS, "legend_isolates", lang))
    if scene["focus"] is not None:
        notes.append(
            text(TEXTS, "legend_focus", lang, steps=text(TEXTS, f"steps_{min(steps, 2)}", lang))
        )
    shapes = []
    for v in sorted(G.nodes, key=lambda m: (radius[m], str(m))):
        data = G.nodes[v]
        domain = _text(data.get(attr))
        colour = taxonomy.colour(domain) if domain else "#999999"
        outside = ego is not None and v not in ego
        alpha = 0.15 if outside else 0.3 if G.degree(v) == 0 else 1.0
        team = _plain(data.get("pluswijkteam")) is True and not aggregate_only
        chosen = v in (scene["focus"] or ())
        border = "#000000" if chosen else _TEAM_BORDER if team else _darker(colour)
        width = 5.0 if chosen else 3.5 if team else 1.0
        x, y = canvas[v]
        shapes.append((x - x0, y - y0, radius[v], colour, border, width, alpha))
    lines = []
    for u, v in sorted(G.edges, key=lambda e: (str(e[0]), str(e[1]))):
        near = hot is None or (u, v) in hot or (v, u) in hot
        (ax, ay), (bx, by) = canvas[u], canvas[v]
        lines.append((ax - x0, ay - y0, bx - x0, by - y0, "#333333" if hot is not None and near else _EDGE_COLOUR,
                      0.85 if hot is not None and near else 0.07 if hot is not None else 0.3))  # fmt: skip
    placed = [
        {**lab.as_dict(), "x": lab.x - x0, "y": lab.y - y0,
         "lead": None if lab.leader is None else [lab.leader[0] - x0, lab.leader[1] - y0,
                                                  lab.leader[2] - x0, lab.leader[3] - y0]}
        for lab in labels.values()
    ]  # fmt: skip
    return {"width": x1 - x0, "height": y1 - y0, "shapes": shapes, "lines": lines, "labels": placed,
            "legend": legend_items, "notes": notes}  # fmt: skip


def _legend_rows(items, width: float) -> tuple[list[tuple[float, float, str, str]], float]:
    """Legend entries wrapped to ``width``: ``(x, y_centre, colour, label)`` each, and the legend's height."""
    x, y, out = 12.0, 18.0, []
    for colour, label in items:
        w = 19 + 0.62 * 15 * len(label) + 18
        if x > 12.0 and x + w > width - 12:
            x, y = 12.0, y + 24.0
        out.append((x, y, colour, label))
        x += w
    return out, y + 44.0


def network_map_svg(
    G: nx.Graph,
    positions: Mapping[str, tuple[float, float]],
    *,
    taxonomy: Taxonomy,
    node_size: Mapping[str, float] | None = None,
    size_label: str | None = None,
    lang: str = "nl",
    show_names: bool = True,
    max_labels: int | None = None,
    height: int = 720,
    attr: str = "domain",
    aggregate_only: bool = False,
    focus: str | None = None,
    steps: int = 1,
    title: str | None = None,
) -> str:
    """The map as a self-contained SVG: the same positions, sizes and placed names as the HTML map.

    Parameters are those of :func:`network_map_html` (with
    ``placed_labels=True``); the drawing is :func:`map_scene`'s, so a
    download matches the screen. No script, no remote reference, no hover
    text: only what is drawn (names only where the HTML map draws them;
    none for ``aggregate_only``). Ties are straight lines without arrow
    heads; the domain legend is above the drawing.

    Returns
    -------
    str
        An ``<svg>`` document (UTF-8 text).
    """
    sc = _static_scene(G, positions, taxonomy=taxonomy, node_size=node_size, lang=lang, show_names=show_names,
                       max_labels=max_labels, height=height, attr=attr, aggregate_only=aggregate_only,
                       focus=focus, steps=steps, size_label=size_label)  # fmt: skip
    rows, legend_top = _legend_rows(sc["legend"], sc["width"])
    W, H = sc["width"], sc["height"] + legend_top
    esc = html.escape
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W:.0f}" height="{H:.0f}" viewBox="0 0 {W:.0f} {H:.0f}" '
        f'font-family="Source Sans Pro, Segoe UI, Arial, sans-serif" role="img">',
        f"<title>{esc(title or text(TEXTS, 'title', lang))}</title>",
        f'<rect width="{W:.0f}" height="{H:.0f}" fill="#ffffff"/>',
    ]
    legend = []
    for x, y, colour, label in rows:
        legend.append(f'<circle cx="{x + 7:.1f}" cy="{y:.1f}" r="7" fill="{esc(colour)}" stroke="{_darker(colour)}"/>'
                      f'<text x="{x + 19:.1f}" y="{y + 5:.1f}" font-size="15" fill="#222">{esc(label)}</text>')  # fmt: skip
    if sc["notes"]:
        legend.append(f'<text x="12" y="{legend_top - 14:.1f}" font-size="13" fill="#444">'
                      f'{esc(" · ".join(sc["notes"]))}</text>')  # fmt: skip
    out.append('<g class="legend">' + "".join(legend) + "</g>")
    out.append(f'<g transform="translate(0,{legend_top:.0f})">')
    out.append(
        '<g class="ties">'
        + "".join(
            f'<line x1="{a:.1f}" y1="{b:.1f}" x2="{c:.1f}" y2="{d:.1f}" stroke="{col}" stroke-opacity="{op}" '
            'stroke-width="0.8"/>'
            for a, b, c, d, col, op in sc["lines"]
        )
        + "</g>"
    )
    out.append(
        '<g class="actors">'
        + "".join(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{esc(col)}" stroke="{esc(bd)}" '
            f'stroke-width="{bw}" fill-opacity="{al}" stroke-opacity="{al}"/>'
            for cx, cy, r, col, bd, bw, al in sc["shapes"]
        )
        + "</g>"
    )
    labels = []
    for lab in sc["labels"]:
        if lab["lead"]:
            a, b, c, d = lab["lead"]
            labels.append(f'<line x1="{a:.1f}" y1="{b:.1f}" x2="{c:.1f}" y2="{d:.1f}" stroke="#3c3c3c" '
                          'stroke-opacity="0.7" stroke-width="1"/>')  # fmt: skip
        labels.append(
            f'<text x="{lab["x"]:.1f}" y="{lab["y"]:.1f}" font-size="{lab["s"]}" text-anchor="middle" '
            f'dominant-baseline="central" '
            f'fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke">{esc(lab["t"])}</text>'
        )
    out.append('<g class="labels">' + "".join(labels) + "</g></g></svg>")
    return "".join(out)


def _font(size: float):
    from PIL import ImageFont

    for name in ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(name, max(int(round(size)), 1))
        except OSError:
            continue
    return ImageFont.load_default(size=max(int(round(size)), 1))


def network_map_png(G: nx.Graph, positions: Mapping[str, tuple[float, float]], *, scale: float = 2.0,
                    **kwargs) -> bytes:  # fmt: skip
    """The map of :func:`network_map_svg` as a PNG (Pillow), ``scale`` times the SVG's size.

    The same scene (positions, sizes, placed names, legend) is painted with
    Pillow; a name is squeezed to its box where the font is wider than the
    estimate, so names never overlap. Keyword arguments are those of
    :func:`network_map_svg` (``title`` is ignored).
    """
    import io

    from PIL import Image, ImageColor, ImageDraw

    kwargs.pop("title", None)
    taxonomy = kwargs.pop("taxonomy")
    sc = _static_scene(G, positions, taxonomy=taxonomy, node_size=kwargs.get("node_size"),
                       lang=kwargs.get("lang", "nl"), show_names=kwargs.get("show_names", True),
                       max_labels=kwargs.get("max_labels"), height=kwargs.get("height", 720),
                       attr=kwargs.get("attr", "domain"), aggregate_only=kwargs.get("aggregate_only", False),
                       focus=kwargs.get("focus"), steps=kwargs.get("steps", 1),
                       size_label=kwargs.get("size_label"))  # fmt: skip
    k = float(scale)
    rows, legend_top = _legend_rows(sc["legend"], sc["width"])
    W, H = int(sc["width"] * k), int((sc["height"] + legend_top) * k)
    img = Image.new("RGBA", (W, H), "white")
    top = legend_top * k

    def rgba(colour, alpha):
        r, g, b = ImageColor.getrgb(colour)[:3]
        return (r, g, b, int(255 * alpha))

    layer = Image.new("RGBA", (W, H), (255, 255, 255, 0))
    draw = ImageDraw.Draw(layer)
    for a, b, c, d, col, op in sc["lines"]:
        draw.line(
            [(a * k, b * k + top), (c * k, d * k + top)],
            fill=rgba(col, op),
            width=max(int(k * 0.8), 1),
        )
    img = Image.alpha_composite(img, layer)
    draw = ImageDraw.Draw(img)
    faded = Image.new("RGBA", (W, H), (255, 255, 255, 0))
    fdraw = ImageDraw.Draw(faded)
    for cx, cy, r, col, bd, bw, al in sorted(sc["shapes"], key=lambda s: s[6]):  # faded ones first
        box = [(cx - r) * k, (cy - r) * k + top, (cx + r) * k, (cy + r) * k + top]
        if al < 1:
            fdraw.ellipse(box, fill=rgba(col, al), outline=rgba(bd, al), width=max(int(bw * k), 1))
            continue
        if faded is not None:
            img.alpha_composite(faded)
            faded = None
        draw = ImageDraw.Draw(img)
        draw.ellipse(box, fill=col, outline=bd, width=max(int(bw * k), 1))
    if faded is not None:
        img.alpha_composite(faded)
    draw = ImageDraw.Draw(img)
    for lab in sc["labels"]:
        if lab["lead"]:
            a, b, c, d = lab["lead"]
            draw.line(
                [(a * k, b * k + top), (c * k, d * k + top)],
                fill=(60, 60, 60, 180),
                width=max(int(k), 1),
            )
        size = lab["s"] * k
        font = _font(size)
        width = draw.textlength(lab["t"], font=font)
        if width > (lab["w"] - 3) * k:
            font = _font(size * (lab["w"] - 3) * k / width)
        draw.text((lab["x"] * k, lab["y"] * k + top), lab["t"], font=font, fill="#1a1a1a", anchor="mm",
                  stroke_width=max(int(1.5 * k), 1), stroke_fill="#ffffff")  # fmt: skip
    font = _font(15 * k)
    for x, y, colour, label in rows:
        draw.ellipse(
            [x * k, (y - 7) * k, (x + 14) * k, (y + 7) * k], fill=colour, outline=_darker(colour)
        )
        draw.text(((x + 19) * k, y * k), label, font=font, fill="#222222", anchor="lm")
    if sc["notes"]:
        draw.text((12 * k, (legend_top - 18) * k), " · ".join(sc["notes"]), font=_font(13 * k), fill="#444444",
                  anchor="lm")  # fmt: skip
    buffer = io.BytesIO()
    img.convert("RGB").save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


#: The formats :func:`render_map` writes, with their file extension and MIME type.
MAP_FORMATS = {
    "html": ("html", "text/html"),
    "svg": ("svg", "image/svg+xml"),
    "png": ("png", "image/png"),
}


def render_map(
    kind: str, G: nx.Graph, positions: Mapping[str, tuple[float, float]], **kwargs
) -> str | bytes:
    """The map as ``kind`` ``"html"`` (interactive, placed names), ``"svg"`` or ``"png"``, from one scene.

    Keyword arguments are those of :func:`network_map_html`; the SVG and PNG
    ignore what only the interactive map has (tooltips, respondents'
    dashed borders, overlay, compact). The HTML of a download is the page's
    own map, so it holds the same names and hover texts as the screen, no more.
    """
    if kind == "html":
        return network_map_html(G, positions, placed_labels=True, **kwargs)
    static = {k: v for k, v in kwargs.items() if k in {
        "taxonomy", "node_size", "size_label", "lang", "show_names", "max_labels", "height", "attr",
        "aggregate_only", "focus", "steps"}}  # fmt: skip
    if kind == "svg":
        return network_map_svg(G, positions, **static)
    if kind == "png":
        return network_map_png(G, positions, **static)
    raise ValueError(f"unknown map format {kind!r}; expected one of {sorted(MAP_FORMATS)}")
