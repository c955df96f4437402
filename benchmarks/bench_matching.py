"""The registry's fuzzy name matching: scikit-learn TF-IDF (today) against rapidfuzz, on the labelled variants.

Run from the repository root::

    python benchmarks/bench_matching.py

The labelled set is ``tests/fixtures/registry/variants.csv``: 71 written-in
names, each with the actor of the Daalhof demo wijk it means (59) or none
(12 names of parties that are not in the wijk). Both matchers see the same
normalised strings (:func:`wijknet.resolve.matching.normalise`, actor name,
organisation + name) and use the same acceptance rule: the best actor is
accepted when its score reaches the threshold and no other actor comes within
:data:`~wijknet.resolve.matching.MARGIN`. Only the similarity differs:

- ``tfidf``: cosine similarity of character 2-4-gram TF-IDF vectors
  (:func:`wijknet.resolve.matching.match_names`);
- ``rapidfuzz.<scorer>``: a rapidfuzz similarity, scaled to 0-1.

For every matcher and every threshold from 0.50 to 0.99 (step 0.01) the
script counts precision (correct / accepted) and recall (correct / names that
have an actor); the *best threshold* is the one with the highest F1 (ties:
the higher threshold). It prints a Markdown table of the best rows and the
precision and recall of each matcher at the project's default threshold.
The demo data are made with a fixed seed, and the computation has no other
randomness, so the numbers are the same on every run.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from wijknet.datasets.demo import make_demo
from wijknet.resolve.matching import (
    DEFAULT_THRESHOLD,
    MARGIN,
    _actor_strings,
    match_names,
    normalise,
)

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ROOT / "tests" / "fixtures" / "registry" / "variants.csv"
SEED = 20250101  # make_demo's own default seed is used; kept here for the record
THRESHOLDS = np.round(np.arange(0.50, 1.00, 0.01), 2)
SCORERS = ("ratio", "token_sort_ratio", "token_set_ratio", "WRatio", "QRatio")


def labelled() -> tuple[pd.DataFrame, pd.DataFrame]:
    actors, _ = make_demo()
    return pd.read_csv(VARIANTS, dtype=str, keep_default_na=False), actors[
        actors["wijk"] == "Daalhof"
    ]


def tfidf_best(
    mentions: list[str], actors: pd.DataFrame
) -> tuple[list[str], list[float], list[float]]:
    """Best actor, its score and the runner-up's score per mention, from match_names (threshold 0)."""
    found = match_names(mentions, actors, threshold=0.0)
    runner = [c[1]["score"] if len(c) > 1 else 0.0 for c in found["candidates"]]
    return list(found["actor_id"]), list(found["score"]), runner


def rapidfuzz_best(mentions: list[str], actors: pd.DataFrame, scorer_name: str):
    """The same per-actor best string, with a rapidfuzz scorer instead of TF-IDF cosine."""
    from rapidfuzz import fuzz, process

    scorer = getattr(fuzz, scorer_name)
    strings, owners = _actor_strings(actors, None)
    owner_ids = sorted(set(owners))
    position = {a: i for i, a in enumerate(owner_ids)}
    sims = process.cdist([normalise(m) for m in mentions], strings, scorer=scorer) / 100.0
    best_ids, best_scores, runners = [], [], []
    for row in sims:
        per_actor = np.zeros(len(owner_ids))
        for j, owner in enumerate(owners):
            per_actor[position[owner]] = max(per_actor[position[owner]], row[j])
        order = sorted(range(len(owner_ids)), key=lambda i: (-per_actor[i], owner_ids[i]))
        best_ids.append(owner_ids[order[0]] if per_actor[order[0]] > 0 else "")
        best_scores.append(round(float(per_actor[order[0]]), 4))
        runners.append(round(float(per_actor[order[1]]), 4) if len(order) > 1 else 0.0)
    return best_ids, best_scores, runners


def precision_recall(
    truth: pd.Series, best, scores, runners, threshold: float
) -> tuple[float, float]:
    accepted = [
        s >= threshold and s - r >= MARGIN and b != "" for b, s, r in zip(best, scores, runners)
    ]
    correct = sum(a and b == t for a, b, t in zip(accepted, best, truth))
    return correct / max(sum(accepted), 1), correct / int((truth != "").sum())


def evaluate(name: str, truth: pd.Series, best, scores, runners, seconds: float) -> dict:
    rows = []
    for threshold in THRESHOLDS:
        p, r = precision_recall(truth, best, scores, runners, float(threshold))
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((f1, float(threshold), p, r))
    f1, threshold, p, r = max(rows)  # highest F1, then the higher threshold
    p_default, r_default = precision_recall(truth, best, scores, runners, DEFAULT_THRESHOLD)
    return {
        "matcher": name,
        "best threshold": threshold,
        "precision": p,
        "recall": r,
        "F1": f1,
        f"precision at {DEFAULT_THRESHOLD}": p_default,
        f"recall at {DEFAULT_THRESHOLD}": r_default,
        "ms (warm)": round(1000 * seconds, 1),
    }


def timed(fn, *args, repeats: int = 3):
    """The output and the best of ``repeats`` warm runs in seconds (the first run imports the library)."""
    out = fn(*args)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return out, min(times)


def markdown(table: pd.DataFrame) -> str:
    cells = [[f"{v:.3f}" if isinstance(v, float) else str(v) for v in row] for row in table.values]
    lines = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in cells])


def main() -> int:
    variants, actors = labelled()
    mentions, truth = list(variants["mention"]), variants["actor_id"]
    results = []
    out, seconds = timed(tfidf_best, mentions, actors)
    results.append(evaluate("tfidf (scikit-learn)", truth, *out, seconds))
    try:
        import rapidfuzz
    except ImportError:
        print("rapidfuzz is not installed: only TF-IDF measured", file=sys.stderr)
    else:
        for scorer in SCORERS:
            out, seconds = timed(rapidfuzz_best, mentions, actors, scorer)
            results.append(
                evaluate(f"rapidfuzz {rapidfuzz.__version__} {scorer}", truth, *out, seconds)
            )
    table = pd.DataFrame(results)
    print(f"{len(variants)} labelled names, {int((truth != '').sum())} with an actor, "
          f"{len(actors)} candidate actors (Daalhof); margin {MARGIN}\n")  # fmt: skip
    print(markdown(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
