"""Coded interview files (coding sheet, MAXQDA, ATLAS.ti): the coding convention, bad input and fuzzing."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ACTORS
from tests.fuzz import examples
from wijknet.core.errors import DataError
from wijknet.ingest.interviews import (
    FORMATS,
    import_interviews,
    parse_code,
    split_codes,
)
from wijknet.io.tables import read_table

FUZZ = settings(
    max_examples=examples(120),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
_tmp = Path(tempfile.mkdtemp(prefix="wijknet-interviews-"))
(_tmp / "actors.csv").write_text(ACTORS, encoding="utf-8")
ACTOR_TABLE = read_table(_tmp / "actors.csv")


@pytest.mark.parametrize(("code", "meaning"), [
    ("actor: Huisarts Fictief", ("actor", "Huisarts Fictief")),
    ("Actor\\Huisarts Fictief", ("actor", "Huisarts Fictief")),
    ("Partij > w1", ("actor", "w1")),
    ("relatie: werkt samen met", ("relation", "samenwerking")),
    ("Relatie\\Verwijst naar", ("relation", "verwijzing")),
    ("relation: does not know but should", ("relation", "zou_moeten_kennen")),
    ("kent niet maar zou moeten", ("relation", "zou_moeten_kennen")),
    ("drempel", ("relation", "drempel")),
    ("relatie: wil verbinden", ("relation", "wens")),
    ("relatie: kent elkaar", ("relation", "?kent elkaar")),
    ("Geïnterviewde: z1", ("interviewee", "z1")),
    ("van: z2", ("from", "z2")),
    ("wijk: Noord", ("wijk", "Noord")),
    ("thema: ouderen", ("theme", "ouderen")),  # issue 14: theme codes are kept
    ("Thema\\Drempels\\Geld", ("theme", "drempels\\geld")),
    ("eenzaamheid", None),
    ("", None),
])  # fmt: skip
def test_coding_convention(code, meaning):
    assert parse_code(code) == meaning


def test_codes_are_split_on_semicolons_and_lines():
    assert split_codes("actor: a; relatie: werkt samen met\nthema: x|y") == ["actor: a", "relatie: werkt samen met",
                                                                              "thema: x", "y"]  # fmt: skip


def _file(content: str, name: str = "codes.csv") -> Path:
    path = _tmp / name
    path.write_text(content, encoding="utf-8")
    return path


def test_sheet_wave_and_wijk_from_columns():
    path = _file("interview_id,interviewee,segment,codes,wijk,wave\n"
                 "g,Huisarts Fictief,tekst,actor: Coach Fictief; relatie: werkt samen met,Noord,2026\n")  # fmt: skip
    found = import_interviews(path, "interviews", ACTOR_TABLE)
    assert list(zip(found.ties["source"], found.ties["target"], found.ties["wave"])) == [
        ("z1", "w1", "2026")
    ]


def test_interviewee_of_another_wijk_is_refused():
    path = _file(
        "interview_id,interviewee,segment,codes,wijk\ng,g1,tekst,actor: w1; relatie: werkt samen met,Noord\n"
    )
    with pytest.raises(DataError) as exc:
        import_interviews(path, "interviews", ACTOR_TABLE, wave="2026")
    assert "codes.csv, rij 2, kolom 'interviewee'" in str(exc.value) and "wijk 'Noord'" in str(
        exc.value
    )


def test_two_interviewees_in_one_interview():
    path = _file(
        "interview_id,interviewee,segment,codes\ng,z1,a,actor: w1; verwijst naar\ng,z2,b,actor: w1; verwijst naar\n"
    )
    with pytest.raises(DataError) as exc:
        import_interviews(path, "interviews", ACTOR_TABLE, wave="2026")
    assert "rij 3, kolom 'interviewee'" in str(
        exc.value
    ) and "één geïnterviewde per gesprek" in str(exc.value)


def test_maxqda_interviewee_from_document_name_and_missing_columns():
    path = _file("Document group,Document name,Code,Begin,End,Segment\n"
                 "Noord,z1 gesprek,Actor\\w1,2,2,Met de coach.\nNoord,z1 gesprek,werkt samen met,2,2,Met de coach.\n",
                 "maxqda.csv")  # fmt: skip
    found = import_interviews(path, "maxqda", ACTOR_TABLE, wave="2026")
    assert list(zip(found.ties["source"], found.ties["target"], found.ties["source_row"])) == [
        ("z1", "w1", "2")
    ]
    bad = _file("Document group,Code,Segment\nNoord,Actor\\w1,tekst\n", "maxqda.csv")
    with pytest.raises(DataError) as exc:
        import_interviews(bad, "maxqda", ACTOR_TABLE, wave="2026")
    assert "maxqda.csv, kolom 'Document name'" in str(exc.value)


def test_atlasti_unknown_interviewee_names_the_document_cell():
    path = _file("ID,Quotation Name,Document,Quotation Content,Codes\n1:1,,interview Zuid,tekst,\"actor: w1\nverwijst naar\"\n",
                 "atlas.csv")  # fmt: skip
    with pytest.raises(DataError) as exc:
        import_interviews(path, "atlasti", ACTOR_TABLE, wave="2026")
    assert "atlas.csv, rij 2, kolom 'Document'" in str(exc.value) and "geïnterviewde" in str(
        exc.value
    )


# -- fuzzing: any input gives a result or a DataError, never another exception ------------------------

CELLS = st.sampled_from(["", "z1", "w1", "g1", "x9", "Noord", "Zuid", "Oost", "2026", "2025", "actor: w1", "actor:",
                         "Actor\\Coach Fictief", "relatie: werkt samen met", "relatie: ???", "drempel", "van: z2",
                         "van: niemand", "geïnterviewde: z1", "wijk: Zuid", "wil verbinden; actor: Nieuw Fictief",
                         "actor: z1; verwijst naar", "1:2", "\n", ";", '"', "=1+2", "é", "\ufeff", "  "])  # fmt: skip
COLUMNS = st.sampled_from(["interview_id", "interviewee", "segment", "codes", "code", "wijk", "wave", "segment_id",
                           "Document group", "Document name", "Begin", "End", "Segment", "ID", "Document",
                           "Quotation Content", "Quotation Name", "Codes", "Document Groups", "", "x"])  # fmt: skip


def _import_all(raw: bytes, suffix: str = ".csv") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"interviews{suffix}"
        path.write_bytes(raw)
        for fmt in FORMATS:
            for wave, wijk in ((None, None), ("2026", None), ("2026", "Noord")):
                try:
                    found = import_interviews(path, fmt, ACTOR_TABLE, wave=wave, wijk=wijk)
                except DataError as exc:
                    assert exc.problems and str(exc)
                    continue
                assert (found.ties["source"] != found.ties["target"]).all()


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes(raw):
    _import_all(raw)
    _import_all(raw, ".xlsx")


@FUZZ
@given(st.lists(COLUMNS, min_size=1, max_size=7), st.lists(st.lists(CELLS, max_size=8), max_size=5),
       st.sampled_from([",", ";", "\t"]))  # fmt: skip
def test_coding_shaped_tables(columns, rows, delimiter):
    lines = [delimiter.join(f'"{c}"' for c in columns)]
    lines += [delimiter.join('"' + c.replace('"', '""') + '"' for c in row) for row in rows]
    _import_all(("\n".join(lines) + "\n").encode("utf-8"))


@FUZZ
@given(st.lists(st.lists(CELLS, min_size=4, max_size=4), max_size=4))
def test_xlsx_coding_sheets(rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "codes.xlsx"
        pd.DataFrame(rows, columns=["interview_id", "interviewee", "segment", "codes"]).to_excel(
            path, index=False
        )
        _import_all(path.read_bytes(), ".xlsx")


# -- real export layouts (tests/fixtures/interviews, see tests/fixtures/README.md) -----------------------

INTERVIEW_FIXTURES = Path(__file__).parents[1] / "fixtures" / "interviews"
SEGMENT_A = "Met de coach plannen we samen de inloop, elke dinsdag."
SEGMENT_B = "Naar de wijkverpleging verwijs ik door als het thuis niet meer gaat."


@pytest.mark.parametrize("lang", ["en", "de", "nl"])
def test_maxqda_two_segments_in_one_paragraph_stay_two(lang):
    """Paragraph 4 holds two coded segments: each keeps its own tie and quote (no false referral, no swapped quote)."""
    found = import_interviews(
        INTERVIEW_FIXTURES / f"maxqda-coded-segments-{lang}.csv", "maxqda", ACTOR_TABLE, wave="2026"
    )
    ties = {(t.source, t.target, t.tie_type): t for t in found.ties.itertuples()}
    assert set(ties) == {("z1", "w1", "samenwerking"), ("z1", "z2", "verwijzing")}
    assert ties[("z1", "w1", "samenwerking")].quote == SEGMENT_A
    assert ties[("z1", "z2", "verwijzing")].quote == SEGMENT_B
    ids = {t.segment_id for t in ties.values()}
    assert len(ids) == 2 and all(i.startswith("z1 gesprek:4-4#") for i in ids)
    assert found.segments == 3
    # Colour, weight, comment, author, date, area and coverage are not read: each is named once.
    unused = [p.column for p in found.problems if p.row is None]
    assert len(unused) == 7 and len(set(unused)) == 7


def test_maxqda_segment_identity_is_stable_and_one_segment_keeps_its_plain_id():
    path = _file("Document group,Document name,Code,Begin,End,Segment\n"
                 "Noord,z1 gesprek,Actor\\w1,2,2,Met de coach.\nNoord,z1 gesprek,werkt samen met,2,2,Met de coach.\n",
                 "maxqda.csv")  # fmt: skip
    assert list(import_interviews(path, "maxqda", ACTOR_TABLE, wave="2026").ties["segment_id"]) == [
        "z1 gesprek:2-2"
    ]
    first = import_interviews(
        INTERVIEW_FIXTURES / "maxqda-coded-segments-en.csv", "maxqda", ACTOR_TABLE, wave="2026"
    )
    again = import_interviews(
        INTERVIEW_FIXTURES / "maxqda-coded-segments-de.csv", "maxqda", ACTOR_TABLE, wave="2026"
    )
    assert sorted(first.ties["segment_id"]) == sorted(again.ties["segment_id"])


def test_atlasti_quotation_export():
    found = import_interviews(
        INTERVIEW_FIXTURES / "atlasti-quotations.csv", "atlasti", ACTOR_TABLE, wave="2026"
    )
    assert {(t.target, t.tie_type, t.segment_id, t.quote) for t in found.ties.itertuples()} == {
        ("w1", "samenwerking", "1:3", SEGMENT_A),
        ("z2", "verwijzing", "1:4", SEGMENT_B),
    }
    assert "Density" not in {p.column for p in found.problems} and "density" in {
        p.column for p in found.problems
    }
