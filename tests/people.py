"""A small fictional project about people: two wijken, consent, residents, ratings and quotes.

Fixtures ``people_files`` (a tidy folder) and ``people_store`` (the same as a project store), registered
for every test in ``tests/conftest.py``; used by the privacy, store and app tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write
from tests.store.helpers import run

ACTORS = (
    "actor_id,wijk,domain,name,role,organisation,kind,consent\n"
    "HP-1,Heidepark,zorg,Alfa Heidehuis,huisarts,Praktijk Heidezicht,person,ja\n"
    "HP-2,Heidepark,welzijn,Bravo Heideveld,welzijnscoach,Welzijn Heidepark,person,nee\n"
    "HP-3,Heidepark,inwoners,Charlie Heidebeek,mantelzorger,,person,ja\n"
    "HP-4,Heidepark,gemeente,Gemeente Heidestad,,,organisation,ja\n"
    "HP-5,Heidepark,zorg,Echo Heidedal,wijkverpleegkundige,Thuiszorg Heide,person,ja\n"
    "HP-6,Heidepark,zorg,Foxtrot Heidepad,praktijkondersteuner,Praktijk Heidezicht,person,ja\n"
    "HP-7,Heidepark,welzijn,Golf Heidelaan,opbouwwerker,Welzijn Heidepark,person,ja\n"
    "BD-1,Beekdal,zorg,Delta Beekhof,huisarts,Praktijk Beekzicht,person,ja\n"
    "BD-2,Beekdal,welzijn,Hotel Beekveld,buurtcoach,Welzijn Beekdal,person,ja\n"
    "BD-3,Beekdal,inwoners,India Beekstraat,vrijwilliger,,person,ja\n"
)
TIES = (
    "wijk,wave,source,target,tie_type,weight,evidence,trust_reliability\n"
    "Heidepark,2025,HP-1,HP-2,samenwerking,3,enquête,4\n"
    "Heidepark,2025,HP-2,HP-1,samenwerking,2,enquête,1\n"
    "Heidepark,2025,HP-1,HP-3,verwijzing,2,enquête,3\n"
    "Heidepark,2025,HP-4,HP-2,samenwerking,1,enquête,2\n"
    "Heidepark,2025,HP-5,HP-1,samenwerking,3,enquête,4\n"
    "Heidepark,2025,HP-6,HP-1,samenwerking,4,enquête,4\n"
    "Heidepark,2025,HP-7,HP-2,samenwerking,2,enquête,3\n"
    "Heidepark,2026,HP-1,HP-2,samenwerking,4,enquête,4\n"
    "Heidepark,2026,HP-3,HP-4,samenwerking,1,enquête,2\n"
    "Heidepark,2026,HP-5,HP-6,samenwerking,3,enquête,3\n"
    "Heidepark,2026,HP-7,HP-1,verwijzing,2,enquête,3\n"
    "Beekdal,2025,BD-1,BD-2,samenwerking,3,enquête,1\n"
    "Beekdal,2026,BD-2,BD-3,samenwerking,2,enquête,2\n"
    "Beekdal,2026,BD-1,BD-2,samenwerking,3,enquête,4\n"
)
RESPONSES = (
    "wijk,wave,actor_id,kpi3\n"
    "Heidepark,2025,HP-1,4\nHeidepark,2025,HP-2,2\nHeidepark,2025,HP-5,5\nHeidepark,2025,HP-6,4\nHeidepark,2025,HP-7,3\n"
    "Heidepark,2026,HP-1,5\nHeidepark,2026,HP-3,4\nHeidepark,2026,HP-5,4\nHeidepark,2026,HP-7,2\nHeidepark,2026,HP-6,5\n"
    "Beekdal,2025,BD-1,4\nBeekdal,2026,BD-2,3\n"
)
QUOTES = (
    "wijk,wave,source,target,tie_type,evidence_kind,quote,segment_id\n"
    "Heidepark,2026,HP-1,HP-2,samenwerking,interview,Ik bel Bravo Heideveld elke week over zorgen,G1-3\n"
)
#: Strings that identify persons; which audience may see which is what the tests check.
HEIDEPARK_PERSONS = {
    "consenting professional": "Alfa Heidehuis",
    "non-consenting": "Bravo Heideveld",
    "resident": "Charlie Heidebeek",
}
BEEKDAL = (
    "Beekdal",
    "Delta Beekhof",
    "Hotel Beekveld",
    "India Beekstraat",
    "BD-1",
    "BD-2",
    "BD-3",
    "Beekzicht",
)


@pytest.fixture
def people_files(tmp_path: Path) -> Path:
    folder = tmp_path / "tidy"
    folder.mkdir()
    write(folder, "actors.csv", ACTORS)
    write(folder, "ties.csv", TIES)
    write(folder, "responses.csv", RESPONSES)
    return folder


@pytest.fixture
def people_store(tmp_path: Path, people_files: Path) -> Path:
    folder = tmp_path / "store"
    assert run("init", folder).exit_code == 0
    quotes = write(tmp_path, "gesprekken.csv", QUOTES)
    result = run(
        "import",
        folder,
        people_files / "actors.csv",
        people_files / "ties.csv",
        people_files / "responses.csv",
        quotes,
    )
    assert result.exit_code == 0, result.output
    return folder
