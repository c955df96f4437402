"""Where the app's project lives and which language the sidebar chose.

The lowest module of the app: it imports nothing else of :mod:`wijknet.webapp`,
so :mod:`wijknet.webapp.auth`, :mod:`wijknet.webapp.texts` and
:mod:`wijknet.webapp.state` can all use it without an import cycle.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path

import streamlit as st

from wijknet.core.errors import DataError
from wijknet.core.i18n import LANGUAGES

ENV_PROJECT = "WIJKNET_PROJECT"


def language() -> str:
    """The language chosen in the sidebar (Dutch by default)."""
    try:
        lang = st.session_state.get("lang", "nl")
    except Exception:  # outside a Streamlit session
        lang = "nl"
    return lang if lang in LANGUAGES else "nl"


def cache_dir() -> Path:
    """The user's cache folder of wijknet (``$XDG_CACHE_HOME/wijknet`` or ``~/.cache/wijknet``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wijknet"


def demo_folder() -> Path:
    """The demo project in the cache folder, written on first use."""
    from wijknet.datasets.demo import write_demo

    folder = cache_dir() / "demo"
    if not (folder / "actors.csv").exists() or not (folder / "ties.csv").exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="demo-", dir=folder.parent))
        try:
            write_demo(tmp)
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
            try:
                tmp.rename(folder)
            except OSError:  # another session was faster
                pass
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return folder


def project_folder() -> Path:
    """``$WIJKNET_PROJECT`` or the demo project."""
    env = os.environ.get(ENV_PROJECT, "").strip()
    return Path(env).expanduser() if env else demo_folder()


def signature(folder: str | Path) -> tuple:
    """Names, sizes and modification times of the files in ``folder`` (cache key)."""
    folder = Path(folder)
    try:
        entries = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return ()
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in entries)


def is_fictional(folder: str | Path) -> bool:
    """Whether the project is fictional (``synthetic: true`` in wijknet.yaml, as the demo is)."""
    return _fictional(str(folder), signature(folder))


@functools.lru_cache(maxsize=16)
def _fictional(folder: str, files: tuple) -> bool:
    # Reading and validating wijknet.yaml takes a noticeable part of a second; every rerun asks.
    from wijknet.core.settings import ProjectConfig

    try:
        return ProjectConfig.load(Path(folder)).synthetic
    except DataError:
        return False
