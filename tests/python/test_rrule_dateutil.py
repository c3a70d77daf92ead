"""carelearn's RRULE expansion cross-checked against python-dateutil.

A seeded generator draws rules of carelearn's subset (FREQ DAILY, WEEKLY and
MONTHLY; INTERVAL; BYDAY with and without ordinals; BYMONTHDAY, negative ones
too; COUNT, a local UNTIL, or neither within a window; WKST) and each is
expanded by both: the local starts must be the same, rule for rule.

Two kinds of rule are left out of the random check, each on purpose and each
pinned by a test of its own below (docs/schedule.md says the same):

- a start the rule would not give itself, with COUNT: RFC 5545 leaves it
  undefined; carelearn counts the start as the first occurrence, dateutil
  leaves it out. The generator starts each series on the rule's first start.
- a MONTHLY BYDAY list that mixes weekdays with and without an ordinal
  (``WE,5WE``, ``WE,-2SU``): dateutil's known bug gives the ordinals' days
  only (``WE,5WE``: the fifth Wednesdays) or nothing at all (``WE,-2SU``,
  after searching up to its last year), where RFC 5545 3.3.10 (and
  carelearn) give the union. The generator draws each list all plain or all
  with ordinals, and the check below says so.
"""

from __future__ import annotations

import datetime
import functools
import random

import pytest
from dateutil import rrule as du

import carelearn

SEED = 20260115
RULES = 400
ZONE = "Europe/Copenhagen"
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The window for rules with neither COUNT nor UNTIL.
WINDOW_DAYS = 500


def _mixed_byday(items: list[str]) -> bool:
    """True when the list has weekdays both with and without an ordinal."""
    plain = [item for item in items if item in WEEKDAYS]
    return 0 < len(plain) < len(items)


def _random_rule(rng: random.Random) -> str:
    """One rule of carelearn's subset, without COUNT or UNTIL."""
    freq = rng.choice(("DAILY", "WEEKLY", "MONTHLY"))
    parts = [f"FREQ={freq}"]
    if rng.random() < 0.6:
        parts.append(f"INTERVAL={rng.randint(2, 4)}")
    if rng.random() < 0.6:
        ordinals = freq == "MONTHLY" and rng.random() < 0.5  # the whole list, or none
        byday = []
        for day in rng.sample(WEEKDAYS, rng.randint(1, 3)):  # distinct weekdays
            if ordinals:
                byday.append(f"{rng.choice((1, 2, 3, 4, 5, -1, -2))}{day}")
            else:
                byday.append(day)
        assert not _mixed_byday(byday)  # dateutil's known bug; see the module docstring
        parts.append("BYDAY=" + ",".join(byday))
    if freq != "WEEKLY" and rng.random() < 0.35:
        days = rng.sample((1, 2, 5, 13, 15, 28, 29, 30, 31, -1, -2, -7), rng.randint(1, 2))
        parts.append("BYMONTHDAY=" + ",".join(str(d) for d in days))
    if rng.random() < 0.2:
        parts.append("WKST=" + rng.choice(WEEKDAYS))
    return ";".join(parts)


@functools.cache
def _cases() -> tuple[tuple[str, datetime.datetime], ...]:
    """(rule text, start) pairs, the start being the rule's own first start.

    Every search is bounded by an UNTIL, so a rule whose days are rare (the
    fifth Monday that is also the 1st) costs no more than a common one, and a
    COUNT is never more than the rule gives in ten years.
    """
    rng = random.Random(SEED)
    cases: list[tuple[str, datetime.datetime]] = []
    while len(cases) < RULES:
        base = _random_rule(rng)
        seed = datetime.datetime(2024, 1, 1, 9, 0) + datetime.timedelta(days=rng.randint(0, 1400))
        horizon = seed + datetime.timedelta(days=3 * 366)
        found = list(du.rrulestr(f"{base};UNTIL={horizon:%Y%m%dT%H%M%S}", dtstart=seed))
        if not found:  # no such day for years
            continue
        first = found[0]
        ending = rng.random()
        if ending < 0.5:
            ten_years = first + datetime.timedelta(days=3653)
            given = du.rrulestr(f"{base};UNTIL={ten_years:%Y%m%dT%H%M%S}", dtstart=first).count()
            text = f"{base};COUNT={min(rng.randint(1, 15), given)}"
        elif ending < 0.9:
            until = first + datetime.timedelta(days=rng.randint(0, 400), hours=rng.choice((-1, 0, 1)))
            until = max(until, first)
            text = f"{base};UNTIL={until:%Y%m%dT%H%M%S}"
        else:
            text = base
        cases.append((text, first))
    return tuple(cases)


def _carelearn_starts(text: str, start: datetime.datetime) -> list[datetime.datetime]:
    series = carelearn.Recurrence(
        start=start,
        duration=datetime.timedelta(minutes=30),
        zone=ZONE,
        rule=carelearn.parse_rrule(text),
    )
    if "COUNT=" in text or "UNTIL=" in text:
        found = carelearn.expand_recurrence(series)
    else:
        window = carelearn.TimeWindow.days(
            start.date(), start.date() + datetime.timedelta(days=WINDOW_DAYS), ZONE
        )
        found = carelearn.expand_recurrence(series, window)
    return [o.original for o in found]


def _dateutil_starts(text: str, start: datetime.datetime) -> list[datetime.datetime]:
    rule = du.rrulestr(text, dtstart=start)
    if "COUNT=" in text or "UNTIL=" in text:
        return list(rule)
    end = datetime.datetime.combine(start.date() + datetime.timedelta(days=WINDOW_DAYS), datetime.time())
    return [t for t in rule.between(start, end, inc=True) if t < end]


def test_random_rules_expand_as_dateutil_expands_them() -> None:
    cases = _cases()
    assert len(cases) == RULES
    compared = 0
    occurrences = 0
    for text, start in cases:
        ours = _carelearn_starts(text, start)
        theirs = _dateutil_starts(text, start)
        assert ours == theirs, f"{text} from {start:%Y-%m-%dT%H:%M}"
        compared += 1
        occurrences += len(ours)
    assert compared == RULES
    assert occurrences > 5 * RULES  # the rules are not trivially short


def test_the_generator_covers_the_subset() -> None:
    texts = [text for text, _ in _cases()]
    for needle in ("FREQ=DAILY", "FREQ=WEEKLY", "FREQ=MONTHLY", "INTERVAL=", "BYMONTHDAY=-",
                   "WKST=", "COUNT=", "UNTIL="):
        assert any(needle in t for t in texts), needle
    assert any(any(c.isdigit() for c in part) for t in texts for part in t.split(";")
               if part.startswith("BYDAY="))  # ordinals
    assert any("COUNT=" not in t and "UNTIL=" not in t for t in texts)


def test_a_byday_list_mixing_ordinals_is_the_union() -> None:
    """BYDAY=WE,5WE is every Wednesday, WE,-2SU the Wednesdays and the
    second-last Sunday (RFC 5545 3.3.10); dateutil is known to differ."""
    assert _mixed_byday(["WE", "5WE"]) and _mixed_byday(["WE", "-2SU"])
    assert not _mixed_byday(["WE", "SU"]) and not _mixed_byday(["1WE", "-2SU"])
    start = datetime.datetime(2026, 1, 7, 9, 0)
    assert _carelearn_starts("FREQ=MONTHLY;BYDAY=WE,5WE;COUNT=6", start) == [
        datetime.datetime(2026, 1, d, 9, 0) for d in (7, 14, 21, 28)
    ] + [datetime.datetime(2026, 2, d, 9, 0) for d in (4, 11)]
    assert _dateutil_starts("FREQ=MONTHLY;BYDAY=WE,5WE;COUNT=2", start) == [
        datetime.datetime(2026, 4, 29, 9, 0),
        datetime.datetime(2026, 7, 29, 9, 0),
    ]  # the bug: the fifth Wednesdays only
    assert _carelearn_starts("FREQ=MONTHLY;BYDAY=WE,-2SU;COUNT=5", start) == [
        datetime.datetime(2026, 1, d, 9, 0) for d in (7, 14, 18, 21, 28)
    ]


def test_a_start_the_rule_would_not_give_counts_as_the_first() -> None:
    """carelearn counts DTSTART in COUNT; dateutil leaves a non-matching one out."""
    start = datetime.datetime(2026, 3, 4, 14, 0)  # a Wednesday
    text = "FREQ=WEEKLY;BYDAY=MO;COUNT=4"
    ours = _carelearn_starts(text, start)
    assert ours == [start] + [datetime.datetime(2026, 3, d, 14, 0) for d in (9, 16, 23)]
    assert _dateutil_starts(text, start) == [
        datetime.datetime(2026, 3, d, 14, 0) for d in (9, 16, 23, 30)
    ]


@pytest.mark.parametrize("text", ["FREQ=WEEKLY;BYDAY=MO;COUNT=3", "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3"])
def test_conforming_starts_agree_with_count(text: str) -> None:
    start = du.rrulestr(text, dtstart=datetime.datetime(2026, 1, 1, 9, 0))[0]
    assert _carelearn_starts(text, start) == _dateutil_starts(text, start)
