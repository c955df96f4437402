"""Uncertainty in words, the audiences that read words, and one p-value for one network on every screen."""

from __future__ import annotations

import pytest

from wijknet.core import formatting as fmt
from wijknet.core import settings
from wijknet.core import uncertainty as u
from wijknet.core.glossary import AUDIT_ACTIONS, AUDIT_DETAIL, audience_label, label
from wijknet.core.i18n import text


def test_change_words_follow_the_interval():
    # previous 0.30; an interval 0.32-0.40 lies above it: clear; 0.25-0.41 holds it: maybe chance
    assert u.change_words(0.36, 0.32, 0.40, 0.30, "nl") == "duidelijk meer dan de vorige meting"
    assert u.change_words(0.33, 0.25, 0.41, 0.30, "nl") == "iets meer, maar dat kan toeval zijn"
    assert u.change_words(0.27, 0.20, 0.31, 0.30, "nl") == "iets minder, maar dat kan toeval zijn"
    assert u.change_words(0.20, 0.15, 0.29, 0.30, "nl") == "duidelijk minder dan de vorige meting"
    assert u.change_words(0.30, 0.2, 0.4, 0.30, "en") == "as much as the previous wave"
    assert u.change_words(None, 0.2, 0.4, 0.30) == fmt.MISSING


def test_p_in_words_and_numbers_by_audience():
    assert u.p_words(0.049, "nl") == "waarschijnlijk geen toeval"
    assert u.p_words(0.05, "nl") == "waarschijnlijk toeval"  # 0.05 itself is not below ALPHA
    assert u.show_p(0.0009, "onderzoeker", "nl") == "< 0,001"
    assert u.show_p(0.0009, None, "en") == "< 0.001"
    assert u.show_p(0.0009, "wijkteam:Daalhof", "nl") == "waarschijnlijk geen toeval"


def test_versus_chance_needs_a_clear_test():
    assert u.versus_chance(0.2, 0.7, 0.001, "nl").startswith("duidelijk meer banden binnen")
    assert u.versus_chance(0.9, 0.7, 0.01, "nl").startswith("duidelijk meer banden met andere")
    assert u.versus_chance(0.2, 0.7, 0.3, "nl") == "niet duidelijk anders dan bij toeval"
    assert u.versus_chance(float("nan"), 0.7, 0.3) == fmt.MISSING


@pytest.mark.parametrize(
    ("audience", "plain"),
    [
        (None, False),
        ("", False),
        ("onderzoeker", False),
        ("wijkteam:X", True),
        ("leernetwerk", True),
    ],
)
def test_who_reads_words(audience, plain):
    assert u.is_plain(audience) is plain


def test_one_entry_serves_both_audiences():
    table = {"k": {"nl": "p = {p}", "en": "p = {p}", "plain": {"nl": "", "en": "by chance"}}}
    assert text(table, "k", "nl", p="0,01") == "p = 0,01"
    assert text(table, "k", "nl", plain=True, p="0,01") == ""  # say nothing to that audience
    assert text(table, "k", "en", plain=True) == "by chance"


def test_codes_become_labels():
    assert audience_label("wijkteam:Daalhof", "nl") == "PlusWIJkteam Daalhof"
    assert audience_label("leernetwerk", "nl") == "Leernetwerk"
    assert label(AUDIT_ACTIONS, "sign_in_failed", "nl") == "Inloggen mislukt"
    assert label(AUDIT_DETAIL, "tidy_file", "nl") == "tabel"
    assert label(AUDIT_ACTIONS, float("nan")) == ""
    assert "_" not in label(AUDIT_ACTIONS, "a_new_action")


def test_audit_detail_in_words():
    from wijknet.access.log import format_detail

    detail = '{"known_user": true, "audience": "wijkteam:Daalhof", "files": [{"file": "a.csv", "kind": "tidy_file"}]}'
    shown = format_detail(detail, lang="nl")
    assert shown == "bekende gebruiker: ja; publiek: PlusWIJkteam Daalhof; bestanden: a.csv (tabel)"
    assert "known_user=True" in format_detail(detail)  # the CLI keeps the codes


def test_plain_text_never_shows_nan():
    assert fmt.plain_text(float("nan")) == "" and fmt.plain_text(None, "?") == "?"


def test_one_network_one_p_value_on_every_screen(tmp_path, monkeypatch):
    """The Kengetallen page, the wijk report and ``wijknet analyse`` give the E-I p-value of one network as one string.

    The issue saw "0,001", "0,002" and "< 0,001": the page formatted p with
    three decimals (1/1001 -> "0,001"), a second page used 500 permutations
    (1/501 -> "0,002") and the report said "< 0,001". Now every path uses
    :data:`wijknet.core.settings.PERMUTATIONS` and seed ``SEED`` and
    :func:`wijknet.core.formatting.p_value`.
    """
    import pandas as pd
    from typer.testing import CliRunner

    from tests.webapp.test_pages import write_project
    from wijknet import load_project
    from wijknet.cli.app import app
    from wijknet.report import build_wijk_report
    from wijknet.report.render import MEASURES, show
    from wijknet.webapp import state

    folder = write_project(tmp_path / "p", n=12)
    project = load_project(folder)
    # 1. the app: the cached table of the Kengetallen page, formatted by the page's rule (MEASURES)
    sig = (
        state.signature(folder),
        "onderzoeker",
        True,
    )  # (files, audience, unlocked) as Selection.key
    page = state.network_table(str(folder), sig, "Noord").set_index("wave")
    kind = dict((c, k) for c, _, k in MEASURES)["ei_p_value"]
    on_page = [show(page.at[w, "ei_p_value"], kind, "nl") for w in ("2025", "2026")]
    # 2. the report with the app's report setting
    report = build_wijk_report(
        project, "Noord", "2026", n_permutations=state.REPORT_PERMUTATIONS, seed=u.SEED
    )
    in_report = [
        fmt.p_value(v, "nl")
        for v in report.network.set_index("wave").loc[["2025", "2026"], "ei_p_value"]
    ]
    # 3. wijknet analyse with its defaults
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyse", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(next(out.glob("network*.csv")), dtype={"wave": str})
    table = table[table["wijk"] == "Noord"].set_index("wave")
    from_cli = [fmt.p_value(table.at[w, "ei_p_value"], "nl") for w in ("2025", "2026")]
    assert on_page == in_report == from_cli
    assert state.APP_PERMUTATIONS == state.REPORT_PERMUTATIONS == settings.PERMUTATIONS
