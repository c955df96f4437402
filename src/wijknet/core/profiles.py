"""Kernaanpak collaboration profiles: which role groups each kernaanpak needs to work together.

The four kernaanpakken of PlusWIJken are collaboration patterns
(``data/kernaanpakken.yaml``, after the transformation plan):

* **Doorbraakmethode**: GP and municipality in the lead, together with the
  helpers around a household;
* **Welzijn op Recept**: GP or practice nurse (POH) *refers* to a welfare
  coach (a directed link, referral ties only), and the triangle of GPs,
  municipality and welfare organisations;
* **Kernteam Ouderen**: an elderly-care physician and/or nurse specialist, a
  dementia case manager and a district nurse, with GPs and POH-ouderen as
  partners and ties to the social domain, the social base and informal
  carers;
* **PlusPraktijken**: GP practices working together and with home care,
  physiotherapy, psychologists and social work.

A profile lists its *links* (pairs of role groups, or of named *groups* of
role groups such as ``municipality`` = the social team) and its *core roles*
(which must be in the wijk's roster). The file also holds the PlusWIJkteam's
required composition. The catalogue has no general municipality role:
``municipality`` is the group ``[social_team]`` (Wmo consultants and the
social team), documented in the YAML and in ``docs/kernaanpakken.md``.

Every role name is checked against a :class:`~wijknet.core.roles.RoleCatalogue`;
``wijknet.yaml`` may name another file (``kernaanpakken: file.yaml``).
Importing this module loads neither pandas nor networkx.

Examples
--------
>>> profiles = KernaanpakProfiles.default()
>>> profiles.names
['Doorbraakmethode', 'Welzijn op Recept', 'Kernteam Ouderen', 'PlusPraktijken']
>>> referral = profiles.get("Welzijn op Recept").links[0]
>>> referral.source, referral.target, referral.directed, referral.tie_types
('gp_practice', 'welfare_coach', True, ('verwijzing',))
>>> sorted(profiles.members("municipality"))
['social_team']
>>> profiles.declared("Sociaal Hospitaal; kernteam ouderen")
['Doorbraakmethode', 'Kernteam Ouderen']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from wijknet.core.i18n import get_language
from wijknet.core.roles import RoleCatalogue, normalise


@dataclass(frozen=True)
class RoleGroup:
    """A named set of role groups (a link end or core role such as ``municipality``)."""

    key: str
    nl: str
    en: str
    roles: tuple[str, ...]

    def label(self, lang: str | None = None) -> str:
        return self.en if (lang or get_language()) == "en" else self.nl


@dataclass(frozen=True)
class Link:
    """One expected collaboration of a kernaanpak between two role sets.

    ``source`` and ``target`` are role keys or group names; ``directed``
    links count only ties from ``source`` to ``target``; ``tie_types``
    (empty: all) restricts the ties that count.
    """

    source: str
    target: str
    directed: bool = False
    tie_types: tuple[str, ...] = ()
    reference: str = ""


@dataclass(frozen=True)
class Kernaanpak:
    """One kernaanpak: its name (as in the ``kernaanpakken`` column), description, core roles and links."""

    name: str
    nl: str
    en: str
    roles: tuple[str, ...]
    links: tuple[Link, ...]
    aliases: tuple[str, ...] = ()

    def description(self, lang: str | None = None) -> str:
        return self.en if (lang or get_language()) == "en" else self.nl


@dataclass
class KernaanpakProfiles:
    """The kernaanpak profiles, the named role groups and the PlusWIJkteam's composition.

    Build with :meth:`default`, :meth:`from_file` or :meth:`from_dict`.

    Examples
    --------
    >>> profiles = KernaanpakProfiles.from_dict({
    ...     "groups": {"gp_or_poh": {"nl": "Huisarts of POH", "en": "GP or POH",
    ...                              "roles": ["general_practitioner", "poh_mental_health"]}},
    ...     "kernaanpakken": {"Welzijn op Recept": {"roles": ["welfare_coach"], "links": [
    ...         {"from": "gp_or_poh", "to": "welfare_coach", "directed": True}]}},
    ...     "pluswijkteam": {"composition": ["general_practitioner"]}})
    >>> profiles.names, profiles.composition, profiles.label("gp_or_poh", "en")
    (['Welzijn op Recept'], ('general_practitioner',), 'GP or POH')
    >>> KernaanpakProfiles.from_dict({"kernaanpakken": {"X": {"links": [{"from": "baker", "to": "school"}]}}})
    Traceback (most recent call last):
    ...
    ValueError: kernaanpak 'X': unknown role or group 'baker'
    """

    kernaanpakken: dict[str, Kernaanpak]
    groups: dict[str, RoleGroup] = field(default_factory=dict)
    composition: tuple[str, ...] = ()
    roles: RoleCatalogue = field(default_factory=RoleCatalogue.default)
    _names: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._names = {}
        for name, kernaanpak in self.kernaanpakken.items():
            for text in (name, *kernaanpak.aliases):
                self._names[normalise(text)] = name

    @classmethod
    def default(cls) -> KernaanpakProfiles:
        """The package's profiles (``data/kernaanpakken.yaml``) on the default role catalogue."""
        return _default_profiles()

    @classmethod
    def from_file(cls, path: str | Path, roles: RoleCatalogue | None = None) -> KernaanpakProfiles:
        """Profiles from a YAML file shaped like ``data/kernaanpakken.yaml``."""
        with open(path, encoding="utf-8") as fh:
            return cls.from_dict(yaml.safe_load(fh) or {}, roles)

    @classmethod
    def from_dict(cls, data: dict, roles: RoleCatalogue | None = None) -> KernaanpakProfiles:
        """Profiles from a mapping with ``groups``, ``kernaanpakken`` and ``pluswijkteam``.

        Raises
        ------
        ValueError
            When a link end, core role or composition entry is neither a role
            of ``roles`` (default the package's catalogue) nor a group, when
            a group names an unknown role or shares its name with a role, or
            when two kernaanpakken share a name or alias.
        """
        roles = roles or RoleCatalogue.default()
        if not isinstance(data, dict):
            raise ValueError("expected a mapping with groups, kernaanpakken and pluswijkteam")
        groups = {}
        for key, spec in (data.get("groups") or {}).items():
            key = str(key)
            if key in roles.roles:
                raise ValueError(f"group {key!r} has the name of a role group")
            members = tuple(str(r) for r in (spec or {}).get("roles") or ())
            if not members:
                raise ValueError(f"group {key!r} lists no roles")
            for role in members:
                if role not in roles.roles:
                    raise ValueError(f"group {key!r}: unknown role {role!r}")
            groups[key] = RoleGroup(
                key, str(spec.get("nl", key)), str(spec.get("en", spec.get("nl", key))), members
            )

        def check(name, where: str) -> str:
            name = str(name)
            if name not in roles.roles and name not in groups:
                raise ValueError(f"{where}: unknown role or group {name!r}")
            return name

        kernaanpakken, seen = {}, {}
        for name, spec in (data.get("kernaanpakken") or {}).items():
            name, spec = str(name), spec or {}
            where = f"kernaanpak {name!r}"
            links = []
            for link in spec.get("links") or ():
                if not isinstance(link, dict) or "from" not in link or "to" not in link:
                    raise ValueError(f"{where}: every link needs 'from' and 'to'")
                links.append(Link(
                    check(link["from"], where), check(link["to"], where), bool(link.get("directed", False)),
                    tuple(str(t) for t in link.get("tie_types") or ()), str(link.get("source", "")),
                ))  # fmt: skip
            aliases = tuple(str(a) for a in spec.get("aliases") or ())
            for text in (name, *aliases):
                other = seen.setdefault(normalise(text), name)
                if other != name:
                    raise ValueError(f"kernaanpak name {text!r} is used by {other!r} and {name!r}")
            kernaanpakken[name] = Kernaanpak(
                name, str(spec.get("nl", "")), str(spec.get("en", spec.get("nl", ""))),
                tuple(check(r, where) for r in spec.get("roles") or ()), tuple(links), aliases,
            )  # fmt: skip
        team = data.get("pluswijkteam") or {}
        composition = tuple(check(r, "pluswijkteam") for r in team.get("composition") or ())
        return cls(kernaanpakken, groups, composition, roles)

    @property
    def names(self) -> list[str]:
        """The kernaanpakken in file order."""
        return list(self.kernaanpakken)

    def get(self, name: str) -> Kernaanpak:
        """The kernaanpak called ``name`` (or one of its aliases)."""
        key = self.canonical(name)
        if key is None:
            raise KeyError(f"unknown kernaanpak {name!r}; known: {', '.join(self.kernaanpakken)}")
        return self.kernaanpakken[key]

    def canonical(self, text: str) -> str | None:
        """The kernaanpak a data value names (case-, accent- and punctuation-insensitive), else ``None``.

        Examples
        --------
        >>> KernaanpakProfiles.default().canonical("welzijn-op-recept"), KernaanpakProfiles.default().canonical("x")
        ('Welzijn op Recept', None)
        """
        return self._names.get(normalise(text))

    def declared(self, value: object) -> list[str]:
        """The kernaanpakken a ``;``-separated ``kernaanpakken`` value names, in file order (unknown ones dropped)."""
        found = {self.canonical(part) for part in str(value or "").split(";") if part.strip()}
        return [name for name in self.kernaanpakken if name in found]

    def members(self, name: str) -> frozenset[str]:
        """The role group keys of a role key or group name.

        Examples
        --------
        >>> sorted(KernaanpakProfiles.default().members("physician_or_nurse_specialist"))
        ['elderly_care_physician', 'nurse_specialist']
        >>> KernaanpakProfiles.default().members("district_nurse")
        frozenset({'district_nurse'})
        """
        if name in self.groups:
            return frozenset(self.groups[name].roles)
        if name in self.roles.roles:
            return frozenset({name})
        raise KeyError(f"unknown role or group {name!r}")

    def label(self, name: str, lang: str | None = None) -> str:
        """The name of a role or group in ``lang``.

        Examples
        --------
        >>> KernaanpakProfiles.default().label("municipality", "nl")
        'Gemeente (Wmo-consulent / sociaal team)'
        """
        if name in self.groups:
            return self.groups[name].label(lang)
        return self.roles.label(name, lang)


@functools.cache
def _default_profiles() -> KernaanpakProfiles:
    with (
        resources.files("wijknet").joinpath("data/kernaanpakken.yaml").open(encoding="utf-8") as fh
    ):
        return KernaanpakProfiles.from_dict(yaml.safe_load(fh))
