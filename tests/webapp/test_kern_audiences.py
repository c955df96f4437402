"""The pages Kernaanpakken and PlusWIJkteam show each audience only what it may see (real-looking names)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.people import BEEKDAL, HEIDEPARK_PERSONS
from wijknet.webapp import ENTRY_SCRIPT

PAGES = ("kernaanpakken", "pluswijkteam")


def page_text(at: AppTest) -> str:
    parts = [str(e.value) for kind in ("title", "subheader", "markdown", "caption", "info", "success")
             for e in getattr(at, kind)]  # fmt: skip
    parts += [str(m.value) for m in at.metric] + [d.value.to_csv() for d in at.dataframe]
    return "\n".join(parts).replace("\\", "")


def viewing_as(audience: str, page: str) -> AppTest:
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=120).run()
    at.sidebar.selectbox(key="view_as").set_value(audience).run()
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def project(people_files, monkeypatch):
    monkeypatch.setenv("WIJKNET_PROJECT", str(people_files))
    return people_files


@pytest.mark.parametrize("page", PAGES)
def test_wijkteam_sees_nothing_of_another_wijk(project, page):
    at = viewing_as("wijkteam:Heidepark", page)
    assert at.sidebar.selectbox(key="wijk").options == ["Heidepark"]
    text = page_text(at)
    for value in (*BEEKDAL, "Bravo Heideveld", "Charlie Heidebeek", "HP-1"):
        assert value not in text, (page, value)


@pytest.mark.parametrize("page", PAGES)
def test_leernetwerk_sees_no_names(project, page):
    at = viewing_as("leernetwerk", page)
    text = page_text(at)
    for value in (*HEIDEPARK_PERSONS.values(), "Delta Beekhof", "Hotel Beekveld", "HP-1", "BD-1"):
        assert value not in text, (page, value)
