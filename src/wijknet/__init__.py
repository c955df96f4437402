"""wijknet: collaboration networks in neighbourhoods (PlusWIJken, Zuid-Limburg).

``import wijknet`` is light: the names below are imported on first use
(PEP 562), so a command or a notebook that needs one of them does not pay
for pandas or networkx before it does.

>>> import wijknet
>>> wijknet.Taxonomy.default().label("zorg")
'Zorg'
"""

from importlib import import_module

from wijknet.core.version import __version__

_PUBLIC = {
    "AnalysisResult": "wijknet.analysis.standard",
    "analyse": "wijknet.analysis.standard",
    "DataError": "wijknet.core.errors",
    "Problem": "wijknet.core.errors",
    "Project": "wijknet.project",
    "Taxonomy": "wijknet.core.taxonomy",
    "build_graph": "wijknet.graph.build",
    "build_graphs": "wijknet.graph.build",
    "load_project": "wijknet.privacy.load",
}

__all__ = [*_PUBLIC, "__version__"]


def __getattr__(name: str):
    if name in _PUBLIC:
        value = getattr(import_module(_PUBLIC[name]), name)
        globals()[name] = value  # later look-ups skip this hook
        return value
    raise AttributeError(f"module 'wijknet' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
