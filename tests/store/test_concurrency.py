"""Two processes importing into one store at the same time: no corruption, no duplicates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ACTORS, TIES, write
from wijknet.store import connect, import_files, init_store

SCRIPT = """
import sys
from wijknet.store import import_files
report = import_files(sys.argv[1], sys.argv[2:])
print(",".join(f.status for f in report.files))
"""


def test_two_processes_importing_at_once(tmp_path):
    store = tmp_path / "store"
    init_store(store)
    import_files(store, [write(tmp_path, "actors.csv", ACTORS)])
    ties = write(tmp_path, "ties.csv", TIES)
    more = write(
        tmp_path, "more.csv", "wijk,wave,source,target\nNoord,2027,z2,w1\nNoord,2027,w1,i1\n"
    )
    # the same file twice and a different file, all at once
    commands = [[sys.executable, "-c", SCRIPT, str(store), str(f)] for f in (ties, ties, more)]
    procs = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    statuses = sorted(out.strip() for out, _ in results[:2])
    assert statuses == ["already", "imported"]
    conn = connect(store)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 3
        assert conn.execute("SELECT COUNT(*) FROM observations").fetchone()[0] == 7 + 2
        assert conn.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 3
    finally:
        conn.close()
    assert len(list((Path(store) / "raw").iterdir())) == 3
