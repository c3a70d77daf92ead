"""carelearn: the learning formats of Danish municipal health and social care
as composable protocol objects.

A format (the systematic learning meeting, the learning visit, ...) is a
value: its steps with their time budgets, roles, prompts and outputs. The
built-in catalog holds the formats of the source texts; you can derive local
variants, compare them, validate them for a number of people, plan them as an
agenda with clock times, and write your own, in JSON or from a dict.

Example::

    import carelearn

    catalog = carelearn.Catalog.builtin()
    meeting = catalog["systematic-learning-meeting"]
    agenda = carelearn.plan_agenda(meeting, 12, "2026-03-04T14:00")
    print(agenda)                       # the agenda, in English
    print(agenda.render(lang="da"))     # ... and in Danish
    for d in agenda.diagnostics:
        print(d)                        # error budget-overrun at duration: ...

The C++ library underneath is ``carelearn._core``; this package re-exports
its types and adds the pythonic layer (dict/JSON forms, files, pickling,
pandas tables, a command line: ``carelearn --help``).
"""

from __future__ import annotations

from . import _core, _errors, _values
from ._agenda import Agenda, plan_agenda, validate
from ._catalog import Catalog
from ._core import (
    AgendaItem,
    AgendaOptions,
    Cadence,
    Capacity,
    Component,
    DeclaredOutput,
    Diagnostic,
    Difference,
    ErrorLocation,
    FormatRef,
    Lang,
    MinuteRange,
    OutputKind,
    ParseOptions,
    Participation,
    Period,
    Place,
    Prerequisite,
    Prompt,
    Role,
    RoleRequirement,
    Setting,
    Severity,
    Step,
    StepChange,
    Text,
    TimeBudget,
    TimeUnit,
    ValidationContext,
    WorkingDay,
    builtin_roles,
    describe_budget,
    diff,
    find_builtin_role,
    format_diagnostic,
    has_errors,
    max_participants_that_fit,
    to_json,
)
from ._documents import (
    Document,
    Format,
    QuestionSet,
    Variant,
    apply_variant,
    load,
    loads,
)
from ._errors import (
    AlreadyExistsError,
    Error,
    FormatError,
    LimitError,
    NotFoundError,
    VersionError,
)
from ._text import LangLike, describe_cadence

_core._set_exception_types(
    error=_errors.Error,
    format_error=_errors.FormatError,
    not_found=_errors.NotFoundError,
    limit=_errors.LimitError,
    version=_errors.VersionError,
    already_exists=_errors.AlreadyExistsError,
)
_values.install()

__version__: str = _core.__version__
"""The library's version, "major.minor.patch"."""

__all__ = [
    "Agenda",
    "AgendaItem",
    "AgendaOptions",
    "AlreadyExistsError",
    "Cadence",
    "Capacity",
    "Catalog",
    "Component",
    "DeclaredOutput",
    "Diagnostic",
    "Difference",
    "Document",
    "Error",
    "ErrorLocation",
    "Format",
    "FormatError",
    "FormatRef",
    "Lang",
    "LangLike",
    "LimitError",
    "MinuteRange",
    "NotFoundError",
    "OutputKind",
    "ParseOptions",
    "Participation",
    "Period",
    "Place",
    "Prerequisite",
    "Prompt",
    "QuestionSet",
    "Role",
    "RoleRequirement",
    "Setting",
    "Severity",
    "Step",
    "StepChange",
    "Text",
    "TimeBudget",
    "TimeUnit",
    "ValidationContext",
    "Variant",
    "VersionError",
    "WorkingDay",
    "__version__",
    "apply_variant",
    "builtin_roles",
    "describe_budget",
    "describe_cadence",
    "diff",
    "find_builtin_role",
    "format_diagnostic",
    "has_errors",
    "load",
    "loads",
    "max_participants_that_fit",
    "plan_agenda",
    "to_json",
    "validate",
]
