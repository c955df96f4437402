"""The result of importing one survey export: :class:`ImportBatch`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijknet.core.errors import Problem
from wijknet.core.i18n import text
from wijknet.io.tidy import ACTOR_WAVE_OPTIONAL, ACTOR_WAVE_REQUIRED, RATING_ITEMS, RATING_REQUIRED

#: Tidy tie columns first (see README "Data format"), then the answers and provenance.
TIE_COLUMNS = [
    "wijk", "wave", "source", "target", "tie_type", "weight", "evidence",
    "knows", "frequency", "intensity", "referral",
    "trust_reliability", "trust_mission", "trust_open", "value_power", "value_involvement", "value_resources",
    "reporter", "source_file", "source_row", "source_column",
]  # fmt: skip
RESPONSE_COLUMNS = [
    "wijk",
    "wave",
    "actor_id",
    "kpi3",
    "active",
    "participation_level",
    "source_file",
    "source_row",
]
RESPONDENT_COLUMNS = [
    "wijk", "wave", "actor_id", "organisation", "role", "domain", "pluswijkteam", "kernaanpakken",
    "response_id", "finished", "source_file", "source_row",
]  # fmt: skip
WRITE_IN_COLUMNS = [
    "wijk", "wave", "respondent", "number", "name", "organisation", "domain",
    "frequency", "intensity", "referral",
    "trust_reliability", "trust_mission", "trust_open", "value_power", "value_involvement", "value_resources",
    "source_file", "source_row", "source_column",
]  # fmt: skip

#: The columns of :meth:`ImportBatch.ratings` (tidy ``ratings``, see :mod:`wijknet.io.tidy`).
RATING_COLUMNS = [*RATING_REQUIRED, *RATING_ITEMS]
#: The columns of :meth:`ImportBatch.actor_waves` (tidy ``actor_waves``).
ACTOR_WAVE_COLUMNS = [*ACTOR_WAVE_REQUIRED, *ACTOR_WAVE_OPTIONAL]
#: The tie types of the main tie of one answer (:func:`wijknet.core.ties.survey_ties`): one per rater and partner.
MAIN_TIE_TYPES = ("samenwerking", "kennen")
#: The respondent-block answers that may change between waves (kept per wave in ``actor_waves``).
RESPONDENT_WAVE_ANSWERS = ("pluswijkteam", "kernaanpakken", "role", "organisation")

TEXTS = {
    "summary": {
        "nl": "{file} ({tool}, instrument {instrument}, meting {wave}): {respondents} respondenten, {ties} relaties, "
              "{responses} antwoorden op de ervaringsvragen, {write_ins} zelf ingevulde partijen, {problems} opmerking(en).",
        "en": "{file} ({tool}, instrument {instrument}, wave {wave}): {respondents} respondents, {ties} ties, "
              "{responses} perception responses, {write_ins} written-in parties, {problems} note(s).",
    },
}  # fmt: skip


def ratings_from_answers(rows: pd.DataFrame) -> pd.DataFrame:
    """The tidy ``ratings`` of survey answers: one row per ``wijk, wave, rater, rated``.

    ``rows`` are answers about partners with ``wijk, wave, rater, rated`` and
    the answer columns of :data:`wijknet.io.tidy.RATING_ITEMS` (text codes,
    ``""`` = no answer; ``"weet niet"`` is already ``""`` after the instrument).
    One answer makes several ties (``samenwerking`` or ``kennen``, plus
    ``verwijzing``): the caller passes only the main tie of each answer
    (:data:`MAIN_TIE_TYPES`). When a rater answered about the same partner
    twice in a wave (on the roster and as a write-in that was resolved to the
    same actor), each item takes the first answer given (in ``rows`` order).
    A rating of oneself is dropped (the instrument already ignores it).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RATING_COLUMNS`, all text, valid input for
        :func:`wijknet.io.tidy.validate_ratings`.

    Examples
    --------
    >>> rows = pd.DataFrame({"wijk": "Noord", "wave": "2026", "rater": ["a", "a"], "rated": ["b", "b"],
    ...                      "intensity": ["3", ""], "trust_open": ["", "4"]})
    >>> ratings_from_answers(rows)[["rater", "rated", "intensity", "trust_open", "trust_mission"]].values.tolist()
    [['a', 'b', '3', '4', '']]
    """
    if rows.empty:
        return empty(RATING_COLUMNS)
    rows = rows[rows["rater"] != rows["rated"]].copy()
    for item in RATING_ITEMS:
        rows[item] = rows[item].fillna("").astype(str).str.strip() if item in rows.columns else ""
    key = list(RATING_REQUIRED)
    out = rows[key].drop_duplicates().reset_index(drop=True)
    for item in RATING_ITEMS:
        answered = rows[rows[item] != ""].drop_duplicates(key)
        out = out.merge(answered[[*key, item]], on=key, how="left")
    return out[RATING_COLUMNS].fillna("").astype(str)


def empty(columns: list[str]) -> pd.DataFrame:
    """A table with ``columns`` (all strings) and no rows."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


@dataclass(frozen=True, eq=False)
class ImportBatch:
    """Everything one survey export holds, as tidy tables of strings.

    Nothing in a batch has been merged into a project yet: the batch is for
    review (:meth:`write`) and for the project store, which adds write-ins as
    actors after entity resolution.

    Attributes
    ----------
    tool : str
        ``"qualtrics"`` or ``"limesurvey"``.
    source_file : str
        File name of the export.
    wave : str
    instrument : str
        Instrument id and version, e.g. ``"wijknetwerk 1.0"``.
    ties : pandas.DataFrame
        One row per directed tie (columns :data:`TIE_COLUMNS`): the tidy
        ``wijk, wave, source, target, tie_type, weight, evidence`` and the
        answers behind it. ``tie_type`` is ``samenwerking`` (intensity 2-4:
        afstemming, coördinatie, integratie), ``kennen`` (the respondent knows
        the alter; awareness only or intensity not answered) or ``verwijzing``
        (referral: respondent -> alter for "ik verwijs naar hen", alter ->
        respondent for "zij verwijzen naar mij", both rows for "beide").
        ``weight`` is the contact frequency 1-5 (empty when not answered);
        ``evidence`` is ``"enquête <wave>"``; ``reporter`` is the respondent.
        ``source_file``, ``source_row`` (spreadsheet row) and ``source_column``
        (the export column the tie comes from) give the provenance; a
        referral reported by both sides is one row whose ``reporter``,
        ``source_row`` and ``source_column`` list both reports, ``;``-separated.
    responses : pandas.DataFrame
        One row per identified respondent (columns :data:`RESPONSE_COLUMNS`):
        ``kpi3`` (1-5 or empty), ``active`` (ja/nee or empty),
        ``participation_level`` (informeren ... meebeslissen or empty); valid
        input for :func:`wijknet.io.tidy.validate_responses`.
    respondents : pandas.DataFrame
        The respondent block as answered (columns :data:`RESPONDENT_COLUMNS`),
        also for respondents who could not be identified (``actor_id`` empty).
        ``response_id`` is the source's own id of the response (Qualtrics
        ``ResponseId``, LimeSurvey ``id``, the Network Canvas ego UUID): the
        project store recognises a re-imported response by it
        (:func:`wijknet.store.importing.survey_keys`), together with
        ``source_row``, the row its ties, responses and write-ins refer to.
    write_ins : pandas.DataFrame
        Parties the respondent named that were not on the roster (columns
        :data:`WRITE_IN_COLUMNS`): the name, organisation and domain as
        written, the answers about them and where they are. They are *not*
        actors yet.
    problems : tuple of Problem
        Notes that did not stop the import (an unidentified respondent, a
        survey preview, answers about oneself, follow-up answers for someone
        the respondent does not know), each naming file, row and column; the
        project store shows every one in its import report and preview.
    """

    tool: str
    source_file: str
    wave: str
    instrument: str
    ties: pd.DataFrame = field(default_factory=lambda: empty(TIE_COLUMNS))
    responses: pd.DataFrame = field(default_factory=lambda: empty(RESPONSE_COLUMNS))
    respondents: pd.DataFrame = field(default_factory=lambda: empty(RESPONDENT_COLUMNS))
    write_ins: pd.DataFrame = field(default_factory=lambda: empty(WRITE_IN_COLUMNS))
    problems: tuple[Problem, ...] = ()

    def tidy_ties(self) -> pd.DataFrame:
        """Only the tidy tie columns ``wijk, wave, source, target, tie_type, weight, evidence``."""
        return self.ties[TIE_COLUMNS[:7]].copy()

    def ratings(self) -> pd.DataFrame:
        """The PARTNER answers about roster partners as a tidy ``ratings`` table (see :func:`ratings_from_answers`).

        Write-ins are not in it: they are no actors yet (the project store
        adds their ratings once ``wijknet resolve`` linked them).
        """
        main = self.ties[self.ties["tie_type"].isin(MAIN_TIE_TYPES)]
        return ratings_from_answers(main.rename(columns={"source": "rater", "target": "rated"}))

    def actor_waves(self) -> pd.DataFrame:
        """The identified respondents' answers that may change between waves, as a tidy ``actor_waves`` table.

        ``pluswijkteam`` (ja/nee), ``kernaanpakken`` (``;``-separated),
        ``role`` and ``organisation`` as answered in the respondent block;
        ``""`` where not answered (the actor keeps its own value). Only
        respondents who gave a response (identified, in the right wijk) and
        answered at least one of them.
        """
        identified = set(zip(self.responses["wave"], self.responses["actor_id"]))
        rows = []
        for r in self.respondents.to_dict("records"):
            if (r["wave"], r["actor_id"]) not in identified:
                continue
            values = {c: str(r.get(c, "") or "").strip() for c in RESPONDENT_WAVE_ANSWERS}
            if any(values.values()):
                rows.append({"wijk": r["wijk"], "wave": r["wave"], "actor_id": r["actor_id"], **values,
                             "role_group": "", "layer": ""})  # fmt: skip
        return pd.DataFrame(rows, columns=ACTOR_WAVE_COLUMNS)

    def summary(self) -> str:
        """One line in the active language: what the batch holds."""
        return text(TEXTS, "summary", file=self.source_file, tool=self.tool, instrument=self.instrument, wave=self.wave,
                    respondents=len(self.respondents), ties=len(self.ties), responses=len(self.responses),
                    write_ins=len(self.write_ins), problems=len(self.problems))  # fmt: skip

    def write(self, folder: str | Path) -> list[Path]:
        """Write the tables to ``folder`` for review; return the paths.

        ``ties.csv``, ``responses.csv``, ``ratings.csv`` (:meth:`ratings`),
        ``actor_waves.csv`` (:meth:`actor_waves`), ``respondents.csv``,
        ``write_ins.csv`` and ``problems.csv`` (UTF-8, comma-separated).
        ``responses.csv``, ``ratings.csv`` and ``actor_waves.csv`` are tidy
        tables a project folder reads as they are.
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        problems = pd.DataFrame([{"file": p.file, "row": "" if p.row is None else p.row, "column": p.column or "",
                                  "message": p.message} for p in self.problems],
                                columns=["file", "row", "column", "message"])  # fmt: skip
        written = []
        for name, df in (("ties.csv", self.ties), ("responses.csv", self.responses), ("ratings.csv", self.ratings()),
                         ("actor_waves.csv", self.actor_waves()), ("respondents.csv", self.respondents),
                         ("write_ins.csv", self.write_ins), ("problems.csv", problems)):  # fmt: skip
            path = folder / name
            with open(path, "w", encoding="utf-8", newline="") as fh:
                df.to_csv(fh, index=False, lineterminator="\n")
            written.append(path)
        return written
