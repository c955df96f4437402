from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import write
from wijknet.errors import DataError
from wijknet.io.tables import normalise_column, read_table, sniff_delimiter


def test_semicolon_cp1252_bom_and_comma_give_same_table(tmp_path):
    text = "actor_id;wijk;domain;name\n01;Daalhof;zorg;Praktijk Café\n"
    a = read_table(write(tmp_path, "a.csv", text, "cp1252"))
    b = read_table(write(tmp_path, "b.csv", "\ufeff" + text.replace(";", ","), "utf-8"))
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))
    assert a.loc[2, "name"] == "Praktijk Café"
    assert a.loc[2, "actor_id"] == "01", "ids keep leading zeros"


def test_header_names_are_normalised():
    assert normalise_column("\ufeff Actor ID ") == "actor_id"
    assert normalise_column("Tie-Type") == "tie_type"


def test_sniffer_ignores_delimiters_inside_quotes():
    assert sniff_delimiter('"a,b";c;d') == ";"


def test_row_numbers_are_spreadsheet_rows(tmp_path):
    df = read_table(write(tmp_path, "t.csv", "a,b\n1,2\n\n3,4\n"))
    assert list(df.index) == [2, 4]


def test_trailing_delimiters_are_tolerated(tmp_path):
    df = read_table(write(tmp_path, "t.csv", "a;b;;\n1;2;;\n"))
    assert list(df.columns) == ["a", "b"]


def test_ragged_row_names_row_and_suggests_delimiter(tmp_path):
    with pytest.raises(DataError) as err:
        read_table(write(tmp_path, "t.csv", "a,b\n1,2,3\n"))
    problem = err.value.problems[0]
    assert problem.row == 2 and problem.file == "t.csv"
    assert "scheidingsteken" in problem.message


def test_empty_file_names_expected_columns(tmp_path):
    with pytest.raises(DataError) as err:
        read_table(write(tmp_path, "actors.csv", ""), expected=("actor_id", "wijk"))
    assert "actor_id, wijk" in str(err.value)


def test_file_that_is_not_excel(tmp_path):
    with pytest.raises(DataError) as err:
        read_table(write(tmp_path, "actors.xlsx", "actor_id,wijk\n"))
    assert "Excel" in str(err.value) and "actors.xlsx" in str(err.value)


def test_truncated_excel(tmp_path):
    good = tmp_path / "good.xlsx"
    pd.DataFrame({"a": [1]}).to_excel(good, index=False)
    write(tmp_path, "bad.xlsx", good.read_bytes()[:200])
    with pytest.raises(DataError):
        read_table(tmp_path / "bad.xlsx")


def test_excel_reads_as_strings_with_row_numbers(tmp_path):
    path = tmp_path / "actors.xlsx"
    pd.DataFrame({"Actor ID": ["007", "b"], "weight": [2.0, 2.5]}).to_excel(path, index=False)
    df = read_table(path)
    assert df.loc[2, "actor_id"] == "007"
    assert df.loc[2, "weight"] == "2" and df.loc[3, "weight"] == "2.5"


def test_duplicate_and_unnamed_columns(tmp_path):
    with pytest.raises(DataError, match="twee keer"):
        read_table(write(tmp_path, "t.csv", "a,A\n1,2\n"))
    with pytest.raises(DataError, match="geen naam"):
        read_table(write(tmp_path, "t.csv", "a,,b\n1,x,2\n"))


def test_unknown_extension(tmp_path):
    with pytest.raises(DataError, match=".sav"):
        read_table(write(tmp_path, "t.sav", "a"))
