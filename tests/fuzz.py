"""How many examples the hypothesis fuzz tests draw.

The README's test command (and so CI) draws a third of each fuzz test's
full number of examples: the fuzz tests were the largest share of the
suite's time after the browser tests. ``WIJKNET_FUZZ=thorough`` draws the
full number, for a deeper search before a release or after a reader change.
"""

from __future__ import annotations

import os


def examples(thorough: int) -> int:
    """``thorough`` examples with ``WIJKNET_FUZZ=thorough``, else a third of it (at least 10)."""
    if os.environ.get("WIJKNET_FUZZ") == "thorough":
        return thorough
    return max(10, thorough // 3)
