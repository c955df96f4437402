"""Stakeholder graphs: one directed graph per wijk and wave (:mod:`wijknet.graph.build`)."""

from wijknet.graph.build import build_graph, build_graphs, symmetrise_graph

__all__ = ["build_graph", "build_graphs", "symmetrise_graph"]
