"""LimeSurvey survey structures (.lss) checked against the instrument before the fieldwork."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import write
from wijknet import DataError
from wijknet.cli.app import app
from wijknet.ingest.lss import check_lss

SURVEYS = Path(__file__).resolve().parents[1] / "fixtures" / "surveys"


def test_survey_built_as_documented_matches():
    check = check_lss(SURVEYS / "limesurvey-wijknetwerk.lss")
    assert check.ok and check.questions == 32


def test_renamed_question_wrong_answer_codes_and_extra_question_are_each_named():
    check = check_lss(SURVEYS / "limesurvey-wijknetwerk-afwijkend.lss")
    by_column = {}
    for p in check.problems:
        by_column.setdefault(p.column, []).append(p.message)
        assert p.file == "limesurvey-wijknetwerk-afwijkend.lss"
    assert set(by_column) == {"AFREQ", "AFREQUENTIE", "AREF", "WREF", "EXTRA"}
    assert (
        "ontbreekt" in by_column["AFREQ"][0]
        and "niet in het instrument" in by_column["AFREQUENTIE"][0]
    )
    assert any("4" in m and "ontbreken" in m for m in by_column["AREF"]) and any(
        "7" in m for m in by_column["AREF"]
    )


def test_cli_instrument_check(tmp_path):
    ok = CliRunner().invoke(
        app, ["instrument", "check", str(SURVEYS / "limesurvey-wijknetwerk.lss")]
    )
    assert ok.exit_code == 0 and "past bij instrument" in ok.output
    bad = CliRunner().invoke(
        app, ["instrument", "check", str(SURVEYS / "limesurvey-wijknetwerk-afwijkend.lss")]
    )
    assert bad.exit_code == 2 and "AFREQUENTIE" in bad.output and "Traceback" not in bad.output


@pytest.mark.parametrize(("content", "says"), [
    ("<document><LimeSurveyDocType>Question</LimeSurveyDocType></document>", "LimeSurvey"),
    ("<survey/>", "LimeSurvey"),
    ("<document>", "XML"),
    ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><document>&a;</document>', "DOCTYPE"),
    ("", "XML"),
])  # fmt: skip
def test_not_an_lss_file(tmp_path, content, says):
    with pytest.raises(DataError) as exc:
        check_lss(write(tmp_path, "vragenlijst.lss", content))
    assert exc.value.problems[0].file == "vragenlijst.lss" and says in str(exc.value)


FUZZ = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TAGS = st.sampled_from(["qid", "parent_qid", "type", "title", "code", "scale_id", "question"])
VALUES = st.sampled_from(
    ["", "0", "1", "2", "F", "L", "M", "Y", "AFREQ", "AKNOW", "RKERN", "SQ001", "SQ9", "x", "&amp;"]
)


@FUZZ
@given(sections=st.lists(st.tuples(st.sampled_from(["questions", "subquestions", "answers"]),
                                   st.lists(st.lists(st.tuples(TAGS, VALUES), max_size=5), max_size=4)), max_size=4),
       cut=st.integers(min_value=0, max_value=400))  # fmt: skip
def test_fuzz_lss(sections, cut):
    body = "".join(f"<{name}><rows>" + "".join("<row>" + "".join(f"<{t}>{v}</{t}>" for t, v in row) + "</row>"
                                                 for row in rows) + f"</rows></{name}>" for name, rows in sections)  # fmt: skip
    xml = f"<document><LimeSurveyDocType>Survey</LimeSurveyDocType>{body}</document>"
    path = write(
        Path(tempfile.mkdtemp(prefix="wijknet-lss-")),
        "fuzz.lss",
        xml[: len(xml) - cut] if cut else xml,
    )
    try:
        check = check_lss(path)
    except DataError as exc:
        assert exc.problems[0].file == "fuzz.lss"
    else:
        assert all(p.file == "fuzz.lss" and p.column for p in check.problems)
