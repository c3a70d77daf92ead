"""Plan the systematic learning meeting for a unit and print its agenda.

Run:  python examples/python/plan_meeting.py [PARTICIPANTS] [da|en]
"""

from __future__ import annotations

import datetime
import sys

import carelearn


def main(participants: int = 12, lang: str = "en") -> None:
    catalog = carelearn.Catalog.builtin()
    meeting = catalog["systematic-learning-meeting"]

    # How many people the planned 30 minutes have room for.
    longest = carelearn.max_participants_that_fit(meeting, longest=True)
    shortest = carelearn.max_participants_that_fit(meeting, longest=False)
    print(f"{meeting.title.get(lang)}: room for {longest}–{shortest} participants\n")

    # Wednesday 4 March 2026 at 14:00.
    agenda = carelearn.plan_agenda(
        meeting, participants, datetime.datetime(2026, 3, 4, 14, 0)
    )
    print(agenda.render(lang))

    # An overrun is a diagnostic, not an exception.
    for diagnostic in agenda.diagnostics:
        if diagnostic.severity is carelearn.Severity.ERROR:
            print(f"{diagnostic.code}: {diagnostic.message(lang)}")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    main(count, sys.argv[2] if len(sys.argv) > 2 else "en")
