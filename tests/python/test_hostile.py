"""Hostile arguments, as a sceptical user would try them, to every public
Python function and every command-line subcommand.

Python: every callable in ``carelearn.__all__`` (functions, constructors,
static and class methods) and every public method of the public classes is
called with generated arguments -- huge and negative numbers, NaN and
infinities, empty and enormous strings, strings Python cannot encode, wrong
types, naive and aware datetimes at the edges of what datetime holds,
non-UTF-8 bytes -- and may only succeed, raise a ``carelearn.Error``, or
raise a TypeError or ValueError whose message names an argument of the call.

The command line: every subcommand ``carelearn.cli.commands()`` lists gets
hostile values for each of its options and arguments, and may only exit with
0, 1 or 2, with a single line on stderr naming the cause for 2 -- never a
traceback.

A new public name or subcommand is covered without a change here; one that
cannot be called from a default (a class whose constructor needs arguments)
must be listed in INSTANCES, or the test fails until it is.
"""

from __future__ import annotations

import argparse
import datetime
import enum
import inspect
import io
import itertools
import math
import pathlib
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import carelearn
import carelearn.cli
from carelearn import _arguments

REPO = pathlib.Path(__file__).resolve().parents[2]
UTC = datetime.UTC

# --- The hostile values ----------------------------------------------------------------------

HOSTILE: list[object] = [
    None,
    True,
    -1,
    0,
    2**31,
    -(2**31) - 1,
    2**63,
    10**30,
    -(10**400),
    math.nan,
    math.inf,
    -math.inf,
    1e308,
    -0.5,
    "",
    "x" * 1_000_000,
    "\ud800",
    "sv",
    "2026-03-04T14:00",
    "9999-12-31",
    b"\xff\xfe\x00",
    bytearray(b"{}"),
    datetime.datetime(2026, 3, 4, 14, 0),
    datetime.datetime(2026, 3, 4, 14, 0, tzinfo=UTC),
    datetime.datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    datetime.datetime(1, 1, 1, 0, 0),
    datetime.datetime.min.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=-23))),
    datetime.date(9999, 12, 31),
    datetime.timedelta.max,
    datetime.timedelta(days=-(10**8)),
    [],
    [None, 2**40],
    {"x": object()},
    object(),
]
"""One of each kind of trouble; every parameter of every callable gets each."""

INCOMPATIBLE = re.compile(r"incompatible (function|constructor) arguments")


def _names(callable_: object) -> list[list[str]]:
    """The parameter names of each signature of ``callable_`` (without self)."""
    target = callable_.__init__ if inspect.isclass(callable_) else callable_  # type: ignore[misc]
    doc = getattr(target, "__doc__", "") or ""
    name = getattr(target, "__name__", "")
    found = []
    for line in doc.splitlines():
        line = re.sub(r"^\s*\d+\.\s*", "", line)
        if line.startswith(f"{name}("):
            parameters = _arguments._parameters(line[len(name) :])  # noqa: SLF001
            if parameters is not None:
                found.append([p.name for p in parameters if p.name != "self"])
    if found:
        return found
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return [[]]
    return [
        [
            p.name
            for p in signature.parameters.values()
            if p.name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]
    ]


def _calls(callable_: object) -> Iterator[tuple[tuple[object, ...], dict[str, object]]]:
    """Each hostile value in each position and as each keyword."""
    for names in _names(callable_):
        for value in HOSTILE:
            yield (value,), {}
            for name in names:
                yield (), {name: value}
            if len(names) >= 2:
                yield (value, value), {}


ARITY = re.compile(
    r"takes (no|\d+|from \d+ to \d+) (positional )?arguments?( \(.*\))?,? (but )?\d+ (were |was )?given"
)
"""A call of the wrong shape (too many positional arguments) names no
argument, and needs not: Python's own message for it says how many it takes."""


def _check(
    what: str,
    call: Callable[[], object],
    args: tuple[object, ...],
    kwargs: dict[str, object],
    names: set[str],
) -> None:
    try:
        call()
    except carelearn.Error:
        return
    except (TypeError, ValueError) as error:
        message = str(error)
        assert not INCOMPATIBLE.search(message), (
            f"{what}{_shown(args, kwargs)}: pybind11's message stands: {message[:300]}"
        )
        if ARITY.search(message):
            return
        assert any(
            re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", message) for n in names | set(kwargs)
        ), f"{what}{_shown(args, kwargs)}: {type(error).__name__} names no argument: {message[:300]}"
    except Exception as error:  # noqa: BLE001 - the point of the test
        pytest.fail(f"{what}{_shown(args, kwargs)}: {type(error).__name__}: {str(error)[:300]}")


def _shown(args: tuple[object, ...], kwargs: dict[str, object]) -> str:
    def short(value: object) -> str:
        try:
            text = repr(value)
        except Exception:  # noqa: BLE001
            text = type(value).__name__
        return text if len(text) < 40 else text[:37] + "..."

    parts = [short(a) for a in args] + [f"{k}={short(v)}" for k, v in kwargs.items()]
    return f"({', '.join(parts)})"


# --- Which callables ----------------------------------------------------------------------------

SKIPPED = {"__version__", "DateLike", "InstantLike", "LangLike"}
"""Names in __all__ that are not callables: the version and type aliases."""

ABSTRACT = {"Clock", "Document"}
"""Public classes that are bases, never made themselves: a Clock is a
SystemClock or a FakeClock, a Document a Format, a Variant or a QuestionSet."""


def _meeting() -> carelearn.Format:
    return carelearn.Catalog.builtin()["systematic-learning-meeting"]


def _runner() -> carelearn.Runner:
    runner = carelearn.Runner(
        _meeting(), unit="u", clock=carelearn.FakeClock("2026-03-04T14:00")
    )
    runner.start([carelearn.Participant("a" * 24, "facilitator")])
    return runner


INSTANCES: dict[str, Callable[[], object]] = {
    "Runner": _runner,
    "Store": lambda: carelearn.Store(":memory:"),
    "Pseudonymiser": lambda: carelearn.Pseudonymiser(bytes(range(32))),
    "Agenda": lambda: carelearn.plan_agenda(_meeting(), 5, "2026-03-04T14:00"),
    "Clock": carelearn.SystemClock,
    "Catalog": carelearn.Catalog.builtin,
    "Format": _meeting,
    "Programme": lambda: carelearn.Programme.load(
        REPO / "examples" / "programmes" / "competence-module.json"
    ),
    "SessionTables": lambda: carelearn.tables_from_text("", free_text=True),
    # Written into the scratch directory the test runs in.
    "ParquetTables": lambda: carelearn.read_parquet(
        carelearn.tables_from_text("").to_parquet("instance.parquet", overwrite=True)
    ),
    "Table": lambda: carelearn.tables_from_sessions([]).table("sessions"),
}
"""How to get an instance of a public class whose default is not enough to
call its methods on; each method of every public class is driven."""


def _public_classes() -> list[tuple[str, type]]:
    return [
        (name, value)
        for name in sorted(carelearn.__all__)
        if name not in SKIPPED | ABSTRACT
        and inspect.isclass(value := getattr(carelearn, name))
        and not issubclass(value, (enum.Enum, BaseException))
    ]


def _functions() -> list[tuple[str, Callable[..., object]]]:
    found: list[tuple[str, Callable[..., object]]] = []
    for name in sorted(carelearn.__all__):
        if name in SKIPPED:
            continue
        value = getattr(carelearn, name)
        if inspect.isclass(value) and issubclass(value, (enum.Enum, BaseException)):
            continue
        if name in ABSTRACT:
            continue
        assert callable(value), f"{name} is public but not callable: list it in SKIPPED"
        found.append((name, value))
    for class_name, cls in _public_classes():
        for member, attribute in vars(cls).items():
            if member.startswith("_"):
                continue
            if isinstance(attribute, (staticmethod, classmethod)) or type(attribute).__name__ in (
                "builtin_function_or_method",
            ):
                found.append((f"{class_name}.{member}", getattr(cls, member)))
    return found


def _methods() -> list[tuple[str, str, str]]:
    found = []
    for class_name, cls in _public_classes():
        for klass in cls.__mro__:
            if not klass.__module__.startswith("carelearn"):
                continue
            for member, attribute in vars(klass).items():
                if member.startswith("_") or isinstance(
                    attribute, (staticmethod, classmethod, property, type)
                ):
                    continue  # a nested class is an enum: Python's own
                if type(attribute).__name__ == "builtin_function_or_method":
                    continue  # a static method of a bound class
                if callable(attribute) and (class_name, member) not in {
                    (c, m) for c, m, _ in found
                }:
                    found.append((class_name, member, klass.__name__))
    return found


@pytest.fixture(autouse=True)
def _scratch(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files a call writes go to a scratch directory."""
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(("name", "function"), _functions(), ids=[n for n, _ in _functions()])
def test_every_public_function_refuses_hostile_arguments_by_name(
    name: str, function: Callable[..., Any]
) -> None:
    names = set(itertools.chain.from_iterable(_names(function)))
    for args, kwargs in _calls(function):
        _check(name, lambda: function(*args, **kwargs), args, kwargs, names)


@pytest.mark.parametrize(
    ("class_name", "method", "owner"), _methods(), ids=[f"{c}.{m}" for c, m, _ in _methods()]
)
def test_every_public_method_refuses_hostile_arguments_by_name(
    class_name: str, method: str, owner: str
) -> None:
    cls = getattr(carelearn, class_name)
    make = INSTANCES.get(class_name, cls)
    try:
        instance = make()
    except TypeError:
        pytest.fail(f"{class_name}() needs arguments: say how to make one in INSTANCES")
    bound = getattr(instance, method)
    names = set(itertools.chain.from_iterable(_names(bound)))
    for args, kwargs in _calls(bound):
        fresh = getattr(make(), method)
        _check(f"{class_name}.{method}", lambda: fresh(*args, **kwargs), args, kwargs, names)


def test_the_cases_the_issue_names() -> None:
    with pytest.raises(ValueError, match=r"rating: 2147483648"):
        carelearn.Feedback("p", 2**31)
    with pytest.raises(
        carelearn.FormatError, match=r"<json>: not UTF-8 text: invalid start byte at byte 0"
    ):
        carelearn.loads(b"\xff{}")
    clock = carelearn.FakeClock("2026-03-04T14:00")
    with pytest.raises(
        ValueError, match=r"^minutes: moving the clock .* leaves the years 1 to 9999"
    ):
        clock.advance(minutes=10**12)
    assert clock.now() == datetime.datetime(2026, 3, 4, 13, 0, tzinfo=UTC)
    with pytest.raises(
        ValueError, match=r"^participants: a number of about 31 digits is more than 1000000$"
    ):
        carelearn.plan_agenda(_meeting(), 10**30, "2026-03-04T14:00")
    with pytest.raises(
        ValueError, match=r"TimeBudget.fixed\(\): amount: nan is not a finite number"
    ):
        carelearn.TimeBudget.fixed(math.nan)


# --- The command line -----------------------------------------------------------------------------

CLI_HOSTILE = [
    "",
    "-1",
    "0",
    "2147483648",
    "1" * 30,
    "1e3",
    "nan",
    "0000-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-03-04T14:00+01:00",
    "x" * 100_000,
    "\udcff\udcfe",
    "nowhere/at/all.json",
    "-",
]
"""Values typed at a shell: numbers too big, dates out of range, bytes that
are not UTF-8 (as Python receives them), paths that do not exist."""


@pytest.fixture()
def files(tmp_path: pathlib.Path) -> dict[str, str]:
    """A store with a session, a programme, a format and a session file, for the
    subcommands that need one."""
    store = tmp_path / "learning.db"
    with carelearn.Store(store) as db:
        db.put(
            carelearn.Session(
                id="s-1",
                format_id="systematic-learning-meeting",
                unit="u",
                planned_start=datetime.datetime(2026, 3, 4, 13, 0, tzinfo=UTC),
                cancellation=carelearn.Cancellation(carelearn.CancelReason.STAFFING),
            )
        )
        db.export_sessions(tmp_path / "sessions.jsonl")
    programme = REPO / "examples" / "programmes" / "competence-module.json"
    return {
        "store": str(store),
        "programme": str(programme),
        "format": str(REPO / "catalog" / "systematic-learning-meeting.json"),
        "sessions": str(tmp_path / "sessions.jsonl"),
        "out": str(tmp_path / "out.jsonl"),
    }


def _base(command: str, parser: argparse.ArgumentParser, files: dict[str, str]) -> list[str]:
    """A command line that runs: the subcommand with plausible required arguments."""
    argv = command.split()
    for action in parser._actions:  # noqa: SLF001
        if action.option_strings and not action.required:
            continue
        if isinstance(action, argparse._HelpAction):  # noqa: SLF001
            continue
        value = {
            "format": "systematic-learning-meeting",
            "files": files["format"],
            "programme": files["programme"],
            "year": "2026",
            "store": files["store"],
            "participants": "4",
            "out": files["out"],
            "input": files["sessions"],
            "source": "systematic-learning-meeting",
            "to": "fhir",
        }.get(action.dest, "x")
        argv += [action.option_strings[0], value] if action.option_strings else [value]
    return argv + EXTRA.get(command, [])


PSEUDONYM = "a" * 24

EXTRA = {
    "run": ["-p", f"{PSEUDONYM}:facilitator", "-p", "b" * 24, "--start", "2026-03-04T14:00"],
}
"""Options a subcommand needs to get past its first check."""


def _variants(
    command: str, parser: argparse.ArgumentParser, files: dict[str, str]
) -> Iterator[list[str]]:
    base = _base(command, parser, files)
    yield base
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, (argparse._HelpAction, argparse._VersionAction)):  # noqa: SLF001
            continue
        for value in CLI_HOSTILE:
            if action.option_strings:
                flag = action.option_strings[0]
                if action.nargs == 0:
                    yield [*base, flag]
                    break
                yield [*base, flag, value]
            else:
                yield [*command.split(), *[a for a in base[len(command.split()) :]], value]
                words = _base(command, parser, files)
                index = len(command.split())
                for i, word in enumerate(words[index:], start=index):
                    if not word.startswith("-") and (i == index or not words[i - 1].startswith("-")):
                        yield [*words[:i], value, *words[i + 1 :]]
                        break


def _run_cli(
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stdin: bytes = b"finish\n",
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    try:
        code = carelearn.cli.main(argv)
    except SystemExit as stop:  # --help and --version
        code = stop.code if isinstance(stop.code, int) else 2
    err = capsys.readouterr().err
    return code, err


@pytest.mark.parametrize("command", sorted(carelearn.cli.commands()))
def test_every_subcommand_reports_a_mistake_in_one_line(
    command: str,
    files: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = carelearn.cli.commands()[command]
    monkeypatch.setenv("CARELEARN_CLOCK", "fake")
    ran = 0
    for argv in _variants(command, parser, files):
        code, err = _run_cli(argv, monkeypatch, capsys)
        ran += 1
        assert code in (0, 1, 2), (argv[:6], code, err[-500:])
        assert "Traceback" not in err, (argv[:6], err[-2000:])
        if code == 2:
            warning = f"carelearn {command.split()[0]}: warning"
            lines = [line for line in err.splitlines() if not line.startswith(warning)]
            assert len(lines) == 1 and lines[0].startswith("carelearn"), (argv[:6], err[-500:])
    assert ran > len(CLI_HOSTILE)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    command=st.sampled_from(sorted(carelearn.cli.commands())),
    words=st.lists(
        st.one_of(
            st.sampled_from(CLI_HOSTILE[:-3] + ["--participants", "--from", "--to", "--lang", "-n"]),
            st.text(max_size=20),
            st.integers().map(str),
            st.floats().map(str),
        ),
        max_size=6,
    ),
)
def test_random_words_never_make_a_traceback(
    command: str,
    words: list[str],
    files: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CARELEARN_CLOCK", "fake")
    argv = [*_base(command, carelearn.cli.commands()[command], files), *words]
    code, err = _run_cli(argv, monkeypatch, capsys)
    assert code in (0, 1, 2), (argv, err[-500:])
    assert "Traceback" not in err


RUN_LINES = [
    b"wait 99999999999999h",
    b"wait 9000000000",
    b"wait -5",
    b"feedback " + PSEUDONYM.encode() + b" 2147483648",
    b"feedback " + PSEUDONYM.encode() + b" nan",
    b"action x --due 0000-01-01",
    b"action x --due 9999-12-31",
    b"lp " + b"x" * 100_000,
    b"lp \xff\xfe",
    b"note --kind \xff",
    b"join " + b"c" * 24 + b":colleague::night",
    b"question " + b"q" * 1000,
    b"case \x00",
    b"cancel holiday " + b"\xc3",
    b'lp "unbalanced',
    b"\xff",
]
"""Commands a facilitator might type, at their worst."""


@pytest.mark.parametrize("line", RUN_LINES)
def test_a_hostile_line_in_a_run_is_one_line(
    line: bytes,
    files: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CARELEARN_CLOCK", "fake")
    argv = _base("run", carelearn.cli.commands()["run"], files)
    code, err = _run_cli(argv, monkeypatch, capsys, stdin=line + b"\nfinish\n")
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert len(err.splitlines()) == 1, err
