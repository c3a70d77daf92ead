// bindings/tables_handle.hpp
//
// `SessionTablesOf`, the C++ tables behind a carelearn._core.SessionTables,
// for binding units other than bindings/analysis.cpp (which defines the
// class) that compute over the tables: the evaluator's measures
// (bindings/metrics.cpp).
#ifndef CARELEARN_BINDINGS_TABLES_HANDLE_HPP_
#define CARELEARN_BINDINGS_TABLES_HANDLE_HPP_

#include <memory>

#include "carelearn/analysis/tables.hpp"
#include "common.hpp"

namespace carelearn::bindings {

/// The tables `value` holds, kept alive by the pointer; raises TypeError
/// naming `argument` when `value` is not a carelearn._core.SessionTables.
std::shared_ptr<const SessionTables> SessionTablesOf(const py::handle& value, const char* argument);

}  // namespace carelearn::bindings

#endif  // CARELEARN_BINDINGS_TABLES_HANDLE_HPP_
