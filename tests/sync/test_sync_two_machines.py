"""Two machines edit the same loop and sync through a bare remote: nothing is lost."""

from __future__ import annotations

from gitfarm import Farm


def test_same_field_edited_on_two_machines_converges_and_keeps_the_loser(farm: Farm) -> None:
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    acme = laptop.add("Acme")
    laptop.sync()
    desktop.sync()

    desktop.edit(acme.id, notes="call the recruiter")
    laptop.edit(acme.id, notes="send the take-home")
    first = desktop.sync()
    second = laptop.sync()
    desktop.sync()
    laptop.sync()

    assert first.pushed and second.pulled == 1 and second.new_conflicts == 1
    assert laptop.path.read_bytes() == desktop.path.read_bytes()
    assert laptop.status() == desktop.status() == ""
    record = laptop.record(acme.id)
    assert record["notes"] == "send the take-home"
    assert [(c["field"], c["value"]) for c in record["_conflicts"]] == [
        ("notes", "call the recruiter")
    ]
