"""A seeded, fictional demo project: six PlusWIJken wijken and two comparison wijken over three waves.

Everything this module produces is **fictional and generated**: person names
combine ordinary Dutch first names with invented surnames, organisation names
are invented and end in ``(fictief)``, and the ties are drawn at random from
the story parameters below. Only the names of the six pilot wijken and the
programme's vocabulary are real; nothing describes real people, real
organisations or the real networks of these wijken.

The story
---------
The demo is built so that the metrics of wijknet have something to reveal, and
something different in every wijk (see :data:`STORY`):

* **2025 (baseline)** - in the five wijken that made a wijkplan, care (zorg)
  and the social domain work in silos: most ties stay inside a domain, so the
  cross-domain share is low and the E-I index clearly negative.
* **2026 and 2027** - the wijken open up at their own speed: Daalhof and
  Hoensbroek-Noord fast, De Baandert middling, Bleijerheide-Centrum-Nulland a
  late starter that only moves in 2027, Lindenheuvel stalled. Held against
  the KPI 3 bands as a rough yardstick (2025 0-25%, 2026 25-50%, 2027
  50-80%; the KPI itself is a survey question, not a network measure),
  Daalhof and Hoensbroek-Noord stay within them and Lindenheuvel falls far
  below.
* **Eijsden** already works across domains at baseline, carried by a
  residents' initiative that is the hub of the network, and stays stable.
* **Verbinders** - every wijk has one or two connectors who are *not* in the
  PlusWIJkteam (a key figure, a community worker, a pharmacist, a sport
  coach, the residents' initiative) with ties into many domains, hence high
  betweenness and many brokerage roles.
* **Fragile bridges** - the informal carers (mantelzorgers) of each wijk are
  linked to the rest of the network through one actor only (an articulation
  point). In some wijken a second link appears later (Kernteam Ouderen); in
  Lindenheuvel and Eijsden it does not.
* **Turnover and isolates** - ties are lost and new ones appear between
  waves (Jaccard roughly 0.3-0.6); a new welzijnscoach (Welzijn op Recept)
  joins after the baseline, some actors do not respond in a wave and a few
  leave, so every wave has some isolates.
* **KPI 3 in the survey** (``responses.csv``, see :data:`KPI3_STORY`) -
  55-75% of the actors present answer the yearly survey. The share of active
  respondents who agree that they work more integrally and across domains
  than a year ago stays within (or above) the band in Daalhof,
  Hoensbroek-Noord and De Baandert; Bleijerheide-Centrum-Nulland falls below
  the band in 2026 and recovers in 2027; Lindenheuvel is below the band in
  2026 and 2027 (an improvement plan); Eijsden is high throughout.

The programme's story (issues 13 and 14), drawn from streams of its own so
that the actors and ties above stay as they are elsewhere:

* **Role groups** - every actor has a ``role_group`` of ``data/roles.yaml``
  (:data:`ROLE_GROUPS` for the five demo roles the catalogue does not map).
* **Doorbraakmethode** (:data:`DOORBRAAK`) - in De Baandert GPs and the
  municipality have no tie at all in 2025; in 2026 a Doorbraak team forms
  (its members declare the kernaanpak in ``actor_waves``, a Wmo-consulent
  joins the PlusWIJkteam) and every GP of the team works with the
  municipality's social team.
* **Kernteam Ouderen** (:data:`KERNTEAM`) - in Hoensbroek-Noord an
  elderly-care physician and a nurse specialist join in 2026 and form the
  core team with the dementia case manager and a district nurse, with GPs
  and the POH-ouderen as partners; the physician joins the PlusWIJkteam in
  2027.
* **Welzijn op Recept** (:data:`WELZIJN_OP_RECEPT`) - in Eijsden the GP and
  the POH-GGZ refer to the welzijnscoach and GP, municipality and welfare
  are tied together from 2025.
* **Bridge builder** (:data:`BRIDGE_BUILDER`) - Daalhof's key figure outside
  the PlusWIJkteam has many ties to residents and initiatives and to
  professionals.
* **Signals** (:data:`SIGNALS`) - participation conversations name missing
  links (``zou_moeten_kennen``, ``drempel``, ``wens``; never ties) with
  theme codes (``themes``, linked by ``segment_id``); some become ties in a
  later wave.
* **Onderstroom** - the PARTNER answers of every survey tie (``ratings``):
  the level of collaboration follows the tie and :data:`INTENSITY_STORY`,
  trust grows with it, and Bleijerheide-Centrum-Nulland has much contact but
  low trust (:data:`TRUST_SHIFT`). Residents give their step on the
  participation ladder (:data:`LADDER_STORY`), which moves up in Daalhof and
  Hoensbroek-Noord.

The evaluation's story (issue 15), drawn from streams of its own so that the
six pilot wijken stay exactly as above:

* **Two comparison wijken** (:data:`COMPARISON_STORY`, vergelijkingswijken)
  without a wijkplan or PlusWIJkteam: small (28 and 30 actors), fictional
  names (Groenbeek, Kapelveld), in the same fictional municipalities, with a
  flatter change than the pilots (the cross-domain share rises by a few
  points only). They have actors, ties and the PARTNER ratings of their
  survey ties, but no KPI 3 responses (the programme's KPI 3 pools every
  wijk with responses, so theirs would change the programme figure), themes
  or per-wave attributes.
* **Wijk metadata** (``wijken.csv``, :data:`WIJKEN`) - fictional
  municipalities and subregions (marked "(fictief)"), pilot or comparison,
  the start of the wijkplan and the route-map phase per wave (phases repeat
  and are skipped).
* **Process indicators** (``ppi.csv``, :func:`make_ppi`) for 2025-H2 to
  2027-H1 with targets, per pilot wijk and for the programme, and one
  exogenous KPI correction (``kpi_corrections.csv``, :data:`KPI_CORRECTIONS`).

Use :func:`make_tables` for every table, :func:`make_demo` for the actors
and ties tables, :func:`make_responses`
for the survey responses and :func:`write_demo` for a project folder that
:func:`wijknet.load_project` reads; :func:`wijknet.datasets.demo_raw.write_raw_exports`
writes raw survey, Network Canvas and interview exports of one wijk and wave
for ``wijknet import``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from wijknet.core.roles import RoleCatalogue
from wijknet.core.ties import NON_TIE_TYPES
from wijknet.io.tidy import LADDER, TRUST_ITEMS, VALUE_ITEMS

__all__ = ["COMPARISON_STORY", "KPI3_STORY", "STORY", "TABLES", "WAVES", "WIJKEN", "WijkStory", "make_demo",
           "make_ppi", "make_responses", "make_tables", "write_demo"]  # fmt: skip

WAVES = ("2025", "2026", "2027")
#: The tables of the demo folder (``<name>.csv``).
TABLES = (
    "actors",
    "ties",
    "responses",
    "ratings",
    "actor_waves",
    "themes",
    "wijken",
    "ppi",
    "kpi_corrections",
)


@dataclass(frozen=True)
class WijkStory:
    """The tunable story of one wijk.

    Attributes
    ----------
    code : str
        Prefix of the wijk's actor ids (``DAA-017``).
    n_actors : int
        Number of actors listed (60-150).
    openness : tuple of float
        Target cross-domain share of the ties per wave (2025, 2026, 2027);
        the E-I index is ``2 * openness - 1``.
    volume : tuple of float
        Number of ties per wave relative to the baseline.
    keep : float
        Probability that a tie survives to the next wave (turnover).
    connectors : tuple of str
        Roles of the verbinders, who are never in the PlusWIJkteam.
    connector_ties : int
        Number of ties each connector keeps in every wave.
    bridge : str
        Role of the one actor who links the mantelzorgers to the network.
    repaired : str or None
        Wave in which the mantelzorgers get a second link (None: never).
    team_size : int
        Size of the PlusWIJkteam (5-8).
    wijkplan : bool
        The wijk made a wijkplan in 2025 (all but Eijsden).
    """

    code: str
    n_actors: int
    openness: tuple[float, float, float]
    volume: tuple[float, float, float]
    keep: float
    connectors: tuple[str, ...]
    connector_ties: int
    bridge: str
    repaired: str | None
    team_size: int
    wijkplan: bool


# ---------------------------------------------------------------------------
# THE STORY TABLE - tune the demo here.
#   openness: target cross-domain share of ties in 2025, 2026, 2027
#   volume:   number of ties relative to 2025
#   keep:     share of ties that survive from one wave to the next
# ---------------------------------------------------------------------------
STORY: dict[str, WijkStory] = {
    # wijk                                    code   n    openness 25/26/27   volume 25/26/27     keep  connectors (never in the team)           ties bridge of mantelzorgers repaired team wijkplan
    "Bleijerheide-Centrum-Nulland": WijkStory("BCN", 118, (0.20, 0.24, 0.46), (1.00, 1.05, 1.30), 0.55, ("opbouwwerker", "sleutelfiguur"),       18,  "mantelzorgconsulent",  "2027",  6,   True),  # late starter
    "Daalhof":                      WijkStory("DAA", 126, (0.22, 0.42, 0.58), (1.00, 1.25, 1.40), 0.55, ("sleutelfiguur", "apotheker"),          18,  "mantelzorgconsulent",  "2026",  7,   True),  # fast
    "De Baandert":                  WijkStory("BAA", 97,  (0.21, 0.31, 0.42), (1.00, 1.15, 1.25), 0.60, ("buurtsportcoach",),                    18,  "wijkverpleegkundige",  "2027",  6,   True),  # middling
    "Eijsden":                      WijkStory("EIJ", 84,  (0.58, 0.60, 0.61), (1.00, 1.03, 1.06), 0.70, ("bewonersinitiatief", "sleutelfiguur"), 22,  "bewonersinitiatief",   None,    5,   False),  # open and stable
    "Hoensbroek-Noord":             WijkStory("HON", 138, (0.19, 0.40, 0.56), (1.00, 1.20, 1.40), 0.55, ("opbouwwerker", "apotheker"),           18,  "ouderenadviseur",      "2026",  8,   True),  # fast
    "Lindenheuvel":                 WijkStory("LIN", 88,  (0.22, 0.24, 0.27), (1.00, 1.02, 1.05), 0.60, ("apotheker",),                          16,  "mantelzorgconsulent",  None,    5,   True),  # stalled
}  # fmt: skip

# ---------------------------------------------------------------------------
# KPI 3 IN THE SURVEY (responses.csv): share of active respondents who agree
# (4-5) that they work more integrally and across domains than a year ago.
# Bands: 2025 0-25%, 2026 25-50%, 2027 50-80% (end target 75%).
# ---------------------------------------------------------------------------
KPI3_STORY: dict[str, tuple[float, float, float]] = {
    #                               2025  2026  2027
    "Bleijerheide-Centrum-Nulland": (0.14, 0.19, 0.57),  # below the band in 2026, recovers in 2027
    "Daalhof":                      (0.18, 0.41, 0.66),  # within
    "De Baandert":                  (0.15, 0.32, 0.55),  # within, near the lower edge
    "Eijsden":                      (0.31, 0.55, 0.78),  # high: above the band, then within
    "Hoensbroek-Noord":             (0.20, 0.47, 0.71),  # within
    "Lindenheuvel":                 (0.11, 0.17, 0.31),  # below in 2026 and 2027: improvement plan
}  # fmt: skip

# ---------------------------------------------------------------------------
# THE COMPARISON WIJKEN (issue 15): fictional, small, no wijkplan and no
# PlusWIJkteam, a flatter change than the pilots. Each draws from its own
# stream ([seed, 100 + k]) after the pilots, so the pilots stay as they are.
# ---------------------------------------------------------------------------
COMPARISON_STORY: dict[str, WijkStory] = {
    # wijk                 code   n   openness 25/26/27   volume 25/26/27     keep  connectors         ties bridge of mantelzorgers repaired team wijkplan
    "Groenbeek": WijkStory("GRB", 30, (0.26, 0.27, 0.29), (1.30, 1.32, 1.35), 0.52, ("sleutelfiguur",), 8,  "mantelzorgconsulent",  None,    0,   False),
    "Kapelveld": WijkStory("KAP", 28, (0.25, 0.25, 0.27), (1.30, 1.30, 1.33), 0.50, ("opbouwwerker",),  8,  "mantelzorgconsulent",  None,    0,   False),
}  # fmt: skip
# (volume above 1 at baseline: a small wijk's actors know relatively more of each other; with two
# or three actors per domain a small wijk cannot have many ties inside a domain, so its
# cross-domain share is higher than the pilots' at baseline, and it hardly changes.)
#: The roles of a comparison wijk (30 actors); Kapelveld (28) lacks the last two.
COMPARISON_ROLES = (
    ("huisarts", 2), ("huisartsenpraktijk", 1), ("praktijkondersteuner (POH-GGZ)", 1), ("wijkverpleegkundige", 2),
    ("apotheker", 1), ("welzijnscoach", 1), ("maatschappelijk werker", 1), ("opbouwwerker", 1),
    ("mantelzorgconsulent", 1), ("Wmo-consulent", 1), ("lid sociaal team", 2), ("wijkregisseur", 1),
    ("woonconsulent", 1), ("wijkagent", 1), ("basisschool", 1), ("intern begeleider", 1), ("sleutelfiguur", 2),
    ("vrijwilliger", 2), ("mantelzorger", 2), ("bewonersinitiatief", 1), ("schuldhulpverlener", 1),
    ("sportvereniging", 1), ("buurtsportcoach", 1), ("buurtvereniging", 1),
)  # fmt: skip
#: Share of rated comparison-wijk ties at collaboration level 3-4 per wave: flat.
COMPARISON_INTENSITY = {"Groenbeek": (0.20, 0.21, 0.22), "Kapelveld": (0.18, 0.19, 0.19)}

# ---------------------------------------------------------------------------
# WIJK METADATA (wijken.csv): fictional municipalities and subregions, the
# group, the start of the wijkplan and the route-map phase per wave.
# ---------------------------------------------------------------------------
#: wijk -> (municipality, subregion, group, wijkplan_start, phases 2025/2026/2027)
WIJKEN: dict[str, tuple[str, str, str, str, tuple[str, str, str]]] = {
    "Bleijerheide-Centrum-Nulland": ("Heuvelstad (fictief)", "Oost (fictief)", "pilot", "2025-12",
                                     ("wijkplan", "wijkplan", "wijkuitvoering")),  # late starter
    "Daalhof": ("Maasstad (fictief)", "Heuvelland (fictief)", "pilot", "2025-06",
                ("wijkplan", "wijkuitvoering", "wijkevaluatie")),  # fast
    "De Baandert": ("Westermijn (fictief)", "West (fictief)", "pilot", "2025-11",
                    ("wijkopgave", "wijkuitvoering", "wijkuitvoering")),  # the wijkplan between two waves
    "Eijsden": ("Maasdal (fictief)", "Heuvelland (fictief)", "pilot", "2026-09",
                ("wijkbeeld", "wijkplan", "wijkuitvoering")),  # no wijkplan in 2025
    "Hoensbroek-Noord": ("Mijnstad (fictief)", "Oost (fictief)", "pilot", "2025-05",
                         ("wijkplan", "wijkuitvoering", "wijkuitvoering")),  # fast
    "Lindenheuvel": ("Westermijn (fictief)", "West (fictief)", "pilot", "2025-10",
                     ("wijkplan", "wijkplan", "wijkplan")),  # stalled
    "Groenbeek": ("Heuvelstad (fictief)", "Oost (fictief)", "comparison", "", ("voorbereiding", "voorbereiding", "")),
    "Kapelveld": ("Westermijn (fictief)", "West (fictief)", "comparison", "", ("", "voorbereiding", "voorbereiding")),
}  # fmt: skip
#: The half-years of the process indicators (ppi.csv).
PPI_PERIODS = ("2025-H2", "2026-H1", "2026-H2", "2027-H1")
#: One exogenous correction of the KPI 3 judgement (kpi_corrections.csv), in percentage points.
KPI_CORRECTIONS = (
    ("Lindenheuvel", "2026", "3", "Fusie van twee huisartsenpraktijken (fictief) in het voorjaar: minder "
                                  "respondenten uit de zorg dan in 2025"),
)  # fmt: skip
RESPONSE_RATE = (0.55, 0.75)  # share of the actors present who answer the survey, per wijk and wave
ACTIVE = 0.85  # share of respondents outside the PlusWIJkteam who are active participants
NO_ANSWER = (("weet niet", 0.05), ("", 0.03))  # KPI 3 left open

BASE_OUT_DEGREE = 4.5  # mean arcs per actor at baseline
MUTUAL = 0.30  # share of relationships reported by both sides (reciprocity ~0.46)
CONNECTOR_MUTUAL = 0.60
NONRESPONSE = 0.02  # share of ordinary actors without ties in a wave
ZORG_SOCIAAL = (
    0.10,
    0.35,
    0.35,
)  # share of new cross-domain ties that link zorg with welzijn/gemeente
SECOND_TYPE = 0.12  # probability that a tie is reported with a second tie type
CONSENT_NO = 0.07

LAYERS = (
    "persoonlijke sociale basis",
    "collectieve sociale basis",
    "georganiseerde activiteiten en voorzieningen",
    "andere organisaties",
    "lokale en regionale structuren",
)
P, C, G, A, L = LAYERS
KERN = ("Doorbraakmethode", "Welzijn op Recept", "Kernteam Ouderen", "PlusPraktijken")
DB, WOR, KO, PP = KERN


@dataclass(frozen=True)
class Role:
    role: str
    domain: str
    kind: str
    layer: str
    org: str  # key into ORGANISATIONS, or "" for private persons
    base: int  # actors of this role in every wijk
    extra: float  # weight when filling the wijk up to n_actors
    activity: float  # propensity to have ties
    kern: tuple[tuple[str, float], ...] = ()


ROLES: tuple[Role, ...] = (
    Role(
        "huisarts",
        "zorg",
        "person",
        G,
        "praktijk",
        3,
        2.0,
        1.3,
        ((PP, 0.9), (WOR, 0.6), (KO, 0.6), (DB, 0.5)),
    ),
    Role("huisartsenpraktijk", "zorg", "organisation", G, "praktijk", 2, 0.6, 1.0, ((PP, 0.9),)),
    Role(
        "praktijkondersteuner (POH-GGZ)",
        "zorg",
        "person",
        G,
        "praktijk",
        1,
        1.0,
        1.1,
        ((WOR, 0.8), (PP, 0.5)),
    ),
    Role(
        "praktijkondersteuner (POH-ouderen)",
        "zorg",
        "person",
        G,
        "praktijk",
        1,
        1.0,
        1.1,
        ((KO, 0.8), (PP, 0.5)),
    ),
    Role("wijkverpleegkundige", "zorg", "person", G, "thuiszorg", 3, 1.6, 1.2, ((KO, 0.7),)),
    Role("GGZ-behandelaar", "zorg", "person", A, "ggz", 1, 0.8, 0.9, ((DB, 0.3),)),
    Role("apotheker", "zorg", "person", G, "apotheek", 1, 0.3, 0.9, ((PP, 0.3), (KO, 0.2))),
    Role("fysiotherapeut", "zorg", "person", G, "fysio", 1, 0.6, 0.8, ((WOR, 0.2),)),
    Role("casemanager dementie", "zorg", "person", A, "thuiszorg", 1, 0.3, 1.0, ((KO, 0.8),)),
    Role("welzijnscoach", "welzijn", "person", G, "welzijn", 2, 1.2, 1.2, ((WOR, 0.9),)),
    Role("maatschappelijk werker", "welzijn", "person", G, "welzijn", 2, 1.2, 1.1, ((DB, 0.7),)),
    Role("opbouwwerker", "welzijn", "person", G, "welzijn", 2, 0.8, 1.1, ()),
    Role("jongerenwerker", "welzijn", "person", G, "welzijn", 2, 0.8, 0.9, ()),
    Role("mantelzorgconsulent", "welzijn", "person", G, "welzijn", 1, 0.3, 1.0, ((KO, 0.7),)),
    Role("ouderenadviseur", "welzijn", "person", G, "welzijn", 1, 0.4, 1.0, ((KO, 0.6),)),
    Role("ervaringsdeskundige", "welzijn", "person", C, "welzijn", 1, 0.4, 0.7, ((DB, 0.3),)),
    Role(
        "Wmo-consulent", "gemeente", "person", L, "sociaalteam", 2, 1.0, 1.0, ((DB, 0.6), (KO, 0.3))
    ),
    Role("lid sociaal team", "gemeente", "person", L, "sociaalteam", 3, 1.2, 1.1, ((DB, 0.8),)),
    Role("wijkregisseur", "gemeente", "person", L, "gemeente", 1, 0.0, 1.2, ((DB, 0.4),)),
    Role("beleidsadviseur sociaal domein", "gemeente", "person", L, "gemeente", 1, 0.3, 0.8, ()),
    Role("woonconsulent", "wonen", "person", A, "corporatie", 2, 0.8, 0.9, ((DB, 0.5),)),
    Role("huismeester", "wonen", "person", A, "corporatie", 1, 0.5, 0.8, ()),
    Role("woningcorporatie", "wonen", "organisation", A, "corporatie", 1, 0.0, 0.8, ((DB, 0.3),)),
    Role("wijkagent", "veiligheid", "person", A, "politie", 1, 0.2, 1.0, ((DB, 0.4),)),
    Role("boa", "veiligheid", "person", A, "handhaving", 1, 0.4, 0.7, ()),
    Role("buurtbemiddelaar", "veiligheid", "person", C, "buurtbemiddeling", 1, 0.4, 0.7, ()),
    Role("basisschool", "onderwijs", "organisation", G, "school", 2, 0.5, 0.8, ()),
    Role("intern begeleider", "onderwijs", "person", G, "school", 2, 0.6, 0.9, ()),
    Role("kinderopvang", "onderwijs", "organisation", G, "kinderopvang", 1, 0.3, 0.7, ()),
    Role(
        "buurtsportcoach", "sport_cultuur", "person", G, "sportbedrijf", 1, 0.2, 1.0, ((WOR, 0.6),)
    ),
    Role(
        "sportvereniging",
        "sport_cultuur",
        "organisation",
        C,
        "sportclub",
        2,
        0.6,
        0.7,
        ((WOR, 0.3),),
    ),
    Role("harmonie", "sport_cultuur", "organisation", C, "harmonie", 1, 0.2, 0.6, ()),
    Role(
        "bibliotheek", "sport_cultuur", "organisation", G, "bibliotheek", 1, 0.1, 0.8, ((WOR, 0.4),)
    ),
    Role("cultuurcoach", "sport_cultuur", "person", G, "bibliotheek", 1, 0.3, 0.8, ((WOR, 0.4),)),
    Role(
        "klantmanager werk en inkomen",
        "werk_inkomen",
        "person",
        L,
        "werkplein",
        1,
        0.6,
        0.8,
        ((DB, 0.6),),
    ),
    Role(
        "schuldhulpverlener", "werk_inkomen", "person", A, "schuldhulp", 1, 0.6, 0.9, ((DB, 0.7),)
    ),
    Role("jobcoach", "werk_inkomen", "person", A, "werkplein", 1, 0.4, 0.7, ()),
    Role("voedselbank", "werk_inkomen", "organisation", C, "voedselbank", 1, 0.0, 0.7, ()),
    Role("sleutelfiguur", "inwoners", "person", C, "initiatief_of_geen", 4, 2.0, 0.9, ()),
    Role("vrijwilliger", "inwoners", "person", C, "vrijwilligerswerk", 5, 3.0, 0.5, ((WOR, 0.15),)),
    Role("mantelzorger", "inwoners", "person", P, "", 4, 0.8, 0.4, ((KO, 0.3),)),
    Role("bewonersinitiatief", "inwoners", "initiative", C, "initiatief", 2, 0.5, 0.9, ()),
    Role("buurtvereniging", "inwoners", "initiative", C, "buurtvereniging", 1, 0.2, 0.7, ()),
)
ROLE_BY_NAME = {r.role: r for r in ROLES}

# Organisation name patterns; {stem} is an invented name, every name ends in "(fictief)".
ORGANISATIONS = {
    "praktijk": "Huisartsenpraktijk {stem} (fictief)",
    "thuiszorg": "Thuiszorg {stem} (fictief)",
    "ggz": "GGZ-team {stem} (fictief)",
    "apotheek": "Apotheek {stem} (fictief)",
    "fysio": "Fysiotherapie {stem} (fictief)",
    "welzijn": "Welzijnsstichting {stem} (fictief)",
    "sociaalteam": "Sociaal team {wijk} (fictief)",
    "gemeente": "Gemeente, afdeling Sociaal Domein (fictief)",
    "corporatie": "Woonstichting {stem} (fictief)",
    "politie": "Politie, basisteam {stem} (fictief)",
    "handhaving": "Gemeentelijke handhaving (fictief)",
    "buurtbemiddeling": "Buurtbemiddeling {stem} (fictief)",
    "school": "Basisschool {stem} (fictief)",
    "kinderopvang": "Kinderopvang {stem} (fictief)",
    "sportbedrijf": "Sportbureau {stem} (fictief)",
    "sportclub": "Sportvereniging {stem} (fictief)",
    "harmonie": "Harmonie {stem} (fictief)",
    "bibliotheek": "Bibliotheekpunt {stem} (fictief)",
    "werkplein": "Werkpunt {stem} (fictief)",
    "schuldhulp": "Schuldhulppunt {stem} (fictief)",
    "voedselbank": "Voedselbankpunt {stem} (fictief)",
    "initiatief": "Bewonersinitiatief {stem} (fictief)",
    "buurtvereniging": "Buurtvereniging {stem} (fictief)",
}
PRIVATE = "geen organisatie (inwoner)"

ORG_STEMS = (
    "De Linde", "De Eik", "De Beuk", "De Kastanje", "De Meidoorn", "De Vlier", "De Hazelaar", "De Esdoorn",
    "De Wilg", "De Berk", "De Hulst", "De Lijsterbes", "De Els", "De Iep", "De Taxus", "De Notelaar",
    "Zonnehoek", "Klaverveld", "Heggenrank", "Bronsdal", "Molenwiek", "Kruidenhof", "Vlinderhof", "Bremstruik",
    "Duivenslag", "Hoogakker", "Kiezelpad", "Leemkuil", "Mergelhof", "Weidebloem", "Zilverschoon", "Eikelveld",
    "Groenrijk", "Merelhof", "Lindeboog", "Appelgaard", "Dauwtrap", "Klimopweg", "Rozenrank", "Veldzicht",
)  # fmt: skip

# Ordinary Dutch first names combined with invented surnames, so that no
# combination refers to a real person.
FIRST_NAMES = (
    "Annemie", "Bram", "Carlijn", "Dries", "Elke", "Fenna", "Gijs", "Hanneke", "Ilse", "Joep",
    "Karlijn", "Lieke", "Mart", "Nienke", "Olaf", "Pien", "Roel", "Sanne", "Thijs", "Ursula",
    "Veerle", "Wout", "Yvette", "Zef", "Jeanne", "Huub", "Mia", "Ton", "Loes", "Frans",
    "Truus", "Sjef", "Mieke", "Noor", "Lars", "Fleur", "Daan", "Iris", "Koen", "Marieke",
)  # fmt: skip
SURNAMES = (
    "Amberkens", "Bolsinck", "Brunninx", "Dassemans", "Dorrekens", "Elsermans", "Flamink", "Geuvelaers",
    "Haemerlinck", "Kalverdonk", "Kemmerlaers", "Lammersdonk", "Leuvenink", "Meerkens", "Moorsdonk", "Nijskerts",
    "Oppendijk", "Roebroekx", "Schellaerts", "Sibbelaars", "Smeetsdonk", "Stammelinck", "Tummersdonk", "Uffelink",
    "Vaessink", "Wagemanckx", "Wolfsdonk", "Ybelaar", "Zwikkelink", "Brammertz", "Crousveld", "Dieckerts",
    "Eygelshof", "Frissendonk", "Gulpenaers", "Hurkmans-Vliek", "Jongbloets", "Kerckhoffx", "Loyens-Baert", "Mertzdonk",
    "Neuvelmans", "Offermanckx", "Pluymaekers", "Rademaeckx", "Steinbruggen", "Thewissink", "Vliegenaers", "Winckelmanx",
)  # fmt: skip

TIE_TYPES = ("samenwerking", "verwijzing", "overleg", "informatie")
SOCIAL = ("welzijn", "gemeente")
LEEFWERELD = ("inwoners", "sport_cultuur")
TEAM_CORE = ("huisarts", "wijkverpleegkundige", "welzijnscoach", "wijkregisseur", "sleutelfiguur")
TEAM_EXTRA = (
    "praktijkondersteuner (POH-ouderen)",
    "opbouwwerker",
    "woonconsulent",
    "maatschappelijk werker",
    "wijkagent",
)
CARE_FOR_CARERS = (
    "huisarts",
    "praktijkondersteuner (POH-ouderen)",
    "casemanager dementie",
    "wijkverpleegkundige",
)
EVIDENCE = (("enquête {wave}", 0.70), ("participatiegesprek", 0.12), ("netwerkbijeenkomst {wave}", 0.10),
            ("interview sleutelfiguur", 0.08))  # fmt: skip

ACTOR_COLUMNS = ("actor_id", "wijk", "domain", "name", "role", "organisation", "kind", "pluswijkteam",
                 "kernaanpakken", "consent", "first_wave", "last_wave", "layer", "role_group")  # fmt: skip
TIE_COLUMNS = ("wijk", "wave", "source", "target", "tie_type", "weight", "evidence", "segment_id")
ACTOR_WAVE_COLUMNS = (
    "pluswijkteam",
    "kernaanpakken",
    "role",
    "organisation",
    "role_group",
    "layer",
)

CONFIG_YAML = """\
# Fictional demo project generated by wijknet.datasets.demo; all names and data are invented.
title: "PlusWIJken demoproject (fictief)"
synthetic: true
waves: ["2025", "2026", "2027"]
"""

README_TXT = """\
PlusWIJken demoproject (fictief)
================================

NEDERLANDS
Alle gegevens en namen in deze map zijn verzonnen en door de computer
gegenereerd (wijknet.datasets.demo, seed {seed}). Personen, organisaties en relaties
bestaan niet; alleen de namen van de zes pilotwijken en de begrippen van het
programma zijn echt. De twee vergelijkingswijken (Groenbeek, Kapelveld), de
gemeenten en subregio's in wijken.csv en de procesindicatoren in ppi.csv zijn
ook verzonnen. De gegevens beschrijven niet de echte netwerken van deze
wijken. Gebruik ze alleen om wijknet te leren kennen en uit te proberen.

ENGLISH
All data and names in this folder are fictional and were generated by a
computer (wijknet.datasets.demo, seed {seed}). The people, organisations and ties do
not exist; only the names of the six pilot neighbourhoods and the programme's
terms are real. The data do not describe the real networks of these
neighbourhoods. Use them only to learn and try out wijknet.

Wat het demoproject laat zien / what the demo shows
- De Baandert: huisartsen en gemeente werken in 2025 niet samen; in 2026
  vormen ze een Doorbraakteam en ontstaan de relaties. / GPs and the
  municipality do not work together until their Doorbraak team of 2026.
- Hoensbroek-Noord: in 2026 vormt zich een Kernteam Ouderen (specialist
  ouderengeneeskunde, verpleegkundig specialist, casemanager dementie,
  wijkverpleegkundige). / A Kernteam Ouderen forms in 2026.
- Eijsden: de driehoek van Welzijn op Recept (huisarts/POH -> welzijnscoach,
  huisarts-gemeente-welzijn) bestaat al in 2025. / The Welzijn op Recept
  triangle exists from the start.
- Daalhof: een sleutelfiguur buiten het PlusWIJkteam is de brugbouwer tussen
  leefwereld en systeemwereld. / A bridge builder between the worlds.
- Participatiegesprekken noemen ontbrekende relaties (zou moeten kennen,
  drempel, wens; ties.csv, themes.csv); een deel wordt later een relatie. /
  Conversations name missing links; some become ties later.
- ratings.csv: vertrouwen groeit waar de samenwerking intensiever wordt;
  Bleijerheide-Centrum-Nulland heeft veel contact maar weinig vertrouwen. /
  Trust grows where collaboration intensifies; one wijk has high contact but
  low trust.
- responses.csv: inwoners stijgen op de participatieladder in Daalhof en
  Hoensbroek-Noord; actor_waves.csv: wie er per meting bij het PlusWIJkteam
  of een kernaanpak hoort. / Residents move up the ladder; team and
  kernaanpak membership change per wave.

- wijken.csv: gemeente, subregio, pilot- of vergelijkingswijk en de fase van
  de routekaart per meting; twee kleine vergelijkingswijken zonder wijkplan
  veranderen minder dan de pilotwijken. ppi.csv: procesindicatoren per
  halfjaar met hun doel. / Wijk metadata, two small comparison wijken with a
  flatter change, process indicators per half-year with targets.

Bestanden / files: actors.csv, ties.csv, responses.csv, ratings.csv,
actor_waves.csv, themes.csv, wijken.csv, ppi.csv, kpi_corrections.csv,
wijknet.yaml
"""


# ---------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------


def _choice(rng: np.random.Generator, items, p=None):
    return items[int(rng.choice(len(items), p=p))]


def _make_actors(
    wijk: str,
    story: WijkStory,
    rng: np.random.Generator,
    names: list[str],
    roles: dict[str, int] | None = None,
) -> tuple[list[dict], dict]:
    """Actors of one wijk and the positions of its connectors, team, fragile bridge and carers.

    The actors are dicts with the tidy columns plus ``_activity``. ``roles``
    (role -> number) replaces the drawn role counts (the small comparison wijken).
    """
    if roles is not None:
        counts = {r.role: roles.get(r.role, 0) for r in ROLES}
    else:
        counts = {r.role: r.base for r in ROLES}
        if story.wijkplan:
            counts["welzijnscoach"] += (
                1  # the extra coach of Welzijn op Recept, joins after the baseline
            )
        extra_roles = [r for r in ROLES if r.extra > 0]
        weights = np.array([r.extra for r in extra_roles])
        for _ in range(story.n_actors - sum(counts.values())):
            counts[_choice(rng, extra_roles, weights / weights.sum()).role] += 1

    stems = [ORG_STEMS[i] for i in rng.permutation(len(ORG_STEMS))]
    pools: dict[str, list[str]] = {}

    def org_names(key: str, n: int) -> list[str]:
        if key not in pools:
            pattern = ORGANISATIONS[key]
            pools[key] = [
                pattern.format(stem=stems.pop(), wijk=wijk)
                for _ in range(n if "{stem}" in pattern else 1)
            ]
        return pools[key]

    # Organisations that are actors themselves come first, so persons can work there.
    own = {"praktijk": "huisartsenpraktijk", "school": "basisschool", "sportclub": "sportvereniging",
           "initiatief": "bewonersinitiatief", "corporatie": "woningcorporatie", "voedselbank": "voedselbank",
           "harmonie": "harmonie", "bibliotheek": "bibliotheek", "kinderopvang": "kinderopvang",
           "buurtvereniging": "buurtvereniging"}  # fmt: skip
    for key, role in own.items():  # a small wijk still has one of each for its persons to work at
        org_names(key, counts[role] if roles is None else max(1, counts[role]))
    used_orgs = {key: 0 for key in own}

    actors = []
    for role in ROLES:
        for _ in range(counts[role.role]):
            if role.kind != "person":
                key = role.org
                name = org_names(key, 1)[used_orgs[key]]
                used_orgs[key] += 1
                organisation = name
            else:
                name = names.pop()
                if role.org == "":
                    organisation = PRIVATE
                elif role.org == "initiatief_of_geen":
                    organisation = _choice(rng, [PRIVATE, *org_names("initiatief", 1)])
                elif role.org == "vrijwilligerswerk":
                    options = [
                        *org_names("initiatief", 1),
                        *org_names("voedselbank", 1),
                        *org_names("sportclub", 1),
                        *org_names("buurtvereniging", 1),
                        *org_names("welzijn", 1),
                    ]
                    organisation = _choice(rng, options)
                else:
                    organisation = _choice(rng, org_names(role.org, 1))
            kern = [k for k, p in role.kern if rng.random() < p]
            actors.append({
                "wijk": wijk, "domain": role.domain, "name": name, "role": role.role,
                "organisation": organisation, "kind": role.kind, "pluswijkteam": "nee",
                "kernaanpakken": ";".join(k for k in KERN if k in kern),
                "consent": "nee" if rng.random() < CONSENT_NO else "ja", "layer": role.layer,
                "_activity": role.activity * float(rng.lognormal(0.0, 0.35)),
            })  # fmt: skip
    for i, actor in enumerate(actors, start=1):
        actor["actor_id"] = f"{story.code}-{i:03d}"

    def first_of(role: str, exclude: set[int]) -> int | None:
        return next(
            (i for i, a in enumerate(actors) if a["role"] == role and i not in exclude), None
        )

    connectors: list[int] = []
    for role in story.connectors:
        i = first_of(role, set(connectors))
        if i is None:
            raise ValueError(f"{wijk}: no actor with connector role {role!r}")
        connectors.append(i)
    team: list[int] = []
    for role in (*TEAM_CORE, *TEAM_EXTRA)[: story.team_size]:
        i = first_of(role, set(connectors) | set(team))
        if i is not None:
            team.append(i)
    if story.bridge in story.connectors:
        bridge = connectors[story.connectors.index(story.bridge)]
    else:
        bridge = first_of(story.bridge, set(team) | set(connectors))
        bridge = bridge if bridge is not None else first_of(story.bridge, set(connectors))
    for i in team:
        actors[i]["pluswijkteam"] = "ja"
    for i in set(team) | set(connectors):
        actors[i]["consent"] = "ja"
    meta = {"connectors": connectors, "team": team, "bridge": bridge,
            "carers": [i for i, a in enumerate(actors) if a["role"] == "mantelzorger"]}  # fmt: skip
    return actors, meta


# ---------------------------------------------------------------------------
# Ties
# ---------------------------------------------------------------------------


def _inactive_per_wave(
    actors: list[dict], meta: dict, story: WijkStory, rng: np.random.Generator
) -> list[set[int]]:
    """Actors without ties per wave: late joiners, leavers and non-responders.

    Joiners and leavers get ``first_wave``/``last_wave`` (they are not part of
    the network outside those waves); non-responders stay in the network as
    isolates.
    """
    special = set(meta["connectors"]) | set(meta["team"]) | set(meta["carers"]) | {meta["bridge"]}
    ordinary = [i for i in range(len(actors)) if i not in special]
    inactive: list[set[int]] = [set(), set(), set()]
    coaches = [i for i, a in enumerate(actors) if a["role"] == "welzijnscoach" and i not in special]
    first, last = {}, {}
    if story.wijkplan and coaches:
        late = coaches[-1]
        first[late] = (
            2 if story.openness[1] - story.openness[0] < 0.05 else 1
        )  # stalled wijken hire late
    picks = [ordinary[i] for i in rng.permutation(len(ordinary)) if ordinary[i] not in first]
    first.update({i: 1 for i in picks[:2]})  # two more late joiners
    last.update({i: 1 for i in picks[2:4]})  # two leave before 2027
    for i, a in enumerate(actors):
        a["first_wave"] = WAVES[first.get(i, 0)]
        a["last_wave"] = WAVES[last.get(i, len(WAVES) - 1)]
        for w in range(len(WAVES)):
            if w < first.get(i, 0) or w > last.get(i, len(WAVES) - 1):
                inactive[w].add(i)
    rest = picks[4:]
    for w in range(3):
        k = max(1, round(NONRESPONSE * len(actors)))
        inactive[w].update(rest[i] for i in rng.choice(len(rest), size=k, replace=False))
    return inactive


@dataclass
class _Tie:
    direction: str  # "both", "ab" (a -> b) or "ba"
    weight: int
    types: tuple[str, ...]
    fixed: bool = False


def _index(rng: np.random.Generator, p) -> int:
    """Index drawn with probabilities proportional to ``p`` (a short sequence)."""
    u = rng.random() * sum(p)
    acc = 0.0
    for i, q in enumerate(p):
        acc += q
        if u < acc and q > 0:
            return i
    return max(i for i, q in enumerate(p) if q > 0)


def _tie_types(rng: np.random.Generator, da: str, db: str) -> tuple[str, ...]:
    pair = {da, db}
    if "zorg" in pair and pair & set(SOCIAL):
        p = (0.15, 0.45, 0.30, 0.10)
    elif pair & set(LEEFWERELD):
        p = (0.45, 0.00, 0.15, 0.40)
    else:
        p = (0.35, 0.10, 0.35, 0.20)
    first = _index(rng, p)
    types = [TIE_TYPES[first]]
    if rng.random() < SECOND_TYPE:
        q = [0.0 if i == first else x for i, x in enumerate(p)]
        if sum(q) > 0:
            types.append(TIE_TYPES[_index(rng, q)])
    return tuple(t for t in TIE_TYPES if t in types)


def _new_tie(
    rng: np.random.Generator, actors: list[dict], a: int, b: int, *, kind: str, fixed: bool = False
) -> _Tie:
    da, db = actors[a]["domain"], actors[b]["domain"]
    types = _tie_types(rng, da, db)
    mutual = CONNECTOR_MUTUAL if kind == "connector" else MUTUAL
    if rng.random() < mutual:
        direction = "both"
    elif "verwijzing" in types and (da == "zorg") != (db == "zorg"):
        direction = "ab" if da == "zorg" else "ba"  # referrals run from care to the social domain
    else:
        direction = "ab" if rng.random() < 0.5 else "ba"
    if kind == "connector":
        p = (0.05, 0.15, 0.30, 0.30, 0.20)
    elif da == db:
        p = (0.05, 0.20, 0.35, 0.25, 0.15)
    else:
        p = (0.25, 0.35, 0.25, 0.10, 0.05)
    weight = _index(rng, p) + 1
    return _Tie(direction, weight, types, fixed)


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _wijk_ties(
    actors: list[dict], meta: dict, story: WijkStory, rng: np.random.Generator
) -> list[dict]:
    """Tie rows of one wijk over all waves, following its story."""
    n = len(actors)
    domain = np.array([a["domain"] for a in actors])
    domains = sorted(set(domain))
    activity = np.array([a["_activity"] for a in actors])
    activity[meta["team"]] *= 1.6
    carers, bridge, connectors = meta["carers"], meta["bridge"], meta["connectors"]
    inactive = _inactive_per_wave(actors, meta, story, rng)
    repaired_at = WAVES.index(story.repaired) if story.repaired else len(WAVES)
    care = [i for i, a in enumerate(actors) if a["role"] in CARE_FOR_CARERS and i != bridge]
    base_ties = n * BASE_OUT_DEGREE / (1 + MUTUAL)

    rows: list[dict] = []
    ties: dict[tuple[int, int], _Tie] = {}
    for w, wave in enumerate(WAVES):
        active = np.array([i not in inactive[w] for i in range(n)])
        # 1. turnover: keep part of last wave's ties; fixed ties always survive
        kept: dict[tuple[int, int], _Tie] = {}
        for (a, b), tie in ties.items():
            if active[a] and active[b] and (tie.fixed or rng.random() < story.keep):
                if not tie.fixed and rng.random() < 0.35:
                    tie.weight = min(5, tie.weight + 1)  # ties that last grow in frequency
                kept[(a, b)] = tie
        ties = kept
        # 2. the fragile bridge: carers linked to each other and to one actor only
        if w == 0:
            for x, y in zip(carers, carers[1:]):
                ties[_key(x, y)] = _new_tie(rng, actors, x, y, kind="carer", fixed=True)
            for j, x in enumerate(carers):
                if j % 2 == 0 or rng.random() < 0.5:
                    ties[_key(x, bridge)] = _new_tie(
                        rng, actors, x, bridge, kind="carer", fixed=True
                    )
            anchor = (
                _choice(rng, care)
                if actors[bridge]["domain"] != "zorg"
                else _choice(rng, connectors)
            )
            ties[_key(bridge, anchor)] = _new_tie(
                rng, actors, bridge, anchor, kind="connector", fixed=True
            )
        if w == repaired_at:  # Kernteam Ouderen: carers get their own link to care
            for x in carers[:2]:
                y = _choice(rng, care)
                ties[_key(x, y)] = _new_tie(rng, actors, x, y, kind="carer", fixed=True)
        # who may get random ties in this wave
        eligible = active.copy()
        if w < repaired_at:
            eligible[carers] = False
        # 3. connectors keep ties into many domains
        for c in connectors:
            have = sum(1 for k in ties if c in k)
            others = [d for d in domains if d != domain[c]]
            order = [others[i] for i in rng.permutation(len(others))]
            tries = 0
            while have < story.connector_ties and tries < 200:
                d = order[tries % len(order)]
                tries += 1
                pool = np.flatnonzero(eligible & (domain == d))
                pool = (
                    pool[[_key(c, j) not in ties and j != c for j in pool]] if len(pool) else pool
                )
                if not len(pool):
                    continue
                j = int(rng.choice(pool, p=activity[pool] / activity[pool].sum()))
                ties[_key(c, j)] = _new_tie(rng, actors, c, j, kind="connector")
                have += 1
        # 4. fill up to the wave's volume with the wijk's openness
        total = round(base_ties * story.volume[w])
        cross_now = sum(1 for a, b in ties if domain[a] != domain[b])
        need_cross = max(0, round(story.openness[w] * total) - cross_now)
        need_within = max(0, total - len(ties) - need_cross)
        _add_random(
            rng, actors, ties, eligible, activity, domain, domains, need_cross, cross=True, w=w
        )
        _add_random(
            rng, actors, ties, eligible, activity, domain, domains, need_within, cross=False, w=w
        )
        rows.extend(_rows(rng, actors, ties, wave))
    return rows


class _Pool:
    """Actors to draw from, with probability proportional to their activity."""

    def __init__(self, members: np.ndarray, activity: np.ndarray):
        self.members = members
        cum = np.cumsum(activity[members])
        self.cum = cum / cum[-1] if len(cum) else cum

    def draw(self, rng: np.random.Generator) -> int:
        return int(
            self.members[
                min(
                    int(np.searchsorted(self.cum, rng.random(), side="right")),
                    len(self.members) - 1,
                )
            ]
        )


def _add_random(
    rng, actors, ties, eligible, activity, domain, domains, count, *, cross: bool, w: int
) -> None:
    """Add ``count`` new ties between eligible actors, across or within domains."""
    idx = np.flatnonzero(eligible)
    everyone = _Pool(idx, activity)
    by_domain = {d: _Pool(idx[domain[idx] == d], activity) for d in domains}
    outside = {d: _Pool(idx[domain[idx] != d], activity) for d in domains}
    zorg, social = by_domain["zorg"], _Pool(idx[np.isin(domain[idx], SOCIAL)], activity)
    sizes = np.array(
        [activity[p.members].sum() ** 2 if len(p.members) >= 2 else 0.0 for p in by_domain.values()]
    )
    size_pool = _Pool(np.arange(len(domains)), sizes)
    added, tries = 0, 0
    while added < count and tries < 100 * count + 100:
        tries += 1
        if cross and rng.random() < ZORG_SOCIAAL[w]:
            a, b = zorg.draw(rng), social.draw(rng)
        elif cross:
            a = everyone.draw(rng)
            b = outside[domain[a]].draw(rng)
        else:
            pool = by_domain[domains[size_pool.draw(rng)]]
            a, b = pool.draw(rng), pool.draw(rng)
        if a == b or _key(a, b) in ties:
            continue
        ties[_key(a, b)] = _new_tie(rng, actors, a, b, kind="random")
        added += 1


def _rows(
    rng: np.random.Generator, actors: list[dict], ties: dict[tuple[int, int], _Tie], wave: str
) -> list[dict]:
    labels = [e for e, _ in EVIDENCE]
    p = [q for _, q in EVIDENCE]
    rows = []
    for (a, b), tie in ties.items():
        arcs = (
            [(a, b), (b, a)]
            if tie.direction == "both"
            else [(a, b) if tie.direction == "ab" else (b, a)]
        )
        for k, (s, t) in enumerate(arcs):
            weight = (
                tie.weight
                if k == 0
                else min(5, max(1, tie.weight + (-1, 0, 0, 1)[int(rng.integers(4))]))
            )
            evidence = labels[_index(rng, p)].format(wave=wave)
            if evidence == "interview sleutelfiguur" and wave != WAVES[0]:
                evidence = (
                    "participatiegesprek"  # key-figure interviews belong to the baseline wijkbeeld
                )
            for tie_type in tie.types:
                rows.append({"wijk": actors[s]["wijk"], "wave": wave, "source": actors[s]["actor_id"],
                             "target": actors[t]["actor_id"], "tie_type": tie_type, "weight": str(weight),
                             "evidence": evidence})  # fmt: skip
    return rows


# ---------------------------------------------------------------------------
# THE PROGRAMME'S STORY (issues 13 and 14) - drawn from streams of their own,
# so the actors and ties above stay as they are wherever the story does not
# change them.
# ---------------------------------------------------------------------------
#: Role groups (keys of ``data/roles.yaml``) of the demo roles the catalogue does not map by itself.
ROLE_GROUPS = {
    "wijkregisseur": "social_team",  # the municipality's director in the wijk
    "beleidsadviseur sociaal domein": "social_team",
    "buurtbemiddelaar": "community_work",  # neighbour mediation, run by a welfare organisation
    "kinderopvang": "school",
    "voedselbank": "debt_help",  # poverty and debt
}
#: Actors who join in a later wave: the elderly-care physician and nurse specialist of the Kernteam Ouderen.
LATE_ROLES = (
    Role(
        "specialist ouderengeneeskunde", "zorg", "person", A, "thuiszorg", 0, 0.0, 1.0, ((KO, 1.0),)
    ),
    Role("verpleegkundig specialist", "zorg", "person", A, "thuiszorg", 0, 0.0, 1.0, ((KO, 1.0),)),
)
LATE_ROLE_NAMES = tuple(r.role for r in LATE_ROLES)
#: A Doorbraak team (GPs with the municipality's social team) is formed in this wijk and wave; before it,
#: GPs and the municipality have no tie at all.
DOORBRAAK = ("De Baandert", "2026")
#: A Kernteam Ouderen forms in this wijk and wave (its elderly-care physician and nurse specialist join then).
KERNTEAM = ("Hoensbroek-Noord", "2026")
#: The Welzijn op Recept triangle (GP/POH -> welzijnscoach, GP - municipality - welfare) exists from the start.
WELZIJN_OP_RECEPT = "Eijsden"
#: The bridge builder (kartrekker) between leefwereld and systeemwereld, never in the PlusWIJkteam:
#: this wijk's first connector, with ties to this many residents and initiatives in every wave.
BRIDGE_BUILDER = ("Daalhof", 9)
#: A PlusWIJkteam member who leaves the team in a later wave: (wijk, wave, role).
TEAM_LEAVER = ("Lindenheuvel", "2027", "huisarts")
#: Signals of missing links from participation conversations: (wijk, waves, source role, target role,
#: tie type, themes, wave in which the tie becomes real or None, quote). A role "@bridge" is the bridge
#: builder; "role#2" the second actor of that role.
SIGNALS = (
    ("De Baandert", ("2025",), "huisarts", "lid sociaal team", "zou_moeten_kennen",
     ("samenwerking huisarts-gemeente", "elkaar kennen"), "2026",
     "Voor gezinnen met veel hulpverleners zou ik {target} moeten kennen, maar ik weet niet wie dat is."),
    ("De Baandert", ("2025",), "huisarts#2", "Wmo-consulent", "drempel",
     ("samenwerking huisarts-gemeente", "drempel"), "2026",
     "Bij de gemeente kom ik niet verder dan het algemene nummer; {target} bereik ik nooit."),
    ("Hoensbroek-Noord", ("2025",), "casemanager dementie", "ouderenadviseur", "wens",
     ("kernteam ouderen", "mantelzorg"), "2026",
     "Ik zou graag met {target} optrekken: de mantelzorgers lopen vast en wij zien ze te laat."),
    ("Hoensbroek-Noord", ("2025",), "wijkverpleegkundige", "praktijkondersteuner (POH-ouderen)", "zou_moeten_kennen",
     ("kernteam ouderen", "elkaar kennen"), "2026",
     "We zien dezelfde kwetsbare ouderen, maar {target} ken ik niet."),
    ("Bleijerheide-Centrum-Nulland", ("2025", "2026"), "welzijnscoach", "huisarts", "drempel",
     ("vertrouwen", "drempel"), None,
     "{target} verwijst niemand door; ik merk dat we elkaar nog niet vertrouwen."),
    ("Bleijerheide-Centrum-Nulland", ("2026",), "opbouwwerker#2", "huisarts#2", "zou_moeten_kennen",
     ("elkaar kennen", "vertrouwen"), "2027",
     "Met {target} zou ik moeten samenwerken, we hebben het over dezelfde straten."),
    ("Lindenheuvel", ("2025", "2026", "2027"), "welzijnscoach", "huisarts", "drempel",
     ("welzijn op recept", "drempel"), None,
     "Welzijn op Recept komt niet van de grond: {target} heeft geen tijd voor overleg."),
    ("Lindenheuvel", ("2026",), "sleutelfiguur#2", "lid sociaal team", "zou_moeten_kennen",
     ("elkaar kennen", "bewonersparticipatie"), None,
     "Bewoners vragen mij wie ze bij de gemeente moeten hebben; {target} zou ik moeten kennen."),
    ("Daalhof", ("2025",), "@bridge", "welzijnscoach#2", "wens",
     ("verbinden", "bewonersparticipatie"), "2026",
     "Ik wil {target} in contact brengen met de bewoners van de flat, daar is veel eenzaamheid."),
    ("Eijsden", ("2026",), "vrijwilliger", "woonconsulent", "drempel",
     ("wonen", "drempel"), None,
     "Met {target} hebben we afgesproken om samen langs te gaan, maar het komt er niet van."),
)  # fmt: skip
#: Theme codes of the other conversation segments, per wijk (one conversation per wijk and wave).
THEME_STORY = {
    "Bleijerheide-Centrum-Nulland": ("vertrouwen", "vertrouwen", "schulden"),
    "Daalhof": ("bewonersparticipatie", "eenzaamheid bij ouderen"),
    "De Baandert": ("samenwerking huisarts-gemeente", "schulden"),
    "Eijsden": ("bewonersparticipatie", "welzijn op recept", "mantelzorg"),
    "Hoensbroek-Noord": ("mantelzorg", "eenzaamheid bij ouderen"),
    "Lindenheuvel": ("drempel", "jongeren op straat"),
}
THEME_QUOTES = {
    "vertrouwen": "Met {partner} hebben we veel contact, maar echt op elkaar rekenen doen we nog niet.",
    "schulden": "Bij schulden bel ik {partner}; samen komen we er sneller achter wat er speelt.",
    "bewonersparticipatie": "{partner} denkt mee over de plannen; bewoners worden nu eerder gevraagd.",
    "eenzaamheid bij ouderen": "Met {partner} zoeken we ouderen op die alleen thuis zitten.",
    "samenwerking huisarts-gemeente": "Sinds het overleg met {partner} weten huisarts en gemeente elkaar te vinden.",
    "welzijn op recept": "De huisarts verwijst naar de welzijnscoach; {partner} belt dezelfde week terug.",
    "mantelzorg": "Mantelzorgers komen bij {partner} terecht als het ze te veel wordt.",
    "drempel": "Het duurt lang voordat {partner} terugbelt; dan haken mensen af.",
    "jongeren op straat": "Over de jongeren bij het plein overleg ik met {partner}.",
}
#: PARTNER levels: share of the collaboration ties (level 2-4) at coordination or integration (3-4), per wave.
INTENSITY_STORY: dict[str, tuple[float, float, float]] = {
    #                               2025  2026  2027
    "Bleijerheide-Centrum-Nulland": (0.55, 0.57, 0.60),  # high contact throughout ...
    "Daalhof":                      (0.25, 0.45, 0.58),  # intensifies fast
    "De Baandert":                  (0.22, 0.33, 0.42),
    "Eijsden":                      (0.50, 0.52, 0.54),
    "Hoensbroek-Noord":             (0.22, 0.42, 0.55),  # intensifies fast
    "Lindenheuvel":                 (0.22, 0.23, 0.24),  # stalled
}  # fmt: skip
#: Shift of the trust items per wijk: ... but low trust in Bleijerheide-Centrum-Nulland.
TRUST_SHIFT = {"Bleijerheide-Centrum-Nulland": -0.85}
RATING_OPEN = (
    ("weet niet", 0.05),
    ("", 0.03),
)  # a PARTNER item left open (awareness ties: 3x "weet niet")
#: Mean step (1 informeren ... 5 meebeslissen) of the residents on the participation ladder, per wave.
LADDER_STORY: dict[str, tuple[float, float, float]] = {
    "Bleijerheide-Centrum-Nulland": (1.4, 1.5, 2.3),
    "Daalhof":                      (1.6, 2.5, 3.2),  # moves up
    "De Baandert":                  (1.5, 1.9, 2.4),
    "Eijsden":                      (3.1, 3.2, 3.3),  # the residents' initiative carries the network
    "Hoensbroek-Noord":             (1.5, 2.4, 3.1),  # moves up
    "Lindenheuvel":                 (1.4, 1.4, 1.5),  # stays at informeren
}  # fmt: skip
LADDER_OPEN = 0.06


def _role_group(roles, role: str) -> str:
    return roles.map(role) or ROLE_GROUPS[role]


class _Net:
    """The tie rows of the demo with quick look-ups, edited by the story."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.reindex()

    def real(self, wave: str) -> list[dict]:
        return [r for r in self.rows if r["wave"] == wave and r["tie_type"] not in NON_TIE_TYPES]

    def degree(self, wave: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.real(wave):
            out[r["source"]] = out.get(r["source"], 0) + 1
            out[r["target"]] = out.get(r["target"], 0) + 1
        return out

    def tied(self, wave: str, a: str, b: str) -> bool:
        return (wave, a, b) in self.pairs or (wave, b, a) in self.pairs

    def reindex(self) -> None:
        self.keys = {(r["wave"], r["source"], r["target"], r["tie_type"]) for r in self.rows}
        self.pairs = {(w, s, t) for w, s, t, tie_type in self.keys if tie_type not in NON_TIE_TYPES}

    def add(self, wijk: str, wave: str, s: str, t: str, tie_type: str, weight: int, evidence: str,
            segment_id: str = "") -> None:  # fmt: skip
        key = (wave, s, t, tie_type)
        if key not in self.keys:
            self.keys.add(key)
            if tie_type not in NON_TIE_TYPES:
                self.pairs.add((wave, s, t))
            self.rows.append({"wijk": wijk, "wave": wave, "source": s, "target": t, "tie_type": tie_type,
                              "weight": str(weight), "evidence": evidence, "segment_id": segment_id})  # fmt: skip

    def pair(
        self, wijk: str, wave: str, a: str, b: str, rng: np.random.Generator, evidence: str
    ) -> None:
        """A collaboration both report (samenwerking, sometimes also overleg)."""
        weight = int(rng.integers(3, 6))
        for s, t in ((a, b), (b, a)):
            self.add(wijk, wave, s, t, "samenwerking", weight, evidence.format(wave=wave))
            if rng.random() < 0.4:
                self.add(wijk, wave, s, t, "overleg", weight, evidence.format(wave=wave))


def _cast(actors: list[dict], net: _Net) -> dict:
    """Who plays the story's parts, chosen by rule: actors present (with ties) in the waves that need them."""
    by_wijk: dict[str, list[dict]] = {}
    for a in actors:
        by_wijk.setdefault(a["wijk"], []).append(a)
    degree = {w: net.degree(w) for w in WAVES}

    def pick(wijk: str, role: str, waves, n: int = 1, exclude=()) -> list[str]:
        out = []
        for a in by_wijk[wijk]:
            if (
                a["role"] == role
                and a["actor_id"] not in exclude
                and all(degree[w].get(a["actor_id"]) for w in waves)
            ):
                out.append(a["actor_id"])
        return out[:n]

    later = WAVES[WAVES.index(DOORBRAAK[1]) :]
    wijk = DOORBRAAK[0]
    doorbraak = {
        "gps": pick(wijk, "huisarts", later, 2),
        "municipality": pick(wijk, "lid sociaal team", later, 2)
        + pick(wijk, "Wmo-consulent", later, 1),
        "social": pick(wijk, "maatschappelijk werker", later, 1)
        + pick(wijk, "schuldhulpverlener", later, 1),
    }
    wijk = KERNTEAM[0]
    later = WAVES[WAVES.index(KERNTEAM[1]) :]
    kernteam = {
        "core": pick(wijk, "casemanager dementie", later, 1)
        + pick(wijk, "wijkverpleegkundige", later, 1),
        "partners": pick(wijk, "huisarts", later, 2)
        + pick(wijk, "praktijkondersteuner (POH-ouderen)", later, 1),
        "social": pick(wijk, "ouderenadviseur", later, 1)
        + pick(wijk, "mantelzorgconsulent", later, 1),
        "carers": pick(wijk, "mantelzorger", later, 1),
    }
    wor = {role: pick(WELZIJN_OP_RECEPT, role, WAVES, 1)[0] for role in
           ("huisarts", "praktijkondersteuner (POH-GGZ)", "welzijnscoach", "Wmo-consulent")}  # fmt: skip
    wijk = BRIDGE_BUILDER[0]
    team = {a["actor_id"] for a in by_wijk[wijk] if a["pluswijkteam"] == "ja"}
    bridge = next(a["actor_id"] for a in by_wijk[wijk] if a["role"] == STORY[wijk].connectors[0]
                  and a["actor_id"] not in team)  # fmt: skip
    leaver = next(a["actor_id"] for a in by_wijk[TEAM_LEAVER[0]]
                  if a["role"] == TEAM_LEAVER[2] and a["pluswijkteam"] == "ja")  # fmt: skip
    return {"doorbraak": doorbraak, "kernteam": kernteam, "wor": wor, "bridge": bridge, "leaver": leaver,
            "by_wijk": by_wijk, "degree": degree, "pick": pick}  # fmt: skip


def _late_actors(actors: list[dict], names: list[str], rng: np.random.Generator) -> list[dict]:
    """The Kernteam Ouderen's elderly-care physician and nurse specialist, who join in its wave."""
    wijk, wave = KERNTEAM
    members = [a for a in actors if a["wijk"] == wijk]
    code = STORY[wijk].code
    org = next(a["organisation"] for a in members if a["role"] == "wijkverpleegkundige")
    out = []
    for k, role in enumerate(LATE_ROLES, start=len(members) + 1):
        out.append({"actor_id": f"{code}-{k:03d}", "wijk": wijk, "domain": role.domain, "name": names.pop(),
                    "role": role.role, "organisation": org, "kind": role.kind, "pluswijkteam": "nee",
                    "kernaanpakken": KO, "consent": "ja", "first_wave": wave, "last_wave": WAVES[-1],
                    "layer": role.layer})  # fmt: skip
    return out


def _apply_story(actors: list[dict], rows: list[dict], names: list[str], seed: int) -> dict:
    """Edit the generated actors and ties so that they tell the programme's story; return the cast."""
    rng = np.random.default_rng([seed, 11])
    for a in actors:
        a.pop("_activity", None)
        if (
            a["wijk"] == DOORBRAAK[0]
        ):  # nobody works with the Doorbraakmethode before its team is formed
            a["kernaanpakken"] = ";".join(k for k in a["kernaanpakken"].split(";") if k and k != DB)
    for r in rows:
        r.setdefault("segment_id", "")
    net = _Net(rows)
    cast = _cast(actors, net)
    actors.extend(_late_actors(actors, names, rng))
    role_of = {a["actor_id"]: a["role"] for a in actors}
    domain_of = {a["actor_id"]: a["domain"] for a in actors}

    # Doorbraak: no GP-municipality tie before the team, a tie between every GP and the municipality after.
    wijk, start = DOORBRAAK
    gps = {a for a, r in role_of.items() if r in ("huisarts", "huisartsenpraktijk")}
    before = set(WAVES[: WAVES.index(start)])
    net.rows[:] = [
        r for r in net.rows
        if not (r["wijk"] == wijk and r["wave"] in before and r["tie_type"] not in NON_TIE_TYPES
                and {domain_of[r["source"]], domain_of[r["target"]]} == {"zorg", "gemeente"}
                and (r["source"] in gps or r["target"] in gps))
    ]  # fmt: skip
    net.reindex()
    d = cast["doorbraak"]
    for wave in WAVES[WAVES.index(start) :]:
        for gp in d["gps"]:
            for m in d["municipality"] + d["social"][:1]:
                net.pair(wijk, wave, gp, m, rng, "enquête {wave}")
        for m in d["municipality"]:
            for s in d["social"]:
                net.pair(wijk, wave, m, s, rng, "netwerkbijeenkomst {wave}")

    # Kernteam Ouderen: physician, nurse specialist, case manager and district nurse all tied together,
    # with the GPs and POH-ouderen as partners and ties to the social domain and an informal carer.
    wijk, start = KERNTEAM
    k = cast["kernteam"]
    core = [a["actor_id"] for a in actors if a["role"] in LATE_ROLE_NAMES] + k["core"]
    k["core"] = core
    for wave in WAVES[WAVES.index(start) :]:
        for i, a in enumerate(core):
            for b in core[i + 1 :]:
                net.pair(wijk, wave, a, b, rng, "enquête {wave}")
        for a in core[:2]:
            for p in k["partners"]:
                net.pair(wijk, wave, a, p, rng, "enquête {wave}")
        for a, b in zip(core[2:] + core[:1], k["social"] + k["carers"]):
            net.pair(wijk, wave, a, b, rng, "netwerkbijeenkomst {wave}")

    # Welzijn op Recept in Eijsden from the start: referrals to the welzijnscoach and the triangle.
    w = cast["wor"]
    gp, poh, coach, wmo = (
        w[r]
        for r in ("huisarts", "praktijkondersteuner (POH-GGZ)", "welzijnscoach", "Wmo-consulent")
    )
    for wave in WAVES:
        for referrer in (gp, poh):
            net.add(WELZIJN_OP_RECEPT, wave, referrer, coach, "verwijzing", 3, f"enquête {wave}")
        for a, b in ((gp, wmo), (wmo, coach), (gp, coach)):
            net.pair(WELZIJN_OP_RECEPT, wave, a, b, rng, "enquête {wave}")

    # The bridge builder: ties to residents and initiatives in every wave (not to the informal carers).
    wijk, n = BRIDGE_BUILDER
    bridge = cast["bridge"]
    residents = [a["actor_id"] for a in cast["by_wijk"][wijk]
                 if a["domain"] in LEEFWERELD and a["role"] != "mantelzorger" and a["actor_id"] != bridge
                 and all(cast["degree"][wv].get(a["actor_id"]) for wv in WAVES)]  # fmt: skip
    residents = [residents[i] for i in rng.permutation(len(residents))]
    chosen = [r for r in residents if not net.tied(WAVES[0], bridge, r)][:n]
    for wave in WAVES:
        for r in chosen:
            net.pair(wijk, wave, bridge, r, rng, "participatiegesprek")

    # Signals from participation conversations; some become real ties in a later wave.
    signals = []
    pick = cast["pick"]
    for n_signal, (wijk, waves, src, tgt, tie_type, themes, realised, quote) in enumerate(SIGNALS):
        need = list(waves) + ([realised] if realised else [])
        if src == "@bridge":
            source = bridge
        else:
            name, _, nth = src.partition("#")
            source = pick(wijk, name, need, int(nth or 1))[-1]
        candidates = [a["actor_id"] for a in cast["by_wijk"][wijk] if a["role"] == tgt.partition("#")[0]
                      and a["actor_id"] != source and all(cast["degree"][wv].get(a["actor_id"]) for wv in need)]  # fmt: skip
        untied = [c for c in candidates if not any(net.tied(wv, source, c) for wv in waves)]
        nth = int(tgt.partition("#")[2] or 1)
        pool = untied if tie_type != "drempel" else candidates
        target = (pool or candidates)[min(nth, len(pool or candidates)) - 1]
        for wave in waves:
            interview = f"pg-{STORY[wijk].code.lower()}-{wave}-{n_signal + 1}"
            segment = f"{interview}-1"
            net.add(wijk, wave, source, target, tie_type, 1, "participatiegesprek", segment)
            signals.append({"wijk": wijk, "wave": wave, "interview_id": interview, "segment_id": segment,
                            "source": source, "target": target, "tie_type": tie_type, "themes": themes,
                            "quote": quote})  # fmt: skip
        if realised:
            net.pair(wijk, realised, source, target, rng, "enquête {wave}")
    cast["signals"] = signals
    cast["late"] = [a["actor_id"] for a in actors if a["role"] in LATE_ROLE_NAMES]
    return cast


def _actor_waves(actors: pd.DataFrame, cast: dict) -> pd.DataFrame:
    """The attributes that change between waves (``actor_waves``).

    The Doorbraak team and the Kernteam Ouderen declare their kernaanpak, a
    Wmo-consulent joins the PlusWIJkteam with the Doorbraak team, the
    elderly-care physician joins it a wave after the Kernteam forms, and a GP
    leaves the team of the stalled wijk.
    """
    base = actors.set_index("actor_id")
    rows: dict[tuple[str, str], dict] = {}

    def change(actor_id: str, wave: str, **values) -> None:
        row = rows.setdefault((wave, actor_id), {"wijk": base.loc[actor_id, "wijk"], "wave": wave,
                                                 "actor_id": actor_id, "pluswijkteam": "", "kernaanpakken": "",
                                                 "role": "", "organisation": "", "role_group": "", "layer": ""})  # fmt: skip
        row.update(values)

    def join(actor_id: str, wave: str, kern: str) -> None:
        have = [k for k in base.loc[actor_id, "kernaanpakken"].split(";") if k]
        change(actor_id, wave, kernaanpakken=";".join(k for k in KERN if k in {*have, kern}))

    d, k = cast["doorbraak"], cast["kernteam"]
    for wave in WAVES[WAVES.index(DOORBRAAK[1]) :]:
        for a in d["gps"] + d["municipality"] + d["social"]:
            join(a, wave, DB)
        change(d["municipality"][-1], wave, pluswijkteam="ja")
    for w, wave in enumerate(WAVES[WAVES.index(KERNTEAM[1]) :]):
        for a in k["core"]:
            if a not in cast["late"]:
                join(a, wave, KO)
        if w > 0:
            change(cast["late"][0], wave, pluswijkteam="ja")
    for wave in WAVES[WAVES.index(TEAM_LEAVER[1]) :]:
        change(cast["leaver"], wave, pluswijkteam="nee")
    out = pd.DataFrame(
        list(rows.values()), columns=["wijk", "wave", "actor_id", *ACTOR_WAVE_COLUMNS]
    )
    return out.sort_values(["wijk", "wave", "actor_id"], kind="stable").reset_index(drop=True)


def _ratings(
    actors: pd.DataFrame,
    ties: pd.DataFrame,
    actor_waves: pd.DataFrame,
    cast: dict,
    seed: int,
    intensity: dict | None = None,
    offset: int = 0,
) -> pd.DataFrame:
    """The PARTNER answers of every survey tie: level of collaboration, trust and value (1-4).

    The level follows the tie (``informatie`` only: 1 bewustzijn, a ``kennen`` tie at import; otherwise
    2-4, with :data:`INTENSITY_STORY`'s share at 3-4 and the story's teams at 3-4); trust rises with the
    level and with the wijk's intensification, and is low in the wijk of :data:`TRUST_SHIFT`.
    """
    labels = [label for label, _ in RATING_OPEN]
    p_open = [q for _, q in RATING_OPEN]
    teams = set(cast["doorbraak"]["gps"] + cast["doorbraak"]["municipality"]) | set(
        cast["kernteam"]["core"]
    )
    arcs_of: dict[tuple[str, str], dict[tuple[str, str], set[str]]] = {}
    for wijk, wave, source, target, tie_type, evidence in zip(
        ties["wijk"],
        ties["wave"],
        ties["source"],
        ties["target"],
        ties["tie_type"],
        ties["evidence"],
    ):
        if evidence.startswith("enquête") and tie_type not in NON_TIE_TYPES:
            arcs_of.setdefault((wijk, wave), {}).setdefault((source, target), set()).add(tie_type)
    rows = []
    intensity = INTENSITY_STORY if intensity is None else intensity
    for k, wijk in enumerate(intensity):
        rng = np.random.default_rng([seed, offset + k, 12])
        shares = intensity[wijk]
        for w, wave in enumerate(WAVES):
            arcs = arcs_of.get((wijk, wave), {})
            for rater, rated in sorted(arcs):
                u, z = rng.random(9), rng.normal(0.0, 1.0, 8)
                if arcs[(rater, rated)] <= {"informatie"}:
                    level = 1
                elif rater in teams and rated in teams and wave >= min(DOORBRAAK[1], KERNTEAM[1]):
                    level = 3 + int(u[0] < 0.4)
                else:
                    level = 2 if u[0] >= shares[w] else 3 + int(u[1] < 0.3)
                growth = shares[w] - shares[0]
                trust = (
                    1.75
                    + 0.5 * (level - 1)
                    + 1.2 * growth
                    + TRUST_SHIFT.get(wijk, 0.0)
                    + 0.45 * z[0]
                )
                value = 1.9 + 0.35 * (level - 1) + 0.45 * z[1]
                row = {
                    "wijk": wijk,
                    "wave": wave,
                    "rater": rater,
                    "rated": rated,
                    "intensity": str(level),
                }
                scale = (
                    3.0 if level == 1 else 1.0
                )  # who only knows a partner more often does not know
                for j, item in enumerate(TRUST_ITEMS + VALUE_ITEMS):
                    centre = trust if item in TRUST_ITEMS else value
                    answer = str(int(min(4, max(1, round(centre + 0.4 * z[2 + j])))))
                    if u[3 + j] < p_open[0] * scale:
                        answer = labels[0]
                    elif u[3 + j] < p_open[0] * scale + p_open[1]:
                        answer = labels[1]
                    row[item] = answer
                rows.append(row)
    columns = ["wijk", "wave", "rater", "rated", "intensity", *TRUST_ITEMS, *VALUE_ITEMS]
    return pd.DataFrame(rows, columns=columns).astype(str)


def _themes(actors: pd.DataFrame, ties: pd.DataFrame, cast: dict, seed: int) -> pd.DataFrame:
    """Theme codes of the participation conversations (``themes``).

    The signals' segments and one more conversation per wijk and wave, with
    fictional quotes and the actors mentioned.
    """
    name = dict(zip(actors["actor_id"], actors["name"]))
    rows = []
    for s in cast["signals"]:
        quote = s["quote"].format(target=name[s["target"]])
        for theme in s["themes"]:
            rows.append({"wijk": s["wijk"], "wave": s["wave"], "interview_id": s["interview_id"], "theme": theme,
                         "segment_id": s["segment_id"], "quote": quote, "actors": f"{s['source']};{s['target']}"})  # fmt: skip
    real = ties[~ties["tie_type"].isin(NON_TIE_TYPES)]
    for k, (wijk, themes) in enumerate(THEME_STORY.items()):
        rng = np.random.default_rng([seed, k, 14])
        interviewee = cast["bridge"] if wijk == BRIDGE_BUILDER[0] else None
        for wave in WAVES:
            here = real[(real["wijk"] == wijk) & (real["wave"] == wave)]
            if interviewee is None or not (here["source"] == interviewee).any():
                senders = sorted(set(here["source"]))
                interviewee = senders[int(rng.integers(len(senders)))]
            partners = sorted(set(here[here["source"] == interviewee]["target"]))
            interview = f"pg-{STORY[wijk].code.lower()}-{wave}-thema"
            chosen = [partners[i] for i in rng.permutation(len(partners))]
            for n, theme in enumerate(themes, 1):
                partner = chosen[(n - 1) % len(chosen)]
                rows.append({"wijk": wijk, "wave": wave, "interview_id": interview, "theme": theme,
                             "segment_id": f"{interview}-{n}", "quote": THEME_QUOTES[theme].format(partner=name[partner]),
                             "actors": f"{interviewee};{partner}"})  # fmt: skip
    out = pd.DataFrame(
        rows, columns=["wijk", "wave", "interview_id", "theme", "segment_id", "quote", "actors"]
    )
    return out.sort_values(
        ["wijk", "wave", "interview_id", "segment_id"], kind="stable"
    ).reset_index(drop=True)


def _participation(responses: pd.DataFrame, actors: pd.DataFrame, seed: int) -> pd.Series:
    """The residents' step on the participation ladder (:data:`LADDER_STORY`); ``""`` for the others."""
    domain = dict(zip(actors["actor_id"], actors["domain"]))
    rows = list(zip(responses["wijk"], responses["wave"], responses["actor_id"]))
    out = [""] * len(rows)
    for k, (wijk, means) in enumerate(LADDER_STORY.items()):
        rng = np.random.default_rng([seed, k, 13])
        for w, wave in enumerate(WAVES):
            for i, (row_wijk, row_wave, actor) in enumerate(rows):
                if row_wijk != wijk or row_wave != wave or domain[actor] != "inwoners":
                    continue
                step = int(min(5, max(1, round(means[w] + rng.normal(0.0, 0.7)))))
                out[i] = "weet niet" if rng.random() < LADDER_OPEN else LADDER[step - 1]
    return pd.Series(out, index=responses.index, dtype=object)


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def make_tables(seed: int = 2025) -> dict[str, pd.DataFrame]:
    """Generate every table of the fictional demo project.

    Parameters
    ----------
    seed : int
        Seed of :func:`numpy.random.default_rng`; the same seed always gives
        identical tables. Every wijk draws from its own stream, and the
        programme's story (issues 13 and 14) from streams of its own.

    Returns
    -------
    dict of str to pandas.DataFrame
        String tables in the tidy format of :mod:`wijknet.io.tidy`:
        ``actors``, ``ties``, ``responses`` (with ``participation_level``),
        ``ratings``, ``actor_waves`` and ``themes``.
    """
    rng = np.random.default_rng(seed)
    combos = [f"{f} {s}" for f in FIRST_NAMES for s in SURNAMES]
    names = [combos[i] for i in rng.permutation(len(combos))]
    actor_rows: list[dict] = []
    tie_rows: list[dict] = []
    for k, (wijk, story) in enumerate(STORY.items()):
        wrng = np.random.default_rng([seed, k])
        actors, meta = _make_actors(wijk, story, wrng, names)
        tie_rows.extend(_wijk_ties(actors, meta, story, wrng))
        actor_rows.extend(actors)
    cast = _apply_story(actor_rows, tie_rows, names, seed)
    roles = RoleCatalogue.default()
    for a in actor_rows:
        a["role_group"] = _role_group(roles, a["role"])
    order = {wijk: i for i, wijk in enumerate(STORY)}
    actor_rows.sort(key=lambda a: (order[a["wijk"]], a["actor_id"]))
    actors_df = pd.DataFrame(
        [{c: a[c] for c in ACTOR_COLUMNS} for a in actor_rows], columns=list(ACTOR_COLUMNS)
    ).astype(str)
    ties_df = pd.DataFrame(tie_rows, columns=list(TIE_COLUMNS))
    ties_df = (
        ties_df.sort_values(["wijk", "wave", "source", "target", "tie_type"], kind="stable")
        .reset_index(drop=True)
        .astype(str)
    )
    actor_waves = _actor_waves(actors_df, cast)
    ratings = _ratings(actors_df, ties_df, actor_waves, cast, seed)
    themes = _themes(actors_df, ties_df, cast, seed)
    # The comparison wijken come last, from streams of their own: the pilots' rows stay as they were.
    comparison_actors, comparison_ties = _comparison_wijken(names, seed)
    actors_df = pd.concat([actors_df, comparison_actors], ignore_index=True)
    ties_df = (
        pd.concat([ties_df, comparison_ties], ignore_index=True)
        .sort_values(["wijk", "wave", "source", "target", "tie_type"], kind="stable")
        .reset_index(drop=True)
    )
    responses = make_responses(actors_df, seed)
    comparison_ratings = _ratings(comparison_actors, comparison_ties, actor_waves, cast, seed,
                                  intensity=COMPARISON_INTENSITY, offset=100)  # fmt: skip
    ratings = pd.concat([ratings, comparison_ratings], ignore_index=True)
    return {
        "actors": actors_df,
        "ties": ties_df,
        "responses": responses,
        "ratings": ratings,
        "actor_waves": actor_waves,
        "themes": themes,
        "wijken": make_wijken(),
        "ppi": make_ppi(seed),
        "kpi_corrections": pd.DataFrame(
            KPI_CORRECTIONS, columns=["wijk", "wave", "correction", "reason"]
        ),
    }


def _comparison_wijken(names: list[str], seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Actors and ties of the comparison wijken (:data:`COMPARISON_STORY`), from streams ``[seed, 100 + k]``.

    No PlusWIJkteam and no kernaanpakken (the programme does not run there);
    names come from what the pilots left of ``names``.
    """
    roles = RoleCatalogue.default()
    actor_rows: list[dict] = []
    tie_rows: list[dict] = []
    for k, (wijk, story) in enumerate(COMPARISON_STORY.items()):
        wrng = np.random.default_rng([seed, 100 + k])
        counts = dict(COMPARISON_ROLES)
        for role, _ in COMPARISON_ROLES[::-1][: 30 - story.n_actors]:
            counts[role] -= 1
        actors, meta = _make_actors(wijk, story, wrng, names, roles=counts)
        rows = _wijk_ties(actors, meta, story, wrng)
        for a in actors:
            a["kernaanpakken"] = ""
            a["role_group"] = _role_group(roles, a["role"])
        for r in rows:
            r.setdefault("segment_id", "")
        # A fixed tie (the carers' anchor) may fall on a late joiner or leaver: its span then covers the tie.
        tied: dict[str, list[int]] = {}
        for r in rows:
            for actor_id in (r["source"], r["target"]):
                tied.setdefault(actor_id, []).append(WAVES.index(r["wave"]))
        for a in actors:
            waves = tied.get(a["actor_id"])
            if waves:
                a["first_wave"] = WAVES[min(WAVES.index(a["first_wave"]), min(waves))]
                a["last_wave"] = WAVES[max(WAVES.index(a["last_wave"]), max(waves))]
        actor_rows.extend(sorted(actors, key=lambda a: a["actor_id"]))
        tie_rows.extend(rows)
    actors_df = pd.DataFrame(
        [{c: a[c] for c in ACTOR_COLUMNS} for a in actor_rows], columns=list(ACTOR_COLUMNS)
    ).astype(str)
    ties_df = pd.DataFrame(tie_rows, columns=list(TIE_COLUMNS)).astype(str)
    return actors_df, ties_df


def make_wijken() -> pd.DataFrame:
    """The demo's ``wijken.csv`` (:data:`WIJKEN`): one row per wijk, a ``phase_<wave>`` column per wave.

    Examples
    --------
    >>> table = make_wijken()
    >>> table.loc[table["wijk"] == "Kapelveld", ["group", "phase_2025", "phase_2026"]].values.tolist()
    [['comparison', '', 'voorbereiding']]
    """
    rows = [
        {"wijk": wijk, "municipality": m, "subregion": r, "group": g, "wijkplan_start": start,
         **{f"phase_{wave}": p for wave, p in zip(WAVES, phases)}}
        for wijk, (m, r, g, start, phases) in WIJKEN.items()
    ]  # fmt: skip
    return pd.DataFrame(rows).astype(str)


def make_ppi(seed: int = 2025) -> pd.DataFrame:
    """The demo's process indicators (``ppi.csv``) for :data:`PPI_PERIODS`, from the stream ``[seed, 200]``.

    Per pilot wijk and half-year "wijkplan vastgesteld" (ja/nee, target ja:
    ja from the half-year of its ``wijkplan_start``) and "aantal
    PlusWIJkteamoverleggen" (target 6; Lindenheuvel stays below); for the
    programme "deelnemers leernetwerk" (target 40) and "wijken met
    vastgesteld wijkplan" (target 6). The comparison wijken have none: the
    programme does not run there.

    Examples
    --------
    >>> ppi = make_ppi()
    >>> sorted(set(ppi["period"])), len(ppi)
    (['2025-H2', '2026-H1', '2026-H2', '2027-H1'], 56)
    """
    rng = np.random.default_rng([seed, 200])
    rows: list[dict] = []
    for period in PPI_PERIODS:
        year, half = int(period[:4]), int(period[-1])
        adopted = 0
        for wijk, (_m, _r, group, start, _phases) in WIJKEN.items():
            if group != "pilot":
                continue
            start_half = (int(start[:4]), 1 if int(start[5:7]) <= 6 else 2)
            done = (year, half) >= start_half
            adopted += done
            rows.append({"scope": wijk, "period": period, "indicator": "wijkplan vastgesteld",
                         "value": "ja" if done else "nee", "target": "ja", "unit": "", "note": ""})  # fmt: skip
            mean = 3.0 if wijk == "Lindenheuvel" else 5.5 + 0.5 * PPI_PERIODS.index(period) / 3
            meetings = int(max(0, round(rng.normal(mean, 1.0))))
            rows.append({"scope": wijk, "period": period, "indicator": "aantal PlusWIJkteamoverleggen",
                         "value": str(meetings), "target": "6", "unit": "overleggen", "note": ""})  # fmt: skip
        participants = int(round(24 + 6 * PPI_PERIODS.index(period) + rng.normal(0, 2)))
        rows.append({"scope": "programma", "period": period, "indicator": "deelnemers leernetwerk",
                     "value": str(participants), "target": "40", "unit": "personen", "note": ""})  # fmt: skip
        rows.append({"scope": "programma", "period": period, "indicator": "wijken met vastgesteld wijkplan",
                     "value": str(adopted), "target": "6", "unit": "wijken",
                     "note": "Eijsden volgt in 2026-H2" if period == "2026-H1" else ""})  # fmt: skip
    return pd.DataFrame(
        rows, columns=["scope", "period", "indicator", "value", "target", "unit", "note"]
    )


def make_demo(seed: int = 2025) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Generate the fictional demo project as tidy ``actors`` and ``ties`` tables.

    Parameters
    ----------
    seed : int
        As in :func:`make_tables`.

    Returns
    -------
    actors, ties : pandas.DataFrame
        String tables in the tidy format of :mod:`wijknet.io.tidy`. ``actors``
        has every optional column filled (``kernaanpakken`` is empty for
        actors outside the four core approaches) plus ``layer``, the layer
        from leefwereld to systeemwereld, and ``role_group``. ``ties`` has a
        ``segment_id`` for the signals of participation conversations (the
        segment in :func:`make_tables`' ``themes``), empty for the others.
    """
    tables = make_tables(seed)
    return tables["actors"], tables["ties"]


def make_responses(actors: pd.DataFrame, seed: int = 2025) -> pd.DataFrame:
    """Generate the fictional survey responses of the demo (``responses.csv``).

    Parameters
    ----------
    actors : pandas.DataFrame
        The demo actors as :func:`make_demo` returns them (string columns).
    seed : int
        The same seed always gives identical responses; the draws do not
        touch the streams of :func:`make_demo`.

    Returns
    -------
    pandas.DataFrame
        String table ``wijk, wave, actor_id, active, kpi3, participation_level``: per wijk and wave
        a share of :data:`RESPONSE_RATE` of the actors present responds; the
        PlusWIJkteam is always active, others with probability
        :data:`ACTIVE`; a few leave KPI 3 open ("weet niet" or empty). Among
        the active respondents who answer, exactly
        ``round(KPI3_STORY[wijk][wave] * answered)`` agree (4 or 5) and the
        others answer 1-3, so the measured KPI 3 follows the story. The
        Kernteam's newcomers (:data:`LATE_ROLES`) do not answer. Residents
        (domain ``inwoners``) give their step on the participation ladder
        (:data:`LADDER_STORY`, drawn from a stream of its own; a few "weet
        niet"), the others leave it empty.
    """
    out = _survey(actors, KPI3_STORY, seed)
    out["participation_level"] = _participation(out, actors, seed)
    return out


def _survey(actors: pd.DataFrame, story: dict, seed: int, offset: int = 0) -> pd.DataFrame:
    """The survey responses of the wijken of ``story`` (wijk -> KPI 3 share per wave), streams ``[seed, offset + k, 3]``."""
    labels = [label for label, _ in NO_ANSWER]
    p_open = [q for _, q in NO_ANSWER]
    rows: list[dict] = []
    for k, (wijk, targets) in enumerate(story.items()):
        rng = np.random.default_rng([seed, offset + k, 3])
        members = actors[(actors["wijk"] == wijk) & ~actors["role"].isin(LATE_ROLE_NAMES)]
        position = {w: i for i, w in enumerate(WAVES)}
        for w, wave in enumerate(WAVES):
            present = members[
                (members["first_wave"].map(position) <= w)
                & (members["last_wave"].map(position) >= w)
            ]
            rate = rng.uniform(*RESPONSE_RATE)
            chosen = np.sort(
                rng.choice(len(present), size=round(rate * len(present)), replace=False)
            )
            answers = []
            records = present[["actor_id", "pluswijkteam"]].to_dict("records")
            for i in chosen:
                actor = records[int(i)]
                active = actor["pluswijkteam"] == "ja" or rng.random() < ACTIVE
                u = rng.random()
                open_label = labels[0] if u < p_open[0] else labels[1] if u < sum(p_open) else None
                answers.append({"wijk": wijk, "wave": wave, "actor_id": actor["actor_id"],
                                "active": "ja" if active else "nee", "kpi3": open_label})  # fmt: skip
            counted = [a for a in answers if a["active"] == "ja" and a["kpi3"] is None]
            agree = set(
                rng.choice(
                    len(counted), size=round(targets[w] * len(counted)), replace=False
                ).tolist()
            )
            for j, answer in enumerate(counted):
                answer["kpi3"] = str(
                    int(
                        rng.choice([4, 5], p=[0.7, 0.3])
                        if j in agree
                        else rng.choice([1, 2, 3], p=[0.15, 0.4, 0.45])
                    )
                )
            for answer in answers:
                if (
                    answer["kpi3"] is None
                ):  # inactive respondents answer too; they do not count for the KPI
                    answer["kpi3"] = str(
                        int(rng.choice([1, 2, 3, 4, 5], p=[0.15, 0.25, 0.3, 0.2, 0.1]))
                    )
            rows.extend(answers)
    return pd.DataFrame(rows, columns=["wijk", "wave", "actor_id", "active", "kpi3"]).astype(str)


def write_demo(folder: str | Path, seed: int = 2025) -> Path:
    """Write the demo project to ``folder`` and return the folder.

    Writes ``actors.csv``, ``ties.csv``, ``responses.csv``, ``ratings.csv``,
    ``actor_waves.csv``, ``themes.csv``, ``wijken.csv``, ``ppi.csv`` and
    ``kpi_corrections.csv`` (UTF-8, comma-separated; see
    :func:`make_tables`), ``wijknet.yaml`` (marked ``synthetic: true``) and
    ``LEESMIJ.txt``, which states in Dutch and English that all data and
    names are fictional and what the demo shows. The folder is created if
    needed; existing files of these names are replaced.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tables = make_tables(seed)
    for name in TABLES:
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            tables[name].to_csv(fh, index=False, lineterminator="\n")
    (folder / "wijknet.yaml").write_bytes(CONFIG_YAML.encode("utf-8"))
    (folder / "LEESMIJ.txt").write_bytes(README_TXT.format(seed=seed).encode("utf-8"))
    return folder
