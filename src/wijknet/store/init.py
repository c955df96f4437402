"""``wijknet init``: create an empty project store."""

from __future__ import annotations

from pathlib import Path

import yaml

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.store.db import RAW_DIR, connect, is_store

TEXTS = {
    "not_empty": {
        "nl": "de map {folder} is niet leeg en is geen wijknet-project; kies een lege of nieuwe map",
        "en": "the folder {folder} is not empty and is not a wijknet project; choose an empty or new folder",
    },
}


def init_store(
    folder: str | Path,
    *,
    title: str = "",
    waves: list[str] | None = None,
    evidence_rule: str = "all",
) -> bool:
    """Create a project store in ``folder``: ``wijknet.yaml``, ``wijknet.sqlite`` and ``raw/``.

    Parameters
    ----------
    folder : str or Path
        A new or empty folder (created if needed).
    title : str
    waves : list of str, optional
        The order of the waves; imports of other waves are then refused.
    evidence_rule : {"all", "survey", "confirmed"}

    Returns
    -------
    bool
        ``True`` when the store was created, ``False`` when ``folder`` already
        was a project store (nothing is changed then).

    Raises
    ------
    DataError
        When ``folder`` has files and is not a project store.
    """
    folder = Path(folder)
    if is_store(folder):
        return False
    if folder.exists() and any(folder.iterdir()):
        raise DataError([Problem(str(folder), text(TEXTS, "not_empty", folder=folder))])
    from wijknet.core.settings import check_rule

    check_rule(evidence_rule, file="--evidence-rule")
    folder.mkdir(parents=True, exist_ok=True)
    import uuid

    # project_id names the pseudonym key, which lives outside the folder (wijknet.privacy.keys).
    config = {"title": title or folder.resolve().name, "project_id": uuid.uuid4().hex}
    if waves:
        config["waves"] = [str(w) for w in waves]
    config["evidence_rule"] = evidence_rule
    header = "# wijknet project store; see docs/project-store.md\n"
    (folder / "wijknet.yaml").write_text(
        header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (folder / RAW_DIR).mkdir()
    connect(folder, create=True).close()
    return True
