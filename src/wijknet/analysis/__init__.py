"""The analyses wijknet runs on a :class:`~wijknet.project.Project`.

One module per question: the standard analysis of every wijk and wave
(:mod:`~wijknet.analysis.standard`), change between waves
(:mod:`~wijknet.analysis.change`), which ties came and went
(:mod:`~wijknet.analysis.tiechange`), non-response
(:mod:`~wijknet.analysis.nonresponse`), comparison of wijken
(:mod:`~wijknet.analysis.compare`), KPI 3 (:mod:`~wijknet.analysis.kpi`),
the evidence behind a tie (:mod:`~wijknet.analysis.evidence`) and the
feedback for a PlusWIJkteam (:mod:`~wijknet.analysis.feedback`).
"""
