"""Validation and agendas: a format checked against a count of people, and
planned for a date and a start time."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from . import _core
from ._arguments import whole_number
from ._builtin import builtin_catalog
from ._text import LangLike, to_lang
from ._time import StartLike, local_time, next_quarter_hour

if TYPE_CHECKING:
    import pandas

__all__ = ["MAX_PARTICIPANTS", "Agenda", "plan_agenda", "validate"]

MAX_PARTICIPANTS = 1_000_000
"""The most people an agenda is planned or a format validated for; a larger
number is refused (ValueError naming the argument) rather than overflowing."""


class Agenda(_core.Agenda):
    """A format planned for a date, a start time and a number of people.

    ``items`` holds each step with its clock times (following the longest
    times) and its minutes for this many people; ``total``, ``planned`` and
    ``slack`` (negative: an overrun) sum it up, and ``diagnostics`` say what
    validation found for this count, such as ``"budget-overrun"``.

    ``str(agenda)`` is the agenda as plain English text; :meth:`render` gives
    it in Danish or as Markdown, and :meth:`to_frame` as a table.

    Example::

        agenda = carelearn.plan_agenda(meeting, 12, "2026-03-04T14:00")
        print(agenda.render(lang="da", markdown=True))
        [d.code for d in agenda.diagnostics]   # ['budget-overrun', 'fits-at-most']
    """

    def render(self, lang: LangLike = "en", *, markdown: bool = False) -> str:
        """The agenda as plain text (or Markdown when ``markdown``) in ``lang``."""
        language = to_lang(lang)
        if markdown:
            return _core.render_markdown(self, language)
        return _core.render_text(self, language)

    def __str__(self) -> str:
        """The agenda as plain English text."""
        return self.render()

    def __iter__(self) -> Iterator[_core.AgendaItem]:
        """The items (the steps), in order."""
        return iter(self.items)

    @property
    def end(self) -> datetime.datetime:
        """When the last step ends, following the longest times."""
        return self.items[-1].end if self.items else self.start

    def has_errors(self) -> bool:
        """True when any diagnostic is an error, such as an overrun."""
        return _core.has_errors(list(self.diagnostics))

    def _repr_markdown_(self) -> str:
        return self.render(markdown=True)

    def to_frame(self, lang: LangLike = "en") -> pandas.DataFrame:
        """The agenda as a pandas table, one row per step; a step that is a
        whole format is followed by that format's steps (``depth`` 1, numbered
        like ``"3.1"``).

        Columns: ``number``, ``depth``, ``step_id``, ``title``, ``lead``,
        ``participation``, ``start``, ``end``, ``min_minutes``, ``max_minutes``,
        ``turns``, ``produces``. Needs pandas (``pip install carelearn[pandas]``).
        """
        from ._frames import agenda_frame

        return agenda_frame(self, to_lang(lang))


def plan_agenda(
    format: _core.Format,
    participants: int,
    start: StartLike = None,
    *,
    catalog: _core.Catalog | None = None,
    day: _core.WorkingDay | None = None,
) -> Agenda:
    """Plans ``format`` for ``participants`` people starting at ``start``.

    ``start`` is a naive :class:`datetime.datetime` or an ISO 8601 string, the
    wall-clock time where the meeting is held (taken to the minute); an aware
    datetime is converted to Copenhagen time; None starts at the next quarter
    hour on Copenhagen's clock.
    ``catalog`` resolves the question sets and the formats that steps are
    (None: the built-in catalog); ``day`` is the working day for budgets in days.

    An overrun is not an error: it is a ``"budget-overrun"`` diagnostic in the
    result. Raises :class:`FormatError` when ``participants`` is below 1 or the
    format has no steps; ValueError naming ``participants`` for more than
    1,000,000 people.

    Example::

        meeting = carelearn.Catalog.builtin()["systematic-learning-meeting"]
        agenda = carelearn.plan_agenda(meeting, 12, "2026-03-04T14:00")
        agenda.total    # MinuteRange(min=33, max=34)
    """
    options = _core.AgendaOptions(
        catalog=builtin_catalog() if catalog is None else catalog,
        day=_core.WorkingDay() if day is None else day,
    )
    people = whole_number(participants, "participants", maximum=MAX_PARTICIPANTS)
    when = next_quarter_hour() if start is None else local_time(start, "start")
    return Agenda(_core.plan_agenda(format, people, when, options))


def validate(
    format: _core.Format,
    *,
    participants: int | None = None,
    roles_present: Mapping[str, int] | None = None,
    catalog: _core.Catalog | None = None,
    day: _core.WorkingDay | None = None,
) -> list[_core.Diagnostic]:
    """Checks ``format`` and returns what it finds: errors first, then warnings, then info.

    ``participants`` checks the time and capacity for that many people (ValueError
    above ``MAX_PARTICIPANTS``, a million);
    ``roles_present`` (role id to count) checks the roles; ``catalog``
    resolves references (None: the built-in catalog). Never raises for
    anything in ``format``.

    Example::

        found = carelearn.validate(meeting, participants=12)
        found[0].code          # 'budget-overrun'
        found[0].message("da")
    """
    if roles_present is not None and not isinstance(roles_present, Mapping):
        raise TypeError(
            f"roles_present must be a mapping of role ids to counts, not "
            f"{type(roles_present).__name__}"
        )
    context = _core.ValidationContext(
        catalog=builtin_catalog() if catalog is None else catalog,
        participants=None
        if participants is None
        else whole_number(participants, "participants", maximum=MAX_PARTICIPANTS),
        roles_present=dict(roles_present or {}),
        day=_core.WorkingDay() if day is None else day,
    )
    return _core.validate(format, context)
