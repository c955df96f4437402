"""The leernetwerk's export: group figures only, never a person.

A project restricted to the ``leernetwerk`` audience
(:func:`wijknet.privacy.restrict`) gets no network files at all: GraphML,
GEXF, Pajek, UCINET DL and RSiena hold one row per actor and one per tie,
and pseudonyms still link the rows of one person. Its ``xlsx`` export is a
workbook of the group-level tables of :func:`wijknet.analysis.standard.analyse` (per
wijk and wave, domain and domain pair), whose small cells the analysis
suppresses for this audience:

========================  ==================================================
sheet                     holds
========================  ==================================================
``network_metrics``       size, density, reciprocity, E-I ... per wijk/wave
``mixing``                ties between domains per wijk/wave
``ei_domains``            E-I index per domain per wijk/wave
``change``                change between consecutive waves per wijk
``kpi3``                  KPI 3 per wijk/wave (with survey responses)
``codebook``, ``info``    what the columns mean; what was exported
========================  ==================================================

Two guards make sure no actor-level table slips through whatever the
analysis returns: only the tables named in :data:`GROUP_TABLES` are written,
and a table with a column that identifies a person (:data:`PERSON_COLUMNS`)
stops the export.
"""

from __future__ import annotations

from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.export.base import Selection
from wijknet.export.excel import DEFAULT_NAME, codebook_table, info_table, save_workbook

#: The tables of :class:`wijknet.analysis.standard.AnalysisResult` that hold group figures only.
GROUP_TABLES = ("network_metrics", "mixing", "ei_domains", "change", "kpi3")
#: Columns that identify a person or hold free text: never in a leernetwerk export.
PERSON_COLUMNS = frozenset({"actor_id", "actor", "source", "target", "name", "pseudonym", "organisation", "role",
                            "reporter", "evidence", "quote", "label", "respondent"})  # fmt: skip
#: Columns of :data:`PERSON_COLUMNS` that mean something else in one table (KPI 3's target share).
ALLOWED = {"kpi3": {"target"}}
#: Formats that hold actors or ties, refused for a leernetwerk.
INDIVIDUAL_FORMATS = ("graphml", "gexf", "pajek", "dl", "rsiena")

TEXTS = {
    "refused": {
        "nl": "het formaat '{fmt}' bevat actoren en relaties en is er niet voor het leernetwerk; het leernetwerk "
        "krijgt alleen groepscijfers: gebruik --format xlsx",
        "en": "the format '{fmt}' holds actors and ties and is not for the leernetwerk; the leernetwerk gets group "
        "figures only: use --format xlsx",
    },
    "person_column": {
        "nl": "de tabel '{sheet}' heeft de kolom '{column}' met gegevens over personen; er is niets geschreven",
        "en": "the table '{sheet}' has the column '{column}' with data about persons; nothing was written",
    },
}


def is_leernetwerk(project) -> bool:
    """Whether ``project`` was restricted for the leernetwerk (:attr:`wijknet.project.Project.audience`)."""
    return project.audience is not None and project.audience.tier == "leernetwerk"


def refuse_individual(fmt: str) -> None:
    """Stop a leernetwerk export in a format that holds actors or ties (a :class:`DataError` in Dutch or English)."""
    if fmt in INDIVIDUAL_FORMATS:
        raise DataError([Problem("--format", text(TEXTS, "refused", fmt=fmt))])


def group_tables(
    project, selection: Selection, *, n_permutations: int = 1000, seed: int = 0
) -> dict:
    """The group-level tables of ``project`` for the selected wijken and waves (see the module docstring).

    Raises
    ------
    DataError
        When a table has a column of :data:`PERSON_COLUMNS`.
    """
    from wijknet.analysis.standard import analyse

    result = analyse(project, n_permutations=n_permutations, seed=seed)
    some_wijken = len(selection.wijken) < len(project.wijken)
    some_waves = len(selection.waves) < len(selection.all_waves)
    tables = {}
    for name in GROUP_TABLES:
        df = getattr(result, name, None)
        if df is None:
            continue
        for column in df.columns:
            if str(column).lower() in PERSON_COLUMNS - ALLOWED.get(name, set()):
                raise DataError(
                    [Problem(name, text(TEXTS, "person_column", sheet=name, column=column))]
                )
        if some_wijken and "wijk" in df.columns:
            df = df[df["wijk"].isin(selection.wijken)]
        if some_waves and "wave" in df.columns:
            df = df[df["wave"].isin(selection.waves)]
        tables[name] = df.reset_index(drop=True)
    return tables


def write_group_xlsx(project, folder: Path, selection: Selection, *, filename: str = DEFAULT_NAME,
                     n_permutations: int = 1000, seed: int = 0) -> list[Path]:  # fmt: skip
    """Write the leernetwerk's workbook ``filename`` (group tables, codebook, info) into ``folder``."""
    tables = group_tables(project, selection, n_permutations=n_permutations, seed=seed)
    tables["codebook"] = codebook_table(tables)
    tables["info"] = info_table(project, selection, {"n_permutations": n_permutations, "seed": seed,
                                                     "audience": "leernetwerk"})  # fmt: skip
    return [save_workbook(tables, folder / filename)]
