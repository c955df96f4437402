"""The report sections of the two worlds and of Verbindingskansen (issue 13, items 4 and 5).

:func:`wijk_parts` and :func:`programme_parts` compute what the sections
show (from :mod:`wijknet.analysis.worlds` and
:mod:`wijknet.analysis.opportunities`); :func:`wijk_context` and
:func:`programme_context` turn it into template context for
``worlds_wijk.html`` and ``worlds_programme.html``. The programme report
shows world mixing per wijk as aggregates only (protected for a
leernetwerk by :func:`wijknet.analysis.worlds.world_tables`).
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from wijknet.analysis import opportunities, worlds
from wijknet.core.i18n import text
from wijknet.core.uncertainty import is_plain

TEXTS = {
    "sec_worlds": {"nl": "Leefwereld en systeemwereld", "en": "Lived and system world"},
    "worlds_intro": {
        "nl": "Hoe de leefwereld (inwoners, vrijwilligers, mantelzorgers, initiatieven) en de systeemwereld "
        "(organisaties, gemeente, zorg) met elkaar verbonden zijn, en wie de brug slaat.",
        "en": "How the lived world (residents, volunteers, informal carers, initiatives) and the system world "
        "(organisations, municipality, care) are connected, and who bridges them.",
    },
    "bridges": {"nl": "Bruggenbouwers tussen de werelden", "en": "Bridge builders between the worlds"},
    "bridges_none": {"nl": "Geen actoren met relaties over de grens.", "en": "No actors with ties across."},
    "outside": {
        "nl": "Bruggenbouwers buiten het PlusWIJkteam: {names}.",
        "en": "Bridge builders outside the PlusWIJkteam: {names}.",
    },
    "formal": {"nl": "Formeel en informeel, per meting", "en": "Formal and informal, per wave"},
    "sec_opportunities": {"nl": "Verbindingskansen", "en": "Opportunities to connect"},
    "opp_intro": {
        "nl": "Feiten uit de gegevens, geen opdrachten: ontbrekende verbindingen uit gesprekken, sleutelspelers "
        "en paren van wie een relatie een gat zou dichten. Het PlusWIJkteam weegt zelf wat zinvol is.",
        "en": "Facts from the data, not instructions: missing links named in interviews, key players and pairs "
        "whose tie would close a gap. The PlusWIJkteam judges what makes sense.",
    },
    "suggestions": {"nl": "Mogelijke kennismakingen", "en": "Possible introductions"},
    "suggestions_none": {"nl": "Geen voorstellen.", "en": "No suggestions."},
    "signals": {"nl": "Ontbrekende verbindingen uit gesprekken", "en": "Missing links named in interviews"},
    "signals_none": {"nl": "Geen signalen uit gesprekken vastgelegd.", "en": "No interview signals recorded."},
    "key_players": {
        "nl": "Sleutelspelers (Borgatti 2006)", "en": "Key players (Borgatti 2006)",
        "plain": {"nl": "Sleutelspelers", "en": "Key players"},
    },
    "by_wijk": {"nl": "Leefwereld en systeemwereld per wijk, meting {wave}",
                "en": "Lived and system world per wijk, wave {wave}"},
    "by_wijk_intro": {
        "nl": "Relaties tussen en binnen de twee werelden en de E-I-index (-1: alles binnen een wereld, +1: alles "
        "ertussen). Een streepje: weggelaten omdat het kleine aantallen zou verraden.",
        "en": "Ties between and within the two worlds and the E-I index (-1: all within a world, +1: all "
        "between). A dash: left out because it would give small counts away.",
        "plain": {
            "nl": "Relaties tussen en binnen de twee werelden en hun verhouding (-1: alles binnen een wereld, +1: "
            "alles ertussen), vergeleken met toeval. Een streepje: weggelaten omdat het kleine aantallen zou "
            "verraden.",
            "en": "Ties between and within the two worlds and their balance (-1: all within a world, +1: all "
            "between), compared with chance. A dash: left out because it would give small counts away.",
        },
    },
}  # fmt: skip


def wijk_parts(
    project, wijk: str, wave: str, *, n_permutations: int = 1000, seed: int = 0
) -> tuple[dict, dict]:
    """The world tables of the wijk (all waves) and the opportunity tables of the wave."""
    tables = worlds.world_tables(project, n_permutations=n_permutations, seed=seed, wijken=[wijk])
    missing = opportunities.kernaanpak_missing(project, wijk, wave)
    return tables, opportunities.opportunity_view(project, wijk, wave, seed=seed, missing=missing)


def programme_parts(project, wave: str, *, n_permutations: int = 1000, seed: int = 0) -> dict:
    """The world tables of every wijk in ``wave`` (aggregates; protected for a leernetwerk)."""
    return worlds.world_tables(project, n_permutations=n_permutations, seed=seed, waves=[wave])


def _table(frame: pd.DataFrame) -> dict:
    return {"header": [str(c) for c in frame.columns], "rows": frame.astype(str).values.tolist()}


def _plain(report) -> bool:
    return is_plain(getattr(getattr(report, "provenance", None), "audience", "") or None)


def wijk_context(report, lang: str) -> dict:
    """Context of ``worlds_wijk.html``; also adds the two sections to the table of contents."""
    wt = partial(text, TEXTS, lang=lang, plain=_plain(report))
    ctx: dict = {"wt": wt, "worlds_section": None, "opp_section": None}
    roles = getattr(report, "roles", None)
    if report.worlds is not None:
        tables = report.worlds
        ctx["worlds_section"] = {
            "ei": worlds.ei_sentence(tables, report.wijk, report.wave, lang, plain=_plain(report)),
            "mixing": _table(worlds.world_mixing_view(tables, report.wijk, report.wave, lang)),
            "bridges": _table(
                worlds.bridge_view(tables, report.wijk, report.wave, lang, roles=roles)
            ),
            "outside": worlds.outside_team(tables, report.wijk, report.wave),
            "formal": _table(worlds.formal_informal_view(tables, report.wijk, lang, roles=roles)),
        }
    if report.opportunities is not None:
        view = report.opportunities
        ctx["opp_section"] = {
            "suggestions": _table(opportunities.suggestions_view(view["suggestions"], lang)),
            "signals": _table(opportunities.signals_view(view["signals"], lang)),
            "key_players": _table(opportunities.key_players_view(view["key_players"], lang)),
        }
    return ctx


def programme_context(report, lang: str) -> dict:
    """Context of ``worlds_programme.html``."""
    wt = partial(text, TEXTS, lang=lang, plain=_plain(report))
    section = None
    if report.worlds is not None:
        view = worlds.worlds_by_wijk_view(report.worlds, report.wave, lang, plain=_plain(report))
        section = {"by_wijk": _table(view)}
    return {"wt": wt, "worlds_programme": section}


def add_to_contents(toc: list, lang: str, *, programme: bool = False) -> list:
    """The table of contents with the sections of this module before the appendix (``bijlage``)."""
    wt = partial(text, TEXTS, lang=lang)
    mine = [("leefwereld", wt("sec_worlds"))] if programme else [
        ("leefwereld", wt("sec_worlds")), ("verbindingskansen", wt("sec_opportunities"))]  # fmt: skip
    keys = [k for k, _ in toc]
    at = keys.index("bijlage") if "bijlage" in keys else len(toc)
    return toc[:at] + mine + toc[at:]
