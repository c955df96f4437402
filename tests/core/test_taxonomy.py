from __future__ import annotations

import re

from wijknet.core.taxonomy import Taxonomy, generated_colour


def test_default_covers_the_field():
    tax = Taxonomy.default()
    assert list(tax.domains) == [
        "zorg",
        "welzijn",
        "gemeente",
        "wonen",
        "veiligheid",
        "onderwijs",
        "sport_cultuur",
        "werk_inkomen",
        "inwoners",
    ]
    for d in tax.domains.values():
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", d.colour)
        assert d.world in ("leefwereld", "systeemwereld")
        assert d.nl and d.en
    assert tax.world("inwoners") == "leefwereld" and tax.world("zorg") == "systeemwereld"
    assert len({d.colour for d in tax.domains.values()}) == len(tax.domains)


def test_aliases_and_labels():
    tax = Taxonomy.default()
    assert tax.canonical(" Sociaal  Domein ") == "welzijn"
    assert tax.canonical("Care") == "zorg"
    assert tax.label("welzijn", "en") == "Social domain / welfare"
    assert tax.label("welzijn", "nl") == "Sociaal domein / welzijn"


def test_unknown_labels_are_kept_with_a_stable_colour():
    tax = Taxonomy.default()
    assert tax.canonical("Kerk ") == "Kerk"
    assert tax.colour("Kerk") == generated_colour("Kerk") == tax.colour("Kerk")
    assert tax.label("Kerk") == "Kerk"
    assert tax.order(["Kerk", "zorg", "Anders"]) == ["zorg", "Anders", "Kerk"]


def test_own_taxonomy_from_file(tmp_path):
    path = tmp_path / "sectors.yaml"
    path.write_text(
        "domains:\n  health:\n    nl: Gezondheid\n    en: Health\n    colour: '#112233'\n    world: systeemwereld\n  civil: {}\n"
    )
    tax = Taxonomy.from_file(path)
    assert tax.colour("health") == "#112233"
    assert tax.label("civil") == "civil" and tax.colour("civil").startswith("#")
    assert tax.canonical("Gezondheid") == "health"


def test_renamed_labels_are_the_aliases_of_another_key():
    tax = Taxonomy.default()
    assert tax.renamed(["school", "Onderwijs", "onderwijs", "Education", "Kerk", "zorg"]) == {
        "school": "onderwijs"
    }
