"""Load test: 50 participants answer at the same moment over real HTTP on loopback.

Every answer must be stored exactly once: resent forms (the same
``submission_id`` twice, at the same moment) are stored once, corrections
replace the earlier answers, and nothing is lost. Bounded: every request has
a timeout and the whole test stops after at most two minutes.
"""

from __future__ import annotations

from tests.live.helpers import large_store, links_of, options
from tests.live.loadtest import run_load_test
from wijknet.live import open_session
from wijknet.live.server import LiveServer
from wijknet.store import connect

PARTICIPANTS = 50


def test_fifty_simultaneous_participants(tmp_path):
    store = large_store(tmp_path, n=60)
    code = open_session(store, "Oost", "2026", "load test")
    links = links_of(store, code)
    with LiveServer(store, code) as server:
        report = run_load_test(
            server.url, list(links.values()), participants=PARTICIPANTS, timeout=20
        )
    assert report.errors == []
    assert len(report.expected) == PARTICIPANTS
    resent = len(range(0, PARTICIPANTS, 3))
    corrected = len(range(0, PARTICIPANTS, 4))
    assert report.posts == PARTICIPANTS + resent + corrected
    assert len(report.submission_ids) == PARTICIPANTS + corrected
    assert report.seconds < 60

    conn = connect(store)
    try:
        rows = conn.execute(
            "SELECT participant, alter_id, tie_type, weight FROM live_answers"
        ).fetchall()
        submissions = conn.execute(
            "SELECT submission_id, participant FROM live_submissions"
        ).fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    stored: dict[str, set] = {}
    for participant, alter, tie_type, weight in rows:
        stored.setdefault(participant, set()).add((alter, tie_type, weight))
    # the load test knows only the links and the forms' opaque option ids: map them back as the server does
    actor_of = {link: actor for actor, link in links.items()}
    expected = {}
    for link, answers in report.expected.items():
        alter_of = options(store, code, link)
        expected[actor_of[link]] = {
            (alter_of[opt], tie_type, weight) for opt, tie_type, weight in answers
        }
    report.expected = expected
    # exactly once: no duplicate rows, every participant's last answers, nothing else
    assert len(rows) == len(set(rows))
    assert stored == report.expected
    assert len(rows) == sum(len(v) for v in report.expected.values())
    # every distinct submission was recorded once (the double taps once, the corrections too)
    assert sorted(s for s, _ in submissions) == sorted(report.submission_ids)
