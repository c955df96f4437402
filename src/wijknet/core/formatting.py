"""Numbers, percentages and p-values as people read them, in Dutch or English.

The one place where wijknet turns a number into text for a page, a report,
a CLI message or a generated sentence. Babel's CLDR data decide the decimal
and grouping signs (``1.234,5`` in Dutch, ``1,234.5`` in English), so no
module swaps commas and points by hand. A missing value (``None``, NaN,
``pd.NA``) is shown as an en dash.

Machine outputs (CSV, UCINET, Pajek, GraphML) never go through this module:
they keep Python's own ``repr`` of a float.

Examples
--------
>>> number(1234.5, 1, "nl")
'1.234,5'
>>> number(1234.5, 1, "en")
'1,234.5'
>>> percent(0.256, lang="nl")
'26%'
>>> percent(0.256, 1, "en")
'25.6%'
>>> p_value(0.0004, "nl")
'< 0,001'
>>> p_value(0.0321, "en")
'0.032'
>>> number(float("nan"))
'–'
"""

from __future__ import annotations

from decimal import InvalidOperation

from babel.numbers import format_decimal, format_scientific

from wijknet.core.i18n import get_language

#: What a missing value looks like in every text.
MISSING = "–"
#: The CLDR locale of each user-facing language.
LOCALES = {"nl": "nl_NL", "en": "en_GB"}
INFINITY = float("inf")
#: p-values below this are shown as "< 0,001".
P_FLOOR = 0.001


def is_missing(value) -> bool:
    """Whether ``value`` is None, NaN or ``pd.NA`` (without importing pandas).

    Examples
    --------
    >>> is_missing(None), is_missing(float("nan")), is_missing(0.0)
    (True, True, False)
    """
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN is the one float unequal to itself
    except TypeError:  # pd.NA refuses bool()
        return True


def _locale(lang: str | None) -> str:
    return LOCALES.get(lang or get_language(), LOCALES["nl"])


def number(value, decimals: int = 2, lang: str | None = None) -> str:
    """``value`` with exactly ``decimals`` decimals and the language's grouping.

    Examples
    --------
    >>> number(0.5, 2, "nl"), number(12000, 0, "nl"), number(-3.14159, 3, "en")
    ('0,50', '12.000', '-3.142')
    >>> number(float("inf")), number(float("-inf")), number(2.5e40, 2, "nl")
    ('∞', '-∞', '2,5E40')
    """
    if is_missing(value):
        return MISSING
    if float(value) in (INFINITY, -INFINITY):  # e.g. the odds ratio of a huge estimate
        return "∞" if float(value) > 0 else "-∞"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    try:
        return format_decimal(float(value), format=pattern, locale=_locale(lang))
    except InvalidOperation:  # too many digits for the pattern (e.g. exp of a huge estimate)
        return format_scientific(float(value), format="0.###E0", locale=_locale(lang))


def integer(value, lang: str | None = None) -> str:
    """A count with the language's grouping sign (``12.345`` in Dutch).

    Examples
    --------
    >>> integer(12345, "nl"), integer(12345, "en")
    ('12.345', '12,345')
    """
    return number(value, 0, lang)


def percent(share, decimals: int = 0, lang: str | None = None) -> str:
    """A share between 0 and 1 as a percentage (``0.25`` -> ``25%``).

    Examples
    --------
    >>> percent(0.5), percent(1 / 3, 1, "nl"), percent(None)
    ('50%', '33,3%', '–')
    """
    if is_missing(share):
        return MISSING
    return number(100 * float(share), decimals, lang) + "%"


def points(value, decimals: int = 0, lang: str | None = None) -> str:
    """A share as percentage points without the sign (``0.25`` -> ``25``), for ranges like "25–50%".

    Examples
    --------
    >>> points(0.25), points(0.505, 1, "en")
    ('25', '50.5')
    """
    if is_missing(value):
        return MISSING
    return number(100 * float(value), decimals, lang)


def p_value(p, lang: str | None = None) -> str:
    """A p-value with three decimals, or ``< 0,001`` below :data:`P_FLOOR`.

    Examples
    --------
    >>> p_value(0.05, "nl"), p_value(1e-9, "en"), p_value(None)
    ('0,050', '< 0.001', '–')
    """
    if is_missing(p):
        return MISSING
    if float(p) < P_FLOOR:
        return "< " + number(P_FLOOR, 3, lang)
    return number(p, 3, lang)


def plain_text(value, missing: str = "") -> str:
    """A value from the data as text for a page: ``missing`` (default "") for None, NaN or ``pd.NA``, never "nan".

    Examples
    --------
    >>> plain_text(float("nan")), plain_text(None, "?"), plain_text(" Wmo-loket "), plain_text(3)
    ('', '?', 'Wmo-loket', '3')
    """
    if is_missing(value):
        return missing
    return str(value).strip() or missing


def p_text(p, lang: str | None = None) -> str:
    """``p = 0,012`` or ``p < 0,001`` (``p = –`` when missing).

    Examples
    --------
    >>> p_text(0.012, "nl"), p_text(0.0001, "en")
    ('p = 0,012', 'p < 0.001')
    """
    shown = p_value(p, lang)
    return "p " + shown if shown.startswith("<") else "p = " + shown


# --- partial: a change with its sign, direction and colour --------------------------

#: The minus sign of a shown change (U+2212, not the hyphen).
MINUS = "\u2212"


class Change(tuple):
    """A change as text (``"+191"``, ``"−194"``, ``"0"``) with its ``direction`` and ``color``.

    ``direction`` is ``"up"``, ``"down"`` or ``"off"`` (no change, or missing);
    ``color`` is ``"green"``, ``"red"`` or ``"gray"`` (with ``good="down"`` a fall
    is green); ``arrow`` is ``"↑"``, ``"↓"`` or ``""``. A tuple, so
    ``text, direction = change(...)[:2]`` works.
    """

    __slots__ = ()

    def __new__(cls, text: str, direction: str, color: str, arrow: str):
        return super().__new__(cls, (text, direction, color, arrow))

    text = property(lambda self: self[0])
    direction = property(lambda self: self[1])
    color = property(lambda self: self[2])
    arrow = property(lambda self: self[3])

    def __str__(self) -> str:
        return self.text


def change(value, decimals: int = 0, lang: str | None = None, *, good: str = "up") -> Change:
    """A signed change for every screen: ``+191`` up and green, ``−194`` down and red.

    One helper, so that a net loss never appears as "↑ netto -194" in green:
    the sign, the arrow and the colour all follow the value. A missing value
    is an en dash without direction.

    Parameters
    ----------
    value : float or None
        The change (later minus earlier).
    decimals : int, default 0
    lang : {"nl", "en"}, optional
    good : {"up", "down"}, default "up"
        Which direction is good news (green).

    Examples
    --------
    >>> tuple(change(191, lang="nl"))
    ('+191', 'up', 'green', '↑')
    >>> tuple(change(-194, lang="nl"))
    ('−194', 'down', 'red', '↓')
    >>> tuple(change(0)), change(None).text
    (('0', 'off', 'gray', ''), '–')
    >>> change(-0.25, 2, "nl", good="down").color
    'green'
    """
    if is_missing(value):
        return Change(MISSING, "off", "gray", "")
    value = float(value)
    shown = number(abs(value), decimals, lang)
    if shown == number(0, decimals, lang):  # rounds to zero: no direction
        return Change(shown, "off", "gray", "")
    up = value > 0
    color = "green" if up == (good == "up") else "red"
    return Change(("+" if up else MINUS) + shown, "up" if up else "down", color, "↑" if up else "↓")


def wrap_label(label: str, width: int = 16) -> str:
    """A long name broken into lines of about ``width`` characters, after a hyphen or at a space.

    For chart labels that would otherwise be cut off (a long wijk name at the
    end of a line). Words are never split; a name without hyphen or space
    stays on one line.

    Examples
    --------
    >>> print(wrap_label("Bleijerheide-Centrum-Nulland"))
    Bleijerheide-
    Centrum-Nulland
    >>> wrap_label("Daalhof"), wrap_label("Hoensbroek-Noord")
    ('Daalhof', 'Hoensbroek-Noord')
    """
    import re

    text = str(label)
    if len(text) <= width:
        return text
    parts = [p for p in re.split(r"(?<=-)|(?<= )", text) if p]
    lines, line = [], ""
    for part in parts:
        if line and len(line) + len(part.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += part
    lines.append(line.rstrip())
    return "\n".join(lines)
