"""Recognising what an input file holds: tidy tables, graph files, survey exports, coded interviews, Network Canvas.

====================  ===============================================================
kind                  recognised by
====================  ===============================================================
``tidy-actors``       columns ``actor_id``, ``wijk`` and ``domain``
``tidy-ties``         columns ``wijk``, ``wave``, ``source`` and ``target`` (``wave``
                      may be missing when ``--wave`` is given)
``responses``         columns ``wijk``, ``wave`` and ``actor_id`` (no ``domain``)
``tidy-actor-waves``  columns ``wijk``, ``wave``, ``actor_id`` and at least one of
                      ``pluswijkteam``, ``kernaanpakken``, ``role``, ``organisation``,
                      ``role_group``, ``layer``, without ``domain`` or a response item
                      (``kpi3``, ``active``, ``participation_level``)
``tidy-ratings``      columns ``wijk``, ``rater`` and ``rated`` (``wave`` may be missing
                      when ``--wave`` is given)
``tidy-themes``       columns ``wijk``, ``interview_id`` and ``theme`` (``wave`` may be
                      missing when ``--wave`` is given)
``wijken``            columns ``wijk`` and ``group``/``groep``, or ``wijk`` with
                      ``municipality``/``gemeente``, ``subregion``/``subregio`` or a
                      ``phase_<wave>``/``fase_<wave>`` column (no ``actor_id``)
``ppi``               columns ``scope``, ``period``, ``indicator`` and ``value``
``kpi-corrections``   columns ``wijk``, ``wave``, ``correction`` and ``reason``
``graphml``           extension ``.graphml`` or an XML root element ``<graphml>``
``gexf``              extension ``.gexf`` or an XML root element ``<gexf>``
``qualtrics``         a CSV export with Qualtrics' ``{"ImportId": ...}`` header row
                      or the columns ``ResponseId`` and ``StartDate``
``limesurvey``        a CSV export with LimeSurvey's ``submitdate`` column and
                      ``lastpage``, ``startlanguage`` or sub-question columns (``Q5[SQ001]``),
                      also with "code & text" headings (``submitdate. Date submitted``,
                      ``Q5[SQ001]. Text [Sub]``)
``google-forms``      a Google Forms CSV: first column ``Timestamp`` (``Tijdstempel``)
                      and a column starting with ``ACTORID``
``microsoft-forms``   a Microsoft Forms workbook: ``ID`` and
                      ``Completion time`` (Dutch: ``Begintijd``, ``Tijd van voltooien``)
``interviews``        a coding sheet: ``interview_id``, ``codes`` and a segment text column
``maxqda``            MAXQDA's coded segments: ``Document name``, ``Code``, ``Segment``
                      (or ``Begin``/``End``)
``atlasti``           ATLAS.ti's quotations: ``Document``, ``Codes`` and ``Quotation
                      Content`` or ``Quotation Name``
``network-canvas``    a Network Canvas CSV file: ``networkCanvasEgoUUID`` (or ``_egoID``)
====================  ===============================================================
"""

from __future__ import annotations

import re
from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.io.tables import decode, normalise_column, read_table, sniff_delimiter, split_sep_line

KINDS = (
    "tidy-actors",
    "tidy-ties",
    "responses",
    "tidy-actor-waves",
    "tidy-themes",
    "tidy-ratings",
    "wijken",
    "ppi",
    "kpi-corrections",
    "graphml",
    "gexf",
    "qualtrics",
    "limesurvey",
    "google-forms",
    "microsoft-forms",
    "interviews",
    "maxqda",
    "atlasti",
    "network-canvas",
)
#: Kinds read with :func:`wijknet.io.tables.read_table`.
TABLE_KINDS = (
    "tidy-actors",
    "tidy-ties",
    "responses",
    "tidy-actor-waves",
    "tidy-themes",
    "tidy-ratings",
    "wijken",
    "ppi",
    "kpi-corrections",
)

TEXTS = {
    "unknown_kind": {
        "nl": "soort bestand niet herkend (kolommen: {columns}); verwacht actoren (actor_id, wijk, domain), "
        "relaties (wijk, wave, source, target), responses (wijk, wave, actor_id), GraphML, GEXF, "
        "een Qualtrics-, LimeSurvey-, Google Forms- of Microsoft Forms-export, een codeerblad van gesprekken (interview_id, codes, segment), "
        "een MAXQDA- of ATLAS.ti-export of Network Canvas-bestanden; of geef de soort met --kind",
        "en": "kind of file not recognised (columns: {columns}); expected actors (actor_id, wijk, domain), "
        "ties (wijk, wave, source, target), responses (wijk, wave, actor_id), GraphML, GEXF, "
        "a Qualtrics, LimeSurvey, Google Forms or Microsoft Forms export, an interview coding sheet (interview_id, codes, segment), "
        "a MAXQDA or ATLAS.ti export or Network Canvas files; or give the kind with --kind",
    },
}


def _xml_root(path: Path) -> str | None:
    try:
        head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
    except OSError:
        return None
    head = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", head, flags=re.DOTALL)
    match = re.match(r"\s*<([A-Za-z_][\w.:-]*)", head)
    return match.group(1).split(":")[-1].lower() if match else None


def _header_columns(path: Path) -> tuple[list[str], list[str]]:
    """The normalised column names and the raw first three lines of a CSV file."""
    content, delimiter = split_sep_line(decode(path.read_bytes(), path.name))
    lines = content.lstrip("\r\n").splitlines()[:3]
    if not lines:
        return [], []
    import csv

    header = next(csv.reader([lines[0]], delimiter=delimiter or sniff_delimiter(lines[0])), [])
    return [normalise_column(c) for c in header], lines


def _heading_code(name: str) -> str:
    """The code of a LimeSurvey "code & text" heading: ``submitdate._date_submitted`` -> ``submitdate``."""
    match = re.match(r"^([a-z][a-z0-9_]*?(?:\[\w+\])?)(?:\.|$)", name)
    return match.group(1) if match else name


def _interview_kind(names: set[str]) -> str | None:
    """``interviews``, ``maxqda``, ``atlasti`` or ``network-canvas`` from the column names, else ``None``."""
    if names & {"networkcanvasegouuid", "_egoid"}:
        return "network-canvas"
    if (
        "codes" in names
        and names & {"quotation_content", "quotation_name"}
        and names & {"document", "dokument"}
    ):
        return "atlasti"
    if "code" in names and names & {"document_name", "dokumentname", "documentnaam"} and (
            names & {"segment", "begin", "end", "anfang", "ende", "einde"}):  # fmt: skip
        return "maxqda"
    if names & {"interview_id", "gesprek_id"} and names & {"codes", "code"} and names & {
            "segment", "segment_text", "quote", "citaat", "tekst", "text", "fragment"}:  # fmt: skip
        return "interviews"
    return None


def recognise(path: str | Path, *, wave: str | None = None, sheet: str | None = None) -> str:
    """The kind of ``path`` (one of :data:`KINDS`) from its extension, XML root or columns.

    For a workbook the columns of ``sheet`` (default: the first sheet with data).

    Raises
    ------
    DataError
        Naming the file and its columns when the kind cannot be recognised.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".graphml", ".gexf"):
        return suffix[1:]
    if suffix == ".xml":
        root = _xml_root(path)
        if root in ("graphml", "gexf"):
            return root
    if suffix in (".xlsx", ".xlsm", ".xls"):
        columns = list(read_table(path, sheet=sheet).columns)
        lines: list[str] = []
    else:
        if _xml_root(path) in ("graphml", "gexf"):
            return _xml_root(path)  # type: ignore[return-value]
        columns, lines = _header_columns(path)
    names = set(columns) | {_heading_code(c) for c in columns}
    if len(lines) >= 3 and '"importid"' in lines[2].lower().replace(" ", ""):
        return "qualtrics"
    if {"responseid", "startdate"} <= names:
        return "qualtrics"
    if "submitdate" in names and (
        {"lastpage", "startlanguage"} & names or any(re.search(r"\w\[\w+\]$", c) for c in names)
    ):
        return "limesurvey"
    if {"id", "completion_time"} <= names or {"id", "tijd_van_voltooien"} <= names:
        return "microsoft-forms"
    if (
        columns
        and columns[0] in ("timestamp", "tijdstempel")
        and any(c.startswith(("actorid", "actor_id")) for c in columns)
    ):
        return "google-forms"
    if {"scope", "period", "indicator", "value"} <= names:
        return "ppi"
    if {"wijk", "wave", "correction", "reason"} <= names:
        return "kpi-corrections"
    if (
        "wijk" in names
        and not names & {"actor_id", "source", "rater", "interview_id"}
        and (
            names & {"group", "groep", "municipality", "gemeente", "subregion", "subregio"}
            or any(c.startswith(("phase_", "fase_")) for c in names)
        )
    ):
        return "wijken"
    if {"wijk", "interview_id", "theme"} <= names and ("wave" in names or wave):
        return "tidy-themes"
    if {"wijk", "rater", "rated"} <= names and ("wave" in names or wave):
        return "tidy-ratings"
    interview_kind = _interview_kind(names)
    if interview_kind:
        return interview_kind
    if {"actor_id", "wijk", "domain"} <= names:
        return "tidy-actors"
    if {"wijk", "source", "target"} <= names and ("wave" in names or wave):
        return "tidy-ties"
    wave_attributes = {
        "pluswijkteam",
        "kernaanpakken",
        "role",
        "organisation",
        "role_group",
        "layer",
    }
    response_items = {"kpi3", "active", "participation_level"}
    if {"wijk", "actor_id"} <= names and ("wave" in names or wave) and names & wave_attributes \
            and not names & response_items:  # fmt: skip
        return "tidy-actor-waves"
    if {"wijk", "actor_id"} <= names and ("wave" in names or wave):
        return "responses"
    raise DataError(
        [Problem(path.name, text(TEXTS, "unknown_kind", columns=", ".join(columns) or "-"))]
    )
