"""Wave arrays for longitudinal models in RSiena (stochastic actor-oriented models).

Per wijk a folder ``<wijk>/`` with:

``wave_1.csv`` ... ``wave_M.csv``
    One n x n adjacency matrix per wave over **all** actors of the wijk (the
    union over the waves, in the order of ``actors.csv``), first row and
    column the ``actor_id``s. Codes: ``1`` tie, ``0`` no tie (ties are
    binary: any observed tie counts, whatever its weight), ``10`` a
    *structural zero*: a dyad with an actor who does not take part in that
    wave (``first_wave``/``last_wave``), and ``NA`` a missing value: the
    outgoing ties of an actor who takes part but did not respond, only when
    asked for (``nonresponse="missing"`` and a ``responses`` table). The
    diagonal is 0.
``composition.txt``
    RSiena's composition-change file (``sienaCompositionChangeFromFile``):
    one line per actor, in the same order, with the times the actor enters
    and leaves on RSiena's time scale (wave k is time k). The data say only
    in which wave an actor is first and last seen, so an entry between waves
    k-1 and k is put halfway, at k - 0.5, and a departure between waves k
    and k+1 at k + 0.5; actors present throughout have ``1 M``.
``actors.csv``
    ``actor_id``, ``domain``, ``domain_code`` (integer, see
    ``domains.csv``), ``pluswijkteam`` (0/1: in the first wave the actor
    takes part in, per-wave values of ``actor_waves`` included),
    ``first_wave``, ``last_wave``: constant covariates for ``coCovar``.
``domains.csv``, ``waves.csv``
    The domain codes and the wave order (k, label).
``waves.npz``
    The same arrays for Python: ``adjacency`` (M x n x n, NaN for missing),
    ``actor_ids``, ``waves``.
``load_in_rsiena.R``
    Reads the folder into ``sienaDependent(array(...))``, the covariates and
    ``sienaCompositionChange`` and creates the ``sienaDataCreate`` object.

The R script offers RSiena's two treatments of composition change (manual,
section "Composition change"): by default the method of joiners and leavers
(Huisman & Snijders 2003), for which the structural zeros of absent actors
are turned into ``NA`` and the composition file is used; or, with
``method <- "structural"``, the codes 10 as they are (structural zeros),
which also works for maximum-likelihood estimation.

References
----------
Huisman, M. & Snijders, T.A.B. (2003). Statistical analysis of longitudinal
network data with changing composition. *Sociological Methods & Research*
32(2), 253-287.
Ripley, R.M., Snijders, T.A.B., Boda, Z., Vörös, A. & Preciado, P. Manual for
RSiena. University of Oxford / University of Groningen.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.export.base import Selection, domain_codes
from wijknet.export.sanitise import export_id, guard_csv
from wijknet.graph.build import build_graph

STRUCTURAL_ZERO = 10
TEXTS = {
    "two_waves": {
        "nl": "RSiena heeft minstens twee metingen nodig; het project heeft: {waves}. Laat --wave weg.",
        "en": "RSiena needs at least two waves; the project has: {waves}. Leave out --wave.",
    },
    "nonresponse": {
        "nl": "onbekende keuze '{value}' voor non-respons; kies uit: keep, missing",
        "en": "unknown choice '{value}' for non-response; choose from: keep, missing",
    },
}


@dataclass
class SienaData:
    """The RSiena arrays of one wijk.

    Attributes
    ----------
    actor_ids : list of str
        All actors of the wijk who take part in at least one wave.
    waves : list of str
    adjacency : numpy.ndarray
        Shape (M, n, n), float: 0, 1, 10 (structural zero) or NaN (missing).
    present : numpy.ndarray
        Shape (M, n), bool: the actor takes part in the wave.
    composition : list of tuple of float
        Per actor the (enter, leave) times on RSiena's scale 1..M.
    domain, domain_code, pluswijkteam, first_wave, last_wave : list
        Per actor, for ``actors.csv``.
    """

    actor_ids: list[str]
    waves: list[str]
    adjacency: np.ndarray
    present: np.ndarray
    composition: list[tuple[float, float]]
    domain: list[str]
    domain_code: list[int]
    pluswijkteam: list[int]
    first_wave: list[str]
    last_wave: list[str]


def composition_times(present: np.ndarray) -> list[tuple[float, float]]:
    """(enter, leave) times of every actor from the (M, n) presence matrix.

    Wave k (1-based) is time k. An actor first present in wave k > 1 enters
    at k - 0.5, an actor last present in wave k < M leaves at k + 0.5 (the
    change happened at an unknown moment between the two waves). Presence is
    one unbroken run of waves (``first_wave`` .. ``last_wave``).
    """
    M = present.shape[0]
    times = []
    for column in present.T:
        waves = np.flatnonzero(column) + 1
        first, last = int(waves[0]), int(waves[-1])
        times.append((1.0 if first == 1 else first - 0.5, float(M) if last == M else last + 0.5))
    return times


def siena_data(
    project, wijk: str, waves: list[str] | None = None, *, nonresponse: str = "keep"
) -> SienaData:
    """The wave arrays of one wijk, ready to write or to use in Python.

    Parameters
    ----------
    project : Project
    wijk : str
    waves : list of str, optional
        Default: all waves of the project.
    nonresponse : {"keep", "missing"}
        ``"keep"`` uses the ties as observed. ``"missing"`` codes the
        outgoing ties of actors who take part in a wave but have no row in
        the project's ``responses`` table for that wave as ``NA`` (RSiena
        then treats them as missing); without responses nothing changes.
    """
    if nonresponse not in ("keep", "missing"):
        raise DataError([Problem("nonresponse", text(TEXTS, "nonresponse", value=nonresponse))])
    waves = list(waves or project.waves)
    graphs = [build_graph(project, wijk, wave) for wave in waves]
    ids = [
        a
        for a in project.actors.loc[project.actors["wijk"] == wijk, "actor_id"]
        if any(a in G for G in graphs)
    ]
    index = {a: i for i, a in enumerate(ids)}
    n, M = len(ids), len(waves)
    adjacency = np.zeros((M, n, n))
    present = np.zeros((M, n), dtype=bool)
    responses = project.responses
    for k, (wave, G) in enumerate(zip(waves, graphs)):
        here = np.array([a in G for a in ids], dtype=bool)
        present[k] = here
        for u, v in G.edges():
            adjacency[k, index[u], index[v]] = 1
        absent = ~here
        adjacency[k][absent, :] = STRUCTURAL_ZERO
        adjacency[k][:, absent] = STRUCTURAL_ZERO
        if nonresponse == "missing" and not responses.empty:
            answered = set(
                responses.loc[(responses["wijk"] == wijk) & (responses["wave"] == wave), "actor_id"]
            )
            silent = here & np.array([a not in answered for a in ids], dtype=bool)
            rows = adjacency[k][silent]
            rows[rows != STRUCTURAL_ZERO] = np.nan
            adjacency[k][silent] = rows
        np.fill_diagonal(adjacency[k], 0)
    actors = project.actors.set_index("actor_id").loc[ids] if ids else project.actors.iloc[:0]
    # A constant covariate: the membership in the first wave the actor takes part in (per-wave values of
    # actor_waves through Project.present; without them the actor's own value).
    team: dict[str, bool] = {}
    for wave in waves:
        here = project.present(wijk, wave)
        for a, p in zip(here["actor_id"], here["pluswijkteam"]):
            team.setdefault(a, bool(p))
    codes = domain_codes(project)
    return SienaData(
        actor_ids=ids,
        waves=waves,
        adjacency=adjacency,
        present=present,
        composition=composition_times(present) if n else [],
        domain=[str(d) for d in actors["domain"]],
        domain_code=[codes.get(d, 0) for d in actors["domain"]],
        pluswijkteam=[int(bool(team.get(a, p))) for a, p in zip(ids, actors["pluswijkteam"])],
        first_wave=[str(w) for w in actors["first_wave"]],
        last_wave=[str(w) for w in actors["last_wave"]],
    )


def _number(value: float) -> str:
    return "NA" if value != value else str(int(value))


def _time(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _csv(path: Path, header: list[str], rows) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


R_SCRIPT = """\
# Read the wijknet export of wijk "{wijk}" into RSiena.
# Run it with:  Rscript load_in_rsiena.R   (or setwd() to this folder and source() it)
# Files: wave_1.csv .. wave_{M}.csv (0 = no tie, 1 = tie, 10 = structural zero:
# the actor does not take part in that wave, NA = missing), composition.txt,
# actors.csv, domains.csv, waves.csv. See docs/exports.md of wijknet.

library(RSiena)

# "composition": method of joiners and leavers (Huisman & Snijders 2003):
#                absent actors' ties become NA and composition.txt says when
#                actors enter and leave.
# "structural":  keep the code 10 (structural zeros) for absent actors
#                (also for maximum-likelihood estimation).
method <- "composition"

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
folder <- if (length(script) == 1) dirname(normalizePath(script)) else getwd()

waves <- read.csv(file.path(folder, "waves.csv"), colClasses = "character")
actors <- read.csv(file.path(folder, "actors.csv"), colClasses = c(actor_id = "character"))
n <- nrow(actors)
M <- nrow(waves)

read_wave <- function(k) {{
  m <- as.matrix(read.csv(file.path(folder, sprintf("wave_%d.csv", k)),
                          row.names = 1, check.names = FALSE, colClasses = c("character", rep("numeric", n))))
  stopifnot(identical(rownames(m), actors$actor_id), identical(colnames(m), actors$actor_id))
  m
}}
nets <- array(NA_real_, dim = c(n, n, M), dimnames = list(actors$actor_id, actors$actor_id, waves$wave))
for (k in seq_len(M)) nets[, , k] <- read_wave(k)
if (method == "composition") nets[!is.na(nets) & nets == 10] <- NA

collaboration <- sienaDependent(nets)
domain <- coCovar(actors$domain_code)       # categorical: use it with the "sameX" effect
pluswijkteam <- coCovar(actors$pluswijkteam)

if (method == "composition") {{
  changes <- sienaCompositionChangeFromFile(file.path(folder, "composition.txt"))
  wijkdata <- sienaDataCreate(collaboration, domain, pluswijkteam, changes)
}} else {{
  wijkdata <- sienaDataCreate(collaboration, domain, pluswijkteam)
}}
print(wijkdata)
"""


def write_siena_folder(
    data: SienaData, folder: Path, wijk: str, domains: dict[str, int]
) -> list[Path]:
    """Write the files of one wijk (see the module docstring) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = [
        export_id(a) for a in data.actor_ids
    ]  # the same ids in every file of the folder, npz included
    written = []
    for k in range(len(data.waves)):
        rows = ([a, *(_number(x) for x in row)] for a, row in zip(ids, data.adjacency[k]))
        written.append(_csv(folder / f"wave_{k + 1}.csv", ["actor_id", *ids], rows))
    path = folder / "composition.txt"
    path.write_text(
        "".join(f"{_time(a)} {_time(b)}\n" for a, b in data.composition), encoding="utf-8"
    )
    written.append(path)
    rows = zip(ids, (guard_csv(d) for d in data.domain), data.domain_code, data.pluswijkteam,
               (guard_csv(w) for w in data.first_wave), (guard_csv(w) for w in data.last_wave))  # fmt: skip
    written.append(
        _csv(
            folder / "actors.csv",
            ["actor_id", "domain", "domain_code", "pluswijkteam", "first_wave", "last_wave"],
            rows,
        )
    )
    written.append(
        _csv(
            folder / "domains.csv",
            ["code", "domain"],
            ((c, guard_csv(d)) for d, c in domains.items()),
        )
    )
    written.append(
        _csv(
            folder / "waves.csv",
            ["k", "wave"],
            ((k, guard_csv(w)) for k, w in enumerate(data.waves, start=1)),
        )
    )
    path = folder / "waves.npz"
    np.savez_compressed(path, adjacency=data.adjacency,
                        actor_ids=np.array(ids, dtype=str), waves=np.array(data.waves, dtype=str))  # fmt: skip
    written.append(path)
    path = folder / "load_in_rsiena.R"
    safe_wijk = str(wijk).replace("\n", " ").replace('"', "'")
    path.write_text(R_SCRIPT.format(wijk=safe_wijk, M=len(data.waves)), encoding="utf-8")
    written.append(path)
    return written


def write_rsiena(
    project, folder: Path, selection: Selection, *, nonresponse: str = "keep"
) -> list[Path]:
    """Write one RSiena folder ``<wijk>/`` per selected wijk into ``folder`` (all waves)."""
    if len(selection.waves) < 2:
        raise DataError(
            [Problem("--wave", text(TEXTS, "two_waves", waves=", ".join(selection.all_waves)))]
        )
    domains = domain_codes(project)
    written = []
    for wijk in selection.wijken:
        data = siena_data(project, wijk, selection.waves, nonresponse=nonresponse)
        written += write_siena_folder(data, folder / selection.stem(wijk), wijk, domains)
    return written
