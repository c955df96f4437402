"""The tidy interchange format: ``actors`` and ``ties`` tables.

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


def _checks(required: tuple[str, ...], optional: dict[str, Check]) -> dict[str, Check]:
    """One rule per column: required columns may not be empty, optional ones meet their predicate."""
    return {**{c: ("not_empty", lambda v: v != "") for c in required}, **optional}


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


def _by_value(series: pd.Series, convert: Callable) -> pd.Series:
    """``series.map(convert)``, calling ``convert`` once per distinct value (columns repeat a few values)."""
    if len(series) == 0:
        return series.map(convert)
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    converted = pd.Series([convert(v) for v in uniques], dtype=object)
    return pd.Series(converted.to_numpy()[codes], index=series.index)


def _check(df: pd.DataFrame, checks: dict[str, Check], file: str) -> list[Problem]:
    """A problem per cell that breaks its column's rule, by row then column; missing (NaN) cells pass."""
    problems = []
    for column, (key, rule) in checks.items():
        if column not in df.columns:
            continue
        values = df[column]
        values = values[values.notna()]
        # The rule is a function of the text alone: test each distinct value once, report every cell.
        bad = [v for v in pd.unique(values) if not _passes(rule, v)]
        if not bad:
            continue
        for row, value in values[values.isin(bad)].items():
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
    problems = _check(df, ACTOR_CHECKS, file)
    first: dict[str, int] = {}
    for row, actor_id in df["actor_id"].items():
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
    out = df.copy()
    for col in ACTOR_OPTIONAL:
        if col not in out.columns:
            out[col] = ""
    for col in ("pluswijkteam", "consent"):
        out[col] = out[col].str.strip().str.lower().isin(TRUE)
    out["kind"] = out["kind"].str.strip().str.lower().map(lambda v: KINDS.get(v, ""))
    out["kernaanpakken"] = out["kernaanpakken"].map(_normalise_list)
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
    problems = _check(df, TIE_CHECKS, file)
    wijk_of = dict(zip(actors["actor_id"], actors["wijk"]))
    seen: dict[tuple, int] = {}
    tie_type = df["tie_type"] if "tie_type" in df.columns else pd.Series("", index=df.index)
    # The common case checked at once: every actor known and of the tie's wijk, no self-tie, no
    # duplicate. Only when that fails does the loop below find (and word) each problem, row by row.
    columns = {"wijk": df["wijk"], "wave": df["wave"], "source": df["source"],
               "target": df["target"], "tie_type": tie_type}  # fmt: skip
    ties = pd.DataFrame({k: v.astype(object).to_numpy() for k, v in columns.items()})
    sides_ok = True
    for column in ("source", "target"):
        actor = ties[column]
        of = actor.map(wijk_of)
        sides_ok &= bool(
            (actor.eq("") | (of.notna() & (ties["wijk"].eq("") | of.eq(ties["wijk"])))).all()
        )
    clean = (sides_ok and not bool((ties["source"].ne("") & ties["source"].eq(ties["target"])).any())
             and not bool(ties.duplicated().any()))  # fmt: skip
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
    out = df.copy()
    for col in TIE_OPTIONAL:
        if col not in out.columns:
            out[col] = ""
    out["weight"] = _by_value(
        out["weight"], lambda v: float(_to_float_str(v)) if v != "" else 1.0
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
    problems = _check(df, RESPONSE_CHECKS, file)
    wijk_of = dict(zip(actors["actor_id"], actors["wijk"]))
    seen: dict[tuple, int] = {}
    for row, wijk, wave, actor in zip(df.index, df["wijk"], df["wave"], df["actor_id"]):
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
    out = df.copy()
    for col in RESPONSE_OPTIONAL:
        if col not in out.columns:
            out[col] = ""
    out["kpi3"] = out["kpi3"].map(kpi3_answer).astype(float)
    out["active"] = (
        out["active"].map(lambda v: v.strip() == "" or v.strip().lower() in TRUE).astype(bool)
    )
    out["participation_level"] = out["participation_level"].map(ladder_step)
    return out


def _cell_problems(
    df: pd.DataFrame, required: tuple[str, ...], checks: dict[str, Check], file: str
) -> list[Problem]:
    """Refuse a table without its required columns; else the problems of its cells."""
    problems = missing_columns(df, required, file)
    if problems:
        raise DataError(problems)
    return _check(df, checks, file)


def _actor_in_wijk(actor, wijk, wijk_of, file, actors_file, row, column) -> list[Problem]:
    """A problem when ``actor`` is not an actor of ``wijk``."""
    if actor and (actor not in wijk_of or (wijk and wijk_of[actor] != wijk)):
        message = text(TEXTS, "unknown_in_wijk", value=actor, wijk=wijk, actors=actors_file)
        return [Problem(file, message, row=row, column=column)]
    return []


def _duplicates(
    df: pd.DataFrame, key: list[str], file: str, message: str, column: str
) -> list[Problem]:
    """A problem for every row whose ``key`` repeats an earlier row's."""
    problems, seen = [], {}
    for row, values in zip(df.index, df[key].itertuples(index=False, name=None)):
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
    problems = _cell_problems(df, RATING_REQUIRED, RATING_CHECKS, file)
    wijk_of = dict(zip(actors["actor_id"], actors["wijk"]))
    for row, wijk, rater, rated in zip(df.index, df["wijk"], df["rater"], df["rated"]):
        problems += _actor_in_wijk(rater, wijk, wijk_of, file, actors_file, row, "rater")
        problems += _actor_in_wijk(rated, wijk, wijk_of, file, actors_file, row, "rated")
        if rater and rater == rated:
            problems.append(
                Problem(file, text(TEXTS, "self_rating", value=rater), row=row, column="rated")
            )
    problems += _duplicates(
        df, ["wijk", "wave", "rater", "rated"], file, "duplicate_rating", "rated"
    )
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
    out = df.copy()
    for item in RATING_ITEMS:
        out[item] = (
            _by_value(out[item], rating_answer).astype(float)
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
