"""Serial, joblib and Dask runs of ``analyse`` give the same tables (wijknet.analysis.standard.run_tasks)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.webapp.test_pages import write_project
from wijknet.analysis import parallel
from wijknet.analysis.standard import analyse, run_tasks
from wijknet.project import Project


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Project:
    folder = write_project(tmp_path_factory.mktemp("scale") / "p", n=14)
    return Project.from_folder(folder)


def tables(result) -> dict[str, pd.DataFrame]:
    out = {"actor_metrics": result.actor_metrics, "network_metrics": result.network_metrics,
           "mixing": result.mixing, "ei_domains": result.ei_domains, "change": result.change}  # fmt: skip
    return out | result.programme


def assert_same(a, b) -> None:
    ta, tb = tables(a), tables(b)
    assert list(ta) == list(tb)
    for name in ta:  # identical CSV text: the same digits, not just close
        assert ta[name].to_csv(index=False) == tb[name].to_csv(index=False), name


@pytest.fixture(scope="module")
def serial(small):
    return analyse(small, n_permutations=20, seed=3)


def test_joblib_equals_serial(small, serial):
    assert_same(serial, analyse(small, n_permutations=20, seed=3, n_jobs=2))


def test_dask_equals_serial(small, serial):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:  # fmt: skip
        seen = []
        result = analyse(small, n_permutations=20, seed=3, scheduler=cluster.scheduler_address,
                         progress=lambda done, total: seen.append((done, total)))  # fmt: skip
        assert_same(serial, result)
        assert seen[-1][0] == seen[-1][1] == 2 * 2 + 2  # 2 wijken x 2 waves, 1 pair each
        with distributed.Client(cluster) as client:  # a Client is accepted as well
            assert_same(serial, analyse(small, n_permutations=20, seed=3, scheduler=client))


def test_another_seed_changes_the_p_values(small, serial):
    other = analyse(small, n_permutations=20, seed=4)
    assert not serial.network_metrics["ei_p_value"].equals(other.network_metrics["ei_p_value"])


def _count(project, wijk, *, add):  # a task: the number of actors of a wijk plus add
    return int((project.actors["wijk"] == wijk).sum()) + add


def test_run_tasks_keeps_the_order_of_the_tasks(small):
    tasks = [(_count, (w,), {"add": i}) for i, w in enumerate(["Zuid", "Noord", "Zuid"])]
    # 14 actors per wijk (write_project n=14): 14 + 0, 14 + 1, 14 + 2
    assert run_tasks(small, tasks) == [14, 15, 16]
    assert run_tasks(small, tasks, n_jobs=2) == [14, 15, 16]
    # more tasks than groups of tasks (each group carries the project once; a wijk's tasks share
    # one group): still in task order
    wijken = ["Noord", "Zuid"] * 11 + ["Noord"]
    many = [(_count, (w,), {"add": i}) for i, w in enumerate(wijken)]
    done = []
    assert run_tasks(small, many, n_jobs=2, progress=lambda d, t: done.append((d, t))) == [
        14 + i for i in range(23)
    ]
    assert done[-1] == (23, 23) and len(done) == 2  # one group per wijk here
    groups = parallel._groups(many, 2 * parallel.TASK_GROUPS_PER_WORKER)
    assert sorted(i for g in groups for i in g) == list(range(23))
    assert all(len({wijken[i] for i in g}) == 1 for g in groups)


def test_graph_memo_returns_fresh_copies(small):
    G = small.graph("Noord", "2025")
    n = G.number_of_nodes()
    G.remove_node(next(iter(G)))  # a caller changing its graph does not change the next one
    assert small.graph("Noord", "2025").number_of_nodes() == n
    assert small.graph("Noord", "2025", min_weight=100).number_of_edges() == 0


def test_permutation_batches_on_dask_equal_a_local_run(small):
    """The permutation batches of a model as Dask tasks, in worker processes (so
    the batch function and its matrices travel by pickle): the same numbers."""
    distributed = pytest.importorskip("dask.distributed")
    import numpy as np

    from wijknet.analysis.evaluation import what_works_where
    from wijknet.analysis.parallel import dask_batches
    from wijknet.analysis.tiechange import tie_change_model
    from wijknet.inference import mrqap

    rng = np.random.default_rng(1)
    before = (rng.random((12, 12)) < 0.3).astype(float)
    after = ((before + (rng.random((12, 12)) < 0.2)) > 0).astype(float)
    for m in (before, after):
        np.fill_diagonal(m, 0)
    local = mrqap(after, {"before": before}, family="binomial", n_permutations=40, seed=2,
                  batch_size=7)  # fmt: skip
    pair = (small.wijken[0], *list(small.waves)[:2])
    model = tie_change_model(small, *pair, n_permutations=30, seed=3)
    pooled = what_works_where(small, n_permutations=20, seed=3)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:  # fmt: skip
        with dask_batches(cluster) as mapper:
            remote = mrqap(after, {"before": before}, family="binomial", n_permutations=40,
                           seed=2, batch_size=7, mapper=mapper)  # fmt: skip
            model_on_dask = tie_change_model(small, *pair, n_permutations=30, seed=3, mapper=mapper)
        on_dask = what_works_where(small, n_permutations=20, seed=3, scheduler=cluster)
    pd.testing.assert_frame_equal(remote.table, local.table)
    np.testing.assert_array_equal(remote.null_distribution, local.null_distribution)
    pd.testing.assert_frame_equal(model_on_dask.table, model.table)
    pd.testing.assert_frame_equal(on_dask.table, pooled.table)
