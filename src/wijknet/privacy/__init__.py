"""Personal data: audience tiers, keyed pseudonyms and small-cell suppression.

See :mod:`wijknet.privacy.audience` for what each tier may see,
:func:`restrict` for how a project is cut to a tier, :mod:`wijknet.privacy.keys`
for the pseudonyms and :mod:`wijknet.privacy.suppression` for the one
disclosure-control rule of group figures (:func:`protect`).
"""

from wijknet.privacy.audience import FULL, TIERS, Audience, NotAllowed
from wijknet.privacy.keys import key_file, load_key, pseudonym
from wijknet.privacy.suppression import audit, protect, published_shares
from wijknet.privacy.view import restrict

__all__ = [
    "FULL",
    "TIERS",
    "Audience",
    "NotAllowed",
    "audit",
    "key_file",
    "load_key",
    "protect",
    "pseudonym",
    "published_shares",
    "restrict",
]
