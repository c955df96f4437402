"""``wijknet live open | status | close | serve`` on the command line."""

from __future__ import annotations

import re

from tests.live.helpers import small_store
from tests.store.helpers import run
from wijknet import load_project
from wijknet.live import submit


def test_open_status_close(tmp_path):
    store = small_store(tmp_path)
    result = run("live", "open", store, "--wijk", "Noord", "--wave", "2027", "--title", "Voorjaar")
    assert result.exit_code == 0, result.output
    code = re.search(r"Code: ([a-z0-9]+)", result.output).group(1)
    assert "4 personen en organisaties" in result.output
    assert (
        f"wijknet live serve {store} {code}" in result.output
        and "wijknet live links" in result.output
    )
    result = run(
        "live", "links", store, code, "--out", tmp_path / "links.html"
    )  # the server has not run yet
    assert result.exit_code == 2 and "--url" in result.output
    result = run(
        "live",
        "links",
        store,
        code,
        "--out",
        tmp_path / "links.html",
        "--url",
        "http://192.0.2.7:8600",
    )
    assert result.exit_code == 0, result.output
    assert "4 persoonlijke links" in result.output and "Fictief" not in result.output
    sheet = (tmp_path / "links.html").read_text(encoding="utf-8")
    assert sheet.count("<svg") == 4 and sheet.count("http://192.0.2.7:8600/p/") == 4
    assert "Huisarts Fictief" in sheet and "Coach Fictief" not in sheet  # as the wijkteam sees them
    assert (tmp_path / "links.html").stat().st_mode & 0o077 == 0
    result = run(
        "live",
        "links",
        store,
        code,
        "--out",
        tmp_path / "links.html",
        "--url",
        "http://192.0.2.7:8600",
    )
    assert result.exit_code == 2 and "bestaat al" in result.output
    result = run(
        "live",
        "links",
        store,
        code,
        "--out",
        tmp_path / "names.html",
        "--url",
        "http://x",
        "--real-names",
        "--participant",
        "w1",
    )
    assert result.exit_code == 0 and "Coach Fictief" in (tmp_path / "names.html").read_text(
        encoding="utf-8"
    )
    result = run("live", "revoke", store, code, "--participant", "z1")
    assert result.exit_code == 0 and "1 persoonlijke links ingetrokken" in result.output
    submit(store, code, "z1", [("z2", "samenwerking", 3)], "sub-00000001")
    result = run("live", "status", store)
    assert (
        result.exit_code == 0
        and code in result.output
        and "1/4" in result.output
        and "open" in result.output
    )
    result = run("live", "close", store, code)
    assert result.exit_code == 0, result.output
    assert "1 antwoorden van 1 deelnemers" in result.output and "meting 2027" in result.output
    assert "gesloten" in run("live", "status", store).output
    assert len(load_project(store).ties.query("wave == '2027'")) == 1
    result = run("live", "serve", store, code)  # a closed session is not served
    assert result.exit_code == 2 and "gesloten" in result.output
    result = run("live", "close", store, code)
    assert result.exit_code == 2 and "al gesloten" in result.output


def test_errors_in_english(tmp_path):
    store = small_store(tmp_path)
    result = run("--lang", "en", "live", "open", store, "--wijk", "Oost", "--wave", "2027")
    assert result.exit_code == 2 and "wijk 'Oost' has no actors" in result.output
    result = run("--lang", "en", "live", "close", store, "nosuchcode")
    assert result.exit_code == 2 and "unknown session code" in result.output
    assert "no live sessions" in run("--lang", "en", "live", "status", store).output
