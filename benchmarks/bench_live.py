"""Load figures of the live server: many participants answering at the same moment, on loopback.

Run from the repository root::

    python benchmarks/bench_live.py [--participants 50] [--rounds 3] [--process]

Makes a fictional project store (one wijk, 60 actors) in a temporary folder,
opens a live session, starts the real server (tornado, 127.0.0.1, a free
port; with ``--process`` as ``wijknet live serve`` in a process of its own,
as in a real session, instead of a thread next to the clients) and lets the participants answer at once with
:func:`tests.live.loadtest.run_load_test`: every third participant sends
the same form twice at the same moment, every fourth corrects their answers.
Checks that every answer is stored exactly once and prints a Markdown table:
wall time, POSTs, answers, answers per second and POST latencies (median,
95th percentile, maximum). Nothing is asserted about speed.
"""

from __future__ import annotations

import argparse
import contextlib
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.live.helpers import large_store, links_of, options
from tests.live.loadtest import run_load_test

from wijknet.live import open_session
from wijknet.live.server import LiveServer
from wijknet.store import connect


@contextlib.contextmanager
def server_process(store: Path, code: str):
    """``wijknet live serve`` in a process of its own on a free loopback port; yields its URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    wijknet = Path(sys.executable).parent / "wijknet"
    proc = subprocess.Popen(
        [str(wijknet), "live", "serve", str(store), code, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("wijknet live serve did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def one_round(participants: int, process: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = large_store(Path(tmp), n=max(60, participants + 5))
        code = open_session(store, "Oost", "2026", "benchmark")
        links = links_of(store, code)
        with server_process(store, code) if process else LiveServer(store, code) as server:
            url = server if process else server.url
            report = run_load_test(url, list(links.values()), participants=participants, timeout=30)
        actor_of = {link: actor for actor, link in links.items()}
        expected = {}
        for (
            link,
            answers,
        ) in report.expected.items():  # the forms' option ids back to actor ids, as the server does
            alter_of = options(store, code, link)
            expected[actor_of[link]] = {
                (alter_of[opt], tie_type, weight) for opt, tie_type, weight in answers
            }
        conn = connect(store)
        try:
            rows = conn.execute(
                "SELECT participant, alter_id, tie_type, weight FROM live_answers"
            ).fetchall()
        finally:
            conn.close()
    stored: dict[str, set] = {}
    for participant, alter, tie_type, weight in rows:
        stored.setdefault(participant, set()).add((alter, tie_type, weight))
    exact = not report.errors and stored == expected and len(rows) == len(set(rows))
    return {
        "seconds": report.seconds,
        "posts": report.posts,
        "answers": report.answers_sent,
        "stored": len(rows),
        "rate": report.answers_per_second,
        "median": report.latency_quantile(0.5),
        "p95": report.latency_quantile(0.95),
        "max": report.max_latency,
        "exact": exact,
        "errors": report.errors[:3],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--process",
        action="store_true",
        help="run the server as wijknet live serve in its own process",
    )
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
        f"{args.participants} participants, {args.rounds} rounds, "
        f"server in {'its own process' if args.process else 'a thread of the benchmark'}\n"
    )
    print(
        "| round | wall time (s) | POSTs | answers sent | stored | answers/s | median POST (ms) | "
        "p95 POST (ms) | max POST (ms) | every answer once |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    results = []
    for i in range(args.rounds):
        r = one_round(args.participants, args.process)
        results.append(r)
        print(
            f"| {i + 1} | {r['seconds']:.2f} | {r['posts']} | {r['answers']} | {r['stored']} | {r['rate']:.0f} | "
            f"{1000 * r['median']:.0f} | {1000 * r['p95']:.0f} | {1000 * r['max']:.0f} | {'yes' if r['exact'] else 'NO'} |"
        )
        if r["errors"]:
            print("errors:", r["errors"])
    print(
        f"\nmedian wall time {statistics.median(r['seconds'] for r in results):.2f} s, "
        f"median max latency {1000 * statistics.median(r['max'] for r in results):.0f} ms"
    )


if __name__ == "__main__":
    main()
