"""Which wijken and waves hold data: partial data as a normal state.

A project store fills up one import at a time: after a first import of one
wijk and one wave, the other wijken and waves exist (in the actor register or
the configuration) but hold no ties. The app opens on what has data
(:func:`default_selection`), every page says what is missing
(:func:`has_data`), and a comparison with a wave without data is not made
(:func:`comparable`) instead of counting every tie as lost.

"Data" here means at least one tie (any type, any weight) of the wijk in the
wave: that is what every network page draws and counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from wijknet.project import Project


def _pairs(project: Project) -> set[tuple[str, str]]:
    ties = project.ties
    if ties is None or ties.empty:
        return set()
    # Distinct pairs first: iterating every tie's strings (Arrow-backed) was most of a page's wait.
    pairs = ties[["wijk", "wave"]].drop_duplicates()
    return set(zip(pairs["wijk"].astype(str), pairs["wave"].astype(str), strict=True))


def _filled(pairs: set[tuple[str, str]], wijk: str | None, wave: str | None) -> bool:
    """Whether one of ``pairs`` (:func:`_pairs`) is ``wijk`` and ``wave``; ``None`` stands for any."""
    return any(
        (wijk is None or k == str(wijk)) and (wave is None or w == str(wave)) for k, w in pairs
    )


def has_data(project: Project, wijk: str | None, wave: str | None) -> bool:
    """Whether ``wijk`` has at least one tie in ``wave``.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> p = SimpleNamespace(wijken=["Noord", "Zuid"], waves=["2025", "2026", "2027"],
    ...                     ties=pd.DataFrame({"wijk": ["Zuid"], "wave": ["2026"]}))
    >>> has_data(p, "Zuid", "2026"), has_data(p, "Noord", "2026"), has_data(p, "Zuid", "2027")
    (True, False, False)
    """
    if wijk is None or wave is None:
        return False
    return (str(wijk), str(wave)) in _pairs(project)


def waves_with_data(project: Project, wijk: str | None = None) -> list[str]:
    """The waves (in the project's order) with at least one tie, of ``wijk`` or of any wijk.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> p = SimpleNamespace(wijken=["Noord", "Zuid"], waves=["2025", "2026", "2027"],
    ...                     ties=pd.DataFrame({"wijk": ["Zuid"], "wave": ["2026"]}))
    >>> waves_with_data(p), waves_with_data(p, "Noord")
    (['2026'], [])
    """
    pairs = _pairs(project)
    return [w for w in project.waves if _filled(pairs, wijk, w)]


def wijken_with_data(project: Project, wave: str | None = None) -> list[str]:
    """The wijken (in the project's order) with at least one tie, in ``wave`` or in any wave.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> p = SimpleNamespace(wijken=["Noord", "Zuid"], waves=["2025", "2026", "2027"],
    ...                     ties=pd.DataFrame({"wijk": ["Zuid"], "wave": ["2026"]}))
    >>> wijken_with_data(p), wijken_with_data(p, "2025")
    (['Zuid'], [])
    """
    pairs = _pairs(project)
    return [k for k in project.wijken if _filled(pairs, k, wave)]


def default_selection(
    project: Project, wijk: str | None = None, wave: str | None = None
) -> tuple[str | None, str | None]:
    """The wijk and wave the app opens on: the latest wave that has data, and a wijk with data in it.

    A valid current choice (``wijk``, ``wave`` both known to the project) is
    kept, even without data: the user chose it and the page then says what
    is missing. Otherwise the latest wave with data and the first wijk with
    data in that wave; without any data the last wave and the first wijk.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> p = SimpleNamespace(wijken=["Noord", "Zuid"], waves=["2025", "2026", "2027"],
    ...                     ties=pd.DataFrame({"wijk": ["Zuid"], "wave": ["2026"]}))
    >>> default_selection(p)  # the latest wave with data, not 2027; the wijk with data
    ('Zuid', '2026')
    >>> default_selection(p, "Noord", "2027")  # a valid choice is kept
    ('Noord', '2027')
    """
    wijken, waves = list(project.wijken), list(project.waves)
    if not wijken or not waves:
        return None, None
    if wijk in wijken and wave in waves:
        return wijk, wave
    with_data = waves_with_data(project)
    if wave not in waves:
        wave = with_data[-1] if with_data else waves[-1]
    if wijk not in wijken:
        here = wijken_with_data(project, wave) or wijken_with_data(project)
        wijk = here[0] if here else wijken[0]
    return wijk, wave


def comparable(project: Project, wijk: str, wave_from: str, wave_to: str) -> list[str]:
    """The waves of a comparison that hold no data for ``wijk`` (empty: the comparison can be made).

    A comparison with a wave without ties would count every tie of the
    other wave as new or lost; the app says the comparison is not possible.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> p = SimpleNamespace(wijken=["Noord", "Zuid"], waves=["2025", "2026", "2027"],
    ...                     ties=pd.DataFrame({"wijk": ["Zuid"], "wave": ["2026"]}))
    >>> comparable(p, "Zuid", "2025", "2026")
    ['2025']
    """
    return [w for w in (wave_from, wave_to) if not has_data(project, wijk, w)]


@dataclass(frozen=True)
class Comparison:
    """What the comparison of wijken describes: one object for its caption and its content.

    ``chosen`` is the wave of the sidebar; ``wave`` the wave described (the
    latest wave with data up to the chosen one, None without any);
    ``wijken`` the wijken with data in ``wave``; ``waves`` the waves with data
    up to ``wave``. :meth:`restrict` cuts a table of all wijken and waves
    down to exactly this, so a summary never speaks of another wave than
    the caption.
    """

    chosen: str | None
    wave: str | None
    wijken: list[str] = field(default_factory=list)
    waves: list[str] = field(default_factory=list)

    @property
    def possible(self) -> bool:
        """Whether at least two wijken have data in the wave described."""
        return len(self.wijken) >= 2

    def restrict(self, table: pd.DataFrame | None) -> pd.DataFrame | None:
        """The rows of ``table`` of these wijken and waves (columns ``wijk``, ``wave``, ``wave_to`` where present)."""
        if table is None:
            return None
        keep = pd.Series(True, index=table.index)
        if "wijk" in table.columns:
            keep &= table["wijk"].astype(str).isin(self.wijken)
        for column in ("wave", "wave_to"):
            if column in table.columns:
                keep &= table[column].astype(str).isin(self.waves)
        return table[keep]


def comparison(project: Project, wave: str | None) -> Comparison:
    """The :class:`Comparison` of the wijken for the chosen ``wave``.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> p = SimpleNamespace(wijken=["Noord", "Zuid"], waves=["2025", "2026", "2027"],
    ...                     ties=pd.DataFrame({"wijk": ["Zuid", "Noord", "Zuid"], "wave": ["2025", "2025", "2026"]}))
    >>> c = comparison(p, "2027")  # 2027 has no data: the comparison describes 2026, one wijk
    >>> c.wave, c.wijken, c.waves, c.possible
    ('2026', ['Zuid'], ['2025', '2026'], False)
    >>> comparison(p, "2025").wijken
    ['Noord', 'Zuid']
    """
    waves = list(project.waves)
    upto = waves[: waves.index(wave) + 1] if wave in waves else waves
    with_data = [w for w in waves_with_data(project) if w in upto]
    described = with_data[-1] if with_data else None
    return Comparison(
        chosen=wave,
        wave=described,
        wijken=wijken_with_data(project, described) if described else [],
        waves=with_data,
    )
