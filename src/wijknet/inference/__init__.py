"""Statistical inference for networks: QAP, MRQAP and the node bootstrap.

:mod:`.qap` tests the association of two networks on the same actors (e.g.
two waves) with the QAP permutation test; :mod:`.mrqap` fits linear and
logistic regressions of one network on dyadic covariates with QAP p-values
(double semi-partialling or y-permutation); :mod:`.bootstrap` gives node
bootstrap confidence intervals for network-level statistics.
:mod:`.permutation` holds the shared, vectorised permutation machinery.
"""

from wijknet.inference.bootstrap import BootstrapResult, bootstrap_ci
from wijknet.inference.mrqap import MRQAPResult, mrqap, same_attribute
from wijknet.inference.qap import QAPResult, graph_correlation, qap_correlation, qap_test

__all__ = [
    "BootstrapResult",
    "MRQAPResult",
    "QAPResult",
    "bootstrap_ci",
    "graph_correlation",
    "mrqap",
    "qap_correlation",
    "qap_test",
    "same_attribute",
]
