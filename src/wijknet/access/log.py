"""The audit log as a readable table, for ``wijknet audit`` and the app's Auditlog page."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd

from wijknet.store.audit import read_log

#: Detail keys that hold file or folder names: free text that may name a person.
NAME_KEYS = ("file", "files", "out")


def format_detail(detail: str, *, names: bool = True) -> str:
    """An entry's detail (JSON) as ``key=value`` pairs on one line; imported files as ``name (kind: counts)``.

    With ``names=False`` file and folder names (:data:`NAME_KEYS`) are left
    out: imported files show only their kind and counts, other name lists
    only how many there are.
    """
    try:
        data = json.loads(detail or "{}")
    except ValueError:
        return str(detail)
    if not isinstance(data, dict):
        return str(detail)
    parts = []
    for key, value in data.items():
        if value is None or value == "":
            continue
        if key == "files" and isinstance(value, list) and all(isinstance(f, dict) for f in value):
            value = ", ".join(_file(f, names) for f in value)
        elif key in NAME_KEYS and not names:
            value = len(value) if isinstance(value, list) else "…"
        elif isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False)
        parts.append(f"{key}={value}")
    return "; ".join(parts)


def _file(entry: dict, names: bool = True) -> str:
    counts = ", ".join(f"{k} {n}" for k, n in (entry.get("counts") or {}).items() if n)
    inside = ": ".join(x for x in (str(entry.get("kind", "")), counts) if x)
    status = "" if entry.get("status", "imported") == "imported" else f" [{entry['status']}]"
    return f"{entry.get('file', '?') if names else '…'} ({inside}){status}"


def audit_table(
    store: sqlite3.Connection | str | Path, *, action: str | None = None, limit: int | None = None
) -> pd.DataFrame:
    """:func:`wijknet.store.audit.read_log` with the detail made readable (:func:`format_detail`), newest first."""
    log = read_log(store, action=action, limit=limit)
    return log.assign(detail=[format_detail(d) for d in log["detail"]])
