"""The participants' pages over real HTTP on loopback (the tornado server of one session in a thread on a free port)."""

from __future__ import annotations

import re

import pytest
import requests

from tests.conftest import write
from tests.live.helpers import hidden, links_of, options, options_of_page, small_store
from wijknet.live import answers_of, close_session, issue_links, open_session, revoke_links
from wijknet.live.server import LiveServer
from wijknet.store import import_files


@pytest.fixture
def live(tmp_path):
    store = small_store(tmp_path)
    # an organisation (named) whose name would be markup if it were not escaped
    import_files(
        store,
        [
            write(
                tmp_path,
                "odd.csv",
                'actor_id,wijk,domain,name,kind,consent\nx1,Noord,welzijn,"<b>Vet</b> & Co",organisation,ja\n',
            )
        ],
    )
    code = open_session(store, "Noord", "2027", "Bijeenkomst <i>maart</i>")
    links = links_of(store, code)
    with LiveServer(store, code) as server:
        yield store, code, server.url, links


def _form(phone: requests.Session, url: str, link: str, **params) -> requests.Response:
    response = phone.get(url + link, params=params, timeout=10)
    assert response.status_code == 200, response.text
    return response


def _post(
    phone, url, store, code, link, page, answers: dict[str, tuple[str, str]]
) -> requests.Response:
    """Send the form of ``page`` with answers by actor id (mapped to the form's option ids like a person choosing)."""
    option_of = {actor: opt for opt, actor in options(store, code, link).items()}
    data = {"_xsrf": hidden(page, "_xsrf"), "submission_id": hidden(page, "submission_id")}
    for alter, (how, weight) in answers.items():
        data[f"how-{option_of[alter]}"], data[f"w-{option_of[alter]}"] = how, weight
    return phone.post(url + link, data=data, timeout=10)


def test_form_lists_named_partners_escaped_without_ids_and_offline(live):
    store, code, url, links = live
    response = _form(requests.Session(), url, links["z1"])
    page = response.text
    assert "&lt;b&gt;Vet&lt;/b&gt; &amp; Co" in page and "<b>Vet</b>" not in page
    assert "Bijeenkomst &lt;i&gt;maart&lt;/i&gt;" in page
    assert "Uw persoonlijke formulier: Huisarts Fictief" in page
    # partners: organisations and consenting professionals; not yourself, not the professional without consent
    assert set(options(store, code, links["z1"]).values()) == {"z2", "x1", "i1"}
    assert len(options_of_page(page)) == 3 and "Coach Fictief" not in page
    for actor in ("z1", "z2", "x1", "i1", "w1"):  # no actor id anywhere on the page
        assert not re.search(rf"[\"'=/>-]{actor}[\"'<&]", page), actor
    assert "Consulent Fictief" not in page  # another wijk
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing from elsewhere
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert 'name="viewport"' in page


def test_unnamed_participant_sees_their_code_not_their_name(live):
    _, _, url, links = live
    page = _form(requests.Session(), url, links["w1"]).text  # a professional without consent
    assert "Coach Fictief" not in page and re.search(
        r"Uw persoonlijke formulier: P-[0-9A-Z]{8}", page
    )
    assert "Uw naam wordt hier niet getoond" in page


def test_submit_correct_and_resend(live):
    store, code, url, links = live
    phone = requests.Session()
    page = _form(phone, url, links["z1"]).text
    response = _post(
        phone,
        url,
        store,
        code,
        links["z1"],
        page,
        {"z2": ("beide", "3"), "x1": ("samenwerking", "2")},
    )
    assert response.status_code == 200 and response.url.endswith(links["z1"] + "/done")
    assert "Dank u!" in response.text and "Wijkverpleging Fictief" in response.text
    again = _post(
        phone,
        url,
        store,
        code,
        links["z1"],
        page,
        {"z2": ("beide", "3"), "x1": ("samenwerking", "2")},
    )
    assert again.status_code == 200
    assert len(answers_of(store, code, "z1")) == 3  # the resend changed nothing
    # the link shows the participant's own answers, on any device, and corrects them
    other = requests.Session()
    page = _form(other, url, links["z1"]).text
    opt = {a: o for o, a in options(store, code, links["z1"]).items()}["z2"]
    assert re.search(rf'name="how-{opt}".*?<option value="beide" selected>', page, re.DOTALL)
    _post(other, url, store, code, links["z1"], page, {"x1": ("verwijzing", "4")})
    assert answers_of(store, code, "z1")[["alter_id", "tie_type", "weight"]].values.tolist() == [
        ["x1", "verwijzing", 4.0]
    ]


def test_post_without_xsrf_is_refused(live):
    store, code, url, links = live
    page = _form(requests.Session(), url, links["z1"]).text
    opt = options_of_page(page)[0]
    response = requests.post(
        url + links["z1"],
        timeout=10,
        data={
            "submission_id": hidden(page, "submission_id"),
            f"how-{opt}": "samenwerking",
            f"w-{opt}": "2",
        },
    )
    assert response.status_code == 403
    assert answers_of(store, code, "z1").empty


def test_missing_or_hostile_intensity_keeps_the_answers(live):
    store, code, url, links = live
    phone = requests.Session()
    page = _form(phone, url, links["z1"]).text
    response = _post(
        phone,
        url,
        store,
        code,
        links["z1"],
        page,
        {"z2": ("samenwerking", ""), "x1": ("verwijzing", "2")},
    )
    assert response.status_code == 400
    assert "kies een intensiteit bij Wijkverpleging Fictief" in response.text
    opt = {a: o for o, a in options(store, code, links["z1"]).items()}["x1"]
    assert re.search(rf'name="w-{opt}".*?<option value="2" selected>', response.text, re.DOTALL)
    response = _post(phone, url, store, code, links["z1"], page, {"z2": ("samenwerking", "9")})
    assert (
        response.status_code == 400 and "z2" not in response.text
    )  # the message names the partner, never an id
    assert answers_of(store, code, "z1").empty


def test_bad_revoked_replaced_and_closed_links(live):
    store, code, url, links = live
    for path in ("/p/" + "A" * 43, "/p/short", f"/s/{code}", f"/join?code={code}"):
        response = requests.get(url + path, timeout=10)
        assert response.status_code == 404 and "Fictief" not in response.text, path
    revoke_links(store, code, ["z2"])
    response = requests.get(url + links["z2"], timeout=10)
    assert (
        response.status_code == 404
        and "niet (meer) geldig" in response.text
        and "Fictief" not in response.text
    )
    new = issue_links(store, code, ["i1"])["i1"]  # a new link replaces the old one
    assert requests.get(url + links["i1"], timeout=10).status_code == 404
    assert requests.get(f"{url}/p/{new}", timeout=10).status_code == 200
    phone = requests.Session()
    page = _form(phone, url, links["z1"]).text
    close_session(store, code)
    opt = options_of_page(page)[0]
    response = phone.post(
        url + links["z1"],
        timeout=10,
        data={
            "_xsrf": hidden(page, "_xsrf"),
            "submission_id": hidden(page, "submission_id"),
            f"how-{opt}": "samenwerking",
            f"w-{opt}": "3",
        },
    )
    assert "gesloten" in response.text
    assert "gesloten" in requests.get(url + links["z1"], timeout=10).text


def test_english(live):
    _, _, url, links = live
    phone = requests.Session()
    page = phone.get(url + links["z1"], params={"lang": "en"}, timeout=10).text
    assert "Your personal form" in page and 'lang="en"' in page
    page = _form(phone, url, links["z1"]).text  # the language is remembered
    assert "work together" in page and "Send" in page
    assert "personal link" in phone.get(url + "/", timeout=10).text
