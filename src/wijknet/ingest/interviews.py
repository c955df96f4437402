r"""Coded interview segments into tie observations: a coding sheet, MAXQDA and ATLAS.ti exports.

Participation conversations and key-figure interviews are coded in a
qualitative-analysis program or a spreadsheet. Three layouts are read (CSV
or ``.xlsx``; column names as exported, in any case):

``interviews`` (a coding sheet, one row per segment)
    ``interview_id``, ``interviewee`` (an ``actor_id`` or a name), the
    segment text (``segment``, also ``quote``/``citaat``/``tekst``),
    ``codes`` (separated by ``;`` or new lines); optional ``wijk``,
    ``wave``, ``segment_id``.
``maxqda`` (MAXQDA, *Overview of Coded Segments* exported to Excel/CSV, one row per coding)
    ``Document group``, ``Document name``, ``Code``, ``Segment``, ``Begin``,
    ``End`` (German ``Dokumentgruppe``, ``Dokumentname``, ``Anfang``,
    ``Ende`` and Dutch headers too). ``Begin``/``End`` are paragraph numbers,
    so one paragraph can hold two segments: a segment is identified by
    document, paragraphs *and* segment text, and the codings of one segment
    (one row per code) are taken together. Its ``segment_id`` is
    ``<document>:<begin>-<end>``, followed by ``#`` and 8 hex digits of the
    SHA-1 of the text when another segment has the same paragraphs.
``atlasti`` (ATLAS.ti, *Quotation Manager* exported to Excel/CSV, one row per quotation)
    ``ID`` (``3:10``), ``Quotation Name``, ``Document``, ``Quotation Content``,
    ``Codes`` (one per line), ``Document Groups``.

The coding convention (``docs/interviews.md``) turns codes into ties:

* ``actor: <name or actor_id>`` -- an actor mentioned in the segment;
* ``relatie: <relation>`` (or the relation alone) -- what the segment says
  about the interviewee and every actor mentioned, one of :data:`RELATIONS`;
* ``van: <name or actor_id>`` (optional) -- the tie starts at this actor
  instead of the interviewee (a third party's collaboration described);
* ``geïnterviewde: <name or actor_id>`` and ``wijk: <wijk>`` -- for the
  whole interview (MAXQDA and ATLAS.ti, where the sheet has no such column);
* ``thema: <theme>`` (also ``theme:``, and the parent code ``Thema\<theme>``
  of MAXQDA and ATLAS.ti; sub-codes ``Thema\Barrières\Geld`` keep their
  path) -- what the segment is about. Each theme code gives one row of
  :attr:`InterviewImport.themes` with the segment's text, ``segment_id``
  and the actors the segment mentions (matched ``actor:`` codes), also for
  segments without a relation code. The theme is stored with its whitespace
  collapsed and in lower case, so ``Vertrouwen`` and ``vertrouwen`` count as
  one theme.

Other codes are ignored. Each (mentioned actor, relation) gives one
observation of kind ``interview`` with the segment as ``quote``. The
relations *kent niet maar zou moeten*, *drempel* and *wil verbinden* are
recorded with the tie types in :data:`NON_TIE_TYPES`: kept as evidence, but
never part of the ties of the default graph (see :mod:`wijknet.store.combine`).

Mentions are matched to the actors of the wijk with the actor registry
(:func:`wijknet.resolve.matching.match_names`, confirmed aliases included); a mention
that is not matched with confidence becomes a write-in for ``wijknet resolve``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.ties import NON_TIE_TYPES
from wijknet.io.tables import read_table

__all__ = [
    "FORMATS",
    "NON_TIE_TYPES",
    "RELATIONS",
    "THEME_FIELDS",
    "InterviewImport",
    "import_interviews",
    "parse_code",
    "read_segments",
]

FORMATS = ("interviews", "maxqda", "atlasti")

#: Relation codes (normalised: lower case, no accents) -> tie type.
RELATIONS = {
    "werkt samen met": "samenwerking", "samenwerking": "samenwerking", "samenwerken": "samenwerking",
    "works with": "samenwerking", "collaborates with": "samenwerking", "collaboration": "samenwerking",
    "verwijst naar": "verwijzing", "verwijzing": "verwijzing", "refers to": "verwijzing", "referral": "verwijzing",
    "kent niet maar zou moeten": "zou_moeten_kennen", "kent niet, maar zou moeten": "zou_moeten_kennen",
    "zou moeten kennen": "zou_moeten_kennen", "does not know but should": "zou_moeten_kennen",
    "should know": "zou_moeten_kennen",
    "drempel": "drempel", "barrier": "drempel",
    "wil verbinden": "wens", "wens": "wens", "wish to connect": "wens", "wants to connect": "wens",
}  # fmt: skip
#: Code prefixes (normalised) and what they mean.
PREFIXES = {
    "actor": "actor", "partij": "actor", "organisatie": "actor", "persoon": "actor", "mention": "actor",
    "relatie": "relation", "relation": "relation", "relatietype": "relation",
    "van": "from", "from": "from", "bron": "from",
    "geinterviewde": "interviewee", "interviewee": "interviewee", "respondent": "interviewee",
    "wijk": "wijk", "neighbourhood": "wijk",
    "thema": "theme", "theme": "theme", "themas": "theme", "themes": "theme",
}  # fmt: skip
#: Columns of :attr:`InterviewImport.themes` (the tidy ``themes`` table plus provenance).
THEME_FIELDS = ["wijk", "wave", "interview_id", "theme", "segment_id", "quote", "actors", "interviewee", "source_file",
                "source_row", "source_column"]  # fmt: skip

#: Accepted column names (normalised by :func:`wijknet.io.tables.normalise_column`) per field and format.
SHEET_COLUMNS = {
    "interview_id": ("interview_id", "interview", "gesprek_id", "gesprek"),
    "interviewee": ("interviewee", "geinterviewde", "geïnterviewde", "respondent"),
    "text": (
        "segment",
        "segment_text",
        "segmenttekst",
        "quote",
        "citaat",
        "tekst",
        "text",
        "fragment",
    ),
    "codes": ("codes", "code"),
    "wijk": ("wijk",),
    "wave": ("wave", "meting"),
    "segment_id": ("segment_id", "segment_nr", "fragment_id"),
}
MAXQDA_COLUMNS = {
    "document": ("document_name", "dokumentname", "documentnaam", "document"),
    "group": ("document_group", "dokumentgruppe", "documentgroep", "documentgroup"),
    "code": ("code",),
    "text": ("segment", "segmenttekst"),
    "begin": ("begin", "anfang", "beginning", "start"),
    "end": ("end", "ende", "einde"),
    "comment": ("comment", "kommentar", "opmerking", "commentaar"),
}
ATLASTI_COLUMNS = {
    "id": ("id", "quotation_id", "citaat_id", "zitat_id"),
    "name": ("quotation_name", "quotation", "citaatnaam", "zitatname"),
    "document": ("document", "dokument", "document_name"),
    "text": ("quotation_content", "content", "citaatinhoud", "zitatinhalt"),
    "codes": ("codes", "code"),
    "groups": ("document_groups", "document_group", "dokumentgruppen", "documentgroepen"),
}
#: How the main columns are spelled in the exports, for messages.
SPELLED = {"interview_id": "interview_id", "interviewee": "interviewee", "codes": "codes", "segment": "segment",
           "document_name": "Document name", "code": "Code", "begin": "Begin", "end": "End",
           "document_group": "Document group", "id": "ID", "document": "Document", "quotation_content": "Quotation Content",
           "quotation_name": "Quotation Name"}  # fmt: skip

TEXTS = {
    "missing_column": {
        "nl": "kolom '{column}' ontbreekt; verwacht {expected} (gevonden: {found})",
        "en": "column '{column}' is missing; expected {expected} (found: {found})",
    },
    "unknown_relation": {
        "nl": "onbekende relatie '{value}'; verwacht een van: werkt samen met, verwijst naar, kent niet maar zou moeten, "
              "drempel, wil verbinden",
        "en": "unknown relation '{value}'; expected one of: werkt samen met (works with), verwijst naar (refers to), "
              "kent niet maar zou moeten (does not know but should), drempel (barrier), wil verbinden (wish to connect)",
    },
    "empty_code": {"nl": "code '{code}' zonder naam of actor_id na de dubbele punt",
                   "en": "code '{code}' without a name or actor_id after the colon"},
    "relation_without_actor": {
        "nl": "relatiecode zonder actor in dit segment; verwacht ook een code 'actor: <naam of actor_id>'",
        "en": "relation code without an actor in this segment; expected also a code 'actor: <name or actor_id>'",
    },
    "actor_without_relation": {
        "nl": "actor '{mention}' genoemd zonder relatiecode; niet als relatie ingelezen",
        "en": "actor '{mention}' mentioned without a relation code; not read as a tie",
    },
    "no_interviewee": {
        "nl": "de geïnterviewde van gesprek '{interview}' is onbekend; verwacht een kolom interviewee, een code "
              "'geïnterviewde: <naam of actor_id>' of een actor_id als documentnaam",
        "en": "the interviewee of interview '{interview}' is unknown; expected an interviewee column, a code "
              "'geïnterviewde: <name or actor_id>' or an actor_id as document name",
    },
    "interviewee_unknown": {
        "nl": "geïnterviewde '{value}' is geen actor van {where}{candidates}; verwacht een actor_id of de naam van een "
              "geregistreerde actor (importeer nieuwe actoren eerst)",
        "en": "interviewee '{value}' is not an actor of {where}{candidates}; expected an actor_id or the name of a "
              "registered actor (import new actors first)",
    },
    "from_unknown": {
        "nl": "actor '{value}' (code van:) is geen actor van wijk '{wijk}'{candidates}; verwacht een actor_id of een "
              "geregistreerde naam",
        "en": "actor '{value}' (code from:) is not an actor of wijk '{wijk}'{candidates}; expected an actor_id or a "
              "registered name",
    },
    "candidates": {"nl": " (lijkt op: {names})", "en": " (resembles: {names})"},
    "all_wijken": {"nl": "het project", "en": "the project"},
    "a_wijk": {"nl": "wijk '{wijk}'", "en": "wijk '{wijk}'"},
    "no_wijk": {
        "nl": "de wijk van gesprek '{interview}' is onbekend; verwacht een kolom wijk, een code 'wijk: <wijk>', "
              "een documentgroep met de naam van de wijk of --wijk",
        "en": "the wijk of interview '{interview}' is unknown; expected a wijk column, a code 'wijk: <wijk>', "
              "a document group named after the wijk, or --wijk",
    },
    "unknown_wijk": {"nl": "onbekende wijk '{value}'; verwacht een van: {wijken}",
                     "en": "unknown wijk '{value}'; expected one of: {wijken}"},
    "other_wijk": {"nl": "actor '{actor}' hoort bij wijk '{actor_wijk}', het gesprek bij wijk '{wijk}'",
                   "en": "actor '{actor}' belongs to wijk '{actor_wijk}', the interview to wijk '{wijk}'"},
    "no_wave": {"nl": "de meting ontbreekt; verwacht een kolom wave of --wave (bijv. --wave 2026)",
                "en": "the wave is missing; expected a wave column or --wave (e.g. --wave 2026)"},
    "wave_differs": {"nl": "meting '{value}' verschilt van --wave {wave}", "en": "wave '{value}' differs from --wave {wave}"},
    "empty": {"nl": "leeg: verwacht {what}", "en": "empty: expected {what}"},
    "self": {"nl": "'{mention}' is de geïnterviewde zelf; overgeslagen", "en": "'{mention}' is the interviewee; skipped"},
    "unused_column": {"nl": "kolom niet gebruikt bij het inlezen van de gesprekken",
                      "en": "column not used when reading the interviews"},
    "two_interviewees": {
        "nl": "gesprek '{interview}' heeft al geïnterviewde '{first}'; verwacht één geïnterviewde per gesprek",
        "en": "interview '{interview}' already has interviewee '{first}'; expected one interviewee per interview",
    },
}  # fmt: skip


@dataclass(frozen=True, eq=False)
class InterviewImport:
    """What :func:`import_interviews` found.

    ``ties`` are tidy ties (``wijk, wave, source, target, tie_type, evidence,
    evidence_kind, quote, segment_id, reporter, source_file, source_row,
    source_column, answers``), one per mentioned actor and relation;
    ``write_ins`` the mentions not matched to an actor (``wijk, wave,
    respondent, name, tie_types, quote, segment_id, label, source_file,
    source_row, source_column``); ``themes`` one row per theme code of a
    segment (columns :data:`THEME_FIELDS`: the tidy ``themes`` table, with
    ``actors`` the matched actors the segment mentions, ``;``-separated,
    ``interviewee`` the interviewee's actor id, and the provenance); ``problems`` notes that did not stop the import.
    """

    ties: pd.DataFrame
    write_ins: pd.DataFrame
    problems: tuple[Problem, ...] = ()
    themes: pd.DataFrame = dataclasses.field(
        default_factory=lambda: pd.DataFrame(columns=THEME_FIELDS)
    )
    segments: int = 0
    interviews: int = 0


TIE_FIELDS = ["wijk", "wave", "source", "target", "tie_type", "evidence", "evidence_kind", "quote", "segment_id", "reporter",
              "source_file", "source_row", "source_column", "answers"]  # fmt: skip
WRITE_IN_FIELDS = ["wijk", "wave", "respondent", "name", "tie_types", "evidence_kind", "label", "quote", "segment_id",
                   "interview_id", "source_file", "source_row", "source_column", "score", "candidates"]  # fmt: skip


def _plain(value: str) -> str:
    s = unicodedata.normalize("NFKD", str(value))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(s.replace("_", " ").split())


def parse_code(code: str) -> tuple[str, str] | None:
    r"""The meaning of one code: ``(field, value)`` or ``None`` for a code outside the convention.

    ``field`` is ``"actor"``, ``"relation"`` (value: the tie type, or ``"?"``
    plus the text for an unknown relation), ``"from"``, ``"interviewee"``,
    ``"wijk"`` or ``"theme"`` (value: the theme in lower case, whitespace
    collapsed; a MAXQDA sub-code path after ``Thema\`` is kept). Prefix and value are separated by ``:``, ``\`` or ``>``
    (MAXQDA writes sub-codes as ``Parent\Child``).

    >>> parse_code("actor: Huisartsenpraktijk De Linde (fictief)")
    ('actor', 'Huisartsenpraktijk De Linde (fictief)')
    >>> parse_code("Relatie\\werkt samen met")
    ('relation', 'samenwerking')
    >>> parse_code("wil verbinden")
    ('relation', 'wens')
    >>> parse_code("Thema\\Vertrouwen  tussen partners"), parse_code("thema: Drempels > Geld")
    (('theme', 'vertrouwen tussen partners'), ('theme', 'drempels > geld'))
    """
    code = str(code).strip()
    if not code:
        return None
    match = re.match(r"^\s*([^:\\>]+?)\s*(?::|\\|>)\s*(.*)$", code, flags=re.DOTALL)
    if match:
        prefix = PREFIXES.get(_plain(match.group(1)))
        if prefix is not None:
            value = match.group(2).strip()
            if prefix == "relation":
                return ("relation", RELATIONS.get(_plain(value), "?" + value))
            if prefix == "theme":
                return ("theme", " ".join(value.split()).lower())
            return (prefix, value)
    plain = _plain(code)
    if plain in RELATIONS:
        return ("relation", RELATIONS[plain])
    return None


def split_codes(cell: str) -> list[str]:
    """The codes of one cell: separated by ``;``, ``|`` or new lines."""
    return [c.strip() for c in re.split(r"[;\n\r|]+", str(cell)) if c.strip()]


# -- reading the three layouts into segments -------------------------------------------------------


@dataclass
class _Segment:
    interview: str
    text: str
    segment_id: str
    row: int
    text_column: str
    codes: list[tuple[str, int, str]]  # (code, row, column)
    interviewee: str = ""
    interviewee_at: tuple[int, str] | None = None
    wijk: str = ""
    wave: str = ""
    group: str = ""


def _find(columns, options) -> str | None:
    return next((c for c in options if c in columns), None)


def _need(
    df: pd.DataFrame, file: str, spec: dict, required: tuple[str, ...], problems: list[Problem]
) -> dict:
    found = {key: _find(df.columns, options) for key, options in spec.items()}
    for key in required:
        if found[key] is None:
            options = spec[key]
            problems.append(Problem(file, text(TEXTS, "missing_column", column=SPELLED.get(options[0], options[0]),
                                               expected=" / ".join(SPELLED.get(o, o) for o in options),
                                               found=", ".join(df.columns) or "-"), column=SPELLED.get(options[0], options[0])))  # fmt: skip
    return found


def read_segments(
    path: str | Path, fmt: str, *, with_notes: bool = False, sheet: str | None = None
):
    """The coded segments of a file of format ``fmt`` (one of :data:`FORMATS`) and the problems found.

    With ``with_notes`` also the notes of reading the file (cleaned cells,
    skipped sheets, columns not used) as a third item.
    """
    path = Path(path)
    file = path.name
    df = read_table(path, expected=("codes",), sheet=sheet)
    notes = list(df.attrs.get("notes", []))
    spec = {"interviews": SHEET_COLUMNS, "maxqda": MAXQDA_COLUMNS, "atlasti": ATLASTI_COLUMNS}.get(
        fmt, {}
    )
    known = {
        o for key, options in spec.items() if key != "comment" for o in options
    }  # comments are not read
    for column in df.columns:
        if column not in known:
            notes.append(Problem(file, text(TEXTS, "unused_column"), column=column))
    segments, problems = _read_segments(df, file, fmt)
    return (segments, problems, notes) if with_notes else (segments, problems)


def _read_segments(df: pd.DataFrame, file: str, fmt: str) -> tuple[list[_Segment], list[Problem]]:
    problems: list[Problem] = []
    segments: list[_Segment] = []
    if fmt == "interviews":
        c = _need(df, file, SHEET_COLUMNS, ("interview_id", "codes", "text"), problems)
        if problems:
            return [], problems
        for row, r in df.iterrows():
            if not any(str(v).strip() for v in r.values):
                continue
            interview = r[c["interview_id"]].strip()
            if not interview:
                problems.append(
                    Problem(
                        file,
                        text(TEXTS, "empty", what="interview_id"),
                        row=int(row),
                        column=c["interview_id"],
                    )
                )
                continue
            seg = _Segment(interview, r[c["text"]].strip(), r[c["segment_id"]].strip() if c["segment_id"] else "",
                           int(row), c["text"], [(code, int(row), c["codes"]) for code in split_codes(r[c["codes"]])])  # fmt: skip
            seg.segment_id = seg.segment_id or f"{interview}:{row}"
            if c["interviewee"] and r[c["interviewee"]].strip():
                seg.interviewee, seg.interviewee_at = (
                    r[c["interviewee"]].strip(),
                    (int(row), c["interviewee"]),
                )
            seg.wijk = r[c["wijk"]].strip() if c["wijk"] else ""
            seg.wave = r[c["wave"]].strip() if c["wave"] else ""
            segments.append(seg)
    elif fmt == "maxqda":
        c = _need(df, file, MAXQDA_COLUMNS, ("document", "code"), problems)
        if problems:
            return [], problems
        by_key: dict[tuple, _Segment] = {}
        by_range: dict[tuple, list[_Segment]] = {}
        for row, r in df.iterrows():
            if not any(str(v).strip() for v in r.values):
                continue
            document = r[c["document"]].strip()
            if not document:
                problems.append(
                    Problem(
                        file,
                        text(TEXTS, "empty", what="Document name"),
                        row=int(row),
                        column="Document name",
                    )
                )
                continue
            begin = r[c["begin"]].strip() if c["begin"] else ""
            end = r[c["end"]].strip() if c["end"] else ""
            seg_text = r[c["text"]].strip() if c["text"] else ""
            group = r[c["group"]].strip() if c["group"] else ""
            # Paragraph numbers alone do not identify a segment: two segments can share a paragraph.
            key = (
                (group, document, begin, end, seg_text)
                if (begin or end)
                else (group, document, seg_text or f"#{row}")
            )
            seg = by_key.get(key)
            if seg is None:
                seg_id = f"{document}:{begin}-{end}" if (begin or end) else f"{document}:{row}"
                seg = by_key[key] = _Segment(
                    document, seg_text, seg_id, int(row), "Segment", [], group=group
                )
                segments.append(seg)
                if begin or end:
                    by_range.setdefault((group, document, begin, end), []).append(seg)
            seg.codes.append((r[c["code"]], int(row), "Code"))
        for shared in (segs for segs in by_range.values() if len(segs) > 1):
            for seg in shared:
                seg.segment_id += "#" + hashlib.sha1(seg.text.encode("utf-8")).hexdigest()[:8]
    elif fmt == "atlasti":
        c = _need(df, file, ATLASTI_COLUMNS, ("document", "codes"), problems)
        if problems:
            return [], problems
        for row, r in df.iterrows():
            if not any(str(v).strip() for v in r.values):
                continue
            document = r[c["document"]].strip()
            if not document:
                problems.append(
                    Problem(
                        file, text(TEXTS, "empty", what="Document"), row=int(row), column="Document"
                    )
                )
                continue
            seg_text = (r[c["text"]] if c["text"] else "").strip() or (
                r[c["name"]] if c["name"] else ""
            ).strip()
            quote_id = r[c["id"]].strip() if c["id"] else ""
            group = r[c["groups"]].strip() if c["groups"] else ""
            segments.append(_Segment(document, seg_text, quote_id or f"{document}:{row}", int(row),
                                     "Quotation Content" if c["text"] else "Quotation Name",
                                     [(code, int(row), "Codes") for code in split_codes(r[c["codes"]])],
                                     group=split_codes(group)[0] if split_codes(group) else ""))  # fmt: skip
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return segments, problems


# -- from segments to ties -------------------------------------------------------------------------


class _Matcher:
    """Match mentions to the actors of a wijk (actor ids exactly, names with the registry)."""

    def __init__(self, actors: pd.DataFrame, aliases: dict[str, str] | None, threshold: float):
        self.actors = actors
        self.aliases = aliases or {}
        self.threshold = threshold
        self.ids = {str(a).casefold(): str(a) for a in actors["actor_id"]}
        self.wijk_of = dict(zip(actors["actor_id"].astype(str), actors["wijk"].astype(str)))
        self._cache: dict[tuple[str, str], dict] = {}

    def match(self, mention: str, wijk: str | None) -> dict:
        """``{"actor_id", "score", "accepted", "candidates"}`` of ``mention`` in ``wijk`` (``None``: all wijken)."""
        key = (mention, wijk or "")
        if key in self._cache:
            return self._cache[key]
        exact = self.ids.get(mention.strip().casefold())
        if exact and (wijk is None or self.wijk_of[exact] == wijk):
            result = {"actor_id": exact, "score": 1.0, "accepted": True, "candidates": []}
        else:
            from wijknet.resolve.matching import match_names

            pool = self.actors if wijk is None else self.actors[self.actors["wijk"] == wijk]
            aliases = {a: i for a, i in self.aliases.items() if i in set(pool["actor_id"])}
            found = (
                match_names([mention], pool, aliases=aliases, threshold=self.threshold)
                .iloc[0]
                .to_dict()
            )
            result = {"actor_id": found["actor_id"], "score": float(found["score"]), "accepted": bool(found["accepted"]),
                      "candidates": found["candidates"]}  # fmt: skip
        self._cache[key] = result
        return result


def _candidates(found: dict) -> str:
    names = ", ".join(f"{c['actor_id']} {c['label']}" for c in found.get("candidates", [])[:3])
    return text(TEXTS, "candidates", names=names) if names else ""


def import_interviews(
    path: str | Path,
    fmt: str,
    actors: pd.DataFrame,
    *,
    wave: str | None = None,
    wijk: str | None = None,
    aliases: dict[str, str] | None = None,
    threshold: float | None = None,
    sheet: str | None = None,
) -> InterviewImport:
    """Read a coded-interview file into interview tie observations and write-ins.

    Parameters
    ----------
    path : str or Path
        A coding sheet, MAXQDA coded-segments export or ATLAS.ti quotation
        export (CSV or ``.xlsx``).
    fmt : {"interviews", "maxqda", "atlasti"}
        The layout (see the module docstring).
    actors : pandas.DataFrame
        The actor registry (``actor_id``, ``wijk``, ``name``, ``organisation``).
    wave : str, optional
        The wave of the interviews; required unless a coding sheet has a ``wave`` column.
    wijk : str, optional
        The wijk of every interview; else from a ``wijk`` column or code, the
        document group, or the wijk of the interviewee's actor id.
    aliases : dict, optional
        Confirmed aliases (normalised name -> actor id) of the registry.
    threshold : float, optional
        Score from which a name is matched without a person confirming
        (default :data:`wijknet.resolve.matching.DEFAULT_THRESHOLD`).
    sheet : str, optional
        The sheet of a workbook (default: the first with data; the others give a note).

    Raises
    ------
    DataError
        Naming file, row and column of every problem: missing columns, unknown
        relations, relation codes without an actor, unknown interviewees,
        wijken or waves.
    """
    from wijknet.resolve.matching import DEFAULT_THRESHOLD

    path = Path(path)
    file = path.name
    segments, problems, read_notes = read_segments(path, fmt, with_notes=True, sheet=sheet)
    if problems:
        raise DataError(problems)
    actors = (
        actors.astype(str)
        if len(actors)
        else pd.DataFrame({c: pd.Series(dtype=str) for c in ("actor_id", "wijk", "name")})
    )
    matcher = _Matcher(actors, aliases, DEFAULT_THRESHOLD if threshold is None else threshold)
    wijken = sorted(set(actors["wijk"]))
    notes: list[Problem] = list(read_notes)

    # Per interview: interviewee and wijk (from columns, codes, document name or group).
    interviews: dict[str, dict] = {}
    for seg in segments:
        info = interviews.setdefault(seg.interview, {"interviewee": "", "at": None, "wijk": "", "wijk_at": None,
                                                     "group": seg.group, "row": seg.row})  # fmt: skip
        candidates = []
        if seg.interviewee:
            candidates.append((seg.interviewee, seg.interviewee_at))
        for code, row, column in seg.codes:
            parsed = parse_code(code)
            if parsed and parsed[0] == "interviewee" and parsed[1]:
                candidates.append((parsed[1], (row, column)))
            if parsed and parsed[0] == "wijk" and parsed[1] and not info["wijk"]:
                info["wijk"], info["wijk_at"] = parsed[1], (row, column)
        if seg.wijk and not info["wijk"]:
            info["wijk"], info["wijk_at"] = seg.wijk, (seg.row, "wijk")
        for value, at in candidates:
            if not info["interviewee"]:
                info["interviewee"], info["at"] = value, at
            elif _plain(value) != _plain(info["interviewee"]):
                problems.append(Problem(file, text(TEXTS, "two_interviewees", interview=seg.interview, first=info["interviewee"]),
                                        row=at[0], column=at[1]))  # fmt: skip
    for name, info in interviews.items():
        given_wijk = wijk or info["wijk"]
        if given_wijk and given_wijk not in wijken:
            at = info["wijk_at"] or (None, "--wijk")
            problems.append(Problem(file if info["wijk_at"] else "--wijk", text(TEXTS, "unknown_wijk", value=given_wijk,
                                    wijken=", ".join(wijken) or "-"), row=at[0], column=at[1]))  # fmt: skip
            info["ok"] = False
            continue
        if not given_wijk and info["group"] in wijken:
            given_wijk = info["group"]
        interviewee = info["interviewee"]
        at = info["at"]
        if not interviewee and fmt != "interviews":
            token = re.match(r"\s*([\w.-]+)", name)
            if token and token.group(1).casefold() in matcher.ids:
                interviewee, at = (
                    token.group(1),
                    (info["row"], "Document name" if fmt == "maxqda" else "Document"),
                )
        if not interviewee:
            column = (
                "interviewee"
                if fmt == "interviews"
                else ("Document name" if fmt == "maxqda" else "Document")
            )
            problems.append(
                Problem(
                    file,
                    text(TEXTS, "no_interviewee", interview=name),
                    row=info["row"],
                    column=column,
                )
            )
            info["ok"] = False
            continue
        found = matcher.match(interviewee, given_wijk or None)
        if not found["accepted"]:
            where = (
                text(TEXTS, "a_wijk", wijk=given_wijk) if given_wijk else text(TEXTS, "all_wijken")
            )
            problems.append(Problem(file, text(TEXTS, "interviewee_unknown", value=interviewee, where=where,
                                               candidates=_candidates(found)), row=at[0], column=at[1]))  # fmt: skip
            info["ok"] = False
            continue
        info["actor"] = found["actor_id"]
        info["wijk"] = given_wijk or matcher.wijk_of[found["actor_id"]]
        info["ok"] = True

    ties, write_ins, themes = [], [], []
    for seg in segments:
        info = interviews[seg.interview]
        if not info.get("ok"):
            continue
        seg_wave = seg.wave or wave or ""
        if not seg_wave:
            problems.append(Problem(file, text(TEXTS, "no_wave"), row=seg.row, column="wave"))
            continue
        if wave and seg.wave and seg.wave != wave:
            problems.append(
                Problem(
                    file,
                    text(TEXTS, "wave_differs", value=seg.wave, wave=wave),
                    row=seg.row,
                    column="wave",
                )
            )
            continue
        seg_wijk, interviewee = info["wijk"], info["actor"]
        mentions, relations, source, seg_themes = [], [], None, []
        for code, row, column in seg.codes:
            parsed = parse_code(code)
            if parsed is None or parsed[0] in ("interviewee", "wijk"):
                continue
            kind, value = parsed
            if kind == "theme":
                if not value:
                    problems.append(Problem(file, text(TEXTS, "empty_code", code=code.strip()), row=row,
                                            column=column))  # fmt: skip
                elif value not in [t for t, _, _ in seg_themes]:
                    seg_themes.append((value, row, column))
                continue
            if kind == "relation":
                if value.startswith("?"):
                    problems.append(
                        Problem(
                            file,
                            text(TEXTS, "unknown_relation", value=value[1:]),
                            row=row,
                            column=column,
                        )
                    )
                elif value not in relations:
                    relations.append(value)
                continue
            if not value:
                problems.append(
                    Problem(
                        file, text(TEXTS, "empty_code", code=code.strip()), row=row, column=column
                    )
                )
                continue
            if kind == "from":
                found = matcher.match(value, seg_wijk)
                if not found["accepted"]:
                    problems.append(Problem(file, text(TEXTS, "from_unknown", value=value, wijk=seg_wijk,
                                                       candidates=_candidates(found)), row=row, column=column))  # fmt: skip
                else:
                    source = found["actor_id"]
                continue
            mentions.append((value, row, column))
        if seg_themes:
            named = []
            for value, _, _ in mentions:
                found = matcher.match(value, seg_wijk)
                if found["accepted"] and found["actor_id"] not in named:
                    named.append(found["actor_id"])
            themes += [{"wijk": seg_wijk, "wave": seg_wave, "interview_id": seg.interview, "theme": value,
                        "segment_id": seg.segment_id, "quote": seg.text, "actors": ";".join(named),
                        "interviewee": interviewee, "source_file": file,
                        "source_row": str(row), "source_column": column} for value, row, column in seg_themes]  # fmt: skip
        if relations and not mentions:
            row, column = next(
                (
                    (r, c)
                    for code, r, c in seg.codes
                    if (parse_code(code) or ("",))[0] == "relation"
                ),
                (seg.row, ""),
            )
            problems.append(
                Problem(file, text(TEXTS, "relation_without_actor"), row=row, column=column)
            )
            continue
        if mentions and not relations:
            for value, row, column in mentions:
                notes.append(
                    Problem(
                        file,
                        text(TEXTS, "actor_without_relation", mention=value),
                        row=row,
                        column=column,
                    )
                )
            continue
        reporter = source or interviewee
        label = f"gesprek {seg.interview}"
        for value, row, column in mentions:
            found = matcher.match(value, seg_wijk)
            if found["accepted"] and found["actor_id"] == reporter:
                notes.append(
                    Problem(file, text(TEXTS, "self", mention=value), row=row, column=column)
                )
                continue
            if found["accepted"]:
                answers = json.dumps({"mention": value, "score": str(round(found["score"], 4)), "interview_id": seg.interview,
                                      "interviewee": interviewee}, ensure_ascii=False, sort_keys=True)  # fmt: skip
                for tie_type in relations:
                    ties.append({"wijk": seg_wijk, "wave": seg_wave, "source": reporter, "target": found["actor_id"],
                                 "tie_type": tie_type, "evidence": label, "evidence_kind": "interview", "quote": seg.text,
                                 "segment_id": seg.segment_id, "reporter": reporter, "source_file": file,
                                 "source_row": str(row), "source_column": column, "answers": answers})  # fmt: skip
            else:
                write_ins.append({"wijk": seg_wijk, "wave": seg_wave, "respondent": reporter, "name": value,
                                  "tie_types": ";".join(relations), "evidence_kind": "interview", "label": label,
                                  "quote": seg.text, "segment_id": seg.segment_id, "interview_id": seg.interview,
                                  "source_file": file, "source_row": str(row), "source_column": column,
                                  "score": str(round(found["score"], 4)),
                                  "candidates": ", ".join(c["actor_id"] for c in found["candidates"])})  # fmt: skip
    if problems:
        raise DataError(problems)
    return InterviewImport(
        ties=pd.DataFrame(ties, columns=TIE_FIELDS).astype(str),
        write_ins=pd.DataFrame(write_ins, columns=WRITE_IN_FIELDS).astype(str),
        problems=tuple(notes), segments=len(segments), interviews=len(interviews),
        themes=pd.DataFrame(themes, columns=THEME_FIELDS).astype(str),
    )  # fmt: skip
