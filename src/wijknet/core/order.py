"""The order in which wijken, waves and labels are shown.

Examples
--------
>>> sorted(["wave 10", "wave 2", "Wave 1"], key=natural_key)
['Wave 1', 'wave 2', 'wave 10']
"""

import re


def natural_key(value: str) -> list:
    """Sort key that orders ``"wave 2"`` before ``"wave 10"``."""
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", str(value))]
