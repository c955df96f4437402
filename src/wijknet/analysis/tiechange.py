"""Which ties last and which arise: a logistic MRQAP model of tie change.

The tie between two stable actors at the later wave is explained by the
situation at the earlier wave and by who the actors are::

    logit P(y_ij = 1) = b0 + b1 x_ij + b2 x_ji + b3 same_domain_ij
                        + b4 both_team_ij + b5 shared_kernaanpak_ij
                        + b6 outdeg_i(x) + b7 indeg_j(x)

with ``y`` the later and ``x`` the earlier network; ``both_team`` and
``shared_kernaanpak`` are the actors' attributes in the earlier wave
(:meth:`wijknet.project.Project.present`, so a per-wave ``actor_waves`` value
counts). Estimates are those of an
ordinary logistic regression over the dyads; p-values come from QAP
permutations (:func:`wijknet.inference.mrqap`), which keep the dependence
among the ties of one actor. :func:`describe` turns the table into a few
plain sentences in Dutch or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from wijknet.analysis.change import WavePair
from wijknet.core import formatting as fmt
from wijknet.core.errors import ModelError
from wijknet.core.i18n import get_language, text
from wijknet.core.summary import LABELS, Summary, key_values, label, labelled
from wijknet.project import Project

TERMS = ("tie_before", "reciprocation", "same_domain", "both_team", "shared_kernaanpak", "sender_degree",
         "receiver_degree", "degree_sum")  # fmt: skip
TABLE_COLUMNS = [
    "wijk",
    "wave_from",
    "wave_to",
    "term",
    "estimate",
    "std_error",
    "odds_ratio",
    "p_value",
    "statistic",
    "separation",
]
ALPHA = 0.05

TEXTS = {
    "header": {
        "nl": "{wijk}, van {wave_from} naar {wave_to} ({actors} actoren die in beide metingen meedoen):",
        "en": "{wijk}, from {wave_from} to {wave_to} ({actors} actors who take part in both waves):",
    },
    "tie_before+": {
        "nl": "Wie in {wave_from} samenwerkte, werkt in {wave_to} vaker nog steeds samen: bestaande relaties blijven vaak bestaan ({p}).",
        "en": "Those who worked together in {wave_from} are more likely to still work together in {wave_to}: existing ties tend to last ({p}).",
    },
    "tie_before=": {
        "nl": "Of er in {wave_from} al een relatie was, maakt voor {wave_to} geen duidelijk verschil ({p}).",
        "en": "Whether there was a tie in {wave_from} makes no clear difference for {wave_to} ({p}).",
    },
    "tie_before-": {
        "nl": "Relaties uit {wave_from} zijn in {wave_to} juist minder vaak te zien dan nieuwe ({p}).",
        "en": "Ties from {wave_from} are less often seen in {wave_to} than new ones ({p}).",
    },
    "reciprocation+": {
        "nl": "Wie in {wave_from} door een ander genoemd werd, noemt die ander in {wave_to} vaker terug ({p}).",
        "en": "Those named by someone in {wave_from} more often name that person back in {wave_to} ({p}).",
    },
    "reciprocation=": {
        "nl": "Of iemand in {wave_from} door de ander genoemd werd, maakt voor {wave_to} geen duidelijk verschil ({p}).",
        "en": "Whether someone was named by the other in {wave_from} makes no clear difference for {wave_to} ({p}).",
    },
    "reciprocation-": {
        "nl": "Wie in {wave_from} door een ander genoemd werd, noemt die ander in {wave_to} juist minder vaak terug ({p}).",
        "en": "Those named by someone in {wave_from} less often name that person back in {wave_to} ({p}).",
    },
    "same_domain+": {
        "nl": "Relaties binnen een domein ontstaan en blijven in {wijk} vaker dan relaties tussen verschillende domeinen ({p}).",
        "en": "In {wijk}, ties within a domain arise and last more often than ties between different domains ({p}).",
    },
    "same_domain=": {
        "nl": "Relaties tussen verschillende domeinen ontstaan en blijven in {wijk} even vaak als binnen een domein ({p}).",
        "en": "In {wijk}, ties between different domains arise and last as often as ties within a domain ({p}).",
    },
    "same_domain-": {
        "nl": "Relaties tussen verschillende domeinen ontstaan en blijven in {wijk} vaker dan relaties binnen een domein ({p}).",
        "en": "In {wijk}, ties between different domains arise and last more often than ties within a domain ({p}).",
    },
    "both_team+": {
        "nl": "Leden van het PlusWIJkteam werken in {wave_to} vaker met elkaar samen dan andere actoren ({p}).",
        "en": "Members of the PlusWIJkteam work together more often in {wave_to} than other actors ({p}).",
    },
    "both_team=": {
        "nl": "Leden van het PlusWIJkteam werken onderling niet duidelijk vaker samen dan andere actoren ({p}).",
        "en": "Members of the PlusWIJkteam do not clearly work together more often than other actors ({p}).",
    },
    "both_team-": {
        "nl": "Leden van het PlusWIJkteam werken in {wave_to} minder vaak met elkaar samen dan andere actoren ({p}).",
        "en": "Members of the PlusWIJkteam work together less often in {wave_to} than other actors ({p}).",
    },
    "shared_kernaanpak+": {
        "nl": "Wie aan dezelfde kernaanpak meedoet, werkt in {wave_to} vaker samen ({p}).",
        "en": "Those who take part in the same core approach work together more often in {wave_to} ({p}).",
    },
    "shared_kernaanpak=": {
        "nl": "Meedoen aan dezelfde kernaanpak maakt voor samenwerking geen duidelijk verschil ({p}).",
        "en": "Taking part in the same core approach makes no clear difference for working together ({p}).",
    },
    "shared_kernaanpak-": {
        "nl": "Wie aan dezelfde kernaanpak meedoet, werkt in {wave_to} juist minder vaak samen ({p}).",
        "en": "Those who take part in the same core approach work together less often in {wave_to} ({p}).",
    },
    "sender_degree+": {
        "nl": "Wie in {wave_from} al veel samenwerkingspartners noemde, noemt in {wave_to} vaker een relatie ({p}).",
        "en": "Those who named many partners in {wave_from} more often name a tie in {wave_to} ({p}).",
    },
    "sender_degree=": {
        "nl": "Hoeveel partners iemand in {wave_from} noemde, maakt voor {wave_to} geen duidelijk verschil ({p}).",
        "en": "How many partners someone named in {wave_from} makes no clear difference for {wave_to} ({p}).",
    },
    "sender_degree-": {
        "nl": "Wie in {wave_from} al veel samenwerkingspartners noemde, noemt in {wave_to} minder vaak een relatie ({p}).",
        "en": "Those who named many partners in {wave_from} less often name a tie in {wave_to} ({p}).",
    },
    "receiver_degree+": {
        "nl": "Wie in {wave_from} al door velen genoemd werd, wordt in {wave_to} nog vaker genoemd ({p}).",
        "en": "Those named by many in {wave_from} are named even more often in {wave_to} ({p}).",
    },
    "receiver_degree=": {
        "nl": "Hoe vaak iemand in {wave_from} genoemd werd, maakt voor {wave_to} geen duidelijk verschil ({p}).",
        "en": "How often someone was named in {wave_from} makes no clear difference for {wave_to} ({p}).",
    },
    "receiver_degree-": {
        "nl": "Wie in {wave_from} al door velen genoemd werd, wordt in {wave_to} minder vaak genoemd: het werk spreidt zich ({p}).",
        "en": "Those named by many in {wave_from} are named less often in {wave_to}: the work spreads out ({p}).",
    },
    "degree_sum+": {
        "nl": "Actoren die in {wave_from} al veel relaties hadden, krijgen in {wave_to} vaker een relatie ({p}).",
        "en": "Actors who had many ties in {wave_from} more often have a tie in {wave_to} ({p}).",
    },
    "degree_sum=": {
        "nl": "Hoeveel relaties actoren in {wave_from} hadden, maakt voor {wave_to} geen duidelijk verschil ({p}).",
        "en": "How many ties actors had in {wave_from} makes no clear difference for {wave_to} ({p}).",
    },
    "degree_sum-": {
        "nl": "Actoren die in {wave_from} al veel relaties hadden, krijgen in {wave_to} minder vaak een relatie ({p}).",
        "en": "Actors who had many ties in {wave_from} less often have a tie in {wave_to} ({p}).",
    },
    "separation": {
        "nl": "Let op: {terms} voorspelt de relaties in {wave_to} (bijna) perfect ((quasi-)volledige"
        " scheiding). De schatting gaat dan naar oneindig; schatting, standaardfout en p-waarde van"
        " die term zeggen niets en er staat hierboven geen uitspraak over.",
        "en": "Note: {terms} predicts the ties in {wave_to} (almost) perfectly ((quasi-)complete"
        " separation). The estimate then diverges; that term's estimate, standard error and p-value"
        " mean nothing, and no statement about it is made above.",
        # For a PlusWIJkteam or leernetwerk: the same warning without method words or term codes.
        "plain": {
            "nl": "Let op: een deel van de kenmerken voorspelt de relaties in {wave_to} (bijna) perfect."
            " Over die kenmerken kan de berekening niets zeggen; hierboven staat er daarom geen uitspraak over.",
            "en": "Note: some of the characteristics predict the ties in {wave_to} (almost) perfectly."
            " The calculation can say nothing about them, so no statement about them is made above.",
        },
    },
    "dropped": {
        "nl": "Niet in het model (geen verschil tussen de actoren): {terms}.",
        "en": "Not in the model (no difference between the actors): {terms}.",
    },
    "p_small": {"nl": "p < {value}", "en": "p < {value}"},
    "p": {"nl": "p = {value}", "en": "p = {value}"},
}


SUMMARY_TEXTS = {
    "title": {
        "nl": "Model van relatieverandering: {wijk}, {wave_from} naar {wave_to}",
        "en": "Tie-change model: {wijk}, {wave_from} to {wave_to}",
    },
    "fit": {"nl": "Model", "en": "Model"},
    "coefficients": {"nl": "Coëfficiënten", "en": "Coefficients"},
}


@dataclass(eq=False)
class TieChangeResult:
    """The tie-change model of one wijk between two waves (:func:`tie_change_model`).

    Attributes
    ----------
    table : pandas.DataFrame
        The coefficient table, :data:`TABLE_COLUMNS`: one row per term
        (``intercept`` first).
    wijk, wave_from, wave_to : str
    fit : dict
        Deviance, AIC, ... of the logistic fit (see :func:`wijknet.inference.mrqap`).
    actors : int
        Actors present in both waves (the dyads among them enter the model).
    null : str
        The null hypothesis used, ``"dsp"`` or ``"y"``.
    dropped : list of str
        Terms left out because they did not vary over the dyads.
    n_permutations : int
    not_converged : int
        Permuted refits (over all terms) that did not converge within 50
        Newton iterations; the summary says so when there are any.
    statistic : str
        The statistic of the p-values, ``"score"`` or ``"wald"``
        (:func:`wijknet.inference.mrqap`).

    Notes
    -----
    ``result["term"]`` (a column of the table) and ``result.attrs`` (a dict
    of the metadata) keep working as on the DataFrame that
    :func:`tie_change_model` used to return; new code uses :meth:`to_frame`
    and the attributes.

    Examples
    --------
    A result made by hand (the model itself needs a project):

    >>> table = pd.DataFrame({"wijk": "Noord", "wave_from": "2025", "wave_to": "2026",
    ...     "term": ["intercept", "tie_before"], "estimate": [-3.0, 2.0], "std_error": [0.3, 0.4],
    ...     "odds_ratio": np.exp([-3.0, 2.0]), "p_value": [0.01, 0.002], "statistic": [-10.0, 5.0]})
    >>> result = TieChangeResult(table, "Noord", "2025", "2026", actors=12)
    >>> result.to_frame()["term"].tolist(), result.actors
    (['intercept', 'tie_before'], 12)
    >>> [s.code for s in statements(result)]
    ['header', 'tie_before.positive']
    >>> print(result.summary(lang="en").as_text().splitlines()[0])
    Tie-change model: Noord, 2025 to 2026
    """

    table: pd.DataFrame
    wijk: str
    wave_from: str
    wave_to: str
    fit: dict = field(default_factory=dict)
    actors: int = 0
    null: str = "dsp"
    dropped: list[str] = field(default_factory=list)
    n_permutations: int = 0
    not_converged: int = 0
    statistic: str = "wald"

    def to_frame(self) -> pd.DataFrame:
        """The coefficient table (a copy), columns :data:`TABLE_COLUMNS`."""
        return self.table.copy()

    @property
    def attrs(self) -> dict:
        """The metadata as the ``.attrs`` of the former DataFrame result (a new dict)."""
        return {"fit": self.fit, "actors": self.actors, "null": self.null,
                "dropped": list(self.dropped), "n_permutations": self.n_permutations}  # fmt: skip

    def __getitem__(self, key):
        return self.table[key]

    def _convergence_note(self, lang: str | None) -> list[str]:
        from wijknet.inference.mrqap import TEXTS as MRQAP_TEXTS

        if not self.not_converged:
            return []
        return [text(MRQAP_TEXTS, "not_converged", lang, count=self.not_converged)]

    def summary(self, lang: str | None = None) -> Summary:
        """Fit, coefficients and the plain sentences of :func:`describe` as a :class:`~wijknet.core.summary.Summary`."""
        fit = {"actors": self.actors, "null": self.null, "statistic": self.statistic,
               "n_permutations": self.n_permutations}  # fmt: skip
        fit.update(self.fit)
        columns = ["term", "estimate", "std_error", "odds_ratio", "statistic", "p_value"]
        if "separation" in self.table and self.table["separation"].any():
            columns.append("separation")
        coefficients = self.table[columns].rename(columns=labelled(LABELS, columns, lang))
        title = label(SUMMARY_TEXTS, "title", lang).format(
            wijk=self.wijk, wave_from=self.wave_from, wave_to=self.wave_to
        )
        return Summary(
            title,
            [
                (label(SUMMARY_TEXTS, "fit", lang), key_values(fit, lang)),
                (label(SUMMARY_TEXTS, "coefficients", lang), coefficients),
            ],
            notes=[s.text(lang) for s in statements(self)][1:] + self._convergence_note(lang),
            lang=lang,
        )


def _covariates(pair: WavePair, actors: pd.DataFrame, attr: str) -> dict[str, np.ndarray]:
    """Dyadic covariates over the stable actors, in the order of ``pair.nodes``."""
    stable = np.flatnonzero(pair.stable)
    ids = [pair.nodes[i] for i in stable]
    info = actors.set_index("actor_id").loc[ids]
    x = pair.A[0][np.ix_(stable, stable)].astype(float)
    domain = info[attr].astype(str).to_numpy()
    team = info["pluswijkteam"].astype(bool).to_numpy()
    kern = [set(filter(None, str(v).split(";"))) for v in info["kernaanpakken"]]
    n = len(ids)
    shared = np.array([[float(bool(kern[i] & kern[j])) for j in range(n)] for i in range(n)])
    X = {"tie_before": x}
    if pair.directed:
        X["reciprocation"] = x.T.copy()
    X["same_domain"] = (domain[:, None] == domain[None, :]).astype(float)
    X["both_team"] = (team[:, None] & team[None, :]).astype(float)
    X["shared_kernaanpak"] = shared
    # Degrees count every tie of the earlier wave, also those with actors who left since.
    out_degree = pair.A[0].sum(axis=1)[stable].astype(float)
    in_degree = pair.A[0].sum(axis=0)[stable].astype(float)
    if pair.directed:
        X["sender_degree"] = np.repeat(out_degree[:, None], n, axis=1)
        X["receiver_degree"] = np.repeat(in_degree[None, :], n, axis=0)
    else:
        X["degree_sum"] = out_degree[:, None] + out_degree[None, :]
    for matrix in X.values():
        np.fill_diagonal(matrix, 0.0)
    return X


def tie_change_model(
    project: Project,
    wijk: str,
    wave_from: str,
    wave_to: str,
    *,
    n_permutations: int = 1000,
    seed: int = 0,
    null: str = "dsp",
    statistic: str = "score",
    attr: str = "domain",
    n_jobs: int = 1,
    mapper=None,
    **graph_options,
) -> TieChangeResult:
    """Logistic MRQAP regression of the later ties on the earlier network and actor attributes.

    Parameters
    ----------
    project : Project
    wijk : str
    wave_from, wave_to : str
        The earlier and the later wave.
    n_permutations : int, default 1000
        QAP permutations for the p-values.
    seed : int, default 0
    null : {"dsp", "y"}, default "dsp"
        Double semi-partialling (Dekker, Krackhardt & Snijders 2007) or
        permutation of the later network; see :func:`wijknet.inference.mrqap`.
    statistic : {"score", "wald"}, default "score"
        Test statistic of the DSP permutations (:func:`wijknet.inference.mrqap`):
        the efficient score statistic, which needs no refit per permutation
        (1,000 permutations in well under a second), or the Wald z of a
        logistic refit per permutation (as ``sna::netlogit``; about ten times
        slower). The two give nearly the same p-values; the score statistic
        also keeps its meaning under separation. ``null="y"`` always uses
        the Wald z.
    attr : str, default "domain"
        Actor attribute for ``same_domain``.
    n_jobs : int, default 1
        Threads over the permutation batches (``-1``: all cores); the
        result does not depend on it.
    mapper : callable, optional
        Runs the permutation batches elsewhere, e.g. on a Dask cluster; see
        :func:`wijknet.inference.permutation.map_batches`.
    **graph_options
        Passed to :func:`wijknet.graph.build.build_graph` for both waves.

    Returns
    -------
    TieChangeResult
        ``.to_frame()`` (and ``.table``): ``wijk, wave_from, wave_to, term,
        estimate, std_error, odds_ratio, p_value, statistic, separation``, one row per
        term (``intercept`` first); ``odds_ratio = exp(estimate)``,
        ``p_value`` two-sided from the QAP permutations, ``statistic`` the
        statistic it refers to (the score statistic of the term, or with
        ``statistic="wald"`` the z-value ``estimate / std_error``), ``separation`` ``True`` where the
        estimate diverges under (quasi-)complete separation
        (:func:`wijknet.inference.mrqap.detect_separation`; the statements
        then warn instead of describing that term). Attributes ``fit`` (deviance, AIC,
        ...; see :func:`wijknet.inference.mrqap`), ``actors`` (stable
        actors), ``null`` (the null hypothesis used), ``dropped`` (terms left
        out because they did not vary) and ``n_permutations``;
        ``.summary()`` prints it all.

    Notes
    -----
    Only the dyads between actors present in both waves enter (structural
    zeros excluded, as in :func:`wijknet.analysis.change.compare_waves`). Terms, with
    ``x`` the earlier and ``y`` the later binary network:

    ``tie_before``
        ``x_ij``: persistence of ties (the intercept then describes the
        formation of new ties).
    ``reciprocation``
        ``x_ji``: a tie received in the earlier wave is returned.
    ``same_domain``
        1 if ``i`` and ``j`` have the same ``attr`` (homophily); a negative
        estimate means ties across domains arise and last more easily.
    ``both_team``
        1 if both are in the PlusWIJkteam.
    ``shared_kernaanpak``
        1 if they share at least one kernaanpak.
    ``sender_degree``, ``receiver_degree``
        out-degree of ``i`` and in-degree of ``j`` in the earlier wave
        (activity and popularity; all of its ties, also those with actors
        who left since); per extra tie.

    Undirected graphs (``symmetrise``) drop ``reciprocation`` and replace the
    two degree terms by ``degree_sum`` (``deg_i + deg_j``). Terms that are
    constant over the dyads (e.g. ``both_team`` without team members among
    the stable actors) are dropped, as the model could not estimate them.
    The model is a descriptive panel regression of one wave on the previous
    one (Krackhardt 1988); stochastic actor-oriented models (RSiena;
    Snijders et al. 2010) model the change process itself.

    References
    ----------
    Krackhardt, D. (1988). Predicting with networks: nonparametric multiple
    regression analysis of dyadic data. *Social Networks*, 10(4), 359-381.
    Dekker, D., Krackhardt, D., & Snijders, T. A. B. (2007). Sensitivity of
    MRQAP tests to collinearity and autocorrelation conditions.
    *Psychometrika*, 72(4), 563-581.
    Snijders, T. A. B., van de Bunt, G. G., & Steglich, C. E. G. (2010).
    Introduction to stochastic actor-based models for network dynamics.
    *Social Networks*, 32(1), 44-60.
    Potter, D. M. (2005). A permutation test for inference in logistic
    regression with small- and moderate-sized data sets. *Statistics in
    Medicine*, 24(5), 693-708.
    """
    from wijknet.inference import mrqap

    pair = WavePair(project, wijk, wave_from, wave_to, attr, **graph_options)
    stable = np.flatnonzero(pair.stable)
    if stable.size < 3:
        raise ModelError("too_few_stable", wijk=wijk, wave_from=wave_from, wave_to=wave_to)
    actors = project.present(wijk, wave_from)  # the earlier wave's team and kernaanpakken
    X = _covariates(pair, actors, attr)
    off = (
        ~np.eye(stable.size, dtype=bool)
        if pair.directed
        else np.triu(np.ones((stable.size,) * 2, dtype=bool), 1)
    )
    dropped = [name for name, m in X.items() if np.ptp(m[off]) == 0]
    X = {name: m for name, m in X.items() if name not in dropped}
    y = pair.A[1][np.ix_(stable, stable)].astype(float)
    try:
        result = mrqap(
            y,
            X,
            family="binomial",
            null=null,
            statistic=statistic,
            n_permutations=n_permutations,
            seed=seed,
            directed=pair.directed,
            n_jobs=n_jobs,
            mapper=mapper,
        )
    except ModelError as exc:  # the same condition, told with the wijk and waves
        raise ModelError("no_variation", wijk=wijk, wave_from=wave_from, wave_to=wave_to) from exc
    table = result.table[
        ["term", "estimate", "std_error", "p_value", "statistic", "separation"]
    ].copy()
    table["odds_ratio"] = np.exp(table["estimate"])
    table.insert(0, "wave_to", wave_to)
    table.insert(0, "wave_from", wave_from)
    table.insert(0, "wijk", wijk)
    return TieChangeResult(
        table=table[TABLE_COLUMNS].reset_index(drop=True),
        wijk=wijk,
        wave_from=wave_from,
        wave_to=wave_to,
        fit=result.fit,
        actors=int(stable.size),
        null=result.null,
        dropped=dropped,
        n_permutations=int(n_permutations),
        not_converged=int(sum(result.not_converged.values())),
        statistic=result.statistic,
    )


def _p_text(p: float, lang: str) -> str:
    if np.isnan(p):
        return text(TEXTS, "p", lang, value="–")
    if p < 0.001:
        return text(TEXTS, "p_small", lang, value=fmt.number(0.001, 3, lang))
    if p >= 1:
        return text(TEXTS, "p", lang, value="1")
    decimals = 1 if 0.1 <= p < 0.95 else 2 if p >= 0.95 else 3
    return text(TEXTS, "p", lang, value=fmt.number(p, decimals, lang))


#: The effect codes of a term: positive (more likely), none (no clear difference), negative.
EFFECTS = {"+": "positive", "=": "none", "-": "negative"}
_SIGNS = {v: k for k, v in EFFECTS.items()}


@dataclass(frozen=True)
class Statement:
    """One plain-language statement about a tie-change model, as codes and values.

    Attributes
    ----------
    kind : {"header", "term", "separation", "dropped"}
        The heading line, one term's effect, the warning on separated terms
        (:func:`wijknet.inference.mrqap.detect_separation`) or the note on
        dropped terms.
    code : str
        Machine code in English: ``"header"``, ``"<term>.<effect>"`` (e.g.
        ``"same_domain.none"``) or ``"dropped"``.
    wijk, wave_from, wave_to : str
    term : str, optional
        The model term (``kind == "term"``).
    effect : {"positive", "none", "negative"}, optional
        ``p_value < alpha`` and the sign of the estimate, or ``"none"``.
    estimate, odds_ratio, p_value : float, optional
    actors : float, optional
        Stable actors (``kind == "header"``); NaN when withheld.
    terms : tuple of str
        The dropped or separated terms (``kind == "dropped"`` or ``"separation"``).

    Examples
    --------
    >>> s = Statement("term", "same_domain.none", "Daalhof", "2025", "2026",
    ...               term="same_domain", effect="none", p_value=0.4)
    >>> s.text("nl")
    'Relaties tussen verschillende domeinen ontstaan en blijven in Daalhof even vaak als binnen een domein (p = 0,4).'
    """

    kind: str
    code: str
    wijk: str
    wave_from: str
    wave_to: str
    term: str | None = None
    effect: str | None = None
    estimate: float = float("nan")
    odds_ratio: float = float("nan")
    p_value: float = float("nan")
    actors: float = float("nan")
    terms: tuple[str, ...] = ()

    def text(self, lang: str | None = None, *, plain: bool = False) -> str:
        """The statement as a sentence in Dutch or English; ``plain`` words the separation warning without method terms.

        Examples
        --------
        >>> s = Statement("separation", "separation", "Daalhof", "2025", "2026", terms=("both_team",))
        >>> "standaardfout" in s.text("nl"), "standaardfout" in s.text("nl", plain=True)
        (True, False)
        """
        lang = lang or get_language()
        context = {"wijk": self.wijk, "wave_from": self.wave_from, "wave_to": self.wave_to}
        if self.kind == "header":
            actors = fmt.integer(self.actors, lang)  # "–" when withheld (NaN)
            return text(TEXTS, "header", lang, actors=actors, **context)
        if self.kind == "dropped":
            return text(TEXTS, "dropped", lang, terms=", ".join(self.terms))
        if self.kind == "separation":
            return text(
                TEXTS, "separation", lang, plain=plain, terms=", ".join(self.terms), **context
            )
        key = f"{self.term}{_SIGNS[self.effect]}"
        return text(TEXTS, key, lang, p=_p_text(self.p_value, lang), **context)


def _parts(result) -> tuple[pd.DataFrame, dict]:
    """The coefficient table and metadata of a result (or of a legacy DataFrame with ``.attrs``)."""
    if isinstance(result, TieChangeResult):
        return result.table, result.attrs
    return result, dict(result.attrs)


def statements(
    result: TieChangeResult | pd.DataFrame, *, alpha: float = ALPHA, actors: float | None = None
) -> list[Statement]:
    """The structured form of :func:`describe`: a header, one statement per term, the dropped terms.

    Parameters
    ----------
    result : TieChangeResult
        From :func:`tie_change_model` (a DataFrame with the metadata in
        ``.attrs``, the former return value, is accepted too).
    alpha : float, default 0.05
        A term with ``p_value < alpha`` has effect ``"positive"`` or
        ``"negative"`` by the sign of its estimate, otherwise ``"none"``.
    actors : float, optional
        The number of stable actors to state in the header instead of the
        model's own (e.g. the disclosure-protected count for a leernetwerk;
        NaN shows as an en dash).

    Returns
    -------
    list of Statement
        ``kind`` ``"header"`` first, then ``"term"`` statements in table
        order (the intercept, unknown terms and separated terms left out),
        then a ``"separation"`` statement naming the terms with
        (quasi-)complete separation (the ``separation`` column) and a
        ``"dropped"`` statement when terms were dropped. ``Statement.text``
        makes the sentence.

    Examples
    --------
    >>> table = pd.DataFrame({"wijk": "Noord", "wave_from": "2025", "wave_to": "2026",
    ...     "term": ["intercept", "same_domain"], "estimate": [-3.0, -0.8],
    ...     "std_error": 0.2, "odds_ratio": np.exp([-3.0, -0.8]), "p_value": [0.01, 0.004],
    ...     "statistic": 1.0})
    >>> result = TieChangeResult(table, "Noord", "2025", "2026", actors=20, dropped=["both_team"])
    >>> [(s.kind, s.code) for s in statements(result)]
    [('header', 'header'), ('term', 'same_domain.negative'), ('dropped', 'dropped')]
    """
    table, meta = _parts(result)
    first = table.iloc[0]
    context = {"wijk": first["wijk"], "wave_from": first["wave_from"], "wave_to": first["wave_to"]}
    stated = meta.get("actors", float("nan")) if actors is None else actors
    try:
        stated = float(stated)
    except (TypeError, ValueError):
        stated = float("nan")
    out = [Statement("header", "header", actors=stated, **context)]
    separated = (
        table.loc[table["separation"].astype(bool), "term"].tolist()
        if "separation" in table
        else []
    )
    for row in table.itertuples(index=False):
        if row.term not in TERMS or row.term in separated:
            continue
        sign = "=" if not row.p_value < alpha else ("+" if row.estimate > 0 else "-")
        effect = EFFECTS[sign]
        out.append(
            Statement(
                "term",
                f"{row.term}.{effect}",
                term=row.term,
                effect=effect,
                estimate=float(row.estimate),
                odds_ratio=float(row.odds_ratio),
                p_value=float(row.p_value),
                **context,
            )
        )
    if separated:
        out.append(Statement("separation", "separation", terms=tuple(separated), **context))
    if meta.get("dropped"):
        out.append(Statement("dropped", "dropped", terms=tuple(meta["dropped"]), **context))
    return out


def statements_frame(
    result: TieChangeResult | pd.DataFrame, *, alpha: float = ALPHA
) -> pd.DataFrame:
    """:func:`statements` as a tidy table, one row per statement.

    Examples
    --------
    >>> table = pd.DataFrame({"wijk": "Noord", "wave_from": "2025", "wave_to": "2026",
    ...     "term": ["intercept", "tie_before"], "estimate": [-3.0, 2.0], "std_error": 0.2,
    ...     "odds_ratio": np.exp([-3.0, 2.0]), "p_value": [0.01, 0.2], "statistic": 1.0})
    >>> statements_frame(TieChangeResult(table, "Noord", "2025", "2026"))[["kind", "code"]].values.tolist()
    [['header', 'header'], ['term', 'tie_before.none']]
    """
    from dataclasses import asdict

    return pd.DataFrame([asdict(s) for s in statements(result, alpha=alpha)])


def describe(
    result: TieChangeResult | pd.DataFrame, lang: str | None = None, *, alpha: float = ALPHA
) -> str:
    """A plain-language summary of :func:`tie_change_model`, one sentence per term.

    The sentences of :func:`statements`: the header, ``"- "`` and one line
    per term, then the note on dropped terms.

    Parameters
    ----------
    result : TieChangeResult
        From :func:`tie_change_model` (or a DataFrame with ``.attrs``).
    lang : {"nl", "en"}, optional
        Default: the active language (Dutch unless set otherwise).
    alpha : float, default 0.05
        A term with ``p_value < alpha`` is described as making things more or
        less likely (by the sign of its estimate); otherwise as making no
        clear difference.

    Returns
    -------
    str
        A header line and one line per term (the intercept is left out),
        e.g. "Relaties tussen verschillende domeinen ontstaan en blijven in
        Daalhof even vaak als binnen een domein (p = 0,4)."
    """
    lang = lang or get_language()
    return "\n".join(
        ("- " if s.kind == "term" else "") + s.text(lang) for s in statements(result, alpha=alpha)
    )
