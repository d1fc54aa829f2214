"""Time bounds that say "this does not stall" without failing on a busy machine.

A request that stalls the server is slow every time; one that met a loaded machine is not.
So a bounded step is tried up to ``tries`` times and the quickest attempt counts. Only steps
that change nothing may be repeated.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def quickest_of[T](attempt: Callable[[], T], *, bound: float, tries: int = 3) -> tuple[T, float]:
    """Runs ``attempt`` until it finishes within ``bound`` seconds, at most ``tries`` times;
    returns the last result and the quickest time."""
    times = []
    for _ in range(tries):
        started = time.perf_counter()
        result = attempt()
        times.append(time.perf_counter() - started)
        if times[-1] <= bound:
            break
    return result, min(times)
