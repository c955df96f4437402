"""A small hand-made project for the kernaanpak and PlusWIJkteam tests (fictional roles only, no names).

Wijk Noord, waves 2025 and 2026 (ids: role letter + number)::

    g1, g2  huisarts                 (g1 in the team; g1 declares Welzijn op Recept, g2 Doorbraakmethode)
    p1      POH-GGZ
    s1      Wmo-consulent            (team; declares Doorbraakmethode)
    w1      welzijnscoach            (declares Welzijn op Recept; joins the team in 2026 via actor_waves)
    m1      maatschappelijk werker
    d1      wijkverpleegkundige      (team; declares Kernteam Ouderen)
    c1      casemanager dementie     (declares Kernteam Ouderen)
    e1      specialist ouderengeneeskunde, from 2026 (the Kernteam Ouderen forms)
    r1      sleutelfiguur            (leefwereld)
    i1      mantelzorger             (leefwereld)

Ties 2025 (source -> target, type, weight)::

    1 p1 -> w1 verwijzing 3     5 d1 -> c1 samenwerking 3
    2 g1 -> w1 samenwerking 2   6 s1 -> m1 samenwerking 2
    3 w1 -> g1 samenwerking 4   7 r1 -> s1 samenwerking 2
    4 g1 -> g2 overleg 1        8 i1 -> d1 samenwerking 3

Ties 2026: 1-7 again (not 8: lost), and
9 g2 -> s1 samenwerking 3, 10 s1 -> g2 samenwerking 3, 11 e1 -> c1 samenwerking 4,
12 e1 -> d1 samenwerking 2, 13 g1 -> w1 verwijzing 2, 14 r1 -> g1 samenwerking 1.
Plus a signal (not a tie) i1 -> g1 "zou_moeten_kennen" in 2026, which counts nowhere.

Wijk Zuid: g9 (huisarts), s9 (Wmo-consulent, team), tie g9 -> s9 in both waves.
"""

from __future__ import annotations

import pandas as pd

from wijknet.project import Project

ACTORS = [
    # actor_id, wijk, domain, role, pluswijkteam, kernaanpakken, first_wave
    ("g1", "Noord", "zorg", "huisarts", "ja", "Welzijn op Recept", ""),
    ("g2", "Noord", "zorg", "huisarts", "nee", "Doorbraakmethode", ""),
    ("p1", "Noord", "zorg", "POH-GGZ", "nee", "", ""),
    ("s1", "Noord", "gemeente", "Wmo-consulent", "ja", "Doorbraakmethode", ""),
    ("w1", "Noord", "welzijn", "welzijnscoach", "nee", "Welzijn op Recept", ""),
    ("m1", "Noord", "welzijn", "maatschappelijk werker", "nee", "", ""),
    ("d1", "Noord", "zorg", "wijkverpleegkundige", "ja", "Kernteam Ouderen", ""),
    ("c1", "Noord", "zorg", "casemanager dementie", "nee", "Kernteam Ouderen", ""),
    ("e1", "Noord", "zorg", "specialist ouderengeneeskunde", "nee", "", "2026"),
    ("r1", "Noord", "inwoners", "sleutelfiguur", "nee", "", ""),
    ("i1", "Noord", "inwoners", "mantelzorger", "nee", "", ""),
    ("g9", "Zuid", "zorg", "huisarts", "nee", "Doorbraakmethode", ""),
    ("s9", "Zuid", "gemeente", "Wmo-consulent", "ja", "Doorbraakmethode", ""),
]
TIES_2025 = [
    ("p1", "w1", "verwijzing", 3), ("g1", "w1", "samenwerking", 2), ("w1", "g1", "samenwerking", 4),
    ("g1", "g2", "overleg", 1), ("d1", "c1", "samenwerking", 3), ("s1", "m1", "samenwerking", 2),
    ("r1", "s1", "samenwerking", 2), ("i1", "d1", "samenwerking", 3),
]  # fmt: skip
TIES_2026 = TIES_2025[:7] + [
    ("g2", "s1", "samenwerking", 3), ("s1", "g2", "samenwerking", 3), ("e1", "c1", "samenwerking", 4),
    ("e1", "d1", "samenwerking", 2), ("g1", "w1", "verwijzing", 2), ("r1", "g1", "samenwerking", 1),
    ("i1", "g1", "zou_moeten_kennen", 1),
]  # fmt: skip


def hand_project() -> Project:
    """The project of the module docstring."""
    actors = pd.DataFrame(
        ACTORS,
        columns=[
            "actor_id",
            "wijk",
            "domain",
            "role",
            "pluswijkteam",
            "kernaanpakken",
            "first_wave",
        ],
    )
    actors["kind"] = "person"
    actors["name"] = actors["role"] + " " + actors["actor_id"]
    rows = [("Noord", "2025", *t) for t in TIES_2025] + [("Noord", "2026", *t) for t in TIES_2026]
    rows += [("Zuid", w, "g9", "s9", "samenwerking", 2) for w in ("2025", "2026")]
    ties = pd.DataFrame(rows, columns=["wijk", "wave", "source", "target", "tie_type", "weight"])
    ties["weight"] = ties["weight"].astype(str)
    waves = pd.DataFrame(
        {"wijk": ["Noord"], "wave": ["2026"], "actor_id": ["w1"], "pluswijkteam": ["ja"]}
    )
    return Project.from_frames(actors.astype(str), ties.astype(str), actor_waves=waves.astype(str))


def write_hand_project(folder) -> object:
    """The project of the module docstring as a tidy folder (fictional: ``synthetic: true``)."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    project = hand_project()
    actors = project.actors.copy()
    actors["pluswijkteam"] = actors["pluswijkteam"].map({True: "ja", False: "nee"})
    columns = [
        "actor_id",
        "wijk",
        "domain",
        "name",
        "role",
        "kind",
        "pluswijkteam",
        "kernaanpakken",
        "first_wave",
    ]
    actors[columns].to_csv(folder / "actors.csv", index=False)
    project.ties[["wijk", "wave", "source", "target", "tie_type", "weight"]].to_csv(
        folder / "ties.csv", index=False
    )
    project.actor_waves[["wijk", "wave", "actor_id", "pluswijkteam"]].to_csv(
        folder / "actor_waves.csv", index=False
    )
    (folder / "wijknet.yaml").write_text(
        "title: Testproject kernaanpakken\nsynthetic: true\nwaves: ['2025', '2026']\n",
        encoding="utf-8",
    )
    return folder
