"""Keep the cyclic garbage collector out of the way while a large file loads.

Loading a large file allocates hundreds of thousands of dicts, strings and
models, none of them garbage. Left alone, the collector would walk them on
every allocation threshold during the load, and again in each older
generation afterwards. Nothing built here forms reference cycles: plain
reference counting frees it all when a reload replaces it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the collector for the block; re-enable it only if it was on before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def long_lived() -> Iterator[None]:
    """Pause the collector, then exempt everything alive from future collections.

    `gc.freeze()` moves the freshly loaded data out of the collector's sight
    (re-enabling alone would make the next collection walk all of it at
    once). Only for data that lives until the next load: cyclic garbage
    existing at that moment would never be collected, so it is not used for
    short-lived results.
    """
    with paused_gc():
        yield
        gc.freeze()
