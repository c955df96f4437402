"""restrict(): what each audience gets of a project, checked on the data itself."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.people import BEEKDAL, HEIDEPARK_PERSONS
from wijknet.analysis.compare import mixing_by_wijk
from wijknet.analysis.kpi import kpi3
from wijknet.core.errors import DataError
from wijknet.privacy import Audience, NotAllowed, load_key, pseudonym, restrict
from wijknet.privacy.load import load_project


def everything(project) -> str:
    """Every value of every table of a project as one text, to search for leaks."""
    return "\n".join(
        t.astype(str).to_csv() for t in (project.actors, project.ties, project.responses)
    )


@pytest.fixture(params=["files", "store"])
def folder(request):
    return request.getfixturevalue(f"people_{request.param}")


def test_without_audience_the_owner_gets_everything(folder):
    text = everything(load_project(folder))
    assert all(name in text for name in (*HEIDEPARK_PERSONS.values(), *BEEKDAL))


def test_researcher_sees_all_wijken_with_persons_pseudonymised(folder):
    project = load_project(folder, audience="onderzoeker")
    text = everything(project)
    assert set(project.wijken) == {"Heidepark", "Beekdal"}
    assert not any(
        name in text for name in (*HEIDEPARK_PERSONS.values(), "Delta Beekhof", "HP-1", "BD-1")
    )
    assert "Gemeente Heidestad" in text  # an organisation is no personal data
    key = load_key(folder)
    alfa = project.actors.set_index("actor_id").loc[pseudonym(key, "HP-1", "person")]
    assert (
        alfa["name"] == pseudonym(key, "HP-1", "person")
        and alfa["role"] == "huisarts"
        and alfa["organisation"] == ""
    )
    assert (
        "trust_reliability" in project.ties.columns or project.store_path is not None
    )  # researchers keep ratings


def test_unlocked_researcher_sees_names(folder):
    project = load_project(folder, audience=Audience.parse("onderzoeker", unlocked=True))
    assert "Charlie Heidebeek" in set(project.actors["name"]) and "HP-1" in set(
        project.actors["actor_id"]
    )


def test_pseudonyms_are_stable_across_waves_and_loads(folder):
    first = load_project(folder, audience="onderzoeker")
    again = load_project(folder, audience="wijkteam:Heidepark")
    ids = set(again.actors["actor_id"])
    assert ids <= set(first.actors["actor_id"])
    by_wave = first.ties.groupby("wave")["source"].apply(set)
    assert by_wave["2025"] & by_wave["2026"]  # the same pseudonym in both waves


def test_wijkteam_sees_nothing_of_another_wijk(folder):
    project = load_project(folder, audience="wijkteam:Heidepark")
    text = everything(project)
    assert not any(value in text for value in BEEKDAL)
    assert project.wijken == ["Heidepark"]
    for wave in project.waves:
        G = project.graph("Heidepark", wave)
        assert all(d["wijk"] == "Heidepark" for _, d in G.nodes(data=True))
    with pytest.raises(KeyError):  # the other wijk has no actors at all here
        project.graph("Beekdal", "2026").nodes["BD-1"]


def test_wijkteam_names_only_consenting_professionals_and_organisations(folder):
    project = load_project(folder, audience="wijkteam:Heidepark")
    names = set(project.actors["name"])
    assert "Alfa Heidehuis" in names and "Gemeente Heidestad" in names
    assert "Bravo Heideveld" not in names  # no consent
    assert "Charlie Heidebeek" not in names  # a resident, even with consent
    assert "trust_reliability" not in project.ties.columns  # no individual ratings


def test_unknown_wijk_for_a_wijkteam(folder):
    with pytest.raises(DataError, match="Zonnedorp"):
        load_project(folder, audience="wijkteam:Zonnedorp")


def test_leernetwerk_is_anonymous_and_merges_small_groups(folder):
    project = load_project(folder, audience="leernetwerk")
    assert set(project.actors["name"]) == {""} and set(project.actors["role"]) == {""}
    assert set(project.actors["organisation"]) == {""}
    assert "trust_reliability" not in project.ties.columns
    sizes = project.actors.groupby(["wijk", "domain"]).size()
    whole = project.actors.groupby("wijk").size()
    small_wijk = whole < project.config.min_cell
    for (wijk, _), n in sizes.items():  # overig too, unless the whole wijk is smaller than min_cell
        assert n >= project.config.min_cell or small_wijk[wijk]
    assert "overig" in set(project.actors["domain"])
    assert project.taxonomy.get("overig").known


def test_leernetwerk_overig_groups_reach_min_cell():
    """Finding 3 of issue 10: two small domains (2 + 2 actors) made an overig group of 4 with min_cell 5."""
    from wijknet.project import Project

    domains = (
        ["zorg"] * 6
        + ["welzijn"] * 6
        + ["wonen"] * 2
        + ["sport"] * 2
        + ["zorg"] * 3
        + ["veiligheid"] * 2
    )
    wijken = ["Noord"] * 16 + ["Zuid"] * 5
    actors = pd.DataFrame(
        {"actor_id": [f"a{i}" for i in range(21)], "wijk": wijken, "domain": domains}
    )
    ties = pd.DataFrame(
        {
            "wijk": ["Noord", "Zuid"],
            "wave": "2025",
            "source": ["a0", "a16"],
            "target": ["a1", "a17"],
        }
    )
    project = restrict(Project.from_frames(actors, ties), "leernetwerk", key=bytes(32))
    sizes = project.actors.groupby(["wijk", "domain"]).size().to_dict()
    # Noord: wonen + sport (4) too small, so the smallest other domain (welzijn, 6) joins them; zorg stays.
    assert sizes == {("Noord", "overig"): 10, ("Noord", "zorg"): 6, ("Zuid", "overig"): 5}


def test_leernetwerk_figures_below_the_threshold_are_suppressed(folder):
    project = load_project(folder, audience="leernetwerk")
    table = kpi3(project, pooled=False)
    beekdal = table[table["wijk"] == "Beekdal"]
    assert beekdal["share"].isna().all() and (beekdal["status"] == "no_judgement").all()
    heide = table[(table["wijk"] == "Heidepark") & (table["wave"] == "2026")].iloc[0]
    # Five answers, four agree: 4 and the one who disagrees are small counts themselves (the one rule,
    # tests/privacy/test_disclosure.py), so the share 80% is not shown either.
    assert np.isnan(heide["share"]) and np.isnan(heide["agree"])
    assert kpi3(load_project(folder, audience="onderzoeker"), pooled=False)["share"].notna().any()
    mixing = mixing_by_wijk(project, "2025")
    small = mixing["suppressed"]
    assert small.any() and mixing.loc[small, "ties"].isna().all()
    assert not ((mixing["ties"] > 0) & (mixing["ties"] < project.config.min_cell)).any()
    full = mixing_by_wijk(load_project(folder), "2025")
    assert not full["suppressed"].any() and (full["ties"] > 0).any()


def test_evidence_per_audience(people_store):
    unlocked = load_project(people_store, audience=Audience.parse("onderzoeker", unlocked=True))
    rows = unlocked.evidence("Heidepark", "2026", "HP-1", "HP-2")
    assert "Bravo Heideveld" in " ".join(rows["quote"])
    researcher = load_project(people_store, audience="onderzoeker")
    key = load_key(people_store)
    a, b = pseudonym(key, "HP-1", "person"), pseudonym(key, "HP-2", "person")
    rows = researcher.evidence("Heidepark", "2026", a, b)
    assert len(rows) == 2 and set(rows["quote"]) == {""}  # quotes only with names unlocked
    assert set(rows["source"]) == {a} and "answers" in rows.columns
    team = load_project(people_store, audience="wijkteam:Heidepark")
    rows = team.evidence("Heidepark", "2026", a, b)
    assert len(rows) == 2 and "answers" not in rows.columns and set(rows["quote"]) == {""}
    assert team.evidence("Beekdal", "2026", "BD-1", "BD-2").empty
    with pytest.raises(NotAllowed):
        load_project(people_store, audience="leernetwerk").evidence("Heidepark", "2026", a, b)


def test_restrict_takes_a_given_key(people_files):
    project = load_project(people_files)
    one, two = (
        restrict(project, "leernetwerk", key=bytes(32)),
        restrict(project, "leernetwerk", key=bytes(32)),
    )
    assert one.actors["actor_id"].tolist() == two.actors["actor_id"].tolist()
    assert np.all(
        one.actors["actor_id"]
        != restrict(project, "leernetwerk", key=bytes(range(32))).actors["actor_id"]
    )
