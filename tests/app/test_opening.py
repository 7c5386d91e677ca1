"""`Opening`: work in a thread from construction on, its result or its error for whoever waits."""

from __future__ import annotations

import threading

import pytest

from tui.opening import Opening


def test_the_result_is_the_work_s_value_computed_in_another_thread() -> None:
    opening = Opening(lambda: threading.current_thread().name, name="worker-x")

    assert opening.result() == "worker-x"
    assert opening.wait(0) and opening.succeeded


def test_waiting_gives_up_after_the_timeout_while_the_work_runs() -> None:
    gate = threading.Event()
    opening = Opening(lambda: gate.wait(10))

    assert not opening.wait(0.05)
    assert not opening.succeeded  # not finished is not a success
    gate.set()
    assert opening.wait(5) and opening.result() is True


def test_an_error_is_raised_to_whoever_asks_for_the_result() -> None:
    def broken() -> int:
        raise ValueError("the file is not JSON")

    opening = Opening(broken)

    assert opening.wait(5) and not opening.succeeded
    with pytest.raises(ValueError, match="not JSON"):
        opening.result()
    with pytest.raises(ValueError):  # every time it is asked
        opening.result()
