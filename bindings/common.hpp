// bindings/common.hpp
//
// What the binding translation units of carelearn._core share: the one place
// that turns an absl::Status into a Python exception, the conversion of
// absl::CivilMinute to and from datetime.datetime, and a helper that binds a
// std::vector member as a tuple-valued property.
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

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "carelearn/model/text.hpp"

namespace carelearn::bindings {

namespace py = pybind11;

/// Raises the carelearn.Error subclass that matches `status`'s code, with its
/// message and, for a loader's error, the location (path, line, column).
///
/// The exception classes are defined in Python (carelearn/_errors.py) and
/// handed to the module by `_set_exception_types`; until then a RuntimeError
/// is raised. `status` must not be OK.
[[noreturn]] void ThrowStatus(const absl::Status& status);

/// Raises for a non-OK `status`; does nothing for OK.
inline void ThrowIfError(const absl::Status& status) {
  if (!status.ok()) ThrowStatus(status);
}

/// The value of `result`, or raises its error.
template <typename T>
T Unwrap(absl::StatusOr<T> result) {
  if (!result.ok()) ThrowStatus(result.status());
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

/// A language argument: a Lang, or its ISO 639-1 code ("da" or "en").
struct LangArg {
  Lang lang = Lang::kEn;  ///< The language.
};

// The binding units, each adding its part of the module.
void BindErrors(py::module_& m);
void BindModel(py::module_& m);
void BindPlan(py::module_& m);
void BindIo(py::module_& m);

}  // namespace carelearn::bindings

namespace pybind11::detail {

/// absl::CivilMinute <-> datetime.datetime (naive, seconds dropped on the way in).
template <>
struct type_caster<absl::CivilMinute> {
 public:
  PYBIND11_TYPE_CASTER(absl::CivilMinute, const_name("datetime.datetime"));

  bool load(handle src, bool /*convert*/) {
    if (!src) return false;
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    if (!PyDateTime_Check(src.ptr())) return false;
    value = absl::CivilMinute(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                              PyDateTime_GET_DAY(src.ptr()), PyDateTime_DATE_GET_HOUR(src.ptr()),
                              PyDateTime_DATE_GET_MINUTE(src.ptr()));
    return true;
  }

  static handle cast(const absl::CivilMinute& t, return_value_policy /*policy*/,
                     handle /*parent*/) {
    if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
    return PyDateTime_FromDateAndTime(static_cast<int>(t.year()), t.month(), t.day(), t.hour(),
                                      t.minute(), 0, 0);
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
    if (!isinstance<str>(src)) return false;
    const std::string code = src.cast<std::string>();
    std::optional<carelearn::Lang> lang = carelearn::ParseLang(code);
    if (!lang) throw value_error("unknown language \"" + code + "\"; expected \"da\" or \"en\"");
    value.lang = *lang;
    return true;
  }
};

}  // namespace pybind11::detail

#endif  // CARELEARN_BINDINGS_COMMON_HPP_
