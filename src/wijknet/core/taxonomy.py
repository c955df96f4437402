"""Domain taxonomy: labels, colours and the leefwereld/systeemwereld split.

The default taxonomy (``data/domains.yaml``) follows the PlusWIJken field:
zorg, sociaal domein/welzijn, gemeente, wonen, leefbaarheid en veiligheid,
onderwijs, sport en cultuur, werk en inkomen and inwoners/informeel. A project
can replace it with its own YAML file of the same shape. Domain labels that
the taxonomy does not know are kept as they are and get a generated colour,
so data coded with another scheme still works.
"""

from __future__ import annotations

import colorsys
import hashlib
import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from wijknet.core.i18n import get_language

log = logging.getLogger(__name__)

WORLDS = ("leefwereld", "systeemwereld")


@dataclass(frozen=True)
class Domain:
    key: str
    nl: str
    en: str
    colour: str
    world: str | None = None
    aliases: tuple[str, ...] = ()
    known: bool = True

    def label(self, lang: str | None = None) -> str:
        """The domain's name in ``lang`` (default the active language).

        Examples
        --------
        >>> zorg = Taxonomy.default().get("zorg")
        >>> zorg.label("nl"), zorg.label("en"), zorg.world
        ('Zorg', 'Care', 'systeemwereld')
        """
        return self.en if (lang or get_language()) == "en" else self.nl


def generated_colour(label: str) -> str:
    """A stable, mid-saturation colour for a label the taxonomy does not know.

    The hue comes from the SHA-256 of the label, so a label has the same
    colour in every session, map and report.

    Examples
    --------
    >>> generated_colour("bibliotheek")
    '#335db1'
    >>> generated_colour("bibliotheek") == generated_colour("bibliotheek")
    True
    """
    digest = hashlib.sha256(label.encode("utf-8")).digest()
    hue = digest[0] / 255.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.45, 0.55)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


@dataclass
class Taxonomy:
    """An ordered set of domains with alias lookup.

    Examples
    --------
    >>> taxonomy = Taxonomy.from_dict({"domains": {
    ...     "zorg": {"nl": "Zorg", "en": "Care", "aliases": ["gezondheidszorg"]},
    ...     "inwoners": {"nl": "Inwoners", "world": "leefwereld"}}})
    >>> list(taxonomy.domains), taxonomy.canonical("Gezondheidszorg"), taxonomy.label("inwoners", "en")
    (['zorg', 'inwoners'], 'zorg', 'Inwoners')
    """

    domains: dict[str, Domain]
    _lookup: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._lookup = {}
        for d in self.domains.values():
            for name in (d.key, d.nl, d.en, *d.aliases):
                self._lookup[_norm(name)] = d.key

    @classmethod
    def default(cls) -> Taxonomy:
        with resources.files("wijknet").joinpath("data/domains.yaml").open(encoding="utf-8") as fh:
            return cls.from_dict(yaml.safe_load(fh))

    @classmethod
    def from_file(cls, path: str | Path) -> Taxonomy:
        with open(path, encoding="utf-8") as fh:
            return cls.from_dict(yaml.safe_load(fh))

    @classmethod
    def from_dict(cls, data: dict) -> Taxonomy:
        domains = {}
        for key, spec in (data.get("domains") or {}).items():
            spec = spec or {}
            world = spec.get("world")
            if world is not None and world not in WORLDS:
                raise ValueError(f"domain {key!r}: world must be one of {WORLDS}, not {world!r}")
            domains[str(key)] = Domain(
                key=str(key),
                nl=str(spec.get("nl", key)),
                en=str(spec.get("en", spec.get("nl", key))),
                colour=str(spec.get("colour") or generated_colour(str(key))),
                world=world,
                aliases=tuple(str(a) for a in spec.get("aliases", ()) or ()),
            )
        return cls(domains)

    def canonical(self, label: str) -> str:
        """Map a label or alias to its domain key; unknown labels come back unchanged.

        Examples
        --------
        >>> taxonomy = Taxonomy.default()
        >>> taxonomy.canonical("School"), taxonomy.canonical(" Sociaal domein "), taxonomy.canonical("Bieb")
        ('onderwijs', 'welzijn', 'Bieb')
        """
        return self._lookup.get(_norm(label), label.strip())

    def renamed(self, labels) -> dict[str, str]:
        """The labels that an alias maps to another key (``"school"`` -> ``"onderwijs"``), for a warning.

        A label that is the key itself or the domain's Dutch or English name
        (in any case or spacing) is not a rename.

        Examples
        --------
        >>> Taxonomy.default().renamed(["school", "Zorg", "onderwijs"])
        {'school': 'onderwijs'}
        """
        out = {}
        for label in labels:
            key = self._lookup.get(_norm(str(label)))
            if key is not None and _norm(str(label)) not in {
                _norm(n) for n in (key, self.domains[key].nl, self.domains[key].en)
            }:
                out[str(label)] = key
        return out

    def get(self, key: str) -> Domain:
        """The :class:`Domain` for ``key``; unknown keys get a generated entry.

        Examples
        --------
        >>> domain = Taxonomy.default().get("bibliotheek")
        >>> domain.label("nl"), domain.colour, domain.known
        ('bibliotheek', '#335db1', False)
        """
        if key in self.domains:
            return self.domains[key]
        return Domain(key=key, nl=key, en=key, colour=generated_colour(key), known=False)

    def colour(self, key: str) -> str:
        return self.get(key).colour

    def label(self, key: str, lang: str | None = None) -> str:
        return self.get(key).label(lang)

    def world(self, key: str) -> str | None:
        return self.get(key).world

    def order(self, keys) -> list[str]:
        """Sort domain keys: taxonomy order first, then unknown labels alphabetically.

        Examples
        --------
        >>> Taxonomy.default().order(["inwoners", "bieb", "zorg", "alpha"])
        ['zorg', 'inwoners', 'alpha', 'bieb']
        """
        known = [k for k in self.domains if k in set(keys)]
        unknown = sorted(set(keys) - set(self.domains))
        return known + unknown

    def unknown(self, keys) -> list[str]:
        """The keys the taxonomy does not know, sorted and without repeats.

        Examples
        --------
        >>> Taxonomy.default().unknown(["zorg", "bieb", "alpha", "bieb"])
        ['alpha', 'bieb']
        """
        return sorted({k for k in keys if k not in self.domains})


def _norm(label: str) -> str:
    return " ".join(str(label).strip().lower().replace("_", " ").split())
