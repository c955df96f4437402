"""The instrument definition, its validation, the codebook and the column mapping."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from wijknet.core.taxonomy import Taxonomy
from wijknet.ingest.instrument import (
    InstrumentError,
    column_map,
    instrument_from_dict,
    load_instrument,
    render_codebook,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGED = ROOT / "src" / "wijknet" / "data" / "instrument" / "wijknetwerk-v1.yaml"
HUMAN = ROOT / "surveys" / "wijknetwerk-v1.yaml"


def raw() -> dict:
    return yaml.safe_load(PACKAGED.read_text(encoding="utf-8"))


def test_one_source_of_truth():
    """surveys/ holds an identical copy of the packaged instrument."""
    assert HUMAN.read_bytes() == PACKAGED.read_bytes()
    assert load_instrument(HUMAN) == load_instrument()


def test_default_instrument_has_every_part_of_the_design():
    i = load_instrument()
    assert (i.id, i.version, i.max_write_ins) == ("wijknetwerk", "1.0", 5)
    keys = {(q.group, q.key) for q in i.questions}
    for key in (
        "actor_id",
        "wijk",
        "organisation",
        "role",
        "domain",
        "pluswijkteam",
        "kernaanpakken",
        "kpi3",
        "active",
        "participation_level",
    ):
        assert ("respondent", key) in keys
    partner = (
        "trust_reliability",
        "trust_mission",
        "trust_open",
        "value_power",
        "value_involvement",
        "value_resources",
    )
    for key in ("knows", "frequency", "intensity", "referral", *partner):
        assert ("roster", key) in keys
    for key in ("name", "organisation", "domain", "frequency", *partner):
        assert ("write_in", key) in keys
    assert [o.key for o in i.question("intensity", "roster").scale.options] == [
        "bewustzijn",
        "afstemming",
        "coordinatie",
        "integratie",
    ]
    assert [o.code for o in i.question("frequency", "roster").scale.options] == [1, 2, 3, 4, 5]
    assert [o.key for o in i.question("referral", "roster").scale.options] == [
        "naar",
        "van",
        "beide",
        "geen",
    ]
    assert [o.key for o in i.question("participation_level").scale.options] == [
        "informeren",
        "raadplegen",
        "adviseren",
        "coproduceren",
        "meebeslissen",
    ]
    assert [o.key for o in i.question("kernaanpakken").scale.options] == [
        "Doorbraakmethode",
        "Welzijn op Recept",
        "Kernteam Ouderen",
        "PlusPraktijken",
    ]
    for key in partner:
        scale = i.question(key, "roster").scale
        assert [o.code for o in scale.options] == [1, 2, 3, 4] and scale.dont_know is not None
    assert {o.key for o in i.question("domain").scale.options} == set(Taxonomy.default().domains)
    assert (
        "Ik werk meer integraal en domeinoverstijgend samen dan een jaar geleden"
        in i.question("kpi3").nl
    )
    for q in i.questions:
        assert q.nl and q.en
        for o in q.scale.options if q.scale else ():
            assert o.nl and o.en


def test_codebook_has_every_question_in_dutch_and_english():
    i = load_instrument()
    nl = render_codebook(i, "nl")
    en = render_codebook(i, "en")
    both = render_codebook(i, "both", fmt="html")
    for q in i.questions:
        assert q.nl in nl and q.en in en
        assert q.tag("qualtrics") in nl and q.tag("limesurvey") in en
        for o in q.scale.options if q.scale else ():
            assert o.nl in nl and o.en in en
    assert both.startswith("<!DOCTYPE html>") and "<table>" in both
    assert "Coördinatie" in both and "Coordination" in both and "A_FREQ_&lt;k&gt;" in both
    assert "# Codeboek" in nl and "# Codebook" in en


def test_column_map_names_every_export_column():
    i = load_instrument()
    q = column_map(i, "qualtrics", roster_size=3)
    ls = column_map(i, "limesurvey", roster_size=3)
    assert len(q) == len(ls) and not q["column"].duplicated().any()
    assert {"A_FREQ_1", "A_FREQ_3", "W_NAME_5", "R_KERN_4", "P_KPI3", "actor_id"} <= set(
        q["column"]
    )
    assert {
        "AFREQ[SQ001]",
        "AFREQ[SQ003]",
        "WNAME[SQ005]",
        "RKERN[SQ004]",
        "PKPI3",
        "ACTORID",
    } <= set(ls["column"])
    assert "A_FREQ_4" not in set(q["column"])
    row = ls[ls["column"] == "ATRREL[SQ002]"].iloc[0]
    assert (row.question, row.scope, row.position) == ("trust_reliability", "roster", 2)
    with pytest.raises(InstrumentError):
        column_map(i, "surveymonkey", 3)


def problems_of(data: dict) -> list[str]:
    with pytest.raises(InstrumentError) as info:
        instrument_from_dict(data, "test.yaml")
    assert all(p.file == "test.yaml" for p in info.value.problems)
    return [f"{p.column}: {p.message}" for p in info.value.problems]


def test_validation_reports_every_problem_in_the_definition():
    data = raw()
    data["version"] = ""
    roster = data["blocks"][1]["questions"]
    roster[1]["en"] = ""  # frequency without English text
    roster[2]["scale"] = "nope"  # unknown scale
    roster[3]["code"] = "RE_F"  # not a valid LimeSurvey code
    data["scales"]["frequency"]["options"][1]["code"] = 1  # duplicate option code
    data["scales"]["domain"]["options"][0]["key"] = "zorgen"  # not a taxonomy key
    data["blocks"][3]["questions"] = [
        q for q in data["blocks"][3]["questions"] if q["key"] != "kpi3"
    ]
    found = "\n".join(problems_of(data))
    for expected in ("version", "roster.frequency: Nederlandse", "onbekende schaal 'nope'", "code 'RE_F'",
                     "code '1' komt twee keer", "domein 'zorgen'", "respondent.kpi3"):  # fmt: skip
        assert expected in found, expected


def test_validation_of_duplicates_conditions_and_shape():
    data = raw()
    data["blocks"][0]["questions"].append(copy.deepcopy(data["blocks"][0]["questions"][2]))
    found = "\n".join(problems_of(data))
    assert "twee keer" in found
    data = raw()
    data["blocks"][3]["questions"][2]["show_if"] = {"question": "domain", "equals": "marsmannetjes"}
    assert "show_if" in "\n".join(problems_of(data))
    data = raw()
    data["scales"]["agree5"]["options"][0]["code"] = 99
    assert "ontbrekende codes" in "\n".join(problems_of(data))
    assert problems_of([1, 2])
    assert problems_of({"id": "x"})


def test_load_errors(tmp_path):
    with pytest.raises(InstrumentError, match="niet gevonden"):
        load_instrument(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(InstrumentError, match="YAML"):
        load_instrument(bad)


def test_column_map_of_the_form_tools_is_what_the_forms_importer_reads(tmp_path):
    """Headings built from column_map(…, "google-forms") import without a note: the map and the reader agree."""
    import csv
    import io

    from tests.ingest.exports import project_folder
    from wijknet.ingest import import_google_forms

    instrument = load_instrument()
    cmap = column_map(instrument, "google-forms", roster_size=4)
    assert set(cmap.loc[cmap["scope"] == "roster"].query("question == 'frequency'")["column"]) == {
        f"AFREQ [{k}]" for k in range(1, 5)
    }
    assert list(cmap.loc[cmap["question"] == "kernaanpakken", "column"]) == ["RKERN"]
    assert list(column_map(instrument, "microsoft-forms", 4)["column"]) == list(cmap["column"])
    header = ["Tijdstempel"] + [
        f"{c}. vraagtekst" if "[" not in c else c.replace(" [", ". vraagtekst [")
        for c in cmap["column"]
    ]
    values = {
        "ACTORID": "z1",
        "WIJK": "Noord",
        "AKNOW [2]": "Ja",
        "AFREQ [2]": "Wekelijks of vaker",
        "AINT [2]": "2",
        "AREF [2]": "Beide",
        "RKERN": "Doorbraakmethode, PlusPraktijken",
        "PKPI3": "Eens",
        "PACTIVE": "Ja",
    }
    row = ["1-3-2026 10:00:00"] + [values.get(c, "") for c in cmap["column"]]
    out = io.StringIO()
    csv.writer(out).writerows([header, row])
    path = tmp_path / "form.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    batch = import_google_forms(path, project_folder(tmp_path / "project"), instrument, wave="2026")
    assert batch.problems == ()
    assert set(zip(batch.ties["source"], batch.ties["target"], batch.ties["tie_type"])) == {
        ("z1", "z2", "samenwerking"),
        ("z1", "z2", "verwijzing"),
        ("z2", "z1", "verwijzing"),
    }  # "Beide": both ways
    assert batch.respondents.iloc[0].kernaanpakken == "Doorbraakmethode;PlusPraktijken"
