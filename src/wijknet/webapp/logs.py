"""Streamlit's harmless warnings when the app's code runs outside a running session."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

#: What Streamlit says of code run outside a session: a cached function declared before the
#: runtime exists, a thread without a script context, session state without ``streamlit run``.
BARE_MODE_LOGGERS = (
    "streamlit.runtime.caching.cache_data_api",
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.state.session_state_proxy",
)


@contextmanager
def bare_mode_quiet() -> Iterator[None]:
    """Drop the warnings of :data:`BARE_MODE_LOGGERS` while the block runs; errors still show.

    A filter, not a level: Streamlit and its AppTest set the levels of their
    loggers again when they load their configuration.
    """
    loggers = [logging.getLogger(name) for name in BARE_MODE_LOGGERS]
    quiet = _above_warning
    for logger in loggers:
        logger.addFilter(quiet)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)


def _above_warning(record: logging.LogRecord) -> bool:
    return record.levelno > logging.WARNING
