"""One Excel workbook with the data, the measures and a codebook.

Sheets:

``actors``, ``ties``
    The tidy tables as wijknet reads them (see :mod:`wijknet.io.tidy`):
    saved as ``actors.xlsx`` and ``ties.xlsx`` (one sheet each) they load
    again with :func:`wijknet.load_project` without loss. Yes/no columns are
    ``ja``/``nee``, ids and waves are text (leading zeros stay), weights are
    numbers.
``actor_metrics``, ``network_metrics``, ``mixing``
    The measures of :func:`wijknet.analysis.standard.analyse_graph` for every chosen
    wijk and wave (the same columns as ``wijknet analyse``).
``codebook``
    Every column of every sheet: meaning in Dutch and English, and its values.
``info``
    Title, export date, wijken, waves and the settings of the analysis.

Cells whose text a spreadsheet would run as a formula (``=``, ``+``, ``-``,
``@``, tab, carriage return at the start) are stored as inert text; see
:func:`wijknet.export.sanitise.write_cell`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from wijknet.analysis.standard import ACTOR_COLUMNS, MIXING_COLUMNS, NETWORK_COLUMNS, analyse_graph
from wijknet.core import clock
from wijknet.core.version import __version__
from wijknet.export.base import Selection
from wijknet.export.sanitise import write_cell
from wijknet.io.tidy import ACTOR_OPTIONAL, ACTOR_REQUIRED, TIE_OPTIONAL, TIE_REQUIRED

DEFAULT_NAME = "wijknet.xlsx"

#: column -> (Dutch meaning, English meaning, values); used for the ``codebook`` sheet.
CODEBOOK: dict[str, dict[str, tuple[str, str, str]]] = {
    "actors": {
        "actor_id": (
            "unieke code van de actor, gelijk in alle metingen",
            "unique actor code, the same in every wave",
            "tekst / text",
        ),
        "wijk": (
            "wijk waarvan de actor deel uitmaakt",
            "wijk (neighbourhood) the actor belongs to",
            "tekst / text",
        ),
        "domain": (
            "domein (sleutel uit de taxonomie)",
            "domain (taxonomy key)",
            "zorg, welzijn, gemeente, wonen, veiligheid, onderwijs, sport_cultuur, werk_inkomen, inwoners, of eigen labels / or own labels",
        ),
        "name": (
            "naam van persoon, organisatie of initiatief",
            "name of the person, organisation or initiative",
            "tekst / text",
        ),
        "role": ("rol of functie", "role or position", "tekst / text"),
        "organisation": ("organisatie", "organisation", "tekst / text"),
        "kind": ("soort actor", "kind of actor", "person, organisation, initiative"),
        "pluswijkteam": ("lid van het PlusWIJkteam", "member of the PlusWIJkteam", "ja / nee"),
        "kernaanpakken": (
            "kernaanpakken waaraan de actor meedoet",
            "core approaches the actor takes part in",
            "gescheiden door ; / separated by ;",
        ),
        "consent": ("toestemming om bij naam genoemd te worden", "consent to be named", "ja / nee"),
        "first_wave": (
            "eerste meting waarin de actor meedoet (leeg: vanaf de eerste)",
            "first wave the actor takes part in (empty: from the first)",
            "meting / wave",
        ),
        "last_wave": (
            "laatste meting waarin de actor meedoet (leeg: tot de laatste)",
            "last wave the actor takes part in (empty: up to the last)",
            "meting / wave",
        ),
    },
    "ties": {
        "wijk": ("wijk van de relatie", "wijk of the tie", "tekst / text"),
        "wave": (
            "meting waarin de relatie is waargenomen",
            "wave in which the tie was observed",
            "tekst / text",
        ),
        "source": (
            "actor_id van wie de relatie meldt of begint",
            "actor_id of the reporter or initiator",
            "actor_id",
        ),
        "target": ("actor_id van de andere actor", "actor_id of the other actor", "actor_id"),
        "tie_type": (
            "soort relatie",
            "type of tie",
            "bijv. / e.g. samenwerking, verwijzing, overleg",
        ),
        "weight": (
            "sterkte van de relatie, groter is sterker",
            "strength of the tie, larger is stronger",
            "getal >= 0 / number >= 0",
        ),
        "evidence": ("bron van de relatie", "where the tie comes from", "tekst / text"),
    },
    "actor_metrics": {
        "in_degree": (
            "aantal ontvangen relaties",
            "number of incoming ties",
            "geheel getal / integer",
        ),
        "out_degree": (
            "aantal uitgaande relaties",
            "number of outgoing ties",
            "geheel getal / integer",
        ),
        "in_strength": (
            "som van de gewichten van ontvangen relaties",
            "sum of the weights of incoming ties",
            "getal / number",
        ),
        "out_strength": (
            "som van de gewichten van uitgaande relaties",
            "sum of the weights of outgoing ties",
            "getal / number",
        ),
        "betweenness": (
            "betweenness-centraliteit (Freeman), gericht",
            "betweenness centrality (Freeman), directed",
            "getal >= 0 / number >= 0",
        ),
        "betweenness_normalised": (
            "betweenness gedeeld door (n-1)(n-2)",
            "betweenness divided by (n-1)(n-2)",
            "0-1",
        ),
        "coordinator": (
            "makelaarsrol coördinator (Gould & Fernandez): A-A-A",
            "brokerage role coordinator (Gould & Fernandez): A-A-A",
            "aantal / count",
        ),
        "itinerant": (
            "makelaarsrol consultant: A-B-A",
            "brokerage role itinerant/consultant: A-B-A",
            "aantal / count",
        ),
        "representative": (
            "makelaarsrol vertegenwoordiger: A-A-B",
            "brokerage role representative: A-A-B",
            "aantal / count",
        ),
        "gatekeeper": (
            "makelaarsrol poortwachter: A-B-B",
            "brokerage role gatekeeper: A-B-B",
            "aantal / count",
        ),
        "liaison": (
            "makelaarsrol verbinder: A-B-C",
            "brokerage role liaison: A-B-C",
            "aantal / count",
        ),
        "brokerage_total": (
            "som van de vijf makelaarsrollen",
            "sum of the five brokerage roles",
            "aantal / count",
        ),
        "constraint": (
            "Burts constraint (beperking door overlappende contacten)",
            "Burt's constraint",
            "getal / number; leeg voor isolaten / empty for isolates",
        ),
        "effective_size": (
            "Burts effectieve omvang van het egonetwerk",
            "Burt's effective size of the ego network",
            "getal / number",
        ),
        "efficiency": (
            "effectieve omvang gedeeld door het aantal contacten",
            "effective size divided by the number of contacts",
            "0-1",
        ),
        "ei_individual": (
            "E-I-index van de actor: (extern - intern) / alle relaties",
            "E-I index of the actor: (external - internal) / all ties",
            "-1 tot / to 1; leeg voor isolaten / empty for isolates",
        ),
        "articulation_point": (
            "kwetsbare brug: zonder deze actor valt het netwerk uiteen",
            "fragile bridge: without this actor the network falls apart",
            "TRUE / FALSE",
        ),
    },
    "network_metrics": {
        "actors": (
            "aantal actoren in deze meting",
            "number of actors in this wave",
            "geheel getal / integer",
        ),
        "ties": (
            "aantal (gerichte) relaties",
            "number of (directed) ties",
            "geheel getal / integer",
        ),
        "density": ("dichtheid: relaties / (n(n-1))", "density: ties / (n(n-1))", "0-1"),
        "reciprocity": (
            "aandeel relaties dat wederzijds is",
            "share of ties that are reciprocated",
            "0-1",
        ),
        "components": (
            "aantal zwakke componenten (isolaten meegeteld)",
            "number of weak components (isolates counted)",
            "geheel getal / integer",
        ),
        "transitivity": (
            "aandeel twee-paden dat gesloten is",
            "share of two-paths that are closed",
            "0-1",
        ),
        "degree_centralisation_in": (
            "Freemans centralisatie van de ingraad",
            "Freeman centralisation of in-degree",
            "0-1",
        ),
        "degree_centralisation_out": (
            "Freemans centralisatie van de uitgraad",
            "Freeman centralisation of out-degree",
            "0-1",
        ),
        "cross_domain_share": (
            "aandeel domeinoverstijgende relaties",
            "share of ties between different domains",
            "0-1",
        ),
        "ei_index": (
            "E-I-index (Krackhardt & Stern) over domeinen",
            "E-I index (Krackhardt & Stern) over domains",
            "-1 tot / to 1",
        ),
        "ei_expected": (
            "verwachte E-I-index bij willekeurige domeinen",
            "expected E-I index under random relabelling",
            "-1 tot / to 1",
        ),
        "ei_p_value": (
            "p-waarde van de E-I-index (permutatietoets)",
            "p-value of the E-I index (permutation test)",
            "0-1",
        ),
        "assortativity": (
            "Newmans assortativiteit naar domein",
            "Newman's assortativity by domain",
            "-1 tot / to 1",
        ),
        "isolates": (
            "aantal actoren zonder relaties",
            "number of actors without ties",
            "geheel getal / integer",
        ),
    },
    "mixing": {
        "from_domain": ("domein van de zender", "domain of the sender", "domein / domain"),
        "to_domain": ("domein van de ontvanger", "domain of the receiver", "domein / domain"),
        "ties": (
            "aantal relaties van from_domain naar to_domain",
            "number of ties from from_domain to to_domain",
            "geheel getal / integer",
        ),
        "row_share": (
            "aandeel van de relaties van from_domain",
            "share of the ties sent by from_domain",
            "0-1",
        ),
    },
}
_COMMON = {
    "wijk": ("wijk", "wijk (neighbourhood)", "tekst / text"),
    "wave": ("meting", "wave", "tekst / text"),
    "actor_id": ("unieke code van de actor", "unique actor code", "tekst / text"),
    "domain": ("domein van de actor", "domain of the actor", "domein / domain"),
}
_EXTRA = {
    "actors": (
        "extra kolom uit de invoer, ongewijzigd",
        "extra column from the input, unchanged",
        "tekst / text",
    ),
    "ties": (
        "extra kolom uit de invoer, ongewijzigd",
        "extra column from the input, unchanged",
        "tekst / text",
    ),
}
_OTHER = ("extra maat; zie docs/methods.md", "further measure; see docs/methods.md", "")
CODEBOOK_COLUMNS = ["sheet", "column", "betekenis", "meaning", "waarden_values"]


def _yes_no(value) -> str:
    return "ja" if bool(value) else "nee"


def actors_table(project, selection: Selection) -> pd.DataFrame:
    """The tidy ``actors`` table of the selected wijken (and, with one wave, the actors present in it)."""
    if len(selection.waves) == len(selection.all_waves):
        actors = project.actors[project.actors["wijk"].isin(selection.wijken)]
    else:
        ids = set()
        for wijk in selection.wijken:
            for wave in selection.waves:
                ids |= set(project.present(wijk, wave)["actor_id"])
        actors = project.actors[project.actors["actor_id"].isin(ids)]
    first = [c for c in (*ACTOR_REQUIRED, *ACTOR_OPTIONAL) if c in actors.columns]
    out = actors[first + [c for c in actors.columns if c not in first]].copy()
    for column in ("pluswijkteam", "consent"):
        out[column] = out[column].map(_yes_no)
    return out.reset_index(drop=True)


def ties_table(project, selection: Selection) -> pd.DataFrame:
    """The tidy ``ties`` table of the selected wijken and waves."""
    ties = project.ties
    ties = ties[ties["wijk"].isin(selection.wijken) & ties["wave"].isin(selection.waves)]
    first = [c for c in (*TIE_REQUIRED, *TIE_OPTIONAL) if c in ties.columns]
    return ties[first + [c for c in ties.columns if c not in first]].reset_index(drop=True)


def measure_tables(
    project, selection: Selection, *, n_permutations: int = 1000, seed: int = 0
) -> dict[str, pd.DataFrame]:
    """``actor_metrics``, ``network_metrics`` and ``mixing`` of every selected wijk and wave."""
    parts = [analyse_graph(project, w, v, n_permutations=n_permutations, seed=seed)
             for w in selection.wijken for v in selection.waves]  # fmt: skip
    tables = {}
    for i, (name, first) in enumerate((("actor_metrics", ACTOR_COLUMNS), ("network_metrics", NETWORK_COLUMNS),
                                       ("mixing", MIXING_COLUMNS))):  # fmt: skip
        df = pd.concat([p[i] for p in parts], ignore_index=True)
        lead = [c for c in first if c in df.columns]
        tables[name] = df[lead + [c for c in df.columns if c not in lead]]
    return tables


def codebook_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per column of every sheet: meaning (Dutch, English) and values."""
    rows = []
    for sheet, df in tables.items():
        for column in df.columns:
            meaning = (
                CODEBOOK.get(sheet, {}).get(column)
                or _COMMON.get(column)
                or _EXTRA.get(sheet, _OTHER)
            )
            rows.append((sheet, column, *meaning))
    return pd.DataFrame(rows, columns=CODEBOOK_COLUMNS)


def info_table(project, selection: Selection, settings: dict) -> pd.DataFrame:
    """Key-value rows describing the export."""
    rows = [
        ("titel / title", project.config.title),
        ("fictieve gegevens / synthetic data", _yes_no(project.config.synthetic)),
        ("wijken", "; ".join(selection.wijken)),
        ("metingen / waves", "; ".join(selection.waves)),
        ("geëxporteerd / exported", clock.now()),
        ("wijknet", __version__),
        *((f"analyse / analysis: {k}", v) for k, v in settings.items()),
    ]
    return pd.DataFrame(rows, columns=["item", "value"])


def workbook_tables(
    project, selection: Selection, *, n_permutations: int = 1000, seed: int = 0
) -> dict[str, pd.DataFrame]:
    """All sheets of the workbook, in order, as DataFrames."""
    tables = {"actors": actors_table(project, selection), "ties": ties_table(project, selection)}
    tables.update(measure_tables(project, selection, n_permutations=n_permutations, seed=seed))
    tables["codebook"] = codebook_table(tables)
    tables["info"] = info_table(
        project, selection, {"n_permutations": n_permutations, "seed": seed}
    )
    return tables


def save_workbook(tables: dict[str, pd.DataFrame], path: str | Path) -> Path:
    """Write ``tables`` as sheets of one ``.xlsx`` file (header row frozen, formulas inert)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for name, df in tables.items():
        ws = wb.create_sheet(title=name[:31])
        for j, column in enumerate(df.columns, start=1):
            write_cell(ws, 1, j, str(column)).font = bold
        for i, row in enumerate(df.itertuples(index=False, name=None), start=2):
            for j, value in enumerate(row, start=1):
                write_cell(ws, i, j, value)
        ws.freeze_panes = "A2"
        for j, column in enumerate(df.columns, start=1):
            ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = min(
                max(10, len(str(column)) + 2), 40
            )
    path = Path(path)
    wb.save(path)
    return path


def write_xlsx(project, folder: Path, selection: Selection, *, filename: str = DEFAULT_NAME,
               n_permutations: int = 1000, seed: int = 0) -> list[Path]:  # fmt: skip
    """Write the workbook ``filename`` into ``folder``."""
    tables = workbook_tables(project, selection, n_permutations=n_permutations, seed=seed)
    return [save_workbook(tables, folder / filename)]
