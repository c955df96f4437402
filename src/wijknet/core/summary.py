"""A printable summary of a result object, in the manner of statsmodels' ``summary()``.

Every result object of wijknet (:class:`~wijknet.inference.QAPResult`,
:class:`~wijknet.inference.BootstrapResult`, :class:`~wijknet.metrics.EIResult`,
:class:`~wijknet.inference.MRQAPResult`, the tie-change and wave-change
results of :mod:`wijknet.analysis`) has a ``summary(lang=None)`` method that
returns a :class:`Summary`: a title, a few captioned tables and notes. It
prints as plain text (``print(result.summary())``), shows as an HTML table in
a notebook (``_repr_html_``) and can be written into a report
(:meth:`Summary.as_html`). Numbers go through :mod:`wijknet.core.formatting`,
so they read ``0,25`` in Dutch and ``0.25`` in English.

pandas is imported only when a summary is rendered, so importing this module
stays light.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"statistic": ["density"], "value": [0.25]})
>>> s = Summary("Network", [("Measures", table)], notes=["Binary ties."], lang="en")
>>> print(s)
Network
=======
Measures
statistic  value
density    0.250
-----
Binary ties.
>>> print(Summary("Netwerk", [("", table)], lang="nl").as_text())
Netwerk
=======
statistic  value
density    0,250
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wijknet.core import formatting as fmt
from wijknet.core.i18n import get_language

if TYPE_CHECKING:
    import pandas as pd

#: Decimals of a float cell in a summary table.
DECIMALS = 3

#: Labels of the values that recur in the summaries of result objects.
LABELS = {
    "statistic": {"nl": "toetsgrootheid", "en": "statistic"},
    "estimate": {"nl": "schatting", "en": "estimate"},
    "std_error": {"nl": "standaardfout", "en": "std. error"},
    "p_value": {"nl": "p (tweezijdig)", "en": "p (two-sided)"},
    "p_greater": {"nl": "p (groter)", "en": "p (greater)"},
    "p_less": {"nl": "p (kleiner)", "en": "p (less)"},
    "n_permutations": {"nl": "permutaties", "en": "permutations"},
    "n_boot": {"nl": "bootstrap-trekkingen", "en": "bootstrap replicates"},
    "ci_low": {"nl": "ondergrens", "en": "lower bound"},
    "ci_high": {"nl": "bovengrens", "en": "upper bound"},
    "se": {"nl": "standaardfout", "en": "std. error"},
    "level": {"nl": "betrouwbaarheid", "en": "confidence level"},
    "method": {"nl": "methode", "en": "method"},
    "term": {"nl": "term", "en": "term"},
    "odds_ratio": {"nl": "odds ratio", "en": "odds ratio"},
    "family": {"nl": "model", "en": "family"},
    "null": {"nl": "nulhypothese", "en": "null hypothesis"},
    "n_dyads": {"nl": "dyaden", "en": "dyads"},
    "df_residual": {"nl": "vrijheidsgraden (rest)", "en": "residual df"},
    "r_squared": {"nl": "R²", "en": "R²"},
    "adj_r_squared": {"nl": "R² (gecorrigeerd)", "en": "adj. R²"},
    "residual_std_error": {"nl": "standaardfout residu", "en": "residual std. error"},
    "deviance": {"nl": "deviantie", "en": "deviance"},
    "null_deviance": {"nl": "deviantie nulmodel", "en": "null deviance"},
    "aic": {"nl": "AIC", "en": "AIC"},
    "bic": {"nl": "BIC", "en": "BIC"},
    "pseudo_r_squared": {"nl": "pseudo-R² (McFadden)", "en": "pseudo R² (McFadden)"},
    "actors": {"nl": "actoren", "en": "actors"},
    "value": {"nl": "waarde", "en": "value"},
}


def cell(value, lang: str | None = None, decimals: int = DECIMALS) -> str:
    """One table cell as text: integers with grouping, floats with ``decimals`` decimals.

    Examples
    --------
    >>> cell(0.12345, "nl"), cell(1200, "en"), cell(True, "en"), cell(None), cell("dsp")
    ('0,123', '1,200', 'True', '–', 'dsp')
    """
    if isinstance(value, bool) or isinstance(value, str):
        return str(value)
    if fmt.is_missing(value):
        return fmt.MISSING
    if isinstance(value, int) or (hasattr(value, "dtype") and value.dtype.kind in "iu"):
        return fmt.integer(value, lang)
    if isinstance(value, float) or (hasattr(value, "dtype") and value.dtype.kind == "f"):
        return fmt.number(value, decimals, lang)
    return str(value)


def key_values(items: Mapping[str, object], lang: str | None = None) -> pd.DataFrame:
    """A two-column table of named values (labels from :data:`LABELS`), for the header block of a summary.

    Examples
    --------
    >>> key_values({"n_permutations": 999, "other": 1}, "en").to_dict("list")
    {'': ['permutations', 'other'], 'value': [999, 1]}
    """
    import pandas as pd

    return pd.DataFrame(
        {
            "": [label(LABELS, k, lang) for k in items],
            label(LABELS, "value", lang): pd.Series(list(items.values()), dtype=object),
        }
    )


@dataclass
class Summary:
    """A title, captioned tables and notes, printable as text or HTML.

    Parameters
    ----------
    title : str
    tables : list of (str, pandas.DataFrame)
        Caption and table; an empty caption prints no caption line.
    notes : list of str
        Lines printed below the tables.
    lang : {"nl", "en"}, optional
        Language of the numbers (decimal comma in Dutch); default the active
        language (:func:`wijknet.core.i18n.get_language`) when rendered.
    decimals : int, default 3
        Decimals of float cells.

    Examples
    --------
    >>> import pandas as pd
    >>> s = Summary("QAP", [("", pd.DataFrame({"p": [0.04]}))], lang="en")
    >>> s.as_text().splitlines()[-2:]
    ['    p', '0.040']
    >>> "<table" in s._repr_html_()
    True
    """

    title: str
    tables: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lang: str | None = None
    decimals: int = DECIMALS

    @property
    def language(self) -> str:
        """The language the summary is rendered in."""
        return self.lang or get_language()

    def _cells(self, table: pd.DataFrame) -> pd.DataFrame:
        return table.map(lambda v: cell(v, self.language, self.decimals))

    def as_text(self) -> str:
        """The summary as plain text: title, tables (right-aligned columns), notes."""
        lines = [self.title, "=" * max(len(self.title), 1)]
        for caption, table in self.tables:
            if caption:
                lines.append(caption)
            lines.extend(_text_table(table, self._cells(table)))
        if self.notes:
            lines.append("-----")
            lines.extend(self.notes)
        return "\n".join(lines)

    def as_html(self) -> str:
        """The summary as an HTML fragment (escaped; one ``<table>`` per table)."""
        parts = [f"<div class='wijknet-summary'><h4>{html.escape(self.title)}</h4>"]
        for caption, table in self.tables:
            cells = self._cells(table)
            body = cells.to_html(index=False, escape=True, border=0)
            if caption:
                body = body.replace(">", f"><caption>{html.escape(caption)}</caption>", 1)
            parts.append(body)
        if self.notes:
            parts.append("".join(f"<p>{html.escape(note)}</p>" for note in self.notes))
        parts.append("</div>")
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        return self.as_html()

    def __str__(self) -> str:
        return self.as_text()


def _text_table(table: pd.DataFrame, cells: pd.DataFrame) -> list[str]:
    """Rows of a plain-text table: text columns left-aligned, numbers right-aligned."""
    if not len(cells.columns):
        return []
    columns = []
    for name in cells.columns:
        values = [str(name), *cells[name].tolist()]
        width = max(len(v) for v in values)
        numeric = table[name].dtype.kind in "iufc"
        columns.append([v.rjust(width) if numeric else v.ljust(width) for v in values])
    return ["  ".join(row).rstrip() for row in zip(*columns)]


def label(texts: Mapping[str, Mapping[str, str]], key: str, lang: str | None) -> str:
    """``texts[key]`` in ``lang`` (Dutch when missing), for summary labels.

    Examples
    --------
    >>> label({"n": {"nl": "aantal", "en": "count"}}, "n", "en"), label({}, "other", "nl")
    ('count', 'other')
    """
    entry = texts.get(key)
    if entry is None:
        return key
    return entry.get(lang or get_language()) or entry["nl"]


def labelled(
    texts: Mapping[str, Mapping[str, str]], keys: Sequence[str], lang: str | None
) -> dict[str, str]:
    """A rename map ``{key: label(texts, key, lang)}`` for table columns.

    Examples
    --------
    >>> labelled(LABELS, ["estimate", "p_value"], "nl")
    {'estimate': 'schatting', 'p_value': 'p (tweezijdig)'}
    """
    return {key: label(texts, key, lang) for key in keys}
