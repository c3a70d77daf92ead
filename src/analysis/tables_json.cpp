// SessionTables from JSON Lines and from a Store; see carelearn/analysis/tables.hpp.
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "carelearn/analysis/tables.hpp"

namespace carelearn {

absl::StatusOr<SessionTables> ReadTables(const std::string& /*path*/,
                                         const TableOptions& /*options*/) {
  return absl::UnimplementedError("ReadTables: not yet implemented");
}

absl::StatusOr<SessionTables> ReadTablesFromText(std::string_view /*text*/,
                                                 std::string_view /*source*/,
                                                 const TableOptions& /*options*/) {
  return absl::UnimplementedError("ReadTablesFromText: not yet implemented");
}

absl::StatusOr<SessionTables> ReadTables(const Store& /*store*/, const SessionQuery& /*query*/,
                                         const TableOptions& /*options*/) {
  return absl::UnimplementedError("ReadTables: not yet implemented");
}

}  // namespace carelearn
