"""The wijk and programme reports: contents, numbers, provenance and self-containment."""

from __future__ import annotations

import hashlib
import math
import re

import pandas as pd
import pytest

import wijknet
import wijknet.datasets.demo
from tests.report.conftest import PERMUTATIONS
from wijknet.core import formatting as fmt
from wijknet.core.errors import DataError
from wijknet.metrics import connectors
from wijknet.report import (
    build_programme_report,
    build_wijk_report,
    data_hash,
    render_html,
    write_report,
)
from wijknet.report.build import source_files

WIJK_SECTIONS = (
    "samenvatting",
    "kaart",
    "kengetallen",
    "verandering",
    "verbinders",
    "domeinmenging",
    "kpi3",
    "respons",
    "bijlage",
)


def no_remote(html: str) -> list[str]:
    """Everything in ``html`` that would load or link something from elsewhere."""
    problems = re.findall(
        r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*""", html, re.IGNORECASE
    )
    problems += re.findall(r"<script\b|<link\b|<iframe\b|<img\b|@import|url\(", html, re.IGNORECASE)
    # The only absolute URL allowed is the SVG namespace (an identifier, never fetched).
    problems += [
        u for u in re.findall(r"https?://[^\s\"'<>)]+", html) if u != "http://www.w3.org/2000/svg"
    ]
    return problems


@pytest.fixture(scope="module")
def html_nl(daalhof):
    return render_html(daalhof, "nl")


def test_wijk_report_has_every_section_in_dutch(html_nl):
    for section in WIJK_SECTIONS:
        assert f'id="{section}"' in html_nl
    for heading in (
        "Wijknetwerk Daalhof",
        "meting 2026",
        "Netwerkkaart",
        "Kengetallen",
        "Verbinders en kwetsbare bruggen",
        "Domeinmenging",
        "Verandering sinds de vorige meting",
        "KPI 3",
        "Respons en kwaliteit",
        "Bijlage: methoden, gegevens en herkomst",
        "Krackhardt",
        "Gould, R. V.",
    ):
        assert heading in html_nl, heading
    assert "Fictieve demodata" in html_nl
    assert "<svg" in html_nl and "<circle" in html_nl  # the static map
    assert html_nl.count("@page") == 1 and "size: A4" in html_nl


def test_wijk_report_is_self_contained(html_nl, programme):
    assert no_remote(html_nl) == []
    assert no_remote(render_html(programme, "nl")) == []


def test_numbers_match_analyse(daalhof, analysis, html_nl):
    net = analysis.network_metrics
    # The report uses the observed graphs: analyse's default treatment "none" (its last column).
    assert set(net["nonresponse"]) == {"none"}
    mine = net[net["wijk"] == "Daalhof"].drop(columns="nonresponse").reset_index(drop=True)
    pd.testing.assert_frame_equal(
        daalhof.network[mine.columns].reset_index(drop=True), mine, check_dtype=False
    )
    change = analysis.change
    row = change[
        (change["wijk"] == "Daalhof")
        & (change["wave_from"] == "2025")
        & (change["wave_to"] == "2026")
    ].iloc[0]
    for key in (
        "ties_kept",
        "ties_new",
        "ties_lost",
        "jaccard",
        "new_cross_domain",
        "qap_correlation",
        "qap_p_value",
    ):
        assert daalhof.change[key] == pytest.approx(row[key], nan_ok=True), key
    actors = analysis.actor_metrics
    actors = actors[(actors["wijk"] == "Daalhof") & (actors["wave"] == "2026")].set_index(
        "actor_id"
    )
    mine = daalhof.actors.set_index("actor_id")
    assert (mine["brokerage_total"] == actors.loc[mine.index, "brokerage_total"]).all()
    # The printed values, formatted the Dutch way.
    cur = daalhof.current
    assert fmt.number(cur["density"], 3, "nl") in html_nl and "," in fmt.number(
        cur["density"], 3, "nl"
    )
    assert fmt.number(100 * cur["cross_domain_share"], 0, "nl") + "%" in html_nl
    assert (
        fmt.number(cur["ei_index"], 2, "nl").replace("-", "−") in html_nl
        or fmt.number(cur["ei_index"], 2, "nl") in html_nl
    )
    # the default change definition of every screen: all actors (report.render.change_counts)
    assert f">{fmt.number(row['ties_new_all'], 0, 'nl')}<" in html_nl
    kpi = analysis.kpi3
    k = kpi[(kpi["wijk"] == "Daalhof") & (kpi["wave"] == "2026")].iloc[0]
    assert fmt.number(100 * k["share"], 0, "nl") + "%" in html_nl
    assert ">doorgaan<" in html_nl or "analyse gevraagd" in html_nl or "verbeterplan" in html_nl


def test_connectors_follow_the_library_definition(daalhof, demo):
    # The report lists the actors flagged by wijknet.metrics.connectors (top decile by brokerage, ties
    # included), in its rank order: the same actors as the app's Verbinders page and compare_wijken.
    top = daalhof.connectors
    flags = connectors(demo.graph("Daalhof", "2026"))
    assert list(top["actor_id"]) == list(flags.loc[flags["connector"], "actor_id"])
    assert len(top) >= math.ceil(len(daalhof.actors) / 10)
    assert list(top["rank"]) == sorted(top["rank"])
    assert list(top["brokerage_total"]) == sorted(top["brokerage_total"], reverse=True)
    assert set(daalhof.bridges["actor_id"]) == set(
        daalhof.actors.loc[daalhof.actors["articulation_point"].astype(bool), "actor_id"]
    )


def test_appendix_has_hashes_seed_and_permutations(daalhof, html_nl, demo_folder):
    prov = daalhof.provenance
    names = {f.name for f in prov.files}
    assert {"actors.csv", "ties.csv", "responses.csv", "wijknet.yaml"} <= names
    lines = ""
    for f in sorted(prov.files, key=lambda f: f.name):
        digest = hashlib.sha256((demo_folder / f.name).read_bytes()).hexdigest()
        assert f.sha256 == digest and digest in html_nl
        lines += f"{digest}  {f.name}\n"
    assert prov.data_sha256 == hashlib.sha256(lines.encode()).hexdigest() == data_hash(prov.files)
    assert prov.data_sha256 in html_nl
    rows = {f.name: f.rows for f in prov.files}
    assert rows["ties.csv"] == len(pd.read_csv(demo_folder / "ties.csv"))
    assert f"--seed 0 --permutations {PERMUTATIONS}" in html_nl
    assert f"wijknet {wijknet.__version__}" in html_nl
    assert "enquête 2026" in html_nl  # evidence labels of the wijk


def test_hash_changes_with_the_data(tmp_path):
    folder = wijknet.datasets.demo.write_demo(tmp_path / "p")
    before = data_hash(source_files(wijknet.load_project(folder))[0])
    with open(folder / "ties.csv", "a", encoding="utf-8") as fh:
        fh.write("Daalhof,2026,DAA-001,DAA-005,overleg,1,extra\n")
    after = data_hash(source_files(wijknet.load_project(folder))[0])
    assert before != after


def test_english_report(daalhof):
    html = render_html(daalhof, "en")
    assert (
        "Wijk network Daalhof" in html and "Network map" in html and "Fictional demo data" in html
    )
    cur = daalhof.current
    assert fmt.number(cur["density"], 3, "en") in html  # decimal point
    assert "Fictieve demodata" not in html


def test_first_wave_and_no_responses(demo):
    report = build_wijk_report(demo, "Eijsden", "2025", n_permutations=9)
    html = render_html(report, "nl")
    assert report.change is None and "is de eerste meting" in html
    no_responses = wijknet.Project.from_frames(
        demo.actors.astype(str), demo.ties.astype(str), demo.config
    )
    report = build_wijk_report(no_responses, "Eijsden", n_permutations=9)
    html = render_html(report, "nl")
    assert report.kpi is None and "geen enquêteantwoorden" in html
    assert report.provenance.in_memory and "(tabel)" in html


def test_unknown_wijk_or_wave_lists_the_choices(demo):
    with pytest.raises(DataError) as info:
        build_wijk_report(demo, "Atlantis", n_permutations=9)
    assert "Daalhof" in str(info.value)
    with pytest.raises(DataError) as info:
        build_programme_report(demo, "1999", n_permutations=9)
    assert "2025" in str(info.value)


def test_programme_report(programme, analysis):
    html = render_html(programme, "nl")
    for wijk in wijknet.datasets.demo.STORY:
        assert wijk in html
    assert (
        "overzicht voor de stuurgroep" in html
        and "Trends per wijk" in html
        and "Alle wijken samen" in html
    )
    assert 'id="bijlage"' in html and programme.provenance.data_sha256 in html
    net = analysis.network_metrics
    last = net[net["wave"] == "2027"].set_index("wijk")
    summary = programme.summary.set_index("wijk")
    assert summary.loc[last.index, "density"].tolist() == pytest.approx(last["density"].tolist())
    kpi = analysis.kpi3
    lindenheuvel = kpi[(kpi["wijk"] == "Lindenheuvel") & (kpi["wave"] == "2027")].iloc[0]
    assert summary.at["Lindenheuvel", "status"] == lindenheuvel["status"] == "improvement_plan"
    assert "verbeterplan" in html


def test_write_report_html(tmp_path, daalhof):
    path = write_report(daalhof, tmp_path / "sub" / "daalhof.html", lang="nl")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
