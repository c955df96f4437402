"""Personal links of live participants: their address and a printable sheet with one QR code each.

:func:`wijknet.live.session.issue_links` makes the tokens; this module turns
them into links (``<server>/p/<token>``) and a self-contained HTML sheet to
print and cut: per participant the label the organiser may see, the QR code
(SVG made by `segno <https://segno.readthedocs.io>`_, no image files, nothing
loaded from elsewhere) and the link written out. The sheet holds the tokens,
so it is as personal as the answers: print it and delete the file.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import segno

from wijknet.core.i18n import text

TEXTS = {
    "title": {"nl": "Persoonlijke links: {title}", "en": "Personal links: {title}"},
    "intro": {
        "nl": "Knip dit vel in stroken en geef iedereen alleen de eigen strook. Met de QR-code of de link opent "
              "de deelnemer het eigen formulier; wie een strook van een ander heeft, kan voor die ander antwoorden. "
              "Een verloren link trekt u in met: wijknet live revoke {folder} {code} --participant ID "
              "(of maak een nieuwe op de pagina Live netwerkkaart).",
        "en": "Cut this sheet into slips and give everyone only their own slip. With the QR code or the link a "
              "participant opens their own form; whoever holds someone else's slip can answer for them. Revoke "
              "a lost link with: wijknet live revoke {folder} {code} --participant ID (or make a new one on the "
              "Live network map page).",
    },
    "scan": {"nl": "Scan met de camera van uw telefoon, of typ de link over:",
             "en": "Scan with your phone's camera, or type the link:"},
}  # fmt: skip


@dataclass(frozen=True)
class Slip:
    """One participant's slip: the label shown, a description (role, domain) and the personal link."""

    label: str
    detail: str
    url: str


def link_url(base: str, token: str) -> str:
    """The personal link of ``token`` on the server at ``base`` (e.g. ``http://192.168.1.23:8600``)."""
    return f"{base.rstrip('/')}/p/{token}"


def qr_svg(url: str, scale: int = 4) -> str:
    """The QR code of ``url`` as inline SVG (error correction M, as large as a phone camera needs).

    ``scale``: pixels per module (4 on a printed slip; larger on a projector).
    """
    return segno.make_qr(url, error="m").svg_inline(scale=scale, border=2)


def links_sheet(
    title: str, slips: list[Slip], *, folder: str = "DIR", code: str = "CODE", lang: str = "nl"
) -> str:
    """A printable HTML sheet: one slip per participant with label, QR code and link.

    Every value is HTML-escaped; the page has no script and loads nothing.
    """
    rows = []
    for slip in slips:
        rows.append(
            f'<section class="slip"><div class="qr">{qr_svg(slip.url)}</div><div><p class="who">'
            f'{html.escape(slip.label)}</p><p class="detail">{html.escape(slip.detail)}</p>'
            f'<p class="scan">{html.escape(text(TEXTS, "scan", lang))}</p><p class="url">{html.escape(slip.url)}</p>'
            "</div></section>"
        )
    heading = html.escape(text(TEXTS, "title", lang, title=title))
    intro = html.escape(text(TEXTS, "intro", lang, folder=folder, code=code))
    style = ("body{font:14px/1.4 system-ui,Arial,sans-serif;margin:12mm}h1{font-size:18px}"
             ".slip{display:flex;gap:14px;align-items:center;border-top:1px dashed #888;padding:10px 0;"
             "break-inside:avoid}.who{font-weight:700;font-size:16px;margin:0}.detail{margin:2px 0;color:#444}"
             ".scan{margin:6px 0 0;font-size:12px}.url{font-family:monospace;font-size:12px;overflow-wrap:anywhere;"
             "margin:0}")  # fmt: skip
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
            f"<title>{heading}</title><style>{style}</style></head><body><h1>{heading}</h1><p>{intro}</p>"
            f"{''.join(rows)}</body></html>")  # fmt: skip


def slips(
    folder,
    code: str,
    tokens: dict[str, str],
    base: str,
    *,
    real_names: bool = False,
    lang: str = "nl",
) -> list[Slip]:
    """The slips of newly issued ``tokens`` (``actor_id -> token``), sorted by label.

    The label is what the wijkteam of the session's wijk sees (the name, or
    the pseudonym of a resident or a professional without consent), the real
    name only with ``real_names`` (a researcher with names unlocked).
    """
    from pathlib import Path

    from wijknet.core.settings import ProjectConfig
    from wijknet.live.session import roster

    taxonomy = ProjectConfig.load(Path(folder)).taxonomy
    out = []
    for entry in roster(folder, code):
        if entry.actor_id in tokens:
            label = entry.name if real_names else entry.label
            detail = ", ".join(
                x for x in (entry.role, taxonomy.label(taxonomy.canonical(entry.domain), lang)) if x
            )
            out.append(Slip(label, detail, link_url(base, tokens[entry.actor_id])))
    return sorted(out, key=lambda s: s.label.casefold())
