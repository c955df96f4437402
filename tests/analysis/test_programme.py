"""The programme lenses split by groups of wijken give the tables of each lens run whole (issue 17)."""

from __future__ import annotations

import pandas as pd
import pytest

from wijknet.analysis import programme
from wijknet.datasets.demo import write_demo
from wijknet.privacy import Audience
from wijknet.privacy.load import load_project


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    return write_demo(tmp_path_factory.mktemp("programme") / "demo")


@pytest.mark.parametrize("audience", ["onderzoeker", "leernetwerk"])
def test_split_by_wijk_equals_every_lens_whole(demo_folder, audience, monkeypatch):
    # Groups of 3 of the 8 wijken: the last group is short, and every lens of BY_WIJK is joined.
    monkeypatch.setattr(programme, "WIJKEN_PER_TASK", 3)
    project = load_project(demo_folder, audience=Audience.parse(audience))
    split = programme.programme_tables(project)
    whole = {}
    for lens in programme.LENSES:
        whole.update(lens(load_project(demo_folder, audience=Audience.parse(audience)), seed=0))
    assert list(split) == list(whole)
    for stem in whole:
        pd.testing.assert_frame_equal(split[stem], whole[stem], check_exact=True, obj=stem)


def test_tie_quality_rows_follow_the_wijk_order_of_a_whole_run():
    # The whole run lists tie quality by wijk in string order ("W 10" before "W 2"), the groups go
    # in natural order: the join must sort the parts' rows back.
    from wijknet.analysis.onderstroom import onderstroom_finish, onderstroom_part
    from wijknet.project import Project

    wijken = ["W 2", "W 10"]
    actors = pd.DataFrame({"actor_id": ["a", "b", "c", "d"], "wijk": wijken * 2,
                           "domain": ["zorg", "zorg", "welzijn", "welzijn"]})  # fmt: skip
    ties = pd.DataFrame({"wijk": wijken, "wave": "1", "source": ["a", "b"], "target": ["c", "d"]})
    ratings = pd.DataFrame({"wijk": wijken, "wave": "1", "rater": ["a", "b"], "rated": ["c", "d"],
                            "intensity": ["3", "2"], "trust_open": ["4", "2"]})  # fmt: skip
    project = Project.from_frames(actors, ties, ratings=ratings)
    assert project.wijken == ["W 2", "W 10"]
    parts = [onderstroom_part(project, [w]) for w in project.wijken]
    joined = onderstroom_finish(project, parts)["tie_quality"]
    whole = onderstroom_finish(project, [onderstroom_part(project, project.wijken)])["tie_quality"]
    assert joined["wijk"].tolist()[0] == "W 10"
    pd.testing.assert_frame_equal(joined, whole, check_exact=True)
