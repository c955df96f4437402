"""The participants' side of a live session: a small, plain HTML form app served by tornado.

Every participant opens their **personal link** ``http://<address>:<port>/p/<token>``
(or its QR code, :mod:`wijknet.live.links`), issued per roster member by the
organiser (:func:`wijknet.live.session.issue_links`). The session code alone
opens nothing. The link shows one form: per person or organisation of the
wijk that the wijkteam sees by name, the kind of tie (samenwerken, verwijzen
or both) and its intensity (1-4), filled in with the participant's own
current answers. The form carries a fresh ``submission_id`` (uuid4), so a
form sent twice is stored once (:func:`wijknet.live.session.submit`); sending
a new form is a correction that replaces the participant's earlier answers.

Why this shape:

* **one session per server**: :func:`make_app` serves exactly the session it
  was started for; links of other sessions are refused;
* **no actor id leaves the server**: the participant is the token's holder
  (no participant field in the form), partners are named by opaque option ids
  (:func:`wijknet.live.session.option_id`), and the names are those the
  wijkteam of the wijk may see;
* **fresh state per request**: every request reads the session, the link and
  the roster from the store on its own short connection
  (:func:`wijknet.live.session.link_holder`), so a closed session, a revoked
  link or a person removed by ``wijknet forget`` counts at once, and no read
  transaction stays open;
* **plain HTML forms** (no framework, no external asset, a few lines of
  inline CSS and an optional inline filter script) load fast on any phone and
  work without JavaScript;
* **tornado** (already installed with Streamlit) serves many simultaneous
  participants from one process; the blocking SQLite work runs in a small
  thread pool so the event loop stays responsive;
* **XSRF protection** (``xsrf_cookies``), names **HTML-escaped** by tornado's
  template autoescaping, a strict Content-Security-Policy, ``no-referrer``
  (the token in the address is never sent elsewhere), ``no-store``;
* the server binds ``127.0.0.1`` by default; for phones, bind the LAN
  address on a trusted network (see ``docs/live.md``).

Texts are Dutch; ``?lang=en`` switches to English (kept in a cookie).
"""

from __future__ import annotations

import asyncio
import secrets
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Self
from urllib.parse import urlencode

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.web
from tornado.log import app_log, gen_log
from tornado.template import Template

from wijknet.core.errors import DataError
from wijknet.core.i18n import text
from wijknet.live.session import WEIGHTS, answers_of, get_session, link_holder, set_url, submit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8600
#: Threads for the store's reads and writes (SQLite serialises writers anyway).
WORKERS = 8
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: Choices of the "how" select: what it stores.
KINDS = {
    "samenwerking": ("samenwerking",),
    "verwijzing": ("verwijzing",),
    "beide": ("samenwerking", "verwijzing"),
}

TEXTS = {
    "title": {"nl": "Netwerkbijeenkomst", "en": "Network meeting"},
    "landing": {
        "nl": "Open de persoonlijke link of scan de QR-code die u van de begeleider kreeg. Zonder persoonlijke link "
              "kunt u hier niets invullen.",
        "en": "Open the personal link or scan the QR code the facilitator gave you. Without a personal link "
              "nothing can be filled in here.",
    },
    "closed": {"nl": "Deze sessie is gesloten. Dank voor uw bijdrage!",
               "en": "This session is closed. Thank you for taking part!"},
    "bad_link": {
        "nl": "Deze persoonlijke link is niet (meer) geldig. Vraag de begeleider om een nieuwe.",
        "en": "This personal link is not valid (any more). Ask the facilitator for a new one.",
    },
    "privacy": {
        "nl": "Uw antwoorden worden opgeslagen in het wijknet-project van deze wijk en tijdens de bijeenkomst "
              "getoond op de netwerkkaart. U kunt ze tot het einde van de sessie verbeteren.",
        "en": "Your answers are stored in this wijk's wijknet project and shown on the network map during the "
              "meeting. You can correct them until the session ends.",
    },
    "form_intro": {
        "nl": "Met wie werkt u samen, of naar wie verwijst u? Kies bij elke naam hoe, en hoe intensief. "
              "Laat leeg wie u niet kent of met wie u niet werkt.",
        "en": "Whom do you work with, or refer to? For each name choose how, and how intensely. "
              "Leave empty whom you do not know or do not work with.",
    },
    "you_are": {"nl": "Uw persoonlijke formulier: {name}", "en": "Your personal form: {name}"},
    "you_are_code": {
        "nl": "Uw naam wordt hier niet getoond; dit is uw code in de netwerkkaart.",
        "en": "Your name is not shown here; this is your code on the network map.",
    },
    "not_you": {
        "nl": "Niet uw formulier? Verstuur niets en geef de link terug aan de begeleider.",
        "en": "Not your form? Send nothing and give the link back to the facilitator.",
    },
    "partners_note": {
        "nl": "De lijst toont organisaties en professionals die toestemming gaven om met naam te worden genoemd; "
              "inwoners staan er niet op.",
        "en": "The list shows organisations and professionals who agreed to be named; residents are not listed.",
    },
    "filter": {"nl": "Zoek een naam", "en": "Search a name"},
    "how": {"nl": "Hoe?", "en": "How?"},
    "how_none": {"nl": "hoe?", "en": "how?"},
    "how_samenwerking": {"nl": "samenwerken", "en": "work together"},
    "how_verwijzing": {"nl": "verwijzen", "en": "refer"},
    "how_beide": {"nl": "beide", "en": "both"},
    "intensity": {"nl": "Intensiteit", "en": "Intensity"},
    "intensity_none": {"nl": "hoe sterk?", "en": "how strong?"},
    "intensity_1": {"nl": "1 weten van elkaar", "en": "1 aware of each other"},
    "intensity_2": {"nl": "2 afstemmen", "en": "2 align"},
    "intensity_3": {"nl": "3 samen doen", "en": "3 act together"},
    "intensity_4": {"nl": "4 gedeelde doelen", "en": "4 shared goals"},
    "intensity_help": {
        "nl": "Intensiteit: 1 = we weten wat de ander doet; 2 = we delen informatie en stemmen af; "
              "3 = we plannen en doen dingen samen; 4 = we werken met gedeelde doelen, middelen of werkwijze.",
        "en": "Intensity: 1 = we know what the other does; 2 = we share information and align; "
              "3 = we plan and carry out activities together; 4 = we work with shared goals, resources or ways of working.",
    },
    "send": {"nl": "Versturen", "en": "Send"},
    "chosen": {"nl": "{n} gekozen", "en": "{n} chosen"},
    "roster_changed": {
        "nl": "De lijst is intussen veranderd. Controleer uw antwoorden en verstuur opnieuw.",
        "en": "The list has changed meanwhile. Check your answers and send again.",
    },
    "errors": {"nl": "Niet verstuurd; pas dit aan:", "en": "Not sent; please correct:"},
    "missing_weight": {"nl": "kies een intensiteit bij {name}", "en": "choose an intensity for {name}"},
    "missing_how": {"nl": "kies samenwerken of verwijzen bij {name}", "en": "choose work together or refer for {name}"},
    "thanks": {"nl": "Dank u! Uw antwoorden zijn opgeslagen.", "en": "Thank you! Your answers have been saved."},
    "your_answers": {"nl": "Uw antwoorden", "en": "Your answers"},
    "no_answers": {"nl": "U heeft (nog) niemand genoemd.", "en": "You have not named anyone (yet)."},
    "correct": {"nl": "Antwoorden verbeteren", "en": "Correct your answers"},
    "col_name": {"nl": "Naam", "en": "Name"},
    "col_how": {"nl": "Hoe", "en": "How"},
    "col_intensity": {"nl": "Intensiteit", "en": "Intensity"},
    "not_found": {"nl": "Pagina niet gevonden.", "en": "Page not found."},
    "bad_request": {"nl": "Dit verzoek kon niet worden verwerkt. Laad de pagina opnieuw.",
                    "en": "This request could not be processed. Reload the page."},
    "language_other": {"nl": "English", "en": "Nederlands"},
}  # fmt: skip

_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
  background: #f6f6f3; }
main { max-width: 640px; margin: 0 auto; padding: 14px 14px 40px; }
header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
h1 { font-size: 1.35rem; margin: 6px 0 2px; }
h2 { font-size: 1.1rem; margin: 18px 0 6px; }
a { color: #0b5cad; }
.lang { font-size: .9rem; white-space: nowrap; }
label.big { display: block; font-weight: 600; margin: 12px 0 6px; }
select, input[type=search], input[type=text] { font: inherit; width: 100%; padding: 10px; border: 1px solid #999;
  border-radius: 8px; background: #fff; min-height: 46px; }
button { font: inherit; font-weight: 600; width: 100%; padding: 13px; margin-top: 16px; border: 0; border-radius: 10px;
  background: #0b5cad; color: #fff; min-height: 50px; }
.note { background: #fff; border-left: 4px solid #0b5cad; padding: 8px 12px; margin: 10px 0; border-radius: 4px; }
.warn { border-left-color: #b36b00; background: #fff8ec; }
.err { border-left-color: #b00020; background: #fdeeee; }
.err ul { margin: 4px 0 0; padding-left: 20px; }
.small { font-size: .88rem; color: #555; }
details { background: #fff; border: 1px solid #ddd; border-radius: 10px; margin: 8px 0; }
summary { padding: 12px; font-weight: 600; cursor: pointer; list-style-position: inside; }
summary .count { font-weight: 400; color: #555; }
.row { border-top: 1px solid #eee; padding: 10px 12px; }
.row.bad { background: #fdeeee; }
.row .name { font-weight: 600; }
.row .who { font-size: .85rem; color: #555; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-top: 6px; }
.pair select { min-height: 44px; padding: 8px; }
.sticky { position: sticky; bottom: 0; background: linear-gradient(rgba(246,246,243,0), #f6f6f3 30%); padding-bottom: 8px; }
table { width: 100%; border-collapse: collapse; background: #fff; table-layout: fixed; font-size: .95rem; }
th, td { text-align: left; padding: 8px 6px; border-bottom: 1px solid #eee; vertical-align: top; overflow-wrap: anywhere; }
.button { display: block; text-align: center; text-decoration: none; font-weight: 600; padding: 13px; border-radius: 10px;
  background: #0b5cad; color: #fff; }
.links a { display: block; margin: 14px 0; }
"""

_BASE = """<!DOCTYPE html>
<html lang="{{ lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{ page_title }}</title>
<style>{% raw style %}</style></head>
<body><main>
<header><h1>{{ page_title }}</h1><a class="lang" href="{{ lang_url }}" lang="{{ other_lang }}">{{ t('language_other') }}</a></header>
{% raw body %}
</main></body></html>"""

_LANDING = """<p>{{ t('landing') }}</p>"""

_MESSAGE = """<p class="note {{ kind }}">{{ message }}</p>"""

_FORM = """<p class="note"><strong>{{ t('you_are', name=me.label) }}</strong><br>
{% if not me.named %}<span class="small">{{ t('you_are_code') }}</span><br>{% end %}
<span class="small">{{ t('not_you') }}</span></p>
{% if errors %}<div class="note err" role="alert">{{ t('errors') }}<ul>{% for e in errors %}<li>{{ e }}</li>{% end %}</ul></div>{% end %}
<p>{{ t('form_intro') }}</p>
<p class="small">{{ t('intensity_help') }} {{ t('partners_note') }}</p>
<form method="post" action="{{ base }}" id="answers">
{% raw xsrf_form_html() %}
<input type="hidden" name="submission_id" value="{{ submission_id }}">
<input type="search" id="filter" placeholder="{{ t('filter') }}" aria-label="{{ t('filter') }}" hidden>
{% for group, entries, chosen in groups %}
<details{% if chosen or open_all %} open{% end %}><summary>{{ group }} <span class="count">({{ len(entries) }}{% if chosen %}, {{ t('chosen', n=chosen) }}{% end %})</span></summary>
{% for e in entries %}{% set v = values.get(e.option, ('', '')) %}
<div class="row{% if e.option in bad %} bad{% end %}" data-name="{{ (e.name + ' ' + e.organisation + ' ' + e.role).lower() }}">
<div class="name" id="n-{{ e.index }}">{{ e.name }}</div>
{% if e.role or (e.organisation and e.organisation != e.name) %}<div class="who">{{ ', '.join(x for x in (e.role, e.organisation) if x and x != e.name) }}</div>{% end %}
<div class="pair">
<select name="how-{{ e.option }}" aria-labelledby="n-{{ e.index }}" aria-label="{{ t('how') }}">
{% for key in ('', 'samenwerking', 'verwijzing', 'beide') %}<option value="{{ key }}"{% if v[0] == key %} selected{% end %}>{{ t('how_' + (key or 'none')) }}</option>{% end %}
</select>
<select name="w-{{ e.option }}" aria-label="{{ t('intensity') }}">
<option value="">{{ t('intensity_none') }}</option>
{% for w in weights %}<option value="{{ w }}"{% if v[1] == str(w) %} selected{% end %}>{{ t('intensity_' + str(w)) }}</option>{% end %}
</select></div></div>
{% end %}</details>
{% end %}
<div class="sticky"><button type="submit">{{ t('send') }}</button></div>
</form>
<script>
(function () {
  var box = document.getElementById('filter');
  box.hidden = false;
  box.addEventListener('input', function () {
    var q = box.value.trim().toLowerCase();
    document.querySelectorAll('#answers details').forEach(function (d) {
      var shown = 0;
      d.querySelectorAll('.row').forEach(function (r) {
        var hit = !q || r.getAttribute('data-name').indexOf(q) >= 0;
        r.hidden = !hit; if (hit) { shown++; }
      });
      d.hidden = shown === 0; if (q) { d.open = true; }
    });
  });
})();
</script>"""

_DONE = """<p class="note">{{ t('thanks') }}</p>
<h2>{{ t('your_answers') }}</h2>
{% if rows %}<table><thead><tr><th>{{ t('col_name') }}</th><th>{{ t('col_how') }}</th><th>{{ t('col_intensity') }}</th></tr></thead><tbody>
{% for name, how, weight in rows %}<tr><td>{{ name }}</td><td>{{ how }}</td><td>{{ weight }}</td></tr>{% end %}
</tbody></table>{% else %}<p>{{ t('no_answers') }}</p>{% end %}
<div class="links"><a class="button" href="{{ base }}">{{ t('correct') }}</a></div>"""

_TEMPLATES = {
    name: Template(source, name=name, autoescape="xhtml_escape")
    for name, source in {
        "base": _BASE,
        "landing": _LANDING,
        "message": _MESSAGE,
        "form": _FORM,
        "done": _DONE,
    }.items()
}


class LiveState:
    """What the server keeps in memory: the store, the one session it serves, the taxonomy and the threads.

    Nothing about people: every request reads the session, the link and the
    roster afresh (:func:`wijknet.live.session.link_holder`).
    """

    def __init__(self, folder: str | Path, code: str, executor: ThreadPoolExecutor):
        from wijknet.core.settings import ProjectConfig

        self.folder = Path(folder)
        self.code = str(code).strip().lower()
        self.executor = executor
        self.taxonomy = ProjectConfig.load(self.folder).taxonomy

    async def run(self, fn, *args, **kwargs):
        return await asyncio.get_running_loop().run_in_executor(
            self.executor, lambda: fn(*args, **kwargs)
        )


class _Handler(tornado.web.RequestHandler):
    state: LiveState

    def initialize(self, state: LiveState) -> None:
        self.state = state

    def set_default_headers(self) -> None:
        self.set_header("Content-Security-Policy", CSP)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("Cache-Control", "no-store")

    @property
    def lang(self) -> str:
        chosen = self.get_query_argument("lang", None)
        if chosen in ("nl", "en"):
            return chosen
        cookie = self.get_cookie("wijknet_lang")
        return cookie if cookie in ("nl", "en") else "nl"

    def prepare(self) -> None:
        chosen = self.get_query_argument("lang", None)
        if chosen in ("nl", "en"):
            self.set_cookie("wijknet_lang", chosen, httponly=True, samesite="Lax")

    def t(self, key: str, **values) -> str:
        return text(TEXTS, key, self.lang, **values)

    def page(self, name: str, *, heading: str = "", status: int = 200, **values) -> None:
        lang = self.lang
        other = "en" if lang == "nl" else "nl"
        lang_url = (
            self.request.path + "?" + urlencode({"lang": other})
        )  # no other query argument is used or echoed
        namespace = {"t": self.t, "lang": lang, "xsrf_form_html": self.xsrf_form_html}
        body = _TEMPLATES[name].generate(**namespace, **values).decode()
        page_title = heading or self.t("title")  # the session's title, once known
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(
            _TEMPLATES["base"].generate(
                lang=lang,
                other_lang=other,
                lang_url=lang_url,
                page_title=page_title,
                style=_STYLE,
                body=body,
                t=self.t,
            )
        )

    def message(self, key: str, kind: str = "", status: int = 200, **values) -> None:
        self.page("message", message=self.t(key), kind=kind, status=status, **values)

    def write_error(self, status_code: int, **kwargs) -> None:
        self.message(
            "not_found" if status_code == 404 else "bad_request", kind="err", status=status_code
        )

    def log_exception(self, typ, value, tb) -> None:
        """Log refusals and errors without the request's path (a personal link's token is in it)."""
        if isinstance(value, tornado.web.HTTPError):
            gen_log.warning("HTTP %d %s", value.status_code, self.request.method)
        else:
            app_log.error(
                "error in %s %s: %s", self.request.method, type(self).__name__, typ.__name__
            )

    async def holder(self, token: str):
        """The link's holder, fresh from the store; ``None`` after answering with a clean refusal page."""
        try:
            return await self.state.run(link_holder, self.state.folder, self.state.code, token)
        except DataError as exc:
            reason = getattr(exc, "reason", "")
            if reason == "closed":
                self.message("closed")
            else:  # an unknown, revoked or replaced link, another session's, or a forgotten person: names no one
                self.message("bad_link", kind="err", status=404)
            return None

    def groups(self, rows: list[_Row]):
        """Form rows grouped by domain in taxonomy order, with domain labels."""
        tax = self.state.taxonomy
        by_domain: dict[str, list] = {}
        for row in rows:
            by_domain.setdefault(tax.canonical(row.domain), []).append(row)
        return [(tax.label(d, self.lang), by_domain[d]) for d in tax.order(by_domain)]


class LandingHandler(_Handler):
    """``/``: says that only a personal link opens a form (the session code opens nothing)."""

    def get(self) -> None:
        self.page("landing")


class FormHandler(_Handler):
    """``/p/<token>``: the participant's own form (GET) and its submission (POST)."""

    async def get(self, token: str) -> None:
        holder = await self.holder(token)
        if holder is None:
            return
        options = holder.option_ids()
        table = await self.state.run(
            answers_of, self.state.folder, self.state.code, holder.me.actor_id
        )
        by_actor = {e.actor_id: opt for opt, e in options.items()}
        values = {
            by_actor[alter]: value
            for alter, value in _form_values(table).items()
            if alter in by_actor
        }
        self.form(token, holder, options, values)

    def form(self, token, holder, options, values, *, errors=(), bad=(), status=200) -> None:
        rows = [
            _Row(opt, e, i)
            for i, (opt, e) in enumerate(
                sorted(options.items(), key=lambda o: (o[1].name.casefold(), o[0]))
            )
        ]
        groups = [(label, members, sum(1 for r in members if values.get(r.option, ("", ""))[0]))
                  for label, members in self.groups(rows)]  # fmt: skip
        self.page(
            "form",
            me=holder.me,
            groups=groups,
            values=values,
            errors=list(errors),
            bad=set(bad),
            submission_id=uuid.uuid4().hex,
            base=f"/p/{token}",
            weights=WEIGHTS,
            open_all=len(groups) == 1,
            heading=holder.session.title,
            status=status,
        )

    async def post(self, token: str) -> None:
        holder = await self.holder(token)
        if holder is None:
            return
        options = holder.option_ids()
        sent = {
            name.split("-", 1)[1]
            for name in self.request.body_arguments
            if name.startswith(("how-", "w-")) and self.get_body_argument(name, "").strip()
        }
        values, answers, errors, bad = {}, [], [], []
        if sent - set(
            options
        ):  # a partner left the list since the form was made (e.g. wijknet forget)
            errors.append(self.t("roster_changed"))
        for opt, e in options.items():
            how = self.get_body_argument(f"how-{opt}", "").strip()
            weight = self.get_body_argument(f"w-{opt}", "").strip()
            if not how and not weight:
                continue
            values[opt] = (how, weight)
            if how not in KINDS:
                errors.append(self.t("missing_how", name=e.name))
                bad.append(opt)
            elif weight not in {str(w) for w in WEIGHTS}:
                errors.append(self.t("missing_weight", name=e.name))
                bad.append(opt)
            else:
                answers += [(e.actor_id, tie_type, weight) for tie_type in KINDS[how]]
        if errors:
            self.form(token, holder, options, values, errors=errors, bad=bad, status=400)
            return
        try:
            await self.state.run(submit, self.state.folder, self.state.code, holder.me.actor_id, answers,
                                 self.get_body_argument("submission_id", ""),
                                 roster_ids={e.actor_id for e in holder.entries}, token=token)  # fmt: skip
        except DataError as exc:
            reason = getattr(exc, "reason", "")
            if reason == "closed":
                self.message("closed")
            elif reason == "bad_link":
                self.message("bad_link", kind="err", status=404)
            elif reason == "roster_changed":
                self.form(
                    token, holder, options, values, errors=[self.t("roster_changed")], status=409
                )
            else:  # the server checked every answer; what is left is a tampered form: no message of the library
                self.message("bad_request", kind="err", status=400)
            return
        self.redirect(f"/p/{token}/done", status=303)


class DoneHandler(_Handler):
    """``/p/<token>/done``: thanks, and the participant's own answers."""

    async def get(self, token: str) -> None:
        holder = await self.holder(token)
        if holder is None:
            return
        names = {e.actor_id: e.name for e in holder.option_ids().values()}
        table = await self.state.run(
            answers_of, self.state.folder, self.state.code, holder.me.actor_id
        )
        rows = [(names[alter], self.t(f"how_{how}"), self.t(f"intensity_{weight}"))
                for alter, how, weight in _done_rows(table) if alter in names]  # fmt: skip
        self.page("done", me=holder.me, rows=rows, base=f"/p/{token}", heading=holder.session.title)


class _Row:
    """A partner on the form: its opaque option id, what is shown, and a running index for element ids."""

    def __init__(self, option: str, entry, index: int):
        self.option, self.name, self.organisation, self.role = (
            option,
            entry.name,
            entry.organisation,
            entry.role,
        )
        self.domain = entry.domain
        self.index = index


def _form_values(table) -> dict[str, tuple[str, str]]:
    """Stored answers as the form's ``(how, weight)`` per alter."""
    out = {}
    for alter, how, weight in _done_rows(table):
        out[alter] = (how, str(weight))
    return out


def _done_rows(table) -> list[tuple[str, str, int]]:
    """``(alter, how, weight)`` per alter: both tie types become ``beide`` (with the larger intensity)."""
    merged: dict[str, tuple[set, int]] = {}
    for alter, tie_type, weight in zip(table["alter_id"], table["tie_type"], table["weight"]):
        types, w = merged.get(alter, (set(), 0))
        merged[alter] = (types | {tie_type}, max(w, int(weight)))
    rows = []
    for alter, (types, w) in merged.items():
        how = "beide" if len(types) > 1 else next(iter(types))
        rows.append((alter, how, w))
    return rows


TOKEN_ROUTE = r"([A-Za-z0-9_-]{43})"


def make_app(
    folder: str | Path,
    code: str,
    *,
    executor: ThreadPoolExecutor | None = None,
    cookie_secret: str | None = None,
) -> tornado.web.Application:
    """The tornado application for the one session ``code`` of the store ``folder``.

    ``cookie_secret`` signs the XSRF cookie; a new random secret is made when
    not given. Requests are not logged (a personal link's token is in its path).
    """
    state = LiveState(
        folder,
        code,
        executor or ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="wijknet-live"),
    )
    routes = [
        (r"/", LandingHandler, {"state": state}),
        (rf"/p/{TOKEN_ROUTE}/?", FormHandler, {"state": state}),
        (rf"/p/{TOKEN_ROUTE}/done", DoneHandler, {"state": state}),
    ]
    return tornado.web.Application(
        routes,
        xsrf_cookies=True,
        cookie_secret=cookie_secret or secrets.token_hex(32),
        xsrf_cookie_kwargs={"httponly": True, "samesite": "Strict"},
        default_handler_class=_NotFound,
        default_handler_args={"state": state},
        compress_response=True,
        live_state=state,
        log_function=lambda handler: None,
    )


class _NotFound(_Handler):
    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)


def _check_open(folder: str | Path, code: str):
    session = get_session(folder, code)
    if not session.is_open:
        from wijknet.live.session import refused

        raise refused("closed", title=session.title)
    return session


class LiveServer:
    """The live server of one session running in a background thread (tests, the load test, the benchmark).

    ``port=0`` takes a free port; :attr:`url` is the address to use.
    """

    def __init__(self, folder: str | Path, code: str, host: str = DEFAULT_HOST, port: int = 0):
        self.folder, self.code, self.host, self.port = Path(folder), code, host, port
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self.url = ""

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        _check_open(self.folder, self.code)
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._main()), name="wijknet-live", daemon=True
        )
        self._thread.start()
        if not self._ready.wait(30):
            raise RuntimeError("the live server did not start")

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="wijknet-live")
        sockets = tornado.netutil.bind_sockets(self.port, self.host)
        server = tornado.httpserver.HTTPServer(
            make_app(self.folder, self.code, executor=executor), xheaders=False
        )
        server.add_sockets(sockets)
        self.port = sockets[0].getsockname()[1]
        self.url = f"http://{self.host}:{self.port}"
        self._ready.set()
        await self._stop.wait()
        server.stop()
        await server.close_all_connections()
        executor.shutdown(wait=True)

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(30)


def serve(
    folder: str | Path, code: str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, on_ready=None
) -> None:
    """Serve the participants' pages of exactly the session ``code`` until interrupted (``wijknet live serve``).

    Checks the session first (unknown or closed code: :class:`DataError`).
    Once it listens, the server's address is stored with the session
    (:func:`wijknet.live.session.set_url`: the projector shows it, the
    personal links use it) and ``on_ready(url)`` is called.
    """
    session = _check_open(folder, code)

    async def main() -> None:
        sockets = tornado.netutil.bind_sockets(port, host)
        server = tornado.httpserver.HTTPServer(make_app(folder, session.code))
        server.add_sockets(sockets)
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{sockets[0].getsockname()[1]}"
        set_url(folder, session.code, url)
        if on_ready is not None:
            on_ready(url)
        await asyncio.Event().wait()

    asyncio.run(main())
