"""Fictional survey exports in the shapes Qualtrics and LimeSurvey write, for the importer tests.

Rows are dicts ``{column name: value}``; :mod:`wijknet.datasets.demo_raw` adds the
tools' metadata columns and header rows. All names are fictional.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from tests.conftest import ACTORS, TIES, write
from wijknet.datasets.demo_raw import columns_of, limesurvey_text, qualtrics_text, to_limesurvey  # noqa: F401 (used by the tests)


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


L_ROWS = [to_limesurvey(r) for r in Q_ROWS]
