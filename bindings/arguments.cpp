// bindings/arguments.cpp
//
// Errors that name the argument. When no signature of a bound function
// accepts the arguments it was given, pybind11 raises a TypeError that lists
// every signature and every argument ("incompatible function arguments").
// Here every function of the module is routed through Dispatch, which lets
// pybind11 resolve the call as always and, only when it refuses one, asks
// carelearn (python/carelearn/_arguments.py) which argument is to blame, and
// raises its TypeError or ValueError instead: "Feedback(): rating: 2147483648
// is out of range for this argument".
//
// A converter that refuses a value for a reason its type does not show (a
// naive datetime where an instant is needed) says why with Complain; the
// diagnosis then gives that reason.
#include <cstddef>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common.hpp"

namespace carelearn::bindings {
namespace {

using Dispatcher = PyObject* (*)(PyObject*, PyObject* const*, std::size_t, PyObject*);

/// pybind11's own dispatcher, which Dispatch calls.
Dispatcher& Original() {
  static Dispatcher original = nullptr;
  return original;
}

/// carelearn's diagnosis, handed over by carelearn/__init__.py; leaked on
/// purpose, as the exception types in module.cpp.
py::object& Diagnosis() {
  static auto* const diagnosis = new py::object();
  return *diagnosis;
}

/// What converters found wrong during the current call, with the values.
/// Leaked, one per thread: a thread's end must not release Python objects
/// after the interpreter has gone.
std::vector<std::pair<py::object, std::string>>& Complaints() {
  thread_local auto* const complaints = new std::vector<std::pair<py::object, std::string>>();
  return *complaints;
}

/// The name a message gives the function: `Feedback` for a constructor,
/// `Runner.record_feedback` for a method, `plan_agenda` for a function.
std::string DisplayName(const py::detail::function_record& rec) {
  const std::string name = rec.name != nullptr ? rec.name : "function";
  if (!rec.scope || PyModule_Check(rec.scope.ptr())) return name;
  const std::string owner = py::getattr(rec.scope, "__name__", py::str("")).cast<std::string>();
  if (rec.is_constructor) return owner;
  return owner.empty() ? name : owner + "." + name;
}

/// The error that names the argument to blame, or None to keep pybind11's.
py::object Diagnose(PyObject* self, PyObject* const* args, std::size_t nargsf, PyObject* kwnames) {
  const py::detail::function_record* rec = py::detail::function_record_ptr_from_PyObject(self);
  if (rec == nullptr) return py::none();
  py::list signatures;
  for (const py::detail::function_record* it = rec; it != nullptr; it = it->next) {
    signatures.append(py::str(it->signature != nullptr ? it->signature : ""));
  }
  const auto positional = static_cast<std::size_t>(PyVectorcall_NARGS(nargsf));
  py::tuple given(positional);
  for (std::size_t i = 0; i < positional; ++i) {
    given[i] = py::reinterpret_borrow<py::object>(args[i]);
  }
  py::dict keywords;
  if (kwnames != nullptr) {
    const auto n = static_cast<std::size_t>(PyTuple_GET_SIZE(kwnames));
    for (std::size_t i = 0; i < n; ++i) {
      keywords[py::handle(PyTuple_GET_ITEM(kwnames, static_cast<Py_ssize_t>(i)))] =
          py::reinterpret_borrow<py::object>(args[positional + i]);
    }
  }
  py::list complaints;
  for (const auto& [value, text] : Complaints()) complaints.append(py::make_tuple(value, text));
  return Diagnosis()(DisplayName(*rec), signatures, given, keywords, complaints);
}

/// Keeps the complaints of an outer call aside while a call runs inside it
/// (pybind11 calls `repr` on the arguments of a refused call, and a repr may
/// be bound), and puts them back when it returns.
class ComplaintScope {
 public:
  ComplaintScope() : outer_(std::exchange(Complaints(), {})) {}
  ~ComplaintScope() { Complaints() = std::move(outer_); }
  ComplaintScope(const ComplaintScope&) = delete;
  ComplaintScope& operator=(const ComplaintScope&) = delete;

 private:
  std::vector<std::pair<py::object, std::string>> outer_;
};

/// Every call of a hooked function comes here.
PyObject* Dispatch(PyObject* self, PyObject* const* args, std::size_t nargsf, PyObject* kwnames) {
  const ComplaintScope scope;
  PyObject* result = Original()(self, args, nargsf, kwnames);
  if (result != nullptr || !Diagnosis() || Diagnosis().is_none() ||
      !PyErr_ExceptionMatches(PyExc_TypeError)) {
    return result;
  }
  py::error_already_set refused;
  const std::string message = py::str(refused.value()).cast<std::string>();
  if (message.find("(): incompatible ") == std::string::npos) {
    refused.restore();
    return nullptr;
  }
  try {
    const py::object error = Diagnose(self, args, nargsf, kwnames);
    if (!error.is_none()) {
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
      return nullptr;
    }
  } catch (const py::error_already_set&) {
    // A diagnosis that fails leaves pybind11's message, which is never wrong.
  }
  refused.restore();
  return nullptr;
}

/// Routes the bound function `function` (or the method wrapping it) through Dispatch.
void Hook(const py::handle& function) {
  const py::handle f = py::detail::get_function(function);
  if (!f || !PyCFunction_Check(f.ptr())) return;
  py::detail::function_record* rec =
      py::detail::function_record_ptr_from_PyObject(PyCFunction_GET_SELF(f.ptr()));
  if (rec == nullptr || rec->def == nullptr) return;
  auto* const current =
      reinterpret_cast<Dispatcher>(reinterpret_cast<void (*)()>(rec->def->ml_meth));
  if (current == &Dispatch) return;
  if (Original() == nullptr) Original() = current;
  if (current != Original()) return;
  rec->def->ml_meth = reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&Dispatch));
}

/// Hooks the methods, properties and static methods of the bound class `cls`.
void HookClass(const py::handle& cls, std::unordered_set<PyObject*>& seen) {
  if (!seen.insert(cls.ptr()).second) return;
  const py::object property = py::module_::import("builtins").attr("property");
  const py::object staticmethod = py::module_::import("builtins").attr("staticmethod");
  for (const auto& [name, value] : cls.attr("__dict__").cast<py::dict>()) {
    if (py::isinstance(value, property)) {
      Hook(value.attr("fget"));
      if (!value.attr("fset").is_none()) Hook(value.attr("fset"));
    } else if (py::isinstance(value, staticmethod)) {
      Hook(value.attr("__func__"));
    } else if (PyType_Check(value.ptr()) &&
               py::detail::get_type_info(reinterpret_cast<PyTypeObject*>(value.ptr()))) {
      HookClass(value, seen);
    } else {
      Hook(value);
    }
  }
}

}  // namespace

void Complain(const py::handle& value, std::string reason) {
  Complaints().emplace_back(py::reinterpret_borrow<py::object>(value), std::move(reason));
}

void BindArgumentDiagnosis(py::module_& m) {
  std::unordered_set<PyObject*> seen;
  for (const auto& [name, value] : m.attr("__dict__").cast<py::dict>()) {
    if (PyType_Check(value.ptr()) &&
        py::detail::get_type_info(reinterpret_cast<PyTypeObject*>(value.ptr()))) {
      HookClass(value, seen);
    } else {
      Hook(value);
    }
  }
  m.def(
      "_set_argument_diagnosis", [](py::object diagnosis) { Diagnosis() = std::move(diagnosis); },
      py::arg("diagnosis"),
      "Hands the module carelearn's diagnosis of refused arguments (called once by carelearn).\n\n"
      "It is called as `diagnosis(name, signatures, args, kwargs, complaints)` when no\n"
      "signature of a function accepts a call, and returns the exception to raise\n"
      "instead of pybind11's, or None to keep that.");
}

}  // namespace carelearn::bindings
