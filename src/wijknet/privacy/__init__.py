"""Personal data: audience tiers, keyed pseudonyms and small-cell suppression.

See :mod:`wijknet.privacy.audience` for what each tier may see,
:func:`restrict` for how a project is cut to a tier, :mod:`wijknet.privacy.keys`
for the pseudonyms and :func:`suppress_small` for group figures.
"""

from .audience import FULL, TIERS, Audience, NotAllowed
from .keys import key_file, load_key, pseudonym
from .suppression import suppress_small
from .view import restrict

__all__ = ["FULL", "TIERS", "Audience", "NotAllowed", "key_file", "load_key", "pseudonym", "restrict",
           "suppress_small"]
