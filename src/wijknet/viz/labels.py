"""Label placement without overlap for the network maps.

A greedy point-feature label placement: labels are placed one by one in
priority order (e.g. the best-connected actors first), each at the first of
a list of candidate positions around its node whose bounding box overlaps no
node and no label placed before it. Candidates further out (rings) are joined
to their node with a leader line; when no candidate fits at the full font
size, smaller sizes are tried down to ``min_size``. A label that fits nowhere
is left out (it stays in the hover text and the search). This is the
classic greedy heuristic for the map-labelling problem (Christensen, Marks &
Shieber 1995, "An empirical study of algorithms for point-feature label
placement", ACM Transactions on Graphics 14(3)); it guarantees that no two
placed boxes overlap, which an exhaustive optimum would also give but at a
cost the app cannot pay on every rerun.

Bounding boxes are estimated from the text length and the font size
(:func:`text_box`), generously, so that the browser's real text (measured
with the canvas ``measureText``) fits inside; the HTML map shrinks a label
that is wider than its box, so boxes are never exceeded.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

#: Width of an average character relative to the font size (sans-serif, generous).
CHAR_WIDTH = 0.64
#: Height of a label line relative to the font size.
LINE_HEIGHT = 1.25
#: Empty space kept around every label box (pixels).
PAD = 2.0
#: The eight directions tried around a node, right first (reading direction).
_DIRECTIONS = (
    (1, 0),
    (-1, 0),
    (0, -1),
    (0, 1),
    (1, -1),
    (1, 1),
    (-1, -1),
    (-1, 1),
)


@dataclass(frozen=True)
class Label:
    """One placed label: its text centred at ``(x, y)`` in a ``width`` x ``height`` box.

    ``leader`` is the segment ``(x1, y1, x2, y2)`` from the node's edge to the
    box when the label sits away from its node, else ``None``.
    """

    node: str
    text: str
    x: float
    y: float
    width: float
    height: float
    size: float
    leader: tuple[float, float, float, float] | None = None

    @property
    def box(self) -> tuple[float, float, float, float]:
        """``(x0, y0, x1, y1)`` of the label."""
        return (
            self.x - self.width / 2,
            self.y - self.height / 2,
            self.x + self.width / 2,
            self.y + self.height / 2,
        )

    def as_dict(self) -> dict:
        """Plain values for JSON (rounded to 0.1 pixel)."""
        out = {
            "id": self.node,
            "t": self.text,
            "x": round(self.x, 1),
            "y": round(self.y, 1),
            "w": round(self.width, 1),
            "h": round(self.height, 1),
            "s": round(self.size, 1),
        }
        if self.leader is not None:
            out["lead"] = [round(c, 1) for c in self.leader]
        return out


def text_box(label: str, size: float) -> tuple[float, float]:
    """Estimated ``(width, height)`` in pixels of one line of ``label`` at font ``size``.

    ``width = CHAR_WIDTH * size * len(label)`` and ``height = LINE_HEIGHT * size``.

    Examples
    --------
    >>> text_box("Wijkagent", 10)
    (57.6, 12.5)
    """
    return CHAR_WIDTH * size * len(label), LINE_HEIGHT * size


def overlap(a: Sequence[float], b: Sequence[float]) -> bool:
    """Whether boxes ``(x0, y0, x1, y1)`` ``a`` and ``b`` share interior (touching edges do not count).

    Examples
    --------
    >>> overlap((0, 0, 10, 10), (5, 5, 15, 15)), overlap((0, 0, 10, 10), (10, 0, 20, 10))
    (True, False)
    """
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def overlapping_pairs(boxes: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of boxes that overlap (all pairs; for tests and checks)."""
    return [
        (i, j)
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if overlap(boxes[i], boxes[j])
    ]


class _Grid:
    """A uniform grid of boxes for quick overlap queries."""

    def __init__(self, cell: float = 64.0):
        self.cell = cell
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, box):
        c = self.cell
        for i in range(math.floor(box[0] / c), math.floor(box[2] / c) + 1):
            for j in range(math.floor(box[1] / c), math.floor(box[3] / c) + 1):
                yield i, j

    def add(self, box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)

    def hits(self, box) -> bool:
        return any(
            overlap(box, other) for key in self._keys(box) for other in self.cells.get(key, ())
        )


def place_labels(
    points: Mapping[str, tuple[float, float]],
    texts: Mapping[str, str],
    *,
    radius: Mapping[str, float] | None = None,
    order: Iterable[str] | None = None,
    size: float = 14.0,
    min_size: float = 10.0,
    rings: int = 4,
    bounds: tuple[float, float, float, float] | None = None,
) -> dict[str, Label]:
    """Place the labels of ``texts`` next to their nodes so that no two overlap and none covers a node.

    Parameters
    ----------
    points : mapping
        ``node -> (x, y)`` in pixels (y downwards), the centre of each node.
        Every node here is an obstacle, labelled or not.
    texts : mapping
        ``node -> label`` of the nodes to label (empty labels are skipped).
    radius : mapping, optional
        ``node -> radius`` in pixels of the drawn circle (default 8).
    order : iterable, optional
        Priority: labels earlier in the order are placed first and so get the
        best spots (default: the order of ``texts``). Nodes of ``texts`` not
        in ``order`` come last.
    size, min_size : float
        Font size tried first and the smallest one tried (sizes step by 15 %).
    rings : int
        Number of rings of candidates further from the node (with a leader
        line) tried after the ring next to it.
    bounds : tuple, optional
        ``(x0, y0, x1, y1)`` a label must stay inside.

    Returns
    -------
    dict
        ``node -> Label`` of the labels placed; a node left out had no free
        candidate. No two returned boxes overlap (:func:`overlap`), and no box
        overlaps the square around any node.

    Notes
    -----
    Greedy point-feature labelling (Christensen, Marks & Shieber 1995): for
    each label in priority order, for each font size from ``size`` down to
    ``min_size``, for each ring ``k = 0..rings`` at distance ``r + 3 + k *
    1.6 h`` from the node (``h`` the label height) and each of eight
    directions (right, left, above, below, then the diagonals), the first box
    that hits no node square and no placed label is taken. Directed or
    weighted ties play no part: only positions, radii and texts do.

    Examples
    --------
    Two nodes 30 pixels apart whose labels to the right would overlap:

    >>> placed = place_labels({"a": (0, 0), "b": (0, 12)}, {"a": "Anna", "b": "Bram"})
    >>> overlap(placed["a"].box, placed["b"].box)
    False
    """
    radius = radius or {}
    wanted = [n for n in texts if str(texts[n]).strip()]
    if order is not None:
        ranked = [n for n in order if n in texts and str(texts[n]).strip()]
        seen = set(ranked)
        ranked += [n for n in wanted if n not in seen]
    else:
        ranked = wanted
    grid = _Grid()
    for node, (x, y) in points.items():
        r = float(radius.get(node, 8.0))
        grid.add((x - r, y - r, x + r, y + r))
    sizes = []
    s = float(size)
    while s >= min_size - 1e-9:
        sizes.append(s)
        s *= 0.85
    if not sizes or sizes[-1] > min_size + 1e-9:
        sizes.append(float(min_size))
    placed: dict[str, Label] = {}
    for node in ranked:
        if node not in points:
            continue
        label = str(texts[node]).strip()
        x, y = (float(c) for c in points[node])
        r = float(radius.get(node, 8.0))
        found = None
        for s in sizes:
            w, h = text_box(label, s)
            for ring in range(rings + 1):
                gap = 3.0 + ring * 1.6 * h
                for dx, dy in _DIRECTIONS:
                    # Box centre: the box's near side at ``gap`` from the circle.
                    cx = x + dx * (r + gap + w / 2)
                    cy = y + dy * (r + gap + h / 2)
                    if dx == 0:
                        cx = x
                    if dy == 0:
                        cy = y
                    box = (cx - w / 2 - PAD, cy - h / 2 - PAD, cx + w / 2 + PAD, cy + h / 2 + PAD)
                    if bounds is not None and (
                        box[0] < bounds[0]
                        or box[1] < bounds[1]
                        or box[2] > bounds[2]
                        or box[3] > bounds[3]
                    ):
                        continue
                    if grid.hits(box):
                        continue
                    leader = None
                    if ring > 0:
                        # From the circle's edge towards the nearest point of the box.
                        nx_, ny_ = (
                            min(max(x, cx - w / 2), cx + w / 2),
                            min(max(y, cy - h / 2), cy + h / 2),
                        )
                        d = math.hypot(nx_ - x, ny_ - y) or 1.0
                        leader = (x + (nx_ - x) * r / d, y + (ny_ - y) * r / d, nx_, ny_)
                    found = Label(node, label, cx, cy, w, h, s, leader)
                    grid.add(box)
                    break
                if found:
                    break
            if found:
                break
        if found is not None:
            placed[node] = found
    return placed
