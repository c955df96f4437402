"""Import the CSV export of Network Canvas interviews into tidy tables.

Network Canvas writes one CSV file per interview (session) and entity type:

* an *ego* file (``<case>_<session>_ego.csv``): ``networkCanvasEgoUUID`` and
  the ego's attributes;
* an *attribute list* per node type (``..._attributeList_<type>.csv``):
  ``nodeID``, ``networkCanvasEgoUUID``, ``networkCanvasUUID`` and the node
  attributes;
* an *edge list* per edge type (``..._edgeList_<type>.csv``): ``edgeID``,
  ``from``, ``to`` (``nodeID`` values), ``networkCanvasEgoUUID``,
  ``networkCanvasSourceUUID``, ``networkCanvasTargetUUID`` and the edge
  attributes.

The older exporter used ``_egoID`` (ego), ``_uid`` (node) and ``_from``/``_to``
(edge end points); both are read. The role of every file is recognised from
its columns (not its name). ``nodeID`` restarts in every session, so nodes are
joined on their UUIDs, never on ``nodeID``/``from``/``to``. Cells Network Canvas
protected against spreadsheet formulas (a leading ``'`` before ``= + - @``)
are restored.

Never silent: every column that is neither read nor kept with the ties as an
answer (session bookkeeping such as ``sessionStart`` and
``networkCanvasCaseID``, ``edgeID``/``from``/``to``, ego attributes other than
the id, organisation, role and domain) gives a note naming file and column
(:func:`wijknet.ingest.assemble.unused_notes`, as for the survey importers),
and so does every cell cleaned when reading.

What comes out (a :class:`NetworkCanvasImport`):

* ``ties`` -- one ego -> alter tie per named node (``tie_type`` the
  ``ego_tie_type`` argument, default ``kennen``) and one tie per edge
  (``source`` = the ``from`` node, ``target`` = the ``to`` node, ``tie_type`` =
  the edge type from the file name ``..._edgeList_<type>.csv``, else a
  ``type`` column, else ``edge``). ``weight`` is the ``weight`` attribute, else
  ``frequency``; ``evidence`` is ``"network canvas <wave>"``; ``reporter`` is
  the ego; ``source_file``/``source_row``/``source_column`` the provenance;
  other attributes are kept as JSON in ``answers``.
* A node is an actor when it carries the roster id attribute (``actor_id`` by
  default) and, when a ``roster`` is given, that id is on it. Other nodes are
  ``write_ins`` (name, organisation, domain as entered; ``uuid`` and
  ``node_type`` added); ties touching them wait in ``pending_ties`` (with
  ``source_uuid``/``target_uuid``) until the write-in is resolved.
* ``respondents`` -- one row per ego (``response_id`` = ego UUID);
  ``nodes`` -- every node with its UUID, type, interview and resolved actor.

GraphML: Network Canvas' GraphML export keys node data by codebook variable
ids and carries no ``wijk`` or wave, so it does not fit
:func:`wijknet.ingest.graphfile.read_graph_file` without hand work; export CSV
instead (a ``.graphml`` path here is refused with that advice).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.ingest.assemble import unused_notes
from wijknet.ingest.batch import RESPONDENT_COLUMNS, TIE_COLUMNS, WRITE_IN_COLUMNS, empty
from wijknet.ingest.graphfile import GraphImport
from wijknet.io.tables import read_table

TOOL = "network_canvas"
#: Column names after :func:`wijknet.io.tables.normalise_column`: (new exporter, old exporter).
EGO_UUID = ("networkcanvasegouuid", "_egoid")
NODE_UUID = ("networkcanvasuuid", "_uid")
SOURCE_UUID = ("networkcanvassourceuuid", "_from")
TARGET_UUID = ("networkcanvastargetuuid", "_to")
#: How the columns are spelled in the export, for messages.
SPELLED = {"networkcanvasegouuid": "networkCanvasEgoUUID", "_egoid": "_egoID", "networkcanvasuuid": "networkCanvasUUID",
           "_uid": "_uid", "networkcanvassourceuuid": "networkCanvasSourceUUID", "_from": "_from",
           "networkcanvastargetuuid": "networkCanvasTargetUUID", "_to": "_to"}  # fmt: skip
BOOKKEEPING = {
    "nodeid",
    "edgeid",
    "from",
    "to",
    "type",
    "sessionstart",
    "sessionfinish",
    "sessionexported",
}
#: Columns read by name (besides the UUIDs and the id attribute): of the ego, and of nodes and edges.
EGO_READ = {"organisation", "role", "domain"}
NODE_READ = {
    "nodeid",
    "type",
    "name",
    "naam",
    "label",
    "organisation",
    "organisatie",
    "domain",
    "frequency",
    "weight",
}
NODE_COLUMNS = [
    "wijk",
    "wave",
    "uuid",
    "node_type",
    "node_id",
    "ego_uuid",
    "actor_id",
    "name",
    "source_file",
    "source_row",
]
PENDING_COLUMNS = [*TIE_COLUMNS, "answers", "source_uuid", "target_uuid"]
_PROTECTED = re.compile(r"^'(?=[=+\-@])")
_TYPE_IN_NAME = re.compile(r"(?:attributelist|edgelist)_(.+)$", re.IGNORECASE)

TEXTS = {
    "not_csv": {
        "nl": "geen CSV-bestand ('{ext}'); verwacht de CSV-export van Network Canvas (ego, attributeList, edgeList)",
        "en": "not a CSV file ('{ext}'); expected Network Canvas' CSV export (ego, attributeList, edgeList)",
    },
    "role": {
        "nl": "geen Network Canvas-bestand (kolommen: {columns}); verwacht networkCanvasEgoUUID (of _egoID), "
              "met networkCanvasUUID (of _uid) voor knopen of networkCanvasSourceUUID/networkCanvasTargetUUID "
              "(of _from/_to) voor relaties",
        "en": "not a Network Canvas file (columns: {columns}); expected networkCanvasEgoUUID (or _egoID), "
              "with networkCanvasUUID (or _uid) for nodes or networkCanvasSourceUUID/networkCanvasTargetUUID "
              "(or _from/_to) for edges",
    },
    "no_uuid": {
        "nl": "kolom '{column}' ontbreekt; verwacht {expected} (nodeID/from/to beginnen in elk interview opnieuw "
              "en kunnen niet gekoppeld worden)",
        "en": "column '{column}' is missing; expected {expected} (nodeID/from/to restart in every interview "
              "and cannot be joined)",
    },
    "empty_uuid": {"nl": "lege UUID; verwacht de UUID van {what}", "en": "empty UUID; expected the UUID of {what}"},
    "dup_uuid": {
        "nl": "UUID '{uuid}' komt al voor in {file}, rij {row}; verwacht één rij per {what}",
        "en": "UUID '{uuid}' already appears in {file}, row {row}; expected one row per {what}",
    },
    "unknown_node": {
        "nl": "de relatie wijst naar onbekende knoop '{uuid}'; verwacht een networkCanvasUUID (of _uid) uit de "
              "attributeList-bestanden van dit interview",
        "en": "the edge points to unknown node '{uuid}'; expected a networkCanvasUUID (or _uid) from the "
              "attributeList files of this interview",
    },
    "graphml": {
        "nl": "de GraphML-export van Network Canvas wordt niet gelezen; exporteer als CSV (ego, attributeList, edgeList)",
        "en": "Network Canvas' GraphML export is not read; export as CSV (ego, attributeList, edgeList)",
    },
    "no_files": {"nl": "geen bestanden opgegeven", "en": "no files given"},
    "no_ego": {
        "nl": "geen ego-bestand voor interview '{uuid}'; de relaties vanuit de ego zijn niet ingelezen",
        "en": "no ego file for interview '{uuid}'; the ties from the ego were not read",
    },
    "ego_unknown": {
        "nl": "de respondent (ego) heeft geen {attribute}; de relaties vanuit de ego zijn niet ingelezen",
        "en": "the respondent (ego) has no {attribute}; the ties from the ego were not read",
    },
    "not_on_roster": {
        "nl": "{attribute} '{value}' staat niet op de lijst van actoren; als zelf ingevulde partij ingelezen",
        "en": "{attribute} '{value}' is not on the roster; read as a written-in party",
    },
}  # fmt: skip


@dataclass(frozen=True, eq=False)
class NetworkCanvasImport(GraphImport):
    """A :class:`~wijknet.ingest.graphfile.GraphImport` from Network Canvas interviews.

    ``actors`` stays empty (roster alters are already actors; write-ins become
    actors only after resolution). Extra tables: ``nodes`` (every node, see
    :data:`NODE_COLUMNS`) and ``pending_ties`` (ties touching a write-in).
    """

    nodes: pd.DataFrame = field(default_factory=lambda: empty(NODE_COLUMNS))
    pending_ties: pd.DataFrame = field(default_factory=lambda: empty(PENDING_COLUMNS))


def unprotect(value: str) -> str:
    """Undo Network Canvas' formula protection: ``"'=Name"`` -> ``"=Name"`` (only before ``= + - @``)."""
    return _PROTECTED.sub("", value)


def _first(columns, options: tuple[str, ...]) -> str | None:
    return next((c for c in options if c in columns), None)


def _entity_type(path: Path, df: pd.DataFrame, row, default: str) -> str:
    if "type" in df.columns and row["type"]:
        return row["type"]
    match = _TYPE_IN_NAME.search(path.stem)
    return match.group(1) if match else default


def _attributes(row: pd.Series, skip: set[str]) -> dict[str, str]:
    return {k: v for k, v in row.items() if v != "" and k not in skip and k not in BOOKKEEPING
            and not k.startswith("networkcanvas") and not k.startswith("_")}  # fmt: skip


def _unused(file: str, df: pd.DataFrame, read: set, kept: bool = True) -> list[Problem]:
    """Notes for the columns of ``file`` that are neither read nor (``kept``) stored as answers (:func:`_attributes`)."""

    def used(column: str) -> bool:
        return column in read or (
            kept and column not in BOOKKEEPING and not column.startswith(("networkcanvas", "_"))
        )

    return unused_notes(file, [c for c in df.columns if not used(c)], "Network Canvas")


def _members(roster, wave: str) -> set[str] | None:
    if roster is None:
        return None
    if isinstance(roster, (set, frozenset, list, tuple)):
        return {str(a) for a in roster}
    from wijknet.ingest.roster import as_roster

    r, _ = as_roster(roster, wave)
    return set(r.members) | {a for actors in r.positions.values() for a in actors if a}


def _expand(paths) -> list[Path]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        out += sorted(p.glob("*.csv")) if p.is_dir() else [p]
    return out


def import_network_canvas(
    paths: str | Path | Iterable[str | Path],
    *,
    wijk: str,
    wave: str,
    roster=None,
    id_attribute: str = "actor_id",
    ego_tie_type: str = "kennen",
) -> NetworkCanvasImport:
    """Read the CSV files of one or more Network Canvas interviews.

    Parameters
    ----------
    paths : path or iterable of paths
        The ego, attributeList and edgeList CSV files (in any order), or a
        folder holding them.
    wijk, wave : str
        The wijk and wave of the interviews.
    roster : Roster, Project, DataFrame, path or collection of actor ids, optional
        When given, a node's ``id_attribute`` must be on it to count as an actor.
    id_attribute : str
        The node (and ego) attribute holding the roster ``actor_id``.
    ego_tie_type : str
        ``tie_type`` of the ego -> alter ties (naming an alter in the interview).

    Raises
    ------
    DataError
        For a file that is not a Network Canvas CSV, missing UUID columns,
        empty or duplicate UUIDs and edges to unknown nodes (file, row and
        column of each, with what was expected).
    """
    files = _expand(paths)
    if not files:
        raise DataError([Problem("-", text(TEXTS, "no_files"))])
    problems: list[Problem] = []
    notes: list[Problem] = []
    egos, nodes_by_file, edges_by_file = [], [], []
    for path in files:
        file = path.name
        suffix = path.suffix.lower()
        if suffix in (".graphml", ".xml"):
            problems.append(Problem(file, text(TEXTS, "graphml")))
            continue
        if suffix not in (".csv", ".tsv", ".txt"):
            problems.append(Problem(file, text(TEXTS, "not_csv", ext=suffix or "-")))
            continue
        try:
            df = read_table(path, expected=("networkCanvasEgoUUID",))
        except DataError as exc:
            problems += exc.problems
            continue
        notes += df.attrs.get("notes", [])  # cleaned cells: never changed in silence
        df = df.map(unprotect) if len(df) else df
        columns = set(df.columns)
        ego_col = _first(columns, EGO_UUID)
        is_edge = bool(({"from", "to", "edgeid"} | set(SOURCE_UUID) | set(TARGET_UUID)) & columns)
        is_node = bool(({"nodeid"} | set(NODE_UUID)) & columns)
        if ego_col is None and not (is_edge or is_node):
            problems.append(
                Problem(file, text(TEXTS, "role", columns=", ".join(df.columns) or "-"))
            )
            continue
        if ego_col is None:
            problems.append(Problem(file, text(TEXTS, "no_uuid", column="networkCanvasEgoUUID",
                                               expected="networkCanvasEgoUUID (_egoID)"), column="networkCanvasEgoUUID"))  # fmt: skip
            continue
        if is_edge:
            missing = [opts for opts in (SOURCE_UUID, TARGET_UUID) if _first(columns, opts) is None]
            for opts in missing:
                problems.append(Problem(file, text(TEXTS, "no_uuid", column=SPELLED[opts[0]],
                                                   expected=f"{SPELLED[opts[0]]} ({SPELLED[opts[1]]})"),
                                        column=SPELLED[opts[0]]))  # fmt: skip
            if not missing:
                edges_by_file.append(
                    (path, df, ego_col, _first(columns, SOURCE_UUID), _first(columns, TARGET_UUID))
                )
                notes += _unused(file, df, {ego_col, _first(columns, SOURCE_UUID), _first(columns, TARGET_UUID),
                                            id_attribute, *NODE_READ})  # fmt: skip
        elif is_node:
            uuid_col = _first(columns, NODE_UUID)
            if uuid_col is None:
                problems.append(Problem(file, text(TEXTS, "no_uuid", column="networkCanvasUUID",
                                                   expected="networkCanvasUUID (_uid)"), column="networkCanvasUUID"))  # fmt: skip
            else:
                nodes_by_file.append((path, df, ego_col, uuid_col))
                notes += _unused(file, df, {ego_col, uuid_col, id_attribute, *NODE_READ})
        else:
            egos.append((path, df, ego_col))
            notes += _unused(file, df, {ego_col, id_attribute, *EGO_READ}, kept=False)
    if problems:
        raise DataError(problems)

    members = _members(roster, wave)
    evidence = f"network canvas {wave}"

    # Egos: UUID -> actor_id ("" when unidentified).
    ego_actor: dict[str, str] = {}
    seen: dict[str, tuple[str, int]] = {}
    respondents = []
    for path, df, ego_col in egos:
        for rownum, row in df.iterrows():
            uuid = row[ego_col]
            if not uuid:
                problems.append(
                    Problem(
                        path.name,
                        text(TEXTS, "empty_uuid", what="ego"),
                        row=rownum,
                        column=SPELLED[ego_col],
                    )
                )
                continue
            if uuid in seen:
                f, r = seen[uuid]
                problems.append(Problem(path.name, text(TEXTS, "dup_uuid", uuid=uuid, file=f, row=r, what="ego"),
                                        row=rownum, column=SPELLED[ego_col]))  # fmt: skip
                continue
            seen[uuid] = (path.name, rownum)
            actor = row.get(id_attribute, "")
            if actor and members is not None and actor not in members:
                notes.append(Problem(path.name, text(TEXTS, "not_on_roster", attribute=id_attribute, value=actor),
                                     row=rownum, column=id_attribute))  # fmt: skip
                actor = ""
            elif not actor:
                notes.append(Problem(path.name, text(TEXTS, "ego_unknown", attribute=id_attribute), row=rownum,
                                     column=id_attribute))  # fmt: skip
            ego_actor[uuid] = actor
            respondents.append({"wijk": wijk, "wave": wave, "actor_id": actor, "organisation": row.get("organisation", ""),
                                "role": row.get("role", ""), "domain": row.get("domain", ""), "response_id": uuid,
                                "source_file": path.name, "source_row": str(rownum)})  # fmt: skip

    # Nodes: UUID -> record.
    nodes: dict[str, dict] = {}
    write_ins, ties, pending = [], [], []
    missing_egos: set[str] = set()
    for path, df, ego_col, uuid_col in nodes_by_file:
        for rownum, row in df.iterrows():
            uuid, ego = row[uuid_col], row[ego_col]
            for col, value, what in ((uuid_col, uuid, "node"), (ego_col, ego, "ego")):
                if not value:
                    problems.append(
                        Problem(
                            path.name,
                            text(TEXTS, "empty_uuid", what=what),
                            row=rownum,
                            column=SPELLED[col],
                        )
                    )
            if not uuid or not ego:
                continue
            if uuid in nodes:
                other = nodes[uuid]
                problems.append(Problem(path.name, text(TEXTS, "dup_uuid", uuid=uuid, file=other["source_file"],
                                                        row=other["source_row"], what="node"),
                                        row=rownum, column=SPELLED[uuid_col]))  # fmt: skip
                continue
            node_type = _entity_type(path, df, row, "node")
            actor = row.get(id_attribute, "")
            if actor and members is not None and actor not in members:
                notes.append(Problem(path.name, text(TEXTS, "not_on_roster", attribute=id_attribute, value=actor),
                                     row=rownum, column=id_attribute))  # fmt: skip
                actor = ""
            name = row.get("name", "") or row.get("naam", "") or row.get("label", "")
            record = {"wijk": wijk, "wave": wave, "uuid": uuid, "node_type": node_type, "node_id": row.get("nodeid", ""),
                      "ego_uuid": ego, "actor_id": actor, "name": name, "source_file": path.name, "source_row": str(rownum)}  # fmt: skip
            nodes[uuid] = record
            if ego not in ego_actor:
                missing_egos.add(ego)
            respondent = ego_actor.get(ego, "")
            if not actor:
                write_ins.append({"wijk": wijk, "wave": wave, "respondent": respondent, "number": record["node_id"],
                                  "name": name, "organisation": row.get("organisation", "") or row.get("organisatie", ""),
                                  "domain": row.get("domain", ""), "frequency": row.get("frequency", ""),
                                  "source_file": path.name, "source_row": str(rownum),
                                  "source_column": SPELLED[uuid_col], "uuid": uuid, "node_type": node_type})  # fmt: skip
            if ego_actor.get(ego):
                tie = _tie(wijk, wave, ego_actor[ego], actor, ego_tie_type, row, {uuid_col, ego_col, id_attribute},
                           evidence, respondent, path.name, rownum, id_attribute if actor else SPELLED[uuid_col])  # fmt: skip
                if actor:
                    ties.append(tie)
                else:
                    pending.append({**tie, "source_uuid": ego, "target_uuid": uuid})
    for ego in sorted(missing_egos):
        notes.append(Problem("-", text(TEXTS, "no_ego", uuid=ego)))

    # Edges: joined on the node UUIDs.
    for path, df, ego_col, src_col, tgt_col in edges_by_file:
        for rownum, row in df.iterrows():
            ends = []
            for col in (src_col, tgt_col):
                uuid = row[col]
                if uuid in nodes:
                    ends.append((uuid, nodes[uuid]["actor_id"]))
                elif uuid and uuid in ego_actor:
                    ends.append((uuid, ego_actor[uuid]))
                else:
                    problems.append(
                        Problem(
                            path.name,
                            text(TEXTS, "unknown_node", uuid=uuid),
                            row=rownum,
                            column=SPELLED[col],
                        )
                    )
            if len(ends) < 2:
                continue
            ego = row[ego_col] or nodes.get(ends[0][0], {}).get("ego_uuid", "")
            tie = _tie(wijk, wave, ends[0][1], ends[1][1], _entity_type(path, df, row, "edge"), row,
                       {ego_col, src_col, tgt_col, id_attribute}, evidence, ego_actor.get(ego, ""), path.name, rownum,
                       SPELLED[src_col])  # fmt: skip
            if ends[0][1] and ends[1][1]:
                ties.append(tie)
            else:
                pending.append({**tie, "source_uuid": ends[0][0], "target_uuid": ends[1][0]})
    if problems:
        raise DataError(problems)

    tie_columns = [*TIE_COLUMNS, "answers"]
    return NetworkCanvasImport(
        tool=TOOL, source_file=";".join(p.name for p in files), wave=wave, instrument="",
        ties=_frame(ties, tie_columns), respondents=_frame(respondents, RESPONDENT_COLUMNS),
        write_ins=_frame(write_ins, [*WRITE_IN_COLUMNS, "uuid", "node_type"]), problems=tuple(notes),
        nodes=_frame(list(nodes.values()), NODE_COLUMNS), pending_ties=_frame(pending, PENDING_COLUMNS),
    )  # fmt: skip


def _tie(
    wijk, wave, source, target, tie_type, row, skip, evidence, reporter, file, rownum, column
) -> dict:
    weight = row.get("weight", "") or row.get("frequency", "")
    extra = _attributes(
        row, skip | {"weight", "frequency", "name", "naam", "label", "organisation", "domain"}
    )
    return {"wijk": wijk, "wave": wave, "source": source, "target": target, "tie_type": tie_type, "weight": weight,
            "evidence": evidence, "frequency": row.get("frequency", ""), "reporter": reporter, "source_file": file,
            "source_row": str(rownum), "source_column": column,
            "answers": json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else ""}  # fmt: skip


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    if not rows:
        return empty(columns)
    return pd.DataFrame(rows, columns=columns, dtype=object).fillna("").astype(str)
