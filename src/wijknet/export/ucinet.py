"""UCINET DL files: the network as a full matrix, the actor attributes as a second DL file.

networkx has no DL writer, so this module writes the (simple, text) format
itself and reads it back (:func:`read_dl`) for checks. Per wijk and wave:

``<wijk>_<wave>.dl``
    ``DL N=n FORMAT=FULLMATRIX``, the labels (the ``actor_id``s), and the
    n x n matrix of tie weights (0 = no tie; row = sender, column = receiver).
    A full matrix keeps the isolates, which an edge list would lose.
``<wijk>_<wave>_attributes.dl``
    An n x 2 matrix with the columns ``domain`` (integer code, see
    ``domains.csv``) and ``pluswijkteam`` (1 = member, 0 = not), for
    UCINET's attribute-based routines (E-I index, brokerage roles).
``<wijk>_<wave>_actors.csv``
    ``actor_id`` with the name, role, organisation and domain of every actor.

``<wijk>_<wave>_labels.csv`` (only when needed)
    UCINET keeps the first :data:`UCINET_LABEL` characters of a label and
    shows it in capitals, so two ids can become one label there. When an
    id is longer, or equals another once upper-cased, this map lists every
    ``label`` with the ``ucinet`` label UCINET will show and the ``problem``
    and a :class:`ExportWarning` says so (the CLI prints it).

Labels are the short, unique ``actor_id``s, not names; names are in
``_actors.csv`` (and in the Excel export). Labels with spaces or commas are
put in double quotes. Ids are written through
:func:`wijknet.export.sanitise.export_id`, the same way as in ``_actors.csv``.
"""

from __future__ import annotations

import csv
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import numpy as np

from wijknet.core.i18n import text
from wijknet.export.base import Selection, domain_codes
from wijknet.export.graphs import graph_for_export
from wijknet.export.sanitise import export_id, guard_csv, plain_value

#: UCINET keeps this many characters of a label (and upper-cases them).
UCINET_LABEL = 18
TEXTS = {
    "labels": {
        "nl": "{file}: UCINET kort labels in tot {n} tekens en toont ze in hoofdletters; {count} label(s) worden dan "
        "onherkenbaar of gelijk aan een ander ({examples}). Zie {map} voor de labels die UCINET toont.",
        "en": "{file}: UCINET shortens labels to {n} characters and shows them in capitals; {count} label(s) become "
        "unrecognisable or equal to another ({examples}). See {map} for the labels UCINET shows.",
    },
    "too_long": {"nl": "langer dan {n} tekens", "en": "longer than {n} characters"},
    "same_as": {"nl": "in UCINET gelijk aan {other}", "en": "equal to {other} in UCINET"},
}


class ExportWarning(UserWarning):
    """Something in an export the receiving tool will show differently (the message is in the user's language)."""


def ucinet_label(label: str) -> str:
    """The label as UCINET shows it: the first :data:`UCINET_LABEL` characters, upper-cased."""
    return str(label)[:UCINET_LABEL].upper()


def label_problems(labels: list[str]) -> dict[str, str]:
    """``label -> problem`` for every label UCINET would shorten or merge with another (see :func:`ucinet_label`)."""
    shown: dict[str, list[str]] = {}
    for label in labels:
        shown.setdefault(ucinet_label(label), []).append(label)
    problems = {}
    for label in labels:
        others = [x for x in shown[ucinet_label(label)] if x != label]
        if others:
            problems[label] = text(TEXTS, "same_as", other=", ".join(others))
        elif len(label) > UCINET_LABEL:
            problems[label] = text(TEXTS, "too_long", n=UCINET_LABEL)
    return problems


_TOKEN = re.compile(r'"[^"]*"|[^\s,]+')


def _label(value: str) -> str:
    text = str(value).replace('"', "'")
    return f'"{text}"' if re.search(r"[\s,]", text) or text == "" else text


def _number(value: float) -> str:
    if value != value:  # NaN
        return "."
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def _wrap(labels: list[str], per_line: int = 10) -> list[str]:
    items = [_label(x) for x in labels]
    return [",".join(items[i : i + per_line]) for i in range(0, len(items), per_line)] or [""]


def dl_lines(G: nx.DiGraph, weight: str = "weight") -> list[str]:
    """Lines of a DL full-matrix file of ``G`` (labels = :func:`~wijknet.export.sanitise.export_id` of the node ids)."""
    nodes = list(G)
    matrix = (
        nx.to_numpy_array(G, nodelist=nodes, weight=weight, dtype=float)
        if nodes
        else np.zeros((0, 0))
    )
    lines = [
        f"DL N={len(nodes)} FORMAT=FULLMATRIX",
        "LABELS:",
        *_wrap([export_id(n) for n in nodes]),
        "DATA:",
    ]
    lines += [" ".join(_number(x) for x in row) for row in matrix]
    return lines


def attribute_lines(row_labels: list[str], columns: dict[str, list[float]]) -> list[str]:
    """Lines of a DL file with one row per actor and one column per attribute."""
    names = list(columns)
    lines = [f"DL NR={len(row_labels)} NC={len(names)} FORMAT=FULLMATRIX", "ROW LABELS:", *_wrap(row_labels),
             "COLUMN LABELS:", *_wrap(names), "DATA:"]  # fmt: skip
    lines += [" ".join(_number(columns[c][i]) for c in names) for i in range(len(row_labels))]
    return lines


@dataclass
class DLData:
    """A DL matrix as read by :func:`read_dl`."""

    row_labels: list[str]
    column_labels: list[str]
    matrix: np.ndarray


def read_dl(path: str | Path) -> DLData:
    """Read a DL file in full-matrix format (the files this module writes).

    Understands ``N=``, ``NR=``/``NC=``, ``FORMAT=FULLMATRIX``, ``LABELS:``,
    ``ROW LABELS:``, ``COLUMN LABELS:`` and ``DATA:`` (keywords in any case,
    labels separated by commas or spaces, optionally double-quoted; ``.`` is
    a missing value). Other DL formats (edge lists, embedded labels, several
    matrices) are not supported.
    """
    content = Path(path).read_text(encoding="utf-8-sig")
    state, header, sections, data = "header", [], {}, []
    for line in content.splitlines():
        line = line.strip()
        match = re.match(r"(?i)^(row labels|column labels|labels|data)\s*:(.*)$", line)
        if match:
            state, line = match.group(1).lower(), match.group(2)
            sections.setdefault(state, [])
        if state == "header":
            header.append(line)
        elif state == "data":
            data += line.split()
        else:
            sections[state] += [t.strip('"') for t in _TOKEN.findall(line)]
    settings = {
        k.lower(): v
        for k, v in re.findall(r"(?i)\b(n|nr|nc|format)\s*=\s*([^\s,]+)", " ".join(header))
    }
    if settings.get("format", "fullmatrix").lower() != "fullmatrix":
        raise ValueError(f"only FORMAT=FULLMATRIX is supported, not {settings['format']}")
    nr = int(settings.get("nr", settings.get("n", 0)))
    nc = int(settings.get("nc", settings.get("n", 0)))
    rows = (
        sections.get("row labels") or sections.get("labels") or [str(i) for i in range(1, nr + 1)]
    )
    cols = (
        sections.get("column labels")
        or sections.get("labels")
        or [str(i) for i in range(1, nc + 1)]
    )
    values = [np.nan if t == "." else float(t) for t in data]
    matrix = np.array(values, dtype=float).reshape(nr, nc)
    return DLData(rows, cols, matrix)


def read_dl_graph(path: str | Path) -> nx.DiGraph:
    """A DL network file as a directed graph: labels as nodes, non-zero cells as weighted arcs."""
    dl = read_dl(path)
    G = nx.DiGraph()
    G.add_nodes_from(dl.row_labels)
    for i, j in zip(*np.nonzero(np.nan_to_num(dl.matrix))):
        G.add_edge(dl.row_labels[i], dl.column_labels[j], weight=float(dl.matrix[i, j]))
    return G


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    return path


ACTOR_FILE_COLUMNS = (
    "actor_id",
    "name",
    "role",
    "organisation",
    "domain",
    "domain_code",
    "pluswijkteam",
)


def write_dl(project, folder: Path, selection: Selection) -> list[Path]:
    """Write the DL network, DL attributes and actor list of every selected wijk and wave."""
    codes = domain_codes(project)
    written = []
    for wijk in selection.wijken:
        for wave in selection.waves:
            G = graph_for_export(project, wijk, wave)
            stem = selection.stem(wijk, wave)
            nodes = list(G)
            data = [G.nodes[n] for n in nodes]
            written.append(_write(folder / f"{stem}.dl", dl_lines(G)))
            columns = {"domain": [codes.get(d.get("domain"), 0) for d in data],
                       "pluswijkteam": [1 if d.get("pluswijkteam") else 0 for d in data]}  # fmt: skip
            labels = [export_id(n) for n in nodes]
            written.append(
                _write(folder / f"{stem}_attributes.dl", attribute_lines(labels, columns))
            )
            problems = label_problems(labels)
            if problems:
                path = folder / f"{stem}_labels.csv"
                with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                    writer = csv.writer(fh)
                    writer.writerow(["label", "ucinet", "problem"])
                    writer.writerows([guard_csv(x) for x in (label, ucinet_label(label), problems.get(label, ""))]
                                     for label in labels)  # fmt: skip
                written.append(path)
                examples = ", ".join(list(problems)[:3])
                warnings.warn(ExportWarning(text(TEXTS, "labels", file=f"{stem}.dl", n=UCINET_LABEL, count=len(problems),
                                                 examples=examples, map=path.name)), stacklevel=2)  # fmt: skip
            path = folder / f"{stem}_actors.csv"
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(ACTOR_FILE_COLUMNS)
                for node, d in zip(nodes, data):
                    row = [export_id(node), d.get("name", ""), d.get("role", ""), d.get("organisation", ""), d.get("domain", ""),
                           codes.get(d.get("domain"), 0), 1 if d.get("pluswijkteam") else 0]  # fmt: skip
                    writer.writerow([guard_csv(plain_value(v)) for v in row])
            written.append(path)
    return written
