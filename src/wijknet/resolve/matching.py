"""Matching written-in names to the actor registry (entity resolution).

Survey respondents can name parties that are not on the roster ("write-ins").
Before such a mention becomes a tie it has to be linked to an actor, or a new
actor has to be made. :func:`match_names` proposes the links:

* every name is **normalised** (:func:`normalise`): lower case, accents
  removed, punctuation removed, ``(fictief)`` and articles (*de*, *het*)
  dropped, and common Dutch organisation words brought to one token
  (``Huisartsenpraktijk``, ``huisarts``, ``HAP`` -> ``huisarts``;
  ``Stichting`` is dropped; ``Basisschool``/``BS`` -> ``school`` ...);
* names are compared with rapidfuzz's ``token_sort_ratio`` (the normalised
  Indel similarity of the words sorted alphabetically, 0-1), so typos and
  another word order still score high. It replaced a TF-IDF cosine over
  character 2-4-grams (scikit-learn): on the labelled variants in
  ``tests/fixtures/registry`` both have precision 1.00, and recall is 0.98
  against 0.97 at each one's best threshold and 0.95 against 0.73 at
  :data:`DEFAULT_THRESHOLD`, in a third of the time and without
  scikit-learn (``benchmarks/bench_matching.py``, ``docs/architecture.md``);
* a mention is compared with each actor's name, with *organisation + name*
  and with the **aliases** confirmed earlier; a mention equal to a confirmed
  alias (after normalisation) scores exactly 1;
* the best actor is **accepted** when its score reaches ``threshold`` and no
  other actor comes within :data:`MARGIN` of it; the top candidates are
  listed for a person to confirm otherwise.

The store side (remembered aliases, the pending queue, ``wijknet resolve``)
is in :mod:`wijknet.store.registry`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from wijknet.core.formatting import plain_text

__all__ = ["DEFAULT_THRESHOLD", "MARGIN", "match_names", "normalise"]

#: Default score from which the best candidate is accepted without a person confirming it.
DEFAULT_THRESHOLD = 0.85
#: The best candidate is only accepted when the runner-up (another actor) scores at least this much lower.
MARGIN = 0.05
#: Number of candidates listed per mention.
TOP = 3

#: Words brought to one token (after lower-casing and removing accents and punctuation).
SYNONYMS = {
    "huisartsenpraktijk": "huisarts", "huisartspraktijk": "huisarts", "huisartsen": "huisarts", "hap": "huisarts",
    "huisartsenpost": "huisarts", "dokterspraktijk": "huisarts", "huisarts": "huisarts",
    "welzijnsstichting": "welzijn", "welzijnsorganisatie": "welzijn",
    "woonstichting": "woon", "woningstichting": "woon", "woningcorporatie": "woon", "corporatie": "woon",
    "basisschool": "school", "bs": "school", "obs": "school", "rkbs": "school",
    "sportvereniging": "sport", "sv": "sport", "vv": "sport", "sportclub": "sport", "sportbureau": "sport",
    "bibliotheekpunt": "bieb", "bibliotheek": "bieb",
    "fysiotherapie": "fysio", "fysiotherapiepraktijk": "fysio", "fysiotherapeut": "fysio",
    "thuiszorgorganisatie": "thuiszorg", "apotheker": "apotheek",
    "voedselbankpunt": "voedselbank", "schuldhulppunt": "schuldhulp", "schuldhulpverlening": "schuldhulp",
    "kinderdagverblijf": "kinderopvang", "kdv": "kinderopvang", "bso": "kinderopvang",
}  # fmt: skip
#: Words dropped: articles, legal forms and the demo marker.
DROP = {"de", "het", "een", "stichting", "st", "vereniging", "bv", "b", "v", "fictief", "en", "t"}


def normalise(name: str) -> str:
    """A name as compared: lower case, no accents or punctuation, common words normalised.

    >>> normalise("HAP  Zonnehoek (fictief)")
    'huisarts zonnehoek'
    >>> normalise("Stichting Welzijn 't Geleen")
    'welzijn geleen'
    """
    s = unicodedata.normalize("NFKD", str(name or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\(\s*fictief\s*\)", " ", s)
    s = re.sub(r"[^\w]+|_", " ", s)
    words = [SYNONYMS.get(w, w) for w in s.split()]
    return " ".join(w for w in words if w not in DROP)


def _actor_strings(
    actors: pd.DataFrame, aliases: Mapping[str, str] | None
) -> tuple[list[str], list[str]]:
    """The strings every actor is known by (normalised) and the actor of each."""
    strings, owners = [], []

    def add(value: str, actor_id: str) -> None:
        norm = normalise(value)
        if norm:
            strings.append(norm)
            owners.append(actor_id)

    for r in actors.to_dict("records"):
        actor_id = str(r["actor_id"])
        name = str(r.get("name", "") or "")
        organisation = str(r.get("organisation", "") or "")
        add(name or actor_id, actor_id)
        if organisation and normalise(organisation) != normalise(name):
            add(f"{organisation} {name}", actor_id)
    for alias, actor_id in (aliases or {}).items():
        add(alias, str(actor_id))
    return strings, owners


def actor_labels(actors: pd.DataFrame) -> dict[str, str]:
    """``actor_id -> "name (organisation)"`` (the name alone when it is the organisation); empty names stay empty.

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a1", "a2", "a3"], "name": ["Coach Fictief", "Bieb Fictief", ""],
    ...                        "organisation": ["Welzijn Fictief", "Bieb Fictief", ""]})
    >>> actor_labels(actors)
    {'a1': 'Coach Fictief (Welzijn Fictief)', 'a2': 'Bieb Fictief', 'a3': ''}
    >>> actor_labels(pd.DataFrame({"actor_id": ["a4"], "name": ["Ans Fictief"], "organisation": [float("nan")]}))
    {'a4': 'Ans Fictief'}
    """
    out = {}
    for r in actors.to_dict("records"):
        # a blank cell read as NaN is no organisation: never "Name (nan)"
        name, organisation = plain_text(r.get("name")), plain_text(r.get("organisation"))
        out[str(r["actor_id"])] = (
            f"{name} ({organisation})" if organisation and organisation != name else name
        )
    return out


def match_names(
    mentions: Iterable[str],
    actors: pd.DataFrame,
    *,
    aliases: Mapping[str, str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    top: int = TOP,
) -> pd.DataFrame:
    """Propose an actor for every written-in name.

    Parameters
    ----------
    mentions : iterable of str
        The names as written (e.g. ``"HAP Zonnehoek"``).
    actors : pandas.DataFrame
        The candidates, with ``actor_id`` and optionally ``name`` and
        ``organisation`` (e.g. the actors of the mention's wijk).
    aliases : mapping of str to str, optional
        Confirmed aliases (as written or normalised) and their actor id; a
        mention equal to an alias after :func:`normalise` scores 1.
    threshold : float
        Score (similarity, 0-1) from which the best actor is accepted.
    top : int
        Candidates listed per mention.

    Returns
    -------
    pandas.DataFrame
        One row per mention, in order: ``mention``, ``actor_id`` (the best
        candidate, ``""`` when there is none), ``score`` (its similarity),
        ``accepted`` (score >= threshold and no other actor within
        :data:`MARGIN`) and ``candidates`` (a list of up to ``top`` dicts
        ``{"actor_id", "label", "score"}``, best first).

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a1", "a2", "a3"],
    ...                        "name": ["Huisartsenpraktijk Zonnehoek", "Basisschool De Linde", "Sportclub Geleen"]})
    >>> found = match_names(["HAP Zonnehoek", "bs de linde", "Tandarts Vijverhof"], actors)
    >>> found[["mention", "actor_id", "accepted"]]
                  mention actor_id  accepted
    0       HAP Zonnehoek       a1      True
    1         bs de linde       a2      True
    2  Tandarts Vijverhof       a1     False

    A confirmed alias is an exact match:

    >>> alias = match_names(["De Bieb"], actors, aliases={"bieb": "a3"}).loc[0]
    >>> print(alias["actor_id"], alias["score"], alias["accepted"])
    a3 1.0 True
    """
    from rapidfuzz import fuzz, process

    mentions = [str(m) for m in mentions]
    columns = ["mention", "actor_id", "score", "accepted", "candidates"]
    if not mentions:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    strings, owners = _actor_strings(actors, aliases)
    labels = actor_labels(actors)
    exact = {normalise(a): str(i) for a, i in (aliases or {}).items() if normalise(a)}
    norm_mentions = [normalise(m) for m in mentions]
    if strings:
        sims = process.cdist(norm_mentions, strings, scorer=fuzz.token_sort_ratio, dtype=np.float64)
        sims = sims / 100.0
    else:
        sims = np.zeros((len(mentions), 0))
    owner_ids = sorted(set(owners))
    position = {a: i for i, a in enumerate(owner_ids)}
    rows = []
    for k, (mention, norm) in enumerate(zip(mentions, norm_mentions)):
        best = np.zeros(len(owner_ids))
        for j, owner in enumerate(owners):
            best[position[owner]] = max(best[position[owner]], sims[k, j])
        if norm and norm in exact and exact[norm] in position:
            best[position[exact[norm]]] = 1.0
        order = sorted(range(len(owner_ids)), key=lambda i: (-best[i], owner_ids[i]))[:top]
        candidates = [{"actor_id": owner_ids[i], "label": labels.get(owner_ids[i], owner_ids[i]),
                       "score": round(float(best[i]), 4)} for i in order if best[i] > 0]  # fmt: skip
        if not candidates:
            rows.append(
                {
                    "mention": mention,
                    "actor_id": "",
                    "score": 0.0,
                    "accepted": False,
                    "candidates": [],
                }
            )
            continue
        score = candidates[0]["score"]
        runner_up = candidates[1]["score"] if len(candidates) > 1 else 0.0
        exact_hit = bool(norm) and exact.get(norm) == candidates[0]["actor_id"]
        accepted = score >= threshold and (exact_hit or score - runner_up >= MARGIN)
        rows.append({"mention": mention, "actor_id": candidates[0]["actor_id"], "score": score, "accepted": bool(accepted),
                     "candidates": candidates})  # fmt: skip
    return pd.DataFrame(rows, columns=columns)
