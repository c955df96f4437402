"""The one disclosure-control rule for group figures shown to an aggregate-only audience.

A leernetwerk sees counts of people (respondents, actors) and of ties per
wijk, wave, domain and domain pair. A count of 1 to ``min_cell - 1`` can
point at a person in a small wijk, and so can a small count that follows
from the figures shown beside it: a row total minus the visible cells, a
share ``ties / row_share``, a network total, a pooled "all wijken" row minus
the visible wijken. Statistical offices protect such tables with two steps
(Hundepool et al. 2012, chapters 4-5; the CBS and Eurostat guidelines; the
tools tau-argus and sdcTable), and wijknet does the same in one place:

1. **Primary suppression.** Every count ``n`` with ``0 < n < min_cell`` is
   suppressed (the threshold rule).

   *Zero cells are published* by default: a zero says that no tie (or no
   person) of a group of at least ``min_cell`` actors falls in the cell (the
   leernetwerk merges smaller domains into "overig"), which discloses
   nothing about one person. Where a zero does point at each member of a
   known small group (a feedback profile: "none of the others in your
   domain named you"), the caller passes ``sensitive_zeros=True`` and zeros
   are suppressed as well.

2. **Secondary (complementary) suppression.** A *line* is a published (or
   derivable) total with the cells that add up to it: a row or column of a
   table, the network's tie total over all mixing cells, the pooled row
   over the wijken. For every line that holds a suppressed value:

   * at least two of its values (cells and total) are suppressed, so none
     follows from the others by subtraction;
   * when its total is published, the suppressed cells together add up to
     0 or to at least ``min_cell`` (else the suppressed sum itself is a
     small count: "these two cells are 3 people together").

   A line that breaks this gets its smallest published non-zero cell
   suppressed too (ties broken by position), or, when it has none left, its
   total, or, when the total is known to the viewer anyway, a zero cell (a
   cost per value can steer the choice, as the cost functions of
   tau-argus). This repeats until every line holds, and is then checked by an
   audit (:func:`audit`, interval bounds by linear programming as in
   tau-argus' audit step): a suppressed value whose lowest and highest
   feasible value coincide is exactly recoverable, and a cell of its lines
   is suppressed too until no value is recoverable.

3. **Shares from published cells only.** A share next to suppressed cells
   is computed on the sum of the *published* cells of its line
   (:func:`published_shares`), so ``cell / share`` gives only that
   published sum, never the full total; the share of a suppressed cell is
   blank.

Counts of a figure that depends on a suppressed value (a share, an
interval, an E-I index) are blanked with it by the callers
(:mod:`wijknet.analysis.standard`, :mod:`wijknet.analysis.compare`, :mod:`wijknet.analysis.kpi`,
:mod:`wijknet.analysis.feedback`, :mod:`wijknet.report`).

References
----------
Hundepool, A., Domingo-Ferrer, J., Franconi, L., Giessing, S., Schulte
Nordholt, E., Spicer, K., & de Wolf, P.-P. (2012). *Statistical Disclosure
Control*. Wiley. (Threshold rule section 4.2; secondary suppression and
audit section 4.4.)
Eurostat (2017). *Handbook on Statistical Disclosure Control for Outputs*
(SDC for outputs, frequency tables).
de Wolf, P.-P. et al. (2014). *tau-ARGUS user's manual*, version 4.1. CBS.
Meindl, B. (2023). *sdcTable: Methods for Statistical Disclosure Control in
Tabular Data*. R package.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: A line: the index of its total and the indices of the cells that add up to it.
Line = tuple[int, Sequence[int]]


def primary(values, min_cell: int, *, sensitive_zeros: bool = False) -> np.ndarray:
    """The primary suppressions: counts of 1 to ``min_cell - 1`` (and 0 with ``sensitive_zeros``).

    Examples
    --------
    >>> primary([0, 1, 4, 5, 12], 5).tolist()
    [False, True, True, False, False]
    >>> primary([0, 3, 7], 5, sensitive_zeros=True).tolist()
    [True, True, False]
    """
    values = np.asarray(values, dtype=float)
    low = 0 if sensitive_zeros else 1
    return (values >= low) & (values < min_cell)


def _broken(
    line: Line, values: np.ndarray, hidden: np.ndarray, min_cell: int, sensitive_zeros: bool
) -> bool:
    total, parts = line
    parts = list(parts)
    hidden_parts = [p for p in parts if hidden[p]]
    count = len(hidden_parts) + bool(hidden[total])
    if count == 0:
        return False
    if count == 1:
        return True
    if hidden[total]:
        return False
    rest = values[hidden_parts].sum()
    return (0 < rest < min_cell) or (sensitive_zeros and rest == 0)


def _hide_one(
    line: Line, values: np.ndarray, hidden: np.ndarray, known: np.ndarray, cost: np.ndarray
) -> bool:
    """Suppress one more value of ``line``; False when every value of the line is hidden or known.

    The cheapest value goes; among equals a non-zero cell, then the total (a
    hidden zero adds nothing to a hidden sum), then a zero cell; then the
    smallest.
    """
    options = _options(line, values, hidden, known, cost)
    if not options:
        return False
    hidden[min(options)[-1]] = True
    return True


def _options(
    line: Line, values: np.ndarray, hidden: np.ndarray, known: np.ndarray, cost: np.ndarray
) -> list:
    total, parts = line
    options = [
        (cost[p], values[p] == 0, 0, values[p], p) for p in parts if not hidden[p] and not known[p]
    ]
    if not hidden[total] and not known[total]:
        options.append((cost[total], False, 1, values[total], total))
    return options


def audit(values, lines: Sequence[Line], hidden, *, sensitive_zeros: bool = False) -> np.ndarray:
    """Which suppressed values an attacker can recover exactly from the published ones.

    The attacker knows every published value, that each line adds up, and
    that a suppressed non-zero value is at least 1 (zeros are published
    unless ``sensitive_zeros``). For each suppressed value the lowest and highest
    value consistent with that are found by linear programming
    (:func:`scipy.optimize.linprog`); equal bounds mean the value is
    disclosed.

    Parameters
    ----------
    values : array_like of int
        All values: cells and totals.
    lines : sequence of (int, sequence of int)
        ``(total, parts)``: ``values[total] == sum(values[parts])``.
    hidden : array_like of bool
        The suppressed values.
    sensitive_zeros : bool, default False

    Returns
    -------
    numpy.ndarray of bool
        True for each suppressed value that is recoverable.

    Examples
    --------
    One suppressed cell in a row with a published total is recoverable:

    >>> audit([10, 3, 7], [(0, [1, 2])], [False, True, False]).tolist()
    [False, True, False]
    >>> audit([10, 3, 7], [(0, [1, 2])], [False, True, True]).tolist()
    [False, False, False]
    """
    from scipy.optimize import linprog

    values = np.asarray(values, dtype=float)
    hidden = np.asarray(hidden, dtype=bool)
    unknown = np.flatnonzero(hidden)
    out = np.zeros(len(values), dtype=bool)
    if not len(unknown):
        return out
    column = {v: j for j, v in enumerate(unknown)}
    rows, rhs = [], []
    for total, parts in lines:
        members = [(total, -1.0), *((p, 1.0) for p in parts)]
        if not any(hidden[m] for m, _ in members):
            continue
        row = np.zeros(len(unknown))
        known = 0.0
        for m, sign in members:
            if hidden[m]:
                row[column[m]] += sign
            else:
                known += sign * values[m]
        rows.append(row)
        rhs.append(-known)
    if not rows:
        return out
    a_eq, b_eq = np.array(rows), np.array(rhs)
    # The strongest true knowledge: a suppressed non-zero value is at least 1 (zeros are published unless
    # sensitive, or hidden only as a last resort), so the audit errs on the attacker's side.
    bounds = [(1 if values[v] >= 1 and not sensitive_zeros else 0, None) for v in unknown]
    # Fast path: a value is pinned by the equations alone when no direction of their null space moves it;
    # if some feasible point keeps every value strictly above its bound, nothing else can pin it.
    _, singular, vt = np.linalg.svd(a_eq)
    free = np.abs(vt[int((singular > 1e-9).sum()) :]).max(axis=0, initial=0) > 1e-9
    u = len(unknown)
    slack = linprog(
        np.r_[np.zeros(u), -1.0],
        A_ub=np.c_[-np.eye(u), np.ones(u)],
        b_ub=-np.array([b for b, _ in bounds], dtype=float),
        A_eq=np.c_[a_eq, np.zeros(len(a_eq))],
        b_eq=b_eq,
        bounds=[(None, None)] * u + [(None, 1.0)],
        method="highs",
    )
    if slack.status == 0 and -slack.fun > 1e-7:
        out[unknown[~free]] = True
        return out
    for j, v in enumerate(unknown):
        c = np.zeros(len(unknown))
        c[j] = 1.0
        low = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        high = linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        if low.status == 0 and high.status == 0 and -high.fun - low.fun < 0.5:
            out[v] = True
    return out


def protect(
    values,
    lines: Sequence[Line],
    min_cell: int,
    *,
    sensitive_zeros: bool = False,
    known=None,
    unseen=None,
    cost=None,
) -> np.ndarray:
    """Primary and secondary suppression of linked counts: the one rule of this module.

    Parameters
    ----------
    values : array_like of int
        Every count that would be published or follows from what is
        published: cells and totals of all tables shown beside each other.
    lines : sequence of (int, sequence of int)
        ``(total, parts)``: ``values[total]`` is the sum of ``values[parts]``
        (a row, a column, a network total, a pooled row, or an equality
        ``(i, [j])`` for one count shown in two tables).
    min_cell : int
        The smallest count that may be shown (the project's ``min_cell``).
    sensitive_zeros : bool, default False
        Treat zero counts as small too (see the module docstring).
    known : array_like of bool, optional
        Values the viewer knows anyway (a wijkteam's own wijk): never
        suppressed, but used by the attacker.
    unseen : array_like of bool, optional
        Values not shown to the viewer at all (other wijken): treated as
        suppressed, so what is shown cannot give them away.
    cost : array_like of float, optional
        The information lost by suppressing each value (default 1 for all),
        as the cost function of tau-argus: the secondary suppression picks
        the cheapest value of a line; among equals a non-zero cell, then the
        total, then a zero cell; then the smallest. A value that is
        not shown itself (a difference that follows from two shown counts)
        costs 0.

    Returns
    -------
    numpy.ndarray of bool
        True for each value to suppress. Every line with a suppressed value
        has at least two; a line with a published total hides a sum of 0 or
        at least ``min_cell``; no suppressed value can be recovered exactly
        (:func:`audit`).

    Examples
    --------
    A row ``total = a + b + c`` with one small cell: the next smallest cell
    is suppressed too, so ``a`` cannot be worked out as ``total - b - c``:

    >>> protect([20, 2, 7, 11], [(0, [1, 2, 3])], 5).tolist()
    [False, True, True, False]

    Two small cells that add up to a small count (1 + 2 = 3) get a third:

    >>> protect([20, 1, 2, 17], [(0, [1, 2, 3])], 5).tolist()
    [False, True, True, True]

    A small total with nothing left to hide is suppressed as well:

    >>> protect([3, 1, 2], [(0, [1, 2])], 5).tolist()
    [True, True, True]
    """
    values = np.asarray(values, dtype=float)
    known = np.zeros(len(values), dtype=bool) if known is None else np.asarray(known, dtype=bool)
    unseen = np.zeros(len(values), dtype=bool) if unseen is None else np.asarray(unseen, dtype=bool)
    cost = np.ones(len(values)) if cost is None else np.asarray(cost, dtype=float)
    hidden = (primary(values, min_cell, sensitive_zeros=sensitive_zeros) & ~known) | unseen
    while True:
        changed = True
        while changed:
            changed = False
            for line in lines:
                if _broken(line, values, hidden, min_cell, sensitive_zeros):
                    changed |= _hide_one(line, values, hidden, known, cost)
        disclosed = audit(values, lines, hidden, sensitive_zeros=sensitive_zeros)
        if not disclosed.any():
            return hidden
        # One more value, the cheapest of all lines that hold a disclosed value.
        options = [
            o
            for line in lines
            if disclosed[line[0]] or disclosed[list(line[1])].any()
            for o in _options(line, values, hidden, known, cost)
        ]
        if (
            not options
        ):  # every value of those lines is hidden or known already; nothing more can be done
            return hidden
        hidden[min(options)[-1]] = True


def published_shares(values, hidden, groups) -> np.ndarray:
    """Shares of each value in its group, computed over the published values only.

    ``share = value / sum of the published values of its group``; NaN for a
    suppressed value and for a group whose published values add up to 0.
    So ``value / share`` gives the published sum, never a suppressed one.

    Examples
    --------
    >>> published_shares([2, 6, 2], [True, False, False], [0, 0, 0]).round(2).tolist()
    [nan, 0.75, 0.25]
    """
    values = np.asarray(values, dtype=float)
    hidden = np.asarray(hidden, dtype=bool)
    groups = np.asarray(groups)
    shown = np.where(hidden, 0.0, values)
    _, codes = np.unique(groups, return_inverse=True)
    sums = np.bincount(codes, weights=shown)[codes]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(hidden | (sums <= 0), np.nan, shown / np.where(sums > 0, sums, 1))


def _network_lines(n: int, symmetric: bool) -> tuple[list[Line], int]:
    """Lines of one ``n x n`` mixing table (cells ``i * n + j``) and its network totals.

    After the cells come the tie total ``L``, the ties within domains ``I``
    (the diagonal), the ties between domains ``E`` and, per domain ``k``,
    its external ties ``E_k`` (row ``k`` and column ``k`` off the diagonal,
    :func:`wijknet.metrics.ei_index_by_group`); its internal ties ``I_k``
    are the diagonal cell itself.
    """
    cells = list(range(n * n))
    total, inside, between = n * n, n * n + 1, n * n + 2
    diagonal = [k * n + k for k in range(n)]
    off = [c for c in cells if c not in set(diagonal)]
    lines: list[Line] = [(total, cells), (inside, diagonal), (between, off)]
    for k in range(n):
        lines.append(
            (
                n * n + 3 + k,
                [k * n + j for j in range(n) if j != k] + [i * n + k for i in range(n) if i != k],
            )
        )
    if symmetric:  # a symmetrised graph has every tie in both directions: m_ij is m_ji
        lines += [(i * n + j, [j * n + i]) for i in range(n) for j in range(i + 1, n)]
    return lines, n * n + 3 + n


#: Network measures that follow from the tie total, from ``I`` and from ``E``.
_NEEDS_TOTAL = (
    "ties",
    "density",
    "mean_degree",
    "cross_domain_share",
    "ei_index",
    "ei_minus_expected",
)
_NEEDS_SPLIT = ("cross_domain_share", "ei_index", "ei_minus_expected")


def protect_mixing(
    mixing, min_cell: int, *, by: Sequence[str] = ("wijk", "wave"), symmetric: bool = False
):
    """Apply :func:`protect` to tidy mixing tables and the network totals shown beside them.

    Parameters
    ----------
    mixing : pandas.DataFrame
        ``from_domain, to_domain, ties`` for every ordered pair of domains
        of each group ``by`` (as :func:`wijknet.metrics.mixing_matrix`).
    min_cell : int
    by : sequence of str
        The columns that identify one table (one graph).
    symmetric : bool, default False
        The graphs were symmetrised (``m_ij = m_ji``).

    Returns
    -------
    mixing : pandas.DataFrame
        A copy: ``ties`` NaN where suppressed, ``row_share`` from the
        published cells of the row only (:func:`published_shares`), and a
        boolean ``suppressed``.
    hidden : dict
        Per group key (tuple of the ``by`` values): ``{"total", "inside",
        "between"}`` flags of the network totals ``L``, ``I`` and ``E``, and
        ``"internal"``, ``"external"``: sets of domains whose ``I_k`` or
        ``E_k`` is suppressed. Use :func:`protect_network` and
        :func:`protect_ei_domains` to blank them.
    """
    import pandas as pd

    by = list(by)
    parts, hidden_totals = [], {}
    groups = mixing.groupby(by, sort=False) if by else [((), mixing)]
    for key, table in groups:
        key = key if isinstance(key, tuple) else (key,)
        domains = list(dict.fromkeys(table["from_domain"]))
        n = len(domains)
        index = {d: i for i, d in enumerate(domains)}
        counts = np.zeros(n * n)
        rows = [index[a] * n + index[b] for a, b in zip(table["from_domain"], table["to_domain"])]
        counts[rows] = table["ties"].fillna(0).to_numpy(dtype=float)
        m = counts.reshape(n, n)
        diagonal = np.trace(m)
        external = [m[k].sum() + m[:, k].sum() - 2 * m[k, k] for k in range(n)]
        values = np.concatenate([counts, [m.sum(), diagonal, m.sum() - diagonal], external])
        lines, _ = _network_lines(n, symmetric)
        hidden = protect(values, lines, min_cell)
        cell_hidden = hidden[rows]
        out = table.copy()
        out["suppressed"] = cell_hidden
        out["ties"] = out["ties"].astype(float).where(~cell_hidden)
        out["row_share"] = published_shares(
            counts[rows], cell_hidden, out["from_domain"].to_numpy()
        )
        parts.append(out)
        hidden_totals[key] = {
            "total": bool(hidden[n * n]), "inside": bool(hidden[n * n + 1]), "between": bool(hidden[n * n + 2]),
            "internal": {d for d in domains if hidden[index[d] * n + index[d]]},
            "external": {d for d in domains if hidden[n * n + 3 + index[d]]},
        }  # fmt: skip
    out = pd.concat(parts).loc[mixing.index] if parts else mixing.assign(suppressed=False)
    return out, hidden_totals


def hidden_totals(hidden: dict) -> set:
    """The group keys of :func:`protect_mixing`'s ``hidden`` whose network tie total is suppressed.

    A wave comparison must not show such a total as ``ties_from`` or
    ``ties_to`` (:func:`protect_change` ``hidden_totals``).

    Examples
    --------
    >>> hidden_totals({("Noord", "2026"): {"total": True}, ("Zuid", "2026"): {"total": False}, ("Oost", "2026"): {}})
    {('Noord', '2026')}
    """
    return {key for key, flags in hidden.items() if flags and flags["total"]}


def protect_network(network, hidden: dict, *, by: Sequence[str] = ("wijk", "wave")):
    """Blank the network measures that would give away suppressed totals of :func:`protect_mixing`.

    ``network`` is a table with one row per group ``by`` (network metrics or
    a tidy ``measure, value`` table with ``ci_low, ci_high``); the tie total
    and the measures computed from it (density, mean degree, share of
    domain-crossing ties, E-I index) are blanked where ``L``, ``I`` or ``E``
    is suppressed.
    """
    out = network.copy()
    for column in {*_NEEDS_TOTAL, "value", "ci_low", "ci_high"} & set(out.columns):
        out[column] = out[column].astype(float)  # counts become float so that a blank (NaN) fits
    for i, row in out.iterrows():
        flags = hidden.get(tuple(row[c] for c in by))
        if not flags:
            continue
        blank = set(_NEEDS_TOTAL) if flags["total"] else set()
        if flags["inside"] or flags["between"]:
            blank |= set(_NEEDS_SPLIT)
        if "measure" in out.columns:
            if row["measure"] in blank:
                out.loc[i, [c for c in ("value", "ci_low", "ci_high") if c in out.columns]] = np.nan
        else:
            columns = [c for c in blank if c in out.columns]
            out.loc[i, columns] = np.nan
    return out


def protect_ei_domains(
    ei_domains, hidden: dict, *, by: Sequence[str] = ("wijk", "wave"), group: str = "domain"
):
    """Blank ``internal``, ``external`` and ``ei_index`` per domain where :func:`protect_mixing` suppressed them."""
    out = ei_domains.copy()
    out["internal"] = out["internal"].astype(float)
    out["external"] = out["external"].astype(float)
    for i, row in out.iterrows():
        flags = hidden.get(tuple(row[c] for c in by))
        if not flags:
            continue
        internal, external = row[group] in flags["internal"], row[group] in flags["external"]
        if internal:
            out.loc[i, "internal"] = np.nan
        if external:
            out.loc[i, "external"] = np.nan
        if internal or external:
            out.loc[i, "ei_index"] = np.nan
    return out


def protect_counts(table, columns: Sequence[str], min_cell: int, *, derived: dict | None = None):
    """Primary suppression of counts that add up to nothing else shown (no lines).

    Parameters
    ----------
    table : pandas.DataFrame
    columns : sequence of str
        Counts of people or ties; values of 1 to ``min_cell - 1`` become NaN.
    min_cell : int
    derived : dict, optional
        ``{count column: [columns computed from it]}``: blanked with it
        (e.g. a response rate with the number of respondents).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"respondents": [3, 12], "rate": [0.3, 0.6]})
    >>> protect_counts(t, ["respondents"], 5, derived={"respondents": ["rate"]})["rate"].tolist()
    [nan, 0.6]
    """
    out = table.copy()
    for column in columns:
        small = primary(out[column], min_cell)
        out[column] = out[column].astype(float).where(~small)
        for other in (derived or {}).get(column, ()):
            out[other] = out[other].astype(float).where(~small)
    return out


def protect_rows(
    table,
    lines: Sequence[tuple[str, Sequence[str]]],
    min_cell: int,
    *,
    known: Sequence[str] = (),
    derived: dict | None = None,
    cost: dict | None = None,
    about: dict | None = None,
    withheld=None,
):
    """Apply :func:`protect` to each row of ``table`` on its own, with lines between its columns.

    Parameters
    ----------
    table : pandas.DataFrame
        Counts in columns; columns that are not shown but follow from the
        shown ones (a difference of two counts) may be added by the caller
        so that they are protected too.
    lines : sequence of (str, sequence of str)
        ``(total column, part columns)`` that add up in every row.
    min_cell : int
    known : sequence of str
        Columns the viewer knows from other tables (never suppressed here).
    derived : dict, optional
        ``{column: [columns computed from it]}``, blanked with it.
    cost : dict, optional
        ``{column: cost}`` of :func:`protect` (default 1).
    about : dict, optional
        ``{people column: [count columns]}``: counts that describe the people
        counted in ``people column`` (the ties of the newcomers). When fewer
        than ``min_cell`` people (but some) are behind them, those counts are
        about each of these people and are suppressed as primary cells,
        whatever their size; secondary suppression then keeps them from
        being worked out.
    withheld : pandas.DataFrame of bool, optional
        Same index as ``table``, some of its count columns: True where another
        table already hides the count (a network's tie total). Such a count
        is suppressed here too, and secondary suppression keeps it from being
        worked out of the counts beside it.

    Returns
    -------
    pandas.DataFrame
        A copy with the suppressed counts (and what is derived from them) NaN.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"total": [30], "a": [2], "b": [10], "c": [18]})
    >>> protect_rows(t, [("total", ["a", "b", "c"])], 5, known=["total"]).iloc[0].tolist()
    [30.0, nan, nan, 18.0]
    """
    columns = list(dict.fromkeys([c for total, parts in lines for c in (total, *parts)]))
    position = {c: i for i, c in enumerate(columns)}
    index_lines = [(position[total], [position[p] for p in parts]) for total, parts in lines]
    known_mask = np.array([c in set(known) for c in columns])
    costs = np.array([(cost or {}).get(c, 1.0) for c in columns], dtype=float)
    out = table.copy()
    for column in {*columns, *(c for cs in (derived or {}).values() for c in cs)}:
        if column in out.columns:
            out[column] = out[column].astype(float)
    for i in range(len(out)):
        values = out.iloc[i][columns].to_numpy(dtype=float)
        few = np.zeros(len(columns), dtype=bool)
        for people, counts in (about or {}).items():
            if 0 < out.iloc[i][people] < min_cell:
                few[[position[c] for c in counts]] = True
        if withheld is not None:
            row = withheld.iloc[i]
            few[[position[c] for c in row.index[row.to_numpy(dtype=bool)] if c in position]] = True
        hidden = protect(
            np.nan_to_num(values), index_lines, min_cell, known=known_mask, cost=costs, unseen=few
        )
        for column in np.array(columns)[hidden]:
            out.iloc[i, out.columns.get_loc(column)] = np.nan
            for other in (derived or {}).get(column, ()):
                out.iloc[i, out.columns.get_loc(other)] = np.nan
    return out


def is_aggregate_only(project) -> bool:
    """Whether ``project`` was restricted for an audience that sees group figures only (leernetwerk)."""
    audience = getattr(project, "audience", None)
    return audience is not None and not audience.sees_individuals


# -- survey ratings (the PARTNER items): the rating rule -------------------------------------------

#: The fewest different raters an aggregate of ratings (trust, value, intensity) may rest on for an
#: audience that may not see individual ratings (a wijkteam, a leernetwerk); see :func:`rating_groups_allowed`.
MIN_RATERS = 3


def rating_groups_allowed(
    ratings,
    by: Sequence[str],
    audience=None,
    *,
    items: Sequence[str] | None = None,
    parent: Sequence[str] = ("wijk", "wave"),
    waves: Sequence[str] | None = None,
    min_raters: int = MIN_RATERS,
):
    """Which groups of survey ratings an audience may see an aggregate (mean, share, interval) of.

    The one rule for ratings (``docs/privacy.md``, "Beoordelingen"):
    an individual rating (one rater's answer about one partner) is personal
    data, shown only to an ``onderzoeker``. Any other audience sees a figure
    over a group of ratings only when

    1. **at least** ``min_raters`` (:data:`MIN_RATERS`) different raters
       answered one of ``items`` in the group (primary rule);
    2. **no differencing within a wave**: within each ``parent`` group
       (default the wijk and wave, whose network figure is published), the
       suppressed groups together rest on 0 or at least ``min_raters``
       raters; otherwise the published group with the fewest raters (then
       the first by key) is suppressed too, until that holds (so a
       per-organisation mean minus its per-rater-domain means, or the wijk's
       mean minus the published organisations, never isolates one or two
       raters);
    3. **no differencing across waves** (when ``"wave"`` is in ``by``): the
       same group (the other keys of ``by``) published in two waves rests on
       the same raters or on rater sets that differ in at least
       ``min_raters`` raters (symmetric difference); otherwise the later wave's
       group is suppressed (a new rater joining an unchanged panel would
       otherwise be the difference of two means).

    Rules 2 and 3 are repeated until neither suppresses anything more.

    Parameters
    ----------
    ratings : pandas.DataFrame
        Rows of :attr:`wijknet.project.Project.ratings` (``rater`` and the
        ``by`` columns; the caller adds derived ones such as ``from_domain``).
    by : sequence of str
        The grouping of the figure, e.g. ``["wijk", "wave", "from_domain",
        "to_domain"]`` or, per organisation as rated by others, ``["wijk",
        "wave", "rated"]``.
    audience : Audience, str or None
        ``project.audience``; ``None`` (a project not restricted) or an
        ``onderzoeker`` may see every group (also single ratings).
    items : sequence of str, optional
        The items the figure uses (default every item of
        :data:`wijknet.io.tidy.RATING_ITEMS`): a rating counts for a group
        when one of them is answered (not NaN).
    parent : sequence of str
        The published total each group is part of (rule 2); only the keys also
        in ``by`` are used, and rule 2 is skipped when they are all of ``by``.
    waves : sequence of str, optional
        The wave order (``project.waves``); default natural order.
    min_raters : int

    Returns
    -------
    pandas.DataFrame
        One row per group with an answered rating: the ``by`` columns,
        ``raters`` (different raters) and ``allowed`` (bool), sorted by ``by``.

    Raises
    ------
    wijknet.privacy.audience.NotAllowed
        When ``by`` holds ``rater`` for any audience but an ``onderzoeker``
        (a figure per rater is an individual's answers), or ``rated`` for a
        leernetwerk (network-level figures only).

    Examples
    --------
    Partner ``b`` is rated by three raters, ``c`` by one (hand count):

    >>> import pandas as pd
    >>> ratings = pd.DataFrame({"wijk": "N", "wave": "1", "rater": ["a", "d", "e", "a"],
    ...                         "rated": ["b", "b", "b", "c"], "trust_open": [4.0, 3.0, 2.0, 1.0]})
    >>> out = rating_groups_allowed(ratings, ["wijk", "wave", "rated"], "wijkteam:N", items=["trust_open"])
    >>> out[["rated", "raters", "allowed"]].values.tolist()
    [['b', 3, False], ['c', 1, False]]

    ``b`` has three raters, but the wijk's figure minus ``b``'s would give
    ``a``'s rating of ``c``: both are suppressed (rule 2). With ``c`` rated by
    three others as well, both are shown:

    >>> more = pd.concat([ratings, pd.DataFrame({"wijk": "N", "wave": "1", "rater": ["d", "e"],
    ...                                          "rated": ["c", "c"], "trust_open": [2.0, 2.0]})])
    >>> rating_groups_allowed(more, ["wijk", "wave", "rated"], "wijkteam:N")["allowed"].tolist()
    [True, True]
    """
    import pandas as pd

    from wijknet.core.order import natural_key
    from wijknet.io.tidy import RATING_ITEMS
    from wijknet.privacy.audience import Audience

    by = list(by)
    items = [i for i in (items or RATING_ITEMS) if i in ratings.columns]
    seen = Audience.parse(audience) if audience is not None else None
    restricted = seen is not None and not seen.sees_ratings
    if restricted:
        if "rater" in by:
            seen.require(False, "beoordelingen per beoordelaar")
        if not seen.sees_individuals and "rated" in by:
            seen.require(False, "beoordelingen per partij")
    answered = ratings[ratings[items].notna().any(axis=1)] if items else ratings.iloc[0:0]
    columns = [*by, "raters", "allowed"]
    if answered.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    groups = answered.groupby(by, sort=True, dropna=False)["rater"].agg(lambda s: frozenset(s))
    out = groups.rename("_set").reset_index()
    out["raters"] = out["_set"].map(len).astype(int)
    if not restricted:
        out["allowed"] = True
        return out[columns].reset_index(drop=True)
    allowed = (out["raters"] >= min_raters).to_numpy().copy()
    parent_keys = [c for c in parent if c in by]
    wave_keys = [c for c in by if c != "wave"] if "wave" in by else None
    order = (
        list(waves)
        if waves
        else sorted(set(out["wave"]), key=natural_key)
        if wave_keys is not None
        else []
    )
    position = {w: i for i, w in enumerate(order)}
    for _ in range(len(out) + 1):
        before = allowed.copy()
        if parent_keys and len(parent_keys) < len(by):
            for _, idx in out.groupby(parent_keys, sort=False).indices.items():
                while True:
                    hidden = [i for i in idx if not allowed[i]]
                    suppressed = (
                        frozenset().union(*(out["_set"].iat[i] for i in hidden))
                        if hidden
                        else frozenset()
                    )
                    if len(suppressed) == 0 or len(suppressed) >= min_raters:
                        break
                    shown = [i for i in idx if allowed[i]]
                    if not shown:
                        break
                    allowed[min(shown, key=lambda i: (out["raters"].iat[i], i))] = False
        if wave_keys is not None:
            for _, idx in out.groupby(wave_keys, sort=False, dropna=False).indices.items() if wave_keys else \
                    [(None, list(range(len(out))))]:  # fmt: skip
                published: list[frozenset] = []
                for i in sorted(idx, key=lambda i: position.get(out["wave"].iat[i], len(position))):
                    if not allowed[i]:
                        continue
                    now = out["_set"].iat[i]
                    if any(0 < len(now ^ earlier) < min_raters for earlier in published):
                        allowed[i] = False
                        continue
                    published.append(now)
        if (allowed == before).all():
            break
    out["allowed"] = allowed
    return out[columns].reset_index(drop=True)


def audit_means(masks: np.ndarray, fixed: int = 0) -> np.ndarray:
    """Which published means may stay so that no single answer follows from them all together.

    Each row of ``masks`` is one published mean (with its number of answers):
    a 0/1 vector over the individual answers of one wijk and wave (one score,
    such as trust). Together they are linear equations in the answers; an
    answer is recovered exactly when its unit vector lies in their row space
    (a combination of sums and differences of the published figures). While
    one is, the smallest removable mean of the combination that gives it is
    withdrawn (then the first), and the search starts again. The rating rule
    (:func:`rating_groups_allowed`) guards each table; this audit guards the
    tables an audience sees side by side (the domain pairs and the partners).

    Parameters
    ----------
    masks : numpy.ndarray
        ``(means, answers)`` 0/1 matrix.
    fixed : int
        The first ``fixed`` rows are published already and stay (a table
        audited before); only later rows are withdrawn.

    Returns
    -------
    numpy.ndarray of bool
        Per row, whether it may be published. When an answer follows from
        fixed rows alone, the search stops there (the fixed table's own audit
        is the caller's).

    Examples
    --------
    Three answers; the network mean minus a partner's mean of the first two
    gives the third, and minus the mean of the last two the first (hand
    count), so both partner means go; one of them alone would be safe:

    >>> masks = np.array([[1, 1, 1], [1, 1, 0], [0, 1, 1]], dtype=float)
    >>> audit_means(masks, fixed=1).tolist()
    [True, False, False]
    >>> audit_means(masks[:2], fixed=1).tolist()
    [True, False]
    >>> audit_means(np.array([[1, 1, 1, 1], [1, 1, 0, 0]]), fixed=1).tolist()
    [True, True]
    """
    masks = np.asarray(masks, dtype=float)
    keep = np.ones(masks.shape[0], dtype=bool)
    while keep.any():
        found = _recovered(masks[keep])
        if not found.any():
            return keep
        answer = int(np.flatnonzero(found)[0])
        rows = np.flatnonzero(keep)
        # the means whose combination gives the answer: withdrawing one of them breaks it
        weights = np.linalg.lstsq(masks[rows].T, np.eye(masks.shape[1])[answer], rcond=None)[0]
        used = [i for i, w in zip(rows, weights) if i >= fixed and abs(w) > 1e-9]
        if not used:
            return keep
        keep[min(used, key=lambda i: (masks[i].sum(), i))] = False
    return keep


def _recovered(masks: np.ndarray) -> np.ndarray:
    """Per answer, whether its unit vector lies in the row space of ``masks``."""
    if masks.size == 0:
        return np.zeros(masks.shape[1], dtype=bool)
    _, s, vt = np.linalg.svd(masks, full_matrices=False)
    basis = vt[s > 1e-9 * max(s.max(), 1.0)]
    return np.isclose((basis**2).sum(axis=0), 1.0, atol=1e-8)
