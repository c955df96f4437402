"""Speed of wijknet's vectorised QAP/MRQAP against R's sna, measured in the same run.

Run from the repository root::

    python benchmarks/bench_mrqap.py            # 1,000 permutations (R takes minutes)
    python benchmarks/bench_mrqap.py --reps 200 # quicker

On the 150-actor fixture of ``tests/fixtures/r/inference_reference.R``
(``tests/fixtures/inference/n150_*.csv``: 22,350 ordered pairs, an intercept
and four covariates: same group, distance, earlier wave, reciprocity) it
times

1. ``sna::netlogit(nullhyp = "qapspp")`` against ``mrqap(family="binomial",
   null="dsp")``;
2. ``sna::netlm(nullhyp = "qapspp")`` against ``mrqap(null="dsp")``;
3. ``sna::qaptest(gcor)`` against ``qap_correlation``.

R is timed inside R (``system.time``) so that its start-up is not counted;
wijknet is timed best of ``--repeats`` (a single run for the logistic model).
Wall-clock and CPU seconds are both shown: on a shared machine other
processes inflate wall-clock time, CPU time is the fairer comparison
(wijknet at ``n_jobs=1`` and R are both single-threaded in the refits).
Prints a Markdown table of seconds, the ratio R / wijknet and the largest
difference between the two sets of estimates; no timing is asserted
anywhere in the tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

import wijknet
from wijknet.inference import mrqap, qap_correlation

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "inference"
TERMS = ["same", "dist", "prev", "recip"]

R_SCRIPT = r"""
suppressPackageStartupMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; reps <- as.integer(args[2])
rd <- function(m) as.matrix(read.csv(file.path(dir, sprintf("n150_%s.csv", m)), header = FALSE))
y <- rd("y"); yval <- rd("yval"); x <- lapply(c("same", "dist", "prev", "recip"), rd)
set.seed(1)
secs <- function(st) c(st[["elapsed"]], st[["user.self"]] + st[["sys.self"]])
t_logit <- secs(system.time(f_logit <- netlogit(y, x, nullhyp = "qapspp", reps = reps)))
t_lm <- secs(system.time(f_lm <- netlm(yval, x, nullhyp = "qapspp", reps = reps)))
t_gcor <- secs(system.time(qaptest(list(x[[3]], y), gcor, g1 = 1, g2 = 2, reps = reps)))
cat("time", t_logit, t_lm, t_gcor, "\n")
cat("logit", sprintf("%.15g", f_logit$coefficients), "\n")
cat("lm", sprintf("%.15g", f_lm$coefficients), "\n")
cat("version", R.version.string, "sna", as.character(packageVersion("sna")), "\n")
"""


def load(matrix: str) -> np.ndarray:
    return np.loadtxt(FIXTURE / f"n150_{matrix}.csv", delimiter=",")


def best_of(fn, repeats: int) -> tuple[tuple[float, float], object]:
    """Best (wall, CPU) seconds over ``repeats`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(times), result


def run_r(reps: int) -> dict | None:
    if shutil.which("Rscript") is None:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as handle:
        handle.write(R_SCRIPT)
    try:
        out = subprocess.run(
            ["Rscript", handle.name, str(FIXTURE), str(reps)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    lines = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    return {
        "times": [float(v) for v in lines["time"]],
        "logit": np.array([float(v) for v in lines["logit"]]),
        "lm": np.array([float(v) for v in lines["lm"]]),
        "version": " ".join(lines["version"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=1000, help="permutations (default 1000)")
    parser.add_argument("--repeats", type=int, default=3, help="best of, for the fast wijknet runs")
    parser.add_argument("--n-jobs", type=int, default=1, help="joblib threads for wijknet")
    parser.add_argument("--skip-r", action="store_true", help="time wijknet only")
    args = parser.parse_args()

    y, yval = load("y"), load("yval")
    X = {term: load(term) for term in TERMS}
    mrqap(y, X, family="binomial", n_permutations=5)  # imports statsmodels, warms up

    options = dict(n_permutations=args.reps, seed=1, n_jobs=args.n_jobs)
    t_logit, logit = best_of(lambda: mrqap(y, X, family="binomial", null="dsp", **options), 1)
    t_lm, lm = best_of(lambda: mrqap(yval, X, null="dsp", **options), args.repeats)
    t_gcor, _ = best_of(lambda: qap_correlation(X["prev"], y, **options), args.repeats)

    r = None if args.skip_r else run_r(args.reps)
    rows = [
        ("MRQAP logistic, DSP (`netlogit`, `qapspp`)", t_logit, logit, "logit", 0),
        ("MRQAP linear, DSP (`netlm`, `qapspp`)", t_lm, lm, "lm", 1),
        ("QAP correlation (`qaptest(gcor)`)", t_gcor, None, None, 2),
    ]
    print(
        f"150 actors, 22,350 ordered pairs, intercept + {len(TERMS)} covariates, "
        f"{args.reps} permutations, n_jobs={args.n_jobs}\n"
    )
    print(
        "| test | R sna wall (CPU) s | wijknet wall (CPU) s | R / wijknet wall (CPU) | max abs. diff. of estimates |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, (wall, cpu), result, key, index in rows:
        ours = f"{wall:.2f} ({cpu:.2f})"
        if r is None:
            print(f"| {label} | - | {ours} | - | - |")
            continue
        r_wall, r_cpu = r["times"][2 * index], r["times"][2 * index + 1]
        diff = (
            "-"
            if result is None
            else f"{np.max(np.abs(result.table['estimate'].to_numpy() - r[key])):.1e}"
        )
        print(
            f"| {label} | {r_wall:.1f} ({r_cpu:.1f}) | {ours} | {r_wall / wall:.0f}x ({r_cpu / cpu:.0f}x) | {diff} |"
        )

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print()
    print(
        f"- machine: {cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}"
    )
    print(
        f"- Python {platform.python_version()}, NumPy {np.__version__}, wijknet {wijknet.__version__}"
    )
    if r is not None:
        print(f"- {r['version']}")
    try:
        load_average = os.getloadavg()[0]
        print(f"- load average at the end: {load_average:.1f} (other processes slow both sides)")
    except OSError:
        pass


if __name__ == "__main__":
    main()
