"""The pace's quartiles are the standard library's, without importing it on every board."""

from __future__ import annotations

import random
import statistics

from planner.pace import quartiles


def test_quartiles_equal_the_standard_librarys_inclusive_quantiles() -> None:
    chance = random.Random(7)
    for size in range(2, 40):
        for _ in range(25):
            days = sorted(chance.randint(0, 90) for _ in range(size))
            low, median, high = quartiles(days)
            assert [low, high] == statistics.quantiles(days, n=4, method="inclusive")[::2]
            assert median == statistics.median(days)
            assert all(isinstance(value, float) for value in (low, median, high))


def test_two_days_give_a_quarter_of_the_way_each_side_of_their_mean() -> None:
    assert quartiles([2, 10]) == (4.0, 6.0, 8.0)
