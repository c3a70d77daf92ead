"""
carelearn._core: the C++ library carelearn bound for Python.

A thin skin over the C++ API; use the package `carelearn`, which adds the
pythonic conveniences, rather than this module directly.
"""
from __future__ import annotations
import collections.abc
import datetime
import enum
import numpy
import numpy.typing
import os
import typing
__all__: list[str] = ['Action', 'ActionQuery', 'ActionRecord', 'ActionStatus', 'Agenda', 'AgendaItem', 'AgendaOptions', 'Cadence', 'CalendarExpansion', 'CalendarRules', 'CancelReason', 'Cancellation', 'Capacity', 'Case', 'Catalog', 'Clock', 'ClosedDayPolicy', 'Closure', 'Component', 'ConflictKind', 'ConflictPolicy', 'DeclaredOutput', 'Diagnostic', 'Difference', 'ErrorLocation', 'ExpectedRole', 'ExportOptions', 'FakeClock', 'Feedback', 'Format', 'FormatRef', 'Frequency', 'Holiday', 'HolidayKind', 'Hosting', 'IcsLayout', 'IcsOptions', 'IdentifierKind', 'IdentifierMatch', 'IdentifierPolicy', 'ImportFinding', 'ImportOptions', 'ImportResult', 'Lang', 'LearningPoint', 'MinuteRange', 'MisfitPolicy', 'MovedOccurrence', 'Note', 'NoteKind', 'OnError', 'OrgUnit', 'OutputKind', 'ParseOptions', 'Participant', 'Participation', 'Period', 'PersonMonthLoad', 'Place', 'Prerequisite', 'Programme', 'ProgrammeDocument', 'ProgrammeEntry', 'Prompt', 'PromptUse', 'Pseudonymiser', 'PublicationStatus', 'QuestionSet', 'RRule', 'RRuleUntil', 'RecordResult', 'Recurrence', 'Redaction', 'Role', 'RoleRequirement', 'Roster', 'RoundTurn', 'Runner', 'RunnerState', 'SESSION_DOCUMENT', 'Schedule', 'ScheduledConflict', 'ScheduledEntry', 'ScheduledOccurrence', 'SeriesOccurrence', 'Session', 'SessionQuery', 'SessionStatus', 'SessionTables', 'Setting', 'Severity', 'Shift', 'SimulationRates', 'StatusChange', 'Step', 'StepChange', 'StepTiming', 'Store', 'StoreInfo', 'StoredFormat', 'SystemClock', 'Table', 'TableLimits', 'TableOptions', 'Text', 'TimeBudget', 'TimeUnit', 'TimeWindow', 'UnitMonthLoad', 'ValidationContext', 'Variant', 'Weekday', 'WeekdayNum', 'WorkCalendar', 'WorkingDay', 'action_status_name', 'add_to_catalog', 'apply_variant', 'builtin_roles', 'cancel_reason_name', 'canonical_extensions', 'check_session', 'concatenate_tables', 'conflict_kind_name', 'conflict_policy_name', 'danish_holiday_on', 'danish_holidays', 'describe_budget', 'describe_cadence', 'diff', 'difference_kind_name', 'easter_sunday', 'entry_from_component', 'expand_on_calendar', 'expand_programme', 'expand_recurrence', 'export_icalendar', 'export_manifest_json', 'find_builtin_role', 'find_conflicts', 'find_identifiers', 'format_diagnostic', 'gather_lines', 'has_errors', 'holiday_id', 'holiday_name', 'ics_layout_name', 'identifier_in_id', 'identifier_kind_name', 'is_public_holiday', 'lang_code', 'link_sessions', 'lint_session', 'load_document', 'load_format', 'load_programme', 'load_question_set', 'load_roster_csv', 'load_roster_json', 'load_variant', 'mask_identifiers', 'masked_id', 'max_participants_that_fit', 'measure_cadence', 'measure_circle_matrix', 'measure_circles', 'measure_dose', 'measure_fidelity', 'measure_outcomes', 'measure_reach', 'measure_responsiveness', 'measure_session_fidelity', 'measure_step_fidelity', 'municipalities_of', 'new_session_id', 'note_kind_name', 'output_kind_name', 'parse_action_status', 'parse_cancel_reason', 'parse_conflict_policy', 'parse_document', 'parse_format', 'parse_ics_layout', 'parse_identifier_policy', 'parse_lang', 'parse_note_kind', 'parse_output_kind', 'parse_participation', 'parse_period', 'parse_place', 'parse_plan_definition', 'parse_programme', 'parse_publication_status', 'parse_question_set', 'parse_redaction', 'parse_roster_csv', 'parse_roster_json', 'parse_rrule', 'parse_session_line', 'parse_session_status', 'parse_severity', 'parse_shift', 'parse_step_change_op', 'parse_time_unit', 'parse_variant', 'parse_weekday_code', 'participation_name', 'period_name', 'person_measure_tables', 'place_name', 'plan_agenda', 'plan_definition_canonical', 'plan_definition_url', 'planned_hours_per_person', 'planned_hours_per_unit', 'publication_status_code', 'questionnaire_url', 'read_plan_definition', 'read_sessions', 'read_tables', 'read_tables_from_store', 'read_tables_from_text', 'redact', 'redaction_name', 'redaction_of', 'render_markdown', 'render_text', 'roster_from_columns', 'rrule_from_cadence', 'schedule_columns', 'session_status_name', 'severity_name', 'shift_name', 'step_budgets', 'step_change_op_name', 'summarize_session', 'suppress_columns', 'tables_from_sessions', 'time_unit_name', 'to_json', 'to_json_line', 'to_plan_definition', 'to_questionnaire', 'to_xapi_statements', 'uuid_v5', 'validate', 'validate_programme', 'validate_session', 'variant_to_plan_definition', 'weekday_code', 'write_sessions', 'write_simulation', 'xapi_format_iri', 'xapi_registration']
class Lang(enum.Enum):
    """
    A language in which carelearn shows text to people.
    """
    DA: typing.ClassVar[Lang]
    EN: typing.ClassVar[Lang]
    @classmethod
    def __new__(cls, value):
        ...
class TimeUnit(enum.Enum):
    """
    The unit in which a budget's amounts are stated.
    """
    DAY: typing.ClassVar[TimeUnit]
    HOUR: typing.ClassVar[TimeUnit]
    MINUTE: typing.ClassVar[TimeUnit]
    @classmethod
    def __new__(cls, value):
        ...
class Participation(enum.Enum):
    """
    How the people in a step take part.
    """
    GROUPS: typing.ClassVar[Participation]
    INDIVIDUAL: typing.ClassVar[Participation]
    PLENARY: typing.ClassVar[Participation]
    QUESTIONS: typing.ClassVar[Participation]
    ROUND: typing.ClassVar[Participation]
    SHADOWING: typing.ClassVar[Participation]
    SPEAKER: typing.ClassVar[Participation]
    @classmethod
    def __new__(cls, value):
        ...
class OutputKind(enum.Enum):
    """
    What a step produces, and what a format declares as its outputs.
    """
    DOCUMENTATION: typing.ClassVar[OutputKind]
    FEEDBACK: typing.ClassVar[OutputKind]
    LEARNING_POINT: typing.ClassVar[OutputKind]
    ORGANISATIONAL_ACTION: typing.ClassVar[OutputKind]
    REFLECTION: typing.ClassVar[OutputKind]
    @classmethod
    def __new__(cls, value):
        ...
class Place(enum.Enum):
    """
    Where a format takes place.
    """
    CITIZENS_HOME: typing.ClassVar[Place]
    EDUCATION: typing.ClassVar[Place]
    OFF_SITE: typing.ClassVar[Place]
    WORKPLACE: typing.ClassVar[Place]
    @classmethod
    def __new__(cls, value):
        ...
class Period(enum.Enum):
    """
    A calendar period.
    """
    DAY: typing.ClassVar[Period]
    MONTH: typing.ClassVar[Period]
    WEEK: typing.ClassVar[Period]
    YEAR: typing.ClassVar[Period]
    @classmethod
    def __new__(cls, value):
        ...
class Text:
    """
    A human-facing string in Danish and English.
    
    Either side may be empty; `get` falls back to the other language, so a
    format written in one language only still shows something.
    
    Example:
        Text(da='Runde', en='Round').get(Lang.EN)  # 'Round'
    """
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        False when both languages are empty.
        """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, da: str = '', en: str = '') -> None:
        """
        A text with the Danish wording `da` and the English wording `en`.
        """
    @typing.overload
    def __init__(self, other: Text) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def empty(self) -> bool:
        """
        True when both languages are empty.
        """
    def get(self, lang: Lang | str) -> str:
        """
        The wording in `lang`, or in the other language when that one is empty.
        """
    @property
    def da(self) -> str:
        """
        The Danish wording.
        """
    @da.setter
    def da(self, arg0: str) -> None:
        ...
    @property
    def en(self) -> str:
        """
        The English wording.
        """
    @en.setter
    def en(self, arg0: str) -> None:
        ...
class WorkingDay:
    """
    The length of a working day, used to turn "1/2-1 day" into minutes.
    
    The default is the Danish 37-hour week's 7.4 hours (444 minutes).
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, minutes: typing.SupportsFloat | typing.SupportsIndex = 444.0) -> None:
        """
        A working day of `minutes` minutes.
        """
    @typing.overload
    def __init__(self, other: WorkingDay) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def minutes(self) -> float:
        """
        Minutes in one working day.
        """
    @minutes.setter
    def minutes(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class MinuteRange:
    """
    A closed range of minutes [min, max], what a budget comes to.
    """
    __hash__: typing.ClassVar[None] = None
    def __add__(self, arg0: MinuteRange) -> MinuteRange:
        """
        Adds two ranges bound by bound.
        """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, min: typing.SupportsFloat | typing.SupportsIndex = 0.0, max: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> None:
        """
        The range from `min` to `max` minutes.
        """
    @typing.overload
    def __init__(self, other: MinuteRange) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def max(self) -> float:
        """
        The longest the budget allows, in minutes.
        """
    @max.setter
    def max(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def min(self) -> float:
        """
        The shortest the budget allows, in minutes.
        """
    @min.setter
    def min(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class TimeBudget:
    """
    The time given to a step or a format.
    
    Build it with a named constructor: `TimeBudget.fixed(5)`, `TimeBudget.range(1, 2)`,
    `TimeBudget.per_participant(1, 1, about=True)` ("about 1 min each" in a round),
    `TimeBudget.open()` (no time of its own: shares what the format leaves).
    `evaluate(participants)` gives the minutes for a number of people.
    
    Example:
        TimeBudget.range(0.5, 1, TimeUnit.DAY).evaluate(2).max  # 444.0
    """
    class Kind(enum.Enum):
        """
        What kind of budget this is.
        """
        FIXED: typing.ClassVar[TimeBudget.Kind]
        OPEN: typing.ClassVar[TimeBudget.Kind]
        PER_PARTICIPANT: typing.ClassVar[TimeBudget.Kind]
        RANGE: typing.ClassVar[TimeBudget.Kind]
        @classmethod
        def __new__(cls, value):
            ...
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def fixed(amount: typing.SupportsFloat | typing.SupportsIndex, unit: TimeUnit = ..., *, about: bool = False) -> TimeBudget:
        """
        A fixed budget of `amount` in `unit`; `about` marks it "about".
        """
    @staticmethod
    def open() -> TimeBudget:
        """
        A step with no time of its own.
        """
    @staticmethod
    def per_participant(lo: typing.SupportsFloat | typing.SupportsIndex, hi: typing.SupportsFloat | typing.SupportsIndex, unit: TimeUnit = ..., *, about: bool = False) -> TimeBudget:
        """
        From `lo` to `hi` in `unit` for each participant who takes a turn.
        """
    @staticmethod
    def range(lo: typing.SupportsFloat | typing.SupportsIndex, hi: typing.SupportsFloat | typing.SupportsIndex, unit: TimeUnit = ..., *, about: bool = False) -> TimeBudget:
        """
        A budget from `lo` to `hi` in `unit`.
        """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, kind: TimeBudget.Kind = ..., min: typing.SupportsFloat | typing.SupportsIndex = 0.0, max: typing.SupportsFloat | typing.SupportsIndex = 0.0, unit: TimeUnit = ..., about: bool = False, skip: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        A budget from its fields; the named constructors are usually clearer.
        """
    @typing.overload
    def __init__(self, other: TimeBudget) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The named constructor that builds this budget, e.g. `TimeBudget.fixed(5)`.
        """
    def as_about(self) -> TimeBudget:
        """
        A copy marked "about".
        """
    def depends_on_participants(self) -> bool:
        """
        True for a per-participant budget, whose length depends on who is present.
        """
    def evaluate(self, participants: typing.SupportsInt | typing.SupportsIndex, day: WorkingDay = ...) -> MinuteRange:
        """
        The minutes this budget comes to with `participants` present.
        
        Open budgets evaluate to MinuteRange(0, 0); negative counts count as zero.
        """
    def skipping(self, n: typing.SupportsInt | typing.SupportsIndex) -> TimeBudget:
        """
        A per-participant copy in which `n` of those present take no turn.
        """
    @property
    def about(self) -> bool:
        """
        True where the source says "about" ("ca.").
        """
    @about.setter
    def about(self, arg0: bool) -> None:
        ...
    @property
    def kind(self) -> TimeBudget.Kind:
        """
        The kind of budget.
        """
    @kind.setter
    def kind(self, arg0: TimeBudget.Kind) -> None:
        ...
    @property
    def max(self) -> float:
        """
        The upper amount, in `unit`.
        """
    @max.setter
    def max(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def min(self) -> float:
        """
        The lower amount, in `unit`.
        """
    @min.setter
    def min(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def skip(self) -> int:
        """
        For per-participant budgets: how many of those present take no turn.
        """
    @skip.setter
    def skip(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def unit(self) -> TimeUnit:
        """
        The unit of `min` and `max`.
        """
    @unit.setter
    def unit(self, arg0: TimeUnit) -> None:
        ...
class Role:
    """
    A part a person plays in a format (facilitator, case presenter, ...).
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, id: str = '', name: Text = ..., description: Text = ...) -> None:
        """
        A role from its fields.
        """
    @typing.overload
    def __init__(self, other: Role) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def description(self) -> Text:
        """
        What the role does, in Danish and English; may be empty.
        """
    @description.setter
    def description(self, arg0: Text) -> None:
        ...
    @property
    def id(self) -> str:
        """
        Stable id, lower-case words joined by hyphens.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def name(self) -> Text:
        """
        The role's name in Danish and English.
        """
    @name.setter
    def name(self, arg0: Text) -> None:
        ...
class RoleRequirement:
    """
    How many people of a role a format needs.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, role: str = '', min: typing.SupportsInt | typing.SupportsIndex = 0, max: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        """
        `min` to `max` people of the role `role` (max None: no limit).
        """
    @typing.overload
    def __init__(self, other: RoleRequirement) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def max(self) -> int | None:
        """
        The most allowed; None for no limit.
        """
    @max.setter
    def max(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def min(self) -> int:
        """
        The fewest needed; 0 for an optional role.
        """
    @min.setter
    def min(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def role(self) -> str:
        """
        The role's id.
        """
    @role.setter
    def role(self, arg0: str) -> None:
        ...
class Prompt:
    """
    A question or prompt shown to the people in a step, with a stable id
    so that a record can say which were asked.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, id: str = '', text: Text = ..., audience: str = '') -> None:
        """
        A prompt from its fields.
        """
    @typing.overload
    def __init__(self, other: Prompt) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def audience(self) -> str:
        """
        The role the question is addressed to; empty for everyone.
        """
    @audience.setter
    def audience(self, arg0: str) -> None:
        ...
    @property
    def id(self) -> str:
        """
        Stable id, unique within its step or question set.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def text(self) -> Text:
        """
        The question in Danish and English.
        """
    @text.setter
    def text(self, arg0: Text) -> None:
        ...
class QuestionSet:
    """
    A reusable, versioned list of prompts (e.g. the 8 learning questions).
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, id: str = '', version: typing.SupportsInt | typing.SupportsIndex = 1, title: Text = ..., source: Text = ..., prompts: collections.abc.Sequence[Prompt] = ()) -> None:
        """
        A question set from its fields.
        """
    @typing.overload
    def __init__(self, other: QuestionSet) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def id(self) -> str:
        """
        Stable id, e.g. "learning-questions".
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def prompts(self) -> tuple[Prompt, ...]:
        """
        The prompts, in the order they are asked.
        """
    @prompts.setter
    def prompts(self, arg1: collections.abc.Sequence[Prompt]) -> None:
        ...
    @property
    def source(self) -> Text:
        """
        Where the questions come from; may be empty.
        """
    @source.setter
    def source(self, arg0: Text) -> None:
        ...
    @property
    def title(self) -> Text:
        """
        The set's name.
        """
    @title.setter
    def title(self, arg0: Text) -> None:
        ...
    @property
    def version(self) -> int:
        """
        Version, raised when prompts change.
        """
    @version.setter
    def version(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class FormatRef:
    """
    A reference to a format by id and, optionally, version (None: the newest).
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, id: str = '', version: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        """
        A reference to `id` at `version`.
        """
    @typing.overload
    def __init__(self, other: FormatRef) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def id(self) -> str:
        """
        The referenced format's id.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def version(self) -> int | None:
        """
        The version, or None for the newest in the catalog.
        """
    @version.setter
    def version(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
class Step:
    """
    One part of a format's agenda: what happens, for how long, who leads,
    how people take part, which prompts are used and what it produces.
    A step may be a whole other format (`format`).
    
    Example:
        Step(id='round', title=Text(da='Runde', en='Round'),
             budget=TimeBudget.per_participant(1, 1, about=True),
             participation=Participation.ROUND,
             produces=[OutputKind.REFLECTION])
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, id: str = '', title: Text = ..., purpose: Text = ..., budget: TimeBudget = ..., lead: str = '', participation: Participation = ..., prompts: collections.abc.Sequence[Prompt] = (), question_sets: collections.abc.Sequence[str] = (), produces: collections.abc.Sequence[OutputKind] = (), format: FormatRef | None = None, extensions: str = '') -> None:
        """
        A step from its fields.
        """
    @typing.overload
    def __init__(self, other: Step) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def budget(self) -> TimeBudget:
        """
        The time the step is given.
        """
    @budget.setter
    def budget(self, arg0: TimeBudget) -> None:
        ...
    @property
    def extensions(self) -> str:
        """
        User data (JSON key "extensions") as canonical JSON object text; empty when none.
        """
    @extensions.setter
    def extensions(self, arg0: str) -> None:
        ...
    @property
    def format(self) -> FormatRef | None:
        """
        Set when the step is a whole other format.
        """
    @format.setter
    def format(self, arg0: FormatRef | None) -> None:
        ...
    @property
    def id(self) -> str:
        """
        Stable id, unique within the format.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def lead(self) -> str:
        """
        The id of the role that leads the step; empty when shared.
        """
    @lead.setter
    def lead(self, arg0: str) -> None:
        ...
    @property
    def participation(self) -> Participation:
        """
        How people take part.
        """
    @participation.setter
    def participation(self, arg0: Participation) -> None:
        ...
    @property
    def produces(self) -> tuple[OutputKind, ...]:
        """
        What the step produces.
        """
    @produces.setter
    def produces(self, arg1: collections.abc.Sequence[OutputKind]) -> None:
        ...
    @property
    def prompts(self) -> tuple[Prompt, ...]:
        """
        Prompts written into the step.
        """
    @prompts.setter
    def prompts(self, arg1: collections.abc.Sequence[Prompt]) -> None:
        ...
    @property
    def purpose(self) -> Text:
        """
        Why, or how to do it well; may be empty.
        """
    @purpose.setter
    def purpose(self, arg0: Text) -> None:
        ...
    @property
    def question_sets(self) -> tuple[str, ...]:
        """
        Ids of catalog question sets the step draws on.
        """
    @question_sets.setter
    def question_sets(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def title(self) -> Text:
        """
        What happens, in a few words.
        """
    @title.setter
    def title(self, arg0: Text) -> None:
        ...
class Prerequisite:
    """
    A condition for a format to work.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, id: str = '', text: Text = ...) -> None:
        """
        A prerequisite with the stable id `id` (e.g. "fixed-interval") and its wording.
        """
    @typing.overload
    def __init__(self, other: Prerequisite) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def id(self) -> str:
        """
        Stable id: "fixed-interval", "facilitator", "recognisable-agenda", "leader-backing", "ground-rules" or a format's own.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def text(self) -> Text:
        """
        What it asks, in Danish and English.
        """
    @text.setter
    def text(self, arg0: Text) -> None:
        ...
class Setting:
    """
    The physical setting of a format.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, place: Place = ..., standing: bool = False) -> None:
        """
        Held at `place`, standing or not.
        """
    @typing.overload
    def __init__(self, other: Setting) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def place(self) -> Place:
        """
        Where it happens.
        """
    @place.setter
    def place(self, arg0: Place) -> None:
        ...
    @property
    def standing(self) -> bool:
        """
        True when held standing.
        """
    @standing.setter
    def standing(self, arg0: bool) -> None:
        ...
class Capacity:
    """
    How many people a format is for.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, min: typing.SupportsInt | typing.SupportsIndex = 1, max: typing.SupportsInt | typing.SupportsIndex | None = None, typical: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        """
        From `min` to `max` participants (max None: no limit), usually `typical`.
        """
    @typing.overload
    def __init__(self, other: Capacity) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def max(self) -> int | None:
        """
        The most participants; None for no limit.
        """
    @max.setter
    def max(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def min(self) -> int:
        """
        The fewest participants.
        """
    @min.setter
    def min(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def typical(self) -> int | None:
        """
        The usual group size, where the source gives one.
        """
    @typical.setter
    def typical(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
class Cadence:
    """
    How often a format is held: every `interval` `unit`s, optionally `count` times in all.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, interval: typing.SupportsInt | typing.SupportsIndex = 1, unit: Period = ..., count: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        """
        Every `interval` `unit`s, `count` times (None: ongoing).
        """
    @typing.overload
    def __init__(self, other: Cadence) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def count(self) -> int | None:
        """
        How many times in all; None when it goes on.
        """
    @count.setter
    def count(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def interval(self) -> int:
        """
        Every this many units.
        """
    @interval.setter
    def interval(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def unit(self) -> Period:
        """
        The unit of the interval.
        """
    @unit.setter
    def unit(self, arg0: Period) -> None:
        ...
class DeclaredOutput:
    """
    An output a format promises, and where it goes next.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, kind: OutputKind = ..., min: typing.SupportsInt | typing.SupportsIndex = 0, max: typing.SupportsInt | typing.SupportsIndex | None = None, destination: str = '', note: Text = ...) -> None:
        """
        `min` to `max` outputs of `kind` (min == max: exactly that many), going to `destination`.
        """
    @typing.overload
    def __init__(self, other: DeclaredOutput) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def destination(self) -> str:
        """
        Where it goes next (e.g. "staff-meeting", "leader"); may be empty.
        """
    @destination.setter
    def destination(self, arg0: str) -> None:
        ...
    @property
    def kind(self) -> OutputKind:
        """
        What is produced.
        """
    @kind.setter
    def kind(self, arg0: OutputKind) -> None:
        ...
    @property
    def max(self) -> int | None:
        """
        The most; None for no limit.
        """
    @max.setter
    def max(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def min(self) -> int:
        """
        The fewest the format asks for.
        """
    @min.setter
    def min(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def note(self) -> Text:
        """
        How it is passed on, in words; may be empty.
        """
    @note.setter
    def note(self, arg0: Text) -> None:
        ...
class Component:
    """
    A format that a programme-level format contains, and how often.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, format: FormatRef = ..., cadence: Cadence | None = None, note: Text = ...) -> None:
        """
        The contained `format`, held at `cadence`.
        """
    @typing.overload
    def __init__(self, other: Component) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def cadence(self) -> Cadence | None:
        """
        How often it is held within the programme; None when not said.
        """
    @cadence.setter
    def cadence(self, arg0: Cadence | None) -> None:
        ...
    @property
    def format(self) -> FormatRef:
        """
        The contained format.
        """
    @format.setter
    def format(self, arg0: FormatRef) -> None:
        ...
    @property
    def note(self) -> Text:
        """
        Who holds it, or other notes; may be empty.
        """
    @note.setter
    def note(self, arg0: Text) -> None:
        ...
class Format:
    """
    A learning format: a protocol of steps with roles, time, cadence and outputs.
    
    A plain value; it refers to other formats only by id (FormatRef), resolved
    through a Catalog. Use carelearn.Format, which adds to_dict/from_dict, save,
    iteration over the steps and a constructor-like repr.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, id: str = '', version: typing.SupportsInt | typing.SupportsIndex = 1, title: Text = ..., purpose: Text = ..., source: Text = ..., prerequisites: collections.abc.Sequence[Prerequisite] = (), setting: Setting = ..., capacity: Capacity = ..., duration: TimeBudget | None = None, cadence: Cadence | None = None, defined_roles: collections.abc.Sequence[Role] = (), roles: collections.abc.Sequence[RoleRequirement] = (), steps: collections.abc.Sequence[Step] = (), outputs: collections.abc.Sequence[DeclaredOutput] = (), components: collections.abc.Sequence[Component] = (), lineage: collections.abc.Sequence[FormatRef] = (), extensions: str = '') -> None:
        """
        A format from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: Format) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def find_role(self, role_id: str) -> RoleRequirement | None:
        """
        A copy of the role requirement for `role_id`, or None.
        """
    def find_step(self, step_id: str) -> Step | None:
        """
        A copy of the step with `step_id`, or None.
        """
    def has_prerequisite(self, prerequisite_id: str) -> bool:
        """
        True when the format has the prerequisite.
        """
    @property
    def cadence(self) -> Cadence | None:
        """
        The recommended cadence; None when not said.
        """
    @cadence.setter
    def cadence(self, arg0: Cadence | None) -> None:
        ...
    @property
    def capacity(self) -> Capacity:
        """
        How many people it is for.
        """
    @capacity.setter
    def capacity(self, arg0: Capacity) -> None:
        ...
    @property
    def components(self) -> tuple[Component, ...]:
        """
        For programmes: the formats it contains.
        """
    @components.setter
    def components(self, arg1: collections.abc.Sequence[Component]) -> None:
        ...
    @property
    def defined_roles(self) -> tuple[Role, ...]:
        """
        Roles this format defines beyond the built-in ones.
        """
    @defined_roles.setter
    def defined_roles(self, arg1: collections.abc.Sequence[Role]) -> None:
        ...
    @property
    def duration(self) -> TimeBudget | None:
        """
        The planned duration; None when open-ended.
        """
    @duration.setter
    def duration(self, arg0: TimeBudget | None) -> None:
        ...
    @property
    def extensions(self) -> str:
        """
        User data (JSON key "extensions") as canonical JSON object text; empty when none.
        """
    @extensions.setter
    def extensions(self, arg0: str) -> None:
        ...
    @property
    def id(self) -> str:
        """
        Stable id, lower-case words joined by hyphens.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def lineage(self) -> tuple[FormatRef, ...]:
        """
        The formats this one was derived from, the immediate base last.
        """
    @lineage.setter
    def lineage(self, arg1: collections.abc.Sequence[FormatRef]) -> None:
        ...
    @property
    def outputs(self) -> tuple[DeclaredOutput, ...]:
        """
        What it promises to produce.
        """
    @outputs.setter
    def outputs(self, arg1: collections.abc.Sequence[DeclaredOutput]) -> None:
        ...
    @property
    def prerequisites(self) -> tuple[Prerequisite, ...]:
        """
        What it needs to work.
        """
    @prerequisites.setter
    def prerequisites(self, arg1: collections.abc.Sequence[Prerequisite]) -> None:
        ...
    @property
    def purpose(self) -> Text:
        """
        Why it is held.
        """
    @purpose.setter
    def purpose(self, arg0: Text) -> None:
        ...
    @property
    def roles(self) -> tuple[RoleRequirement, ...]:
        """
        The roles it needs.
        """
    @roles.setter
    def roles(self, arg1: collections.abc.Sequence[RoleRequirement]) -> None:
        ...
    @property
    def setting(self) -> Setting:
        """
        Where it takes place.
        """
    @setting.setter
    def setting(self, arg0: Setting) -> None:
        ...
    @property
    def source(self) -> Text:
        """
        Where the format comes from (a source text); may be empty.
        """
    @source.setter
    def source(self, arg0: Text) -> None:
        ...
    @property
    def steps(self) -> tuple[Step, ...]:
        """
        The agenda, in order.
        """
    @steps.setter
    def steps(self, arg1: collections.abc.Sequence[Step]) -> None:
        ...
    @property
    def title(self) -> Text:
        """
        The format's name.
        """
    @title.setter
    def title(self, arg0: Text) -> None:
        ...
    @property
    def version(self) -> int:
        """
        Raised whenever the format changes.
        """
    @version.setter
    def version(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class StepChange:
    """
    One change a variant makes to its base's steps.
    
    Build it with a named constructor: `StepChange.add(step, after='case')`,
    `StepChange.remove('joint-reflection')`, `StepChange.replace(id, step)`,
    `StepChange.set_budget(id, budget)`, `StepChange.set_prompts(id, prompts)`.
    """
    class Op(enum.Enum):
        """
        What a change does.
        """
        ADD: typing.ClassVar[StepChange.Op]
        REMOVE: typing.ClassVar[StepChange.Op]
        REPLACE: typing.ClassVar[StepChange.Op]
        SET_BUDGET: typing.ClassVar[StepChange.Op]
        SET_PROMPTS: typing.ClassVar[StepChange.Op]
        @classmethod
        def __new__(cls, value):
            ...
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def add(step: Step, after: str = '') -> StepChange:
        """
        Inserts `step` after the step `after` (at the start when empty).
        """
    @staticmethod
    def remove(target: str) -> StepChange:
        """
        Removes the step `target`.
        """
    @staticmethod
    def replace(target: str, step: Step) -> StepChange:
        """
        Replaces the step `target` with `step`.
        """
    @staticmethod
    def set_budget(target: str, budget: TimeBudget) -> StepChange:
        """
        Gives the step `target` a new budget.
        """
    @staticmethod
    def set_prompts(target: str, prompts: collections.abc.Sequence[Prompt]) -> StepChange:
        """
        Gives the step `target` new prompts.
        """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, op: StepChange.Op = ..., target: str = '', step: Step | None = None, budget: TimeBudget | None = None, prompts: collections.abc.Sequence[Prompt] = ()) -> None:
        """
        A change from its fields; the named constructors are usually clearer.
        """
    @typing.overload
    def __init__(self, other: StepChange) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def budget(self) -> TimeBudget | None:
        """
        The new budget, for SET_BUDGET.
        """
    @budget.setter
    def budget(self, arg0: TimeBudget | None) -> None:
        ...
    @property
    def op(self) -> StepChange.Op:
        """
        What the change does.
        """
    @op.setter
    def op(self, arg0: StepChange.Op) -> None:
        ...
    @property
    def prompts(self) -> tuple[Prompt, ...]:
        """
        The new prompts, for SET_PROMPTS.
        """
    @prompts.setter
    def prompts(self, arg1: collections.abc.Sequence[Prompt]) -> None:
        ...
    @property
    def step(self) -> Step | None:
        """
        The new step, for ADD and REPLACE.
        """
    @step.setter
    def step(self, arg0: Step | None) -> None:
        ...
    @property
    def target(self) -> str:
        """
        The id of the step it applies to (for ADD: the step to insert after).
        """
    @target.setter
    def target(self, arg0: str) -> None:
        ...
class Variant:
    """
    A format derived from a base format (`extends`) by a list of changes.
    
    Fields left None keep the base's value. Use carelearn.Variant, which adds
    to_dict/from_dict and save.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, id: str = '', version: typing.SupportsInt | typing.SupportsIndex = 1, extends: FormatRef = ..., title: Text | None = None, purpose: Text | None = None, setting: Setting | None = None, capacity: Capacity | None = None, duration: TimeBudget | None = None, cadence: Cadence | None = None, roles: collections.abc.Sequence[RoleRequirement] | None = None, outputs: collections.abc.Sequence[DeclaredOutput] | None = None, changes: collections.abc.Sequence[StepChange] = (), extensions: str = '') -> None:
        """
        A variant from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: Variant) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def cadence(self) -> Cadence | None:
        """
        A new cadence, or None.
        """
    @cadence.setter
    def cadence(self, arg0: Cadence | None) -> None:
        ...
    @property
    def capacity(self) -> Capacity | None:
        """
        A new capacity, or None.
        """
    @capacity.setter
    def capacity(self, arg0: Capacity | None) -> None:
        ...
    @property
    def changes(self) -> tuple[StepChange, ...]:
        """
        Changes to the steps, applied in order.
        """
    @changes.setter
    def changes(self, arg1: collections.abc.Sequence[StepChange]) -> None:
        ...
    @property
    def duration(self) -> TimeBudget | None:
        """
        A new planned duration, or None.
        """
    @duration.setter
    def duration(self, arg0: TimeBudget | None) -> None:
        ...
    @property
    def extends(self) -> FormatRef:
        """
        The base format; give a version so the variant is stable.
        """
    @extends.setter
    def extends(self, arg0: FormatRef) -> None:
        ...
    @property
    def extensions(self) -> str:
        """
        User data (JSON key "extensions") as canonical JSON object text; empty when none.
        """
    @extensions.setter
    def extensions(self, arg0: str) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The derived format's id; differs from the base's.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def outputs(self) -> list[DeclaredOutput] | None:
        """
        New declared outputs, or None.
        """
    @outputs.setter
    def outputs(self, arg0: collections.abc.Sequence[DeclaredOutput] | None) -> None:
        ...
    @property
    def purpose(self) -> Text | None:
        """
        A new purpose, or None.
        """
    @purpose.setter
    def purpose(self, arg0: Text | None) -> None:
        ...
    @property
    def roles(self) -> list[RoleRequirement] | None:
        """
        New role requirements, or None.
        """
    @roles.setter
    def roles(self, arg0: collections.abc.Sequence[RoleRequirement] | None) -> None:
        ...
    @property
    def setting(self) -> Setting | None:
        """
        A new setting, or None.
        """
    @setting.setter
    def setting(self, arg0: Setting | None) -> None:
        ...
    @property
    def title(self) -> Text | None:
        """
        A new title, or None.
        """
    @title.setter
    def title(self, arg0: Text | None) -> None:
        ...
    @property
    def version(self) -> int:
        """
        The derived format's version.
        """
    @version.setter
    def version(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Difference:
    """
    One difference between two formats.
    """
    class Kind(enum.Enum):
        """
        How the two sides differ.
        """
        ADDED: typing.ClassVar[Difference.Kind]
        CHANGED: typing.ClassVar[Difference.Kind]
        REMOVED: typing.ClassVar[Difference.Kind]
        @classmethod
        def __new__(cls, value):
            ...
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, kind: Difference.Kind = ..., path: str = '', before: str = '', after: str = '') -> None:
        """
        A difference from its fields.
        """
    @typing.overload
    def __init__(self, other: Difference) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def after(self) -> str:
        """
        The second format's value in short text; empty when removed.
        """
    @after.setter
    def after(self, arg0: str) -> None:
        ...
    @property
    def before(self) -> str:
        """
        The first format's value in short text; empty when added.
        """
    @before.setter
    def before(self, arg0: str) -> None:
        ...
    @property
    def kind(self) -> Difference.Kind:
        """
        How the sides differ.
        """
    @kind.setter
    def kind(self, arg0: Difference.Kind) -> None:
        ...
    @property
    def path(self) -> str:
        """
        Where: a field ("duration", "title.en") or a step ("steps[round].budget").
        """
    @path.setter
    def path(self, arg0: str) -> None:
        ...
class Catalog:
    """
    A set of formats and question sets, keyed by id and version.
    
    A catalog holds values: adding a format copies it. Use carelearn.Catalog,
    which adds lookup by `catalog[id]`, iteration and to_frame().
    """
    @staticmethod
    def builtin() -> Catalog:
        """
        A copy of the built-in catalog of the source texts' formats and question sets.
        """
    @typing.overload
    def __init__(self) -> None:
        """
        An empty catalog.
        """
    @typing.overload
    def __init__(self, other: Catalog) -> None:
        """
        A copy of `other`.
        """
    def __len__(self) -> int:
        """
        The number of formats.
        """
    @typing.overload
    def add(self, format: Format) -> None:
        """
        Adds a copy of `format`.
        
        Raises AlreadyExistsError for a format with the same id and version, and
        FormatError for an empty id or a version below 1.
        """
    @typing.overload
    def add(self, question_set: QuestionSet) -> None:
        """
        Adds a copy of `question_set`.
        
        Raises AlreadyExistsError for the same id and version, FormatError for an empty id.
        """
    def add_variant(self, variant: Variant) -> None:
        """
        Resolves `variant` against its base in this catalog and adds the result.
        
        Raises NotFoundError when the base is not in the catalog, and the errors of
        apply_variant and add.
        """
    @typing.overload
    def find(self, id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> Format | None:
        """
        A copy of the format `id` at `version` (None: the newest), or None.
        """
    @typing.overload
    def find(self, ref: FormatRef) -> Format | None:
        """
        A copy of the format `ref` names, or None.
        """
    def find_question_set(self, id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> QuestionSet | None:
        """
        A copy of the question set `id` at `version` (None: the newest), or None.
        """
    def formats(self) -> list[Format]:
        """
        Copies of every format, ordered by id and then version.
        """
    def question_sets(self) -> list[QuestionSet]:
        """
        Copies of every question set, ordered by id and then version.
        """
class Severity(enum.Enum):
    """
    How serious a finding is.
    """
    ERROR: typing.ClassVar[Severity]
    INFO: typing.ClassVar[Severity]
    WARNING: typing.ClassVar[Severity]
    @classmethod
    def __new__(cls, value):
        ...
class Diagnostic:
    """
    One finding of validation: a severity, a stable code, the path of the
    offending field ("steps[3].budget") and a message in Danish and English.
    
    `message(lang)` gives the message in one language; `text` holds both.
    str(d) is the English one-line form "<severity> <code> at <path>: <message>".
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, severity: Severity = ..., code: str = '', path: str = '', text: Text = ...) -> None:
        """
        A diagnostic from its fields.
        """
    @typing.overload
    def __init__(self, other: Diagnostic) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def __str__(self) -> str:
        """
        The diagnostic on one line, in English.
        """
    def message(self, lang: Lang | str = ...) -> str:
        """
        The message in `lang`.
        """
    @property
    def code(self) -> str:
        """
        Stable code, e.g. "budget-overrun"; see docs/diagnostics.md.
        """
    @code.setter
    def code(self, arg0: str) -> None:
        ...
    @property
    def path(self) -> str:
        """
        Where: "steps[3].budget", "roles", "" for the whole format.
        """
    @path.setter
    def path(self, arg0: str) -> None:
        ...
    @property
    def severity(self) -> Severity:
        """
        How serious it is.
        """
    @severity.setter
    def severity(self, arg0: Severity) -> None:
        ...
    @property
    def text(self) -> Text:
        """
        What is wrong and by how much, in Danish and English.
        """
    @text.setter
    def text(self, arg0: Text) -> None:
        ...
class ValidationContext:
    """
    What a format is validated against, beyond itself: a catalog to resolve
    references, a participant count, the roles present, the working day.
    The context keeps its catalog alive.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, catalog: Catalog | None = None, participants: typing.SupportsInt | typing.SupportsIndex | None = None, roles_present: collections.abc.Mapping[str, typing.SupportsInt | typing.SupportsIndex] = {}, day: WorkingDay = ...) -> None:
        """
        A context from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: ValidationContext) -> None:
        """
        A copy of `other`, sharing its catalog.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def catalog(self) -> Catalog:
        """
        Resolves step formats, components and question sets; None skips the reference checks.
        """
    @catalog.setter
    def catalog(self, arg1: Catalog) -> None:
        ...
    @property
    def day(self) -> WorkingDay:
        """
        The length of a working day, for budgets in days.
        """
    @day.setter
    def day(self, arg0: WorkingDay) -> None:
        ...
    @property
    def participants(self) -> int | None:
        """
        The number of people present; None skips the checks that need it.
        """
    @participants.setter
    def participants(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def roles_present(self) -> dict[str, int]:
        """
        How many of each role are present, by role id; empty skips the role checks.
        """
    @roles_present.setter
    def roles_present(self, arg0: collections.abc.Mapping[str, typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
class AgendaItem:
    """
    One step of a planned agenda: its clock times (following the longest times),
    its minutes for this many people, and for a step that is a whole format,
    that format's agenda as `children`.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self) -> None:
        """
        An empty item.
        """
    @typing.overload
    def __init__(self, other: AgendaItem) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def budget(self) -> TimeBudget:
        """
        The step's budget as the format states it.
        """
    @budget.setter
    def budget(self, arg0: TimeBudget) -> None:
        ...
    @property
    def children(self) -> tuple[AgendaItem, ...]:
        """
        For a step that is a whole format: that format's agenda.
        """
    @children.setter
    def children(self, arg1: collections.abc.Sequence[AgendaItem]) -> None:
        ...
    @property
    def end(self) -> datetime.datetime:
        """
        Clock time the step ends (following longest times).
        """
    @end.setter
    def end(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def lead(self) -> str:
        """
        The role that leads it; empty when shared.
        """
    @lead.setter
    def lead(self, arg0: str) -> None:
        ...
    @property
    def minutes(self) -> MinuteRange:
        """
        The step's shortest and longest time for this many people; for an open step, its share of the planned duration.
        """
    @minutes.setter
    def minutes(self, arg0: MinuteRange) -> None:
        ...
    @property
    def minutes_each(self) -> MinuteRange | None:
        """
        In a round: the minutes each person has; None otherwise.
        """
    @minutes_each.setter
    def minutes_each(self, arg0: MinuteRange | None) -> None:
        ...
    @property
    def participation(self) -> Participation:
        """
        How people take part.
        """
    @participation.setter
    def participation(self, arg0: Participation) -> None:
        ...
    @property
    def produces(self) -> tuple[OutputKind, ...]:
        """
        What the step produces.
        """
    @produces.setter
    def produces(self, arg1: collections.abc.Sequence[OutputKind]) -> None:
        ...
    @property
    def prompts(self) -> tuple[Prompt, ...]:
        """
        The step's prompts, its question sets' resolved in.
        """
    @prompts.setter
    def prompts(self, arg1: collections.abc.Sequence[Prompt]) -> None:
        ...
    @property
    def start(self) -> datetime.datetime:
        """
        Clock time the step starts (following longest times).
        """
    @start.setter
    def start(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def step_id(self) -> str:
        """
        The step's id.
        """
    @step_id.setter
    def step_id(self, arg0: str) -> None:
        ...
    @property
    def title(self) -> Text:
        """
        The step's title.
        """
    @title.setter
    def title(self, arg0: Text) -> None:
        ...
    @property
    def turns(self) -> int:
        """
        In a round: how many take a turn; 0 otherwise.
        """
    @turns.setter
    def turns(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Agenda:
    """
    A format planned for a date, a start time and a number of people.
    
    Use carelearn.Agenda (from carelearn.plan_agenda), which adds str(),
    render() and to_frame().
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self) -> None:
        """
        An empty agenda.
        """
    @typing.overload
    def __init__(self, other: Agenda) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """
        What validate found for this count and catalog.
        """
    @diagnostics.setter
    def diagnostics(self, arg1: collections.abc.Sequence[Diagnostic]) -> None:
        ...
    @property
    def format(self) -> FormatRef:
        """
        The planned format.
        """
    @format.setter
    def format(self, arg0: FormatRef) -> None:
        ...
    @property
    def items(self) -> tuple[AgendaItem, ...]:
        """
        The steps in order.
        """
    @items.setter
    def items(self, arg1: collections.abc.Sequence[AgendaItem]) -> None:
        ...
    @property
    def participants(self) -> int:
        """
        How many people take part.
        """
    @participants.setter
    def participants(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def planned(self) -> MinuteRange | None:
        """
        The planned duration, when the format has one.
        """
    @planned.setter
    def planned(self, arg0: MinuteRange | None) -> None:
        ...
    @property
    def roles(self) -> tuple[Role, ...]:
        """
        The roles the format and the formats it expands define beyond the built-in ones.
        """
    @roles.setter
    def roles(self, arg1: collections.abc.Sequence[Role]) -> None:
        ...
    @property
    def slack(self) -> MinuteRange | None:
        """
        planned - total: positive is slack, negative is overrun; None without a planned duration.
        """
    @slack.setter
    def slack(self, arg0: MinuteRange | None) -> None:
        ...
    @property
    def start(self) -> datetime.datetime:
        """
        When it starts.
        """
    @start.setter
    def start(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def title(self) -> Text:
        """
        Its title.
        """
    @title.setter
    def title(self, arg0: Text) -> None:
        ...
    @property
    def total(self) -> MinuteRange:
        """
        What the steps take in all.
        """
    @total.setter
    def total(self, arg0: MinuteRange) -> None:
        ...
class AgendaOptions:
    """
    Options for plan_agenda: the catalog that resolves step formats and question
    sets (None leaves them unresolved), and the working day. Keeps its catalog alive.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, catalog: Catalog | None = None, day: WorkingDay = ...) -> None:
        """
        Options from their fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: AgendaOptions) -> None:
        """
        A copy of `other`, sharing its catalog.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def catalog(self) -> Catalog:
        """
        Resolves step formats and question sets; None leaves them unresolved.
        """
    @catalog.setter
    def catalog(self, arg1: Catalog) -> None:
        ...
    @property
    def day(self) -> WorkingDay:
        """
        The length of a working day, for budgets in days.
        """
    @day.setter
    def day(self, arg0: WorkingDay) -> None:
        ...
class ParseOptions:
    """
    Limits and naming for the loaders; passing a limit raises LimitError.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, max_depth: typing.SupportsInt | typing.SupportsIndex = 64, max_document_bytes: typing.SupportsInt | typing.SupportsIndex = 16777216, max_string_bytes: typing.SupportsInt | typing.SupportsIndex = 65536, source_name: str = '') -> None:
        """
        Options from their fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: ParseOptions) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def max_depth(self) -> int:
        """
        The deepest nesting of arrays and objects.
        """
    @max_depth.setter
    def max_depth(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_document_bytes(self) -> int:
        """
        The largest document, in bytes.
        """
    @max_document_bytes.setter
    def max_document_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_string_bytes(self) -> int:
        """
        The longest string, in bytes.
        """
    @max_string_bytes.setter
    def max_string_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def source_name(self) -> str:
        """
        The name errors give the document, e.g. its file path; "<input>" when empty.
        """
    @source_name.setter
    def source_name(self, arg0: str) -> None:
        ...
class ErrorLocation:
    """
    Where in a document a load error lies; carelearn.Error carries it as
    `path`, `line` and `column`.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, pointer: str = '', line: typing.SupportsInt | typing.SupportsIndex = 0, column: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        A location from its fields.
        """
    @typing.overload
    def __init__(self, other: ErrorLocation) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def column(self) -> int:
        """
        1-based column; 0 when unknown.
        """
    @column.setter
    def column(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def line(self) -> int:
        """
        1-based line; 0 when unknown.
        """
    @line.setter
    def line(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def pointer(self) -> str:
        """
        JSON Pointer (RFC 6901) of the offending value; empty at the root.
        """
    @pointer.setter
    def pointer(self, arg0: str) -> None:
        ...
class SessionStatus(enum.Enum):
    """
    Whether a planned session took place.
    """
    CANCELLED: typing.ClassVar[SessionStatus]
    HELD: typing.ClassVar[SessionStatus]
    @classmethod
    def __new__(cls, value):
        ...
class CancelReason(enum.Enum):
    """
    Why a session was cancelled, so that cadence can be measured honestly.
    """
    HOLIDAY: typing.ClassVar[CancelReason]
    NO_FACILITATOR: typing.ClassVar[CancelReason]
    OTHER: typing.ClassVar[CancelReason]
    STAFFING: typing.ClassVar[CancelReason]
    WORKLOAD: typing.ClassVar[CancelReason]
    @classmethod
    def __new__(cls, value):
        ...
class Shift(enum.Enum):
    """
    The shift a participant works.
    """
    DAY: typing.ClassVar[Shift]
    EVENING: typing.ClassVar[Shift]
    NIGHT: typing.ClassVar[Shift]
    UNSPECIFIED: typing.ClassVar[Shift]
    @classmethod
    def __new__(cls, value):
        ...
class ActionStatus(enum.Enum):
    """
    Where a proposed organisational action stands.
    """
    DONE: typing.ClassVar[ActionStatus]
    DROPPED: typing.ClassVar[ActionStatus]
    IN_PROGRESS: typing.ClassVar[ActionStatus]
    OPEN: typing.ClassVar[ActionStatus]
    @classmethod
    def __new__(cls, value):
        ...
class NoteKind(enum.Enum):
    """
    What a note records.
    """
    DOCUMENTATION: typing.ClassVar[NoteKind]
    NOTE: typing.ClassVar[NoteKind]
    REFLECTION: typing.ClassVar[NoteKind]
    @classmethod
    def __new__(cls, value):
        ...
class Redaction(enum.Enum):
    """
    How much an exported session leaves out.
    """
    CONFIDENTIAL: typing.ClassVar[Redaction]
    EVALUATOR: typing.ClassVar[Redaction]
    NONE: typing.ClassVar[Redaction]
    @classmethod
    def __new__(cls, value):
        ...
class IdentifierKind(enum.Enum):
    """
    What kind of direct identifier the linter found.
    """
    CPR_NUMBER: typing.ClassVar[IdentifierKind]
    EMAIL: typing.ClassVar[IdentifierKind]
    NAME: typing.ClassVar[IdentifierKind]
    PHONE_NUMBER: typing.ClassVar[IdentifierKind]
    @classmethod
    def __new__(cls, value):
        ...
class IdentifierPolicy(enum.Enum):
    """
    What happens when the linter finds a direct identifier in a session.
    """
    REFUSE: typing.ClassVar[IdentifierPolicy]
    WARN: typing.ClassVar[IdentifierPolicy]
    @classmethod
    def __new__(cls, value):
        ...
class Cancellation:
    """
    Why a session did not take place, or stopped early.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, reason: CancelReason = ..., note: str = '', *, confidential: bool = False) -> None:
        """
        A cancellation for `reason`, with a few words more in `note`;
        `confidential` leaves the note out of exports unless asked for.
        """
    @typing.overload
    def __init__(self, other: Cancellation) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def confidential(self) -> bool:
        """
        True: the note is left out of exports unless asked for.
        """
    @confidential.setter
    def confidential(self, arg0: bool) -> None:
        ...
    @property
    def note(self) -> str:
        """
        A few words more; may be empty. Never write names here.
        """
    @note.setter
    def note(self, arg0: str) -> None:
        ...
    @property
    def reason(self) -> CancelReason:
        """
        The reason, as a category.
        """
    @reason.setter
    def reason(self, arg0: CancelReason) -> None:
        ...
class Participant:
    """
    One person who took part, by pseudonym (see Pseudonymiser), never by name.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, id: str = '', role: str = '', unit: str = '', profession: str = '', shift: Shift = ...) -> None:
        """
        A participant from its fields.
        """
    @typing.overload
    def __init__(self, other: Participant) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def id(self) -> str:
        """
        Pseudonymous id (see Pseudonymiser); never a name or a CPR number.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def profession(self) -> str:
        """
        The profession, e.g. "nurse"; may be empty.
        """
    @profession.setter
    def profession(self, arg0: str) -> None:
        ...
    @property
    def role(self) -> str:
        """
        The role's id in this session, e.g. "facilitator".
        """
    @role.setter
    def role(self, arg0: str) -> None:
        ...
    @property
    def shift(self) -> Shift:
        """
        The shift the person works.
        """
    @shift.setter
    def shift(self, arg0: Shift) -> None:
        ...
    @property
    def unit(self) -> str:
        """
        The unit the person belongs to (may differ from the session's).
        """
    @unit.setter
    def unit(self, arg0: str) -> None:
        ...
class StepTiming:
    """
    When one step of the format really started and ended.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, step_id: str = '', start: datetime.datetime = ..., end: datetime.datetime = ...) -> None:
        """
        A step timing from its fields (aware datetimes).
        """
    @typing.overload
    def __init__(self, other: StepTiming) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def end(self) -> datetime.datetime:
        """
        When it ended; not before `start`.
        """
    @end.setter
    def end(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def start(self) -> datetime.datetime:
        """
        When the step started.
        """
    @start.setter
    def start(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def step_id(self) -> str:
        """
        The format's step id.
        """
    @step_id.setter
    def step_id(self, arg0: str) -> None:
        ...
class PromptUse:
    """
    A question that was used, by its stable id.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, step_id: str = '', question_id: str = '') -> None:
        """
        The question `question_id`, used in the step `step_id`.
        """
    @typing.overload
    def __init__(self, other: PromptUse) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def question_id(self) -> str:
        """
        The prompt's id (its step's, or its question set's).
        """
    @question_id.setter
    def question_id(self, arg0: str) -> None:
        ...
    @property
    def step_id(self) -> str:
        """
        The step it was used in.
        """
    @step_id.setter
    def step_id(self, arg0: str) -> None:
        ...
class Case:
    """
    The case a session learnt from: a category and, when it concerns a
    citizen, a pseudonymous reference, never a name.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, category: str = '', citizen: str = '') -> None:
        """
        A case of `category`, about the citizen with the pseudonym `citizen` (or none).
        """
    @typing.overload
    def __init__(self, other: Case) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def category(self) -> str:
        """
        What kind of case, e.g. "difficult-conversation", "fall".
        """
    @category.setter
    def category(self, arg0: str) -> None:
        ...
    @property
    def citizen(self) -> str:
        """
        Pseudonymous citizen reference; empty when the case concerns no citizen.
        """
    @citizen.setter
    def citizen(self, arg0: str) -> None:
        ...
class LearningPoint:
    """
    A learning point ("laeringspointe").
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, text: str = '', *, step_id: str = '', author: str = '', confidential: bool = False) -> None:
        """
        A learning point with `text`; the runner sets `step_id`.
        """
    @typing.overload
    def __init__(self, other: LearningPoint) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def author(self) -> str:
        """
        The author's pseudonym; empty for the group.
        """
    @author.setter
    def author(self, arg0: str) -> None:
        ...
    @property
    def confidential(self) -> bool:
        """
        True: the text is left out of exports unless asked for.
        """
    @confidential.setter
    def confidential(self, arg0: bool) -> None:
        ...
    @property
    def step_id(self) -> str:
        """
        The step it was recorded in.
        """
    @step_id.setter
    def step_id(self, arg0: str) -> None:
        ...
    @property
    def text(self) -> str:
        """
        What was learnt; empty when left out of an export.
        """
    @text.setter
    def text(self, arg0: str) -> None:
        ...
class StatusChange:
    """
    One dated change of an action's status.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, status: ActionStatus = ..., at: datetime.datetime = ...) -> None:
        """
        The action has `status` from `at` (an aware datetime) on.
        """
    @typing.overload
    def __init__(self, other: StatusChange) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def at(self) -> datetime.datetime:
        """
        When it changed.
        """
    @at.setter
    def at(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def status(self) -> ActionStatus:
        """
        The status from this time on.
        """
    @status.setter
    def status(self, arg0: ActionStatus) -> None:
        ...
class Action:
    """
    A proposed organisational action (a new procedure or standard) and what became of it.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, text: str = '', *, id: str = '', step_id: str = '', owner: str = '', due: datetime.date | None = None, history: collections.abc.Sequence[StatusChange] = (), confidential: bool = False) -> None:
        """
        An action with `text`; the runner sets `step_id`, an id when empty, and the
        first status change (open, now) when `history` is empty. `confidential`
        leaves the text out of exports unless asked for.
        """
    @typing.overload
    def __init__(self, other: Action) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def current_status(self) -> ActionStatus:
        """
        The status now: the last change's, or ActionStatus.OPEN when there is none.
        """
    @property
    def confidential(self) -> bool:
        """
        True: the text is left out of exports unless asked for.
        """
    @confidential.setter
    def confidential(self, arg0: bool) -> None:
        ...
    @property
    def due(self) -> datetime.date | None:
        """
        When it is due (a datetime.date); None when not set.
        """
    @due.setter
    def due(self, arg0: datetime.date | None) -> None:
        ...
    @property
    def history(self) -> tuple[StatusChange, ...]:
        """
        The dated status changes, oldest first; times never go backwards.
        """
    @history.setter
    def history(self, arg1: collections.abc.Sequence[StatusChange]) -> None:
        ...
    @property
    def id(self) -> str:
        """
        Unique within the session, e.g. "a1".
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def owner(self) -> str:
        """
        Who takes it forward: a role ("leader") or a pseudonym; may be empty.
        """
    @owner.setter
    def owner(self, arg0: str) -> None:
        ...
    @property
    def step_id(self) -> str:
        """
        The step it was proposed in.
        """
    @step_id.setter
    def step_id(self, arg0: str) -> None:
        ...
    @property
    def text(self) -> str:
        """
        What is proposed; empty when left out of an export.
        """
    @text.setter
    def text(self, arg0: str) -> None:
        ...
class Feedback:
    """
    One participant's feedback on a session.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, participant: str = '', rating: typing.SupportsInt | typing.SupportsIndex = 3, comment: str = '', *, step_id: str = '', confidential: bool = False) -> None:
        """
        `participant`'s feedback: a rating from 1 to 5 and a comment; the runner sets
        `step_id`. `confidential` leaves the comment out of exports unless asked for.
        """
    @typing.overload
    def __init__(self, other: Feedback) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def comment(self) -> str:
        """
        Free text; may be empty.
        """
    @comment.setter
    def comment(self, arg0: str) -> None:
        ...
    @property
    def confidential(self) -> bool:
        """
        True: the comment is left out of exports unless asked for.
        """
    @confidential.setter
    def confidential(self, arg0: bool) -> None:
        ...
    @property
    def participant(self) -> str:
        """
        The participant's pseudonym; one feedback per participant.
        """
    @participant.setter
    def participant(self, arg0: str) -> None:
        ...
    @property
    def rating(self) -> int:
        """
        From 1 (poor) to 5 (excellent).
        """
    @rating.setter
    def rating(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def step_id(self) -> str:
        """
        The step it was given in.
        """
    @step_id.setter
    def step_id(self, arg0: str) -> None:
        ...
class Note:
    """
    A free-text note, reflection or piece of documentation.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, text: str = '', *, kind: NoteKind = ..., step_id: str = '', confidential: bool = False) -> None:
        """
        A note of `kind` with `text`; the runner sets `step_id`.
        """
    @typing.overload
    def __init__(self, other: Note) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def confidential(self) -> bool:
        """
        True: the text is left out of exports unless asked for.
        """
    @confidential.setter
    def confidential(self, arg0: bool) -> None:
        ...
    @property
    def kind(self) -> NoteKind:
        """
        What it records.
        """
    @kind.setter
    def kind(self, arg0: NoteKind) -> None:
        ...
    @property
    def step_id(self) -> str:
        """
        The step it was written in.
        """
    @step_id.setter
    def step_id(self, arg0: str) -> None:
        ...
    @property
    def text(self) -> str:
        """
        The text; empty when left out of an export.
        """
    @text.setter
    def text(self, arg0: str) -> None:
        ...
class Session:
    """
    One held or cancelled occurrence of a format: who took part (by pseudonym),
    when each step really started and ended, the questions used, the case, the
    learning points, the actions with their status history, feedback and notes.
    
    Use carelearn.Session, which adds to_dict/from_dict (the "session/1" JSON),
    JSON lines and pickling.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, id: str = '', format_id: str = '', format_version: typing.SupportsInt | typing.SupportsIndex = 1, unit: str = '', planned_start: datetime.datetime = ..., actual_start: datetime.datetime | None = None, actual_end: datetime.datetime | None = None, cancellation: Cancellation | None = None, participants: collections.abc.Sequence[Participant] = (), steps: collections.abc.Sequence[StepTiming] = (), prompts: collections.abc.Sequence[PromptUse] = (), presented_case: Case | None = None, learning_points: collections.abc.Sequence[LearningPoint] = (), actions: collections.abc.Sequence[Action] = (), feedback: collections.abc.Sequence[Feedback] = (), notes: collections.abc.Sequence[Note] = ()) -> None:
        """
        A session from its fields, all keyword arguments; times are aware datetimes.
        """
    @typing.overload
    def __init__(self, other: Session) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        A summary that quotes no free text and masks ids that look like identifiers.
        """
    def find_action(self, action_id: str) -> Action | None:
        """
        A copy of the action with `action_id`, or None.
        """
    def find_participant(self, participant_id: str) -> Participant | None:
        """
        A copy of the participant with that pseudonym, or None.
        """
    def status(self) -> SessionStatus:
        """
        SessionStatus.CANCELLED when `cancellation` is set, HELD otherwise.
        """
    @property
    def actions(self) -> tuple[Action, ...]:
        """
        The proposed organisational actions.
        """
    @actions.setter
    def actions(self, arg1: collections.abc.Sequence[Action]) -> None:
        ...
    @property
    def actual_end(self) -> datetime.datetime | None:
        """
        When it ended; None when it never started.
        """
    @actual_end.setter
    def actual_end(self, arg0: datetime.datetime | None) -> None:
        ...
    @property
    def actual_start(self) -> datetime.datetime | None:
        """
        When it started; None when cancelled beforehand.
        """
    @actual_start.setter
    def actual_start(self, arg0: datetime.datetime | None) -> None:
        ...
    @property
    def cancellation(self) -> Cancellation | None:
        """
        Set when the session was cancelled (before it began or part-way).
        """
    @cancellation.setter
    def cancellation(self, arg0: Cancellation | None) -> None:
        ...
    @property
    def feedback(self) -> tuple[Feedback, ...]:
        """
        The feedback, at most one per participant.
        """
    @feedback.setter
    def feedback(self, arg1: collections.abc.Sequence[Feedback]) -> None:
        ...
    @property
    def format_id(self) -> str:
        """
        The format that was held.
        """
    @format_id.setter
    def format_id(self, arg0: str) -> None:
        ...
    @property
    def format_version(self) -> int:
        """
        Its version.
        """
    @format_version.setter
    def format_version(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def id(self) -> str:
        """
        Unique id of the session (the store's key).
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def learning_points(self) -> tuple[LearningPoint, ...]:
        """
        The learning points.
        """
    @learning_points.setter
    def learning_points(self, arg1: collections.abc.Sequence[LearningPoint]) -> None:
        ...
    @property
    def notes(self) -> tuple[Note, ...]:
        """
        Notes, reflections and documentation.
        """
    @notes.setter
    def notes(self, arg1: collections.abc.Sequence[Note]) -> None:
        ...
    @property
    def participants(self) -> tuple[Participant, ...]:
        """
        Who took part, in the order they sat (a round's order).
        """
    @participants.setter
    def participants(self, arg1: collections.abc.Sequence[Participant]) -> None:
        ...
    @property
    def planned_start(self) -> datetime.datetime:
        """
        When it was planned to start.
        """
    @planned_start.setter
    def planned_start(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def presented_case(self) -> Case | None:
        """
        The case, when the format works on one.
        """
    @presented_case.setter
    def presented_case(self, arg0: Case | None) -> None:
        ...
    @property
    def prompts(self) -> tuple[PromptUse, ...]:
        """
        The questions that were used.
        """
    @prompts.setter
    def prompts(self, arg1: collections.abc.Sequence[PromptUse]) -> None:
        ...
    @property
    def steps(self) -> tuple[StepTiming, ...]:
        """
        The steps that were held, in order.
        """
    @steps.setter
    def steps(self, arg1: collections.abc.Sequence[StepTiming]) -> None:
        ...
    @property
    def unit(self) -> str:
        """
        The unit that held it, e.g. "home-care-north".
        """
    @unit.setter
    def unit(self, arg0: str) -> None:
        ...
class IdentifierMatch:
    """
    One identifier found in a text: its kind and where it is.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    def __init__(self, kind: IdentifierKind, offset: typing.SupportsInt | typing.SupportsIndex, length: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        A match from its fields (offsets and lengths in UTF-8 bytes).
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def kind(self) -> IdentifierKind:
        """
        What it looks like.
        """
    @kind.setter
    def kind(self, arg0: IdentifierKind) -> None:
        ...
    @property
    def length(self) -> int:
        """
        How long it is, in UTF-8 bytes.
        """
    @length.setter
    def length(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def offset(self) -> int:
        """
        Where it starts, in UTF-8 bytes.
        """
    @offset.setter
    def offset(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Clock:
    """
    A source of the current time, where a Runner reads it.
    
    `Clock.system()` is the real clock; tests use FakeClock.
    """
    @staticmethod
    def system() -> Clock:
        """
        The process-wide real clock (a SystemClock).
        """
    def now(self) -> datetime.datetime:
        """
        The current time, as an aware datetime in UTC.
        """
class SystemClock(Clock):
    """
    The real time.
    """
    def __init__(self) -> None:
        """
        The real clock.
        """
class FakeClock(Clock):
    """
    A clock that stands still until it is told to move, so that a test of a
    30-minute meeting never sleeps.
    
    Example:
        clock = FakeClock(datetime.datetime(2026, 3, 4, 14, 0, tzinfo=datetime.timezone.utc))
        clock.advance(datetime.timedelta(minutes=5))
    """
    def __init__(self, start: datetime.datetime = ...) -> None:
        """
        A clock that reads `start` (an aware datetime) until it is moved.
        """
    def advance(self, delta: datetime.timedelta) -> None:
        """
        Moves the clock by `delta` (a timedelta; negative to test a clock that jumps back).
        """
    def set(self, time: datetime.datetime) -> None:
        """
        Sets the clock to `time`.
        """
class Pseudonymiser:
    """
    Makes keyed pseudonyms with HMAC-SHA256 under the organisation's secret key.
    
    The same key and identifier always give the same pseudonym; another key gives
    unrelated ones. The key is kept in one place in C++ memory and wiped when the
    object goes; it cannot be read back, copied or pickled. Keep the key file in
    the organisation's secret store, never beside the database (docs/privacy.md).
    """
    CITIZEN: typing.ClassVar[str] = 'citizen'
    MIN_KEY_BYTES: typing.ClassVar[int] = 16
    PSEUDONYM_DIGITS: typing.ClassVar[int] = 24
    STAFF: typing.ClassVar[str] = 'staff'
    def __init__(self, key: bytes) -> None:
        """
        A pseudonymiser keyed by `key` (raw bytes; use 32 random bytes).
        
        Raises FormatError when the key is shorter than 16 bytes.
        """
    def __repr__(self) -> str:
        """
        Pseudonymiser(<key>): the key is never shown.
        """
    def fingerprint(self) -> str:
        """
        A fingerprint of the key (16 hex digits) that says which key made a set of
        pseudonyms without revealing it.
        """
    def mac(self, message: bytes) -> bytes:
        """
        The full HMAC-SHA256 of `message` under the key (32 bytes).
        """
    def pseudonym(self, domain: str, identifier: str) -> str:
        """
        The pseudonym of `identifier` in `domain` (Pseudonymiser.CITIZEN or .STAFF):
        24 lower-case hex digits. Normalise the identifier first (strip spaces and
        dashes from a CPR number) so that one person gets one pseudonym.
        """
class ExportOptions:
    """
    What an export of sessions includes. The default leaves the text of
    confidential learning points, actions, feedback comments, notes and cancellation
    notes out; `include_confidential` asks for it;
    `evaluator` leaves out all free text and every direct identifier and, with
    `evaluator_pseudonymiser` (the evaluation's own key), re-pseudonymises ids.
    Keeps its pseudonymiser alive.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, include_confidential: bool = False, evaluator: bool = False, evaluator_pseudonymiser: Pseudonymiser | None = None) -> None:
        """
        Options from their fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: ExportOptions) -> None:
        """
        A copy of `other`, sharing its pseudonymiser.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def evaluator(self) -> bool:
        """
        Exports for an evaluator: no free text and no direct identifiers.
        """
    @evaluator.setter
    def evaluator(self, arg0: bool) -> None:
        ...
    @property
    def evaluator_pseudonymiser(self) -> Pseudonymiser | None:
        """
        With `evaluator`: re-pseudonymises participant ids, authors, owners and session
        ids under this key; None keeps the organisation's pseudonyms.
        """
    @evaluator_pseudonymiser.setter
    def evaluator_pseudonymiser(self, arg1: Pseudonymiser | None) -> None:
        ...
    @property
    def include_confidential(self) -> bool:
        """
        Includes the text of confidential items; ignored for evaluators.
        """
    @include_confidential.setter
    def include_confidential(self, arg0: bool) -> None:
        ...
class MisfitPolicy(enum.Enum):
    """
    What the runner does with an output that does not fit the format.
    """
    KEEP: typing.ClassVar[MisfitPolicy]
    REJECT: typing.ClassVar[MisfitPolicy]
    @classmethod
    def __new__(cls, value):
        ...
class RunnerState(enum.Enum):
    """
    Where a runner is in a session's life.
    """
    FINISHED: typing.ClassVar[RunnerState]
    READY: typing.ClassVar[RunnerState]
    RUNNING: typing.ClassVar[RunnerState]
    @classmethod
    def __new__(cls, value):
        ...
class RecordResult:
    """
    What recording an output did.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, recorded: bool = False, diagnostics: collections.abc.Sequence[Diagnostic] = ()) -> None:
        """
        A result from its fields.
        """
    @typing.overload
    def __init__(self, other: RecordResult) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """
        What did not fit: errors for a rejected output, warnings for a kept one.
        """
    @diagnostics.setter
    def diagnostics(self, arg1: collections.abc.Sequence[Diagnostic]) -> None:
        ...
    @property
    def recorded(self) -> bool:
        """
        True when the output is in the session now.
        """
    @recorded.setter
    def recorded(self, arg0: bool) -> None:
        ...
class RoundTurn:
    """
    Who has the word in a round, and for how long.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, order: collections.abc.Sequence[str] = (), speaker: typing.SupportsInt | typing.SupportsIndex = 0, each: MinuteRange = ..., time_left: datetime.timedelta = ...) -> None:
        """
        A turn from its fields.
        """
    @typing.overload
    def __init__(self, other: RoundTurn) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def done(self) -> bool:
        """
        True once everyone in `order` has had their turn.
        """
    @property
    def each(self) -> MinuteRange:
        """
        Each person's minutes.
        """
    @each.setter
    def each(self, arg0: MinuteRange) -> None:
        ...
    @property
    def order(self) -> tuple[str, ...]:
        """
        The participants who take a turn, by pseudonym, in the order they speak.
        """
    @order.setter
    def order(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def speaker(self) -> int:
        """
        Index into `order` of who has the word; len(order) once all have spoken.
        """
    @speaker.setter
    def speaker(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def time_left(self) -> datetime.timedelta:
        """
        Time left for the speaker, by the longest of `each`.
        """
    @time_left.setter
    def time_left(self, arg0: datetime.timedelta) -> None:
        ...
class Runner:
    """
    Steps through a format live and produces a Session: start with the people
    present, next from step to step, the time left, record the outputs, finish.
    
    What does not fit the format is a Diagnostic, never an exception; a call in the
    wrong state (next after finish) raises StateError and changes nothing.
    Use carelearn.Runner, which adds keyword forms of the record methods.
    """
    def __init__(self, format: Format, *, session_id: str = '', unit: str = '', planned_start: datetime.datetime | None = None, clock: Clock | None = None, catalog: Catalog | None = None, misfit: MisfitPolicy = ..., day: WorkingDay = ..., identifiers: IdentifierPolicy = ...) -> None:
        """
        A runner for `format` (copied).
        
        `session_id` (empty: a new random id), `unit` and `planned_start` (None: when
        start is called) plan the session; `clock` (None: the system clock) is where
        the time is read; `catalog` resolves question sets to check question ids
        (None: any id is accepted there); `identifiers` REFUSE refuses what the
        identifier linter finds (WARN: a warning diagnostic). The runner keeps its clock
        and catalog alive.
        
        Raises FormatError when the format has no steps or no id.
        """
    def add_participant(self, participant: Participant) -> list[Diagnostic]:
        """
        Adds someone who arrives late; returns the role and capacity findings that change.
        """
    def cancel(self, cancellation: Cancellation) -> Session:
        """
        Calls the session off, before it starts or part-way; returns the cancelled
        session. Raises StateError when finished already.
        """
    def finish(self) -> Session:
        """
        Ends the session and returns it; `diagnostics` then holds the rejected outputs
        and check_session's findings. Raises StateError unless running.
        """
    def next(self) -> None:
        """
        Ends the current step and starts the next.
        
        Raises StateError unless running, or in the last step (call finish).
        """
    def pass_the_word(self) -> None:
        """
        In a round: gives the word to the next person now.
        
        Raises StateError unless in a round, or when everyone has spoken.
        """
    def record_action(self, action: Action) -> RecordResult:
        """
        Records a proposed organisational action in the current step.
        
        Raises AlreadyExistsError for an id in use, FormatError for an empty text.
        """
    def record_feedback(self, feedback: Feedback) -> RecordResult:
        """
        Records one participant's feedback in the current step.
        
        Raises FormatError for a rating outside 1-5 or someone who is not a
        participant; AlreadyExistsError for a second feedback from one participant.
        """
    def record_learning_point(self, point: LearningPoint) -> RecordResult:
        """
        Records a learning point in the current step.
        
        Findings: output-not-produced-here, too-many-learning-points. Raises StateError
        unless running; FormatError for an empty text or an unknown author.
        """
    def record_note(self, note: Note) -> RecordResult:
        """
        Records a note in the current step; a reflection or documentation must be
        produced by the step.
        """
    def record_prompt_used(self, question_id: str) -> RecordResult:
        """
        Records that the question `question_id` was used in the current step.
        
        Findings: unknown-prompt.
        """
    def round(self) -> RoundTurn | None:
        """
        Who has the word when the current step is a round; None otherwise.
        """
    def set_case(self, case: Case) -> None:
        """
        Records the case the session works on (replacing one before).
        """
    def start(self, participants: collections.abc.Sequence[Participant]) -> list[Diagnostic]:
        """
        Starts the session with `participants` (in the order they sit) and enters the
        first step. Returns the role and capacity findings; the session starts anyway.
        
        Raises StateError when started or finished already; FormatError for no
        participants, an empty or repeated id.
        """
    def time_left_in_session(self) -> datetime.timedelta | None:
        """
        Time left in the session (a timedelta, negative when over); None unless
        running or not knowable.
        """
    def time_left_in_step(self) -> datetime.timedelta | None:
        """
        Time left in the current step by its longest budget for the people present
        (a timedelta, negative when over); None unless running or not knowable.
        """
    @property
    def current_step(self) -> Step | None:
        """
        A copy of the step being held, or None unless running.
        """
    @property
    def diagnostics(self) -> list[Diagnostic]:
        """
        What has not fitted so far; after finish, the rejected outputs and the final
        check_session.
        """
    @property
    def format(self) -> Format:
        """
        A copy of the format being run.
        """
    @property
    def session(self) -> Session:
        """
        A copy of the session as recorded so far.
        """
    @property
    def state(self) -> RunnerState:
        """
        Where the runner is.
        """
    @property
    def step_index(self) -> int:
        """
        The index of the step being held in format.steps; 0 unless running.
        """
class SessionQuery:
    """
    Which sessions a query selects; fields left None select all.
    
    `start` and `end` bound the planned start: at or after `start`, before `end`.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, unit: str | None = None, format_id: str | None = None, format_version: typing.SupportsInt | typing.SupportsIndex | None = None, start: datetime.datetime | None = None, end: datetime.datetime | None = None, status: SessionStatus | None = None, action_status: ActionStatus | None = None, limit: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        A query from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: SessionQuery) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def action_status(self) -> ActionStatus | None:
        """
        Has at least one action whose current status is this.
        """
    @action_status.setter
    def action_status(self, arg0: ActionStatus | None) -> None:
        ...
    @property
    def end(self) -> datetime.datetime | None:
        """
        Planned to start before this time.
        """
    @end.setter
    def end(self, arg0: datetime.datetime | None) -> None:
        ...
    @property
    def format_id(self) -> str | None:
        """
        The format's id.
        """
    @format_id.setter
    def format_id(self, arg0: str | None) -> None:
        ...
    @property
    def format_version(self) -> int | None:
        """
        The format's version.
        """
    @format_version.setter
    def format_version(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def limit(self) -> int:
        """
        At most this many; 0 for no limit.
        """
    @limit.setter
    def limit(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def start(self) -> datetime.datetime | None:
        """
        Planned to start at or after this time (an aware datetime).
        """
    @start.setter
    def start(self, arg0: datetime.datetime | None) -> None:
        ...
    @property
    def status(self) -> SessionStatus | None:
        """
        Held or cancelled.
        """
    @status.setter
    def status(self, arg0: SessionStatus | None) -> None:
        ...
    @property
    def unit(self) -> str | None:
        """
        The unit that held the session.
        """
    @unit.setter
    def unit(self, arg0: str | None) -> None:
        ...
class ActionQuery:
    """
    Which actions a query selects; fields left None select all.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, session_id: str | None = None, unit: str | None = None, format_id: str | None = None, status: ActionStatus | None = None, due_before: datetime.date | None = None) -> None:
        """
        A query from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: ActionQuery) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def due_before(self) -> datetime.date | None:
        """
        Due before this day (a datetime.date; actions with a due date only).
        """
    @due_before.setter
    def due_before(self, arg0: datetime.date | None) -> None:
        ...
    @property
    def format_id(self) -> str | None:
        """
        In sessions of this format.
        """
    @format_id.setter
    def format_id(self, arg0: str | None) -> None:
        ...
    @property
    def session_id(self) -> str | None:
        """
        In this session.
        """
    @session_id.setter
    def session_id(self, arg0: str | None) -> None:
        ...
    @property
    def status(self) -> ActionStatus | None:
        """
        With this current status.
        """
    @status.setter
    def status(self, arg0: ActionStatus | None) -> None:
        ...
    @property
    def unit(self) -> str | None:
        """
        In sessions of this unit.
        """
    @unit.setter
    def unit(self, arg0: str | None) -> None:
        ...
class ActionRecord:
    """
    An action with the session it was proposed in.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, session_id: str = '', unit: str = '', format_id: str = '', planned_start: datetime.datetime = ..., action: Action = ...) -> None:
        """
        A record from its fields.
        """
    @typing.overload
    def __init__(self, other: ActionRecord) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def action(self) -> Action:
        """
        The action, with its whole status history.
        """
    @action.setter
    def action(self, arg0: Action) -> None:
        ...
    @property
    def format_id(self) -> str:
        """
        The session's format.
        """
    @format_id.setter
    def format_id(self, arg0: str) -> None:
        ...
    @property
    def planned_start(self) -> datetime.datetime:
        """
        When the session was planned to start.
        """
    @planned_start.setter
    def planned_start(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def session_id(self) -> str:
        """
        The session's id.
        """
    @session_id.setter
    def session_id(self, arg0: str) -> None:
        ...
    @property
    def unit(self) -> str:
        """
        The session's unit.
        """
    @unit.setter
    def unit(self, arg0: str) -> None:
        ...
class StoredFormat:
    """
    A user format's canonical JSON text, as it was stored.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, id: str = '', version: typing.SupportsInt | typing.SupportsIndex = 1, json: str = '') -> None:
        """
        A stored format from its fields.
        """
    @typing.overload
    def __init__(self, other: StoredFormat) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def id(self) -> str:
        """
        The format's id.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def json(self) -> str:
        """
        The canonical JSON text, byte for byte.
        """
    @json.setter
    def json(self, arg0: str) -> None:
        ...
    @property
    def version(self) -> int:
        """
        Its version.
        """
    @version.setter
    def version(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class ConflictPolicy(enum.Enum):
    """
    What an import does with a session whose id is in the store already.
    """
    FAIL: typing.ClassVar[ConflictPolicy]
    REPLACE: typing.ClassVar[ConflictPolicy]
    SKIP: typing.ClassVar[ConflictPolicy]
    @classmethod
    def __new__(cls, value):
        ...
class ImportOptions:
    """
    How an import of JSON Lines runs.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, bulk: bool = False, on_conflict: ConflictPolicy = ..., allow_redacted: bool = False, source_name: str = '') -> None:
        """
        Options from their fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: ImportOptions) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def allow_redacted(self) -> bool:
        """
        Accepts lines whose "redaction" is not "none".
        """
    @allow_redacted.setter
    def allow_redacted(self, arg0: bool) -> None:
        ...
    @property
    def bulk(self) -> bool:
        """
        synchronous=NORMAL during the import and a checkpoint at its end; for data that can be loaded again.
        """
    @bulk.setter
    def bulk(self, arg0: bool) -> None:
        ...
    @property
    def on_conflict(self) -> ConflictPolicy:
        """
        What to do with a session already in the store.
        """
    @on_conflict.setter
    def on_conflict(self, arg0: ConflictPolicy) -> None:
        ...
    @property
    def source_name(self) -> str:
        """
        The name errors give the input, e.g. its file path; "<input>" when empty.
        """
    @source_name.setter
    def source_name(self, arg0: str) -> None:
        ...
class ImportFinding:
    """
    A finding of the identifier linter in an imported session.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __init__(self, *, line: typing.SupportsInt | typing.SupportsIndex = 0, diagnostic: Diagnostic = ...) -> None:
        """
        A finding from its fields.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def diagnostic(self) -> Diagnostic:
        """
        "identifier-in-id" or "identifier-in-text", a warning.
        """
    @diagnostic.setter
    def diagnostic(self, arg0: Diagnostic) -> None:
        ...
    @property
    def line(self) -> int:
        """
        The input's line (from 1).
        """
    @line.setter
    def line(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class ImportResult:
    """
    What an import did.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, imported: typing.SupportsInt | typing.SupportsIndex = 0, skipped: typing.SupportsInt | typing.SupportsIndex = 0, findings: collections.abc.Sequence[ImportFinding] = []) -> None:
        """
        A result from its fields.
        """
    @typing.overload
    def __init__(self, other: ImportResult) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def findings(self) -> list[ImportFinding]:
        """
        What the identifier linter found in the sessions read, in input order.
        """
    @findings.setter
    def findings(self, arg0: collections.abc.Sequence[ImportFinding]) -> None:
        ...
    @property
    def imported(self) -> int:
        """
        Sessions written.
        """
    @imported.setter
    def imported(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def skipped(self) -> int:
        """
        Sessions left alone (ConflictPolicy.SKIP).
        """
    @skipped.setter
    def skipped(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class StoreInfo:
    """
    Facts about an open store.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, schema_version: typing.SupportsInt | typing.SupportsIndex = 0, journal_mode: str = '', synchronous: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        Facts from their fields.
        """
    @typing.overload
    def __init__(self, other: StoreInfo) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def journal_mode(self) -> str:
        """
        "wal" for a file; "memory" for ":memory:".
        """
    @journal_mode.setter
    def journal_mode(self, arg0: str) -> None:
        ...
    @property
    def schema_version(self) -> int:
        """
        PRAGMA user_version.
        """
    @schema_version.setter
    def schema_version(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def synchronous(self) -> int:
        """
        0 off, 1 normal, 2 full, 3 extra.
        """
    @synchronous.setter
    def synchronous(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Store:
    """
    Sessions, action histories and user formats in one SQLite file.
    
    Every write is one transaction in WAL mode with synchronous=FULL: when it
    returns, the session survives a crash. The file is created readable by its
    owner only; the store holds pseudonyms, never the key that made them.
    One Store per thread. Use carelearn.Store, a context manager with keyword
    queries and JSON Lines files.
    """
    APPLICATION_ID: typing.ClassVar[int] = 1130450021
    SCHEMA_VERSION: typing.ClassVar[int] = 4
    def __init__(self, path: str, *, create_if_missing: bool = True, read_only: bool = False, busy_timeout: datetime.timedelta = ..., identifiers: IdentifierPolicy = ...) -> None:
        """
        Opens the store at `path` (or ":memory:"), creating or migrating its schema.
        
        Raises NotFoundError when the file does not exist and `create_if_missing` is
        off; VersionError for another application's database, a newer schema, or a
        file that needs migrating opened read-only; StoreError when the file is not
        a database or is damaged, or another writer held the lock past `busy_timeout`.
        `identifiers` says what put and import do when the identifier linter finds
        something: WARN reports it, REFUSE raises FormatError.
        """
    def check_integrity(self) -> None:
        """
        Runs SQLite's integrity check and the foreign key check; StoreError with
        SQLite's findings when the file is damaged.
        """
    def close(self) -> None:
        """
        Closes the store; later calls raise StateError. Closing twice does nothing.
        """
    def count_sessions(self, query: SessionQuery = ...) -> int:
        """
        How many sessions `query` selects (its limit is ignored).
        """
    def delete_session(self, id: str) -> None:
        """
        Removes the session `id` with its actions (an erasure request): the rows are
        overwritten and the WAL emptied. NotFoundError when there is none.
        """
    def export_json_lines(self, path: str, query: SessionQuery = ..., options: ExportOptions = ...) -> int:
        """
        Writes the sessions `query` selects to the file `path` (created or replaced,
        mode 0600) as JSON
        Lines, redacted as `options` say (confidential text left out by default);
        returns how many were written.
        """
    def export_json_lines_text(self, query: SessionQuery = ..., options: ExportOptions = ...) -> str:
        """
        The sessions `query` selects as JSON Lines text; as export_json_lines.
        """
    def find_actions(self, query: ActionQuery = ...) -> list[ActionRecord]:
        """
        The actions `query` selects, ordered by their session's planned start, then
        session id, then the order they were proposed in.
        """
    def find_sessions(self, query: SessionQuery = ...) -> list[Session]:
        """
        The sessions `query` selects, ordered by planned start, then id.
        """
    def get_format(self, id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> StoredFormat:
        """
        The stored format `id` at `version` (None: the newest); NotFoundError when none.
        """
    def get_session(self, id: str) -> Session:
        """
        The session with `id`, with its actions' whole history; NotFoundError when none.
        """
    def import_json_lines(self, path: str, options: ImportOptions = ...) -> ImportResult:
        """
        Imports the JSON Lines file at `path` in one transaction: all or nothing.
        
        Errors name "<source>:<line>:" first (the source is `path` unless
        options.source_name says otherwise), with the column and JSON pointer of the
        place for a line that does not read: FormatError for a line that does not
        parse or validate, or a redacted line without allow_redacted; LimitError for
        a line beyond the reader's limits; VersionError for another kind or a newer
        version; AlreadyExistsError for a stored id under ConflictPolicy.FAIL;
        NotFoundError when the file cannot be read.
        """
    def import_json_lines_text(self, text: str, options: ImportOptions = ...) -> ImportResult:
        """
        Imports JSON Lines from `text`; as import_json_lines.
        """
    def info(self) -> StoreInfo:
        """
        The schema version, journal mode and synchronous setting in force.
        """
    def list_formats(self) -> list[StoredFormat]:
        """
        Every stored format, ordered by id and version.
        """
    def put_format(self, format: Format) -> None:
        """
        Stores a user format, as its canonical JSON text, under its id and version.
        
        Raises AlreadyExistsError when that id and version hold another format (raise
        the version); FormatError for an empty id or a version below 1.
        """
    def put_session(self, session: Session) -> list[Diagnostic]:
        """
        Stores `session`, replacing one with the same id, in one transaction, and
        returns the identifier linter's warnings.
        
        Raises FormatError when validate_session fails or, with the REFUSE identifier
        policy, the linter finds an identifier; StoreError when read-only or when
        another writer holds the lock too long.
        """
    def update_action_status(self, session_id: str, action_id: str, status: ActionStatus, at: datetime.datetime) -> None:
        """
        Records that the action changed to `status` at `at` (an aware datetime).
        
        Raises NotFoundError for an unknown session or action; StateError when the
        action has that status already; FormatError when `at` is before its last change.
        """
    @property
    def closed(self) -> bool:
        """
        True once closed.
        """
    @property
    def path(self) -> str:
        """
        The path the store was opened with.
        """
class Weekday(enum.Enum):
    """
    A day of the week.
    """
    FRIDAY: typing.ClassVar[Weekday]
    MONDAY: typing.ClassVar[Weekday]
    SATURDAY: typing.ClassVar[Weekday]
    SUNDAY: typing.ClassVar[Weekday]
    THURSDAY: typing.ClassVar[Weekday]
    TUESDAY: typing.ClassVar[Weekday]
    WEDNESDAY: typing.ClassVar[Weekday]
    @classmethod
    def __new__(cls, value):
        ...
class Frequency(enum.Enum):
    """
    How often a rule repeats (RFC 5545 FREQ).
    """
    DAILY: typing.ClassVar[Frequency]
    MONTHLY: typing.ClassVar[Frequency]
    WEEKLY: typing.ClassVar[Frequency]
    @classmethod
    def __new__(cls, value):
        ...
class WeekdayNum:
    """
    A day of the week in a BYDAY list, with an optional position in the month:
    "1WE" is WeekdayNum(1, Weekday.WEDNESDAY), "-1FR" the last Friday, "MO" every Monday.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, ordinal: typing.SupportsInt | typing.SupportsIndex = 0, weekday: Weekday = ...) -> None:
        """
        The `ordinal`th `weekday` of the month (0: every one; 1 to 5, or -1 to -5 from the end).
        """
    @typing.overload
    def __init__(self, other: WeekdayNum) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def __str__(self) -> str:
        """
        As written in an RRULE: "WE", "1WE", "-1FR".
        """
    @property
    def ordinal(self) -> int:
        """
        The position in the month; 0 for every such weekday.
        """
    @ordinal.setter
    def ordinal(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def weekday(self) -> Weekday:
        """
        The day of the week.
        """
    @weekday.setter
    def weekday(self, arg0: Weekday) -> None:
        ...
class RRuleUntil:
    """
    The last start a rule gives (RFC 5545 UNTIL, inclusive): a date, a local time or a UTC time.
    """
    class Kind(enum.Enum):
        """
        How `value` is read.
        """
        DATE: typing.ClassVar[RRuleUntil.Kind]
        LOCAL: typing.ClassVar[RRuleUntil.Kind]
        UTC: typing.ClassVar[RRuleUntil.Kind]
        @classmethod
        def __new__(cls, value):
            ...
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, kind: RRuleUntil.Kind = ..., value: typing.Any = None) -> None:
        """
        An UNTIL of `kind` at `value`, a naive datetime (for DATE its time is 00:00).
        """
    @typing.overload
    def __init__(self, other: RRuleUntil) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def kind(self) -> RRuleUntil.Kind:
        """
        How `value` is read.
        """
    @kind.setter
    def kind(self, arg0: RRuleUntil.Kind) -> None:
        ...
    @property
    def value(self) -> typing.Any:
        """
        The bound, a naive datetime.datetime; for DATE its time of day is 00:00:00.
        """
    @value.setter
    def value(self, arg1: typing.Any) -> None:
        ...
class RRule:
    """
    A recurrence rule: the RFC 5545 subset FREQ (DAILY, WEEKLY, MONTHLY),
    INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL and WKST.
    
    str(rule) is its canonical RRULE text; RRule.parse reads one.
    
    Example:
        RRule.parse('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE').interval  # 2
    """
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def parse(text: str) -> RRule:
        """
        Parses RRULE text ("FREQ=WEEKLY;INTERVAL=2", with or without "RRULE:"; any
        case). Raises FormatError naming the part and the cause.
        """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, frequency: Frequency = ..., interval: typing.SupportsInt | typing.SupportsIndex = 1, by_day: collections.abc.Sequence[WeekdayNum] = (), by_month_day: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = (), count: typing.SupportsInt | typing.SupportsIndex | None = None, until: RRuleUntil | None = None, week_start: Weekday = ...) -> None:
        """
        A rule from its parts, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: RRule) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        `RRule.parse('FREQ=WEEKLY;INTERVAL=2')`: the call that builds this rule.
        """
    def __str__(self) -> str:
        """
        The canonical RRULE text: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL, WKST.
        """
    def validate(self) -> None:
        """
        Raises FormatError when the rule leaves the subset or breaks RFC 5545.
        """
    @property
    def by_day(self) -> tuple[WeekdayNum, ...]:
        """
        BYDAY; empty when absent.
        """
    @by_day.setter
    def by_day(self, arg1: collections.abc.Sequence[WeekdayNum]) -> None:
        ...
    @property
    def by_month_day(self) -> tuple[int, ...]:
        """
        BYMONTHDAY: 1 to 31 or -1 to -31; empty when absent.
        """
    @by_month_day.setter
    def by_month_day(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
    @property
    def count(self) -> int | None:
        """
        COUNT: the number of occurrences; None when absent.
        """
    @count.setter
    def count(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def frequency(self) -> Frequency:
        """
        FREQ.
        """
    @frequency.setter
    def frequency(self, arg0: Frequency) -> None:
        ...
    @property
    def interval(self) -> int:
        """
        INTERVAL: every this many periods, from 1.
        """
    @interval.setter
    def interval(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def until(self) -> RRuleUntil | None:
        """
        UNTIL: the last start, inclusive; None when absent.
        """
    @until.setter
    def until(self, arg0: RRuleUntil | None) -> None:
        ...
    @property
    def week_start(self) -> Weekday:
        """
        WKST: the first day of a week.
        """
    @week_start.setter
    def week_start(self, arg0: Weekday) -> None:
        ...
class MovedOccurrence:
    """
    One occurrence of a series moved to another time (RFC 5545 RECURRENCE-ID).
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, original: datetime.datetime = ..., start: datetime.datetime = ..., duration: datetime.timedelta | None = None) -> None:
        """
        The occurrence the series starts at `original` (naive local time) moved to `start`,
        lasting `duration` (None: the series' duration).
        """
    @typing.overload
    def __init__(self, other: MovedOccurrence) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def duration(self) -> datetime.timedelta | None:
        """
        The new duration; None keeps the series' duration.
        """
    @duration.setter
    def duration(self, arg0: datetime.timedelta | None) -> None:
        ...
    @property
    def original(self) -> datetime.datetime:
        """
        The local start the series gives (the RECURRENCE-ID).
        """
    @original.setter
    def original(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def start(self) -> datetime.datetime:
        """
        The new local start.
        """
    @start.setter
    def start(self, arg0: datetime.datetime) -> None:
        ...
class Recurrence:
    """
    A series of occurrences in a time zone: the first local start (DTSTART), the
    duration, an optional rule, extra starts (RDATE), starts left out (EXDATE) and
    occurrences moved (RECURRENCE-ID). Local times are naive datetimes; `zone` is an
    IANA name, Europe/Copenhagen by default.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, start: datetime.datetime = ..., duration: datetime.timedelta = ..., zone: str = 'Europe/Copenhagen', rule: RRule | None = None, rdates: collections.abc.Sequence[datetime.datetime] = (), exdates: collections.abc.Sequence[datetime.datetime] = (), moves: collections.abc.Sequence[MovedOccurrence] = ()) -> None:
        """
        A series from its fields, all keyword arguments. Raises ValueError for a zone
        the system's time zone database does not have.
        """
    @typing.overload
    def __init__(self, other: Recurrence) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def validate(self) -> None:
        """
        Raises FormatError for an invalid rule, a negative duration or a move given twice.
        """
    @property
    def duration(self) -> datetime.timedelta:
        """
        How long each occurrence lasts.
        """
    @duration.setter
    def duration(self, arg0: datetime.timedelta) -> None:
        ...
    @property
    def exdates(self) -> tuple[datetime.datetime, ...]:
        """
        Local starts left out (EXDATE).
        """
    @exdates.setter
    def exdates(self, arg1: collections.abc.Sequence[datetime.datetime]) -> None:
        ...
    @property
    def moves(self) -> tuple[MovedOccurrence, ...]:
        """
        Occurrences moved (RECURRENCE-ID).
        """
    @moves.setter
    def moves(self, arg1: collections.abc.Sequence[MovedOccurrence]) -> None:
        ...
    @property
    def rdates(self) -> tuple[datetime.datetime, ...]:
        """
        Extra local starts (RDATE).
        """
    @rdates.setter
    def rdates(self, arg1: collections.abc.Sequence[datetime.datetime]) -> None:
        ...
    @property
    def rule(self) -> RRule | None:
        """
        The rule; None for explicit dates only.
        """
    @rule.setter
    def rule(self, arg0: RRule | None) -> None:
        ...
    @property
    def start(self) -> datetime.datetime:
        """
        The first occurrence's local start (DTSTART).
        """
    @start.setter
    def start(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def zone(self) -> str:
        """
        The IANA name of the zone the local times are in.
        """
    @zone.setter
    def zone(self, arg1: str) -> None:
        ...
class TimeWindow:
    """
    A half-open span [``from_``, ``to``) of aware datetimes; None for an unbounded end.
    
    TimeWindow.days(first, end, zone) is the local days from `first` up to `end`.
    """
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def days(first: datetime.date, end: datetime.date, zone: str = 'Europe/Copenhagen') -> TimeWindow:
        """
        From local midnight at the start of the date `first` to local midnight at the
        start of `end` (exclusive) in `zone`.
        """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, from_: datetime.datetime | None = None, to: datetime.datetime | None = None) -> None:
        """
        The window from `from_` to `to` (aware datetimes; None: unbounded).
        """
    @typing.overload
    def __init__(self, other: TimeWindow) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def contains(self, t: datetime.datetime) -> bool:
        """
        True when ``from_ <= t < to``.
        """
    @property
    def from_(self) -> typing.Any:
        """
        The first instant in the window; None when unbounded.
        """
    @from_.setter
    def from_(self, arg1: datetime.datetime | None) -> None:
        ...
    @property
    def to(self) -> typing.Any:
        """
        The first instant after the window; None when unbounded.
        """
    @to.setter
    def to(self, arg1: datetime.datetime | None) -> None:
        ...
class SeriesOccurrence:
    """
    One occurrence of a series (C++ carelearn::Occurrence): `start`/`end` as aware
    UTC datetimes, `local_start`/`local_end` as naive local ones, and `original`,
    where the series put it. carelearn.Occurrence is a programme's occurrence.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, start: datetime.datetime = ..., end: datetime.datetime = ..., local_start: datetime.datetime = ..., local_end: datetime.datetime = ..., original: datetime.datetime = ...) -> None:
        """
        An occurrence from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: SeriesOccurrence) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def moved(self) -> bool:
        """
        True when it was moved from where the series puts it.
        """
    @property
    def end(self) -> datetime.datetime:
        """
        When it ends (aware, UTC).
        """
    @end.setter
    def end(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def local_end(self) -> datetime.datetime:
        """
        `end` on the local clock.
        """
    @local_end.setter
    def local_end(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def local_start(self) -> datetime.datetime:
        """
        `start` on the local clock.
        """
    @local_start.setter
    def local_start(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def original(self) -> datetime.datetime:
        """
        The local start the series gives it (its RECURRENCE-ID).
        """
    @original.setter
    def original(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def start(self) -> datetime.datetime:
        """
        When it starts (aware, UTC).
        """
    @start.setter
    def start(self, arg0: datetime.datetime) -> None:
        ...
class HolidayKind(enum.Enum):
    """
    A Danish public holiday, or a day commonly given off.
    """
    ASCENSION_DAY: typing.ClassVar[HolidayKind]
    BOXING_DAY: typing.ClassVar[HolidayKind]
    CHRISTMAS_DAY: typing.ClassVar[HolidayKind]
    CHRISTMAS_EVE: typing.ClassVar[HolidayKind]
    CONSTITUTION_DAY: typing.ClassVar[HolidayKind]
    EASTER_MONDAY: typing.ClassVar[HolidayKind]
    EASTER_SUNDAY: typing.ClassVar[HolidayKind]
    GOOD_FRIDAY: typing.ClassVar[HolidayKind]
    GREAT_PRAYER_DAY: typing.ClassVar[HolidayKind]
    MAUNDY_THURSDAY: typing.ClassVar[HolidayKind]
    NEW_YEARS_DAY: typing.ClassVar[HolidayKind]
    NEW_YEARS_EVE: typing.ClassVar[HolidayKind]
    WHIT_MONDAY: typing.ClassVar[HolidayKind]
    WHIT_SUNDAY: typing.ClassVar[HolidayKind]
    @classmethod
    def __new__(cls, value):
        ...
class Holiday:
    """
    One holiday in one year: its date and which it is.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, day: datetime.date = ..., kind: HolidayKind = ...) -> None:
        """
        A holiday on `day`.
        """
    @typing.overload
    def __init__(self, other: Holiday) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def day(self) -> datetime.date:
        """
        The date.
        """
    @day.setter
    def day(self, arg0: datetime.date) -> None:
        ...
    @property
    def kind(self) -> HolidayKind:
        """
        Which holiday it is.
        """
    @kind.setter
    def kind(self, arg0: HolidayKind) -> None:
        ...
class ClosedDayPolicy(enum.Enum):
    """
    What becomes of an occurrence that falls on a closed day.
    """
    KEEP: typing.ClassVar[ClosedDayPolicy]
    MOVE_TO_NEXT_WORKING_DAY: typing.ClassVar[ClosedDayPolicy]
    SKIP: typing.ClassVar[ClosedDayPolicy]
    @classmethod
    def __new__(cls, value):
        ...
class Closure:
    """
    A period in which a workplace is closed for learning, both days included;
    for one unit (and its sub-units) or, with `unit` empty, for all.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, first: datetime.date = ..., last: datetime.date = ..., reason: Text = ..., unit: str = '') -> None:
        """
        A closure from `first` to `last` (dates, inclusive).
        """
    @typing.overload
    def __init__(self, other: Closure) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def first(self) -> datetime.date:
        """
        The first closed day.
        """
    @first.setter
    def first(self, arg0: datetime.date) -> None:
        ...
    @property
    def last(self) -> datetime.date:
        """
        The last closed day (inclusive).
        """
    @last.setter
    def last(self, arg0: datetime.date) -> None:
        ...
    @property
    def reason(self) -> Text:
        """
        Why; may be empty.
        """
    @reason.setter
    def reason(self, arg0: Text) -> None:
        ...
    @property
    def unit(self) -> str:
        """
        The unit it applies to; empty for every unit.
        """
    @unit.setter
    def unit(self, arg0: str) -> None:
        ...
class WorkCalendar:
    """
    The days on which learning is not held: the Danish public holidays (optionally
    also the days commonly given off), or none, and closure periods.
    
    A working day is Monday to Friday and not closed; weekends are not closed days.
    """
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def without_holidays() -> WorkCalendar:
        """
        A calendar with no holidays at all, only the closures added to it.
        """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, danish_holidays: bool = True, common_days_off: bool = False, closures: collections.abc.Sequence[Closure] = ()) -> None:
        """
        A calendar, all keyword arguments. Raises FormatError for a closure that ends
        before it begins.
        """
    @typing.overload
    def __init__(self, other: WorkCalendar) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def add_closure(self, closure: Closure) -> None:
        """
        Adds a closure; raises FormatError when it ends before it begins.
        """
    def for_units(self, units: collections.abc.Sequence[str]) -> WorkCalendar:
        """
        This calendar as `units` see it: their closures apply to everyone, other units'
        are left out.
        """
    def holiday_on(self, day: datetime.date) -> HolidayKind | None:
        """
        The holiday this calendar keeps on the date `day`, or None.
        """
    def is_closed(self, day: datetime.date, units: collections.abc.Sequence[str] = ()) -> bool:
        """
        True when `day` is a holiday of this calendar, in a closure for every unit, or
        in a closure of one of `units`.
        """
    def is_working_day(self, day: datetime.date) -> bool:
        """
        True when `day` is Monday to Friday and not closed for every unit.
        """
    def longest_closure(self) -> int:
        """
        The longest run of days closed by closures alone; 0 without closures.
        """
    def next_working_day(self, day: datetime.date) -> datetime.date | None:
        """
        The first working day after `day`; None when none follows within ten years.
        """
    @property
    def closures(self) -> tuple[Closure, ...]:
        """
        The closures, in the order they were added; add one with add_closure.
        """
    @property
    def common_days_off(self) -> bool:
        """
        True when the days commonly given off are closed days too.
        """
    @property
    def danish_holidays(self) -> bool:
        """
        True when the Danish holidays are closed days.
        """
class CalendarRules:
    """
    How expand_on_calendar applies a calendar.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, policy: ClosedDayPolicy = ..., count_held_sessions: bool = False) -> None:
        """
        Rules from their fields.
        """
    @typing.overload
    def __init__(self, other: CalendarRules) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def count_held_sessions(self) -> bool:
        """
        True: COUNT is the number of sessions held (skipped starts are made up).
        """
    @count_held_sessions.setter
    def count_held_sessions(self, arg0: bool) -> None:
        ...
    @property
    def policy(self) -> ClosedDayPolicy:
        """
        What a closed day does to an occurrence.
        """
    @policy.setter
    def policy(self, arg0: ClosedDayPolicy) -> None:
        ...
class CalendarExpansion:
    """
    A series expanded on a calendar.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, occurrences: collections.abc.Sequence[SeriesOccurrence] = (), skipped: collections.abc.Sequence[datetime.datetime] = (), rule_count: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        """
        An expansion from its fields.
        """
    @typing.overload
    def __init__(self, other: CalendarExpansion) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def occurrences(self) -> tuple[SeriesOccurrence, ...]:
        """
        The occurrences held that start in the window, sorted by start.
        """
    @occurrences.setter
    def occurrences(self, arg1: collections.abc.Sequence[SeriesOccurrence]) -> None:
        ...
    @property
    def rule_count(self) -> int | None:
        """
        With count_held_sessions, the COUNT an RFC 5545 reader needs.
        """
    @rule_count.setter
    def rule_count(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
    @property
    def skipped(self) -> tuple[datetime.datetime, ...]:
        """
        The original local starts skipped for a closed day (EXDATEs in iCalendar).
        """
    @skipped.setter
    def skipped(self, arg1: collections.abc.Sequence[datetime.datetime]) -> None:
        ...
class Hosting(enum.Enum):
    """
    Who holds an entry's occurrences.
    """
    EACH_UNIT: typing.ClassVar[Hosting]
    JOINT: typing.ClassVar[Hosting]
    @classmethod
    def __new__(cls, value):
        ...
class OrgUnit:
    """
    A unit of the organisation: a municipality, an area, a care centre.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, id: str = '', name: Text = ..., parent: str = '') -> None:
        """
        A unit `id` named `name`, below `parent` (empty for a top unit).
        """
    @typing.overload
    def __init__(self, other: OrgUnit) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def id(self) -> str:
        """
        Stable id, unique within the programme.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def name(self) -> Text:
        """
        The unit's name.
        """
    @name.setter
    def name(self, arg0: Text) -> None:
        ...
    @property
    def parent(self) -> str:
        """
        The parent unit's id; empty for a top unit.
        """
    @parent.setter
    def parent(self, arg0: str) -> None:
        ...
class ExpectedRole:
    """
    How many people of a role are expected at each occurrence.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, role: str = '', people: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        `people` people of the role `role`.
        """
    @typing.overload
    def __init__(self, other: ExpectedRole) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def people(self) -> int:
        """
        How many, from 0.
        """
    @people.setter
    def people(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def role(self) -> str:
        """
        The role's id.
        """
    @role.setter
    def role(self, arg0: str) -> None:
        ...
class ProgrammeEntry:
    """
    One format in a programme: for which units, when (a Recurrence), with whom,
    and how closed days, held sessions, whole days and flexible time are treated.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, id: str = '', format: FormatRef = ..., title: Text = ..., units: collections.abc.Sequence[str] = (), hosting: Hosting = ..., recurrence: Recurrence = ..., roles: collections.abc.Sequence[ExpectedRole] = (), people: collections.abc.Sequence[str] = (), on_closed_day: ClosedDayPolicy | None = None, count_held_sessions: bool = False, occupies_day: bool = False, flexible: bool = False) -> None:
        """
        An entry from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: ProgrammeEntry) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def expected_people(self) -> int:
        """
        The number of people expected: len(people) when given, else the sum of roles.
        """
    @property
    def count_held_sessions(self) -> bool:
        """
        True: COUNT counts the sessions held (8 teaching sessions stay 8).
        """
    @count_held_sessions.setter
    def count_held_sessions(self, arg0: bool) -> None:
        ...
    @property
    def flexible(self) -> bool:
        """
        True: a time budget, not an appointment (never in conflicts).
        """
    @flexible.setter
    def flexible(self, arg0: bool) -> None:
        ...
    @property
    def format(self) -> FormatRef:
        """
        The format held.
        """
    @format.setter
    def format(self, arg0: FormatRef) -> None:
        ...
    @property
    def hosting(self) -> Hosting:
        """
        Each unit, or all together.
        """
    @hosting.setter
    def hosting(self, arg0: Hosting) -> None:
        ...
    @property
    def id(self) -> str:
        """
        Stable id, unique within the programme.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def occupies_day(self) -> bool:
        """
        True: attending takes the whole day (a seminar).
        """
    @occupies_day.setter
    def occupies_day(self, arg0: bool) -> None:
        ...
    @property
    def on_closed_day(self) -> ClosedDayPolicy | None:
        """
        What a closed day does; None for the programme's policy.
        """
    @on_closed_day.setter
    def on_closed_day(self, arg0: ClosedDayPolicy | None) -> None:
        ...
    @property
    def people(self) -> tuple[str, ...]:
        """
        Pseudonymous ids of the people expected; their number is the expected count.
        """
    @people.setter
    def people(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def recurrence(self) -> Recurrence:
        """
        When.
        """
    @recurrence.setter
    def recurrence(self, arg0: Recurrence) -> None:
        ...
    @property
    def roles(self) -> tuple[ExpectedRole, ...]:
        """
        Who is expected, by role.
        """
    @roles.setter
    def roles(self, arg1: collections.abc.Sequence[ExpectedRole]) -> None:
        ...
    @property
    def title(self) -> Text:
        """
        The title to show; empty for the format's title.
        """
    @title.setter
    def title(self, arg0: Text) -> None:
        ...
    @property
    def units(self) -> tuple[str, ...]:
        """
        The units by id; a unit with sub-units stands for the units below it. For a
        joint entry the first is the host.
        """
    @units.setter
    def units(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
class Programme:
    """
    A composition over time of formats for the units of an organisation.
    
    Use carelearn.Programme, which adds load/save, expand, to_frame and to_ics and
    keeps the work calendar the programme is planned on.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, id: str = '', title: Text = ..., units: collections.abc.Sequence[OrgUnit] = (), entries: collections.abc.Sequence[ProgrammeEntry] = (), on_closed_day: ClosedDayPolicy = ...) -> None:
        """
        A programme from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: Programme) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    def find_unit(self, id: str) -> OrgUnit | None:
        """
        The unit with `id`, or None.
        """
    @property
    def entries(self) -> tuple[ProgrammeEntry, ...]:
        """
        The formats held.
        """
    @entries.setter
    def entries(self, arg1: collections.abc.Sequence[ProgrammeEntry]) -> None:
        ...
    @property
    def id(self) -> str:
        """
        Stable id; part of iCalendar UIDs.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def on_closed_day(self) -> ClosedDayPolicy:
        """
        What a closed day does to an occurrence, unless the entry says otherwise.
        """
    @on_closed_day.setter
    def on_closed_day(self, arg0: ClosedDayPolicy) -> None:
        ...
    @property
    def title(self) -> Text:
        """
        The programme's name.
        """
    @title.setter
    def title(self, arg0: Text) -> None:
        ...
    @property
    def units(self) -> tuple[OrgUnit, ...]:
        """
        The organisation's units.
        """
    @units.setter
    def units(self, arg1: collections.abc.Sequence[OrgUnit]) -> None:
        ...
class ScheduledEntry:
    """
    An entry as a schedule holds it.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, id: str = '', format_id: str = '', hosting: Hosting = ..., units: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = (), host: typing.SupportsInt | typing.SupportsIndex = 0, people: collections.abc.Sequence[str] = (), occupies_day: bool = False, flexible: bool = False) -> None:
        """
        An entry from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: ScheduledEntry) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def flexible(self) -> bool:
        """
        A time budget, not an appointment.
        """
    @flexible.setter
    def flexible(self, arg0: bool) -> None:
        ...
    @property
    def format_id(self) -> str:
        """
        The id of the format held.
        """
    @format_id.setter
    def format_id(self, arg0: str) -> None:
        ...
    @property
    def host(self) -> int:
        """
        For a joint entry: the host's index.
        """
    @host.setter
    def host(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def hosting(self) -> Hosting:
        """
        Each unit, or all together.
        """
    @hosting.setter
    def hosting(self, arg0: Hosting) -> None:
        ...
    @property
    def id(self) -> str:
        """
        The entry's id.
        """
    @id.setter
    def id(self, arg0: str) -> None:
        ...
    @property
    def occupies_day(self) -> bool:
        """
        Attending takes the day.
        """
    @occupies_day.setter
    def occupies_day(self, arg0: bool) -> None:
        ...
    @property
    def people(self) -> tuple[str, ...]:
        """
        The people expected.
        """
    @people.setter
    def people(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def units(self) -> tuple[int, ...]:
        """
        The units (indexes into Schedule.units) that hold or attend it.
        """
    @units.setter
    def units(self, arg1: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        ...
class ScheduledOccurrence:
    """
    One occurrence of one entry for one unit.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, entry: typing.SupportsInt | typing.SupportsIndex = 0, unit: typing.SupportsInt | typing.SupportsIndex = 0, start: datetime.datetime = ..., end: datetime.datetime = ..., local_start: datetime.datetime = ..., local_end: datetime.datetime = ..., original: datetime.datetime = ..., expected_people: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        An occurrence from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: ScheduledOccurrence) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def end(self) -> datetime.datetime:
        """
        When it ends (aware, UTC).
        """
    @end.setter
    def end(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def entry(self) -> int:
        """
        Index into Schedule.entries.
        """
    @entry.setter
    def entry(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def expected_people(self) -> int:
        """
        The people expected.
        """
    @expected_people.setter
    def expected_people(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def local_end(self) -> datetime.datetime:
        """
        `end` on the local clock.
        """
    @local_end.setter
    def local_end(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def local_start(self) -> datetime.datetime:
        """
        `start` on the entry's local clock.
        """
    @local_start.setter
    def local_start(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def original(self) -> datetime.datetime:
        """
        Where the series put it (differs when moved).
        """
    @original.setter
    def original(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def start(self) -> datetime.datetime:
        """
        When it starts (aware, UTC).
        """
    @start.setter
    def start(self, arg0: datetime.datetime) -> None:
        ...
    @property
    def unit(self) -> int:
        """
        Index into Schedule.units: the holder, or the host of a joint entry.
        """
    @unit.setter
    def unit(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Schedule:
    """
    A programme expanded: its units and entries, and the occurrences sorted by start,
    then unit, then entry, referring to units and entries by index.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, programme_id: str = '', units: collections.abc.Sequence[OrgUnit] = (), entries: collections.abc.Sequence[ScheduledEntry] = (), occurrences: collections.abc.Sequence[ScheduledOccurrence] = ()) -> None:
        """
        A schedule from its fields; expand_programme makes one from a programme.
        """
    @typing.overload
    def __init__(self, other: Schedule) -> None:
        """
        A copy of `other`.
        """
    def __len__(self) -> int:
        """
        The number of occurrences.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The programme's id and how many units, entries and occurrences it has.
        """
    def entry_id(self, occurrence: ScheduledOccurrence) -> str:
        """
        The id of the entry `occurrence` belongs to.
        """
    def format_id(self, occurrence: ScheduledOccurrence) -> str:
        """
        The id of the format `occurrence` holds.
        """
    def unit_id(self, occurrence: ScheduledOccurrence) -> str:
        """
        The id of the unit holding `occurrence`.
        """
    @property
    def entries(self) -> tuple[ScheduledEntry, ...]:
        """
        One per programme entry, in its order.
        """
    @entries.setter
    def entries(self, arg1: collections.abc.Sequence[ScheduledEntry]) -> None:
        ...
    @property
    def occurrences(self) -> tuple[ScheduledOccurrence, ...]:
        """
        Sorted by start, unit, entry.
        """
    @occurrences.setter
    def occurrences(self, arg1: collections.abc.Sequence[ScheduledOccurrence]) -> None:
        ...
    @property
    def programme_id(self) -> str:
        """
        The programme's id.
        """
    @programme_id.setter
    def programme_id(self, arg0: str) -> None:
        ...
    @property
    def units(self) -> tuple[OrgUnit, ...]:
        """
        The programme's units, in its order.
        """
    @units.setter
    def units(self, arg1: collections.abc.Sequence[OrgUnit]) -> None:
        ...
class ConflictKind(enum.Enum):
    """
    What kind of collision a unit has.
    """
    DOUBLE_BOOKED: typing.ClassVar[ConflictKind]
    SEMINAR_DAY: typing.ClassVar[ConflictKind]
    @classmethod
    def __new__(cls, value):
        ...
class ScheduledConflict:
    """
    A collision of two occurrences of a Schedule for one unit, by index (C++
    carelearn::Conflict); carelearn.Conflict holds the occurrences themselves.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, kind: ConflictKind = ..., unit: str = '', first: typing.SupportsInt | typing.SupportsIndex = 0, second: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        A conflict from its fields.
        """
    @typing.overload
    def __init__(self, other: ScheduledConflict) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def first(self) -> int:
        """
        Index into Schedule.occurrences: the one that starts first.
        """
    @first.setter
    def first(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def kind(self) -> ConflictKind:
        """
        What kind.
        """
    @kind.setter
    def kind(self, arg0: ConflictKind) -> None:
        ...
    @property
    def second(self) -> int:
        """
        Index into Schedule.occurrences: the other.
        """
    @second.setter
    def second(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def unit(self) -> str:
        """
        The id of the unit concerned.
        """
    @unit.setter
    def unit(self, arg0: str) -> None:
        ...
class UnitMonthLoad:
    """
    The planned learning time of one unit in one month.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, unit: str = '', month: datetime.date = ..., sessions: typing.SupportsInt | typing.SupportsIndex = 0, hours: typing.SupportsFloat | typing.SupportsIndex = 0.0, person_hours: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> None:
        """
        A load from its fields; `month` is any date in the month.
        """
    @typing.overload
    def __init__(self, other: UnitMonthLoad) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def hours(self) -> float:
        """
        Their hours in all.
        """
    @hours.setter
    def hours(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def month(self) -> typing.Any:
        """
        The month, as the datetime.date of its first day.
        """
    @month.setter
    def month(self, arg1: datetime.date) -> None:
        ...
    @property
    def person_hours(self) -> float:
        """
        Hours x expected people, over the occurrences the unit holds.
        """
    @person_hours.setter
    def person_hours(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def sessions(self) -> int:
        """
        How many occurrences.
        """
    @sessions.setter
    def sessions(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def unit(self) -> str:
        """
        The unit's id.
        """
    @unit.setter
    def unit(self, arg0: str) -> None:
        ...
class PersonMonthLoad:
    """
    The planned learning time of one person in one month.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, person: str = '', month: datetime.date = ..., sessions: typing.SupportsInt | typing.SupportsIndex = 0, hours: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> None:
        """
        A load from its fields; `month` is any date in the month.
        """
    @typing.overload
    def __init__(self, other: PersonMonthLoad) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def hours(self) -> float:
        """
        Their hours in all.
        """
    @hours.setter
    def hours(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def month(self) -> typing.Any:
        """
        The month, as the datetime.date of its first day.
        """
    @month.setter
    def month(self, arg1: datetime.date) -> None:
        ...
    @property
    def person(self) -> str:
        """
        The person's pseudonymous id.
        """
    @person.setter
    def person(self, arg0: str) -> None:
        ...
    @property
    def sessions(self) -> int:
        """
        How many occurrences.
        """
    @sessions.setter
    def sessions(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class IcsLayout(enum.Enum):
    """
    How a programme's occurrences become VEVENTs.
    """
    EXPANDED: typing.ClassVar[IcsLayout]
    SERIES: typing.ClassVar[IcsLayout]
    @classmethod
    def __new__(cls, value):
        ...
class IcsOptions:
    """
    Options for export_icalendar. Keeps its catalog alive.
    """
    @typing.overload
    def __init__(self, *, lang: Lang | str = ..., layout: IcsLayout = ..., stamp: datetime.datetime | None = None, catalog: Catalog | None = None) -> None:
        """
        Options from their fields: the language of SUMMARY and DESCRIPTION, the layout,
        DTSTAMP (an aware datetime; None: now) and the catalog for titles and purposes.
        """
    @typing.overload
    def __init__(self, other: IcsOptions) -> None:
        """
        A copy of `other`, sharing its catalog.
        """
    @property
    def catalog(self) -> Catalog:
        """
        Resolves format titles and purposes; None uses the entry's title or the format id.
        """
    @catalog.setter
    def catalog(self, arg1: Catalog | None) -> None:
        ...
    @property
    def lang(self) -> Lang:
        """
        The language of SUMMARY and DESCRIPTION.
        """
    @lang.setter
    def lang(self, arg0: Lang) -> None:
        ...
    @property
    def layout(self) -> IcsLayout:
        """
        Series or single events.
        """
    @layout.setter
    def layout(self, arg0: IcsLayout) -> None:
        ...
    @property
    def stamp(self) -> datetime.datetime | None:
        """
        DTSTAMP; None for the time of export.
        """
    @stamp.setter
    def stamp(self, arg0: datetime.datetime | None) -> None:
        ...
class ProgrammeDocument:
    """
    What a "programme/1" document holds: a programme and the calendar it is planned on.
    """
    __hash__: typing.ClassVar[None] = None
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self, *, programme: Programme = ..., calendar: WorkCalendar = ...) -> None:
        """
        A document from its parts.
        """
    @typing.overload
    def __init__(self, other: ProgrammeDocument) -> None:
        """
        A copy of `other`.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def calendar(self) -> WorkCalendar:
        """
        The work calendar.
        """
    @calendar.setter
    def calendar(self, arg0: WorkCalendar) -> None:
        ...
    @property
    def programme(self) -> Programme:
        """
        The programme.
        """
    @programme.setter
    def programme(self, arg0: Programme) -> None:
        ...
class PublicationStatus(enum.Enum):
    """
    A FHIR resource's publication status (R4 "publication-status").
    """
    ACTIVE: typing.ClassVar[PublicationStatus]
    DRAFT: typing.ClassVar[PublicationStatus]
    RETIRED: typing.ClassVar[PublicationStatus]
    UNKNOWN: typing.ClassVar[PublicationStatus]
    @classmethod
    def __new__(cls, value):
        ...
class OnError(enum.Enum):
    """
    What a table reader does with a line it cannot read.
    """
    FAIL: typing.ClassVar[OnError]
    SKIP: typing.ClassVar[OnError]
    @classmethod
    def __new__(cls, value):
        ...
class TableLimits:
    """
    The limits every JSON line a table reader reads is checked against;
    passing one is a LimitError for that line.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, max_line_bytes: typing.SupportsInt | typing.SupportsIndex = 16777216, max_string_bytes: typing.SupportsInt | typing.SupportsIndex = 65536, max_depth: typing.SupportsInt | typing.SupportsIndex = 64, max_array_items: typing.SupportsInt | typing.SupportsIndex = 65536) -> None:
        """
        Limits from their fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: TableLimits) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def max_array_items(self) -> int:
        """
        The most items in one array.
        """
    @max_array_items.setter
    def max_array_items(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_depth(self) -> int:
        """
        The deepest nesting of arrays and objects, the line's object counting 1.
        """
    @max_depth.setter
    def max_depth(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_line_bytes(self) -> int:
        """
        The longest line, in bytes, without its line end.
        """
    @max_line_bytes.setter
    def max_line_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_string_bytes(self) -> int:
        """
        The longest string or key, in bytes after unescaping.
        """
    @max_string_bytes.setter
    def max_string_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class TableOptions:
    """
    How session tables are built.
    """
    def __copy__(self) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    def __deepcopy__(self, memo: dict) -> typing.Any:
        """
        A copy that shares nothing with this value.
        """
    @typing.overload
    def __init__(self, *, free_text: bool = False, confidential_text: bool = False, threads: typing.SupportsInt | typing.SupportsIndex = 1, on_error: OnError = ..., chunk_bytes: typing.SupportsInt | typing.SupportsIndex = 8388608, limits: TableLimits = ..., identifiers: bool = False) -> None:
        """
        Options from their fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: TableOptions) -> None:
        """
        A copy of `other`.
        """
    def __reduce__(self) -> tuple:
        """
        Pickles the value field by field.
        """
    def __repr__(self) -> str:
        """
        The call that builds this value, leaving out the fields that keep their default.
        """
    @property
    def chunk_bytes(self) -> int:
        """
        How many bytes of input one thread parses at a time.
        """
    @chunk_bytes.setter
    def chunk_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def confidential_text(self) -> bool:
        """
        Fill confidential text too; needs free_text.
        """
    @confidential_text.setter
    def confidential_text(self, arg0: bool) -> None:
        ...
    @property
    def free_text(self) -> bool:
        """
        Fill the free-text columns (texts, comments, notes) that are not confidential.
        """
    @free_text.setter
    def free_text(self, arg0: bool) -> None:
        ...
    @property
    def identifiers(self) -> bool:
        """
        Keep what the identifier linter finds in ids, labels and texts as written;
        off (the default), it is masked.
        """
    @identifiers.setter
    def identifiers(self, arg0: bool) -> None:
        ...
    @property
    def limits(self) -> TableLimits:
        """
        The limits every line is checked against.
        """
    @limits.setter
    def limits(self, arg0: TableLimits) -> None:
        ...
    @property
    def on_error(self) -> OnError:
        """
        Strict (FAIL) or forgiving (SKIP).
        """
    @on_error.setter
    def on_error(self, arg0: OnError) -> None:
        ...
    @property
    def threads(self) -> int:
        """
        Threads that parse; 0 means one per hardware thread.
        """
    @threads.setter
    def threads(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
class Table:
    """
    Some columns of one of the session tables, viewed in place.
    
    Arrays handed out are read-only numpy views of the C++ columns; the Arrow
    PyCapsule protocol (__arrow_c_schema__, __arrow_c_stream__) exports the same
    buffers, as pyarrow.Table does. Either keeps the tables alive.
    """
    def __arrow_c_schema__(self) -> typing.Any:
        """
        The Arrow PyCapsule "arrow_schema" of the table's type (a struct of its
        columns).
        """
    def __arrow_c_stream__(self, requested_schema: typing.Any = None) -> typing.Any:
        """
        The Arrow PyCapsule "arrow_array_stream" that yields the table as one record
        batch viewing the C++ columns; called again, it gives a new stream. A
        requested schema is not honoured: the consumer casts.
        """
    def __init__(self, other: Table) -> None:
        """
        A view of the same columns as `other` (nothing is copied).
        """
    def __len__(self) -> int:
        """
        The number of rows.
        """
    def __repr__(self) -> str:
        """
        The table's name and size.
        """
    def array(self, name: str) -> numpy.ndarray:
        """
        The column `name` as a read-only numpy array that views the C++ column:
        its values (datetime64[us] for a timestamp, NaT when missing; int32 days
        for a day), a dictionary column's int32 codes, or a string column's
        validity bytes (see string_buffers). Raises ValueError for an unknown column.
        """
    def categories(self, name: str) -> list[str]:
        """
        The dictionary of the dictionary column `name`: code i stands for item i.
        Raises ValueError for an unknown column or one of another kind.
        """
    def column_kind(self, name: str) -> str:
        """
        How the column `name` is stored: "int8", "bool", "int32", "float64",
        "timestamp" (int64 µs since 1970 UTC), "day" (int32 days since 1970),
        "dictionary" (int32 codes, -1 missing, into categories(name)) or "string".
        Raises ValueError for an unknown column.
        """
    def select(self, columns: collections.abc.Sequence[str]) -> Table:
        """
        The view of the columns named in `columns`, in that order. Raises ValueError
        for an unknown column.
        """
    def string_buffers(self, name: str) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """
        The string column `name` in Arrow's large-string layout, as read-only numpy
        views: (offsets int64[n+1], bytes uint8, valid uint8[n]); row i is the UTF-8
        bytes[offsets[i]:offsets[i+1]] when valid[i] is 1. Raises ValueError for an
        unknown column or one of another kind.
        """
    def string_objects(self, name: str) -> numpy.ndarray:
        """
        The string column `name` as a new numpy object array of str, None when
        missing: a copy, for when pyarrow is not there to view the buffers.
        """
    @property
    def column_names(self) -> list[str]:
        """
        The columns' names, in order.
        """
    @property
    def name(self) -> str:
        """
        The table's name, e.g. "sessions".
        """
    @property
    def num_rows(self) -> int:
        """
        The number of rows.
        """
class SessionTables:
    """
    Every part of a set of sessions as column tables; see carelearn.read_tables.
    
    Each child table names its session by the session's row in `sessions`.
    """
    TABLE_NAMES: typing.ClassVar[tuple] = ('sessions', 'participants', 'steps', 'prompts', 'learning_points', 'actions', 'action_changes', 'feedback', 'notes')
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    def __getstate__(self) -> tuple[bytes, bool, bool]:
        ...
    def __init__(self, other: SessionTables) -> None:
        """
        The same tables as `other` (nothing is copied).
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __repr__(self) -> str:
        """
        The number of sessions.
        """
    def __setstate__(self, arg0: tuple) -> None:
        """
        Pickling: the state is (the bytes of SerializeTables, free_text,
        confidential_text), see carelearn/analysis/serialize_tables.hpp; it holds what the
        tables hold, free text only as far as it was read. Restoring raises ValueError
        for damaged bytes, naming what is wrong, and for text options that do not match
        the text the bytes hold.
        """
    def skipped_columns(self) -> tuple[list[str], list[int], list[str]]:
        """
        The lines left out under OnError.SKIP as columns: (sources, 1-based line
        numbers, messages).
        """
    def table(self, name: str) -> Table:
        """
        The table `name` (one of TABLE_NAMES) with all its columns; the free-text
        columns only when free text was read. Raises ValueError for an unknown name.
        """
    @property
    def confidential_text(self) -> bool:
        """
        True when confidential text was read too.
        """
    @property
    def free_text(self) -> bool:
        """
        True when the free-text columns were read.
        """
class SimulationRates:
    """
    The probabilities the simulation draws its events with (docs/simulate.md).
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    def __init__(self, *, staffing: typing.SupportsFloat | typing.SupportsIndex = 0.05, workload: typing.SupportsFloat | typing.SupportsIndex = 0.04, no_facilitator: typing.SupportsFloat | typing.SupportsIndex = 0.02, holiday: typing.SupportsFloat | typing.SupportsIndex = 0.5, cut_short: typing.SupportsFloat | typing.SupportsIndex = 0.01, moves: typing.SupportsFloat | typing.SupportsIndex = 0.05, leavers: typing.SupportsFloat | typing.SupportsIndex = 0.15) -> None:
        """
        The rates, each a keyword argument; the defaults are the model's.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __repr__(self) -> str:
        """
        The call that would build these rates.
        """
    @property
    def cut_short(self) -> float:
        """
        A session that starts is stopped part-way by acute work.
        """
    @cut_short.setter
    def cut_short(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def holiday(self) -> float:
        """
        An occurrence in the main holiday weeks is cancelled for the holidays.
        """
    @holiday.setter
    def holiday(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def leavers(self) -> float:
        """
        Each year, a member of staff leaves (and is replaced).
        """
    @leavers.setter
    def leavers(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def moves(self) -> float:
        """
        Each year, a member of staff moves to another unit.
        """
    @moves.setter
    def moves(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def no_facilitator(self) -> float:
        """
        ... because nobody could facilitate (formats that need a facilitator).
        """
    @no_facilitator.setter
    def no_facilitator(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def staffing(self) -> float:
        """
        An ordinary occurrence is cancelled for too few staff on duty.
        """
    @staffing.setter
    def staffing(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def workload(self) -> float:
        """
        ... for acute work that came first.
        """
    @workload.setter
    def workload(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Roster:
    """
    The pseudonymous staff of the units: who belonged to which unit, with which
    profession and shift, from which day to which day.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        """
        True when every field is equal.
        """
    @typing.overload
    def __init__(self) -> None:
        """
        An empty roster.
        """
    @typing.overload
    def __init__(self, other: Roster) -> None:
        """
        A copy of `other`.
        """
    def __len__(self) -> int:
        """
        The number of memberships.
        """
    def __ne__(self, other: typing.Any) -> bool:
        """
        True when any field differs.
        """
    def __repr__(self) -> str:
        """
        The number of memberships.
        """
    def columns(self) -> dict:
        """
        The memberships as columns: a dict of lists person, unit, profession, shift
        (its name), from (datetime.date) and to (datetime.date or None), in roster order.
        """
    def repseudonymise(self, key: Pseudonymiser) -> Roster:
        """
        The roster with every person rekeyed under `key`, as sessions are for an
        evaluator: rosters and sessions rekeyed with one key still join on the person.
        """
    def to_csv(self) -> str:
        """
        The roster as CSV with the header person,unit,profession,shift,from,to.
        """
def _set_argument_diagnosis(diagnosis: typing.Any) -> None:
    """
    Hands the module carelearn's diagnosis of refused arguments (called once by carelearn).
    
    It is called as `diagnosis(name, signatures, args, kwargs, complaints)` when no
    signature of a function accepts a call, and returns the exception to raise
    instead of pybind11's, or None to keep that.
    """
def _set_exception_types(error: typing.Any, format_error: typing.Any, not_found: typing.Any, limit: typing.Any, version: typing.Any, already_exists: typing.Any, state: typing.Any = None, store: typing.Any = None) -> None:
    """
    Hands the module the carelearn.Error classes it raises (called once by carelearn).
    
    Each is called as `cls(message, path=..., line=..., column=...)`, the location
    given only for a loader's error. `state` (a call in the wrong state) and `store`
    (a damaged, busy or read-only store) fall back to `version` and `error`.
    """
def _value(cls: typing.Any, state: dict) -> typing.Any:
    """
    The value of class `cls` with the fields `state` (what pickle calls to rebuild one).
    """
def action_status_name(status: ActionStatus) -> str:
    """
    The canonical name of `status`: "open", "in-progress", "done" or "dropped".
    """
def add_to_catalog(catalog: Catalog, json: str, options: ParseOptions = ...) -> None:
    """
    Adds the document `json` to `catalog` (a variant is resolved against its base
    there). Raises the loader's errors and those of Catalog.add / add_variant.
    """
def apply_variant(base: Format, variant: Variant) -> Format:
    """
    Applies `variant` to `base` and returns the derived format.
    
    The result has the variant's id and version, the base's fields where the
    variant leaves them unset, and lineage = base's lineage + the base itself.
    
    Raises FormatError when `base` is not the format the variant extends, when a
    change names a step the format lacks, when an added step's id is taken, or
    when a change lacks the field its op needs (the message names the change).
    """
def builtin_roles() -> list[Role]:
    """
    The built-in roles of the source texts, in a fixed order.
    """
def cancel_reason_name(reason: CancelReason) -> str:
    """
    The canonical name of `reason`: "staffing", "workload", "no-facilitator",
    "holiday" or "other".
    """
def canonical_extensions(json: str, options: ParseOptions = ...) -> str:
    """
    The canonical text of the JSON object `json`, as the `extensions` fields hold
    it (2-space indentation, keys in their order); "" for {}.
    
    Raises FormatError for invalid JSON or a value that is not an object.
    """
def check_session(session: Session, format: Format, *, catalog: Catalog | None = None, day: WorkingDay = ...) -> list[Diagnostic]:
    """
    Checks `session` against `format` and returns what it finds, errors first.
    
    `catalog` resolves the question sets steps draw on (None accepts any question
    id there). Codes: format-mismatch, missing-facilitator, missing-role,
    too-many-of-role, below-capacity, capacity-exceeded, unknown-role,
    too-few-<outputs>, too-many-<outputs>, output-not-produced-here, unknown-prompt,
    unknown-step, step-not-held, duration-overrun, step-overrun (docs/sessions.md).
    Never raises for anything in the session.
    """
def concatenate_tables(parts: collections.abc.Sequence[typing.Any]) -> SessionTables:
    """
    The tables `parts` joined in order, as if read from one input (see
    carelearn/analysis/combine_tables.hpp): row numbers offset, dictionaries
    renumbered in order of first appearance, skipped lines in order. Raises
    ValueError for no parts or parts read with other text options.
    """
def conflict_kind_name(kind: ConflictKind) -> str:
    """
    The canonical name of `kind`: "double-booked" or "seminar-day".
    """
def conflict_policy_name(policy: ConflictPolicy) -> str:
    """
    The canonical name of `policy`: "fail", "skip" or "replace".
    """
def danish_holiday_on(day: datetime.date, common_days_off: bool = False) -> HolidayKind | None:
    """
    The holiday on the date `day`, or None.
    """
def danish_holidays(year: typing.SupportsInt | typing.SupportsIndex, common_days_off: bool = False) -> list[Holiday]:
    """
    The Danish holidays of `year` in date order; with `common_days_off` also
    grundlovsdag, juleaftensdag and nytårsaftensdag. Store bededag up to 2023.
    """
def describe_budget(budget: TimeBudget, lang: Lang | str = ...) -> str:
    """
    `budget` in short words: "5 min", "1-2 min", "ca. 1 min each", "open"; in
    Danish (lang="da") "ca. 1 min hver", "åben".
    """
def describe_cadence(cadence: Cadence, lang: Lang | str = ...) -> str:
    """
    `cadence` in words: "every 2 weeks", "every month, 8 times"; in Danish
    (lang="da") "hver 2. uge", "hver måned, 8 gange".
    """
def diff(a: Format, b: Format) -> list[Difference]:
    """
    How `b` differs from `a`: format fields first, then steps in `b`'s order,
    then steps only `a` has. Steps are matched by id. Equal formats give [].
    """
def difference_kind_name(kind: Difference.Kind) -> str:
    """
    The canonical name of `kind`: "added", "removed" or "changed".
    """
def easter_sunday(year: typing.SupportsInt | typing.SupportsIndex) -> datetime.date:
    """
    Easter Sunday of `year` in the Gregorian calendar (from 1583).
    """
def entry_from_component(component: Component, start: datetime.datetime, duration: datetime.timedelta, units: collections.abc.Sequence[str]) -> ProgrammeEntry:
    """
    The entry that holds `component` of a programme-level format: its cadence becomes
    the rule, starting at `start` (naive local) for `duration`.
    """
def expand_on_calendar(recurrence: Recurrence, window: TimeWindow, calendar: WorkCalendar, rules: CalendarRules = ...) -> CalendarExpansion:
    """
    The occurrences of `recurrence` in `window` with those on a closed day kept,
    skipped or moved by `rules.policy`. Raises as expand_recurrence.
    """
def expand_programme(programme: Programme, window: TimeWindow, calendar: WorkCalendar = ...) -> Schedule:
    """
    Expands `programme` in `window` on `calendar` into a Schedule.
    
    Raises FormatError for a programme that is not well formed, or an entry that
    cannot be expanded (a rule without an end in a window without one), naming it.
    """
def expand_recurrence(recurrence: Recurrence, window: TimeWindow = ...) -> list[SeriesOccurrence]:
    """
    The occurrences of `recurrence` that start in `window`, sorted by start.
    
    Raises FormatError for an invalid recurrence, a rule without COUNT or UNTIL in a
    window without an end, or a move of an occurrence the series does not have.
    """
def export_icalendar(programme: Programme, window: TimeWindow, calendar: WorkCalendar = ..., options: IcsOptions = ...) -> str:
    """
    `programme` on `calendar` as an RFC 5545 iCalendar document (CRLF line ends):
    the series with an occurrence in `window` (SERIES), or exactly its occurrences
    there (EXPANDED). Raises as expand_programme.
    """
def export_manifest_json(options: ExportOptions, sessions: typing.SupportsInt | typing.SupportsIndex) -> str:
    """
    The manifest of an export of `sessions` sessions made with `options`: one JSON
    object (and a newline) saying what was left out and masked, and how ids were
    pseudonymised (the key's fingerprint, never the key).
    """
def find_builtin_role(id: str) -> Role | None:
    """
    The built-in role with `id`, or None.
    """
def find_conflicts(schedule: Schedule) -> list[ScheduledConflict]:
    """
    The collisions in `schedule`, by unit and then by the occurrences' order.
    Flexible entries never collide; back-to-back occurrences do not overlap.
    """
def find_identifiers(text: str) -> list[IdentifierMatch]:
    """
    The CPR numbers, e-mail addresses, Danish phone numbers and names in the free text
    `text`, in order (offsets in UTF-8 bytes). See docs/privacy.md for what it misses.
    """
def format_diagnostic(diagnostic: Diagnostic, lang: Lang | str) -> str:
    """
    `diagnostic` on one line in `lang`: "<severity> <code> at <path>: <message>".
    """
def gather_lines(data: typing.Annotated[numpy.typing.ArrayLike, numpy.uint8], starts: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], ends: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> bytes:
    """
    The byte ranges data[starts[i]:ends[i]] joined in order, copied with the GIL
    released: how the Dask path gathers the lines of one shuffle bucket without
    a Python step per line. `data` is a one-dimensional numpy array of uint8.
    Raises ValueError when the ranges do not fit `data` or the two arrays differ
    in length, TypeError when `data` is not an array of uint8.
    """
def has_errors(diagnostics: collections.abc.Sequence[Diagnostic]) -> bool:
    """
    True when any of `diagnostics` is an error.
    """
def holiday_id(kind: HolidayKind) -> str:
    """
    The stable id of `kind`, e.g. "easter-monday".
    """
def holiday_name(kind: HolidayKind) -> Text:
    """
    The name of `kind` in Danish and English, e.g. Text(da='2. påskedag', en='Easter Monday').
    """
def ics_layout_name(layout: IcsLayout) -> str:
    """
    The canonical name of `layout`: "series" or "expanded".
    """
def identifier_in_id(id: str) -> IdentifierKind | None:
    """
    What the id looks like when it looks like a direct identifier; None otherwise.
    """
def identifier_kind_name(kind: IdentifierKind) -> str:
    """
    The canonical name of `kind`: "cpr-number", "email", "phone-number" or "name".
    """
def is_public_holiday(kind: HolidayKind) -> bool:
    """
    True for the public holidays; False for the days only commonly given off.
    """
def lang_code(lang: Lang) -> str:
    """
    The ISO 639-1 code of `lang`: "da" or "en".
    """
def link_sessions(tables: typing.Any, schedule: Schedule, *, window: str = 'same-day', tolerance: datetime.timedelta = ...) -> tuple[typing.Any, typing.Any, typing.Any]:
    """
    Links the sessions of `tables` to the occurrences of `schedule` (see
    docs/metrics.md, "Plan and record"): (session row per occurrence or -1,
    outcome per occurrence 0 held / 1 cancelled / 2 not recorded, occurrence per
    session row or -1). window is "same-day" (the local day in Copenhagen) or
    "within" (at most `tolerance` apart).
    """
def lint_session(session: Session, severity: Severity = ...) -> list[Diagnostic]:
    """
    The identifier linter's findings in `session`: "identifier-in-id" and
    "identifier-in-text" diagnostics naming the field and the kind, never the value.
    """
def load_document(path: str, options: ParseOptions = ...) -> Format | Variant | QuestionSet:
    """
    Reads and parses a document of any catalog kind at `path`.
    
    Raises NotFoundError when the file cannot be read. Otherwise as parse_format.
    """
def load_format(path: str, options: ParseOptions = ...) -> Format:
    """
    Reads and parses the "format/1" file at `path`.
    
    Raises NotFoundError when the file cannot be read. Otherwise as parse_format.
    """
def load_programme(path: str, options: ParseOptions = ...) -> ProgrammeDocument:
    """
    Reads and parses the "programme/1" file at `path`. Raises NotFoundError when it
    cannot be read; otherwise as parse_programme.
    """
def load_question_set(path: str, options: ParseOptions = ...) -> QuestionSet:
    """
    Reads and parses the "question-set/1" file at `path`.
    
    Raises NotFoundError when the file cannot be read. Otherwise as parse_format.
    """
def load_roster_csv(path: str) -> Roster:
    """
    A roster from the CSV file at `path`; NotFoundError when it cannot be read,
    FormatError naming <path>:<line>:<column> and the cause.
    """
def load_roster_json(path: str) -> Roster:
    """
    A roster from the "roster/1" JSON file at `path`; NotFoundError when it cannot
    be read, LimitError when it is too large, else as parse_roster_json.
    """
def load_variant(path: str, options: ParseOptions = ...) -> Variant:
    """
    Reads and parses the "variant/1" file at `path`.
    
    Raises NotFoundError when the file cannot be read. Otherwise as parse_format.
    """
def mask_identifiers(text: str) -> str:
    """
    `text` with each identifier found replaced by "[<kind>]".
    """
def masked_id(id: str) -> str:
    """
    `id` unchanged unless it looks like an identifier; then "masked-" and 24 hex digits
    under a random key of this process (stable within it, never written).
    """
def max_participants_that_fit(format: Format, longest: bool, day: WorkingDay = ...) -> int | None:
    """
    The largest number of participants for which the steps fit the planned
    duration when each takes its longest (`longest` True) or its shortest time.
    
    None when the format has no planned duration or no step depends on the count.
    """
def measure_cadence(tables: typing.Any, schedule: Schedule, *, period: str = 'month', window: str = 'same-day', tolerance: datetime.timedelta = ..., catalog: typing.Any = None, small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Cadence per unit x format x period against `schedule`; catalog gives the
    formats' cadences (None: the built-in catalog).
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def measure_circle_matrix(tables: typing.Any, *, period: str = 'month', municipality: collections.abc.Mapping[str, str] = {}, small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Co-participation per period x participant unit x host unit.
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def measure_circles(tables: typing.Any, *, period: str = 'month', municipality: collections.abc.Mapping[str, str] = {}, small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Participation that crosses units, shifts and municipalities per period;
    `municipality` maps unit ids to municipalities (others: the id up to '-').
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def measure_dose(tables: typing.Any, roster: Roster, schedule: typing.Any = None, *, period: str = 'month', first: datetime.date | None = None, last: datetime.date | None = None, small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Dose (learning hours per person) per unit x period for the staff on
    `roster`, against the hours `schedule` planned (None: none).
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def measure_fidelity(tables: typing.Any, *, catalog: typing.Any = None, period: str = 'month', small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Fidelity per unit x format x period of the held sessions of known formats.
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def measure_outcomes(tables: typing.Any, *, period: str = 'month', as_of: datetime.datetime | None = None, small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Learning points and the follow-through of actions per unit x format x
    period, statuses read at the aware datetime `as_of` (None: at the end of
    time, and nothing is overdue).
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def measure_reach(tables: typing.Any, roster: Roster, *, period: str = 'month', by_profession: bool = False, by_shift: bool = False, min_sessions: typing.SupportsInt | typing.SupportsIndex = 2, first: datetime.date | None = None, last: datetime.date | None = None, small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Reach per unit (x profession x shift) x period against `roster`, over
    the days first..last (inclusive; None: the days sessions took place).
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def measure_responsiveness(tables: typing.Any, *, period: str = 'month', confidence: typing.SupportsFloat | typing.SupportsIndex = 0.95, small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Feedback ratings per unit x format x period: distribution, mean and
    its interval at `confidence`.
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def measure_session_fidelity(tables: typing.Any, *, catalog: typing.Any = None, period: str = 'month', small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Fidelity of each held session: steps held, skipped, reordered, over budget,
    questions used, outputs met, facilitator.
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def measure_step_fidelity(tables: typing.Any, *, catalog: typing.Any = None, period: str = 'month', small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Step minutes against budget per unit x format x period x step.
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def municipalities_of(programme: Programme) -> dict[str, str]:
    """
    Each unit of `programme` mapped to its top ancestor (its municipality when the
    organisation starts at the municipalities).
    """
def new_session_id() -> str:
    """
    A new random session id: 32 lower-case hex digits (128 bits) from OpenSSL.
    """
def note_kind_name(kind: NoteKind) -> str:
    """
    The canonical name of `kind`: "note", "reflection" or "documentation".
    """
def output_kind_name(kind: OutputKind) -> str:
    """
    The canonical name of `kind`, e.g. "learning-point".
    """
def parse_action_status(name: str) -> ActionStatus | None:
    """
    Parses a canonical action status name; None when unknown.
    """
def parse_cancel_reason(name: str) -> CancelReason | None:
    """
    Parses a canonical cancel reason name; None when unknown.
    """
def parse_conflict_policy(name: str) -> ConflictPolicy | None:
    """
    The conflict policy named `name`, or None when there is none.
    """
def parse_document(json: str, options: ParseOptions = ...) -> Format | Variant | QuestionSet:
    """
    Parses a document of any catalog kind, chosen by its "carelearn" key.
    
    Raises FormatError (a ValueError) for a syntax error, a duplicate or unknown
    key, a missing key, a wrong type or a number out of range; LimitError when
    the document passes a limit of `options`; VersionError for a document of
    another kind or a newer schema version. Each message is led by
    "<source>:<line>:<column>: <pointer>: ".
    """
def parse_format(json: str, options: ParseOptions = ...) -> Format:
    """
    Parses a "format/1" document.
    
    Raises FormatError (a ValueError) for a syntax error, a duplicate or unknown
    key, a missing key, a wrong type or a number out of range; LimitError when
    the document passes a limit of `options`; VersionError for a document of
    another kind or a newer schema version. Each message is led by
    "<source>:<line>:<column>: <pointer>: ".
    """
def parse_ics_layout(name: str) -> IcsLayout | None:
    """
    The layout named `name`, or None when there is none.
    """
def parse_identifier_policy(name: str) -> IdentifierPolicy | None:
    """
    Parses "warn" or "refuse"; None when unknown.
    """
def parse_lang(code: str) -> Lang | None:
    """
    Parses an ISO 639-1 code ("da" or "en", any case); None when unknown.
    """
def parse_note_kind(name: str) -> NoteKind | None:
    """
    Parses a canonical note kind name; None when unknown.
    """
def parse_output_kind(name: str) -> OutputKind | None:
    """
    Parses a canonical output kind name; None when unknown.
    """
def parse_participation(name: str) -> Participation | None:
    """
    Parses a canonical participation name; None when unknown.
    """
def parse_period(name: str) -> Period | None:
    """
    Parses a canonical period name; None when unknown.
    """
def parse_place(name: str) -> Place | None:
    """
    Parses a canonical place name; None when unknown.
    """
def parse_plan_definition(json: str, options: ParseOptions = ...) -> Format:
    """
    Reads a FHIR R4 PlanDefinition as a format. Raises FormatError, located
    ("<source>:<line>:<column>: <pointer>: ..."), for malformed input and for an
    element a format has no place for; LimitError past a limit of `options`.
    """
def parse_programme(json: str, options: ParseOptions = ...) -> ProgrammeDocument:
    """
    Parses a "programme/1" document.
    
    Raises FormatError (with path, line and column) for a syntax error, an unknown
    or missing key, a wrong type, an RRULE that does not parse, a bad time, duration
    or time zone, or a reference to a unit that is not there; LimitError and
    VersionError as the other loaders. Each message is led by
    "<source>:<line>:<column>: <pointer>: ".
    """
def parse_publication_status(code: str) -> PublicationStatus | None:
    """
    The status whose R4 code is `code`, or None.
    """
def parse_question_set(json: str, options: ParseOptions = ...) -> QuestionSet:
    """
    Parses a "question-set/1" document.
    
    Raises FormatError (a ValueError) for a syntax error, a duplicate or unknown
    key, a missing key, a wrong type or a number out of range; LimitError when
    the document passes a limit of `options`; VersionError for a document of
    another kind or a newer schema version. Each message is led by
    "<source>:<line>:<column>: <pointer>: ".
    """
def parse_redaction(name: str) -> Redaction | None:
    """
    Parses a canonical redaction name; None when unknown.
    """
def parse_roster_csv(text: str, source: str = '<input>') -> Roster:
    """
    A roster from CSV text (header person,unit[,profession][,shift],from[,to]);
    FormatError naming <source>:<line>:<column> and the cause.
    """
def parse_roster_json(text: str, source: str = '<json>') -> Roster:
    """
    A roster from a "roster/1" JSON document; FormatError naming the place,
    VersionError for another kind or a newer version.
    """
def parse_rrule(text: str) -> RRule:
    """
    Parses RRULE text; raises FormatError naming the part and the cause.
    """
def parse_session_line(line: str) -> tuple[Session, Redaction]:
    """
    Reads one "session/1" line; returns the session and what the line left out.
    
    Raises FormatError, its message led by "<input>:1:<column>: <JSON pointer>: ", for
    text that is not JSON, a duplicate, unknown or missing key, a wrong type, an
    unknown name or a time that is not RFC 3339; LimitError for a line, a string
    or a list beyond the reader's limits; VersionError for a document of another
    kind or a newer version. The session is not checked further (see
    validate_session).
    """
def parse_session_status(name: str) -> SessionStatus | None:
    """
    Parses a canonical session status name; None when unknown.
    """
def parse_severity(name: str) -> Severity | None:
    """
    Parses a canonical severity name; None when unknown.
    """
def parse_shift(name: str) -> Shift | None:
    """
    Parses a canonical shift name; None when unknown.
    """
def parse_step_change_op(name: str) -> StepChange.Op | None:
    """
    Parses a canonical change name; None when unknown.
    """
def parse_time_unit(name: str) -> TimeUnit | None:
    """
    Parses a canonical unit name; None when unknown.
    """
def parse_variant(json: str, options: ParseOptions = ...) -> Variant:
    """
    Parses a "variant/1" document.
    
    Raises FormatError (a ValueError) for a syntax error, a duplicate or unknown
    key, a missing key, a wrong type or a number out of range; LimitError when
    the document passes a limit of `options`; VersionError for a document of
    another kind or a newer schema version. Each message is led by
    "<source>:<line>:<column>: <pointer>: ".
    """
def parse_weekday_code(code: str) -> Weekday | None:
    """
    Parses "MO" ... "SU" (any case); None when unknown.
    """
def participation_name(participation: Participation) -> str:
    """
    The canonical name of `participation`, e.g. "round" or "plenary".
    """
def period_name(period: Period) -> str:
    """
    The canonical name of `period`: "day", "week", "month" or "year".
    """
def person_measure_tables(tables: typing.Any, keep: typing.Annotated[numpy.typing.ArrayLike, numpy.uint8]) -> SessionTables:
    """
    The participant rows flagged in `keep` (one per row of participants), and of
    the rest only what reach, dose and the people of circles read (see
    carelearn/analysis/combine_tables.hpp, PersonMeasureTables): every session with
    its unit, times and status; the steps of sessions that started and did not end;
    no other tables, no free text, no ids. Raises ValueError when `keep` has
    another length.
    """
def place_name(place: Place) -> str:
    """
    The canonical name of `place`: "workplace", "citizens-home", "off-site" or "education".
    """
def plan_agenda(format: Format, participants: typing.SupportsInt | typing.SupportsIndex, start: datetime.datetime, options: AgendaOptions = ...) -> Agenda:
    """
    Plans `format` for `participants` people starting at `start` (a naive
    datetime.datetime, taken to the minute).
    
    Open steps share what the planned duration leaves after the other steps.
    Raises FormatError when `participants` is below 1 or the format has no steps;
    overruns and other findings are diagnostics in the result.
    """
def plan_definition_canonical(ref: FormatRef) -> str:
    """
    The canonical reference to `ref`: its URL, then ``"|<version>"`` when it names one.
    """
def plan_definition_url(id: str) -> str:
    """
    The canonical URL of the format `id`: "https://carelearn.dk/fhir/PlanDefinition/<id>", the id percent-encoded.
    """
def planned_hours_per_person(schedule: Schedule) -> list[PersonMonthLoad]:
    """
    The planned hours per named person per month; sorted by person, then month.
    """
def planned_hours_per_unit(schedule: Schedule) -> list[UnitMonthLoad]:
    """
    The planned hours per unit per month, flexible time included; sorted by unit
    (programme order), then month.
    """
def publication_status_code(status: PublicationStatus) -> str:
    """
    The R4 code of `status`: "draft", "active", "retired" or "unknown".
    """
def questionnaire_url(id: str) -> str:
    """
    The canonical URL of the question set `id`: "https://carelearn.dk/fhir/Questionnaire/<id>".
    """
def read_plan_definition(json: str, options: ParseOptions = ...) -> tuple[Format, list[str]]:
    """
    As parse_plan_definition, but leaves out the elements a format has no place
    for and returns them, as located messages, beside the format.
    """
def read_sessions(path: str, *, validate: bool = True) -> list[Session]:
    """
    Every session of the "session/1" JSON Lines file at `path`, read a chunk at a
    time; blank lines are skipped; with `validate`, each is checked with
    validate_session.
    
    Raises, for the first bad line, FormatError ("<path>:<line>:<column>: <pointer>: "
    for what does not read, "<path>:<line>: " for what does not validate), LimitError
    or VersionError; NotFoundError when the file cannot be read.
    """
def read_tables(path: str, options: TableOptions = ...) -> SessionTables:
    """
    Reads the "session/1" JSON Lines file at `path` into tables, streaming
    it in chunks parsed on options.threads threads with the GIL released;
    NotFoundError when it cannot be read.
    
    Raises FormatError for a line that does not parse or is not a valid
    "session/1" record (under OnError.FAIL; its message leads with
    "<source>:<line>:<column>: <JSON pointer>: "), VersionError for another kind or
    a newer version, LimitError for a line past a limit, ValueError for options
    that do not go together.
    """
def read_tables_from_store(store: Store, query: SessionQuery = ..., options: TableOptions = ...) -> SessionTables:
    """
    The tables of the sessions `query` selects from `store`, in the store's order
    (planned start, then id), read with the GIL released; meanwhile other calls on
    the store raise StateError. Raises StoreError for a damaged or busy store.
    """
def read_tables_from_text(text: str, source: str = '<text>', options: TableOptions = ...) -> SessionTables:
    """
    Reads "session/1" JSON Lines text into tables, with the GIL released;
    `source` names it in errors.
    
    Raises FormatError for a line that does not parse or is not a valid
    "session/1" record (under OnError.FAIL; its message leads with
    "<source>:<line>:<column>: <JSON pointer>: "), VersionError for another kind or
    a newer version, LimitError for a line past a limit, ValueError for options
    that do not go together.
    """
def redact(session: Session, options: ExportOptions = ...) -> Session:
    """
    `session` with what `options` leave out removed: items are never dropped, only
    their text, so counts stay true.
    """
def redaction_name(redaction: Redaction) -> str:
    """
    The canonical name of `redaction`: "none", "confidential" or "evaluator".
    """
def redaction_of(options: ExportOptions) -> Redaction:
    """
    The redaction `options` ask for.
    """
def render_markdown(agenda: Agenda, lang: Lang | str) -> str:
    """
    `agenda` as a Markdown document in `lang`.
    """
def render_text(agenda: Agenda, lang: Lang | str) -> str:
    """
    `agenda` as plain text in `lang`.
    """
def roster_from_columns(person: collections.abc.Sequence[str], unit: collections.abc.Sequence[str], profession: collections.abc.Sequence[str], shift: collections.abc.Sequence[str], from_: collections.abc.Sequence[datetime.date], to: collections.abc.Sequence[datetime.date | None]) -> Roster:
    """
    A roster from equally long columns, one membership per row: shift a name
    ("day", "evening", "night", "unspecified" or ""), to None while it lasts.
    Raises ValueError naming a column of another length or an unknown shift, and
    FormatError ("members[<i>]: ...") for an empty person or unit, a membership
    that ends before it begins, or two of one person in one unit that overlap.
    """
def rrule_from_cadence(cadence: Cadence) -> RRule:
    """
    The rule that holds a format at `cadence`: every 2 weeks is FREQ=WEEKLY;INTERVAL=2,
    a count becomes COUNT, every n years FREQ=MONTHLY;INTERVAL=12n.
    """
def schedule_columns(schedule: Schedule) -> dict:
    """
    The occurrences of `schedule` as columns, numpy arrays built in one pass in C++:
    `entry` and `unit` (int32 indexes into the lists `entries` and `units`;
    `formats` holds each entry's format id), `start` and `end` (datetime64[us], UTC),
    `local_start`, `local_end` and `original` (datetime64[m] on the entry's local
    clock) and `expected_people` (int32). Needs numpy.
    """
def session_status_name(status: SessionStatus) -> str:
    """
    The canonical name of `status`: "held" or "cancelled".
    """
def severity_name(severity: Severity) -> str:
    """
    The canonical name of `severity`: "info", "warning" or "error".
    """
def shift_name(shift: Shift) -> str:
    """
    The canonical name of `shift`: "unspecified", "day", "evening" or "night".
    """
def step_budgets(tables: typing.Any, *, catalog: typing.Any = None, period: str = 'month', small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Each step of `tables` (one row per steps row) against its budget for the
    people present; catalog None: the built-in catalog.
    
    Returns the result table as a list of (name, role, values) columns in the C++
    order: role is "key", "people", "people-cell", "derived", "value" or "flag";
    values a numpy array (int64, float64 or uint8) or a list of str. A withheld count
    is -1, a withheld share NaN. small_cells is "suppress" (withhold counts of people
    from 1 to threshold - 1 and what derives from them), "flag" (only set
    `suppressed`) or "off".
    """
def step_change_op_name(op: StepChange.Op) -> str:
    """
    The canonical name of `op`: "add", "remove", "replace", "set-budget" or "set-prompts".
    """
def summarize_session(session: Session) -> str:
    """
    A one-line description of `session` that quotes no free text and masks ids.
    """
def suppress_columns(columns: list, *, small_cells: str = 'suppress', threshold: typing.SupportsInt | typing.SupportsIndex = 5, zero_is_small: bool = False) -> list:
    """
    Applies small-cell suppression (SuppressColumns) to a result given as the
    (name, role, values) columns the measures return, such as the columns of a
    measure computed in parts with small_cells="off" and then combined; returns
    the columns in the same form. small_cells and threshold as for the measures.
    Raises ValueError for an unknown role or columns of unequal length, TypeError
    for values that are neither a list of str nor an int64, float64 or uint8 array.
    """
def tables_from_sessions(sessions: collections.abc.Sequence[Session], options: TableOptions = ...) -> SessionTables:
    """
    The tables of `sessions`, in their order (built with the GIL released).
    """
def time_unit_name(unit: TimeUnit) -> str:
    """
    The canonical name of `unit`: "minute", "hour" or "day".
    """
@typing.overload
def to_json(format: Format) -> str:
    """
    The canonical JSON text of `format`, ending in a newline.
    """
@typing.overload
def to_json(variant: Variant) -> str:
    """
    The canonical JSON text of `variant`, ending in a newline.
    """
@typing.overload
def to_json(question_set: QuestionSet) -> str:
    """
    The canonical JSON text of `question_set`, ending in a newline.
    """
@typing.overload
def to_json(programme: Programme, calendar: WorkCalendar = ...) -> str:
    """
    The canonical JSON text of `programme` planned on `calendar`, ending in a newline.
    """
@typing.overload
def to_json(document: ProgrammeDocument) -> str:
    """
    The canonical JSON text of a programme document, ending in a newline.
    """
def to_json_line(session: Session, options: ExportOptions = ...) -> str:
    """
    `session`, redacted as `options` say (confidential text left out by default),
    as one line of "session/1" JSON without a newline at the end.
    """
def to_plan_definition(format: Format, status: PublicationStatus = ..., catalog: Catalog | None = None) -> str:
    """
    The FHIR R4 PlanDefinition of `format` as JSON text. `catalog` (None: the
    built-in one) resolves a step that is a whole format into nested actions.
    """
def to_questionnaire(question_set: QuestionSet, status: PublicationStatus = ...) -> str:
    """
    The FHIR R4 Questionnaire of `question_set` as JSON text: an item of type
    "display" per prompt, linkId = the prompt's id.
    """
def to_xapi_statements(session: Session, *, home_page: str, include_text: bool = False, catalog: Catalog | None = None) -> str:
    """
    The xAPI 1.0.3 statements of `session` as the JSON text of an array.
    
    Actors are accounts {homePage: home_page, name: pseudonym}. `include_text`
    adds the wording of proposed actions that are not confidential; confidential text
    is never included.
    Raises FormatError for a home_page that is not an http(s) IRI or a session
    that breaks its invariants.
    """
def uuid_v5(namespace: str, name: str) -> str:
    """
    The UUID v5 (RFC 4122, SHA-1) of `name` in the namespace `namespace`.
    """
def validate(format: Format, context: ValidationContext = ...) -> list[Diagnostic]:
    """
    Checks `format` and returns what it finds, errors first, each with a stable code.
    
    Codes: no-steps, duplicate-step-id, empty-step-id, non-positive-budget,
    inverted-range, negative-skip, budget-overrun, budget-underrun,
    open-budget-without-duration, fits-at-most, missing-role, too-many-of-role,
    facilitator-prerequisite-without-role, capacity-exceeded, below-capacity,
    inverted-capacity, unresolved-reference, reference-cycle, unknown-question-set,
    output-not-produced, unknown-role. Never raises for anything in `format`.
    """
def validate_programme(programme: Programme) -> None:
    """
    Raises FormatError when `programme` is not well formed (ids, parents, units,
    counts, recurrences), naming the place.
    """
def validate_session(session: Session) -> None:
    """
    Checks the invariants a stored session must keep.
    
    Raises FormatError, its message led by ``session "<id>": <path>:``, for an
    empty id or format id, a held session without an actual start, an end before
    its start, an empty or repeated participant or action id, a history that goes
    backwards, or feedback outside 1-5 or repeated. Empty texts are allowed.
    """
def variant_to_plan_definition(variant: Variant, catalog: Catalog, status: PublicationStatus = ...) -> str:
    """
    The PlanDefinition of the format `variant` derives from its base in `catalog`,
    its lineage as relatedArtifact of type "derived-from". Raises NotFoundError
    when the base is not in `catalog`, FormatError when a change does not fit it.
    """
def weekday_code(weekday: Weekday) -> str:
    """
    The RFC 5545 two-letter code of `weekday`: "MO" ... "SU".
    """
def write_sessions(path: str, sessions: collections.abc.Sequence[Session], options: ExportOptions = ...) -> int:
    """
    Writes `sessions` to the file `path` as "session/1" JSON Lines, redacted as
    `options` say; returns how many. The file is created, or replaced, readable and
    writable by its owner only.
    
    Raises FormatError for a session that fails validate_session; NotFoundError or
    StoreError when the file cannot be created.
    """
def write_simulation(directory: os.PathLike | str | bytes, *, units: typing.SupportsInt | typing.SupportsIndex = 12, years: typing.SupportsInt | typing.SupportsIndex = 1, start_year: typing.SupportsInt | typing.SupportsIndex = 2026, seed: typing.SupportsInt | typing.SupportsIndex = 1, municipality: str = 'Syntetisk Kommune', rates: SimulationRates = ..., json_lines: bool = False, overwrite: bool = False, progress: collections.abc.Callable[[int, int], None] | None = None) -> dict[str, typing.Any]:
    """
    Simulates `units` units for `years` years from `start_year` into `directory`
    (created when missing): the sessions ("sessions.db", or "sessions.jsonl" with
    `json_lines`), "roster.csv" and "programme.json"; returns a dict of the files
    ("sessions_file", "roster_file", "programme_file"), "municipality_id",
    "partners" and "counts" (a dict of the carelearn::SimulationCounts fields).
    
    `progress(done, total)` is called every 1,000 sessions and at the end; an
    exception it raises (or Ctrl-C) stops the simulation and is raised here.
    Raises carelearn.AlreadyExistsError for an earlier data set there without
    `overwrite`, carelearn.FormatError for options out of range, carelearn.NotFoundError
    when a file cannot be written. The GIL is released while it runs.
    """
def xapi_format_iri(id: str, version: typing.SupportsInt | typing.SupportsIndex) -> str:
    """
    The IRI of the activity of format `id` at `version`.
    """
def xapi_registration(session_id: str) -> str:
    """
    The context.registration of a session's statements: a UUID v5 of its id.
    """
SESSION_DOCUMENT: str = 'session/1'
__version__: str = '0.1.0'
