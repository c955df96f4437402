"""Shared fixtures of the report tests: the fictional demo project, analysed once."""

from __future__ import annotations

import pytest

import wijknet
from wijknet.datasets.demo import write_demo

PERMUTATIONS = 99  # small, the same in the report and in analyse


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory):
    return write_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="session")
def demo(demo_folder):
    return wijknet.load_project(demo_folder)


@pytest.fixture(scope="session")
def analysis(demo):
    return wijknet.analyse(demo, n_permutations=PERMUTATIONS, seed=0)


@pytest.fixture(scope="session")
def daalhof(demo):
    from wijknet.report import build_wijk_report

    return build_wijk_report(demo, "Daalhof", "2026", n_permutations=PERMUTATIONS, seed=0)


@pytest.fixture(scope="session")
def programme(demo):
    from wijknet.report import build_programme_report

    return build_programme_report(demo, n_permutations=PERMUTATIONS, seed=0)
