"""carelearn.simulate and the simulate command: a synthetic municipality's
year written as a store or JSON Lines, with its roster and programme."""

from __future__ import annotations

import csv
import pathlib
import threading
import time

import pytest

import carelearn
from carelearn import _simulate

# The default run: 12 units in 2026 with seed 1 (docs/simulate.md).
DEFAULT_SESSIONS = 1517


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> carelearn.SimulationSummary:
    return carelearn.simulate(tmp_path_factory.mktemp("sim") / "year", format="jsonl")


def test_a_year_as_json_lines(year: carelearn.SimulationSummary) -> None:
    assert year.sessions == DEFAULT_SESSIONS
    assert year.held + year.cancelled == year.sessions
    assert year.units == 12
    assert year.municipality_id == "syntetisk-kommune"
    assert year.format == "jsonl"
    assert year.sessions_file == year.directory / "sessions.jsonl"
    sessions = carelearn.read_sessions(year.sessions_file)
    assert len(sessions) == year.sessions
    assert sum(s.status() is carelearn.SessionStatus.CANCELLED for s in sessions) == (
        year.cancelled
    )
    assert sum(len(s.learning_points) for s in sessions) == year.learning_points
    assert sum(len(s.actions) for s in sessions) == year.actions
    assert sum(len(s.feedback) for s in sessions) == year.feedback
    assert all(s.id.startswith("sim-2026") for s in sessions)
    assert "1517 sessions" in str(year)
    assert "(synthetic data)" in str(year)


def test_the_roster_and_the_programme(year: carelearn.SimulationSummary) -> None:
    with open(year.roster_file, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["person", "unit", "profession", "shift", "from", "to"]
    assert len({row[0] for row in rows[1:]}) == year.people
    assert {row[3] for row in rows[1:]} == {"day", "evening", "night"}
    programme = carelearn.load_programme(year.programme_file)
    assert programme.id == "syntetisk-kommune-2026"
    assert programme.units[0].id == "syntetisk-kommune"


def test_the_same_seed_gives_the_same_bytes(
    tmp_path: pathlib.Path, year: carelearn.SimulationSummary
) -> None:
    again = carelearn.simulate(tmp_path / "again", format="jsonl")
    for a, b in [
        (year.sessions_file, again.sessions_file),
        (year.roster_file, again.roster_file),
        (year.programme_file, again.programme_file),
    ]:
        assert a.read_bytes() == b.read_bytes(), a.name
    other = carelearn.simulate(tmp_path / "other", format="jsonl", seed=2)
    assert other.sessions_file.read_bytes() != year.sessions_file.read_bytes()


def test_a_store(tmp_path: pathlib.Path) -> None:
    summary = carelearn.simulate(tmp_path / "db", units=3)
    assert summary.sessions_file.name == "sessions.db"
    with carelearn.Store(summary.sessions_file) as store:
        assert store.count() == summary.sessions
        assert store.count(status="cancelled") == summary.cancelled
        meetings = store.sessions(
            unit="home-care-north", format="systematic-learning-meeting"
        )
        assert len(meetings) == 26  # every other Tuesday of 2026


def test_an_earlier_data_set_is_kept_unless_overwritten(tmp_path: pathlib.Path) -> None:
    first = carelearn.simulate(tmp_path / "d", units=1, format="jsonl")
    before = first.sessions_file.read_bytes()
    with pytest.raises(carelearn.AlreadyExistsError, match="sessions.jsonl: exists already"):
        carelearn.simulate(tmp_path / "d", units=1, format="jsonl", seed=9)
    assert first.sessions_file.read_bytes() == before
    second = carelearn.simulate(tmp_path / "d", units=1, format="jsonl", seed=9, overwrite=True)
    assert second.sessions_file.read_bytes() != before


def test_rates(tmp_path: pathlib.Path) -> None:
    none = {name: 0.0 for name in _simulate._RATE_NAMES}
    quiet = carelearn.simulate(tmp_path / "quiet", units=2, format="jsonl", rates=none)
    # Only the days commonly given off are still called off (24 and 31 December 2026).
    sessions = carelearn.read_sessions(quiet.sessions_file)
    reasons = {s.cancellation.reason for s in sessions if s.cancellation is not None}
    assert reasons == {carelearn.CancelReason.HOLIDAY}
    busy = carelearn.simulate(
        tmp_path / "busy",
        units=2,
        format="jsonl",
        rates=carelearn.SimulationRates(staffing=0.5),
    )
    assert busy.cancelled > 3 * quiet.cancelled
    assert repr(carelearn.SimulationRates(moves=0.1)) == (
        "SimulationRates(staffing=0.05, workload=0.04, no_facilitator=0.02, "
        "holiday=0.5, cut_short=0.01, moves=0.1, leavers=0.15)"
    )


def test_progress_counts_up_to_the_total(tmp_path: pathlib.Path) -> None:
    seen: list[tuple[int, int]] = []
    summary = carelearn.simulate(
        tmp_path / "p", units=10, format="jsonl", progress=lambda d, t: seen.append((d, t))
    )
    assert [d for d, _ in seen] == [*range(1000, summary.sessions, 1000), summary.sessions]
    assert {t for _, t in seen} == {summary.sessions}


def test_an_exception_in_progress_stops_it(tmp_path: pathlib.Path) -> None:
    def stop(done: int, total: int) -> None:
        raise RuntimeError(f"stop at {done}")

    with pytest.raises(RuntimeError, match="stop at 1000"):
        carelearn.simulate(tmp_path / "s", units=10, format="jsonl", progress=stop)


def test_other_threads_run_while_it_simulates(tmp_path: pathlib.Path) -> None:
    # With the GIL released, this thread keeps ticking between the progress calls.
    calls: list[float] = []
    result: list[carelearn.SimulationSummary] = []
    worker = threading.Thread(
        target=lambda: result.append(
            carelearn.simulate(
                tmp_path / "t",
                units=200,
                format="jsonl",
                progress=lambda d, t: calls.append(time.monotonic()),
            )
        )
    )
    ticks: list[float] = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.monotonic())
        time.sleep(0.001)
    worker.join()
    assert result and len(calls) > 20
    during = [t for t in ticks if calls[0] < t < calls[-1]]
    assert len(during) > 2 * len(calls)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"units": 0}, ValueError, "units: 0 is not from 1 to 100000"),
        ({"units": "3"}, TypeError, "units must be a whole number, not str"),
        ({"units": True}, TypeError, "units must be a whole number, not bool"),
        ({"years": 51}, ValueError, "years: 51 is not from 1 to 50"),
        ({"start_year": 1500}, ValueError, "start_year: 1500 is not from 1900 to 9000"),
        ({"seed": -1}, ValueError, "seed: -1 is not from 0 to"),
        ({"format": "csv"}, ValueError, 'format: unknown value "csv"'),
        ({"rates": {"sickness": 0.1}}, ValueError, 'rates: unknown rate "sickness"'),
        ({"rates": {"staffing": 2}}, ValueError, "rates\\['staffing'\\]: 2 is not a probability"),
        ({"rates": {"staffing": "x"}}, TypeError, "rates\\['staffing'\\] must be a number"),
        ({"rates": [0.1]}, TypeError, "rates must be a SimulationRates or a mapping"),
        ({"municipality": 7}, TypeError, "municipality must be a str"),
        ({"progress": 3}, TypeError, "progress must be callable"),
        (
            {"rates": {"staffing": 0.7, "workload": 0.7}},
            carelearn.FormatError,
            "SimulationOptions.rates: staffing \\+ workload \\+ no_facilitator is 1.42",
        ),
        (
            {"municipality": "!!"},
            carelearn.FormatError,
            'SimulationOptions.municipality: "!!" has no letter or digit',
        ),
    ],
)
def test_bad_arguments_are_named(
    tmp_path: pathlib.Path, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        carelearn.simulate(tmp_path / "bad", **kwargs)  # type: ignore[arg-type]
    assert not (tmp_path / "bad" / "sessions.db").exists()


def test_out_must_be_a_path() -> None:
    with pytest.raises(TypeError, match="out must be a path, not int"):
        carelearn.simulate(3)  # type: ignore[arg-type]


# --- The command ---------------------------------------------------------------------


def test_the_command_writes_and_summarises(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _simulate.run_simulate([str(tmp_path / "c"), "--units", "100", "--format", "jsonl"])
    assert code == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].endswith("of 100 units in syntetisk-kommune (synthetic data)")
    assert lines[1] == f"  sessions:  {tmp_path / 'c' / 'sessions.jsonl'}"
    # Not a terminal: a line at each tenth passed (the progress comes every
    # 1,000 of some 12,500 sessions), the last at the total.
    progress = err.splitlines()
    assert 9 <= len(progress) <= 11
    total = int(lines[0].split()[0])
    assert progress[-1] == f"simulating: {total:,}/{total:,} sessions"


def test_the_command_is_quiet_when_asked(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _simulate.run_simulate([str(tmp_path / "q"), "--units", "1", "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("140 sessions (")


def test_the_command_reports_errors(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _simulate.run_simulate([str(tmp_path / "e"), "--units", "1", "--quiet"]) == 0
    capsys.readouterr()
    assert _simulate.run_simulate([str(tmp_path / "e"), "--units", "1", "--quiet"]) == 2
    assert "carelearn simulate: " in capsys.readouterr().err
    assert _simulate.run_simulate([str(tmp_path / "f"), "--units", "0"]) == 2
    assert capsys.readouterr().err == (
        "carelearn simulate: units: 0 is not from 1 to 100000\n"
    )
    with pytest.raises(SystemExit) as exit_:
        _simulate.run_simulate([str(tmp_path / "g"), "--format", "csv"])
    assert exit_.value.code == 2


def test_the_progress_bar_on_a_terminal() -> None:
    class Terminal:
        def __init__(self) -> None:
            self.text = ""

        def isatty(self) -> bool:
            return True

        def write(self, s: str) -> int:
            self.text += s
            return len(s)

        def flush(self) -> None:
            pass

    terminal = Terminal()
    bar = _simulate._ProgressBar(terminal)  # type: ignore[arg-type]
    bar(500, 1000)
    bar(1000, 1000)
    assert terminal.text.startswith("\rsimulating [###############...............]  50% ")
    assert "500/1,000 sessions" in terminal.text
    assert terminal.text.endswith(" left \n")
    assert "[" + "#" * 30 + "] 100% 1,000/1,000 sessions" in terminal.text


def test_the_subcommand_can_be_wired_in_three_lines(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="carelearn")
    commands = parser.add_subparsers(dest="command", required=True)
    _simulate.add_parser(commands)
    args = parser.parse_args(["simulate", str(tmp_path / "w"), "--units", "1", "--quiet"])
    assert _simulate.COMMANDS[args.command](args) == 0
    assert capsys.readouterr().out.startswith("140 sessions")
