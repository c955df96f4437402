"""Evidence rules: from observations to the tidy ``ties`` table.

A project store keeps every observation of a tie with its evidence (see
:data:`wijknet.store.schema.EVIDENCE_KINDS`). Analysis needs one ``ties``
table; an *evidence rule* says which observations make a tie:

``all`` (default)
    every observation counts: a tie ``source -> target`` exists in a wijk,
    wave and tie type when anything observed it.
``survey``
    only survey answers count (kinds ``survey`` and ``confirmation``): the
    network as the respondents describe it, without interviews, Network
    Canvas sessions, graph files or unrecognised tidy files.
``confirmed``
    a tie counts only when *both sides* reported it, or one side reported it
    and an interview mentions the pair. A report by a side is an observation
    whose reporter is that actor: the source of a ``survey``,
    ``network_canvas``, ``tidy_file`` or ``graph_file`` observation (the
    tidy convention: reporter first), the target of a ``confirmation``. So
    ``a -> b`` is confirmed when ``a`` named ``b`` and ``b`` named ``a`` (the
    reverse report, of any tie type) or confirmed ``a -> b``; or when one of
    them named the other and an ``interview`` observation of the pair (either
    direction) exists. This is the usual "reciprocated" reading of
    name-generator data, made robust to non-response by interviews.

Observations whose tie type is a signal of an interview (``zou_moeten_kennen``,
``drempel``, ``wens``; :data:`wijknet.core.ties.NON_TIE_TYPES`) are evidence but
never ties: they are left out of the ties table under every rule (pass
``signals=True`` to :func:`combine_observations` or :func:`ties` to get them)
and do not confirm a tie under ``confirmed``.

Only current observations count: a version a later import replaced or
withdrew (``superseded_by`` set, see :mod:`wijknet.store.importing`) is
history, left out by :func:`wijknet.store.frames.observations`, so a changed
answer is never counted twice.

Whatever the rule, the tie's ``weight`` is the largest weight of its kept
observations (empty when none has one, which :mod:`wijknet.io.tidy` reads as
1), ``evidence`` lists their labels (the tidy ``evidence`` text, else the
kind), ``;``-separated, and ``observations`` counts them. The result is in
the tidy format and validates with :func:`wijknet.io.tidy.validate_ties`.
"""

from __future__ import annotations

__all__ = ["RULES", "check_rule", "combine_observations", "evidence", "kept_observations", "ties"]

import sqlite3
from pathlib import Path

import pandas as pd

from wijknet.core.settings import EVIDENCE_RULES, check_rule
from wijknet.core.ties import NON_TIE_TYPES
from wijknet.store.frames import observations

#: The evidence rules (defined with the other settings in :mod:`wijknet.core.settings`).
RULES = EVIDENCE_RULES
SURVEY_KINDS = ("survey", "confirmation")
#: Kinds whose observation is a report by the tie's source.
SOURCE_REPORT_KINDS = ("survey", "network_canvas", "tidy_file", "graph_file")
TIE_COLUMNS = ["wijk", "wave", "source", "target", "tie_type", "weight", "evidence", "observations"]


def kept_observations(obs: pd.DataFrame, rule: str = "all") -> pd.DataFrame:
    """The observations that count under ``rule`` (see the module docstring).

    Parameters
    ----------
    obs : pandas.DataFrame
        Observations with at least ``wijk, wave, source, target, tie_type,
        weight, kind`` (as :func:`wijknet.store.frames.observations` returns).
    rule : {"all", "survey", "confirmed"}
    """
    check_rule(rule, file="rule")
    if rule == "all" or obs.empty:
        return obs
    if rule == "survey":
        return obs[obs["kind"].isin(SURVEY_KINDS)]
    # confirmed: who reported each unordered pair, and which pairs an interview mentions.
    reporter = obs["source"].where(
        obs["kind"].isin(SOURCE_REPORT_KINDS),
        obs["target"].where(obs["kind"] == "confirmation", ""),
    )
    reported = set(zip(obs["wijk"], obs["wave"], obs["source"], obs["target"], reporter))
    said: dict[tuple, set] = {}
    for wijk, wave, s, t, who in reported:
        if who:
            said.setdefault((wijk, wave, frozenset((s, t))), set()).add(who)
    interviewed = {(w, v, frozenset((s, t))) for w, v, s, t, k, tt in zip(obs["wijk"], obs["wave"], obs["source"], obs["target"],
                                                                        obs["kind"], obs["tie_type"])
                   if k == "interview" and tt not in NON_TIE_TYPES}  # fmt: skip

    def confirmed(wijk, wave, s, t) -> bool:
        pair = (wijk, wave, frozenset((s, t)))
        sides = said.get(pair, set())
        return len(sides & {s, t}) == 2 or (bool(sides & {s, t}) and pair in interviewed)

    by_side = obs[reporter != ""]
    ok_ties = {
        key
        for key in set(zip(by_side["wijk"], by_side["wave"], by_side["source"], by_side["target"]))
        if confirmed(*key)
    }
    mask = [key in ok_ties for key in zip(obs["wijk"], obs["wave"], obs["source"], obs["target"])]
    return obs[mask]


def combine_observations(
    obs: pd.DataFrame, rule: str = "all", *, signals: bool = False
) -> pd.DataFrame:
    """The tidy ties table made from ``obs`` by the evidence ``rule``.

    ``signals=True`` keeps the observations of :data:`wijknet.core.ties.NON_TIE_TYPES`
    (wishes, barriers, actors who should know each other); by default they
    are left out, so they never count as existing ties.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TIE_COLUMNS`, all strings, one row per wijk, wave,
        source, target and tie type, sorted by these; ``weight`` as text
        (``""`` when no kept observation has a weight).
    """
    kept = kept_observations(obs, rule)
    if not signals and not kept.empty:
        kept = kept[~kept["tie_type"].isin(NON_TIE_TYPES)]
    if kept.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in TIE_COLUMNS})
    kept = kept.assign(_label=kept["label"].where(kept["label"] != "", kept["kind"]))
    grouped = kept.groupby(
        ["wijk", "wave", "source", "target", "tie_type"], sort=True, dropna=False
    )
    out = grouped.agg(weight=("weight", "max"), evidence=("_label", lambda s: "; ".join(dict.fromkeys(s))),
                      observations=("kind", "size")).reset_index()  # fmt: skip
    out["weight"] = out["weight"].map(lambda w: "" if pd.isna(w) else repr(float(w)))
    out["observations"] = out["observations"].astype(str)
    return out[TIE_COLUMNS].astype(str).reset_index(drop=True)


def ties(
    store: sqlite3.Connection | str | Path, rule: str = "all", *, signals: bool = False
) -> pd.DataFrame:
    """The tidy ties table of a project store by the evidence ``rule``.

    Parameters
    ----------
    store : sqlite3.Connection, str or Path
        An open store connection or a project folder.
    rule : {"all", "survey", "confirmed"}
        See the module docstring.
    signals : bool
        Also the interview signals (wishes, barriers, should-know); see :func:`combine_observations`.
    """
    if isinstance(store, sqlite3.Connection):
        return combine_observations(observations(store), rule, signals=signals)
    from wijknet.store.db import connection

    with connection(store) as conn:
        return combine_observations(observations(conn), rule, signals=signals)


def evidence(
    store: sqlite3.Connection | str | Path, wijk: str, wave: str, source: str, target: str
) -> pd.DataFrame:
    """The observations behind the tie ``source -> target`` of one wijk and wave.

    Also returns the reverse reports (``target -> source``): they are the
    target's side of the tie. The column ``direction`` says which is which
    (``"tie"`` or ``"reverse"``).
    """
    where = "WHERE wijk = ? AND wave = ? AND ((source = ? AND target = ?) OR (source = ? AND target = ?))"
    params = (wijk, wave, source, target, target, source)
    if isinstance(store, sqlite3.Connection):
        obs = observations(store, where, params)
    else:
        from wijknet.store.db import connection

        with connection(store) as conn:
            obs = observations(conn, where, params)
    obs.insert(5, "direction", ["tie" if s == source else "reverse" for s in obs["source"]])
    return obs
