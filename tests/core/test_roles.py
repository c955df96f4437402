from __future__ import annotations

import subprocess
import sys

import pytest

from wijknet.core.roles import LAYERS, RoleCatalogue, normalise
from wijknet.core.taxonomy import WORLDS, Taxonomy

#: The role groups of issue 13, point 1, in that order.
ISSUE_ROLES = [
    "general_practitioner",
    "poh_mental_health",
    "poh_elderly",
    "poh_somatic",
    "district_nurse",
    "elderly_care_physician",
    "nurse_specialist",
    "dementia_case_manager",
    "mental_health",
    "pharmacy",
    "physiotherapy",
    "welfare_coach",
    "social_work",
    "community_work",
    "youth_work",
    "carer_support",
    "elderly_adviser",
    "social_team",
    "debt_help",
    "work_income",
    "housing_corporation",
    "police_enforcement",
    "school",
    "sport",
    "culture",
    "residents_initiative",
    "key_figure",
    "volunteer",
    "informal_carer",
    "experience_expert",
]


@pytest.fixture(scope="module")
def roles() -> RoleCatalogue:
    return RoleCatalogue.default()


def test_default_has_the_role_groups_of_the_field(roles):
    assert list(roles.roles) == ISSUE_ROLES
    assert list(roles.layers) == list(LAYERS)


def test_every_role_has_a_valid_domain_world_and_layer(roles):
    taxonomy = Taxonomy.default()
    for role in roles.roles.values():
        assert role.domain in taxonomy.domains, role.key
        assert role.world in WORLDS, role.key
        assert role.layer in roles.layers, role.key
        assert role.nl and role.en and role.key.isidentifier()
        assert role.synonyms, role.key
    # Spot checks against the field (domain.md): care roles are zorg, residents are leefwereld.
    assert {roles.domain(k) for k in ISSUE_ROLES[:11]} == {"zorg"}
    assert roles.domain("social_team") == "gemeente"
    assert roles.domain("housing_corporation") == "wonen"
    assert roles.domain("police_enforcement") == "veiligheid"
    for key in ("residents_initiative", "key_figure", "volunteer", "informal_carer"):
        assert roles.domain(key) == "inwoners" and roles.world(key) == "leefwereld"
    assert roles.layer("informal_carer") == "personal_social_base"
    assert roles.layer("social_team") == "local_regional_structures"
    assert roles.world("general_practitioner") == "systeemwereld"


@pytest.mark.parametrize(
    "text,key",
    [
        ("huisarts", "general_practitioner"),
        ("Huisarts", "general_practitioner"),
        ("HA", "general_practitioner"),
        ("Huisartsenpraktijk De Linde", "general_practitioner"),
        ("praktijkondersteuner GGZ", "poh_mental_health"),
        ("Praktijkondersteuner (POH-GGZ)", "poh_mental_health"),
        ("POH GGZ", "poh_mental_health"),
        ("praktijkondersteuner huisarts GGZ", "poh_mental_health"),
        ("POH-ouderen", "poh_elderly"),
        ("praktijkondersteuner (POH-ouderen)", "poh_elderly"),
        ("POH-S", "poh_somatic"),
        ("Praktijkondersteuner somatiek", "poh_somatic"),
        ("wijkverpleegkundige", "district_nurse"),
        ("Wijkverpleegkundige Zuyderland thuiszorg", "district_nurse"),
        ("VVT", "district_nurse"),
        ("specialist ouderengeneeskunde", "elderly_care_physician"),
        ("SO", "elderly_care_physician"),
        ("Verpleegkundig specialist ouderenzorg", "nurse_specialist"),
        ("casemanager dementie", "dementia_case_manager"),
        ("Case manager dementie", "dementia_case_manager"),
        ("GGZ-behandelaar", "mental_health"),
        ("psycholoog", "mental_health"),
        ("apotheker", "pharmacy"),
        ("fysiotherapeut", "physiotherapy"),
        ("welzijnscoach", "welfare_coach"),
        ("Welzijnscoach (Welzijn op Recept)", "welfare_coach"),
        ("maatschappelijk werker", "social_work"),
        ("Maatschappelijk werker (AMW)", "social_work"),
        ("opbouwwerker", "community_work"),
        ("jongerenwerker", "youth_work"),
        ("mantelzorgconsulent", "carer_support"),
        ("Steunpunt Mantelzorg", "carer_support"),
        ("ouderenadviseur", "elderly_adviser"),
        ("Wmo-consulent", "social_team"),
        ("WMO consulent gemeente Kerkrade", "social_team"),
        ("lid sociaal team", "social_team"),
        ("schuldhulpverlener", "debt_help"),
        ("klantmanager werk en inkomen", "work_income"),
        ("jobcoach", "work_income"),
        ("woonconsulent", "housing_corporation"),
        ("huismeester", "housing_corporation"),
        ("wijkagent", "police_enforcement"),
        ("BOA", "police_enforcement"),
        ("intern begeleider", "school"),
        ("basisschool", "school"),
        ("buurtsportcoach", "sport"),
        ("sportvereniging", "sport"),
        ("bibliotheek", "culture"),
        ("harmonie", "culture"),
        ("bewonersinitiatief", "residents_initiative"),
        ("buurtvereniging", "residents_initiative"),
        ("buurtcomité", "residents_initiative"),
        ("sleutelfiguur", "key_figure"),
        ("vrijwilliger", "volunteer"),
        ("mantelzorger", "informal_carer"),
        ("Mantelzorger van haar moeder", "informal_carer"),
        ("ervaringsdeskundige", "experience_expert"),
        ("Ervaringsdeskundige GGZ", "experience_expert"),
    ],
)
def test_typical_dutch_role_texts(roles, text, key):
    assert roles.map(text) == key


def test_case_accents_and_punctuation_do_not_matter(roles):
    assert roles.map("  HUISARTS ") == roles.map("huisárts") == "general_practitioner"
    assert roles.map("poh-ggz") == roles.map("POH_GGZ") == roles.map("POH / GGZ")
    assert normalise("Buurtcomité!") == "buurtcomite"


def test_ambiguous_and_unknown_texts_stay_unmapped(roles):
    for text in ("POH", "praktijkondersteuner", "casemanager", "bakker", "wijkregisseur", "", None):
        assert roles.map(text) is None, text
    assert roles.map(float("nan")) is None


def test_unmapped_lists_each_text_once_sorted(roles):
    values = ["huisarts", "wijkregisseur", "Bakker", "bakker", "", None, "voedselbank", "huisarts"]
    assert roles.unmapped(values) == ["Bakker", "bakker", "voedselbank", "wijkregisseur"]
    assert roles.unmapped([]) == []
    assert roles.mapping(["HA", "tandarts"]) == {"HA": "general_practitioner", "tandarts": None}


def test_demo_roles_mostly_map(roles):
    from wijknet.datasets.demo import ROLES

    unmapped = roles.unmapped(role.role for role in ROLES)
    # Municipal policy and a few adjacent services have no role group in issue 13's list.
    assert unmapped == [
        "beleidsadviseur sociaal domein",
        "buurtbemiddelaar",
        "kinderopvang",
        "voedselbank",
        "wijkregisseur",
    ]


def test_labels_and_layers(roles):
    assert roles.label("informal_carer", "nl") == "Mantelzorger"
    assert roles.label("informal_carer", "en") == "Informal carer"
    assert roles.layers["national_parties"].label("nl") == "Landelijke systeempartijen"
    assert roles.canonical_layer("Persoonlijke sociale basis") == "personal_social_base"
    assert roles.canonical_layer("collectieve sociale basis") == "communal_social_base"
    assert roles.canonical_layer("elders") is None
    with pytest.raises(KeyError, match="unknown role"):
        roles.get("tandarts")


def test_from_file_and_validation(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "layers:\n  org: {nl: Voorzieningen, en: Services, world: systeemwereld}\n"
        "roles:\n  gp: {nl: Huisarts, domain: zorg, layer: org, synonyms: [dokter]}\n",
        encoding="utf-8",
    )
    catalogue = RoleCatalogue.from_file(path)
    assert catalogue.map("Dokter") == "gp"
    assert catalogue.world("gp") == "systeemwereld"  # the domain's world by default
    assert catalogue.label("gp", "en") == "Huisarts"
    layer = {"org": {"world": "systeemwereld"}}
    with pytest.raises(ValueError, match="domain 'bieb'"):
        RoleCatalogue.from_dict(
            {"layers": layer, "roles": {"x": {"domain": "bieb", "layer": "org"}}}
        )
    with pytest.raises(ValueError, match="layer 'elders'"):
        RoleCatalogue.from_dict(
            {"layers": layer, "roles": {"x": {"domain": "zorg", "layer": "elders"}}}
        )
    with pytest.raises(ValueError, match="world"):
        RoleCatalogue.from_dict(
            {"layers": layer, "roles": {"x": {"domain": "zorg", "layer": "org", "world": "x"}}}
        )
    with pytest.raises(ValueError, match="world"):
        RoleCatalogue.from_dict({"layers": {"org": {"world": "elders"}}, "roles": {}})
    with pytest.raises(ValueError, match="both"):
        RoleCatalogue.from_dict(
            {
                "layers": layer,
                "roles": {
                    "a": {"domain": "zorg", "layer": "org", "synonyms": ["arts"]},
                    "b": {"domain": "zorg", "layer": "org", "synonyms": ["Arts"]},
                },
            }
        )
    with pytest.raises(ValueError, match="invalid pattern"):
        RoleCatalogue.from_dict(
            {"layers": layer, "roles": {"a": {"domain": "zorg", "layer": "org", "patterns": ["("]}}}
        )


def test_a_project_taxonomy_is_respected():
    taxonomy = Taxonomy.from_dict(
        {"domains": {"bieb": {"nl": "Bibliotheek", "world": "leefwereld"}}}
    )
    catalogue = RoleCatalogue.from_dict(
        {
            "layers": {"c": {"world": "leefwereld"}},
            "roles": {"librarian": {"domain": "bieb", "layer": "c"}},
        },
        taxonomy,
    )
    assert catalogue.world("librarian") == "leefwereld"


def test_importing_roles_loads_no_pandas():
    code = (
        "import sys, wijknet.core.roles; print('pandas' in sys.modules, 'networkx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
