"""Sessions of signed-in users: an idle timeout and an absolute lifetime.

The limits come from ``wijknet.yaml``::

    sign_in:
      session_minutes: 60     # signed out after this many minutes without activity
      session_hours: 12       # and at the latest this many hours after signing in

A :class:`Session` is a small immutable value: the app keeps it in its own
session state and replaces it by :meth:`Session.touch` on every interaction.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace
from pathlib import Path

from wijknet.core import clock
from wijknet.core.settings import SESSION_HOURS, SESSION_MINUTES, ProjectConfig


@dataclass(frozen=True)
class SessionSettings:
    """How long a session lasts: ``idle`` without activity, ``absolute`` at most."""

    idle: _dt.timedelta = _dt.timedelta(minutes=SESSION_MINUTES)
    absolute: _dt.timedelta = _dt.timedelta(hours=SESSION_HOURS)


def session_settings(folder: str | Path) -> SessionSettings:
    """The ``sign_in`` settings of ``wijknet.yaml`` in ``folder`` (defaults when absent).

    Raises
    ------
    DataError
        When ``sign_in`` is not a mapping of positive numbers.
    """
    config = ProjectConfig.load(Path(folder))
    return SessionSettings(
        _dt.timedelta(minutes=config.session_minutes), _dt.timedelta(hours=config.session_hours)
    )


@dataclass(frozen=True)
class Session:
    """A signed-in user of one project.

    Attributes
    ----------
    username, audience : str
    folder : str
        The project store the session belongs to.
    method : str
        ``password`` or ``oidc``.
    started_at, last_seen : datetime
        UTC.
    settings : SessionSettings
    """

    username: str
    audience: str
    folder: str
    method: str
    started_at: _dt.datetime
    last_seen: _dt.datetime
    settings: SessionSettings = SessionSettings()

    @classmethod
    def start(
        cls,
        username: str,
        audience: str,
        folder: str | Path,
        *,
        method: str = "password",
        settings: SessionSettings | None = None,
        now: _dt.datetime | None = None,
    ) -> Session:
        """A new session, started ``now``."""
        now = now or clock.utcnow()
        return cls(username, audience, str(folder), method, now, now, settings or SessionSettings())

    def expires_at(self) -> _dt.datetime:
        """The earlier of the idle timeout and the absolute lifetime."""
        return min(self.last_seen + self.settings.idle, self.started_at + self.settings.absolute)

    def expired(self, now: _dt.datetime | None = None) -> bool:
        """Whether the session has ended by itself."""
        return (now or clock.utcnow()) >= self.expires_at()

    def touch(self, now: _dt.datetime | None = None) -> Session:
        """The session after activity at ``now`` (the idle timeout starts again)."""
        return replace(self, last_seen=now or clock.utcnow())
