"""Rapport: download the publishable wijk report (HTML; PDF when Chromium is installed)."""

import re

import streamlit as st

from wijknet.report import PdfError
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

sel = ui.header("page_report", filters=False)
st.write(t("report_intro", wijk=sel.wijk, wave=sel.wave))
folder, sig = sel.key
slug = re.sub(r"[^a-z0-9]+", "-", f"{sel.wijk}-{sel.wave}".lower()).strip("-")
name = f"wijkrapport-{slug}"
with st.spinner("…"):
    html = state.report_html(folder, sig, sel.wijk, sel.wave, sel.lang)
st.download_button(t("report_html"), data=html.encode("utf-8"), file_name=f"{name}.html", mime="text/html",
                   key="report_html", type="primary")
st.caption(t("report_html_note"))
if state.pdf_available():
    if st.button(t("report_make_pdf"), key="report_make_pdf"):
        try:
            with st.spinner("PDF …"):
                st.session_state["report_pdf_for"] = (folder, sig, sel.wijk, sel.wave, sel.lang)
                state.report_pdf(folder, sig, sel.wijk, sel.wave, sel.lang)
        except PdfError as exc:
            st.session_state.pop("report_pdf_for", None)
            st.error(str(exc))
    if st.session_state.get("report_pdf_for") == (folder, sig, sel.wijk, sel.wave, sel.lang):
        st.download_button(t("report_pdf"), data=state.report_pdf(folder, sig, sel.wijk, sel.wave, sel.lang),
                           file_name=f"{name}.pdf", mime="application/pdf", key="report_pdf")
else:
    st.info(t("report_no_pdf"))
