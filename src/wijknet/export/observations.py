"""The tie observations behind every arc of an export, so a GraphML or GEXF round trip keeps them.

An arc of an exported graph is one or more observations (a survey answer, its
confirmation by the other side, an interview, a Network Canvas session; ties
of several types). The arc's ``weight``, ``tie_type`` and ``evidence`` are
summaries; the edge attribute ``observations`` (GraphML; per wave
``wave_observations`` in GEXF) keeps each observation as JSON text::

    [{"tie_type": "verwijzing", "weight": 5.0, "evidence": "enquête", "evidence_kind": "survey"}, ...]

``weight`` is ``null`` when the observation has none; ``evidence_kind`` is one
of :data:`wijknet.store.schema.EVIDENCE_KINDS`. :mod:`wijknet.ingest.graphfile`
reads it back, so ``wijknet import`` of the file stores every observation with
its own type, weight, evidence label and kind (and the evidence rules
``survey`` and ``confirmed`` give the same ties as before the round trip).

Where the observations come from:

* a project store: the observations that count under the project's evidence
  rule (:func:`wijknet.store.combine.kept_observations`), without the
  interview signals (:data:`wijknet.core.ties.NON_TIE_TYPES`), ids replaced by
  the pseudonyms of a restricted project;
* a tidy folder: the rows of the ``ties`` table, the kind as ``wijknet
  import`` of that table would give it (an ``evidence_kind`` column, else the
  first word of the ``evidence`` label, else ``tidy_file``).

Who gets them: the full project and the onderzoeker (:func:`carries_observations`).
A wijkteam's files have no ``observations`` attribute: one party's own
answer about a tie (the weight of a single observation) is an individual
survey answer, which only researchers see. The evidence label is free text
(it may name someone): it is kept only for the full project or an
onderzoeker with names unlocked, and is empty otherwise (the kind says what
sort of evidence it was).
"""

from __future__ import annotations

import json
import math

import pandas as pd

from wijknet.core.ties import NON_TIE_TYPES, OBSERVATION_KEYS

#: Keys of one observation in the ``observations`` attribute, in this order.


def _weight(value):
    value = None if value is None or value == "" else float(value)
    return None if value is None or math.isnan(value) else value


def carries_observations(project) -> bool:
    """Whether the export of ``project`` has the ``observations`` attribute (full project or onderzoeker)."""
    return project.audience is None or project.audience.sees_ratings


def _shows_labels(project) -> bool:
    return project.audience is None or project.audience.sees_quotes


def _store_observations(project, wijk: str, wave: str) -> pd.DataFrame:
    from wijknet.store.combine import kept_observations
    from wijknet.store.db import connection
    from wijknet.store.frames import observations

    with connection(project.store_path) as conn:
        obs = observations(conn, "WHERE wijk = ? AND wave = ?", (wijk, wave))
    obs = kept_observations(obs, project.evidence_rule or "all")
    obs = obs[~obs["tie_type"].isin(NON_TIE_TYPES)]
    if project._real_ids is not None:  # restricted project: real ids -> its pseudonyms
        codes = {real: code for code, real in project._real_ids.items()}
        obs = obs.assign(source=obs["source"].map(codes), target=obs["target"].map(codes)).dropna(
            subset=["source", "target"]
        )
    return obs.rename(columns={"kind": "evidence_kind", "label": "evidence"})


def _tidy_observations(project, wijk: str, wave: str) -> pd.DataFrame:
    from wijknet.store.importing import label_kind

    t = project.ties
    t = t[(t["wijk"] == wijk) & (t["wave"] == wave) & ~t["tie_type"].isin(NON_TIE_TYPES)]
    evidence = (
        t["evidence"].fillna("").astype(str)
        if "evidence" in t.columns
        else pd.Series("", index=t.index)
    )
    if "evidence_kind" in t.columns:
        kind = (
            t["evidence_kind"]
            .fillna("")
            .astype(str)
            .where(lambda k: k != "", evidence.map(label_kind))
        )
    else:
        kind = evidence.map(label_kind)
    return t.assign(evidence=evidence, evidence_kind=kind)


def tie_observations(project, wijk: str, wave: str) -> dict[tuple[str, str], list[dict]]:
    """Every observation of every arc of ``wijk`` in ``wave``: ``(source, target) -> [observation, ...]``.

    Each observation is a dict with :data:`~wijknet.core.ties.OBSERVATION_KEYS`; the list is sorted (by type,
    kind, weight, label), so the
    same project always gives the same files. See the module docstring.
    Empty for an audience that does not get them (:func:`carries_observations`).
    """
    if not carries_observations(project):
        return {}
    obs = (
        _store_observations(project, wijk, wave)
        if project.store_path is not None
        else _tidy_observations(project, wijk, wave)
    )
    labels = _shows_labels(project)
    out: dict[tuple[str, str], list[dict]] = {}
    for s, t, tie_type, weight, evidence, kind in zip(obs["source"], obs["target"], obs["tie_type"], obs["weight"],
                                                      obs["evidence"], obs["evidence_kind"]):  # fmt: skip
        item = {"tie_type": str(tie_type), "weight": _weight(weight), "evidence": str(evidence or "") if labels else "",
                "evidence_kind": str(kind)}  # fmt: skip
        out.setdefault((str(s), str(t)), []).append(item)
    for items in out.values():
        items.sort(key=lambda o: (o["tie_type"], o["evidence_kind"], -math.inf if o["weight"] is None else o["weight"],
                                  o["evidence"]))  # fmt: skip
    return out


def dumps(items: list[dict]) -> str:
    """The ``observations`` attribute text of one arc."""
    return json.dumps([{k: o[k] for k in OBSERVATION_KEYS} for o in items], ensure_ascii=False)
