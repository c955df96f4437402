"""The report sections of the onderstroom: intensity, trust and value; residents' participation (issue 14).

:func:`wijk_sections` and :func:`programme_section` compute (from the
library, audience-aware); :func:`wijk_context` and :func:`programme_context`
format them for the templates ``onderstroom_wijk.html`` and
``onderstroom_programme.html``, which ``wijk.html`` and ``programme.html``
include.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from wijknet.analysis.onderstroom import (
    min_raters,
    programme_onderstroom,
    wijk_onderstroom,
    wijk_participation,
)
from wijknet.core import formatting as fmt
from wijknet.core.i18n import text
from wijknet.io.tidy import LADDER

TEXTS = {
    "sec_onderstroom": {"nl": "Vertrouwen en waarde", "en": "Trust and value"},
    "onderstroom_intro": {
        "nl": "Hoe nauw partners samenwerken (niveau 1 elkaar kennen tot 4 integreren) en hoe ze elkaar beoordelen "
        "op vertrouwen (open, betrouwbaar, gericht op het gezamenlijke doel) en waarde (invloed, betrokkenheid, "
        "middelen), elk van 1 tot 4, zoals de PARTNER-vragenlijst ze meet. Tussen haakjes: waar het gemiddelde "
        "waarschijnlijk ligt (95%-interval, bootstrap over beoordelaars).",
        "en": "How closely partners work together (level 1 awareness to 4 integration) and how they rate each other "
        "on trust (open, reliable, committed to the shared goal) and value (influence, involvement, resources), "
        "each 1 to 4, as the PARTNER survey measures them. In brackets: where the average probably lies (95% "
        "interval, bootstrap over raters).",
        "plain": {
            "nl": "Hoe nauw partners samenwerken (niveau 1 elkaar kennen tot 4 integreren) en hoe ze elkaar "
            "beoordelen op vertrouwen (open, betrouwbaar, gericht op het gezamenlijke doel) en waarde (invloed, "
            "betrokkenheid, middelen), elk van 1 tot 4. Tussen haakjes: waar het gemiddelde waarschijnlijk ligt.",
            "en": "How closely partners work together (level 1 awareness to 4 integration) and how they rate each "
            "other on trust (open, reliable, committed to the shared goal) and value (influence, involvement, "
            "resources), each 1 to 4. In brackets: where the average probably lies.",
        },
    },
    "col_wave": {"nl": "Meting", "en": "Wave"},
    "col_rated": {"nl": "Beoordeelde relaties", "en": "Rated ties"},
    "col_levels": {"nl": "Niveau 1 / 2 / 3 / 4", "en": "Level 1 / 2 / 3 / 4"},
    "col_close": {"nl": "Nauw samenwerken (3-4)", "en": "Close collaboration (3-4)"},
    "col_trust": {"nl": "Vertrouwen", "en": "Trust"},
    "col_value": {"nl": "Waarde", "en": "Value"},
    "col_trust_change": {"nl": "Δ vertrouwen", "en": "Δ trust"},
    "col_from": {"nl": "Van", "en": "From"},
    "col_to": {"nl": "Naar", "en": "To"},
    "col_wijk": {"nl": "Wijk", "en": "Wijk"},
    "pairs_title": {"nl": "Tussen domeinen in {wave}", "en": "Between domains in {wave}"},
    "hidden_note": {
        "nl": "–: minder dan {n} beoordelaars (of af te leiden uit de andere cijfers); nooit een enkele beoordeling.",
        "en": "–: fewer than {n} raters (or derivable from the other figures); never a single rating.",
    },
    "sec_participation": {"nl": "Participatie van inwoners", "en": "Residents' participation"},
    "participation_intro": {
        "nl": "De trede op de participatieladder die inwoners (de leefwereld) zelf aangeven, per meting.",
        "en": "The step on the participation ladder that residents (the lived world) give themselves, per wave.",
    },
    "col_median": {"nl": "Middelste trede", "en": "Median step"},
    "col_residents": {"nl": "Inwoners", "en": "Residents"},
    "programme_title": {
        "nl": "Intensiteit en vertrouwen per wijk",
        "en": "Intensity and trust per wijk",
    },
    "programme_intro": {
        "nl": "Per wijk en meting voor het hele netwerk: het deel van de beoordeelde relaties op niveau 3-4, en "
        "het gemiddelde vertrouwen en de gemiddelde waarde (1-4; 95%-interval, bootstrap over beoordelaars).",
        "en": "Per wijk and wave for the whole network: the share of rated ties at level 3-4, and mean trust and "
        "value (1-4; 95% interval, bootstrap over raters).",
        "plain": {
            "nl": "Per wijk en meting voor het hele netwerk: het deel van de beoordeelde relaties op niveau 3-4, "
            "en het gemiddelde vertrouwen en de gemiddelde waarde (1-4; tussen haakjes: waar het gemiddelde "
            "waarschijnlijk ligt).",
            "en": "Per wijk and wave for the whole network: the share of rated ties at level 3-4, and mean trust "
            "and value (1-4; in brackets: where the average probably lies).",
        },
    },
}


def wijk_sections(project, wijk: str, *, seed: int = 0) -> dict | None:
    """The onderstroom and participation of one wijk for its report, or None without ratings and ladder answers.

    Examples
    --------
    >>> wijk_sections.__name__
    'wijk_sections'
    """
    has_ladder = (
        "participation_level" in project.responses.columns
        and (project.responses["participation_level"].astype(str) != "").any()
    )
    if project.ratings.empty and not has_ladder:
        return None
    return {
        "onderstroom": None
        if project.ratings.empty
        else wijk_onderstroom(project, wijk, seed=seed),
        "participation": wijk_participation(project, wijk) if has_ladder else None,
        "min_raters": min_raters(project),
    }


def programme_section(project, *, seed: int = 0) -> pd.DataFrame | None:
    """Intensity and trust per wijk at network level (:func:`wijknet.analysis.onderstroom.programme_onderstroom`)."""
    if project.ratings.empty:
        return None
    return programme_onderstroom(project, seed=seed)


def _score(value, low, high, lang: str) -> str:
    if fmt.is_missing(value):
        return "–"
    if fmt.is_missing(low) or fmt.is_missing(high):
        return fmt.number(value, 2, lang)
    return f"{fmt.number(value, 2, lang)} ({fmt.number(low, 2, lang)}–{fmt.number(high, 2, lang)})"


def _levels(r: dict, lang: str) -> str:
    return " / ".join(
        "–" if fmt.is_missing(r[f"intensity_{k}"]) else fmt.integer(r[f"intensity_{k}"], lang)
        for k in (1, 2, 3, 4)
    )


def _row(r: dict, lang: str) -> dict:
    return {
        "wave": r["wave"],
        "rated": fmt.integer(r["ties_rated"], lang),
        "levels": _levels(r, lang),
        "close": fmt.percent(r["share_coordination_plus"], 0, lang),
        "trust": _score(r["trust_mean"], r["trust_ci_low"], r["trust_ci_high"], lang),
        "value": _score(r["value_mean"], r["value_ci_low"], r["value_ci_high"], lang),
        "trust_change": "–"
        if fmt.is_missing(r.get("trust_change"))
        else ("+" if r["trust_change"] > 0 else "") + fmt.number(r["trust_change"], 2, lang),
    }


def wijk_context(
    sections: dict | None, wave: str, taxonomy, lang: str, *, plain: bool = False
) -> dict:
    """Template variables of ``onderstroom_wijk.html`` (``ot`` looks up this module's texts, plain for a wijkteam)."""
    ot = partial(text, TEXTS, lang=lang, plain=plain)
    if not sections:
        return {"onderstroom": None, "ot": ot}
    out = {"ot": ot, "min_raters": sections["min_raters"], "onderstroom": True, "network_rows": [],
           "pair_rows": [], "ladder": None}  # fmt: skip
    view = sections["onderstroom"]
    if view is not None:
        out["network_rows"] = [_row(r, lang) for r in view["network"].to_dict("records")]
        out["pair_rows"] = [
            {**_row(r, lang), "from": taxonomy.label(r["from_domain"], lang), "to": taxonomy.label(r["to_domain"], lang)}
            for r in view["pairs"].to_dict("records")
            if r["wave"] == wave
        ]  # fmt: skip
    part = sections["participation"]
    if part is not None:
        medians = {r["wave"]: r for r in part["summary"].to_dict("records")}
        rows = []
        for w in dict.fromkeys(part["ladder"]["wave"]):
            cells = {r["level"]: r for r in part["ladder"].to_dict("records") if r["wave"] == w}
            m = medians.get(w, {})
            rows.append({
                "wave": w,
                "cells": [fmt.percent(cells[s]["share"], 0, lang) if s in cells else "–" for s in LADDER],
                "residents": fmt.integer(m.get("residents"), lang) if m else "–",
                "median": m.get("median_level") or "–",
            })  # fmt: skip
        out["ladder"] = {"steps": list(LADDER), "rows": rows}
    return out


def programme_context(table: pd.DataFrame | None, lang: str, *, plain: bool = False) -> dict:
    """Template variables of ``onderstroom_programme.html`` (plain texts for a leernetwerk)."""
    ot = partial(text, TEXTS, lang=lang, plain=plain)
    if table is None or table.empty:
        return {"programme_onderstroom": None, "ot": ot}
    rows = [{**_row({**r, "intensity_1": None, "intensity_2": None, "intensity_3": None, "intensity_4": None}, lang),
             "wijk": r["wijk"]} for r in table.to_dict("records")]  # fmt: skip
    return {"programme_onderstroom": rows, "ot": ot}
