"""The one door from disk to a :class:`~wijknet.project.Project`: read, then restrict.

:func:`load_project` reads a tidy folder (:meth:`Project.from_folder
<wijknet.project.Project.from_folder>`) or a project store
(:func:`wijknet.store.load.load_store_project`) and, given an audience,
hands back only what that audience may see
(:func:`wijknet.privacy.view.restrict`). The CLI, the app and the live
projector open projects only through here.
"""

from __future__ import annotations

from pathlib import Path

from wijknet.privacy.audience import Audience
from wijknet.privacy.view import restrict
from wijknet.project import Project
from wijknet.store.db import is_store
from wijknet.store.load import load_store_project


def load_project(
    folder: str | Path,
    evidence_rule: str | None = None,
    *,
    audience: str | Audience | None = None,
    key: bytes | None = None,
) -> Project:
    """Read and validate a tidy project folder or a project store, as one audience may see it.

    A folder with ``wijknet.sqlite`` is a project store (``wijknet init``):
    its ties are made from the observations by ``evidence_rule`` (``"all"``,
    ``"survey"`` or ``"confirmed"``; default: ``evidence_rule`` of
    ``wijknet.yaml``, else ``"all"``); see :mod:`wijknet.store`.

    ``audience`` (``"onderzoeker"``, ``"wijkteam:<wijk>"``, ``"leernetwerk"``
    or an :class:`~wijknet.privacy.Audience`) restricts the project to what
    that viewer may see (:func:`wijknet.privacy.restrict`, pseudonyms made
    with ``key`` or the project's key file). Without it the project is
    returned in full, as the owner of the files has it; the CLI and the app
    always pass an audience.

    Raises
    ------
    DataError
        For every problem found, with file, row and column.
    """
    folder = Path(folder)
    if is_store(folder):
        project = load_store_project(folder, evidence_rule=evidence_rule)
    else:
        project = Project.from_folder(folder)
    if audience is None:
        return project
    return restrict(project, audience, key=key)
