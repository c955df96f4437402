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

from wijknet.core.formatting import is_missing
from wijknet.core.i18n import text


def _labels(pairs: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    """A text table (:func:`wijknet.core.i18n.text`) from ``{code: (Dutch, English)}``: one line per label."""
    return {code: {"nl": nl, "en": en} for code, (nl, en) in pairs.items()}


MEASURE_NAMES = _labels(
    {
        "m_actors": ("Actoren", "Actors"),
        "m_ties": ("Relaties", "Ties"),
        "m_density": ("Dichtheid", "Density"),
        "m_cross": ("Domeinoverstijgende relaties", "Domain-crossing ties"),
        "m_ei": ("E-I-index", "E-I index"),
        "m_ei_expected": ("E-I-index bij toeval", "E-I index by chance"),
        "m_ei_p": ("Kans op toeval (p)", "Chance of coincidence (p)"),
        "m_reciprocity": ("Wederkerigheid", "Reciprocity"),
        "m_components": ("Losse delen", "Separate parts"),
        "m_isolates": ("Actoren zonder relaties", "Actors without ties"),
        "m_transitivity": ("Geslotenheid", "Closure (transitivity)"),
        "m_assortativity": ("Voorkeur voor eigen domein", "Preference for own domain"),
    }
)

#: The plain names of the measures, for a PlusWIJkteam and a leernetwerk (``plain`` of :func:`wijknet.core.i18n.text`).
PLAIN_MEASURE_NAMES = _labels(
    {
        "m_ei": (
            "Verhouding tussen banden binnen en buiten het eigen domein",
            "Balance of ties within and outside the own domain",
        ),
        "m_ei_expected": ("Die verhouding bij toeval", "That balance by chance"),
        "m_ei_p": ("Anders dan bij toeval?", "Different from chance?"),
    }
)
for _key, _plain in PLAIN_MEASURE_NAMES.items():
    MEASURE_NAMES[_key] = {**MEASURE_NAMES[_key], "plain": _plain}

#: The audiences (tiers) by name; a PlusWIJkteam is named with its wijk (:func:`audience_label`).
AUDIENCES = _labels(
    {
        "onderzoeker": ("Onderzoeker", "Researcher"),
        "wijkteam": ("PlusWIJkteam {wijk}", "PlusWIJkteam {wijk}"),
        "leernetwerk": ("Leernetwerk", "Learning network"),
    }
)

#: The actions of the audit log (:data:`wijknet.store.audit.ACTIONS`) as people say them.
AUDIT_ACTIONS = _labels(
    {
        "import": ("Gegevens ingelezen", "Data imported"),
        "resolve": ("Naam gekoppeld", "Name linked"),
        "export": ("Export gemaakt", "Export made"),
        "report": ("Rapport gemaakt", "Report made"),
        "anonymised_export": ("Anonieme kopie gemaakt", "Anonymised copy made"),
        "sign_in": ("Ingelogd", "Signed in"),
        "sign_in_failed": ("Inloggen mislukt", "Sign-in failed"),
        "sign_out": ("Uitgelogd", "Signed out"),
        "user_add": ("Gebruiker toegevoegd", "User added"),
        "user_remove": ("Gebruiker verwijderd", "User removed"),
        "role_change": ("Rol gewijzigd", "Role changed"),
        "password_change": ("Wachtwoord gewijzigd", "Password changed"),
        "unlock": ("Echte namen getoond", "Real names shown"),
        "live_session_open": ("Live-sessie geopend", "Live session opened"),
        "live_session_close": ("Live-sessie gesloten", "Live session closed"),
        "delete_actor": ("Actor verwijderd", "Actor deleted"),
        "key_reset": ("Sleutel vernieuwd", "Key renewed"),
        "live_links_issued": ("Persoonlijke links uitgegeven", "Personal links issued"),
        "live_links_revoked": ("Persoonlijke links ingetrokken", "Personal links revoked"),
    }
)

#: The keys of an audit entry's detail, and the kinds of imported files.
AUDIT_DETAIL = _labels(
    {
        "known_user": ("bekende gebruiker", "known user"),
        "audience": ("publiek", "audience"),
        "unlocked": ("echte namen", "real names"),
        "wijk": ("wijk", "wijk"),
        "wave": ("meting", "wave"),
        "format": ("formaat", "format"),
        "file": ("bestand", "file"),
        "files": ("bestanden", "files"),
        "out": ("map", "folder"),
        "user": ("gebruiker", "user"),
        "username": ("gebruiker", "user"),
        "status": ("status", "status"),
        "method": ("methode", "method"),
        "reason": ("reden", "reason"),
        "command": ("opdracht", "command"),
        "old": ("oud", "old"),
        "new": ("nieuw", "new"),
        "title": ("titel", "title"),
        "observations": ("waarnemingen", "observations"),
        "participants": ("deelnemers", "participants"),
        "responses": ("antwoorden", "responses"),
        "with_answers": ("met antwoorden", "with answers"),
        "with_password": ("met wachtwoord", "with password"),
        "tidy_file": ("tabel", "table"),
        "survey": ("enquête", "survey"),
        "confirmation": ("bevestiging", "confirmation"),
        "interview": ("gesprek", "interview"),
        "graph_file": ("graafbestand", "graph file"),
        "imported": ("ingelezen", "imported"),
        "True": ("ja", "yes"),
        "False": ("nee", "no"),
    }
)


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
    tier, _, wijk = str(audience).partition(":")
    if tier not in AUDIENCES:
        return str(audience)
    return (
        text(AUDIENCES, tier, lang, wijk=wijk)
        if tier == "wijkteam"
        else text(AUDIENCES, tier, lang)
    )
