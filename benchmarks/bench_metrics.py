"""Speed of wijknet's vectorised metrics against a reference measured in the same run.

Run from the repository root::

    python benchmarks/bench_metrics.py

Measures, on the largest demo network (Hoensbroek-Noord 2025, 138 actors):

1. the E-I permutation test (1,000 label permutations) against a naive
   networkx loop that relabels and recounts the graph per permutation;
2. Gould-Fernandez brokerage against R's ``sna::brokerage`` on the same
   adjacency matrix (when ``Rscript`` with ``sna`` is installed), timed inside
   R so that R's start-up is not counted;
3. the full ``analyse`` of the demo project (18 networks).

Prints a Markdown table of seconds and ratios; no timing is asserted.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np

import wijknet
from wijknet.analysis.standard import analyse
from wijknet.datasets.demo import write_demo
from wijknet.metrics import brokerage, ei_index

REPEATS = 3


def best_of(fn, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def naive_ei_permutations(G: nx.DiGraph, n_permutations: int, seed: int) -> list[float]:
    """The loop a user would write with networkx: shuffle labels, recount ties."""
    rng = np.random.default_rng(seed)
    nodes = list(G)
    labels = [G.nodes[v]["domain"] for v in nodes]
    values = []
    for _ in range(n_permutations):
        shuffled = dict(zip(nodes, rng.permutation(labels)))
        H = G.copy()
        nx.set_node_attributes(H, shuffled, "domain")
        external = sum(H.nodes[u]["domain"] != H.nodes[v]["domain"] for u, v in H.edges)
        values.append((2 * external - H.number_of_edges()) / H.number_of_edges())
    return values


def r_brokerage_seconds(G: nx.DiGraph, repeats: int = REPEATS) -> float | None:
    if shutil.which("Rscript") is None:
        return None
    nodes = list(G)
    with tempfile.TemporaryDirectory() as tmp:
        adj = Path(tmp) / "adj.csv"
        groups = Path(tmp) / "groups.csv"
        np.savetxt(adj, nx.to_numpy_array(G, nodelist=nodes, weight=None), delimiter=",", fmt="%d")
        groups.write_text("\n".join(G.nodes[v]["domain"] for v in nodes) + "\n")
        script = (
            "suppressMessages(library(sna));"
            f"A <- as.matrix(read.csv('{adj}', header=FALSE)); cl <- readLines('{groups}');"
            f"t <- sapply(1:{repeats}, function(i) system.time(sna::brokerage(A, cl))[['elapsed']]);"
            "cat(min(t))"
        )
        done = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True)
        if done.returncode != 0:
            return None
        return float(done.stdout.strip())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = wijknet.load_project(write_demo(Path(tmp) / "demo"))
        G = project.graph("Hoensbroek-Noord", "2025")
        rows = []

        ours = best_of(lambda: ei_index(G, n_permutations=1000, seed=0))
        naive = best_of(lambda: naive_ei_permutations(G, 1000, 0), repeats=1)
        rows.append(
            ("E-I permutation test, 1,000 permutations", ours, "naive networkx loop", naive)
        )

        ours = best_of(lambda: brokerage(G))
        r_time = r_brokerage_seconds(G)
        rows.append(("Gould-Fernandez brokerage", ours, "R sna::brokerage", r_time))

        ours = best_of(lambda: analyse(project, n_permutations=1000, seed=0), repeats=1)
        rows.append(("analyse demo project (18 networks)", ours, "-", None))

    print(
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
        f"networkx {nx.__version__}, numpy {np.__version__}; graph: {G.number_of_nodes()} actors, {G.number_of_edges()} ties\n"
    )
    print("| task | wijknet (s) | reference | reference (s) | speed-up |")
    print("| --- | --- | --- | --- | --- |")
    for task, ours, ref_name, ref in rows:
        ratio = f"{ref / ours:.1f}x" if ref else "-"
        ref_text = f"{ref:.3f}" if ref else "-"
        print(f"| {task} | {ours:.3f} | {ref_name} | {ref_text} | {ratio} |")


if __name__ == "__main__":
    main()
