"""Access to a project store: accounts, sign-in, sessions (issue #6).

:mod:`wijknet.access.users` keeps accounts with argon2id password hashes in
the store and checks sign-ins with rate limiting; :mod:`wijknet.access.sessions`
gives sessions an idle timeout and an absolute lifetime. The app's sign-in
page is :mod:`wijknet.webapp.auth`; the commands ``wijknet user`` and
``wijknet audit`` are in :mod:`wijknet.cli.access`. Every change and
sign-in is written to the audit log (:mod:`wijknet.store.audit`).
"""

from wijknet.access.sessions import Session, SessionSettings, session_settings
from wijknet.access.users import (
    AccessError,
    SignInRefused,
    User,
    add_user,
    check_audience,
    check_password,
    get_user,
    has_users,
    list_users,
    remove_user,
    set_active,
    set_audience,
    set_password,
    verify,
)

__all__ = [
    "AccessError",
    "Session",
    "SessionSettings",
    "SignInRefused",
    "User",
    "add_user",
    "check_audience",
    "check_password",
    "get_user",
    "has_users",
    "list_users",
    "remove_user",
    "session_settings",
    "set_active",
    "set_audience",
    "set_password",
    "verify",
]
