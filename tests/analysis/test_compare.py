"""Comparing wijken: the tidy comparison table, size-aware measures, the written summary."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from wijknet.analysis.compare import (
    COMPARE_COLUMNS,
    MEASURES,
    compare_graph,
    compare_wijken,
    intervals_overlap,
    mixing_by_wijk,
    summarise_differences,
)
from wijknet.analysis.kpi import ALL_WIJKEN
from wijknet.inference import bootstrap_ci
from wijknet.metrics import connectors, cross_domain_share, network_metrics
from wijknet.privacy.load import load_project

NAN = float("nan")


def graph(domains: dict[str, str], arcs, team=()) -> nx.DiGraph:
    G = nx.DiGraph()
    for node, domain in domains.items():
        G.add_node(node, domain=domain, pluswijkteam=node in team)
    G.add_edges_from(arcs)
    return G


def complete(sizes: dict[str, int]) -> nx.DiGraph:
    domains = {f"{d}{i}": d for d, k in sizes.items() for i in range(k)}
    return graph(domains, [(a, b) for a in domains for b in domains if a != b])


def ring(n: int) -> nx.DiGraph:
    """Each actor names the next two: out-degree 2 whatever the size."""
    domains = {f"a{i:02d}": "zorg" if i % 2 else "welzijn" for i in range(n)}
    nodes = list(domains)
    return graph(domains, [(nodes[i], nodes[(i + k) % n]) for i in range(n) for k in (1, 2)])


def value(table: pd.DataFrame, measure: str, **where) -> pd.Series:
    mask = table["measure"] == measure
    for column, v in where.items():
        mask &= table[column] == v
    rows = table[mask]
    assert len(rows) == 1
    return rows.iloc[0]


# --- compare_wijken on a small tidy project -----------------------------------------------


def test_table_is_tidy_and_equals_network_metrics(tidy_folder):
    project = load_project(tidy_folder)
    table = compare_wijken(project, n_boot=50, seed=1)
    assert list(table.columns) == COMPARE_COLUMNS
    assert len(table) == len(project.wijken) * len(project.waves) * len(MEASURES)
    assert list(table["measure"][: len(MEASURES)]) == list(MEASURES)
    for wijk in project.wijken:
        for wave in project.waves:
            G = project.graph(wijk, wave)
            net = network_metrics(G, n_permutations=0).iloc[0]
            for measure in (
                "density",
                "cross_domain_share",
                "ei_index",
                "ei_expected",
                "reciprocity",
            ):
                got = value(table, measure, wijk=wijk, wave=wave)["value"]
                assert got == pytest.approx(net[measure], nan_ok=True), (wijk, wave, measure)
            assert value(table, "actors", wijk=wijk, wave=wave)["value"] == G.number_of_nodes()
            assert value(table, "ties", wijk=wijk, wave=wave)["value"] == G.number_of_edges()


def test_hand_counts_of_the_tidy_project(tidy_folder):
    # Noord 2025: z1<->z2, z1->w1 among z1, z2, w1, i1 (i1 isolate).
    table = compare_wijken(load_project(tidy_folder), waves=["2025"], wijken=["Noord"], n_boot=0)
    assert value(table, "mean_degree")["value"] == pytest.approx(3 / 4)
    assert value(table, "largest_component_share")["value"] == pytest.approx(3 / 4)
    assert value(table, "articulation_points")["value"] == 1  # z1 holds z2 and w1 together
    assert value(table, "cross_domain_share")["value"] == pytest.approx(1 / 3)
    assert table["ci_low"].isna().all()  # n_boot=0: no intervals


def test_intervals_are_those_of_bootstrap_ci(tidy_folder):
    project = load_project(tidy_folder)
    table = compare_wijken(project, waves=["2025"], wijken=["Noord"], n_boot=200, seed=3)
    G = project.graph("Noord", "2025")
    density = bootstrap_ci(G, "density", n_boot=200, seed=3)
    row = value(table, "density")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((density.ci_low, density.ci_high))
    row = value(table, "mean_degree")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(
        (3 * density.ci_low, 3 * density.ci_high)
    )

    # The share's interval, transformed from the E-I interval, equals a bootstrap of the share itself.
    def share(H):
        return cross_domain_share(H, "domain")

    direct = bootstrap_ci(G, share, n_boot=200, seed=3)
    row = value(table, "cross_domain_share")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((direct.ci_low, direct.ci_high))
    for measure in (
        "actors",
        "ties",
        "ei_expected",
        "largest_component_share",
        "connectors_outside_team",
        "articulation_points",
    ):
        assert np.isnan(value(table, measure)["ci_low"])


def test_no_ties_gives_nan_values_and_intervals(tidy_folder):
    table = compare_wijken(load_project(tidy_folder), waves=["2026"], wijken=["Zuid"], n_boot=50)
    for measure in ("cross_domain_share", "ei_index", "ei_minus_expected", "reciprocity"):
        row = value(table, measure)
        assert np.isnan(row["value"]) and np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])
    assert value(table, "density")["value"] == 0.0


def test_same_seed_same_table(tidy_folder):
    project = load_project(tidy_folder)
    a = compare_wijken(project, n_boot=40, seed=5)
    b = compare_wijken(project, n_boot=40, seed=5)
    pd.testing.assert_frame_equal(a, b)


def test_graph_options_are_passed_on(tidy_folder):
    project = load_project(tidy_folder)
    table = compare_wijken(project, waves=["2025"], wijken=["Noord"], n_boot=0, min_weight=3)
    assert value(table, "ties")["value"] == 2  # z1->z2 (3) and z2->z1 (4)


# --- size-aware measures ----------------------------------------------------------------------


def test_mean_degree_does_not_fall_with_size_while_density_does():
    small, large = compare_graph(ring(10), n_boot=0), compare_graph(ring(40), n_boot=0)
    assert value(small, "mean_degree")["value"] == value(large, "mean_degree")["value"] == 2
    assert value(small, "density")["value"] == pytest.approx(2 / 9)
    assert value(large, "density")["value"] == pytest.approx(2 / 39)


def test_ei_minus_expected_is_zero_for_complete_graphs_of_any_composition():
    # Complete graphs mix exactly as random ties would: E-I equals its expected value.
    # Two groups of 2: I* = 2 * (2 * 1) = 4 of 12 arcs, E-I = (8 - 4) / 12 = 1/3.
    # Four groups of 1: every arc is external, E-I = 1.
    two, four = (
        complete({"zorg": 2, "welzijn": 2}),
        complete({"zorg": 1, "welzijn": 1, "wonen": 1, "gemeente": 1}),
    )
    a, b = compare_graph(two, n_boot=0), compare_graph(four, n_boot=0)
    assert value(a, "ei_index")["value"] == pytest.approx(1 / 3)
    assert value(b, "ei_index")["value"] == pytest.approx(1.0)
    assert value(a, "ei_minus_expected")["value"] == pytest.approx(0.0)
    assert value(b, "ei_minus_expected")["value"] == pytest.approx(0.0)


def test_ei_minus_expected_bootstrap_equals_its_definition_per_replicate():
    rng = np.random.default_rng(11)
    domains = {
        f"a{i:02d}": ["zorg", "welzijn", "gemeente", "inwoners"][i % 4 if i < 16 else 0]
        for i in range(24)
    }
    nodes = list(domains)
    G = graph(domains, [(a, b) for a in nodes for b in nodes if a != b and rng.random() < 0.15])

    def ei_minus_expected(H):
        from wijknet.metrics import ei_index

        result = ei_index(H, "domain", n_permutations=0)
        return result.ei_index - result.ei_expected

    builtin = bootstrap_ci(G, "ei_minus_expected", n_boot=60, seed=2)
    direct = bootstrap_ci(G, ei_minus_expected, n_boot=60, seed=2)
    np.testing.assert_allclose(builtin.distribution, direct.distribution, atol=1e-12)
    assert builtin.estimate == pytest.approx(direct.estimate)
    row = value(compare_graph(G, n_boot=60, seed=2), "ei_minus_expected")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((builtin.ci_low, builtin.ci_high))


# --- connectors and fragile bridges ----------------------------------------------------------------


def test_connectors_are_the_top_decile_by_brokerage():
    # a -> b -> c with three domains: b brokers one open two-path (a liaison role); nobody else brokers.
    G = graph({"a": "zorg", "b": "welzijn", "c": "gemeente", "d": "zorg"}, [("a", "b"), ("b", "c")])
    table = connectors(G).set_index("actor_id")
    assert table.loc["b", "brokerage_total"] == 1
    assert list(table.index[table["connector"]]) == ["b"]
    assert bool(table.loc["b", "outside_team"])
    assert value(compare_graph(G, n_boot=0), "connectors_outside_team")["value"] == 1
    G.nodes["b"]["pluswijkteam"] = True
    assert value(compare_graph(G, n_boot=0), "connectors_outside_team")["value"] == 0


def test_connector_ties_at_the_threshold_are_included_and_zero_never_counts():
    # Two separate paths: b and e broker one two-path each; 10 actors -> top 1, tie at 1 -> both.
    domains = {x: "zorg" for x in "abcdefghij"}
    G = graph(domains, [("a", "b"), ("b", "c"), ("d", "e"), ("e", "f")])
    assert sorted(connectors(G).query("connector")["actor_id"]) == ["b", "e"]
    empty = graph(domains, [])
    assert not connectors(empty)["connector"].any()


def test_articulation_points_and_largest_component():
    # a - b - c and d - e, f alone: b is the only cut vertex; largest component 3 of 6.
    G = graph({x: "zorg" for x in "abcdef"}, [("a", "b"), ("c", "b"), ("d", "e")])
    table = compare_graph(G, n_boot=0)
    assert value(table, "articulation_points")["value"] == 1
    assert value(table, "largest_component_share")["value"] == pytest.approx(0.5)


# --- mixing side by side ----------------------------------------------------------------------------


def test_mixing_by_wijk_uses_common_domains(tidy_folder):
    project = load_project(tidy_folder)
    table = mixing_by_wijk(project, "2025")
    assert list(table.columns) == [
        "wijk",
        "from_domain",
        "to_domain",
        "ties",
        "row_share",
        "suppressed",
    ]
    domains = project.taxonomy.order({"zorg", "welzijn", "inwoners", "gemeente"})
    for wijk in ("Noord", "Zuid"):
        part = table[table["wijk"] == wijk]
        assert list(dict.fromkeys(part["from_domain"])) == domains
        assert len(part) == len(domains) ** 2
    noord = table[table["wijk"] == "Noord"].set_index(["from_domain", "to_domain"])
    assert noord.loc[("zorg", "zorg"), "ties"] == 2 and noord.loc[("zorg", "welzijn"), "ties"] == 1
    assert noord.loc[("zorg", "zorg"), "row_share"] == pytest.approx(2 / 3)
    assert noord.loc[("gemeente", "zorg"), "ties"] == 0  # no gemeente actor in Noord
    assert np.isnan(noord.loc[("gemeente", "zorg"), "row_share"])


# --- the summary in words ------------------------------------------------------------------------


def share_table(rows, ei_rows=()) -> pd.DataFrame:
    """Hand-made comparison table: ``(wijk, wave, value, ci_low, ci_high)`` of the cross-domain share."""
    records = [
        {
            "wijk": w,
            "wave": v,
            "measure": "cross_domain_share",
            "value": x,
            "ci_low": lo,
            "ci_high": hi,
        }
        for w, v, x, lo, hi in rows
    ]
    records += [
        {
            "wijk": w,
            "wave": v,
            "measure": "ei_minus_expected",
            "value": x,
            "ci_low": lo,
            "ci_high": hi,
        }
        for w, v, x, lo, hi in ei_rows
    ]
    return pd.DataFrame(records, columns=COMPARE_COLUMNS)


# Daalhof rises clearly, Lindenheuvel hardly, Eijsden rises a little with overlapping margins.
TABLE = share_table(
    [
        ("Eijsden", "2025", 0.40, 0.30, 0.50),
        ("Eijsden", "2027", 0.47, 0.37, 0.57),
        ("Daalhof", "2025", 0.23, 0.15, 0.31),
        ("Daalhof", "2027", 0.59, 0.50, 0.68),
        ("Lindenheuvel", "2025", 0.22, 0.12, 0.32),
        ("Lindenheuvel", "2027", 0.24, 0.15, 0.33),
    ]
)


def test_largest_rise_is_named_with_its_values():
    lines = summarise_differences(TABLE)
    assert (
        "Daalhof heeft de grootste stijging van het aandeel domeinoverstijgende relaties: van 23% in 2025 "
        "naar 59% in 2027." in lines
    )
    assert (
        "Een duidelijke stijging (marges overlappen niet) in 1 van de 3 wijken: Daalhof." in lines
    )
    assert "In Lindenheuvel veranderde het aandeel nauwelijks (22% → 24%)." in lines
    assert (
        lines[0]
        == "In 2027 had Daalhof het grootste aandeel domeinoverstijgende relaties (59%) en "
        "Lindenheuvel het kleinste (24%)."
    )


def test_no_claim_of_a_rise_when_intervals_overlap():
    table = share_table(
        [
            ("Noord", "2025", 0.30, 0.20, 0.40),
            ("Noord", "2026", 0.38, 0.28, 0.48),
            ("Zuid", "2025", 0.30, 0.20, 0.40),
            ("Zuid", "2026", 0.32, 0.22, 0.42),
        ]
    )
    lines = summarise_differences(table)
    text = " ".join(lines)
    assert "grootste stijging" not in text and "Een duidelijke stijging" not in text
    assert (
        "Het aandeel domeinoverstijgende relaties steeg het meest in Noord: van 30% in 2025 naar 38% in 2026, "
        "maar de onzekerheidsmarges overlappen, dus deze stijging is niet zeker." in lines
    )
    assert (
        "In geen enkele wijk is de stijging duidelijk: de marges van 2025 en 2026 overlappen overal."
        in lines
    )
    # The ranking of the last wave: overlapping margins are said, not a difference.
    assert "Hun onzekerheidsmarges overlappen: dit verschil is niet zeker." in lines[0]


def test_without_intervals_nothing_is_said_about_certainty():
    table = share_table(
        [
            ("Noord", "2025", 0.30, NAN, NAN),
            ("Noord", "2026", 0.50, NAN, NAN),
            ("Zuid", "2025", 0.30, NAN, NAN),
            ("Zuid", "2026", 0.35, NAN, NAN),
        ]
    )
    text = " ".join(summarise_differences(table))
    assert "steeg het meest in Noord: van 30% in 2025 naar 50% in 2026." in text
    assert "marge" not in text and "duidelijk" not in text


def test_clear_falls_and_no_rise():
    table = share_table(
        [
            ("Noord", "2025", 0.60, 0.55, 0.65),
            ("Noord", "2026", 0.30, 0.25, 0.35),
            ("Zuid", "2025", 0.50, 0.40, 0.60),
            ("Zuid", "2026", 0.45, 0.35, 0.55),
        ]
    )
    lines = summarise_differences(table)
    assert (
        "Het aandeel domeinoverstijgende relaties steeg tussen 2025 en 2026 in geen enkele wijk."
        in lines
    )
    assert "Een duidelijke daling in: Noord." in lines


def test_mixing_compared_with_chance():
    table = share_table(
        [],
        ei_rows=[
            ("A", "2026", 0.2, 0.1, 0.3),
            ("B", "2026", -0.3, -0.4, -0.2),
            ("C", "2026", 0.0, -0.1, 0.1),
        ],
    )
    lines = summarise_differences(table)
    assert lines == [
        (
            "In 2026 mengden de domeinen duidelijk meer dan bij toeval te verwachten is (E-I-index boven de "
            "verwachte waarde) in: A."
        ),
        (
            "In 2026 mengden de domeinen duidelijk minder dan bij toeval te verwachten is (E-I-index onder de "
            "verwachte waarde) in 1 van de 3 wijken: B."
        ),
    ]


def test_change_and_kpi_sentences_with_dutch_numbers():
    change = pd.DataFrame(
        {
            "wijk": ["A", "B", "A", "B"],
            "wave_from": ["2025", "2025", "2026", "2026"],
            "wave_to": ["2026", "2026", "2027", "2027"],
            "new_cross_domain_all": [5, 9, 1234, 12],
            "lost_cross_domain_all": [1, 2, 3, 4],
        }
    )
    kpi = pd.DataFrame(
        {
            "wijk": ["A", "B", ALL_WIJKEN],
            "wave": ["2027"] * 3,
            "share": [0.6, 0.2, 0.4],
            "band_min": [0.5] * 3,
            "pooled": [False, False, True],
        }
    )
    lines = summarise_differences(share_table([]), change=change, kpi=kpi)
    assert lines == [
        (
            "Tussen 2026 en 2027 kwamen de meeste nieuwe domeinoverstijgende relaties bij in A (1.234 nieuw, "
            "3 verdwenen)."
        ),
        (
            "KPI 3 (ervaren domeinoverstijgend werken) lag in 2027 in 1 van de 2 wijken binnen of boven de "
            "bandbreedte; eronder: B."
        ),
    ]
    english = summarise_differences(share_table([]), change=change, kpi=kpi, lang="en")
    assert (
        english[0]
        == "Between 2026 and 2027, A gained the most new domain-crossing ties (1,234 new, 3 lost)."
    )


def test_summary_in_english_and_deterministic():
    lines = summarise_differences(TABLE, lang="en")
    assert (
        "Daalhof has the largest rise in the share of domain-crossing ties: from 23% in 2025 to 59% in 2027."
        in lines
    )
    assert "In Lindenheuvel the share hardly changed (22% → 24%)." in lines
    assert summarise_differences(TABLE, lang="en") == lines
    # Row order of the wijken does not change what is said.
    shuffled = TABLE.sample(frac=1, random_state=0).sort_values("wave", kind="mergesort")
    assert set(summarise_differences(shuffled, lang="en")) == set(lines)


def test_summary_rejects_bad_input():
    with pytest.raises(ValueError, match="lang"):
        summarise_differences(TABLE, lang="de")
    with pytest.raises(ValueError, match="columns"):
        summarise_differences(TABLE.drop(columns="ci_low"))


def test_summary_of_one_wave_only_ranks():
    lines = summarise_differences(TABLE[TABLE["wave"] == "2025"])
    assert len(lines) == 1 and lines[0].startswith("In 2025 had Eijsden het grootste aandeel")


def test_intervals_overlap():
    assert intervals_overlap(0, 1, 1, 2) is True
    assert intervals_overlap(0, 1, 1.1, 2) is False
    assert intervals_overlap(0, NAN, 1, 2) is None


def test_summary_on_a_computed_table(tidy_folder):
    table = compare_wijken(load_project(tidy_folder), n_boot=50)
    lines = summarise_differences(table)
    assert lines and all(isinstance(line, str) and line.endswith(".") for line in lines)


def test_leernetwerk_comparison_and_mixing_follow_the_one_rule(tidy_folder):
    """Noord 2025 has 4 actors (merged into "overig") and 3 ties: the one cell is small, so the tie
    total and every measure computed from it stay blank, and so does the count of 4 actors."""
    from wijknet.privacy import restrict

    project = restrict(load_project(tidy_folder), "leernetwerk", key=bytes(32))
    table = compare_wijken(project, n_boot=0)
    noord = table[(table["wijk"] == "Noord") & (table["wave"] == "2025")].set_index("measure")[
        "value"
    ]
    for measure in ("ties", "density", "mean_degree", "cross_domain_share", "ei_index", "actors"):
        assert np.isnan(noord[measure]), measure
    mixing = mixing_by_wijk(project, "2025")
    cells = mixing[mixing["wijk"] == "Noord"]
    assert (
        cells.loc[cells["suppressed"], "ties"].isna().all() and cells["ties"].dropna().eq(0).all()
    )
    assert cells["row_share"].isna().all()  # no share rests on a blank cell
    full = compare_wijken(load_project(tidy_folder), n_boot=0)
    assert value(full, "ties", wijk="Noord", wave="2025")["value"] == 3  # researchers see it


# --- helpers of the comparison page ---------------------------------------------------------------


def test_measure_intervals_is_the_rule_of_compare_graph():
    import networkx as nx

    from wijknet.analysis.compare import INTERVAL_MEASURES, compare_graph, measure_intervals

    G = nx.gnp_random_graph(14, 0.25, seed=4, directed=True)
    nx.set_node_attributes(G, {n: ("zorg", "welzijn", "wonen")[n % 3] for n in G}, "domain")
    table = compare_graph(G, n_boot=40, seed=2).set_index("measure")
    intervals = measure_intervals(G, n_boot=40, seed=2)
    for m in INTERVAL_MEASURES:
        assert intervals[m] == pytest.approx(
            (table.loc[m, "ci_low"], table.loc[m, "ci_high"]), nan_ok=True
        )
    assert measure_intervals(G, ["density"], n_boot=40, seed=2) == {"density": intervals["density"]}
    low, high = intervals["ei_index"]
    assert intervals["cross_domain_share"] == pytest.approx(((1 + low) / 2, (1 + high) / 2))
    assert all(np.isnan(v) for v in measure_intervals(G, n_boot=0)["density"])
    assert all(np.isnan(v) for v in measure_intervals(nx.DiGraph(), ["density"])["density"])


def test_measure_text_formats_through_core_formatting():
    from wijknet.analysis.compare import measure_text

    assert measure_text("cross_domain_share", 0.256, "nl") == "26%"
    assert measure_text("density", 0.12345, "en") == "0.123"
    assert measure_text("ei_index", -0.304, "nl") == "\u22120,30"
    assert measure_text("ei_index", -0.001, "nl") == "0,00"  # never "-0,00"
    assert measure_text("actors", 1234, "nl") == "1.234"
    assert measure_text("mean_degree", float("nan"), "nl") == "–"


def test_page_selection_helpers():
    from wijknet.analysis.compare import (
        last_values,
        measure_over_waves,
        mixing_is_empty,
        wave_measures,
    )

    table = pd.DataFrame(
        {
            "wijk": ["A", "A", "B", "B", "A"],
            "wave": ["1", "2", "1", "2", "2"],
            "measure": ["density", "density", "density", "density", "ties"],
            "value": [0.1, 0.2, 0.3, np.nan, 5.0],
        }
    )
    rows = measure_over_waves(table, "density", ["1", "2"])
    assert rows["value"].tolist()[:3] == [0.1, 0.2, 0.3] and len(rows) == 4
    assert measure_over_waves(table, "density", ["2"])["wijk"].tolist() == ["A", "B"]
    assert last_values(rows) == {"A": 0.2, "B": 0.3}  # B's last known value is from wave 1
    assert wave_measures(table, "2").loc[("A", "ties"), "value"] == 5.0
    assert mixing_is_empty(pd.DataFrame(columns=["ties", "suppressed"]))
    assert mixing_is_empty(pd.DataFrame({"ties": [0, np.nan], "suppressed": [False, False]}))
    assert not mixing_is_empty(pd.DataFrame({"ties": [0, np.nan], "suppressed": [False, True]}))
    assert not mixing_is_empty(pd.DataFrame({"ties": [2, 0], "suppressed": [False, False]}))
