"""Session expiry: idle timeout and absolute lifetime, from wijknet.yaml (wijknet.access.sessions)."""

from __future__ import annotations

import datetime as dt

import pytest

from wijknet.access import Session, SessionSettings, session_settings
from wijknet.core.errors import DataError

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def test_defaults_sixty_idle_minutes_and_twelve_hours(tmp_path):
    settings = session_settings(tmp_path)
    assert settings == SessionSettings(dt.timedelta(minutes=60), dt.timedelta(hours=12))
    (tmp_path / "wijknet.yaml").write_text("title: x\n", encoding="utf-8")
    assert session_settings(tmp_path) == settings


def test_settings_from_wijknet_yaml(tmp_path):
    (tmp_path / "wijknet.yaml").write_text(
        "sign_in:\n  session_minutes: 15\n  session_hours: 2\n", encoding="utf-8"
    )
    assert session_settings(tmp_path) == SessionSettings(
        dt.timedelta(minutes=15), dt.timedelta(hours=2)
    )


@pytest.mark.parametrize(
    "section", ["sign_in: 5", "sign_in: {session_minutes: 0}", "sign_in: {session_hours: nee}"]
)
def test_bad_settings_are_a_data_error(tmp_path, section):
    (tmp_path / "wijknet.yaml").write_text(section + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="sign_in"):
        session_settings(tmp_path)


def test_idle_timeout_and_touch():
    session = Session.start("anna", "onderzoeker", "/p", now=T0)
    assert not session.expired(T0 + dt.timedelta(minutes=59))
    assert session.expired(T0 + dt.timedelta(minutes=60))
    touched = session.touch(T0 + dt.timedelta(minutes=50))
    assert not touched.expired(T0 + dt.timedelta(minutes=100))
    assert touched.expired(T0 + dt.timedelta(minutes=110))
    assert session.last_seen == T0  # immutable


def test_absolute_lifetime_despite_activity():
    session = Session.start(
        "anna",
        "onderzoeker",
        "/p",
        now=T0,
        settings=SessionSettings(dt.timedelta(minutes=60), dt.timedelta(hours=2)),
    )
    for minutes in range(0, 120, 30):
        session = session.touch(T0 + dt.timedelta(minutes=minutes))
        assert not session.expired(T0 + dt.timedelta(minutes=minutes + 1))
    assert session.expires_at() == T0 + dt.timedelta(hours=2)
    assert session.expired(T0 + dt.timedelta(hours=2))
