"""Build fictional survey exports in the shapes Qualtrics and LimeSurvey write.

Rows are dicts ``{column name: value}``; the helpers add the tools' metadata
columns and header rows. All names are fictional.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

from tests.conftest import ACTORS, TIES, write

QUALTRICS_META = ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId"]
META_IMPORT_IDS = {"StartDate": "startDate", "EndDate": "endDate", "Status": "status", "Progress": "progress",
                   "Finished": "finished", "ResponseId": "_recordId"}  # fmt: skip
META_TEXTS = {"StartDate": "Start Date", "EndDate": "End Date", "Status": "Response Type", "Progress": "Progress",
              "Finished": "Finished", "ResponseId": "Response ID"}  # fmt: skip
EMBEDDED = ("actor_id", "wijk")


def columns_of(rows: list[dict]) -> list[str]:
    out: list[str] = []
    for r in rows:
        out += [c for c in r if c not in out]
    return out


def qids(columns: list[str]) -> dict[str, str]:
    """Export tag -> QID, numbered in order of first appearance (as Qualtrics does)."""
    tags: dict[str, str] = {}
    for c in columns:
        if c in EMBEDDED:
            continue
        base = c.rsplit("_", 1)[0] if c.rsplit("_", 1)[-1].isdigit() else c
        tags.setdefault(base, f"QID{len(tags) + 1}")
    return tags


def qualtrics_text(rows: list[dict], header_rows: int = 3, delimiter: str = ",", meta: bool = True,
                   renamed: dict[str, str] | None = None) -> str:
    """A Qualtrics CSV export; ``renamed`` changes export tags after the QIDs were given."""
    columns = columns_of(rows)
    tags = qids(columns)
    full = (QUALTRICS_META if meta else []) + columns
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")

    def name(c: str) -> str:
        for old, new in (renamed or {}).items():
            if c == old or c.startswith(old + "_"):
                return new + c[len(old):]
        return c

    w.writerow([name(c) for c in full])
    if header_rows >= 2:
        w.writerow([META_TEXTS.get(c, f"Vraag {c} - tekst, met komma") for c in full])
    if header_rows >= 3:
        ids = []
        for c in full:
            if c in META_IMPORT_IDS:
                ids.append({"ImportId": META_IMPORT_IDS[c]})
            elif c in EMBEDDED:
                ids.append({"ImportId": c})
            else:
                base, _, suffix = c.rpartition("_")
                if suffix.isdigit() and base in tags:
                    ids.append({"ImportId": f"{tags[base]}_{suffix}"})
                else:
                    ids.append({"ImportId": tags[c]} if c.startswith("P_") or c.endswith(("DOMAIN", "PWT")) or "_KERN" in c
                               else {"ImportId": f"{tags[c]}_TEXT"})
        w.writerow([json.dumps(i) for i in ids])
    for i, r in enumerate(rows):
        values = {"StartDate": "2026-03-01 09:00:00", "EndDate": "2026-03-01 09:20:00", "Status": "0", "Progress": "100",
                  "Finished": "1", "ResponseId": f"R_fictief{i}", **r}  # fmt: skip
        w.writerow([values.get(c, "") for c in full])
    return out.getvalue()


def limesurvey_text(rows: list[dict], delimiter: str = ",") -> str:
    columns = ["id", "submitdate", "lastpage", "startlanguage"] + columns_of(rows)
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    w.writerow(columns)
    for i, r in enumerate(rows):
        values = {"id": str(i + 1), "submitdate": "2026-03-01 09:20:00", "lastpage": "5", "startlanguage": "nl", **r}
        w.writerow([values.get(c, "") for c in columns])
    return out.getvalue()


def to_xlsx(content: str, path: Path, delimiter: str = ",") -> Path:
    rows = list(csv.reader(io.StringIO(content), delimiter=delimiter))
    pd.DataFrame(rows).to_excel(path, header=False, index=False)
    return path


def project_folder(folder: Path) -> Path:
    """The shared fictional test project (wijken Noord and Zuid, waves 2025-2026)."""
    folder.mkdir(parents=True, exist_ok=True)
    write(folder, "actors.csv", ACTORS)
    write(folder, "ties.csv", TIES)
    return folder


# Roster of Noord (actors table order): 1 z1, 2 z2, 3 w1, 4 i1. Zuid: 1 g1, 2 w2.
Q_Z1 = {"actor_id": "z1", "wijk": "Noord", "R_ORG": "Praktijk Fictief", "R_DOMAIN": "1", "R_PWT": "1",
        "R_KERN_2": "1", "R_KERN_3": "1",
        "A_KNOW_2": "1", "A_FREQ_2": "4", "A_INT_2": "3", "A_REF_2": "1", "A_TRREL_2": "4", "A_VALPOW_2": "-99",
        "A_KNOW_3": "1", "A_FREQ_3": "2", "A_INT_3": "1", "A_REF_3": "3",
        "A_KNOW_4": "2",
        "W_NAME_1": "Buurtkamer Fictief", "W_ORG_1": "Stichting Fictief", "W_DOMAIN_1": "7", "W_FREQ_1": "3",
        "P_ACTIVE": "1", "P_KPI3": "4"}  # fmt: skip
Q_W1 = {"actor_id": "w1", "wijk": "Noord", "R_ORG": "Welzijn Fictief", "R_DOMAIN": "2", "R_PWT": "1",
        "A_KNOW_1": "1", "A_FREQ_1": "5", "A_INT_1": "4", "A_REF_1": "1",
        "A_KNOW_4": "1", "A_FREQ_4": "3", "A_INT_4": "2", "A_REF_4": "4",
        "P_ACTIVE": "1", "P_KPI3": "99"}  # fmt: skip
Q_I1 = {"actor_id": "i1", "wijk": "Noord", "R_ORG": "Bewonersgroep Fictief", "R_DOMAIN": "9", "R_PWT": "2",
        "A_KNOW_3": "1", "A_FREQ_3": "2", "A_INT_3": "2", "A_REF_3": "2",
        "P_ACTIVE": "2", "P_KPI3": "3", "P_LADDER": "4"}  # fmt: skip
Q_ROWS = [Q_Z1, Q_W1, Q_I1]


def to_limesurvey(row: dict) -> dict:
    """A Qualtrics-shaped answer row renamed to LimeSurvey question codes."""
    out = {}
    for c, v in row.items():
        if c == "actor_id":
            out["ACTORID"] = v
        elif c == "wijk":
            out["WIJK"] = v
        else:
            prefix, rest = c.split("_", 1)
            if "_" in rest:
                code, k = rest.rsplit("_", 1)
                out[f"{prefix}{code}[SQ{int(k):03d}]"] = "Y" if (prefix == "R" and v == "1") else v
            else:
                out[f"{prefix}{rest}"] = v
    return out


L_ROWS = [to_limesurvey(r) for r in Q_ROWS]
