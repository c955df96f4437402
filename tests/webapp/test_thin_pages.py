"""The app's pages, ``state.py`` and the CLI commands only read their input, call the library and render.

A static check of the source: no table operations (group, merge, pivot, apply,
aggregate, sort, rank) and no boolean-mask filtering of frames. What a page
needs that the library lacks belongs in the library, with a test of its own.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import wijknet.webapp

WEBAPP = Path(wijknet.webapp.__file__).parent
CLI = WEBAPP.parent / "cli"
MODULES = sorted((WEBAPP / "views").glob("*.py")) + [WEBAPP / "state.py"] + sorted(CLI.glob("*.py"))
#: Subscripts that are type annotations (``Annotated[list[str] | None, ...]``), not frames.
TYPE_NAMES = {"Annotated", "list", "dict", "tuple", "set", "type", "Optional", "Union"}
FORBIDDEN_CALLS = re.compile(r"\.(groupby|merge|pivot\w*|apply|agg|aggregate|sort_values|rank)\(")
FORBIDDEN_IMPORTS = {"numpy", "networkx", "scipy", "sklearn", "statsmodels"}


def _mask_subscripts(tree: ast.AST) -> list[int]:
    """Lines with ``frame[<comparison>]``, ``frame[~...]``, ``frame[a & b]`` or ``frame.loc[<mask>, ...]``."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Subscript):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in TYPE_NAMES:
            continue
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        for part in parts:
            mask = (
                isinstance(part, ast.Compare)
                or (isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Invert))
                or (
                    isinstance(part, ast.BinOp)
                    and isinstance(part.op, ast.BitAnd | ast.BitOr)
                    # masks combine comparisons; ``tuple[Project | None]`` combines names (a type)
                    and not all(
                        isinstance(side, ast.Name | ast.Constant | ast.Attribute)
                        for side in (part.left, part.right)
                    )
                )
                or (
                    isinstance(part, ast.Call)
                    and isinstance(part.func, ast.Attribute)
                    and part.func.attr in {"isin", "notna", "isna", "between", "str"}
                )
                or (
                    isinstance(part, ast.Subscript)  # frame[frame["flag"]]
                    and isinstance(node.value, ast.Name | ast.Attribute)
                    and ast.unparse(part.value) == ast.unparse(node.value).removesuffix(".loc")
                )
            )
            if mask:
                lines.append(node.lineno)
    return lines


def problems(source: str) -> list[str]:
    """What makes ``source`` compute instead of render (empty: a thin shell)."""
    tree = ast.parse(source)
    found = [
        f"line {n}: {m.group(0)}"
        for n, line in enumerate(source.splitlines(), 1)
        for m in FORBIDDEN_CALLS.finditer(line)
    ]
    found += [f"line {n}: boolean-mask filtering" for n in _mask_subscripts(tree)]
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [
            f"line {node.lineno}: import {n}" for n in names if n.split(".")[0] in FORBIDDEN_IMPORTS
        ]
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_page_computes_nothing(path):
    assert problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "t = t.groupby('wijk').size()",
        "x = a.merge(b, on='actor_id')",
        "p = t.pivot_table(index='a')",
        "v = t['a'].apply(str)",
        "s = t.sort_values('rank')",
        "r = t['x'].rank()",
        "m = t.agg('sum')",
        "rows = t[t['wijk'] == w]",
        "rows = t[~t['pooled']]",
        "rows = t[(t.a == 1) & (t.b == 2)]",
        "rows = t[t['wijk'].isin(ws)]",
        "names = t.loc[t['outside_team'], 'name']",
        "rows = t[t['flag']]",
        "import networkx as nx",
        "from numpy import nan",
    ],
)
def test_check_finds_computation(source):
    assert problems(source)


@pytest.mark.parametrize(
    "source",
    [
        "x = labels[row['status']]",
        "y = table['share'].astype(float)",
        "z = bands[w][0]",
        "html = state.map_html(folder, sig)",
        "styled = view.style.map(colour, subset=[c])",
        "def f() -> tuple[str, Project | None]: ...",
    ],
)
def test_check_leaves_rendering_alone(source):
    assert problems(source) == []
