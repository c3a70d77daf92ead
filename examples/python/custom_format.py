"""Write a format of your own from a dict, check it, save and reload it, then
derive a local variant and see how it differs.

Run:  python examples/python/custom_format.py [DIRECTORY]
"""

from __future__ import annotations

import pathlib
import sys
import tempfile

import carelearn

HUDDLE = {
    "carelearn": "format/1",
    "id": "morning-huddle",
    "version": 1,
    "title": {"da": "Morgenmøde ved tavlen", "en": "Morning huddle at the board"},
    "purpose": {
        "da": "Dagens overblik og én ting, vi lærte i går.",
        "en": "The day at a glance and one thing we learnt yesterday.",
    },
    "setting": {"place": "workplace", "standing": True},
    "capacity": {"min": 2, "max": 12},
    "duration": {"kind": "fixed", "minutes": 15},
    "cadence": {"every": 1, "unit": "day"},
    "roles": [{"role": "facilitator", "min": 1, "max": 1}],
    "steps": [
        {
            "id": "overview",
            "title": {"da": "Dagens overblik", "en": "The day at a glance"},
            "budget": {"kind": "fixed", "minutes": 5},
            "lead": "facilitator",
            "participation": "speaker",
        },
        {
            "id": "learnt-yesterday",
            "title": {
                "da": "Hvad lærte vi i går?",
                "en": "What did we learn yesterday?",
            },
            "budget": {"kind": "per-participant", "minutes": [0.5, 1], "about": True},
            "lead": "facilitator",
            "participation": "round",
            "produces": ["learning-point"],
        },
    ],
    "outputs": [{"kind": "learning-point", "min": 1, "destination": "staff-meeting"}],
}


def main(directory: pathlib.Path) -> None:
    # A format from a dict, read by the same strict loader as a file.
    huddle = carelearn.Format.from_dict(HUDDLE)
    assert huddle.duration is not None
    print(
        f"{huddle.id}: {len(huddle.steps)} steps, {carelearn.describe_budget(huddle.duration)}"
    )

    # Check it for ten people.
    for diagnostic in huddle.validate(participants=10):
        print(f"  {diagnostic}")

    # Save it, and load it back: the same value.
    path = directory / "morning-huddle.json"
    huddle.save(path)
    reloaded = carelearn.load(path)
    assert reloaded == huddle
    print(f"saved and reloaded {path.name}")

    # A local variant: a shorter huddle for the weekend, without the round.
    weekend = carelearn.Variant(
        id="weekend-huddle",
        extends=carelearn.FormatRef("morning-huddle", 1),
        title=carelearn.Text(da="Weekendmøde ved tavlen", en="Weekend huddle"),
        duration=carelearn.TimeBudget.fixed(10),
        changes=[
            carelearn.StepChange.set_budget(
                "overview", carelearn.TimeBudget.range(3, 5)
            ),
            carelearn.StepChange.remove("learnt-yesterday"),
        ],
    )
    catalog = carelearn.Catalog()
    catalog.add(huddle)
    catalog.add_variant(weekend)
    derived = catalog["weekend-huddle"]
    print(f"{derived.id} extends {derived.lineage[-1].id}")
    for difference in carelearn.diff(huddle, derived):
        print(
            f"  {difference.path}: {difference.before or '-'} -> {difference.after or '-'}"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(pathlib.Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(pathlib.Path(tmp))
