"""A fictional region for benchmarks: the demo's wijken cloned (150 wijken x 3 waves by default).

:func:`make_region` copies every table of :func:`wijknet.datasets.demo.make_tables`
``copies`` times; copy ``k`` renames each wijk to ``"<wijk> k"`` and prefixes
every actor id with ``"R<k>-"``; a ppi row about a wijk follows it, the programme's ppi rows come once (in actors, ties, responses, ratings,
actor_waves and the themes' interviewee and actor lists). With 25 copies of
the 6 demo wijken: 150 wijken, about 16,000 actors and 290,000 ties, the
size of a region such as Parkstad Limburg at the demo's density. All data
are invented (``synthetic: true``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from wijknet.datasets.demo import COMPARISON_STORY, CONFIG_YAML, TABLES, make_tables
from wijknet.io.tidy import PROGRAMME as PROGRAMME_SCOPE

#: Columns holding one actor id, per table.
_ACTOR_COLUMNS = {
    "actors": ["actor_id"],
    "ties": ["source", "target"],
    "responses": ["actor_id"],
    "ratings": ["rater", "rated"],
    "actor_waves": ["actor_id"],
    "themes": ["interviewee"],
}


def _copy(table: pd.DataFrame, name: str, k: int) -> pd.DataFrame:
    out = table.copy()
    prefix = f"R{k:03d}-"
    if "wijk" in out.columns:
        out["wijk"] = out["wijk"].astype(str) + f" {k:03d}"
    # ppi: a wijk's rows follow its clone; the programme's rows come once (else duplicates).
    if "scope" in out.columns:
        programme = out["scope"].eq(PROGRAMME_SCOPE)
        out = out[~programme | (k == 1)].copy()
        out["scope"] = out["scope"].where(programme, out["scope"].astype(str) + f" {k:03d}")
    for column in _ACTOR_COLUMNS.get(name, []):
        if column in out.columns:
            values = out[column].astype(str)
            out[column] = values.where(values.eq("") | out[column].isna(), prefix + values)
    if name == "themes" and "actors" in out.columns:
        out["actors"] = (
            out["actors"]
            .fillna("")
            .astype(str)
            .map(lambda v: ";".join(prefix + a for a in v.split(";") if a))
        )
    for column in ("interview_id", "segment_id"):
        if column in out.columns:
            values = out[column].fillna("").astype(str)
            out[column] = values.where(values.eq(""), prefix + values)
    return out


def make_region(copies: int = 25, seed: int = 2025) -> dict[str, pd.DataFrame]:
    """The demo's pilot tables cloned ``copies`` times (``6 * copies`` wijken, 3 waves).

    Parameters
    ----------
    copies : int, default 25
        How many times the 6 pilot wijken of the demo are repeated (25: 150 wijken).
    seed : int
        Seed of the demo that is cloned.

    Returns
    -------
    dict of str to pandas.DataFrame
        Keyed as :data:`wijknet.datasets.demo.TABLES`.

    Examples
    --------
    >>> tables = make_region(copies=2)
    >>> tables["actors"]["wijk"].nunique()
    12
    >>> tables["actors"]["actor_id"].is_unique
    True
    """
    # The six pilot wijken only: the two small comparison wijken (issue 15) would change the mix.
    demo = {name: _pilots_only(table) for name, table in make_tables(seed).items()}
    return {name: pd.concat([_copy(demo[name], name, k) for k in range(1, copies + 1)],
                            ignore_index=True) for name in TABLES}  # fmt: skip


def _pilots_only(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``table`` about the demo's pilot wijken (and the programme)."""
    for column in ("wijk", "scope"):
        if column in table.columns:
            table = table[~table[column].isin(COMPARISON_STORY)]
    return table.reset_index(drop=True)


def write_region(folder: str | Path, copies: int = 25, seed: int = 2025) -> Path:
    """Write :func:`make_region` as a tidy project folder (CSV files and ``wijknet.yaml``); returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in make_region(copies, seed).items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            table.to_csv(fh, index=False, lineterminator="\n")
    (folder / "wijknet.yaml").write_bytes(CONFIG_YAML.encode("utf-8"))
    return folder
