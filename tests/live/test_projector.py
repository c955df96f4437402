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
