"""Respondent feedback as one-page HTML documents (the profiles of :mod:`wijknet.analysis.feedback`)."""

from __future__ import annotations

import datetime
from functools import partial
from pathlib import Path

from wijknet.analysis.feedback import (
    MIN_REPORTERS,
    FeedbackProfile,
    feedback_actors,
    feedback_profile,
    network_facts,
)
from wijknet.core import formatting as fmt
from wijknet.core.i18n import get_language, text
from wijknet.core.order import slug
from wijknet.core.version import __version__
from wijknet.project import Project
from wijknet.report.build import check_wijk_wave
from wijknet.report.render import environment
from wijknet.report.texts import TEXTS

__all__ = ["render_feedback_html", "write_feedback"]


def render_feedback_html(
    profile: FeedbackProfile, project: Project, lang: str | None = None
) -> str:
    """The profile as a one-page, self-contained HTML document (A4).

    Parameters
    ----------
    profile : FeedbackProfile
    project : Project
        For the domain labels and the project title.
    lang : {"nl", "en"}, optional
        Default: the active language.

    Returns
    -------
    str
    """
    lang = lang or get_language()
    t = partial(text, TEXTS, lang=lang)
    tax = project.taxonomy
    k = MIN_REPORTERS

    def num(value, decimals=0):
        return fmt.number(float(value), decimals, lang)

    median = num(profile.median_partners, 0 if float(profile.median_partners).is_integer() else 1)
    place = []
    if profile.partners is not None:
        place.append(t("fb_partners", n=profile.partners, d=profile.partner_domains, median=median))
    else:
        place.append(t("fb_partners_own", n=profile.named, d=profile.named_domains, median=median))
    if profile.previous is not None and profile.partners_previous is not None:
        place.append(t("fb_partners_previous", wave=profile.previous, n=profile.partners_previous))
    if profile.connector:
        place.append(t("fb_connector"))
    elif profile.brokerage_total > 0:
        place.append(t("fb_broker", n=profile.brokerage_total))
    else:
        place.append(t("fb_no_broker"))
    if profile.bridge:
        place.append(t("fb_bridge"))
    others = []
    if profile.suppressed:
        others.append(t("fb_suppressed", k=k))
    else:
        others.append(t("fb_named_by", n=profile.named_by))
        if profile.mean_weight_received is not None:
            # No scale from the data: in a small project the lowest or highest weight is someone's answer.
            others.append(t("fb_weight", mean=num(profile.mean_weight_received, 1)))
    rows = [
        {
            "label": tax.label(d.domain, lang),
            "colour": tax.colour(d.domain),
            "named": str(d.named),
            "named_by": t("fb_cell_suppressed", k=k) if d.named_by is None else str(d.named_by),
        }
        for d in profile.by_domain
    ]
    who = profile.name
    if profile.kind == "person" and profile.organisation:
        who = f"{profile.name} ({profile.organisation})"
    context = {
        "lang": lang, "t": t, "synthetic": profile.synthetic, "doc_title": t("fb_title"),
        "subtitle": t("fb_sub", name=who, wijk=profile.wijk, wave=profile.wave),
        "meta": t("doc_meta", title=project.config.title or "wijknet", date=_today(), version=__version__),
        "footer": f"wijknet {__version__}", "intro": t("fb_intro", wijk=profile.wijk, k=k), "place": place,
        "others": others, "rows": rows, "note": t("fb_note", k=k),
    }  # fmt: skip
    return environment().get_template("feedback.html").render(**context)


def _today() -> str:
    return datetime.date.today().isoformat()


def write_feedback(
    project: Project, wijk: str, wave: str, out: str | Path, lang: str | None = None
) -> list[Path]:
    """Write ``feedback-<actor_id>.html`` for every actor of :func:`feedback_actors` into ``out``.

    Raises
    ------
    DataError
        When the wijk or wave is not in the project.
    """
    check_wijk_wave(project, wijk, wave)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    facts = network_facts(project, wijk, wave)
    for actor_id in feedback_actors(project, wijk, wave):
        profile = feedback_profile(project, actor_id, wave, network=facts)
        path = out / f"feedback-{slug(actor_id, fallback='actor')}.html"
        path.write_text(render_feedback_html(profile, project, lang), encoding="utf-8")
        written.append(path)
    return written
