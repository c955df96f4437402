"""Hostile input: files over the size limit and xlsx zip bombs are refused before they are read."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from tests.conftest import ACTORS, write
from wijknet.core.errors import DataError
from wijknet.ingest.grid import read_grid
from wijknet.io.tables import check_xlsx, read_table
from wijknet.store.uploads import safe_name, save_uploads


def _workbook(path):
    wb = openpyxl.Workbook()
    wb.active.append(["actor_id", "wijk", "domain"])
    wb.active.append(["a1", "Noord", "zorg"])
    wb.save(path)
    return path


def _bomb(path, *, size: int = 60 * 1024 * 1024, members: int = 0):
    """A real workbook plus one highly compressible member (``size`` bytes of zeros) or many tiny members."""
    good = _workbook(path.with_name("good.xlsx"))
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        if size:
            with dst.open("xl/media/padding.bin", "w") as fh:
                block = b"\0" * (1 << 20)
                for _ in range(size // len(block)):
                    fh.write(block)
        for i in range(members):
            dst.writestr(f"xl/extra/{i}.xml", b"")
    return path


def test_a_large_file_is_refused_with_the_limit(tmp_path, monkeypatch):
    path = write(tmp_path, "actors.csv", ACTORS)
    monkeypatch.setenv("WIJKNET_MAX_FILE_MB", "0.0001")  # 104 bytes
    for reader in (read_table, read_grid):
        with pytest.raises(DataError) as exc:
            reader(path)
        (problem,) = exc.value.problems
        assert (
            problem.file == "actors.csv"
            and "is 595 bytes; verwacht hoogstens 104 bytes" in problem.message
        )
    monkeypatch.delenv("WIJKNET_MAX_FILE_MB")
    assert len(read_table(path)) == 6


def test_an_ordinary_workbook_passes(tmp_path):
    path = _workbook(tmp_path / "actors.xlsx")
    check_xlsx(path)
    assert list(read_table(path)["actor_id"]) == ["a1"]


def test_a_highly_compressed_workbook_is_refused_unopened(tmp_path, monkeypatch):
    path = _bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 1024 * 1024  # 60 MB of zeros in well under 1 MB
    opened = []
    monkeypatch.setattr(openpyxl.reader.excel, "load_workbook", lambda *a, **k: opened.append(a))
    for reader in (read_table, read_grid):
        with pytest.raises(DataError) as exc:
            reader(path)
        (problem,) = exc.value.problems
        assert problem.file == "bomb.xlsx" and "groter dan gecomprimeerd" in problem.message
        assert "gewone werkmap" in problem.message
    assert not opened


def test_a_workbook_unpacking_too_large_or_into_too_many_parts_is_refused(tmp_path):
    big = _bomb(tmp_path / "big.xlsx", size=8 * 1024 * 1024)
    with pytest.raises(DataError, match="tot 8,0 MB"):
        check_xlsx(big, max_unpacked=4 * 1024 * 1024, max_ratio=10_000)
    many = _bomb(tmp_path / "many.xlsx", size=0, members=300)
    with pytest.raises(DataError, match="onderdelen"):
        check_xlsx(many, max_members=200)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\win.ini", "win.ini"),
        ("/abs/path/enquête 2026.csv", "enquête 2026.csv"),
        ("..", "upload"),
        ("", "upload"),
        ("a\x00b\r\n\x1b.csv", "ab.csv"),
        ("...csv", "csv"),
        ("x/..", "upload"),
        ("naam\u202egpj.csv", "naamgpj.csv"),  # right-to-left override removed
    ],
)
def test_upload_names_are_sanitised(name, expected):
    assert safe_name(name) == expected


def test_uploads_stay_in_their_own_temporary_folder(tmp_path):
    with save_uploads(
        [("../../../outside.csv", b"a"), ("outside.csv", b"b"), ("/etc/x.csv", b"c")]
    ) as up:
        assert [p.name for p in up.paths] == ["outside.csv", "outside (2).csv", "x.csv"]
        assert all(p.parent == up.folder for p in up.paths)
        assert [p.read_bytes() for p in up.paths] == [b"a", b"b", b"c"]
        folder = up.folder
    assert not folder.exists()


def test_an_upload_over_the_limit_is_not_written(tmp_path):
    with pytest.raises(DataError, match="hoogstens"):
        save_uploads([("groot.csv", b"x" * 2048)], limit=1024)
