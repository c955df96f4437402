"""The wijk metadata as tables and text: municipality, subregion, pilot or comparison, phase per wave.

The metadata come from ``wijken.csv`` (:attr:`wijknet.project.Project.wijk_meta`
and :attr:`~wijknet.project.Project.wijk_phases`, see :mod:`wijknet.io.tidy`).
They describe wijken, not persons, so every audience may see the rows the
project it holds has (:func:`wijknet.privacy.restrict` keeps a wijkteam's
own wijk). Without the table every wijk is a pilot and nothing else is known.
"""

from __future__ import annotations

import pandas as pd

from wijknet.core.i18n import text
from wijknet.core.order import natural_key
from wijknet.io.tidy import COMPARISON, PHASE_PREFIX, PILOT
from wijknet.project import Project

TEXTS = {
    "col_wijk": {"nl": "Wijk", "en": "Wijk"},
    "col_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "col_subregion": {"nl": "Subregio", "en": "Subregion"},
    "col_group": {"nl": "Groep", "en": "Group"},
    "col_wijkplan_start": {"nl": "Start wijkplan", "en": "Wijkplan since"},
    "col_phase": {"nl": "Fase {wave}", "en": "Phase {wave}"},
    PILOT: {"nl": "pilotwijk", "en": "pilot wijk"},
    COMPARISON: {"nl": "vergelijkingswijk", "en": "comparison wijk"},
    "voorbereiding": {"nl": "voorbereiding", "en": "preparation"},
    "wijkbeeld": {"nl": "wijkbeeld", "en": "wijk picture"},
    "wijkopgave": {"nl": "wijkopgave", "en": "wijk task"},
    "wijkplan": {"nl": "wijkplan", "en": "wijk plan"},
    "wijkuitvoering": {"nl": "wijkuitvoering", "en": "implementation"},
    "wijkevaluatie": {"nl": "wijkevaluatie", "en": "evaluation"},
    "unknown": {"nl": "–", "en": "–"},
    "header": {"nl": "{municipality}{group}{phase}", "en": "{municipality}{group}{phase}"},
    "header_municipality": {"nl": "gemeente {name} · ", "en": "municipality {name} · "},
    "header_phase": {"nl": " · fase in {wave}: {phase}", "en": " · phase in {wave}: {phase}"},
}

#: The columns of ``wijken.csv`` of ``wijknet analyse`` before the ``phase_<wave>`` columns.
WIJK_TABLE_COLUMNS = ("wijk", "municipality", "subregion", "group", "wijkplan_start")


def wijk_table(project: Project) -> pd.DataFrame:
    """One row per wijk of ``project``: its metadata and its route-map phase per wave (codes).

    Columns :data:`WIJK_TABLE_COLUMNS` and one ``phase_<wave>`` per wave of
    the project (``""`` where none is given). A wijk without a row in
    ``wijken.csv`` is a ``pilot`` with empty metadata (as
    :meth:`wijknet.project.Project.wijk_groups` says).

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "wijk": ["Noord", "Noord", "Zuid"],
    ...                        "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": ["2025", "2026"], "source": "a", "target": "b"})
    >>> wijken = pd.DataFrame({"wijk": ["Zuid"], "groep": ["vergelijkingswijk"], "fase_2026": ["voorbereiding"]})
    >>> wijk_table(Project.from_frames(actors, ties, wijken=wijken))[["wijk", "group", "phase_2025", "phase_2026"]].values.tolist()
    [['Noord', 'pilot', '', ''], ['Zuid', 'comparison', '', 'voorbereiding']]
    """
    meta = project.wijk_meta.set_index("wijk") if len(project.wijk_meta) else None
    groups = project.wijk_groups()
    phases = {
        (w, v): p
        for w, v, p in project.wijk_phases[["wijk", "wave", "phase"]].itertuples(index=False)
    }
    rows = []
    for wijk in sorted(project.wijken, key=natural_key):
        known = meta is not None and wijk in meta.index
        row = {"wijk": wijk, "group": groups[wijk]}
        for column in ("municipality", "subregion", "wijkplan_start"):
            row[column] = str(meta.at[wijk, column]) if known else ""
        for wave in project.waves:
            row[f"{PHASE_PREFIX}{wave}"] = phases.get((wijk, wave), "")
        rows.append(row)
    columns = [*WIJK_TABLE_COLUMNS, *(f"{PHASE_PREFIX}{w}" for w in project.waves)]
    return pd.DataFrame(rows, columns=columns)


def wijken_lens(project: Project, seed: int = 0) -> dict[str, pd.DataFrame]:
    """The table ``wijken`` of ``wijknet analyse`` (:func:`wijk_table`); ``seed`` is unused."""
    return {"wijken": wijk_table(project)}


def wijk_overview(project: Project, wijken=None, lang: str | None = None) -> pd.DataFrame:
    """The wijk metadata of ``wijken`` (default all) as a display table with labels in ``lang``.

    Columns "Wijk", "Gemeente", "Subregio", "Groep" (pilotwijk /
    vergelijkingswijk), "Start wijkplan" and "Fase <wave>" per wave; the
    phases as words, ``–`` where nothing is known. Columns that are empty for
    every shown wijk are left out (a project without ``wijken.csv`` shows only
    wijk and group).

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "wijk": ["Noord", "Noord", "Zuid"],
    ...                        "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": ["2025"], "source": "a", "target": "b"})
    >>> wijken = pd.DataFrame({"wijk": ["Noord", "Zuid"], "gemeente": ["Fictiefstad", "Fictiefstad"],
    ...                        "groep": ["pilot", "vergelijkingswijk"], "fase_2025": ["wijkplan", ""]})
    >>> config_project = Project.from_frames(actors, ties, wijken=wijken)
    >>> wijk_overview(config_project, lang="nl").values.tolist()
    [['Noord', 'Fictiefstad', 'pilotwijk', 'wijkplan'], ['Zuid', 'Fictiefstad', 'vergelijkingswijk', '–']]
    """
    table = wijk_table(project)
    if wijken is not None:
        table = table[table["wijk"].isin(list(wijken))]
    dash = text(TEXTS, "unknown", lang)
    out = pd.DataFrame({text(TEXTS, "col_wijk", lang): table["wijk"]})
    for column in ("municipality", "subregion", "group", "wijkplan_start"):
        values = table[column]
        if column != "group" and (values == "").all():
            continue
        if column == "group":
            values = values.map(lambda g: text(TEXTS, g, lang))
        out[text(TEXTS, f"col_{column}", lang)] = values.replace("", dash)
    for wave in project.waves:
        values = table[f"{PHASE_PREFIX}{wave}"]
        if (values == "").all():
            continue
        out[text(TEXTS, "col_phase", lang, wave=wave)] = values.map(
            lambda p: text(TEXTS, p, lang) if p else dash
        )
    return out.reset_index(drop=True)


def wijk_header(
    project: Project, wijk: str, wave: str | None = None, lang: str | None = None
) -> str:
    """One line for a wijk report's header: municipality, group and the phase in ``wave``.

    ``"gemeente Fictiefstad · pilotwijk · fase in 2026: wijkuitvoering"``;
    parts that are not known are left out (the group is always known).

    Examples
    --------
    >>> actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "Noord", "domain": "zorg"})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": ["2026"], "source": "a", "target": "b"})
    >>> wijken = pd.DataFrame({"wijk": ["Noord"], "gemeente": ["Fictiefstad"], "groep": ["pilot"],
    ...                        "fase_2026": ["uitvoering"]})
    >>> wijk_header(Project.from_frames(actors, ties, wijken=wijken), "Noord", "2026", lang="nl")
    'gemeente Fictiefstad · pilotwijk · fase in 2026: wijkuitvoering'
    """
    return header_line(wijk_info(project, wijk, wave), lang)


def wijk_info(project: Project, wijk: str, wave: str | None = None) -> dict[str, str]:
    """``municipality``, ``subregion``, ``group``, ``wijkplan_start``, ``wave`` and its ``phase`` of one wijk (codes)."""
    row = wijk_table(project).set_index("wijk").loc[wijk]
    info = {c: str(row[c]) for c in WIJK_TABLE_COLUMNS if c != "wijk"}
    return {**info, "wave": wave or "", "phase": project.phase(wijk, wave) if wave else ""}


def header_line(info: dict[str, str], lang: str | None = None) -> str:
    """The header line of :func:`wijk_header` from :func:`wijk_info`'s dict."""
    municipality, phase, wave = (
        info.get("municipality", ""),
        info.get("phase", ""),
        info.get("wave", ""),
    )
    return text(
        TEXTS,
        "header",
        lang,
        municipality=text(TEXTS, "header_municipality", lang, name=municipality)
        if municipality
        else "",
        group=text(TEXTS, info.get("group") or PILOT, lang),
        phase=text(TEXTS, "header_phase", lang, wave=wave, phase=text(TEXTS, phase, lang))
        if phase
        else "",
    )


__all__ = ["WIJK_TABLE_COLUMNS", "header_line", "wijk_header", "wijk_info", "wijk_overview", "wijk_table",
           "wijken_lens"]  # fmt: skip
