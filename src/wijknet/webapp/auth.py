"""Sign-in of the app for a project store.

A project store (``wijknet init``) can hold personal data of many people, so
the app asks who is looking before it loads anything:

* when Streamlit's secrets (``.streamlit/secrets.toml``) have an ``[auth]``
  section, an identity provider is configured and sign-in goes through it
  (OIDC, :func:`streamlit.login`); the e-mail address of the signed-in person
  must be the user name of an active account of the store (``wijknet user add
  DIR e-mail --audience ... --no-password``), and the provider must say that
  the address is verified (claim ``email_verified`` true; a missing claim
  counts as not verified, else anyone who can set an unverified address at
  the provider could sign in as a user), else there is no access;
* otherwise the app shows its own sign-in form, checked against the store's
  accounts (:func:`wijknet.access.users.verify`: argon2id hashes, slowed down
  per user name and browser address, :func:`client_address`);
* a store without accounts shows only how to make one.

A tidy folder or the fictional demo project needs no sign-in: whoever runs
the app already has the files. A session ends after the idle time and the
absolute lifetime of ``wijknet.yaml`` (``sign_in: {session_minutes: 60,
session_hours: 12}``), or with the button "Afmelden". Sign-ins, failed
sign-ins and sign-outs go to the audit log.

The rest of the app asks :func:`current_audience` what the viewer may see.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException

from wijknet.access.sessions import Session, session_settings
from wijknet.core import clock
from wijknet.core.errors import DataError
from wijknet.core.i18n import text
from wijknet.store.db import is_store
from wijknet.webapp import session as app_session
from wijknet.webapp.texts import literal

#: Key of the signed-in :class:`~wijknet.access.sessions.Session` in ``st.session_state``.
SESSION_KEY = "_wijknet_session"
_EXPIRED_KEY = "_wijknet_session_expired"
_REFUSAL_LOGGED_KEY = "_wijknet_oidc_refusal_logged"

TEXTS = {
    "title": {"nl": "wijknet: aanmelden", "en": "wijknet: sign in"},
    "intro": {
        "nl": "Dit project bevat gegevens over personen. Meld u aan om verder te gaan.",
        "en": "This project holds data about people. Sign in to continue.",
    },
    "username": {"nl": "Gebruikersnaam", "en": "User name"},
    "password": {"nl": "Wachtwoord", "en": "Password"},
    "sign_in": {"nl": "Aanmelden", "en": "Sign in"},
    "sign_in_oidc": {"nl": "Aanmelden met uw organisatie-account", "en": "Sign in with your organisation account"},
    "sign_out": {"nl": "Afmelden", "en": "Sign out"},
    "signed_in_as": {"nl": "Aangemeld als **{name}** ({audience})", "en": "Signed in as **{name}** ({audience})"},
    "expired": {
        "nl": "Uw sessie is verlopen. Meld u opnieuw aan.",
        "en": "Your session has expired. Please sign in again.",
    },
    "account_gone": {
        "nl": "Uw account is verwijderd of uitgeschakeld. Neem contact op met de onderzoeker van dit project.",
        "en": "Your account was removed or disabled. Please contact the researcher of this project.",
    },
    "no_users_title": {"nl": "Nog geen gebruikers", "en": "No users yet"},
    "no_users": {
        "nl": "Dit project is een projectmap met gegevens over personen en heeft nog geen gebruikers, dus niemand kan "
              "aanmelden. Wie toegang heeft tot de projectmap, maakt een account op de opdrachtregel (het wachtwoord "
              "wordt twee keer gevraagd; er is geen standaardwachtwoord):",
        "en": "This project is a project folder with data about people and has no users yet, so nobody can sign in. "
              "Whoever has access to the project folder creates an account on the command line (the password is "
              "asked twice; there is no default password):",
    },
    "no_users_after": {
        "nl": "Laad daarna deze pagina opnieuw. Andere publieken: leernetwerk of wijkteam:<wijk>.",
        "en": "Then reload this page. Other audiences: leernetwerk or wijkteam:<wijk>.",
    },
    "oidc_no_access": {
        "nl": "U bent aangemeld als {email}, maar dit adres heeft geen toegang tot dit project. Vraag de onderzoeker "
              "van het project om u toe te voegen (wijknet user add MAP {email} --audience ... --no-password).",
        "en": "You are signed in as {email}, but this address has no access to this project. Ask the project's "
              "researcher to add you (wijknet user add FOLDER {email} --audience ... --no-password).",
    },
    "oidc_no_email": {
        "nl": "De identiteitsprovider gaf geen (bevestigd) e-mailadres door; zonder e-mailadres is er geen toegang.",
        "en": "The identity provider did not pass on a (verified) e-mail address; without it there is no access.",
    },
    "config_error": {
        "nl": "Aanmelden is niet mogelijk: de projectmap of de instellingen voor aanmelden in wijknet.yaml kloppen niet.",
        "en": "Signing in is not possible: the project folder or the sign-in settings in wijknet.yaml are not valid.",
    },
}  # fmt: skip


def tr(key: str, **values) -> str:
    """A text of this module in the language chosen in the sidebar."""
    return text(TEXTS, key, app_session.language(), **values)


def current_session() -> Session | None:
    """The signed-in session, or ``None`` (no sign-in needed, or not signed in)."""
    session = st.session_state.get(SESSION_KEY)
    return session if isinstance(session, Session) else None


def current_audience() -> str | None:
    """The audience of the signed-in user: ``onderzoeker``, ``leernetwerk`` or ``wijkteam:<wijk>``.

    ``None`` when the project needs no sign-in (a tidy folder or the demo
    project: whoever runs the app has the files). Pages run only after
    :func:`require_sign_in` let the viewer in, so for a project store this is
    never ``None`` inside a page.
    """
    session = current_session()
    return session.audience if session is not None else None


def capabilities():
    """The signed-in user's :class:`wijknet.privacy.Audience` (what it may do), or None without sign-in.

    Pages ask its properties (``may_import``, ``sees_audit_log``, ...) instead
    of comparing tier names.
    """
    from wijknet.privacy import Audience

    audience = current_audience()
    return Audience.parse(audience) if audience else None


def still_signed_in() -> bool:
    """Whether the signed-in session still holds, for reruns that skip :func:`require_sign_in`.

    A fragment's automatic rerun (``st.fragment(run_every=...)``, the live
    projector) does not run the entry script, so it checks here: the same
    rules as :func:`require_sign_in` (session expired; account removed,
    disabled or without password; audience changed), read from the store now.
    It has no side effects and does not count as activity, so an unattended
    projector still times out; on ``False`` the caller shows nothing more and
    reruns the app, whose :func:`require_sign_in` ends the session.
    ``True`` when the project needs no sign-in.
    """
    from wijknet.access import get_user

    folder = store_folder()
    if folder is None:
        return True
    session = current_session()
    if session is None or session.folder != str(folder) or session.expired(clock.utcnow()):
        return False
    user = get_user(folder, session.username)
    return bool(
        user is not None
        and user.active
        and user.audience == session.audience
        and (session.method != "password" or user.has_password)
    )


def store_folder() -> Path | None:
    """The project folder of the app when it is a project store, else ``None``."""
    try:
        folder = app_session.project_folder()
    except (OSError, DataError):
        return None
    return folder if is_store(folder) else None


def client_address() -> str | None:
    """The browser's network address (``None`` on localhost or when unknown), for the sign-in delay per client.

    Streamlit takes it from the connection; a client can hide behind other
    addresses, which only gains it its own delays, never another's lockout.
    """
    try:
        address = st.context.ip_address
    except (AttributeError, RuntimeError):
        return None
    return address if isinstance(address, str) else None  # a test harness has no real connection


def email_verified(claims) -> bool:
    """Whether the identity provider's claims say the e-mail address is verified: ``email_verified`` true only.

    A missing claim is **not** verified (OpenID Connect Core 1.0, section 5.1:
    ``email_verified`` is optional, and without it the address may be anyone's).
    """
    value = claims.get("email_verified")
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def oidc_provider() -> tuple[bool, str | None]:
    """Whether an identity provider is configured (``[auth]`` in Streamlit's secrets), and its name.

    The name is ``None`` for a single provider configured directly in
    ``[auth]``; with one named provider (``[auth.microsoft]``) it is that name.
    """
    try:
        if "auth" not in st.secrets:
            return False, None
        section = st.secrets["auth"]
        named = [k for k in section if hasattr(section[k], "keys")]
    except (
        OSError,
        KeyError,
        StreamlitAPIException,
    ):  # no secrets file, or a broken one: no identity provider
        return False, None
    if "client_id" not in section and len(named) == 1:
        return True, named[0]
    return True, None


def require_sign_in() -> Session | None:
    """Let the viewer in, or show the sign-in page and stop the script run.

    Call it at the top of the entry script, before the project is loaded.

    Returns
    -------
    Session or None
        The signed-in session for a project store; ``None`` for a tidy folder
        or the demo project (no sign-in needed).
    """
    folder = store_folder()
    if folder is None:
        st.session_state.pop(SESSION_KEY, None)
        return None
    try:
        return _require(folder)
    except (
        DataError
    ) as exc:  # wijknet.yaml's sign_in settings, or a database this wijknet cannot open
        st.error(tr("config_error"), icon=":material/error:")
        st.code(exc.report(), language=None, wrap_lines=True)
        st.stop()


def _require(folder: Path) -> Session:
    from wijknet.access import get_user, has_users

    settings = session_settings(folder)
    oidc, provider = oidc_provider()
    now = clock.utcnow()
    session = current_session()
    if session is not None and session.folder != str(folder):
        session = None
        st.session_state.pop(SESSION_KEY, None)
    if session is not None:
        user = get_user(folder, session.username)
        if session.expired(now):
            st.session_state[_EXPIRED_KEY] = True
            _end(folder, session, "expired", oidc)
        elif (
            user is None
            or not user.active
            or (session.method == "password" and not user.has_password)
        ):
            _end(folder, session, "account_gone", oidc)
            st.error(tr("account_gone"), icon=":material/block:")
            st.stop()
        else:
            session = replace(
                session.touch(now), username=user.username, audience=user.audience
            )  # a role change counts now
            st.session_state[SESSION_KEY] = session
            _sidebar(folder, session, oidc)
            return session
    if not has_users(folder):
        _no_users(folder)
    if oidc:
        _oidc_sign_in(folder, provider, settings)
    else:
        _password_sign_in(folder, settings)
    st.stop()


def _end(folder: Path, session: Session, reason: str, oidc: bool) -> None:
    from wijknet.store.audit import record

    st.session_state.pop(SESSION_KEY, None)
    record(folder, "sign_out", username=session.username, reason=reason, method=session.method)
    if oidc and session.method == "oidc":
        st.logout()


def _sidebar(folder: Path, session: Session, oidc: bool) -> None:
    with st.sidebar:
        st.markdown(
            tr("signed_in_as", name=literal(session.username), audience=literal(session.audience))
        )
        if st.button(tr("sign_out"), key="wijknet_sign_out", icon=":material/logout:"):
            _end(folder, session, "sign_out", oidc)
            st.rerun()


def _no_users(folder: Path) -> None:
    st.title(tr("no_users_title"))
    st.write(tr("no_users"))
    st.code(
        f"wijknet user add {folder} NAAM --audience onderzoeker", language="bash", wrap_lines=True
    )
    st.caption(tr("no_users_after"))
    st.stop()


def _password_sign_in(folder: Path, settings) -> None:
    from wijknet.access import SignInRefused, verify

    holder = st.empty()  # emptied on success, so the form does not linger while the app loads
    with holder.container():
        st.title(tr("title"))
        if st.session_state.get(_EXPIRED_KEY):
            st.info(tr("expired"), icon=":material/schedule:")
        st.write(tr("intro"))
        with st.form("wijknet_sign_in", border=True, width=480):
            username = st.text_input(
                tr("username"), key="wijknet_sign_in_name", autocomplete="username"
            )
            password = st.text_input(
                tr("password"), type="password", autocomplete="current-password"
            )
            submitted = st.form_submit_button(tr("sign_in"), type="primary")
        if not submitted:
            return
        try:
            user = verify(
                folder, username, password, lang=app_session.language(), client=client_address()
            )
        except SignInRefused as exc:
            st.error(str(exc), icon=":material/error:")
            return
    holder.empty()
    st.session_state[SESSION_KEY] = Session.start(user.username, user.audience, folder, method="password",
                                                  settings=settings)  # fmt: skip
    st.session_state.pop(_EXPIRED_KEY, None)
    st.rerun()


def _oidc_sign_in(folder: Path, provider: str | None, settings) -> None:
    from wijknet.access.users import get_user, record_oidc_sign_in
    from wijknet.store.audit import record

    st.title(tr("title"))
    if not st.user.is_logged_in:
        if st.session_state.get(_EXPIRED_KEY):
            st.info(tr("expired"), icon=":material/schedule:")
        st.write(tr("intro"))
        st.button(
            tr("sign_in_oidc"),
            type="primary",
            on_click=st.login,
            args=(provider,) if provider else (),
        )
        return
    email = str(st.user.get("email") or "").strip()
    verified = email_verified(st.user)
    user = get_user(folder, email) if email and verified else None
    if user is None or not user.active:
        if not st.session_state.get(_REFUSAL_LOGGED_KEY):
            record(folder, "sign_in_failed", username=user.username if user else "", reason="no_account",
                   method="oidc", known_user=user is not None)  # fmt: skip
            st.session_state[_REFUSAL_LOGGED_KEY] = True
        st.error(
            tr("oidc_no_access", email=email) if email and verified else tr("oidc_no_email"),
            icon=":material/block:",
        )
        st.button(tr("sign_out"), on_click=st.logout)
        return
    st.session_state.pop(_REFUSAL_LOGGED_KEY, None)
    st.session_state.pop(_EXPIRED_KEY, None)
    record_oidc_sign_in(folder, user)
    st.session_state[SESSION_KEY] = Session.start(
        user.username, user.audience, folder, method="oidc", settings=settings
    )
    st.rerun()
