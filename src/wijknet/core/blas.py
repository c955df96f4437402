"""One BLAS thread for work on small or long, skinny matrices.

A multi-threaded BLAS spends more time synchronising than computing on the
matrices of one wijk's network or of a batch of permutation refits (more than
twice slower on a busy two-core machine); parallelism comes from running
networks or batches side by side instead.
"""

from __future__ import annotations

import sys

_CONTROLLER: list = [None, -1]  # the controller and the number of modules loaded when it was made


def _controller():
    # Finding the loaded BLAS and OpenMP libraries costs 0.4 to 3 ms; limiting through a
    # controller made once costs microseconds. It is made again whenever modules were imported
    # since (a new extension module can bring its own BLAS), so the next limit covers it too.
    from threadpoolctl import ThreadpoolController

    loaded = len(sys.modules)
    if _CONTROLLER[1] != loaded:
        _CONTROLLER[:] = [ThreadpoolController(), loaded]
    return _CONTROLLER[0]


def single_threaded_blas(user_api: str | None = "blas"):
    """Context limiting the BLAS libraries (``user_api=None``: also OpenMP) to one thread.

    Examples
    --------
    >>> import numpy as np
    >>> with single_threaded_blas():
    ...     float((np.ones((3, 3)) @ np.ones(3))[0])
    3.0
    """
    return _controller().limit(limits=1, user_api=user_api)
