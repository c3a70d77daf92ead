// Owner-only files: an fd opened with mode 0600 and a small std::streambuf
// that writes to it; see carelearn/io/owner_only_file.hpp.
#include "carelearn/io/owner_only_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <streambuf>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "detail/names.hpp"

namespace carelearn {
namespace {

constexpr detail::NameTable<ExistingFile, 2> kExistingFiles{{
    {ExistingFile::kFail, "fail"},
    {ExistingFile::kReplace, "replace"},
}};

// A buffered output stream buffer over a file descriptor it does not own.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

  // True when every byte given so far has reached the file.
  [[nodiscard]] bool Flush() { return sync() == 0; }

  // The errno of the first failed write; 0 when none failed.
  [[nodiscard]] int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  int sync() override { return Drain() ? 0 : -1; }

 private:
  // Writes the buffered bytes, retrying short writes and interrupts.
  bool Drain() {
    const char* at = pbase();
    while (at < pptr()) {
      const ssize_t n = ::write(fd_, at, static_cast<std::size_t>(pptr() - at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (error_ == 0) error_ = n < 0 ? errno : EIO;
        break;
      }
      at += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

}  // namespace

std::string_view ExistingFileName(ExistingFile existing) {
  return detail::NameOf(kExistingFiles, existing);
}

std::optional<ExistingFile> ParseExistingFile(std::string_view name) {
  return detail::ValueOf(kExistingFiles, name);
}

struct OwnerOnlyFile::Impl {
  std::filesystem::path path;
  int fd = -1;
  FdBuffer buffer;
  std::ostream stream;

  Impl(std::filesystem::path p, int descriptor)
      : path(std::move(p)), fd(descriptor), buffer(descriptor), stream(&buffer) {}

  absl::Status Close() {
    if (fd < 0) return absl::OkStatus();
    const bool flushed = buffer.Flush() && stream.good();
    int error = buffer.error();
    if (::close(fd) != 0 && error == 0) error = errno;
    fd = -1;
    if (!flushed || error != 0) {
      return absl::InternalError(
          absl::StrCat(path.string(), ": cannot write: ", std::strerror(error != 0 ? error : EIO)));
    }
    return absl::OkStatus();
  }
};

OwnerOnlyFile::OwnerOnlyFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OwnerOnlyFile::OwnerOnlyFile(OwnerOnlyFile&& other) noexcept = default;
OwnerOnlyFile& OwnerOnlyFile::operator=(OwnerOnlyFile&& other) noexcept {
  if (this != &other) {
    if (impl_) (void)impl_->Close();
    impl_ = std::move(other.impl_);
  }
  return *this;
}
OwnerOnlyFile::~OwnerOnlyFile() {
  if (impl_) (void)impl_->Close();
}

absl::StatusOr<OwnerOnlyFile> OwnerOnlyFile::Create(const std::filesystem::path& path,
                                                    ExistingFile existing) {
  const int flags =
      O_WRONLY | O_CREAT | O_CLOEXEC | (existing == ExistingFile::kFail ? O_EXCL : O_TRUNC);
  int fd = -1;
  do {
    fd = ::open(path.c_str(), flags, S_IRUSR | S_IWUSR);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    const int error = errno;
    const std::string cause =
        absl::StrCat(path.string(), ": cannot create: ", std::strerror(error));
    if (error == EEXIST) return absl::AlreadyExistsError(cause);
    if (error == EACCES || error == EPERM || error == EROFS) {
      return absl::PermissionDeniedError(cause);
    }
    return absl::NotFoundError(cause);
  }
  // O_CREAT's mode applies only to a new file; a replaced one keeps its own.
  if (existing == ExistingFile::kReplace && ::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
    const int error = errno;
    ::close(fd);
    return absl::PermissionDeniedError(absl::StrCat(
        path.string(), ": cannot make it readable by its owner only: ", std::strerror(error)));
  }
  return OwnerOnlyFile(std::make_unique<Impl>(path, fd));
}

std::ostream& OwnerOnlyFile::stream() { return impl_->stream; }

const std::filesystem::path& OwnerOnlyFile::path() const { return impl_->path; }

absl::Status OwnerOnlyFile::Close() { return impl_->Close(); }

}  // namespace carelearn
