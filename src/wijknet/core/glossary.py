"""The names of the network measures in Dutch and English, shared by the app and the reports.

Each surface explains the measures in its own length (a sentence in the
report, a paragraph in the app: ``m_<measure>_expl`` in their own texts);
the names themselves are one list, so a measure is called the same
everywhere.

Examples
--------
>>> from wijknet.core.i18n import text
>>> text(MEASURE_NAMES, "m_density", "nl"), text(MEASURE_NAMES, "m_density", "en")
('Dichtheid', 'Density')
"""

MEASURE_NAMES = {
    "m_actors": {"nl": "Actoren", "en": "Actors"},
    "m_ties": {"nl": "Relaties", "en": "Ties"},
    "m_density": {"nl": "Dichtheid", "en": "Density"},
    "m_cross": {"nl": "Domeinoverstijgende relaties", "en": "Domain-crossing ties"},
    "m_ei": {"nl": "E-I-index", "en": "E-I index"},
    "m_ei_expected": {"nl": "E-I-index bij toeval", "en": "E-I index by chance"},
    "m_ei_p": {"nl": "Kans op toeval (p)", "en": "Chance of coincidence (p)"},
    "m_reciprocity": {"nl": "Wederkerigheid", "en": "Reciprocity"},
    "m_components": {"nl": "Losse delen", "en": "Separate parts"},
    "m_isolates": {"nl": "Actoren zonder relaties", "en": "Actors without ties"},
    "m_transitivity": {"nl": "Geslotenheid", "en": "Closure (transitivity)"},
    "m_assortativity": {"nl": "Voorkeur voor eigen domein", "en": "Preference for own domain"},
}
