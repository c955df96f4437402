"""From recognised export columns to an :class:`~wijknet.ingest.batch.ImportBatch`.

The tool importers (:mod:`.qualtrics`, :mod:`.limesurvey`) find the header
rows and say which column holds which question (a :class:`Column`); the rest
is the same for every tool and lives here: reading the answers against the
instrument's scales, identifying the respondent and the wijk, turning roster
answers into ties and collecting write-ins. Every problem that makes the
input unusable is collected and raised together as one
:class:`~wijknet.core.errors.DataError`; nothing is returned partially.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.ties import ALTER_ANSWERS, SURVEY_LABEL, survey_ties
from wijknet.ingest.batch import (
    RESPONDENT_COLUMNS,
    RESPONSE_COLUMNS,
    TIE_COLUMNS,
    WRITE_IN_COLUMNS,
    ImportBatch,
)
from wijknet.ingest.grid import Grid
from wijknet.ingest.instrument import Instrument, Option, Question
from wijknet.ingest.roster import Roster

EVIDENCE = SURVEY_LABEL
_YES_NO_ALIASES = {
    "y": "ja",
    "j": "ja",
    "n": "nee",
    "yes": "ja",
    "no": "nee",
    "true": "ja",
    "false": "nee",
}
_SELECTED = {"1", "y", "yes", "ja", "j", "x", "true", "waar"}
_NOT_SELECTED = {
    "0",
    "n",
    "no",
    "nee",
    "false",
    "onwaar",
    "not selected",
    "niet geselecteerd",
    "niet gekozen",
}
_WHOLE = re.compile(r"^-?\d+(?:[.,]0+)?$")

TEXTS = {
    "answer": {
        "nl": "'{value}' is geen geldig antwoord op '{question}'; verwacht een code ({codes}), een antwoordtekst of leeg",
        "en": "'{value}' is not a valid answer to '{question}'; expected a code ({codes}), an answer text or empty",
    },
    "selected": {
        "nl": "'{value}' is geen geldig antwoord bij een keuzevakje; verwacht leeg, 1, Y/Ja of de optietekst",
        "en": "'{value}' is not a valid check-box answer; expected empty, 1, Y/Yes or the option text",
    },
    "no_columns": {
        "nl": "geen enkele kolom van het instrument {instrument} gevonden; verwacht kolommen zoals {examples}. "
              "Klopt het programma (--tool), het scheidingsteken en de export met vraagcodes als kolomnamen?",
        "en": "no column of the instrument {instrument} found; expected columns such as {examples}. "
              "Are the tool (--tool), the delimiter and an export with question codes as column names right?",
    },
    "no_id_column": {
        "nl": "de kolom met het actor-id van de respondent ontbreekt; verwacht '{column}' (verborgen variabele uit de uitnodigingslink)",
        "en": "the column with the respondent's actor id is missing; expected '{column}' (hidden variable from the invitation link)",
    },
    "no_data": {"nl": "het bestand heeft kopregels maar geen antwoorden", "en": "the file has header rows but no answers"},
    "short_row": {
        "nl": "deze rij heeft {found} velden waar de kopregel er {expected} heeft; is het bestand afgebroken?",
        "en": "this row has {found} fields where the header has {expected}; was the file cut off?",
    },
    "long_row": {
        "nl": "deze rij heeft gegevens in kolom {n}, voorbij de laatste kolom van de kopregel; klopt het scheidingsteken?",
        "en": "this row has data in column {n}, beyond the last column of the header; is the delimiter right?",
    },
    "no_actor_id": {
        "nl": "geen actor-id; de respondent is niet te koppelen en alleen bij de respondenten bewaard (geen relaties of antwoorden)",
        "en": "no actor id; the respondent cannot be linked and is kept among the respondents only (no ties or answers)",
    },
    "unknown_respondent": {
        "nl": "onbekende respondent '{value}'; verwacht een actor_id uit {actors}",
        "en": "unknown respondent '{value}'; expected an actor_id from {actors}",
    },
    "absent": {
        "nl": "respondent '{value}' doet in meting '{wave}' niet mee (first_wave/last_wave in {actors})",
        "en": "respondent '{value}' does not take part in wave '{wave}' (first_wave/last_wave in {actors})",
    },
    "duplicate": {
        "nl": "respondent '{value}' heeft de vragenlijst al ingevuld in rij {first}; één respons per actor en meting",
        "en": "respondent '{value}' already answered in row {first}; one response per actor and wave",
    },
    "wijk_mismatch": {
        "nl": "wijk '{value}' past niet bij de gevraagde wijk '{expected}'",
        "en": "wijk '{value}' does not match the requested wijk '{expected}'",
    },
    "unknown_wijk": {
        "nl": "onbekende wijk '{value}'; verwacht een van: {expected}",
        "en": "unknown wijk '{value}'; expected one of: {expected}",
    },
    "no_wijk": {
        "nl": "de wijk is onbekend: geen kolom '{name}' en geen --wijk; geef de wijk op",
        "en": "the wijk is unknown: no column '{name}' and no --wijk; give the wijk",
    },
    "respondent_wijk": {
        "nl": "respondent '{value}' hoort bij wijk '{actor_wijk}', maar de respons is voor wijk '{wijk}'",
        "en": "respondent '{value}' belongs to wijk '{actor_wijk}', but the response is for wijk '{wijk}'",
    },
    "position": {
        "nl": "rolpositie {position} bestaat niet: de rol van wijk '{wijk}' heeft {size} posities ({source})",
        "en": "roster position {position} does not exist: the roster of wijk '{wijk}' has {size} positions ({source})",
    },
    "write_in_number": {
        "nl": "zelf ingevulde partij {number} bestaat niet; het instrument staat er hoogstens {max} toe",
        "en": "written-in party {number} does not exist; the instrument allows at most {max}",
    },
    "self": {
        "nl": "de respondent beantwoordde de vragen over zichzelf (rolpositie {position}); genegeerd",
        "en": "the respondent answered the questions about themselves (roster position {position}); ignored",
    },
    "not_known": {
        "nl": "vervolgvragen beantwoord voor iemand die de respondent niet kent (rolpositie {position}); genegeerd",
        "en": "follow-up questions answered for someone the respondent does not know (roster position {position}); ignored",
    },
    "no_name": {
        "nl": "antwoorden over zelf ingevulde partij {number} zonder naam; genegeerd",
        "en": "answers about written-in party {number} without a name; ignored",
    },
    "skipped": {"nl": "overgeslagen: {reason}", "en": "skipped: {reason}"},
    "wave": {
        "nl": "meting '{value}' staat niet in de lijst 'waves' van wijknet.yaml ({expected})",
        "en": "wave '{value}' is not in the 'waves' list of wijknet.yaml ({expected})",
    },
    "dup_column": {
        "nl": "de kolom bevat dezelfde vraag ('{question}') als kolom '{other}'",
        "en": "the column holds the same question ('{question}') as column '{other}'",
    },
    "empty_wave": {"nl": "de meting (--wave) is leeg", "en": "the wave (--wave) is empty"},
    "unused_meta": {
        "nl": "kolom niet gebruikt: gegevens van {tool} die wijknet niet nodig heeft",
        "en": "column not used: {tool} data that wijknet does not need",
    },
    "unknown_column": {
        "nl": "kolom niet gebruikt: geen vraag van instrument {instrument} (verwacht namen als in het codeboek)",
        "en": "column not used: not a question of instrument {instrument} (expected names as in the codebook)",
    },
    "missing_questions": {
        "nl": "{n} vraag/vragen van het instrument staan niet in de export; die antwoorden blijven leeg: {questions}",
        "en": "{n} question(s) of the instrument are not in the export; those answers stay empty: {questions}",
    },
    "mismatch": {
        "nl": "de vragen van de export passen niet bij instrument {instrument}: ontbrekende vragen {missing}; onbekende "
              "kolommen {unknown}. Is een vraag hernoemd? Geef de vragen de namen uit het codeboek{hint}. Is een vraag "
              "bewust uit de enquête gelaten? Geef dan --allow-missing VRAAG (bijv. --allow-missing write_in.trust_open)",
        "en": "the questions of the export do not match instrument {instrument}: missing questions {missing}; unknown "
              "columns {unknown}. Was a question renamed? Give the questions the names of the codebook{hint}. Was a "
              "question left out of the survey on purpose? Then give --allow-missing QUESTION (e.g. --allow-missing "
              "write_in.trust_open)",
    },
    "bad_allow_missing": {
        "nl": "'{names}' is geen vraag van instrument {instrument}; geef een vraag (zoals {examples}), een sleutel of een groep",
        "en": "'{names}' is not a question of instrument {instrument}; give a question (such as {examples}), a key or a group",
    },
}  # fmt: skip
#: The questions an export must have (or be allowed to miss): without them the survey gives no network
#: (knows, frequency, intensity, referral) and no KPI 3; the respondent's actor id is checked by assemble.
CORE = (("roster", "knows"), ("roster", "frequency"), ("roster", "intensity"), ("roster", "referral"),
        ("respondent", "kpi3"), ("respondent", "active"))  # fmt: skip


@dataclass(frozen=True)
class Column:
    """An export column recognised as (part of) a question.

    ``position`` is the roster position or write-in number of per-alter
    questions; ``option`` the option of a multi-select column split per
    option (``None``: one column with all chosen options).
    """

    index: int
    name: str
    question: Question
    position: int | None = None
    option: Option | None = None


@dataclass(frozen=True)
class Export:
    """What a tool importer hands over: the grid, its header and the recognised columns."""

    grid: Grid
    header_rows: int
    header: tuple[str, ...]
    columns: tuple[Column, ...]
    response_id: int | None = None
    finished: int | None = None
    skip: dict | None = None  # data row index -> reason (e.g. a survey preview)
    notes: tuple[Problem, ...] = ()  # from reading the file and matching its columns


def _lookup(question: Question) -> dict[str, Option | None]:
    """Answer spellings -> option (``None`` for the "don't know" option)."""
    table: dict[str, Option | None] = {}
    scale = question.scale
    for o in scale.options:
        for spelling in (str(o.code), o.key, o.nl, o.en):
            table.setdefault(spelling.casefold(), o)
    if scale.dont_know is not None:
        o = scale.dont_know
        for spelling in (str(o.code), o.key, o.nl, o.en):
            table.setdefault(spelling.casefold(), None)
    keys = {o.key for o in scale.options}
    if keys == {"ja", "nee"}:
        by_key = {o.key: o for o in scale.options}
        for alias, key in _YES_NO_ALIASES.items():
            table.setdefault(alias, by_key[key])
    return table


class _Reader:
    """Reads cells against the instrument; collects fatal problems."""

    def __init__(self, instrument: Instrument, file: str):
        self.instrument = instrument
        self.file = file
        self.fatal: list[Problem] = []
        self._lookups: dict[tuple[str, str], dict] = {}

    def lookup(self, q: Question) -> dict:
        key = (q.scope, q.key)
        if key not in self._lookups:
            self._lookups[key] = _lookup(q)
        return self._lookups[key]

    def fail(self, row: int | None, column: str | None, key: str, **values) -> None:
        self.fatal.append(Problem(self.file, text(TEXTS, key, **values), row=row, column=column))

    def single(self, q: Question, raw: str, row: int, column: str) -> str:
        """The stored value of a single-answer cell, ``""`` for no answer."""
        value = raw.strip()
        if self.instrument.is_missing(value):
            return ""
        if _WHOLE.match(value):
            value = str(int(value.replace(",", ".").split(".")[0]))
            if value in self.instrument.missing_codes:
                return ""
        table = self.lookup(q)
        folded = " ".join(value.split()).casefold()
        if folded in table:
            option = table[folded]
            return "" if option is None else q.scale.stored(option)
        codes = ", ".join(str(o.code) for o in q.scale.options)
        self.fail(row, column, "answer", value=raw, question=q.key, codes=codes)
        return ""

    def multi(self, q: Question, raw: str, row: int, column: str) -> list[Option]:
        """The options chosen in a combined multi-select cell (``"1,3"`` or texts)."""
        value = raw.strip()
        if self.instrument.is_missing(value):
            return []
        table = self.lookup(q)
        chosen = []
        for part in re.split(r"[,;]", value):
            part = " ".join(part.split()).casefold()
            if not part:
                continue
            if _WHOLE.match(part):
                part = str(int(part.replace(",", ".").split(".")[0]))
            option = table.get(part, False)
            if option is False:
                codes = ", ".join(str(o.code) for o in q.scale.options)
                self.fail(row, column, "answer", value=raw, question=q.key, codes=codes)
                return []
            if option is not None and option not in chosen:
                chosen.append(option)
        return chosen

    def selected(self, q: Question, option: Option, raw: str, row: int, column: str) -> bool:
        """Whether a split multi-select cell marks ``option`` as chosen."""
        value = " ".join(raw.split()).casefold()
        if value in _NOT_SELECTED or self.instrument.is_missing(value):
            return False
        if value in _SELECTED or value in {
            str(option.code),
            option.key.casefold(),
            option.nl.casefold(),
            option.en.casefold(),
        }:
            return True
        self.fail(row, column, "selected", value=raw)
        return False


def assemble(
    export: Export,
    *,
    tool: str,
    instrument: Instrument,
    roster: Roster,
    project,
    wave: str,
    wijk: str | None,
) -> ImportBatch:
    """Build the :class:`ImportBatch` of a recognised export; see the module docstring.

    Raises
    ------
    DataError
        Every problem that makes the input unusable, with file, row and column.
    """
    grid = export.grid
    file = grid.file
    reader = _Reader(instrument, file)
    wave = str(wave).strip()
    if not wave:
        raise DataError([Problem(file, text(TEXTS, "empty_wave"))])
    if project is not None and project.config.waves and wave not in project.config.waves:
        raise DataError(
            [
                Problem(
                    file, text(TEXTS, "wave", value=wave, expected=", ".join(project.config.waves))
                )
            ]
        )
    if not any(c.question.scope != "embedded" for c in export.columns):
        examples = ", ".join([instrument.question("actor_id").column(tool), instrument.question("knows", "roster").column(tool, 1),
                              instrument.question("kpi3").column(tool)])  # fmt: skip
        # A workbook sheet that was not read may be the export: say so with the stop.
        sheets = [n for n in grid.notes if n.row is None]
        raise DataError(
            [
                Problem(
                    file, text(TEXTS, "no_columns", instrument=instrument.label, examples=examples)
                )
            ]
            + sheets
        )
    by_key: dict[tuple[str, str], list[Column]] = {}
    for c in export.columns:
        by_key.setdefault((c.question.group, c.question.key), []).append(c)
    id_columns = by_key.get(("respondent", "actor_id"))
    if not id_columns:
        raise DataError([Problem(file, text(TEXTS, "no_id_column", column=instrument.question("actor_id").column(tool)),
                                 column=instrument.question("actor_id").column(tool))])  # fmt: skip
    id_column = id_columns[0]
    wijk_columns = by_key.get(("respondent", "wijk"))
    wijk_column = wijk_columns[0] if wijk_columns else None
    wanted_wijk = None
    if wijk is not None and str(wijk).strip():
        wanted_wijk = roster.find_wijk(str(wijk))
        if wanted_wijk is None:
            raise DataError(
                [
                    Problem(
                        file,
                        text(
                            TEXTS,
                            "unknown_wijk",
                            value=wijk,
                            expected=", ".join(sorted(roster.wijken)),
                        ),
                    )
                ]
            )

    # Rows: the header width check (a cut-off or mis-delimited file) comes first.
    width = len(export.header)
    data = list(
        zip(
            grid.numbers[export.header_rows :],
            grid.rows[export.header_rows :],
            grid.widths[export.header_rows :],
        )
    )
    for number, cells, found in data:
        if grid.delimiter is not None and found < width:
            reader.fail(number, None, "short_row", found=found, expected=width)
        extra = [i for i in range(width, len(cells)) if cells[i] != ""]
        if extra:
            reader.fail(number, None, "long_row", n=extra[0] + 1)
    if reader.fatal:
        raise DataError(reader.fatal)
    if not data:
        raise DataError([Problem(file, text(TEXTS, "no_data"))])

    respondent_qs = [
        c for c in export.columns if c.question.scope in ("respondent", "embedded", "perception")
    ]
    alter_cols = [c for c in export.columns if c.question.per_alter]
    notes: list[Problem] = list(grid.notes) + list(export.notes)
    ties: list[dict] = []
    responses: list[dict] = []
    respondents: list[dict] = []
    write_ins: list[dict] = []
    first_row: dict[str, int] = {}
    skip = export.skip or {}

    for i, (number, cells, _) in enumerate(data):
        if i in skip:
            notes.append(Problem(file, text(TEXTS, "skipped", reason=skip[i]), row=number))
            continue
        answers = _respondent_answers(reader, respondent_qs, cells, number)
        actor = cells[id_column.index].strip()
        row_wijk = _row_wijk(reader, roster, cells, number, wijk_column, wanted_wijk, actor, file)
        respondent = {c: "" for c in RESPONDENT_COLUMNS}
        respondent.update(
            {
                k: answers.get(k, "")
                for k in ("organisation", "role", "domain", "pluswijkteam", "kernaanpakken")
            }
        )
        respondent.update(wijk=row_wijk or "", wave=wave, actor_id=actor, source_file=file, source_row=str(number),
                          response_id=cells[export.response_id] if export.response_id is not None else "",
                          finished=cells[export.finished] if export.finished is not None else "")  # fmt: skip
        respondents.append(respondent)
        if not actor:
            notes.append(
                Problem(file, text(TEXTS, "no_actor_id"), row=number, column=id_column.name)
            )
            continue
        if not _check_respondent(
            reader, roster, actor, row_wijk, wave, number, id_column.name, first_row
        ):
            continue
        responses.append({"wijk": row_wijk, "wave": wave, "actor_id": actor, "kpi3": answers.get("kpi3", ""),
                          "active": answers.get("active", ""), "participation_level": answers.get("participation_level", ""),
                          "source_file": file, "source_row": str(number)})  # fmt: skip
        alters = _alter_answers(reader, alter_cols, cells, number)
        _roster_ties(
            reader,
            notes,
            ties,
            roster,
            alters.get("roster", {}),
            actor,
            row_wijk,
            wave,
            number,
            file,
        )
        _write_ins(
            reader,
            notes,
            write_ins,
            instrument,
            alters.get("write_in", {}),
            actor,
            row_wijk,
            wave,
            number,
            file,
        )

    if reader.fatal:
        raise DataError(sorted(reader.fatal, key=lambda p: (p.row or 0, p.column or "")))
    return ImportBatch(
        tool=tool,
        source_file=file,
        wave=wave,
        instrument=instrument.label,
        ties=pd.DataFrame(_merge_referrals(ties), columns=TIE_COLUMNS),
        responses=pd.DataFrame(responses, columns=RESPONSE_COLUMNS),
        respondents=pd.DataFrame(respondents, columns=RESPONDENT_COLUMNS),
        write_ins=pd.DataFrame(write_ins, columns=WRITE_IN_COLUMNS),
        problems=tuple(notes),
    )


def _respondent_answers(
    reader: _Reader, columns: list[Column], cells, number: int
) -> dict[str, str]:
    answers: dict[str, str] = {}
    chosen: dict[str, list[Option]] = {}
    for c in columns:
        q, raw = c.question, cells[c.index]
        if q.type == "text":
            answers.setdefault(q.key, raw.strip())
        elif q.type == "single":
            answers[q.key] = reader.single(q, raw, number, c.name) or answers.get(q.key, "")
        elif c.option is not None:
            if reader.selected(q, c.option, raw, number, c.name):
                chosen.setdefault(q.key, []).append(c.option)
        else:
            chosen.setdefault(q.key, []).extend(reader.multi(q, raw, number, c.name))
    for key, options in chosen.items():
        q = next(c.question for c in columns if c.question.key == key)
        ordered = [o for o in q.scale.options if o in options]
        answers[key] = ";".join(q.scale.stored(o) for o in ordered)
    return answers


def _row_wijk(
    reader, roster: Roster, cells, number, wijk_column, wanted, actor, file
) -> str | None:
    value = cells[wijk_column.index].strip() if wijk_column is not None else ""
    if value:
        found = roster.find_wijk(value)
        if found is None:
            reader.fail(
                number,
                wijk_column.name,
                "unknown_wijk",
                value=value,
                expected=", ".join(sorted(roster.wijken)),
            )
            return None
        if wanted is not None and found != wanted:
            reader.fail(number, wijk_column.name, "wijk_mismatch", value=value, expected=wanted)
            return None
        return found
    if wanted is not None:
        return wanted
    if actor and actor in roster.members:
        return roster.members[actor]
    if actor:
        column = wijk_column.name if wijk_column is not None else "wijk"
        reader.fail(number, column, "no_wijk", name=column)
    return None


def _check_respondent(reader, roster: Roster, actor, wijk, wave, number, column, first_row) -> bool:
    if actor in first_row:
        reader.fail(number, column, "duplicate", value=actor, first=first_row[actor])
        return False
    first_row[actor] = number
    if actor not in roster.members:
        reader.fail(number, column, "unknown_respondent", value=actor, actors=roster.source)
        return False
    if wijk is None:
        return False
    if roster.members[actor] != wijk:
        reader.fail(
            number,
            column,
            "respondent_wijk",
            value=actor,
            actor_wijk=roster.members[actor],
            wijk=wijk,
        )
        return False
    if roster.present is not None and actor not in roster.present:
        reader.fail(number, column, "absent", value=actor, wave=wave, actors=roster.source)
        return False
    return True


def _alter_answers(
    reader: _Reader, columns: list[Column], cells, number: int
) -> dict[str, dict[int, dict]]:
    """``{scope: {position: {key: (value, column)}}}`` of the answered per-alter cells."""
    out: dict[str, dict[int, dict]] = {}
    for c in columns:
        raw = cells[c.index]
        if raw.strip() == "":
            continue
        q = c.question
        value = raw.strip() if q.type == "text" else reader.single(q, raw, number, c.name)
        if value == "" and q.key != "knows":
            continue
        out.setdefault(q.scope, {}).setdefault(c.position, {})[q.key] = (value, c.name)
    return out


def _roster_ties(
    reader, notes, ties, roster: Roster, by_position, actor, wijk, wave, number, file
) -> None:
    size = roster.size(wijk)
    for position in sorted(by_position):
        answers = by_position[position]
        answered = {k: v for k, v in answers.items() if v[0] != ""}
        if not answered:
            continue
        target = roster.actor_at(wijk, position)
        if target is None:
            column = next(iter(answered.values()))[1]
            reader.fail(
                number,
                column,
                "position",
                position=position,
                wijk=wijk,
                size=size,
                source=roster.source,
            )
            continue
        if target == actor:
            if set(answered) == {"knows"} and answered["knows"][0] == "nee":
                continue  # "I do not know myself": nothing to note
            notes.append(
                Problem(
                    file,
                    text(TEXTS, "self", position=position),
                    row=number,
                    column=next(iter(answered.values()))[1],
                )
            )
            continue
        knows = answered.get("knows", ("", None))[0]
        follow_ups = {k: v for k, v in answered.items() if k != "knows"}
        if knows == "nee":
            if follow_ups:
                notes.append(Problem(file, text(TEXTS, "not_known", position=position), row=number,
                                     column=next(iter(follow_ups.values()))[1]))  # fmt: skip
            continue
        if knows != "ja" and not follow_ups:
            continue
        values = {k: answered.get(k, ("", None))[0] for k in ALTER_ANSWERS}
        frequency = values["frequency"]
        base = {"wijk": wijk, "wave": wave, "weight": frequency, "evidence": EVIDENCE.format(wave=wave),
                "knows": knows or "ja", **values, "reporter": actor, "source_file": file, "source_row": str(number)}  # fmt: skip
        origin = answers.get("knows", (None, None))[1] or next(iter(answered.values()))[1]
        ref_column = answered.get("referral", ("", origin))[1]
        for source, tie_target, tie_type in survey_ties(
            actor, target, values["intensity"], values["referral"]
        ):
            column = ref_column if tie_type == "verwijzing" else origin
            ties.append({**base, "source": source, "target": tie_target, "tie_type": tie_type,
                         "source_column": column})  # fmt: skip


def _write_ins(
    reader, notes, write_ins, instrument: Instrument, by_number, actor, wijk, wave, number, file
) -> None:
    for k in sorted(by_number):
        answers = by_number[k]
        answered = {key: v for key, v in answers.items() if v[0] != ""}
        if not answered:
            continue
        if not 1 <= k <= instrument.max_write_ins:
            reader.fail(
                number,
                next(iter(answered.values()))[1],
                "write_in_number",
                number=k,
                max=instrument.max_write_ins,
            )
            continue
        if "name" not in answered:
            notes.append(
                Problem(
                    file,
                    text(TEXTS, "no_name", number=k),
                    row=number,
                    column=next(iter(answered.values()))[1],
                )
            )
            continue
        row = {c: "" for c in WRITE_IN_COLUMNS}
        row.update({key: v[0] for key, v in answered.items() if key in WRITE_IN_COLUMNS})
        row.update(wijk=wijk, wave=wave, respondent=actor, number=str(k), source_file=file, source_row=str(number),
                   source_column=answered["name"][1])  # fmt: skip
        write_ins.append(row)


def _merge_referrals(ties: list[dict]) -> list[dict]:
    """One row per (wijk, wave, source, target, tie_type): a referral both sides report is merged."""
    merged: dict[tuple, dict] = {}
    for tie in ties:
        key = (tie["wijk"], tie["wave"], tie["source"], tie["target"], tie["tie_type"])
        if key not in merged:
            merged[key] = dict(tie)
            continue
        kept = merged[key]
        for column in ("reporter", "source_row", "source_column"):
            kept[column] = f"{kept[column]};{tie[column]}"
        if tie["weight"] and (
            not kept["weight"] or int(tie["weight"]) > int(kept["weight"].split(";")[0])
        ):
            kept["weight"] = tie["weight"]
    return list(merged.values())


def unused_notes(file: str, names, label: str) -> list[Problem]:
    """One note per column of ``file`` that the import of ``label`` (e.g. ``"Qualtrics"``) does not use.

    For columns the tool writes itself (dates, IP address, bookkeeping ids):
    the note says wijknet does not need them, so nothing is left out in silence.
    """
    return [
        Problem(file, text(TEXTS, "unused_meta", tool=label), column=name)
        for name in names
        if str(name).strip()
    ]


def column_notes(
    instrument: Instrument,
    tool: str,
    label: str,
    file: str,
    header,
    columns,
    used: set[int],
    is_meta,
    hint: str = "",
    allow_missing=(),
) -> list[Problem]:
    """Notes for every export column the import does not use; stop when the export does not match the instrument.

    The rule (docs/instrument.md, "Nothing in silence"):

    * a column that is neither a question of the instrument nor data the
      tool writes itself stops the import: it is a renamed question or one
      of another instrument, and its answers would be lost. The message lists
      the unknown columns together with every missing question, so that a
      rename shows as the pair it is;
    * a question of :data:`CORE` without a column stops the import too
      (the survey would give no network or no KPI 3), unless it is named in
      ``allow_missing`` (left out of the survey on purpose);
    * any other missing question (the optional profile, PARTNER trust and
      value, participation-ladder and write-in detail items) gives a note;
    * columns the tool writes itself (dates, IP address, ...) give a note.

    The embedded fields (actor id, wijk) are checked by :func:`assemble`,
    with their own messages.

    Parameters
    ----------
    header : sequence of str
        The column names (first header row).
    columns : sequence of Column
        The recognised question columns.
    used : set of int
        Indices of metadata columns the import reads (response id, status, finished).
    is_meta : callable
        ``is_meta(name) -> bool``: a column the tool writes itself (dates, IP address).
    hint : str
        Appended to the mismatch message (e.g. how ``--import-ids`` helps).
    allow_missing : iterable of str
        Questions that may be missing; see :func:`allowed_missing`.

    Raises
    ------
    DataError
        When a column is unknown or a core question not allowed to be
        missing has no column: one problem listing both, plus one per unknown
        column; or for a name in ``allow_missing`` that is no question of the
        instrument.
    """
    allowed = allowed_missing(instrument, allow_missing)
    if not any(c.question.scope != "embedded" for c in columns):
        return []  # wrong tool or delimiter: assemble says so with examples of the expected columns
    taken = used | {c.index for c in columns}
    notes, unknown = [], []
    for index, name in enumerate(header):
        if index in taken or not str(name).strip():
            continue
        if is_meta(name):
            notes += unused_notes(file, [name], label)
        else:
            unknown.append(name)
            notes.append(
                Problem(
                    file, text(TEXTS, "unknown_column", instrument=instrument.label), column=name
                )
            )
    found = {(c.question.group, c.question.key) for c in columns}
    from wijknet.ingest.instrument import column_pattern

    missing = [q for q in instrument.questions
               if q.scope != "embedded" and (q.group, q.key) not in found and (q.group, q.key) not in allowed]  # fmt: skip
    stop = missing if unknown else [q for q in missing if (q.group, q.key) in CORE]
    if stop or unknown:
        summary = text(TEXTS, "mismatch", instrument=instrument.label, hint=hint,
                       missing=", ".join(f"{q.group}.{q.key} ({column_pattern(q, tool)})" for q in stop) or "-",
                       unknown=(", ".join(unknown[:12]) + (" …" if len(unknown) > 12 else "")) or "-")  # fmt: skip
        raise DataError([Problem(file, summary)] + [n for n in notes if n.column in set(unknown)])
    absent = [f"{q.group}.{q.key} ({column_pattern(q, tool)})" for q in instrument.questions
              if q.scope != "embedded" and (q.group, q.key) not in found]  # fmt: skip
    if absent:  # optional or left out on purpose: still said, in one note
        notes.append(
            Problem(
                file, text(TEXTS, "missing_questions", n=len(absent), questions=", ".join(absent))
            )
        )
    return notes


def allowed_missing(instrument: Instrument, names) -> set[tuple[str, str]]:
    """The ``(group, key)`` of the questions that ``names`` allow to be missing from an export.

    A name is a question key (``trust_open``: in every group that has it),
    ``group.key`` (``write_in.trust_open``) or a whole group (``write_in``:
    a survey without write-ins), compared without case.

    Raises
    ------
    DataError
        For a name that is no question, ``group.key`` or group of the instrument.
    """
    allowed, bad = set(), []
    questions = [q for q in instrument.questions if q.scope != "embedded"]
    for name in names or ():
        folded = str(name).strip().casefold()
        hits = {(q.group, q.key) for q in questions
                if folded in (q.key.casefold(), q.group.casefold(), f"{q.group}.{q.key}".casefold())}  # fmt: skip
        if not hits:
            bad.append(str(name))
        allowed |= hits
    if bad:
        examples = ", ".join(f"{q.group}.{q.key}" for q in questions[:3])
        raise DataError([Problem("--allow-missing", text(TEXTS, "bad_allow_missing", names=", ".join(bad),
                                                         instrument=instrument.label, examples=examples))])  # fmt: skip
    return allowed


class ColumnMatcher:
    """Recognises export column names of one tool: question tag plus position or option code."""

    def __init__(self, instrument: Instrument, tool: str, file: str):
        self.instrument = instrument
        self.tool = tool
        self.file = file
        self.tags = {q.tag(tool).casefold(): q for q in instrument.questions}
        # The respondent id and wijk also under their plain names (actor_id, wijk).
        for q in instrument.scope("embedded"):
            self.tags.setdefault(q.key.casefold(), q)
        self.problems: list[Problem] = []
        self._seen: dict[tuple, str] = {}

    def match(self, index: int, name: str, tag: str, suffix: str | None) -> Column | None:
        """The :class:`Column` for ``tag`` with ``suffix`` (position or option code), or ``None``."""
        q = self.tags.get(tag.casefold())
        if q is None:
            return None
        position = option = None
        if suffix is None:
            if q.per_alter:
                return None
        else:
            digits = re.sub(r"^[A-Za-z]*", "", suffix)
            if not digits.isdigit() or (not q.per_alter and q.type != "multi"):
                return None
            n = int(digits)
            if q.per_alter:
                position = n
            else:
                option = next((o for o in q.scale.options if o.code == n), None)
                if option is None:
                    codes = ", ".join(str(o.code) for o in q.scale.options)
                    self.problems.append(
                        Problem(
                            self.file,
                            text(TEXTS, "answer", value=suffix, question=q.key, codes=codes),
                            column=name,
                        )
                    )
                    return None
        key = (q.scope, q.key, position, option.code if option else None)
        if key in self._seen:
            self.problems.append(
                Problem(
                    self.file,
                    text(TEXTS, "dup_column", other=self._seen[key], question=q.key),
                    column=name,
                )
            )
            return None
        self._seen[key] = name
        return Column(index, name, q, position, option)
