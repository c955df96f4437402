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

#: The plain names of the measures, for a PlusWIJkteam and a leernetwerk (``plain`` of :func:`wijknet.core.i18n.text`).
PLAIN_MEASURE_NAMES = {
    "m_ei": {
        "nl": "Verhouding tussen banden binnen en buiten het eigen domein",
        "en": "Balance of ties within and outside the own domain",
    },
    "m_ei_expected": {"nl": "Die verhouding bij toeval", "en": "That balance by chance"},
    "m_ei_p": {"nl": "Anders dan bij toeval?", "en": "Different from chance?"},
}
for _key, _plain in PLAIN_MEASURE_NAMES.items():
    MEASURE_NAMES[_key] = {**MEASURE_NAMES[_key], "plain": _plain}

#: The audiences (tiers) by name; a PlusWIJkteam is named with its wijk (:func:`audience_label`).
AUDIENCES = {
    "onderzoeker": {"nl": "Onderzoeker", "en": "Researcher"},
    "wijkteam": {"nl": "PlusWIJkteam {wijk}", "en": "PlusWIJkteam {wijk}"},
    "leernetwerk": {"nl": "Leernetwerk", "en": "Learning network"},
}

#: The actions of the audit log (:data:`wijknet.store.audit.ACTIONS`) as people say them.
AUDIT_ACTIONS = {
    "import": {"nl": "Gegevens ingelezen", "en": "Data imported"},
    "resolve": {"nl": "Naam gekoppeld", "en": "Name linked"},
    "export": {"nl": "Export gemaakt", "en": "Export made"},
    "report": {"nl": "Rapport gemaakt", "en": "Report made"},
    "anonymised_export": {"nl": "Anonieme kopie gemaakt", "en": "Anonymised copy made"},
    "sign_in": {"nl": "Ingelogd", "en": "Signed in"},
    "sign_in_failed": {"nl": "Inloggen mislukt", "en": "Sign-in failed"},
    "sign_out": {"nl": "Uitgelogd", "en": "Signed out"},
    "user_add": {"nl": "Gebruiker toegevoegd", "en": "User added"},
    "user_remove": {"nl": "Gebruiker verwijderd", "en": "User removed"},
    "role_change": {"nl": "Rol gewijzigd", "en": "Role changed"},
    "password_change": {"nl": "Wachtwoord gewijzigd", "en": "Password changed"},
    "unlock": {"nl": "Echte namen getoond", "en": "Real names shown"},
    "live_session_open": {"nl": "Live-sessie geopend", "en": "Live session opened"},
    "live_session_close": {"nl": "Live-sessie gesloten", "en": "Live session closed"},
    "delete_actor": {"nl": "Actor verwijderd", "en": "Actor deleted"},
    "key_reset": {"nl": "Sleutel vernieuwd", "en": "Key renewed"},
    "live_links_issued": {"nl": "Persoonlijke links uitgegeven", "en": "Personal links issued"},
    "live_links_revoked": {"nl": "Persoonlijke links ingetrokken", "en": "Personal links revoked"},
}

#: The keys of an audit entry's detail, and the kinds of imported files.
AUDIT_DETAIL = {
    "known_user": {"nl": "bekende gebruiker", "en": "known user"},
    "audience": {"nl": "publiek", "en": "audience"},
    "unlocked": {"nl": "echte namen", "en": "real names"},
    "wijk": {"nl": "wijk", "en": "wijk"},
    "wave": {"nl": "meting", "en": "wave"},
    "format": {"nl": "formaat", "en": "format"},
    "file": {"nl": "bestand", "en": "file"},
    "files": {"nl": "bestanden", "en": "files"},
    "out": {"nl": "map", "en": "folder"},
    "user": {"nl": "gebruiker", "en": "user"},
    "username": {"nl": "gebruiker", "en": "user"},
    "status": {"nl": "status", "en": "status"},
    "method": {"nl": "methode", "en": "method"},
    "reason": {"nl": "reden", "en": "reason"},
    "command": {"nl": "opdracht", "en": "command"},
    "old": {"nl": "oud", "en": "old"},
    "new": {"nl": "nieuw", "en": "new"},
    "title": {"nl": "titel", "en": "title"},
    "observations": {"nl": "waarnemingen", "en": "observations"},
    "participants": {"nl": "deelnemers", "en": "participants"},
    "responses": {"nl": "antwoorden", "en": "responses"},
    "with_answers": {"nl": "met antwoorden", "en": "with answers"},
    "with_password": {"nl": "met wachtwoord", "en": "with password"},
    "tidy_file": {"nl": "tabel", "en": "table"},
    "survey": {"nl": "enquête", "en": "survey"},
    "confirmation": {"nl": "bevestiging", "en": "confirmation"},
    "interview": {"nl": "gesprek", "en": "interview"},
    "graph_file": {"nl": "graafbestand", "en": "graph file"},
    "imported": {"nl": "ingelezen", "en": "imported"},
    "True": {"nl": "ja", "en": "yes"},
    "False": {"nl": "nee", "en": "no"},
}


def label(table, code, lang: str | None = None) -> str:
    """The label of ``code`` in ``table`` (one of the maps above), or a readable form of an unknown code.

    An unknown ``snake_case`` code is shown with spaces (``live_links_new`` ->
    "live links new"), so no raw code reaches a page; a missing value is "".

    Examples
    --------
    >>> label(AUDIT_ACTIONS, "sign_in_failed", "nl"), label(AUDIT_DETAIL, "known_user", "en")
    ('Inloggen mislukt', 'known user')
    >>> label(AUDIT_ACTIONS, "brand_new", "nl"), label(AUDIT_ACTIONS, None)
    ('brand new', '')
    """
    from wijknet.core.formatting import is_missing
    from wijknet.core.i18n import text

    if is_missing(code):
        return ""
    code = str(code)
    if code in table:
        return text(table, code, lang)
    return code.replace("_", " ")


def audience_label(audience, lang: str | None = None) -> str:
    """``wijkteam:Daalhof`` as "PlusWIJkteam Daalhof", ``leernetwerk`` as "Leernetwerk".

    Examples
    --------
    >>> audience_label("wijkteam:Daalhof"), audience_label("leernetwerk", "en"), audience_label("onderzoeker")
    ('PlusWIJkteam Daalhof', 'Learning network', 'Onderzoeker')
    """
    from wijknet.core.i18n import text

    tier, _, wijk = str(audience).partition(":")
    if tier not in AUDIENCES:
        return str(audience)
    return (
        text(AUDIENCES, tier, lang, wijk=wijk)
        if tier == "wijkteam"
        else text(AUDIENCES, tier, lang)
    )
