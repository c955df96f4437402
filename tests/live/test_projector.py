"""The projector's library side: who may run it, which sessions they see, and a graph keyed by pseudonyms."""

from __future__ import annotations

import pytest

from tests.live.helpers import small_store
from wijknet.live import open_session, submit
from wijknet.live.projector import live_graph, projector_project, visible_sessions
from wijknet.privacy import NotAllowed


@pytest.fixture
def store(tmp_path):
    store = small_store(tmp_path)
    code = open_session(store, "Noord", "2027", "noord")
    open_session(store, "Zuid", "2027", "zuid")
    submit(store, code, "z1", [("w1", "samenwerking", 3), ("z2", "verwijzing", 2)], "sub-00000001")
    return store, code


def test_who_may_run_the_projector(store):
    store, _ = store
    for viewer, wijk in (("leernetwerk", "Noord"), ("wijkteam:Zuid", "Noord"), (None, "Noord")):
        with pytest.raises(NotAllowed):
            projector_project(store, wijk, viewer)
    assert projector_project(store, "Noord", "wijkteam:Noord").audience.wijk == "Noord"
    assert (
        str(projector_project(store, "Noord", "onderzoeker").audience) == "wijkteam:Noord"
    )  # the room's view
    assert [s.title for s in visible_sessions(store, "wijkteam:Zuid")] == ["zuid"]
    assert sorted(s.title for s in visible_sessions(store, "onderzoeker")) == ["noord", "zuid"]
    with pytest.raises(NotAllowed):
        visible_sessions(store, "leernetwerk")


def test_graph_is_keyed_by_pseudonyms(store):
    store, code = store
    project = projector_project(store, "Noord", "onderzoeker")
    G = live_graph(project, store, code)
    assert set(G) == set(project.actors["actor_id"]) and not set(G) & {"z1", "z2", "w1", "i1"}
    codes = {real: pseudo for pseudo, real in project._real_ids.items()}
    assert set(G.edges) == {(codes["z1"], codes["w1"]), (codes["z1"], codes["z2"])}
    assert G.nodes[codes["w1"]]["name"] == codes["w1"]  # no consent: the pseudonym, not the name
    assert G.nodes[codes["z1"]]["name"] == "Huisarts Fictief"
    assert G.graph["respondents"] == {codes["z1"]}


# --- partial: the participants' address and its QR code on the projector (issue 16) ---------


def _svg_modules(svg: str, border: int = 2) -> set[tuple[int, int]]:
    """The dark modules (row, column) of a segno SVG path: ``M x y`` absolute, ``m dx dy`` relative, ``h n`` a run."""
    import re

    path = re.search(r' d="([^"]+)"', svg).group(1)
    dark, x, y = set(), 0.0, 0.0
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:[ ,](-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:  # a horizontal run of dark modules on the row y - 0.5 (the stroke is centred)
            n = int(float(a))
            dark |= {(int(y - 0.5) - border, int(x) + i - border) for i in range(n)}
            x += n
    return dark


def test_projector_shows_the_address_and_a_qr_code_that_encodes_it():
    import segno

    from wijknet.live.projector import join_html

    url = "http://192.0.2.7:8600"
    block = join_html(url, "nl")
    assert url in block and "Doe mee" in block
    [svg] = [part.split("</svg>")[0] for part in block.split("<svg")[1:]]
    # No QR decoder is installed: the SVG's modules equal segno's own matrix for the URL (error correction M).
    matrix = segno.make_qr(url, error="m").matrix
    expected = {(r, c) for r, row in enumerate(matrix) for c, v in enumerate(row) if v}
    assert _svg_modules("<svg" + svg) == expected
    other = segno.make_qr(url + "/p/x", error="m").matrix
    assert _svg_modules("<svg" + svg) != {
        (r, c) for r, row in enumerate(other) for c, v in enumerate(row) if v
    }  # the comparison can fail


def test_projector_holds_no_personal_link_or_name(store):
    from wijknet.live import issue_links
    from wijknet.live.projector import join_html
    from wijknet.live.session import roster

    store, code = store
    tokens = issue_links(store, code)
    block = join_html("http://192.0.2.7:8600", "nl")
    assert "/p/" not in block
    assert not any(token in block for token in tokens.values())
    names = {e.name for e in roster(store, code)} | set(tokens)
    assert not any(name and name in block for name in names)  # no actor id or name of the roster
