"""Answer the evaluator's seven questions about a simulated year.

Run:  python examples/python/measure_a_year.py [DIRECTORY]
"""

from __future__ import annotations

import sys
import tempfile

import carelearn
import carelearn.metrics as cm


def main(directory: str) -> None:
    summary = carelearn.simulate(directory, units=12, years=1, seed=1, format="jsonl")
    tables = carelearn.read_tables(summary.sessions_file)
    programme = carelearn.load_programme(summary.programme_file)
    roster = carelearn.read_roster(summary.roster_file)
    meeting = "systematic-learning-meeting"

    # 1. Did the units keep the fixed interval?
    cadence = cm.cadence(tables, programme, period="year")
    meetings = cadence[cadence.format == meeting]
    print(f"1. learning meetings held: {meetings.held.sum()} of {meetings.planned.sum()} planned")

    # 2. Who was reached? (groups of fewer than 5 people are withheld)
    reach = cm.reach(tables, roster, period="year")
    print(f"2. staff reached: {reach.reached.sum()} of {reach.staff.sum()}")

    # 3. Were the steps and the times kept?
    fidelity = cm.fidelity(tables, period="year")
    f = fidelity[fidelity.format == meeting]
    print(f"3. meetings with every step: {(f.all_steps_share * f.sessions).sum():.0f} "
          f"of {f.sessions.sum()}")

    # 4. How much learning did each person get?
    dose = cm.dose(tables, roster, period="year")
    print(f"4. learning hours per person: median of the units {dose.hours_per_person_mean.median():.1f}")

    # 5. Did the learning turn into actions?
    outcomes = cm.outcomes(tables, period="year", as_of="2027-01-01")
    print(f"5. actions: {outcomes.actions.sum()} proposed, {outcomes.done.sum()} done, "
          f"{outcomes.overdue.sum()} overdue")

    # 6. Did the participants value it? (the simulation has feedback on seminars)
    ratings = cm.responsiveness(tables, period="year")
    for r in ratings.itertuples():
        print(f"6. {r.format}: rated {r.mean:.2f} of 5 (95 % interval {r.ci_low:.2f}-"
              f"{r.ci_high:.2f}) by {r.raters} people")

    # 7. Did learning cross units and municipalities?
    circles = cm.circles(tables, period="year", municipality=programme)
    print(f"7. participations in another unit's session: {circles.cross_unit_share.iloc[0]:.1%}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(tmp + "/year")
