"""Gegevens importeren: upload files into a project store (preview, then import) and link names in the queue.

Only a project store (``wijknet init``) takes imports; for a tidy folder or
the demo project the page explains how to make one. In a store with sign-in
only the audience ``onderzoeker`` may import or link names. Everything is
done by library functions: :func:`wijknet.store.uploads.save_uploads`
(safe names in a fresh temporary folder), :func:`wijknet.store.preview_import`
(a dry run), :func:`wijknet.store.import_files` (one transaction) and
:mod:`wijknet.store.registry` (the queue of write-ins and respondents).
"""

from pathlib import Path

import pandas as pd
import streamlit as st

from wijknet.analysis import tables
from wijknet.core import formatting as fmt
from wijknet.core.errors import DataError
from wijknet.core.settings import ProjectConfig
from wijknet.core.taxonomy import Taxonomy
from wijknet.privacy import Audience
from wijknet.resolve.matching import actor_labels
from wijknet.store import import_files, is_store, preview_import, registry
from wijknet.store.kinds import KINDS
from wijknet.store.uploads import max_upload_mb, save_uploads
from wijknet.webapp import auth, state, ui
from wijknet.webapp.texts import TEXTS, t

UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx", "graphml", "gexf", "xml", "json", "zip"]
QUEUE_SHOWN = 30  # rows of the resolve queue shown at once
PRESELECT = 0.5  # the proposed actor is chosen in advance only from this score (a weak guess is not a default)

sel = state.selection()
st.title(t("page_import"))
folder = sel.folder
if not folder or not is_store(folder):
    st.info(t("import_no_store"), icon=":material/info:")
    st.code(
        "wijknet init MIJNPROJECT --wave 2025 --wave 2026\nwijknet import MIJNPROJECT actoren.csv relaties.csv\n"
        "wijknet app MIJNPROJECT",
        language=None,
    )
    st.stop()
audience = auth.current_audience()
if audience is not None and not Audience.parse(audience).may_import:
    st.error(t("import_only_researchers"), icon=":material/block:")
    st.stop()
session = auth.current_session()
signed_in = (
    session.username if session else None
)  # who imports and links, for the audit log and the aliases


def problem_table(problems, what: str = "import_col_problem") -> pd.DataFrame:
    """Problems (or notes, ``what="import_col_note"``) as a table of plain text: file, (sheet,) row, column, message."""
    sheets = any(getattr(p, "sheet", None) for p in problems)  # readers of workbooks name the sheet
    return pd.DataFrame(
        [
            {
                t("import_col_file"): p.file,
                **({t("import_col_sheet"): getattr(p, "sheet", None) or ""} if sheets else {}),
                t("import_col_row"): "" if p.row is None else str(p.row),
                t("import_col_column"): p.column or "",
                t(what): p.message,
            }
            for p in problems
        ]
    )


def reload_project() -> None:
    """Start the script again so the entry script loads the changed store (its files' signature changed).

    The tie filters start afresh: their range belongs to the data before the change.
    """
    for key in ("min_weight", "tie_types"):
        st.session_state.pop(key, None)
    st.rerun()


def count_text(counts: dict) -> str:
    parts = [
        t(f"import_count_{k}", n=n) for k, n in counts.items() if n and f"import_count_{k}" in TEXTS
    ]
    return ", ".join(parts) or t("import_count_nothing")


project = sel.project
try:
    waves = list(ProjectConfig.load(Path(folder)).waves or [])
except DataError:
    waves = []
if not waves and project is not None:
    waves = list(project.waves)
wijken = list(project.wijken) if project is not None else []

# --- 1. upload, check, import ---------------------------------------------------------------------------------

st.header(t("import_upload_title"))
for key in ("import_done", "resolve_done"):
    if st.session_state.get(key):
        st.success(st.session_state.pop(key), icon=":material/check_circle:")
st.write(t("import_intro"))
generation = st.session_state.setdefault("import_generation", 0)
uploads = st.file_uploader(
    t("import_files"),
    type=UPLOAD_TYPES,
    accept_multiple_files=True,
    key=f"import_uploads_{generation}",
    max_upload_size=max_upload_mb(),
    help=t("import_files_help", mb=max_upload_mb()),
)
st.caption(t("upload_hint", types=", ".join(UPLOAD_TYPES), mb=max_upload_mb()))
left, middle, right = st.columns(3)
kind = left.selectbox(
    t("import_kind"),
    list(KINDS),
    index=None,
    key="import_kind",
    placeholder=t("import_kind_auto"),
    help=t("import_kind_help"),
)
wave = middle.selectbox(
    t("import_wave"),
    waves,
    index=None,
    key="import_wave",
    accept_new_options=True,
    placeholder=t("import_none"),
    help=t("import_wave_help"),
)
wijk = right.selectbox(
    t("import_wijk"),
    wijken,
    index=None,
    key="import_wijk",
    accept_new_options=True,
    placeholder=t("import_none"),
    help=t("import_wijk_help"),
)
with st.expander(t("import_more")):
    sheet = (
        st.text_input(
            t("import_sheet"),
            key="import_sheet",
            placeholder=t("import_sheet_auto"),
            help=t("import_sheet_help"),
        ).strip()
        or None
    )
    core = tables.core_questions(sel.lang)
    allow_missing = tuple(
        st.multiselect(
            t("import_allow_missing"),
            list(core),
            key="import_allow_missing",
            select_all=False,
            placeholder=t("import_allow_missing_none"),
            help=t("import_allow_missing_help"),
            format_func=core.get,
        )
    )
files = [(f.name, f.getvalue()) for f in uploads or []]
fingerprint = (
    tuple((name, len(content)) for name, content in files),
    kind,
    wave,
    wijk,
    sheet,
    allow_missing,
)

if st.button(t("import_check"), key="import_check", disabled=not files, type="primary"):
    try:
        with st.spinner(t("import_checking")), save_uploads(files) as upload:
            st.session_state["import_preview"] = (
                fingerprint,
                preview_import(
                    folder,
                    upload.paths,
                    kind=kind,
                    wave=wave,
                    wijk=wijk,
                    sheet=sheet,
                    allow_missing=allow_missing,
                ),
            )
    except DataError as exc:  # a file over the size limit, or not a store
        st.session_state.pop("import_preview", None)
        st.error(t("import_failed"), icon=":material/error:")
        st.dataframe(problem_table(exc.problems), hide_index=True, width="stretch")

stored = st.session_state.get("import_preview")
if stored is not None and stored[0] == fingerprint and files:
    report = stored[1]
    st.subheader(t("import_preview_title"))
    for f in report.files:
        with st.container(border=True):
            kind_label = f.kind or t("import_kind_unknown")
            st.markdown(f"**{ui.literal(f.name)}** · {kind_label}")
            if f.status == "already":
                st.info(t("import_already"), icon=":material/content_copy:")
            elif f.kind and not f.problems:
                st.write(count_text(f.counts))
            if f.head is not None and len(f.head):
                st.caption(t("import_first_rows"))
                st.dataframe(f.head.rename_axis(t("import_col_row")), width="stretch")
            if f.notes:  # every note the readers gave, as plain text in a table (never Markdown)
                st.caption(t("import_notes", n=len(f.notes)))
                st.dataframe(
                    problem_table(f.notes, "import_col_note"), hide_index=True, width="stretch"
                )
            if f.problems:
                st.dataframe(problem_table(f.problems), hide_index=True, width="stretch")
    if report.ok and not report.changed:
        st.info(t("import_nothing_new"), icon=":material/info:")
    elif report.ok:
        st.success(t("import_ready"), icon=":material/check_circle:")
        if st.button(t("import_go"), key="import_go", type="primary"):
            try:
                with st.spinner(t("import_importing")), save_uploads(files) as upload:
                    done = import_files(
                        folder,
                        upload.paths,
                        kind=kind,
                        wave=wave,
                        wijk=wijk,
                        username=signed_in,
                        sheet=sheet,
                        allow_missing=allow_missing,
                    )
            except DataError as exc:  # the store changed since the check
                st.error(t("import_failed"), icon=":material/error:")
                st.dataframe(problem_table(exc.problems), hide_index=True, width="stretch")
            else:
                lines = [t("import_done", n=done.import_id)]
                lines += [
                    f"- {ui.literal(f.name)}: {count_text(f.counts)}"
                    for f in done.files
                    if f.status == "imported"
                ]
                st.session_state["import_done"] = "\n".join(lines)
                st.session_state.pop("import_preview", None)
                st.session_state["import_generation"] = generation + 1  # an empty uploader
                reload_project()
    else:
        st.error(t("import_blocked", n=len(report.problems)), icon=":material/error:")

# --- 2. the resolve queue --------------------------------------------------------------------------------------

st.header(t("resolve_title"))
found = registry.proposals(folder)
if found.empty:
    st.write(t("resolve_nothing"))
    st.stop()
if not state.viewer(folder)[
    1
]:  # names in the queue only with the researcher's "real names" switch on
    st.info(t("resolve_locked", n=len(found), unlock=t("unlock")), icon=":material/lock:")
    st.stop()
st.write(t("resolve_intro", n=len(found)))
sure = tables.accepted_proposals(found)
if len(sure) and st.button(t("resolve_accept_all", n=len(sure)), key="resolve_accept_all"):
    try:
        done = registry.accept_matches(folder)
    except DataError as exc:
        st.error(ui.literal(exc.report()))
    else:
        st.session_state["resolve_done"] = t(
            "resolve_accepted", n=len(done.linked), obs=done.observations
        )
        reload_project()

actors = registry.store_actors(folder)
taxonomy = project.taxonomy if project is not None else Taxonomy.default()
lang = sel.lang


labels = actor_labels(actors)


def actor_label(actor_id: str, scores: dict[str, float]) -> str:
    label = labels.get(actor_id) or actor_id
    if actor_id in scores:
        return t("resolve_candidate", label=label, score=fmt.number(scores[actor_id], 2, lang))
    return label


for r in found.head(QUEUE_SHOWN).to_dict("records"):
    pid = int(r["pending_id"])
    with st.container(border=True):
        if r["what"] == "respondent":
            st.markdown(
                t(
                    "resolve_respondent",
                    pid=pid,
                    mention=ui.literal(r["mention"]),
                    wijk=ui.literal(fmt.plain_text(r["wijk"], "?")),
                    wave=ui.literal(r["wave"]),
                    row=ui.literal(r["row"]),
                )
            )
        else:
            organisation = fmt.plain_text(r.get("organisation"))  # never "(nan)"
            org = f" \\({ui.literal(organisation)}\\)" if organisation else ""
            st.markdown(
                t(
                    "resolve_write_in",
                    pid=pid,
                    mention=ui.literal(r["mention"]),
                    org=org,
                    wijk=ui.literal(fmt.plain_text(r["wijk"], "?")),
                    wave=ui.literal(fmt.plain_text(r["wave"], "?")),
                    respondent=ui.literal(fmt.plain_text(r["respondent"], "?")),
                )
            )
        scores = {c["actor_id"]: float(c["score"]) for c in r["candidates"]}
        in_wijk = tables.actors_in_wijk(actors, r["wijk"])
        others = sorted(
            (a for a in in_wijk["actor_id"] if a not in scores and a != r.get("respondent")),
            key=lambda a: actor_label(a, {}).lower(),
        )
        options = [*scores, *others]
        pick, new = st.columns(2)
        with pick:
            best = r["candidates"][0]["score"] if r["candidates"] else 0.0
            choice = st.selectbox(
                t("resolve_actor"),
                options,
                index=0 if best >= PRESELECT else None,
                key=f"resolve_actor_{pid}",
                format_func=lambda a, s=scores: actor_label(a, s),
                placeholder=t("resolve_choose"),
            )
            if st.button(
                t("resolve_confirm"), key=f"resolve_confirm_{pid}", disabled=choice is None
            ):
                try:
                    n = registry.confirm(folder, pid, choice, by=signed_in)
                except DataError as exc:
                    st.error(ui.literal(exc.report()))
                else:
                    st.session_state["resolve_done"] = t(
                        "resolve_confirmed",
                        pid=pid,
                        actor=ui.literal(actor_label(choice, {})),
                        obs=n,
                    )
                    reload_project()
        with new:
            domain = st.selectbox(
                t("resolve_domain"),
                list(taxonomy.domains),
                index=None,
                key=f"resolve_domain_{pid}",
                format_func=lambda d: taxonomy.label(d, lang),
                placeholder=t("resolve_choose"),
            )
            if st.button(t("resolve_new"), key=f"resolve_new_{pid}", disabled=domain is None):
                try:
                    actor_id, n = registry.create_actor(folder, pid, domain, by=signed_in)
                except DataError as exc:
                    st.error(ui.literal(exc.report()))
                else:
                    st.session_state["resolve_done"] = t(
                        "resolve_created", pid=pid, actor=ui.literal(actor_id), obs=n
                    )
                    reload_project()
if len(found) > QUEUE_SHOWN:
    st.caption(t("resolve_more", n=len(found) - QUEUE_SHOWN))
