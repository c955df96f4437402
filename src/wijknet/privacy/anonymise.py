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
* **No free text**: the tie ``evidence`` labels (which may name someone)
  become the neutral word of their kind (``enquête``, ``gesprek``) or empty.

It is written as ``actors.csv``, ``ties.csv``, ``responses.csv`` (only with
answers), ``domains.yaml`` and ``wijknet.yaml`` (``anonymised: true``), so
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

from ..errors import DataError, Problem
from ..i18n import text
from .keys import load_key, pseudonym
from .view import OTHER, restrict

#: Temporary folders of a copy being written, next to ``out``: ``.anonymise-<pid>-<random>``.
TMP_PREFIX = ".anonymise-"
#: Neutral evidence words by the kind the label names (see :mod:`wijknet.store.importing`).
NEUTRAL = {"survey": "enquête", "confirmation": "enquête", "interview": "gesprek", "network_canvas": "gesprek"}

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
            out[column] = out[column].map(lambda v: ";".join(v) if isinstance(v, (list, tuple)) else v)
    return out


#: Columns the copy's tables are sorted by (those a table has), so no row keeps its place in the original.
SORT_ORDER = ("wijk", "wave", "actor_id", "source", "target", "tie_type")


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


def _neutral(label) -> str:
    from ..store.importing import _label_kind

    return NEUTRAL.get(_label_kind(str(label or "")), "")


def write_anonymised(project, out: str | Path, *, key: bytes | None = None, with_answers: bool = False) -> list[Path]:
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
        Also write ``responses.csv`` with each person's survey answers.

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
    from ..export.base import remove_stale

    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out.parent, TMP_PREFIX)
    tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", dir=out.parent))
    try:
        ties = anonymous.ties
        if "evidence" in ties.columns:
            ties = ties.assign(evidence=ties["evidence"].map(_neutral))
        tables = {"actors": _merge_small_other(anonymous.actors, project.config.min_cell), "ties": ties}
        if with_answers and anonymous.has_responses:
            tables["responses"] = anonymous.responses
        for name, table in tables.items():
            # rows in the order of the new pseudonyms: kept in the order of the real ids, row i of the copy
            # would be row i of the researcher's tables, and the fresh key would link back after all
            order = [c for c in SORT_ORDER if c in table.columns]
            table = table.sort_values(order, kind="mergesort") if order else table
            _text(table).to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n")
        (tmp / "domains.yaml").write_text(yaml.safe_dump({"domains": domains}, allow_unicode=True, sort_keys=False),
                                          encoding="utf-8")  # fmt: skip
        (tmp / "wijknet.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        if out.exists():
            out.rmdir()
        tmp.rename(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return sorted(out.iterdir())
