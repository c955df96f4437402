"""Files on disk: the clean-up of temporary folders that a killed process left behind."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (never signals it: on Windows ``os.kill`` would end it)."""
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it runs, as someone else
        code = ctypes.c_ulong()
        try:
            return (
                bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259
            )  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)  # signal 0 on POSIX: only checks that the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # a process we may not signal: someone else's, leave its folder alone
    return True


def remove_stale(folder: Path, prefix: str) -> list[Path]:
    """Remove the temporary folders ``<prefix><pid>-*`` in ``folder`` whose process no longer runs.

    An export (or anonymised copy) that was killed cannot clean up after
    itself; its half-written files (with names) would stay behind in a hidden
    folder. The next run in the same place removes them. Folders of a
    process that still runs (an export at the same time) are left alone.

    Returns
    -------
    list of Path
        The folders removed.
    """
    removed = []
    for path in folder.glob(f"{prefix}*"):
        pid = path.name[len(prefix) :].split("-", 1)[0]
        if path.is_dir() and (not pid.isdigit() or not _alive(int(pid))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed
