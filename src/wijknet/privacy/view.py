"""What one audience may see of a project: :func:`restrict`.

Every way out of wijknet that shows data (the app, ``wijknet export``,
``wijknet report``, notebooks through :func:`wijknet.privacy.load.load_project`)
reads the project through :func:`restrict`, so the rules of
:mod:`wijknet.privacy.audience` hold in the data itself and not only in the
interface: a wijkteam's project has no rows of another wijk, a pseudonymised
project has no names to leak, a leernetwerk project has no names at all.

Free text
    Evidence labels, interview quotes, file names, comments and write-ins can
    name anyone ("gesprek met <naam> over zijn schulden"), so they are
    personal data. Only an ``onderzoeker`` with names unlocked
    (:attr:`~wijknet.privacy.audience.Audience.sees_quotes`) gets them.
    Everyone else gets a neutral label from a closed list
    (:func:`neutral_label`: enquête, bevestiging, gesprek, Network Canvas,
    netwerkbijeenkomst, netwerkbestand, bestand), chosen from the evidence
    kind or from the first word of the label: the tie's ``evidence``, the
    ``label`` of each observation and ``source_file`` ("bestand 3": the
    number of the file in the store, not its name). Extra columns (beyond the
    tidy ones) that only researchers keep hold numbers and categories, not
    text: a text value found fewer than ``min_cell`` times in its column is
    blanked (a note in ``warnings`` says how many), survey ``answers`` keep
    their numeric items only.

Small domains for a leernetwerk (``overig``)
    Per wijk, the domains with fewer than ``min_cell`` actors (counted over
    all waves) are merged into ``overig``. When ``overig`` itself is still
    smaller than ``min_cell``, the smallest remaining domain of that wijk is
    merged into it as well, and so on until ``overig`` has at least
    ``min_cell`` actors: domain detail is given up before a small group is
    shown. Only when the whole wijk has fewer than ``min_cell`` actors does a
    small ``overig`` remain (every actor of the wijk in it, no domain detail
    at all); every figure of such a wijk is then below the threshold and
    suppressed by :mod:`wijknet.privacy.suppression`. Per-wave figures of a
    domain (fewer actors present in one wave) are protected by that same
    suppression rule, not by the merge.
"""

from __future__ import annotations

import dataclasses
import json
import re

import pandas as pd

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.taxonomy import Domain, Taxonomy
from wijknet.io.tidy import (
    ACTOR_DERIVED,
    ACTOR_OPTIONAL,
    ACTOR_REQUIRED,
    RATING_ITEMS,
    RATING_REQUIRED,
    RESPONSE_OPTIONAL,
    RESPONSE_REQUIRED,
    THEME_OPTIONAL,
    THEME_REQUIRED,
    TIE_OPTIONAL,
    TIE_REQUIRED,
)
from wijknet.privacy.audience import Audience
from wijknet.privacy.keys import load_key, pseudonym

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
    "blanked_free_text": {
        "nl": "{n} tekstwaarden in extra kolommen zijn verborgen (vrije tekst kan personen noemen; alleen zichtbaar "
        "met ontgrendelde namen)",
        "en": "{n} text values in extra columns are hidden (free text can name people; shown only with names unlocked)",
    },
    "file_n": {"nl": "bestand {n}", "en": "file {n}"},
    "collision": {
        "nl": "twee actoren kregen hetzelfde pseudoniem; maak een nieuwe sleutel",
        "en": "two actors got the same pseudonym; create a new key",
    },
}


#: The neutral labels that replace free-text evidence labels (key: evidence kind, plus ``meeting``).
NEUTRAL = {
    "survey": {"nl": "enquête", "en": "survey"},
    "confirmation": {"nl": "bevestiging", "en": "confirmation"},
    "interview": {"nl": "gesprek", "en": "interview"},
    "network_canvas": {"nl": "Network Canvas", "en": "Network Canvas"},
    "meeting": {"nl": "netwerkbijeenkomst", "en": "network meeting"},
    "graph_file": {"nl": "netwerkbestand", "en": "network file"},
    "tidy_file": {"nl": "bestand", "en": "file"},
}
#: What stands in for the free text of a PPI note or a KPI correction reason (the programme office may name anyone).
NEUTRAL_WIJK_TEXT = {
    "note": {
        "nl": "toelichting vastgelegd (alleen voor onderzoekers)",
        "en": "note recorded (researchers only)",
    },
    "reason": {
        "nl": "reden vastgelegd (alleen voor onderzoekers)",
        "en": "reason recorded (researchers only)",
    },
}
#: First words of a label that name its kind (live sessions and network meetings are survey answers given together).
LABEL_WORDS = {
    "enquête": "survey", "enquete": "survey", "vragenlijst": "survey", "survey": "survey", "questionnaire": "survey",
    "bevestiging": "confirmation", "bevestigd": "confirmation", "confirmation": "confirmation",
    "gesprek": "interview", "participatiegesprek": "interview", "interview": "interview",
    "keukentafelgesprek": "interview", "network_canvas": "network_canvas", "canvas": "network_canvas",
    "netwerkbijeenkomst": "meeting", "bijeenkomst": "meeting", "meeting": "meeting", "graph_file": "graph_file",
    "tidy_file": "tidy_file",
}  # fmt: skip


def neutral_label(label: str, kind: str = "") -> str:
    """The neutral label that replaces the free-text evidence ``label`` of an observation of ``kind``.

    The first word of the label decides when it is one of :data:`LABEL_WORDS`
    ("gesprek met ..." is a ``gesprek``), else the evidence ``kind``
    (:data:`wijknet.store.schema.EVIDENCE_KINDS`), else ``bestand``. The
    result is always one of :data:`NEUTRAL`, in the active language, so
    nothing of the label's own text remains.

    Examples
    --------
    >>> neutral_label("gesprek met Xander Fictief over zijn schulden", "interview")
    'gesprek'
    >>> neutral_label("Xander vertelde", "survey")
    'enquête'
    """
    words = re.findall(r"[\wêé]+", str(label).lower())
    key = LABEL_WORDS.get(words[0]) if words else None
    return text(NEUTRAL, key or (kind if kind in NEUTRAL else "tidy_file"))


def _neutral_evidence(value: str, kinds: dict[str, str]) -> str:
    """A tie's ``evidence`` (labels joined by ``"; "``) as its neutral labels, each once."""
    parts = [p.strip() for p in str(value).split(";") if p.strip()]
    return "; ".join(dict.fromkeys(neutral_label(p, kinds.get(p, "")) for p in parts))


def _label_kinds(project) -> dict[str, str]:
    """Evidence label -> kind of a store project's observations (empty for a tidy project)."""
    if project.store_path is None:
        return {}
    from wijknet.store.db import connection

    with connection(project.store_path) as conn:
        return dict(
            conn.execute(
                "SELECT label, kind FROM observations WHERE label != '' GROUP BY label"
            ).fetchall()
        )


def _is_number(value) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    try:
        float(str(value).replace(",", "."))
        return True
    except ValueError:
        return False


def _blank_free_text(
    table: pd.DataFrame, keep: tuple[str, ...], min_cell: int
) -> tuple[pd.DataFrame, int]:
    """Blank the text values of the extra columns of ``table`` found fewer than ``min_cell`` times in their column.

    Numbers and categories shared by at least ``min_cell`` rows stay; a rare
    text value is a comment, a write-in or a name. Returns the table and the
    number of values blanked.
    """
    blanked = 0
    for column in [c for c in table.columns if c not in keep]:
        values = table[column].astype(str).str.strip()
        counts = values.map(values.value_counts())
        rare = (values != "") & (counts < min_cell) & ~values.map(_is_number)
        if rare.any():
            table[column] = table[column].where(~rare, "")
            blanked += int(rare.sum())
    return table, blanked


def _numeric_answers(answers: str) -> str:
    """The survey ``answers`` JSON with its numeric items only (text answers are free text)."""
    try:
        items = json.loads(answers or "{}")
    except ValueError:
        return "{}"
    if not isinstance(items, dict):
        return "{}"
    return json.dumps(
        {k: v for k, v in items.items() if _is_number(v)}, ensure_ascii=False, sort_keys=True
    )


def merge_small_domains(actors: pd.DataFrame, min_cell: int) -> pd.Series:
    """The domain of each actor after merging small groups into :data:`OTHER`, per wijk (module docstring).

    Domains with fewer than ``min_cell`` actors in a wijk go to ``overig``;
    while ``overig`` has fewer than ``min_cell`` actors and other domains are
    left, the smallest of them (ties broken by key) joins it.

    Examples
    --------
    Two small domains (3 + 1 actors) are still too small together, so the
    smallest other domain (welzijn, 6) joins them:

    >>> a = pd.DataFrame({"wijk": "W", "domain": ["zorg"] * 7 + ["welzijn"] * 6 + ["wonen"] * 3 + ["sport"]})
    >>> merge_small_domains(a, 5).value_counts().to_dict()
    {'overig': 10, 'zorg': 7}
    """
    domains = actors["domain"].copy()
    for _, index in actors.groupby("wijk", sort=False).groups.items():
        sizes = actors.loc[index, "domain"].value_counts()
        merged = set(sizes.index[sizes < min_cell])
        rest = sorted(set(sizes.index) - merged, key=lambda d: (sizes[d], str(d)))
        while merged and sizes[list(merged)].sum() < min_cell and rest:
            merged.add(rest.pop(0))
        domains.loc[index] = actors.loc[index, "domain"].where(
            ~actors.loc[index, "domain"].isin(merged), OTHER
        )
    return domains


def is_resident(kind: str, domain: str, taxonomy: Taxonomy) -> bool:
    """A person of the leefwereld (residents, volunteers, informal carers): always pseudonymised outside research.

    Examples
    --------
    >>> taxonomy = Taxonomy.default()
    >>> is_resident("person", "inwoners", taxonomy), is_resident("initiative", "inwoners", taxonomy)
    (True, False)
    >>> is_resident("person", "zorg", taxonomy)
    False
    """
    return kind not in ("organisation", "initiative") and taxonomy.world(domain) == "leefwereld"


def shows_name(actor: pd.Series, audience: Audience, taxonomy: Taxonomy) -> bool:
    """Whether ``audience`` may see the real name of ``actor`` (a row of ``Project.actors``).

    A leernetwerk sees no names; an unlocked onderzoeker all; an onderzoeker
    those of organisations and initiatives; a wijkteam those of actors who
    consented and are not residents.

    Examples
    --------
    >>> from wijknet.privacy.audience import Audience
    >>> taxonomy = Taxonomy.default()
    >>> huisarts = pd.Series({"kind": "person", "consent": True, "domain": "zorg"})
    >>> bewoner = pd.Series({"kind": "person", "consent": True, "domain": "inwoners"})
    >>> team = Audience("wijkteam", "Noord")
    >>> shows_name(huisarts, team, taxonomy), shows_name(bewoner, team, taxonomy)
    (True, False)
    >>> shows_name(huisarts, Audience("leernetwerk"), taxonomy)
    False
    """
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
          fewer than ``min_cell`` actors in a wijk merged into ``overig``,
          which itself has at least ``min_cell`` actors (module docstring);
        * free text (evidence labels, extra text columns) replaced by neutral
          labels or blanked, except for an unlocked ``onderzoeker`` (module
          docstring);
        * ``ratings``: only the wijk of a wijkteam, ``rater``/``rated`` as
          pseudonyms, and for a wijkteam or leernetwerk no extra columns: the
          rows are there to be aggregated, and every figure made of them must
          pass :func:`wijknet.privacy.suppression.rating_groups_allowed`
          (at least :data:`~wijknet.privacy.suppression.MIN_RATERS` raters,
          no differencing); ``actor_waves`` pseudonymised like the actors;
        * ``themes``: ``actors`` as pseudonyms; without quotes
          (:attr:`~wijknet.privacy.audience.Audience.sees_quotes`) an empty
          ``quote`` and ``interview_id``/``segment_id`` as keyed opaque codes
          (``G-…``, ``S-…``: still countable and joinable within the view).

    Raises
    ------
    DataError
        When a wijkteam's wijk is not in the project.

    Examples
    --------
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["z1", "w1", "i1"], "wijk": "Noord",
    ...                        "domain": ["zorg", "welzijn", "inwoners"],
    ...                        "kind": ["organisation", "organisation", "person"]})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": "2025", "source": ["z1", "z1"], "target": ["w1", "i1"]})
    >>> project = Project.from_frames(actors, ties)
    >>> seen = restrict(project, "leernetwerk", key=b"a fictional key of 32 bytes long")
    >>> str(seen.audience), seen.actors["actor_id"].str[:2].tolist(), set(seen.actors["domain"])
    ('leernetwerk', ['O-', 'O-', 'P-'], {'overig'})
    >>> "z1" in set(seen.ties["source"])
    False
    """
    audience = Audience.parse(audience)
    actors, ties, responses = project.actors.copy(), project.ties.copy(), project.responses.copy()
    ratings, actor_waves, themes = (
        project.ratings.copy(),
        project.actor_waves.copy(),
        project.themes.copy(),
    )
    if audience.tier == "wijkteam":
        if audience.wijk not in set(actors["wijk"]):
            raise DataError([Problem(str(audience), text(TEXTS, "unknown_wijk", wijk=audience.wijk, audience=audience,
                                                         known=", ".join(project.wijken)))])  # fmt: skip
        actors = actors[actors["wijk"] == audience.wijk]
        ties = ties[ties["wijk"] == audience.wijk]
        responses = responses[responses["wijk"] == audience.wijk]
        ratings = ratings[ratings["wijk"] == audience.wijk]
        actor_waves = actor_waves[actor_waves["wijk"] == audience.wijk]
        themes = themes[themes["wijk"] == audience.wijk]
    wijk_meta, wijk_phases, ppi, corrections = _restrict_wijk_tables(project, audience)
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
        actors["name"] = actors["name"].where(
            named, "" if audience.tier == "leernetwerk" else actors["actor_id"].map(codes)
        )
        actors["organisation"] = actors["organisation"].where(~blank, "")
        if audience.tier == "leernetwerk":
            actors["role"] = ""
        actors["actor_id"] = actors["actor_id"].map(codes)
        ties["source"], ties["target"] = ties["source"].map(codes), ties["target"].map(codes)
        responses["actor_id"] = responses["actor_id"].map(codes)
        ratings["rater"], ratings["rated"] = (
            ratings["rater"].map(codes),
            ratings["rated"].map(codes),
        )
        actor_waves["actor_id"] = actor_waves["actor_id"].map(codes)
        actor_waves["organisation"] = actor_waves["organisation"].where(
            ~actor_waves["actor_id"].isin(set(actors.loc[blank, "actor_id"])), ""
        )
        if audience.tier == "leernetwerk":
            actor_waves["role"] = ""
        themes["actors"] = themes["actors"].map(
            lambda v: ";".join(codes.get(a, "") for a in v.split(";")) if v else ""
        )
        real_ids = {v: k for k, v in codes.items()}
    if audience.tier != "onderzoeker":
        actors = actors[[*ACTOR_REQUIRED, *ACTOR_OPTIONAL, *ACTOR_DERIVED]]
        ties = ties[[c for c in PLAIN_TIE_COLUMNS if c in ties.columns]]
        responses = responses[[*RESPONSE_REQUIRED, *RESPONSE_OPTIONAL]]
        # Ratings stay as pseudonymised rows for aggregation only (never shown one by one: the rating
        # rule wijknet.privacy.suppression.rating_groups_allowed); extra columns may be free text.
        ratings = ratings[[*RATING_REQUIRED, *RATING_ITEMS]]
        themes = themes[
            [c for c in (*THEME_REQUIRED, *THEME_OPTIONAL, "signals") if c in themes.columns]
        ]
    warnings = list(project.warnings)
    if not audience.sees_quotes:
        if "evidence" in ties.columns:
            kinds = _label_kinds(project)
            ties["evidence"] = ties["evidence"].map(lambda v: _neutral_evidence(v, kinds))
        blanked = 0
        for table, keep in ((actors, (*ACTOR_REQUIRED, *ACTOR_OPTIONAL, *ACTOR_DERIVED)), (ties, (*PLAIN_TIE_COLUMNS, "segment_id")),
                            (responses, (*RESPONSE_REQUIRED, *RESPONSE_OPTIONAL)),
                            (ratings, (*RATING_REQUIRED, *RATING_ITEMS)),
                            (themes, (*THEME_REQUIRED, *THEME_OPTIONAL, "signals"))):  # fmt: skip
            blanked += _blank_free_text(table, keep, config.min_cell)[1]
        themes["quote"] = ""  # interview quotes are free text
        # Interview and segment ids are document names and paragraph numbers ("Gesprek Jansen.docx:4-6"):
        # opaque codes keep segments and interviews countable and joinable within this view, nothing more.
        opaque_key = key if key is not None else load_key(project.path or project.store_path or ".")
        for table, column, prefix in ((themes, "interview_id", "G"), (themes, "segment_id", "S"),
                                      (ties, "segment_id", "S")):  # fmt: skip
            if column in table.columns:  # a tie's segment: the signal's link to its themes
                table[column] = table[column].map(
                    lambda v, p=prefix: (
                        _opaque(opaque_key, p, v) if isinstance(v, str) and v else ""
                    )
                )
        if blanked:
            warnings.append(text(TEXTS, "blanked_free_text", n=blanked))
    if audience.tier == "leernetwerk":
        actors["domain"] = merge_small_domains(actors, config.min_cell)
        config = dataclasses.replace(
            config, taxonomy=Taxonomy({**config.taxonomy.domains, OTHER: OTHER_DOMAIN})
        )
    return dataclasses.replace(
        project, actors=actors.reset_index(drop=True), ties=ties.reset_index(drop=True),
        responses=responses.reset_index(drop=True), config=config, audience=audience, _real_ids=real_ids,
        ratings=ratings.reset_index(drop=True), actor_waves=actor_waves.reset_index(drop=True),
        themes=themes.reset_index(drop=True),
        wijk_meta=wijk_meta, wijk_phases=wijk_phases, ppi=ppi, kpi_corrections=corrections,
        _evidence_view=restrict_evidence,
        warnings=warnings,
    )  # fmt: skip


def _restrict_wijk_tables(project, audience: Audience):
    """The wijk metadata, phases, PPI and KPI corrections ``audience`` may see.

    These are about wijken, not persons (written by the programme office):
    researchers and the leernetwerk see every wijk's rows; a wijkteam only
    its own wijk's (and the programme-wide PPI rows), and for everyone but
    researchers no extra columns of ``wijken.csv``. The ``note`` of a PPI and
    the ``reason`` of a KPI correction are free text that may name anyone
    ("wijkverpleegkundige X met ziekteverlof"): like every other free text
    (:attr:`Audience.sees_quotes`) only a researcher with names unlocked
    reads them; everyone else gets :data:`NEUTRAL_WIJK_TEXT` where one was
    written, so a correction still shows that it has a reason.
    """
    from wijknet.io.tidy import PROGRAMME, WIJK_META_COLUMNS

    meta, phases = project.wijk_meta.copy(), project.wijk_phases.copy()
    ppi, corrections = project.ppi.copy(), project.kpi_corrections.copy()
    if audience.tier != "onderzoeker":
        meta = meta[list(WIJK_META_COLUMNS)]
    if audience.tier == "wijkteam":
        meta = meta[meta["wijk"] == audience.wijk]
        phases = phases[phases["wijk"] == audience.wijk]
        ppi = ppi[ppi["scope"].isin((audience.wijk, PROGRAMME))]
        corrections = corrections[corrections["wijk"] == audience.wijk]
    if not audience.sees_quotes:
        ppi = ppi.assign(note=_neutral_text(ppi["note"], "note"))
        corrections = corrections.assign(reason=_neutral_text(corrections["reason"], "reason"))
    return tuple(t.reset_index(drop=True) for t in (meta, phases, ppi, corrections))


def _neutral_text(values: pd.Series, kind: str) -> pd.Series:
    """``values`` with every non-empty free text replaced by the neutral text of ``kind``."""
    written = values.fillna("").astype(str).str.strip() != ""
    return values.where(~written, text(NEUTRAL_WIJK_TEXT, kind)).fillna("")


def _opaque(key: bytes, prefix: str, value: str) -> str:
    """A keyed code of a free-text identifier (an interview or segment id): ``<prefix>-`` and 10 hex digits.

    Examples
    --------
    >>> code = _opaque(bytes(32), "G", "Gesprek met een fictieve huisarts")
    >>> code[:2], len(code), code == _opaque(bytes(32), "G", "Gesprek met een fictieve huisarts")
    ('G-', 12, True)
    """
    import hashlib
    import hmac

    return (
        f"{prefix}-"
        + hmac.new(key, f"wijknet-{prefix}:{value}".encode(), hashlib.sha256).hexdigest()[:10]
    )


def restrict_evidence(
    evidence: pd.DataFrame, audience: Audience, codes: dict[str, str] | None
) -> pd.DataFrame:
    """The evidence rows (:func:`wijknet.store.combine.evidence`) that ``audience`` may see.

    Ids become pseudonyms (``codes``: real id -> pseudonym); quotes, labels
    and file names only when names are unlocked (else empty, the neutral
    label of :func:`neutral_label` and "bestand <file_id>"); survey answers
    (ratings) only for researchers, their text items only unlocked; a
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
        kinds = out["kind"] if "kind" in out.columns else pd.Series("", index=out.index)
        if "label" in out.columns:
            out["label"] = [neutral_label(label, kind) for label, kind in zip(out["label"], kinds)]
        if "source_file" in out.columns:
            numbers = (
                out["file_id"] if "file_id" in out.columns else pd.Series(None, index=out.index)
            )
            out["source_file"] = [text(TEXTS, "file_n", n=n) if pd.notna(n) and str(n) != "" else text(NEUTRAL, "tidy_file")
                                  for n in numbers]  # fmt: skip
        if "answers" in out.columns:
            out["answers"] = out["answers"].map(_numeric_answers)
    if not audience.sees_ratings and "answers" in out.columns:
        out = out.drop(columns="answers")
    return out
