"""The Verbindingskansen map: the network map with suggested introductions and missing links as dashed lines.

A thin layer over :func:`wijknet.viz.netmap.network_map_html` (its
``overlay`` option): the actors of the dashed pairs are drawn larger and
named, every other actor small and unnamed (names stay in the hover text),
so the few pairs stand out from the ties without a hairball of labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import networkx as nx

from wijknet.core.i18n import text
from wijknet.viz.netmap import network_map_html

if TYPE_CHECKING:
    from wijknet.core.taxonomy import Taxonomy

TEXTS = {"size": {"nl": "in een voorstel of signaal", "en": "in a suggestion or signal"}}


def opportunity_map_html(
    G: nx.Graph,
    positions: Mapping[str, tuple[float, float]],
    overlay: Sequence[tuple],
    *,
    taxonomy: Taxonomy,
    lang: str = "nl",
    height: int = 640,
    aggregate_only: bool = False,
) -> str:
    """The network map of ``G`` with ``overlay`` pairs dashed, their actors large and named.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    positions : mapping
        ``node -> (x, y)``, as for the network map (stable across waves).
    overlay : sequence of tuples
        ``(source, target, kind, title)`` as
        :func:`wijknet.analysis.opportunities.overlay_pairs` gives them.
    taxonomy : Taxonomy
    lang : {"nl", "en"}
    height : int
    aggregate_only : bool
        Passed on: domain colour only and no overlay (pairs are about single actors).

    Returns
    -------
    str
        A self-contained offline HTML document.

    Examples
    --------
    >>> from wijknet.core.taxonomy import Taxonomy
    >>> G = nx.DiGraph([("a", "b")])
    >>> nx.set_node_attributes(G, "zorg", "domain")
    >>> G.add_node("c", domain="welzijn")
    >>> doc = opportunity_map_html(G, {"a": (0, 0), "b": (1, 0), "c": (0, 1)}, [("a", "c", "suggested", "")],
    ...                            taxonomy=Taxonomy.default())
    >>> "voorgestelde kennismaking" in doc
    True
    """
    marked = {str(v) for pair in overlay for v in pair[:2]}
    sizes = {v: 1.0 if str(v) in marked else 0.0 for v in G}
    return network_map_html(
        G,
        positions,
        taxonomy=taxonomy,
        node_size=sizes if marked else None,
        size_label=text(TEXTS, "size", lang) if marked else None,
        lang=lang,
        show_names=True,
        max_labels=len(marked),
        height=height,
        aggregate_only=aggregate_only,
        overlay=overlay,
    )
