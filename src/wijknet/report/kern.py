"""The report sections on the kernaanpakken and the PlusWIJkteam (issue 13).

:func:`wijk_section` and :func:`programme_section` compute what a wijk or
programme report shows (the tables of :mod:`wijknet.analysis.kernaanpak`
and :mod:`wijknet.analysis.team`, the same as ``wijknet analyse`` writes);
:func:`wijk_context` and :func:`programme_context` turn them into the
template context of ``templates/kern_wijk.html`` and
``templates/kern_programme.html`` in the report's language.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from wijknet.analysis import kernaanpak, team
from wijknet.core import formatting as fmt
from wijknet.core.i18n import text
from wijknet.project import Project

TEXTS = {
    "sec_kern": {"nl": "Kernaanpakken", "en": "Kernaanpakken (core approaches)"},
    "kern_intro": {
        "nl": "Elke kernaanpak vraagt om samenwerkingen tussen bepaalde rollen (volgens het transformatieplan). Per "
        "kernaanpak: welk deel van die samenwerkingen er is, welke er zijn en welke ontbreken, en welke kernrollen "
        "er in de wijk niet zijn.",
        "en": "Each kernaanpak needs collaborations between certain roles (after the transformation plan). Per "
        "kernaanpak: the share of those collaborations that exist, which exist and which are missing, and which "
        "core roles the wijk lacks.",
    },
    "kern_present": {"nl": "Er is", "en": "Exists"},
    "kern_absent": {"nl": "Ontbreekt", "en": "Missing"},
    "kern_participation": {"nl": "Deelnamecontrole", "en": "Participation check"},
    "sec_team": {"nl": "Het PlusWIJkteam", "en": "The PlusWIJkteam"},
    "team_intro": {
        "nl": "Hoe ver het team in het wijknetwerk reikt, of het bewoners bereikt en het aanspreekpunt is, en of het "
        "de samenstelling heeft die het plan vraagt.",
        "en": "How far the team reaches into the wijknetwerk, whether it reaches residents and is the first point "
        "of contact, and whether it has the composition the plan asks for.",
    },
    "sec_kern_all": {"nl": "Kernaanpakken per wijk", "en": "Kernaanpakken per wijk"},
    "kern_all_intro": {
        "nl": "Volledigheid in meting {wave}: het deel van de verwachte samenwerkingen van elke kernaanpak dat er "
        "is.",
        "en": "Completeness in wave {wave}: the share of each kernaanpak's expected collaborations that exist.",
    },
    "sec_team_all": {"nl": "PlusWIJkteams per wijk", "en": "PlusWIJkteams per wijk"},
    "col_wijk": {"nl": "Wijk", "en": "Wijk"},
    "col_team_size": {"nl": "Teamleden", "en": "Members"},
    "col_reach_1": {"nl": "Bereik 1 stap", "en": "Reach 1 step"},
    "col_reach_2": {"nl": "Bereik 2 stappen", "en": "Reach 2 steps"},
    "col_leefwereld": {"nl": "Leefwereld-relaties", "en": "Leefwereld ties"},
    "col_first_contact": {"nl": "Aanspreekpunt", "en": "First contact"},
    "col_composition": {"nl": "Ontbreekt in het team", "en": "Missing in the team"},
    "team_all_note": {
        "nl": "Bereik: deel van het wijknetwerk buiten het team binnen één of twee stappen. Aanspreekpunt: deel van "
        "de relaties die anderen leggen dat naar een teamlid gaat. Kleine aantallen zijn voor het leernetwerk "
        "weggelaten (–).",
        "en": "Reach: share of the wijknetwerk outside the team within one or two steps. First contact: share of the "
        "ties others make that go to a team member. Small counts are left out for the learning network (–).",
    },
}


def wijk_section(project: Project, wijk: str, wave: str) -> dict:
    """The tables of the kernaanpak and team sections of a wijk report (not for a leernetwerk)."""
    row = team.team_indicators(project, wijken=[wijk], waves=[wave]).iloc[0].to_dict()
    return {"kernaanpak": kernaanpak.wijk_tables(project, wijk, wave), "team": row,
            "profiles": project.config.profiles}  # fmt: skip


def programme_section(project: Project, wave: str) -> dict:
    """The tables of the programme report: completeness per wijk and the team indicators of ``wave``.

    For a leernetwerk both are the protected aggregates of :mod:`wijknet.analysis.kernaanpak`
    and :mod:`wijknet.analysis.team`.
    """
    summary = kernaanpak.kernaanpak_summary(project, waves=[wave])
    return {"completeness": kernaanpak.completeness_by_wijk(project, wave, summary),
            "team": team.team_indicators(project, waves=[wave]), "profiles": project.config.profiles}  # fmt: skip


def _share(value, lang: str) -> str:
    return "–" if fmt.is_missing(value) else fmt.percent(value, 0, lang)


def wijk_context(section: dict | None, lang: str) -> dict:
    """The context of ``templates/kern_wijk.html`` (``kern`` is ``None`` without a section)."""
    if section is None:
        return {"kern": None}
    kt = partial(text, TEXTS, lang=lang)
    return {"kern": {"t": kt, "kernaanpakken": kernaanpak.wijk_sentences(section["kernaanpak"], lang),
                     "share": partial(_share, lang=lang),
                     "team": team.team_sentences(section["team"], profiles=section["profiles"], lang=lang)}}  # fmt: skip


def programme_context(section: dict | None, lang: str, wave: str) -> dict:
    """The context of ``templates/kern_programme.html``."""
    if section is None:
        return {"kern": None}
    kt = partial(text, TEXTS, lang=lang)
    completeness: pd.DataFrame = section["completeness"]
    names = list(completeness.columns[1:])
    rows = [
        {"wijk": r["wijk"], "cells": [_share(r[n], lang) for n in names]}
        for r in completeness.to_dict("records")
    ]
    profiles = section["profiles"]
    team_rows = [{
        "wijk": r["wijk"], "size": "–" if fmt.is_missing(r["team_size"]) else fmt.integer(r["team_size"], lang),
        "reach_1": _share(r["reach_1"], lang), "reach_2": _share(r["reach_2"], lang),
        "leefwereld": "–" if fmt.is_missing(r["leefwereld_ties"]) else fmt.integer(r["leefwereld_ties"], lang),
        "first_contact": _share(r["first_contact_share"], lang),
        "missing": ", ".join(profiles.label(m, lang) for m in str(r["composition_missing"] or "").split(";") if m),
    } for r in section["team"].to_dict("records")]  # fmt: skip
    return {"kern": {"t": kt, "names": names, "rows": rows, "team": team_rows,
                     "intro": kt("kern_all_intro", wave=wave)}}  # fmt: skip
