"""A bounded load test of the live server: many simulated participants answering at the same moment.

Each simulated participant is one thread with its own cookies (like one
phone) and its own personal link. All start together (a barrier) and, over
real HTTP:

1. open their personal link: the form (which sets the XSRF cookie, carries a
   fresh ``submission_id`` and names the partners by opaque option ids);
2. send their answers (a few alters, "samenwerken", "verwijzen" or both,
   intensity 1-4);
3. some send the very same form again at the same moment (a double tap: the
   same ``submission_id`` twice, concurrently);
4. some correct themselves: open the form again and send other answers.

:func:`run_load_test` returns what each participant meant to store last and
the latency of every POST, so a test can check (mapping the option ids back
with :meth:`wijknet.live.session.LinkHolder.option_ids`) that every answer is stored
exactly once and the benchmark (``benchmarks/bench_live.py``) can report the
figures. Only for loopback or a test server: it writes answers into the
session.
"""

from __future__ import annotations

import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

_HIDDEN = re.compile(r'name="(_xsrf|submission_id)" value="([^"]*)"')
_OPTION = re.compile(r'<select name="how-([0-9a-f]+)"')


@dataclass
class LoadReport:
    """Figures of one load test.

    Attributes
    ----------
    participants : int
    posts : int
        POST requests sent (first answers, resends, corrections).
    answers_sent : int
        Answers (participant, alter, tie type) in all POSTs, resends included.
    expected : dict
        Per personal link the set of ``(option_id, tie_type, weight)`` of
        the participant's last submission: what the store must hold.
    submission_ids : set of str
        Distinct submission ids sent.
    latencies : list of float
        Seconds per POST (request to response after the redirect).
    seconds : float
        Wall time from the start signal until the last participant finished.
    errors : list of str
    """

    participants: int
    posts: int = 0
    answers_sent: int = 0
    expected: dict = field(default_factory=dict)
    submission_ids: set = field(default_factory=set)
    latencies: list = field(default_factory=list)
    seconds: float = 0.0
    errors: list = field(default_factory=list)

    @property
    def answers_per_second(self) -> float:
        return self.answers_sent / self.seconds if self.seconds else float("nan")

    @property
    def max_latency(self) -> float:
        return max(self.latencies, default=float("nan"))

    def latency_quantile(self, q: float) -> float:
        values = sorted(self.latencies)
        if not values:
            return float("nan")
        return values[min(len(values) - 1, round(q * (len(values) - 1)))]


class _Phone:
    """One participant's browser: a cookie jar and an opener."""

    def __init__(self, base: str, timeout: float):
        self.base, self.timeout = base, timeout
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=self.timeout) as response:
            return response.read().decode("utf-8")

    def form(self, path: str) -> tuple[dict[str, str], list[str]]:
        page = self.get(path)
        return dict(_HIDDEN.findall(page)), _OPTION.findall(page)

    def post(self, path: str, data: dict[str, str]) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(self.base + path, data=body, timeout=self.timeout) as response:
                return response.status, response.url
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")[:300]


def _answer_set(i: int, options: list[str], round_: int) -> dict[str, tuple[str, int]]:
    """A deterministic answer set of participant ``i``: 3-6 of the form's options, varied kinds and intensities."""
    kinds = ("samenwerking", "verwijzing", "beide")
    k = 3 + (i + round_) % 4
    chosen = [options[(i * 7 + 3 * round_ + j * 5 + 1) % len(options)] for j in range(k)]
    out = {}
    for j, alter in enumerate(dict.fromkeys(chosen)):
        out[alter] = (kinds[(i + j + round_) % 3], 1 + (i + 2 * j + round_) % 4)
    return out


def run_load_test(
    url: str,
    links: list[str],
    *,
    participants: int = 50,
    resend_every: int = 3,
    correct_every: int = 4,
    timeout: float = 30.0,
) -> LoadReport:
    """Simulate ``participants`` phones answering at once against the live server at ``url``.

    Parameters
    ----------
    url : str
        The server, e.g. ``http://127.0.0.1:8600``.
    links : list of str
        Personal links of an open session (``/p/<token>``, the path only,
        :func:`wijknet.live.session.issue_links`); the first
        ``participants`` of them answer.
    resend_every, correct_every : int
        Every ``resend_every``-th participant sends their first form twice at
        the same moment; every ``correct_every``-th sends a correction.
    timeout : float
        Seconds per HTTP request.
    """
    if participants > len(links):
        raise ValueError(f"{len(links)} personal links, fewer than {participants} participants")
    report = LoadReport(participants)
    lock = threading.Lock()
    barrier = threading.Barrier(participants + 1)

    def post(
        phone: _Phone, me: str, hidden: dict[str, str], answers: dict[str, tuple[str, int]]
    ) -> None:
        data = {"_xsrf": hidden.get("_xsrf", ""), "submission_id": hidden.get("submission_id", "")}
        for alter, (how, weight) in answers.items():
            data[f"how-{alter}"], data[f"w-{alter}"] = how, str(weight)
        start = time.perf_counter()
        status, where = phone.post(me, data)
        elapsed = time.perf_counter() - start
        sent = sum(2 if how == "beide" else 1 for how, _ in answers.values())
        with lock:
            report.posts += 1
            report.answers_sent += sent
            report.latencies.append(elapsed)
            report.submission_ids.add(data["submission_id"])
            if status != 200 or "/done" not in where:
                report.errors.append(f"participant {links.index(me)}: HTTP {status} {where}")

    def participant(i: int) -> None:
        me = links[i]
        phone = _Phone(url, timeout)
        try:
            barrier.wait(timeout)
            hidden, options = phone.form(me)
            answers = _answer_set(i, options, 0)
            if i % resend_every == 0:  # a double tap: the same form twice, at the same moment
                twin = threading.Thread(target=post, args=(phone, me, hidden, answers))
                twin.start()
                post(phone, me, hidden, answers)
                twin.join(timeout * 2)
            else:
                post(phone, me, hidden, answers)
            if i % correct_every == 0:  # a correction: a new form, other answers
                hidden, options = phone.form(me)
                answers = _answer_set(i, options, 1)
                post(phone, me, hidden, answers)
            expected = {
                (alter, tie_type, float(weight))
                for alter, (how, weight) in answers.items()
                for tie_type in (("samenwerking", "verwijzing") if how == "beide" else (how,))
            }
            with lock:
                report.expected[me] = expected
        except Exception as exc:  # noqa: BLE001 - every failure is a finding of the load test
            with lock:
                report.errors.append(f"participant {i}: {type(exc).__name__}: {exc}")

    threads = [
        threading.Thread(target=participant, args=(i,), daemon=True) for i in range(participants)
    ]
    for thread in threads:
        thread.start()
    barrier.wait(timeout)
    start = time.perf_counter()
    deadline = start + timeout * 4
    for thread in threads:
        thread.join(max(0.0, deadline - time.perf_counter()))
    report.seconds = time.perf_counter() - start
    if any(thread.is_alive() for thread in threads):
        report.errors.append(f"not finished within {timeout * 4:.0f} s")
    return report
