"""Small-cell suppression of group figures for audiences that see aggregates only.

A figure computed from fewer than ``threshold`` people (respondents, actors,
ties) can point at a person in a small wijk; statistical offices therefore
suppress such cells (Hundepool et al. 2012, *Statistical Disclosure
Control*, Wiley, section 5.2 on threshold rules). wijknet applies the rule
for the ``leernetwerk`` audience with the threshold ``min_cell`` of the
project (default 5).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def suppress_small(table: pd.DataFrame, count: str, columns: Sequence[str], threshold: int) -> pd.DataFrame:
    """Blank ``columns`` (NaN) in rows whose ``count`` is below ``threshold``.

    Parameters
    ----------
    table : pandas.DataFrame
    count : str
        The column with the number of people or ties behind each row; it is
        blanked too, since the count itself is the small figure.
    columns : sequence of str
        The figures computed from those people.
    threshold : int
        The smallest group that may be shown.

    Returns
    -------
    pandas.DataFrame
        A copy with a boolean column ``suppressed``.

    Examples
    --------
    >>> t = pd.DataFrame({"n": [2, 8], "share": [0.5, 0.25]})
    >>> suppress_small(t, "n", ["share"], 5)["share"].tolist()
    [nan, 0.25]
    """
    out = table.copy()
    small = out[count].astype(float) < threshold
    for column in (*columns, count):
        out[column] = out[column].astype(float).where(~small, np.nan)
    out["suppressed"] = small.to_numpy()
    return out


def is_aggregate_only(project) -> bool:
    """Whether ``project`` was restricted for an audience that sees group figures only (leernetwerk)."""
    audience = getattr(project, "audience", None)
    return audience is not None and not audience.sees_individuals
