"""Where does a tie come from? The evidence behind every tie of one actor.

:func:`tie_evidence` lists every tie of one actor in one wijk and wave, in
both directions, with the other actor and the evidence of the tie:

- for a project store (``wijknet init`` / ``wijknet import``): every
  observation that made the tie under the project's evidence rule (see
  :mod:`wijknet.store.combine`), with its kind, file, row and column, as
  :meth:`wijknet.project.Project.evidence` returns them;
- for a tidy folder: one row per row of the ``ties`` table, with its
  ``evidence`` label (kind ``tidy_file``; the file row is not kept).

Interview quotes, evidence labels and file names are free text and so
personal data. Quotes are left out unless ``include_quotes=True``; and for
a project restricted to an audience (:func:`wijknet.privacy.restrict`) all
three are what that audience may see: the real text only for a researcher
with names unlocked, neutral labels ("gesprek", "bestand 3") for everyone
else (:func:`wijknet.privacy.view.restrict_evidence`), on both paths.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from wijknet.project import Project

#: Columns of :func:`tie_evidence` (plus ``quote`` with ``include_quotes=True``).
COLUMNS = ["wijk", "wave", "actor_id", "direction", "other_id", "other_name", "other_domain", "source", "target",
           "tie_type", "weight", "kind", "label", "source_file", "source_row", "source_column"]  # fmt: skip
OUTGOING, INCOMING = "outgoing", "incoming"


def tie_evidence(
    project: Project, wijk: str, wave: str, actor_id: str, *, include_quotes: bool = False
) -> pd.DataFrame:
    """Every tie of ``actor_id`` in one wijk and wave (both directions) with its evidence.

    Parameters
    ----------
    project : Project
        A tidy project or a project store.
    wijk, wave : str
    actor_id : str
    include_quotes : bool, default False
        Add a ``quote`` column with the interview quote of each observation
        (empty when there is none; always empty for a tidy project). Quotes
        are personal data: a project restricted to an audience
        (``load_project(..., audience=...)``) has them only for researchers
        with names unlocked (:mod:`wijknet.privacy`); for everyone else the
        column stays empty, and ``label`` and ``source_file`` are neutral.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``direction`` is ``"outgoing"`` (the actor
        is the tie's source) or ``"incoming"``; ``other_*`` describe the
        other actor (name falls back to its id); ``tie_type`` and ``weight``
        are those of the tie in ``project.ties``; ``kind``, ``label``,
        ``source_file``, ``source_row`` and ``source_column`` describe one
        piece of evidence (one row per observation of a store tie, one row
        per ``ties`` row of a tidy project; row and column are empty for a
        tidy project). Sorted by direction, other actor's name and tie type.
    """
    columns = COLUMNS + (["quote"] if include_quotes else [])
    t = project.ties
    ties = t[
        (t["wijk"] == wijk)
        & (t["wave"] == wave)
        & ((t["source"] == actor_id) | (t["target"] == actor_id))
    ]
    if ties.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    if project.store_path is None:
        rows = [{"source": s, "target": g, "tie_type": tt, "weight": w, "kind": "tidy_file", "label": ev,
                 "source_file": project.ties.attrs.get("file", "ties.csv"), "source_row": None,
                 "source_column": None, "quote": ""}
                for s, g, tt, w, ev in zip(ties["source"], ties["target"], ties["tie_type"], ties["weight"],
                                           ties["evidence"])]  # fmt: skip
        out = pd.DataFrame(rows)
        if project.audience is not None:  # the store path is restricted by Project.evidence
            from wijknet.privacy.view import restrict_evidence

            out = restrict_evidence(out, project.audience, None)
    else:
        out = _store_rows(project, wijk, wave, actor_id, ties)
    out["direction"] = [OUTGOING if s == actor_id else INCOMING for s in out["source"]]
    out["other_id"] = [g if s == actor_id else s for s, g in zip(out["source"], out["target"])]
    info = (
        project.actors[project.actors["wijk"] == wijk]
        .drop_duplicates("actor_id")
        .set_index("actor_id")
    )
    names = info["name"] if "name" in info.columns else pd.Series(dtype=object)
    out["other_name"] = [_name(names.get(o), o) for o in out["other_id"]]
    out["other_domain"] = [info["domain"].get(o, "") for o in out["other_id"]]
    out["wijk"], out["wave"], out["actor_id"] = wijk, wave, actor_id
    out = out.sort_values(
        ["direction", "other_name", "tie_type"],
        key=lambda s: s.astype(str).str.lower(),
        kind="stable",
    )
    return out[columns].reset_index(drop=True)


def _name(value, fallback: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or not str(value).strip():
        return fallback
    return str(value)


def _store_rows(
    project: Project, wijk: str, wave: str, actor_id: str, ties: pd.DataFrame
) -> pd.DataFrame:
    """The kept observations of each tie in ``ties`` (a store project), with the tie's weight."""
    from wijknet.store.combine import kept_observations

    others = dict.fromkeys(
        g if s == actor_id else s for s, g in zip(ties["source"], ties["target"])
    )
    parts = []
    for other in others:
        obs = project.evidence(wijk, wave, actor_id, other)  # both directions of the pair
        parts.append(kept_observations(obs, project.evidence_rule or "all"))
    obs = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    obs = obs.drop(columns=["weight"]).merge(
        ties[["source", "target", "tie_type", "weight"]],
        on=["source", "target", "tie_type"],
        how="inner",
    )
    for column in ("source_row", "source_column", "quote"):
        obs[column] = obs[column].where(obs[column].notna(), None)
    obs["quote"] = obs["quote"].fillna("")
    return obs
