"""Rapport: download the publishable wijk report (HTML; PDF when Chromium is installed)."""

import streamlit as st

from wijknet.core.order import slug
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.report import PdfError
from wijknet.webapp import state, ui
from wijknet.webapp.texts import t

sel = ui.header("page_report", filters=False)
ui.require_data(sel)  # partial: a wijk or wave without data says so
# A leernetwerk gets the programme report across the wijken; everyone else the report of the chosen wijk.
wijk = None if is_aggregate_only(sel.project) else sel.wijk
if wijk is None:
    st.write(t("report_intro_programme", wave=ui.literal(sel.wave)))
else:
    st.write(t("report_intro", wijk=ui.literal(sel.wijk), wave=ui.literal(sel.wave)))
folder, sig = sel.key
kind = "wijkrapport" if wijk else "programmarapport"
name = f"{kind}-{slug(str(wijk or 'programma') + '-' + str(sel.wave))}"
with st.spinner("…"):
    html = state.report_html(folder, sig, wijk, sel.wave, sel.lang)
st.download_button(
    t("report_html"),
    data=html.encode("utf-8"),
    file_name=f"{name}.html",
    mime="text/html",
    key="report_html",
    type="primary",
    on_click=state.record_export,
    args=(folder, "report"),
    kwargs={"format": "html", "wijk": wijk or ""},
)
st.caption(t("report_html_note"))
if state.pdf_available():
    if st.button(t("report_make_pdf"), key="report_make_pdf"):
        try:
            with st.spinner("PDF …"):
                st.session_state["report_pdf_for"] = (folder, sig, wijk, sel.wave, sel.lang)
                state.report_pdf(folder, sig, wijk, sel.wave, sel.lang)
        except PdfError as exc:
            st.session_state.pop("report_pdf_for", None)
            st.error(ui.literal(exc))
    if st.session_state.get("report_pdf_for") == (folder, sig, wijk, sel.wave, sel.lang):
        st.download_button(
            t("report_pdf"),
            data=state.report_pdf(folder, sig, wijk, sel.wave, sel.lang),
            file_name=f"{name}.pdf",
            mime="application/pdf",
            key="report_pdf",
            on_click=state.record_export,
            args=(folder, "report"),
            kwargs={"format": "pdf", "wijk": wijk or ""},
        )
else:
    st.info(t("report_no_pdf"))

# --- steering: the steering-group report (researchers and leernetwerk; a wijkteam gets its own wijk's report)
viewer = sel.project.audience
if viewer is None or viewer.sees_other_wijken:
    st.subheader(t("steering_title"))
    st.write(t("steering_intro"))
    period = st.selectbox(
        t("steering_period"), state.steering_periods(folder, sig), key="steering_period"
    )
    steering_key = (folder, sig, period, sel.lang)
    if st.button(t("steering_make"), key="steering_make"):
        with st.spinner(t("steering_busy")):
            state.steering_html(*steering_key)
        st.session_state["steering_for"] = steering_key
    if st.session_state.get("steering_for") == steering_key:
        st.download_button(
            t("steering_html"),
            data=state.steering_html(*steering_key).encode("utf-8"),
            file_name=f"stuurgroeprapportage-{slug(period)}.html",
            mime="text/html",
            key="steering_html",
            on_click=state.record_export,
            args=(folder, "report"),
            kwargs={"format": "html", "wijk": "", "kind": "stuurgroep"},
        )
        if state.pdf_available():
            try:
                pdf = state.steering_pdf(*steering_key)
            except PdfError as exc:
                st.error(ui.literal(exc))
            else:
                st.download_button(
                    t("steering_pdf"),
                    data=pdf,
                    file_name=f"stuurgroeprapportage-{slug(period)}.pdf",
                    mime="application/pdf",
                    key="steering_pdf",
                    on_click=state.record_export,
                    args=(folder, "report"),
                    kwargs={"format": "pdf", "wijk": "", "kind": "stuurgroep"},
                )

audience = sel.project.audience
if audience is not None and audience.may_anonymise:
    st.subheader(t("anonymised_title"))
    st.write(t("anonymised_intro"))
    if st.button(t("anonymised_make"), key="anonymised_make"):
        st.session_state["anonymised_for"] = (folder, sig)
        state.record_export(folder, "anonymised_export")
    if st.session_state.get("anonymised_for") == (folder, sig):
        st.download_button(
            t("anonymised_download"),
            data=state.anonymised_zip(folder, sig),
            file_name="wijknet-anoniem.zip",
            mime="application/zip",
            key="anonymised_zip",
        )
