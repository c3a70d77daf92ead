"""Run a systematic learning meeting on a fake clock, record what was learnt,
keep it in a store, find it again and export it for an evaluator.

Run:  python examples/python/record_a_meeting.py
"""

from __future__ import annotations

import datetime
import json
import pathlib
import secrets
import tempfile

import carelearn


def main() -> None:
    meeting = carelearn.Catalog.builtin()["systematic-learning-meeting"]

    # In real use the keys come from key files in the organisation's secret store.
    organisation = carelearn.Pseudonymiser(secrets.token_bytes(32))
    evaluation = carelearn.Pseudonymiser(secrets.token_bytes(32))

    # The people present, by pseudonym, in the order they sit.
    people = [
        carelearn.Participant(organisation.staff(employee), role)
        for employee, role in [
            ("E1001", "facilitator"),
            ("E1002", "case-presenter"),
            ("E1003", "colleague"),
        ]
    ]

    # A fake clock stands still until told to move: nothing here sleeps.
    clock = carelearn.FakeClock("2026-03-04T14:00")  # Copenhagen time
    runner = carelearn.Runner(meeting, unit="home-care-north", clock=clock)
    runner.start(people)
    clock.advance(minutes=5)  # the case is presented
    runner.next()
    runner.record_prompt_used("biggest-challenge")
    clock.advance(minutes=10)
    runner.next()
    runner.record_learning_point("Call the relative before the first visit.")
    runner.record_learning_point("The daughter wants a call.", confidential=True)
    clock.advance(minutes=2)
    runner.next()  # the round: about a minute each
    print(f"In the round, {runner.time_left_in_step()} for three people")
    clock.advance(minutes=3)
    runner.next()
    runner.record_action("Fixed call with relatives", owner="leader", due="2026-04-01")
    clock.advance(minutes=5)
    session = runner.finish()
    points, actions = len(session.learning_points), len(session.actions)
    print(f"Held: {points} learning points, {actions} action")
    for finding in runner.diagnostics:
        print(f"  {finding}")

    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "learning.db"
        with carelearn.Store(path) as store:
            store.put(session)
            march = store.sessions(
                unit="home-care-north",
                start=datetime.date(2026, 3, 1),
                end=datetime.date(2026, 4, 1),
                action_status="open",
            )
            print(f"Found {len(march)} session in March with an open action")
            store.set_action_status(session.id, "a1", "done", "2026-03-20T10:00")

            out = pathlib.Path(folder) / "for-evaluators.jsonl"
            store.export_sessions(out, evaluator=True, pseudonymiser=evaluation)
            exported = json.loads(out.read_text(encoding="utf-8"))
            print(f"Exported for evaluators: redaction {exported['redaction']!r}")
            print(f"  roles: {[p['role'] for p in exported['participants']]}")
            texts = [p.get("text") for p in exported["learning_points"]]
            print(f"  learning point texts: {texts}")
            print(f"  action status: {exported['actions'][0]['history'][-1]['status']}")


if __name__ == "__main__":
    main()
