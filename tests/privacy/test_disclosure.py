"""Small cells stay hidden: the one disclosure-control rule, attacked as a leernetwerk would.

The unit tests check :func:`wijknet.privacy.protect` on small hand-made
tables. The attacker collects every group figure a leernetwerk gets beside
each other (``analyse``, ``mixing_by_wijk``, ``compare_wijken``, ``kpi3``, the
programme report, ``change_table`` of every pair of waves), writes down every relation between them (row and column
totals, network tie totals, ties within and between domains, internal and
external ties per domain, shares, pooled rows, the wave comparison) and
solves for each blank count by linear programming. It must recover none, on
the demo and on a project with many small groups.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from wijknet import Project
from wijknet.analysis.change import change_table, compare_waves
from wijknet.analysis.compare import compare_wijken, mixing_by_wijk
from wijknet.analysis.kpi import ALL_WIJKEN, kpi3, programme_kpi3
from wijknet.analysis.standard import analyse
from wijknet.core.settings import ProjectConfig
from wijknet.datasets.demo import write_demo
from wijknet.metrics import mixing_matrix
from wijknet.privacy import audit, protect, published_shares, restrict
from wijknet.privacy.load import load_project

KEY = bytes(range(32))

# --- the rule on hand-made tables -------------------------------------------------------------


def test_primary_suppression_blanks_small_counts_but_not_zeros():
    hidden = protect([30, 0, 12, 18], [(0, [1, 2, 3])], 5)
    assert not hidden.any()  # a zero says nothing about one person; 12 and 18 are large enough
    assert protect([30, 0, 3, 27], [(0, [1, 2, 3])], 5).tolist() == [False, False, True, True]


def test_one_suppressed_cell_in_a_line_gets_a_partner():
    # total 20 = 2 + 7 + 11: 2 alone would be 20 - 7 - 11.
    hidden = protect([20, 2, 7, 11], [(0, [1, 2, 3])], 5)
    assert hidden.tolist() == [False, True, True, False]
    assert not audit([20, 2, 7, 11], [(0, [1, 2, 3])], hidden).any()


def test_suppressed_cells_may_not_add_up_to_a_small_count():
    # 1 + 2 = 3 people together is itself a small count: a third cell is blanked.
    assert protect([20, 1, 2, 17], [(0, [1, 2, 3])], 5).tolist() == [False, True, True, True]


def test_a_small_margin_is_suppressed_when_nothing_else_can_be():
    assert protect([3, 1, 2], [(0, [1, 2])], 5).all()


def test_rows_and_columns_of_a_two_way_table_with_margins():
    # 2 x 3 table with row totals, column totals and the grand total.
    #        a   b   c | row
    #   r1   2   9  10 | 21
    #   r2   8   6  12 | 26
    #  col  10  15  22 | 47
    cells = [2, 9, 10, 8, 6, 12]
    values = np.array(cells + [21, 26, 10, 15, 22, 47], dtype=float)
    lines = [
        (6, [0, 1, 2]),
        (7, [3, 4, 5]),
        (8, [0, 3]),
        (9, [1, 4]),
        (10, [2, 5]),
        (11, [6, 7]),
        (11, [8, 9, 10]),
    ]
    hidden = protect(values, lines, 5)
    assert hidden[0] and hidden[:6].sum() == 4  # a rectangle of four cells: 2, 9, 8, 6
    assert not audit(values, lines, hidden).any()
    for total, parts in lines:  # every line with a blank has two, and hides no small sum
        blank = [p for p in parts if hidden[p]]
        assert len(blank) + hidden[total] != 1
        assert hidden[total] or not blank or values[blank].sum() >= 5


def test_audit_finds_values_pinned_by_their_bounds():
    # A 2 x 2 rectangle of ones with its margins: every cell is 1 as nothing can be below 1.
    values = [1, 1, 1, 1, 2, 2, 2, 2]
    lines = [(4, [0, 1]), (5, [2, 3]), (6, [0, 2]), (7, [1, 3])]
    assert audit(values, lines, [True] * 4 + [False] * 4)[:4].all()
    assert not protect(values, lines, 5)[:4].sum() < 4  # protect hides more (the margins) instead


def test_known_and_unseen_values():
    # A wijkteam knows its own wijk (8) and sees only the pooled total: the other wijk (3) is unseen,
    # and pooled - own = 3 would give it away, so the pooled total is blanked.
    hidden = protect(
        [11, 8, 3], [(0, [1, 2])], 5, known=[False, True, False], unseen=[False, False, True]
    )
    assert hidden.tolist() == [True, False, True]
    hidden = protect(
        [20, 8, 6, 6],
        [(0, [1, 2, 3])],
        5,
        known=[False, True, False, False],
        unseen=[False, False, True, True],
    )
    assert hidden.tolist() == [
        False,
        False,
        True,
        True,
    ]  # 12 of two other wijken together may follow as 20 - 8


def test_sensitive_zeros():
    assert protect([9, 0, 9], [(0, [1, 2])], 3).tolist() == [False, False, False]
    # "none of them named you" is small too: the zero gets a partner, together 9 (not small).
    assert protect([9, 0, 9], [(0, [1, 2])], 3, sensitive_zeros=True).tolist() == [
        False,
        True,
        True,
    ]


def test_shares_from_published_cells_only():
    shares = published_shares(
        [2, 6, 2, 5, 5], [True, False, False, False, False], ["a", "a", "a", "b", "b"]
    )
    assert (
        np.isnan(shares[0])
        and shares[1:3].tolist() == [0.75, 0.25]
        and shares[3:].tolist() == [0.5, 0.5]
    )
    # ties / share gives the published row sum 8, never the full row total 10.
    assert 6 / shares[1] == 8


# --- the attacker -------------------------------------------------------------------------------


class Attacker:
    """Published values, unknowns (with the truth, to score the attack) and linear relations."""

    def __init__(self):
        self.known: dict = {}
        self.truth: dict = {}
        self.relations: list[dict] = []  # {name: coefficient}, sum == 0
        self.derived: set = set()

    def see(self, name, published, truth) -> None:
        truth = float(truth)
        if (
            published is None
        ):  # not shown itself, but follows from shown values (a difference of two counts)
            self.derived.add(name)
        elif not pd.isna(published):
            assert float(published) == pytest.approx(truth), (
                f"{name}: published {published}, true {truth}"
            )
            self.known[name] = truth
        self.truth.setdefault(name, truth)
        if published is not None and not pd.isna(published):
            self.derived.discard(name)

    def relate(self, total, parts) -> None:
        relation = defaultdict(float)
        relation[total] -= 1
        for p in parts:
            relation[p] += 1
        self.relations.append(relation)

    def leaks(self, min_cell: int = 5) -> list:
        """Blank counts the attacker pins down, and small counts (1 to min_cell - 1) that follow from shown ones."""
        return [
            n for n in self.recovered() if n not in self.derived or 1 <= self.truth[n] < min_cell
        ]

    def recovered(self) -> list:
        """Every unknown count whose lowest and highest feasible value coincide."""
        others = (
            {n for r in self.relations for n in r} - set(self.truth) - set(self.known)
        )  # never seen: free
        unknown = [n for n in self.truth if n not in self.known] + sorted(others, key=str)
        column = {n: j for j, n in enumerate(unknown)}
        rows, rhs = [], []
        for relation in self.relations:
            row, rest = np.zeros(len(unknown)), 0.0
            for name, coef in relation.items():
                if name in column:
                    row[column[name]] += coef
                else:
                    rest -= coef * self.known[name]
            if row.any():
                rows.append(row)
                rhs.append(rest)
            else:
                assert rest == pytest.approx(0), "the published figures contradict each other"
        if not unknown:
            return []
        if not rows:
            return []
        a, b = np.array(rows), np.array(rhs)
        low = np.array(
            [1.0 if self.truth.get(n, 0) >= 1 else 0.0 for n in unknown]
        )  # the strongest true bound
        # Quick path: a strictly interior point means only the equations can pin a value.
        _, singular, vt = np.linalg.svd(a)
        free = np.abs(vt[int((singular > 1e-9).sum()) :]).max(axis=0, initial=0) > 1e-9
        u = len(unknown)
        slack = linprog(
            np.r_[np.zeros(u), -1.0],
            A_ub=np.c_[-np.eye(u), np.ones(u)],
            b_ub=-low,
            A_eq=np.c_[a, np.zeros(len(a))],
            b_eq=b,
            bounds=[(None, None)] * u + [(None, 1.0)],
            method="highs",
        )
        assert slack.status == 0, "the true values must be feasible"
        if -slack.fun > 1e-7:
            return [n for n, f in zip(unknown, free) if not f and n in self.truth]
        found = []
        for j, name in enumerate(unknown):
            c = np.zeros(u)
            c[j] = 1
            lo = linprog(c, A_eq=a, b_eq=b, bounds=list(zip(low, [None] * u)), method="highs")
            hi = linprog(-c, A_eq=a, b_eq=b, bounds=list(zip(low, [None] * u)), method="highs")
            if lo.status == 0 and hi.status == 0 and -hi.fun - lo.fun < 0.5 and name in self.truth:
                found.append(name)
        return found


def read_mixing(
    attacker: Attacker, project: Project, mixing: pd.DataFrame, wijk: str, wave: str
) -> None:
    """Cells of one mixing table, with the relations a reader of the table sees: shares and network totals."""
    true = mixing_matrix(project.graph(wijk, wave), taxonomy=project.taxonomy).set_index(
        ["from_domain", "to_domain"]
    )
    shown = mixing.set_index(["from_domain", "to_domain"])
    for (a, b), row in shown.iterrows():
        attacker.see(("m", wijk, wave, a, b), row["ties"], true["ties"].get((a, b), 0))
    # Shares: ties / row_share must give no more than the published cells of the row.
    for a, row in shown.groupby(level=0):
        published = row["ties"].dropna()
        for (_, b), cell in row.iterrows():
            if not pd.isna(cell["row_share"]) and cell["row_share"] > 0:
                assert cell["ties"] / cell["row_share"] == pytest.approx(published.sum()), (
                    wijk,
                    wave,
                    a,
                    b,
                )


def relate_network(attacker: Attacker, project: Project, wijk: str, wave: str) -> None:
    """Tie total, ties within and between domains, internal and external ties per domain."""
    domains = mixing_matrix(project.graph(wijk, wave), taxonomy=project.taxonomy)[
        "from_domain"
    ].unique()
    cell = {(a, b): ("m", wijk, wave, a, b) for a in domains for b in domains}
    attacker.relate(("L", wijk, wave), list(cell.values()))
    attacker.relate(("I", wijk, wave), [cell[d, d] for d in domains])
    attacker.relate(("E", wijk, wave), [c for (a, b), c in cell.items() if a != b])
    for k in domains:
        attacker.relate(
            ("Ek", wijk, wave, k), [c for (a, b), c in cell.items() if a != b and k in (a, b)]
        )
        attacker.relate(("m", wijk, wave, k, k), [("Ik", wijk, wave, k)])


def read_network(
    attacker: Attacker, project: Project, ties, cross_share, actors, wijk: str, wave: str
) -> None:
    G = project.graph(wijk, wave)
    true = mixing_matrix(G, taxonomy=project.taxonomy)
    total = true["ties"].sum()
    inside = true.loc[true["from_domain"] == true["to_domain"], "ties"].sum()
    attacker.see(("L", wijk, wave), ties, total)
    between = None if pd.isna(ties) or pd.isna(cross_share) else round(cross_share * ties)
    attacker.see(("E", wijk, wave), between, total - inside)
    attacker.see(("I", wijk, wave), None if between is None else ties - between, inside)
    attacker.see(("N", wijk, wave), actors, G.number_of_nodes())


def read_kpi(attacker: Attacker, table: pd.DataFrame, truth: pd.DataFrame) -> None:
    """KPI 3 counts, their differences, the pooled rows and share = agree / answered."""
    truth = truth.set_index(["wijk", "wave"])
    for r in table.itertuples():
        t = truth.loc[(r.wijk, r.wave)]
        name = lambda column, r=r: ("k", r.wijk, r.wave, column)  # noqa: E731
        for column in ("agree", "answered", "active_respondents", "respondents"):
            attacker.see(name(column), getattr(r, column), t[column])
        attacker.see(name("disagree"), None, t["answered"] - t["agree"])
        attacker.see(name("unanswered"), None, t["active_respondents"] - t["answered"])
        attacker.see(name("inactive"), None, t["respondents"] - t["active_respondents"])
        attacker.relate(name("answered"), [name("agree"), name("disagree")])
        attacker.relate(name("active_respondents"), [name("answered"), name("unanswered")])
        attacker.relate(name("respondents"), [name("active_respondents"), name("inactive")])
        if not pd.isna(r.share):  # the share with one of its two counts gives the other
            assert not pd.isna(r.agree) and not pd.isna(r.answered), (r.wijk, r.wave)
    for wave, rows in table.groupby("wave"):
        wijken = [w for w in rows["wijk"] if w != ALL_WIJKEN]
        if ALL_WIJKEN in set(rows["wijk"]):
            for column in (
                "agree",
                "disagree",
                "answered",
                "unanswered",
                "active_respondents",
                "inactive",
                "respondents",
            ):
                attacker.relate(
                    ("k", ALL_WIJKEN, wave, column), [("k", w, wave, column) for w in wijken]
                )


CHANGE_RELATIONS = (
    ("ties_to", ["ties_kept", "ties_new_all"]), ("ties_from", ["ties_kept", "ties_lost_all"]),
    ("hamming", ["ties_new", "ties_lost"]), ("hamming_all", ["ties_new_all", "ties_lost_all"]),
    ("ties_kept", ["kept_cross_domain", "kept_same_domain"]), ("ties_new", ["new_cross_domain", "new_same_domain"]),
    ("ties_lost", ["lost_cross_domain", "lost_same_domain"]),
    ("ties_new_all", ["new_cross_domain_all", "new_same_domain_all"]),
    ("ties_lost_all", ["lost_cross_domain_all", "lost_same_domain_all"]),
)  # fmt: skip


def read_change(attacker: Attacker, project: Project, change: pd.DataFrame) -> None:
    """The wave comparison: its own sums, and the tie and actor totals of both waves in the network table."""
    for r in change.to_dict("records"):
        w, a, b = r["wijk"], r["wave_from"], r["wave_to"]
        true = compare_waves(project, w, a, b, n_permutations=0).iloc[0]
        name = lambda column, w=w, a=a, b=b: ("c", w, a, b, column)  # noqa: E731
        for column in {c for total, parts in CHANGE_RELATIONS for c in (total, *parts)} | {
            "actors_entered",
            "actors_left",
            "actors_stable",
        }:
            attacker.see(name(column), r[column], true[column])
        for total, parts in CHANGE_RELATIONS:
            attacker.relate(name(total), [name(p) for p in parts])
        for suffix in ("new", "lost"):  # stable-actor counts are part of the all-actor counts
            attacker.see(
                name(f"{suffix}_x"), None, true[f"ties_{suffix}_all"] - true[f"ties_{suffix}"]
            )
            attacker.relate(
                name(f"ties_{suffix}_all"), [name(f"ties_{suffix}"), name(f"{suffix}_x")]
            )
        attacker.relate(("L", w, b), [name("ties_to")])
        attacker.relate(("L", w, a), [name("ties_from")])
        attacker.relate(("N", w, b), [name("actors_stable"), name("actors_entered")])
        attacker.relate(("N", w, a), [name("actors_stable"), name("actors_left")])


def attack(project: Project) -> Attacker:
    """Everything a leernetwerk gets beside each other from the library, read by the attacker."""
    from wijknet.analysis.kpi import _kpi3_table

    attacker = Attacker()
    result = analyse(project, n_permutations=0)
    compare = compare_wijken(project, n_boot=0)
    for (wijk, wave), mixing in result.mixing.groupby(["wijk", "wave"], sort=False):
        read_mixing(attacker, project, mixing, wijk, wave)
        relate_network(attacker, project, wijk, wave)
    for wave in project.waves:
        for wijk, mixing in mixing_by_wijk(project, wave).groupby("wijk", sort=False):
            read_mixing(
                attacker, project, mixing[mixing["ties"].notna() | mixing["suppressed"]], wijk, wave
            )
    for r in result.network_metrics.itertuples():
        read_network(attacker, project, r.ties, r.cross_domain_share, r.actors, r.wijk, r.wave)
    measures = compare.pivot_table(
        index=["wijk", "wave"], columns="measure", values="value", dropna=False
    )
    for (wijk, wave), r in measures.iterrows():
        read_network(attacker, project, r["ties"], r["cross_domain_share"], r["actors"], wijk, wave)
    for r in result.ei_domains.itertuples():
        true = mixing_matrix(project.graph(r.wijk, r.wave), taxonomy=project.taxonomy)
        inside = true[(true["from_domain"] == r.domain) & (true["to_domain"] == r.domain)][
            "ties"
        ].sum()
        external = true[
            (true["from_domain"] != true["to_domain"])
            & ((true["from_domain"] == r.domain) | (true["to_domain"] == r.domain))
        ]["ties"].sum()
        attacker.see(("Ik", r.wijk, r.wave, r.domain), r.internal, inside)
        attacker.see(("Ek", r.wijk, r.wave, r.domain), r.external, external)
        if not pd.isna(r.ei_index):
            assert not pd.isna(r.internal) and not pd.isna(r.external)
    read_change(attacker, project, result.change)
    read_change(
        attacker, project, change_table(project, pairs="all", n_permutations=0)
    )  # the Verandering page
    if project.has_responses:
        truth = _kpi3_table(project, None, None, 0.95)
        read_kpi(attacker, result.kpi3, truth)
        read_kpi(attacker, kpi3(project, pooled=False), truth)
    return attacker


def small_groups_project(seed: int = 7) -> Project:
    """Three wijken of five domains with five to six actors each, sparse ties: most cells are 1 to 4."""
    rng = np.random.default_rng(seed)
    domains = ["zorg", "welzijn", "gemeente", "inwoners", "wonen"]
    actors, ties, responses = [], [], []
    for wijk in ("Noord", "Midden", "Zuid"):
        ids = [
            (f"{wijk[0]}{d[:2]}{i}", d) for d in domains for i in range(5 + int(rng.integers(0, 2)))
        ]
        actors += [{"actor_id": a, "wijk": wijk, "domain": d} for a, d in ids]
        for wave in ("2025", "2026"):
            for a, _ in ids:
                for b, _ in ids:
                    if a != b and rng.random() < 0.06:
                        ties.append({"wijk": wijk, "wave": wave, "source": a, "target": b})
            for a, _ in ids:
                if rng.random() < 0.6:
                    answer = str(int(rng.integers(1, 6)))
                    active = "ja" if rng.random() < 0.85 else "nee"
                    responses.append(
                        {
                            "wijk": wijk,
                            "wave": wave,
                            "actor_id": a,
                            "kpi3": answer,
                            "active": active,
                        }
                    )
    project = Project.from_frames(
        pd.DataFrame(actors).astype(str),
        pd.DataFrame(ties).astype(str),
        ProjectConfig(waves=["2025", "2026"]),
        responses=pd.DataFrame(responses).astype(str),
    )
    return restrict(project, "leernetwerk", key=KEY)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    return write_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def demo_leernetwerk(demo_folder):
    return load_project(demo_folder, audience="leernetwerk", key=KEY)


@pytest.fixture(scope="module")
def small():
    return small_groups_project()


@pytest.mark.parametrize("which", ["small", "demo_leernetwerk"])
def test_the_solver_recovers_no_suppressed_value(which, request):
    project = request.getfixturevalue(which)
    attacker = attack(project)
    blanks = [n for n in attacker.truth if n not in attacker.known]
    assert len([n for n in blanks if n[0] == "m"]) > 10  # there is something to attack
    assert attacker.leaks(project.config.min_cell) == []


def test_the_solver_finds_what_the_old_rule_gave_away(small):
    """Primary suppression alone (the old inline copies) leaks: the attacker must find those values."""
    attacker = Attacker()
    for wijk in small.wijken:
        for wave in small.waves:
            true = mixing_matrix(small.graph(wijk, wave), taxonomy=small.taxonomy)
            old = true.assign(ties=true["ties"].where(~true["ties"].between(1, 4)))
            read_network(attacker, small, true["ties"].sum(), np.nan, np.nan, wijk, wave)
            for r in old.itertuples():
                attacker.see(
                    ("m", wijk, wave, r.from_domain, r.to_domain),
                    r.ties,
                    true.set_index(["from_domain", "to_domain"]).at[
                        (r.from_domain, r.to_domain), "ties"
                    ],
                )
            relate_network(attacker, small, wijk, wave)
            for (
                r
            ) in true.itertuples():  # the old row_share on the full row total gave every row total
                row = true[true["from_domain"] == r.from_domain]["ties"].sum()
                attacker.see(("row", wijk, wave, r.from_domain), row, row)
            for d in true["from_domain"].unique():
                attacker.relate(
                    ("row", wijk, wave, d),
                    [("m", wijk, wave, d, b) for b in true["to_domain"].unique()],
                )
    assert len(attacker.leaks()) > 0


def test_analyse_for_a_leernetwerk_gives_group_tables_only(small, tmp_path):
    result = analyse(small, n_permutations=0)
    assert result.actor_metrics is None
    written = {p.name for p in result.write(tmp_path)}
    assert "actor_metrics.csv" not in written and "mixing.csv" in written
    for name in written:
        columns = set(pd.read_csv(tmp_path / name).columns)
        assert not columns & {"actor_id", "source", "name", "role"}, (
            name
        )  # ("target" is the KPI end target)
        # per wijk, or pooled over wijken (did.csv, meta.csv: issue 15's evaluation, no wijk column)
        assert columns & {"wijk"} or {"pilot_wijken", "wijken"} & columns, name
    mixing = result.mixing
    assert mixing["suppressed"].any()
    shown = mixing["ties"].dropna()
    assert not shown.between(1, small.config.min_cell - 1).any()


def test_the_same_cells_are_blank_in_every_table(small):
    result = analyse(small, n_permutations=0)
    for wave in small.waves:
        other = mixing_by_wijk(small, wave).set_index(["wijk", "from_domain", "to_domain"])
        mine = result.mixing[result.mixing["wave"] == wave].set_index(
            ["wijk", "from_domain", "to_domain"]
        )
        page = other["suppressed"].reindex(mine.index)
        assert (mine["suppressed"] == page).all()


def test_kpi3_pooled_row_minus_the_visible_wijken_gives_no_blank(small):
    table = kpi3(small)
    assert table["agree"].isna().any()  # small groups: something is blank
    for wave, rows in table.groupby("wave"):
        pooled = rows[rows["wijk"] == ALL_WIJKEN].iloc[0]
        wijken = rows[rows["wijk"] != ALL_WIJKEN]
        for column in ("agree", "answered", "respondents", "active_respondents"):
            blank = wijken[column].isna().sum()
            assert blank != 1 or pd.isna(pooled[column]), (wave, column)


def test_programme_report_for_a_leernetwerk(small):
    from wijknet.report.build import build_programme_report

    report = build_programme_report(small, n_permutations=0)
    result = analyse(small, n_permutations=0)
    network = result.network_metrics.set_index(["wijk", "wave"])
    for r in report.network.itertuples():  # the report shows exactly the protected analysis
        assert pd.isna(r.ties) == pd.isna(network.at[(r.wijk, r.wave), "ties"])
    response = report.response
    assert not response[["respondents", "reporters", "isolates"]].stack().between(1, 4).any()
    blank_rate = response["response_rate"].isna() & response["respondents"].isna()
    assert (response["response_rate"].isna() >= blank_rate).all()
    assert not report.provenance.evidence["ties"].dropna().between(1, 4).any()


def test_wijkteam_programme_figure_is_all_wijken_not_its_own(demo_folder, demo_leernetwerk):
    table = programme_kpi3(demo_leernetwerk, "Daalhof")
    last = table[table["wave"] == "2027"].iloc[0]
    assert last["wijk"] == ALL_WIJKEN and (last["agree"], last["answered"]) == (
        202,
        332,
    )  # the programme figure
    own = kpi3(load_project(demo_folder, audience="wijkteam:Daalhof", key=KEY))
    own_last = own[(own["wave"] == "2027") & ~own["pooled"]].iloc[0]
    assert own_last["answered"] != last["answered"]


def test_wijkteam_programme_figure_hides_a_small_rest():
    # Two wijken: pooled minus the own wijk is the other wijk; with 3 answers there it must stay blank.
    rows = [
        {"wijk": "A", "wave": "2025", "actor_id": f"a{i}", "kpi3": "4", "active": "ja"}
        for i in range(9)
    ]
    rows += [
        {"wijk": "B", "wave": "2025", "actor_id": f"b{i}", "kpi3": "5", "active": "ja"}
        for i in range(3)
    ]
    actors = pd.DataFrame(
        [{"actor_id": r["actor_id"], "wijk": r["wijk"], "domain": "zorg"} for r in rows]
    )
    ties = pd.DataFrame(
        [
            {"wijk": "A", "wave": "2025", "source": "a0", "target": "a1"},
            {"wijk": "B", "wave": "2025", "source": "b0", "target": "b1"},
        ]
    )
    project = Project.from_frames(
        actors.astype(str),
        ties.astype(str),
        ProjectConfig(waves=["2025"]),
        responses=pd.DataFrame(rows).astype(str),
    )
    table = programme_kpi3(restrict(project, "leernetwerk", key=KEY), "A")
    assert table["answered"].isna().all() and table["share"].isna().all()


# --- the app as a leernetwerk and as a wijkteam ----------------------------------------------------


def _charts(at) -> list[pd.DataFrame]:
    """The data behind every Altair chart of a page."""
    import pyarrow as pa

    out = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            out.append(pa.ipc.open_stream(dataset.data.data).read_all().to_pandas())
    return out


@pytest.fixture
def app_demo(demo_folder, monkeypatch):
    monkeypatch.setenv("WIJKNET_PROJECT", str(demo_folder))
    return demo_folder


def _viewing_as(audience: str, page: str):
    from streamlit.testing.v1 import AppTest

    from wijknet.webapp import ENTRY_SCRIPT

    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=300).run()
    at.sidebar.selectbox(key="view_as").set_value(audience).run()
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    return at


def test_app_domeinmenging_as_leernetwerk_shows_no_blank_cell(app_demo):
    at = _viewing_as("leernetwerk", "domeinmenging")
    project = load_project(app_demo, audience="leernetwerk")
    wijk, wave = at.sidebar.selectbox(key="wijk").value, at.sidebar.selectbox(key="wave").value
    protected = mixing_by_wijk(project, wave, wijken=[wijk])
    data = next(d for d in _charts(at) if "van" in d.columns)
    assert data["ties"].isna().sum() == protected["suppressed"].sum() > 0
    blank = data["ties"].isna()
    assert data.loc[blank, "pct"].isna().all()  # no share of a blank cell either
    for _, row in data[~blank].groupby("van"):  # the shares rest on the shown cells of the row only
        if row["ties"].sum() > 0:
            assert ((100 * row["ties"] / row["ties"].sum()).round() == row["pct"]).all()


def test_app_kpi_monitor_as_leernetwerk_and_as_wijkteam(app_demo):
    at = _viewing_as("leernetwerk", "kpi")
    text = "\n".join(str(m.value) for m in at.metric)
    assert "61%" in text  # the programme figure 202 of 332
    at = _viewing_as("wijkteam:Daalhof", "kpi")
    metrics = [m.value for m in at.metric]
    own = kpi3(load_project(app_demo, audience="wijkteam:Daalhof", key=KEY))
    own_share = own[(own["wave"] == "2027") & ~own["pooled"]]["share"].iloc[0]
    assert f"{round(100 * own_share)}%" in metrics[0]
    assert metrics[1] == "61%"  # all wijken, never the own wijk relabelled
    assert "202" in "\n".join(str(c.value) for c in at.caption)


def test_app_verandering_as_leernetwerk_shows_no_small_count_of_actors(app_demo):
    at = _viewing_as("leernetwerk", "verandering")
    project = load_project(app_demo, audience="leernetwerk")
    wijk, wave = at.sidebar.selectbox(key="wijk").value, at.sidebar.selectbox(key="wave").value
    before = project.waves[project.waves.index(wave) - 1]
    true = compare_waves(load_project(app_demo), wijk, before, wave, n_permutations=0).iloc[0]
    assert (
        1 <= true["actors_entered"] + true["actors_left"]
        and true["actors_left"] < project.config.min_cell
    )
    text = "\n".join(str(m.value) for m in at.markdown)
    assert "Nieuw in het netwerk: **– actoren**; vertrokken: **– actoren**." in text
    assert (
        "– actoren die in beide metingen meedoen" in text
    )  # the model's stable actors, as in the table
    assert "horen er" not in text  # no tie count of newcomers or leavers too few to publish
    assert sum(str(c.value).startswith("Een streepje (–): minder dan 5") for c in at.caption) == 1


def test_app_vergelijken_as_leernetwerk_shows_the_protected_cells(app_demo):
    at = _viewing_as("leernetwerk", "vergelijken")
    project = load_project(app_demo, audience="leernetwerk")
    wave = project.waves[-1]
    protected = mixing_by_wijk(project, wave)
    for data in _charts(at):
        if {"van", "naar", "ties"} <= set(data.columns) and "wijk" in data.columns:
            assert data["ties"].isna().sum() == protected["suppressed"].sum()
            break
    else:
        pytest.fail("no mixing chart on the comparison page")


def test_the_ties_of_one_newcomer_are_not_shown_however_many():
    """One newcomer with 14 new ties: ``ties_new_all - ties_new`` would be that person's number of ties.
    It is blanked although 14 is not small, and it cannot be worked out from the other counts."""
    import pandas as pd

    from wijknet.analysis.standard import protect_change

    row = {
        "ties_kept": 50,
        "ties_new": 20,
        "ties_lost": 10,
        "ties_new_all": 34,
        "ties_lost_all": 10,
        "ties_from": 60,
        "ties_to": 84,
        "hamming": 30,
        "hamming_all": 44,
        "kept_cross_domain": 30,
        "kept_same_domain": 20,
        "new_cross_domain": 12,
        "new_same_domain": 8,
        "lost_cross_domain": 6,
        "lost_same_domain": 4,
        "new_cross_domain_all": 20,
        "new_same_domain_all": 14,
        "lost_cross_domain_all": 6,
        "lost_same_domain_all": 4,
        "actors_stable": 40,
        "actors_entered": 1,
        "actors_left": 0,
        "jaccard": 0.6,
        "jaccard_all": 0.5,
    }
    out = protect_change(pd.DataFrame([row]), 5).iloc[0]
    assert pd.isna(out["actors_entered"])
    newcomer_ties = out["ties_new_all"] - out["ties_new"]
    assert pd.isna(newcomer_ties), "the newcomer's 14 ties can be read off"
    cross = out["new_cross_domain_all"] - out["new_cross_domain"]
    same = out["new_same_domain_all"] - out["new_same_domain"]
    assert pd.isna(cross) and pd.isna(same)
    # with ten newcomers the same row shows their ties (fails if the rule blanks everything)
    many = protect_change(
        pd.DataFrame([{**row, "actors_entered": 10, "actors_stable": 31}]), 5
    ).iloc[0]
    assert many["ties_new_all"] - many["ties_new"] == 14
