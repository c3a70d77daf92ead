// carelearn/io/owner_only_file.hpp
//
// Defines `OwnerOnlyFile`, the one way carelearn creates a file: readable and
// writable by its owner only (mode 0600), because what carelearn writes (a
// store, an export of sessions) is personal data. The file is created with
// that mode, never opened wider first; a file that is replaced is made 0600
// too, whatever mode it had.
//
// Example:
//
//   absl::StatusOr<carelearn::OwnerOnlyFile> file = carelearn::OwnerOnlyFile::Create(
//       "export.jsonl", carelearn::ExistingFile::kReplace);
//   if (file.ok()) {
//     file->stream() << "{...}\n";
//     absl::Status s = file->Close();
//   }
#ifndef CARELEARN_IO_OWNER_ONLY_FILE_HPP_
#define CARELEARN_IO_OWNER_ONLY_FILE_HPP_

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace carelearn {

/// What `OwnerOnlyFile::Create` does with a file that exists.
enum class ExistingFile {
  /// Refuses with kAlreadyExists (the file is opened with O_CREAT | O_EXCL).
  kFail,
  /// Empties it and makes it mode 0600 (O_CREAT | O_TRUNC, then fchmod).
  kReplace,
};

/// Returns the canonical name of `existing`: "fail" or "replace".
std::string_view ExistingFileName(ExistingFile existing);

/// Parses a canonical name of `ExistingFile`; std::nullopt when unknown.
std::optional<ExistingFile> ParseExistingFile(std::string_view name);

/// A file created readable and writable by its owner only, open for writing
/// through `stream()`. Movable, not copyable; destroying it closes the file
/// (call `Close` to learn whether everything was written).
class OwnerOnlyFile {
 public:
  /// Creates the file at `path` with mode 0600 (the umask cannot widen it).
  ///
  /// Errors, each message led by the path: kAlreadyExists when it exists and
  /// `existing` is kFail; kPermissionDenied when the directory, or the file
  /// to replace, may not be written; kNotFound when the directory does not
  /// exist or the path is a directory.
  [[nodiscard]] static absl::StatusOr<OwnerOnlyFile> Create(const std::filesystem::path& path,
                                                            ExistingFile existing);

  /// Takes over `other`'s file.
  OwnerOnlyFile(OwnerOnlyFile&& other) noexcept;
  /// Closes this file and takes over `other`'s.
  OwnerOnlyFile& operator=(OwnerOnlyFile&& other) noexcept;
  OwnerOnlyFile(const OwnerOnlyFile&) = delete;
  OwnerOnlyFile& operator=(const OwnerOnlyFile&) = delete;
  /// Closes the file, if `Close` has not.
  ~OwnerOnlyFile();

  /// The stream that writes to the file (buffered).
  [[nodiscard]] std::ostream& stream();

  /// The path it was created at.
  [[nodiscard]] const std::filesystem::path& path() const;

  /// Writes what is buffered and closes the file; closing twice does nothing.
  ///
  /// Errors: kInternal, led by the path, when anything could not be written
  /// (a full disk); the file then holds a part of it.
  [[nodiscard]] absl::Status Close();

 private:
  struct Impl;
  explicit OwnerOnlyFile(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace carelearn

#endif  // CARELEARN_IO_OWNER_ONLY_FILE_HPP_
