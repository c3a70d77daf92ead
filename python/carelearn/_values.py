"""Value behaviour shared by every model type: a constructor-like ``repr``,
``copy``/``deepcopy`` and pickling.

The classes of :mod:`carelearn._core` are plain values whose fields are
read-write properties and whose keyword constructors take those same names.
This module gives them, from those properties alone:

* ``repr(x)`` that reads like the call that builds ``x``, leaving out the
  fields that keep their default (``Text(da='Runde', en='Round')``);
  ``TimeBudget`` reads like its named constructors (``TimeBudget.fixed(5)``);
* ``copy.copy(x)`` and ``copy.deepcopy(x)`` (the C++ copy: values share nothing);
* pickling, field by field.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable
from typing import Any

from . import _core

__all__ = ["constructor_repr", "fields_of", "install", "install_values"]

_FIELDS: dict[type, tuple[str, ...]] = {}
_DEFAULTS: dict[type, object] = {}


def fields_of(cls: type) -> tuple[str, ...]:
    """The names of the fields of the model type ``cls``, in declaration order."""
    cached = _FIELDS.get(cls)
    if cached is not None:
        return cached
    names: list[str] = []
    for klass in reversed(cls.__mro__):
        if klass.__module__ != _core.__name__:
            continue
        for name, attribute in vars(klass).items():
            if isinstance(attribute, property) and name not in names:
                names.append(name)
    result = tuple(names)
    _FIELDS[cls] = result
    return result


def _default_of(cls: type) -> object:
    if cls not in _DEFAULTS:
        _DEFAULTS[cls] = cls()
    return _DEFAULTS[cls]


def _enum_name(value: enum.Enum) -> str:
    return f"{type(value).__qualname__}.{value.name}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def value_repr(value: object) -> str:
    """The repr of a field's value, as it would be written in a constructor call."""
    if isinstance(value, enum.Enum):
        return _enum_name(value)
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(value_repr(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{k!r}: {value_repr(v)}" for k, v in value.items()) + "}"
        )
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None or value.second or value.microsecond:
            return repr(value)  # an instant: datetime.datetime(..., tzinfo=...)
        return f"datetime.datetime({value.year}, {value.month}, {value.day}, {value.hour}, {value.minute})"
    return repr(value)


def _equal(a: object, b: object) -> bool:
    try:
        return bool(a == b)
    except TypeError:
        return False


def constructor_repr(self: object) -> str:
    """``ClassName(field=value, ...)`` with the fields that differ from the default."""
    cls = type(self)
    default = _default_of(cls)
    parts = []
    for name in fields_of(cls):
        value = getattr(self, name)
        if _equal(value, getattr(default, name)):
            continue
        parts.append(f"{name}={value_repr(value)}")
    return f"{cls.__name__}({', '.join(parts)})"


def _budget_repr(budget: object) -> str:
    """``TimeBudget.fixed(5)``, ``TimeBudget.per_participant(1, 1, about=True)``, ..."""
    assert isinstance(budget, _core.TimeBudget)
    self = budget
    kind = self.kind
    unit = "" if self.unit == _core.TimeUnit.MINUTE else f", {_enum_name(self.unit)}"
    about = ", about=True" if self.about else ""
    if kind == _core.TimeBudget.Kind.OPEN:
        if (
            self.about
            or self.min
            or self.max
            or self.skip
            or self.unit != _core.TimeUnit.MINUTE
        ):
            return constructor_repr(self)
        return "TimeBudget.open()"
    if kind == _core.TimeBudget.Kind.FIXED and self.min == self.max:
        call = f"TimeBudget.fixed({_number(self.min)}{unit}{about})"
    elif kind == _core.TimeBudget.Kind.RANGE:
        call = (
            f"TimeBudget.range({_number(self.min)}, {_number(self.max)}{unit}{about})"
        )
    elif kind == _core.TimeBudget.Kind.PER_PARTICIPANT:
        call = f"TimeBudget.per_participant({_number(self.min)}, {_number(self.max)}{unit}{about})"
    else:
        return constructor_repr(self)
    if self.skip:
        if kind != _core.TimeBudget.Kind.PER_PARTICIPANT:
            return constructor_repr(self)
        call += f".skipping({self.skip})"
    return call


def _rebuild(cls: type, state: dict[str, Any]) -> object:
    obj = cls()
    for name, value in state.items():
        setattr(obj, name, value)
    return obj


def _reduce(self: object) -> tuple[Callable[..., object], tuple[object, ...]]:
    return (
        _rebuild,
        (type(self), {name: getattr(self, name) for name in fields_of(type(self))}),
    )


def _copy(self: object) -> object:
    return type(self)(self)  # type: ignore[call-arg]


def _deepcopy(self: object, memo: dict[int, object]) -> object:
    return type(self)(self)  # type: ignore[call-arg]


# The model types that are plain values. Catalog is not among them: its
# contents are not fields, and carelearn.Catalog defines its own behaviour.
_VALUE_TYPES: tuple[type, ...] = (
    _core.Text,
    _core.WorkingDay,
    _core.MinuteRange,
    _core.TimeBudget,
    _core.Role,
    _core.RoleRequirement,
    _core.Prompt,
    _core.QuestionSet,
    _core.FormatRef,
    _core.Step,
    _core.Prerequisite,
    _core.Setting,
    _core.Capacity,
    _core.Cadence,
    _core.DeclaredOutput,
    _core.Component,
    _core.Format,
    _core.StepChange,
    _core.Variant,
    _core.Difference,
    _core.Diagnostic,
    _core.ValidationContext,
    _core.AgendaItem,
    _core.Agenda,
    _core.AgendaOptions,
    _core.ParseOptions,
    _core.ErrorLocation,
)

# Enums nested in a class: give them their dotted qualified name, so that
# their repr reads as written and pickle finds them.
_NESTED_ENUMS: tuple[tuple[type, str], ...] = (
    (_core.TimeBudget, "Kind"),
    (_core.StepChange, "Op"),
    (_core.Difference, "Kind"),
)


def install_values(classes: Iterable[type]) -> None:
    """Gives the value types ``classes`` of :mod:`carelearn._core` a
    constructor-like repr, copy, deepcopy and pickling, field by field."""
    for cls in classes:
        cls.__repr__ = constructor_repr  # type: ignore[assignment,method-assign]
        cls.__copy__ = _copy  # type: ignore[attr-defined]
        cls.__deepcopy__ = _deepcopy  # type: ignore[attr-defined]
        cls.__reduce__ = _reduce  # type: ignore[assignment,method-assign]


def install() -> None:
    """Gives the model types of :mod:`carelearn._core` their value behaviour."""
    for owner, name in _NESTED_ENUMS:
        nested = getattr(owner, name)
        nested.__qualname__ = f"{owner.__qualname__}.{name}"
    install_values(_VALUE_TYPES)
    _core.TimeBudget.__repr__ = _budget_repr  # type: ignore[method-assign]
