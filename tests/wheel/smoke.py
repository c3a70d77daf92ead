"""The installed wheel works on its own: run by `tools/build_wheel.sh --smoke`
with the Python of a fresh virtual environment that holds only the repaired wheel and
what it depends on from PyPI (numpy, pandas), with no compiler on the PATH.

It plans an agenda from the built-in catalog, reads a small JSON Lines file
into tables, simulates a small municipality and reads that back, and checks
that the extension loads no shared library from outside the wheel but the
C and C++ runtimes that every manylinux system has (that check on Linux
only; cibuildwheel runs this file as the test of every wheel it builds).

Run:  python tests/wheel/smoke.py   (from any directory but the repository's)
"""

from __future__ import annotations

import pathlib
import subprocess
import sys
import tempfile

import carelearn

# The runtime libraries the manylinux policy lets a wheel take from the system.
SYSTEM_LIBRARIES = {
    "linux-vdso.so.1",
    "libc.so.6",
    "libm.so.6",
    "libgcc_s.so.1",
    "libstdc++.so.6",
    "libpthread.so.0",
    "libdl.so.2",
    "librt.so.1",
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
}

# Two sessions as the JSON Lines format has them: one held (a learning visit
# with one step of 65 minutes and one action done), one cancelled.
SESSIONS = (
    '{"carelearn":"session/1","id":"s-9","format":{"id":"learning-visit","version":1},'
    '"unit":"nursing-home-east","planned_start":"2026-03-04T14:00:00Z",'
    '"actual_start":"2026-03-04T14:05:00Z","actual_end":"2026-03-04T20:05:00Z",'
    '"status":"held","redaction":"none",'
    '"participants":[{"id":"p-a","role":"learning-agent","shift":"night"}],'
    '"steps":[{"step":"learning-meeting","start":"2026-03-04T19:00:00Z",'
    '"end":"2026-03-04T20:05:00Z"}],"prompts":[],'
    '"learning_points":[{"step":"learning-meeting","text":"Sæt tid af til pårørende.",'
    '"confidential":false}],'
    '"actions":[{"id":"a1","step":"learning-meeting","text":"Fast pårørendesamtale.",'
    '"owner":"leader","due":"2026-04-01","history":[{"status":"open",'
    '"at":"2026-03-04T20:00:00Z"},{"status":"done","at":"2026-03-30T09:30:00Z"}]}],'
    '"feedback":[],"notes":[]}\n'
    '{"carelearn":"session/1","id":"c-1","format":{"id":"learning-seminar","version":1},'
    '"unit":"center","planned_start":"2026-03-11T08:00:00Z","status":"cancelled",'
    '"cancellation":{"reason":"no-facilitator"},"redaction":"none","participants":[],'
    '"steps":[],"prompts":[],"learning_points":[],"actions":[],"feedback":[],"notes":[]}\n'
)


def check_installed_from_the_wheel() -> None:
    package = pathlib.Path(carelearn.__file__).resolve().parent
    assert "site-packages" in package.parts, f"carelearn imported from {package}"
    if not sys.platform.startswith("linux"):
        print(f"installed: {package} ({sys.platform}: libraries not inspected)")
        return
    libs = package.parent / "carelearn.libs"
    assert libs.is_dir(), f"no {libs}: the wheel was not repaired"
    (core,) = package.glob("_core.*.so")
    found = subprocess.run(["ldd", str(core)], check=True, capture_output=True, text=True)
    for line in found.stdout.splitlines():
        name = line.split()[0]
        if "=>" in line:
            target = line.split("=>")[1].split()[0]
            assert target != "not", f"{core.name} needs {name}, which is not found"
            if name not in SYSTEM_LIBRARIES:
                assert pathlib.Path(target).resolve().parent == libs.resolve(), (
                    f"{core.name} loads {name} from {target}, outside the wheel"
                )
        else:
            assert pathlib.Path(name).name in SYSTEM_LIBRARIES, line
    print(f"installed: {package} with {len(list(libs.iterdir()))} libraries in carelearn.libs")


def check_catalog_and_agenda() -> None:
    catalog = carelearn.Catalog.builtin()
    ids = {f.id for f in catalog}
    assert "systematic-learning-meeting" in ids and "learning-visit" in ids, ids
    meeting = catalog["systematic-learning-meeting"]
    agenda = carelearn.plan_agenda(meeting, 12, "2026-03-04T14:00")
    # 30 planned minutes from 14:00; the round of 12 people overruns them by
    # 3 to 4 minutes, and the agenda plans the longer end: 14:34.
    text = str(agenda)
    assert "14:00" in text, text
    assert f"{agenda.end:%H:%M}" == "14:34", agenda.end
    codes = [d.code for d in agenda.diagnostics]
    assert "budget-overrun" in codes, codes
    print(f"catalog: {len(ids)} formats; agenda for 12 ends at {agenda.end:%H:%M}")


def check_tables(directory: pathlib.Path) -> None:
    path = directory / "two.jsonl"
    path.write_text(SESSIONS, encoding="utf-8")
    tables = carelearn.read_tables(path, threads=2, free_text=True)
    assert tables.table("sessions").num_rows == 2
    assert list(tables.sessions["id"]) == ["s-9", "c-1"]
    assert list(tables.sessions["status"]) == ["held", "cancelled"]
    steps = tables.steps
    assert list(steps["step"]) == ["learning-meeting"]
    assert list(steps["minutes"]) == [65.0]  # 19:00 to 20:05
    assert list(tables.actions["status"]) == ["done"]
    assert list(tables.learning_points["text"]) == ["Sæt tid af til pårørende."]
    print("read_tables: 2 sessions, 1 step of 65 minutes, 1 action done")


def check_simulate(directory: pathlib.Path) -> None:
    summary = carelearn.simulate(directory / "year", units=2, years=1, seed=7, format="jsonl")
    assert summary.sessions == summary.held + summary.cancelled > 0, summary
    tables = carelearn.read_tables(summary.sessions_file)
    assert tables.table("sessions").num_rows == summary.sessions
    held = int((tables.sessions["status"] == "held").sum())
    assert held == summary.held, (held, summary.held)
    print(f"simulate: {summary.sessions} sessions, {summary.held} held, read back as tables")


def main() -> None:
    check_installed_from_the_wheel()
    check_catalog_and_agenda()
    with tempfile.TemporaryDirectory() as tmp:
        check_tables(pathlib.Path(tmp))
        check_simulate(pathlib.Path(tmp))
    print(f"smoke test passed with Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
