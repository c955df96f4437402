"""Who is looking: the audience tiers of wijknet.

=======================  ==========================================================
tier                     may see
=======================  ==========================================================
``onderzoeker``          every wijk; persons pseudonymised unless names are
                         unlocked; survey answers (trust and value ratings)
                         and, when unlocked, free text (interview quotes,
                         evidence labels, file names, comments)
``wijkteam:<wijk>``      its own wijk only; names of organisations and of
                         professionals who consented, residents and everyone
                         else pseudonymised; no individual ratings, no free
                         text (neutral labels such as "gesprek" instead)
``leernetwerk``          every wijk, anonymous only: no names at all, domains
                         with fewer actors than the threshold merged into
                         "overig", group figures below the threshold suppressed,
                         no actor-level output
=======================  ==========================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text

TIERS = ("onderzoeker", "wijkteam", "leernetwerk")

TEXTS = {
    "bad_audience": {
        "nl": "'{value}' is geen publiek; verwacht onderzoeker, wijkteam:<wijk> of leernetwerk",
        "en": "'{value}' is not an audience; expected onderzoeker, wijkteam:<wijk> or leernetwerk",
    },
    "unlock_tier": {
        "nl": "alleen het publiek onderzoeker kan namen ontgrendelen, niet {audience}",
        "en": "only the audience onderzoeker can unlock names, not {audience}",
    },
    "not_allowed": {
        "nl": "dit is niet beschikbaar voor het publiek {audience}: {what}",
        "en": "this is not available to the audience {audience}: {what}",
    },
}


class NotAllowed(DataError):
    """A viewer asked for something its audience may not see."""


@dataclass(frozen=True)
class Audience:
    """A viewer's tier, its wijk (``wijkteam`` only) and whether names are unlocked.

    Parameters
    ----------
    tier : {"onderzoeker", "wijkteam", "leernetwerk"}
    wijk : str, optional
        The wijk of a ``wijkteam``.
    unlocked : bool
        Real names instead of pseudonyms (``onderzoeker`` only).
    """

    tier: str
    wijk: str | None = None
    unlocked: bool = False

    def __post_init__(self) -> None:
        if self.tier not in TIERS or (self.tier == "wijkteam") != bool(self.wijk):
            raise DataError([Problem("--audience", text(TEXTS, "bad_audience", value=str(self)))])
        if self.unlocked and self.tier != "onderzoeker":
            raise DataError([Problem("--audience", text(TEXTS, "unlock_tier", audience=str(self)))])

    @classmethod
    def parse(cls, value: str | Audience, *, unlocked: bool = False) -> Audience:
        """``"onderzoeker"``, ``"wijkteam:<wijk>"`` or ``"leernetwerk"`` as an :class:`Audience`."""
        if isinstance(value, Audience):
            return value
        tier, _, wijk = str(value).strip().partition(":")
        tier = tier.strip().lower()
        if tier not in TIERS or (tier == "wijkteam") != bool(wijk.strip()):
            raise DataError([Problem("--audience", text(TEXTS, "bad_audience", value=value))])
        return cls(tier, wijk.strip() or None, unlocked)

    def __str__(self) -> str:
        return f"{self.tier}:{self.wijk}" if self.wijk else self.tier

    @property
    def sees_ratings(self) -> bool:
        """Individual survey answers about an alter (trust, value, intensity items)."""
        return self.tier == "onderzoeker"

    @property
    def sees_quotes(self) -> bool:
        """Interview quotes and all other free text that may name anyone.

        Evidence labels, file names, comments, write-ins: only with names
        unlocked; everyone else gets neutral labels
        (:func:`wijknet.privacy.view.neutral_label`).
        """
        return self.tier == "onderzoeker" and self.unlocked

    @property
    def sees_individuals(self) -> bool:
        """Actor-level output (rankings, profiles, evidence of single ties)."""
        return self.tier != "leernetwerk"

    @property
    def is_researcher(self) -> bool:
        """The tier ``onderzoeker``: every wijk, every page.

        Examples
        --------
        >>> Audience.parse("onderzoeker").is_researcher, Audience.parse("leernetwerk").is_researcher
        (True, False)
        """
        return self.tier == "onderzoeker"

    @property
    def may_unlock(self) -> bool:
        """Whether this audience may switch pseudonyms to real names (``onderzoeker`` only)."""
        return self.is_researcher

    @property
    def may_import(self) -> bool:
        """Whether this audience may import files into a project store or link names (``onderzoeker`` only).

        Examples
        --------
        >>> Audience.parse("wijkteam:Noord").may_import
        False
        """
        return self.is_researcher

    @property
    def sees_audit_log(self) -> bool:
        """Whether this audience may read the audit log of a project store (``onderzoeker`` only)."""
        return self.is_researcher

    @property
    def may_anonymise(self) -> bool:
        """Whether this audience may download the anonymised copy of the project (``onderzoeker`` only).

        The copy is made from the full project, so only a viewer who may see
        every wijk and every file gets it.
        """
        return self.is_researcher

    @property
    def sees_other_wijken(self) -> bool:
        """Whether the viewer sees more than one wijk (everyone but a ``wijkteam``).

        A PlusWIJkteam's project holds its own wijk only: its programme figure
        over all wijken must come from the leernetwerk's view
        (:func:`wijknet.analysis.kpi.programme_kpi3`).

        Examples
        --------
        >>> Audience.parse("wijkteam:Noord").sees_other_wijken, Audience.parse("leernetwerk").sees_other_wijken
        (False, True)
        """
        return self.tier != "wijkteam"

    def require(self, allowed: bool, what: str) -> None:
        """Raise :class:`NotAllowed` naming ``what`` unless ``allowed``."""
        if not allowed:
            raise NotAllowed(
                [Problem(str(self), text(TEXTS, "not_allowed", audience=str(self), what=what))]
            )


#: Full access: what a trusted process (the import, the store's own checks) works with.
FULL = Audience("onderzoeker", unlocked=True)
#: The view of every wijk that programme figures are computed on (anonymous, group figures only).
PROGRAMME = Audience("leernetwerk")


def audience_choices(wijken) -> list[str]:
    """Every audience a tidy folder's owner can look as: researcher, each wijk's team, the learning network.

    Examples
    --------
    >>> audience_choices(["Noord", "Zuid"])
    ['onderzoeker', 'wijkteam:Noord', 'wijkteam:Zuid', 'leernetwerk']
    """
    return ["onderzoeker", *(f"wijkteam:{w}" for w in wijken), "leernetwerk"]


def viewer_audience(
    signed_in: str | None, *, store: bool, view_as: str | None = None, unlock: bool = False
) -> Audience:
    """Who is looking at a project in the app, and whether names are unlocked.

    Parameters
    ----------
    signed_in : str, optional
        The audience of the signed-in user of a project store (None: nobody signed in).
    store : bool
        Whether the project is a project store. A store takes the audience of
        the signed-in user, and without one the least: ``leernetwerk``. A tidy
        folder, which its owner already has in full, takes the owner's
        "view as" choice, ``onderzoeker`` by default.
    view_as : str, optional
        The "view as" choice (tidy folders only).
    unlock : bool, default False
        The unlock switch; honoured only where the audience may unlock
        (:attr:`Audience.may_unlock`).

    Returns
    -------
    Audience

    Examples
    --------
    >>> str(viewer_audience(None, store=True, unlock=True))
    'leernetwerk'
    >>> viewer_audience(None, store=False, unlock=True).unlocked
    True
    >>> viewer_audience(None, store=False, view_as="wijkteam:Noord", unlock=True).unlocked
    False
    """
    value = (signed_in or "leernetwerk") if store else (view_as or "onderzoeker")
    audience = Audience.parse(value)
    return Audience(audience.tier, audience.wijk, unlocked=audience.may_unlock and bool(unlock))
