"""Shared page elements: title, demo-data banner, load errors, active filters, plain text.

Every string that comes from users or data (names, write-ins, wijk and
organisation names, file names, domain labels, waves, session titles, error
messages that quote values) goes through :func:`literal` before it reaches
an element that reads Markdown (``st.markdown``, ``st.caption``,
``st.write``, ``st.info``/``warning``/``error``/``success``, titles,
widget labels and radio options). A write-in ``![x](http://...)`` is then
shown as those characters, and the browser fetches nothing.
"""

from __future__ import annotations

import streamlit as st

from wijknet.core import formatting as fmt
from wijknet.core.glossary import audience_label as glossary_audience_label
from wijknet.core.i18n import LANGUAGES
from wijknet.privacy import Audience
from wijknet.privacy.audience import audience_choices
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.webapp import state
from wijknet.webapp.session import language
from wijknet.webapp.texts import literal, t  # noqa: F401  (literal: part of ui's interface)


def header(title_key: str, *, filters: bool = True) -> state.Selection:
    """Show the page title and banners; stop the page when the project failed to load.

    Returns the current :class:`~wijknet.webapp.state.Selection` with a loaded
    project and a chosen wijk and wave.
    """
    sel = state.selection()
    st.title(t(title_key))
    if sel.project is not None and sel.project.config.synthetic:
        st.warning(t("synthetic"), icon=":material/science:")
    if sel.error is not None or sel.project is None or sel.wijk is None:
        st.error(t("load_error"), icon=":material/error:")
        if sel.error:
            st.code(sel.error, language=None, wrap_lines=True)
        st.stop()
    if sel.project.warnings:
        with st.expander(t("project_warnings")):
            for warning in sel.project.warnings:
                st.write(literal(warning))  # warnings quote labels from the data
    if filters:
        st.caption(filter_summary(sel))
    if is_aggregate_only(
        sel.project
    ):  # the leernetwerk: small groups merged, so figures differ from the wijk's own
        st.caption(t("merged_note"))
    return sel


def filter_summary(sel: state.Selection, *, with_wave: bool = True) -> str:
    """The active wijk, wave and filters as Markdown (the names from the data made :func:`literal`)."""
    types = literal(", ".join(sel.tie_types)) if sel.tie_types else t("all_types")
    if sel.min_weight is None:
        weight = t("no_minimum")
    else:
        weight = fmt.number(
            sel.min_weight, 0 if float(sel.min_weight).is_integer() else 1, sel.lang
        )
    if with_wave:
        return t(
            "active_filters",
            wijk=literal(sel.wijk),
            wave=literal(sel.wave),
            types=types,
            weight=weight,
        )
    return t("active_filters_waves", wijk=literal(sel.wijk), types=types, weight=weight)


def domain_label(sel: state.Selection, key: str) -> str:
    return sel.project.taxonomy.label(key, sel.lang)


#: d3 number formats per language, for the ``locale`` configuration of altair charts.
_NUMBER_LOCALE = {
    "nl": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}


def localise(chart, lang: str):
    """An altair chart with the number format of ``lang`` (decimal comma in Dutch) and projector-sized text."""
    return (
        chart.configure(
            locale={"number": _NUMBER_LOCALE.get(lang, _NUMBER_LOCALE["en"])},
            font="Source Sans Pro, Segoe UI, Arial, sans-serif",
        )
        .configure_axis(
            labelFontSize=16, titleFontSize=16, labelColor="#222222", titleColor="#222222"
        )
        .configure_legend(labelFontSize=16, titleFontSize=16, labelLimit=0)
        .configure_title(fontSize=18, anchor="start")
    )


def audience_label(audience: str) -> str:
    """``wijkteam:Daalhof`` as "PlusWIJkteam Daalhof" (:func:`wijknet.core.glossary.audience_label`)."""
    return glossary_audience_label(audience, language())


def _css_string(value: str) -> str:
    """``value`` as a CSS string literal (quotes and backslashes escaped, no line breaks)."""
    return '"' + " ".join(str(value).split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def builtin_texts_css() -> str:
    """CSS that replaces Streamlit's own English texts of the file uploader by Dutch (or English) ones.

    Streamlit 1.67 has no parameter for the uploader's "Drag and drop files
    here", "Upload" and "Limit 50MB per file • CSV, …": the dropzone's own
    text is set to size 0 and the instructions are hidden; the button gets
    :func:`t` ``upload_button`` as its label and the dropzone ``upload_drop``
    before it. The full Dutch hint (types, limit) stands beside the uploader
    (``upload_hint``, shown by the page). Selectboxes and multiselects get
    Dutch placeholders and ``select_all=False`` at the call.
    """
    zone = '[data-testid="stFileUploaderDropzone"]'
    return (
        "<style>"
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] {{ display: none !important; }}'
        f"{zone} *, {zone} button * {{ font-size: 0 !important; }}"
        f"{zone} button::after {{ content: {_css_string(t('upload_button'))}; font-size: 1rem; }}"
        f"{zone}::before {{ content: {_css_string(t('upload_drop'))}; font-size: 1rem; margin-right: 1rem; }}"
        "</style>"
    )


def _record_unlock(folder: str) -> None:
    from wijknet.store.audit import record
    from wijknet.webapp.auth import current_session

    if st.session_state.get("unlocked"):
        user = current_session()
        record(folder, "unlock", username=user.username if user else "")


def viewer_controls() -> None:
    """The sidebar's "Bekijken als" and "Echte namen tonen": who the app shows the data to.

    A project store takes the audience from the signed-in user; a tidy folder
    (which its owner already has in full) lets the owner look as each audience.
    """
    from wijknet.core.errors import DataError
    from wijknet.store.db import is_store

    st.html(builtin_texts_css())  # Dutch instead of Streamlit's English uploader texts
    try:
        folder = str(state.project_folder())
    except (OSError, DataError):
        return  # open_project reports it
    store = is_store(folder)
    if "unlocked" not in st.session_state:
        st.session_state["unlocked"] = state.is_fictional(folder)
    with st.sidebar:
        if not store:
            try:
                wijken = state.all_wijken(folder)
            except (DataError, OSError, ValueError):
                wijken = []  # open_project shows the problem
            options = audience_choices(wijken)
            chosen = st.session_state.get("view_as")
            if chosen not in options:
                # The browser sends the label it showed: after a language switch
                # "Learning network" still means leernetwerk.
                by_label = {
                    glossary_audience_label(o, lang): o for o in options for lang in LANGUAGES
                }
                st.session_state["view_as"] = by_label.get(chosen, options[0])  # else the owner
            lang = language()
            st.selectbox(
                t("view_as"),
                options,
                key="view_as",
                # in this run's language, also when called after it (Streamlit's AppTest)
                format_func=lambda audience: glossary_audience_label(audience, lang),
                help=t("view_as_help"),
                placeholder=t("choose_option"),
            )
        audience, _ = state.viewer(folder)
        if store:
            st.caption(t("viewing_as", audience=literal(audience_label(audience))))
        if Audience.parse(audience).may_unlock:
            st.toggle(
                t("unlock"),
                key="unlocked",
                help=t("unlock_help"),
                on_change=_record_unlock if store else None,
                args=(folder,) if store else None,
            )


def weight_filters(sel: state.Selection) -> tuple[str, int | None]:
    """The sidebar's tie strength from the ratings (``weight``) and "close collaboration only" (``min_level``).

    Shown only to an audience that sees ratings (researchers) of a project
    with ratings; everyone else gets the plain map (``("weight", None)``),
    see :func:`wijknet.graph.build.build_graph`.
    """
    audience = sel.project.audience
    if sel.project.ratings.empty or (audience is not None and not audience.sees_ratings):
        return "weight", None
    options = ("weight", "intensity", "trust")
    weight = st.radio(
        t("weight_by"),
        options,
        key=f"map_weight_{sel.lang}",
        format_func=lambda o: t(f"weight_by_{o}"),
        help=t("weight_by_help"),
    )
    close = st.toggle(t("min_level_toggle"), value=False, key="map_min_level")
    return weight, 3 if close else None


# --- partial: a wijk or wave without data ------------------------------------------


def missing_data_text(sel: state.Selection, *, any_wave: bool = False) -> str | None:
    """What is missing for the selection, in plain words with the import step; None when there is data.

    ``any_wave``: the page uses every wave of the wijk, so only a wijk
    without data in any wave is missing.
    """
    waves = sel.waves_with_data()
    if (sel.has_data and not any_wave) or (any_wave and waves):
        return None
    wijk = literal(sel.wijk)
    lines = [
        t("partial_no_wijk_data", wijk=wijk)
        if any_wave or not waves
        else t("partial_no_data", wijk=wijk, wave=literal(sel.wave))
    ]
    if waves and not any_wave:
        lines.append(t("partial_other_waves", wijk=wijk, waves=literal(", ".join(waves))))
    lines.append(t("partial_import_step"))
    return "\n\n".join(lines)


def require_data(sel: state.Selection, *, any_wave: bool = False) -> None:
    """Stop the page with a plain message when the chosen wijk has no ties in the chosen wave.

    Instead of an empty map or zero counts, the page says which wijk and
    wave have no data, which waves do, and points to the import step.
    """
    message = missing_data_text(sel, any_wave=any_wave)
    if message is not None:
        st.info(message, icon=":material/info:")
        st.stop()


def user_error(exc: Exception, lang: str | None = None) -> str:
    """A library error as a Dutch (or English) message for the page: never the raw library text.

    Typed errors (:class:`wijknet.core.errors.UserError`) carry their own
    text; any other error becomes the general message of the page.
    """
    from wijknet.core.errors import UserError

    if isinstance(exc, UserError):
        return exc.message(lang)
    return t("partial_error_general")
