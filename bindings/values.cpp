// bindings/values.cpp
//
// The value behaviour every model type shares, in one place: a repr that
// reads like the call that builds the value, and copying and pickling field by
// field. BindValue (common.hpp) gives a class these when it is bound.
//
// A value's fields are the read-write properties its binding defines (on its
// class and the bound classes above it), and its keyword constructor takes the
// same names; that is all the code below relies on.
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common.hpp"

namespace carelearn::bindings {
namespace {

/// What the repr and pickling of one class need: its fields in the order they
/// were bound, and a default-constructed value to leave unchanged fields out.
struct ValueClass {
  py::object type;                  ///< The class, kept so that its address stays its own.
  std::vector<std::string> fields;  ///< Property names, base classes' first.
  py::object defaults;              ///< `cls()`, or None when it cannot be built.
};

// Leaked on purpose, as the exception types in module.cpp: the objects must
// not be released after the interpreter has shut down.
std::unordered_map<PyTypeObject*, ValueClass>& Classes() {
  static auto* const classes = new std::unordered_map<PyTypeObject*, ValueClass>();
  return *classes;
}

bool IsBound(const py::handle& klass) {
  const py::object module = py::getattr(klass, "__module__", py::none());
  return py::isinstance<py::str>(module) && module.cast<std::string>() == "carelearn._core";
}

const ValueClass& ClassOf(const py::handle& value) {
  PyTypeObject* type = Py_TYPE(value.ptr());
  auto found = Classes().find(type);
  if (found != Classes().end()) return found->second;
  ValueClass info;
  info.type = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(type));
  const py::tuple mro = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(type))
                            .attr("__mro__")
                            .cast<py::tuple>();
  const py::object property = py::module_::import("builtins").attr("property");
  for (std::size_t i = mro.size(); i-- > 0;) {
    const py::handle klass = mro[i];
    if (!IsBound(klass)) continue;
    for (const auto& [key, attribute] : klass.attr("__dict__").cast<py::dict>()) {
      if (!py::isinstance(attribute, property)) continue;
      std::string name = key.cast<std::string>();
      bool known = false;
      for (const std::string& field : info.fields) known = known || field == name;
      if (!known) info.fields.push_back(std::move(name));
    }
  }
  try {
    info.defaults = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(type))();
  } catch (const py::error_already_set&) {
    info.defaults = py::none();
  }
  return Classes().emplace(type, std::move(info)).first->second;
}

bool Equal(const py::handle& a, const py::handle& b) {
  try {
    return a.equal(b);
  } catch (const py::error_already_set&) {
    return false;
  }
}

/// `value` as a float literal: `5` for 5.0, `0.5` for 0.5.
std::string Number(const py::handle& value) {
  const double d = value.cast<double>();
  if (py::float_(d).attr("is_integer")().cast<bool>()) {
    return py::repr(py::int_(py::float_(d))).cast<std::string>();
  }
  return py::repr(value).cast<std::string>();
}

std::string Joined(const py::iterable& items) {
  std::string out;
  for (const py::handle item : items) {
    if (!out.empty()) out += ", ";
    out += FieldRepr(item);
  }
  return out;
}

}  // namespace

std::string FieldRepr(const py::handle& value) {
  // Leaked on purpose: released after the interpreter has gone, they would crash.
  static const auto* const enum_type = new py::object(py::module_::import("enum").attr("Enum"));
  static const auto* const datetime =
      new py::object(py::module_::import("datetime").attr("datetime"));
  if (py::isinstance(value, *enum_type)) {
    return py::type::handle_of(value).attr("__qualname__").cast<std::string>() + "." +
           value.attr("name").cast<std::string>();
  }
  if (py::isinstance<py::bool_>(value)) return py::repr(value).cast<std::string>();
  if (py::isinstance<py::float_>(value)) return Number(value);
  if (py::isinstance<py::tuple>(value) || py::isinstance<py::list>(value)) {
    return "[" + Joined(py::reinterpret_borrow<py::iterable>(value)) + "]";
  }
  if (py::isinstance<py::dict>(value)) {
    std::string out;
    for (const auto& [k, v] : value.cast<py::dict>()) {
      if (!out.empty()) out += ", ";
      out += py::repr(k).cast<std::string>() + ": " + FieldRepr(v);
    }
    return "{" + out + "}";
  }
  if (py::isinstance(value, *datetime) && value.attr("tzinfo").is_none() &&
      value.attr("second").cast<int>() == 0 && value.attr("microsecond").cast<int>() == 0) {
    // A local time to the minute, written as it is built.
    return "datetime.datetime(" + std::to_string(value.attr("year").cast<int>()) + ", " +
           std::to_string(value.attr("month").cast<int>()) + ", " +
           std::to_string(value.attr("day").cast<int>()) + ", " +
           std::to_string(value.attr("hour").cast<int>()) + ", " +
           std::to_string(value.attr("minute").cast<int>()) + ")";
  }
  return py::repr(value).cast<std::string>();
}

std::string ConstructorRepr(const py::handle& self) {
  const ValueClass& info = ClassOf(self);
  std::string parts;
  for (const std::string& name : info.fields) {
    const py::object value = self.attr(name.c_str());
    if (!info.defaults.is_none() && Equal(value, info.defaults.attr(name.c_str()))) continue;
    if (!parts.empty()) parts += ", ";
    parts += name + "=" + FieldRepr(value);
  }
  return py::type::handle_of(self).attr("__name__").cast<std::string>() + "(" + parts + ")";
}

std::string NumberRepr(double value) { return Number(py::float_(value)); }

py::tuple ReduceByFields(const py::handle& self) {
  static const auto* const rebuild =
      new py::object(py::module_::import("carelearn._core").attr("_value"));
  py::dict state;
  for (const std::string& name : ClassOf(self).fields) {
    state[py::str(name)] = self.attr(name.c_str());
  }
  return py::make_tuple(*rebuild, py::make_tuple(py::type::handle_of(self), state));
}

void BindValues(py::module_& m) {
  m.def(
      "_value",
      [](const py::object& cls, const py::dict& state) {
        // The keyword constructor takes the fields' names; a class without one
        // (AgendaItem) is built empty and its fields are set one by one.
        try {
          return cls(**state);
        } catch (const py::error_already_set& error) {
          if (!error.matches(PyExc_TypeError)) throw;
        }
        py::object value = cls();
        for (const auto& [name, field] : state) py::setattr(value, name, field);
        return value;
      },
      py::arg("cls"), py::arg("state"),
      "The value of class `cls` with the fields `state` (what pickle calls to rebuild one).");
}

}  // namespace carelearn::bindings
