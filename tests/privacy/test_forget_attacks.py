"""Attacks on ``wijknet forget``: after the erasure a byte search of the whole project folder finds nothing.

The attacker has a copy of the project folder after ``wijknet forget`` and
knows the person's actor id and name. They search every file's bytes (the
database, its ``-wal`` and ``-shm`` files, every raw copy, and every member of
a zip container such as an XLSX workbook) in UTF-8, UTF-16 and cp1252, in any
letter case, with spaces, ``_``, ``-`` or ``.`` between the parts of the name.
The stores are the fictional demo's raw exports (``wijknet demo DIR --raw``)
and the small hand-made ``people_store``; in both another person's interview
quote names the person.
"""

from __future__ import annotations

import csv
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import write
from tests.store.helpers import run
from wijknet.datasets.demo_raw import write_raw_exports
from wijknet.store.forget import REDACTED

WIJK, WAVE = "Daalhof", "2026"


def _texts(data: bytes) -> list[str]:
    return [
        data.decode(enc, errors="ignore") for enc in ("utf-8", "cp1252", "utf-16-le", "utf-16-be")
    ]


def _contents(folder: Path):
    """(path, text) for every file under ``folder`` and every member of every zip container, in every encoding."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for t in _texts(data):
            yield path, t
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    for t in _texts(archive.read(member)):
                        yield path / member, t


def _searcher(actor_id: str, name: str) -> re.Pattern:
    words = r"[\s_.\-]*".join(re.escape(w) for w in name.split())
    return re.compile(
        rf"(?<![0-9A-Za-z])(?:{re.escape(actor_id)}|{words})(?![0-9A-Za-z])", re.IGNORECASE
    )


def found(folder: Path, actor_id: str, name: str) -> list[str]:
    pattern = _searcher(actor_id, name)
    return sorted({f"{path.relative_to(folder)}: {m.group(0)!r}" for path, t in _contents(folder)
                   for m in [pattern.search(t)] if m})  # fmt: skip


def _forget(folder: Path, actor_id: str):
    result = run("forget", folder, actor_id, "--yes")
    assert result.exit_code == 0, result.output
    return result


def _killed_import(folder: Path, content: str) -> None:
    """What an import killed after copying its file leaves: a raw copy and a temporary file no row knows."""
    write(folder / "raw", "0" * 64 + ".csv", content)
    write(folder / "raw", f".{'1' * 64}.4242.tmp", content)


def _quotes(folder: Path) -> list[str]:
    conn = sqlite3.connect(folder / "wijknet.sqlite")
    try:
        return [q for (q,) in conn.execute("SELECT quote FROM observations WHERE quote <> ''")]
    finally:
        conn.close()


# --- the small hand-made store ------------------------------------------------------------------------------------


@pytest.fixture
def attacked_store(people_store: Path, people_files: Path, tmp_path: Path) -> Path:
    """people_store plus every trace an erasure of HP-2 (Bravo Heideveld) could leave."""
    folder = people_store
    extra = tmp_path / "extra"
    extra.mkdir()
    # another person's quotes name HP-2 by name (other case) and by id, in an XLSX workbook
    book = extra / "gesprekken-extra.xlsx"
    pd.DataFrame([
        {"wijk": "Heidepark", "wave": "2026", "source": "HP-5", "target": "HP-1", "tie_type": "overleg",
         "evidence_kind": "interview", "quote": "Samen met BRAVO HEIDEVELD en de huisarts", "segment_id": "G2-1"},
        {"wijk": "Heidepark", "wave": "2026", "source": "HP-3", "target": "HP-1", "tie_type": "overleg",
         "evidence_kind": "interview", "quote": "Via hp-2 kwam ik bij de praktijk", "segment_id": "G2-2"},
    ]).to_excel(book, index=False)  # fmt: skip
    # a file whose name (not content) names the person
    named = write(
        extra,
        "notities_Bravo_Heideveld.csv",
        "wijk,wave,source,target,tie_type\nHeidepark,2026,HP-6,HP-7,overleg\n",
    )
    # a changed actor row, so the old values are in the history
    actors = (
        (people_files / "actors.csv")
        .read_text(encoding="utf-8")
        .replace("welzijnscoach", "buurtcoach")
    )
    changed = write(extra, "actors-2026.csv", actors)
    for args in ((book,), (named,), (changed, "--update")):
        result = run("import", folder, *args)
        assert result.exit_code == 0, result.output
    _killed_import(folder, "actor_id,name\nHP-2,Bravo Heideveld\n")
    assert found(
        folder, "HP-2", "Bravo Heideveld"
    )  # the search finds the person before the erasure
    return folder


def test_nothing_of_the_person_is_left_in_the_folder(attacked_store):
    _forget(attacked_store, "HP-2")
    assert found(attacked_store, "HP-2", "Bravo Heideveld") == []
    assert (
        not (attacked_store / "wijknet.sqlite-wal").exists()
        or (attacked_store / "wijknet.sqlite-wal").stat().st_size == 0
    )


def test_quotes_of_others_stay_without_the_person(attacked_store):
    _forget(attacked_store, "HP-2")
    quotes = _quotes(attacked_store)
    assert f"Samen met {REDACTED} en de huisarts" in quotes
    assert f"Via {REDACTED} kwam ik bij de praktijk" in quotes


def test_file_names_are_redacted_in_status_and_audit_log(attacked_store):
    _forget(attacked_store, "HP-2")
    status = run("status", attacked_store, "--unlock")
    assert status.exit_code == 0, status.output
    assert f"notities_{REDACTED}.csv" in status.output and "Heideveld" not in status.output
    audit = run("audit", attacked_store)
    assert audit.exit_code == 0 and "Heideveld" not in audit.output and "HP-2" not in audit.output


def test_copies_of_killed_imports_are_removed(attacked_store):
    result = _forget(attacked_store, "HP-2")
    assert "2 achtergebleven kopieën" in result.output
    assert not list((attacked_store / "raw").glob(".*.tmp"))
    assert not (attacked_store / "raw" / ("0" * 64 + ".csv")).exists()


def test_similar_ids_and_other_people_are_untouched(people_store):
    from wijknet.privacy.load import load_project

    before = load_project(people_store)
    _forget(people_store, "HP-2")
    after = load_project(people_store)
    assert set(before.actors["actor_id"]) - set(after.actors["actor_id"]) == {"HP-2"}
    kept = before.ties[(before.ties["source"] != "HP-2") & (before.ties["target"] != "HP-2")]
    assert len(after.ties) == len(kept)


def test_a_reader_that_keeps_the_store_open_is_reported_and_nothing_is_left_once_it_closes(
    attacked_store,
):
    reader = sqlite3.connect(attacked_store / "wijknet.sqlite")
    reader.execute("BEGIN")
    reader.execute(
        "SELECT COUNT(*) FROM actors"
    ).fetchone()  # a live server in the middle of a read
    try:
        result = run("forget", attacked_store, "HP-2", "--yes")
        assert result.exit_code == 3 and "wijknet.sqlite-wal" in result.output
    finally:
        reader.rollback()
        reader.close()
    assert (
        run("status", attacked_store).exit_code == 0
    )  # the last connection to close empties the log
    assert found(attacked_store, "HP-2", "Bravo Heideveld") == []


# --- a store made from the demo's raw exports ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw_store(tmp_path_factory) -> Path:
    raw = write_raw_exports(tmp_path_factory.mktemp("raw"), wijk=WIJK, wave=WAVE)
    folder = tmp_path_factory.mktemp("store") / "project"
    for args in (("init", folder), ("import", folder, *raw["actors"]),
                 ("import", folder, *raw["qualtrics"], *raw["limesurvey"], *raw["interviews"], "--wave", WAVE),
                 ("import", folder, *raw["network_canvas"], "--wijk", WIJK, "--wave", WAVE)):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 0, result.output
    return folder


def _named_in_a_quote(folder: Path) -> tuple[str, str]:
    """An actor (id, name) whom an interview quote names."""
    conn = sqlite3.connect(folder / "wijknet.sqlite")
    try:
        people = conn.execute(
            "SELECT actor_id, name FROM actors WHERE kind = 'person' AND wijk = ?", (WIJK,)
        ).fetchall()
        for actor_id, name in people:
            hit = conn.execute("SELECT COUNT(*) FROM observations WHERE quote LIKE ?",
                               (f"%{name}%",)).fetchone()[0]  # fmt: skip
            if hit:
                return actor_id, name
    finally:
        conn.close()
    raise AssertionError("no quote names another person")


@pytest.fixture
def demo_store(raw_store, tmp_path) -> Path:
    folder = tmp_path / "project"
    shutil.copytree(raw_store, folder)
    return folder


def test_demo_store_keeps_nothing_of_a_person_another_interviewee_names(demo_store, tmp_path):
    actor_id, name = _named_in_a_quote(demo_store)
    # another interviewee, talking about a third person, names the person (in capitals)
    others = [a for a in ("DAA-001", "DAA-002", "DAA-003") if a != actor_id][:2]
    sheet = tmp_path / "gesprekken-2.csv"
    with sheet.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            [
                [
                    "wijk",
                    "wave",
                    "source",
                    "target",
                    "tie_type",
                    "evidence_kind",
                    "quote",
                    "segment_id",
                ],
                [
                    WIJK,
                    WAVE,
                    *others,
                    "overleg",
                    "interview",
                    f"Dat liep via {name.upper()}, zegt men",
                    "G9-1",
                ],
            ]
        )
    assert run("import", demo_store, sheet).exit_code == 0
    # and a killed import of a sheet with the person, and a stored file name with the name
    _killed_import(demo_store, f"actor_id,name\n{actor_id},{name}\n")
    named = tmp_path / f"verslag {name}.csv"
    with named.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(
            [
                ["wijk", "wave", "source", "target", "tie_type"],
                [WIJK, WAVE, "DAA-001", "DAA-002", "overleg"],
            ]
        )
    assert run("import", demo_store, named).exit_code == 0
    assert found(demo_store, actor_id, name)
    _forget(demo_store, actor_id)
    assert found(demo_store, actor_id, name) == []
    assert f"Dat liep via {REDACTED}, zegt men" in _quotes(
        demo_store
    )  # the other interviewee's quote is kept
