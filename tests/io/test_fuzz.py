"""No input makes the readers crash with anything but a DataError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ACTORS, TIES
from tests.fuzz import examples
from wijknet import DataError, load_project
from wijknet.io.tables import read_table

CELLS = st.sampled_from(
    [
        "",
        "z1",
        "z2",
        "w1",
        "Noord",
        "Zuid",
        "2025",
        "zorg",
        "ja",
        "nee",
        "2,5",
        "-1",
        "é",
        "\ufeff",
        '"',
        ";",
        ",",
        "=1+2",
        "NaN",
        "  ",
    ]
)
FUZZ = settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _load(actors: bytes, ties: bytes, suffix: str = ".csv"):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / f"actors{suffix}").write_bytes(actors)
        (folder / "ties.csv").write_bytes(ties)
        try:
            return load_project(folder)
        except DataError as exc:
            assert exc.problems and str(exc)
            return None


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes(raw):
    _load(raw, TIES.encode())
    _load(ACTORS.encode(), raw)
    _load(raw, TIES.encode(), suffix=".xlsx")


@FUZZ
@given(st.text(max_size=300))
def test_arbitrary_text(content):
    for encoding in ("utf-8", "utf-16"):
        _load(content.encode(encoding, "surrogatepass"), TIES.encode())


@FUZZ
@given(
    st.lists(st.lists(CELLS, min_size=1, max_size=8), min_size=0, max_size=8),
    st.sampled_from([",", ";", "\t"]),
)
def test_tie_tables_from_tricky_cells(rows, delimiter):
    header = delimiter.join(["wijk", "wave", "source", "target", "tie_type", "weight", "evidence"])
    body = "\n".join(delimiter.join(r) for r in rows)
    project = _load(ACTORS.encode(), f"{header}\n{body}\n".encode())
    if project is not None:
        assert set(project.ties["source"]) <= set(project.actors["actor_id"])


@FUZZ
@given(st.lists(st.lists(CELLS, min_size=1, max_size=5), min_size=1, max_size=6))
def test_read_table_rows_match_spreadsheet_rows(rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_text("\n".join(";".join(r) for r in rows), encoding="utf-8")
        try:
            df = read_table(path)
        except DataError:
            return
        assert all(isinstance(i, int) and i >= 2 for i in df.index)


QUIRK_CELLS = st.sampled_from(
    ["", "z1", "Noord", "zorg", '"', '"open', 'a"b', "\u202e", "\x00", "\x1b", "\n", "sep=;", "inf"]
)


@FUZZ
@given(rows=st.lists(st.lists(QUIRK_CELLS, min_size=1, max_size=5), min_size=1, max_size=6),
       delimiter=st.sampled_from([",", ";", "\t"]), sep_line=st.booleans(),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
       suffix=st.sampled_from([".csv", ".txt", ".xls"]))  # fmt: skip
def test_spreadsheet_quirks_give_a_table_or_a_data_error(
    rows, delimiter, sep_line, encoding, suffix
):
    """sep= lines, UTF-16, unclosed quotes, control characters and files called .xls: a table or a DataError."""
    content = (
        ("sep=" + delimiter + "\n" if sep_line else "")
        + "\n".join(delimiter.join(r) for r in rows)
        + "\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"actors{suffix}"
        path.write_bytes(content.encode(encoding, "replace"))
        try:
            df = read_table(path)
        except DataError as exc:
            assert exc.problems and all(p.file == path.name for p in exc.problems)
        else:
            for note in df.attrs["notes"]:
                assert note.file == path.name and note.row is not None and note.column
            assert not any("\u202e" in str(v) or "\x00" in str(v) for v in df.to_numpy().ravel())
