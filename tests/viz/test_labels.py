"""Label placement without overlap (wijknet.viz.labels) on hand-made positions."""

from __future__ import annotations

import itertools
import random

from wijknet.viz.labels import PAD, overlap, overlapping_pairs, place_labels, text_box


def _circle(p, r):
    return (p[0] - r, p[1] - r, p[0] + r, p[1] + r)


def test_text_box_follows_length_and_size():
    # 0.64 * 10 px * 5 characters = 32 px wide, 1.25 * 10 = 12.5 px high.
    assert text_box("Bravo", 10) == (32.0, 12.5)
    assert text_box("Bravo Bravo", 10)[0] > text_box("Bravo", 10)[0]


def test_two_labels_that_would_overlap_are_separated():
    # Both names to the right of nodes 10 px apart vertically: boxes 17.5 px high would overlap.
    points = {"a": (0.0, 0.0), "b": (0.0, 10.0)}
    naive_a = (11, -8.75, 11 + text_box("Alfa Heide", 14)[0], 8.75)
    naive_b = (11, 1.25, 11 + text_box("Bravo Heide", 14)[0], 18.75)
    assert overlap(naive_a, naive_b)  # what a placement to the right of both would give
    placed = place_labels(points, {"a": "Alfa Heide", "b": "Bravo Heide"}, radius={"a": 4, "b": 4})
    assert set(placed) == {"a", "b"}
    assert not overlap(placed["a"].box, placed["b"].box)
    # The first in priority gets the first choice: to the right of its node, on its height.
    assert placed["a"].x > 0 and placed["a"].y == 0.0 and placed["a"].leader is None


def test_labels_avoid_every_node_circle():
    # A node right of "a" blocks the spot to its right; the label goes elsewhere, clear of both circles.
    points = {"a": (0.0, 0.0), "x": (30.0, 0.0)}
    placed = place_labels(points, {"a": "Alfa"}, radius={"a": 5, "x": 10})
    box = placed["a"].box
    assert not overlap(box, _circle(points["x"], 10)) and not overlap(box, _circle(points["a"], 5))


def test_many_labels_no_pair_overlaps_and_leaders_point_home():
    rng = random.Random(3)
    points = {f"n{i}": (rng.uniform(0, 300), rng.uniform(0, 200)) for i in range(60)}
    texts = {n: f"Actor {n} Heidepad" for n in points}
    radius = {n: rng.uniform(4, 12) for n in points}
    placed = place_labels(points, texts, radius=radius, rings=6)
    boxes = [lab.box for lab in placed.values()]
    assert overlapping_pairs(boxes) == []
    for lab, (n, p) in itertools.product(placed.values(), points.items()):
        assert not overlap(lab.box, _circle(p, radius[n]))  # no label covers any dot
    assert len(placed) > 30  # most fit in this dense 300 x 200 square
    for lab in placed.values():
        if lab.leader is not None:  # starts on its own circle's edge
            x, y = points[lab.node]
            d = ((lab.leader[0] - x) ** 2 + (lab.leader[1] - y) ** 2) ** 0.5
            assert abs(d - radius[lab.node]) < 0.01


def test_priority_order_and_bounds():
    # Three nodes on one spot: only the first in order gets the right-hand spot; all stay inside bounds.
    points = {"a": (50.0, 50.0), "b": (50.0, 50.5), "c": (50.0, 51.0)}
    placed = place_labels(
        points, {n: "Naam" for n in points}, order=["c", "b", "a"], bounds=(0, 0, 200, 200)
    )
    assert placed["c"].leader is None and placed["c"].x > 50 and abs(placed["c"].y - 51.0) < 1e-9
    for lab in placed.values():
        x0, y0, x1, y1 = lab.box
        assert x0 - PAD >= 0 and y0 - PAD >= 0 and x1 + PAD <= 200 and y1 + PAD <= 200


def test_font_shrinks_before_a_label_is_dropped():
    # Walls of dots (r 4) at y = -14 and 14 leave a slot from -10 to 10: 20 px. At 14 px a label needs
    # 1.25 * 14 + 2 * PAD = 21.5 px (does not fit); at 14 * 0.85 = 11.9 px it needs 18.9 px (fits).
    spots = [(x, y) for x in range(-40, 200, 8) for y in (-14, 14)]
    walls = {f"w{i}": (float(x), float(y)) for i, (x, y) in enumerate(spots)}
    points = {"a": (0.0, 0.0), **walls}
    radius = {n: 4.0 for n in points}
    radius["a"] = 2.0
    placed = place_labels(points, {"a": "Alfa"}, radius=radius, size=14, min_size=9, rings=0)
    assert abs(placed["a"].size - 11.9) < 1e-9
    assert placed["a"].height + 2 * PAD <= 20
