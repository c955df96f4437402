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
