"""
carelearn._core: the C++ library carelearn bound for Python.

A thin skin over the C++ API; use the package `carelearn`, which adds the
pythonic conveniences, rather than this module directly.
"""
from __future__ import annotations
import collections.abc
import datetime
import enum
import typing
__all__: list[str] = ['Agenda', 'AgendaItem', 'AgendaOptions', 'Cadence', 'Capacity', 'Catalog', 'Component', 'DeclaredOutput', 'Diagnostic', 'Difference', 'ErrorLocation', 'Format', 'FormatRef', 'Lang', 'MinuteRange', 'OutputKind', 'ParseOptions', 'Participation', 'Period', 'Place', 'Prerequisite', 'Prompt', 'QuestionSet', 'Role', 'RoleRequirement', 'Setting', 'Severity', 'Step', 'StepChange', 'Text', 'TimeBudget', 'TimeUnit', 'ValidationContext', 'Variant', 'WorkingDay', 'add_to_catalog', 'apply_variant', 'builtin_roles', 'canonical_extensions', 'describe_budget', 'diff', 'difference_kind_name', 'find_builtin_role', 'format_diagnostic', 'has_errors', 'lang_code', 'load_document', 'load_format', 'load_question_set', 'load_variant', 'max_participants_that_fit', 'output_kind_name', 'parse_document', 'parse_format', 'parse_lang', 'parse_output_kind', 'parse_participation', 'parse_period', 'parse_place', 'parse_question_set', 'parse_severity', 'parse_step_change_op', 'parse_time_unit', 'parse_variant', 'participation_name', 'period_name', 'place_name', 'plan_agenda', 'render_markdown', 'render_text', 'severity_name', 'step_change_op_name', 'time_unit_name', 'to_json', 'validate']
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
    def __repr__(budget: typing.Any) -> str:
        """
        ``TimeBudget.fixed(5)``, ``TimeBudget.per_participant(1, 1, about=True)``, ...
        """
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
    @typing.overload
    def __init__(self, *, catalog: Catalog = None, participants: typing.SupportsInt | typing.SupportsIndex | None = None, roles_present: collections.abc.Mapping[str, typing.SupportsInt | typing.SupportsIndex] = {}, day: WorkingDay = ...) -> None:
        """
        A context from its fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: ValidationContext) -> None:
        """
        A copy of `other`, sharing its catalog.
        """
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
    @typing.overload
    def __init__(self, *, catalog: Catalog = None, day: WorkingDay = ...) -> None:
        """
        Options from their fields, all keyword arguments.
        """
    @typing.overload
    def __init__(self, other: AgendaOptions) -> None:
        """
        A copy of `other`, sharing its catalog.
        """
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
        ...
    def __deepcopy__(self, memo: dict[int, typing.Any]) -> typing.Any:
        ...
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
    def __reduce__(self) -> tuple[typing.Callable[..., typing.Any], tuple[typing.Any, ...]]:
        ...
    def __repr__(self) -> str:
        """
        ``ClassName(field=value, ...)`` with the fields that differ from the default.
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
def _set_exception_types(error: typing.Any, format_error: typing.Any, not_found: typing.Any, limit: typing.Any, version: typing.Any, already_exists: typing.Any) -> None:
    """
    Hands the module the carelearn.Error classes it raises (called once by carelearn).
    
    Each is called as `cls(message, path=..., line=..., column=...)`, the location
    given only for a loader's error.
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
def canonical_extensions(json: str, options: ParseOptions = ...) -> str:
    """
    The canonical text of the JSON object `json`, as the `extensions` fields hold
    it (2-space indentation, keys in their order); "" for {}.
    
    Raises FormatError for invalid JSON or a value that is not an object.
    """
def describe_budget(budget: TimeBudget) -> str:
    """
    `budget` as short text: "5 min", "1-2 min", "ca. 1 min each", "open".
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
def find_builtin_role(id: str) -> Role | None:
    """
    The built-in role with `id`, or None.
    """
def format_diagnostic(diagnostic: Diagnostic, lang: Lang | str) -> str:
    """
    `diagnostic` on one line in `lang`: "<severity> <code> at <path>: <message>".
    """
def has_errors(diagnostics: collections.abc.Sequence[Diagnostic]) -> bool:
    """
    True when any of `diagnostics` is an error.
    """
def lang_code(lang: Lang) -> str:
    """
    The ISO 639-1 code of `lang`: "da" or "en".
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
def load_question_set(path: str, options: ParseOptions = ...) -> QuestionSet:
    """
    Reads and parses the "question-set/1" file at `path`.
    
    Raises NotFoundError when the file cannot be read. Otherwise as parse_format.
    """
def load_variant(path: str, options: ParseOptions = ...) -> Variant:
    """
    Reads and parses the "variant/1" file at `path`.
    
    Raises NotFoundError when the file cannot be read. Otherwise as parse_format.
    """
def max_participants_that_fit(format: Format, longest: bool, day: WorkingDay = ...) -> int | None:
    """
    The largest number of participants for which the steps fit the planned
    duration when each takes its longest (`longest` True) or its shortest time.
    
    None when the format has no planned duration or no step depends on the count.
    """
def output_kind_name(kind: OutputKind) -> str:
    """
    The canonical name of `kind`, e.g. "learning-point".
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
def parse_lang(code: str) -> Lang | None:
    """
    Parses an ISO 639-1 code ("da" or "en", any case); None when unknown.
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
def parse_question_set(json: str, options: ParseOptions = ...) -> QuestionSet:
    """
    Parses a "question-set/1" document.
    
    Raises FormatError (a ValueError) for a syntax error, a duplicate or unknown
    key, a missing key, a wrong type or a number out of range; LimitError when
    the document passes a limit of `options`; VersionError for a document of
    another kind or a newer schema version. Each message is led by
    "<source>:<line>:<column>: <pointer>: ".
    """
def parse_severity(name: str) -> Severity | None:
    """
    Parses a canonical severity name; None when unknown.
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
def participation_name(participation: Participation) -> str:
    """
    The canonical name of `participation`, e.g. "round" or "plenary".
    """
def period_name(period: Period) -> str:
    """
    The canonical name of `period`: "day", "week", "month" or "year".
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
def render_markdown(agenda: Agenda, lang: Lang | str) -> str:
    """
    `agenda` as a Markdown document in `lang`.
    """
def render_text(agenda: Agenda, lang: Lang | str) -> str:
    """
    `agenda` as plain text in `lang`.
    """
def severity_name(severity: Severity) -> str:
    """
    The canonical name of `severity`: "info", "warning" or "error".
    """
def step_change_op_name(op: StepChange.Op) -> str:
    """
    The canonical name of `op`: "add", "remove", "replace", "set-budget" or "set-prompts".
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
__version__: str = '0.1.0'
