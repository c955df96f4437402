"""The programme's own tables that ``wijknet analyse`` writes beside the standard ones.

PlusWIJken asks questions generic network analysis does not: whether the
kernaanpakken's collaborations exist, whether the PlusWIJkteam connects,
whether leefwereld and systeemwereld are bridged, which introductions would
help most (issue 13), and how trust, value and intensity of collaboration and
residents' participation develop (issue 14). Each lens returns its tables as
``{file stem: DataFrame}``; :func:`programme_tables` collects them for
:func:`wijknet.analysis.standard.analyse`, which writes each as ``<stem>.csv``.

Every lens already respects the project's audience: a leernetwerk gets
aggregates protected by :func:`wijknet.privacy.suppression.protect` only.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from wijknet.analysis import evaluation, kernaanpak, onderstroom, opportunities, team, worlds
from wijknet.analysis import wijken as wijk_metadata
from wijknet.analysis.parallel import run_tasks

#: The lenses in the order their tables are written: each is ``lens(project, seed=...) -> {stem: table}``.
LENSES: list[Callable[..., dict[str, pd.DataFrame]]] = [
    kernaanpak.programme_lens,  # roles, kernaanpak_links, kernaanpak_summary (+ participation)
    team.programme_lens,  # team
    worlds.worlds_lens,  # worlds, worlds_ei, layers, worlds_brokerage, formal_informal, bridge_builders
    opportunities.opportunities_lens,  # opportunities, signals, key_players
    onderstroom.onderstroom_lens,  # tie_quality, participation, themes
    evaluation.evaluation_tables,  # did, meta
    wijk_metadata.wijken_lens,  # wijken (metadata and phase per wave)
]


def programme_tables(
    project, *, seed: int = 0, n_jobs: int = 1, scheduler=None
) -> dict[str, pd.DataFrame]:
    """Every lens's tables of ``project``, by file stem (``"roles"`` -> ``roles.csv``).

    The lenses are independent: with ``n_jobs`` or ``scheduler`` they run side by
    side (:func:`wijknet.analysis.parallel.run_tasks`); the tables are the same
    and come in the order of :data:`LENSES`.

    Examples
    --------
    >>> isinstance(programme_tables.__doc__, str)
    True
    """
    tasks = [(lens, (), {"seed": seed}) for lens in LENSES]
    tables: dict[str, pd.DataFrame] = {}
    for part in run_tasks(project, tasks, n_jobs=n_jobs, scheduler=scheduler):
        tables.update(part)
    return tables
