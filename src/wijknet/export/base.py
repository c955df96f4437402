"""What every export shares: choosing wijken and waves, and writing atomically.

:func:`select` checks the options before anything is written and names the
valid choices in Dutch (or English) when one is wrong; :func:`write_atomically`
lets a format writer fill a temporary folder inside the output folder and moves
the files into place only when all of them are complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.order import unique_slugs
from wijknet.io.files import remove_stale

TEXTS = {
    "unknown_format": {
        "nl": "'{value}' is geen bekend exportformaat; kies uit: {choices}",
        "en": "'{value}' is not a known export format; choose from: {choices}",
    },
    "unknown_wijk": {
        "nl": "wijk '{value}' komt niet voor in het project; kies uit: {choices}",
        "en": "wijk '{value}' is not in the project; choose from: {choices}",
    },
    "unknown_wave": {
        "nl": "meting '{value}' komt niet voor in het project; kies uit: {choices}",
        "en": "wave '{value}' is not in the project; choose from: {choices}",
    },
    "no_waves": {
        "nl": "het project heeft geen metingen; er is niets te exporteren",
        "en": "the project has no waves; there is nothing to export",
    },
    "cannot_write": {
        "nl": "kan niet schrijven in '{path}': {detail}",
        "en": "cannot write to '{path}': {detail}",
    },
    "out_is_file": {
        "nl": "'{path}' is een bestand; geef een map op voor de export",
        "en": "'{path}' is a file; give a folder for the export",
    },
}


@dataclass(frozen=True)
class Selection:
    """The wijken and waves to export, with safe file-name parts for each.

    Attributes
    ----------
    wijken, waves : list of str
        In the project's order.
    all_waves : list of str
        Every wave of the project (the time axis of GEXF and RSiena).
    wijk_slugs, wave_slugs : dict
        :func:`wijknet.core.order.slug` of every wijk and wave, unique.
    """

    wijken: list[str]
    waves: list[str]
    all_waves: list[str]
    wijk_slugs: dict[str, str]
    wave_slugs: dict[str, str]

    def stem(self, wijk: str, wave: str | None = None) -> str:
        """File-name stem ``<wijk>`` or ``<wijk>_<wave>``."""
        return (
            self.wijk_slugs[wijk]
            if wave is None
            else f"{self.wijk_slugs[wijk]}_{self.wave_slugs[wave]}"
        )


def select(project, wijk: str | None = None, wave: str | None = None) -> Selection:
    """Check ``wijk`` and ``wave`` against the project and return the selection.

    Raises
    ------
    DataError
        For an unknown wijk or wave, naming the valid choices.
    """
    wijken, waves = list(project.wijken), list(project.waves)
    problems = []
    if wijk is not None and wijk not in wijken:
        problems.append(
            Problem("--wijk", text(TEXTS, "unknown_wijk", value=wijk, choices=", ".join(wijken)))
        )
    if wave is not None and wave not in waves:
        problems.append(
            Problem("--wave", text(TEXTS, "unknown_wave", value=wave, choices=", ".join(waves)))
        )
    if not waves:
        problems.append(Problem("--wave", text(TEXTS, "no_waves")))
    if problems:
        raise DataError(problems)
    return Selection(
        wijken=[wijk] if wijk is not None else wijken,
        waves=[wave] if wave is not None else waves,
        all_waves=waves,
        wijk_slugs=unique_slugs(wijken, fallback="wijk"),
        wave_slugs=unique_slugs(waves, fallback="meting"),
    )


def domain_codes(project) -> dict[str, int]:
    """Integer code of every domain of the project, 1-based, in taxonomy order.

    The same codes are used in every file of an export (Pajek partitions,
    UCINET attributes, RSiena covariates).
    """
    return {d: i for i, d in enumerate(project.domains, start=1)}


#: Temporary folders of an export: ``.wijknet-export-<pid>-<random>`` inside the output folder.
TMP_PREFIX = ".wijknet-export-"


def write_atomically(out_dir: str | Path, fill: Callable[[Path], list[Path]]) -> list[Path]:
    """Let ``fill(tmp)`` write files into a temporary folder, then move them to ``out_dir``.

    ``fill`` returns the paths it wrote inside ``tmp``; they keep their
    relative place (subfolders included). If ``fill`` raises (or the
    process is stopped with Ctrl-C), nothing is moved, the temporary folder
    is removed and a folder that this call created is removed again; the
    folder of a process that was killed is removed by the next export into
    the same folder (:func:`remove_stale`); an ``OSError`` (disk full, no permission)
    becomes a :class:`DataError` about ``--out``.

    Returns
    -------
    list of Path
        The files in ``out_dir``, in the order ``fill`` returned them.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise DataError([Problem("--out", text(TEXTS, "out_is_file", path=out_dir))])
    created = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        remove_stale(out_dir, TMP_PREFIX)
        tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", dir=out_dir))
    except OSError as exc:
        raise DataError(
            [
                Problem(
                    "--out", text(TEXTS, "cannot_write", path=out_dir, detail=exc.strerror or exc)
                )
            ]
        ) from None
    try:
        relative = [Path(p).relative_to(tmp) for p in fill(tmp)]
        written = []
        for rel in relative:
            target = out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp / rel, target)
            written.append(target)
        return written
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if created and not any(out_dir.iterdir()):
            out_dir.rmdir()
        if isinstance(exc, OSError):
            raise DataError(
                [
                    Problem(
                        "--out",
                        text(TEXTS, "cannot_write", path=out_dir, detail=exc.strerror or exc),
                    )
                ]
            ) from exc
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
