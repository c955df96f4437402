"""The tidy interchange format: ``actors`` and ``ties`` tables and the optional tables.

``actors`` (one row per actor, ``actor_id`` unique in the project)
    required: ``actor_id``, ``wijk``, ``domain``;
    optional: ``name``, ``role``, ``organisation``, ``kind`` (person /
    organisation / initiative), ``pluswijkteam`` (yes/no), ``kernaanpakken``
    (separated by ``;``), ``consent`` (yes/no), ``first_wave`` and
    ``last_wave`` (the actor takes part from / up to that wave; empty: from
    the first / up to the last wave); any other column is kept as an actor
    attribute.
``ties`` (one row per observed directed tie, reporter or initiator first)
    required: ``wijk``, ``wave``, ``source``, ``target``;
    optional: ``tie_type``, ``weight`` (a finite non-negative number: contact
    frequency or intensity, larger is stronger; ``inf`` and ``NaN`` are
    refused), ``evidence``.
``responses`` (optional; one row per survey response, at most one per actor
and wave)
    required: ``wijk``, ``wave``, ``actor_id`` (the respondent, an actor of
    that wijk who takes part in that wave);
    optional: ``kpi3`` (the KPI 3 item "Ik werk meer integraal en
    domeinoverstijgend samen dan een jaar geleden", 1 = helemaal oneens ...
    5 = helemaal eens; empty, "weet niet" or "n.v.t." = no answer),
    ``active`` (yes/no: an active participant of the wijknetwerk; empty:
    yes), ``participation_level`` (a resident's step on the participation
    ladder, see :data:`LADDER`); any other column is kept.
``ratings`` (optional; one row per survey answer of a rater about one named
partner: the PARTNER items, at most one per rater, partner and wave)
    required: ``wijk``, ``wave``, ``rater``, ``rated`` (actors of that wijk);
    optional: ``intensity`` (collaboration level 1 bewust/awareness,
    2 afstemming/cooperation, 3 coördinatie/coordination, 4
    integratie/integration) and the PARTNER trust items ``trust_open``,
    ``trust_reliability``, ``trust_mission`` and value items ``value_power``,
    ``value_involvement``, ``value_resources`` (each 1-4; empty or "weet
    niet" = no answer); any other column is kept.
``actor_waves`` (optional; attributes that differ per wave)
    required: ``wijk``, ``wave``, ``actor_id``; optional: ``pluswijkteam``,
    ``kernaanpakken``, ``role``, ``organisation``, ``role_group``, ``layer``.
    A non-empty value replaces the actor's value in that wave
    (:meth:`wijknet.project.Project.present`); empty keeps it.
``themes`` (optional; one row per theme code of a coded interview segment)
    required: ``wijk``, ``wave``, ``interview_id``, ``theme``; optional:
    ``segment_id``, ``quote`` (free text: personal data), ``actors``
    (actor ids mentioned in the segment, separated by ``;``).
``wijken`` (optional; one row per wijk, filled in by the programme office,
so it is wide: one column per wave)
    required: ``wijk`` (a wijk of ``actors``), ``group`` (``pilot`` or
    ``comparison``; also ``pilotwijk``/``vergelijkingswijk``, any case);
    optional: ``municipality``, ``subregion``, ``wijkplan_start`` (the start
    of the wijkplan: a year or date, e.g. ``2025``, ``2025-09``,
    ``2025-09-01`` or ``1-9-2025``; empty for a comparison wijk without one)
    and one ``phase_<wave>`` column per wave (e.g. ``phase_2026``) with the
    route-map phase in that wave (:data:`PHASES`: voorbereiding, wijkbeeld,
    wijkopgave, wijkplan, wijkuitvoering, wijkevaluatie, also without
    ``wijk``: uitvoering, evaluatie; any case; empty = not known). A phase may
    repeat in later waves or be skipped. Dutch headers are accepted:
    ``gemeente``, ``subregio``, ``groep``, ``start_wijkplan``,
    ``fase_<wave>``. A wijk without a row is a pilot; a wijk of the table
    that is not in ``actors`` is a problem (with a did-you-mean). Read into
    two tidy tables (:func:`validate_wijken`): ``Project.wijk_meta``
    (:data:`WIJK_META_COLUMNS`) and ``Project.wijk_phases`` (``wijk, wave,
    phase``, one row per wijk and wave with a phase).
``ppi`` (optional; process indicators of the milestone planning, one value
per scope, period and indicator)
    required: ``scope`` (a wijk or ``programma``), ``period`` (``2026-H1``,
    ``2026-H2`` or a year ``2026``), ``indicator`` (its name, e.g.
    "wijkplan vastgesteld"), ``value`` (a number, ``2,5`` = 2.5, ja/nee = 1/0,
    empty = not yet known); optional: ``target`` (the same), ``unit``,
    ``note`` (free text of the programme office).
``kpi_corrections`` (optional; the exogenous correction of the KPI 3
judgement, "na correctie voor exogene factoren voor zover mogelijk en
relevant")
    required: ``wijk``, ``wave`` (a wave of the project), ``correction``
    (percentage points added to the KPI 3 share, -100 to 100, may be
    negative), ``reason`` (free text of the programme office). One per wijk
    and wave.

These three are about wijken, but ``note`` and ``reason`` are free text, which
may name a person: :func:`wijknet.privacy.restrict` gives a wijkteam its own
wijk's rows (and the programme's PPI rows) and the leernetwerk every wijk's,
and only a researcher with names unlocked reads ``note`` and ``reason``;
everyone else sees a neutral text where one was written
(:data:`wijknet.privacy.view.NEUTRAL_WIJK_TEXT`). Their free text is stripped
of control characters like every cell.

Column values are checked cell by cell against one rule per column
(:data:`ACTOR_CHECKS`, :data:`TIE_CHECKS`, :data:`RESPONSE_CHECKS`), and the
cross-table rules (known actors, the right wijk, no self-ties, no duplicates)
with pandas. Every problem is reported with file, row and column; nothing is
returned unless the whole input is valid.

The column rules were pandera schemas until pandera's import (about 1 s
on top of pandas) outweighed what it did here: one element-wise predicate per
column, whose failures were turned back into these messages. The plain
checks give the same problems in the same order (see ``docs/architecture.md``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text

ACTOR_REQUIRED = ("actor_id", "wijk", "domain")
ACTOR_OPTIONAL = (
    "name",
    "role",
    "organisation",
    "kind",
    "pluswijkteam",
    "kernaanpakken",
    "consent",
    "first_wave",
    "last_wave",
    "role_group",
    "layer",
)
#: Actor columns wijknet derives (never read): the world of the role group, else of the domain.
ACTOR_DERIVED = ("world",)
TIE_REQUIRED = ("wijk", "wave", "source", "target")
TIE_OPTIONAL = ("tie_type", "weight", "evidence")
RESPONSE_REQUIRED = ("wijk", "wave", "actor_id")
RESPONSE_OPTIONAL = ("kpi3", "active", "participation_level")
#: The participation ladder of residents, lowest step first (codes 1-5 in the instrument).
LADDER = ("informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen")
RATING_REQUIRED = ("wijk", "wave", "rater", "rated")
#: The PARTNER items of one answer, each 1-4 (Varda et al.): level of collaboration, trust, value.
TRUST_ITEMS = ("trust_open", "trust_reliability", "trust_mission")
VALUE_ITEMS = ("value_power", "value_involvement", "value_resources")
RATING_ITEMS = ("intensity", *TRUST_ITEMS, *VALUE_ITEMS)
RATING_SCALE = (1, 4)
ACTOR_WAVE_REQUIRED = ("wijk", "wave", "actor_id")
ACTOR_WAVE_OPTIONAL = (
    "pluswijkteam",
    "kernaanpakken",
    "role",
    "organisation",
    "role_group",
    "layer",
)
THEME_REQUIRED = ("wijk", "wave", "interview_id", "theme")
THEME_OPTIONAL = ("segment_id", "quote", "actors")
KPI3_SCALE = (1, 5)
NO_ANSWER = {"", "weet niet", "weet ik niet", "geen mening", "n.v.t.", "nvt", "n.v.t", "niet van toepassing",
             "don't know", "dont know", "n/a", "na"}  # fmt: skip
KINDS = {
    "person": "person",
    "persoon": "person",
    "individu": "person",
    "organisation": "organisation",
    "organization": "organisation",
    "organisatie": "organisation",
    "initiative": "initiative",
    "initiatief": "initiative",
    "bewonersinitiatief": "initiative",
}
TRUE = {"1", "true", "ja", "j", "yes", "y", "waar", "x", "wel"}
FALSE = {"0", "false", "nee", "n", "no", "onwaar", "niet", ""}

TEXTS = {
    "missing_column": {
        "nl": "verplichte kolom ontbreekt; verwacht de kolommen {expected}{hint}",
        "en": "required column is missing; expected the columns {expected}{hint}",
    },
    "did_you_mean": {"nl": " (bedoelt u '{name}'?)", "en": " (did you mean '{name}'?)"},
    "not_empty": {
        "nl": "lege waarde; hier is een waarde verplicht",
        "en": "empty value; a value is required here",
    },
    "weight_numeric": {
        "nl": "'{value}' is geen getal; verwacht een eindig niet-negatief getal (bijv. 3 of 2,5)",
        "en": "'{value}' is not a number; expected a finite non-negative number (e.g. 3 or 2.5)",
    },
    "nothing_to_analyse": {
        "nl": "het project heeft geen metingen: {ties} heeft geen relaties en {config} noemt geen metingen (waves); "
        "voeg relaties toe of zet de metingen in {config} (waves: [2025, 2026])",
        "en": "the project has no waves: {ties} has no ties and {config} lists no waves; add ties or list the waves "
        "in {config} (waves: [2025, 2026])",
    },
    "bool": {
        "nl": "'{value}' is geen ja/nee-waarde; verwacht ja, nee, 1, 0, true of false",
        "en": "'{value}' is not a yes/no value; expected ja, nee, yes, no, 1, 0, true or false",
    },
    "kind": {
        "nl": "'{value}' is geen bekende soort; verwacht person, organisation of initiative",
        "en": "'{value}' is not a known kind; expected person, organisation or initiative",
    },
    "duplicate_id": {
        "nl": "actor_id '{value}' komt al voor in rij {first}; elke actor_id moet uniek zijn in het project",
        "en": "actor_id '{value}' already appears in row {first}; every actor_id must be unique in the project",
    },
    "unknown_actor": {
        "nl": "onbekende actor '{value}'; elke bron en elk doel moet als actor_id in {actors} staan",
        "en": "unknown actor '{value}'; every source and target must be an actor_id in {actors}",
    },
    "wrong_wijk": {
        "nl": "actor '{value}' hoort bij wijk '{actor_wijk}', maar de relatie staat in wijk '{tie_wijk}'",
        "en": "actor '{value}' belongs to wijk '{actor_wijk}', but the tie is in wijk '{tie_wijk}'",
    },
    "self_tie": {
        "nl": "relatie van '{value}' met zichzelf; bron en doel moeten verschillen",
        "en": "tie from '{value}' to itself; source and target must differ",
    },
    "duplicate_tie": {
        "nl": "dubbele relatie (zelfde wijk, meting, bron, doel en soort) als in rij {first}",
        "en": "duplicate tie (same wijk, wave, source, target and type) as in row {first}",
    },
    "kpi3_range": {
        "nl": "'{value}' is geen geldig antwoord; verwacht een geheel getal van 1 (helemaal oneens) tot 5 (helemaal eens), "
        "of leeg, 'weet niet' of 'n.v.t.'",
        "en": "'{value}' is not a valid answer; expected a whole number from 1 (strongly disagree) to 5 (strongly agree), "
        "or empty, 'weet niet' (don't know) or 'n.v.t.' (not applicable)",
    },
    "unknown_respondent": {
        "nl": "onbekende actor '{value}'; elke respondent moet als actor_id in {actors} staan",
        "en": "unknown actor '{value}'; every respondent must be an actor_id in {actors}",
    },
    "respondent_wijk": {
        "nl": "actor '{value}' hoort bij wijk '{actor_wijk}', maar de respons staat in wijk '{response_wijk}'",
        "en": "actor '{value}' belongs to wijk '{actor_wijk}', but the response is in wijk '{response_wijk}'",
    },
    "duplicate_response": {
        "nl": "actor '{value}' heeft in meting '{wave}' al een respons in rij {first}; één respons per actor en meting",
        "en": "actor '{value}' already has a response in wave '{wave}' in row {first}; one response per actor and wave",
    },
    "rating_range": {
        "nl": "'{value}' is geen geldig antwoord; verwacht een geheel getal van 1 tot 4, of leeg of 'weet niet'",
        "en": "'{value}' is not a valid answer; expected a whole number from 1 to 4, or empty or 'weet niet'",
    },
    "ladder": {
        "nl": "'{value}' is geen trede van de participatieladder; verwacht 1-5 of informeren, raadplegen, "
        "adviseren, coproduceren, meebeslissen",
        "en": "'{value}' is not a step of the participation ladder; expected 1-5 or informeren, raadplegen, "
        "adviseren, coproduceren, meebeslissen",
    },
    "unknown_in_wijk": {
        "nl": "onbekende actor '{value}'; verwacht een actor_id van wijk '{wijk}' uit {actors}",
        "en": "unknown actor '{value}'; expected an actor_id of wijk '{wijk}' from {actors}",
    },
    "self_rating": {
        "nl": "'{value}' beoordeelt zichzelf; beoordelaar en beoordeelde moeten verschillen",
        "en": "'{value}' rates itself; rater and rated must differ",
    },
    "duplicate_rating": {
        "nl": "dubbele beoordeling (zelfde meting, beoordelaar en beoordeelde) als in rij {first}",
        "en": "duplicate rating (same wave, rater and rated) as in row {first}",
    },
    "duplicate_actor_wave": {
        "nl": "actor '{value}' staat in meting '{wave}' al in rij {first}; één rij per actor en meting",
        "en": "actor '{value}' is already listed for wave '{wave}' in row {first}; one row per actor and wave",
    },
    "no_rows": {
        "nl": "het bestand heeft een kopregel maar geen gegevens",
        "en": "the file has a header row but no data",
    },
}


def missing_columns(df: pd.DataFrame, required: tuple[str, ...], file: str) -> list[Problem]:
    import difflib

    problems = []
    for col in required:
        if col not in df.columns:
            close = difflib.get_close_matches(
                col, [c for c in df.columns if c not in required], n=1, cutoff=0.6
            )
            hint = text(TEXTS, "did_you_mean", name=close[0]) if close else ""
            problems.append(
                Problem(
                    file,
                    text(TEXTS, "missing_column", expected=", ".join(required), hint=hint),
                    column=col,
                )
            )
    return problems


def _is_number(value: str) -> bool:
    if value == "":
        return True
    try:
        number = float(_to_float_str(value))
    except ValueError:
        return False
    return (
        math.isfinite(number) and number >= 0
    )  # NaN fails the comparison, inf is refused explicitly


def _to_float_str(value: str) -> str:
    # Dutch decimal comma: "2,5" -> "2.5". A lone thousands dot is not guessed.
    return value.replace(",", ".") if re.fullmatch(r"-?\d+,\d+", value) else value


def _is_bool(value: str) -> bool:
    return value.strip().lower() in TRUE | FALSE


def _is_kind(value: str) -> bool:
    return value == "" or value.strip().lower() in KINDS


#: A column rule: the text key of its problem and the predicate every non-missing cell must meet.
Check = tuple[str, Callable[[str], bool]]


def _not_empty(value: str) -> bool:
    return value != ""


def _checks(required: tuple[str, ...], optional: dict[str, Check]) -> dict[str, Check]:
    """One rule per column: required columns may not be empty, optional ones meet their predicate."""
    return {**{c: ("not_empty", _not_empty) for c in required}, **optional}


ACTOR_CHECKS = _checks(
    ACTOR_REQUIRED,
    {"pluswijkteam": ("bool", _is_bool), "consent": ("bool", _is_bool), "kind": ("kind", _is_kind)},
)
TIE_CHECKS = _checks(TIE_REQUIRED, {"weight": ("weight_numeric", _is_number)})


def check_analysable(
    project, ties_file: str = "ties.csv", config_file: str = "wijknet.yaml"
) -> None:
    """Refuse a project without waves (no ties and no ``waves`` in ``wijknet.yaml``): there is nothing to analyse.

    Raises
    ------
    DataError
        Naming ``ties_file`` and ``config_file``.
    """
    if not list(project.waves):
        raise DataError(
            [
                Problem(
                    ties_file, text(TEXTS, "nothing_to_analyse", ties=ties_file, config=config_file)
                )
            ]
        )


def kpi3_answer(value: str) -> float:
    """The KPI 3 answer as a number 1-5, NaN for no answer; ``ValueError`` if invalid.

    Accepts whole numbers (``"4"``, ``"4.0"``, ``"4,0"``) and, as no answer,
    empty values, "weet niet" and "n.v.t." (see :data:`NO_ANSWER`).
    """
    value = str(value).strip()
    if value.lower() in NO_ANSWER:
        return float("nan")
    number = float(_to_float_str(value))
    if (
        not math.isfinite(number)
        or number != int(number)
        or not KPI3_SCALE[0] <= number <= KPI3_SCALE[1]
    ):
        raise ValueError(value)
    return number


def _is_kpi3(value: str) -> bool:
    try:
        kpi3_answer(value)
    except ValueError:
        return False
    return True


def rating_answer(value: str) -> float:
    """A PARTNER item as a number 1-4, NaN for no answer; ``ValueError`` if invalid.

    Examples
    --------
    >>> rating_answer("3"), rating_answer("weet niet")
    (3.0, nan)
    """
    value = str(value).strip()
    if value.lower() in NO_ANSWER:
        return float("nan")
    number = float(_to_float_str(value))
    if number != int(number) or not RATING_SCALE[0] <= number <= RATING_SCALE[1]:
        raise ValueError(value)
    return number


def ladder_step(value: str) -> str:
    """The participation ladder step (a name of :data:`LADDER`) of a code 1-5 or a name; ``""`` for no answer.

    Examples
    --------
    >>> ladder_step("2"), ladder_step("Meebeslissen"), ladder_step("")
    ('raadplegen', 'meebeslissen', '')
    """
    value = str(value).strip().lower()
    if value in NO_ANSWER:
        return ""
    if value in LADDER:
        return value
    number = float(_to_float_str(value))
    if number != int(number) or not 1 <= number <= len(LADDER):
        raise ValueError(value)
    return LADDER[int(number) - 1]


def _passes_rule(convert: Callable[[str], object]) -> Callable[[str], bool]:
    def rule(value: str) -> bool:
        try:
            convert(value)
        except ValueError:
            return False
        return True

    return rule


RESPONSE_CHECKS = _checks(
    RESPONSE_REQUIRED,
    {
        "kpi3": ("kpi3_range", _is_kpi3),
        "active": ("bool", _is_bool),
        "participation_level": ("ladder", _passes_rule(ladder_step)),
    },
)
RATING_CHECKS = _checks(
    RATING_REQUIRED, {item: ("rating_range", _passes_rule(rating_answer)) for item in RATING_ITEMS}
)
ACTOR_WAVE_CHECKS = _checks(
    ACTOR_WAVE_REQUIRED, {"pluswijkteam": ("bool", lambda v: v == "" or _is_bool(v))}
)
THEME_CHECKS = _checks(THEME_REQUIRED, {})


def _passes(rule: Callable[[str], bool], value) -> bool:
    try:
        return bool(rule(value))
    except (AttributeError, TypeError, ValueError):  # not a string: read_table never gives one
        return False


def by_value(series: pd.Series, convert: Callable, columns: Distinct | None = None) -> pd.Series:
    """``series.map(convert)``, calling ``convert`` once per distinct value (columns repeat a few values).

    ``columns`` (:class:`Distinct` of the table the unchanged ``series`` comes from) saves
    factorizing the column again; a column the table does not have (added empty) is factorized.
    """
    if len(series) == 0:
        return series.map(convert)
    codes, uniques = (
        columns[series.name]
        if columns is not None and series.name in columns.df.columns
        else _factorize(series.to_numpy(dtype=object))
    )
    converted = pd.Series([convert(v) for v in uniques], dtype=object)
    return pd.Series(converted.to_numpy()[codes], index=series.index)


def _factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes and distinct values of ``values``; missing cells are one value of their own, listed last.

    As ``pd.factorize(values, use_na_sentinel=False)``, which is slower.
    """
    codes, distinct = pd.factorize(values)
    if len(codes) and codes.min() < 0:
        codes = np.where(codes < 0, len(distinct), codes)
        distinct = np.append(distinct.astype(object), np.nan)
    return codes, distinct


class Distinct:
    """The columns of a table factorized once: ``columns[name]`` is ``(codes, distinct values)``.

    The validators test a column's distinct values and compare whole columns by their codes; a
    column of 300,000 ties holds a few hundred wijken and waves and some thousands of actors, so
    hashing each column once (missing cells are a value of their own) does most of the work.

    Examples
    --------
    >>> codes, values = Distinct(pd.DataFrame({"wave": ["2025", "2026", "2025"]}))["wave"]
    >>> codes.tolist(), values.tolist()
    ([0, 1, 0], ['2025', '2026'])
    """

    def __init__(self, df: pd.DataFrame):
        self.df = df
        self._done: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def __getitem__(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        if column not in self._done:
            self._done[column] = _factorize(self.df[column].to_numpy(dtype=object))
        return self._done[column]

    def repeated(self, key: list[str], keep: str | bool = "first") -> np.ndarray:
        """``df.duplicated(key, keep=keep)`` as a boolean array, from the columns' codes."""
        combined = np.zeros(len(self.df), dtype=np.int64)
        for column in key:
            codes, values = self[column]
            # Renumbered after each column, so the combined code stays below rows x values.
            combined = pd.factorize(combined * len(values) + codes)[0]
        return pd.Series(combined).duplicated(keep=keep).to_numpy()

    def elsewhere(self, column: str, wijk_of: dict) -> np.ndarray:
        """Rows whose actor in ``column`` is given and unknown, or of another wijk than the row's (when given).

        ``wijk_of`` maps actor ids to their wijk; it is looked up once per distinct actor.
        """
        codes, actors = self[column]
        position = pd.Index(list(wijk_of), dtype=object).get_indexer(actors)
        # Position -1 (an unknown actor) is the NaN after the actors' wijken.
        homes = np.array([*wijk_of.values(), np.nan], dtype=object)[position]
        wijk_codes, wijks = self["wijk"]
        wijk = wijks[wijk_codes]
        given = (actors != "")[codes]
        return given & (
            pd.isna(homes)[codes] | ((wijks != "")[wijk_codes] & (homes[codes] != wijk))
        )


def _check(
    df: pd.DataFrame, checks: dict[str, Check], file: str, columns: Distinct | None = None
) -> list[Problem]:
    """A problem per cell that breaks its column's rule, by row then column; missing (NaN) cells pass."""
    columns = columns if columns is not None else Distinct(df)
    problems = []
    for column, (key, rule) in checks.items():
        if column not in df.columns:
            continue
        # The rule is a function of the text alone: test each distinct value once, report every cell.
        codes, distinct = columns[column]
        missing = pd.isna(distinct)
        if rule is _not_empty:  # the rule of every required column, on thousands of ids: at once
            bad = np.flatnonzero((distinct == "") & ~missing)
        else:
            bad = [i for i, v in enumerate(distinct) if not missing[i] and not _passes(rule, v)]
        if not len(bad):
            continue
        rows = np.isin(codes, bad)
        values = df[column].to_numpy(dtype=object)[rows]
        for row, value in zip(df.index[rows], values):
            problems.append(
                Problem(file, text(TEXTS, key, value=value), row=int(row), column=column)
            )
    return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


def validate_actors(df: pd.DataFrame, file: str = "actors.csv") -> pd.DataFrame:
    """Validate and normalise an actors table read by :func:`wijknet.io.tables.read_table`.

    Returns a DataFrame with one row per actor; ``pluswijkteam`` and
    ``consent`` become booleans, ``kind`` one of person/organisation/initiative.
    The index keeps the source row numbers.
    """
    problems = missing_columns(df, ACTOR_REQUIRED, file)
    if problems:
        raise DataError(problems)
    if df.empty:
        raise DataError([Problem(file, text(TEXTS, "no_rows"))])
    columns = Distinct(df)
    problems = _check(df, ACTOR_CHECKS, file, columns)
    first: dict[str, int] = {}
    # Only the rows of a repeated id are walked (in order, so the first of each id is remembered).
    repeated = columns.repeated(["actor_id"], keep=False)
    for row, actor_id in zip(df.index[repeated], df["actor_id"].to_numpy(dtype=object)[repeated]):
        if actor_id in first:
            problems.append(
                Problem(
                    file,
                    text(TEXTS, "duplicate_id", value=actor_id, first=first[actor_id]),
                    row=row,
                    column="actor_id",
                )
            )
        elif actor_id:
            first[actor_id] = row
    if problems:
        raise DataError(problems)
    out = df.copy(deep=False)  # copy-on-write: the columns set below leave df as it is
    for col in ACTOR_OPTIONAL:
        if col not in out.columns:
            out[col] = ""
    for col in ("pluswijkteam", "consent"):
        out[col] = out[col].str.strip().str.lower().isin(TRUE)
    out["kind"] = by_value(
        out["kind"], lambda v: KINDS.get(v.strip().lower(), "") if isinstance(v, str) else ""
    )
    out["kernaanpakken"] = by_value(out["kernaanpakken"], _normalise_list)
    return out


def validate_ties(
    df: pd.DataFrame, actors: pd.DataFrame, file: str = "ties.csv", actors_file: str = "actors.csv"
) -> pd.DataFrame:
    """Validate a ties table against validated actors.

    Checks known actors, the tie's wijk against both actors' wijk, self-ties,
    numeric non-negative weights and duplicate rows. ``weight`` becomes a float
    (1.0 where empty); ``tie_type`` is ``""`` where not given.
    """
    problems = missing_columns(df, TIE_REQUIRED, file)
    if problems:
        raise DataError(problems)
    tie_type = df["tie_type"] if "tie_type" in df.columns else pd.Series("", index=df.index)
    columns = Distinct(df.assign(tie_type=tie_type))
    problems = _check(df, TIE_CHECKS, file, columns)
    wijk_of = dict(zip(actors["actor_id"], actors["wijk"]))
    seen: dict[tuple, int] = {}
    # The common case checked at once: every actor known and of the tie's wijk, no self-tie, no
    # duplicate. Only when that fails does the loop below find (and word) each problem, row by row.
    sources, targets = (df[c].to_numpy(dtype=object) for c in ("source", "target"))
    clean = not (
        columns.elsewhere("source", wijk_of).any()
        or columns.elsewhere("target", wijk_of).any()
        or ((sources != "") & (sources == targets)).any()
        or columns.repeated(["wijk", "wave", "source", "target", "tie_type"]).any()
    )
    for row, wijk, wave, source, target, ttype in (
        [] if clean else zip(df.index, df["wijk"], df["wave"], df["source"], df["target"], tie_type)
    ):
        for column, actor in (("source", source), ("target", target)):
            if not actor:
                continue
            if actor not in wijk_of:
                problems.append(
                    Problem(
                        file,
                        text(TEXTS, "unknown_actor", value=actor, actors=actors_file),
                        row=row,
                        column=column,
                    )
                )
            elif wijk and wijk_of[actor] != wijk:
                problems.append(
                    Problem(
                        file,
                        text(
                            TEXTS,
                            "wrong_wijk",
                            value=actor,
                            actor_wijk=wijk_of[actor],
                            tie_wijk=wijk,
                        ),
                        row=row,
                        column=column,
                    )
                )
        if source and source == target:
            problems.append(
                Problem(file, text(TEXTS, "self_tie", value=source), row=row, column="target")
            )
        key = (wijk, wave, source, target, ttype)
        if key in seen:
            problems.append(Problem(file, text(TEXTS, "duplicate_tie", first=seen[key]), row=row))
        else:
            seen[key] = row
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
    out = df.copy(deep=False)  # copy-on-write: the columns set below leave df as it is
    for col in TIE_OPTIONAL:
        if col not in out.columns:
            out[col] = ""
    out["weight"] = by_value(
        out["weight"], lambda v: float(_to_float_str(v)) if v != "" else 1.0, columns
    ).astype(float)
    return out


def _normalise_list(value: str) -> str:
    parts = [p.strip() for p in re.split(r"[;,|]", value) if p.strip()]
    return ";".join(parts)


def validate_responses(
    df: pd.DataFrame,
    actors: pd.DataFrame,
    file: str = "responses.csv",
    actors_file: str = "actors.csv",
) -> pd.DataFrame:
    """Validate a survey responses table against validated actors.

    Checks the columns (required values, ``kpi3`` a whole number 1-5 or no
    answer, ``active`` yes/no), known respondents in the right wijk and at most
    one response per actor and wave. Whether the respondent takes part in the
    wave (``first_wave``/``last_wave``) is checked by
    :meth:`wijknet.project.Project.from_frames`, which knows the wave order.

    Returns
    -------
    pandas.DataFrame
        The table with ``kpi3`` as float (1-5, NaN = no answer) and ``active``
        as bool (empty = yes); the index keeps the source row numbers.
    """
    problems = missing_columns(df, RESPONSE_REQUIRED, file)
    if problems:
        raise DataError(problems)
    columns = Distinct(df)
    problems = _check(df, RESPONSE_CHECKS, file, columns)
    wijk_of = dict(zip(actors["actor_id"], actors["wijk"]))
    seen: dict[tuple, int] = {}
    # Whole-column tests find the suspect rows (unknown or other wijk's respondent, a repeated
    # wave and actor, with every row of that key); only those are walked to word their problems.
    rows = columns.elsewhere("actor_id", wijk_of) | (
        (df["actor_id"].to_numpy(dtype=object) != "")
        & columns.repeated(["wave", "actor_id"], keep=False)
    )
    for row, wijk, wave, actor in zip(
        df.index[rows], df["wijk"][rows], df["wave"][rows], df["actor_id"][rows]
    ):
        if not actor:
            continue
        if actor not in wijk_of:
            problems.append(
                Problem(
                    file,
                    text(TEXTS, "unknown_respondent", value=actor, actors=actors_file),
                    row=row,
                    column="actor_id",
                )
            )
        elif wijk and wijk_of[actor] != wijk:
            problems.append(
                Problem(
                    file,
                    text(
                        TEXTS,
                        "respondent_wijk",
                        value=actor,
                        actor_wijk=wijk_of[actor],
                        response_wijk=wijk,
                    ),
                    row=row,
                    column="actor_id",
                )
            )
        key = (wave, actor)
        if key in seen:
            problems.append(
                Problem(
                    file,
                    text(TEXTS, "duplicate_response", value=actor, wave=wave, first=seen[key]),
                    row=row,
                    column="actor_id",
                )
            )
        else:
            seen[key] = row
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
    out = df.copy(deep=False)  # copy-on-write: the columns set below leave df as it is
    for col in RESPONSE_OPTIONAL:
        if col not in out.columns:
            out[col] = ""
    out["kpi3"] = by_value(out["kpi3"], kpi3_answer, columns).astype(float)
    out["active"] = by_value(
        out["active"], lambda v: v.strip() == "" or v.strip().lower() in TRUE, columns
    ).astype(bool)
    out["participation_level"] = by_value(out["participation_level"], ladder_step, columns)
    return out


def _cell_problems(
    df: pd.DataFrame,
    required: tuple[str, ...],
    checks: dict[str, Check],
    file: str,
    columns: Distinct | None = None,
) -> list[Problem]:
    """Refuse a table without its required columns; else the problems of its cells."""
    problems = missing_columns(df, required, file)
    if problems:
        raise DataError(problems)
    return _check(df, checks, file, columns)


def _actor_in_wijk(actor, wijk, wijk_of, file, actors_file, row, column) -> list[Problem]:
    """A problem when ``actor`` is not an actor of ``wijk``."""
    if actor and (actor not in wijk_of or (wijk and wijk_of[actor] != wijk)):
        message = text(TEXTS, "unknown_in_wijk", value=actor, wijk=wijk, actors=actors_file)
        return [Problem(file, message, row=row, column=column)]
    return []


def _duplicates(
    df: pd.DataFrame,
    key: list[str],
    file: str,
    message: str,
    column: str,
    columns: Distinct | None = None,
) -> list[Problem]:
    """A problem for every row whose ``key`` repeats an earlier row's."""
    problems, seen = [], {}
    # Only rows of a repeated key are walked (in order, so the first of each key is remembered).
    repeated = (columns if columns is not None else Distinct(df)).repeated(key, keep=False)
    for row, values in zip(
        df.index[repeated], df[key][repeated].itertuples(index=False, name=None)
    ):
        if values in seen:
            found = dict(zip(key, values))
            text_ = text(
                TEXTS,
                message,
                value=found.get("actor_id", ""),
                wave=found["wave"],
                first=seen[values],
            )
            problems.append(Problem(file, text_, row=row, column=column))
        else:
            seen[values] = row
    return problems


def validate_ratings(
    df: pd.DataFrame,
    actors: pd.DataFrame,
    file: str = "ratings.csv",
    actors_file: str = "actors.csv",
) -> pd.DataFrame:
    """Validate a ratings table (the PARTNER items of each named partner) against validated actors.

    Returns
    -------
    pandas.DataFrame
        Every :data:`RATING_ITEMS` column as float 1-4 (NaN = no answer,
        including "weet niet"); the index keeps the source row numbers.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "Noord"})
    >>> df = pd.DataFrame({"wijk": "Noord", "wave": "2025", "rater": ["a"], "rated": ["b"],
    ...                    "trust_open": ["4"], "trust_mission": ["weet niet"]})
    >>> out = validate_ratings(df, actors)
    >>> out[["trust_open", "trust_mission", "intensity"]].iloc[0].tolist()
    [4.0, nan, nan]
    """
    columns = Distinct(df)
    problems = _cell_problems(df, RATING_REQUIRED, RATING_CHECKS, file, columns)
    wijk_of = dict(zip(actors["actor_id"], actors["wijk"]))
    # Whole-column tests find the suspect rows; only those are checked and worded one by one.
    raters, rated = (df[c].to_numpy(dtype=object) for c in ("rater", "rated"))
    suspect = (
        columns.elsewhere("rater", wijk_of)
        | columns.elsewhere("rated", wijk_of)
        | ((raters != "") & (raters == rated))
    )
    for row, wijk, rater, rated in zip(
        df.index[suspect], df["wijk"][suspect], df["rater"][suspect], df["rated"][suspect]
    ):
        problems += _actor_in_wijk(rater, wijk, wijk_of, file, actors_file, row, "rater")
        problems += _actor_in_wijk(rated, wijk, wijk_of, file, actors_file, row, "rated")
        if rater and rater == rated:
            problems.append(
                Problem(file, text(TEXTS, "self_rating", value=rater), row=row, column="rated")
            )
    problems += _duplicates(
        df, ["wijk", "wave", "rater", "rated"], file, "duplicate_rating", "rated", columns
    )
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
    out = df.copy(deep=False)  # copy-on-write: the columns set below leave df as it is
    for item in RATING_ITEMS:
        out[item] = (
            by_value(out[item], rating_answer, columns).astype(float)
            if item in out.columns
            else float("nan")
        )
    return out


def validate_actor_waves(
    df: pd.DataFrame,
    actors: pd.DataFrame,
    file: str = "actor_waves.csv",
    actors_file: str = "actors.csv",
) -> pd.DataFrame:
    """Validate a table of per-wave actor attributes (``actor_waves``) against validated actors.

    Returns
    -------
    pandas.DataFrame
        Every :data:`ACTOR_WAVE_OPTIONAL` column as text, ``""`` where the
        wave keeps the actor's value; ``pluswijkteam`` as ``"ja"``/``"nee"``/``""``
        and ``kernaanpakken`` separated by ``;``.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a"], "wijk": "Noord"})
    >>> df = pd.DataFrame({"wijk": "Noord", "wave": ["2025", "2026"], "actor_id": "a",
    ...                    "pluswijkteam": ["", "1"]})
    >>> validate_actor_waves(df, actors)["pluswijkteam"].tolist()
    ['', 'ja']
    """
    problems = _cell_problems(df, ACTOR_WAVE_REQUIRED, ACTOR_WAVE_CHECKS, file)
    wijk_of = dict(zip(actors["actor_id"], actors["wijk"]))
    for row, wijk, actor in zip(df.index, df["wijk"], df["actor_id"]):
        problems += _actor_in_wijk(actor, wijk, wijk_of, file, actors_file, row, "actor_id")
    problems += _duplicates(df, ["wave", "actor_id"], file, "duplicate_actor_wave", "actor_id")
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
    out = df.copy()
    for col in ACTOR_WAVE_OPTIONAL:
        if col not in out.columns:
            out[col] = ""
    flag = out["pluswijkteam"].str.strip().str.lower()
    out["pluswijkteam"] = flag.map(lambda v: "" if v == "" else ("ja" if v in TRUE else "nee"))
    out["kernaanpakken"] = out["kernaanpakken"].map(_normalise_list)
    return out


def validate_themes(
    df: pd.DataFrame,
    actors: pd.DataFrame,
    file: str = "themes.csv",
    actors_file: str = "actors.csv",
) -> pd.DataFrame:
    """Validate a table of interview theme codes against validated actors (the mentioned ``actors``).

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a"], "wijk": "Noord"})
    >>> df = pd.DataFrame({"wijk": "Noord", "wave": "2025", "interview_id": ["g1"], "theme": ["vertrouwen"]})
    >>> validate_themes(df, actors)[["theme", "segment_id", "actors"]].iloc[0].tolist()
    ['vertrouwen', '', '']
    """
    problems = _cell_problems(df, THEME_REQUIRED, THEME_CHECKS, file)
    wijk_of = dict(zip(actors["actor_id"], actors["wijk"]))
    out = df.copy()
    for col in THEME_OPTIONAL:
        if col not in out.columns:
            out[col] = ""
    out["actors"] = out["actors"].map(_normalise_list)
    for row, wijk, mentioned in zip(out.index, out["wijk"], out["actors"]):
        for actor in filter(None, mentioned.split(";")):
            problems += _actor_in_wijk(actor, wijk, wijk_of, file, actors_file, row, "actors")
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
    out["theme"] = out["theme"].str.strip()
    return out


def empty_table(
    required: tuple[str, ...], optional: tuple[str, ...] = (), floats: tuple[str, ...] = ()
) -> pd.DataFrame:
    """A validated table without rows: text columns, and ``floats`` as float columns."""
    return pd.DataFrame(
        {c: pd.Series(dtype=float if c in floats else str) for c in (*required, *optional, *floats)}
    )


def empty_ratings() -> pd.DataFrame:
    return empty_table(RATING_REQUIRED, floats=RATING_ITEMS)


def empty_actor_waves() -> pd.DataFrame:
    return empty_table(ACTOR_WAVE_REQUIRED, ACTOR_WAVE_OPTIONAL)


def empty_themes() -> pd.DataFrame:
    return empty_table(THEME_REQUIRED, THEME_OPTIONAL)


def empty_responses() -> pd.DataFrame:
    """A responses table without rows, with the validated column types."""
    return pd.DataFrame(
        {
            "wijk": pd.Series(dtype=str),
            "wave": pd.Series(dtype=str),
            "actor_id": pd.Series(dtype=str),
            "kpi3": pd.Series(dtype=float),
            "active": pd.Series(dtype=bool),
            "participation_level": pd.Series(dtype=str),
        }
    )


# --- wijk metadata, process indicators (PPI) and KPI corrections (issue 15) ---------------------------

WIJKEN_REQUIRED = ("wijk", "group")
WIJKEN_OPTIONAL = ("municipality", "subregion", "wijkplan_start")
#: The columns of :attr:`wijknet.project.Project.wijk_meta` (one row per wijk).
WIJK_META_COLUMNS = ("wijk", "municipality", "subregion", "group", "wijkplan_start")
#: The columns of :attr:`wijknet.project.Project.wijk_phases` (one row per wijk and wave with a phase).
WIJK_PHASE_COLUMNS = ("wijk", "wave", "phase")
#: The prefix of a wide ``wijken`` column holding the route-map phase of one wave (``phase_2026``).
PHASE_PREFIX = "phase_"
#: Dutch and other headers a programme office may use, and the column they stand for.
WIJKEN_ALIASES = {
    "gemeente": "municipality",
    "subregio": "subregion",
    "regio": "subregion",
    "groep": "group",
    "type": "group",
    "start_wijkplan": "wijkplan_start",
    "wijkplan": "wijkplan_start",
    "wijkplan_vastgesteld": "wijkplan_start",
}
#: The Pilot group and the comparison group (the codes of ``group``, as in
#: :data:`wijknet.analysis.evaluation.GROUPS`), with the aliases accepted.
PILOT, COMPARISON = "pilot", "comparison"
GROUP_ALIASES = {
    "pilot": PILOT, "pilotwijk": PILOT, "pluswijk": PILOT, "proefwijk": PILOT, "interventie": PILOT,
    "interventiewijk": PILOT, "intervention": PILOT,
    "comparison": COMPARISON, "vergelijkingswijk": COMPARISON, "vergelijking": COMPARISON,
    "controle": COMPARISON, "controlewijk": COMPARISON, "control": COMPARISON, "referentiewijk": COMPARISON,
}  # fmt: skip
#: The phases of the PlusWIJken route map, in order (a wijk may repeat or skip a phase across waves).
PHASES = ("voorbereiding", "wijkbeeld", "wijkopgave", "wijkplan", "wijkuitvoering", "wijkevaluatie")
PHASE_ALIASES = {
    **{p: p for p in PHASES},
    "voorbereiden": "voorbereiding", "preparation": "voorbereiding", "beeld": "wijkbeeld",
    "opgave": "wijkopgave", "plan": "wijkplan", "uitvoering": "wijkuitvoering",
    "implementation": "wijkuitvoering", "evaluatie": "wijkevaluatie", "evaluation": "wijkevaluatie",
}  # fmt: skip
PPI_REQUIRED = ("scope", "period", "indicator", "value")
PPI_OPTIONAL = ("target", "unit", "note")
#: ``scope`` of a programme-wide process indicator (aliases: programme, program, totaal).
PROGRAMME = "programma"
PROGRAMME_ALIASES = {"programma", "programme", "program", "totaal", "total"}
KPI_CORRECTION_REQUIRED = ("wijk", "wave", "correction", "reason")

TEXTS.update({
    "group": {
        "nl": "'{value}' is geen groep; verwacht pilot (pilotwijk) of comparison (vergelijkingswijk)",
        "en": "'{value}' is not a group; expected pilot (pilotwijk) or comparison (vergelijkingswijk)",
    },
    "phase": {
        "nl": "'{value}' is geen fase van de routekaart; verwacht voorbereiding, wijkbeeld, wijkopgave, wijkplan, "
              "wijkuitvoering of wijkevaluatie (of leeg)",
        "en": "'{value}' is not a phase of the route map; expected voorbereiding, wijkbeeld, wijkopgave, wijkplan, "
              "wijkuitvoering or wijkevaluatie (or empty)",
    },
    "start_date": {
        "nl": "'{value}' is geen datum of jaar; verwacht bijv. 2025, 2025-09, 2025-09-01 of 1-9-2025",
        "en": "'{value}' is not a date or year; expected e.g. 2025, 2025-09, 2025-09-01 or 1-9-2025",
    },
    "unknown_wijk": {
        "nl": "onbekende wijk '{value}'; verwacht een wijk van het project ({known}){hint}",
        "en": "unknown wijk '{value}'; expected a wijk of the project ({known}){hint}",
    },
    "duplicate_wijk": {
        "nl": "wijk '{value}' staat al in rij {first}; één rij per wijk",
        "en": "wijk '{value}' is already listed in row {first}; one row per wijk",
    },
    "phase_wave": {
        "nl": "meting '{value}' van kolom '{column}' staat niet in de lijst 'waves' van wijknet.yaml ({known})",
        "en": "wave '{value}' of column '{column}' is not in the 'waves' list of wijknet.yaml ({known})",
    },
    "period": {
        "nl": "'{value}' is geen periode; verwacht een halfjaar zoals 2026-H1 of 2026-H2, of een jaar zoals 2026",
        "en": "'{value}' is not a period; expected a half-year such as 2026-H1 or 2026-H2, or a year such as 2026",
    },
    "ppi_number": {
        "nl": "'{value}' is geen getal; verwacht een getal (bijv. 3 of 2,5) of ja/nee",
        "en": "'{value}' is not a number; expected a number (e.g. 3 or 2.5) or yes/no",
    },
    "duplicate_ppi": {
        "nl": "indicator '{value}' staat voor '{scope}' in periode '{period}' al in rij {first}; één waarde per "
              "scope, periode en indicator",
        "en": "indicator '{value}' for '{scope}' in period '{period}' is already in row {first}; one value per "
              "scope, period and indicator",
    },
    "correction_number": {
        "nl": "'{value}' is geen correctie; verwacht procentpunten tussen -100 en 100 (bijv. -5 of 2,5)",
        "en": "'{value}' is not a correction; expected percentage points between -100 and 100 (e.g. -5 or 2.5)",
    },
    "correction_wave": {
        "nl": "meting '{value}' is geen meting van het project ({known})",
        "en": "wave '{value}' is not a wave of the project ({known})",
    },
    "duplicate_correction": {
        "nl": "wijk '{value}' heeft in meting '{wave}' al een correctie in rij {first}; één correctie per wijk en "
              "meting",
        "en": "wijk '{value}' already has a correction in wave '{wave}' in row {first}; one correction per wijk "
              "and wave",
    },
})  # fmt: skip


def _key(value: str) -> str:
    """Lower case without spaces, hyphens and underscores: ``'Wijk uitvoering'`` -> ``'wijkuitvoering'``."""
    return re.sub(r"[\s_\-]+", "", str(value).strip().lower())


def group_code(value: str) -> str:
    """``"pilot"`` or ``"comparison"`` of a group or its Dutch alias; ``ValueError`` otherwise.

    Examples
    --------
    >>> group_code("Vergelijkingswijk"), group_code("pilotwijk")
    ('comparison', 'pilot')
    """
    code = GROUP_ALIASES.get(_key(value))
    if code is None:
        raise ValueError(value)
    return code


def phase_code(value: str) -> str:
    """The route-map phase (a name of :data:`PHASES`) of a phase or its alias; ``""`` for empty.

    Case, spaces and hyphens do not matter; ``ValueError`` for anything else.

    Examples
    --------
    >>> phase_code("Wijk-uitvoering"), phase_code("evaluatie"), phase_code(" ")
    ('wijkuitvoering', 'wijkevaluatie', '')
    """
    if str(value).strip() == "":
        return ""
    code = PHASE_ALIASES.get(_key(value))
    if code is None:
        raise ValueError(value)
    return code


def start_date(value: str) -> str:
    """The start of a wijkplan as ISO text (``2025``, ``2025-09`` or ``2025-09-01``); ``""`` for empty.

    Accepts a year, ``yyyy-mm``, ``yyyy-mm-dd`` (an Excel date's ``00:00:00``
    is dropped) and the Dutch ``d-m-yyyy`` / ``d/m/yyyy``.

    Examples
    --------
    >>> start_date("2025"), start_date("1-9-2025"), start_date("2025-09-01 00:00:00")
    ('2025', '2025-09-01', '2025-09-01')
    """
    import datetime as dt

    value = str(value).strip()
    if value == "":
        return ""
    value = re.sub(r"[ T]00:00(:00)?$", "", value)
    if re.fullmatch(r"(19|20)\d\d", value):
        return value
    match = re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})", value)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{int(match.group(2)):02d}"
    match = re.fullmatch(r"((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})", value) or None
    parts = (match.group(1), match.group(2), match.group(3)) if match else None
    if parts is None:
        match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)", value)
        parts = (match.group(3), match.group(2), match.group(1)) if match else None
    if parts is None:
        raise ValueError(value)
    return dt.date(
        int(parts[0]), int(parts[1]), int(parts[2])
    ).isoformat()  # ValueError if no such day


def period_code(value: str) -> str:
    """A PPI period as ``yyyy-H1``, ``yyyy-H2`` or ``yyyy``; ``ValueError`` otherwise.

    Accepts case and a space or no separator (``2026 h1``, ``2026H2``) and
    ``H1 2026``.

    Examples
    --------
    >>> period_code("2026-H1"), period_code("2026 h2"), period_code("H1-2027"), period_code("2026")
    ('2026-H1', '2026-H2', '2027-H1', '2026')
    """
    value = str(value).strip().upper()
    if re.fullmatch(r"(19|20)\d\d", value):
        return value
    match = re.fullmatch(r"((?:19|20)\d\d)[\s\-_/]*H([12])", value) or re.fullmatch(
        r"H([12])[\s\-_/]*((?:19|20)\d\d)", value
    )
    if match is None:
        raise ValueError(value)
    year, half = (
        (match.group(1), match.group(2)) if value[0] != "H" else (match.group(2), match.group(1))
    )
    return f"{year}-H{half}"


def ppi_number(value: str) -> float:
    """A PPI value or target as a float: a finite number (Dutch decimal comma accepted), ja = 1, nee = 0.

    Empty is NaN (not yet known); ``ValueError`` for anything else.

    Examples
    --------
    >>> ppi_number("2,5"), ppi_number("ja"), ppi_number("")
    (2.5, 1.0, nan)
    """
    value = str(value).strip()
    if value == "":
        return float("nan")
    if value.lower() in ("ja", "yes", "j", "y"):
        return 1.0
    if value.lower() in ("nee", "no", "n"):
        return 0.0
    number = float(_to_float_str(value))
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def correction_points(value: str) -> float:
    """A KPI correction in percentage points, -100 to 100 (Dutch decimal comma accepted); ``ValueError`` otherwise.

    Examples
    --------
    >>> correction_points("-2,5"), correction_points("+4")
    (-2.5, 4.0)
    """
    number = float(_to_float_str(str(value).strip()))
    if not math.isfinite(number) or not -100 <= number <= 100:
        raise ValueError(value)
    return number


def _clean_text(value) -> str:
    from wijknet.io.tables import clean_cell

    return clean_cell(str(value))[0].strip() if not pd.isna(value) else ""


def _rename_aliases(df: pd.DataFrame, aliases: dict[str, str]) -> pd.DataFrame:
    """Dutch headers as the canonical column (``gemeente`` -> ``municipality``, ``fase_2026`` -> ``phase_2026``)."""
    renames = {}
    for column in df.columns:
        name = str(column)
        if name in aliases and aliases[name] not in df.columns:
            renames[column] = aliases[name]
        elif name.startswith("fase_") and f"{PHASE_PREFIX}{name[5:]}" not in df.columns:
            renames[column] = f"{PHASE_PREFIX}{name[5:]}"
    return df.rename(columns=renames) if renames else df


def _unknown_wijk(value: str, known, file: str, row, column: str) -> list[Problem]:
    """A problem when ``value`` is not one of ``known`` wijken, with a did-you-mean suggestion."""
    import difflib

    if not value or value in known:
        return []
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = text(TEXTS, "did_you_mean", name=close[0]) if close else ""
    message = text(TEXTS, "unknown_wijk", value=value, known=", ".join(known) or "-", hint=hint)
    return [Problem(file, message, row=int(row), column=column)]


def _first_seen(df: pd.DataFrame, key: list[str], file: str, column: str, message) -> list[Problem]:
    """A problem (``message(values, first_row)``) for every row whose ``key`` repeats an earlier row's."""
    problems, seen = [], {}
    # Only rows of a repeated key are walked (in order, so the first of each key is remembered).
    repeated = df.duplicated(key, keep=False).to_numpy()
    for row, values in zip(
        df.index[repeated], df[key][repeated].itertuples(index=False, name=None)
    ):
        if "" in values:
            continue
        if values in seen:
            problems.append(
                Problem(file, message(values, seen[values]), row=int(row), column=column)
            )
        else:
            seen[values] = row
    return problems


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


WIJKEN_CHECKS = _checks(
    WIJKEN_REQUIRED,
    {
        "group": ("group", _passes_rule(group_code)),
        "wijkplan_start": ("start_date", _passes_rule(start_date)),
    },
)


def validate_wijken(
    df: pd.DataFrame,
    wijken,
    waves=None,
    file: str = "wijken.csv",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate the wide ``wijken`` table into the tidy wijk metadata and phases per wave.

    Parameters
    ----------
    df : pandas.DataFrame
        As :func:`wijknet.io.tables.read_table` returns it: ``wijk``,
        ``group`` (``pilot``/``comparison`` or ``pilotwijk``/
        ``vergelijkingswijk``), optional ``municipality`` (``gemeente``),
        ``subregion`` (``subregio``), ``wijkplan_start`` (``start_wijkplan``;
        a year or date) and one ``phase_<wave>`` (``fase_<wave>``) column per
        wave with that wave's route-map phase (:data:`PHASES`, or empty).
    wijken : collection of str
        The wijken of the project: a wijk of the table must be one of them
        (not every wijk needs a row: a wijk without one is a pilot).
    waves : sequence of str, optional
        The configured waves; a ``phase_<wave>`` column of another wave is a
        problem. ``None``: any wave (phases may be planned ahead).

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        :data:`WIJK_META_COLUMNS` (one row per wijk, ``group`` as
        ``pilot``/``comparison``, ``wijkplan_start`` as ISO text or ``""``,
        other columns kept) and :data:`WIJK_PHASE_COLUMNS` (one row per wijk
        and wave with a phase, in wave-column order).

    Examples
    --------
    >>> df = pd.DataFrame({"wijk": ["Noord", "Zuid"], "gemeente": ["Fictiefstad", "Fictiefstad"],
    ...                    "groep": ["pilotwijk", "Vergelijkingswijk"], "fase_2025": ["Wijkbeeld", ""],
    ...                    "fase_2026": ["uitvoering", "voorbereiding"]})
    >>> meta, phases = validate_wijken(df, ["Noord", "Zuid"])
    >>> meta["group"].tolist(), phases.values.tolist()
    (['pilot', 'comparison'], [['Noord', '2025', 'wijkbeeld'], ['Noord', '2026', 'wijkuitvoering'], ['Zuid', '2026', 'voorbereiding']])
    """
    df = _rename_aliases(df, WIJKEN_ALIASES)
    known = sorted(set(wijken), key=str)
    phase_columns = [c for c in df.columns if str(c).startswith(PHASE_PREFIX)]
    checks = {**WIJKEN_CHECKS, **{c: ("phase", _passes_rule(phase_code)) for c in phase_columns}}
    problems = _cell_problems(df, WIJKEN_REQUIRED, checks, file)
    for column in phase_columns:
        wave = str(column)[len(PHASE_PREFIX) :]
        if waves is not None and wave not in waves:
            message = text(TEXTS, "phase_wave", value=wave, column=column, known=", ".join(waves))
            problems.append(Problem(file, message, column=str(column)))
    names = df["wijk"].map(_clean_text)
    for row, wijk in names.items():
        problems += _unknown_wijk(wijk, known, file, row, "wijk")
    problems += _first_seen(
        names.to_frame(), ["wijk"], file, "wijk",
        lambda v, first: text(TEXTS, "duplicate_wijk", value=v[0], first=first),
    )  # fmt: skip
    if problems:
        raise DataError(_sorted(problems))
    meta = df.drop(columns=phase_columns).copy()
    meta["wijk"] = names
    for column in WIJKEN_OPTIONAL:
        meta[column] = meta[column].map(_clean_text) if column in meta.columns else ""
    meta["group"] = meta["group"].map(group_code)
    meta["wijkplan_start"] = meta["wijkplan_start"].map(start_date)
    ordered = [*WIJK_META_COLUMNS, *(c for c in meta.columns if c not in WIJK_META_COLUMNS)]
    meta = meta[ordered].reset_index(drop=True)
    rows = [
        (wijk, str(column)[len(PHASE_PREFIX) :], phase_code(value))
        for wijk, values in zip(names, zip(*(df[c] for c in phase_columns)))
        for column, value in zip(phase_columns, values)
        if not pd.isna(value) and phase_code(value)
    ]
    phases = pd.DataFrame(rows, columns=list(WIJK_PHASE_COLUMNS)).astype(str)
    return meta, phases


def _scope(value: str) -> str:
    value = _clean_text(value)
    return PROGRAMME if value.lower() in PROGRAMME_ALIASES else value


PPI_CHECKS = _checks(
    ("scope", "period", "indicator"),
    {
        "period": ("period", _passes_rule(period_code)),
        "value": ("ppi_number", _passes_rule(ppi_number)),
        "target": ("ppi_number", _passes_rule(ppi_number)),
    },
)


def validate_ppi(df: pd.DataFrame, wijken, file: str = "ppi.csv") -> pd.DataFrame:
    """Validate a table of process indicators (PPI) of the programme office.

    Columns ``scope`` (a wijk of ``wijken`` or ``programma``), ``period``
    (``2026-H1``, ``2026-H2`` or ``2026``), ``indicator`` (free text naming
    the indicator, e.g. "wijkplan vastgesteld"), ``value`` (a number, ja/nee
    as 1/0, or empty while not yet known) and optional ``target`` (the
    same), ``unit`` and ``note`` (free text of the programme office).

    Returns
    -------
    pandas.DataFrame
        ``scope``, ``period`` (normalised), ``indicator``, ``value`` and
        ``target`` as floats (NaN = empty), ``unit``, ``note`` (control
        characters removed).

    Raises
    ------
    DataError
        Per cell: a bad period or number, an unknown wijk (with a
        suggestion), and a second row of the same scope, period and indicator.

    Examples
    --------
    >>> df = pd.DataFrame({"scope": ["Noord", "Programma"], "period": ["2026 h1", "2026"],
    ...                    "indicator": ["wijkplan vastgesteld", "deelnemers leernetwerk"],
    ...                    "value": ["ja", "41"], "target": ["ja", "40,0"]})
    >>> validate_ppi(df, ["Noord"])[["scope", "period", "value", "target"]].values.tolist()
    [['Noord', '2026-H1', 1.0, 1.0], ['programma', '2026', 41.0, 40.0]]
    """
    problems = _cell_problems(df, PPI_REQUIRED, PPI_CHECKS, file)
    known = sorted(set(wijken), key=str)
    scopes = df["scope"].map(_scope)
    for row, scope in scopes.items():
        if scope != PROGRAMME:
            problems += _unknown_wijk(scope, known, file, row, "scope")
    key = pd.DataFrame({
        "scope": scopes,
        "period": df["period"].map(lambda v: _or_empty(period_code, v)),
        "indicator": df["indicator"].map(lambda v: _clean_text(v).lower()),
    })  # fmt: skip
    problems += _first_seen(
        key, ["scope", "period", "indicator"], file, "indicator",
        lambda v, first: text(TEXTS, "duplicate_ppi", scope=v[0], period=v[1], value=v[2], first=first),
    )  # fmt: skip
    if problems:
        raise DataError(_sorted(problems))
    out = pd.DataFrame(index=df.index)
    out["scope"] = scopes
    out["period"] = df["period"].map(period_code)
    out["indicator"] = df["indicator"].map(_clean_text)
    for column in ("value", "target"):
        out[column] = (
            df[column].map(ppi_number).astype(float) if column in df.columns else float("nan")
        )
    for column in ("unit", "note"):
        out[column] = df[column].map(_clean_text) if column in df.columns else ""
    return out


def _or_empty(convert, value) -> str:
    try:
        return convert(value)
    except (ValueError, TypeError):
        return ""


KPI_CORRECTION_CHECKS = _checks(
    KPI_CORRECTION_REQUIRED, {"correction": ("correction_number", _passes_rule(correction_points))}
)


def validate_kpi_corrections(
    df: pd.DataFrame, wijken, waves, file: str = "kpi_corrections.csv"
) -> pd.DataFrame:
    """Validate the exogenous corrections of the KPI 3 judgement, one per wijk and wave.

    ``correction`` is in percentage points added to the KPI 3 share of the
    wijk and wave (negative lowers it), as the transformation plan judges KPI
    results "na correctie voor exogene factoren voor zover mogelijk en
    relevant"; ``reason`` (required) says why, in the programme office's
    words (free text, treated as personal data: see the module docstring).

    Returns
    -------
    pandas.DataFrame
        ``wijk``, ``wave``, ``correction`` (float), ``reason`` (control
        characters removed).

    Examples
    --------
    >>> df = pd.DataFrame({"wijk": ["Noord"], "wave": ["2026"], "correction": ["-2,5"],
    ...                    "reason": ["Fusie van twee huisartsenpraktijken"]})
    >>> validate_kpi_corrections(df, ["Noord"], ["2025", "2026"])["correction"].tolist()
    [-2.5]
    """
    problems = _cell_problems(df, KPI_CORRECTION_REQUIRED, KPI_CORRECTION_CHECKS, file)
    known = sorted(set(wijken), key=str)
    names = df["wijk"].map(_clean_text)
    for row, wijk in names.items():
        problems += _unknown_wijk(wijk, known, file, row, "wijk")
    wave_list = list(waves)
    for row, wave in df["wave"].map(_clean_text).items():
        if wave and wave not in wave_list:
            message = text(TEXTS, "correction_wave", value=wave, known=", ".join(wave_list) or "-")
            problems.append(Problem(file, message, row=int(row), column="wave"))
    key = pd.DataFrame({"wijk": names, "wave": df["wave"].map(_clean_text)})
    problems += _first_seen(
        key, ["wijk", "wave"], file, "wave",
        lambda v, first: text(TEXTS, "duplicate_correction", value=v[0], wave=v[1], first=first),
    )  # fmt: skip
    if problems:
        raise DataError(_sorted(problems))
    return pd.DataFrame({
        "wijk": names,
        "wave": df["wave"].map(_clean_text),
        "correction": df["correction"].map(correction_points).astype(float),
        "reason": df["reason"].map(_clean_text),
    }).reset_index(drop=True)  # fmt: skip


def empty_wijk_meta() -> pd.DataFrame:
    return empty_table(WIJK_META_COLUMNS)


def empty_wijk_phases() -> pd.DataFrame:
    return empty_table(WIJK_PHASE_COLUMNS)


def empty_ppi() -> pd.DataFrame:
    return empty_table(
        ("scope", "period", "indicator"), ("unit", "note"), floats=("value", "target")
    )[["scope", "period", "indicator", "value", "target", "unit", "note"]]


def empty_kpi_corrections() -> pd.DataFrame:
    return empty_table(("wijk", "wave"), ("reason",), floats=("correction",))[
        list(KPI_CORRECTION_REQUIRED)
    ]
