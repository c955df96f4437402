"""The SQL schema of a project store, versioned with SQLite's ``user_version``.

Every entry of :data:`MIGRATIONS` brings the database from version ``i`` to
``i + 1``; :func:`wijknet.store.db.migrate` applies the missing ones in one
transaction. Never edit a released migration: add a new one.

Tables (version 1)
------------------
``imports``
    one row per ``wijknet import`` run (one transaction): time, wijknet
    version and the options used.
``files``
    every imported file: content hash (``sha256``, unique, so the same file is
    never imported twice), original name, kind, size, the path of the
    unchanged copy under ``raw/`` and the import it came with.
``actors``
    the actor registry in the tidy format (text values, ``extra`` holds other
    columns as a JSON object) with the file and row it came from.
``actor_history``
    the previous values of an actor each time ``--update`` changed it.
``responses``
    survey responses (KPI 3 item, active participant), one per actor and wave.
``observations``
    the evidence: every observed directed tie with its ``kind`` (see
    :data:`EVIDENCE_KINDS`), the original evidence ``label``, the import and
    file, ``source_file``/``source_row``/``source_column`` and an optional
    interview ``quote`` and ``segment_id``, and the other answers or
    attributes behind it (``answers``, JSON). Ties for analysis are made from
    observations by an evidence rule (:mod:`wijknet.store.combine`).
``pending``
    rows an importer could not place yet (e.g. write-in names of a survey,
    respondents without an actor id), kept as JSON for the actor registry.
"""

from __future__ import annotations

#: What an observation can be evidence of.
#:
#: ``survey``          the source's own survey answer naming the target;
#: ``confirmation``    the target's survey answer confirming a tie the source named;
#: ``interview``       a segment of a participation conversation or interview;
#: ``network_canvas``  an ego's report in a Network Canvas interview;
#: ``graph_file``      an edge of an imported GraphML or GEXF file;
#: ``tidy_file``       a row of a tidy ``ties`` table whose evidence is not recognised.
EVIDENCE_KINDS = (
    "survey",
    "confirmation",
    "interview",
    "network_canvas",
    "graph_file",
    "tidy_file",
)

ACTOR_COLUMNS = ("actor_id", "wijk", "domain", "name", "role", "organisation", "kind", "pluswijkteam",
                 "kernaanpakken", "consent", "first_wave", "last_wave")  # fmt: skip

_KINDS_SQL = ", ".join(f"'{k}'" for k in EVIDENCE_KINDS)

V1 = f"""
CREATE TABLE imports (
    import_id       INTEGER PRIMARY KEY,
    imported_at     TEXT NOT NULL,
    wijknet_version TEXT NOT NULL,
    options         TEXT NOT NULL DEFAULT '{{}}'
);
CREATE TABLE files (
    file_id     INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL REFERENCES imports(import_id),
    sha256      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    raw_path    TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE actors (
    actor_id      TEXT PRIMARY KEY,
    wijk          TEXT NOT NULL,
    domain        TEXT NOT NULL,
    name          TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL DEFAULT '',
    pluswijkteam  TEXT NOT NULL DEFAULT '',
    kernaanpakken TEXT NOT NULL DEFAULT '',
    consent       TEXT NOT NULL DEFAULT '',
    first_wave    TEXT NOT NULL DEFAULT '',
    last_wave     TEXT NOT NULL DEFAULT '',
    extra         TEXT NOT NULL DEFAULT '{{}}',
    file_id       INTEGER NOT NULL REFERENCES files(file_id),
    source_row    INTEGER
);
CREATE TABLE actor_history (
    change_id  INTEGER PRIMARY KEY,
    actor_id   TEXT NOT NULL REFERENCES actors(actor_id),
    old_values TEXT NOT NULL,
    file_id    INTEGER NOT NULL REFERENCES files(file_id),
    source_row INTEGER
);
CREATE TABLE responses (
    wijk       TEXT NOT NULL,
    wave       TEXT NOT NULL,
    actor_id   TEXT NOT NULL REFERENCES actors(actor_id),
    kpi3       TEXT NOT NULL DEFAULT '',
    active     TEXT NOT NULL DEFAULT '',
    extra      TEXT NOT NULL DEFAULT '{{}}',
    file_id    INTEGER NOT NULL REFERENCES files(file_id),
    source_row INTEGER,
    PRIMARY KEY (wave, actor_id)
);
CREATE TABLE observations (
    observation_id INTEGER PRIMARY KEY,
    wijk          TEXT NOT NULL,
    wave          TEXT NOT NULL,
    source        TEXT NOT NULL REFERENCES actors(actor_id),
    target        TEXT NOT NULL REFERENCES actors(actor_id),
    tie_type      TEXT NOT NULL DEFAULT '',
    weight        REAL,
    kind          TEXT NOT NULL CHECK (kind IN ({_KINDS_SQL})),
    label         TEXT NOT NULL DEFAULT '',
    import_id     INTEGER NOT NULL REFERENCES imports(import_id),
    file_id       INTEGER NOT NULL REFERENCES files(file_id),
    source_file   TEXT NOT NULL,
    source_row    INTEGER,
    source_column TEXT NOT NULL DEFAULT '',
    quote         TEXT NOT NULL DEFAULT '',
    segment_id    TEXT NOT NULL DEFAULT '',
    answers       TEXT NOT NULL DEFAULT '{{}}',
    CHECK (source <> target)
);
CREATE INDEX observations_tie ON observations (wijk, wave, source, target);
CREATE TABLE pending (
    pending_id    INTEGER PRIMARY KEY,
    what          TEXT NOT NULL,
    file_id       INTEGER NOT NULL REFERENCES files(file_id),
    source_row    INTEGER,
    source_column TEXT NOT NULL DEFAULT '',
    data          TEXT NOT NULL
);
"""

#: Version 2: the aliases confirmed for actors (entity resolution, :mod:`wijknet.store.registry`):
#: ``alias_norm`` is the normalised name (:func:`wijknet.resolve.matching.normalise`), ``confirmed_by`` who
#: linked it (``auto`` for an automatic match above the threshold), ``confirmed_at`` when (UTC).
V2 = """
CREATE TABLE aliases (
    alias_norm   TEXT NOT NULL,
    actor_id     TEXT NOT NULL REFERENCES actors(actor_id),
    confirmed_by TEXT NOT NULL DEFAULT '',
    confirmed_at TEXT NOT NULL,
    PRIMARY KEY (alias_norm, actor_id)
);
"""

#: Version 3: access and privacy (#6).
#:
#: ``users``           sign-in accounts of the embedded sign-in: ``username`` (unique,
#:                     case-folded), the argon2 ``password_hash`` (never a password),
#:                     ``audience`` (``onderzoeker``, ``wijkteam:<wijk>`` or ``leernetwerk``),
#:                     ``active`` (0 = disabled), when created and by whom;
#: ``login_attempts``  one row per sign-in attempt (``ok`` 0/1) for rate limiting;
#: ``audit_log``       what happened and by whom: ``action`` (``import``, ``export``,
#:                     ``report``, ``sign_in``, ``sign_in_failed``, ``role_change``, ``user_add``,
#:                     ``user_remove``, ``unlock``, ``live_session`` ...), ``detail`` (JSON, never
#:                     names of actors or ratings);
#: ``live_sessions``   a live network-mapping session: join ``code``, wijk, wave, open/closed;
#: ``live_answers``    one participant's answer about one alter in a session; ``submission_id``
#:                     (made by the participant's form) is unique so a resent answer is stored
#:                     once; a correction replaces the answer (``UNIQUE(session, participant, alter)``);
#: ``live_submissions`` every submission a session accepted (its ``submission_id``, participant,
#:                     number of answers), kept after a correction replaced its answers, so a late
#:                     resend of an earlier form can never undo the correction.
V3 = """
CREATE TABLE users (
    username      TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL DEFAULT '',
    audience      TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE login_attempts (
    attempt_id   INTEGER PRIMARY KEY,
    username     TEXT NOT NULL,
    attempted_at TEXT NOT NULL,
    ok           INTEGER NOT NULL
);
CREATE INDEX login_attempts_user ON login_attempts (username, attempted_at);
CREATE TABLE audit_log (
    entry_id INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    username TEXT NOT NULL DEFAULT '',
    action   TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE live_sessions (
    session_id INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    wijk       TEXT NOT NULL,
    wave       TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    opened_at  TEXT NOT NULL,
    closed_at  TEXT
);
CREATE TABLE live_answers (
    answer_id     INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES live_sessions(session_id),
    participant   TEXT NOT NULL REFERENCES actors(actor_id),
    alter_id      TEXT NOT NULL REFERENCES actors(actor_id),
    tie_type      TEXT NOT NULL DEFAULT '',
    weight        REAL,
    submission_id TEXT NOT NULL UNIQUE,
    submitted_at  TEXT NOT NULL,
    UNIQUE (session_id, participant, alter_id, tie_type),
    CHECK (participant <> alter_id)
);
CREATE TABLE live_submissions (
    submission_id TEXT PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES live_sessions(session_id),
    participant   TEXT NOT NULL REFERENCES actors(actor_id),
    answers       INTEGER NOT NULL,
    submitted_at  TEXT NOT NULL
);
"""

#: Version 4, live part (#10): personal links of live participants.
#:
#: ``live_sessions``   gains ``secret`` (random, per session: keys the opaque option ids of the
#:                     phone form, so no actor id appears in it) and ``url`` (the address the
#:                     server for the participants listens on, set by ``wijknet live serve``, shown
#:                     on the projector and used for the personal links);
#: ``live_tokens``     one personal link of one participant in one session: only the SHA-256
#:                     ``token_hash`` of the link's token is stored (the token itself is handed out
#:                     once, on the printed sheet), when it was issued and, once revoked or
#:                     replaced, ``revoked_at``; deleted with the actor (``ON DELETE CASCADE``, so
#:                     ``wijknet forget`` leaves no row that names the person).
V4_LIVE = """
ALTER TABLE live_sessions ADD COLUMN secret TEXT NOT NULL DEFAULT '';
ALTER TABLE live_sessions ADD COLUMN url TEXT NOT NULL DEFAULT '';
UPDATE live_sessions SET secret = lower(hex(randomblob(32))) WHERE secret = '';
CREATE TABLE live_tokens (
    token_hash  TEXT PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES live_sessions(session_id),
    participant TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
    issued_at   TEXT NOT NULL,
    revoked_at  TEXT
);
CREATE INDEX live_tokens_participant ON live_tokens (session_id, participant);
"""

#: Version 4 (storeimp): incremental imports by the source's own identity (#12).
#:
#: ``files.content_hash``         SHA-256 of the file's text after decoding (UTF-8, UTF-16 or cp1252) with
#:                                line endings made ``\n``; a re-saved copy (CRLF, cp1252) has the same
#:                                content hash and is "already imported" (binary files: their bytes);
#: ``observations.item_key``      the source unit the observation comes from, by the source's own id:
#:                                ``qualtrics:<ResponseId>``, ``limesurvey:<wijk>:<wave>:<id>``,
#:                                ``network_canvas:<ego UUID>``, ``<maxqda|atlasti|interviews>:<hash of interview and segment id>``;
#:                                for tidy and graph rows ``row:<hash of the stored content>#<n>``; ``''``
#:                                for observations made by the actor registry or not derivable from a v3 store;
#: ``observations.version``       1, 2, ... per observation of an item (a changed answer is a new version);
#: ``observations.superseded_by`` ``NULL`` for the current version, else the import that replaced (or
#:                                withdrew) it; loaders and evidence rules use only current versions;
#: ``responses.item_key``/``version`` as for observations; the replaced values go to ``response_history``
#:                                (removed with the actor: ``wijknet forget`` leaves none behind);
#: ``pending.item_key``           the item a write-in or unidentified respondent came from;
#: ``source_items``               what an import left in ``pending``, by ``item_key`` and ``part`` (a hash,
#:                                never a name) with the hash of its content: a write-in seen before is not
#:                                queued again, also after ``wijknet resolve`` removed it from ``pending``
#:                                (``pending_id``: its row while it waits there).
V4_STOREIMP = """
ALTER TABLE files ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX files_content ON files (content_hash);
ALTER TABLE observations ADD COLUMN item_key TEXT NOT NULL DEFAULT '';
ALTER TABLE observations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE observations ADD COLUMN superseded_by INTEGER REFERENCES imports(import_id);
CREATE INDEX observations_item ON observations (item_key);
ALTER TABLE responses ADD COLUMN item_key TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE response_history (
    change_id   INTEGER PRIMARY KEY,
    wave        TEXT NOT NULL,
    actor_id    TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    old_values  TEXT NOT NULL,
    file_id     INTEGER NOT NULL REFERENCES files(file_id),
    replaced_by INTEGER NOT NULL REFERENCES imports(import_id)
);
ALTER TABLE pending ADD COLUMN item_key TEXT NOT NULL DEFAULT '';
CREATE TABLE source_items (
    item_key     TEXT NOT NULL,
    part         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    file_id      INTEGER NOT NULL REFERENCES files(file_id),
    pending_id   INTEGER,
    PRIMARY KEY (item_key, part)
);
"""

#: Version 4 (helper "forget"): the pseudonym key's fingerprint and sign-in delays per client.
#:
#: ``key_fingerprint``  at most one row: the ``fingerprint`` of the key the store's data are
#:                      pseudonymised with (:func:`wijknet.privacy.keys.fingerprint`) and when it
#:                      was recorded; a missing or other key is refused instead of silently giving
#:                      everyone new pseudonyms;
#: ``login_attempts.client``  a short hash of the client's network address
#:                      (:func:`wijknet.access.users.client_tag`): sign-in is slowed down per user
#:                      name and client, so nobody elsewhere can lock a user out.
V4_FORGET = """
CREATE TABLE key_fingerprint (
    fingerprint TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
ALTER TABLE login_attempts ADD COLUMN client TEXT NOT NULL DEFAULT '';
CREATE INDEX login_attempts_client ON login_attempts (username, client, attempted_at);
"""

#: Version 4 is the live, re-import and forget parts in one step.
V4 = V4_LIVE + V4_STOREIMP + V4_FORGET

#: Version 5 (issue 14, the onderstroom): attributes per wave, interview themes and tidy ratings.
#:
#: ``actor_waves``  one row per actor and wave whose attributes differ per wave (the tidy
#:                  ``actor_waves`` table, :mod:`wijknet.io.tidy`): ``pluswijkteam`` (``ja``/``nee``/``''``),
#:                  ``kernaanpakken`` (``;``-separated), ``role``, ``organisation``, ``role_group``,
#:                  ``layer``; ``''`` keeps the actor's own value. Filled from the respondent block of
#:                  a survey export (``item_key`` = the response's key) or from a tidy
#:                  ``actor_waves`` file; removed with the actor (``ON DELETE CASCADE``);
#: ``themes``       one row per theme code of a coded interview segment (``thema: ...``,
#:                  docs/interviews.md): ``wijk``, ``wave``, ``interview_id``, ``theme``, ``segment_id``
#:                  (the same as the segment's signal and tie observations), ``quote`` (the segment
#:                  text: personal data), ``actors`` (the actor ids the segment mentions,
#:                  ``;``-separated), ``interviewee`` (the actor id of the interviewee, so that
#:                  ``wijknet forget`` removes what they said), provenance and ``item_key`` (the segment's key: a re-imported
#:                  segment replaces its themes).
#: ``ratings``      the PARTNER items per rater and partner of a tidy ``ratings`` file (text codes 1-4,
#:                  ``''`` = no answer), one row per wave, rater and partner; removed with either
#:                  actor. Survey exports need no rows here: their ratings are the ``answers`` of the
#:                  survey observations (:func:`wijknet.store.frames.ratings_frame`).
V5 = """
CREATE TABLE actor_waves (
    wijk          TEXT NOT NULL,
    wave          TEXT NOT NULL,
    actor_id      TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
    pluswijkteam  TEXT NOT NULL DEFAULT '',
    kernaanpakken TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    role_group    TEXT NOT NULL DEFAULT '',
    layer         TEXT NOT NULL DEFAULT '',
    file_id       INTEGER NOT NULL REFERENCES files(file_id),
    source_row    INTEGER,
    item_key      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (wave, actor_id)
);
CREATE TABLE themes (
    theme_id      INTEGER PRIMARY KEY,
    wijk          TEXT NOT NULL,
    wave          TEXT NOT NULL,
    interview_id  TEXT NOT NULL,
    theme         TEXT NOT NULL,
    segment_id    TEXT NOT NULL DEFAULT '',
    quote         TEXT NOT NULL DEFAULT '',
    actors        TEXT NOT NULL DEFAULT '',
    interviewee   TEXT NOT NULL DEFAULT '',
    import_id     INTEGER NOT NULL REFERENCES imports(import_id),
    file_id       INTEGER NOT NULL REFERENCES files(file_id),
    source_file   TEXT NOT NULL DEFAULT '',
    source_row    INTEGER,
    source_column TEXT NOT NULL DEFAULT '',
    item_key      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX themes_segment ON themes (wijk, wave, segment_id);
CREATE TABLE ratings (
    wijk              TEXT NOT NULL,
    wave              TEXT NOT NULL,
    rater             TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
    rated             TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
    intensity         TEXT NOT NULL DEFAULT '',
    trust_open        TEXT NOT NULL DEFAULT '',
    trust_reliability TEXT NOT NULL DEFAULT '',
    trust_mission     TEXT NOT NULL DEFAULT '',
    value_power       TEXT NOT NULL DEFAULT '',
    value_involvement TEXT NOT NULL DEFAULT '',
    value_resources   TEXT NOT NULL DEFAULT '',
    file_id           INTEGER NOT NULL REFERENCES files(file_id),
    source_row        INTEGER,
    PRIMARY KEY (wave, rater, rated),
    CHECK (rater <> rated)
);
CREATE INDEX themes_item ON themes (item_key);
"""

#: Version 6 (issue 15): the programme office's tables about wijken (not about persons), each replaced
#: as a whole by an import of its kind (``wijken``, ``ppi``, ``kpi-corrections``, :mod:`wijknet.store.wijktables`).
#:
#: ``wijken``           one row per wijk: ``municipality``, ``subregion``, ``wijk_group`` (``pilot`` or
#:                      ``comparison``), ``wijkplan_start`` (ISO year or date, ``''``), ``extra`` (JSON of
#:                      other columns), provenance;
#: ``wijk_phases``      the route-map phase of a wijk in a wave (one of :data:`wijknet.io.tidy.PHASES`),
#:                      from the ``phase_<wave>`` columns of the same file;
#: ``ppi``              process indicators: ``scope`` (a wijk or ``programma``), ``period`` (``2026-H1``,
#:                      ``2026-H2``, ``2026``), ``indicator``, ``value``/``target`` (text of a number, ``''``),
#:                      ``unit``, ``note``; unique per scope, period and indicator;
#: ``kpi_corrections``  an exogenous correction of the KPI 3 judgement per wijk and wave: ``correction``
#:                      (percentage points, text of a number) and ``reason``.
V6 = """
CREATE TABLE wijken (
    wijk           TEXT PRIMARY KEY,
    municipality   TEXT NOT NULL DEFAULT '',
    subregion      TEXT NOT NULL DEFAULT '',
    wijk_group     TEXT NOT NULL CHECK (wijk_group IN ('pilot', 'comparison')),
    wijkplan_start TEXT NOT NULL DEFAULT '',
    extra          TEXT NOT NULL DEFAULT '{}',
    file_id        INTEGER NOT NULL REFERENCES files(file_id),
    source_row     INTEGER
);
CREATE TABLE wijk_phases (
    wijk    TEXT NOT NULL,
    wave    TEXT NOT NULL,
    phase   TEXT NOT NULL,
    file_id INTEGER NOT NULL REFERENCES files(file_id),
    PRIMARY KEY (wijk, wave)
);
CREATE TABLE ppi (
    ppi_id     INTEGER PRIMARY KEY,
    scope      TEXT NOT NULL,
    period     TEXT NOT NULL,
    indicator  TEXT NOT NULL,
    value      TEXT NOT NULL DEFAULT '',
    target     TEXT NOT NULL DEFAULT '',
    unit       TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    file_id    INTEGER NOT NULL REFERENCES files(file_id),
    source_row INTEGER,
    UNIQUE (scope, period, indicator)
);
CREATE TABLE kpi_corrections (
    wijk       TEXT NOT NULL,
    wave       TEXT NOT NULL,
    correction TEXT NOT NULL,
    reason     TEXT NOT NULL,
    file_id    INTEGER NOT NULL REFERENCES files(file_id),
    source_row INTEGER,
    PRIMARY KEY (wijk, wave)
);
"""

#: ``MIGRATIONS[i]`` takes the schema from ``user_version`` i to i + 1.
MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4, V5, V6)

#: The schema version this wijknet writes and reads.
SCHEMA_VERSION = len(MIGRATIONS)
