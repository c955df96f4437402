"""One-click anonymised copy of a project: a tidy folder without names, to share.

The copy is the project as the ``leernetwerk`` audience sees it
(:func:`wijknet.privacy.restrict`): actor ids replaced by keyed pseudonyms,
no names, roles or organisations, no extra columns, no survey ratings or
quotes, and domains with fewer actors than ``min_cell`` in a wijk merged
into ``overig``. It is written as ``actors.csv``, ``ties.csv``,
``responses.csv`` (when there are responses), ``domains.yaml`` and
``wijknet.yaml`` (``anonymised: true``), so wijknet, R or Gephi can read it.

Pseudonyms are still stable across waves; whoever holds the key can link
them back to the project, which is why the key never leaves the project's
owner (see :mod:`wijknet.privacy.keys`).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import yaml

from ..errors import DataError, Problem
from ..i18n import text
from .view import restrict

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


def write_anonymised(project, out: str | Path, *, key: bytes | None = None) -> list[Path]:
    """Write the anonymised copy of ``project`` (a full project) to the new folder ``out``.

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
    anonymous = restrict(project, "leernetwerk", key=key)
    taxonomy = anonymous.taxonomy
    domains = {k: {"nl": d.nl, "en": d.en, "colour": d.colour, **({"world": d.world} if d.world else {})}
               for k, d in taxonomy.domains.items()}  # fmt: skip
    config = {"title": f"{project.config.title or 'wijknet'} (geanonimiseerd)", "anonymised": True,
              "synthetic": project.config.synthetic, "waves": project.waves, "taxonomy": "domains.yaml",
              "privacy": {"min_cell": project.config.min_cell}}  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".anonymise-", dir=out.parent))
    try:
        tables = {"actors": anonymous.actors, "ties": anonymous.ties}
        if anonymous.has_responses:
            tables["responses"] = anonymous.responses
        for name, table in tables.items():
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
