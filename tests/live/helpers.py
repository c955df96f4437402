"""Fictional project stores for the live-session tests (role-based names only)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ACTORS, TIES, write
from wijknet.store import import_files, init_store

DOMAINS = ("zorg", "welzijn", "gemeente", "inwoners", "wonen")
ROLES = {
    "zorg": "Huisarts",
    "welzijn": "Welzijnscoach",
    "gemeente": "Wmo-consulent",
    "inwoners": "Sleutelfiguur",
    "wonen": "Woonconsulent",
}


def small_store(tmp_path: Path) -> Path:
    """The shared test actors and ties of ``tests.conftest`` (wijken Noord and Zuid, waves 2025-2026)."""
    store = tmp_path / "store"
    init_store(store)
    import_files(store, [write(tmp_path, "actors.csv", ACTORS), write(tmp_path, "ties.csv", TIES)])
    return store


def large_store(tmp_path: Path, n: int = 60) -> Path:
    """One wijk ``Oost`` with ``n`` fictional actors (``L00`` ...) and a few ties in wave 2025."""
    store = tmp_path / "large"
    init_store(store)
    lines = ["actor_id,wijk,domain,name,organisation,kind,consent"]
    for i in range(n):
        d = DOMAINS[i % len(DOMAINS)]
        lines.append(
            f"L{i:02d},Oost,{d},{ROLES[d]} {i} (fictief),Organisatie {d} (fictief),person,{'ja' if i % 3 else 'nee'}"
        )
    ties = ["wijk,wave,source,target,tie_type,weight,evidence"]
    ties += [
        f"Oost,2025,L{i:02d},L{(i + 1) % n:02d},samenwerking,2,enquête 2025" for i in range(0, n, 2)
    ]
    import_files(
        store,
        [
            write(tmp_path, "large_actors.csv", "\n".join(lines) + "\n"),
            write(tmp_path, "large_ties.csv", "\n".join(ties) + "\n"),
        ],
    )
    return store


def hidden(html: str, name: str) -> str:
    """The value of the hidden input ``name`` in a form."""
    match = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html)
    assert match, f"no hidden field {name}"
    return match.group(1)


def links_of(store: Path, code: str, participants=None) -> dict[str, str]:
    """Personal links (``/p/<token>``, path only) per actor id, newly issued."""
    from wijknet.live import issue_links

    return {actor: f"/p/{token}" for actor, token in issue_links(store, code, participants).items()}


def options(store: Path, code: str, link: str) -> dict[str, str]:
    """The option ids of a participant's form -> the partner's actor id (as the server maps them)."""
    from wijknet.live import link_holder

    return {
        opt: e.actor_id
        for opt, e in link_holder(store, code, link.rsplit("/", 1)[-1]).option_ids().items()
    }


def options_of_page(html: str) -> list[str]:
    """The option ids on a form page, in page order."""
    return re.findall(r'<select name="how-([0-9a-f]+)"', html)
