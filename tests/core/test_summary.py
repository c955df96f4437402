"""The Summary of result objects: text, HTML, language, light import."""

import subprocess
import sys

import pandas as pd

from wijknet.core.summary import Summary, cell


def test_text_has_title_tables_and_notes_in_the_language():
    table = pd.DataFrame({"term": ["intercept", "tie_before"], "estimate": [-1.5, 2.25]})
    s = Summary("Model", [("Coefficients", table)], notes=["QAP p-values."], lang="nl")
    text = s.as_text()
    assert text.splitlines()[:3] == ["Model", "=====", "Coefficients"]
    assert "2,250" in text and "-1,500" in text
    assert text.endswith("QAP p-values.")
    assert str(s) == text
    assert "2.250" in Summary("Model", [("", table)], lang="en").as_text()


def test_html_escapes_and_captions():
    table = pd.DataFrame({"name": ["<b>x</b>"], "n": [3]})
    s = Summary("A & B", [("Counts", table)], notes=["n < 5"], lang="en")
    out = s._repr_html_()
    assert "<caption>Counts</caption>" in out
    assert "&lt;b&gt;x&lt;/b&gt;" in out and "<b>x</b>" not in out
    assert "A &amp; B" in out and "n &lt; 5" in out


def test_cells_show_missing_values_as_a_dash():
    assert cell(float("nan")) == "–"
    assert cell(pd.NA) == "–"
    assert cell(12345, "nl") == "12.345"


def test_import_does_not_load_pandas():
    code = "import sys, wijknet.core.summary; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
