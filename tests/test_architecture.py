"""The habits of the package: layers, no import cycles, a light ``import wijknet``, ruff clean, documented folders.

Each test reads the source tree of this checkout (``src/wijknet``), not an
installed copy: subprocesses get ``PYTHONPATH=<checkout>/src`` first.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "wijknet"

LAYERS = "Layers, top to bottom"
PAGES = "Pages compute nothing"
HEAVY = ("pandera", "streamlit", "pandas")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _tool(name: str) -> str | None:
    """A console script of the running interpreter's environment, else one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


# --- (a) import-linter contracts ------------------------------------------------------------


@pytest.fixture(scope="module")
def contracts() -> dict[str, str]:
    """``contract name -> "KEPT" | "BROKEN"`` from one ``lint-imports`` run, plus its full output."""
    lint = _tool("lint-imports")
    if lint is None:
        pytest.skip(
            "lint-imports is not installed (pip install -e '.[test]' installs import-linter)"
        )
    run = subprocess.run(
        [lint, "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = run.stdout + run.stderr
    found = dict(re.findall(r"^(.+?) (KEPT|BROKEN)$", output, flags=re.M))
    found["__output__"] = output
    return found


def test_every_contract_in_pyproject_was_checked(contracts):
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [c["name"] for c in config["tool"]["importlinter"]["contracts"]]
    assert LAYERS in names and PAGES in names
    assert set(names) <= set(contracts), contracts["__output__"]


def test_layers_contract_is_kept(contracts):
    assert contracts.get(LAYERS) == "KEPT", contracts["__output__"]


def test_pages_compute_nothing_contract_is_kept(contracts):
    # Pages and webapp/state.py import no numpy, networkx, scipy, sklearn or statsmodels.
    assert contracts.get(PAGES) == "KEPT", contracts["__output__"]


# --- (b) no import cycles -------------------------------------------------------------------

CYCLES = """
import json, sys
import grimp
sys.setrecursionlimit(10000)
g = grimp.build_graph("wijknet", include_external_packages=False, exclude_type_checking_imports=True)
# Tarjan's strongly connected components over module -> directly imported module.
index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in g.find_modules_directly_imported_by(v):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop(); on.discard(w); component.append(w)
            if w == v:
                break
        if len(component) > 1:
            out.append(sorted(component))
for m in sorted(g.modules):
    if m not in index:
        visit(m)
print(json.dumps(sorted(out)))
"""


def test_no_import_cycle_among_wijknet_modules():
    pytest.importorskip("grimp")
    run = subprocess.run(
        [sys.executable, "-c", CYCLES],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    cycles = json.loads(run.stdout)
    assert cycles == [], (
        "modules importing each other (TYPE_CHECKING imports excluded):\n"
        + "\n".join(" <-> ".join(c) for c in cycles)
    )


# --- (c) a light import wijknet -------------------------------------------------------------

PROBE = """
import json, sys
import wijknet
print(json.dumps({"file": wijknet.__file__,
                  "loaded": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def _probe() -> dict:
    run = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=_env(), capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_import_wijknet_is_light():
    # What is loaded, not how long it takes: a timing would depend on the machine's load.
    run = _probe()
    assert Path(run["file"]).resolve().is_relative_to(PACKAGE.resolve())
    for heavy in HEAVY:
        assert heavy not in run["loaded"], f"import wijknet loads {heavy}"


def test_validating_and_matching_load_neither_pandera_nor_scikit_learn():
    # Both were replaced (docs/architecture.md, "Dependencies that earn their place").
    probe = (
        "import sys, pandas as pd\n"
        "from wijknet.io.tidy import validate_actors\n"
        "from wijknet.resolve.matching import match_names\n"
        "a = validate_actors(pd.DataFrame({'actor_id': ['a1'], 'wijk': ['W'], 'domain': ['zorg']}))\n"
        "match_names(['Huisarts'], a)\n"
        "print(sorted({'pandera', 'sklearn'} & {m.split('.')[0] for m in sys.modules}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=_env(), capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


# --- (d) ruff -------------------------------------------------------------------------------

RUFF_PATHS = ["src", "tests", "benchmarks", "app.py", "conftest.py"]


def _ruff() -> str:
    ruff = _tool("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]' installs it)")
    return ruff


def test_ruff_check_is_clean():
    run = subprocess.run(
        [_ruff(), "check", "--no-cache", "--output-format", "concise", *RUFF_PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format_is_clean():
    run = subprocess.run(
        [_ruff(), "format", "--check", "--no-cache", *RUFF_PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


# --- (e) every folder says what it holds ----------------------------------------------------


def _subpackages() -> list[Path]:
    return sorted(p.parent for p in PACKAGE.rglob("__init__.py") if "__pycache__" not in p.parts)


def test_subpackages_are_found():
    names = {p.relative_to(PACKAGE).as_posix() for p in _subpackages()}
    assert {".", "core", "io", "graph", "metrics", "webapp"} <= names


@pytest.mark.parametrize(
    "folder", _subpackages(), ids=lambda p: p.relative_to(SRC).as_posix().replace("/", ".")
)
def test_every_subpackage_has_a_docstring_saying_what_it_holds(folder):
    init = folder / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert docstring, f"{init.relative_to(ROOT)} has no module docstring"
    summary = docstring.strip().splitlines()[0]
    # A sentence, not a label: at least five words saying what the folder holds.
    assert len(summary.split()) >= 5, f"{init.relative_to(ROOT)}: {summary!r} is too short"


# --- doctests: collecting the package runs no page and starts no server --------------------

COLLECT = """
import json, socket, sys, threading
import pytest
bound = []
bind = socket.socket.bind
def spy(self, address):
    bound.append(repr(address))
    return bind(self, address)
socket.socket.bind = spy
code = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "src/wijknet"])
print(json.dumps({"code": int(code), "bound": bound,
                  "threads": [t.name for t in threading.enumerate() if t is not threading.main_thread()],
                  "pages": sorted(m for m in sys.modules
                                  if m.startswith(("wijknet.webapp.views", "wijknet.webapp.streamlit_app"))),
                  "browser": "playwright" in sys.modules}))
"""


def test_collecting_doctests_runs_no_page_and_starts_no_server():
    run = subprocess.run(
        [sys.executable, "-c", COLLECT],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["code"] == 0, run.stdout[-3000:]
    assert found == {"code": 0, "bound": [], "threads": [], "pages": [], "browser": False}
    assert "::" in run.stdout  # the doctests were found
