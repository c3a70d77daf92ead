// carelearn/io/errors.hpp
//
// Defines what carelearn's errors carry besides their code and message, as
// payloads of the absl::Status: where in a document an error lies
// (`ErrorLocation`, from every reader), and whether a kFailedPrecondition is a
// version mismatch (a document of another kind or a newer version, a store
// of a newer schema) rather than a call the object's state does not allow
// (a runner finished already, an action given the status it has).
//
// Example:
//
//   absl::StatusOr<carelearn::Format> f = carelearn::LoadFormat("huddle.json");
//   if (carelearn::IsVersionMismatch(f.status())) {
//     // "huddle.json:1:14: /carelearn: the document is "format/2", newer than ..."
//   } else if (std::optional<carelearn::ErrorLocation> at =
//                  carelearn::GetErrorLocation(f.status())) {
//     std::cerr << "line " << at->line << ", column " << at->column << "\n";
//   }
#ifndef CARELEARN_IO_ERRORS_HPP_
#define CARELEARN_IO_ERRORS_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace carelearn {

/// Where in a document a load error lies.
struct ErrorLocation {
  std::string pointer;  ///< JSON Pointer (RFC 6901) of the offending value; empty at the root.
  int line = 0;         ///< 1-based line of the offending text; 0 when unknown.
  int column = 0;       ///< 1-based column; 0 when unknown.
};

/// The location a reader's error carries, or std::nullopt for a status from elsewhere.
[[nodiscard]] std::optional<ErrorLocation> GetErrorLocation(const absl::Status& status);

/// The type URL of the payload that marks a version mismatch.
inline constexpr std::string_view kVersionMismatchPayloadUrl =
    "type.carelearn.dev/carelearn.VersionMismatch";

/// `status` marked as a version mismatch: a kFailedPrecondition because the
/// input is of another kind, or of a version this library does not read.
/// The code and message stay as they are; an OK status stays OK.
[[nodiscard]] absl::Status MarkVersionMismatch(absl::Status status);

/// A kFailedPrecondition error with `message`, marked as a version mismatch.
[[nodiscard]] absl::Status VersionMismatchError(std::string_view message);

/// True when `status` is marked as a version mismatch. A kFailedPrecondition
/// without the mark is a call in the wrong state.
[[nodiscard]] bool IsVersionMismatch(const absl::Status& status);

}  // namespace carelearn

#endif  // CARELEARN_IO_ERRORS_HPP_
