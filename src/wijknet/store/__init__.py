"""The project store: the embedded default home of a wijknet project, with provenance.

A project store is a folder made by ``wijknet init``::

    wijknet.yaml      title, waves, evidence_rule
    wijknet.sqlite    actors, responses, observations (evidence of ties), imported files
    raw/              every imported file, unchanged, named by its SHA-256

:func:`import_files` adds files in one transaction; :func:`ties` makes the
tidy ties table from the observations by an evidence rule
(:mod:`wijknet.store.combine`); :func:`wijknet.load_project` opens a store
folder like a tidy folder. See ``docs/project-store.md``.
"""

from wijknet.store.combine import RULES, combine_observations, evidence, kept_observations, ties
from wijknet.store.db import DB_FILE, RAW_DIR, connect, dump, is_store
from wijknet.store.importing import ImportReport, import_files, preview_import
from wijknet.store.init import init_store
from wijknet.store.load import load_store_project
from wijknet.store.status import store_status

__all__ = [
    "DB_FILE",
    "RAW_DIR",
    "RULES",
    "ImportReport",
    "combine_observations",
    "connect",
    "dump",
    "evidence",
    "import_files",
    "init_store",
    "is_store",
    "kept_observations",
    "load_store_project",
    "preview_import",
    "store_status",
    "ties",
]
