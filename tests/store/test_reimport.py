"""Re-imports by the source's own identity: cumulative exports, re-saved copies, changed answers, versions."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from tests.store.helpers import run, snapshot
from wijknet.datasets.demo_raw import write_raw_exports
from wijknet.store import connect, import_files, init_store, preview_import, ties
from wijknet.store.frames import observations
from wijknet.store.importing import content_hash

WIJK, WAVE = "Daalhof", "2026"


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> dict[str, list[Path]]:
    return write_raw_exports(tmp_path_factory.mktemp("raw"), wijk=WIJK, wave=WAVE)


@pytest.fixture(scope="module")
def template(raw, tmp_path_factory) -> Path:
    """A store with the demo's actors only (copied for every test)."""
    folder = tmp_path_factory.mktemp("template") / "project"
    init_store(folder)
    import_files(folder, raw["actors"])
    return folder


@pytest.fixture
def store(template, tmp_path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "project"))


def rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_rows(table: list[list[str]], path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)
    return path


def first_part(path: Path, header: int, n: int, target: Path) -> Path:
    """The export as it was downloaded earlier: the header rows and the first ``n`` responses."""
    table = rows(path)
    return write_rows(table[: header + n], target)


def state(folder: Path) -> dict:
    """What analysis sees: current observations, the ties by every rule, responses and pending rows."""
    conn = connect(folder)
    try:
        obs = observations(conn)
        key = [
            "wijk",
            "wave",
            "source",
            "target",
            "tie_type",
            "kind",
            "weight",
            "label",
            "quote",
            "answers",
        ]
        return {
            "observations": sorted(map(tuple, obs[key].astype(str).values.tolist())),
            "ties": {
                rule: ties(conn, rule).values.tolist() for rule in ("all", "survey", "confirmed")
            },
            "responses": sorted(
                conn.execute("SELECT wijk, wave, actor_id, kpi3, active FROM responses").fetchall()
            ),
            "pending": sorted(
                json.dumps(
                    {
                        k: v
                        for k, v in json.loads(d).items()
                        if k not in ("source_row", "source_file")
                    },
                    sort_keys=True,
                )
                for (d,) in conn.execute("SELECT data FROM pending")
            ),
        }
    finally:
        conn.close()


@pytest.mark.parametrize("tool, header, n", [("qualtrics", 3, 20), ("limesurvey", 1, 20)])
def test_a_cumulative_export_adds_only_the_new_responses(
    store, template, raw, tmp_path, tool, header, n
):
    full = raw[tool][0]
    total = len(rows(full)) - header
    early = first_part(full, header, n, tmp_path / f"{tool}-week1.csv")
    first = import_files(store, [early], wave=WAVE)
    assert first.files[0].counts["answers_new"] == n
    result = run("import", store, full, "--wave", WAVE)
    assert result.exit_code == 0, result.output
    assert f"{total - n} nieuwe antwoorden, {n} al geïmporteerd" in result.output
    conn = connect(store)
    assert (
        conn.execute(
            "SELECT COUNT(*) FROM observations WHERE superseded_by IS NOT NULL"
        ).fetchone()[0]
        == 0
    )
    conn.close()
    # The same as importing only the full export once: no duplicate observation, response or write-in.
    once = Path(shutil.copytree(template, tmp_path / "once"))
    import_files(once, [full], wave=WAVE)
    assert state(store) == state(once)
    again = run("import", store, full, "--wave", WAVE)
    assert (
        "al geïmporteerd (zelfde inhoud)" in again.output
        and "Er is niets veranderd" in again.output
    )


def test_a_preview_of_a_cumulative_export_counts_and_changes_no_byte(store, raw, tmp_path):
    early = first_part(raw["qualtrics"][0], 3, 10, tmp_path / "week1.csv")
    import_files(store, [early], wave=WAVE)
    before, files = (store / "wijknet.sqlite").read_bytes(), snapshot(store)
    preview = preview_import(store, [raw["qualtrics"][0]], wave=WAVE)
    assert (
        preview.ok
        and preview.files[0].counts["answers_new"] == 26
        and preview.files[0].counts["answers_same"] == 10
    )
    assert (store / "wijknet.sqlite").read_bytes() == before and snapshot(store) == files


@pytest.mark.parametrize(
    "source, resave",
    [("qualtrics", "crlf"), ("qualtrics", "bom"), ("interviews", "cp1252"), ("interviews", "crlf")],
)
def test_a_resaved_copy_changes_nothing(store, raw, tmp_path, source, resave):
    original = raw[source][0]  # the interview quotes have accents: cp1252 gives other bytes
    import_files(store, [original], wave=WAVE)
    before = snapshot(store)
    content = original.read_text(encoding="utf-8")
    copy = tmp_path / "opnieuw opgeslagen.csv"
    if resave == "crlf":
        copy.write_bytes(content.replace("\n", "\r\n").encode("utf-8"))
    elif resave == "cp1252":
        copy.write_bytes(content.encode("cp1252"))
    else:
        copy.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))
    assert copy.read_bytes() != original.read_bytes() and content_hash(copy) == content_hash(
        original
    )
    report = import_files(store, [copy], wave=WAVE)
    assert report.files[0].status == "already" and not report.changed
    assert snapshot(store) == before


def test_the_content_hash_tells_other_content_apart(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_bytes(b"x,y\r\n1,2\r\n")
    b.write_bytes(b"x,y\n1,3\n")
    assert content_hash(a) != content_hash(b)
    b.write_bytes(b"x,y\n1,2")
    assert content_hash(a) == content_hash(b)


def test_tidy_rows_are_recognised_by_their_content(store, tmp_path):
    tidy = tmp_path / "ties.csv"
    tidy.write_text(
        "wijk,wave,source,target,tie_type,weight,evidence\n"
        f"{WIJK},{WAVE},DAA-001,DAA-002,samenwerking,3,netwerkbijeenkomst\n"
        f"{WIJK},{WAVE},DAA-003,DAA-004,kennen,,netwerkbijeenkomst\n",
        encoding="utf-8",
    )
    assert import_files(store, [tidy]).files[0].counts["observations"] == 2
    more = tmp_path / "ties-more.csv"  # other row order, one row more
    more.write_text(
        "wijk,wave,source,target,tie_type,weight,evidence\n"
        f"{WIJK},{WAVE},DAA-003,DAA-004,kennen,,netwerkbijeenkomst\n"
        f"{WIJK},{WAVE},DAA-001,DAA-002,samenwerking,3,netwerkbijeenkomst\n"
        f"{WIJK},{WAVE},DAA-005,DAA-006,kennen,,netwerkbijeenkomst\n",
        encoding="utf-8",
    )
    counts = import_files(store, [more]).files[0].counts
    assert (counts["rows_new"], counts["rows_same"], counts["observations"]) == (1, 2, 1)
    changed = (
        tmp_path / "ties-changed.csv"
    )  # a row without an identity of its own: other content is another row
    changed.write_text(
        "wijk,wave,source,target,tie_type,weight,evidence\n"
        f"{WIJK},{WAVE},DAA-001,DAA-002,samenwerking,4,netwerkbijeenkomst 2\n",
        encoding="utf-8",
    )
    counts = import_files(store, [changed]).files[0].counts
    assert (counts["rows_new"], counts["rows_same"], counts["observations"]) == (1, 0, 1)


def _changed_export(full: Path, target: Path) -> tuple[Path, str, str, str]:
    """The export with the first respondent's frequency for one alter and KPI 3 changed, and one alter removed."""
    table = rows(full)
    head, first = table[0], table[3]
    filled = [i for i, h in enumerate(head) if h.startswith("A_FREQ_") and first[i]]
    freq, gone = filled[0], filled[1]
    first[freq] = "1" if first[freq] != "1" else "5"
    for i, h in enumerate(head):  # the respondent no longer names the second alter
        if h.endswith("_" + head[gone].split("_")[-1]) and h.startswith("A_"):
            first[i] = ""
    kpi = head.index("P_KPI3")
    first[kpi] = "1" if first[kpi] != "1" else "5"
    return write_rows(table, target), first[head.index("actor_id")], head[freq], first[freq]


def test_a_changed_answer_is_a_new_version_and_the_old_one_stays(store, raw, tmp_path):
    full = raw["qualtrics"][0]
    import_files(store, [full], wave=WAVE)
    before = state(store)
    changed, actor, _, value = _changed_export(full, tmp_path / "qualtrics-week2.csv")
    report = import_files(store, [changed], wave=WAVE)
    counts = report.files[0].counts
    assert (
        counts["answers_changed"] == 1
        and counts["answers_same"] == 35
        and counts.get("answers_new") == 0
    )
    assert counts["observations_changed"] >= 1 and counts["observations_withdrawn"] >= 1
    assert counts["responses_changed"] == 1 and counts["observations"] == 0
    conn = connect(store)
    try:
        history = observations(conn, "WHERE source = ?", (actor,), history=True)
        replaced = history[history["superseded_by"].notna()]
        assert set(replaced["superseded_by"]) == {report.import_id} and set(
            replaced["version"]
        ) == {1}
        versions = history[
            history["target"].isin(replaced["target"]) & (history["tie_type"] != "verwijzing")
        ]
        by_target = versions.groupby("target")["version"].apply(sorted).tolist()
        assert [1, 2] in by_target and [
            1
        ] in by_target  # one answer changed (two versions), one withdrawn
        new = versions[versions["version"] == 2]
        assert set(new["weight"]) == {float(value)} and new["superseded_by"].isna().all()
        current = observations(conn, "WHERE source = ?", (actor,))
        assert len(current) == len(history) - len(
            replaced
        )  # the rules see only the current versions
        assert set(current["observation_id"]) & set(replaced["observation_id"]) == set()
        kpi3, version = conn.execute(
            "SELECT kpi3, version FROM responses WHERE actor_id = ? AND wave = ?", (actor, WAVE)
        ).fetchone()
        old_kpi = json.loads(
            conn.execute(
                "SELECT old_values FROM response_history WHERE actor_id = ?", (actor,)
            ).fetchone()[0]
        )["kpi3"]
        assert version == 2 and kpi3 != old_kpi
        tie = ties(conn)
        assert len(tie) < len(before["ties"]["all"])  # the withdrawn answer is no tie any more
    finally:
        conn.close()
    # A second import of the changed export changes nothing more.
    again = import_files(store, [changed], wave=WAVE)
    assert again.files[0].status == "already"


def _pending_write_ins(folder: Path) -> list[str]:
    conn = connect(folder)
    try:
        return sorted(
            json.loads(d)["name"]
            for (d,) in conn.execute("SELECT data FROM pending WHERE what = 'write_in'")
        )
    finally:
        conn.close()


def test_pending_write_ins_are_not_queued_twice_also_after_linking(store, raw, tmp_path):
    from wijknet.store import registry

    table = rows(raw["qualtrics"][0])
    head = table[0]
    early = write_rows(table[: 3 + 20], tmp_path / "week1.csv")
    later = table[3 + 25]  # a respondent of the second week writes in a party of their own
    later[head.index("W_NAME_1")], later[head.index("W_DOMAIN_1")] = (
        "Speeltuin De Klimboom (fictief)",
        "welzijn",
    )
    full = write_rows(table, tmp_path / "week2.csv")
    import_files(store, [early], wave=WAVE)
    assert _pending_write_ins(store) == ["Buurtkamer De Vlier (fictief)"]
    conn = connect(store)
    (linked_id,) = conn.execute("SELECT pending_id FROM pending WHERE what = 'write_in'").fetchone()
    conn.close()
    registry.create_actor(store, linked_id, "welzijn")
    assert _pending_write_ins(store) == []
    report = import_files(store, [full], wave=WAVE)
    counts = report.files[0].counts
    assert counts["write_ins_same"] == 1 and counts["write_ins"] == 1
    assert _pending_write_ins(store) == [
        "Speeltuin De Klimboom (fictief)"
    ]  # the linked one is not queued again
    again = import_files(store, [write_rows([*table, []], tmp_path / "week2-again.csv")], wave=WAVE)
    assert again.files[0].status == "already" or again.files[0].counts.get("write_ins", 0) == 0
    assert _pending_write_ins(store) == ["Speeltuin De Klimboom (fictief)"]


def test_network_canvas_sessions_are_recognised_by_their_uuid(store, raw, tmp_path):
    files = raw["network_canvas"]
    first = import_files(store, files, wijk=WIJK, wave=WAVE)
    # A session's alter and edge files in one import: new, not "changed" by the other file.
    assert sum(f.counts.get("sessions_changed", 0) for f in first.files) == 0
    assert sum(f.counts.get("sessions_new", 0) for f in first.files) >= 3
    before = state(store)
    again = []
    for path in files:  # exported again: other row order and CRLF, so other bytes and content
        table = rows(path)
        copy = tmp_path / path.name
        with open(copy, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\r\n").writerows([table[0], *reversed(table[1:])])
        again.append(copy)
    report = import_files(store, again, wijk=WIJK, wave=WAVE)
    sessions = {
        k: sum(f.counts.get(f"sessions_{k}", 0) for f in report.files)
        for k in ("new", "same", "changed")
    }
    assert (
        sessions["new"] == sessions["changed"] == 0 and sessions["same"] >= 3
    )  # counted per file of a session
    assert state(store) == before


def test_interviews_are_recognised_by_their_segment_id(store, template, raw, tmp_path):
    sheet = raw["interviews"][0]
    table = rows(sheet)
    import_files(store, [write_rows(table[:-1], tmp_path / "gesprekken-deel.csv")], wave=WAVE)
    # The whole sheet later, re-saved with CRLF (the interviewee is filled down, so the row order stays).
    with open(tmp_path / "gesprekken-alles.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(table)
    report = import_files(store, [tmp_path / "gesprekken-alles.csv"], wave=WAVE)
    counts = report.files[0].counts
    assert (counts["fragments_new"], counts["fragments_same"], counts["fragments_changed"]) == (
        1,
        len(table) - 2,
        0,
    )
    once = Path(shutil.copytree(template, tmp_path / "once"))
    import_files(once, [sheet], wave=WAVE)
    assert state(store) == state(once)


def test_forget_removes_the_history_of_a_changed_response(store, raw, tmp_path):
    from wijknet.store.forget import forget_actor

    full = raw["qualtrics"][0]
    import_files(store, [full], wave=WAVE)
    changed, actor, _, _ = _changed_export(full, tmp_path / "qualtrics-week2.csv")
    import_files(store, [changed], wave=WAVE)
    forget_actor(store, actor)
    conn = connect(store)
    try:
        assert (
            conn.execute(
                "SELECT COUNT(*) FROM response_history WHERE actor_id = ?", (actor,)
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT COUNT(*) FROM observations WHERE source = ? OR target = ?", (actor, actor)
            ).fetchone()[0]
            == 0
        )
        assert actor not in dump_text(conn)
    finally:
        conn.close()


def dump_text(conn) -> str:
    return "\n".join(conn.iterdump())
