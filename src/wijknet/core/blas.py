"""One BLAS thread for work on small or long, skinny matrices.

A multi-threaded BLAS spends more time synchronising than computing on the
matrices of one wijk's network or of a batch of permutation refits (more than
twice slower on a busy two-core machine); parallelism comes from running
networks or batches side by side instead.
"""

from __future__ import annotations

from functools import cache


@cache
def _controller():
    # Finding the loaded BLAS libraries costs about 0.4 ms; done once, limiting then costs
    # microseconds. A BLAS loaded later is not limited, which costs speed, never digits.
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def single_threaded_blas():
    """Context limiting the BLAS libraries loaded so far to one thread.

    For speed only: where the digits of a result must not depend on threads
    (every task of ``analyse``), :mod:`wijknet.analysis.parallel` limits all
    libraries anew.

    Examples
    --------
    >>> import numpy as np
    >>> with single_threaded_blas():
    ...     float((np.ones((3, 3)) @ np.ones(3))[0])
    3.0
    """
    return _controller().limit(limits=1, user_api="blas")
