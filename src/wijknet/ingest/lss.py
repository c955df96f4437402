"""Check a LimeSurvey survey structure (``.lss``) against the instrument before the fieldwork.

LimeSurvey's *Export survey structure (.lss)* is an XML document
(``<document><LimeSurveyDocType>Survey</LimeSurveyDocType>…``) with one
section per table of the survey: ``<questions>``, ``<subquestions>`` and
``<answers>``, each holding ``<rows><row>`` elements whose children are the
table's fields (``qid``, ``parent_qid``, ``type``, ``title``; for answers
``qid``, ``code``, ``scale_id``). Older versions put the question and answer
texts in the same rows, newer ones in ``question_l10ns`` / ``answer_l10ns``;
only codes are compared here, so both read the same.

:func:`check_lss` reports, against the naming convention of
:mod:`wijknet.ingest.instrument` (LimeSurvey codes):

* questions of the instrument the survey lacks (``missing``), and survey
  questions the instrument does not know (``unknown``);
* per single-choice question, answer codes of the instrument's scale that the
  survey lacks and answer codes the survey has that the scale does not know
  (LimeSurvey's Yes/No type ``Y`` and multiple choice need no answer codes);
* multiple-choice sub-questions that are not ``SQ<option code>``, and roster
  or write-in sub-questions that are not ``SQ001``, ``SQ002``, ….

A document type declaration is refused (no entity expansion), as is a file
that is not an ``.lss`` document; both with a message naming the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.ingest.instrument import Instrument, load_instrument
from wijknet.io.tables import check_size

#: LimeSurvey question types whose answers are LimeSurvey's own, not answer codes of a scale.
OWN_ANSWERS = {"Y", "M", "P", "S", "T", "U", "Q", "N", "K", "D", "X", "*", "|", ";", ":"}
_SQ = re.compile(r"^SQ(\d+)$", re.IGNORECASE)

TEXTS = {
    "not_xml": {"nl": "geen leesbaar XML-bestand: {detail}; verwacht een LimeSurvey-structuurexport (.lss)",
                "en": "not a readable XML file: {detail}; expected a LimeSurvey survey structure export (.lss)"},
    "doctype": {"nl": "het bestand bevat een DOCTYPE-declaratie; een .lss-export van LimeSurvey heeft die niet",
                "en": "the file contains a DOCTYPE declaration; a LimeSurvey .lss export has none"},
    "not_lss": {"nl": "geen LimeSurvey-vragenlijst (verwacht <document> met <LimeSurveyDocType>Survey</LimeSurveyDocType>)",
                "en": "not a LimeSurvey survey (expected <document> with <LimeSurveyDocType>Survey</LimeSurveyDocType>)"},
    "missing": {"nl": "vraag '{code}' ({question}) van het instrument ontbreekt in de vragenlijst",
                "en": "question '{code}' ({question}) of the instrument is missing from the survey"},
    "unknown": {"nl": "vraag '{code}' staat niet in het instrument {instrument}; wordt bij het importeren niet gelezen",
                "en": "question '{code}' is not in instrument {instrument}; it will not be read when importing"},
    "missing_codes": {"nl": "antwoordcodes {codes} van schaal '{scale}' ontbreken",
                      "en": "answer codes {codes} of scale '{scale}' are missing"},
    "unknown_codes": {"nl": "antwoordcodes {codes} staan niet in schaal '{scale}' ({expected})",
                      "en": "answer codes {codes} are not in scale '{scale}' ({expected})"},
    "sub_option": {"nl": "subvraag '{title}' is geen optie van '{scale}'; verwacht SQ<optiecode> ({expected})",
                   "en": "sub-question '{title}' is not an option of '{scale}'; expected SQ<option code> ({expected})"},
    "sub_position": {"nl": "subvraag '{title}' is geen rolpositie; verwacht SQ001, SQ002, …",
                     "en": "sub-question '{title}' is not a roster position; expected SQ001, SQ002, …"},
    "ok": {"nl": "{file}: de vragenlijst past bij instrument {instrument} ({n} vragen).",
           "en": "{file}: the survey matches instrument {instrument} ({n} questions)."},
}  # fmt: skip


@dataclass
class LssCheck:
    """The result of :func:`check_lss`: ``problems`` (each names the file and the question code as column)."""

    file: str
    questions: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _rows(root: ET.Element, section: str) -> list[dict[str, str]]:
    return [
        {child.tag: (child.text or "").strip() for child in row}
        for row in root.findall(f"./{section}/rows/row")
    ]


def read_lss(path: str | Path) -> ET.Element:
    """The root element of an ``.lss`` file; a :class:`DataError` for anything else."""
    path = Path(path)
    check_size(path)
    raw = path.read_bytes()
    if b"<!DOCTYPE" in raw[:4096].upper() or b"<!ENTITY" in raw.upper():
        raise DataError([Problem(path.name, text(TEXTS, "doctype"))])
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise DataError([Problem(path.name, text(TEXTS, "not_xml", detail=exc))]) from None
    doc_type = (root.findtext("LimeSurveyDocType") or "").strip()
    if root.tag != "document" or doc_type.casefold() != "survey":
        raise DataError([Problem(path.name, text(TEXTS, "not_lss"))])
    return root


def check_lss(path: str | Path, instrument: Instrument | None = None) -> LssCheck:
    """Compare a LimeSurvey survey structure with the instrument; see the module docstring.

    Returns
    -------
    LssCheck
        ``problems`` empty when the survey matches.

    Raises
    ------
    DataError
        When the file is not a readable ``.lss`` document.
    """
    instrument = instrument or load_instrument()
    path = Path(path)
    file = path.name
    root = read_lss(path)
    questions = [r for r in _rows(root, "questions") if r.get("parent_qid", "0") in ("", "0")]
    subquestions = _rows(root, "subquestions") + [
        r for r in _rows(root, "questions") if r.get("parent_qid", "0") not in ("", "0")
    ]
    answers = _rows(root, "answers")
    by_code = {}
    for r in questions:
        by_code.setdefault(
            r.get("title", "").casefold(), r
        )  # one row per language in older exports
    problems: list[Problem] = []

    def problem(where: str, message: str, **values) -> None:
        problems.append(Problem(file, text(TEXTS, message, **values), column=where))

    expected = {q.tag("limesurvey").casefold(): q for q in instrument.questions}
    for q in instrument.questions:
        code = q.tag("limesurvey")
        row = by_code.get(code.casefold())
        if row is None:
            problem(code, "missing", code=code, question=q.key)
            continue
        qid, qtype = row.get("qid", ""), row.get("type", "")
        subs = sorted({s.get("title", "") for s in subquestions if s.get("parent_qid") == qid})
        if q.type == "multi":
            options = {o.code for o in q.scale.options}
            for title in subs:
                m = _SQ.match(title)
                if m is None or int(m.group(1)) not in options:
                    problem(code, "sub_option", title=title, scale=q.scale.name,
                            expected=", ".join(f"SQ{c:03d}" for c in sorted(options)))  # fmt: skip
        elif q.per_alter:
            for title in subs:
                if _SQ.match(title) is None or int(_SQ.match(title).group(1)) < 1:
                    problem(code, "sub_position", title=title)
        if q.type == "single" and qtype not in OWN_ANSWERS:
            found = {
                a.get("code", "")
                for a in answers
                if a.get("qid") == qid and a.get("scale_id", "0") in ("", "0")
            }
            codes = {str(o.code) for o in q.scale.options}
            allowed = codes | ({str(q.scale.dont_know.code)} if q.scale.dont_know else set())
            lacking = sorted(codes - found, key=_natural)
            extra = sorted(found - allowed - instrument.missing_codes, key=_natural)
            if lacking:
                problem(code, "missing_codes", codes=", ".join(lacking), scale=q.scale.name)
            if extra:
                problem(code, "unknown_codes", codes=", ".join(extra), scale=q.scale.name,
                        expected=", ".join(sorted(allowed, key=_natural)))  # fmt: skip
    for code, row in by_code.items():
        if (
            code and code not in expected and row.get("type", "") != "X"
        ):  # text display items carry no answers
            problem(
                row.get("title", code),
                "unknown",
                code=row.get("title", code),
                instrument=instrument.label,
            )
    return LssCheck(file=file, questions=len(by_code), problems=problems)


def _natural(code: str):
    return (0, int(code)) if code.isdigit() else (1, code)


def summary(check: LssCheck, instrument: Instrument | None = None) -> str:
    """One line for a survey that matches (the problems are listed otherwise)."""
    instrument = instrument or load_instrument()
    return text(TEXTS, "ok", file=check.file, instrument=instrument.label, n=check.questions)
