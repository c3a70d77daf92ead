// bindings/common.hpp
//
// What the binding translation units of carelearn._core share: the one place
// that turns an absl::Status into a Python exception, the conversions of
// absl::CivilMinute (naive datetime.datetime), absl::Time (aware
// datetime.datetime, UTC on the way out), absl::Duration (datetime.timedelta)
// and absl::CivilDay (datetime.date), and a helper that binds a std::vector
// member as a tuple-valued property.
//
// The bindings are a thin skin: they call the C++ library and convert values,
// nothing more. Everything pythonic beyond that lives in python/carelearn/.
#ifndef CARELEARN_BINDINGS_COMMON_HPP_
#define CARELEARN_BINDINGS_COMMON_HPP_

#include <pybind11/native_enum.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/typing.h>

// After pybind11, which includes Python.h first as the C API requires.
#include <datetime.h>

#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "carelearn/model/text.hpp"

namespace carelearn::bindings {

namespace py = pybind11;

/// Where a status comes from, when that decides its class.
enum class Source {
  /// Any part of the library but the store.
  kLibrary,
  /// The store: a failure of the database or the file under it (kInternal,
  /// kUnknown, kResourceExhausted such as a full disk, kDataLoss,
  /// kUnavailable, kPermissionDenied, kAborted) is carelearn.StoreError,
  /// unless the status locates a reader's error in a document.
  kStore,
};

/// Raises the carelearn.Error subclass that matches `status`'s code, with its
/// message and, for a reader's error, the location (path, line, column). A
/// kFailedPrecondition raises VersionError when the status is marked
/// `IsVersionMismatch` (another kind of document, a newer version), and
/// StateError otherwise (a call the object's state does not allow); `source`
/// says whether the store's failures are StoreError; kOutOfRange (a value
/// Python cannot hold) is LimitError.
///
/// The exception classes are defined in Python (carelearn/_errors.py) and
/// handed to the module by `_set_exception_types`; until then a RuntimeError
/// is raised. `status` must not be OK.
[[noreturn]] void ThrowStatus(const absl::Status& status, Source source = Source::kLibrary);

/// Raises for a non-OK `status`; does nothing for OK.
inline void ThrowIfError(const absl::Status& status, Source source = Source::kLibrary) {
  if (!status.ok()) ThrowStatus(status, source);
}

/// The value of `result`, or raises its error.
template <typename T>
T Unwrap(absl::StatusOr<T> result, Source source = Source::kLibrary) {
  if (!result.ok()) ThrowStatus(result.status(), source);
  return *std::move(result);
}

/// Binds the std::vector member `member` of `C` as the property `name`: reading
/// gives a tuple of copies (the model is made of values), writing takes any
/// sequence and replaces the whole list.
template <typename C, typename T, typename... Options>
void TupleField(py::class_<C, Options...>& cls, const char* name, std::vector<T> C::*member,
                const char* doc) {
  cls.def_property(
      name,
      [member](const C& self) {
        const std::vector<T>& values = self.*member;
        py::typing::Tuple<T, py::ellipsis> out(values.size());
        for (std::size_t i = 0; i < values.size(); ++i) out[i] = py::cast(values[i]);
        return out;
      },
      [member](C& self, std::vector<T> values) { self.*member = std::move(values); }, doc);
}

/// `value`, an object given for an optional `T` (a catalog, a clock, a key),
/// as a pointer: nullptr for None. Raises TypeError naming `argument`
/// (`"Runner(): clock"`) for an object of another type.
template <typename T>
const T* OptionalPointer(const py::handle& value, const char* argument) {
  if (value.is_none()) return nullptr;
  if (!py::isinstance<T>(value)) {
    throw py::type_error(std::string(argument) + " must be a " +
                         py::type::of<T>().attr("__name__").template cast<std::string>() +
                         " or None, not " + Py_TYPE(value.ptr())->tp_name);
  }
  return value.cast<const T*>();
}

/// Binds the copy constructor, so that `T(other)` copies a value.
template <typename C, typename... Options>
void CopyConstructor(py::class_<C, Options...>& cls) {
  cls.def(py::init<const C&>(), py::arg("other"), "A copy of `other`.");
}

/// The result of `==` or `!=` on a value: a bool, or NotImplemented when the
/// other operand is of another type (so Python tries the reflected operation).
/// Shown as `bool` in signatures, which is what the comparison gives a caller.
struct Comparison {
  py::object result;  ///< Py_True, Py_False or Py_NotImplemented.
};

/// Binds `==` and `!=` to C++'s operator== on `C`, taking any object as the
/// other operand. Values are mutable, so they are not hashable.
template <typename C, typename... Options>
void ValueEquality(py::class_<C, Options...>& cls) {
  cls.def(
      "__eq__",
      [](const C& self, const py::object& other) {
        if (!py::isinstance<C>(other)) {
          return Comparison{py::reinterpret_borrow<py::object>(Py_NotImplemented)};
        }
        return Comparison{py::bool_(self == other.cast<const C&>())};
      },
      py::arg("other"), "True when every field is equal.");
  cls.def(
      "__ne__",
      [](const C& self, const py::object& other) {
        if (!py::isinstance<C>(other)) {
          return Comparison{py::reinterpret_borrow<py::object>(Py_NotImplemented)};
        }
        return Comparison{py::bool_(!(self == other.cast<const C&>()))};
      },
      py::arg("other"), "True when any field differs.");
}

/// `self` as the call that builds it, `Name(field=value, ...)`, leaving out the
/// fields that keep their default (values.cpp).
std::string ConstructorRepr(const py::handle& self);

/// A float as a constructor argument: `5` for 5.0, `0.5` for 0.5.
std::string NumberRepr(double value);

/// A field's value as it would be written in a constructor call: an enum
/// member as `Kind.NAME`, a float as NumberRepr, a tuple as a list, a local
/// time to the minute as `datetime.datetime(2026, 3, 4, 14, 0)`, any other
/// value as its repr.
std::string FieldRepr(const py::handle& value);

/// `(_core._value, (type(self), {field: value, ...}))`: what pickle needs to
/// rebuild a value (values.cpp).
py::tuple ReduceByFields(const py::handle& self);

/// Gives the value type `C` its value behaviour, in one place: a repr that
/// reads like the call that builds it (ConstructorRepr), `copy.copy`,
/// `copy.deepcopy` (the C++ copy: values share nothing), pickling field by
/// field, and, when `C` has an operator==, `==` and `!=` (ValueEquality).
///
/// The class must have a keyword constructor whose every argument has a
/// default and takes a field's name, and a copy constructor (CopyConstructor).
/// A class with its own `__repr__` or `__reduce__` binds it before this call,
/// which then leaves it alone.
template <typename C, typename... Options>
void BindValue(py::class_<C, Options...>& cls) {
  if constexpr (std::equality_comparable<C>) ValueEquality(cls);
  const py::object own = cls.attr("__dict__");
  if (!own.contains("__repr__")) {
    cls.def(
        "__repr__", [](const py::object& self) { return ConstructorRepr(self); },
        "The call that builds this value, leaving out the fields that keep their default.");
  }
  cls.def(
         "__copy__", [](const py::object& self) { return py::type::handle_of(self)(self); },
         "A copy that shares nothing with this value.")
      .def(
          "__deepcopy__",
          [](const py::object& self, const py::dict& /*memo*/) {
            return py::type::handle_of(self)(self);
          },
          py::arg("memo"), "A copy that shares nothing with this value.");
  if (!own.contains("__reduce__")) {
    cls.def(
        "__reduce__", [](const py::object& self) { return ReduceByFields(self); },
        "Pickles the value field by field.");
  }
}

/// Names the enum `name` nested in `cls` by its dotted path (`TimeBudget.Kind`),
/// so that its members read as written and pickle finds them.
template <typename C, typename... Options>
void QualifyNestedEnum(py::class_<C, Options...>& cls, const char* name) {
  cls.attr(name).attr("__qualname__") =
      py::str(cls.attr("__qualname__").template cast<std::string>() + "." + name);
}

/// A number argument that must be finite, such as an amount of minutes: NaN
/// or an infinity is refused, and the error names the argument.
struct Finite {
  double value = 0;                          ///< The number.
  operator double() const { return value; }  // NOLINT(google-explicit-constructor)
};

/// A language argument: a Lang, or its ISO 639-1 code ("da" or "en").
struct LangArg {
  Lang lang = Lang::kEn;  ///< The language.
};

/// Notes why a converter refuses `value` when its type does not show it (a
/// naive datetime where an instant is needed). If no signature accepts the
/// call, the error names the argument and gives `reason` (arguments.cpp).
void Complain(const py::handle& value, std::string reason);

// The binding units, each adding its part of the module.
void BindErrors(py::module_& m);
void BindModel(py::module_& m);
void BindPlan(py::module_& m);
void BindIo(py::module_& m);
void BindRecord(py::module_& m);
void BindStore(py::module_& m);
void BindSchedule(py::module_& m);
/// Routes every function of `m` through the diagnosis of refused arguments;
/// bound last, when every function is there.
void BindArgumentDiagnosis(py::module_& m);
/// Binds `_value`, which rebuilds a pickled value (see ReduceByFields).
void BindValues(py::module_& m);
/// Binds the analysis tables (read_tables and the Arrow export).
void BindAnalysis(py::module_& m);
/// Binds `simulate` and its options.
void BindSimulate(py::module_& m);
/// Binds the evaluator's measures (cadence, reach, fidelity, ...) and rosters.
void BindMetrics(py::module_& m);

}  // namespace carelearn::bindings

namespace pybind11::detail {

/// absl::CivilMinute <-> datetime.datetime (naive, seconds dropped on the way
/// in; an aware datetime is refused, since a local time's zone is given apart).
/// A time outside datetime's years 1-9999 raises LimitError on the way out.
template <>
struct type_caster<absl::CivilMinute> {
 public:
  PYBIND11_TYPE_CASTER(absl::CivilMinute, const_name("datetime.datetime"));

  bool load(handle src, bool /*convert*/) {
    if (!src) return false;
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    if (!PyDateTime_Check(src.ptr())) return false;
    if (!src.attr("utcoffset")().is_none()) {
      carelearn::bindings::Complain(
          src,
          "a local time is a naive datetime (the wall clock where it happens); this one "
          "names a time zone");
      return false;
    }
    value = absl::CivilMinute(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                              PyDateTime_GET_DAY(src.ptr()), PyDateTime_DATE_GET_HOUR(src.ptr()),
                              PyDateTime_DATE_GET_MINUTE(src.ptr()));
    return true;
  }

  static handle cast(const absl::CivilMinute& t, return_value_policy /*policy*/,
                     handle /*parent*/) {
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    if (t.year() < 1 || t.year() > 9999) {
      carelearn::bindings::ThrowStatus(
          absl::OutOfRangeError("the local time " + absl::FormatCivilTime(t) +
                                " is outside the years 1-9999 that datetime.datetime can hold"));
    }
    return PyDateTime_FromDateAndTime(static_cast<int>(t.year()), t.month(), t.day(), t.hour(),
                                      t.minute(), 0, 0);
  }
};

/// absl::Time <-> datetime.datetime, aware: any time zone on the way in (a
/// naive datetime is refused, since it names no instant), UTC on the way out,
/// to the microsecond (finer parts are dropped towards the past). A time
/// outside datetime's years 1-9999 raises LimitError on the way out.
template <>
struct type_caster<absl::Time> {
 public:
  PYBIND11_TYPE_CASTER(absl::Time, const_name("datetime.datetime"));

  bool load(handle src, bool /*convert*/) {
    if (!src) return false;
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    if (!PyDateTime_Check(src.ptr())) return false;
    object offset = src.attr("utcoffset")();
    if (offset.is_none()) {
      carelearn::bindings::Complain(
          src,
          "a naive datetime names no instant: give it a tzinfo, e.g. "
          "datetime.timezone.utc or zoneinfo.ZoneInfo(\"Europe/Copenhagen\")");
      return false;
    }
    const absl::CivilSecond local(
        PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
        PyDateTime_GET_DAY(src.ptr()), PyDateTime_DATE_GET_HOUR(src.ptr()),
        PyDateTime_DATE_GET_MINUTE(src.ptr()), PyDateTime_DATE_GET_SECOND(src.ptr()));
    value = absl::FromCivil(local, absl::UTCTimeZone()) +
            absl::Microseconds(PyDateTime_DATE_GET_MICROSECOND(src.ptr())) -
            DurationOf(offset.ptr());
    return true;
  }

  static handle cast(absl::Time t, return_value_policy /*policy*/, handle /*parent*/) {
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    const absl::TimeZone utc = absl::UTCTimeZone();
    if (t < absl::FromCivil(absl::CivilSecond(1, 1, 1, 0, 0, 0), utc) ||
        t >= absl::FromCivil(absl::CivilSecond(10000, 1, 1, 0, 0, 0), utc)) {
      carelearn::bindings::ThrowStatus(
          absl::OutOfRangeError("the time " + absl::FormatTime(t, utc) +
                                " is outside the years 1-9999 that datetime.datetime can hold"));
    }
    const absl::CivilSecond s = absl::ToCivilSecond(t, utc);
    // The part below a second is not negative, so truncating is flooring.
    const auto micros = static_cast<int>(absl::ToInt64Microseconds(t - absl::FromCivil(s, utc)));
    PyObject* out = PyDateTimeAPI->DateTime_FromDateAndTime(
        static_cast<int>(s.year()), s.month(), s.day(), s.hour(), s.minute(), s.second(), micros,
        PyDateTime_TimeZone_UTC, PyDateTimeAPI->DateTimeType);
    if (out == nullptr) throw error_already_set();
    return out;
  }

  /// The datetime.timedelta `delta` as an absl::Duration.
  static absl::Duration DurationOf(PyObject* delta) {
    return absl::Hours(24) * PyDateTime_DELTA_GET_DAYS(delta) +
           absl::Seconds(PyDateTime_DELTA_GET_SECONDS(delta)) +
           absl::Microseconds(PyDateTime_DELTA_GET_MICROSECONDS(delta));
  }
};

/// absl::Duration <-> datetime.timedelta, to the microsecond (finer parts are
/// dropped towards zero). An infinite or too long duration raises LimitError on
/// the way out.
template <>
struct type_caster<absl::Duration> {
 public:
  PYBIND11_TYPE_CASTER(absl::Duration, const_name("datetime.timedelta"));

  bool load(handle src, bool /*convert*/) {
    if (!src) return false;
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    if (!PyDelta_Check(src.ptr())) return false;
    value = type_caster<absl::Time>::DurationOf(src.ptr());
    return true;
  }

  static handle cast(absl::Duration d, return_value_policy /*policy*/, handle /*parent*/) {
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    if (d == absl::InfiniteDuration() || d == -absl::InfiniteDuration()) {
      carelearn::bindings::ThrowStatus(
          absl::OutOfRangeError("an infinite duration has no datetime.timedelta"));
    }
    const std::int64_t micros = absl::ToInt64Microseconds(d);
    const std::int64_t seconds = micros / 1000000;
    const std::int64_t days = seconds / 86400;
    if (days > 999999999 || days < -999999999) {
      carelearn::bindings::ThrowStatus(
          absl::OutOfRangeError("the duration is too long for datetime.timedelta"));
    }
    PyObject* out = PyDelta_FromDSU(static_cast<int>(days), static_cast<int>(seconds % 86400),
                                    static_cast<int>(micros % 1000000));
    if (out == nullptr) throw error_already_set();
    return out;
  }
};

/// absl::CivilDay <-> datetime.date (a datetime.datetime is not taken for a
/// date). A day outside datetime's years 1-9999 raises LimitError on the way out.
template <>
struct type_caster<absl::CivilDay> {
 public:
  PYBIND11_TYPE_CASTER(absl::CivilDay, const_name("datetime.date"));

  bool load(handle src, bool /*convert*/) {
    if (!src) return false;
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    if (!PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
    value = absl::CivilDay(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                           PyDateTime_GET_DAY(src.ptr()));
    return true;
  }

  static handle cast(const absl::CivilDay& d, return_value_policy /*policy*/, handle /*parent*/) {
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    if (d.year() < 1 || d.year() > 9999) {
      carelearn::bindings::ThrowStatus(absl::OutOfRangeError(
          "the date is outside the years 1-9999 that datetime.date can hold"));
    }
    PyObject* out = PyDate_FromDate(static_cast<int>(d.year()), d.month(), d.day());
    if (out == nullptr) throw error_already_set();
    return out;
  }
};

/// carelearn::bindings::Comparison -> bool or NotImplemented.
template <>
struct type_caster<carelearn::bindings::Comparison> {
 public:
  PYBIND11_TYPE_CASTER(carelearn::bindings::Comparison, const_name("bool"));

  bool load(handle /*src*/, bool /*convert*/) { return false; }

  static handle cast(const carelearn::bindings::Comparison& c, return_value_policy /*policy*/,
                     handle /*parent*/) {
    return c.result.inc_ref();
  }
};

/// carelearn::bindings::Finite <- a number that is not NaN or an infinity.
template <>
struct type_caster<carelearn::bindings::Finite> {
 public:
  PYBIND11_TYPE_CASTER(carelearn::bindings::Finite, make_caster<double>::name);

  bool load(handle src, bool convert) {
    make_caster<double> number;
    if (!number.load(src, convert)) return false;
    const double d = cast_op<double>(number);
    if (!std::isfinite(d)) {
      carelearn::bindings::Complain(src, repr(src).cast<std::string>() + " is not a finite number");
      return false;
    }
    value.value = d;
    return true;
  }

  static handle cast(carelearn::bindings::Finite f, return_value_policy /*policy*/,
                     handle /*parent*/) {
    return PyFloat_FromDouble(f.value);
  }
};

/// carelearn::bindings::LangArg <- Lang or "da"/"en" (any case).
template <>
struct type_caster<carelearn::bindings::LangArg> {
 public:
  PYBIND11_TYPE_CASTER(carelearn::bindings::LangArg, const_name("Lang | str"));

  bool load(handle src, bool convert) {
    make_caster<carelearn::Lang> as_enum;
    if (as_enum.load(src, convert)) {
      value.lang = cast_op<carelearn::Lang>(as_enum);
      return true;
    }
    if (!isinstance<str>(src)) {
      if (isinstance<bytes>(src)) {
        carelearn::bindings::Complain(src, "a language is a Lang or the text \"da\" or \"en\"");
      }
      return false;
    }
    make_caster<std::string> text;
    if (!text.load(src, false)) {
      carelearn::bindings::Complain(src, "a language code is \"da\" or \"en\"");
      return false;
    }
    const std::string code = cast_op<std::string>(text);
    std::optional<carelearn::Lang> lang = carelearn::ParseLang(code);
    if (!lang) {
      carelearn::bindings::Complain(src,
                                    "unknown language \"" + code + "\"; expected \"da\" or \"en\"");
      return false;
    }
    value.lang = *lang;
    return true;
  }
};

}  // namespace pybind11::detail

#endif  // CARELEARN_BINDINGS_COMMON_HPP_
