"""Survey exports in, tidy tables out: the importers of the wijknetwerk instrument.

- :func:`import_qualtrics`, :func:`import_limesurvey`,
  :func:`import_google_forms` and :func:`import_microsoft_forms` read an
  export (CSV or XLSX) against the instrument (:mod:`wijknet.ingest.instrument`) and a roster
  (:class:`Roster`, usually from the project's actors table);
- they return an :class:`ImportBatch`: tidy ``ties`` and ``responses``, the
  ``respondents`` block, unresolved ``write_ins`` and non-fatal ``problems``;
- bad input stops with a :class:`~wijknet.core.errors.DataError` naming file, row
  and column; nothing is returned partially.

See ``docs/instrument.md`` for how to build the survey so that its export
imports without hand work.
"""

from __future__ import annotations

from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.ingest.batch import (
    RESPONDENT_COLUMNS,
    RESPONSE_COLUMNS,
    TIE_COLUMNS,
    WRITE_IN_COLUMNS,
    ImportBatch,
)
from wijknet.ingest.forms import import_forms, import_google_forms, import_microsoft_forms
from wijknet.ingest.limesurvey import import_limesurvey
from wijknet.ingest.qualtrics import import_qualtrics
from wijknet.ingest.roster import Roster

__all__ = [
    "RESPONDENT_COLUMNS",
    "RESPONSE_COLUMNS",
    "TIE_COLUMNS",
    "TOOLS",
    "WRITE_IN_COLUMNS",
    "ImportBatch",
    "Roster",
    "import_google_forms",
    "import_limesurvey",
    "import_microsoft_forms",
    "import_qualtrics",
    "import_survey",
]

TOOLS = ("qualtrics", "limesurvey", "google-forms", "microsoft-forms")
TEXTS = {
    "tool": {"nl": "onbekend programma '{value}'; verwacht qualtrics, limesurvey, google-forms of microsoft-forms",
             "en": "unknown tool '{value}'; expected qualtrics, limesurvey, google-forms or microsoft-forms"},
}  # fmt: skip


def import_survey(
    path: str | Path,
    tool: str,
    project_or_roster,
    instrument=None,
    *,
    wave: str,
    wijk: str | None = None,
    **options,
) -> ImportBatch:
    """Import an export of ``tool`` (one of :data:`TOOLS`); see the tool functions."""
    if tool in ("google-forms", "microsoft-forms"):
        return import_forms(
            path, tool, project_or_roster, instrument, wave=wave, wijk=wijk, **options
        )
    if tool == "qualtrics":
        return import_qualtrics(
            path, project_or_roster, instrument, wave=wave, wijk=wijk, **options
        )
    if tool == "limesurvey":
        return import_limesurvey(
            path, project_or_roster, instrument, wave=wave, wijk=wijk, **options
        )
    raise DataError([Problem(Path(path).name, text(TEXTS, "tool", value=tool))])
