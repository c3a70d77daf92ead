"""Arguments checked at the boundary, with the argument's name in the message.

Two things live here:

* the checks the pythonic layer runs before it calls the C++ library
  (:func:`whole_number`, :func:`finite`), so that a number C++ cannot hold is
  refused with the name of the argument instead of wrapping around;
* :func:`diagnose`, which :mod:`carelearn._core` calls when none of a bound
  function's signatures accepts the arguments given, to replace pybind11's
  "incompatible function arguments" by a TypeError or ValueError that names
  the argument and says what it must be.
"""

from __future__ import annotations

import datetime
import math
import numbers
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import _core

__all__ = [
    "INT32",
    "clipped",
    "diagnose",
    "finite",
    "identifier_policy",
    "text",
    "whole_number",
]

INT32 = (-(2**31), 2**31 - 1)
"""The range of a C++ ``int``: what a count, a version or a rating is held in."""


def clipped(given: str, limit: int = 40) -> str:
    """``given`` for a message: as it is, or its first ``limit`` characters
    and "..." (a 1 MB argument is not quoted whole)."""
    return given if len(given) <= limit else given[:limit] + "..."


def _shown(value: object) -> str:
    """A short, safe text for ``value`` in a message."""
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) < 10**30:
            return str(value)
        digits = math.floor(abs(value).bit_length() * math.log10(2)) + 1
        return f"a number of about {digits} digits"
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a repr that fails must not hide the error
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 60 else text[:57] + "..."


def whole_number(
    value: object,
    name: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    """``value`` as an int that C++ can hold (:data:`INT32`), within
    [``minimum``, ``maximum``] when given.

    Raises TypeError naming ``name`` for a value that is not a whole number
    (a bool or a float is not), ValueError naming it for one out of range.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number (int), not {type(value).__name__}")
    number = int(value)
    low = INT32[0] if minimum is None else max(minimum, INT32[0])
    high = INT32[1] if maximum is None else min(maximum, INT32[1])
    if number < low:
        raise ValueError(f"{name}: {_shown(number)} is less than {low}")
    if number > high:
        raise ValueError(f"{name}: {_shown(number)} is more than {high}")
    return number


def text(value: object, name: str) -> str:
    """``value`` as text the C++ library can take: a str that is valid UTF-8.

    Raises TypeError naming ``name`` for a value that is not a str, and
    ValueError naming it for one that holds a lone surrogate (as a file name
    in another encoding does).
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(
            f"{name}: {error.reason} at character {error.start} (text must be encodable "
            "as UTF-8; a lone surrogate is not)"
        ) from None
    return value


def finite(value: object, name: str, *, minimum: float | None = None) -> float:
    """``value`` as a finite float, at least ``minimum`` when given.

    Raises TypeError naming ``name`` for a value that is not a real number,
    ValueError naming it for NaN, an infinity or one out of range.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"{name}: {_shown(value)} is too large") from None
    if not math.isfinite(number):
        raise ValueError(f"{name}: {number} is not a finite number")
    if minimum is not None and number < minimum:
        raise ValueError(f"{name}: {_shown(value)} is less than {minimum:g}")
    return number


# --- Why pybind11 refused a call ------------------------------------------------------------


def _split(text: str, separator: str = ",") -> list[str]:
    """``text`` split at ``separator`` outside brackets and quotes."""
    parts: list[str] = []
    depth = 0
    quote = ""
    current: list[str] = []
    for char in text:
        if quote:
            current.append(char)
            if char == quote:
                quote = ""
            continue
        if char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    tail = "".join(current).strip()
    if tail:
        parts.append(tail)
    return parts


class _Parameter:
    """One parameter of a bound signature: its name, its annotation, whether it
    has a default, and how it may be passed."""

    def __init__(self, text: str, keyword_only: bool) -> None:
        head, _, default = text.partition("=")
        self.has_default = bool(_)
        name, _, annotation = head.partition(":")
        self.name = name.strip()
        self.annotation = annotation.strip()
        self.keyword_only = keyword_only


def _parameters(signature: str) -> list[_Parameter] | None:
    """The parameters of ``"(a: int, *, b: str = '') -> None"``; None when
    the text cannot be read (``*args``, ``**kwargs``)."""
    if not signature.startswith("("):
        return None
    depth = 0
    for end, char in enumerate(signature):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth == 0:
            break
    inner = signature[1:end]
    parameters: list[_Parameter] = []
    keyword_only = False
    for part in _split(inner):
        if part == "*":
            keyword_only = True
            continue
        if part == "/":
            continue
        if part.startswith("*"):
            return None
        parameters.append(_Parameter(part, keyword_only))
    return parameters


def _bind(
    parameters: list[_Parameter], args: Sequence[object], kwargs: Mapping[str, object]
) -> list[tuple[_Parameter, object]] | None:
    """Pairs each argument given with its parameter, as Python would; None when
    the arguments do not fit the parameters' number and names."""
    positional = [p for p in parameters if not p.keyword_only]
    if len(args) > len(positional):
        return None
    bound = list(zip(positional, args, strict=False))
    names = {p.name: p for p in parameters}
    taken = {p.name for p, _ in bound}
    for key, value in kwargs.items():
        if key not in names or key in taken:
            return None
        bound.append((names[key], value))
        taken.add(key)
    if any(p.name not in taken and not p.has_default for p in parameters):
        return None
    return bound


def _type_named(path: str) -> type | None:
    """The class a dotted annotation names, from the modules that annotations use."""
    import collections.abc
    import os
    import typing

    from . import _core

    roots: dict[str, object] = {
        "carelearn._core": _core,
        "datetime": datetime,
        "collections.abc": collections.abc,
        "typing": typing,
        "os": os,
    }
    for prefix, module in roots.items():
        if path.startswith(prefix + "."):
            found: object = module
            for part in path[len(prefix) + 1 :].split("."):
                found = getattr(found, part, None)
            return found if isinstance(found, type) else None
    found = getattr(_core, path.split(".")[0], None)
    for part in path.split(".")[1:]:
        found = getattr(found, part, None)
    if isinstance(found, type):
        return found
    builtin = {"str": str, "bytes": bytes, "bool": bool, "int": int, "float": float}
    return builtin.get(path)


_NUMBER_WORDS = {
    "typing.SupportsInt": "a whole number (int)",
    "typing.SupportsIndex": "a whole number (int)",
    "typing.SupportsFloat": "a number",
    "int": "a whole number (int)",
    "float": "a number",
}


def _alternatives(annotation: str) -> list[str]:
    return _split(annotation, "|")


def _described(annotation: str) -> str:
    words = []
    for alternative in _alternatives(annotation):
        if alternative == "None":
            words.append("None")
            continue
        head = alternative.split("[", 1)[0]
        if head in _NUMBER_WORDS:
            word = _NUMBER_WORDS[head]
            if word == "a whole number (int)" and "a number" in words:
                continue
        elif head in ("collections.abc.Sequence", "collections.abc.Iterable", "list"):
            word = "a sequence (a list or a tuple)"
        elif head in ("collections.abc.Mapping", "dict"):
            word = "a mapping (a dict)"
        else:
            word = head.rsplit(".", 1)[-1] if head.startswith("carelearn._core.") else head
        if word not in words:
            words.append(word)
    return " or ".join(words)


Problem = tuple[type[Exception], str, bool]
"""What is wrong with an argument: the exception class, the message after its
name, and whether it is only a suspicion (a negative number where C++ may hold
an unsigned one), blamed when nothing else is."""


def _number_problem(value: object, whole: bool) -> Problem | None:
    if whole:
        try:
            number = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError, OverflowError):
            return None
        if INT32[0] <= number <= INT32[1]:
            if number >= 0:
                return None
            return (ValueError, f": {_shown(value)} is negative where it may not be", True)
        return (ValueError, f": {_shown(value)} is out of range for this argument", False)
    try:
        float(value)  # type: ignore[arg-type]
    except OverflowError:
        return (ValueError, f": {_shown(value)} is too large for a float", False)
    except (TypeError, ValueError):
        return None
    return None


def _problem(
    value: object, annotation: str, complaints: Sequence[tuple[object, str]]
) -> Problem | None:
    """What is wrong with ``value`` for ``annotation``, or None when it seems to
    fit; ``complaints`` are what the converters said of the values they refused."""
    complaint = next((text for obj, text in complaints if obj is value), None)
    if complaint is not None:
        return (ValueError, f": {complaint}", False)
    alternatives = _alternatives(annotation)
    if value is None and "None" in alternatives:
        return None
    near: Problem | None = None
    for alternative in alternatives:
        if alternative == "None":
            continue
        head, _, inner = alternative.partition("[")
        inner = inner[:-1] if inner.endswith("]") else inner
        if head in ("typing.Any", "object", "typing.Callable"):
            return None
        if head in ("typing.SupportsInt", "typing.SupportsIndex", "int"):
            if not isinstance(value, numbers.Integral) and not hasattr(value, "__index__"):
                continue
            problem = _number_problem(value, whole=True)
            if problem is None:
                return None
            near = near or problem
            continue
        if head in ("typing.SupportsFloat", "float"):
            if isinstance(value, numbers.Real) or hasattr(value, "__float__"):
                problem = _number_problem(value, whole=False)
                if problem is None:
                    return None
                near = near or problem
            continue
        if head in ("collections.abc.Sequence", "collections.abc.Iterable", "list", "tuple"):
            if isinstance(value, (str, bytes)) or not isinstance(value, Sequence | set | frozenset):
                continue
            element = _split(inner)[0] if inner else "typing.Any"
            for index, item in enumerate(value):
                wrong = _problem(item, element, complaints)
                if wrong is not None:
                    return (wrong[0], f"[{index}]{wrong[1]}", wrong[2])
            continue
        if head in ("collections.abc.Mapping", "dict"):
            if not isinstance(value, Mapping):
                continue
            key_type, value_type = (_split(inner) + ["typing.Any", "typing.Any"])[:2]
            for key, item in value.items():
                for part, annotation_part in ((key, key_type), (item, value_type)):
                    wrong = _problem(part, annotation_part, complaints)
                    if wrong is not None:
                        return (wrong[0], f"[{_shown(key)}]{wrong[1]}", wrong[2])
            continue
        wanted = _type_named(head)
        if wanted is None:
            return None  # an annotation this check does not know: do not guess
        if wanted is datetime.date and isinstance(value, datetime.datetime):
            continue
        if wanted is str and isinstance(value, (bytes, bytearray)):
            if [a for a in alternatives if a != "None"] == ["str"]:
                return None  # pybind11 takes bytes for std::string as they are
            continue  # a converter of its own ("Lang | str") takes text only
        if wanted is str and isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                return (
                    ValueError,
                    f": {error.reason} at character {error.start} (text must be "
                    "encodable as UTF-8; a lone surrogate is not)",
                    False,
                )
            return None
        if isinstance(value, wanted):
            return None
    if near is not None:
        return near
    return (TypeError, f" must be {_described(annotation)}, not {type(value).__name__}", False)


def diagnose(
    name: str,
    signatures: Sequence[str],
    args: Sequence[object],
    kwargs: Mapping[str, object] | None,
    complaints: Sequence[tuple[object, str]],
) -> Exception | None:
    """The error to raise instead of pybind11's "incompatible function
    arguments" for a call of ``name`` with ``args`` and ``kwargs``.

    ``signatures`` are the bound overloads, as pybind11 writes them;
    ``complaints`` pair an argument with what a converter found wrong with it
    (a naive datetime where an instant is needed, an unknown language code).
    Returns None when no single argument can be blamed, and pybind11's
    message stands.
    """
    given = dict(kwargs or {})
    found: list[tuple[int, str, Problem]] = []
    for signature in signatures:
        parameters = _parameters(signature)
        if parameters is None:
            continue
        bound = _bind(parameters, args, given)
        if bound is None:
            continue
        problems: list[tuple[str, Problem]] = []
        for parameter, value in bound:
            if parameter.name == "self":
                continue
            problem = _problem(value, parameter.annotation, complaints)
            if problem is not None:
                problems.append((parameter.name, problem))
        strong = [p for p in problems if not p[1][2]]
        if strong:
            found.append((len(strong), *strong[0]))
        elif problems:
            found.append((len(problems) + 1000, *problems[0]))
    if not found:
        return _arity(name, signatures, args, given)
    _, argument, (kind, text, _) = min(found, key=lambda item: item[0])
    return kind(f"{name}(): {argument}{text}")


def _arity(
    name: str, signatures: Sequence[str], args: Sequence[object], kwargs: Mapping[str, object]
) -> Exception | None:
    """The error for arguments that fit no signature in number or name: an
    unknown keyword, a missing argument, or too many positional ones, naming
    the parameters of the fullest signature."""
    readable = [p for p in (_parameters(s) for s in signatures) if p is not None]
    if not readable:
        return None
    parameters = max(readable, key=len)
    names = {p.name for p in parameters}
    for key in kwargs:
        if key not in names:
            known = ", ".join(p.name for p in parameters if p.name != "self")
            return TypeError(
                f"{name}(): unexpected keyword argument {key!r}; its arguments: {known}"
            )
    positional = [p.name for p in parameters if not p.keyword_only and p.name != "self"]
    given = len(args) - (len(parameters) - len([p for p in parameters if p.name != "self"]))
    if given > len(positional):
        listed = ", ".join(positional) or "none"
        plural = "" if len(positional) == 1 else "s"
        return TypeError(
            f"{name}(): takes {len(positional)} positional argument{plural} ({listed}), "
            f"{given} given"
        )
    bound = _bind(parameters, args, kwargs)
    if bound is None:
        taken = {p.name for p in parameters[: len(args)]} | set(kwargs)
        missing = [p.name for p in parameters if not p.has_default and p.name not in taken]
        if missing:
            return TypeError(f"{name}(): missing argument {missing[0]!r}")
    return None


def identifier_policy(value: object) -> _core.IdentifierPolicy:
    """``value`` as an :class:`~carelearn.IdentifierPolicy`: the member, or ``"warn"`` or ``"refuse"``."""
    from . import _core  # here: _core calls back into this module while it loads

    if isinstance(value, _core.IdentifierPolicy):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"identifiers must be an IdentifierPolicy or its name, not {type(value).__name__}"
        )
    parsed = _core.parse_identifier_policy(value)
    if parsed is None:
        raise ValueError(f'identifiers: unknown value "{clipped(value)}"; expected warn or refuse')
    return parsed
