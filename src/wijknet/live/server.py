"""The participants' side of a live session: a small, plain HTML form app served by tornado.

Phones open ``http://<address>:<port>/s/<code>``, pick themselves from the
roster, and fill in one form: per person or organisation of the wijk, the
kind of tie (samenwerken, verwijzen or both) and its intensity (1-4). The
form carries a fresh ``submission_id`` (uuid4), so a form sent twice is
stored once (:func:`wijknet.live.session.submit`); sending a new form is a
correction that replaces the participant's earlier answers.

Why this shape:

* **plain HTML forms** (no framework, no external asset, a few lines of
  inline CSS and an optional inline filter script) load fast on any phone and
  work without JavaScript;
* **tornado** (already installed with Streamlit) serves many simultaneous
  participants from one process; the blocking SQLite writes run in a small
  thread pool so the event loop stays responsive;
* **XSRF protection** (``xsrf_cookies``), names **HTML-escaped** by tornado's
  template autoescaping, a strict Content-Security-Policy, and a signed
  cookie that lets only the browser that answered for a participant see those
  answers again (another device starts from an empty form, with a warning);
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
from urllib.parse import quote, urlencode

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.web
from tornado.template import Template

from ..errors import DataError
from ..i18n import text
from ..store.db import connect
from .session import WEIGHTS, answers_of, get_session, has_answered, roster, submit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8600
#: Threads for the store's reads and writes (SQLite serialises writers anyway).
WORKERS = 8
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
#: Choices of the "how" select: what it stores.
KINDS = {"samenwerking": ("samenwerking",), "verwijzing": ("verwijzing",), "beide": ("samenwerking", "verwijzing")}

TEXTS = {
    "title": {"nl": "Netwerkbijeenkomst", "en": "Network meeting"},
    "code_intro": {"nl": "Vul de code van de sessie in.", "en": "Enter the code of the session."},
    "code_label": {"nl": "Sessiecode", "en": "Session code"},
    "go": {"nl": "Verder", "en": "Continue"},
    "unknown_code": {"nl": "Deze sessie bestaat niet. Controleer de link of de code.",
                     "en": "This session does not exist. Check the link or the code."},
    "closed": {"nl": "Deze sessie is gesloten. Dank voor uw bijdrage!",
               "en": "This session is closed. Thank you for taking part!"},
    "pick_intro": {
        "nl": "We brengen samen in kaart wie met wie samenwerkt in {wijk}. Kies eerst uzelf (of uw organisatie) uit de lijst.",
        "en": "Together we map who works with whom in {wijk}. First pick yourself (or your organisation) from the list.",
    },
    "pick_label": {"nl": "Wie bent u?", "en": "Who are you?"},
    "pick_placeholder": {"nl": "Kies uw naam", "en": "Choose your name"},
    "pick_missing": {"nl": "Kies eerst uw naam uit de lijst.", "en": "First choose your name from the list."},
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
    "you_are": {"nl": "U bent: {name}", "en": "You are: {name}"},
    "not_you": {"nl": "Niet u? Kies een andere naam", "en": "Not you? Choose another name"},
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
    "warn_other_device": {
        "nl": "Voor deze naam zijn al antwoorden verstuurd vanaf een ander apparaat. Als u dit formulier verstuurt, "
              "vervangen uw nieuwe antwoorden de oude.",
        "en": "Answers for this name were already sent from another device. If you send this form, your new "
              "answers replace the old ones.",
    },
    "errors": {"nl": "Niet verstuurd; pas dit aan:", "en": "Not sent; please correct:"},
    "missing_weight": {"nl": "kies een intensiteit bij {name}", "en": "choose an intensity for {name}"},
    "missing_how": {"nl": "kies samenwerken of verwijzen bij {name}", "en": "choose work together or refer for {name}"},
    "thanks": {"nl": "Dank u! Uw antwoorden zijn opgeslagen.", "en": "Thank you! Your answers have been saved."},
    "your_answers": {"nl": "Uw antwoorden", "en": "Your answers"},
    "no_answers": {"nl": "U heeft (nog) niemand genoemd.", "en": "You have not named anyone (yet)."},
    "correct": {"nl": "Antwoorden verbeteren", "en": "Correct your answers"},
    "other_person": {"nl": "Iemand anders laten invullen", "en": "Let someone else answer"},
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

_CODE = """<form method="get" action="/join">
<p>{{ t('code_intro') }}</p>
<label class="big" for="code">{{ t('code_label') }}</label>
<input type="text" id="code" name="code" autocomplete="off" autocapitalize="none" spellcheck="false" required>
<input type="hidden" name="lang" value="{{ lang }}">
<button type="submit">{{ t('go') }}</button></form>
{% if message %}<p class="note err">{{ message }}</p>{% end %}"""

_MESSAGE = """<p class="note {{ kind }}">{{ message }}</p>"""

_PICK = """<p>{{ t('pick_intro', wijk=session.wijk) }}</p>
{% if missing %}<p class="note err">{{ t('pick_missing') }}</p>{% end %}
<form method="get" action="{{ base }}/answer">
<label class="big" for="p">{{ t('pick_label') }}</label>
<select id="p" name="p" required>
<option value="">{{ t('pick_placeholder') }}</option>
{% for group, entries in groups %}<optgroup label="{{ group }}">
{% for e in entries %}<option value="{{ e.actor_id }}">{{ e.name }}{% if e.organisation and e.organisation != e.name %} ({{ e.organisation }}){% end %}</option>
{% end %}</optgroup>{% end %}
</select>
<button type="submit">{{ t('go') }}</button>
</form>
<p class="small">{{ t('privacy') }}</p>"""

_FORM = """<p class="note"><strong>{{ t('you_are', name=me.name) }}</strong><br>
<a href="{{ base }}">{{ t('not_you') }}</a></p>
{% if other_device %}<p class="note warn">{{ t('warn_other_device') }}</p>{% end %}
{% if errors %}<div class="note err" role="alert">{{ t('errors') }}<ul>{% for e in errors %}<li>{{ e }}</li>{% end %}</ul></div>{% end %}
<p>{{ t('form_intro') }}</p>
<p class="small">{{ t('intensity_help') }}</p>
<form method="post" action="{{ base }}/answer" id="answers">
{% raw xsrf_form_html() %}
<input type="hidden" name="p" value="{{ me.actor_id }}">
<input type="hidden" name="submission_id" value="{{ submission_id }}">
<input type="search" id="filter" placeholder="{{ t('filter') }}" aria-label="{{ t('filter') }}" hidden>
{% for group, entries, chosen in groups %}
<details{% if chosen or open_all %} open{% end %}><summary>{{ group }} <span class="count">({{ len(entries) }}{% if chosen %}, {{ t('chosen', n=chosen) }}{% end %})</span></summary>
{% for e in entries %}{% set v = values.get(e.actor_id, ('', '')) %}
<div class="row{% if e.actor_id in bad %} bad{% end %}" data-name="{{ (e.name + ' ' + e.organisation + ' ' + e.role).lower() }}">
<div class="name" id="n-{{ e.index }}">{{ e.name }}</div>
{% if e.role or (e.organisation and e.organisation != e.name) %}<div class="who">{{ ', '.join(x for x in (e.role, e.organisation) if x and x != e.name) }}</div>{% end %}
<div class="pair">
<select name="how-{{ e.actor_id }}" aria-labelledby="n-{{ e.index }}" aria-label="{{ t('how') }}">
{% for key in ('', 'samenwerking', 'verwijzing', 'beide') %}<option value="{{ key }}"{% if v[0] == key %} selected{% end %}>{{ t('how_' + (key or 'none')) }}</option>{% end %}
</select>
<select name="w-{{ e.actor_id }}" aria-label="{{ t('intensity') }}">
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
<div class="links"><a class="button" href="{{ base }}/answer?p={{ url_escape(me.actor_id) }}">{{ t('correct') }}</a>
<a href="{{ base }}">{{ t('other_person') }}</a></div>"""

_TEMPLATES = {name: Template(source, name=name, autoescape="xhtml_escape") for name, source in
              {"base": _BASE, "code": _CODE, "message": _MESSAGE, "pick": _PICK, "form": _FORM, "done": _DONE}.items()}


class LiveState:
    """What the server keeps in memory: the store, and per session its roster (read once)."""

    def __init__(self, folder: str | Path, executor: ThreadPoolExecutor):
        self.folder = Path(folder)
        self.executor = executor
        # One connection held open for the server's lifetime: closing the last connection of a WAL
        # database checkpoints it, which would make every request's own connection slow to close.
        self.keeper = connect(self.folder)
        self._rosters: dict[str, tuple] = {}
        self._lock = threading.Lock()
        from ..project import ProjectConfig

        self.taxonomy = ProjectConfig.load(self.folder).taxonomy

    def roster(self, code: str):
        """``(session, entries, by_id)`` of a session, cached; raises DataError for an unknown code."""
        code = code.strip().lower()
        with self._lock:
            cached = self._rosters.get(code)
        if cached is None:
            session = get_session(self.folder, code)
            entries = roster(self.folder, code)
            cached = (session, entries, {e.actor_id: e for e in entries})
            with self._lock:
                self._rosters[code] = cached
        return cached

    async def run(self, fn, *args, **kwargs):
        return await asyncio.get_running_loop().run_in_executor(self.executor, lambda: fn(*args, **kwargs))


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
        args = {k: v for k, v in self.request.query_arguments.items() if k != "lang"}
        lang_url = self.request.path + "?" + urlencode({**{k: v[-1].decode() for k, v in args.items()}, "lang": other})
        namespace = {"t": self.t, "lang": lang, "url_escape": lambda s: quote(str(s), safe=""),
                     "xsrf_form_html": self.xsrf_form_html}
        body = _TEMPLATES[name].generate(**namespace, **values).decode()
        page_title = heading or self.t("title")  # the session's title, once known
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(_TEMPLATES["base"].generate(lang=lang, other_lang=other, lang_url=lang_url, page_title=page_title,
                                                style=_STYLE, body=body, t=self.t))

    def message(self, key: str, kind: str = "", status: int = 200, **values) -> None:
        self.page("message", message=self.t(key), kind=kind, status=status, **values)

    def write_error(self, status_code: int, **kwargs) -> None:
        self.message("not_found" if status_code == 404 else "bad_request", kind="err", status=status_code)

    def session_or_message(self, code: str):
        try:
            session, entries, by_id = self.state.roster(code)
        except DataError:
            self.message("unknown_code", kind="err", status=404)
            return None
        return session, entries, by_id

    def base(self, session) -> str:
        return f"/s/{session.code}"

    def cookie_name(self, session) -> str:
        return f"wijknet_{session.code}"

    def answered_here(self, session) -> set[str]:
        value = self.get_signed_cookie(self.cookie_name(session), max_age_days=2)
        return set(value.decode().split(",")) - {""} if value else set()

    def groups(self, entries):
        """Roster entries grouped by domain in taxonomy order, with domain labels."""
        tax = self.state.taxonomy
        by_domain: dict[str, list] = {}
        for e in entries:
            by_domain.setdefault(tax.canonical(e.domain), []).append(e)
        return [(tax.label(d, self.lang), by_domain[d]) for d in tax.order(by_domain)]


class CodeHandler(_Handler):
    """``/`` and ``/join?code=``: type the session code."""

    def get(self) -> None:
        code = self.get_query_argument("code", "").strip().lower().replace(" ", "").replace("-", "")
        if code:
            try:
                self.state.roster(code)
            except DataError:
                self.page("code", message=self.t("unknown_code"), status=404)
                return
            self.redirect(f"/s/{quote(code)}")
            return
        self.page("code", message="")


class PickHandler(_Handler):
    """``/s/<code>``: pick yourself from the roster."""

    async def get(self, code: str) -> None:
        found = self.session_or_message(code)
        if found is None:
            return
        session, entries, _ = found
        current = await self.state.run(get_session, self.state.folder, session.code)
        if not current.is_open:
            self.message("closed")
            return
        self.page("pick", session=session, groups=self.groups(entries), base=self.base(session),
                  missing=self.get_query_argument("missing", "") == "1", heading=session.title)


class AnswerHandler(_Handler):
    """``/s/<code>/answer``: the form (GET) and its submission (POST)."""

    async def get(self, code: str) -> None:
        found = self.session_or_message(code)
        if found is None:
            return
        session, entries, by_id = found
        me = by_id.get(self.get_query_argument("p", ""))
        if me is None:
            self.redirect(self.base(session) + "?missing=1")
            return
        current = await self.state.run(get_session, self.state.folder, session.code)
        if not current.is_open:
            self.message("closed")
            return
        values, other_device = {}, False
        if me.actor_id in self.answered_here(session):
            table = await self.state.run(answers_of, self.state.folder, session.code, me.actor_id)
            values = _form_values(table)
        else:
            other_device = await self.state.run(has_answered, self.state.folder, session.code, me.actor_id)
        self.form(session, entries, me, values, other_device=other_device)

    def form(self, session, entries, me, values, *, errors=(), bad=(), other_device=False, status=200) -> None:
        groups = []
        index = 0
        for label, members in self.groups([e for e in entries if e.actor_id != me.actor_id]):
            rows = []
            for e in members:
                rows.append(_Row(e, index))
                index += 1
            groups.append((label, rows, sum(1 for e in members if values.get(e.actor_id, ("", ""))[0])))
        self.page("form", session=session, me=me, groups=groups, values=values, errors=list(errors), bad=set(bad),
                  other_device=other_device, submission_id=uuid.uuid4().hex, base=self.base(session),
                  weights=WEIGHTS, open_all=len(groups) == 1, heading=session.title, status=status)

    async def post(self, code: str) -> None:
        found = self.session_or_message(code)
        if found is None:
            return
        session, entries, by_id = found
        me = by_id.get(self.get_body_argument("p", ""))
        if me is None:
            self.redirect(self.base(session) + "?missing=1", status=303)
            return
        values, answers, errors, bad = {}, [], [], []
        for e in entries:
            if e.actor_id == me.actor_id:
                continue
            how = self.get_body_argument(f"how-{e.actor_id}", "").strip()
            weight = self.get_body_argument(f"w-{e.actor_id}", "").strip()
            if not how and not weight:
                continue
            values[e.actor_id] = (how, weight)
            if how not in KINDS:
                errors.append(self.t("missing_how", name=e.name))
                bad.append(e.actor_id)
            elif not weight:
                errors.append(self.t("missing_weight", name=e.name))
                bad.append(e.actor_id)
            else:
                answers += [(e.actor_id, tie_type, weight) for tie_type in KINDS[how]]
        if errors:
            self.form(session, entries, me, values, errors=errors, bad=bad, status=400)
            return
        try:
            await self.state.run(submit, self.state.folder, session.code, me.actor_id, answers,
                                 self.get_body_argument("submission_id", ""), roster_ids=set(by_id))
        except DataError as exc:
            if any("gesloten" in p.message or "closed" in p.message for p in exc.problems):
                self.message("closed")
                return
            self.form(session, entries, me, values, errors=[p.message for p in exc.problems], status=400)
            return
        here = self.answered_here(session) | {me.actor_id}
        self.set_signed_cookie(self.cookie_name(session), ",".join(sorted(here)), expires_days=2, httponly=True,
                               samesite="Lax")
        self.redirect(f"{self.base(session)}/done?p={quote(me.actor_id, safe='')}", status=303)


class DoneHandler(_Handler):
    """``/s/<code>/done``: thanks, and the participant's answers (only in the browser that sent them)."""

    async def get(self, code: str) -> None:
        found = self.session_or_message(code)
        if found is None:
            return
        session, _, by_id = found
        me = by_id.get(self.get_query_argument("p", ""))
        if me is None or me.actor_id not in self.answered_here(session):
            self.redirect(self.base(session))
            return
        table = await self.state.run(answers_of, self.state.folder, session.code, me.actor_id)
        rows = []
        for alter, how, weight in _done_rows(table):
            entry = by_id.get(alter)
            rows.append((entry.name if entry else alter, self.t(f"how_{how}"), self.t(f"intensity_{weight}")))
        self.page("done", session=session, me=me, rows=rows, base=self.base(session), heading=session.title)


class _Row:
    """A roster entry on the form, with a running index for element ids."""

    def __init__(self, entry, index: int):
        self.actor_id, self.name, self.organisation, self.role = entry.actor_id, entry.name, entry.organisation, entry.role
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


def make_app(folder: str | Path, *, executor: ThreadPoolExecutor | None = None,
             cookie_secret: str | None = None) -> tornado.web.Application:
    """The tornado application for the sessions of the store ``folder``.

    ``cookie_secret`` signs the cookie that remembers for whom a browser
    answered; a new random secret is made when not given (so after a restart
    of the server, earlier answers show again only after a new submission).
    """
    state = LiveState(folder, executor or ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="wijknet-live"))
    routes = [
        (r"/", CodeHandler, {"state": state}),
        (r"/join", CodeHandler, {"state": state}),
        (r"/s/([a-z0-9]{4,32})/?", PickHandler, {"state": state}),
        (r"/s/([a-z0-9]{4,32})/answer", AnswerHandler, {"state": state}),
        (r"/s/([a-z0-9]{4,32})/done", DoneHandler, {"state": state}),
    ]
    return tornado.web.Application(routes, xsrf_cookies=True, cookie_secret=cookie_secret or secrets.token_hex(32),
                                   xsrf_cookie_kwargs={"httponly": True, "samesite": "Strict"},
                                   default_handler_class=_NotFound, default_handler_args={"state": state},
                                   compress_response=True, live_state=state)


class _NotFound(_Handler):
    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)


class LiveServer:
    """The live server running in a background thread (tests, the load test, the benchmark).

    ``port=0`` takes a free port; :attr:`url` is the address to use.
    """

    def __init__(self, folder: str | Path, host: str = DEFAULT_HOST, port: int = 0):
        self.folder, self.host, self.port = Path(folder), host, port
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
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), name="wijknet-live", daemon=True)
        self._thread.start()
        if not self._ready.wait(30):
            raise RuntimeError("the live server did not start")

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="wijknet-live")
        sockets = tornado.netutil.bind_sockets(self.port, self.host)
        app = make_app(self.folder, executor=executor)
        server = tornado.httpserver.HTTPServer(app, xheaders=False)
        server.add_sockets(sockets)
        self.port = sockets[0].getsockname()[1]
        self.url = f"http://{self.host}:{self.port}"
        self._ready.set()
        await self._stop.wait()
        server.stop()
        await server.close_all_connections()
        executor.shutdown(wait=True)
        app.settings["live_state"].keeper.close()

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(30)


def serve(folder: str | Path, code: str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          on_ready=None) -> None:
    """Serve the participants' pages until interrupted (``wijknet live serve``).

    Checks the session first (unknown or closed code: :class:`DataError`).
    ``on_ready(url)`` is called once the server listens.
    """
    session = get_session(folder, code)
    if not session.is_open:
        from .session import _problem

        raise _problem("closed", title=session.title)

    async def main() -> None:
        sockets = tornado.netutil.bind_sockets(port, host)
        server = tornado.httpserver.HTTPServer(make_app(folder))
        server.add_sockets(sockets)
        if on_ready is not None:
            on_ready(f"http://{host}:{sockets[0].getsockname()[1]}/s/{session.code}")
        await asyncio.Event().wait()

    asyncio.run(main())
