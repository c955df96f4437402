"""Finding 8 of issue 10: every user-supplied string is shown as plain text, never as Markdown or HTML.

The attacker controls data that reaches the app: a wijk name (in an actors file), a write-in in a
survey, an organisation. They are Markdown and HTML that would make the browser fetch a URL
(``![x](http://...)``, ``<img src=...>``). Every page is driven with AppTest as a signed-in researcher
with names unlocked (who sees the most), and every element that reads Markdown must hold the escaped
text (:func:`wijknet.webapp.ui.literal`). ``tests/e2e/test_markup_browser.py`` checks in Chromium that
no request reaches the URL.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ACTORS, TIES
from wijknet.webapp import ENTRY_SCRIPT
from wijknet.webapp.ui import literal

SURVEY = Path(__file__).resolve().parents[1] / "fixtures" / "surveys" / "qualtrics-noord-2026.csv"
PAGES = ("netwerkkaart", "kengetallen", "verbinders", "domeinmenging", "verandering", "kpi", "vergelijken", "rapport",
         "live", "gegevens", "auditlog")  # fmt: skip
#: Elements whose text Streamlit reads as Markdown.
MARKDOWN_ELEMENTS = (
    "markdown",
    "caption",
    "title",
    "header",
    "subheader",
    "info",
    "warning",
    "error",
    "success",
)
#: Unescaped Markdown images/links and HTML tags.
LIVE_MARKUP = re.compile(r"(?<!\\)!(?<!\\)\[|(?<!\\)\]\(|(?<!\\)<img", re.IGNORECASE)


def hostile(port: int) -> dict[str, str]:
    base = f"http://127.0.0.1:{port}"
    return {
        "wijk": f"![x]({base}/wijk)",
        "other_wijk": f"<img src={base}/zuid>",
        "write_in": f"<img src={base}/img> ![y]({base}/writein)",
        "organisation": f"![o]({base}/org)",
    }


def make_hostile_store(folder: Path, tmp: Path, port: int = 9) -> dict[str, str]:
    """A project store whose wijk names, a write-in and an organisation are Markdown/HTML; returns them."""
    from wijknet.store import import_files, init_store

    bad = hostile(port)
    tmp.mkdir(parents=True, exist_ok=True)
    init_store(folder, title="Vijandige teststore (fictief)", waves=["2025", "2026"])
    actors = (
        ACTORS.replace("Noord", bad["wijk"])
        .replace("Zuid", bad["other_wijk"])
        .replace("Praktijk Fictief", bad["organisation"])
    )
    ties = TIES.replace("Noord", bad["wijk"]).replace("Zuid", bad["other_wijk"])
    survey = (
        SURVEY.read_text(encoding="utf-8")
        .replace("2025-03-01,0,R_3,1,w1,", "2025-03-01,0,R_3,1,,")
        .replace("Noord", bad["wijk"])
        .replace("Buurtkrachten Fictief", bad["write_in"])
    )
    for name, content in (("actors.csv", actors), ("ties.csv", ties), ("enquete.csv", survey)):
        (tmp / name).write_text(content, encoding="utf-8")
    import_files(folder, [tmp / "actors.csv", tmp / "ties.csv"])
    import_files(folder, [tmp / "enquete.csv"], wave="2026")
    return bad


@pytest.fixture
def store(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    bad = make_hostile_store(folder, tmp_path / "files")
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder, bad


def researcher(folder: Path) -> AppTest:
    from wijknet.access import SessionSettings, add_user
    from wijknet.access.sessions import Session
    from wijknet.webapp.auth import SESSION_KEY

    add_user(folder, "onderzoeker-a", "onderzoeker", "een-lang-wachtwoord-2026")
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=120)
    now = _dt.datetime.now(_dt.UTC)
    at.session_state[SESSION_KEY] = Session("onderzoeker-a", "onderzoeker", str(folder), "password", now, now,
                                            SessionSettings())  # fmt: skip
    at.session_state["unlocked"] = True
    at.run()
    assert not at.exception, at.exception
    return at


def markdown_texts(at: AppTest) -> list[str]:
    values = [str(e.value) for kind in MARKDOWN_ELEMENTS for e in getattr(at, kind)]
    values += [str(m.label) for m in at.metric]
    values += [str(e.label) for e in at.expander]
    return values


def test_literal_escapes_markup_and_keeps_the_characters():
    bad = hostile(9)
    for value in bad.values():
        shown = literal(value)
        assert not LIVE_MARKUP.search(shown)
        assert (
            re.sub(r"\\(.)", r"\1", shown).replace("\u2060", "") == value
        )  # a reader shows exactly the value
        assert not re.search(r"https?://|www\.", re.sub(r"\\(.)", r"\1", shown))  # and no bare link


def test_the_check_finds_live_markup():
    """The page test below can fail: raw values are caught by the same pattern."""
    assert all(LIVE_MARKUP.search(v) for v in hostile(9).values())


def test_every_page_shows_hostile_strings_as_text(store):
    folder, bad = store
    at = researcher(folder)
    assert at.sidebar.selectbox(key="wijk").value == bad["wijk"]
    escaped = {literal(bad["wijk"]), literal(bad["write_in"]), literal(bad["other_wijk"])}
    seen = set()
    for page in PAGES:
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, (page, at.exception)
        texts = markdown_texts(at) + [str(e.value) for e in at.sidebar.caption]
        for value in texts:
            assert not LIVE_MARKUP.search(value), (page, value)
        seen |= {e for e in escaped if any(e in v for v in texts)}
    assert literal(bad["wijk"]) in seen  # the wijk name is there, escaped (captions, titles)
    assert literal(bad["write_in"]) in seen  # the write-in of the name-linking queue
    at.sidebar.selectbox(key="wijk").set_value(bad["other_wijk"]).run()
    for page in ("netwerkkaart", "kengetallen", "kpi", "verandering"):
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, (page, at.exception)
        texts = markdown_texts(at)
        assert not any(LIVE_MARKUP.search(v) for v in texts), page
        assert any(literal(bad["other_wijk"]) in v for v in texts), page
