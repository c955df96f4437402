"""Live network mapping at a netwerkbijeenkomst: participants answer on their phone, the map grows.

See ``docs/live.md``. :mod:`wijknet.live.session` holds the sessions and
answers in the project store; :mod:`wijknet.live.server` serves the
participants' form (tornado) behind their personal links
(:mod:`wijknet.live.links`); :mod:`wijknet.live.projector` makes the graph
the projector page of the app draws.
"""

from wijknet.live.session import (
    TIE_TYPES,
    WEIGHTS,
    CloseResult,
    LinkHolder,
    LiveRefused,
    LiveSession,
    RosterEntry,
    SessionCounts,
    SubmitResult,
    answers_of,
    close_session,
    get_session,
    issue_links,
    link_holder,
    linked,
    live_ties,
    open_session,
    revoke_links,
    roster,
    session_counts,
    sessions,
    submit,
)

__all__ = [
    "TIE_TYPES",
    "WEIGHTS",
    "CloseResult",
    "LinkHolder",
    "LiveRefused",
    "LiveSession",
    "RosterEntry",
    "SessionCounts",
    "SubmitResult",
    "answers_of",
    "close_session",
    "get_session",
    "issue_links",
    "link_holder",
    "linked",
    "live_ties",
    "open_session",
    "revoke_links",
    "roster",
    "session_counts",
    "sessions",
    "submit",
]
