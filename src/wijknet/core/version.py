"""The installed version of wijknet, written into exports, reports and the audit log."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wijknet")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"
