"""A region on one machine: load + validate and the whole ``analyse`` of the demo cloned (150 wijken x 3 waves).

Runs, in one go and on the same data:

* loading and validating the tables (``Project.from_folder``) with this checkout and with the
  previous implementation (``git archive <ref> src`` into a temporary folder, run in a subprocess);
* ``analyse`` (all measures, change and E-I tests, every lens; no tie-change models) serially,
  with ``--jobs`` processes (joblib) and on a ``dask.distributed.LocalCluster``, and checks that
  the three give identical CSV files;
* the previous implementation's ``analyse`` (optional, ``--old-analyse``: slow).

With ``--load-only`` only the loading is measured: CPU seconds (``time.process_time``, imports
excluded) of ``Project.from_folder``, best of ``--repeat`` runs, for this checkout and ``--old``.

Usage::

    python benchmarks/bench_region.py [--copies 25] [--permutations 1000] [--jobs 2] [--old main]
    python benchmarks/bench_region.py --load-only [--repeat 3] [--old main]

``--copies 25`` clones the 6 demo wijken 25 times (150 wijken). Prints one line per figure.
"""

from __future__ import annotations

import argparse
import inspect
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_cpu(folder) -> float:
    """CPU seconds of one ``Project.from_folder(folder)`` (imports done before)."""
    from wijknet.project import Project

    start = time.process_time()
    Project.from_folder(folder)
    return time.process_time() - start


# Run with the previous implementation on the path; it times loading as load_cpu above does.
OLD_SNIPPET = (
    "import sys, time\n"
    + inspect.getsource(load_cpu)
    + """
from wijknet.project import Project
t = time.perf_counter(); p = Project.from_folder(sys.argv[1]); load = time.perf_counter() - t
print("load", load)
if sys.argv[4] != "0":
    print("load_cpu", min(load_cpu(sys.argv[1]) for _ in range(int(sys.argv[4]))))
if sys.argv[2] != "0":
    from wijknet.analysis.standard import analyse
    t = time.perf_counter(); analyse(p, n_permutations=int(sys.argv[2]), n_jobs=int(sys.argv[3]))
    print("analyse", time.perf_counter() - t)
"""
)


def old_run(
    ref: str, folder: Path, permutations: int, jobs: int, repeat: int = 0
) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, "src"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        out = subprocess.run([sys.executable, "-c", OLD_SNIPPET, str(folder), str(permutations), str(jobs),
                              str(repeat)],
                             capture_output=True, text=True, env=env, check=True).stdout  # fmt: skip
    return {line.split()[0]: float(line.split()[1]) for line in out.splitlines() if line.strip()}


def timed(fn):
    t = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=25)
    parser.add_argument("--permutations", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--old", default="main", help="git ref of the previous implementation ('' to skip)"
    )
    parser.add_argument(
        "--old-analyse", action="store_true", help="also time the previous analyse (slow)"
    )
    parser.add_argument(
        "--load-only", action="store_true", help="measure only loading and validating (CPU s)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of --load-only (best counts)")
    args = parser.parse_args()
    os.environ["WIJKNET_NO_CACHE"] = "1"
    from wijknet.analysis.standard import analyse
    from wijknet.datasets.region import write_region
    from wijknet.project import Project

    with tempfile.TemporaryDirectory() as tmp:
        folder = write_region(Path(tmp) / "region", copies=args.copies)
        project, load = timed(lambda: Project.from_folder(folder))
        print(f"region: {len(project.wijken)} wijken x {len(project.waves)} waves, "
              f"{len(project.actors)} actors, {len(project.ties)} ties; cores: {os.cpu_count()}")  # fmt: skip
        print(f"load+validate now: {load:.2f} s")
        if args.load_only:
            now = min(load_cpu(folder) for _ in range(args.repeat))
            print(f"load+validate now: {now:.2f} CPU s (best of {args.repeat})")
            if args.old:
                old = old_run(args.old, folder, 0, args.jobs, args.repeat)["load_cpu"]
                print(
                    f"load+validate {args.old}: {old:.2f} CPU s (best of {args.repeat}, x{old / now:.1f})"
                )
            return
        if args.old:
            old = old_run(args.old, folder, args.permutations if args.old_analyse else 0, args.jobs)
            print(f"load+validate {args.old}: {old['load']:.2f} s (x{old['load'] / load:.1f})")
            if "analyse" in old:
                print(f"analyse {args.old} --jobs {args.jobs}: {old['analyse']:.1f} s")
        runs = {}
        for label, kwargs in (
            ("serial", {}),
            (f"joblib --jobs {args.jobs}", {"n_jobs": args.jobs}),
        ):
            result, seconds = timed(lambda kw=kwargs: analyse(Project.from_folder(folder), n_permutations=args.permutations, **kw))  # fmt: skip
            runs[label] = result
            print(f"analyse {label}: {seconds:.1f} s")
        from dask.distributed import LocalCluster

        with LocalCluster(
            n_workers=args.jobs, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            result, seconds = timed(lambda: analyse(Project.from_folder(folder), n_permutations=args.permutations,
                                                    scheduler=cluster.scheduler_address))  # fmt: skip
        runs["dask"] = result
        n = len(project.wijken) * len(project.waves)
        print(f"analyse LocalCluster {args.jobs} workers: {seconds:.1f} s "
              f"({n / seconds / args.jobs:.2f} networks per worker-second)")  # fmt: skip
        outs = {}
        for label, result in runs.items():
            out = Path(tmp) / label.replace(" ", "_")
            result.write(out)
            outs[label] = {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}
        same = all(o == outs["serial"] for o in outs.values())
        print(f"identical CSV files (serial, joblib, dask): {same}")


if __name__ == "__main__":
    main()
