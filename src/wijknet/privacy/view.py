"""What one audience may see of a project: :func:`restrict`.

Every way out of wijknet that shows data (the app, ``wijknet export``,
``wijknet report``, notebooks through :func:`wijknet.project.load_project`)
reads the project through :func:`restrict`, so the rules of
:mod:`wijknet.privacy.audience` hold in the data itself and not only in the
interface: a wijkteam's project has no rows of another wijk, a pseudonymised
project has no names to leak, a leernetwerk project has no names at all.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from ..errors import DataError, Problem
from ..i18n import text
from ..io.tidy import (
    ACTOR_OPTIONAL,
    ACTOR_REQUIRED,
    RESPONSE_OPTIONAL,
    RESPONSE_REQUIRED,
    TIE_OPTIONAL,
    TIE_REQUIRED,
)
from ..taxonomy import Domain, Taxonomy
from .audience import Audience
from .keys import load_key, pseudonym

#: The domain small groups are merged into for a leernetwerk.
OTHER = "overig"
OTHER_DOMAIN = Domain(key=OTHER, nl="overig (kleine groepen samengevoegd)", en="other (small groups merged)",
                      colour="#BBBBBB")  # fmt: skip
#: Tie columns besides the tidy ones that stay for audiences without ratings (counts, no answers).
PLAIN_TIE_COLUMNS = (*TIE_REQUIRED, *TIE_OPTIONAL, "observations")

TEXTS = {
    "unknown_wijk": {
        "nl": "de wijk '{wijk}' van het publiek {audience} komt in dit project niet voor; bekende wijken: {known}",
        "en": "the wijk '{wijk}' of the audience {audience} does not occur in this project; known wijken: {known}",
    },
    "collision": {
        "nl": "twee actoren kregen hetzelfde pseudoniem; maak een nieuwe sleutel",
        "en": "two actors got the same pseudonym; create a new key",
    },
}


def is_resident(kind: str, domain: str, taxonomy: Taxonomy) -> bool:
    """A person of the leefwereld (residents, volunteers, informal carers): always pseudonymised outside research."""
    return kind not in ("organisation", "initiative") and taxonomy.world(domain) == "leefwereld"


def shows_name(actor: pd.Series, audience: Audience, taxonomy: Taxonomy) -> bool:
    """Whether ``audience`` may see the real name of ``actor`` (a row of ``Project.actors``)."""
    if audience.tier == "leernetwerk":
        return False
    if audience.unlocked:
        return True
    organisation = actor["kind"] in ("organisation", "initiative")
    if audience.tier == "onderzoeker":
        return organisation  # organisations are no personal data; persons only unlocked
    return bool(actor["consent"]) and not is_resident(actor["kind"], actor["domain"], taxonomy)


def restrict(project, audience: str | Audience, *, key: bytes | None = None):
    """The part of ``project`` that ``audience`` may see, as a new :class:`~wijknet.project.Project`.

    Parameters
    ----------
    project : Project
        A project with full access (as validated from its files or store).
    audience : str or Audience
        ``"onderzoeker"``, ``"wijkteam:<wijk>"`` or ``"leernetwerk"``; an
        :class:`Audience` with ``unlocked=True`` shows real names (onderzoeker).
    key : bytes, optional
        The pseudonym key; default :func:`wijknet.privacy.keys.load_key` of
        the project folder (created on first use, outside the folder).

    Returns
    -------
    Project
        With ``audience`` set and, unless unlocked:

        * ``actor_id``, ``source``, ``target`` replaced by keyed pseudonyms
          (stable across waves, see :mod:`wijknet.privacy.keys`);
        * ``name`` the real name only where :func:`shows_name` allows it,
          else the pseudonym (empty for a leernetwerk); ``organisation``
          emptied for pseudonymised persons (the role stays: it is a
          function such as "huisarts", needed to read the network);
        * for ``wijkteam``: only its wijk; no rating columns on ties, no
          extra actor or response columns;
        * for ``leernetwerk``: no names, roles or organisations; domains with
          fewer than ``min_cell`` actors in a wijk merged into ``overig``.

    Raises
    ------
    DataError
        When a wijkteam's wijk is not in the project.
    """
    audience = Audience.parse(audience)
    actors, ties, responses = project.actors.copy(), project.ties.copy(), project.responses.copy()
    if audience.tier == "wijkteam":
        if audience.wijk not in set(actors["wijk"]):
            raise DataError([Problem(str(audience), text(TEXTS, "unknown_wijk", wijk=audience.wijk, audience=audience,
                                                         known=", ".join(project.wijken)))])  # fmt: skip
        actors = actors[actors["wijk"] == audience.wijk]
        ties = ties[ties["wijk"] == audience.wijk]
        responses = responses[responses["wijk"] == audience.wijk]
    config = project.config
    real_ids = None
    if not audience.unlocked:
        taxonomy = config.taxonomy
        key = key if key is not None else load_key(project.path or project.store_path or ".")
        codes = {a: pseudonym(key, a, k) for a, k in zip(actors["actor_id"], actors["kind"])}
        if len(set(codes.values())) < len(codes):
            raise DataError([Problem(str(audience), text(TEXTS, "collision"))])
        named = actors.apply(lambda row: shows_name(row, audience, taxonomy), axis=1).astype(bool)
        persons = ~actors["kind"].isin(("organisation", "initiative"))
        blank = ~named & (persons | (audience.tier == "leernetwerk"))
        actors["name"] = actors["name"].where(named, "" if audience.tier == "leernetwerk" else actors["actor_id"].map(codes))
        actors["organisation"] = actors["organisation"].where(~blank, "")
        if audience.tier == "leernetwerk":
            actors["role"] = ""
        actors["actor_id"] = actors["actor_id"].map(codes)
        ties["source"], ties["target"] = ties["source"].map(codes), ties["target"].map(codes)
        responses["actor_id"] = responses["actor_id"].map(codes)
        real_ids = {v: k for k, v in codes.items()}
    if audience.tier != "onderzoeker":
        actors = actors[[*ACTOR_REQUIRED, *ACTOR_OPTIONAL]]
        ties = ties[[c for c in PLAIN_TIE_COLUMNS if c in ties.columns]]
        responses = responses[[*RESPONSE_REQUIRED, *RESPONSE_OPTIONAL]]
    if audience.tier == "leernetwerk":
        min_cell = config.min_cell
        size = actors.groupby(["wijk", "domain"])["actor_id"].transform("size")
        actors["domain"] = actors["domain"].where(size >= min_cell, OTHER)
        config = dataclasses.replace(config, taxonomy=Taxonomy({**config.taxonomy.domains, OTHER: OTHER_DOMAIN}))
    return dataclasses.replace(
        project, actors=actors.reset_index(drop=True), ties=ties.reset_index(drop=True),
        responses=responses.reset_index(drop=True), config=config, audience=audience, _real_ids=real_ids,
    )  # fmt: skip


def restrict_evidence(evidence: pd.DataFrame, audience: Audience, codes: dict[str, str] | None) -> pd.DataFrame:
    """The evidence rows (:func:`wijknet.store.combine.evidence`) that ``audience`` may see.

    Ids become pseudonyms (``codes``: real id -> pseudonym); quotes only when
    names are unlocked; survey answers (ratings) only for researchers; a
    leernetwerk sees no evidence of single ties.
    """
    audience.require(audience.sees_individuals, "bewijs van afzonderlijke relaties")
    out = evidence.copy()
    if codes is not None:
        for column in ("source", "target"):
            out[column] = out[column].map(codes)
    if not audience.sees_quotes:
        for column in ("quote", "segment_id"):
            if column in out.columns:
                out[column] = ""
    if not audience.sees_ratings and "answers" in out.columns:
        out = out.drop(columns="answers")
    return out
