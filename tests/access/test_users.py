"""Accounts, password hashing and policy, rate-limited sign-in and the audit entries (wijknet.access.users)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from argon2 import PasswordHasher

from tests.access.conftest import make_store
from wijknet.access import (
    AccessError,
    SignInRefused,
    add_user,
    check_audience,
    get_user,
    has_users,
    list_users,
    remove_user,
    set_active,
    set_audience,
    set_password,
    users,
    verify,
)
from wijknet.core.errors import DataError
from wijknet.store.audit import read_log

PASSWORD = "lange zin als wachtwoord"
T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def rows(folder, sql):
    conn = sqlite3.connect(folder / "wijknet.sqlite")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def log(folder, action=None):
    entries = read_log(folder, action=action)
    return [(r.username, r.action, json.loads(r.detail)) for r in entries.itertuples()]


# --- hashing and policy -------------------------------------------------------------------


def test_password_is_stored_as_argon2id_hash_never_plain(store):
    add_user(store, "Anna", "onderzoeker", PASSWORD)
    [(name, digest)] = rows(store, "SELECT username, password_hash FROM users")
    assert name == "anna"  # case-folded
    assert digest.startswith("$argon2id$") and PASSWORD not in digest
    raw = (store / "wijknet.sqlite").read_bytes()
    assert PASSWORD.encode() not in raw
    # A second account with the same password gets another salt.
    add_user(store, "bram", "leernetwerk", PASSWORD)
    digests = [d for (d,) in rows(store, "SELECT password_hash FROM users")]
    assert digests[0] != digests[1]


def test_production_hasher_is_argon2id_with_library_defaults():
    hasher = PasswordHasher()
    digest = hasher.hash(PASSWORD)
    assert digest.startswith(
        f"$argon2id$v=19$m={hasher.memory_cost},t={hasher.time_cost},p={hasher.parallelism}$"
    )
    assert (
        hasher.memory_cost >= 19 * 1024 and hasher.time_cost >= 2
    )  # at least OWASP's minimum for argon2id


@pytest.mark.parametrize(
    "password, message",
    [
        ("kort", "te kort"),
        ("elf tekens!", "te kort"),
        ("annavandijk1", "gelijk"),
        ("AnnaVanDijk1", "gelijk"),
    ],
)
def test_password_policy(store, password, message):
    with pytest.raises(AccessError, match=message):
        add_user(store, "annavandijk1", "onderzoeker", password)
    assert not has_users(store)


def test_no_default_password_and_none_only_means_identity_provider(store):
    user = add_user(store, "anna@zuyd.nl", "onderzoeker", None)
    assert not user.has_password
    assert rows(store, "SELECT password_hash FROM users") == [("",)]
    with pytest.raises(SignInRefused) as err:
        verify(store, "anna@zuyd.nl", "", now=T0)
    assert err.value.reason == "invalid"


@pytest.mark.parametrize("name", ["", "anna bakker", "anna;drop", "ànna", "x" * 200])
def test_bad_usernames_refused(store, name):
    with pytest.raises(AccessError):
        add_user(store, name, "onderzoeker", PASSWORD)


def test_duplicate_user_refused(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    with pytest.raises(AccessError, match="bestaat al"):
        add_user(store, "ANNA", "leernetwerk", PASSWORD)


# --- audiences -----------------------------------------------------------------------------


def test_audiences_validated_against_the_stores_wijken(store):
    assert check_audience(store, "onderzoeker") == ("onderzoeker", [])
    assert check_audience(store, " Leernetwerk ") == ("leernetwerk", [])
    assert check_audience(store, "wijkteam:Noord") == ("wijkteam:Noord", [])
    with pytest.raises(DataError, match="Nergens"):
        check_audience(store, "wijkteam:Nergens")
    for bad in ("beheerder", "wijkteam", "wijkteam:", "onderzoeker:Noord"):
        with pytest.raises(DataError):
            check_audience(store, bad)
    with pytest.raises(DataError):
        add_user(store, "anna", "wijkteam:Nergens", PASSWORD)
    assert not has_users(store)


def test_wijkteam_without_actors_is_a_warning(tmp_path):
    empty = make_store(tmp_path / "leeg", actors=False)
    audience, warnings = check_audience(empty, "wijkteam:Noord")
    assert audience == "wijkteam:Noord" and len(warnings) == 1 and "nog geen actoren" in warnings[0]
    assert add_user(empty, "anna", "wijkteam:Noord", PASSWORD).audience == "wijkteam:Noord"


# --- changes and their audit entries ------------------------------------------------------------


def test_every_change_is_in_the_audit_log(store):
    add_user(store, "anna", "onderzoeker", PASSWORD, by="beheerder")
    set_audience(store, "Anna", "wijkteam:Noord", by="beheerder")
    set_password(store, "anna", "een ander lang wachtwoord", by="beheerder")
    set_active(store, "anna", False, by="beheerder")
    set_active(store, "anna", True, by="beheerder")
    remove_user(store, "anna", by="beheerder")
    entries = list(reversed(log(store)))
    assert [a for _, a, _ in entries] == [
        "import",
        "user_add",
        "role_change",
        "password_change",
        "user_remove",
        "user_add",
        "user_remove",
    ]
    _, _, added = entries[1]
    assert added == {"user": "anna", "audience": "onderzoeker", "with_password": True}
    assert entries[2][2] == {"user": "anna", "old": "onderzoeker", "new": "wijkteam:Noord"}
    assert entries[4][2] == {"user": "anna", "disabled": True}
    assert all(who == "beheerder" for who, action, _ in entries if action != "import")
    text = json.dumps(entries)
    assert PASSWORD not in text and "argon2" not in text
    assert get_user(store, "anna") is None


def test_audit_user_defaults_to_the_operating_system_user(store, monkeypatch):
    monkeypatch.setattr("wijknet.store.audit.system_user", lambda: "os-gebruiker")
    add_user(store, "anna", "onderzoeker", PASSWORD)
    assert log(store, "user_add")[0][0] == "os-gebruiker"
    assert list_users(store)[0].created_by == "os-gebruiker"


def test_unknown_user_changes_are_refused(store):
    for change in (
        lambda: set_audience(store, "niemand", "onderzoeker"),
        lambda: set_password(store, "niemand", PASSWORD),
        lambda: remove_user(store, "niemand"),
    ):
        with pytest.raises(AccessError, match="bestaat niet"):
            change()


def test_list_users_never_returns_hashes(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    add_user(store, "bram@zuyd.nl", "leernetwerk", None)
    listed = list_users(store)
    assert [(u.username, u.audience, u.active, u.has_password) for u in listed] == [
        ("anna", "onderzoeker", True, True),
        ("bram@zuyd.nl", "leernetwerk", True, False),
    ]
    assert "argon2" not in repr(listed)
    assert not hasattr(listed[0], "password_hash")


# --- sign-in -------------------------------------------------------------------------------------


def test_verify_right_and_wrong_password(store):
    add_user(store, "anna", "wijkteam:Noord", PASSWORD)
    user = verify(store, " ANNA ", PASSWORD, now=T0)
    assert (user.username, user.audience) == ("anna", "wijkteam:Noord")
    with pytest.raises(SignInRefused) as wrong:
        verify(store, "anna", PASSWORD + "x", now=T0)
    with pytest.raises(SignInRefused) as unknown:
        verify(store, "bram", PASSWORD, now=T0)
    assert wrong.value.reason == unknown.value.reason == "invalid"
    assert str(wrong.value) == str(unknown.value) == "Gebruikersnaam of wachtwoord is onjuist."
    assert rows(store, "SELECT username, ok FROM login_attempts ORDER BY attempt_id") == [
        ("anna", 1),
        ("anna", 0),
        ("bram", 0),
    ]


def test_sign_in_audit_entries_never_log_unknown_names(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    verify(store, "anna", PASSWORD, now=T0)
    with pytest.raises(SignInRefused):
        verify(store, "anna", "fout wachtwoord 123", now=T0)
    with pytest.raises(
        SignInRefused
    ):  # a password typed in the name field must not end up in the log
        verify(store, "mijn geheime zin", "x", now=T0)
    ok, failed, unknown = log(store, "sign_in") + log(store, "sign_in_failed")[::-1]
    assert ok == ("anna", "sign_in", {"audience": "onderzoeker", "method": "password"})
    assert failed == (
        "anna",
        "sign_in_failed",
        {"known_user": True, "method": "password", "reason": "invalid"},
    )
    assert unknown == (
        "",
        "sign_in_failed",
        {"known_user": False, "method": "password", "reason": "invalid"},
    )
    assert "geheime" not in json.dumps(log(store))


def test_disabled_user_cannot_sign_in(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    set_active(store, "anna", False)
    with pytest.raises(SignInRefused) as err:
        verify(store, "anna", PASSWORD, now=T0)
    assert err.value.reason == "invalid"
    set_active(store, "anna", True)
    assert verify(store, "anna", PASSWORD, now=T0).username == "anna"


def test_failures_slow_down_this_client_more_and_more_up_to_a_cap():
    waits = [users.delay_after(n).total_seconds() for n in range(0, 16)]
    assert waits[: users.FREE_FAILURES + 1] == [0] * (users.FREE_FAILURES + 1)
    assert waits[users.FREE_FAILURES + 1 : users.FREE_FAILURES + 4] == [2, 4, 8]
    assert max(waits) == users.MAX_DELAY.total_seconds() == waits[-1]
    assert waits == sorted(waits)


def test_a_delayed_attempt_checks_no_password_and_waiting_helps(store, monkeypatch):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    for i in range(users.FREE_FAILURES + 1):
        with pytest.raises(SignInRefused) as err:
            verify(store, "anna", f"fout wachtwoord {i}", now=T0, client="10.0.0.9")
        assert err.value.reason == "invalid"
    checked = []
    monkeypatch.setattr(users, "_check_hash", lambda digest, password: checked.append(1) or True)
    with pytest.raises(
        SignInRefused
    ) as err:  # even the right password, and the hash is not checked
        verify(store, "anna", PASSWORD, now=T0 + dt.timedelta(seconds=1), client="10.0.0.9")
    assert err.value.reason == "delayed" and err.value.until == T0 + users.BASE_DELAY
    assert "Wacht 1 seconden" in str(err.value) and "09:00:02 UTC" in str(err.value)
    assert checked == []
    monkeypatch.undo()
    # refused attempts are not counted: after the wait the right password works
    assert (
        verify(store, "anna", PASSWORD, now=T0 + users.BASE_DELAY, client="10.0.0.9").username
        == "anna"
    )
    assert [r["reason"] for _, _, r in log(store, "sign_in_failed")].count("delayed") == 1


def test_an_outsider_cannot_lock_a_user_out(store):
    """Hundreds of wrong passwords for anna from elsewhere: anna's own browser signs in at once."""
    add_user(store, "anna", "onderzoeker", PASSWORD)
    monkey = users._check_hash
    users._check_hash = lambda digest, password: (
        False
    )  # the attacker's attempts, without argon2's second each
    try:
        for i in range(40):
            try:
                verify(
                    store, "anna", "raden", now=T0 + dt.timedelta(seconds=i), client="203.0.113.66"
                )
            except SignInRefused:
                pass
    finally:
        users._check_hash = monkey
    assert (
        verify(
            store, "anna", PASSWORD, now=T0 + dt.timedelta(seconds=41), client="192.168.1.20"
        ).username
        == "anna"
    )
    with pytest.raises(SignInRefused) as err:  # while the attacker's own client waits
        verify(store, "anna", PASSWORD, now=T0 + dt.timedelta(seconds=41), client="203.0.113.66")
    assert err.value.reason == "delayed"


def test_the_delay_is_capped(store):
    for i in range(30):
        with pytest.raises(SignInRefused):
            verify(store, "bestaatniet", "x", now=T0 + dt.timedelta(hours=i / 2))
    with pytest.raises(SignInRefused) as err:
        verify(store, "bestaatniet", "x", now=T0 + dt.timedelta(hours=14.5, seconds=1))
    assert (
        err.value.reason == "delayed"
        and err.value.until - (T0 + dt.timedelta(hours=14.5)) == users.MAX_DELAY
    )


def test_client_addresses_are_kept_as_hashes_only(store):
    with pytest.raises(SignInRefused):
        verify(store, "anna", "x", now=T0, client="198.51.100.7")
    assert "198.51.100.7" not in json.dumps(rows(store, "SELECT * FROM login_attempts"))


def test_success_resets_the_count(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    for _ in range(users.FREE_FAILURES):
        with pytest.raises(SignInRefused):
            verify(store, "anna", "fout wachtwoord", now=T0)
    assert verify(store, "anna", PASSWORD, now=T0).username == "anna"
    for _ in range(users.FREE_FAILURES):
        with pytest.raises(SignInRefused) as err:
            verify(store, "anna", "fout wachtwoord", now=T0)
        assert err.value.reason == "invalid"
    assert verify(store, "anna", PASSWORD, now=T0).username == "anna"


def test_unknown_names_are_delayed_alike(store):
    """A delay does not tell whether a name exists: unknown names are counted and refused the same way."""
    for _ in range(users.FREE_FAILURES + 1):
        with pytest.raises(SignInRefused):
            verify(store, "bestaatniet", "wat dan ook 123", now=T0)
    with pytest.raises(SignInRefused) as err:
        verify(store, "bestaatniet", "wat dan ook 123", now=T0 + dt.timedelta(seconds=1))
    assert err.value.reason == "delayed"


def test_a_write_is_not_blocked_while_a_password_is_checked(store, monkeypatch):
    """argon2 runs outside the write transaction: a live answer (a write) goes on during a sign-in."""
    import threading
    import time

    from wijknet.store.db import connect, transaction

    add_user(store, "anna", "onderzoeker", PASSWORD)
    checking, release = threading.Event(), threading.Event()
    real = users._check_hash

    def slow_check(digest, password):
        checking.set()
        release.wait(10)
        return real(digest, password)

    monkeypatch.setattr(users, "_check_hash", slow_check)
    result = {}
    thread = threading.Thread(
        target=lambda: result.setdefault("user", verify(store, "anna", PASSWORD, now=T0))
    )
    thread.start()
    assert checking.wait(10)
    conn = connect(store)
    conn.execute("PRAGMA busy_timeout = 500")
    started = time.monotonic()
    try:
        with transaction(
            conn
        ):  # fails with "database is locked" after 0.5 s if sign-in held the lock
            conn.execute(
                "INSERT INTO audit_log (at, username, action) VALUES ('t', 'live', 'live_session_open')"
            )
    finally:
        conn.close()
        release.set()
        thread.join(10)
    assert time.monotonic() - started < 0.5
    assert result["user"].username == "anna"


def test_old_attempts_are_pruned(store):
    with pytest.raises(SignInRefused):
        verify(store, "anna", "x", now=T0)
    with pytest.raises(SignInRefused):
        verify(store, "bram", "x", now=T0 + dt.timedelta(days=2))
    assert rows(store, "SELECT username FROM login_attempts") == [("bram",)]


def test_english_refusal(store):
    with pytest.raises(SignInRefused) as err:
        verify(store, "anna", "x", now=T0, lang="en")
    assert str(err.value) == "The user name or password is not correct."


def test_users_need_a_store(tmp_path):
    with pytest.raises(DataError, match="geen projectmap"):
        add_user(tmp_path, "anna", "onderzoeker", PASSWORD)


def test_unknown_user_wrong_and_right_password_do_the_same_work(store, monkeypatch):
    """Timing equality: one argon2 verification and two short transactions on every path, whoever signs in."""
    from wijknet.store import db

    add_user(store, "anna", "onderzoeker", PASSWORD)
    hasher, calls = users._hasher, []

    class Counting:
        def verify(self, digest, password):
            calls.append("verify")
            return hasher.verify(digest, password)

        def __getattr__(self, name):
            return getattr(hasher, name)

    real_transaction = db.transaction

    def counting_transaction(conn):
        calls.append("transaction")
        return real_transaction(conn)

    monkeypatch.setattr(users, "_hasher", Counting())
    monkeypatch.setattr(users, "transaction", counting_transaction)
    work = {}
    for who, password in (
        ("bestaatniet", PASSWORD),
        ("anna", "fout wachtwoord 1"),
        ("anna", PASSWORD),
    ):
        calls.clear()
        try:
            verify(store, who, password, now=T0)
        except SignInRefused:
            pass
        work[(who, password)] = list(calls)
    assert len(set(map(tuple, work.values()))) == 1, work
    assert next(iter(work.values())) == ["transaction", "verify", "transaction"]
