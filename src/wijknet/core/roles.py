r"""Role groups under the domains: which role an actor has, and its domain, world and layer.

The domain taxonomy (:mod:`wijknet.core.taxonomy`) puts a GP, a district
nurse, a GGZ team and an elderly-care physician all in ``zorg``, so
collaboration *within* care cannot be seen. The role catalogue adds one
level below: about thirty role groups from the PlusWIJken field (GP, POH-GGZ,
POH-ouderen, POH-somatiek, district nursing and home care, elderly-care
physician, nurse specialist, dementia case manager, GGZ, pharmacy,
physiotherapy, welfare coach, social work, community and youth work, support
for informal carers, adviser for older people, Wmo consultant and social
team, debt counselling, work and income, housing corporation, community
police and enforcement, school, sport, culture, residents' initiative, key
figure, volunteer, informal carer, expert by experience). Each role has an
English key, a Dutch and an English label, its domain (a key of the
taxonomy), its world (``leefwereld`` or ``systeemwereld``) and its layer in
the programme's layer model (personal social base, communal social base,
organised activities and services, other organisations, local and regional
structures, national system parties).

The defaults are in ``data/roles.yaml``; a project can use its own file of
the same shape (:meth:`RoleCatalogue.from_file`). Free-text ``role`` values
are mapped with :meth:`RoleCatalogue.map`:

1. the text is normalised: accents dropped, lower case, every character that
   is not a letter or digit becomes a space, runs of spaces become one
   (``"Praktijkondersteuner (POH-GGZ)"`` -> ``"praktijkondersteuner poh ggz"``);
2. an exact match with a role's key, labels or ``synonyms`` wins;
3. otherwise the role's ``patterns`` (regular expressions) are searched in the
   normalised text, and the role with the longest match wins (the first in
   the catalogue on a tie), so ``"mantelzorgconsulent"`` is support for
   carers, not a carer;
4. otherwise the text is unmapped (``None``): :meth:`RoleCatalogue.unmapped`
   lists such texts once, for one warning. Ambiguous texts such as a bare
   ``"POH"`` are left unmapped on purpose.

Importing this module loads neither pandas nor networkx.

Examples
--------
>>> roles = RoleCatalogue.default()
>>> roles.map("Huisarts"), roles.map("HA"), roles.map("Praktijkondersteuner GGZ")
('general_practitioner', 'general_practitioner', 'poh_mental_health')
>>> role = roles.get("dementia_case_manager")
>>> role.label("nl"), role.domain, role.world, role.layer
('Casemanager dementie', 'zorg', 'systeemwereld', 'other_organisations')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from wijknet.core.i18n import get_language
from wijknet.core.order import natural_key
from wijknet.core.taxonomy import WORLDS, Taxonomy

#: The layer keys of the programme's layer model, from the lived world to the system world.
LAYERS = (
    "personal_social_base",
    "communal_social_base",
    "organised_activities",
    "other_organisations",
    "local_regional_structures",
    "national_parties",
)


def normalise(text: object) -> str:
    """A role text as the catalogue compares it: no accents, lower case, letters and digits only.

    Examples
    --------
    >>> normalise("  Praktijkondersteuner (POH-GGZ) "), normalise("Buurtcomité"), normalise(None)
    ('praktijkondersteuner poh ggz', 'buurtcomite', '')
    """
    if text is None:
        return ""
    return _normalise_text(str(text))


@functools.lru_cache(maxsize=65536)
def _normalise_text(text: str) -> str:
    # Loading a region normalises the same few hundred role and layer texts for every actor row.
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", s).split())


@dataclass(frozen=True)
class Layer:
    """One layer of the layer model.

    Examples
    --------
    >>> layer = RoleCatalogue.default().layers["communal_social_base"]
    >>> layer.label("en"), layer.world
    ('Communal social base', 'leefwereld')
    """

    key: str
    nl: str
    en: str
    world: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str | None = None) -> str:
        """The layer's name in ``lang`` (default the active language)."""
        return self.en if (lang or get_language()) == "en" else self.nl


@dataclass(frozen=True)
class Role:
    """One role group: key, labels, domain, world, layer and what it is called in data.

    Examples
    --------
    >>> role = RoleCatalogue.default().get("welfare_coach")
    >>> role.label("nl"), role.label("en"), role.domain, role.layer
    ('Welzijnscoach', 'Welfare coach', 'welzijn', 'organised_activities')
    """

    key: str
    nl: str
    en: str
    domain: str
    world: str
    layer: str
    synonyms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def label(self, lang: str | None = None) -> str:
        """The role's name in ``lang`` (default the active language)."""
        return self.en if (lang or get_language()) == "en" else self.nl


@dataclass
class RoleCatalogue:
    """An ordered set of role groups with their layers and the mapping of free-text roles.

    Build it with :meth:`default` (the package's ``data/roles.yaml``),
    :meth:`from_file` or :meth:`from_dict`; every role's domain is checked
    against a :class:`~wijknet.core.taxonomy.Taxonomy` (default the package's),
    its world against ``leefwereld``/``systeemwereld`` (the domain's world
    when the role names none) and its layer against the catalogue's layers.
    A synonym that two roles share is an error.

    Examples
    --------
    >>> catalogue = RoleCatalogue.from_dict({
    ...     "layers": {"org": {"nl": "Voorzieningen", "en": "Services", "world": "systeemwereld"}},
    ...     "roles": {"gp": {"nl": "Huisarts", "en": "GP", "domain": "zorg",
    ...                      "world": "systeemwereld", "layer": "org",
    ...                      "synonyms": ["HA"], "patterns": ["huisarts"]}}})
    >>> catalogue.map("ha"), catalogue.map("Huisartsenpraktijk Noord"), catalogue.map("tandarts")
    ('gp', 'gp', None)
    """

    roles: dict[str, Role]
    layers: dict[str, Layer]
    _exact: dict[str, str] = field(init=False, repr=False)
    _patterns: list[tuple[str, re.Pattern]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._exact = {}
        self._patterns = []
        for role in self.roles.values():
            for name in dict.fromkeys(
                normalise(n) for n in (role.key, role.nl, role.en, *role.synonyms)
            ):
                if not name:
                    continue
                other = self._exact.get(name)
                if other is not None and other != role.key:
                    raise ValueError(
                        f"role text {name!r} is listed for both {other!r} and {role.key!r}"
                    )
                self._exact[name] = role.key
            for pattern in role.patterns:
                try:
                    self._patterns.append((role.key, re.compile(pattern)))
                except re.error as err:
                    raise ValueError(
                        f"role {role.key!r}: invalid pattern {pattern!r}: {err}"
                    ) from None

    @classmethod
    def default(cls) -> RoleCatalogue:
        """The package's role catalogue (``data/roles.yaml``), read once per process."""
        return _default_catalogue()

    @classmethod
    def _read_default(cls) -> RoleCatalogue:
        with resources.files("wijknet").joinpath("data/roles.yaml").open(encoding="utf-8") as fh:
            return cls.from_dict(yaml.safe_load(fh))

    @classmethod
    def from_file(cls, path: str | Path, taxonomy: Taxonomy | None = None) -> RoleCatalogue:
        """A catalogue from a YAML file shaped like ``data/roles.yaml``."""
        with open(path, encoding="utf-8") as fh:
            return cls.from_dict(yaml.safe_load(fh) or {}, taxonomy)

    @classmethod
    def from_dict(cls, data: dict, taxonomy: Taxonomy | None = None) -> RoleCatalogue:
        """A catalogue from a mapping with ``layers`` and ``roles`` (see ``data/roles.yaml``).

        Raises
        ------
        ValueError
            When a role names a domain the taxonomy does not know, a world other
            than ``leefwereld``/``systeemwereld``, a layer that is not listed,
            or an invalid pattern.

        Examples
        --------
        >>> RoleCatalogue.from_dict({"layers": {}, "roles": {"x": {"domain": "bieb"}}})
        Traceback (most recent call last):
        ...
        ValueError: role 'x': domain 'bieb' is not in the taxonomy (zorg, welzijn, gemeente, wonen, veiligheid, onderwijs, sport_cultuur, werk_inkomen, inwoners)
        """
        taxonomy = taxonomy or Taxonomy.default()
        layers = {}
        for key, spec in (data.get("layers") or {}).items():
            spec = spec or {}
            world = spec.get("world")
            if world not in WORLDS:
                raise ValueError(f"layer {key!r}: world must be one of {WORLDS}, not {world!r}")
            layers[str(key)] = Layer(
                key=str(key),
                nl=str(spec.get("nl", key)),
                en=str(spec.get("en", spec.get("nl", key))),
                world=world,
                aliases=tuple(str(a) for a in spec.get("aliases", ()) or ()),
            )
        roles = {}
        for key, spec in (data.get("roles") or {}).items():
            spec = spec or {}
            key = str(key)
            domain = spec.get("domain")
            if domain not in taxonomy.domains:
                known = ", ".join(taxonomy.domains)
                raise ValueError(
                    f"role {key!r}: domain {domain!r} is not in the taxonomy ({known})"
                )
            world = spec.get("world", taxonomy.world(domain))
            if world not in WORLDS:
                raise ValueError(f"role {key!r}: world must be one of {WORLDS}, not {world!r}")
            layer = spec.get("layer")
            if layer not in layers:
                raise ValueError(
                    f"role {key!r}: layer {layer!r} is not one of the layers ({', '.join(layers)})"
                )
            roles[key] = Role(
                key=key,
                nl=str(spec.get("nl", key)),
                en=str(spec.get("en", spec.get("nl", key))),
                domain=str(domain),
                world=str(world),
                layer=str(layer),
                synonyms=tuple(str(s) for s in spec.get("synonyms", ()) or ()),
                patterns=tuple(str(p) for p in spec.get("patterns", ()) or ()),
            )
        return cls(roles, layers)

    def map(self, role_text: object) -> str | None:
        """The role key for a free-text role, or ``None`` when no role fits (or the text is empty).

        Exact matches (key, labels, synonyms) first, then the longest pattern
        match; case, accents and punctuation do not matter.

        Examples
        --------
        >>> roles = RoleCatalogue.default()
        >>> [roles.map(t) for t in ["Wijkverpleegkundige", "POH-ouderen", "mantelzorgconsulent",
        ...                         "Mantelzorger", "Wmo-consulent gemeente Kerkrade", "POH", ""]]
        ['district_nurse', 'poh_elderly', 'carer_support', 'informal_carer', 'social_team', None, None]
        """
        text = normalise(role_text)
        if not text or text == "nan":
            return None
        exact = self._exact.get(text)
        if exact is not None:
            return exact
        best, length = None, 0
        for key, pattern in self._patterns:
            match = pattern.search(text)
            if match is not None and len(match.group(0)) > length:
                best, length = key, len(match.group(0))
        return best

    def mapping(self, values: Iterable) -> dict[str, str | None]:
        """Each distinct non-empty text of ``values`` with its role key (``None`` when unmapped).

        Examples
        --------
        >>> RoleCatalogue.default().mapping(["huisarts", "Huisarts", "bakker"])
        {'huisarts': 'general_practitioner', 'Huisarts': 'general_practitioner', 'bakker': None}
        """
        out = {}
        for value in values:
            if value is None or not normalise(value) or normalise(value) == "nan":
                continue
            out.setdefault(str(value), self.map(value))
        return out

    def unmapped(self, values: Iterable) -> list[str]:
        """The texts of ``values`` that map to no role, sorted naturally and without repeats, for one warning.

        Empty values are not listed.

        Examples
        --------
        >>> RoleCatalogue.default().unmapped(["huisarts", "wijkregisseur", "", None, "bakker", "bakker"])
        ['bakker', 'wijkregisseur']
        """
        return sorted(
            (text for text, key in self.mapping(values).items() if key is None),
            key=lambda text: (natural_key(text), text),
        )

    def get(self, key: str) -> Role:
        """The :class:`Role` for ``key`` (a ``KeyError`` naming the known keys otherwise)."""
        try:
            return self.roles[key]
        except KeyError:
            raise KeyError(f"unknown role {key!r}; known: {', '.join(self.roles)}") from None

    def label(self, key: str, lang: str | None = None) -> str:
        """The role's name in ``lang``.

        Examples
        --------
        >>> RoleCatalogue.default().label("poh_mental_health", "en")
        'Practice nurse mental health (POH-GGZ)'
        """
        return self.get(key).label(lang)

    def domain(self, key: str) -> str:
        return self.get(key).domain

    def world(self, key: str) -> str:
        return self.get(key).world

    def layer(self, key: str) -> str:
        return self.get(key).layer

    def canonical_layer(self, label: str) -> str | None:
        """The layer key for a layer key, label or alias (``None`` when unknown).

        Examples
        --------
        >>> roles = RoleCatalogue.default()
        >>> roles.canonical_layer("collectieve sociale basis"), roles.canonical_layer("Andere organisaties")
        ('communal_social_base', 'other_organisations')
        """
        text = normalise(label)
        for layer in self.layers.values():
            if text in {normalise(n) for n in (layer.key, layer.nl, layer.en, *layer.aliases)}:
                return layer.key
        return None


@functools.cache
def _default_catalogue() -> RoleCatalogue:
    # Every ProjectConfig() asks for the default; parsing the YAML and compiling the patterns once is enough.
    return RoleCatalogue._read_default()
