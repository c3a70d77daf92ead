// SessionTables from JSON Lines, in memory or in a file, and from a Store;
// see carelearn/analysis/tables.hpp.
//
// The input is cut into chunks of whole lines (`ChunkSource`). One thread
// reads every chunk straight into the result. More threads read chunks into
// tables of their own, which the calling thread appends to the result in
// input order (`MergeTables` remaps their codes), so the result is the same
// whatever the thread count. A file is read chunk by chunk; at most a few
// chunks per thread are in memory at once, and their buffers are reused.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "analysis/session_columns.hpp"
#include "analysis/table_builder.hpp"
#include "carelearn/analysis/tables.hpp"
#include "detail/absl_compat.hpp"

namespace carelearn {
namespace {

using detail::LineError;
using detail::Sv;

// Bytes read from a file (not zeroed when it grows, unlike a std::string).
struct Buffer {
  std::unique_ptr<char[]> bytes;
  std::size_t size = 0;
  std::size_t capacity = 0;

  // Makes room for `n` bytes, keeping those there are, and for the padding
  // after them that a line reader may read.
  void Reserve(std::size_t n) {
    if (n <= capacity) return;
    const std::size_t grown = std::max(n, capacity + capacity / 2);
    std::unique_ptr<char[]> more(new char[grown + detail::SessionLineReader::kPadding]);
    if (size > 0) std::memcpy(more.get(), bytes.get(), size);
    bytes = std::move(more);
    capacity = grown;
  }
  [[nodiscard]] std::string_view view() const { return {bytes.get(), size}; }
};

// A piece of the input: whole lines, or one line too long to hold.
struct Chunk {
  std::size_t index = 0;               // its place in the input
  std::string_view view;               // the lines, when they stay where they are
  Buffer owned;                        // the lines, when read from a file
  bool is_owned = false;               // which of the two
  std::size_t too_long = 0;            // > 0: one line of this many bytes, not held
  const char* readable_end = nullptr;  // the end of the bytes after the lines that may be read
  [[nodiscard]] std::string_view text() const { return is_owned ? owned.view() : view; }
  [[nodiscard]] const char* end_of_readable() const {
    return is_owned ? owned.bytes.get() + owned.capacity + detail::SessionLineReader::kPadding
                    : readable_end;
  }
};

// Where chunks come from, in input order.
class ChunkSource {
 public:
  virtual ~ChunkSource() = default;
  // The next chunk; false at the end of the input or on an error (see status()).
  virtual bool Next(Chunk& chunk) = 0;
  // Why Next() stopped early, if it did.
  [[nodiscard]] virtual absl::Status status() const { return absl::OkStatus(); }
  // The input's size in bytes, if known (0 otherwise).
  [[nodiscard]] virtual std::size_t size() const { return 0; }
  // Takes back the buffer of a chunk that has been read.
  virtual void Recycle(Buffer&& /*buffer*/) {}
};

// Chunks of text held in memory: views, nothing copied.
class TextChunks final : public ChunkSource {
 public:
  TextChunks(std::string_view text, std::size_t chunk_bytes)
      : text_(text), chunk_bytes_(std::max<std::size_t>(chunk_bytes, 1)) {}

  bool Next(Chunk& chunk) override {
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.size();
    if (text_.size() - pos_ > chunk_bytes_) {
      const std::size_t from = pos_ + chunk_bytes_ - 1;
      const void* nl = std::memchr(text_.data() + from, '\n', text_.size() - from);
      if (nl != nullptr)
        end = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
    }
    chunk.view = text_.substr(pos_, end - pos_);
    chunk.readable_end = text_.data() + text_.size();
    chunk.is_owned = false;
    chunk.too_long = 0;
    pos_ = end;
    return true;
  }
  [[nodiscard]] std::size_t size() const override { return text_.size(); }

 private:
  std::string_view text_;
  std::size_t chunk_bytes_;
  std::size_t pos_ = 0;
};

// Chunks read from a file descriptor, `chunk_bytes` at a time, cut after
// the last line end; never more than one line longer than the limit held.
class FileChunks final : public ChunkSource {
 public:
  FileChunks(int fd, std::string path, std::size_t size, const TableOptions& options)
      : fd_(fd),
        path_(std::move(path)),
        size_(size),
        chunk_bytes_(std::max<std::size_t>(options.chunk_bytes, 1)),
        max_line_bytes_(options.limits.max_line_bytes) {}
  ~FileChunks() override { ::close(fd_); }
  FileChunks(const FileChunks&) = delete;
  FileChunks& operator=(const FileChunks&) = delete;

  bool Next(Chunk& chunk) override {
    Buffer buffer = TakeBuffer();
    buffer.Reserve(carry_.size() + chunk_bytes_);
    if (!carry_.empty()) std::memcpy(buffer.bytes.get(), carry_.data(), carry_.size());
    buffer.size = carry_.size();
    carry_.clear();
    std::size_t searched = buffer.size;  // the carried bytes hold no line end
    while (true) {
      if (!eof_ && !Fill(buffer, buffer.size + chunk_bytes_)) return false;
      const std::size_t last = LastLineEnd(buffer.view(), searched);
      if (last != std::string::npos) {
        carry_.assign(buffer.bytes.get() + last + 1, buffer.size - last - 1);
        buffer.size = last + 1;
        return Emit(chunk, std::move(buffer));
      }
      searched = buffer.size;
      if (eof_) {
        if (buffer.size == 0) {
          Recycle(std::move(buffer));
          return false;
        }
        return Emit(chunk, std::move(buffer));
      }
      // One line so far and no end in sight: room for the limit and a "\r".
      if (buffer.size > max_line_bytes_ + 1) return SkipLongLine(chunk, std::move(buffer));
    }
  }

  [[nodiscard]] absl::Status status() const override { return status_; }
  [[nodiscard]] std::size_t size() const override { return size_; }

  void Recycle(Buffer&& buffer) override {
    if (buffer.capacity == 0) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.size() < 8) spare_.push_back(std::move(buffer));
  }

 private:
  Buffer TakeBuffer() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.empty()) return {};
    Buffer b = std::move(spare_.back());
    spare_.pop_back();
    b.size = 0;
    return b;
  }

  static bool Emit(Chunk& chunk, Buffer&& buffer) {
    chunk.owned = std::move(buffer);
    chunk.is_owned = true;
    chunk.too_long = 0;
    return true;
  }

  // Reads into `buffer` until it holds `target` bytes or the file ends.
  bool Fill(Buffer& buffer, std::size_t target) {
    buffer.Reserve(target);
    while (buffer.size < target && !eof_) {
      const ssize_t got = ::read(fd_, buffer.bytes.get() + buffer.size, target - buffer.size);
      if (got < 0) {
        if (errno == EINTR) continue;
        status_ =
            absl::UnavailableError(absl::StrCat(path_, ": cannot read: ", std::strerror(errno)));
        return false;
      }
      if (got == 0) eof_ = true;
      buffer.size += static_cast<std::size_t>(got);
    }
    return true;
  }

  // The offset of the last "\n" in `text` after its first `from` bytes, or npos.
  static std::size_t LastLineEnd(std::string_view text, std::size_t from) {
    if (text.size() <= from) return std::string::npos;
    const void* nl = ::memrchr(text.data() + from, '\n', text.size() - from);
    return nl == nullptr ? std::string::npos
                         : static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
  }

  // Reads past the rest of a line longer than the limit, counting its bytes.
  bool SkipLongLine(Chunk& chunk, Buffer&& buffer) {
    std::size_t bytes = buffer.size;
    char last = buffer.bytes[buffer.size - 1];
    bool ended = false;
    while (!ended && !eof_) {
      buffer.size = 0;
      if (!Fill(buffer, std::max<std::size_t>(chunk_bytes_, 65536))) return false;
      const std::string_view text = buffer.view();
      const std::size_t at = text.find('\n');
      if (at == std::string_view::npos) {
        bytes += text.size();
        if (!text.empty()) last = text.back();
        continue;
      }
      bytes += at;
      if (at > 0) last = text[at - 1];
      carry_.assign(text.substr(at + 1));
      ended = true;
    }
    if (ended && last == '\r') --bytes;
    Recycle(std::move(buffer));
    chunk.owned = Buffer();
    chunk.is_owned = true;
    chunk.too_long = bytes;
    return true;
  }

  int fd_;
  std::string path_;
  std::size_t size_;
  std::size_t chunk_bytes_;
  std::size_t max_line_bytes_;
  std::string carry_;
  bool eof_ = false;
  absl::Status status_;
  std::mutex mutex_;
  std::vector<Buffer> spare_;
};

// What reading one chunk gave: its lines, and the errors on them (by line
// within the chunk, 1-based).
struct ChunkLines {
  std::int64_t lines = 0;
  std::vector<std::pair<std::int64_t, LineError>> errors;
};

bool IsBlank(std::string_view line) {
  for (const char c : line) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Reads the lines of `chunk` into `tables`; under kFail stops at the first bad line.
ChunkLines ReadChunk(const Chunk& chunk, detail::SessionLineReader& reader, SessionTables& tables,
                     detail::TableIndex& index, const TableOptions& options) {
  ChunkLines out;
  if (chunk.too_long > 0) {
    out.lines = 1;
    out.errors.emplace_back(1, LineError{absl::StatusCode::kResourceExhausted, 1, "",
                                         detail::TooLong(chunk.too_long, options.limits)});
    return out;
  }
  const std::string_view text = chunk.text();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t end =
        nl == nullptr ? text.size()
                      : static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++out.lines;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || (line.front() != '{' && IsBlank(line))) continue;
    const bool padded = chunk.end_of_readable() - (line.data() + line.size()) >=
                        static_cast<std::ptrdiff_t>(detail::SessionLineReader::kPadding);
    if (std::optional<LineError> e = reader.Read(line, padded, tables, index)) {
      out.errors.emplace_back(out.lines, *std::move(e));
      if (options.on_error == OnError::kFail) break;
    }
  }
  return out;
}

// CARELEARN_TABLES_PARSER=boost turns the fast path off (for comparing the
// paths; the tables are the same).
bool FastPath() {
  static const bool fast = [] {
    const char* which = std::getenv("CARELEARN_TABLES_PARSER");
    return which == nullptr || std::string_view(which) != "boost";
  }();
  return fast;
}

int ThreadCount(const TableOptions& options) {
  if (options.threads > 0) return options.threads;
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// Collects the tables of chunks in input order.
class Collector {
 public:
  Collector(std::string_view source, const TableOptions& options, std::size_t input_bytes)
      : source_(source), options_(options), input_bytes_(input_bytes) {
    all_ = detail::EmptyTables(options);
  }

  SessionTables& all() { return all_; }
  detail::TableIndex& index() { return index_; }

  // Takes the lines of the next chunk (already in `all()` or, with `part`,
  // appended from it); false with `status()` set at a bad line under kFail.
  bool Take(ChunkLines&& lines, std::size_t chunk_bytes, SessionTables* part) {
    for (auto& [line, error] : lines.errors) {
      absl::Status s = detail::LineStatus(source_, first_line_ + line - 1, error);
      if (options_.on_error == OnError::kFail) {
        status_ = std::move(s);
        return false;
      }
      all_.skipped.push_back(
          SkippedLine{std::string(source_), first_line_ + line - 1, std::string(Sv(s.message()))});
    }
    if (part != nullptr) detail::MergeTables(all_, index_, std::move(*part));
    first_line_ += lines.lines;
    bytes_ += chunk_bytes;
    // Room for all the rows, guessed from the first chunk, spares the copies
    // (and the double memory) of vectors that grow.
    if (!reserved_ && input_bytes_ > 0 && bytes_ > 0) {
      reserved_ = true;
      if (bytes_ < input_bytes_) {
        const double factor = static_cast<double>(input_bytes_) / static_cast<double>(bytes_);
        detail::ReserveFor(all_, factor * 1.02);
      }
    }
    return true;
  }

  [[nodiscard]] const absl::Status& status() const { return status_; }

 private:
  std::string_view source_;
  const TableOptions& options_;
  std::size_t input_bytes_;
  SessionTables all_;
  detail::TableIndex index_;
  std::int64_t first_line_ = 1;
  std::size_t bytes_ = 0;
  bool reserved_ = false;
  absl::Status status_;
};

std::size_t ChunkSize(const Chunk& c) { return c.too_long > 0 ? c.too_long : c.text().size(); }

absl::StatusOr<SessionTables> ReadOnOneThread(ChunkSource& chunks, std::string_view source,
                                              const TableOptions& options) {
  Collector collector(source, options, chunks.size());
  detail::SessionLineReader reader(options, FastPath());
  Chunk chunk;
  while (chunks.Next(chunk)) {
    ChunkLines lines = ReadChunk(chunk, reader, collector.all(), collector.index(), options);
    if (!collector.Take(std::move(lines), ChunkSize(chunk), nullptr)) return collector.status();
    if (chunk.is_owned) chunks.Recycle(std::move(chunk.owned));
  }
  if (!chunks.status().ok()) return chunks.status();
  return std::move(collector.all());
}

// The tables of one chunk read on a worker thread.
struct Part {
  SessionTables tables;
  ChunkLines lines;
  std::size_t bytes = 0;
  Buffer buffer;  // the chunk's buffer, to be reused
};

absl::StatusOr<SessionTables> ReadOnThreads(ChunkSource& chunks, std::string_view source,
                                            const TableOptions& options, int threads) {
  std::mutex mutex;
  std::condition_variable work_ready;
  std::condition_variable part_ready;
  std::deque<Chunk> queue;
  std::map<std::size_t, Part> done;
  bool closing = false;
  std::size_t stop_after = std::numeric_limits<std::size_t>::max();

  const auto work = [&] {
    detail::SessionLineReader reader(options, FastPath());
    while (true) {
      Chunk chunk;
      {
        std::unique_lock<std::mutex> lock(mutex);
        work_ready.wait(lock, [&] { return closing || !queue.empty(); });
        if (queue.empty()) return;
        chunk = std::move(queue.front());
        queue.pop_front();
      }
      Part part;
      part.bytes = ChunkSize(chunk);
      bool wanted = false;
      {
        std::lock_guard<std::mutex> lock(mutex);
        wanted = chunk.index <= stop_after;
      }
      if (wanted) {
        part.tables = detail::EmptyTables(options);
        detail::TableIndex index;
        part.lines = ReadChunk(chunk, reader, part.tables, index, options);
      }
      if (chunk.is_owned) part.buffer = std::move(chunk.owned);
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (options.on_error == OnError::kFail && !part.lines.errors.empty()) {
          stop_after = std::min(stop_after, chunk.index);
        }
        done.emplace(chunk.index, std::move(part));
      }
      part_ready.notify_all();
    }
  };

  std::vector<std::thread> workers;
  workers.reserve(static_cast<std::size_t>(threads));
  for (int i = 0; i < threads; ++i) workers.emplace_back(work);

  Collector collector(source, options, chunks.size());
  const std::size_t max_in_flight = static_cast<std::size_t>(threads) * 2 + 1;
  std::size_t produced = 0;
  std::size_t merged = 0;
  bool input_done = false;
  bool failed = false;
  while (!failed) {
    while (!input_done && produced - merged < max_in_flight) {
      Chunk chunk;
      if (!chunks.Next(chunk)) {
        input_done = true;
        break;
      }
      chunk.index = produced++;
      {
        std::lock_guard<std::mutex> lock(mutex);
        queue.push_back(std::move(chunk));
      }
      work_ready.notify_one();
    }
    if (input_done && merged == produced) break;
    Part part;
    {
      std::unique_lock<std::mutex> lock(mutex);
      part_ready.wait(lock, [&] { return done.count(merged) > 0; });
      auto it = done.find(merged);
      part = std::move(it->second);
      done.erase(it);
    }
    ++merged;
    if (!collector.Take(std::move(part.lines), part.bytes, &part.tables)) failed = true;
    chunks.Recycle(std::move(part.buffer));
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    closing = true;
    queue.clear();
  }
  work_ready.notify_all();
  for (std::thread& t : workers) t.join();
  if (failed) return collector.status();
  if (!chunks.status().ok()) return chunks.status();
  return std::move(collector.all());
}

absl::StatusOr<SessionTables> Read(ChunkSource& chunks, std::string_view source,
                                   const TableOptions& options) {
  const int threads = ThreadCount(options);
  if (threads <= 1) return ReadOnOneThread(chunks, source, options);
  return ReadOnThreads(chunks, source, options, threads);
}

}  // namespace

absl::StatusOr<SessionTables> ReadTablesFromText(std::string_view text, std::string_view source,
                                                 const TableOptions& options) {
  TextChunks chunks(text, options.chunk_bytes);
  return Read(chunks, source.empty() ? std::string_view("<input>") : source, options);
}

absl::StatusOr<SessionTables> ReadTables(const std::string& path, const TableOptions& options) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    const std::string message = absl::StrCat(path, ": cannot open: ", std::strerror(error));
    if (error == EACCES || error == EPERM) return absl::PermissionDeniedError(message);
    return absl::NotFoundError(message);
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    ::close(fd);
    return absl::NotFoundError(absl::StrCat(path, ": cannot read: not a file"));
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  FileChunks chunks(fd, path, S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0,
                    options);
  return Read(chunks, path, options);
}

absl::StatusOr<SessionTables> ReadTables(const Store& /*store*/, const SessionQuery& /*query*/,
                                         const TableOptions& /*options*/) {
  return absl::UnimplementedError("ReadTables: not yet implemented");
}

}  // namespace carelearn
