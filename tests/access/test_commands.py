"""wijknet user ... and wijknet audit, and the audit entries of import, export and report (CLI)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.conftest import TIES, write
from wijknet.access import verify
from wijknet.cli.app import app
from wijknet.store.audit import read_log

runner = CliRunner()
PASSWORD = "lange zin als wachtwoord"


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def actions(folder):
    return [r.action for r in read_log(folder).itertuples()][::-1]


def test_user_add_with_password_stdin_and_list(store):
    result = run(
        "user",
        "add",
        store,
        "Anna",
        "--audience",
        "onderzoeker",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Gebruiker anna toegevoegd (publiek: onderzoeker)" in result.output
    assert PASSWORD not in result.output
    assert verify(store, "anna", PASSWORD).audience == "onderzoeker"
    result = run("user", "list", store)
    assert result.exit_code == 0
    assert (
        "anna" in result.output and "onderzoeker" in result.output and "argon2" not in result.output
    )


def test_user_add_asks_twice_without_echo(store):
    result = run(
        "user", "add", store, "anna", "--audience", "leernetwerk", input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    assert verify(store, "anna", PASSWORD).audience == "leernetwerk"
    result = run(
        "user",
        "add",
        store,
        "bram",
        "--audience",
        "leernetwerk",
        input=f"{PASSWORD}\nandere zin hier\n",
    )
    assert result.exit_code == 2 and "niet gelijk" in result.output
    assert "bram" not in run("user", "list", store).output


def test_password_is_never_an_argument(store):
    result = run("user", "add", store, "anna", "--audience", "onderzoeker", "--password", PASSWORD)
    assert result.exit_code != 0
    assert run("user", "list", store).output.startswith("Nog geen gebruikers")


def test_user_add_refuses_bad_input_and_changes_nothing(store):
    for args, stdin, message in [
        (("--audience", "wijkteam:Nergens"), PASSWORD, "Nergens"),
        (("--audience", "beheerder"), PASSWORD, "geen publiek"),
        (("--audience", "onderzoeker"), "kort", "te kort"),
        (("--audience", "onderzoeker"), "", "Geen wachtwoord"),
    ]:
        result = run("user", "add", store, "anna", *args, "--password-stdin", input=stdin + "\n")
        assert result.exit_code == 2 and message in result.output, result.output
    assert actions(store) == ["import"]


def test_set_audience_password_remove(store):
    run(
        "user",
        "add",
        store,
        "anna",
        "--audience",
        "onderzoeker",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    result = run("user", "set-audience", store, "anna", "wijkteam:Noord")
    assert result.exit_code == 0 and "wijkteam:Noord" in result.output
    result = run(
        "user", "password", store, "anna", "--password-stdin", input="een nieuwe lange zin\n"
    )
    assert result.exit_code == 0, result.output
    assert verify(store, "anna", "een nieuwe lange zin").audience == "wijkteam:Noord"
    result = run(
        "user", "password", store, "niemand", "--password-stdin", input="een nieuwe lange zin\n"
    )
    assert result.exit_code == 2 and "bestaat niet" in result.output
    result = run("user", "remove", store, "anna", "--disable")
    assert result.exit_code == 0 and "uitgeschakeld" in result.output
    assert "nee" in run("user", "list", store).output
    result = run("user", "remove", store, "anna")
    assert result.exit_code == 0 and "verwijderd" in result.output
    assert actions(store) == [
        "import",
        "user_add",
        "role_change",
        "password_change",
        "sign_in",
        "user_remove",
        "user_remove",
    ]


def test_user_without_password_for_the_identity_provider(store):
    result = run("user", "add", store, "Anna@Zuyd.nl", "--audience", "onderzoeker", "--no-password")
    assert result.exit_code == 0 and "identiteitsprovider" in result.output
    assert "anna@zuyd.nl" in run("user", "list", store).output


def test_audit_command_lists_newest_first_with_filters(store):
    run(
        "user",
        "add",
        store,
        "anna",
        "--audience",
        "onderzoeker",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    run("user", "set-audience", store, "anna", "leernetwerk")
    result = run("audit", store)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "role_change" in lines[2] and "import" in lines[-1]
    assert "… (tidy-actors: actors_added 6)" in result.output and "actors.csv" not in result.output
    assert (
        "actors.csv (tidy-actors: actors_added 6)" in run("audit", store, "--unlock").output
    )  # file names: unlocked
    assert "actors.csv" not in run("audit", store, "--json").output
    result = run("audit", store, "--action", "user_add", "--json")
    [entry] = [json.loads(line) for line in result.output.splitlines()]
    assert entry["action"] == "user_add" and entry["detail"]["user"] == "anna"
    assert (
        len(run("audit", store, "--limit", "1").output.splitlines()) == 3
    )  # header, rule, one entry
    result = run("audit", store, "--action", "bestaat_niet")
    assert result.exit_code == 2


def test_audit_needs_a_store(tmp_path):
    result = run("audit", tmp_path)
    assert result.exit_code == 2 and "geen projectmap" in result.output


def test_import_export_report_are_logged_without_actor_names(store, tmp_path):
    ties = write(tmp_path, "ties.csv", TIES)
    assert run("import", store, ties).exit_code == 0
    result = run("export", store, "--format", "graphml", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    result = run(
        "report",
        store,
        "--out",
        tmp_path / "rapport.html",
        "--wijk",
        "Noord",
        "--permutations",
        "9",
    )
    assert result.exit_code == 0, result.output
    log = read_log(store)
    # an export is logged before it writes (so a killed one is logged too) and when it is done
    assert list(log["action"])[:4] == ["report", "export", "export", "import"]
    report, export, started, imported = (json.loads(d) for d in log["detail"][:4])
    assert started["status"] == "started" and export["status"] == "done"
    assert (
        imported["files"][0]["file"] == "ties.csv" and imported["files"][0]["kind"] == "tidy-ties"
    )
    assert imported["files"][0]["counts"]["observations"] > 0
    assert export["format"] == "graphml" and export["audience"] == "onderzoeker" and export["files"]
    assert report == {
        "audience": "onderzoeker",
        "file": "rapport.html",
        "format": "html",
        "unlocked": False,
        "wave": None,
        "wijk": "Noord",
    }
    everything = "\n".join(log["detail"])
    for name in ("Huisarts Fictief", "Coach Fictief", "Bewonersgroep"):
        assert name not in everything


def test_failed_import_leaves_no_audit_entry(store, tmp_path):
    bad = write(tmp_path, "bad.csv", "wijk,wave,source,target\nNoord,2025,z1,onbekend\n")
    assert run("import", store, bad).exit_code == 2
    assert actions(store) == ["import"]  # only the fixture's import


def test_tidy_folder_export_writes_no_log(tmp_path):
    from tests.conftest import ACTORS

    folder = tmp_path / "tidy"
    folder.mkdir()
    write(folder, "actors.csv", ACTORS)
    write(folder, "ties.csv", TIES)
    assert run("export", folder, "--format", "graphml", "--out", tmp_path / "out").exit_code == 0
    assert not (folder / "wijknet.sqlite").exists()
