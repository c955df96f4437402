"""Verbindingskansen: interview signals, key players and suggested introductions on hand-made projects.

Every expected pair and score is worked out by hand in the comments.
"""

from __future__ import annotations

import pandas as pd
import pytest

from wijknet import Project
from wijknet.analysis.opportunities import (
    KEY_PLAYER_COLUMNS,
    OPPORTUNITY_COLUMNS,
    SIGNAL_COLUMNS,
    key_players,
    opportunities_lens,
    opportunity_tables,
    signals,
    suggest_introductions,
)
from wijknet.privacy import restrict

KEY = b"a fictional key of 32 bytes long"
QUOTE = "Ik ken die huisarts niet maar zou hem moeten kennen (fictief citaat)"


def project_from(actors, ties, wijk="Noord") -> Project:
    actors = pd.DataFrame(actors).assign(wijk=wijk)
    ties = pd.DataFrame(ties).assign(wijk=wijk)
    return Project.from_frames(actors, ties)


# --- (a) signals --------------------------------------------------------------------------------


def signal_project(extra_wijk: bool = False) -> Project:
    actors = [
        {"actor_id": a, "domain": "zorg", "name": f"Naam {a}", "wijk": "Noord"} for a in "abcdef"
    ]
    ties = [
        # a should know b (2025), and they work together in 2026: became a tie in 2026
        {
            "wave": "2025",
            "source": "a",
            "target": "b",
            "tie_type": "zou_moeten_kennen",
            "evidence": QUOTE,
        },
        {"wave": "2026", "source": "b", "target": "a", "tie_type": "samenwerking", "evidence": ""},
        # c names a barrier with d, with whom it has a tie in the same wave
        {
            "wave": "2025",
            "source": "c",
            "target": "d",
            "tie_type": "drempel",
            "evidence": "gesprek 2",
        },
        {"wave": "2025", "source": "d", "target": "c", "tie_type": "overleg", "evidence": ""},
        # e wishes to connect with f in 2026: no tie ever
        {"wave": "2026", "source": "e", "target": "f", "tie_type": "wens", "evidence": "gesprek 3"},
        {"wave": "2025", "source": "e", "target": "a", "tie_type": "samenwerking", "evidence": ""},
    ]
    for t in ties:
        t["wijk"] = "Noord"
    if extra_wijk:
        actors += [
            {"actor_id": f"z{i}", "domain": "zorg", "name": f"Zuid {i}", "wijk": "Zuid"}
            for i in range(2)
        ]
        ties.append({"wijk": "Zuid", "wave": "2025", "source": "z0", "target": "z1", "tie_type": "wens",
                     "evidence": "zuid gesprek"})  # fmt: skip
    return Project.from_frames(pd.DataFrame(actors), pd.DataFrame(ties))


def test_signals_listed_with_later_ties():
    table = signals(signal_project())
    assert list(table.columns) == SIGNAL_COLUMNS + ["evidence"]
    got = table[["wave", "source", "target", "signal", "tied_now", "tied_wave"]].values.tolist()
    assert got == [
        ["2025", "a", "b", "zou_moeten_kennen", False, "2026"],
        ["2025", "c", "d", "drempel", True, "2025"],
        ["2026", "e", "f", "wens", False, ""],
    ]
    assert table.loc[0, "source_name"] == "Naam a"


def test_signals_never_in_the_graph():
    project = signal_project()
    assert not project.graph("Noord", "2025").has_edge("a", "b")
    assert not project.graph("Noord", "2026").has_edge("e", "f")


def test_signal_pair_can_be_suggested_since_a_signal_is_no_tie():
    # 2025: a - e (tie), c - d (tie), a -> b only a signal. The graph has no path a - b.
    table = suggest_introductions(signal_project(), "Noord", "2025")
    tied = {frozenset(p) for p in [("a", "e"), ("c", "d")]}
    assert not any(frozenset((s, t)) in tied for s, t in zip(table["source"], table["target"]))


# --- (b) key players ---------------------------------------------------------------------------


def test_key_players_by_hand():
    # Path a - b - c - d - e - f - g. KPP-Pos k=2 within two steps: {b, f}: b reaches a, c, d and
    # f reaches d, e, g: all 5 others -> reach 1.0.
    # KPP-Neg k=1: cutting d leaves two paths of 3: F = 1 - (3*2 + 3*2) / (6*5) = 0.6, the best cut.
    actors = [{"actor_id": a, "domain": "zorg", "name": a.upper()} for a in "abcdefg"]
    ties = [{"wave": "2025", "source": s, "target": t} for s, t in zip("abcdef", "bcdefg")]
    G = project_from(actors, ties).graph("Noord", "2025")
    table = key_players(G, k=1)
    neg = table[table["problem"] == "kpp_neg"]
    assert neg["actor_id"].tolist() == ["d"] and neg["score"].iloc[0] == pytest.approx(0.6)
    # KPP-Pos k=1: c, d and e each reach 4 of the 6 others within two steps (d: c, e, b, f); no one more
    pos = table[table["problem"] == "kpp_pos"]
    assert pos["actor_id"].tolist()[0] in {"c", "d", "e"} and pos["score"].iloc[0] == pytest.approx(
        4 / 6
    )
    two = key_players(G, k=2)
    assert two.loc[two["problem"] == "kpp_pos", "score"].iloc[0] == pytest.approx(1.0)
    assert list(two.columns) == KEY_PLAYER_COLUMNS[2:]


def test_key_players_k_lowered_on_a_tiny_graph():
    actors = [{"actor_id": a, "domain": "zorg"} for a in "ab"]
    G = project_from(actors, [{"wave": "2025", "source": "a", "target": "b"}]).graph(
        "Noord", "2025"
    )
    table = key_players(G, k=3)
    assert table["problem"].tolist() == ["kpp_pos"]  # n - 2 = 0 leaves no KPP-Neg set
    assert table["k"].tolist() == [1]


# --- (c) suggested introductions ------------------------------------------------------------


def triangles() -> Project:
    # Two triangles {a, b, c} and {d, e, f} joined through h: c - h - d.
    actors = [{"actor_id": a, "domain": "zorg", "name": a.upper()} for a in "abcdefh"]
    pairs = [
        ("a", "b"),
        ("b", "c"),
        ("a", "c"),
        ("d", "e"),
        ("e", "f"),
        ("d", "f"),
        ("c", "h"),
        ("h", "d"),
    ]
    return project_from(actors, [{"wave": "2025", "source": s, "target": t} for s, t in pairs])


def test_articulation_point_suggestions_by_hand():
    # Cut vertices c, h, d (n = 7).
    # h: parts {a,b,c} and {d,e,f} (3, 3; the first by name is the largest): pair (d, c),
    #    score 4 * 3 * 3 / 49 = 36/49.
    # c: parts {d,e,f,h} (4) and {a,b} (2): best neighbour of c in {a,b}: a (degree 2, then id);
    #    in the big part: h. Pair (a, h), score 4 * 2 * 4 / 49 = 32/49. d likewise: (e, h), 32/49.
    table = suggest_introductions(triangles(), "Noord", "2025")
    assert list(table.columns) == OPPORTUNITY_COLUMNS
    got = table[["source", "target", "via"]].values.tolist()
    assert got == [["d", "c", "h"], ["a", "h", "c"], ["e", "h", "d"]]
    assert table["score"].tolist() == pytest.approx([36 / 49, 32 / 49, 32 / 49])
    assert set(table["reason"]) == {"articulation_point"}
    assert table.loc[0, "sentence_nl"] == (
        "D en C zijn in 2025 alleen via H met elkaar verbonden; zonder H staan 3 actoren los van de rest "
        "van het netwerk."
    )
    assert table.loc[0, "sentence_en"].startswith("In 2025, D and C are connected only through H;")


def test_pendant_actors_are_no_fragile_bridge():
    # A star: every leaf hangs on the centre, parts of one actor: no suggestion unless min_part=1.
    actors = [{"actor_id": a, "domain": "zorg"} for a in "habc"]
    ties = [{"wave": "2025", "source": "h", "target": t} for t in "abc"]
    project = project_from(actors, ties)
    assert suggest_introductions(project, "Noord", "2025").empty
    # min_part=1: the three leaves; largest part {a} (by name), so pairs (b, a) and (c, a), 4*1*1/16 each
    table = suggest_introductions(project, "Noord", "2025", min_part=1)
    assert table[["source", "target"]].values.tolist() == [["b", "a"], ["c", "a"]]
    assert table["score"].tolist() == pytest.approx([0.25, 0.25])


def worlds_project() -> Project:
    # Systeemwereld g (huisarts) - m (Wmo); leefwereld chain g - r1 - r2 - r3 - r4; r5 alone.
    actors = [
        {"actor_id": "g", "domain": "zorg", "role": "huisarts", "name": "Praktijk"},
        {"actor_id": "m", "domain": "gemeente", "role": "Wmo-consulent", "name": "Gemeente"},
    ] + [{"actor_id": f"r{i}", "domain": "inwoners", "role": "vrijwilliger", "name": f"Bewoner {i}"}
         for i in range(1, 6)]  # fmt: skip
    pairs = [("g", "m"), ("r1", "g"), ("r2", "r1"), ("r3", "r2"), ("r4", "r3")]
    return project_from(actors, [{"wave": "2025", "source": s, "target": t} for s, t in pairs])


def test_world_gap_suggestions_by_hand():
    # Distance to the systeemwereld: r1 1, r2 2, r3 3, r4 4, r5 none. The systeemwereld actor with the
    # most leefwereld ties: g (1: r1). Suggestions: r5 - g score 1; r4 - g 1 - 2/4 = 0.5; r3 - g 1 - 2/3.
    table = suggest_introductions(worlds_project(), "Noord", "2025")
    gaps = table[table["reason"] == "world_gap"]
    assert gaps[["source", "target"]].values.tolist() == [["r5", "g"], ["r4", "g"], ["r3", "g"]]
    assert gaps["score"].tolist() == pytest.approx([1.0, 0.5, 1 / 3])
    assert gaps["sentence_nl"].iloc[0] == (
        "Bewoner 5 (leefwereld) heeft in 2025 niemand uit de systeemwereld binnen twee stappen; Praktijk "
        "heeft in deze wijk de meeste relaties met de leefwereld (1)."
    )


def test_kernaanpak_suggestions_from_a_missing_table():
    # Doorbraakmethode expects GP - municipality; candidates g1, g2 (GPs) and m1: two untied pairs,
    # score 1/2 each. A row of another wave is ignored.
    actors = [{"actor_id": a, "domain": d, "role": r, "name": n} for a, d, r, n in [
        ("g1", "zorg", "huisarts", "Praktijk Oost"), ("g2", "zorg", "huisarts", "Praktijk West"),
        ("m1", "gemeente", "Wmo-consulent", "Gemeente"), ("w1", "welzijn", "welzijnscoach", "Welzijn")]]  # fmt: skip
    pairs = [("g1", "w1"), ("g2", "w1"), ("w1", "m1")]
    project = project_from(actors, [{"wave": "2025", "source": s, "target": t} for s, t in pairs])
    missing = pd.DataFrame({
        "wijk": ["Noord", "Noord"], "wave": ["2025", "2026"], "kernaanpak": ["Doorbraakmethode"] * 2,
        "from_role": ["general_practitioner"] * 2, "to_role": ["social_team"] * 2,
        "candidates_from": [["g1", "g2"], "g1"], "candidates_to": ["m1", "m1"],
    })  # fmt: skip
    table = suggest_introductions(project, "Noord", "2025", missing=missing)
    kern = table[table["reason"] == "kernaanpak_link"]
    assert kern[["source", "target"]].values.tolist() == [["g1", "m1"], ["g2", "m1"]]
    assert kern["score"].tolist() == [0.5, 0.5]
    assert kern["sentence_nl"].iloc[0] == (
        "Praktijk Oost en Gemeente hebben in 2025 geen relatie. Doorbraakmethode verwacht samenwerking tussen "
        "Huisarts / huisartsenpraktijk en Wmo-consulent / sociaal team; die relatie is er in de wijk nog niet."
    )
    # without the table the reason is skipped
    none = suggest_introductions(project, "Noord", "2025")
    assert "kernaanpak_link" not in set(none["reason"])


def test_tied_pairs_never_suggested_and_sentences_state_facts():
    for project in (triangles(), worlds_project()):
        G = project.graph("Noord", "2025")
        table = suggest_introductions(project, "Noord", "2025", limit=None)
        for s, t in zip(table["source"], table["target"]):
            assert not G.has_edge(s, t) and not G.has_edge(t, s)
        for sentence in table["sentence_nl"]:
            assert " moet" not in sentence and "zou " not in sentence
        for sentence in table["sentence_en"]:
            assert "must" not in sentence and "should" not in sentence


def test_limit_per_reason():
    table = suggest_introductions(triangles(), "Noord", "2025", limit=1)
    assert len(table) == 1 and table.loc[0, "via"] == "h"


def test_lens_is_registered_and_tables():
    from wijknet.analysis.programme import LENSES

    assert opportunities_lens in LENSES
    tables = opportunity_tables(triangles(), k=1, restarts=0)
    assert set(tables) == {"opportunities", "signals", "key_players"}
    assert list(tables["key_players"].columns) == KEY_PLAYER_COLUMNS
    assert tables["key_players"].loc[
        tables["key_players"]["problem"] == "kpp_neg", "actor_id"
    ].tolist() == ["h"]


# --- privacy ------------------------------------------------------------------------------------


def test_leernetwerk_gets_no_opportunities():
    seen = restrict(signal_project(), "leernetwerk", key=KEY)
    assert opportunities_lens(seen) == {}


def test_wijkteam_sees_its_wijk_and_no_quotes():
    full = signal_project(extra_wijk=True)
    seen = restrict(full, "wijkteam:Noord", key=KEY)
    tables = opportunity_tables(seen, k=1, restarts=0)
    assert "evidence" not in tables["signals"].columns
    strings = {str(v) for t in tables.values() for c in t.columns for v in t[c].tolist()}
    assert not any(QUOTE in s or "gesprek" in s for s in strings)
    for name, table in tables.items():
        assert set(table["wijk"]) <= {"Noord"}, name
    assert not ({"z0", "z1", "Zuid 0", "Zuid 1"} & strings)
    assert not (set(full.actors["actor_id"]) & set(tables["signals"]["source"]))  # pseudonyms only
    assert len(tables["signals"]) == 3


def test_researcher_with_unlocked_names_sees_the_quote():
    from wijknet.privacy import Audience

    seen = restrict(signal_project(), Audience("onderzoeker", unlocked=True), key=KEY)
    assert QUOTE in set(signals(seen)["evidence"])
    locked = restrict(signal_project(), "onderzoeker", key=KEY)
    assert "evidence" not in signals(locked).columns
