// The payloads of carelearn's errors; see carelearn/io/errors.hpp.
#include "carelearn/io/errors.hpp"

#include <string>

#include "absl/strings/cord.h"
#include "detail/absl_compat.hpp"
#include "io/json_tree.hpp"

namespace carelearn {

std::optional<ErrorLocation> GetErrorLocation(const absl::Status& status) {
  const auto payload = status.GetPayload(detail::Sv(detail::kErrorLocationPayloadUrl));
  if (!payload) return std::nullopt;
  return detail::DecodeErrorLocation(std::string(*payload));
}

absl::Status MarkVersionMismatch(absl::Status status) {
  if (!status.ok()) status.SetPayload(detail::Sv(kVersionMismatchPayloadUrl), absl::Cord("1"));
  return status;
}

absl::Status VersionMismatchError(std::string_view message) {
  return MarkVersionMismatch(absl::FailedPreconditionError(detail::Sv(message)));
}

bool IsVersionMismatch(const absl::Status& status) {
  return status.GetPayload(detail::Sv(kVersionMismatchPayloadUrl)).has_value();
}

}  // namespace carelearn
