"""Respondent feedback profiles: aggregates only, never who said what; small numbers suppressed."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import wijknet
import wijknet.datasets.demo
from wijknet.analysis.feedback import MIN_REPORTERS, feedback_actors, feedback_profile
from wijknet.core.settings import ProjectConfig
from wijknet.report.feedback import render_feedback_html, write_feedback

# A fictional wijk: organisation T is named by three reporters with distinctive weights, organisation U by
# two; the reporters' names are unusual words so that any leak is easy to find.
ACTORS = [
    ("T", "zorg", "Organisatie Tulp (fictief)", "organisation"),
    ("U", "wonen", "Organisatie Uil (fictief)", "organisation"),
    ("R1", "zorg", "Xantippe Kwakzalver", "person"),
    ("R2", "zorg", "Yolanda Zwetsloot", "person"),
    ("R3", "zorg", "Zacharias Quibus", "person"),
    ("R4", "welzijn", "Wilhelmina Plexus", "person"),
]
TIES = [
    ("R1", "T", "1.5"), ("R2", "T", "2.5"), ("R3", "T", "4.5"),   # mean 2.8333
    ("R4", "U", "1.5"), ("R1", "U", "4.5"),                       # only two reporters
    ("T", "R1", "3"), ("T", "R4", "2"), ("U", "T", "3"),
]  # fmt: skip
REPORTERS = ("R1", "R2", "R3", "R4", "Xantippe", "Yolanda", "Zacharias", "Wilhelmina")


def visible(html: str) -> str:
    """The text a reader sees: without the style sheet and the tags."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL))


def project(ties=TIES, actors=ACTORS):
    a = pd.DataFrame(
        [
            {"actor_id": i, "wijk": "Testwijk", "domain": d, "name": n, "kind": k, "consent": "ja"}
            for i, d, n, k in actors
        ]
    )
    t = pd.DataFrame(
        [
            {
                "wijk": "Testwijk",
                "wave": "2025",
                "source": s,
                "target": g,
                "weight": w,
                "tie_type": "samenwerking",
            }
            for s, g, w in ties
        ]
    )
    return wijknet.Project.from_frames(
        a.astype(str), t.astype(str), ProjectConfig(title="Test", synthetic=True)
    )


def test_aggregate_of_three_reporters_without_individual_ratings_or_names():
    p = project()
    profile = feedback_profile(p, "T", "2025")
    assert profile.named_by == 4  # R1, R2, R3 and U
    assert profile.mean_weight_received == pytest.approx((1.5 + 2.5 + 4.5 + 3) / 4)
    assert profile.named == 2 and profile.partners == 5
    html = render_feedback_html(profile, p, "nl")
    assert "4 anderen noemden u" in html
    assert "Gemiddelde sterkte van die relaties volgens hen: 2,9" in html
    for leak in REPORTERS:
        assert leak not in html, leak
    for rating in ("1,5", "2,5", "4,5", "1.5", "2.5", "4.5"):
        assert rating not in visible(html), rating
    assert "Organisatie Tulp (fictief)" in html  # the profile's own name


def test_fewer_than_three_reporters_are_suppressed():
    p = project()
    profile = feedback_profile(p, "U", "2025")
    assert MIN_REPORTERS == 3
    assert profile.suppressed and profile.named_by is None and profile.mean_weight_received is None
    assert profile.partners is None  # would give away how many named U
    html = render_feedback_html(profile, p, "nl")
    assert "Minder dan 3 anderen noemden u" in html
    assert "noemden u als" not in html and "Gemiddelde sterkte" not in html
    for leak in REPORTERS:
        assert leak not in html
    text = visible(html)
    assert "1,5" not in text and "4,5" not in text and "3,0" not in text
    english = render_feedback_html(profile, p, "en")
    assert "Fewer than 3 others named you" in english


def test_domain_cells_are_suppressed_so_that_the_rest_cannot_be_worked_out():
    p = project()
    profile = feedback_profile(p, "T", "2025")
    # Total 4 shown: 3 from zorg and 1 from wonen (U). Showing zorg = 3 would reveal that exactly one
    # other named T (the wonen actor), so zorg is suppressed too.
    cells = {d.domain: d for d in profile.by_domain}
    assert all(d.named_by is None and d.mean_weight_received is None for d in cells.values())
    # With a fourth zorg reporter the rest is 1 < 3 again; with two wonen reporters it would be 2. Add
    # three welzijn reporters instead: zorg (3) and welzijn (3) are shown, the rest (U) is 1 -> zorg,
    # the smaller... both 3: one of them is suppressed so that the rest reaches 3 or more.
    extra = [
        ("W1", "welzijn", "Welzijn Een (fictief)", "person"),
        ("W2", "welzijn", "Welzijn Twee (fictief)", "person"),
        ("W3", "welzijn", "Welzijn Drie (fictief)", "person"),
    ]
    p = project(TIES + [(w, "T", "2") for w, *_ in extra], ACTORS + extra)
    profile = feedback_profile(p, "T", "2025")
    shown = [d for d in profile.by_domain if d.named_by is not None]
    rest = profile.named_by - sum(d.named_by for d in shown)
    assert rest == 0 or rest >= MIN_REPORTERS
    assert len(shown) == 1


def test_profiles_for_organisations_and_respondents(tmp_path):
    folder = wijknet.datasets.demo.write_demo(tmp_path / "demo")
    demo = wijknet.load_project(folder)
    chosen = feedback_actors(demo, "Eijsden", "2026")
    present = demo.present("Eijsden", "2026")
    organisations = set(present.loc[present["kind"] == "organisation", "actor_id"])
    responses = demo.responses
    respondents = set(
        responses.loc[(responses["wijk"] == "Eijsden") & (responses["wave"] == "2026"), "actor_id"]
    )
    assert set(chosen) == organisations | respondents
    written = write_feedback(demo, "Eijsden", "2026", tmp_path / "out", lang="nl")
    assert len(written) == len(chosen)
    html = written[0].read_text(encoding="utf-8")
    assert "Uw plek in het wijknetwerk" in html and "Fictieve demodata" in html
    assert "<script" not in html and "https://" not in html
    # No profile shows an individual received weight: every received number is an aggregate of >= 3.
    for actor_id in chosen[:15]:
        profile = feedback_profile(demo, actor_id, "2026")
        for d in profile.by_domain:
            assert d.named_by is None or d.named_by >= MIN_REPORTERS
        assert profile.named_by is None or profile.named_by >= MIN_REPORTERS


def test_received_counts_follow_the_one_rule():
    from wijknet.analysis.feedback import _protect_received

    # 9 others named the actor: 4 in zorg, 2 in welzijn, 3 in wonen. 2 is small; its partner 3 is
    # suppressed too, so 9 - 4 does not give welzijn; together 5 is not small.
    assert _protect_received(9, {"zorg": 4, "welzijn": 2, "wonen": 3}, 3) == {"zorg"}
    # A zero counts as small ("nobody in welzijn named you"), so it gets a partner too.
    assert _protect_received(9, {"zorg": 9, "welzijn": 0}, 3) == set()
    assert _protect_received(2, {"zorg": 2}, 3) == set()  # too few reporters in total
    assert _protect_received(12, {"zorg": 5, "welzijn": 7}, 3) == {"zorg", "welzijn"}
