"""Auditlog: who did what in a project store (researchers only).

Listed in the navigation only for the audience ``onderzoeker``
(``RESEARCHER_PAGES`` of the entry script); the page checks the audience
again itself, so opening its address directly shows nothing to others.
"""

import streamlit as st

from wijknet.access.log import audit_table
from wijknet.core.glossary import AUDIT_ACTIONS, label
from wijknet.store.audit import ACTIONS
from wijknet.webapp import auth
from wijknet.webapp.session import language
from wijknet.webapp.texts import t

st.title(t("page_audit"))
folder = auth.store_folder()
viewer = auth.capabilities()
if folder is None or viewer is None or not viewer.sees_audit_log:
    st.error(t("audit_only_researchers"), icon=":material/block:")
    st.stop()

st.write(t("audit_intro"))
left, right = st.columns([2, 1])
action = left.selectbox(
    t("audit_action"),
    [None, *ACTIONS],
    key="audit_action",
    format_func=lambda a: t("audit_all") if a is None else label(AUDIT_ACTIONS, a, language()),
    placeholder=t("choose_option"),
)
limit = right.number_input(
    t("audit_limit"), min_value=10, max_value=10_000, value=200, step=50, key="audit_limit"
)
log = audit_table(folder, action=action, limit=int(limit), lang=language())
if log.empty:
    st.info(t("audit_empty"))
else:
    st.dataframe(
        log.rename(
            columns={
                "at": t("audit_col_at"),
                "username": t("audit_col_user"),
                "action": t("audit_col_action"),
                "detail": t("audit_col_detail"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
