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
    yes); any other column is kept.

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
)
TIE_REQUIRED = ("wijk", "wave", "source", "target")
TIE_OPTIONAL = ("tie_type", "weight", "evidence")
RESPONSE_REQUIRED = ("wijk", "wave", "actor_id")
RESPONSE_OPTIONAL = ("kpi3", "active")
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


RESPONSE_CHECKS = _checks(
    RESPONSE_REQUIRED, {"kpi3": ("kpi3_range", _is_kpi3), "active": ("bool", _is_bool)}
)


def _passes(rule: Callable[[str], bool], value) -> bool:
    try:
        return bool(rule(value))
    except (AttributeError, TypeError, ValueError):  # not a string: read_table never gives one
        return False


def _check(df: pd.DataFrame, checks: dict[str, Check], file: str) -> list[Problem]:
    """A problem per cell that breaks its column's rule, by row then column; missing (NaN) cells pass."""
    problems = []
    for column, (key, rule) in checks.items():
        if column not in df.columns:
            continue
        for row, value in df[column].items():
            if not pd.isna(value) and not _passes(rule, value):
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
    for row, wijk, wave, source, target, ttype in zip(
        df.index, df["wijk"], df["wave"], df["source"], df["target"], tie_type
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
    out["weight"] = out["weight"].map(lambda v: float(_to_float_str(v)) if v != "" else 1.0)
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
    return out


def empty_responses() -> pd.DataFrame:
    """A responses table without rows, with the validated column types."""
    return pd.DataFrame(
        {
            "wijk": pd.Series(dtype=str),
            "wave": pd.Series(dtype=str),
            "actor_id": pd.Series(dtype=str),
            "kpi3": pd.Series(dtype=float),
            "active": pd.Series(dtype=bool),
        }
    )
