"""The library side of live sessions: opening, the roster, idempotent submissions, corrections, closing."""

from __future__ import annotations

import sqlite3

import pytest

from tests.live.helpers import small_store
from wijknet import load_project
from wijknet.core.errors import DataError
from wijknet.core.i18n import set_language
from wijknet.live import (
    answers_of,
    close_session,
    get_session,
    live_ties,
    open_session,
    roster,
    session_counts,
    sessions,
    submit,
)
from wijknet.live.session import CODE_ALPHABET, CODE_LENGTH
from wijknet.store import connect
from wijknet.store.audit import read_log


@pytest.fixture
def store(tmp_path):
    return small_store(tmp_path)


@pytest.fixture
def code(store):
    return open_session(store, "Noord", "2027", "voorjaar")


def _messages(exc: pytest.ExceptionInfo) -> str:
    return " | ".join(p.message for p in exc.value.problems)


def test_open_gives_unguessable_code_and_logs(store):
    codes = {open_session(store, "Noord", "2027") for _ in range(5)}
    assert len(codes) == 5
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    log = read_log(store, action="live_session_open")
    assert len(log) == 5
    assert "Fictief" not in "".join(log["detail"])  # no names in the audit log
    session = get_session(store, codes.pop())
    assert session.is_open and session.title.startswith("Noord ")
    assert [s.session_id for s in sessions(store)] == sorted(
        (s.session_id for s in sessions(store)), reverse=True
    )


def test_open_refuses_unknown_wijk_and_configured_wave(tmp_path):
    store = small_store(tmp_path)
    with pytest.raises(DataError) as exc:
        open_session(store, "Oost", "2027")
    assert "Oost" in _messages(exc) and "Noord, Zuid" in _messages(exc)
    (store / "wijknet.yaml").write_text("title: t\nwaves: ['2025', '2026']\n", encoding="utf-8")
    with pytest.raises(DataError) as exc:
        open_session(store, "Noord", "2027")
    assert "2027" in _messages(exc) and "waves" in _messages(exc)


def test_roster_is_the_wijk_in_that_wave_sorted_by_name(store, code):
    entries = roster(store, code)
    assert [e.actor_id for e in entries] == [
        "i1",
        "w1",
        "z1",
        "z2",
    ]  # Bewonersgroep, Coach, Huisarts, Wijkverpleging
    assert entries[2].name == "Huisarts Fictief" and entries[2].domain == "zorg"


def test_roster_follows_first_and_last_wave(tmp_path):
    from tests.conftest import write
    from wijknet.store import import_files

    store = small_store(tmp_path)
    import_files(
        store,
        [
            write(
                tmp_path,
                "late.csv",
                "actor_id,wijk,domain,name,first_wave\nz9,Noord,zorg,Later Fictief,2026\n",
            )
        ],
    )
    early = open_session(store, "Noord", "2025")
    late = open_session(store, "Noord", "2026")
    assert "z9" not in {e.actor_id for e in roster(store, early)}
    assert "z9" in {e.actor_id for e in roster(store, late)}


def test_same_submission_is_stored_once(store, code):
    answers = [("z2", "samenwerking", 3), ("w1", "verwijzing", 2)]
    first = submit(store, code, "z1", answers, "sub-00000001")
    again = submit(store, code, "z1", answers, "sub-00000001")
    assert (first.status, first.answers) == ("stored", 2)
    assert (again.status, again.answers) == ("duplicate", 2)
    assert len(live_ties(store, code)) == 2


def test_new_submission_corrects_and_late_resend_does_not_undo(store, code):
    submit(store, code, "z1", [("z2", "samenwerking", 3), ("w1", "verwijzing", 2)], "sub-00000001")
    result = submit(
        store,
        code,
        "z1",
        [{"alter_id": "z2", "tie_type": "samenwerking", "weight": "4"}],
        "sub-00000002",
    )
    assert (result.status, result.answers, result.replaced) == ("stored", 1, 2)
    late = submit(
        store, code, "z1", [("z2", "samenwerking", 3), ("w1", "verwijzing", 2)], "sub-00000001"
    )
    assert late.status == "duplicate"
    table = answers_of(store, code, "z1")
    assert table[["alter_id", "tie_type", "weight"]].values.tolist() == [
        ["z2", "samenwerking", 4.0]
    ]
    # an empty submission withdraws every answer
    submit(store, code, "z1", [], "sub-00000003")
    assert answers_of(store, code, "z1").empty
    counts = session_counts(store, code)
    assert (counts.roster, counts.participants, counts.answers) == (4, 1, 0)


def test_submission_id_of_another_participant_is_refused(store, code):
    submit(store, code, "z1", [("z2", "samenwerking", 3)], "sub-00000001")
    with pytest.raises(DataError) as exc:
        submit(store, code, "z2", [("z1", "samenwerking", 3)], "sub-00000001")
    assert "inzendcode" in _messages(exc)


@pytest.mark.parametrize(
    ("participant", "answers", "submission", "message"),
    [
        ("g1", [], "sub-00000001", "'g1' staat niet op de deelnemerslijst"),  # another wijk
        (
            "z1",
            [("g1", "samenwerking", 2)],
            "sub-00000001",
            "'g1' staat niet op de deelnemerslijst",
        ),
        ("z1", [("z1", "samenwerking", 2)], "sub-00000001", "u kunt uzelf niet noemen ('z1')"),
        ("z1", [("z2", "vriendschap", 2)], "sub-00000001", "onbekende soort relatie 'vriendschap'"),
        ("z1", [("z2", "samenwerking", 5)], "sub-00000001", "intensiteit '5' bij 'z2'"),
        ("z1", [("z2", "samenwerking", "2,5")], "sub-00000001", "intensiteit '2,5'"),
        ("z1", [("z2", "samenwerking", "")], "sub-00000001", "intensiteit '' bij 'z2'"),
        (
            "z1",
            [("z2", "samenwerking", 1), ("z2", "samenwerking", 2)],
            "sub-00000001",
            "staat twee keer",
        ),
        ("z1", [], "kort", "ongeldige inzendcode"),
        ("z1", [], "<script>alert(1)</script>", "ongeldige inzendcode"),
    ],
)
def test_validation_messages(store, code, participant, answers, submission, message):
    with pytest.raises(DataError) as exc:
        submit(store, code, participant, answers, submission)
    assert message in _messages(exc)
    assert live_ties(store, code).empty


def test_messages_in_english(store, code):
    set_language("en")
    with pytest.raises(DataError) as exc:
        submit(store, code, "z1", [("z1", "samenwerking", 2)], "sub-00000001")
    assert "you cannot name yourself ('z1')" in _messages(exc)
    with pytest.raises(DataError) as exc:
        submit(store, "nosuchcode", "z1", [], "sub-00000001")
    assert "unknown session code 'nosuchcode'" in _messages(exc)


def test_close_turns_answers_into_a_wave(store, code):
    submit(store, code, "z1", [("z2", "samenwerking", 3), ("w1", "verwijzing", 2)], "sub-00000001")
    submit(store, code, "w1", [("z1", "samenwerking", 4)], "sub-00000002")
    submit(store, code, "i1", [], "sub-00000003")
    result = close_session(store, code)
    assert (result.observations, result.participants) == (3, 2)
    project = load_project(store)
    assert project.waves == ["2025", "2026", "2027"]
    ties = project.ties[project.ties["wave"] == "2027"]
    assert sorted(zip(ties["source"], ties["target"], ties["tie_type"], ties["weight"])) == [
        ("w1", "z1", "samenwerking", 4.0),
        ("z1", "w1", "verwijzing", 2.0),
        ("z1", "z2", "samenwerking", 3.0),
    ]
    assert set(ties["evidence"]) == {"netwerkbijeenkomst voorjaar"}
    evidence = project.evidence("Noord", "2027", "z1", "z2")
    assert set(evidence["kind"]) == {"survey"}
    assert set(evidence["source_file"]) == {f"live:{code}"}
    # the confirmed rule sees w1 <-> z1 as reported by both sides
    confirmed = load_project(store, evidence_rule="confirmed").ties
    assert len(confirmed[confirmed["wave"] == "2027"]) == 2
    # the raw copy is a tidy ties table
    raw = (store / result.raw_path).read_text(encoding="utf-8").splitlines()
    assert raw[0].startswith("wijk,wave,source,target,tie_type,weight,evidence") and len(raw) == 4
    conn = connect(store)
    try:
        kind = conn.execute(
            "SELECT kind, name FROM files WHERE raw_path = ?", (result.raw_path,)
        ).fetchone()
    finally:
        conn.close()
    assert kind == ("live", f"live:{code}")
    assert len(read_log(store, action="live_session_close")) == 1


def test_submissions_after_close_are_refused(store, code):
    submit(store, code, "z1", [("z2", "samenwerking", 3)], "sub-00000001")
    close_session(store, code)
    with pytest.raises(DataError) as exc:
        submit(store, code, "z2", [("z1", "samenwerking", 3)], "sub-00000002")
    assert "gesloten" in _messages(exc)
    with pytest.raises(DataError) as exc:
        close_session(store, code)
    assert "al gesloten" in _messages(exc)
    assert len(load_project(store).ties.query("wave == '2027'")) == 1


def test_close_without_answers_keeps_store_loadable(store, code):
    result = close_session(store, code)
    assert result.observations == 0
    load_project(store)


def test_unknown_code(store):
    with pytest.raises(DataError) as exc:
        roster(store, "abc")
    assert "onbekende sessiecode 'abc'" in _messages(exc)


def test_schema_refuses_duplicates_directly(store, code):
    """The database itself holds the rules: one answer per participant, alter and type; no self-ties."""
    submit(store, code, "z1", [("z2", "samenwerking", 3)], "sub-00000001")
    conn = connect(store)
    try:
        sid = get_session(store, code).session_id
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO live_answers (session_id, participant, alter_id, tie_type, weight, submission_id, "
                "submitted_at) VALUES (?, 'z1', 'z2', 'samenwerking', 1, 'x', 'now')",
                (sid,),
            )
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO live_answers (session_id, participant, alter_id, tie_type, weight, submission_id, "
                "submitted_at) VALUES (?, 'z1', 'z1', 'verwijzing', 1, 'y', 'now')",
                (sid,),
            )
    finally:
        conn.close()


def test_forgetting_a_participant_removes_their_live_answers(store, code):
    from wijknet.store.forget import forget_actor

    submit(store, code, "z1", [("z2", "samenwerking", 3)], "sub-00000001")
    submit(store, code, "w1", [("z1", "verwijzing", 2)], "sub-00000002")
    forget_actor(store, "z1")
    assert live_ties(store, code).empty
    assert session_counts(store, code).participants == 1  # w1's (now empty) submission remains


# --- personal links ----------------------------------------------------------------------------------


def test_links_are_hashed_scoped_and_revocable(store, code):
    from wijknet.live import issue_links, link_holder, linked, revoke_links
    from wijknet.live.session import TOKEN

    tokens = issue_links(store, code)
    assert set(tokens) == {"i1", "w1", "z1", "z2"} and len(set(tokens.values())) == 4
    assert all(TOKEN.match(t) for t in tokens.values())
    conn = connect(store)
    try:
        stored = [r[0] for r in conn.execute("SELECT token_hash FROM live_tokens")]
    finally:
        conn.close()
    assert not set(tokens.values()) & set(stored)  # only hashes are kept
    assert link_holder(store, code, tokens["z1"]).me.actor_id == "z1"
    other = open_session(store, "Noord", "2027", "another")
    with pytest.raises(DataError) as exc:  # scoped to its session
        link_holder(store, other, tokens["z1"])
    assert exc.value.reason == "bad_link" and "z1" not in _messages(exc)
    assert revoke_links(store, code, ["z1"]) == 1 and linked(store, code) == {"i1", "w1", "z2"}
    with pytest.raises(DataError):
        link_holder(store, code, tokens["z1"])
    assert issue_links(store, code, only_missing=True).keys() == {"z1"}
    renewed = issue_links(store, code, ["z2"])["z2"]
    with pytest.raises(DataError):  # replaced
        link_holder(store, code, tokens["z2"])
    assert link_holder(store, code, renewed).me.actor_id == "z2"
    log = read_log(store, action="live_links_issued")
    assert (
        len(log) == 3
        and "Fictief" not in "".join(log["detail"])
        and "z1" not in "".join(log["detail"])
    )
    with pytest.raises(DataError):
        issue_links(store, code, ["g1"])  # another wijk


def test_submit_with_a_link_checks_it_in_the_transaction(store, code):
    from wijknet.live import issue_links, revoke_links

    tokens = issue_links(store, code)
    submit(store, code, "z1", [("z2", "samenwerking", 3)], "sub-00000001", token=tokens["z1"])
    with pytest.raises(DataError) as exc:  # another participant's link
        submit(store, code, "z2", [("z1", "samenwerking", 1)], "sub-00000002", token=tokens["z1"])
    assert exc.value.reason == "bad_link"
    revoke_links(store, code, ["z1"])
    with pytest.raises(DataError):
        submit(store, code, "z1", [], "sub-00000003", token=tokens["z1"])
    assert len(answers_of(store, code, "z1")) == 1


def test_option_ids_are_opaque_and_per_participant(store, code):
    from wijknet.live import issue_links, link_holder

    tokens = issue_links(store, code)
    mine = link_holder(store, code, tokens["z1"]).option_ids()
    theirs = link_holder(store, code, tokens["z2"]).option_ids()
    assert {e.actor_id for e in mine.values()} == {
        "z2",
        "i1",
    }  # named only, not yourself (w1 has no consent)
    assert not set(mine) & set(theirs)
    assert all(len(o) == 16 and o.isalnum() for o in mine)


def test_roster_names_as_the_wijkteam_sees_them(store, code):
    from wijknet.privacy import restrict

    entries = {e.actor_id: e for e in roster(store, code)}
    view = restrict(load_project(store), "wijkteam:Noord")
    real = view._real_ids
    seen = {real[a]: n for a, n in zip(view.actors["actor_id"], view.actors["name"])}
    assert {a: e.label for a, e in entries.items()} == {a: seen[a] for a in entries}
    assert not entries["w1"].named and entries["w1"].label.startswith("P-")


def test_forget_removes_the_links_of_the_person(store, code):
    from wijknet.live import issue_links, link_holder
    from wijknet.store.forget import forget_actor

    tokens = issue_links(store, code)
    forget_actor(store, "z2")
    with pytest.raises(DataError) as exc:
        link_holder(store, code, tokens["z2"])
    assert exc.value.reason == "bad_link" and "z2" not in _messages(exc)
    conn = connect(store)
    try:
        assert (
            conn.execute("SELECT COUNT(*) FROM live_tokens WHERE participant = 'z2'").fetchone()[0]
            == 0
        )
    finally:
        conn.close()
    assert "z2" not in {
        e.actor_id for e in link_holder(store, code, tokens["z1"]).option_ids().values()
    }


def test_live_observations_have_every_column_an_import_has(store, code):
    """One write path: a closed session's observations fill quote, segment_id and version as an import does."""
    from wijknet.store.db import connection

    submit(store, code, "z1", [("z2", "samenwerking", 3)], "sub-00000001")
    close_session(store, code)
    columns = "quote, segment_id, version, typeof(quote), typeof(segment_id), typeof(item_key)"
    with connection(store) as conn:
        live = conn.execute(
            f"SELECT {columns} FROM observations WHERE label = 'netwerkbijeenkomst voorjaar'"
        ).fetchall()
        imported = conn.execute(
            f"SELECT DISTINCT {columns} FROM observations WHERE wave = '2025'"
        ).fetchall()
    assert live == [("", "", 1, "text", "text", "text")]
    assert set(live) <= set(imported)
