"""The survey instrument: questions, answer scales and export column names.

The instrument is a versioned YAML file (``id``, ``version``) with Dutch and
English texts for every question and answer option. The packaged copy
``wijknet/data/instrument/wijknetwerk-v1.yaml`` is the source of truth;
``surveys/wijknetwerk-v1.yaml`` in the repository is an identical copy for the
people who build the survey.

Questions have a ``scope`` that says where they are asked and how their
export columns are named (see ``docs/instrument.md``):

==========  ==========================  ==============================
scope       Qualtrics export tag        LimeSurvey question code
==========  ==========================  ==============================
embedded    the key (``actor_id``)      the code (``ACTORID``)
respondent  ``R_<code>``                ``R<code>``
roster      ``A_<code>_<k>``            ``A<code>[SQ<kkk>]``
write_in    ``W_<code>_<k>``            ``W<code>[SQ<kkk>]``
perception  ``P_<code>``                ``P<code>``
==========  ==========================  ==============================

``k`` is the roster position (1..n) or the write-in number (1..max); ``kkk``
the same number with three digits. Multi-select questions export one column
per option: Qualtrics ``R_<code>_<option code>``, LimeSurvey
``R<code>[SQ<option code, 3 digits>]``.

Google Forms and Microsoft Forms name columns after the question titles; a
title starts with the LimeSurvey code and a roster or write-in row with its
number in brackets: ``AFREQ [3]`` (Google adds the question text before the
bracket, ``AFREQ. Hoe vaak … [3. Naam]``), and a multi-select question is one
column with the chosen options (:mod:`wijknet.ingest.forms`).

Use :func:`load_instrument`, :func:`render_codebook` and :func:`column_map`.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import get_language, text

__all__ = [
    "DEFAULT_INSTRUMENT",
    "Instrument",
    "Option",
    "Question",
    "Scale",
    "column_map",
    "load_instrument",
    "render_codebook",
]

#: File name of the packaged default instrument (in ``wijknet/data/instrument/``).
DEFAULT_INSTRUMENT = "wijknetwerk-v1.yaml"
SCOPES = ("embedded", "respondent", "roster", "write_in", "perception")
#: Scopes asked once per respondent (their keys share one name space).
RESPONDENT_SCOPES = ("embedded", "respondent", "perception")
TYPES = ("text", "single", "multi")
PREFIX = {"respondent": "R", "roster": "A", "write_in": "W", "perception": "P"}
TOOLS = ("qualtrics", "limesurvey")
#: Tools whose columns are question titles starting with the LimeSurvey code (see the module docstring).
FORM_TOOLS = ("google-forms", "microsoft-forms")
#: Questions the importers rely on, as (scope group, key).
REQUIRED = (
    ("respondent", "actor_id"), ("respondent", "wijk"), ("respondent", "kpi3"), ("respondent", "active"),
    ("roster", "knows"), ("roster", "frequency"), ("roster", "intensity"), ("roster", "referral"),
    ("write_in", "name"),
)  # fmt: skip
_LIMESURVEY_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,19}$")
_QUALTRICS_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")

TEXTS = {
    "not_found": {"nl": "instrument niet gevonden", "en": "instrument not found"},
    "yaml": {"nl": "geen geldige YAML: {detail}", "en": "not valid YAML: {detail}"},
    "field": {
        "nl": "'{field}' ontbreekt of is leeg; verwacht {expected}",
        "en": "'{field}' is missing or empty; expected {expected}",
    },
    "texts": {
        "nl": "Nederlandse (nl) en Engelse (en) tekst verplicht",
        "en": "Dutch (nl) and English (en) text required",
    },
    "scope": {
        "nl": "onbekende scope '{value}'; verwacht een van {expected}",
        "en": "unknown scope '{value}'; expected one of {expected}",
    },
    "type": {
        "nl": "onbekend type '{value}'; verwacht een van {expected}",
        "en": "unknown type '{value}'; expected one of {expected}",
    },
    "scale": {
        "nl": "onbekende schaal '{value}'; verwacht een van {expected}",
        "en": "unknown scale '{value}'; expected one of {expected}",
    },
    "needs_scale": {
        "nl": "vraagtype '{type}' heeft een schaal nodig",
        "en": "question type '{type}' needs a scale",
    },
    "code": {
        "nl": "code '{value}' is ongeldig; verwacht een letter gevolgd door letters of cijfers (hoogstens 20 tekens, geen _)",
        "en": "code '{value}' is invalid; expected a letter followed by letters or digits (at most 20 characters, no _)",
    },
    "dup_key": {
        "nl": "vraag '{value}' komt twee keer voor in scope {scope}",
        "en": "question '{value}' appears twice in scope {scope}",
    },
    "dup_column": {
        "nl": "exportnaam '{value}' komt twee keer voor",
        "en": "export name '{value}' appears twice",
    },
    "option": {"nl": "antwoordoptie zonder {field}", "en": "answer option without {field}"},
    "option_code": {
        "nl": "code '{value}' is geen geheel getal van 0 tot 999",
        "en": "code '{value}' is not a whole number from 0 to 999",
    },
    "missing_code": {
        "nl": "antwoordcode {value} staat ook bij de ontbrekende codes (missing.codes)",
        "en": "answer code {value} is also one of the missing codes (missing.codes)",
    },
    "dup_option": {
        "nl": "{field} '{value}' komt twee keer voor in de schaal",
        "en": "{field} '{value}' appears twice in the scale",
    },
    "value": {"nl": "'value' moet 'code' of 'key' zijn", "en": "'value' must be 'code' or 'key'"},
    "domain_key": {
        "nl": "domein '{value}' staat niet in de taxonomie (wijknet/data/domains.yaml)",
        "en": "domain '{value}' is not in the taxonomy (wijknet/data/domains.yaml)",
    },
    "show_if": {
        "nl": "show_if verwijst naar '{value}', dat geen eerdere vraag of antwoord in deze scope is",
        "en": "show_if refers to '{value}', which is not an earlier question or answer in this scope",
    },
    "required": {
        "nl": "de vraag '{value}' (scope {scope}) ontbreekt; de importeurs hebben haar nodig",
        "en": "the question '{value}' (scope {scope}) is missing; the importers need it",
    },
    "max_write_ins": {
        "nl": "max_write_ins moet een geheel getal van 0 tot 99 zijn",
        "en": "max_write_ins must be a whole number from 0 to 99",
    },
    "bad_tool": {
        "nl": "onbekend programma '{value}'; verwacht qualtrics, limesurvey, google-forms of microsoft-forms",
        "en": "unknown tool '{value}'; expected qualtrics, limesurvey, google-forms or microsoft-forms",
    },
    # Codebook
    "cb_title": {"nl": "Codeboek", "en": "Codebook"},
    "cb_version": {
        "nl": "Instrument `{id}`, versie {version}",
        "en": "Instrument `{id}`, version {version}",
    },
    "cb_columns": {
        "nl": "Exportkolommen: Qualtrics `{qualtrics}`, LimeSurvey `{limesurvey}`",
        "en": "Export columns: Qualtrics `{qualtrics}`, LimeSurvey `{limesurvey}`",
    },
    "cb_key": {"nl": "Variabele", "en": "Variable"},
    "cb_type": {"nl": "Type", "en": "Type"},
    "cb_show_if": {"nl": "Alleen als", "en": "Only if"},
    "cb_answered": {"nl": "'{question}' is ingevuld", "en": "'{question}' is answered"},
    "cb_code": {"nl": "code", "en": "code"},
    "cb_value": {"nl": "waarde", "en": "value"},
    "cb_label": {"nl": "antwoord", "en": "answer"},
    "cb_dont_know": {"nl": "ontbrekend (weet niet)", "en": "missing (don't know)"},
    "cb_missing": {
        "nl": "Overal als ontbrekend gelezen: codes {codes} en de teksten {texts}.",
        "en": "Read as missing everywhere: codes {codes} and the texts {texts}.",
    },
    "cb_k_roster": {
        "nl": "k = positie in de rol (roster) van de wijk, 1 … n",
        "en": "k = position on the wijk's roster, 1 … n",
    },
    "cb_k_write_in": {
        "nl": "k = nummer van de zelf ingevulde partij, 1 … {n}",
        "en": "k = number of the written-in party, 1 … {n}",
    },
    "cb_multi": {
        "nl": "één kolom per optie (o = optiecode)",
        "en": "one column per option (o = option code)",
    },
    "type_text": {"nl": "open tekst", "en": "free text"},
    "type_single": {"nl": "één antwoord", "en": "single answer"},
    "type_multi": {"nl": "meerdere antwoorden", "en": "multiple answers"},
    "scope_embedded": {
        "nl": "verborgen variabele (uit de uitnodigingslink)",
        "en": "hidden variable (from the invitation link)",
    },
    "scope_respondent": {"nl": "eenmaal per respondent", "en": "once per respondent"},
    "scope_roster": {
        "nl": "per persoon of organisatie op de rol",
        "en": "per person or organisation on the roster",
    },
    "scope_write_in": {"nl": "per zelf ingevulde partij", "en": "per written-in party"},
    "scope_perception": {"nl": "eenmaal per respondent", "en": "once per respondent"},
}


class InstrumentError(DataError):
    """An instrument definition that cannot be used."""


@dataclass(frozen=True)
class Option:
    """One answer option: ``code`` (Qualtrics recode, LimeSurvey answer code), ``key`` and texts."""

    code: int
    key: str
    nl: str
    en: str

    def label(self, lang: str | None = None) -> str:
        return self.en if (lang or get_language()) == "en" else self.nl


@dataclass(frozen=True)
class Scale:
    """An answer scale: ordered options, an optional "don't know" option and what is stored."""

    name: str
    options: tuple[Option, ...]
    value: str = "key"
    dont_know: Option | None = None

    def stored(self, option: Option) -> str:
        """The value kept in the tidy tables: the code (ordinal scales) or the key."""
        return str(option.code) if self.value == "code" else option.key


@dataclass(frozen=True)
class Question:
    """One question of the instrument.

    Attributes
    ----------
    key : str
        Variable name in the tidy tables (``frequency``, ``kpi3``).
    code : str
        Short code from which the export column names are made.
    scope : str
        ``embedded``, ``respondent``, ``roster``, ``write_in`` or ``perception``.
    type : str
        ``text``, ``single`` or ``multi``.
    nl, en : str
        Question text.
    scale : Scale or None
        Answer options of ``single`` and ``multi`` questions.
    block : str
        Key of the block the question is in.
    show_if : dict or None
        Display condition: ``{"question": key, "equals": value}`` or
        ``{"question": key, "answered": true}``.
    """

    key: str
    code: str
    scope: str
    type: str
    nl: str
    en: str
    scale: Scale | None = None
    block: str = ""
    show_if: dict | None = None

    @property
    def group(self) -> str:
        """The key name space: ``respondent`` (once per respondent), ``roster`` or ``write_in``."""
        return "respondent" if self.scope in RESPONDENT_SCOPES else self.scope

    @property
    def per_alter(self) -> bool:
        return self.scope in ("roster", "write_in")

    def label(self, lang: str | None = None) -> str:
        return self.en if (lang or get_language()) == "en" else self.nl

    def tag(self, tool: str) -> str:
        """The question's name in the tool: Qualtrics export tag or LimeSurvey question code."""
        if self.scope == "embedded":
            return self.key if tool == "qualtrics" else self.code
        return (
            f"{PREFIX[self.scope]}_{self.code}"
            if tool == "qualtrics"
            else f"{PREFIX[self.scope]}{self.code}"
        )

    def column(self, tool: str, position: int | None = None) -> str:
        """The export column for roster position / write-in number / option code ``position``.

        For the form tools (:data:`FORM_TOOLS`) the start of the column title:
        ``AFREQ [3]``; their multi-select questions have one column, ``RKERN``.
        """
        tag = self.tag(tool)
        if position is None:
            return tag
        if tool in FORM_TOOLS:
            return tag if self.type == "multi" and not self.per_alter else f"{tag} [{position}]"
        return f"{tag}_{position}" if tool == "qualtrics" else f"{tag}[SQ{position:03d}]"


@dataclass(frozen=True)
class Instrument:
    """A validated survey instrument; see the module docstring."""

    id: str
    version: str
    title: dict
    questions: tuple[Question, ...]
    scales: dict[str, Scale]
    blocks: tuple[dict, ...]
    max_write_ins: int = 5
    missing_codes: frozenset[str] = frozenset()
    missing_texts: frozenset[str] = frozenset()
    intro: dict = field(default_factory=dict)
    source: str = ""

    def question(self, key: str, group: str = "respondent") -> Question:
        """The question ``key`` in ``group`` (``respondent``, ``roster`` or ``write_in``)."""
        for q in self.questions:
            if q.key == key and q.group == group:
                return q
        raise KeyError(f"{group}.{key}")

    def scope(self, *scopes: str) -> list[Question]:
        """The questions of the given scopes, in instrument order."""
        return [q for q in self.questions if q.scope in scopes]

    def is_missing(self, value: str) -> bool:
        """Whether an answer means "no answer": empty, a missing code or a missing text."""
        v = value.strip()
        return v == "" or v in self.missing_codes or v.casefold() in self.missing_texts

    @property
    def label(self) -> str:
        return f"{self.id} {self.version}"


# ---------------------------------------------------------------------------
# Loading and validation
# ---------------------------------------------------------------------------


def load_instrument(path: str | Path | None = None) -> Instrument:
    """Load and validate an instrument definition.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file. Default: the packaged ``wijknetwerk-v1.yaml``.

    Returns
    -------
    Instrument

    Raises
    ------
    InstrumentError
        Every problem found in the definition, with the file and the question
        (in the ``column`` field of each :class:`~wijknet.core.errors.Problem`).
    """
    if path is None:
        return _default_instrument()
    else:
        path = Path(path)
        name = path.name
        if not path.is_file():
            raise InstrumentError([Problem(name, text(TEXTS, "not_found"))])
        raw = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise InstrumentError([Problem(name, text(TEXTS, "yaml", detail=exc))]) from None
    return instrument_from_dict(data, name)


@functools.cache
def _default_instrument() -> Instrument:
    name = DEFAULT_INSTRUMENT
    raw = (
        resources.files("wijknet")
        .joinpath(f"data/instrument/{DEFAULT_INSTRUMENT}")
        .read_text(encoding="utf-8")
    )
    return instrument_from_dict(yaml.safe_load(raw), name)


def instrument_from_dict(data: object, source: str = "instrument.yaml") -> Instrument:
    """Build and validate an :class:`Instrument` from parsed YAML; see :func:`load_instrument`."""
    problems: list[Problem] = []

    def problem(key: str, message_key: str, where: str | None = None, **values) -> None:
        problems.append(Problem(source, text(TEXTS, message_key, **values), column=where))

    if not isinstance(data, dict):
        raise InstrumentError(
            [Problem(source, text(TEXTS, "field", field="id", expected="a mapping"))]
        )
    for f in ("id", "version"):
        if not str(data.get(f) or "").strip():
            problem(f, "field", f, field=f, expected="text")
    title = data.get("title") if isinstance(data.get("title"), dict) else {}
    if not (title.get("nl") and title.get("en")):
        problem("title", "texts", "title")
    max_write_ins = data.get("max_write_ins", 5)
    if (
        not isinstance(max_write_ins, int)
        or isinstance(max_write_ins, bool)
        or not 0 <= max_write_ins <= 99
    ):
        problem("max_write_ins", "max_write_ins", "max_write_ins")
        max_write_ins = 0
    scales = _scales(data.get("scales"), problem)
    questions, blocks = _questions(data.get("blocks"), scales, problem)
    _cross_checks(questions, problem)
    missing = data.get("missing") if isinstance(data.get("missing"), dict) else {}
    missing_codes = {str(c).strip() for c in missing.get("codes", ()) or ()}
    for scale in scales.values():
        for o in scale.options:
            if str(o.code) in missing_codes:
                problem(scale.name, "missing_code", f"scales.{scale.name}", value=o.code)
    if problems:
        raise InstrumentError(problems)
    return Instrument(
        id=str(data["id"]).strip(),
        version=str(data["version"]).strip(),
        title=dict(title),
        questions=tuple(questions),
        scales=scales,
        blocks=tuple(blocks),
        max_write_ins=max_write_ins,
        missing_codes=frozenset(missing_codes),
        missing_texts=frozenset(str(t).strip().casefold() for t in missing.get("texts", ()) or ()),
        intro=dict(data.get("intro") or {}),
        source=source,
    )


def _has_texts(spec: dict) -> bool:
    return bool(str(spec.get("nl") or "").strip() and str(spec.get("en") or "").strip())


def _option(spec: object, where: str, problem) -> Option | None:
    if not isinstance(spec, dict):
        problem(where, "option", where, field="code")
        return None
    for f in ("code", "key"):
        if spec.get(f) is None or str(spec.get(f)).strip() == "":
            problem(where, "option", where, field=f)
            return None
    code = spec["code"]
    if not isinstance(code, int) or isinstance(code, bool) or not 0 <= code <= 999:
        problem(where, "option_code", where, value=code)
        return None
    if not _has_texts(spec):
        problem(where, "texts", f"{where}.{spec['key']}")
        return None
    return Option(
        code=code,
        key=str(spec["key"]).strip(),
        nl=str(spec["nl"]).strip(),
        en=str(spec["en"]).strip(),
    )


def _scales(data: object, problem) -> dict[str, Scale]:
    scales = {}
    for name, spec in (data or {}).items() if isinstance(data, dict) else ():
        where = f"scales.{name}"
        spec = spec if isinstance(spec, dict) else {}
        value = spec.get("value", "key")
        if value not in ("code", "key"):
            problem(where, "value", where)
        options = [
            o
            for o in (_option(s, where, problem) for s in spec.get("options") or ())
            if o is not None
        ]
        if not options:
            problem(where, "field", where, field="options", expected="a list of answer options")
        for f in ("code", "key"):
            seen = set()
            for o in options:
                if getattr(o, f) in seen:
                    problem(where, "dup_option", where, field=f, value=getattr(o, f))
                seen.add(getattr(o, f))
        dont_know = (
            _option(spec["dont_know"], f"{where}.dont_know", problem)
            if spec.get("dont_know")
            else None
        )
        if dont_know is not None and dont_know.code in {o.code for o in options}:
            problem(where, "dup_option", where, field="code", value=dont_know.code)
        scales[str(name)] = Scale(
            str(name), tuple(options), value if value in ("code", "key") else "key", dont_know
        )
    return scales


def _questions(
    data: object, scales: dict[str, Scale], problem
) -> tuple[list[Question], list[dict]]:
    questions, blocks = [], []
    for b in data or () if isinstance(data, list) else ():
        if not isinstance(b, dict) or not b.get("key"):
            problem("blocks", "field", "blocks", field="key", expected="a block key")
            continue
        if not _has_texts(b):
            problem(b["key"], "texts", f"blocks.{b['key']}")
        blocks.append({k: v for k, v in b.items() if k != "questions"})
        for spec in b.get("questions") or ():
            if not isinstance(spec, dict) or not str(spec.get("key") or "").strip():
                problem(
                    b["key"], "field", f"blocks.{b['key']}", field="key", expected="a question key"
                )
                continue
            where = f"{spec.get('scope', '?')}.{spec['key']}"
            bad = False
            for f in ("code", "scope", "type"):
                if not str(spec.get(f) or "").strip():
                    problem(where, "field", where, field=f, expected="text")
                    bad = True
            if bad:
                continue
            if spec["scope"] not in SCOPES:
                problem(where, "scope", where, value=spec["scope"], expected=", ".join(SCOPES))
                continue
            if spec["type"] not in TYPES:
                problem(where, "type", where, value=spec["type"], expected=", ".join(TYPES))
                continue
            if not _has_texts(spec):
                problem(where, "texts", where)
            code = str(spec["code"]).strip()
            if not _LIMESURVEY_CODE.match(code):
                problem(where, "code", where, value=code)
            scale = None
            if spec["type"] in ("single", "multi"):
                if not spec.get("scale"):
                    problem(where, "needs_scale", where, type=spec["type"])
                    continue
                if spec["scale"] not in scales:
                    problem(where, "scale", where, value=spec["scale"], expected=", ".join(scales))
                    continue
                scale = scales[spec["scale"]]
            show_if = spec.get("show_if")
            questions.append(Question(
                key=str(spec["key"]).strip(), code=code, scope=spec["scope"], type=spec["type"],
                nl=str(spec.get("nl") or "").strip(), en=str(spec.get("en") or "").strip(), scale=scale,
                block=str(b["key"]), show_if=dict(show_if) if isinstance(show_if, dict) else None,
            ))  # fmt: skip
    return questions, blocks


def _cross_checks(questions: list[Question], problem) -> None:
    from wijknet.core.taxonomy import Taxonomy

    seen_keys: set[tuple[str, str]] = set()
    for tool in TOOLS:
        seen_columns: set[str] = set()
        for q in questions:
            tag = q.tag(tool).casefold()
            if tag in seen_columns:
                problem(q.key, "dup_column", f"{q.scope}.{q.key}", value=q.tag(tool))
            seen_columns.add(tag)
    for q in questions:
        where = f"{q.scope}.{q.key}"
        if (q.group, q.key) in seen_keys:
            problem(where, "dup_key", where, value=q.key, scope=q.group)
        if q.show_if is not None:
            target = q.show_if.get("question")
            earlier = [p for p in questions[: questions.index(q)] if p.key == target and
                       (p.group == q.group or p.group == "respondent")]  # fmt: skip
            ok = bool(earlier)
            if ok and "equals" in q.show_if:
                scale = earlier[-1].scale
                ok = scale is not None and str(q.show_if["equals"]) in {
                    o.key for o in scale.options
                }
            if not ok:
                problem(where, "show_if", where, value=target)
        seen_keys.add((q.group, q.key))
    for group, key in REQUIRED:
        if (group, key) not in seen_keys:
            problem(key, "required", f"{group}.{key}", value=key, scope=group)
    taxonomy = Taxonomy.default()
    for q in questions:
        if q.key == "domain" and q.scale is not None:
            for o in q.scale.options:
                if o.key not in taxonomy.domains:
                    problem(q.key, "domain_key", f"scales.{q.scale.name}", value=o.key)


# ---------------------------------------------------------------------------
# Column mapping
# ---------------------------------------------------------------------------

COLUMN_MAP_COLUMNS = ["tool", "block", "scope", "question", "position", "option", "column"]


def column_map(
    instrument: Instrument, tool: str = "qualtrics", roster_size: int = 0
) -> pd.DataFrame:
    """The export columns the instrument produces in ``tool`` for a roster of ``roster_size``.

    Parameters
    ----------
    instrument : Instrument
    tool : {"qualtrics", "limesurvey", "google-forms", "microsoft-forms"}
    roster_size : int
        Number of positions on the wijk's roster (the largest roster when one
        survey serves several wijken).

    Returns
    -------
    pandas.DataFrame
        One row per column: ``tool``, ``block``, ``scope``, ``question`` (the
        key), ``position`` (roster position or write-in number, else empty),
        ``option`` (option code of a multi-select column, else empty) and
        ``column`` (the exact column name in the export).
    """
    if tool not in TOOLS + FORM_TOOLS:
        raise InstrumentError([Problem(instrument.source, text(TEXTS, "bad_tool", value=tool))])
    rows = []
    for q in instrument.questions:
        base = {
            "tool": tool,
            "block": q.block,
            "scope": q.scope,
            "question": q.key,
            "position": "",
            "option": "",
        }
        if q.scope == "roster":
            positions = range(1, roster_size + 1)
        elif q.scope == "write_in":
            positions = range(1, instrument.max_write_ins + 1)
        else:
            positions = [None]
        for k in positions:
            if q.type == "multi" and tool in FORM_TOOLS:  # one column with the chosen options
                rows.append({**base, "position": k or "", "column": q.column(tool)})
            elif q.type == "multi":
                for o in q.scale.options:
                    rows.append(
                        {
                            **base,
                            "position": k or "",
                            "option": o.code,
                            "column": q.column(tool, o.code),
                        }
                    )
            else:
                rows.append({**base, "position": k or "", "column": q.column(tool, k)})
    return pd.DataFrame(rows, columns=COLUMN_MAP_COLUMNS)


def column_pattern(question: Question, tool: str, lang: str | None = None) -> str:
    """The column name pattern of a question, e.g. ``A_FREQ_<k>`` or ``AFREQ[SQ<kkk>]``."""
    if question.per_alter:
        return question.tag(tool) + ("_<k>" if tool == "qualtrics" else "[SQ<kkk>]")
    if question.type == "multi":
        return question.tag(tool) + ("_<o>" if tool == "qualtrics" else "[SQ<ooo>]")
    return question.tag(tool)


# ---------------------------------------------------------------------------
# Codebook
# ---------------------------------------------------------------------------


def render_codebook(
    instrument: Instrument | None = None,
    lang: str | None = None,
    fmt: str = "markdown",
    roster: pd.DataFrame | None = None,
) -> str:
    """The instrument's codebook: every question, its export columns and answer codes.

    Parameters
    ----------
    instrument : Instrument, optional
        Default: the packaged instrument.
    lang : {"nl", "en", "both"}, optional
        Language of the texts; ``"both"`` shows Dutch and English side by side.
        Default: the active language.
    fmt : {"markdown", "html"}
    roster : pandas.DataFrame, optional
        A roster table (``wijk, position, actor_id`` and optionally ``name``,
        ``organisation``) to append, e.g. from
        :meth:`wijknet.ingest.Roster.table`.

    Returns
    -------
    str
    """
    instrument = instrument or load_instrument()
    lang = lang or get_language()
    if lang not in ("nl", "en", "both"):
        raise ValueError(f"lang must be nl, en or both, not {lang!r}")
    if fmt not in ("markdown", "html"):
        raise ValueError(f"fmt must be markdown or html, not {fmt!r}")
    ui = "en" if lang == "en" else "nl"

    def t(key: str, **values) -> str:
        return text(TEXTS, key, lang=ui, **values)

    def both(spec) -> str:
        nl, en = (
            (spec.nl, spec.en)
            if not isinstance(spec, dict)
            else (spec.get("nl", ""), spec.get("en", ""))
        )
        return {"nl": nl, "en": en}.get(lang) or f"{nl} — {en}"

    md: list[str] = [
        f"# {t('cb_title')}: {both(instrument.title)}",
        "",
        t("cb_version", id=instrument.id, version=instrument.version),
        "",
    ]
    texts = ", ".join(f"'{x}'" for x in sorted(instrument.missing_texts))
    md += [t("cb_missing", codes=", ".join(sorted(instrument.missing_codes)), texts=texts), ""]
    for block in instrument.blocks:
        md += [f"## {both(block)}", ""]
        if isinstance(block.get("intro"), dict):
            md += [both(block["intro"]), ""]
        for q in [q for q in instrument.questions if q.block == block["key"]]:
            md += [f"### `{q.key}`: {both(q)}", ""]
            md.append(f"- {t('cb_type')}: {t('type_' + q.type)}; {t('scope_' + q.scope)}")
            md.append(
                "- "
                + t(
                    "cb_columns",
                    qualtrics=column_pattern(q, "qualtrics"),
                    limesurvey=column_pattern(q, "limesurvey"),
                )
            )
            if q.scope == "roster":
                md.append(f"  ({t('cb_k_roster')})")
            elif q.scope == "write_in":
                md.append(f"  ({t('cb_k_write_in', n=instrument.max_write_ins)})")
            elif q.type == "multi":
                md.append(f"  ({t('cb_multi')})")
            if q.show_if:
                cond = q.show_if.get("question")
                what = (
                    f"{cond} = {q.show_if['equals']}"
                    if "equals" in q.show_if
                    else t("cb_answered", question=cond)
                )
                md.append(f"- {t('cb_show_if')}: {what}")
            md.append("")
            if q.scale is not None:
                md += [
                    f"| {t('cb_code')} | {t('cb_value')} | {t('cb_label')} |",
                    "| ---: | --- | --- |",
                ]
                for o in q.scale.options:
                    md.append(f"| {o.code} | {q.scale.stored(o)} | {_cell(both(o))} |")
                if q.scale.dont_know is not None:
                    md.append(
                        f"| {q.scale.dont_know.code} | *{t('cb_dont_know')}* | {_cell(both(q.scale.dont_know))} |"
                    )
                md.append("")
    if roster is not None and len(roster):
        md += ["## Roster", ""]
        cols = [
            c
            for c in ("wijk", "position", "actor_id", "name", "organisation", "domain")
            if c in roster.columns
        ]
        md += ["| " + " | ".join(cols) + " |", "|" + " --- |" * len(cols)]
        for r in roster[cols].astype(str).itertuples(index=False):
            md.append("| " + " | ".join(_cell(v) for v in r) + " |")
        md.append("")
    markdown = "\n".join(md).rstrip() + "\n"
    return (
        markdown if fmt == "markdown" else _markdown_to_html(markdown, both(instrument.title), ui)
    )


def _cell(value: str) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _markdown_to_html(markdown: str, title: str, lang: str = "nl") -> str:
    """The small subset of Markdown the codebook uses, as a standalone HTML page."""

    def inline(s: str) -> str:
        s = html.escape(s.replace("\\|", "|"))
        s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
        return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", s)

    out = ["<!DOCTYPE html>", f'<html lang="{lang}"><head><meta charset="utf-8">', f"<title>{html.escape(title)}</title>",
           ("<style>body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:2px 6px}</style></head><body>")]  # fmt: skip
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            out.append(f"<h{level}>{inline(line[level:].strip())}</h{level}>")
        elif line.startswith("| "):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(lines[i])
                i += 1
            out.append("<table>")
            for j, row in enumerate(r for r in rows if not re.fullmatch(r"\|[\s:\-|]+", r)):
                cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]
                tag = "th" if j == 0 else "td"
                out.append("<tr>" + "".join(f"<{tag}>{inline(c)}</{tag}>" for c in cells) + "</tr>")
            out.append("</table>")
            continue
        elif line.startswith("- "):
            out.append("<ul>")
            while i < len(lines) and (lines[i].startswith("- ") or lines[i].startswith("  (")):
                out.append(f"<li>{inline(lines[i][2:].strip())}</li>")
                i += 1
            out.append("</ul>")
            continue
        elif line.strip():
            out.append(f"<p>{inline(line)}</p>")
        i += 1
    out.append("</body></html>")
    return "\n".join(out) + "\n"
