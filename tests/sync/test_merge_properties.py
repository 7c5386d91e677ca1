"""The merge's promises, checked on generated histories rather than hand-picked examples."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from merge_cases import TABLE, assert_nothing_lost, cases

from storage.jsonfile import encode
from storage.merge import merge

Case = tuple[dict[str, Any], dict[str, Any], dict[str, Any]]
PROPERTIES = settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])


@PROPERTIES
@given(cases())
def test_swapping_sides_gives_identical_bytes(case: Case) -> None:
    base, ours, theirs = case
    assert encode(merge(base, ours, theirs)) == encode(merge(base, theirs, ours))


@PROPERTIES
@given(cases())
def test_a_side_that_changed_nothing_yields_the_other(case: Case) -> None:
    base, ours, theirs = case
    assert merge(base, base, theirs) == theirs
    assert merge(base, ours, base) == ours


@PROPERTIES
@given(cases())
def test_merging_the_result_again_changes_nothing(case: Case) -> None:
    base, ours, theirs = case
    merged = merge(base, ours, theirs)
    assert merge(base, merged, ours) == merged
    assert merge(base, theirs, merged) == merged
    assert merge(merged, merged, merged) == merged


@PROPERTIES
@given(cases())
def test_every_concurrent_write_survives(case: Case) -> None:
    base, ours, theirs = case
    assert_nothing_lost(base, ours, theirs, merge(base, ours, theirs))


def drops_their_inserts(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> dict[str, Any]:
    """A plausible bug: treat records missing from ours as deleted on purpose."""
    merged = merge(base, ours, theirs)
    known = set(ours[TABLE]) | set(base[TABLE])
    merged[TABLE] = {key: record for key, record in merged[TABLE].items() if key in known}
    return merged


def keeps_ours_on_both_changed(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> dict[str, Any]:
    """Another plausible bug: 'ours wins' without keeping their value anywhere."""
    merged = merge(base, ours, theirs)
    for key, record in merged[TABLE].items():
        if key in ours[TABLE]:
            record.update({k: v for k, v in ours[TABLE][key].items() if k != "_conflicts"})
            record.pop("_conflicts", None)
    return merged


@pytest.mark.parametrize("broken", [drops_their_inserts, keeps_ours_on_both_changed])
def test_the_property_catches_a_merge_that_loses_data(broken: Any) -> None:
    def loses_data(case: Case) -> bool:
        base, ours, theirs = case
        try:
            assert_nothing_lost(base, ours, theirs, broken(base, ours, theirs))
        except AssertionError:
            return True
        return False

    counterexample = find(cases(), loses_data, settings=settings(max_examples=2000))
    assert loses_data(counterexample)
