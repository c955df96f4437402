"""Bridge to the survey importers of :mod:`wijknet.ingest` (Qualtrics, LimeSurvey)."""

from __future__ import annotations

from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text

TEXTS = {
    "need_wave": {
        "nl": "bij een enquête-export is de meting nodig; geef die met --wave (bijv. --wave 2026)",
        "en": "a survey export needs its wave; give it with --wave (e.g. --wave 2026)",
    },
}


def read_survey(
    tool: str,
    path: Path,
    project,
    wave: str | None,
    *,
    wijk: str | None = None,
    sheet: str | None = None,
    allow_missing=(),
):
    """The :class:`~wijknet.ingest.batch.ImportBatch` of a survey export.

    The roster (positions of the name generator) comes from ``project``: the
    store's actors as they are inside the import transaction; ``sheet`` is
    the sheet of a workbook to read (default: the first with data),
    ``allow_missing`` the core questions left out of the survey on purpose.
    """
    from wijknet.ingest import import_survey

    if not wave:
        raise DataError([Problem(Path(path).name, text(TEXTS, "need_wave"))])
    options = ({} if sheet is None else {"sheet": sheet}) | (
        {"allow_missing": allow_missing} if allow_missing else {}
    )
    return import_survey(path, tool, project, wave=wave, wijk=wijk or None, **options)
