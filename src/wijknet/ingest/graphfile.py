"""Import GraphML and GEXF files (Gephi, igraph, Cytoscape, networkx, wijknet's own export) into tidy tables.

Nodes become actors, edges become directed ties with provenance:

* ``actor_id`` is the node id; node attributes with the tidy names
  (``wijk``, ``domain``, ``name``, ``role``, ``organisation``, ``kind``,
  ``pluswijkteam``, ``kernaanpakken``, ``consent``, ``first_wave``,
  ``last_wave``) fill those columns, other attributes are kept as extra
  columns; a GEXF ``label`` becomes the ``name`` when there is none.
  Layout and drawing attributes (``viz``, ``x``, ``y``, ``size``, ``color``,
  ``spells``) are left out.
* The ``wijk`` of a tie is the edge's, else the graph's (``G.graph["wijk"]``),
  else the source node's; the ``wave`` the edge's, else the graph's, else
  the ``wave`` argument. GEXF files keep no graph attributes: put ``wijk``
  on the nodes and give the wave of a static GEXF with ``--wave``.
* A *dynamic* GEXF (wijknet's ``export --format gexf``: one file per wijk, the
  waves on the time line) gives one tie per edge spell; the spell's start is
  the wave (``2025.0`` -> ``"2025"``), or its position in ``waves`` when the
  wave labels are not numbers. Per-wave ``wave_weight``, ``wave_tie_type``
  and ``wave_evidence`` are used when present.
* **Every tie observation as wijknet wrote it.** wijknet's own export puts
  each arc's observations on the edge as JSON (``observations`` in GraphML,
  per wave ``wave_observations`` in GEXF; see
  :mod:`wijknet.export.observations`): they give one tie each, with its
  own ``tie_type``, ``weight``, ``evidence`` and ``evidence_kind`` (so the
  store keeps survey answers as survey answers). Without it, the summary
  attributes below are used and the kind is left to the importer
  (``graph_file``).
* **Ids as igraph and Gephi write them.** When every node id is a generated
  one (``n0``, ``n1``, ... as R igraph and python-igraph write GraphML),
  the actor id is the node's ``id`` attribute (igraph keeps the original id
  there), else its ``label`` (Gephi), if every node has one and they are
  unique; a note says so. Without them the generated ids stay, also with a
  note (the actors will not match the ones already in the store).
* A ``tie_type`` that lists several types (``"overleg;samenwerking"``, as
  wijknet writes parallel ties) gives one tie per type.
* An undirected graph gives two ties per edge, one each way.
* **Text cleaned as the table readers clean it**: control characters, NUL
  and bidi controls (an RTL override makes a name read backwards) are
  removed from every node and edge attribute with
  :func:`wijknet.io.tables.clean_cell`, each with a note naming the file,
  the node (or edge) position as row and ``node <id>: <attribute>`` as
  column, never the value.
* Provenance: ``source_file``; ``source_row`` is the position of the edge
  (1 = the first ``<edge>`` in the file; for actors the position of the
  node); ``source_column`` is ``edge <id>`` (or ``edge <source>-<target>``).

Everything comes back as strings, ready for the validation of
:mod:`wijknet.io.tidy`.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

import networkx as nx
import pandas as pd

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.ties import OBSERVATION_KEYS
from wijknet.ingest.batch import TIE_COLUMNS, ImportBatch, empty
from wijknet.io.tables import TEXTS as TABLE_TEXTS
from wijknet.io.tables import clean_cell

ACTOR_FIELDS = ("actor_id", "wijk", "domain", "name", "role", "organisation", "kind", "pluswijkteam",
                "kernaanpakken", "consent", "first_wave", "last_wave")  # fmt: skip
#: Node and edge attributes that describe drawing, not the actor or tie.
DRAWING = {"viz", "x", "y", "z", "size", "color", "r", "g", "b", "spells", "start", "end", "id", "pid", "label",
           "timeset", "shape", "thickness"}  # fmt: skip
TEXTS = {
    "bad_xml": {
        "nl": "het bestand is geen leesbaar {fmt}-bestand: {detail}",
        "en": "the file is not a readable {fmt} file: {detail}",
    },
    "no_wave": {
        "nl": "de relatie heeft geen meting: geen attribuut 'wave' aan de rand of de graaf; geef de meting met --wave",
        "en": "the tie has no wave: no 'wave' attribute on the edge or the graph; give the wave with --wave",
    },
    "no_wijk": {
        "nl": "geen wijk: geen attribuut 'wijk' aan de knoop, de rand of de graaf",
        "en": "no wijk: no 'wijk' attribute on the node, the edge or the graph",
    },
    "igraph_ids": {
        "nl": "de knopen hebben door igraph gemaakte id's (n0, n1, ...); de actor-id's komen uit het attribuut '{attr}'",
        "en": "the nodes have ids made by igraph (n0, n1, ...); the actor ids are taken from the '{attr}' attribute",
    },
    "generated_ids": {
        "nl": "de knopen hebben door igraph gemaakte id's (n0, n1, ...) en geen uniek attribuut 'id' of 'label' met de "
        "echte id's; ze worden als actor-id's gebruikt en komen niet overeen met actoren die al bestaan",
        "en": "the nodes have ids made by igraph (n0, n1, ...) and no unique 'id' or 'label' attribute with the real "
        "ids; they are used as actor ids and will not match actors that already exist",
    },
    "bad_observations": {
        "nl": "het attribuut '{attr}' is geen lijst van waarnemingen zoals wijknet die schrijft: {detail}",
        "en": "the attribute '{attr}' is not a list of observations as wijknet writes it: {detail}",
    },
    "spell": {
        "nl": "tijdvak {start} hoort bij geen meting; verwacht een jaartal of een positie in de lijst 'waves'",
        "en": "time interval {start} matches no wave; expected a year or a position in the 'waves' list",
    },
}


@dataclass(frozen=True, eq=False)
class GraphImport(ImportBatch):
    """An :class:`~wijknet.ingest.batch.ImportBatch` from a graph file, with the nodes as ``actors``.

    ``ties`` has the tidy tie columns and ``source_file``, ``source_row``,
    ``source_column`` (the answer columns of a survey stay empty);
    ``actors`` is a tidy actors table of strings (index: node position).
    """

    actors: pd.DataFrame = field(default_factory=lambda: empty(list(ACTOR_FIELDS)))


def _text(value) -> str:
    """A node or edge attribute as tidy text (booleans as ja/nee, whole floats without .0)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return ";".join(_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value).strip()


def _cleaned(value: str, file: str, row: int | None, column: str, notes: list[Problem]) -> str:
    """``value`` through :func:`~wijknet.io.tables.clean_cell`, with the table readers' note when it changed."""
    cleaned, found = clean_cell(value)
    if (
        found
    ):  # the note names the place, not the value: names are personal data and notes are printed
        notes.append(
            Problem(
                file, text(TABLE_TEXTS, "cleaned", what=", ".join(found)), row=row, column=column
            )
        )
    return cleaned


def _wave_of(start: float, waves: list[str] | None) -> str | None:
    if float(start).is_integer() and start > 100:
        return str(int(start))
    if waves and float(start).is_integer() and 1 <= start <= len(waves):
        return waves[int(start) - 1]
    return None


def read_graph_file(
    path: str | Path, *, wave: str | None = None, waves: list[str] | None = None
) -> GraphImport:
    """Read a GraphML or GEXF file into tidy ``actors`` and ``ties``.

    Parameters
    ----------
    path : str or Path
        A ``.graphml`` or ``.gexf`` file (the format is taken from the XML).
    wave : str, optional
        The wave of ties that carry none (static graphs without a ``wave``
        attribute).
    waves : list of str, optional
        The project's waves, to turn GEXF time positions into waves.

    Returns
    -------
    GraphImport
        ``tool`` is ``"graphml"`` or ``"gexf"``.

    Raises
    ------
    DataError
        When the file cannot be parsed, or a tie has no wave or wijk
        (with the file, the edge position as row and ``edge <id>`` as column).
    """
    path = Path(path)
    file = path.name
    head = path.read_bytes()[:4096].lower()
    fmt = "gexf" if b"<gexf" in head else "graphml"
    try:
        G = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    except (ParseError, nx.NetworkXError, ValueError, KeyError, TypeError) as exc:
        raise DataError(
            [
                Problem(
                    file,
                    text(
                        TEXTS,
                        "bad_xml",
                        fmt=fmt.upper() if fmt == "gexf" else "GraphML",
                        detail=exc,
                    ),
                )
            ]
        ) from None
    G, notes = _real_ids(G, file)
    graph_wijk = _cleaned(_text(G.graph.get("wijk", "")), file, None, "graph wijk", notes)
    graph_wave = _cleaned(_text(G.graph.get("wave", "")), file, None, "graph wave", notes) or (
        wave or ""
    )
    problems: list[Problem] = []

    actor_rows, index = [], []
    for position, (node, data) in enumerate(G.nodes(data=True), start=1):
        node_id = _cleaned(str(node), file, position, "node id", notes)
        row = {"actor_id": node_id}
        for key, value in data.items():
            if key in DRAWING or key in ("actor_id",):
                continue
            row[key] = _cleaned(_text(value), file, position, f"node {node_id}: {key}", notes)
        if not row.get("name") and data.get("label") not in (None, "", node):
            row["name"] = _cleaned(
                _text(data["label"]), file, position, f"node {node_id}: label", notes
            )
        if not row.get("wijk") and graph_wijk:
            row["wijk"] = graph_wijk
        actor_rows.append(row)
        index.append(position)
    actors = pd.DataFrame(actor_rows, index=pd.Index(index, name="row"), dtype=object).fillna("")
    for column in ACTOR_FIELDS[:3]:
        if column not in actors.columns:
            actors[column] = ""
    actors = actors[
        [*ACTOR_FIELDS[:3], *[c for c in actors.columns if c not in ACTOR_FIELDS[:3]]]
    ].astype(str)
    node_wijk = dict(zip(actors["actor_id"], actors["wijk"]))

    ties = []
    pairs = (
        list(G.edges(data=True, keys=True))
        if G.is_multigraph()
        else [(u, v, None, d) for u, v, d in G.edges(data=True)]
    )
    for position, (u, v, key, data) in enumerate(pairs, start=1):
        edge_id = data.get("id", key if key not in (None, 0) or G.is_multigraph() else None)
        column = f"edge {edge_id}" if edge_id not in (None, "") else f"edge {u}-{v}"
        wijk = _text(data.get("wijk", "")) or graph_wijk or node_wijk.get(str(u), "")
        base = {"wijk": wijk, "source": str(u), "target": str(v), "source_file": file, "source_row": str(position),
                "source_column": column}  # fmt: skip
        if not wijk:
            problems.append(Problem(file, text(TEXTS, "no_wijk"), row=position, column=column))
            continue
        spells = data.get("spells") if fmt == "gexf" else None
        if spells:
            versions = []
            for start, _end in spells:
                w = _wave_of(float(start), waves)
                if w is None:
                    problems.append(
                        Problem(
                            file, text(TEXTS, "spell", start=start), row=position, column=column
                        )
                    )
                    continue
                versions.append((w, _at(data.get("wave_weight"), start, data.get("weight")),
                                 _at(data.get("wave_tie_type"), start, data.get("tie_type")),
                                 _at(data.get("wave_evidence"), start, data.get("evidence")),
                                 _at(data.get("wave_observations"), start, None), "wave_observations"))  # fmt: skip
        else:
            w = _text(data.get("wave", "")) or graph_wave
            if not w:
                problems.append(Problem(file, text(TEXTS, "no_wave"), row=position, column=column))
                continue
            versions = [(w, data.get("weight"), data.get("tie_type"), data.get("evidence"), data.get("observations"),
                         "observations")]  # fmt: skip
        extra = {k: _text(val) for k, val in data.items()
                 if k not in DRAWING and k not in ("weight", "tie_type", "evidence", "wave", "wijk", "key", "observations")
                 and not k.startswith("wave_")}  # fmt: skip
        answers = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else ""
        for w, weight, tie_type, evidence, observed, attr in versions:
            try:
                items = _observations(observed)
            except ValueError as exc:
                problems.append(
                    Problem(
                        file,
                        text(TEXTS, "bad_observations", attr=attr, detail=exc),
                        row=position,
                        column=column,
                    )
                )
                continue
            if (
                not items
            ):  # not wijknet's own file: one tie per listed type, the kind left to the importer
                items = [{"tie_type": one.strip(), "weight": weight, "evidence": evidence, "evidence_kind": ""}
                         for one in (_text(tie_type).split(";") if _text(tie_type) else [""])]  # fmt: skip
            for item in items:
                tie = {**base, "wave": w, "tie_type": _text(item["tie_type"]), "weight": _text(item["weight"]),
                       "evidence": _text(item["evidence"]), "evidence_kind": _text(item["evidence_kind"]),
                       "answers": answers}  # fmt: skip
                tie = {
                    k: _cleaned(val, file, position, f"{column}: {k}", notes)
                    for k, val in tie.items()
                }
                ties.append(tie)
                if not G.is_directed():
                    ties.append({**tie, "source": tie["target"], "target": tie["source"]})
    if problems:
        raise DataError(problems)
    columns = [*TIE_COLUMNS, "evidence_kind", "answers"]
    tie_frame = (
        pd.DataFrame(ties, columns=columns, dtype=object).fillna("").astype(str)
        if ties
        else empty(columns)
    )
    waves_found = sorted(set(tie_frame["wave"])) if len(tie_frame) else []
    return GraphImport(tool=fmt, source_file=file, wave=";".join(waves_found), instrument="", ties=tie_frame, actors=actors,
                       problems=tuple(dict.fromkeys(notes)))  # fmt: skip


#: Node ids that R igraph and python-igraph make when they write GraphML.
GENERATED_ID = re.compile(r"n\d+")


def _real_ids(G: nx.Graph, file: str) -> tuple[nx.Graph, list[Problem]]:
    """``G`` with igraph's generated node ids replaced by the ``id`` (or Gephi's ``label``) attribute.

    Only when *every* node id is generated (``n0``, ``n1``, ...) and every
    node has a non-empty, unique value; otherwise ``G`` is returned as it is
    (with a note when the ids are generated).
    """
    nodes = list(G.nodes(data=True))
    if not nodes or not all(GENERATED_ID.fullmatch(str(n)) for n, _ in nodes):
        return G, []
    for attr in ("id", "label"):
        values = [_text(d.get(attr)) for _, d in nodes]
        if all(values) and len(set(values)) == len(values) and values != [str(n) for n, _ in nodes]:
            H = nx.relabel_nodes(G, {n: v for (n, _), v in zip(nodes, values)}, copy=True)
            return H, [Problem(file, text(TEXTS, "igraph_ids", attr=attr))]
    return G, [Problem(file, text(TEXTS, "generated_ids"))]


def _observations(value) -> list[dict]:
    """The observations of wijknet's ``observations`` attribute (JSON text); ``[]`` when there is none.

    Raises
    ------
    ValueError
        When the text is not a JSON list of objects with the keys of
        :data:`wijknet.core.ties.OBSERVATION_KEYS`.
    """
    if (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or str(value).strip() == ""
    ):
        return []
    try:
        items = json.loads(str(value))
    except json.JSONDecodeError as exc:
        raise ValueError(exc.msg) from None
    if not isinstance(items, list) or not all(
        isinstance(o, dict) and set(OBSERVATION_KEYS) <= set(o) for o in items
    ):
        raise ValueError(", ".join(OBSERVATION_KEYS))
    return items


def _at(values, start, default):
    """The value of a dynamic GEXF attribute (list of ``(value, start, end)``) at ``start``."""
    if isinstance(values, list):
        for item in values:
            if (
                isinstance(item, (list, tuple))
                and len(item) >= 2
                and float(item[1]) == float(start)
            ):
                return item[0]
    return default
