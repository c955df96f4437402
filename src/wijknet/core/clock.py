"""The one clock: every timestamp wijknet writes is UTC, ISO 8601, to the second.

One format in the whole store (``2026-12-01T22:54:48+00:00``), so rows of
different tables sort and compare as text.

Examples
--------
>>> import datetime as dt
>>> iso(dt.datetime(2026, 12, 1, 23, 0, 5, 123456, tzinfo=dt.UTC))
'2026-12-01T23:00:05+00:00'
>>> parse('2026-12-01T23:00:05+00:00').hour
23
"""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


def iso(moment: dt.datetime) -> str:
    """``moment`` (naive values are taken as UTC) as ISO 8601 in UTC, to the second."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def now() -> str:
    """The current UTC time as stored: :func:`iso` of :func:`utcnow`."""
    return iso(utcnow())


def parse(text: str) -> dt.datetime:
    """A stored timestamp back as an aware datetime (old naive rows are read as UTC)."""
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
