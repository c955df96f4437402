"""Layouts and the offline network map (pyvis / vis-network)."""

from wijknet.viz.layout import stable_layout, union_graph
from wijknet.viz.netmap import legend_html, network_map_html, remote_references

__all__ = ["legend_html", "network_map_html", "remote_references", "stable_layout", "union_graph"]
