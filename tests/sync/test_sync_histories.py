"""Many machines, random histories, real git: everyone ends with the same file, nothing lost.

Three clones with clocks an hour apart add, edit, delete and sync in a seeded
random order, with plain merges or with `pull.rebase`. At the end each write is
either the current value, kept in a conflict list, or was knowingly replaced
(a later write on a machine that had already seen it).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import orjson
import pytest
from gitfarm import Farm, Machine, git

from storage.jsonfile import read_strict

FIELDS = ("notes", "level", "location")
WORDS = ("call", "wait", "L5", "L6", "remote", "Berlin", "offer", "prep")


@dataclass(frozen=True)
class Write:
    """A field write as it landed on one machine: what it replaced there, too."""

    process_id: str
    field: str
    value: Any
    stamp: str
    replaced: str


def _stamp(record: dict[str, Any], field: str) -> str:
    return str(record.get("_stamps", {}).get(field, ""))


def act(machine: Machine, rng: random.Random, writes: list[Write], step: int) -> None:
    live = [loop.process.id for loop in machine.repo().loops(include_closed=True)]
    roll = rng.random()
    if roll < 0.15 or not live:
        machine.add(f"Company {machine.name}{step}")
    elif roll < 0.2:
        process_id = rng.choice(live)
        replaced = str(machine.record(process_id)["_deleted"] or "")
        machine.delete(process_id)
        record = machine.record(process_id)
        writes.append(
            Write(process_id, "_deleted", record["_deleted"], record["_deleted"], replaced)
        )
    elif roll < 0.7:
        process_id, field = rng.choice(live), rng.choice(FIELDS)
        value = f"{rng.choice(WORDS)} {machine.name}{step}"
        replaced = _stamp(machine.record(process_id), field)
        machine.edit(process_id, **{field: value})
        writes.append(
            Write(process_id, field, value, _stamp(machine.record(process_id), field), replaced)
        )
    elif roll < 0.75:
        process_id = rng.choice(live)
        tags = sorted(rng.sample(["ml", "infra", "urgent", "remote"], k=rng.randint(0, 2)))
        machine.edit(process_id, tags=tags)
    else:
        machine.sync()


def assert_every_write_survives(document: dict[str, Any], writes: list[Write]) -> None:
    replaced = {(w.process_id, w.field, w.replaced) for w in writes}
    for write in writes:
        if (write.process_id, write.field, write.stamp) in replaced:
            continue  # a machine that had this write overwrote it on purpose
        record = document["processes"][write.process_id]
        kept = {
            (c["field"], orjson.dumps(c["value"]), c["stamp"]) for c in record.get("_conflicts", [])
        }
        if write.field == "_deleted":
            assert record["_deleted"] is not None or any(k[0] == "_deleted" for k in kept), write
            continue
        current = (record.get(write.field), _stamp(record, write.field))
        in_list = (write.field, orjson.dumps(write.value), write.stamp) in kept
        assert current == (write.value, write.stamp) or in_list, write


def assert_converged(machines: list[Machine]) -> dict[str, Any]:
    for _round in range(2):
        for machine in machines:
            machine.sync()
    contents = {machine.path.read_bytes() for machine in machines}
    assert len(contents) == 1, "machines disagree after syncing twice"
    for machine in machines:
        assert machine.status() == ""
        read_strict(machine.path)  # no conflict markers, no duplicate keys
    return machines[0].document()


@pytest.mark.parametrize("rebase", [False, True], ids=["merge", "rebase"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_histories_converge_without_losing_a_write(
    farm: Farm, rebase: bool, seed: int
) -> None:
    rng = random.Random(seed)
    machines = [
        farm.clone("a", skew=0, rebase=rebase),
        farm.clone("b", skew=3600, rebase=rebase),
        farm.clone("c", skew=-3600, rebase=rebase),
    ]
    machines[0].add("Acme")
    machines[0].sync()
    writes: list[Write] = []
    for step in range(24):
        act(rng.choice(machines), rng, writes, step)

    assert_every_write_survives(assert_converged(machines), writes)


def test_criss_cross_merges_converge(farm: Farm) -> None:
    a, b, c = farm.clone("a"), farm.clone("b"), farm.clone("c", skew=-3600)
    acme = a.add("Acme")
    a.sync()
    b.sync()
    c.sync()
    a.edit(acme.id, notes="from a")
    b.edit(acme.id, notes="from b", level="L6")
    c.edit(acme.id, location="Berlin")
    for machine in (a, b):
        git(machine.root, "commit", "--quiet", "-am", f"{machine.name} local")
    a_head = git(a.root, "rev-parse", "HEAD").strip()
    git(a.root, "pull", "--quiet", "--no-rebase", "--no-edit", str(b.root), "main")
    git(b.root, "fetch", "--quiet", str(a.root), a_head)
    git(b.root, "merge", "--quiet", "--no-edit", a_head)
    assert git(a.root, "rev-parse", "HEAD") != git(b.root, "rev-parse", "HEAD")

    document = assert_converged([a, b, c])

    record = document["processes"][acme.id]
    assert (record["notes"], record["level"], record["location"]) == ("from b", "L6", "Berlin")
    assert [c["value"] for c in record["_conflicts"]] == ["from a"]
    merges = git(a.root, "log", "--merges", "--format=%H").split()
    assert len(merges) >= 3  # the two crossed merges and the one joining them
