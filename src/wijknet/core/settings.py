"""The one reader of ``wijknet.yaml``: every setting of a project, with its default.

A project folder or store may hold ``wijknet.yaml``::

    title: Demo PlusWIJken
    synthetic: true           # the data are made up (the app says so)
    waves: ["2025", "2026"]   # the order of the waves
    taxonomy: domains.yaml    # another domain taxonomy
    kpi3_bands: {"2025": [0, 25], "2026": [25, 50]}   # percent per wave
    kpi3_target: 75
    privacy: {min_cell: 5}    # smallest group a leernetwerk may see
    evidence_rule: all        # store only: which observations make a tie

Examples
--------
>>> config = ProjectConfig()
>>> config.min_cell, config.kpi3_target
(5, 0.75)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.taxonomy import Taxonomy

CONFIG_FILE = "wijknet.yaml"
#: KPI 3 bands (minimum, maximum effect) per year as shares, and the end target (PlusWIJken KPI rules).
KPI3_BANDS = {"2025": (0.0, 0.25), "2026": (0.25, 0.50), "2027": (0.50, 0.80)}
KPI3_TARGET = 0.75
TEXTS = {
    "bad_config": {
        "nl": "ongeldige configuratie: {detail}",
        "en": "invalid configuration: {detail}",
    },
}


@dataclass
class ProjectConfig:
    title: str = ""
    synthetic: bool = False
    waves: list[str] | None = None
    taxonomy: Taxonomy = field(default_factory=Taxonomy.default)
    kpi3_bands: dict[str, tuple[float, float]] = field(default_factory=lambda: dict(KPI3_BANDS))
    kpi3_target: float = KPI3_TARGET
    #: Smallest group a leernetwerk may see (``privacy: {min_cell: 5}``), see :mod:`wijknet.privacy`.
    min_cell: int = 5

    @classmethod
    def load(cls, folder: Path) -> ProjectConfig:
        r"""The settings in ``folder/wijknet.yaml``; the defaults when the file is absent.

        Raises
        ------
        DataError
            Naming ``wijknet.yaml`` and what in it is invalid.

        Examples
        --------
        >>> import tempfile
        >>> from pathlib import Path
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "wijknet.yaml").write_text("waves: [2025, 2026]\nprivacy: {min_cell: 3}\n")
        >>> config = ProjectConfig.load(folder)
        >>> config.waves, config.min_cell, config.kpi3_bands["2026"]
        (['2025', '2026'], 3, (0.25, 0.5))
        >>> _ = (folder / "wijknet.yaml").write_text("privacy: {min_cell: 1}\n")
        >>> ProjectConfig.load(folder)
        Traceback (most recent call last):
        ...
        wijknet.core.errors.DataError: 1 probleem/problemen in de invoer; er is niets geschreven:
          - wijknet.yaml: ongeldige configuratie: privacy: min_cell must be 2 or more
        """
        path = folder / CONFIG_FILE
        if not path.exists():
            return cls()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise ValueError("expected a mapping")
            taxonomy = (
                Taxonomy.from_file(folder / data["taxonomy"])
                if data.get("taxonomy")
                else Taxonomy.default()
            )
            waves = data.get("waves")
            return cls(
                title=str(data.get("title", "")),
                synthetic=bool(data.get("synthetic", False)),
                waves=[str(w) for w in waves] if waves else None,
                taxonomy=taxonomy,
                kpi3_bands=_bands(data["kpi3_bands"])
                if data.get("kpi3_bands") is not None
                else dict(KPI3_BANDS),
                kpi3_target=_percent(data["kpi3_target"])
                if data.get("kpi3_target") is not None
                else KPI3_TARGET,
                min_cell=_min_cell(data.get("privacy")),
            )
        except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
            raise DataError([Problem(CONFIG_FILE, text(TEXTS, "bad_config", detail=exc))]) from None


def _percent(value) -> float:
    """A percentage 0-100 from the configuration as a share 0-1."""
    number = float(value)
    if not 0 <= number <= 100:
        raise ValueError(f"{value!r} is not a percentage between 0 and 100")
    return number / 100


def _min_cell(data) -> int:
    """``privacy: {min_cell: n}`` as a whole number of at least 2 (default 5)."""
    if data is None:
        return 5
    if not isinstance(data, dict):
        raise ValueError("privacy: expected a mapping such as {min_cell: 5}")
    value = int(data.get("min_cell", 5))
    if value < 2:
        raise ValueError("privacy: min_cell must be 2 or more")
    return value


def _bands(data) -> dict[str, tuple[float, float]]:
    """``kpi3_bands: {"2025": [0, 25], ...}`` (percent) as ``{"2025": (0.0, 0.25)}``."""
    if not isinstance(data, dict):
        raise ValueError("kpi3_bands: expected a mapping of wave to [minimum, maximum] in percent")
    bands = {}
    for wave, band in data.items():
        if not isinstance(band, (list, tuple)) or len(band) != 2:
            raise ValueError(f"kpi3_bands: {wave}: expected [minimum, maximum] in percent")
        low, high = _percent(band[0]), _percent(band[1])
        if low > high:
            raise ValueError(
                f"kpi3_bands: {wave}: the minimum {band[0]} is above the maximum {band[1]}"
            )
        bands[str(wave)] = (low, high)
    return bands
