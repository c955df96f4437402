"""wijknet forget: a person's data leaves the store, raw copies included."""

from __future__ import annotations

from tests.store.helpers import run, snapshot
from wijknet.privacy.load import load_project
from wijknet.store.audit import read_log


def test_forget_removes_the_person_everywhere(people_store):
    before = load_project(people_store)
    assert "HP-2" in set(before.actors["actor_id"])
    result = run("forget", people_store, "HP-2", "--yes")
    assert result.exit_code == 0, result.output
    after = load_project(people_store)
    assert "HP-2" not in set(after.actors["actor_id"])
    assert not ((after.ties["source"] == "HP-2") | (after.ties["target"] == "HP-2")).any()
    db, _ = snapshot(people_store)
    assert "HP-2" not in db and "Bravo Heideveld" not in db
    for path in (people_store / "raw").iterdir():  # the copies that named the person are gone
        content = path.read_bytes().decode("utf-8", "ignore")
        assert "HP-2" not in content and "Bravo Heideveld" not in content
    entry = read_log(people_store, action="delete_actor").iloc[0]
    assert "HP-2" not in entry["detail"] and '"observations": ' in entry["detail"]


def test_forgotten_files_are_still_known(people_store, people_files):
    run("forget", people_store, "HP-2", "--yes")
    again = run("import", people_store, people_files / "actors.csv")
    assert "al geïmporteerd" in again.output  # not re-imported by accident


def test_forget_unknown_actor_changes_nothing(people_store):
    before = snapshot(people_store)
    result = run("forget", people_store, "XX-9", "--yes")
    assert result.exit_code == 2 and "XX-9" in result.output
    assert snapshot(people_store) == before


def test_forget_needs_a_store_and_asks(people_files, people_store):
    assert run("forget", people_files, "HP-2", "--yes").exit_code == 2
    assert (
        run("forget", people_store, "HP-2").exit_code == 1
    )  # no confirmation given: nothing removed
    assert "HP-2" in set(load_project(people_store).actors["actor_id"])


def test_forget_removes_workbooks_that_name_the_person(people_store, tmp_path):
    import pandas as pd

    book = tmp_path / "extra-relaties.xlsx"
    pd.DataFrame([{"wijk": "Heidepark", "wave": "2025", "source": "HP-5", "target": "HP-2", "tie_type": "overleg"}]
                 ).to_excel(book, index=False)  # fmt: skip
    assert run("import", people_store, book).exit_code == 0
    stored = [p for p in (people_store / "raw").iterdir() if p.suffix == ".xlsx"]
    assert len(stored) == 1
    assert run("forget", people_store, "HP-2", "--yes").exit_code == 0
    assert not stored[0].exists()  # the compressed workbook is read, not only its bytes


def test_redaction_takes_whole_words_in_any_case_and_json_value_by_value():
    from wijknet.store.forget import REDACTED, _pattern, redact

    pattern = _pattern(["HP-2", "Bravo Heideveld"])
    assert (
        redact("hp-2 en HP-20 en HP-2x, zei bravo  HEIDEVELD", pattern)
        == f"{REDACTED} en HP-20 en HP-2x, zei {REDACTED}"
    )
    assert redact("verslag_Bravo_Heideveld.xlsx", pattern) == f"verslag_{REDACTED}.xlsx"
    assert redact('{"door": "Bravo Heideveld", "n": 3, "Bravo Heideveld": ["HP-2"]}', pattern) == (
        f'{{"door": "{REDACTED}", "n": 3, "{REDACTED}": ["{REDACTED}"]}}'
    )
    assert redact("Bravo Heidevelden", pattern) == "Bravo Heidevelden"  # another word


def test_a_utf16_raw_copy_that_names_the_person_is_found(people_store):
    from wijknet.store.forget import _file_text

    path = people_store / "raw" / "utf16.csv"
    path.write_bytes("naam\nBravo Heideveld\n".encode("utf-16"))
    assert "Bravo Heideveld" in _file_text(path)
