"""Survey exports in, tidy tables out: the importers of the wijknetwerk instrument.

- :func:`import_qualtrics` and :func:`import_limesurvey` read an export (CSV
  or XLSX) against the instrument (:mod:`wijknet.instrument`) and a roster
  (:class:`Roster`, usually from the project's actors table);
- they return an :class:`ImportBatch`: tidy ``ties`` and ``responses``, the
  ``respondents`` block, unresolved ``write_ins`` and non-fatal ``problems``;
- bad input stops with a :class:`~wijknet.errors.DataError` naming file, row
  and column; nothing is returned partially.

See ``docs/instrument.md`` for how to build the survey so that its export
imports without hand work.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DataError, Problem
from ..i18n import text
from .batch import (
    RESPONDENT_COLUMNS,
    RESPONSE_COLUMNS,
    TIE_COLUMNS,
    WRITE_IN_COLUMNS,
    ImportBatch,
)
from .limesurvey import import_limesurvey
from .qualtrics import import_qualtrics
from .roster import Roster

__all__ = [
    "RESPONDENT_COLUMNS",
    "RESPONSE_COLUMNS",
    "TIE_COLUMNS",
    "TOOLS",
    "WRITE_IN_COLUMNS",
    "ImportBatch",
    "Roster",
    "import_limesurvey",
    "import_qualtrics",
    "import_survey",
]

TOOLS = ("qualtrics", "limesurvey")
TEXTS = {
    "tool": {"nl": "onbekend programma '{value}'; verwacht qualtrics of limesurvey",
             "en": "unknown tool '{value}'; expected qualtrics or limesurvey"},
}  # fmt: skip


def import_survey(path: str | Path, tool: str, project_or_roster, instrument=None, *, wave: str,
                  wijk: str | None = None, **options) -> ImportBatch:
    """Import an export of ``tool`` (``"qualtrics"`` or ``"limesurvey"``); see the tool functions."""
    if tool == "qualtrics":
        return import_qualtrics(path, project_or_roster, instrument, wave=wave, wijk=wijk, **options)
    if tool == "limesurvey":
        return import_limesurvey(path, project_or_roster, instrument, wave=wave, wijk=wijk, **options)
    raise DataError([Problem(Path(path).name, text(TEXTS, "tool", value=tool))])
