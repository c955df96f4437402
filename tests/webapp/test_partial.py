"""Partial data as a normal state: a store with one imported wave (issue 16).

The store is made as a new user makes it: ``wijknet init``, then ``wijknet
import`` of the demo's raw exports of one wijk (Daalhof) and one wave (2026).
The other wijken exist in the actor register, the waves 2025 and 2027 in the
configuration, but hold no ties.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from tests.store.helpers import run
from wijknet.access import add_user, users
from wijknet.analysis import coverage
from wijknet.core import formatting as fmt
from wijknet.core.errors import ModelError, UserError
from wijknet.datasets.demo_raw import write_raw_exports
from wijknet.project import Project
from wijknet.webapp import ENTRY_SCRIPT

WIJK, WAVE = "Daalhof", "2026"
PASSWORD = "lange zin als wachtwoord"
PAGES = (
    "netwerkkaart", "kengetallen", "verbinders", "domeinmenging", "verandering", "kpi", "vergelijken",
    "kernaanpakken", "pluswijkteam", "vertrouwen", "participatie", "leefwereld", "verbindingskansen",
    "rapport", "live", "gegevens",
)  # fmt: skip
# Pages that show the wijk's data of the chosen wave, and so say what is missing.
DATA_PAGES = set(PAGES) - {"live", "gegevens", "vergelijken", "kpi", "verandering"}


@pytest.fixture(scope="module")
def one_wave_store(tmp_path_factory) -> Path:
    """The store, with its own pseudonym key folder (``config``, beside it) shared by the module's tests."""
    base = tmp_path_factory.mktemp("partial")
    raw = write_raw_exports(base / "raw", wijk=WIJK, wave=WAVE)
    folder = base / "store"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CONFIG_HOME", str(base / "config"))
        for args in (
            ("init", folder),
            ("import", folder, *raw["actors"]),
            ("import", folder, *raw["qualtrics"], "--wave", WAVE),
        ):
            result = run(*args)
            assert result.exit_code == 0, result.output
        add_user(folder, "anna", "onderzoeker", PASSWORD)
    return folder


@pytest.fixture
def store_keys(one_wave_store, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(one_wave_store.parent / "config"))
    return one_wave_store


@pytest.fixture
def signed_in_app(store_keys, tmp_path, monkeypatch):
    one_wave_store = store_keys
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(users, "_dummy_hash", None)
    monkeypatch.setenv("WIJKNET_PROJECT", str(one_wave_store))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=180).run()
    at.text_input(key="wijknet_sign_in_name").input("anna")
    [field] = [w for w in at.text_input if w.key != "wijknet_sign_in_name"]
    field.input(PASSWORD)
    at.button[0].click()
    return at.run()


def shown(at: AppTest) -> str:
    kinds = (
        "title",
        "caption",
        "markdown",
        "warning",
        "info",
        "success",
        "error",
        "code",
        "subheader",
    )
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


# --- the library ------------------------------------------------------------------------------


def small() -> Project:
    actors = pd.DataFrame(
        {"actor_id": ["a", "b", "c", "d"], "wijk": ["N", "N", "Z", "Z"], "domain": "zorg"}
    )
    # Z has ties in 2026 only, N in 2025 only.
    ties = pd.DataFrame(
        {"wijk": ["Z", "N"], "wave": ["2026", "2025"], "source": ["c", "a"], "target": ["d", "b"]}
    )
    return Project.from_frames(actors, ties)


def test_default_selection_is_the_latest_wave_with_data():
    p = small()
    assert p.waves == ["2025", "2026"]
    # Hand count: waves with data 2025 (N) and 2026 (Z); the latest is 2026, and only Z has data in it.
    assert coverage.waves_with_data(p) == ["2025", "2026"]
    assert coverage.default_selection(p) == ("Z", "2026")
    assert coverage.default_selection(p, "N", "2026") == ("N", "2026")  # the user's choice is kept
    assert coverage.default_selection(p, "Nergens", None) == ("Z", "2026")
    assert coverage.comparable(p, "Z", "2025", "2026") == ["2025"]
    c = coverage.comparison(p, "2026")
    assert (c.wave, c.wijken, c.possible) == ("2026", ["Z"], False)
    table = pd.DataFrame(
        {"wijk": ["N", "Z", "Z"], "wave": ["2025", "2025", "2026"], "x": [1, 2, 3]}
    )
    # Hand count: the rows of Z (the one wijk with data in 2026) in the waves with data up to 2026.
    assert sorted(c.restrict(table)["x"]) == [2, 3]


def test_store_with_one_wave(store_keys):
    one_wave_store = store_keys
    from wijknet import load_project

    p = load_project(one_wave_store)
    assert len(p.wijken) == 8 and WAVE in p.waves  # the demo actors: 6 pilot, 2 comparison wijken
    assert coverage.waves_with_data(p) == [WAVE]
    assert coverage.wijken_with_data(p) == [WIJK]
    assert coverage.default_selection(p) == (WIJK, WAVE)


def test_change_has_the_right_sign_arrow_and_colour():
    assert tuple(fmt.change(-194, lang="nl")) == ("\u2212194", "down", "red", "↓")
    assert tuple(fmt.change(191, lang="nl")) == ("+191", "up", "green", "↑")
    assert fmt.change(-0.2, 0).direction == "off"  # rounds to 0: no direction
    assert fmt.change(1234, lang="nl").text == "+1.234"


def test_typed_errors_speak_dutch_and_english():
    error = ModelError("no_variation", wijk="Noord", wave_from="2025", wave_to="2026")
    assert isinstance(error, UserError) and isinstance(error, ValueError)
    assert "Noord" in error.message("nl") and "alle paren" in error.message("nl")
    assert "every pair" in error.message("en")
    assert "binomial" not in error.message("nl")
    assert "–" in UserError("too_few_stable").message("nl")  # a missing field never fails


def test_mrqap_raises_a_typed_error_without_variation():
    import numpy as np

    from wijknet.inference.mrqap import mrqap

    y = np.zeros((4, 4))
    with pytest.raises(ModelError) as info:
        mrqap(y, {"x": np.ones((4, 4))}, family="binomial", n_permutations=0)
    assert "binomial" not in info.value.message("nl")


# --- the app --------------------------------------------------------------------------------


def test_app_opens_on_the_wave_with_data(signed_in_app):
    at = signed_in_app
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="wijk").value == WIJK
    assert at.sidebar.selectbox(key="wave").value == WAVE
    assert "Nog geen gegevens" not in shown(at)


def test_every_page_says_what_is_missing(signed_in_app):
    at = signed_in_app
    assert not at.exception, at.exception
    at.sidebar.selectbox(key="wijk").set_value("Eijsden").run()
    for page in PAGES:
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, (page, at.exception)
        text = shown(at)
        for raw in ("family=", "needs both", "Traceback", "nan", "None"):
            assert raw not in text.replace("Nederlands", ""), (page, raw)
        if page in DATA_PAGES or page in ("kpi", "verandering"):
            assert "Nog geen gegevens voor Eijsden" in text, page
            assert "Gegevens importeren" in text, page
        if page == "vergelijken":
            assert "1 wijk met gegevens" in text and "niets te vergelijken" in text
            assert "van de 1 wijken" not in text


def test_a_comparison_with_a_wave_without_data_is_not_made(signed_in_app):
    at = signed_in_app
    at.sidebar.selectbox(key="wave").set_value("2027").run()
    at.switch_page("views/verandering.py").run()
    assert not at.exception, at.exception
    text = shown(at)
    assert "Vergelijken van 2026 met 2027 is niet mogelijk" in text
    assert "verdwenen relaties" not in text
    assert not [m for m in at.metric]  # no counts of a comparison that cannot be made
    at.switch_page("views/vergelijken.py").run()
    text = shown(at)
    assert "de vergelijking gaat over meting 2026" in text
    assert "Meting 2026: 1 wijk met gegevens" in text


def test_a_net_loss_is_shown_down_and_red(tmp_path, monkeypatch):
    """Cross-domain ties fall from 2025 to 2026: the delta is "netto −…", arrow down, red (never ↑ green)."""
    from tests.webapp.test_pages import write_project

    folder = write_project(tmp_path / "tidy", waves=(("2025", 0.30), ("2026", 0.02)))
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=180).run()
    at.switch_page("views/verandering.py").run()
    assert not at.exception, at.exception
    [metric] = [m for m in at.metric if m.label == "Nieuw tussen domeinen"]
    proto = metric.proto
    assert proto.delta.startswith("netto \u2212"), proto.delta
    assert proto.direction == proto.MetricDirection.DOWN
    assert proto.color == proto.MetricColor.RED


def test_report_compares_with_the_previous_wave_with_data(store_keys):
    """The wijk report of 2026 has no "since 2025" (2025 has no data), not "560 new ties"."""
    from wijknet import load_project
    from wijknet.report import build_programme_report, build_wijk_report

    project = load_project(store_keys)
    assert build_wijk_report(project, WIJK, WAVE, n_permutations=9, seed=0).previous is None
    assert build_programme_report(project, WAVE, n_permutations=9, seed=0).previous is None
