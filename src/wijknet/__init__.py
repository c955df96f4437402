"""wijknet: collaboration networks in neighbourhoods (PlusWIJken, Zuid-Limburg)."""

from importlib.metadata import PackageNotFoundError, version

from wijknet.analysis import AnalysisResult, analyse
from wijknet.errors import DataError, Problem
from wijknet.graph import build_graph, build_graphs
from wijknet.project import Project, load_project
from wijknet.taxonomy import Taxonomy

try:
    __version__ = version("wijknet")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "AnalysisResult",
    "analyse",
    "DataError",
    "Problem",
    "Project",
    "Taxonomy",
    "build_graph",
    "build_graphs",
    "load_project",
    "__version__",
]
