"""Attacks on the command line: without ``--unlock`` no command shows a real name, actor id or individual answer.

The attacker may run every command that reads a project (as a colleague at
the same computer, or by reading a log of the terminal) but does not pass
``--unlock``. Each command runs on the fictional demo project (a tidy folder)
and on a store made from the demo's raw exports (``wijknet demo DIR --raw``),
and everything it prints, and the tables ``analyse`` writes, is searched for
the real names of persons and the real actor ids.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from tests.store.helpers import run
from wijknet.datasets.demo_raw import write_raw_exports
from wijknet.store.audit import read_log

WIJK, WAVE = "Daalhof", "2026"


@pytest.fixture(scope="module")
def module_key(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("keys") / "project.key"


@pytest.fixture(autouse=True)
def one_key_per_module(module_key, monkeypatch):
    """The stores of this module live for the whole module, so their pseudonym key must too."""
    monkeypatch.setenv("WIJKNET_KEY_FILE", str(module_key))


def _secrets(actors_csv: Path) -> tuple[set[str], set[str]]:
    """Real names of persons and every real actor id of a project's actors table."""
    with actors_csv.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {r["name"] for r in rows if r["kind"] == "person" and r["name"]}, {
        r["actor_id"] for r in rows
    }


def leaks(output: str, names: set[str], ids: set[str]) -> list[str]:
    found = [n for n in names if n.casefold() in output.casefold()]
    found += [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", output)]
    return sorted(found)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, set[str], set[str]]:
    folder = tmp_path_factory.mktemp("demo") / "project"
    assert run("demo", folder).exit_code == 0
    return folder, *_secrets(folder / "actors.csv")


@pytest.fixture(scope="module")
def raw_store(tmp_path_factory) -> tuple[Path, set[str], set[str]]:
    raw = write_raw_exports(tmp_path_factory.mktemp("raw"), wijk=WIJK, wave=WAVE)
    folder = tmp_path_factory.mktemp("store") / "project"
    for args in (("init", folder), ("import", folder, *raw["actors"]),
                 ("import", folder, *raw["qualtrics"], *raw["limesurvey"], *raw["interviews"], "--wave", WAVE),
                 ("import", folder, *raw["network_canvas"], "--wijk", WIJK, "--wave", WAVE)):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 0, result.output
    names, ids = _secrets(raw["actors"][0])
    return folder, names, ids


READING = [
    ("validate",),
    ("kpi",),
    ("codebook", "--project"),
]
STORE_ONLY = [("status",), ("resolve", "--list"), ("resolve",), ("audit",)]


def _run(args, folder, tmp_path):
    command, *rest = args
    argv = [command, *rest, folder] if command == "codebook" else [command, folder, *rest]
    result = run(*argv)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("args", READING)
def test_reading_commands_show_nothing_personal_on_the_demo(demo, args, tmp_path):
    folder, names, ids = demo
    assert leaks(_run(args, folder, tmp_path), names, ids) == []


@pytest.mark.parametrize("args", READING + STORE_ONLY)
def test_reading_commands_show_nothing_personal_on_a_raw_import_store(raw_store, args, tmp_path):
    folder, names, ids = raw_store
    assert leaks(_run(args, folder, tmp_path), names, ids) == []


def test_the_search_finds_what_unlock_shows(raw_store, tmp_path):
    """The attacks can fail: with --unlock the same commands do show names and ids, and that is logged."""
    folder, names, ids = raw_store
    before = len(read_log(folder, action="unlock"))
    assert leaks(run("codebook", "--project", folder, "--unlock").output, names, ids)
    assert leaks(run("resolve", folder, "--list", "--unlock").output, names, ids)
    assert leaks(run("status", folder, "--unlock").output, {"qualtrics.csv"}, set())
    assert len(read_log(folder, action="unlock")) == before + 3


def test_analyse_writes_pseudonyms_only(raw_store, tmp_path):
    folder, names, ids = raw_store
    out = tmp_path / "out"
    result = run("analyse", folder, "--out", out, "--permutations", "0")
    assert result.exit_code == 0, result.output
    assert leaks(result.output, names, ids) == []
    for path in out.glob("*.csv"):
        assert leaks(path.read_text(encoding="utf-8"), names, ids) == [], path.name
    actors = pd.read_csv(out / "actor_metrics.csv", dtype=str)
    assert actors["actor_id"].str.fullmatch(r"[POIA]-[0-9A-Z]{8}").all()


def test_feedback_profiles_carry_pseudonyms_without_unlock(demo, tmp_path):
    folder, names, ids = demo
    out = tmp_path / "feedback"
    result = run("feedback", folder, "--wijk", WIJK, "--out", out)
    assert result.exit_code == 0, result.output
    for path in out.glob("*.html"):
        assert leaks(path.read_text(encoding="utf-8"), names, ids) == [], path.name


def test_ingest_prints_counts_not_the_answers_it_quotes(demo, tmp_path):
    """A survey export with a name typed where an id belongs: the note goes to problems.csv, not the screen."""
    folder, names, ids = demo
    export = tmp_path / "export.csv"
    roster = pd.read_csv(folder / "actors.csv", dtype=str)
    person = roster[(roster["wijk"] == WIJK) & (roster["kind"] == "person")].iloc[0]
    export.write_text("id,submitdate,lastpage,startlanguage,ACTORID,WIJK\n"
                      f"1,2026-03-01 09:20:00,5,nl,{person['actor_id']},{WIJK}\n"
                      f"2,2026-03-01 09:21:00,5,nl,{person['name']},{WIJK}\n", encoding="utf-8")  # fmt: skip
    result = run(
        "ingest",
        export,
        "--tool",
        "limesurvey",
        "--project",
        folder,
        "--wave",
        WAVE,
        "--out",
        tmp_path / "o",
    )
    assert leaks(result.output, names, ids) == []
