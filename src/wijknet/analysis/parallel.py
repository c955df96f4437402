"""Running the per-network work of ``analyse`` serially, with joblib or on a Dask cluster.

:func:`run_tasks` is shared by :func:`wijknet.analysis.standard.analyse` and
:func:`wijknet.analysis.programme.programme_tables` (docs/scaling.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from joblib import Parallel, delayed, effective_n_jobs

from wijknet.core.blas import single_threaded_blas
from wijknet.project import Project


def _call(project: Project, fn: Callable, args: tuple, kwargs: dict):
    # One BLAS thread in every task, wherever it runs: a multi-threaded BLAS sums in another order,
    # and serial, joblib and Dask runs must give the same digits (parallelism is across networks).
    with single_threaded_blas(user_api=None):
        return fn(project, *args, **kwargs)


def run_tasks(
    project: Project,
    tasks: list[tuple[Callable, tuple, dict]],
    *,
    n_jobs: int = 1,
    scheduler=None,
    progress: Callable[[int, int], None] | None = None,
) -> list:
    """``[fn(project, *args, **kwargs) for fn, args, kwargs in tasks]``, serially, with joblib or on Dask.

    The per-network work of :func:`analyse` (one task per wijk and wave, per
    pair of waves, per lens). Results come back in the order of ``tasks``
    whatever the order in which they finish, and each task seeds its own
    permutations, so serial, ``n_jobs`` and Dask runs give the same numbers.

    Parameters
    ----------
    project : Project
        Sent once to every worker (``Client.scatter(..., broadcast=True)`` on Dask).
    tasks : list of (callable, tuple, dict)
    n_jobs : int
        Processes for joblib (``1``: in this process; ``-1``: all cores).
    scheduler : str, Client or cluster, optional
        A ``dask.distributed`` scheduler address, ``Client`` or cluster
        (anything with ``scheduler_address``, such as ``LocalCluster`` or
        dask-jobqueue's ``SLURMCluster``).
    progress : callable, optional
        ``progress(done, total)`` after each task.
    """
    total = len(tasks)
    if scheduler is not None:
        return _run_dask(project, tasks, scheduler, progress)
    if n_jobs == 1:
        results = []
        for done, (fn, args, kwargs) in enumerate(tasks, start=1):
            results.append(_call(project, fn, args, kwargs))
            if progress is not None:
                progress(done, total)
        return results
    # Every job carries the project, pickled with it: a region's project is tens of MB, so the tasks
    # go in a few groups (the project sent once per group, not once per task).
    groups = _groups(tasks, min(total, TASK_GROUPS_PER_WORKER * effective_n_jobs(n_jobs)))
    jobs = (
        delayed(_call_group)(g, project, [tasks[i] for i in group])
        for g, group in enumerate(groups)
    )
    results: list = [None] * total
    done = 0
    parallel = Parallel(n_jobs=n_jobs, return_as="generator_unordered")
    for g, values in parallel(jobs):
        for i, value in zip(groups[g], values):
            results[i] = value
        done += len(values)
        if progress is not None:
            progress(done, total)
    return results


def _groups(tasks: list, count: int) -> list[list[int]]:
    """The indices of ``tasks`` in ``count`` groups: the tasks of one wijk together, the others in turn.

    A task whose first argument is a wijk (a network, a pair of waves) goes to
    that wijk's group, so the worker builds the wijk's graphs once (the
    project's memo) for all of them; the wijken are dealt out in turn, and the
    other tasks (the lenses) too, which spreads the heavy ones.

    Examples
    --------
    >>> tasks = [(len, ("N", "1"), {}), (len, ("Z", "1"), {}), (len, ("N", "1", "2"), {}), (len, (), {})]
    >>> _groups(tasks, 2)
    [[0, 2, 3], [1]]
    """
    groups: list[list[int]] = [[] for _ in range(count)]
    home: dict[str, int] = {}
    turn = 0
    for i, (_fn, args, _kwargs) in enumerate(tasks):
        if args and isinstance(args[0], str):
            g = home.setdefault(args[0], len(home) % count)
        else:
            g, turn = turn % count, turn + 1
        groups[g].append(i)
    return [group for group in groups if group]


#: Groups of tasks per joblib worker in :func:`run_tasks` (more groups balance better, each costs a
#: copy of the project and builds its wijken's graphs).
TASK_GROUPS_PER_WORKER = 4


def _call_group(group: int, project: Project, tasks: list) -> tuple[int, list]:
    return group, [_call(project, fn, args, kwargs) for fn, args, kwargs in tasks]


def join_parts(parts: list[dict]) -> dict:
    """``{stem: table}`` of tables split by groups of wijken, each table's parts one under the other.

    For the lenses of :mod:`wijknet.analysis.programme` whose rows are of one
    wijk each (their disclosure control too): ``parts`` in wijk order give
    the tables of all wijken.

    Examples
    --------
    >>> import pandas as pd
    >>> join_parts([{"t": pd.DataFrame({"wijk": ["A"]})}, {"t": pd.DataFrame({"wijk": ["B"]})}])["t"]["wijk"].tolist()
    ['A', 'B']
    """
    import pandas as pd

    return {stem: pd.concat([part[stem] for part in parts], ignore_index=True) for stem in parts[0]}


@contextmanager
def _client(scheduler):
    """A ``dask.distributed.Client`` for ``scheduler``; one made here is closed afterwards."""
    from dask.distributed import Client

    if isinstance(scheduler, Client):
        yield scheduler
        return
    client = Client(getattr(scheduler, "scheduler_address", scheduler), set_as_default=False)
    try:
        yield client
    finally:
        client.close()


def _run_dask(project, tasks, scheduler, progress) -> list:
    with _client(scheduler) as client:
        remote = client.scatter(project, broadcast=True, hash=False)
        futures = [client.submit(_call, remote, fn, args, kwargs, pure=False)
                   for fn, args, kwargs in tasks]  # fmt: skip
        results: list = []
        for done, future in enumerate(futures, start=1):  # in the order of the tasks
            results.append(future.result())
            if progress is not None:
                progress(done, len(futures))
        return results


@contextmanager
def dask_batches(scheduler) -> Iterator[Callable]:
    """A ``mapper`` that runs the permutation batches of one model as Dask tasks.

    For the models whose permutations are the cost (the tie-change model:
    thousands of logistic refits): ``mapper(fn, batches)`` submits one task
    per batch and gathers the results in the order of ``batches``, so the
    result equals a local run for the same seed
    (:func:`wijknet.inference.permutation.map_batches`). Each batch carries
    the model's dyad matrices (about 1 MB for a wijk of 120 actors).

    >>> from wijknet.analysis.parallel import dask_batches
    >>> with dask_batches("tcp://scheduler:8786") as mapper:  # doctest: +SKIP
    ...     model = tie_change_model(project, "Daalhof", "2025", "2026", mapper=mapper)
    """
    with _client(scheduler) as client:

        def mapper(fn: Callable, batches: list) -> list:
            return client.gather(client.map(_single_blas, [fn] * len(batches), batches, pure=False))

        yield mapper


def _single_blas(fn: Callable, batch):
    with single_threaded_blas(user_api=None):  # as map_batches runs them locally: the same digits
        return fn(batch)
