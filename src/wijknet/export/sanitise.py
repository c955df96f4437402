"""Make values safe for export files: plain types, safe file names, inert spreadsheet text.

Graph writers fail on ``None``, lists and some NumPy types (GraphML, GEXF) or
silently drop everything that is not a non-empty string (Pajek), so node and
edge attributes are converted first with :func:`plain_value` and
:func:`sanitise_graph`. Names of wijken and waves come from user data and
become file names only through :func:`wijknet.core.order.slug`, which cannot produce a path
(no separators, no ``..``). Text that a spreadsheet program would evaluate as
a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return; OWASP "CSV injection") is made inert by :func:`guard_csv` (a leading
``'``) in CSV files and by :func:`write_cell` (a string cell with Excel's
quote prefix; the text itself is unchanged) in workbooks.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Mapping

import networkx as nx

#: First characters that make Excel, LibreOffice or Google Sheets read text as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def plain_value(value, *, strings: bool = False):
    """Convert one attribute value to a type every graph writer accepts.

    Parameters
    ----------
    value : object
        A node, edge or graph attribute value.
    strings : bool
        Return a ``str`` in all cases (for Pajek, which keeps only strings);
        booleans become ``"true"``/``"false"``.

    Returns
    -------
    str, bool, int or float
        ``None`` and ``pd.NA`` become ``""``; lists, tuples and sets are joined
        with ``;``; NumPy scalars become Python scalars; dates become ISO text;
        control characters that XML cannot hold are removed from text.
    """
    if value is None or _is_na(value):
        value = ""
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        value = ";".join(str(plain_value(v, strings=True)) for v in items)
    elif hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # NumPy scalar
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        value = value.isoformat()
    elif isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    elif isinstance(value, Mapping):
        value = str(dict(value))
    elif not isinstance(value, (str, bool, int, float)):
        value = str(value)
    if strings and not isinstance(value, str):
        value = ("true" if value else "false") if isinstance(value, bool) else _number_text(value)
    if isinstance(value, str):
        value = _ILLEGAL_XML.sub("", value)
    return value


def _is_na(value) -> bool:
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return True
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return False


def _number_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sanitise_attrs(attrs: Mapping, *, strings: bool = False, drop_empty: bool = False) -> dict:
    """All values of ``attrs`` through :func:`plain_value`; keys become ``str``.

    ``drop_empty`` leaves out empty strings (Pajek cannot hold them).
    """
    out = {}
    for key, value in attrs.items():
        clean = plain_value(value, strings=strings)
        if drop_empty and clean == "":
            continue
        out[str(key)] = clean
    return out


def sanitise_graph(G: nx.Graph, *, strings: bool = False, drop_empty: bool = False) -> nx.Graph:
    """A copy of ``G`` whose graph, node and edge attributes a writer accepts.

    Node ids become ``str``. See :func:`sanitise_attrs` for the options.
    """
    H = G.__class__()
    H.graph.update(sanitise_attrs(G.graph, strings=strings, drop_empty=drop_empty))
    H.add_nodes_from(
        (str(n), sanitise_attrs(d, strings=strings, drop_empty=drop_empty))
        for n, d in G.nodes(data=True)
    )
    H.add_edges_from((str(u), str(v), sanitise_attrs(d, strings=strings, drop_empty=drop_empty))
                     for u, v, d in G.edges(data=True))  # fmt: skip
    return H


def is_formula_like(value) -> bool:
    """Whether a spreadsheet program would evaluate ``value`` (a ``str``) as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def guard_csv(value):
    """``value`` with a leading ``'`` if it is text a spreadsheet would run as a formula.

    Numbers and other text pass unchanged. Use it for CSV files that people
    open in Excel; the ``'`` is the usual convention (and Network Canvas's).
    """
    if is_formula_like(value):
        return "'" + value
    return value


def export_id(value) -> str:
    """An actor id as every text file of an export writes it: :func:`guard_csv` of the id.

    The one rule for ids in CSV tables, DL labels, Pajek labels and RSiena
    matrices, so the files of one export still join on the id: an id that a
    spreadsheet would run as a formula (``=1+1``, ``-12``) gets the leading
    ``'`` in all of them, every other id is written as it is. Formats that
    are not opened as spreadsheets and hold typed text (GraphML, GEXF, the
    Excel workbook) keep the id unchanged.
    """
    return guard_csv(str(value))


def write_cell(ws, row: int, column: int, value):
    """Write ``value`` to an openpyxl worksheet cell without letting Excel evaluate it.

    Text is always stored as a string cell (openpyxl would otherwise turn
    ``"=..."`` into a formula and ``"#N/A"`` into an error value); text that
    looks like a formula also gets Excel's quote prefix, so it stays text
    when someone edits the cell. The text itself is kept as it is, so the
    workbook reads back without loss. Numbers stay numbers, booleans
    booleans; ``None`` and NaN give an empty cell.

    Returns
    -------
    openpyxl.cell.Cell
    """
    value = plain_value(value) if value is not None else None
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        value = None
    if value == "":
        value = None
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # not "f" (formula) or "e" (error value)
        if is_formula_like(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell
