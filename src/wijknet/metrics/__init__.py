"""Network measures: a graph in, a tidy DataFrame (or small result object) out.

Modules by topic, as in networkx: :mod:`.centrality` (degree, betweenness,
articulation points), :mod:`.brokerage` (Gould & Fernandez roles),
:mod:`.structural_holes` (Burt's constraint and effective size), :mod:`.ei`
(Krackhardt & Stern's E-I index), :mod:`.mixing` (domain mixing),
:mod:`.network` (whole-network measures) and :mod:`.connectors` (the one
definition of a connector). :func:`actor_metrics` and
:func:`network_metrics` gather them per actor and per network.
"""

from wijknet.metrics.actor import actor_metrics
from wijknet.metrics.brokerage import brokerage
from wijknet.metrics.centrality import articulation_points, betweenness, degree
from wijknet.metrics.connectors import CONNECTOR_SHARE, connectors
from wijknet.metrics.ei import EIResult, ei_index, ei_index_by_actor, ei_index_by_group
from wijknet.metrics.mixing import cross_domain_share, mixing_matrix
from wijknet.metrics.network import network_metrics
from wijknet.metrics.structural_holes import constraint, effective_size

__all__ = [
    "CONNECTOR_SHARE",
    "EIResult",
    "actor_metrics",
    "articulation_points",
    "betweenness",
    "brokerage",
    "connectors",
    "constraint",
    "cross_domain_share",
    "degree",
    "effective_size",
    "ei_index",
    "ei_index_by_actor",
    "ei_index_by_group",
    "mixing_matrix",
    "network_metrics",
]
