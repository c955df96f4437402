"""Batched permutation inference: wijknet now vs the previous implementation vs R's sna, one run.

Run from the repository root::

    python benchmarks/bench_inference.py                 # 1,000 permutations, 3 repeats
    python benchmarks/bench_inference.py --old main      # compare with another commit
    python benchmarks/bench_inference.py --r-from FILE   # reuse an earlier Rscript output
    python benchmarks/bench_inference.py --r-reps 200    # R at 200 permutations, scaled to --reps

What is timed, single-threaded (``OPENBLAS_NUM_THREADS=1`` etc. and
threadpoolctl limits; R is single-threaded anyway), on the 150-actor fixture
of ``tests/fixtures/r/inference_reference.R`` (22,350 ordered pairs,
intercept + same group, distance, earlier wave, reciprocity):

1. MRQAP logistic with DSP (``sna::netlogit(nullhyp = "qapspp")``);
2. MRQAP linear with DSP (``sna::netlm(nullhyp = "qapspp")``);
3. QAP correlation (``sna::qaptest(gcor)``);
4. the tie-change model of one demo wijk and pair of waves (no R equivalent),
   single-threaded with its default score statistic and with Wald refits
   (``statistic="wald"``), and, as the app runs it, on two threads (``n_jobs=2``, wall).

The same worker code (:func:`worker`) runs in a subprocess twice: with this
checkout's ``src`` and with the ``src`` of ``--old`` (default: the commit
where the branch left ``main``), extracted by ``git archive`` into a
temporary folder, so the previous implementation is timed exactly as it was.
Each wijknet figure is the median of ``--repeats`` runs (CPU and wall
seconds); R runs once (``system.time`` inside R, start-up not counted).
Identical estimates: the largest absolute difference of the coefficients
against R and against the previous implementation, and the number of
p-values that differ from the previous implementation (same seed, same
permutations). No timing is asserted in the tests.

R's cost is linear in the permutations (one refit each), so on a busy
machine ``--r-reps`` runs R with fewer permutations and scales its times to
``--reps``; the table says so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "inference"
sys.path.insert(0, str(Path(__file__).resolve().parent))
SINGLE = {k: "1" for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}

# R timed inside R (system.time), so that its start-up is not counted.
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


WORKER = r"""
import json, sys, time
import numpy as np
from threadpoolctl import threadpool_limits

fixture, reps, repeats, demo = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
from wijknet.inference import mrqap, qap_correlation
load = lambda m: np.loadtxt(f"{fixture}/n150_{m}.csv", delimiter=",")
y, yval = load("y"), load("yval")
X = {t: load(t) for t in ["same", "dist", "prev", "recip"]}

def timed(fn):
    times, result = [], None
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return times, result

out = {}
with threadpool_limits(limits=1):
    mrqap(y, X, family="binomial", n_permutations=5)  # imports, warm-up
    for key, fn in {
        "logit": lambda: mrqap(y, X, family="binomial", null="dsp", n_permutations=reps, seed=1),
        "lm": lambda: mrqap(yval, X, null="dsp", n_permutations=reps, seed=1),
        "gcor": lambda: qap_correlation(X["prev"], y, n_permutations=reps, seed=1),
    }.items():
        times, result = timed(fn)
        table = getattr(result, "table", None)
        out[key] = {
            "times": times,
            "estimate": table["estimate"].tolist() if table is not None else [result.statistic],
            "p_value": table["p_value"].tolist() if table is not None else [result.p_value],
        }
    from wijknet import Project
    from wijknet.analysis.tiechange import tie_change_model
    project = Project.from_folder(demo)
    tie_change_model(project, "Daalhof", "2025", "2026", n_permutations=5)
    times, result = timed(lambda: tie_change_model(project, "Daalhof", "2025", "2026",
                                                   n_permutations=reps, seed=0))
    out["tiechange"] = {"times": times, "estimate": result.table["estimate"].tolist(),
                        "p_value": result.table["p_value"].tolist(), "actors": result.actors}
try:  # the Wald refits of earlier versions (the previous implementation has no choice)
    times, result = timed(lambda: tie_change_model(project, "Daalhof", "2025", "2026",
                                                   n_permutations=reps, seed=0, statistic="wald"))
    out["tiechange_wald"] = {"times": times, "estimate": result.table["estimate"].tolist(),
                             "p_value": result.table["p_value"].tolist()}
except TypeError:
    pass
try:  # two threads over the permutation batches, as the app runs it (wall clock)
    times, result = timed(lambda: tie_change_model(project, "Daalhof", "2025", "2026",
                                                   n_permutations=reps, seed=0, n_jobs=2))
    out["tiechange2"] = {"times": times, "estimate": result.table["estimate"].tolist(),
                         "p_value": result.table["p_value"].tolist()}
except TypeError:  # an implementation without n_jobs
    pass
print("JSON" + json.dumps(out))
"""


def worker(src: Path, reps: int, repeats: int, demo: Path) -> dict:
    """Run :data:`WORKER` with ``src`` on the path; returns its JSON."""
    env = {**os.environ, **SINGLE, "PYTHONPATH": str(src)}
    proc = subprocess.run(
        [sys.executable, "-c", WORKER, str(FIXTURE), str(reps), str(repeats), str(demo)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(line for line in proc.stdout.splitlines() if line.startswith("JSON"))
    return json.loads(line[4:])


def old_source(commit: str, folder: Path) -> Path:
    """``src`` of ``commit`` extracted into ``folder``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "src"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def run_r(reps: int, r_from: str | None) -> dict | None:
    if r_from:
        out = Path(r_from).read_text()
    elif shutil.which("Rscript"):
        with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as handle:
            handle.write(R_SCRIPT)
        try:
            out = subprocess.run(
                ["Rscript", handle.name, str(FIXTURE), str(reps)],
                check=True,
                capture_output=True,
                text=True,
                env={**os.environ, **SINGLE},
            ).stdout
        finally:
            os.unlink(handle.name)
    else:
        return None
    lines = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.strip()}
    return {
        "times": [float(v) for v in lines["time"]],
        "logit": [float(v) for v in lines["logit"]],
        "lm": [float(v) for v in lines["lm"]],
        "version": " ".join(lines["version"]),
    }


def median(times) -> tuple[float, float]:
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=1000, help="permutations (default 1000)")
    parser.add_argument("--repeats", type=int, default=3, help="wijknet runs; the median is shown")
    parser.add_argument("--old", default=None, help="commit of the previous implementation")
    parser.add_argument("--skip-old", action="store_true")
    parser.add_argument("--skip-r", action="store_true")
    parser.add_argument("--r-from", default=None, help="file with an earlier Rscript output")
    parser.add_argument(
        "--r-reps",
        type=int,
        default=None,
        help="permutations for R, its times scaled to --reps (default: --reps)",
    )
    args = parser.parse_args()
    old = (
        args.old
        or subprocess.run(
            ["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )

    import numpy as np

    from wijknet.datasets.demo import write_demo

    with tempfile.TemporaryDirectory() as tmp:
        demo = write_demo(Path(tmp) / "demo")
        load_before = os.getloadavg()[0]
        new = worker(ROOT / "src", args.reps, args.repeats, demo)
        previous = None
        if not args.skip_old:
            previous = worker(old_source(old, Path(tmp)), args.reps, args.repeats, demo)
        r_reps = args.r_reps or args.reps
        r = None if args.skip_r else run_r(r_reps, args.r_from)
        if r is not None:
            r["times"] = [t * args.reps / r_reps for t in r["times"]]
        load_after = os.getloadavg()[0]

    rows = [
        ("MRQAP logistic, DSP (`netlogit`, `qapspp`)", "logit", 0),
        ("MRQAP linear, DSP (`netlm`, `qapspp`)", "lm", 1),
        ("QAP correlation (`qaptest(gcor)`)", "gcor", 2),
        ("Tie-change model, Daalhof 2025-2026 (DSP)", "tiechange", None),
        ('Tie-change model, Wald refits (`statistic="wald"`)', "tiechange_wald", None),
        ("Tie-change model, 2 threads (`n_jobs=2`; wall is the figure)", "tiechange2", None),
    ]
    rows = [row for row in rows if row[1] in new]
    print(
        f"{args.reps} permutations, single-threaded; wijknet: median of {args.repeats} runs, "
        f"CPU s (wall s); previous = {old[:10]}"
        + (
            f"; R at {r_reps} permutations, times scaled x{args.reps / r_reps:g}"
            if r_reps != args.reps
            else ""
        )
        + "\n"
    )
    print(
        "| test | R sna CPU (wall) s | previous CPU (wall) s | wijknet CPU (wall) s "
        "| R / wijknet (CPU) | previous / wijknet (CPU) | max diff. estimates vs R "
        "| vs previous | p-values differing from previous |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, key, index in rows:
        wall, cpu = median(new[key]["times"])
        cells = [label]
        r_cpu = None
        if r is not None and index is not None:
            r_wall, r_cpu = r["times"][2 * index], r["times"][2 * index + 1]
            cells.append(f"{r_cpu:.1f} ({r_wall:.1f})")
        else:
            cells.append("-")
        # the previous implementation's tie-change model refits (Wald): compare both rows with it
        old_key = "tiechange" if key == "tiechange_wald" else key
        compare = previous is not None and old_key in previous
        if compare:
            old_wall, old_cpu = median(previous[old_key]["times"])
            cells.append(f"{old_cpu:.2f} ({old_wall:.2f})")
        else:
            cells.append("-")
        cells.append(f"{cpu:.3f} ({wall:.3f})")
        cells.append(f"{r_cpu / cpu:.0f}x" if r_cpu else "-")
        cells.append(f"{old_cpu / cpu:.1f}x" if compare else "-")
        estimate = np.array(new[key]["estimate"])
        if r is not None and key in ("logit", "lm"):
            cells.append(f"{np.max(np.abs(estimate - np.array(r[key]))):.1e}")
        else:
            cells.append("-")
        if compare:
            cells.append(
                f"{np.max(np.abs(estimate - np.array(previous[old_key]['estimate']))):.1e}"
            )
            differ = int(
                np.sum(np.array(new[key]["p_value"]) != np.array(previous[old_key]["p_value"]))
            )
            cells.append(f"{differ} of {estimate.size}")
        else:
            cells += ["-", "-"]
        print("| " + " | ".join(cells) + " |")

    cpu_name = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_name = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import wijknet

    print()
    print(f"- machine: {cpu_name}, {os.cpu_count()} logical CPUs, {platform.system()}")
    print(
        f"- Python {platform.python_version()}, NumPy {np.__version__}, wijknet {wijknet.__version__}"
    )
    if r is not None:
        print(f"- {r['version']}")
    print(f"- tie-change model: {new['tiechange']['actors']} stable actors")
    print(f"- load average (1 min) before / after: {load_before:.1f} / {load_after:.1f}")


if __name__ == "__main__":
    main()
