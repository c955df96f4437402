from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import write
from wijknet.core.errors import DataError
from wijknet.io.tables import clean_cell, normalise_column, read_table, sniff_delimiter


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


# -- spreadsheet quirks (issue 12, item 8) and invisible characters (issue 10, finding 11) -----------------

TABLE = "actor_id,wijk,domain,name\n01,Noord,zorg,Praktijk Café\n02,Noord,welzijn,Coach Fictief\n"


def test_excel_unicode_text_utf16_tab_separated(tmp_path):
    """Excel's "Unicode text" (*.txt): UTF-16 little endian with a BOM, tab-separated."""
    path = write(
        tmp_path,
        "actors.txt",
        b"\xff\xfe" + TABLE.replace(",", "\t").replace("\n", "\r\n").encode("utf-16-le"),
    )
    df = read_table(path)
    assert (
        list(df.columns) == ["actor_id", "wijk", "domain", "name"]
        and df.loc[2, "name"] == "Praktijk Café"
    )
    assert df.loc[3, "actor_id"] == "02"


def test_sep_line_sets_the_delimiter_and_is_not_a_row(tmp_path):
    content = "sep=;\r\n" + TABLE.replace(",", ";").replace("Café", "Café, praktijk")
    df = read_table(write(tmp_path, "actors.csv", content))
    assert list(df.columns) == ["actor_id", "wijk", "domain", "name"]
    assert df.loc[2, "name"] == "Praktijk Café, praktijk" and list(df.index) == [2, 3]


def test_unclosed_quote_is_reported_with_its_row(tmp_path):
    """Without the check, row 3's name would swallow every later actor."""
    content = (
        TABLE
        + '03,Noord,zorg,"Huisarts Fictief\n04,Noord,zorg,Verpleging Fictief\n05,Zuid,gemeente,Consulent\n'
    )
    with pytest.raises(DataError) as err:
        read_table(write(tmp_path, "actors.csv", content))
    [p] = err.value.problems
    assert (p.file, p.row) == ("actors.csv", 4) and "aanhalingsteken" in p.message
    # A quoted cell with a line break, and a quote inside an unquoted cell, are fine.
    ok = read_table(
        write(tmp_path, "ok.csv", TABLE + '03,Noord,zorg,"Huis\narts"\n04,Noord,zorg,De "Linde"\n')
    )
    assert ok.loc[4, "name"] == "Huis\narts" and ok.loc[5, "name"] == 'De "Linde"'


def test_xls_renamed_text_and_xlsx_get_a_clear_message(tmp_path):
    with pytest.raises(DataError) as err:
        read_table(write(tmp_path, "actors.xls", TABLE.replace(",", "\t")))
    assert "tekstbestand" in str(err.value) and "actors.xls" in str(err.value)
    xlsx = tmp_path / "real.xlsx"
    pd.DataFrame({"a": [1]}).to_excel(xlsx, index=False)
    with pytest.raises(DataError, match=".xlsx-werkmap"):
        read_table(write(tmp_path, "actors.xls", xlsx.read_bytes()))
    with pytest.raises(DataError, match="Excel 97-2003"):
        read_table(
            write(tmp_path, "broken.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
        )


LEGACY_XLS = next(Path(__import__("statsmodels").__file__).parent.glob("tsa/statespace/tests/results/frbny_nowcast/"
                                                                        "Nowcasting/test_spec_blocks.xls"), None)  # fmt: skip


@pytest.mark.skipif(
    LEGACY_XLS is None, reason="no Excel 97-2003 workbook at hand (statsmodels ships one)"
)
def test_legacy_xls_is_read_with_calamine():
    df = read_table(LEGACY_XLS)
    assert len(df) > 0 and len(df.columns) > 1 and all(isinstance(v, str) for v in df.iloc[0])


def test_every_other_sheet_with_data_gives_a_note_and_sheet_picks_one(tmp_path):
    path = tmp_path / "actors.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame().to_excel(writer, sheet_name="Leeg", index=False)
        pd.DataFrame({"actor_id": ["z1"], "wijk": ["Noord"]}).to_excel(
            writer, sheet_name="Noord", index=False
        )
        pd.DataFrame({"actor_id": ["g1"], "wijk": ["Zuid"]}).to_excel(
            writer, sheet_name="Zuid", index=False
        )
    df = read_table(path)
    assert list(df["actor_id"]) == ["z1"]
    [note] = df.attrs["notes"]
    assert note.file == "actors.xlsx" and "'Zuid'" in note.message and "--sheet" in note.message
    zuid = read_table(path, sheet="Zuid")
    assert list(zuid["actor_id"]) == ["g1"] and "'Noord'" in zuid.attrs["notes"][0].message
    with pytest.raises(DataError, match="Noord, Zuid"):
        read_table(path, sheet="Oost")


@pytest.mark.parametrize("bad", ["\u202e", "\x00", "\x07", "\u2066", "\x1b[31m"])
def test_invisible_characters_are_removed_with_a_note(tmp_path, bad):
    df = read_table(
        write(tmp_path, "actors.csv", TABLE.replace("Coach Fictief", f"Coach{bad} Fictief"))
    )
    assert df.loc[3, "name"] in ("Coach Fictief", "Coach[31m Fictief")
    [note] = df.attrs["notes"]
    assert (note.file, note.row, note.column) == ("actors.csv", 3, "name") and "U+" in note.message
    assert clean_cell("a\tb\nc") == ("a\tb\nc", [])  # tabs and line breaks are text
