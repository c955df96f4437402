"""Fill the persistent results cache (:mod:`wijknet.cache`) before anyone opens the app.

``wijknet cache warm FOLDER`` calls :func:`warm`. For a tidy folder and the
demo it opens every page of the app once, headless (Streamlit's AppTest), as
the folder's owner sees it: exactly the computations of each page's first
visit land in the cache. For a project store, whose pages need a signed-in
user, it calls the app's cached computations (:mod:`wijknet.webapp.state`)
for each audience given, with the sidebar's defaults (every wijk the
audience sees, every wave and pair of consecutive waves, no tie filter).

This module computes nothing itself: it calls the app's cached wrappers.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from pathlib import Path

from wijknet import cache as results_cache


def page_files() -> list[str]:
    """The page files of the app (``views/<file>.py``), researcher pages included."""
    views = Path(__file__).resolve().parent / "views"
    return [f"views/{p.name}" for p in sorted(views.glob("*.py")) if not p.name.startswith("_")]


def warm_pages(folder: str | Path, *, timeout: float = 600) -> list[str]:
    """Open every page of the app on ``folder`` once under AppTest; returns the pages that raised.

    For a tidy folder or the demo (no sign-in). The persistent cache must be
    on (``WIJKNET_NO_CACHE`` unset).
    """
    from streamlit.testing.v1 import AppTest

    from wijknet.webapp import ENTRY_SCRIPT
    from wijknet.webapp.logs import bare_mode_quiet
    from wijknet.webapp.session import ENV_PROJECT

    old = os.environ.get(ENV_PROJECT)
    os.environ[ENV_PROJECT] = str(folder)
    failed = []
    # outside a running server Streamlit warns on the terminal, harmlessly
    with bare_mode_quiet():
        try:
            at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=timeout).run()
            for page in page_files():
                try:
                    at.switch_page(page).run()
                except ValueError:  # not registered for this viewer (researcher pages)
                    continue
                if at.exception:
                    failed.append(page)
        finally:
            if old is None:
                os.environ.pop(ENV_PROJECT, None)
            else:
                os.environ[ENV_PROJECT] = old
    return failed


def warm_store(
    folder: str | Path,
    audiences: list[str],
    *,
    progress: Callable[[str], None] | None = None,
) -> int:
    """Call the app's cached computations for each audience in ``audiences``; returns how many calls.

    ``audiences`` are strings as :meth:`wijknet.privacy.Audience.parse` reads
    them (``onderzoeker``, ``leernetwerk``, ``wijkteam:<wijk>``); names stay
    locked (a researcher unlocks them in the app, which then computes anew).
    """
    from wijknet.analysis.change import wave_pairs
    from wijknet.privacy.suppression import is_aggregate_only
    from wijknet.webapp import state

    folder = str(Path(folder))
    calls = 0
    for audience in audiences:
        sig = (state.signature(folder), audience, False)
        project = state._load(folder, sig)
        aggregate = is_aggregate_only(project)
        jobs: list[tuple[Callable, tuple]] = [(state.compare_table, ())]
        jobs += [(state.compare_summary, (lang,)) for lang in ("nl", "en")]
        jobs += [(state.compare_mixing, (wave,)) for wave in project.waves]
        if project.has_responses:
            jobs += [(state.kpi_table, ()), (state.viewer_kpi, ()), (state.kpi_structure, ())]
        # The page views (wijknet.webapp.state), as each page asks for them with the sidebar's defaults.
        jobs += [(state.world_tables, (None, wave)) for wave in project.waves]
        for wijk in project.wijken:
            jobs += [(state.network_table, (wijk,)), (state.metric_trends, (wijk,))]
            jobs += [(state.layout, (wijk,)), (state.world_tables, (wijk, None))]
            jobs += [(state.onderstroom_view, (wijk,)), (state.onderstroom_themes, (wijk,))]
            for wave in project.waves:
                jobs += [(state.mixing_table, (wijk, wave))]
                jobs += [(state.team_view, (wijk, wave, lang)) for lang in ("nl", "en")]
                if not aggregate:
                    jobs += [
                        (state.actor_table, (wijk, wave)),
                        (state.connector_ranking, (wijk, wave)),
                        (state.opportunity_view, (wijk, wave, state.OPPORTUNITY_K)),
                    ]
            for a, b in wave_pairs(project.waves):
                jobs += [(state.change_row, (wijk, a, b)), (state.wave_difference, (wijk, a, b))]
                if not aggregate:
                    jobs += [(state.tie_change, (wijk, a, b))]
        for fn, args in jobs:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    fn(folder, sig, *args)
                except (ValueError, PermissionError):  # too few actors, or not for this audience
                    pass
            calls += 1
            if progress is not None:
                progress(f"{audience}: {getattr(fn, '__name__', fn)}{args}")
    return calls


def store_audiences(folder: str | Path) -> list[str]:
    """The researcher and the audience of every user account of the store in ``folder``."""
    from wijknet.access import users

    found = ["onderzoeker"]
    try:
        accounts = users.list_users(folder)
    except Exception:
        accounts = []
    for account in accounts:
        audience = getattr(account, "audience", None)
        if audience and audience not in found:
            found.append(audience)
    return found


def warm(folder: str | Path, audiences: list[str] | None = None) -> dict:
    """Fill the persistent cache of ``folder``: :func:`warm_pages` for a tidy folder, :func:`warm_store` for a store.

    Returns ``{"entries": n, "failed": [...]}``: the number of cached entries
    afterwards and the pages (or nothing) that raised.
    """
    from wijknet.store.db import is_store

    if not results_cache.enabled():
        return {"entries": 0, "failed": []}
    if is_store(folder):
        warm_store(folder, audiences or store_audiences(folder))
        failed: list[str] = []
    else:
        failed = warm_pages(folder)
    return {"entries": len(results_cache.entries(folder)), "failed": failed}
