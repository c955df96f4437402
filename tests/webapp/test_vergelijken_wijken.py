"""Wijken vergelijken shows the wijk metadata (wijken.csv): municipality, group and phase per wave."""

from __future__ import annotations

from tests.webapp.test_pages import app, texts, write_project

WIJKEN = (
    "wijk,gemeente,subregio,groep,start_wijkplan,fase_2025,fase_2026\n"
    "Noord,Fictiefstad,Heuvelland,pilotwijk,2025-09,wijkbeeld,wijkuitvoering\n"
    "Zuid,Fictiefstad,Heuvelland,vergelijkingswijk,,,voorbereiding\n"
)


def test_the_compare_page_shows_the_wijken_in_dutch_labels(tmp_path, monkeypatch):
    folder = write_project(tmp_path / "project")
    (folder / "wijken.csv").write_text(WIJKEN, encoding="utf-8")
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = app().run()
    at.switch_page("views/vergelijken.py").run()
    assert not at.exception, at.exception
    assert "De wijken" in [s.value for s in at.subheader]
    frames = [d.value for d in at.dataframe if "Gemeente" in d.value.columns]
    assert len(frames) == 1
    shown = frames[0]
    assert shown["Groep"].tolist() == ["pilotwijk", "vergelijkingswijk"]
    assert shown["Fase 2026"].tolist() == ["wijkuitvoering", "voorbereiding"]
    assert "comparison" not in shown.to_csv() and "wijken.csv" in texts(at)
