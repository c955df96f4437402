"""The participants' pages over real HTTP on loopback (the tornado server in a thread on a free port)."""

from __future__ import annotations

import re

import pytest
import requests

from tests.conftest import write
from tests.live.helpers import hidden, small_store
from wijknet.live import answers_of, close_session, open_session
from wijknet.live.server import LiveServer
from wijknet.store import import_files


@pytest.fixture
def live(tmp_path):
    store = small_store(tmp_path)
    # a name that would be markup if it were not escaped
    import_files(store, [write(tmp_path, "odd.csv", 'actor_id,wijk,domain,name\nx1,Noord,welzijn,"<b>Vet</b> & Co"\n')])
    code = open_session(store, "Noord", "2027", "Bijeenkomst <i>maart</i>")
    with LiveServer(store) as server:
        yield store, code, server.url


def _form(phone: requests.Session, url: str, code: str, participant: str, **params) -> requests.Response:
    response = phone.get(f"{url}/s/{code}/answer", params={"p": participant, **params}, timeout=10)
    assert response.status_code == 200
    return response


def _post(phone, url, code, participant, page, answers: dict[str, tuple[str, str]]) -> requests.Response:
    data = {"_xsrf": hidden(page, "_xsrf"), "p": participant, "submission_id": hidden(page, "submission_id")}
    for alter, (how, weight) in answers.items():
        data[f"how-{alter}"], data[f"w-{alter}"] = how, weight
    return phone.post(f"{url}/s/{code}/answer", data=data, timeout=10)


def test_pick_page_lists_roster_escaped_and_offline(live):
    _, code, url = live
    response = requests.get(f"{url}/s/{code}", timeout=10)
    assert response.status_code == 200
    page = response.text
    assert "&lt;b&gt;Vet&lt;/b&gt; &amp; Co" in page and "<b>Vet</b>" not in page
    assert "Bijeenkomst &lt;i&gt;maart&lt;/i&gt;" in page
    assert re.findall(r'<option value="([^"]+)"', page) == ["z1", "z2", "x1", "w1", "i1"]  # taxonomy order, then by name
    assert "Consulent Fictief" not in page  # another wijk
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing from elsewhere
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert 'name="viewport"' in page


def test_submit_correct_and_resend(live):
    store, code, url = live
    phone = requests.Session()
    page = _form(phone, url, code, "z1").text
    assert "Huisarts Fictief" in page and 'name="how-z1"' not in page  # not yourself
    response = _post(phone, url, code, "z1", page, {"z2": ("beide", "3"), "w1": ("samenwerking", "2")})
    assert response.status_code == 200 and response.url.endswith("/done?p=z1")
    assert "Dank u!" in response.text and "Wijkverpleging Fictief" in response.text
    again = _post(phone, url, code, "z1", page, {"z2": ("beide", "3"), "w1": ("samenwerking", "2")})
    assert again.status_code == 200
    assert len(answers_of(store, code, "z1")) == 3  # the resend changed nothing
    # the same browser sees its answers in the form and corrects them
    page = _form(phone, url, code, "z1").text
    assert re.search(r'name="how-z2".*?<option value="beide" selected>', page, re.DOTALL)
    _post(phone, url, code, "z1", page, {"w1": ("verwijzing", "4")})
    assert answers_of(store, code, "z1")[["alter_id", "tie_type", "weight"]].values.tolist() == [["w1", "verwijzing", 4.0]]


def test_other_device_does_not_see_answers(live):
    _, code, url = live
    phone = requests.Session()
    _post(phone, url, code, "z1", _form(phone, url, code, "z1").text, {"z2": ("samenwerking", "3")})
    other = requests.Session()
    page = _form(other, url, code, "z1").text
    assert "vanaf een ander apparaat" in page
    assert "selected>samenwerken" not in page
    assert other.get(f"{url}/s/{code}/done", params={"p": "z1"}, timeout=10).url.endswith(f"/s/{code}")


def test_post_without_xsrf_is_refused(live):
    store, code, url = live
    page = _form(requests.Session(), url, code, "z1").text
    response = requests.post(f"{url}/s/{code}/answer", timeout=10, data={
        "p": "z1", "submission_id": hidden(page, "submission_id"), "how-z2": "samenwerking", "w-z2": "2"})
    assert response.status_code == 403
    assert answers_of(store, code, "z1").empty


def test_missing_intensity_keeps_the_answers(live):
    store, code, url = live
    phone = requests.Session()
    response = _post(phone, url, code, "z1", _form(phone, url, code, "z1").text,
                     {"z2": ("samenwerking", ""), "w1": ("verwijzing", "2")})
    assert response.status_code == 400
    assert "kies een intensiteit bij Wijkverpleging Fictief" in response.text
    assert re.search(r'name="w-w1".*?<option value="2" selected>', response.text, re.DOTALL)
    assert answers_of(store, code, "z1").empty


def test_unknown_code_participant_and_closed(live):
    store, code, url = live
    assert requests.get(f"{url}/s/zzzzzzzzzzzz", timeout=10).status_code == 404
    assert requests.get(f"{url}/join", params={"code": "nope"}, timeout=10).status_code == 404
    assert requests.get(f"{url}/join", params={"code": code.upper()}, timeout=10).url.endswith(f"/s/{code}")
    response = requests.get(f"{url}/s/{code}/answer", params={"p": "g1"}, timeout=10)  # another wijk
    assert response.url.endswith(f"/s/{code}?missing=1") and "Kies eerst uw naam" in response.text
    phone = requests.Session()
    page = _form(phone, url, code, "z1").text
    close_session(store, code)
    response = _post(phone, url, code, "z1", page, {"z2": ("samenwerking", "3")})
    assert "gesloten" in response.text
    assert "gesloten" in requests.get(f"{url}/s/{code}", timeout=10).text


def test_english(live):
    _, code, url = live
    phone = requests.Session()
    page = phone.get(f"{url}/s/{code}", params={"lang": "en"}, timeout=10).text
    assert "Who are you?" in page and 'lang="en"' in page
    page = _form(phone, url, code, "z1").text  # the language is remembered
    assert "work together" in page and "Send" in page
