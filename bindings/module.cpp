// bindings/module.cpp
//
// The module carelearn._core and the translation of absl::Status into the
// carelearn.Error exceptions, in one place.
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "carelearn/io/errors.hpp"
#include "carelearn/version.hpp"
#include "common.hpp"

namespace carelearn::bindings {
namespace {

/// The Python exception classes, handed over by carelearn/__init__.py.
struct ExceptionTypes {
  py::object error;           ///< carelearn.Error: any other code.
  py::object format_error;    ///< kInvalidArgument.
  py::object not_found;       ///< kNotFound.
  py::object limit;           ///< kResourceExhausted, kOutOfRange.
  py::object version;         ///< kFailedPrecondition marked as a version mismatch.
  py::object already_exists;  ///< kAlreadyExists.
  py::object state;           ///< Any other kFailedPrecondition: a call in the wrong state.
  py::object store;           ///< kDataLoss, kUnavailable, kPermissionDenied; a store's failures.
};

// Leaked on purpose: the references must outlive every call, and must not be
// released after the interpreter has shut down.
ExceptionTypes& Types() {
  static auto* const types = new ExceptionTypes();
  return *types;
}

/// The class of a store's failure (Source::kStore), or None for the others.
const py::object* StoreTypeFor(absl::StatusCode code) {
  const ExceptionTypes& t = Types();
  if (!t.store || t.store.is_none()) return nullptr;
  switch (code) {
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kPermissionDenied:
    case absl::StatusCode::kAborted:
      return &t.store;
    default:
      return nullptr;
  }
}

const py::object& TypeFor(const absl::Status& status) {
  const ExceptionTypes& t = Types();
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      return t.format_error;
    case absl::StatusCode::kNotFound:
      return t.not_found;
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kOutOfRange:
      return t.limit;
    case absl::StatusCode::kFailedPrecondition:
      if (!IsVersionMismatch(status) && t.state && !t.state.is_none()) return t.state;
      return t.version;
    case absl::StatusCode::kAlreadyExists:
      return t.already_exists;
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kPermissionDenied:
      if (t.store && !t.store.is_none()) return t.store;
      return t.error;
    default:
      return t.error;
  }
}

}  // namespace

void ThrowStatus(const absl::Status& status, Source source) {
  std::string message(status.message());
  const std::optional<ErrorLocation> location = GetErrorLocation(status);
  const py::object* store =
      source == Source::kStore && !location ? StoreTypeFor(status.code()) : nullptr;
  const py::object& type = store != nullptr ? *store : TypeFor(status);
  if (!type) throw std::runtime_error(message);
  py::dict kwargs;
  if (location) {
    kwargs["path"] = location->pointer;
    kwargs["line"] = location->line;
    kwargs["column"] = location->column;
  }
  // A message may quote bytes that are not UTF-8 (from a file or from bytes
  // given for text); they are shown escaped rather than failing the error.
  const py::str text = py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(
      message.data(), static_cast<Py_ssize_t>(message.size()), "backslashreplace"));
  py::object exception = type(text, **kwargs);
  PyErr_SetObject(type.ptr(), exception.ptr());
  throw py::error_already_set();
}

void BindErrors(py::module_& m) {
  m.def(
      "_set_exception_types",
      [](py::object error, py::object format_error, py::object not_found, py::object limit,
         py::object version, py::object already_exists, py::object state, py::object store) {
        ExceptionTypes& t = Types();
        t.error = std::move(error);
        t.format_error = std::move(format_error);
        t.not_found = std::move(not_found);
        t.limit = std::move(limit);
        t.version = std::move(version);
        t.already_exists = std::move(already_exists);
        t.state = std::move(state);
        t.store = std::move(store);
      },
      py::arg("error"), py::arg("format_error"), py::arg("not_found"), py::arg("limit"),
      py::arg("version"), py::arg("already_exists"), py::arg("state") = py::none(),
      py::arg("store") = py::none(),
      "Hands the module the carelearn.Error classes it raises (called once by carelearn).\n\n"
      "Each is called as `cls(message, path=..., line=..., column=...)`, the location\n"
      "given only for a loader's error. `state` (a call in the wrong state) and `store`\n"
      "(a damaged, busy or read-only store) fall back to `version` and `error`.");
}

// Registered here rather than in common.hpp, which other binding units share.
void BindFhir(py::module_& m);
void BindXapi(py::module_& m);

}  // namespace carelearn::bindings

PYBIND11_MODULE(_core, m) {
  namespace cb = carelearn::bindings;
  m.doc() =
      "carelearn._core: the C++ library carelearn bound for Python.\n\n"
      "A thin skin over the C++ API; use the package `carelearn`, which adds the\n"
      "pythonic conveniences, rather than this module directly.";
  m.attr("__version__") = std::string(carelearn::kVersion);
  cb::BindErrors(m);
  cb::BindValues(m);
  cb::BindModel(m);
  cb::BindPlan(m);
  cb::BindIo(m);
  cb::BindRecord(m);
  cb::BindStore(m);
  cb::BindSchedule(m);
  cb::BindFhir(m);
  cb::BindXapi(m);
  cb::BindAnalysis(m);
  cb::BindSimulate(m);
  cb::BindMetrics(m);
  cb::BindArgumentDiagnosis(m);
}
