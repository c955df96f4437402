"""Raw exports of the fictional demo project, as the tools of the field would write them.

:func:`write_raw_exports` writes, for one wijk and wave of the demo
(:mod:`wijknet.datasets.demo`; all names fictional), the files a project store starts
from, so that ``wijknet init`` and ``wijknet import`` can be tried (and
tested) end to end:

* ``actors.csv`` -- the actor registry of every wijk (the survey roster is
  its order, see ``docs/instrument.md``);
* ``qualtrics.csv`` -- a Qualtrics CSV export of the wijknetwerk survey
  (three header rows, ImportIds, numeric values) from half of the respondents;
* ``limesurvey.csv`` -- a LimeSurvey CSV export (question codes, answer
  codes) from the other half;
* ``networkcanvas/`` -- Network Canvas CSV files (ego, attributeList,
  edgeList) of three interviews with actors who did not answer the survey;
* ``gesprekken.csv`` -- a coding sheet of two key-figure interviews and the
  demo's participation conversations of that wijk and wave (its ``themes``:
  ``thema: ...`` codes, and its signals of missing links: ``relatie: kent
  niet maar zou moeten``, ``drempel``, ``wil verbinden``), with quotes, in
  the coding convention of ``docs/interviews.md``.

The answers follow the demo's tables of that wave: a respondent names every
actor the demo gives them a tie to, with the tie's weight as the contact
frequency and, for a survey tie, the demo's PARTNER answers (``ratings``:
``A_INT``, ``A_TRREL`` ... ``A_VALRES``, "weet niet" as code 99); the
respondent block carries the wave's attributes (``actor_waves``: ``R_PWT``,
``R_KERN``, ``R_ROLE``, ``R_ORG``) and residents answer ``P_LADDER``.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

import numpy as np
import pandas as pd

from wijknet.core.ties import NON_TIE_TYPES
from wijknet.io.tidy import LADDER

__all__ = ["limesurvey_text", "qualtrics_text", "write_raw_exports"]

QUALTRICS_META = ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId"]
META_IMPORT_IDS = {"StartDate": "startDate", "EndDate": "endDate", "Status": "status", "Progress": "progress",
                   "Finished": "finished", "ResponseId": "_recordId"}  # fmt: skip
META_TEXTS = {"StartDate": "Start Date", "EndDate": "End Date", "Status": "Response Type", "Progress": "Progress",
              "Finished": "Finished", "ResponseId": "Response ID"}  # fmt: skip
EMBEDDED = ("actor_id", "wijk")
DOMAIN_CODES = {"zorg": "1", "welzijn": "2", "gemeente": "3", "wonen": "4", "veiligheid": "5", "onderwijs": "6",
                "sport_cultuur": "7", "werk_inkomen": "8", "inwoners": "9"}  # fmt: skip
KERN_CODES = {
    "Doorbraakmethode": "1",
    "Welzijn op Recept": "2",
    "Kernteam Ouderen": "3",
    "PlusPraktijken": "4",
}
#: The coding convention's relation of each signal (docs/interviews.md).
RELATIONS = {
    "zou_moeten_kennen": "kent niet maar zou moeten",
    "drempel": "drempel",
    "wens": "wil verbinden",
}
WRITE_IN = ("Buurtkamer De Vlier (fictief)", "Stichting Buurtkamer (fictief)", "9", "3")
NC_WRITE_IN = "Moestuin De Hulst (fictief)"
WISH = "Repair Café Kiezelpad (fictief)"
THEMES = (
    "eenzaamheid bij ouderen",
    "schulden",
    "de wijkbijeenkomst",
    "jongeren op straat",
    "mantelzorg",
    "bewegen",
)


def columns_of(rows: list[dict]) -> list[str]:
    """The columns of answer rows, in order of first appearance."""
    out: list[str] = []
    for r in rows:
        out += [c for c in r if c not in out]
    return out


def _qids(columns: list[str]) -> dict[str, str]:
    """Export tag -> QID, numbered in order of first appearance (as Qualtrics does)."""
    tags: dict[str, str] = {}
    for c in columns:
        if c not in EMBEDDED:
            base = c.rsplit("_", 1)[0] if c.rsplit("_", 1)[-1].isdigit() else c
            tags.setdefault(base, f"QID{len(tags) + 1}")
    return tags


def qualtrics_text(rows: list[dict], *, start: str = "2026-03-01 09:00:00", header_rows: int = 3, delimiter: str = ",",
                   meta: bool = True, renamed: dict[str, str] | None = None) -> str:  # fmt: skip
    """A Qualtrics CSV export of answer rows ``{export tag: value}``.

    ``header_rows`` (1-3) as Qualtrics' export options write them, ``meta``
    the metadata columns, ``renamed`` export tags changed after the QIDs were
    given (``{"A_FREQ": "FREQ_NIEUW"}``), as happens when a survey is edited.
    """
    columns = columns_of(rows)
    tags = _qids(columns)
    full = (QUALTRICS_META if meta else []) + columns
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")

    def name(c: str) -> str:
        for old, new in (renamed or {}).items():
            if c == old or c.startswith(old + "_"):
                return new + c[len(old) :]
        return c

    w.writerow([name(c) for c in full])
    if header_rows >= 2:
        w.writerow([META_TEXTS.get(c, f"Vraag {c} - tekst, met komma") for c in full])
    if header_rows >= 3:
        ids = []
        for c in full:
            if c in META_IMPORT_IDS:
                ids.append({"ImportId": META_IMPORT_IDS[c]})
            elif c in EMBEDDED:
                ids.append({"ImportId": c})
            else:
                base, _, suffix = c.rpartition("_")
                if suffix.isdigit() and base in tags:
                    ids.append({"ImportId": f"{tags[base]}_{suffix}"})
                else:
                    plain = c.startswith("P_") or c.endswith(("DOMAIN", "PWT")) or "_KERN" in c
                    ids.append({"ImportId": tags[c] if plain else f"{tags[c]}_TEXT"})
        w.writerow([json.dumps(i) for i in ids])
    for i, r in enumerate(rows):
        values = {"StartDate": start, "EndDate": start, "Status": "0", "Progress": "100", "Finished": "1",
                  "ResponseId": f"R_fictief{i}", **r}  # fmt: skip
        w.writerow([values.get(c, "") for c in full])
    return out.getvalue()


def to_limesurvey(row: dict) -> dict:
    """A Qualtrics-shaped answer row with LimeSurvey's question codes (``A_FREQ_3`` -> ``AFREQ[SQ003]``)."""
    out = {}
    for c, v in row.items():
        if c in ("actor_id", "wijk"):
            out["ACTORID" if c == "actor_id" else "WIJK"] = v
            continue
        prefix, rest = c.split("_", 1)
        if "_" in rest:
            code, k = rest.rsplit("_", 1)
            out[f"{prefix}{code}[SQ{int(k):03d}]"] = "Y" if (prefix == "R" and v == "1") else v
        else:
            out[f"{prefix}{rest}"] = v
    return out


def limesurvey_text(
    rows: list[dict], *, submitted: str = "2026-03-01 09:20:00", delimiter: str = ","
) -> str:
    """A LimeSurvey CSV export (question codes, answer codes) of LimeSurvey-shaped answer rows."""
    columns = ["id", "submitdate", "lastpage", "startlanguage"] + columns_of(rows)
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    w.writerow(columns)
    for i, r in enumerate(rows):
        values = {
            "id": str(i + 1),
            "submitdate": submitted,
            "lastpage": "5",
            "startlanguage": "nl",
            **r,
        }
        w.writerow([values.get(c, "") for c in columns])
    return out.getvalue()


#: The instrument's codes of the PARTNER items (``A_<code>_<k>``) and the ladder (``P_LADDER``).
PARTNER_CODES = {"trust_reliability": "TRREL", "trust_mission": "TRMIS", "trust_open": "TROPEN",
                 "value_power": "VALPOW", "value_involvement": "VALINV", "value_resources": "VALRES"}  # fmt: skip
DONT_KNOW = "99"


def _code(answer: str) -> str:
    """An answer of the tidy demo as the survey tool exports it: "weet niet" is code 99, empty stays empty."""
    return DONT_KNOW if answer == "weet niet" else answer


def _answer_row(actor: dict, response: dict, wijk: str, position: dict[str, int], out_ties: pd.DataFrame,
                in_ref: set[str], ratings: dict[str, dict] | None = None) -> dict:  # fmt: skip
    """One respondent's answers: the respondent block (the wave's attributes), the roster and the experience.

    ``actor`` holds the respondent's attributes in the wave (role, organisation,
    PlusWIJkteam, kernaanpakken as :meth:`wijknet.project.Project.present`
    gives them); ``ratings`` the respondent's PARTNER answers by partner
    (the demo's ``ratings``): their level of collaboration and trust and value
    items are written as they are (``weet niet`` as code 99). A partner
    without a rating gets the level that follows from the tie types.
    """
    ratings = ratings or {}
    pwt = actor["pluswijkteam"]
    row = {"actor_id": actor["actor_id"], "wijk": wijk, "R_ORG": actor["organisation"], "R_ROLE": actor["role"],
           "R_DOMAIN": DOMAIN_CODES.get(actor["domain"], ""),
           "R_PWT": "1" if pwt is True or pwt == "ja" else "2"}  # fmt: skip
    for kern in filter(None, actor["kernaanpakken"].split(";")):
        row[f"R_KERN_{KERN_CODES[kern]}"] = "1"
    for alter, group in out_ties.groupby("target", sort=False):
        k = position[alter]
        types = set(group["tie_type"])
        refer = "verwijzing" in types
        ref = (
            "3" if refer and alter in in_ref else "1" if refer else "2" if alter in in_ref else "4"
        )
        rating = ratings.get(alter)
        level = (
            rating["intensity"]
            if rating
            else "1"
            if types <= {"informatie"}
            else "3"
            if types & {"samenwerking", "overleg"}
            else "2"
        )
        row |= {f"A_KNOW_{k}": "1", f"A_FREQ_{k}": str(int(float(group["weight"].max()))),
                f"A_INT_{k}": level, f"A_REF_{k}": ref}  # fmt: skip
        for item, code in PARTNER_CODES.items():
            row[f"A_{code}_{k}"] = _code(rating[item]) if rating else ""
    kpi3 = response.get("kpi3", "")
    row |= {"P_ACTIVE": "1" if response.get("active") == "ja" else "2", "P_KPI3": _code(kpi3)}
    level = response.get("participation_level", "")
    row["P_LADDER"] = _code(level) if level in ("", "weet niet") else str(LADDER.index(level) + 1)
    return row


def _write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8"))
    return path


def _frame_csv(df: pd.DataFrame) -> str:
    return df.to_csv(index=False, lineterminator="\n")


def write_raw_exports(
    folder: str | Path, *, wijk: str = "Daalhof", wave: str = "2026", seed: int = 2025
) -> dict[str, list[Path]]:
    """Write raw exports of the demo project's ``wijk`` in ``wave`` to ``folder``.

    Parameters
    ----------
    folder : str or Path
        Created if needed; files of the same names are replaced.
    wijk : str
        A wijk of the demo (:data:`wijknet.datasets.demo.STORY`).
    wave : str
        A wave of the demo (:data:`wijknet.datasets.demo.WAVES`).
    seed : int
        The demo's seed (:func:`wijknet.datasets.demo.make_demo`).

    Returns
    -------
    dict of str to list of Path
        The files by kind: ``actors``, ``qualtrics``, ``limesurvey``,
        ``network_canvas`` (the CSV files of the interviews) and ``interviews``.
    """
    from wijknet.core.settings import ProjectConfig
    from wijknet.datasets.demo import STORY, WAVES, make_tables
    from wijknet.ingest.roster import Roster
    from wijknet.project import Project
    from wijknet.resolve.matching import match_names

    if wijk not in STORY:
        raise ValueError(f"wijk must be one of {sorted(STORY)}, not {wijk!r}")
    if wave not in WAVES:
        raise ValueError(f"wave must be one of {WAVES}, not {wave!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tables = make_tables(seed)
    actors, ties, responses = tables["actors"], tables["ties"], tables["responses"]
    project = Project.from_frames(actors, ties, ProjectConfig(), actor_waves=tables["actor_waves"])
    roster = Roster.from_project(project, wave)
    position = {a: k + 1 for k, a in enumerate(roster.positions[wijk])}
    here = ties[(ties["wijk"] == wijk) & (ties["wave"] == wave)]
    signals = here[here["tie_type"].isin(NON_TIE_TYPES)]
    here = here[
        ~here["tie_type"].isin(NON_TIE_TYPES)
    ]  # signals are said in conversations, not in the survey
    info = actors.set_index("actor_id").to_dict("index")
    for actor_id, record in info.items():
        record["actor_id"] = actor_id
    # the respondent block carries the wave's attributes (PlusWIJkteam, kernaanpakken, role, organisation)
    in_wave = project.present(wijk, wave).set_index("actor_id")[
        ["role", "organisation", "pluswijkteam", "kernaanpakken"]
    ]
    rated = tables["ratings"]
    rated = rated[(rated["wijk"] == wijk) & (rated["wave"] == wave)]
    ratings_of: dict[str, dict[str, dict]] = {}
    for r in rated.to_dict("records"):
        ratings_of.setdefault(r["rater"], {})[r["rated"]] = r
    answered = responses[(responses["wijk"] == wijk) & (responses["wave"] == wave)].to_dict(
        "records"
    )
    rng = np.random.default_rng([seed, 77])
    written: dict[str, list[Path]] = {}

    written["actors"] = [_write(folder / "actors.csv", _frame_csv(actors))]

    # Surveys: every other respondent in Qualtrics, the others in LimeSurvey.
    q_rows, l_rows = [], []
    for i, response in enumerate(answered):
        me = response["actor_id"]
        out_ties = here[(here["source"] == me) & here["target"].isin(position)]
        in_ref = set(here[(here["target"] == me) & (here["tie_type"] == "verwijzing")]["source"])
        me_now = {**info[me], **in_wave.loc[me].to_dict()}
        row = _answer_row(me_now, response, wijk, position, out_ties, in_ref, ratings_of.get(me))
        if i == 0:
            row |= {
                "W_NAME_1": WRITE_IN[0],
                "W_ORG_1": WRITE_IN[1],
                "W_DOMAIN_1": WRITE_IN[2],
                "W_FREQ_1": WRITE_IN[3],
            }
        (q_rows if i % 2 == 0 else l_rows).append(row)
    written["qualtrics"] = [
        _write(folder / "qualtrics.csv", qualtrics_text(q_rows, start=f"{wave}-03-01 09:00:00"))
    ]
    written["limesurvey"] = [_write(folder / "limesurvey.csv",
                                    limesurvey_text([to_limesurvey(r) for r in l_rows], submitted=f"{wave}-03-01 09:20:00"))]  # fmt: skip

    # Network Canvas: three actors who did not answer the survey, with ties in the demo.
    respondents = {r["actor_id"] for r in answered}
    senders = here[~here["source"].isin(respondents)]["source"].value_counts()
    egos = list(senders.index[:3])
    nc_files: list[Path] = []
    namespace = uuid.UUID(int=seed)
    for n, ego in enumerate(egos, 1):
        ego_uuid = str(uuid.uuid5(namespace, f"{wijk}/{wave}/{ego}"))
        case = f"interview{n}"
        alters = list(dict.fromkeys(here[here["source"] == ego]["target"]))[:6]
        weights = here[here["source"] == ego].groupby("target")["weight"].max()
        nodes = [(k + 1, str(uuid.uuid5(namespace, f"{ego_uuid}/{a}")), a, info[a]["name"], str(int(float(weights[a]))))
                 for k, a in enumerate(alters)]  # fmt: skip
        nodes.append(
            (
                len(nodes) + 1,
                str(uuid.uuid5(namespace, f"{ego_uuid}/write-in")),
                "",
                NC_WRITE_IN,
                "2",
            )
        )
        uuid_of = {a: u for _, u, a, _, _ in nodes if a}
        node_id = {a: k for k, _, a, _, _ in nodes if a}
        base = folder / "networkcanvas" / f"{case}_{ego_uuid}"
        nc_files.append(_write(Path(f"{base}_ego.csv"),
                               f"networkCanvasEgoUUID,networkCanvasCaseID,actor_id,organisation\n"
                               f"{ego_uuid},{case},{ego},\"{info[ego]['organisation']}\"\n"))  # fmt: skip
        lines = ["nodeID,networkCanvasEgoUUID,networkCanvasUUID,actor_id,name,frequency"]
        lines += [f'{k},{ego_uuid},{u},{a},"{name}",{w}' for k, u, a, name, w in nodes]
        nc_files.append(_write(Path(f"{base}_attributeList_Person.csv"), "\n".join(lines) + "\n"))
        lines = [
            "edgeID,from,to,networkCanvasEgoUUID,networkCanvasSourceUUID,networkCanvasTargetUUID,frequency"
        ]
        pairs = here[
            here["source"].isin(alters)
            & here["target"].isin(alters)
            & (here["tie_type"] == "samenwerking")
        ]
        for e, r in enumerate(pairs.drop_duplicates(["source", "target"]).itertuples(), 1):
            lines.append(f"{e},{node_id[r.source]},{node_id[r.target]},{ego_uuid},{uuid_of[r.source]},{uuid_of[r.target]},"
                         f"{int(float(r.weight))}")  # fmt: skip
        nc_files.append(_write(Path(f"{base}_edgeList_samenwerking.csv"), "\n".join(lines) + "\n"))
    written["network_canvas"] = nc_files

    # A coding sheet of two key-figure interviews.
    wijk_actors = actors[actors["wijk"] == wijk]
    present = set(roster.positions[wijk])
    key_figures = [a for a in wijk_actors[wijk_actors["role"].isin(["sleutelfiguur", "apotheker", "opbouwwerker"])]["actor_id"]
                   if a in present and a not in egos and (here["source"] == a).any()][:2]  # fmt: skip

    def mention(actor_id: str) -> str:
        name = info[actor_id]["name"]
        found = match_names([name], wijk_actors).iloc[0]
        return name if found["accepted"] and found["actor_id"] == actor_id else actor_id

    rows = []
    for n, interviewee in enumerate(key_figures, 1):
        interview = f"gesprek-{wijk.lower().replace(' ', '-')}-{n}"
        own = here[here["source"] == interviewee].drop_duplicates("target").head(4)
        for s, r in enumerate(own.itertuples(), 1):
            alter = info[r.target]
            theme = THEMES[int(rng.integers(len(THEMES)))]
            if r.tie_type == "verwijzing":
                quote = f"Bij {theme} verwijs ik mensen door naar {alter['name']}; dat loopt goed."
                relation = "verwijst naar"
            else:
                quote = f"Met {alter['name']} ({alter['role'] or alter['organisation']}) trek ik samen op rond {theme}."
                relation = "werkt samen met"
            rows.append({"interview_id": interview, "interviewee": interviewee if s == 1 else "", "wijk": wijk, "wave": wave,
                         "segment_id": f"{interview}-{s}", "segment": quote,
                         "codes": f"actor: {mention(r.target)}; relatie: {relation}; thema: {theme}"})  # fmt: skip
        known = set(
            here[(here["source"] == interviewee) | (here["target"] == interviewee)][
                ["source", "target"]
            ].stack()
        )
        strangers = [a for a in roster.positions[wijk] if a not in known and a != interviewee]
        stranger = info[strangers[int(rng.integers(len(strangers)))]]
        rows.append({"interview_id": interview, "interviewee": "", "wijk": wijk, "wave": wave,
                     "segment_id": f"{interview}-{len(own) + 1}",
                     "segment": f"{stranger['name']} ken ik niet, terwijl we dezelfde gezinnen zien.",
                     "codes": f"actor: {mention(stranger['actor_id'])}; relatie: kent niet maar zou moeten"})  # fmt: skip
        rows.append({"interview_id": interview, "interviewee": "", "wijk": wijk, "wave": wave,
                     "segment_id": f"{interview}-{len(own) + 2}",
                     "segment": f"Ik zou graag iets opzetten met het {WISH}, daar komen veel buurtbewoners.",
                     "codes": f"actor: {WISH}; relatie: wil verbinden"})  # fmt: skip
    # The story's participation conversations of this wijk and wave: the demo's themes and signals.
    themes = tables["themes"]
    themes = themes[(themes["wijk"] == wijk) & (themes["wave"] == wave)]
    relation_of = {sid: RELATIONS[t] for sid, t in zip(signals["segment_id"], signals["tie_type"])}
    seen: set[str] = set()
    story_rows: list[dict] = []
    for segment_id, segment in themes.groupby("segment_id", sort=False):
        first = segment.iloc[0]
        interviewee, mentioned = first["actors"].split(";")[:2]
        codes = [
            f"actor: {mention(mentioned)}",
            f"relatie: {relation_of.get(segment_id, 'werkt samen met')}",
        ]
        codes += [f"thema: {theme}" for theme in segment["theme"]]
        story_rows.append({"interview_id": first["interview_id"],
                     "interviewee": interviewee if first["interview_id"] not in seen else "", "wijk": wijk,
                     "wave": wave, "segment_id": segment_id, "segment": first["quote"], "codes": "; ".join(codes)})  # fmt: skip
        seen.add(first["interview_id"])
    # between the two key-figure interviews: the sheet still starts and ends with a key-figure interview
    after_first = (
        sum(1 for r in rows if r["interview_id"] == rows[0]["interview_id"]) if rows else 0
    )
    rows[after_first:after_first] = story_rows
    sheet = pd.DataFrame(
        rows,
        columns=["interview_id", "interviewee", "wijk", "wave", "segment_id", "segment", "codes"],
    )
    written["interviews"] = [_write(folder / "gesprekken.csv", _frame_csv(sheet))]
    (folder / "LEESMIJ.txt").write_bytes(
        (
            f"Fictieve ruwe exports van het wijknet-demoproject (wijk {wijk}, meting {wave}): alle namen en antwoorden "
            "zijn verzonnen.\nFictional raw exports of the wijknet demo project: all names and answers are made up.\n"
            "Probeer / try: wijknet init PROJECT && wijknet import PROJECT actors.csv && "
            f"wijknet import PROJECT qualtrics.csv limesurvey.csv gesprekken.csv --wave {wave} && "
            f"wijknet import PROJECT networkcanvas/*.csv --wijk {wijk} --wave {wave}\n"
        ).encode()
    )
    return written
