"""The one reader of ``wijknet.yaml``: every setting of a project, with its default.

A project folder or store may hold ``wijknet.yaml``::

    title: Demo PlusWIJken
    synthetic: true           # the data are made up (the app says so)
    waves: ["2025", "2026"]   # the order of the waves
    taxonomy: domains.yaml    # another domain taxonomy
    roles: roles.yaml         # another role catalogue (shaped like data/roles.yaml)
    kernaanpakken: kernaanpakken.yaml   # other kernaanpak profiles (shaped like data/kernaanpakken.yaml)
    kpi3_bands: {"2025": [0, 25], "2026": [25, 50]}   # percent per wave
    kpi3_target: 75
    privacy: {min_cell: 5}    # smallest group a leernetwerk may see
    evidence_rule: all        # store only: which observations make a tie
    project_id: 3f2a...       # names the pseudonym key (wijknet init writes it)
    sign_in: {session_minutes: 60, session_hours: 12}   # session limits of the app

Examples
--------
>>> config = ProjectConfig()
>>> config.min_cell, config.kpi3_target, config.evidence_rule
(5, 0.75, 'all')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.profiles import KernaanpakProfiles
from wijknet.core.roles import RoleCatalogue
from wijknet.core.taxonomy import Taxonomy

CONFIG_FILE = "wijknet.yaml"
#: KPI 3 bands (minimum, maximum effect) per year as shares, and the end target (PlusWIJken KPI rules).
KPI3_BANDS = {"2025": (0.0, 0.25), "2026": (0.25, 0.50), "2027": (0.50, 0.80)}
KPI3_TARGET = 0.75
#: The evidence rules of a store: which observations make a tie (see :mod:`wijknet.store.combine`).
EVIDENCE_RULES = ("all", "survey", "confirmed")
#: A ``project_id``: it names the key file, so it may hold no path separators or dots.
PROJECT_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
#: QAP/MRQAP permutations of every test, the same in ``wijknet analyse``, the report and the app
#: (the batched refits make 1,000 affordable everywhere, including the tie-change model).
PERMUTATIONS = 1000
#: Default idle timeout of a signed-in session, in minutes.
SESSION_MINUTES = 60
#: Default absolute lifetime of a signed-in session, in hours.
SESSION_HOURS = 12
TEXTS = {
    "bad_config": {
        "nl": "ongeldige configuratie: {detail}",
        "en": "invalid configuration: {detail}",
    },
    "bad_rule": {
        "nl": "onbekende bewijsregel '{rule}'; kies all, survey of confirmed",
        "en": "unknown evidence rule '{rule}'; choose all, survey or confirmed",
    },
    "bad_project_id": {
        "nl": "project_id '{value}' in wijknet.yaml is ongeldig: gebruik alleen letters, cijfers, _ en - "
        "(hoogstens 64 tekens, geen / of ..)",
        "en": "project_id '{value}' in wijknet.yaml is invalid: use only letters, digits, _ and - "
        "(at most 64 characters, no / or ..)",
    },
}


def check_rule(rule: str, file: str = CONFIG_FILE) -> str:
    """``rule`` if it is one of :data:`EVIDENCE_RULES`, else a :class:`DataError`.

    Examples
    --------
    >>> check_rule("survey")
    'survey'
    """
    if rule not in EVIDENCE_RULES:
        raise DataError([Problem(file, text(TEXTS, "bad_rule", rule=rule), column="evidence_rule")])
    return rule


def check_project_id(value: str) -> str:
    """``value`` if it may name a key file (:data:`PROJECT_ID_PATTERN`), else a :class:`DataError`.

    Examples
    --------
    >>> check_project_id("wijk-2026")
    'wijk-2026'
    """
    if not PROJECT_ID_PATTERN.match(value):
        raise DataError(
            [Problem(CONFIG_FILE, text(TEXTS, "bad_project_id", value=value), column="project_id")]
        )
    return value


@dataclass
class ProjectConfig:
    """Every setting of ``wijknet.yaml``, validated, with its default (see the module docstring).

    Attributes
    ----------
    title, synthetic, waves, taxonomy, kpi3_bands, kpi3_target, min_cell
        As in the module docstring (``kpi3_*`` as shares 0-1).
    taxonomy_file : str or None
        The ``taxonomy`` file name as written (relative to the folder), ``None`` for the built-in one.
    roles : RoleCatalogue
        The role groups under the domains (``roles``: a file like ``data/roles.yaml``).
    roles_file : str or None
        The ``roles`` file name as written, ``None`` for the built-in catalogue.
    profiles : KernaanpakProfiles
        The kernaanpak collaboration profiles and the PlusWIJkteam's composition
        (``kernaanpakken``: a file like ``data/kernaanpakken.yaml``, checked against ``roles``).
    profiles_file : str or None
        The ``kernaanpakken`` file name as written, ``None`` for the built-in profiles.
    evidence_rule : {"all", "survey", "confirmed"}
        Which observations of a store make a tie.
    project_id : str or None
        Names the pseudonym key (:mod:`wijknet.privacy.keys`); ``None`` when not set.
    session_minutes, session_hours : float
        ``sign_in`` limits: idle timeout and absolute lifetime of a session.
    """

    title: str = ""
    synthetic: bool = False
    waves: list[str] | None = None
    taxonomy: Taxonomy = field(default_factory=Taxonomy.default)
    kpi3_bands: dict[str, tuple[float, float]] = field(default_factory=lambda: dict(KPI3_BANDS))
    kpi3_target: float = KPI3_TARGET
    #: Smallest group a leernetwerk may see (``privacy: {min_cell: 5}``), see :mod:`wijknet.privacy`.
    min_cell: int = 5
    taxonomy_file: str | None = None
    roles: RoleCatalogue = field(default_factory=RoleCatalogue.default)
    roles_file: str | None = None
    profiles: KernaanpakProfiles = field(default_factory=KernaanpakProfiles.default)
    profiles_file: str | None = None
    evidence_rule: str = "all"
    project_id: str | None = None
    session_minutes: float = SESSION_MINUTES
    session_hours: float = SESSION_HOURS

    @classmethod
    def load(cls, folder: str | Path) -> ProjectConfig:
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
        folder = Path(folder)
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
            roles = (
                RoleCatalogue.from_file(folder / data["roles"], taxonomy)
                if data.get("roles")
                else RoleCatalogue.default()
            )
            profiles = _profiles(folder, data.get("kernaanpakken"), roles, bool(data.get("roles")))
            waves = data.get("waves")
            rule = data.get("evidence_rule")
            project_id = data.get("project_id")
            minutes, hours = _sign_in(data.get("sign_in"))
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
                taxonomy_file=str(data["taxonomy"]) if data.get("taxonomy") else None,
                roles=roles,
                roles_file=str(data["roles"]) if data.get("roles") else None,
                profiles=profiles,
                profiles_file=str(data["kernaanpakken"]) if data.get("kernaanpakken") else None,
                evidence_rule=check_rule(str(rule)) if rule else "all",
                project_id=check_project_id(str(project_id)) if project_id else None,
                session_minutes=minutes,
                session_hours=hours,
            )
        except DataError:
            raise  # a setting's own message (evidence_rule, project_id)
        except (OSError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
            raise DataError([Problem(CONFIG_FILE, text(TEXTS, "bad_config", detail=exc))]) from None


def _profiles(folder: Path, file, roles: RoleCatalogue, own_roles: bool) -> KernaanpakProfiles:
    """The ``kernaanpakken`` profiles, checked against the project's role catalogue.

    Without a file of its own a project gets the package's profiles; with an
    own role catalogue they are checked against it, and when it lacks roles
    the profiles name, the package's profiles on the package's catalogue
    (whose roles such a project's actors then simply never hold).
    """
    if file:
        return KernaanpakProfiles.from_file(folder / file, roles)
    if not own_roles:
        return KernaanpakProfiles.default()
    from importlib import resources

    with (
        resources.files("wijknet").joinpath("data/kernaanpakken.yaml").open(encoding="utf-8") as fh
    ):
        data = yaml.safe_load(fh)
    try:
        return KernaanpakProfiles.from_dict(data, roles)
    except ValueError:
        return KernaanpakProfiles.default()


def _percent(value) -> float:
    """A percentage 0-100 from the configuration as a share 0-1."""
    number = float(value)
    if not 0 <= number <= 100:
        raise ValueError(f"{value!r} is not a percentage between 0 and 100")
    return number / 100


def _sign_in(data) -> tuple[float, float]:
    """``sign_in: {session_minutes: m, session_hours: h}`` as positive numbers (defaults 60 and 12)."""
    if data is None:
        return float(SESSION_MINUTES), float(SESSION_HOURS)
    if not isinstance(data, dict):
        raise TypeError("sign_in: expected a mapping (session_minutes, session_hours)")
    try:
        minutes = float(data.get("session_minutes", SESSION_MINUTES))
        hours = float(data.get("session_hours", SESSION_HOURS))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"sign_in: {exc}") from None
    if minutes <= 0 or hours <= 0:
        raise ValueError("sign_in: session_minutes and session_hours must be positive")
    return minutes, hours


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
