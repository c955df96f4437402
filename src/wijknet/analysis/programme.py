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

#: The lenses whose work is per wijk, as ``(part, finish)``: ``part(project, wijken, seed=...)`` gives
#: the lens's tables of some wijken (their rows of the whole tables: every row, and its disclosure
#: control, is of one wijk), ``finish(project, parts)`` joins the parts of all wijken in wijk order and
#: adds what needs the whole project (onderstroom's participation and themes). Each lens is
#: ``finish(project, [part(project, project.wijken)])``, so the tables do not depend on the groups.
#: The others (evaluation pools the wijken) run whole.
BY_WIJK: dict[Callable, tuple[Callable, Callable]] = {
    kernaanpak.programme_lens: (kernaanpak.lens_part, kernaanpak.lens_finish),
    team.programme_lens: (team.team_part, team.team_finish),
    worlds.worlds_lens: (worlds.world_part, worlds.world_finish),
    opportunities.opportunities_lens: (
        opportunities.opportunity_part,
        opportunities.opportunity_finish,
    ),
    onderstroom.onderstroom_lens: (onderstroom.onderstroom_part, onderstroom.onderstroom_finish),
}
#: Wijken per task: small enough that a region's 150 wijken spread over the workers, large enough
#: that a task's graphs (built once per process, wijknet.core.memo) serve several lenses and wijken.
WIJKEN_PER_TASK = 4


def _parts(project, wijken: list[str], seed: int = 0) -> list:
    """The parts of every lens of :data:`BY_WIJK` for ``wijken``: one task, so its lenses share the graphs."""
    return [part(project, wijken, seed=seed) for part, _ in BY_WIJK.values()]


def programme_tables(
    project, *, seed: int = 0, n_jobs: int = 1, scheduler=None
) -> dict[str, pd.DataFrame]:
    """Every lens's tables of ``project``, by file stem (``"roles"`` -> ``roles.csv``).

    The work runs as tasks (:func:`wijknet.analysis.parallel.run_tasks`): the
    lenses that run whole, then the per-wijk parts of :data:`BY_WIJK` by
    groups of :data:`WIJKEN_PER_TASK` wijken. With ``n_jobs`` or ``scheduler``
    they run side by side; the tables are the same and come in the order of
    :data:`LENSES`.

    Examples
    --------
    >>> isinstance(programme_tables.__doc__, str)
    True
    """
    whole = [lens for lens in LENSES if lens not in BY_WIJK]
    wijken = list(project.wijken)
    step = WIJKEN_PER_TASK
    groups = [wijken[i : i + step] for i in range(0, len(wijken), step)] or [[]]
    # The whole lenses first: the longest of them (evaluation) starts at once beside the parts.
    tasks = [(lens, (), {"seed": seed}) for lens in whole]
    tasks += [(_parts, (group,), {"seed": seed}) for group in groups]
    results = run_tasks(project, tasks, n_jobs=n_jobs, scheduler=scheduler)
    done = dict(zip(whole, results))
    parts = results[len(whole) :]
    split = list(BY_WIJK)
    tables: dict[str, pd.DataFrame] = {}
    for lens in LENSES:
        if lens in BY_WIJK:
            at = split.index(lens)
            tables.update(BY_WIJK[lens][1](project, [part[at] for part in parts]))
        else:
            tables.update(done[lens])
    return tables
