"""Respondent feedback: a short personal profile to hand back to each participant.

Network studies such as PARTNER give every participating organisation a
profile of its own place in the network, as thanks and as a conversation
starter for the PlusWIJkteam. :func:`feedback_profile` computes one for every organisation (``kind ==
"organisation"``) and every respondent of a wijk and wave
(:func:`feedback_actors`); :mod:`wijknet.report.feedback` renders and
writes them as one-page HTML documents.

Privacy rules (what makes a profile safe to hand out):

- the profile shows the actor's **own** answers (the partners it named, by
  domain) and facts about the **whole** network (connector, fragile bridge,
  the typical number of partners);
- what **others** said about the actor is shown only as an aggregate: how
  many others named it and the mean strength (weight) of those ties; never
  an individual rating, never who named it;
- every number that rests on the answers of fewer than
  :data:`MIN_REPORTERS` others (3) is suppressed, overall and per domain,
  with secondary suppression of more domains so that the suppressed ones
  cannot be worked out from the total (the one rule of
  :mod:`wijknet.privacy.suppression`, zeros counted as small); the total
  number of partners (own plus others' reports) is suppressed too then,
  since it would give away how many others named the actor.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from wijknet.metrics import actor_metrics
from wijknet.privacy.suppression import protect
from wijknet.project import Project

__all__ = [
    "MIN_REPORTERS",
    "DomainTies",
    "FeedbackProfile",
    "feedback_actors",
    "feedback_profile",
]

#: Aggregates of others' answers need at least this many reporters.
MIN_REPORTERS = 3


@dataclass(frozen=True)
class DomainTies:
    """The actor's ties with one domain.

    ``named``: partners in the domain the actor named itself; ``named_by``
    and ``mean_weight_received``: how many others in the domain named the
    actor and their mean tie strength, ``None`` when fewer than
    :data:`MIN_REPORTERS` did (suppressed).
    """

    domain: str
    named: int
    named_by: int | None
    mean_weight_received: float | None


@dataclass
class FeedbackProfile:
    """The feedback profile of one actor in one wijk and wave.

    Attributes
    ----------
    actor_id, name, role, organisation, kind, domain : str
        Who the profile is for (``domain`` is the taxonomy key).
    wijk, wave : str
    previous : str or None
        The wave before, if the actor took part in it.
    pluswijkteam : bool
    named : int
        Partners the actor named itself.
    named_domains : int
        Domains among them.
    named_by : int or None
        Others who named the actor; None when fewer than
        :data:`MIN_REPORTERS` (suppressed).
    mean_weight_received : float or None
        Mean weight of the ties others reported to the actor; None when
        suppressed or when the ties carry no weights.
    partners, partner_domains : int or None
        Distinct partners (named or named by) and their domains; None when
        ``named_by`` is suppressed.
    partners_previous : int or None
        ``partners`` (or, when suppressed then, ``named``) in the previous wave.
    median_partners : float
        Median number of partners of the actors of the wijk in this wave.
    brokerage_total : int
    betweenness : float
        Normalised betweenness.
    connector : bool
        Flagged as a connector of the wijk by :func:`wijknet.metrics.connectors`
        (the top decile by brokerage roles).
    bridge : bool
        An articulation point (fragile bridge).
    by_domain : list of DomainTies
        In taxonomy order; domains with no named tie and suppressed or no
        received ties are left out.
    suppressed : bool
        Whether others' answers were suppressed (fewer than three reporters).
    synthetic : bool
    """

    actor_id: str
    name: str
    role: str
    organisation: str
    kind: str
    domain: str
    wijk: str
    wave: str
    previous: str | None
    pluswijkteam: bool
    named: int
    named_domains: int
    named_by: int | None
    mean_weight_received: float | None
    partners: int | None
    partner_domains: int | None
    partners_previous: int | None
    median_partners: float
    brokerage_total: int
    betweenness: float
    connector: bool
    bridge: bool
    by_domain: list[DomainTies] = field(default_factory=list)
    suppressed: bool = False
    synthetic: bool = False


def _weights(G, edges) -> list[float]:
    values = []
    for u, v in edges:
        w = G.edges[u, v].get("weight")
        try:
            w = float(w)
        except (TypeError, ValueError):
            continue
        if not math.isnan(w):
            values.append(w)
    return values


def _partners(G, node) -> set:
    return set(G.successors(node)) | set(G.predecessors(node))


def _protect_received(total: int, counts: dict[str, int], k: int) -> set[str]:
    """The domains whose count of others who named the actor may be shown.

    The one disclosure-control rule (:func:`wijknet.privacy.suppression.protect`)
    on the line ``total = sum of the domain counts`` (plus those without a
    domain), with threshold ``k`` and zeros sensitive: "none of the others in
    this domain named you" speaks about each of them. So a domain count of 0
    to ``k - 1`` is suppressed, and so are more domains until the suppressed
    rest is at least ``k`` and cannot be worked out from the total; when the
    total itself is below ``k`` nothing is shown.
    """
    domains = list(counts)
    rest = total - sum(
        counts.values()
    )  # reporters without a domain: not shown, but part of the line
    values = [total, *counts.values(), *([rest] if rest else [])]
    cost = [1.0] * (len(domains) + 1) + [0.0] * bool(rest)
    hidden = protect(values, [(0, list(range(1, len(values))))], k, sensitive_zeros=True, cost=cost)
    if hidden[0]:
        return set()
    return {d for d, h in zip(domains, hidden[1 : len(domains) + 1]) if not h}


def network_facts(project: Project, wijk: str, wave: str) -> dict:
    """Whole-network facts of one wijk and wave, shared by all profiles of that network.

    Pass the result to :func:`feedback_profile` (``network=``) when making many
    profiles of one network, so the measures are computed once.
    """
    from wijknet.metrics import connectors

    G = project.graph(wijk, wave)
    metrics = actor_metrics(G).set_index("actor_id")
    flags = connectors(G)
    waves = project.waves
    at = waves.index(wave) if wave in waves else 0
    return {
        "wijk": wijk,
        "wave": wave,
        "G": G,
        "metrics": metrics,
        "connectors": set(flags.loc[flags["connector"], "actor_id"]),
        "degrees": [len(_partners(G, n)) for n in G.nodes],
        "previous": project.graph(wijk, waves[at - 1]) if at > 0 else None,
    }


def feedback_profile(
    project: Project,
    actor_id: str,
    wave: str,
    *,
    min_reporters: int = MIN_REPORTERS,
    network: dict | None = None,
) -> FeedbackProfile:
    """The feedback profile of one actor in one wave.

    Parameters
    ----------
    project : Project
    actor_id : str
    wave : str
    min_reporters : int, default 3
        Aggregates of others' answers based on fewer reporters are suppressed.
    network : dict, optional
        The :func:`network_facts` of the actor's wijk and ``wave``; computed
        when not given.

    Returns
    -------
    FeedbackProfile

    Raises
    ------
    KeyError
        When the actor is unknown or does not take part in ``wave``.
    """
    actors = project.actors.set_index("actor_id")
    if actor_id not in actors.index:
        raise KeyError(f"unknown actor {actor_id!r}")
    wijk = str(actors.at[actor_id, "wijk"])
    ctx = network if network is not None else network_facts(project, wijk, wave)
    G, metrics, connectors, degrees = ctx["G"], ctx["metrics"], ctx["connectors"], ctx["degrees"]
    if actor_id not in G:
        raise KeyError(f"actor {actor_id!r} does not take part in wave {wave!r}")
    data = G.nodes[actor_id]
    domain_of = {n: str(d.get("domain") or "") for n, d in G.nodes(data=True)}
    out_nodes = set(G.successors(actor_id))
    in_nodes = set(G.predecessors(actor_id))
    received = _weights(G, [(u, actor_id) for u in in_nodes])
    enough = len(in_nodes) >= min_reporters
    partners = out_nodes | in_nodes
    # Per domain: own named partners always; received only with enough reporters in that domain.
    domains = project.taxonomy.order(set(domain_of.values()) - {""})
    senders = {d: [n for n in in_nodes if domain_of[n] == d] for d in domains}
    shown = _protect_received(len(in_nodes), {d: len(senders[d]) for d in domains}, min_reporters)
    by_domain = []
    for d in domains:
        named = sum(1 for n in out_nodes if domain_of[n] == d)
        ok = d in shown
        weights = _weights(G, [(u, actor_id) for u in senders[d]]) if ok else []
        if named or ok:
            by_domain.append(
                DomainTies(
                    d,
                    named,
                    len(senders[d]) if ok else None,
                    statistics.fmean(weights) if weights else None,
                )
            )
    # The previous wave, when the actor took part in it.
    waves = project.waves
    previous = waves[waves.index(wave) - 1] if wave in waves and waves.index(wave) > 0 else None
    partners_previous = None
    if previous is not None:
        H = ctx["previous"]
        if actor_id in H:
            before_in = set(H.predecessors(actor_id))
            partners_previous = (
                len(_partners(H, actor_id))
                if enough and len(before_in) >= min_reporters
                else len(set(H.successors(actor_id)))
                if not enough
                else None
            )
        else:
            previous = None
    return FeedbackProfile(
        actor_id=str(actor_id), name=str(data.get("name") or actor_id), role=str(data.get("role") or ""),
        organisation=str(data.get("organisation") or ""), kind=str(data.get("kind") or ""),
        domain=domain_of[actor_id], wijk=wijk, wave=wave, previous=previous,
        pluswijkteam=data.get("pluswijkteam") is True, named=len(out_nodes),
        named_domains=len({domain_of[n] for n in out_nodes}), named_by=len(in_nodes) if enough else None,
        mean_weight_received=statistics.fmean(received) if enough and received else None,
        partners=len(partners) if enough else None,
        partner_domains=len({domain_of[n] for n in partners}) if enough else None,
        partners_previous=partners_previous, median_partners=float(statistics.median(degrees)) if degrees else 0.0,
        brokerage_total=int(metrics.at[actor_id, "brokerage_total"]),
        betweenness=float(metrics.at[actor_id, "betweenness_normalised"]),
        connector=actor_id in connectors, bridge=bool(metrics.at[actor_id, "articulation_point"]),
        by_domain=by_domain, suppressed=not enough, synthetic=project.config.synthetic,
    )  # fmt: skip


def feedback_actors(project: Project, wijk: str, wave: str) -> list[str]:
    """Actors of ``wijk`` in ``wave`` who get a profile: organisations and survey respondents."""
    present = project.present(wijk, wave)
    chosen = (
        set(present.loc[present["kind"] == "organisation", "actor_id"])
        if "kind" in present
        else set()
    )
    responses = project.responses
    if not responses.empty:
        chosen |= set(
            responses.loc[(responses["wijk"] == wijk) & (responses["wave"] == wave), "actor_id"]
        )
    return [a for a in present["actor_id"] if a in chosen]
