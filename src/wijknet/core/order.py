"""The order in which wijken, waves and labels are shown.

Examples
--------
>>> sorted(["wave 10", "wave 2", "Wave 1"], key=natural_key)
['Wave 1', 'wave 2', 'wave 10']
"""

import re


def natural_key(value: str) -> list:
    """Sort key that orders ``"wave 2"`` before ``"wave 10"``.

    Runs of digits compare as numbers, the rest without regard to case.

    Examples
    --------
    >>> sorted(["2026-2", "2026-10", "2025"], key=natural_key)
    ['2025', '2026-2', '2026-10']
    """
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", str(value))]
