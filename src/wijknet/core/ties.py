"""The tie vocabulary: which tie types are ties, and which only record a signal.

Every layer that reads, stores or draws ties takes these names from here.

Examples
--------
>>> "wens" in NON_TIE_TYPES, "samenwerking" in NON_TIE_TYPES
(True, False)
"""

#: Tie types that record a signal from an interview, not an existing tie: *kent niet maar zou moeten*
#: (does not know but should), *drempel* (barrier) and *wens* (wish to connect). They never enter a
#: graph unless asked for by name with ``tie_types`` (see ``docs/interviews.md``).
NON_TIE_TYPES = ("zou_moeten_kennen", "drempel", "wens")

#: The keys of one tie observation as graph files carry it (GraphML/GEXF ``observations`` attribute).
OBSERVATION_KEYS = ("tie_type", "weight", "evidence", "evidence_kind")

#: The label of an observation from a survey answer (``{wave}`` is the wave).
SURVEY_LABEL = "enquête {wave}"
#: Intensity codes (PARTNER levels) that count as collaboration: afstemming, coördinatie, integratie.
COLLABORATION = frozenset({"2", "3", "4"})
#: The alter answers carried on survey ties and write-ins (besides ``knows`` on ties).
ALTER_ANSWERS = ("frequency", "intensity", "referral", "trust_reliability", "trust_mission", "trust_open",
                 "value_power", "value_involvement", "value_resources")  # fmt: skip


def survey_ties(
    reporter: str, alter: str, intensity: str = "", referral: str = ""
) -> list[tuple[str, str, str]]:
    """The ties one survey answer of ``reporter`` about ``alter`` makes: the one answer-to-tie rule.

    An answer makes a ``samenwerking`` tie when its intensity is a collaboration
    level (:data:`COLLABORATION`: 2 afstemming, 3 coördinatie, 4 integratie),
    else a ``kennen`` tie; a referral ``naar`` (to) adds ``reporter -> alter``
    ``verwijzing``, ``van`` (from) adds ``alter -> reporter``, ``beide`` both.

    Parameters
    ----------
    reporter, alter : str
        Actor ids of the respondent and the actor the answer is about.
    intensity, referral : str
        The answers (codes as in the instrument; empty when not answered).

    Returns
    -------
    list of (source, target, tie_type)
        The main tie first, then any referrals.

    Examples
    --------
    >>> survey_ties("A", "B", intensity="3", referral="van")
    [('A', 'B', 'samenwerking'), ('B', 'A', 'verwijzing')]
    >>> survey_ties("A", "B")
    [('A', 'B', 'kennen')]
    """
    ties = [(reporter, alter, "samenwerking" if intensity in COLLABORATION else "kennen")]
    if referral in ("naar", "beide"):
        ties.append((reporter, alter, "verwijzing"))
    if referral in ("van", "beide"):
        ties.append((alter, reporter, "verwijzing"))
    return ties


def survey_kind(reporter: str, target: str) -> str:
    """The evidence kind of a survey tie: ``"confirmation"`` when the reporter is its target, else ``"survey"``.

    Examples
    --------
    >>> survey_kind("A", "B"), survey_kind("A", "A")
    ('survey', 'confirmation')
    """
    return "confirmation" if reporter and reporter == target else "survey"
