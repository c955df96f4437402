"""The server entry point imports the app's modules before the first visit (wijknet.webapp.serve)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from wijknet.webapp import ENTRY_SCRIPT, streamlit_command

VIEWS = Path(ENTRY_SCRIPT).parent / "views"


def top_level_imports(path: Path) -> set[str]:
    """Modules a script imports at its top (imports inside functions load on demand)."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module != "__future__":
            found.add(node.module)
    return found


def test_after_preload_every_page_import_is_loaded():
    """The entry script's and every page's top-level imports are in sys.modules after preload()."""
    scripts = [Path(ENTRY_SCRIPT), *sorted(VIEWS.glob("*.py"))]
    wanted = sorted(set().union(*(top_level_imports(s) for s in scripts)))
    code = (
        "import sys; from wijknet.webapp import serve; serve.preload(); "
        f"print('missing', [m for m in {wanted!r} if m not in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "missing []" in done.stdout, f"add to wijknet.webapp.serve.PRELOAD: {done.stdout}"
    # the app's cached functions are declared before the runtime exists: no warning for each
    assert "No runtime found" not in done.stderr


def test_the_command_runs_streamlit_through_the_preloading_entry_point():
    command = streamlit_command(8599, headless=True)
    assert command[1:5] == ["-m", "wijknet.webapp.serve", "run", str(ENTRY_SCRIPT)]
    # the entry point passes the arguments on to Streamlit's own command line
    done = subprocess.run([sys.executable, "-m", "wijknet.webapp.serve", "--version"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert "Streamlit" in done.stdout
