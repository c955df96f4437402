"""Values derived from an object that live as long as the object: graphs of a project, its actors per wave.

A loaded :class:`wijknet.project.Project` is asked for the same derived tables
and graphs many times (the programme lenses of ``analyse`` build the same graph
hundreds of times); :func:`memo` gives each object one dictionary for them,
dropped when the object is collected.
"""

from __future__ import annotations

import weakref

_MEMO: dict[int, dict] = {}  # id(project) -> {key: value}; dropped when the project is collected
MEMO_SIZE = (
    4096  # values kept per project (a region of 150 wijken x 3 waves holds 450 graphs per view)
)


def memo(project) -> dict:
    """A dictionary of derived values that lives as long as ``project`` (empty and unused if it cannot).

    For values computed from a project's tables that callers ask for again and
    again (graphs, the actors present in a wave); keys must hold the ``id`` and
    length of the tables they read. A project whose tables are edited in place
    without changing their length gets old values back: treat a loaded project
    as read-only. Stops storing at :data:`MEMO_SIZE` values.

    Examples
    --------
    >>> class Thing:
    ...     pass
    >>> a, b = Thing(), Thing()
    >>> memo(a)["x"] = 1
    >>> memo(a)["x"], "x" in memo(b)
    (1, False)
    >>> memo(3)["x"] = 1  # an int cannot be weakly referenced: nothing is kept
    >>> "x" in memo(3)
    False
    """
    store = _MEMO.get(id(project))
    if store is None:
        store = _MEMO[id(project)] = _Bounded()
        try:
            weakref.finalize(project, _MEMO.pop, id(project), None)
        except TypeError:  # not weak-referenceable: no memo
            _MEMO.pop(id(project), None)
            return _Bounded(limit=0)
    return store


class _Bounded(dict):
    """A dict that ignores new keys once it holds ``limit`` values."""

    def __init__(self, limit: int = MEMO_SIZE):
        super().__init__()
        self.limit = limit

    def __setitem__(self, key, value):
        if key in self or len(self) < self.limit:
            super().__setitem__(key, value)


def rows_where(frame, columns: tuple[str, ...], values: tuple):
    """The rows of ``frame`` whose ``columns`` equal ``values``, in table order (as a boolean filter gives).

    The row positions of every combination are found once per table (one
    groupby, kept in the table's :func:`memo`), so asking for one wijk and
    wave among hundreds costs a lookup instead of a scan of the whole table:
    a region's 450 networks otherwise scan its 300,000 ties 450 times.

    Examples
    --------
    >>> import pandas as pd
    >>> ties = pd.DataFrame({"wijk": ["N", "Z", "N"], "wave": ["1", "1", "2"], "source": ["a", "b", "c"]})
    >>> rows_where(ties, ("wijk", "wave"), ("N", "1"))["source"].tolist()
    ['a']
    >>> len(rows_where(ties, ("wijk", "wave"), ("O", "1")))
    0
    """
    store = memo(frame)
    key = ("rows", columns, len(frame))
    positions = store.get(key)
    if positions is None:
        positions = store[key] = (
            frame.groupby(list(columns), sort=False).indices if len(frame) else {}
        )
    found = positions.get(values if len(columns) > 1 else values[0])
    return frame.iloc[found] if found is not None else frame.iloc[0:0]
