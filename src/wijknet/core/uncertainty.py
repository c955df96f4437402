"""Uncertainty in words for each audience, and the one setting of every permutation test users see.

Researchers (``onderzoeker``) read estimates, intervals and p-values as
numbers (formatted by :mod:`wijknet.core.formatting`). A PlusWIJkteam and a
leernetwerk read the same result as a phrase: "duidelijk meer dan vorige
meting", "iets meer, maar dat kan toeval zijn", "waarschijnlijk toeval". The
rule behind each phrase is the usual one of the method that produced the
number:

* a **p-value** below :data:`ALPHA` (0.05) is "duidelijk" (clear), otherwise
  the difference "kan toeval zijn";
* a **95% interval** of the current value that lies entirely above (below)
  the previous value is "duidelijk meer (minder)"; an interval that holds the
  previous value is "iets meer/minder, maar dat kan toeval zijn"; equal values
  are "even veel".

Which audience reads words is decided by :func:`is_plain`; the text tables
carry the two variants of a text in one entry (``"plain"``, see
:func:`wijknet.core.i18n.text`).

Every p-value that a page, a report or the CLI shows comes from a
permutation test with :data:`wijknet.core.settings.PERMUTATIONS` relabellings and seed
:data:`SEED`, so one network has one p-value everywhere (with 500
permutations the smallest p is 1/501 = 0,002, with 1000 it is 1/1001 < 0,001).

Examples
--------
>>> change_words(0.40, 0.35, 0.45, 0.30, "nl")
'duidelijk meer dan de vorige meting'
>>> change_words(0.33, 0.25, 0.41, 0.30, "nl")
'iets meer, maar dat kan toeval zijn'
>>> p_words(0.2, "nl")
'waarschijnlijk toeval'
"""

from __future__ import annotations

from wijknet.core import formatting as fmt
from wijknet.core.i18n import text

#: A p-value below this is called clear ("duidelijk").
ALPHA = 0.05
#: The seed of those tests.
SEED = 0

TEXTS = {
    "more_clear": {"nl": "duidelijk meer dan {ref}", "en": "clearly more than {ref}"},
    "less_clear": {"nl": "duidelijk minder dan {ref}", "en": "clearly less than {ref}"},
    "more_maybe": {
        "nl": "iets meer, maar dat kan toeval zijn",
        "en": "slightly more, but that may be chance",
    },
    "less_maybe": {
        "nl": "iets minder, maar dat kan toeval zijn",
        "en": "slightly less, but that may be chance",
    },
    "same": {"nl": "even veel als {ref}", "en": "as much as {ref}"},
    "ref_previous": {"nl": "de vorige meting", "en": "the previous wave"},
    "p_clear": {"nl": "waarschijnlijk geen toeval", "en": "probably not chance"},
    "p_chance": {"nl": "waarschijnlijk toeval", "en": "probably chance"},
    "mixed_more": {
        "nl": "duidelijk meer banden met andere domeinen dan bij toeval",
        "en": "clearly more ties with other domains than by chance",
    },
    "mixed_less": {
        "nl": "duidelijk meer banden binnen het eigen domein dan bij toeval",
        "en": "clearly more ties within the own domain than by chance",
    },
    "mixed_chance": {
        "nl": "niet duidelijk anders dan bij toeval",
        "en": "not clearly different from chance",
    },
}


def is_plain(audience) -> bool:
    """Whether ``audience`` reads uncertainty in words (every tier but ``onderzoeker``).

    ``audience`` is an :class:`wijknet.privacy.Audience`, its string form
    (``"wijkteam:Daalhof"``) or ``None`` (the owner of a folder: a researcher).

    Examples
    --------
    >>> is_plain(None), is_plain("onderzoeker"), is_plain("wijkteam:Daalhof"), is_plain("leernetwerk")
    (False, False, True, True)
    """
    if audience is None or str(audience) == "":
        return False
    tier = getattr(audience, "tier", None) or str(audience).partition(":")[0]
    return tier.strip().lower() != "onderzoeker"


def p_words(p, lang: str | None = None) -> str:
    """A p-value as words: below :data:`ALPHA` "waarschijnlijk geen toeval", otherwise "waarschijnlijk toeval".

    Examples
    --------
    >>> p_words(0.001, "nl"), p_words(0.3, "en"), p_words(None)
    ('waarschijnlijk geen toeval', 'probably chance', '–')
    """
    if fmt.is_missing(p):
        return fmt.MISSING
    return text(TEXTS, "p_clear" if float(p) < ALPHA else "p_chance", lang)


def show_p(p, audience, lang: str | None = None) -> str:
    """The p-value for ``audience``: ``< 0,001`` (:func:`wijknet.core.formatting.p_value`) or :func:`p_words`.

    Examples
    --------
    >>> show_p(0.0004, "onderzoeker", "nl"), show_p(0.0004, "leernetwerk", "nl")
    ('< 0,001', 'waarschijnlijk geen toeval')
    """
    return p_words(p, lang) if is_plain(audience) else fmt.p_value(p, lang)


def direction(value, expected, p) -> str | None:
    """``"more"``, ``"less"`` or ``"chance"``: where ``value`` lies from ``expected`` by a test with ``p``.

    ``None`` when one of them is missing.

    Examples
    --------
    >>> direction(0.2, 0.7, 0.001), direction(0.9, 0.7, 0.01), direction(0.2, 0.7, 0.2), direction(None, 0.7, 0.1)
    ('less', 'more', 'chance', None)
    """
    if fmt.is_missing(value) or fmt.is_missing(expected) or fmt.is_missing(p):
        return None
    if float(p) >= ALPHA or float(value) == float(expected):
        return "chance"
    return "more" if float(value) > float(expected) else "less"


def versus_chance(value, expected, p, lang: str | None = None) -> str:
    """How the mixing of domains (E-I index ``value``) compares with chance (``expected``, test ``p``), in words.

    ``value`` above ``expected`` with ``p`` below :data:`ALPHA`: more ties with
    other domains than chance gives; below: more within the own domain;
    otherwise not clearly different. The E-I index is (E − I) / (E + I)
    (Krackhardt & Stern 1988); the test is the permutation test of
    :func:`wijknet.metrics.ei.ei_index`.

    Examples
    --------
    >>> versus_chance(0.2, 0.7, 0.001, "nl")
    'duidelijk meer banden binnen het eigen domein dan bij toeval'
    >>> versus_chance(0.65, 0.7, 0.4, "en")
    'not clearly different from chance'
    """
    side = direction(value, expected, p)
    return fmt.MISSING if side is None else text(TEXTS, f"mixed_{side}", lang)


def change_words(
    current, low, high, previous, lang: str | None = None, reference: str | None = None
) -> str:
    """The change from ``previous`` to ``current`` (95% interval ``low``–``high`` of ``current``), in words.

    Clear when the interval lies entirely on one side of ``previous``,
    otherwise "iets meer/minder, maar dat kan toeval zijn".
    ``reference`` names what is compared with (default "de vorige meting").

    Examples
    --------
    >>> change_words(0.20, 0.15, 0.25, 0.30, "en")
    'clearly less than the previous wave'
    >>> change_words(0.3, 0.2, 0.4, 0.3, "nl")
    'even veel als de vorige meting'
    >>> change_words(0.3, None, None, 0.2, "nl")
    'iets meer, maar dat kan toeval zijn'
    """
    if fmt.is_missing(current) or fmt.is_missing(previous):
        return fmt.MISSING
    ref = reference or text(TEXTS, "ref_previous", lang)
    current, previous = float(current), float(previous)
    if current == previous:
        return text(TEXTS, "same", lang, ref=ref)
    up = current > previous
    bound = low if up else high
    if not fmt.is_missing(bound) and (float(bound) > previous if up else float(bound) < previous):
        return text(TEXTS, "more_clear" if up else "less_clear", lang, ref=ref)
    return text(TEXTS, "more_maybe" if up else "less_maybe", lang)
