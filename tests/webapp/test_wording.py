"""Words a PlusWIJkteam and a leernetwerk understand: no method names, p-values, raw codes or "nan" on any page.

Every registered page is rendered with AppTest for each audience (one AppTest
per audience, walked page by page, on one small project for the module); the
researcher still sees the numbers. The element walker is the one of
test_audiences. The same checks run on the reports' HTML per audience, and
the remake command printed in a report makes the same report again.
"""

from __future__ import annotations

import re
import shlex

import pytest
from streamlit.testing.v1 import AppTest

from tests.webapp.test_audiences import protos
from tests.webapp.test_pages import write_project
from wijknet.webapp import ENTRY_SCRIPT

#: Words no PlusWIJkteam or leernetwerk should have to read (lower case; matched case-insensitively).
JARGON = (
    "p-waarde", "p =", "p <", "(p)", "kans op toeval", "bootstrap", "snijders", "jaccard", "mrqap", "qap",
    "e-i", "permutati", "significan", "borgatti", "krackhardt", "standaardfout", "odds ratio",
)  # fmt: skip
#: Raw values and codes that must never reach any page, whoever looks.
RAW = re.compile(
    r"\bnan\b|\bNone\b|wijkteam:|known_user|\b(?:tidy|sign|live|user|role|key|delete)_[a-z_]+\b"
)
PAGES = (
    "netwerkkaart", "kengetallen", "verbinders", "domeinmenging", "verandering", "kpi", "vergelijken",
    "kernaanpakken", "pluswijkteam", "vertrouwen", "participatie", "leefwereld", "verbindingskansen",
    "rapport", "live",
)  # fmt: skip
#: Pages not registered for an audience.
HIDDEN = {"leernetwerk": {"verbinders", "live", "verbindingskansen"}}
#: Fields of an element proto that a person reads (labels, texts, options, table cells, chart titles).
_READ = re.compile(
    r'^\s*(?:body|label|help|placeholder|options|default|value|text|caption|title|subtitle)\s*:\s*"(.*)"\s*$'
)
_CHART_TEXT = re.compile(r'\\"(?:text|title|subtitle)\\": \\"((?:[^"\\]|\\\\.)*)\\"')


def readable(at: AppTest) -> str:
    """What a person reads on the page: the text fields of the element protos, chart titles and table cells.

    The map's HTML document and the charts' data are left out (their
    JavaScript and column names are no text on screen).
    """
    parts = []
    for proto in protos(at.main):
        for line in proto.splitlines():
            if line.lstrip().startswith(("srcdoc", "spec", "data", "arrow_data")):
                parts += _CHART_TEXT.findall(line) if line.lstrip().startswith("spec") else []
                continue
            match = _READ.match(line)
            if match:
                parts.append(match.group(1).encode().decode("unicode_escape", "ignore"))
    parts += [df.value.to_csv(index=False) for df in at.dataframe]
    parts += [t.value.to_csv() for t in at.table]
    return "\n".join(parts)


def hits(text: str, *, jargon: bool) -> list[str]:
    """The jargon words (``jargon``) and raw codes in ``text``, each with a little context."""
    found = []
    lower = text.lower()
    for word in JARGON if jargon else ():
        found += [
            text[max(0, m.start() - 40) : m.end() + 30] for m in re.finditer(re.escape(word), lower)
        ]
    found += [text[max(0, m.start() - 40) : m.end() + 30] for m in RAW.finditer(text)]
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = write_project(tmp_path_factory.mktemp("words") / "project", responses=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WIJKNET_PROJECT", str(folder))
        mp.setenv("XDG_CACHE_HOME", str(folder.parent / "cache"))
        yield folder


@pytest.fixture(scope="module")
def rendered(project):
    """``{(audience, page): (text, exception)}``: every page as each audience sees it (one AppTest per audience)."""
    out = {}
    for audience in ("wijkteam:Noord", "leernetwerk", "onderzoeker"):
        at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=180).run()
        at.sidebar.selectbox(key="view_as").set_value(audience).run()
        out[(audience, "sidebar")] = ("\n".join(protos(at.sidebar)), "")
        for page in PAGES:
            if page in HIDDEN.get(audience, ()):
                continue
            at.switch_page(f"views/{page}.py").run()
            out[(audience, page)] = (readable(at), str(at.exception) if at.exception else "")
    return out


@pytest.mark.parametrize("audience", ["wijkteam:Noord", "leernetwerk"])
def test_no_method_names_p_values_or_codes_for_wijkteam_and_leernetwerk(rendered, audience):
    problems = {}
    for (who, page), (text, error) in rendered.items():
        if who != audience or page == "sidebar":
            continue
        assert not error, (page, error)
        found = hits(text, jargon=True)
        if found:
            problems[page] = found[:5]
    assert not problems, problems


def test_no_raw_codes_or_nan_for_the_researcher(rendered):
    problems = {
        page: hits(text, jargon=False)[:5]
        for (who, page), (text, _) in rendered.items()
        if who == "onderzoeker" and page != "sidebar" and hits(text, jargon=False)
    }
    assert not problems, problems


def test_the_researcher_keeps_the_numbers(rendered):
    metrics, _ = rendered[("onderzoeker", "kengetallen")]
    assert "E-I-index" in metrics and "Kans op toeval (p)" in metrics
    assert re.search(r"< 0,001|\b0,\d{3}\b", metrics)  # the p-value as a number
    change, _ = rendered[("onderzoeker", "verandering")]
    assert "Over de methode" in change and "MRQAP" in change


def test_plain_audiences_read_uncertainty_in_words(rendered):
    metrics, _ = rendered[("wijkteam:Noord", "kengetallen")]
    assert "Anders dan bij toeval?" in metrics
    assert re.search(r"duidelijk meer|duidelijk meer banden|niet duidelijk anders", metrics)
    assert "Verhouding tussen banden binnen en buiten het eigen domein" in metrics
    change, _ = rendered[("wijkteam:Noord", "verandering")]
    assert re.search(r"In 2026: (duidelijk|iets|even)", change)


def test_leernetwerk_is_told_small_groups_were_merged(rendered):
    for page in ("kengetallen", "domeinmenging", "vergelijken"):
        assert "samengevoegd tot 'overig'" in rendered[("leernetwerk", page)][0], page
    assert "samengevoegd" not in rendered[("wijkteam:Noord", "kengetallen")][0]


def test_audiences_by_name_and_dutch_placeholders(rendered):
    sidebar, _ = rendered[("wijkteam:Noord", "sidebar")]
    assert "PlusWIJkteam Noord" in sidebar and "wijkteam:Noord" not in re.sub(
        r'value: "[^"]*"', "", sidebar
    )
    assert "Choose an option" not in sidebar
    assert (
        "select_all: 0" in sidebar
    )  # the tie-type filter without Streamlit's English "Select all"


# --- reports per audience ---------------------------------------------------------------------------------------


def report_text(html: str) -> str:
    """The words of a report: no style, script, tags or the remake command (a command, not prose)."""
    text = re.sub(
        r"<style.*?</style>|<script.*?</script>|<pre class=\"cmd\">.*?</pre>", " ", html, flags=re.S
    )
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


@pytest.fixture(scope="module")
def reports(project):
    from wijknet.privacy import Audience
    from wijknet.privacy.load import load_project
    from wijknet.report import build_programme_report, build_wijk_report, render_html

    out = {}
    for audience in ("onderzoeker", "wijkteam:Noord", "leernetwerk"):
        p = load_project(project, audience=Audience.parse(audience))
        out[(audience, "programme")] = render_html(
            build_programme_report(p, n_permutations=19), "nl"
        )
        if audience != "leernetwerk":
            out[(audience, "wijk")] = render_html(
                build_wijk_report(p, "Noord", n_permutations=19), "nl"
            )
    return out


@pytest.mark.parametrize("audience", ["wijkteam:Noord", "leernetwerk"])
def test_reports_speak_plainly_to_wijkteam_and_leernetwerk(reports, audience):
    for (who, kind), html in reports.items():
        if who == audience:
            assert not hits(report_text(html), jargon=True), (
                kind,
                hits(report_text(html), jargon=True)[:5],
            )


def test_the_researcher_report_keeps_methods_and_p_values(reports):
    text = report_text(reports[("onderzoeker", "wijk")])
    assert "Kans op toeval (p)" in text and "Krackhardt" in text and "Jaccard" in text
    assert not hits(text, jargon=False)


def test_reports_name_the_change_definition(reports):
    text = report_text(reports[("wijkteam:Noord", "wijk")])
    assert "alle actoren van beide metingen" in text
    assert "Alleen actoren die beide jaren meededen" in text


@pytest.mark.parametrize(
    "args",
    [
        ["--wijk", "Noord", "--audience", "wijkteam:Noord"],
        ["--audience", "leernetwerk", "--lang", "en"],
    ],
)
def test_the_printed_remake_command_makes_the_same_report(project, tmp_path, args):
    from typer.testing import CliRunner

    from wijknet.cli.app import app

    first = tmp_path / "eerste.html"
    runner = CliRunner()
    result = runner.invoke(
        app, ["report", str(project), "--out", str(first), "--permutations", "19", *args]
    )
    assert result.exit_code == 0, result.output
    html = first.read_text(encoding="utf-8")
    command = re.search(r'<pre class="cmd">(.*?)</pre>', html, flags=re.S).group(1)
    words = shlex.split(command.replace("&#34;", '"').replace("&#39;", "'"))
    assert words[:3] == ["wijknet", "report", "PROJECT"]
    for option in args:  # the audience, wijk and language are part of the command
        assert option in words
    second = tmp_path / "tweede.html"
    words = [
        str(project) if w == "PROJECT" else str(second) if w == "rapport.pdf" else w
        for w in words[1:]
    ]
    result = runner.invoke(app, words)
    assert result.exit_code == 0, result.output
    again = second.read_text(encoding="utf-8")
    digest = re.compile(r"[0-9a-f]{64}")
    assert digest.findall(html) == digest.findall(
        again
    )  # the data hash (report.build.data_hash) and file hashes
    assert again == html  # and the same report, word for word
