"""One-click anonymised copy of a project: a tidy folder without names, to share.

The copy is the project as the ``leernetwerk`` audience sees it
(:func:`wijknet.privacy.restrict`): no names, roles or organisations, no
extra columns, no survey ratings or quotes. Besides:

* **A key of its own.** Actor ids become pseudonyms under a fresh random key
  (:func:`secrets.token_bytes`) that is used for this copy only and then
  thrown away, so the copy's pseudonyms never match the researcher's own
  (:mod:`wijknet.privacy.keys`) and nobody, not even the researcher, can link
  the copy back to the project. Should a pseudonym equal one of the
  researcher's by chance, a new key is drawn. Pseudonyms are stable across
  the waves of one copy; two copies have different pseudonyms.
* **No individual answers** unless asked for (``with_answers=True``,
  ``wijknet anonymise --with-answers``): without it there is no
  ``responses.csv`` (each person's KPI 3 answer and whether they are
  active). The caller records the choice in the audit log of a store.
* **No small groups**: domains with fewer than ``min_cell`` actors in a wijk
  are merged into ``overig``, and when ``overig`` itself is still smaller
  the next smallest domains join it (:func:`_merge_small_other`).
* **No unique profiles** (k-anonymity, k = ``min_cell``): a PlusWIJkteam
  knows its own members' domain, team membership, kernaanpakken and waves,
  so these quasi-identifiers are blanked by local suppression
  (:func:`k_anonymise`) until at least ``min_cell`` actors of a wijk share
  every combination. How many values were blanked per column is in
  ``wijknet.yaml`` (``anonymisation: blanked``).
* **No free text**: the tie ``evidence`` labels (which may name someone)
  become the neutral word of their kind (``enquête``, ``gesprek``) or empty.
* **Interview themes without quotes**: ``themes.csv`` has the theme codes
  per segment with the copy's pseudonyms in ``actors``, ``interview_id`` and
  ``segment_id`` as opaque codes of the copy's key, ``signals``, and an
  empty ``quote``.
* **Ratings only with the answers**: the PARTNER items of each rater about
  each partner (``ratings.csv``, pseudonyms of the copy) are individual
  answers like ``responses.csv`` and are written only with
  ``with_answers=True``.
* **No per-wave attributes**: ``actor_waves`` (a PlusWIJkteam membership or
  kernaanpak per wave) would give every actor a profile per wave, more
  unique than the k-anonymised ``actors.csv``; the copy leaves it out.

* **The programme office's wijk tables**: ``wijken.csv`` (the columns of
  :data:`~wijknet.io.tidy.WIJK_META_COLUMNS` and a ``phase_<wave>`` column
  per wave; no extra columns), ``ppi.csv`` and ``kpi_corrections.csv``,
  each when the project has rows. They are about wijken, but their free
  text may name anyone: a PPI ``note`` is left empty like a quote, and a
  correction's required ``reason`` is the neutral text the leernetwerk sees
  (:data:`wijknet.privacy.view.NEUTRAL_WIJK_TEXT`), so the correction still
  counts and still says that it has a reason.

It is written as ``actors.csv``, ``ties.csv``, ``responses.csv`` and
``ratings.csv`` (only with answers), ``themes.csv`` (when the project has
themes), ``wijken.csv``, ``ppi.csv`` and ``kpi_corrections.csv`` (when the
project has them), ``domains.yaml`` and ``wijknet.yaml`` (``anonymised: true``), so
wijknet, R or Gephi can read it. The folder appears only when all files are
complete; a copy that is killed midway leaves a hidden temporary folder that
the next copy into the same parent folder removes.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import yaml

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.io.tidy import PHASE_PREFIX, WIJK_META_COLUMNS
from wijknet.privacy.keys import load_key, pseudonym
from wijknet.privacy.view import OTHER, restrict

#: Temporary folders of a copy being written, next to ``out``: ``.anonymise-<pid>-<random>``.
TMP_PREFIX = ".anonymise-"
#: Neutral evidence words by the kind the label names (see :mod:`wijknet.store.importing`).
NEUTRAL = {
    "survey": "enquête",
    "confirmation": "enquête",
    "interview": "gesprek",
    "network_canvas": "gesprek",
}

TEXTS = {
    "exists": {
        "nl": "de map {folder} bestaat al en is niet leeg; kies een nieuwe map",
        "en": "the folder {folder} already exists and is not empty; choose a new folder",
    },
}


def _text(df: pd.DataFrame) -> pd.DataFrame:
    """Booleans as ja/nee, lists as ``;``-separated text, as the tidy format reads them."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == bool:
            out[column] = out[column].map({True: "ja", False: "nee"})
        elif out[column].map(lambda v: isinstance(v, (list, tuple))).any():
            out[column] = out[column].map(
                lambda v: ";".join(v) if isinstance(v, (list, tuple)) else v
            )
    return out


#: Columns the copy's tables are sorted by (those a table has), so no row keeps its place in the original.
SORT_ORDER = ("wijk", "wave", "actor_id", "source", "target", "tie_type", "rater", "rated", "interview_id",
              "segment_id", "theme")  # fmt: skip


def _own_key(project) -> bytes:
    """A fresh random key under which no actor gets the pseudonym the researcher's key gives them."""
    actors = project.actors
    try:
        theirs = {pseudonym(load_key(project.path or project.store_path or "."), a, k)
                  for a, k in zip(actors["actor_id"], actors["kind"])}  # fmt: skip
    except DataError:  # no usable researcher key: nothing to collide with
        theirs = set()
    while True:
        key = secrets.token_bytes(32)
        if not theirs & {pseudonym(key, a, k) for a, k in zip(actors["actor_id"], actors["kind"])}:
            return key


def _merge_small_other(actors: pd.DataFrame, min_cell: int) -> pd.DataFrame:
    """Merge the smallest domains of a wijk into ``overig`` until ``overig`` has at least ``min_cell`` actors.

    :func:`~wijknet.privacy.view.restrict` merges every domain smaller than
    ``min_cell`` into ``overig``, but those together can still be fewer than
    ``min_cell`` (four actors for ``min_cell`` 5 would be a small group of
    their own); then the next smallest domains join them, until ``overig``
    is large enough or the wijk has no other domain left.
    """
    actors = actors.copy()
    for wijk in actors["wijk"].unique():
        here = actors["wijk"] == wijk
        while True:
            sizes = actors.loc[here, "domain"].value_counts()
            small = sizes.get(OTHER, 0)
            rest = sizes.drop(OTHER, errors="ignore")
            if small == 0 or small >= min_cell or rest.empty:
                break
            smallest = sorted(rest.items(), key=lambda item: (item[1], str(item[0])))[0][0]
            actors.loc[here & (actors["domain"] == smallest), "domain"] = OTHER
    return actors


#: Quasi-identifiers of an actor: what someone who knows the person (their own PlusWIJkteam) can match on.
QUASI_IDENTIFIERS = (
    "wijk",
    "domain",
    "kind",
    "pluswijkteam",
    "kernaanpakken",
    "consent",
    "first_wave",
    "last_wave",
)
#: The order in which :func:`k_anonymise` blanks them, least useful for analysis first. ``wijk`` is never
#: blanked (every table is per wijk) nor is ``kind``: the pseudonym's prefix (``P-``, ``O-``, ``I-``) gives it.
SUPPRESSION_ORDER = (
    ("kernaanpakken",),
    ("consent",),
    ("first_wave", "last_wave"),
    ("pluswijkteam",),
    ("domain",),
)


def k_anonymise(
    actors: pd.DataFrame,
    k: int,
    *,
    quasi=QUASI_IDENTIFIERS,
    order=SUPPRESSION_ORDER,
    blank: dict[str, str] | None = None,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Blank quasi-identifier values until every combination is shared by at least ``k`` actors.

    Local suppression for k-anonymity (Samarati & Sweeney 1998; sdcMicro's
    ``localSuppression``, Templ, Kowarik & Meindl 2015, J. Stat. Softw.
    67(4)), greedy and deterministic:

    1. For each step of ``order`` in turn, the actors whose combination of
       ``quasi`` is shared by fewer than ``k`` actors get the step's columns
       blanked (``blank[column]``, default ``""``); group sizes are counted
       again before the next step.
    2. Actors still in a group smaller than ``k`` then have every column of
       ``order`` blank, so they differ only in the columns never blanked
       (``wijk``, ``kind``). While such a group is too small, the smallest
       other group with the same unblanked values is blanked into it
       (the smallest first, ties by their values), as long as there is one.

    A blank counts as a value of its own, not as a wildcard matching any
    value: the conservative reading, since an attacker who sees a blank
    knows the value was rare. A group that is smaller than ``k`` on the
    never-blanked columns alone (fewer than ``k`` actors of one kind in a
    wijk) cannot be protected this way and stays as it is.

    Parameters
    ----------
    actors : DataFrame
        Text columns including ``quasi``.
    k : int
        Smallest group size (``min_cell``).
    quasi, order : sequence
        The quasi-identifiers, and the steps (tuples of columns) to blank.
    blank : dict, optional
        The blank value per column (default ``""``).

    Returns
    -------
    (DataFrame, dict)
        The table with blanked values, and the number of values blanked per
        column of ``order``.
    """
    blank = blank or {}
    out = actors.copy()
    quasi = list(quasi)
    blanked = {c: 0 for step in order for c in step}

    def clear(rows, columns) -> None:
        for c in columns:
            changed = rows & (out[c] != blank.get(c, ""))
            out.loc[changed, c] = blank.get(c, "")
            blanked[c] += int(changed.sum())

    def sizes() -> pd.Series:
        return out.groupby(quasi, dropna=False, sort=False)[quasi[0]].transform("size")

    for step in order:
        small = sizes() < k
        if not small.any():
            break
        clear(small, step)
    # Now only actors with every column of ``order`` blank can be in too small a group (one per kept values).
    columns = [c for step in order for c in step]
    blanks = pd.Series({c: blank.get(c, "") for c in columns})
    kept = [c for c in quasi if c not in columns]
    for _, group in out.groupby(kept, dropna=False, sort=True):
        index = group.index
        while True:
            rows = out.loc[index]
            empty = (rows[columns] == blanks).all(axis=1)
            if not empty.any() or empty.sum() >= k or empty.all():
                break
            groups = rows[~empty].groupby(columns, dropna=False).size().reset_index(name="n")
            target = groups.sort_values(["n", *columns], kind="mergesort").iloc[0]
            clear(
                out.index.isin(rows.index) & (out[columns] == target[columns]).all(axis=1), columns
            )
    return out, blanked


def _neutral(label) -> str:
    from wijknet.store.importing import label_kind

    return NEUTRAL.get(label_kind(str(label or "")), "")


def _wijk_tables(anonymous) -> dict[str, pd.DataFrame]:
    """``wijken``, ``ppi`` and ``kpi_corrections`` of the copy (module docstring), those with rows."""
    meta = anonymous.wijk_meta[list(WIJK_META_COLUMNS)]
    phases = anonymous.wijk_phases
    if len(meta) or len(phases):
        wide = pd.DataFrame({"wijk": sorted(set(meta["wijk"]) | set(phases["wijk"]), key=str)})
        wide = wide.merge(meta, on="wijk", how="left")
        for wave in anonymous.waves:
            here = phases[phases["wave"].astype(str) == str(wave)]
            wide[f"{PHASE_PREFIX}{wave}"] = wide["wijk"].map(here.set_index("wijk")["phase"])
        meta = wide.fillna("")
    tables = {"wijken": meta, "ppi": anonymous.ppi.assign(note=""),
              "kpi_corrections": anonymous.kpi_corrections}  # fmt: skip
    return {name: table for name, table in tables.items() if len(table)}


def write_anonymised(
    project, out: str | Path, *, key: bytes | None = None, with_answers: bool = False
) -> list[Path]:
    """Write the anonymised copy of ``project`` (a full project) to the new folder ``out``.

    Parameters
    ----------
    project : Project
    out : str or Path
        A new (or empty) folder.
    key : bytes, optional
        The pseudonym key of the copy; default a fresh random key of its own
        (see the module docstring). Give one only to make a copy repeatable.
    with_answers : bool, default False
        Also write ``responses.csv`` and ``ratings.csv`` with each person's survey answers.

    Returns
    -------
    list of Path
        The files written. The folder appears only when all files are complete.

    Raises
    ------
    DataError
        When ``out`` exists and is not empty.
    """
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise DataError([Problem(str(out), text(TEXTS, "exists", folder=out))])
    anonymous = restrict(project, "leernetwerk", key=key if key is not None else _own_key(project))
    taxonomy = anonymous.taxonomy
    domains = {k: {"nl": d.nl, "en": d.en, "colour": d.colour, **({"world": d.world} if d.world else {})}
               for k, d in taxonomy.domains.items()}  # fmt: skip
    config = {"title": f"{project.config.title or 'wijknet'} (geanonimiseerd)", "anonymised": True,
              "synthetic": project.config.synthetic, "waves": project.waves, "taxonomy": "domains.yaml",
              "privacy": {"min_cell": project.config.min_cell}}  # fmt: skip
    from wijknet.io.files import remove_stale

    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out.parent, TMP_PREFIX)
    tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", dir=out.parent))
    try:
        ties = anonymous.ties
        if "evidence" in ties.columns:
            ties = ties.assign(evidence=ties["evidence"].map(_neutral))
        actors, blanked = k_anonymise(_text(_merge_small_other(anonymous.actors, project.config.min_cell)),
                                      project.config.min_cell, blank={"domain": OTHER})  # fmt: skip
        config["anonymisation"] = {"k": project.config.min_cell, "quasi_identifiers": list(QUASI_IDENTIFIERS),
                                   "blanked": blanked}  # fmt: skip
        tables = {"actors": actors, "ties": ties}
        if with_answers and anonymous.has_responses:
            tables["responses"] = anonymous.responses
        if with_answers and len(anonymous.ratings):
            tables["ratings"] = anonymous.ratings
        if len(anonymous.themes):
            tables["themes"] = anonymous.themes.assign(quote="")
        tables.update(_wijk_tables(anonymous))
        for name, table in tables.items():
            # rows in the order of the new pseudonyms: kept in the order of the real ids, row i of the copy
            # would be row i of the researcher's tables, and the fresh key would link back after all
            order = [c for c in SORT_ORDER if c in table.columns]
            table = table.sort_values(order, kind="mergesort") if order else table
            _text(table).to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n")
        (tmp / "domains.yaml").write_text(yaml.safe_dump({"domains": domains}, allow_unicode=True, sort_keys=False),
                                          encoding="utf-8")  # fmt: skip
        (tmp / "wijknet.yaml").write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        if out.exists():
            out.rmdir()
        tmp.rename(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return sorted(out.iterdir())
