"""Validation and agendas: a format checked against a count of people, and
planned for a date and a start time."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, TypeAlias

from . import _core
from ._catalog import builtin_catalog
from ._text import LangLike, to_lang

if TYPE_CHECKING:
    import pandas

__all__ = ["Agenda", "StartLike", "plan_agenda", "validate"]

StartLike: TypeAlias = "datetime.datetime | str | None"
"""When an agenda starts: a naive datetime, an ISO 8601 string such as
``"2026-03-04T14:00"``, or None for the next quarter hour from now."""


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


def _start(start: StartLike) -> datetime.datetime:
    if start is None:
        now = datetime.datetime.now().replace(second=0, microsecond=0)
        return now + datetime.timedelta(minutes=-now.minute % 15)
    if isinstance(start, str):
        try:
            start = datetime.datetime.fromisoformat(start)
        except ValueError:
            raise ValueError(
                f'start "{start}" is not a date and time such as "2026-03-04T14:00"'
            ) from None
    if not isinstance(start, datetime.datetime):
        raise TypeError(
            f"start must be a datetime.datetime, not {type(start).__name__}"
        )
    if start.tzinfo is not None:
        raise ValueError(
            "start must be a naive datetime (the wall-clock time where the meeting is held)"
        )
    return start


def plan_agenda(
    format: _core.Format,
    participants: int,
    start: StartLike = None,
    *,
    catalog: _core.Catalog | None = None,
    day: _core.WorkingDay | None = None,
) -> Agenda:
    """Plans ``format`` for ``participants`` people starting at ``start``.

    ``start`` is a naive :class:`datetime.datetime` or an ISO 8601 string
    (taken to the minute); None starts at the next quarter hour from now.
    ``catalog`` resolves the question sets and the formats that steps are
    (None: the built-in catalog); ``day`` is the working day for budgets in days.

    An overrun is not an error: it is a ``"budget-overrun"`` diagnostic in the
    result. Raises :class:`FormatError` when ``participants`` is below 1 or the
    format has no steps.

    Example::

        meeting = carelearn.Catalog.builtin()["systematic-learning-meeting"]
        agenda = carelearn.plan_agenda(meeting, 12, "2026-03-04T14:00")
        agenda.total    # MinuteRange(min=33, max=34)
    """
    options = _core.AgendaOptions(
        catalog=builtin_catalog() if catalog is None else catalog,
        day=_core.WorkingDay() if day is None else day,
    )
    return Agenda(_core.plan_agenda(format, participants, _start(start), options))


def validate(
    format: _core.Format,
    *,
    participants: int | None = None,
    roles_present: Mapping[str, int] | None = None,
    catalog: _core.Catalog | None = None,
    day: _core.WorkingDay | None = None,
) -> list[_core.Diagnostic]:
    """Checks ``format`` and returns what it finds: errors first, then warnings, then info.

    ``participants`` checks the time and capacity for that many people;
    ``roles_present`` (role id to count) checks the roles; ``catalog``
    resolves references (None: the built-in catalog). Never raises for
    anything in ``format``.

    Example::

        found = carelearn.validate(meeting, participants=12)
        found[0].code          # 'budget-overrun'
        found[0].message("da")
    """
    context = _core.ValidationContext(
        catalog=builtin_catalog() if catalog is None else catalog,
        participants=participants,
        roles_present=dict(roles_present or {}),
        day=_core.WorkingDay() if day is None else day,
    )
    return _core.validate(format, context)
