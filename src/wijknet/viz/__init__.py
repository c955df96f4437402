"""Layouts and the offline network map (pyvis / vis-network)."""

from .layout import stable_layout, union_graph
from .netmap import legend_html, network_map_html, remote_references

__all__ = ["legend_html", "network_map_html", "remote_references", "stable_layout", "union_graph"]
