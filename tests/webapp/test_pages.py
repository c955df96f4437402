"""Every page of the Streamlit app under AppTest (no browser).

Pages are registered with ``st.navigation`` from files in
``wijknet/webapp/views/``; AppTest selects them with
``at.switch_page("views/<file>.py")`` (a path relative to the entry script)
after a first ``run()``. AppTest cannot look inside the map's iframe: the map
itself is tested in ``tests/e2e``.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from wijknet.webapp import ENTRY_SCRIPT

PAGES = {
    "views/netwerkkaart.py": ("Netwerkkaart", "Network map"),
    "views/kengetallen.py": ("Kengetallen", "Key figures"),
    "views/verbinders.py": ("Verbinders", "Connectors"),
    "views/domeinmenging.py": ("Domeinmenging", "Domain mixing"),
    "views/verandering.py": ("Verandering", "Change"),
    "views/kpi.py": ("KPI-monitor", "KPI monitor"),
    "views/vergelijken.py": ("Wijken vergelijken", "Compare wijken"),
}
DOMAINS = ("zorg", "welzijn", "gemeente", "inwoners", "wonen")
ROLES = {
    "zorg": "Huisarts",
    "welzijn": "Welzijnscoach",
    "gemeente": "Wmo-consulent",
    "inwoners": "Sleutelfiguur",
    "wonen": "Woonconsultent",
}


WAVES = (("2025", 0.04), ("2026", 0.12))


def write_project(
    folder: Path,
    *,
    synthetic: bool = True,
    n: int = 24,
    seed: int = 7,
    waves=WAVES,
    responses: bool = False,
) -> Path:
    """A small fictional tidy project: two wijken, two waves (by default), role-based names only.

    ``waves`` holds ``(wave, probability of a cross-domain tie)`` pairs; ``responses`` adds a
    ``responses.csv`` with KPI 3 answers of every actor (see :func:`write_responses`).
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    actors, ties = [], []
    for wijk in ("Noord", "Zuid"):
        ids = []
        for i in range(n):
            domain = DOMAINS[i % len(DOMAINS)]
            aid = f"{wijk[0]}{i:02d}"
            ids.append((aid, domain))
            actors.append(
                {
                    "actor_id": aid,
                    "wijk": wijk,
                    "domain": domain,
                    "name": f"{ROLES[domain]} {wijk} {i}",
                    "role": ROLES[domain].lower(),
                    "organisation": f"Organisatie {domain} (fictief)",
                    "kind": "person",
                    "pluswijkteam": "ja" if i < 4 else "nee",
                    "consent": "ja",
                }
            )
        for wave, p_cross in waves:
            for a, da in ids[:-2]:  # the last two actors stay isolates
                for b, db in ids[:-2]:
                    if a != b and rng.random() < (0.3 if da == db else p_cross):
                        ties.append(
                            {
                                "wijk": wijk,
                                "wave": wave,
                                "source": a,
                                "target": b,
                                "tie_type": ["samenwerking", "verwijzing"][int(rng.integers(2))],
                                "weight": str(int(rng.integers(1, 5))),
                                "evidence": "enquête",
                            }
                        )
    for name, rows in (("actors", actors), ("ties", ties)):
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    wave_list = ", ".join(f"'{w}'" for w, _ in waves)
    (folder / "wijknet.yaml").write_text(
        f"title: Testproject\nsynthetic: {str(synthetic).lower()}\nwaves: [{wave_list}]\n",
        encoding="utf-8",
    )
    if responses:
        write_responses(folder, [a["actor_id"] for a in actors], [w for w, _ in waves])
    return folder


# KPI 3 answers per wave: Noord is within the band (2025 0-25%, 2026 25-50%), Zuid below it in 2026.
AGREE = {("N", "2025"): 5, ("N", "2026"): 9, ("Z", "2025"): 2, ("Z", "2026"): 2}


def write_responses(folder: Path, actor_ids: list[str], waves: list[str]) -> None:
    """``responses.csv``: 20 active respondents per wijk and wave, ``AGREE`` of them answer 4 or 5."""
    rows = ["wijk,wave,actor_id,active,kpi3"]
    for wave in waves:
        for prefix, wijk in (("N", "Noord"), ("Z", "Zuid")):
            ids = [a for a in actor_ids if a.startswith(prefix)][:20]
            agree = AGREE.get((prefix, wave), 5)
            rows += [f"{wijk},{wave},{a},ja,{4 if i < agree else 2}" for i, a in enumerate(ids)]
    (folder / "responses.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    folder = write_project(tmp_path / "project")
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def app() -> AppTest:
    return AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=120)


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("title", "caption", "markdown", "warning", "info", "success", "error", "code")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", list(PAGES))
def test_page_runs_with_title_and_banner(project, page):
    at = app().run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title[0].value == PAGES[page][0]
    assert any("Fictieve demodata" in w.value for w in at.warning)


def test_map_page_opens_first_with_offline_iframe(project):
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Netwerkkaart"
    frames = at.get("iframe")
    assert len(frames) == 1
    doc = frames[0].proto.srcdoc
    assert "vis.Network" in doc and "Huisarts Noord 0" in doc
    assert not [m for m in ("https://", "http://cdn") if f'src="{m}' in doc or f'href="{m}' in doc]


def test_switching_wijk_and_wave(project):
    at = app().run()
    assert "Wijk Noord, meting 2026" in texts(at)
    at.sidebar.selectbox(key="wijk").set_value("Zuid").run()
    at.sidebar.selectbox(key="wave").set_value("2025").run()
    assert not at.exception
    assert "Wijk Zuid, meting 2025" in texts(at)
    assert "Huisarts Zuid 0" in at.get("iframe")[0].proto.srcdoc
    # The selection persists when changing page.
    at.switch_page("views/verbinders.py").run()
    assert not at.exception
    assert at.sidebar.selectbox(key="wijk").value == "Zuid"
    assert "Wijk Zuid, meting 2025" in texts(at)


def test_filters_change_the_map(project):
    at = app().run()
    before = [c.value for c in at.caption if "relaties in deze meting" in c.value][0]
    at.sidebar.multiselect(key="tie_types").set_value(["verwijzing"]).run()
    at.sidebar.slider(key="min_weight").set_value(3.0).run()
    assert not at.exception
    after = [c.value for c in at.caption if "relaties in deze meting" in c.value][0]
    assert before != after
    assert "Relaties: verwijzing; minimale sterkte: 3" in texts(at)


def test_map_page_shows_where_a_tie_comes_from(project):
    at = app().run()
    expander = [e for e in at.expander if e.label == "Waar komt een relatie vandaan?"]
    assert len(expander) == 1
    box = at.selectbox(key="evidence_actor_Noord_2026")
    assert box.value is None and not at.dataframe
    box.select("N00").run()  # Huisarts Noord 0
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert {"Richting", "Andere actor", "Soort relatie", "Bron", "Bestand"} <= set(table.columns)
    assert len(table) > 0 and set(table["Richting"]) <= {"noemt", "genoemd door"}
    assert set(table["Bron"]) == {"enquête"} and "Huisarts Noord 0" not in set(
        table["Andere actor"]
    )
    # An actor without ties (the last two are isolates) gets a message instead of a table.
    at.selectbox(key="evidence_actor_Noord_2026").select("N23").run()
    assert not at.exception and not at.dataframe
    assert any("geen relaties" in i.value for i in at.info)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert any(e.label == "Where does a tie come from?" for e in at.expander)


def test_map_marks_non_respondents_when_the_project_has_responses(project_with_responses):
    at = app().run()
    assert not at.exception, at.exception
    doc = at.get("iframe")[0].proto.srcdoc
    assert (
        "gestippelde rand: heeft (nog) niet gereageerd op de vragenlijst" in doc
    )  # actors 20-23 did not respond
    assert '"borderDashes": [4, 3]' in doc


def test_map_marks_nobody_without_responses(project):
    doc = app().run().get("iframe")[0].proto.srcdoc
    assert "gestippelde rand" not in doc and '"borderDashes": [4, 3]' not in doc


@pytest.mark.parametrize("page", list(PAGES))
def test_language_switch(project, page):
    at = app().run()
    at.switch_page(page).run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert at.title[0].value == PAGES[page][1]
    assert any("Fictional demo data" in w.value for w in at.warning)
    at.sidebar.radio(key="lang").set_value("nl").run()
    assert at.title[0].value == PAGES[page][0]


def test_metrics_page_explains_every_measure(project):
    at = app().run()
    at.switch_page("views/kengetallen.py").run()
    assert not at.exception
    table = at.table[0].value
    assert list(table.columns)[:2] == ["2025", "2026"]
    for label in (
        "Dichtheid",
        "Domeinoverstijgende relaties",
        "E-I-index",
        "Wederkerigheid",
        "Losse delen",
    ):
        assert label in table.index
    assert table[table.columns[-1]].str.len().min() > 20  # a sentence per measure


def test_connectors_page_highlights_outside_team(project):
    at = app().run()
    at.switch_page("views/verbinders.py").run()
    assert not at.exception
    assert at.dataframe, "no connector table"
    assert any("PlusWIJkteam" in e.value for e in [*at.info, *at.success])
    assert "Kwetsbare brug" in texts(at)


def test_mixing_page_has_chart(project):
    at = app().run()
    at.switch_page("views/domeinmenging.py").run()
    assert not at.exception
    charts = at.get("vega_lite_chart")
    assert charts and "Zorg" in charts[0].proto.spec + "".join(
        str(d) for d in charts[0].proto.datasets
    )


@pytest.mark.parametrize("page", list(PAGES))
def test_broken_project_shows_message(tmp_path, monkeypatch, page):
    folder = write_project(tmp_path / "broken")
    (folder / "ties.csv").write_text(
        "wijk,wave,source,target\nNoord,2025,N00,ONBEKEND\n", encoding="utf-8"
    )
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    at = app().run()
    at.switch_page(page).run()
    assert not at.exception
    assert at.title[0].value == PAGES[page][0]
    assert any("kon niet worden geladen" in e.value for e in at.error)
    assert "ONBEKEND" in at.code[0].value


def test_missing_folder_shows_message(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKNET_PROJECT", str(tmp_path / "does-not-exist"))
    at = app().run()
    assert not at.exception
    assert at.error and "actors" in at.code[0].value


def test_not_synthetic_has_no_banner(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKNET_PROJECT", str(write_project(tmp_path / "real", synthetic=False)))
    at = app().run()
    assert not at.exception
    assert not any("Fictieve demodata" in w.value for w in at.warning)


def test_demo_project_when_no_env(tmp_path, monkeypatch):
    monkeypatch.delenv("WIJKNET_PROJECT", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = app().run()
    assert not at.exception
    assert (tmp_path / "cache" / "wijknet" / "demo" / "actors.csv").exists()
    assert any("Fictieve demodata" in w.value for w in at.warning)


def test_repo_shim_runs_the_app(project):
    shim = Path(__file__).resolve().parents[2] / "app.py"
    at = AppTest.from_file(str(shim), default_timeout=120).run()
    assert not at.exception
    assert at.title[0].value == "Netwerkkaart"


# --- Verandering ---------------------------------------------------------------------------


def test_change_page_summary_map_trends_and_model(project):
    at = app().run()
    at.switch_page("views/verandering.py").run()
    assert not at.exception, at.exception
    assert "Wijk Noord, van 2025 naar 2026" in texts(at)
    assert [m.label for m in at.metric] == [
        "Nieuwe relaties",
        "Verdwenen relaties",
        "Gebleven relaties",
        "Nieuw tussen domeinen",
    ]
    assert "relaties bij" in texts(at) and "verbinden twee verschillende domeinen" in texts(at)
    doc = at.get("iframe")[0].proto.srcdoc
    assert "vis.Network" in doc and "Van 2025 naar 2026" in doc and "nieuwe relatie in 2026" in doc
    assert not [m for m in ("https://", "http://cdn") if f'src="{m}' in doc or f'href="{m}' in doc]
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3  # density, share of domain-crossing ties, E-I index
    assert "dichtheid" in texts(at).lower() and "onzekerheidsmarge" in texts(at)
    assert "actoren die in beide metingen meedoen" in texts(at)  # tiechange.describe
    assert at.dataframe  # the model table for researchers


def test_change_page_only_new_and_cross_domain(project):
    at = app().run()
    at.switch_page("views/verandering.py").run()
    before = at.get("iframe")[0].proto.srcdoc
    at.radio(key="change_show").set_value("new").run()
    at.toggle(key="change_cross_only").set_value(True).run()
    assert not at.exception
    after = at.get("iframe")[0].proto.srcdoc
    assert after != before and "niet getoond: verdwenen relaties" in after
    assert "alleen relaties tussen verschillende domeinen" in after


def test_change_page_switching_waves(tmp_path, monkeypatch):
    folder = write_project(
        tmp_path / "three", waves=(("2025", 0.04), ("2026", 0.12), ("2027", 0.2))
    )
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = app().run()
    at.switch_page("views/verandering.py").run()
    assert not at.exception
    # Default: the previous meting -> the meting of the sidebar (the last one).
    assert "van 2026 naar 2027" in texts(at)
    at.selectbox(key="change_from_2027").set_value("2025").run()
    assert not at.exception
    assert at.selectbox(key="change_to_2027_2025").options == ["2026", "2027"]
    assert "van 2025 naar 2027" in texts(at)
    assert "Van 2025 naar 2027" in at.get("iframe")[0].proto.srcdoc
    # Choosing the first meting in the sidebar compares it with the next one.
    at.sidebar.selectbox(key="wave").set_value("2025").run()
    assert not at.exception
    assert "van 2025 naar 2026" in texts(at)


def test_change_page_in_english(project):
    at = app().run()
    at.switch_page("views/verandering.py").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Change"
    assert "New ties" in [m.label for m in at.metric]
    assert "From 2025 to 2026" in at.get("iframe")[0].proto.srcdoc
    assert "actors who take part in both waves" in texts(at)


def test_change_page_with_one_wave(tmp_path, monkeypatch):
    folder = write_project(tmp_path / "one", waves=(("2025", 0.04),))
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    at = app().run()
    at.switch_page("views/verandering.py").run()
    assert not at.exception
    assert any("maar één meting" in i.value for i in at.info)


# --- KPI-monitor -------------------------------------------------------------------------------


@pytest.fixture
def project_with_responses(tmp_path, monkeypatch) -> Path:
    folder = write_project(tmp_path / "kpi", responses=True)
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def test_kpi_page_status_band_and_structure(project_with_responses):
    at = app().run()
    at.switch_page("views/kpi.py").run()
    assert not at.exception, at.exception
    # Noord 2026: 9 of 20 agree = 45%, within the band 25-50%.
    assert [m.value for m in at.metric] == ["45%", "28%"]  # Noord; all wijken together (11 of 40)
    assert at.metric[0].label == "Bandbreedte 2026: 25–50%"
    body = texts(at)
    assert body.count("doorgaan") >= 2 and "analyse gevraagd" not in body  # both within the band
    assert "9 van de 20 actieve deelnemers" in body
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2  # KPI 3 against the band; the measured network
    spec = charts[0].proto.spec
    assert "band_min" in spec and "ci_low" in spec
    overview = at.dataframe[-1].value
    assert list(overview.iloc[:, 0]) == ["Noord", "Zuid", "Alle pilotwijken samen"]


def test_kpi_page_follows_wijk_and_wave(project_with_responses):
    at = app().run()
    at.switch_page("views/kpi.py").run()
    at.sidebar.selectbox(key="wijk").set_value("Zuid").run()
    assert not at.exception
    assert at.metric[0].value == "10%"  # 2 of 20, below 25%: first time below the band
    assert "analyse gevraagd" in texts(at) and "Voor het eerst onder de bandbreedte" in texts(at)
    at.sidebar.selectbox(key="wave").set_value("2025").run()
    assert at.metric[0].label == "Bandbreedte 2025: 0–25%" and at.metric[0].value == "10%"


def test_kpi_page_in_english(project_with_responses):
    at = app().run()
    at.switch_page("views/kpi.py").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "KPI monitor"
    assert at.metric[0].label == "Band 2026: 25–50%"
    assert "continue" in texts(at) and "All pilot wijken together" in texts(at)


def test_kpi_page_without_responses_explains_how_to_add_them(project):
    at = app().run()
    at.switch_page("views/kpi.py").run()
    assert not at.exception
    assert any("nog geen enquêteantwoorden" in i.value for i in at.info)
    assert "responses.csv" in texts(at) and "wijk,wave,actor_id,active,kpi3" in at.code[0].value
    assert at.get("vega_lite_chart")  # the network measurement is still shown


# --- Wijken vergelijken ----------------------------------------------------------------------------


def html_bodies(at: AppTest) -> str:
    return "\n".join(e.proto.body for e in at.get("html"))


def test_compare_page_summary_trends_table_maps_and_mixing(project_with_responses):
    at = app().run()
    at.switch_page("views/vergelijken.py").run()
    assert not at.exception, at.exception
    assert "Alle wijken, meting 2026" in texts(at)
    summary = re.sub(
        r"\\(.)", r"\1", at.markdown[0].value
    )  # as shown: the wijk names are escaped (ui.literal)
    assert "grootste aandeel domeinoverstijgende relaties" in summary
    assert "KPI 3 (ervaren domeinoverstijgend werken) lag in 2026" in summary  # from responses.csv
    # Two trend charts and one faceted heatmap on one colour scale.
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3
    heatmap = json.loads(charts[2].proto.spec)
    assert "facet" in heatmap
    colour = heatmap["spec"]["layer"][0]["encoding"]["color"]
    assert colour["field"] == "pct" and colour["scale"]["domain"] == [0, 20, 40, 70, 100]
    # The table of the chosen wave, one row per wijk, with intervals.
    bodies = html_bodies(at)
    assert (
        bodies.count('<th scope="row">') == 2
        and "Kwetsbare bruggen" in bodies
        and 'class="ci"' in bodies
    )
    # One small map per wijk, without any name (no labels, no hover texts).
    frames = at.get("iframe")
    assert len(frames) == 2
    for frame in frames:
        doc = frame.proto.srcdoc
        assert "vis.Network" in doc
        assert "Huisarts" not in doc and "Welzijnscoach" not in doc
        assert not [
            m for m in ("https://", "http://cdn") if f'src="{m}' in doc or f'href="{m}' in doc
        ]
    # Every number for researchers, with a download.
    assert at.dataframe and at.get("download_button")


def test_compare_page_follows_the_wave(project):
    at = app().run()
    at.switch_page("views/vergelijken.py").run()
    at.sidebar.selectbox(key="wave").set_value("2025").run()
    assert not at.exception
    assert any(s.value == "Kengetallen in 2025" for s in at.subheader)
    assert any(s.value == "De netwerken in 2025" for s in at.subheader)


def test_compare_page_in_english(project):
    at = app().run()
    at.switch_page("views/vergelijken.py").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Compare wijken"
    assert [s.value for s in at.subheader] == [
        "In brief",
        "The wijken",  # the wijk metadata (issue 15)
        "Working across domains, per wijk",
        "Key figures in 2026",
        "The networks in 2026",
        "Who works with whom? (2026)",
        "Filters for the ties",
    ]
    assert [e.label for e in at.expander] == [
        "All numbers (for researchers)",
        "What works where: effects per wijk and together",  # the forest plot
    ]
    assert "largest share of domain-crossing ties" in re.sub(r"\\(.)", r"\1", at.markdown[0].value)
    assert "Fragile bridges" in html_bodies(at)


def test_compare_page_with_one_wijk(tmp_path, monkeypatch):
    import pandas as pd

    folder = write_project(tmp_path / "one")
    for name in ("actors", "ties"):
        table = pd.read_csv(folder / f"{name}.csv", dtype=str)
        table[table["wijk"] == "Noord"].to_csv(folder / f"{name}.csv", index=False)
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = app().run()
    at.switch_page("views/vergelijken.py").run()
    assert not at.exception, at.exception
    assert any("maar één wijk" in i.value for i in at.info)
    assert len(at.get("iframe")) == 1
