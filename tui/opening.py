"""Work started in a thread of its own as the app starts, waited for by whoever needs it.

The app opens its file this way (`LoopdeckApp.on_load`): the thread starts
before Textual has built its driver, and by the time the main screen is
composed the board is usually there, so the first frame shows the loops rather
than "Opening the file…" followed by a second layout and paint of the whole
screen. A Textual worker cannot do this: it starts from the event loop, after
the app's start-up, and the main screen's short wait for the board (which
holds the loop) would hold the worker back too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Opening(Generic[T]):
    """`work()` running in a daemon thread from construction on; its result or its error."""

    def __init__(self, work: Callable[[], T], name: str = "opening") -> None:
        self._done = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), name=name, daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], T]) -> None:
        try:
            self._value = work()
        except BaseException as error:  # handed to whoever asks for the result
            self._error = error
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the work has finished (well or not), waiting up to `timeout` seconds."""
        return self._done.wait(timeout)

    @property
    def succeeded(self) -> bool:
        """Finished without an error (False while it runs)."""
        return self._done.is_set() and self._error is None

    def result(self) -> T:
        """The work's value, once it has finished; its error is raised here instead."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]  # set when no error was
