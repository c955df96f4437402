"""Live network mapping during a netwerkbijeenkomst: sessions, the roster, answers and closing.

A facilitator opens a **session** for one wijk and wave (:func:`open_session`)
and issues a **personal link** to every person or organisation on the
**roster** (:func:`roster`: the actors of the wijk taking part in the wave)
with :func:`issue_links`. The session code alone opens nothing: a link
carries a high-entropy token (``secrets.token_urlsafe``), stored only as its
SHA-256 hash, scoped to one session and one participant, and revocable
(:func:`revoke_links`; issuing again replaces it). With their link a
participant names whom they work with, how (``samenwerking`` or
``verwijzing``) and how intensely (1-4), and sees and corrects only their own
answers. Each time a participant sends the form, :func:`submit` stores their
whole answer set:

* **idempotent**: a ``submission_id`` (made once per form) is stored once; the
  same submission sent again (a double tap, a browser retry, the back button)
  changes nothing;
* **correction**: a new submission of the same participant replaces all of
  their previous answers;
* **concurrent**: every submission is one ``BEGIN IMMEDIATE`` transaction on
  the store (SQLite in WAL mode, with a busy timeout), so simultaneous
  participants wait for each other's short write instead of failing, and no
  answer is lost or stored twice.

:func:`live_ties` gives the current answers for the projector.
:func:`close_session` ends the session and turns its answers, in one
transaction, into ``survey`` observations of the wave (label
``netwerkbijeenkomst <title>``, source file ``live:<code>``), with a tidy copy
of the answers in ``raw/``; from then on the session is a normal wave of the
project for :func:`wijknet.load_project`, and new submissions are refused.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import os
import re
import secrets
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijknet.core import clock
from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.store.audit import record
from wijknet.store.db import RAW_DIR, connection, transaction
from wijknet.store.observations import insert_observations, observation_row

#: The tie types a participant can give, as stored (the words used by the survey importers).
TIE_TYPES = ("samenwerking", "verwijzing")
#: Intensity of a tie: 1 (we know what the other does) to 4 (shared goals and ways of working).
WEIGHTS = (1, 2, 3, 4)
#: Letters of a session code: lower case without look-alikes (0/o, 1/l/i), easy to type.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
#: Length of a session code (it names the session for the organiser; it opens nothing for participants): 31**12 (about 2**59) possible codes.
CODE_LENGTH = 12
#: Most answers one submission may hold (a participant naming everyone in a large wijk stays below).
MAX_ANSWERS = 2000
#: Kind of the stored copy of a closed session's answers in the ``files`` table.
FILE_KIND = "live"
SUBMISSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
#: Random bytes of a personal link's token (``secrets.token_urlsafe``: 43 characters, 256 bits).
TOKEN_BYTES = 32
TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")

TEXTS = {
    "unknown_code": {
        "nl": "onbekende sessiecode '{code}'; controleer de link",
        "en": "unknown session code '{code}'; check the link",
    },
    "closed": {
        "nl": "de sessie '{title}' is gesloten; er kunnen geen antwoorden meer bij",
        "en": "the session '{title}' is closed; no more answers can be added",
    },
    "already_closed": {"nl": "de sessie '{code}' is al gesloten", "en": "the session '{code}' is already closed"},
    "unknown_wijk": {
        "nl": "wijk '{wijk}' heeft geen actoren in dit project; kies uit: {wijken}",
        "en": "wijk '{wijk}' has no actors in this project; choose from: {wijken}",
    },
    "unknown_wave": {
        "nl": "meting '{wave}' staat niet in de lijst 'waves' van wijknet.yaml ({waves})",
        "en": "wave '{wave}' is not in the 'waves' list of wijknet.yaml ({waves})",
    },
    "empty_roster": {
        "nl": "niemand uit wijk '{wijk}' doet mee in meting '{wave}' (first_wave/last_wave)",
        "en": "nobody of wijk '{wijk}' takes part in wave '{wave}' (first_wave/last_wave)",
    },
    "empty_value": {"nl": "{what} is leeg", "en": "{what} is empty"},
    "not_on_roster": {
        "nl": "'{actor}' staat niet op de deelnemerslijst van deze sessie",
        "en": "'{actor}' is not on the roster of this session",
    },
    "self_tie": {
        "nl": "u kunt uzelf niet noemen ('{actor}')",
        "en": "you cannot name yourself ('{actor}')",
    },
    "bad_tie_type": {
        "nl": "onbekende soort relatie '{value}'; kies uit {choices}",
        "en": "unknown type of tie '{value}'; choose from {choices}",
    },
    "bad_weight": {
        "nl": "intensiteit '{value}' bij '{actor}' moet een heel getal van 1 tot en met 4 zijn",
        "en": "intensity '{value}' for '{actor}' must be a whole number from 1 to 4",
    },
    "duplicate_answer": {
        "nl": "'{actor}' ({tie_type}) staat twee keer in dit antwoord",
        "en": "'{actor}' ({tie_type}) appears twice in this answer",
    },
    "too_many": {"nl": "te veel antwoorden ({n}; hoogstens {max})", "en": "too many answers ({n}; at most {max})"},
    "bad_submission": {
        "nl": "ongeldige inzendcode; laad het formulier opnieuw",
        "en": "invalid submission code; reload the form",
    },
    "submission_other": {
        "nl": "deze inzendcode hoort bij een ander antwoord; laad het formulier opnieuw",
        "en": "this submission code belongs to another answer; reload the form",
    },
    "bad_link": {
        "nl": "deze persoonlijke link is niet (meer) geldig; vraag de begeleider om een nieuwe",
        "en": "this personal link is not valid (any more); ask the facilitator for a new one",
    },
    "roster_changed": {
        "nl": "de deelnemerslijst is intussen veranderd; laad het formulier opnieuw en controleer uw antwoorden",
        "en": "the roster has changed meanwhile; reload the form and check your answers",
    },
    "label": {"nl": "netwerkbijeenkomst {title}", "en": "netwerkbijeenkomst {title}"},
    "what_participant": {"nl": "de deelnemer", "en": "the participant"},
    "what_wijk": {"nl": "de wijk", "en": "the wijk"},
    "what_wave": {"nl": "de meting", "en": "the wave"},
}  # fmt: skip

_WHERE = "live"


@dataclass(frozen=True)
class LiveSession:
    """One live network-mapping session (a row of ``live_sessions``)."""

    session_id: int
    code: str
    wijk: str
    wave: str
    title: str
    opened_at: str
    closed_at: str | None
    url: str = ""
    #: Keys the opaque option ids of the phone form (:func:`option_id`); never shown.
    secret: str = field(default="", repr=False)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def label(self) -> str:
        """The evidence label of the session's observations: ``netwerkbijeenkomst <title>``."""
        return text(TEXTS, "label", "nl", title=self.title)


@dataclass(frozen=True)
class RosterEntry:
    """A person or organisation on the roster: id, name, and who/what they are.

    ``named`` says whether the wijkteam of the session's wijk may see the real
    name (:func:`wijknet.privacy.view.shows_name`: organisations and
    professionals who consented); ``label`` is what that wijkteam sees: the
    name, else the actor's pseudonym (as on every page of the wijkteam).
    Outside the organiser's own view only ``label`` is shown.
    """

    actor_id: str
    name: str
    domain: str
    organisation: str = ""
    role: str = ""
    named: bool = True
    label: str = ""


@dataclass(frozen=True)
class SubmitResult:
    """What :func:`submit` did: ``status`` is ``"stored"`` or ``"duplicate"`` (already stored, nothing changed)."""

    status: str
    answers: int
    replaced: int = 0


class LiveRefused(DataError):
    """A refusal of the live session; ``reason`` is the key of :data:`TEXTS` (``closed``, ``bad_link`` ...)."""

    def __init__(self, reason: str, problems: list[Problem]):
        self.reason = reason
        super().__init__(problems)


def refused(key: str, **values) -> LiveRefused:
    return LiveRefused(key, [Problem(_WHERE, text(TEXTS, key, **values))])


def new_code() -> str:
    """An unguessable session code (``secrets``): :data:`CODE_LENGTH` letters of :data:`CODE_ALPHABET`."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


_SESSION_COLUMNS = "session_id, code, wijk, wave, title, opened_at, closed_at, url, secret"


def _session(conn: sqlite3.Connection, code: str) -> LiveSession:
    row = conn.execute(f"SELECT {_SESSION_COLUMNS} FROM live_sessions WHERE code = ?", (str(code).strip().lower(),)).fetchone()  # fmt: skip
    if row is None:
        raise refused("unknown_code", code=code)
    return LiveSession(*row)


def get_session(folder: str | Path, code: str) -> LiveSession:
    """The session with code ``code``; a :class:`~wijknet.core.errors.DataError` when there is none."""
    with connection(folder) as conn:
        return _session(conn, code)


def sessions(folder: str | Path) -> list[LiveSession]:
    """All sessions of the store, the newest first."""
    with connection(folder) as conn:
        rows = conn.execute(
            f"SELECT {_SESSION_COLUMNS} FROM live_sessions ORDER BY session_id DESC"
        ).fetchall()
    return [LiveSession(*r) for r in rows]


# --- the roster -------------------------------------------------------------------------------------


def _waves(conn: sqlite3.Connection, folder: Path, extra: str) -> list[str]:
    """The waves of the store in order (configured, else found in the data), with ``extra`` included."""
    from wijknet.core.order import natural_key
    from wijknet.core.settings import ProjectConfig

    config = ProjectConfig.load(folder)
    if config.waves:
        return list(config.waves)
    found = {w for (w,) in conn.execute(
        "SELECT DISTINCT wave FROM observations UNION SELECT first_wave FROM actors UNION SELECT last_wave FROM actors "
        "UNION SELECT DISTINCT wave FROM responses")}  # fmt: skip
    return sorted((found | {extra}) - {""}, key=natural_key)


def _roster(conn: sqlite3.Connection, folder: Path, wijk: str, wave: str) -> list[RosterEntry]:
    from wijknet.core.settings import ProjectConfig
    from wijknet.io.tidy import KINDS, TRUE
    from wijknet.privacy import Audience
    from wijknet.privacy.keys import load_key, pseudonym
    from wijknet.privacy.view import shows_name

    waves = _waves(conn, folder, wave)
    position = {w: i for i, w in enumerate(waves)}
    at = position.get(wave, -1)
    rows = conn.execute("SELECT actor_id, name, domain, organisation, role, first_wave, last_wave, kind, consent "
                        "FROM actors WHERE wijk = ?", (wijk,)).fetchall()  # fmt: skip
    taxonomy = ProjectConfig.load(folder).taxonomy
    room = Audience("wijkteam", wijk)
    key = None
    out = []
    for actor_id, name, domain, organisation, role, first, last, kind, consent in rows:
        lo = position.get(first, 0) if first else 0
        hi = position.get(last, len(waves)) if last else len(waves)
        if lo <= at <= hi:
            # the same normalisation as the tidy reader, so `named` and `label` match wijknet.privacy.restrict
            kind = KINDS.get((kind or "").strip().lower(), "")
            named = shows_name({"kind": kind, "domain": domain, "consent": (consent or "").strip().lower() in TRUE},
                               room, taxonomy)  # fmt: skip
            name = (name or "").strip() or actor_id
            if not named and key is None:
                key = load_key(folder)
            label = name if named else pseudonym(key, actor_id, kind)
            out.append(
                RosterEntry(actor_id, name, domain, organisation or "", role or "", named, label)
            )
    return sorted(out, key=lambda e: (e.name.casefold(), e.actor_id))


def roster(folder: str | Path, code: str) -> list[RosterEntry]:
    """The people and organisations a participant can pick: the session's wijk, taking part in its wave.

    Sorted by name (case-insensitive), then id.
    """
    folder = Path(folder)
    with connection(folder) as conn:
        session = _session(conn, code)
        return _roster(conn, folder, session.wijk, session.wave)


# --- opening and closing -------------------------------------------------------------------------------


def open_session(
    folder: str | Path, wijk: str, wave: str, title: str = "", *, username: str | None = None
) -> str:
    """Open a live session for ``wijk`` and ``wave``; return its code.

    Parameters
    ----------
    folder : str or Path
        A project store (``wijknet init``) with the actors of the wijk.
    wijk, wave : str
        The wave may be new (then it becomes a wave of the project when the
        session is closed) unless ``wijknet.yaml`` fixes the list of waves.
    title : str
        Shown to participants and used in the evidence label; default
        ``<wijk> <date>``.
    username : str, optional
        Who opened it, for the audit log (default: the operating-system user).

    Raises
    ------
    DataError
        Unknown wijk, a wave outside the configured waves, or nobody of the
        wijk taking part in the wave.
    """
    folder = Path(folder)
    wijk, wave, title = str(wijk).strip(), str(wave).strip(), str(title).strip()
    if not wijk:
        raise refused("empty_value", what=text(TEXTS, "what_wijk"))
    if not wave:
        raise refused("empty_value", what=text(TEXTS, "what_wave"))
    now = clock.now()
    title = title or f"{wijk} {now[:10]}"
    with connection(folder) as conn:
        wijken = sorted(w for (w,) in conn.execute("SELECT DISTINCT wijk FROM actors"))
        if wijk not in wijken:
            raise refused("unknown_wijk", wijk=wijk, wijken=", ".join(wijken) or "-")
        waves = _waves(conn, folder, wave)
        if wave not in waves:
            raise refused("unknown_wave", wave=wave, waves=", ".join(waves))
        if not _roster(conn, folder, wijk, wave):
            raise refused("empty_roster", wijk=wijk, wave=wave)
        with transaction(conn):
            while True:
                code = new_code()
                if (
                    conn.execute("SELECT 1 FROM live_sessions WHERE code = ?", (code,)).fetchone()
                    is None
                ):
                    break
            conn.execute("INSERT INTO live_sessions (code, wijk, wave, title, opened_at, secret) VALUES (?, ?, ?, ?, ?, ?)",
                         (code, wijk, wave, title, now, secrets.token_hex(32)))  # fmt: skip
            record(conn, "live_session_open", username=username, wijk=wijk, wave=wave)
        return code


@dataclass(frozen=True)
class CloseResult:
    """What :func:`close_session` stored: observations, participants and the copy in ``raw/``."""

    observations: int
    participants: int
    import_id: int
    raw_path: str


def close_session(folder: str | Path, code: str, *, username: str | None = None) -> CloseResult:
    """Close a session and turn its answers into observations of its wave, in one transaction.

    Every answer becomes a ``survey`` observation ``participant -> alter``
    (kind ``survey``: the participant's own answer) with the label
    ``netwerkbijeenkomst <title>``, ``source_file`` ``live:<code>``, the
    answer's row in the stored copy as ``source_row`` and the time of the
    submission in ``answers``. The answers are also written, as a tidy ties
    table, to ``raw/<sha256>.csv`` (kind ``live`` in ``files``). The whole
    store is validated as a project before committing; after closing,
    :func:`submit` refuses new answers.

    Raises
    ------
    DataError
        Unknown code, a session that is already closed, or a store that
        would not load (nothing is changed then).
    """
    from wijknet.core.settings import ProjectConfig
    from wijknet.core.version import __version__
    from wijknet.store.load import project_from_connection

    folder = Path(folder)
    created: Path | None = None
    try:
        with connection(folder) as conn:
            config = ProjectConfig.load(folder)
            with transaction(conn):
                session = _session(conn, code)
                if not session.is_open:
                    raise refused("already_closed", code=session.code)
                answers = conn.execute(
                    "SELECT participant, alter_id, tie_type, weight, submitted_at FROM live_answers WHERE session_id = ? "
                    "ORDER BY participant, alter_id, tie_type", (session.session_id,)).fetchall()  # fmt: skip
                now = clock.now()
                content = _answers_csv(session, answers)
                digest = hashlib.sha256(content).hexdigest()
                raw = folder / RAW_DIR
                raw.mkdir(exist_ok=True)
                target = raw / f"{digest}.csv"
                if not target.exists():
                    tmp = raw / f".{digest}.{os.getpid()}.tmp"
                    tmp.write_bytes(content)
                    os.replace(tmp, target)
                    created = target
                options = json.dumps({"live_session": session.code, "wave": session.wave})
                import_id = conn.execute("INSERT INTO imports (imported_at, wijknet_version, options) VALUES (?, ?, ?)",
                                         (now, __version__, options)).lastrowid  # fmt: skip
                source_file = f"live:{session.code}"
                file_id = conn.execute(
                    "INSERT INTO files (import_id, sha256, name, kind, size, raw_path, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        import_id,
                        digest,
                        source_file,
                        FILE_KIND,
                        len(content),
                        f"{RAW_DIR}/{target.name}",
                        now,
                    ),
                ).lastrowid
                rows = [observation_row(wijk=session.wijk, wave=session.wave, source=p, target=a, tie_type=tie_type,
                                        weight=weight, kind="survey", label=session.label, import_id=import_id,
                                        file_id=file_id, source_file=source_file, source_row=i + 2,
                                        answers=json.dumps({"submitted_at": at}))
                        for i, (p, a, tie_type, weight, at) in enumerate(answers)]  # fmt: skip
                insert_observations(conn, rows)
                conn.execute(
                    "UPDATE live_sessions SET closed_at = ? WHERE session_id = ?",
                    (now, session.session_id),
                )
                conn.execute("UPDATE live_tokens SET revoked_at = ? WHERE session_id = ? AND revoked_at IS NULL",
                             (now, session.session_id))  # fmt: skip
                participants = len({a[0] for a in answers})
                project_from_connection(
                    conn, folder, "all", config
                )  # a store that closed cleanly always loads
                record(conn, "live_session_close", username=username, wijk=session.wijk, wave=session.wave,
                       participants=participants, observations=len(rows))  # fmt: skip
    except BaseException:
        if created is not None:
            created.unlink(missing_ok=True)
        raise
    return CloseResult(len(rows), participants, import_id, f"{RAW_DIR}/{target.name}")


def _answers_csv(session: LiveSession, answers: list[tuple]) -> bytes:
    """The answers as a tidy ties table (UTF-8 CSV), importable into another store."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "wijk",
            "wave",
            "source",
            "target",
            "tie_type",
            "weight",
            "evidence",
            "evidence_kind",
            "submitted_at",
        ]
    )
    for participant, alter, tie_type, weight, at in answers:
        w = (
            ""
            if weight is None
            else (str(int(weight)) if float(weight).is_integer() else str(weight))
        )
        writer.writerow(
            [
                session.wijk,
                session.wave,
                participant,
                alter,
                tie_type,
                w,
                session.label,
                "survey",
                at,
            ]
        )
    return out.getvalue().encode("utf-8")


# --- answers ---------------------------------------------------------------------------------------------


def _parse_answers(
    answers: Iterable, participant: str, allowed: set[str]
) -> list[tuple[str, str, float]]:
    """Validate answers (mappings with ``alter``/``alter_id``, ``tie_type``, ``weight``, or triples)."""
    problems, out, seen = [], [], set()
    for item in answers:
        if isinstance(item, Mapping):
            alter = item.get("alter_id", item.get("alter", ""))
            tie_type, weight = item.get("tie_type", ""), item.get("weight", "")
        else:
            alter, tie_type, weight = item
        alter, tie_type = str(alter).strip(), str(tie_type).strip()
        if alter not in allowed:
            problems.append(Problem(_WHERE, text(TEXTS, "not_on_roster", actor=alter)))
            continue
        if alter == participant:
            problems.append(Problem(_WHERE, text(TEXTS, "self_tie", actor=alter)))
            continue
        if tie_type not in TIE_TYPES:
            problems.append(
                Problem(
                    _WHERE,
                    text(TEXTS, "bad_tie_type", value=tie_type, choices=", ".join(TIE_TYPES)),
                )
            )
            continue
        try:
            number = float(str(weight).strip().replace(",", "."))
        except ValueError:
            number = float("nan")
        if not (number.is_integer() and int(number) in WEIGHTS):
            problems.append(Problem(_WHERE, text(TEXTS, "bad_weight", value=weight, actor=alter)))
            continue
        if (alter, tie_type) in seen:
            problems.append(
                Problem(_WHERE, text(TEXTS, "duplicate_answer", actor=alter, tie_type=tie_type))
            )
            continue
        seen.add((alter, tie_type))
        out.append((alter, tie_type, float(number)))
    if problems:
        raise DataError(problems)
    return out


def submit(
    folder: str | Path,
    code: str,
    participant: str,
    answers: Iterable,
    submission_id: str,
    *,
    roster_ids: set[str] | None = None,
    token: str | None = None,
) -> SubmitResult:
    """Store one participant's whole answer set (idempotent; a new submission is a correction).

    Parameters
    ----------
    folder : str or Path
        The project store.
    code : str
        The session's code.
    participant : str
        The ``actor_id`` of the participant (on the roster).
    answers : iterable
        ``(alter_id, tie_type, weight)`` triples or mappings with ``alter_id``
        (or ``alter``), ``tie_type`` (one of :data:`TIE_TYPES`) and ``weight``
        (1-4). May be empty ("I work with nobody on this list").
    submission_id : str
        Made once per form (e.g. ``uuid4().hex``); 8-64 letters, digits,
        ``-`` or ``_``. The same submission sent again changes nothing.
    roster_ids : set of str, optional
        The session's roster ids, when the caller has them already (the live
        server reads them for the same request); read from the store otherwise.
    token : str, optional
        The participant's personal link (the live server): checked again
        inside the write transaction, so a link revoked or a person forgotten
        meanwhile stores nothing.

    Returns
    -------
    SubmitResult
        ``status="stored"`` with the number of answers stored and replaced,
        or ``status="duplicate"`` when this submission was stored before.

    Raises
    ------
    DataError
        Unknown code, a closed session, a participant or alter not on the
        roster, a self-tie, an unknown tie type, an intensity outside 1-4, the
        same alter and type twice, a malformed submission id, an invalid
        personal link, or a roster that changed meanwhile (a person removed by
        ``wijknet forget``); nothing is stored then.
    """
    folder = Path(folder)
    participant = str(participant).strip()
    submission_id = str(submission_id).strip()
    if not SUBMISSION_ID.match(submission_id):
        raise refused("bad_submission")
    if not participant:
        raise refused("empty_value", what=text(TEXTS, "what_participant"))
    answers = list(answers)
    if len(answers) > MAX_ANSWERS:
        raise refused("too_many", n=len(answers), max=MAX_ANSWERS)
    with connection(folder) as conn:
        session = _session(conn, code)
        if not session.is_open:
            raise refused("closed", title=session.title)
        if roster_ids is None:
            roster_ids = {e.actor_id for e in _roster(conn, folder, session.wijk, session.wave)}
        if participant not in roster_ids:
            raise refused("not_on_roster", actor=participant)
        parsed = _parse_answers(answers, participant, roster_ids)
        with transaction(conn):
            state = conn.execute(
                "SELECT closed_at FROM live_sessions WHERE session_id = ?", (session.session_id,)
            ).fetchone()
            if state[0] is not None:  # closed while this participant was answering
                raise refused("closed", title=session.title)
            if token is not None and _token_holder(conn, session, token) != participant:
                raise refused("bad_link")
            named = {participant} | {alter for alter, _, _ in parsed}
            marks = ",".join("?" * len(named))
            if conn.execute(
                f"SELECT COUNT(*) FROM actors WHERE actor_id IN ({marks})", tuple(named)
            ).fetchone()[0] < len(named):
                raise refused("roster_changed")  # forgotten since the roster was read; names no one
            known = conn.execute("SELECT session_id, participant, answers FROM live_submissions WHERE submission_id = ?",
                                 (submission_id,)).fetchone()  # fmt: skip
            if known is not None:
                if (known[0], known[1]) != (session.session_id, participant):
                    raise refused("submission_other")
                return SubmitResult("duplicate", int(known[2]))
            now = clock.now()
            replaced = conn.execute("DELETE FROM live_answers WHERE session_id = ? AND participant = ?",
                                    (session.session_id, participant)).rowcount  # fmt: skip
            conn.executemany(
                "INSERT INTO live_answers (session_id, participant, alter_id, tie_type, weight, submission_id, submitted_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        session.session_id,
                        participant,
                        alter,
                        tie_type,
                        weight,
                        f"{submission_id}/{i}",
                        now,
                    )
                    for i, (alter, tie_type, weight) in enumerate(parsed)
                ],
            )
            conn.execute("INSERT INTO live_submissions (submission_id, session_id, participant, answers, submitted_at) "
                         "VALUES (?, ?, ?, ?, ?)", (submission_id, session.session_id, participant, len(parsed), now))  # fmt: skip
        return SubmitResult("stored", len(parsed), replaced)


def answers_of(folder: str | Path, code: str, participant: str) -> pd.DataFrame:
    """The current answers of one participant: ``alter_id``, ``tie_type``, ``weight``, ``submitted_at``."""
    with connection(folder) as conn:
        session = _session(conn, code)
        rows = conn.execute("SELECT alter_id, tie_type, weight, submitted_at FROM live_answers "
                            "WHERE session_id = ? AND participant = ? ORDER BY alter_id, tie_type",
                            (session.session_id, str(participant))).fetchall()  # fmt: skip
    return pd.DataFrame(rows, columns=["alter_id", "tie_type", "weight", "submitted_at"])


def live_ties(folder: str | Path, code: str) -> pd.DataFrame:
    """All current answers of a session, for the projector.

    Returns
    -------
    pandas.DataFrame
        ``source`` (participant), ``target`` (alter), ``tie_type``, ``weight``,
        ``submitted_at``, one row per answer.
    """
    with connection(folder) as conn:
        session = _session(conn, code)
        rows = conn.execute("SELECT participant, alter_id, tie_type, weight, submitted_at FROM live_answers "
                            "WHERE session_id = ? ORDER BY answer_id", (session.session_id,)).fetchall()  # fmt: skip
    return pd.DataFrame(rows, columns=["source", "target", "tie_type", "weight", "submitted_at"])


@dataclass(frozen=True)
class SessionCounts:
    """How far a session is: roster size, participants who answered, answers and distinct ties."""

    roster: int
    participants: int
    answers: int
    ties: int


def session_counts(folder: str | Path, code: str) -> SessionCounts:
    """Counts for the projector and ``wijknet live status``."""
    folder = Path(folder)
    with connection(folder) as conn:
        session = _session(conn, code)
        n_roster = len(_roster(conn, folder, session.wijk, session.wave))
        participants = conn.execute("SELECT COUNT(DISTINCT participant) FROM live_submissions WHERE session_id = ?",
                                    (session.session_id,)).fetchone()[0]  # fmt: skip
        answers, ties = conn.execute("SELECT COUNT(*), COUNT(DISTINCT participant || char(0) || alter_id) "
                                     "FROM live_answers WHERE session_id = ?", (session.session_id,)).fetchone()  # fmt: skip
    return SessionCounts(n_roster, int(participants), int(answers), int(ties))


# --- personal links ------------------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    """SHA-256 of a token: enough for 256 random bits (no password stretching needed), never the token itself."""
    return hashlib.sha256(str(token).encode("ascii", "replace")).hexdigest()


def _token_holder(conn: sqlite3.Connection, session: LiveSession, token: str) -> str | None:
    if not TOKEN.match(str(token)):
        return None
    row = conn.execute("SELECT participant FROM live_tokens WHERE token_hash = ? AND session_id = ? AND revoked_at IS NULL",
                       (_token_hash(token), session.session_id)).fetchone()  # fmt: skip
    return row[0] if row else None


def issue_links(
    folder: str | Path,
    code: str,
    participants: Iterable[str] | None = None,
    *,
    only_missing: bool = False,
    username: str | None = None,
) -> dict[str, str]:
    """Issue a personal link (a new token) to participants of an open session.

    Parameters
    ----------
    folder : str or Path
        The project store.
    code : str
        The session's code.
    participants : iterable of str, optional
        Actor ids on the roster; default everyone on the roster.
    only_missing : bool
        Skip participants who have a valid link already (default: replace it;
        the old link stops working).
    username : str, optional
        Who issued them, for the audit log (only the number is logged).

    Returns
    -------
    dict
        ``actor_id -> token``. Tokens are 256 random bits
        (``secrets.token_urlsafe``); only their SHA-256 is stored, so this is
        the only moment they can be handed out (print the sheet now,
        :func:`wijknet.live.links.links_sheet`).

    Raises
    ------
    DataError
        Unknown code, a closed session, or a participant not on the roster.
    """
    folder = Path(folder)
    with connection(folder) as conn:
        with transaction(conn):
            session = _session(conn, code)
            if not session.is_open:
                raise refused("closed", title=session.title)
            ids = [e.actor_id for e in _roster(conn, folder, session.wijk, session.wave)]
            wanted = ids if participants is None else [str(p).strip() for p in participants]
            unknown = [p for p in wanted if p not in set(ids)]
            if unknown:
                raise DataError(
                    [Problem(_WHERE, text(TEXTS, "not_on_roster", actor=p)) for p in unknown]
                )
            if only_missing:
                have = {p for (p,) in conn.execute("SELECT participant FROM live_tokens WHERE session_id = ? AND "
                                                   "revoked_at IS NULL", (session.session_id,))}  # fmt: skip
                wanted = [p for p in wanted if p not in have]
            now = clock.now()
            tokens = {p: secrets.token_urlsafe(TOKEN_BYTES) for p in dict.fromkeys(wanted)}
            conn.executemany("UPDATE live_tokens SET revoked_at = ? WHERE session_id = ? AND participant = ? "
                             "AND revoked_at IS NULL", [(now, session.session_id, p) for p in tokens])  # fmt: skip
            conn.executemany("INSERT INTO live_tokens (token_hash, session_id, participant, issued_at) VALUES (?, ?, ?, ?)",
                             [(_token_hash(t), session.session_id, p, now) for p, t in tokens.items()])  # fmt: skip
            record(
                conn,
                "live_links_issued",
                username=username,
                wijk=session.wijk,
                wave=session.wave,
                links=len(tokens),
            )
        return tokens


def revoke_links(
    folder: str | Path,
    code: str,
    participants: Iterable[str] | None = None,
    *,
    username: str | None = None,
) -> int:
    """Revoke the personal links of ``participants`` (default: all) of a session; return how many."""
    with connection(folder) as conn:
        with transaction(conn):
            session = _session(conn, code)
            now = clock.now()
            if participants is None:
                n = conn.execute("UPDATE live_tokens SET revoked_at = ? WHERE session_id = ? AND revoked_at IS NULL",
                                 (now, session.session_id)).rowcount  # fmt: skip
            else:
                n = sum(conn.execute("UPDATE live_tokens SET revoked_at = ? WHERE session_id = ? AND participant = ? "
                                     "AND revoked_at IS NULL", (now, session.session_id, str(p).strip())).rowcount
                        for p in participants)  # fmt: skip
            record(
                conn,
                "live_links_revoked",
                username=username,
                wijk=session.wijk,
                wave=session.wave,
                links=n,
            )
        return n


def linked(folder: str | Path, code: str) -> set[str]:
    """The participants of a session who hold a valid personal link."""
    with connection(folder) as conn:
        session = _session(conn, code)
        rows = conn.execute("SELECT DISTINCT participant FROM live_tokens WHERE session_id = ? AND revoked_at IS NULL",
                            (session.session_id,)).fetchall()  # fmt: skip
    return {r[0] for r in rows}


@dataclass(frozen=True)
class LinkHolder:
    """Who a personal link belongs to, read fresh from the store: the session, the participant and the roster."""

    session: LiveSession
    me: RosterEntry
    entries: list[RosterEntry]

    def option_ids(self) -> dict[str, RosterEntry]:
        """The partners this participant can name, by opaque option id (:func:`option_id`).

        Only those the wijkteam of the wijk sees by name (organisations and
        professionals who consented): a resident or a professional without
        consent is never listed on anyone's phone, so no phone form pairs a
        pseudonym or code with a real name.
        """
        return {option_id(self.session, self.me.actor_id, e.actor_id): e for e in self.entries
                if e.named and e.actor_id != self.me.actor_id}  # fmt: skip


def link_holder(folder: str | Path, code: str, token: str) -> LinkHolder:
    """The holder of a personal link of session ``code``, checked against the store now (one short connection).

    Raises
    ------
    DataError
        ``unknown_code``; ``closed`` for a closed session; ``bad_link`` for a
        malformed, unknown, revoked or replaced token, a token of another
        session, or a participant no longer on the roster (forgotten) -- the
        message names nobody.
    """
    folder = Path(folder)
    with connection(folder) as conn:
        session = _session(conn, code)
        if not session.is_open:
            raise refused("closed", title=session.title)
        participant = _token_holder(conn, session, token)
        entries = _roster(conn, folder, session.wijk, session.wave) if participant else []
    me = next((e for e in entries if e.actor_id == participant), None)
    if me is None:
        raise refused("bad_link")
    return LinkHolder(session, me, entries)


def option_id(session: LiveSession, participant: str, alter: str) -> str:
    """The opaque id of ``alter`` on ``participant``'s form: HMAC-SHA256 with the session's secret, 16 hex digits.

    Stable for one participant (a form sent after a restart of the server
    still counts), different for every participant and session, and without
    the secret (which never leaves the store) it reveals no actor id.
    """
    message = f"{participant}\0{alter}".encode()
    return hmac.new(session.secret.encode(), message, hashlib.sha256).hexdigest()[:16]


def set_url(folder: str | Path, code: str, url: str) -> None:
    """Remember the address of the participants' server (``wijknet live serve``) for the projector and the links."""
    with connection(folder) as conn:
        with transaction(conn):
            conn.execute(
                "UPDATE live_sessions SET url = ? WHERE code = ?",
                (str(url), str(code).strip().lower()),
            )
