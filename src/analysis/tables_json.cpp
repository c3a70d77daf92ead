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
#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
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
// A byte range of a file whose lines (those that start in it) a worker
// reads itself.
struct Range {
  int fd = -1;
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Chunk {
  std::size_t index = 0;               // its place in the input
  std::optional<Range> range;          // the lines are still in the file
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

// Buffers of chunks that have been read, kept to be filled again: a new
// buffer for every chunk would be memory the kernel zeroes every time.
class BufferPool {
 public:
  // Keeps `buffer` (at most a few), unless it holds no memory.
  void Put(Buffer&& buffer) {
    if (buffer.capacity == 0) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.size() < 8) spare_.push_back(std::move(buffer));
  }
  // A kept buffer, emptied, or a new one holding no memory.
  Buffer Take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.empty()) return {};
    Buffer b = std::move(spare_.back());
    spare_.pop_back();
    b.size = 0;
    return b;
  }

 private:
  std::mutex mutex_;
  std::vector<Buffer> spare_;
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
  // Where the buffers of chunks that have been read go back to, if anywhere.
  virtual BufferPool* pool() { return nullptr; }
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
    Buffer buffer = pool_.Take();
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
          pool_.Put(std::move(buffer));
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

  BufferPool* pool() override { return &pool_; }

 private:
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
    pool_.Put(std::move(buffer));
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
  BufferPool pool_;
};

// A regular file cut into ranges of `chunk_bytes`, for workers to read
// with pread at once, each the lines that start in its range.
class RangeChunks final : public ChunkSource {
 public:
  RangeChunks(int fd, std::size_t size, const TableOptions& options)
      : fd_(fd), size_(size), chunk_bytes_(std::max<std::size_t>(options.chunk_bytes, 1)) {}
  ~RangeChunks() override { ::close(fd_); }
  RangeChunks(const RangeChunks&) = delete;
  RangeChunks& operator=(const RangeChunks&) = delete;

  bool Next(Chunk& chunk) override {
    if (pos_ >= size_) return false;
    const std::size_t end = size_ - pos_ > chunk_bytes_ ? pos_ + chunk_bytes_ : size_;
    chunk.range = Range{fd_, pos_, end};
    pos_ = end;
    return true;
  }
  [[nodiscard]] std::size_t size() const override { return size_; }

 private:
  int fd_;
  std::size_t size_;
  std::size_t chunk_bytes_;
  std::size_t pos_ = 0;
};

// Reads `n` bytes at `offset` of `fd` onto the end of `buffer`, fewer at
// the end of the file.
absl::Status Pread(int fd, std::size_t offset, std::size_t n, Buffer& buffer) {
  buffer.Reserve(buffer.size + n);
  while (n > 0) {
    const ssize_t got =
        ::pread(fd, buffer.bytes.get() + buffer.size, n, static_cast<off_t>(offset));
    if (got < 0) {
      if (errno == EINTR) continue;
      return absl::UnavailableError(absl::StrCat("cannot read: ", std::strerror(errno)));
    }
    if (got == 0) break;
    buffer.size += static_cast<std::size_t>(got);
    offset += static_cast<std::size_t>(got);
    n -= static_cast<std::size_t>(got);
  }
  return absl::OkStatus();
}

// The lines that start in `range` of its file, read into `buffer`: `lines`
// views them; a last line longer than `max_line_bytes` is not held, only
// counted, into `too_long`.
absl::Status LoadRange(const Range& range, std::size_t max_line_bytes, Buffer& buffer,
                       std::string_view& lines, std::size_t& too_long) {
  constexpr std::size_t kBlock = 1 << 16;
  lines = {};
  too_long = 0;
  buffer.size = 0;
  // One byte before the range tells whether a line starts at its beginning.
  const std::size_t from = range.begin > 0 ? range.begin - 1 : 0;
  if (absl::Status s = Pread(range.fd, from, range.end - from, buffer); !s.ok()) return s;
  std::size_t start = 0;
  if (range.begin > 0) {
    const void* nl = std::memchr(buffer.bytes.get(), '\n', buffer.size);
    if (nl == nullptr) return absl::OkStatus();  // inside a line that started before
    start = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer.bytes.get()) + 1;
  }
  if (start >= buffer.size) return absl::OkStatus();
  // Finish the line that runs past the range.
  std::size_t pending = start;  // where the last, unfinished line starts
  if (const void* nl = ::memrchr(buffer.bytes.get() + start, '\n', buffer.size - start)) {
    pending = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer.bytes.get()) + 1;
  }
  std::size_t offset = from + buffer.size;  // of the next byte in the file
  while (pending < buffer.size) {
    const std::size_t before = buffer.size;
    if (absl::Status s = Pread(range.fd, offset, kBlock, buffer); !s.ok()) return s;
    offset += buffer.size - before;
    const void* nl = std::memchr(buffer.bytes.get() + before, '\n', buffer.size - before);
    if (nl != nullptr) {
      buffer.size = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer.bytes.get()) + 1;
      break;
    }
    if (buffer.size == before) break;  // the end of the file ends the line
    if (buffer.size - pending > max_line_bytes + 1) {
      // Too long to hold: count the rest of it.
      std::size_t bytes = buffer.size - pending;
      char last = buffer.bytes[buffer.size - 1];
      buffer.size = pending;
      Buffer scratch;
      while (true) {
        scratch.size = 0;
        if (absl::Status s = Pread(range.fd, offset, kBlock, scratch); !s.ok()) return s;
        if (scratch.size == 0) break;
        offset += scratch.size;
        const std::string_view block = scratch.view();
        const std::size_t at = block.find('\n');
        if (at != std::string_view::npos) {
          bytes += at;
          if (at > 0) last = block[at - 1];
          if (last == '\r') --bytes;
          break;
        }
        bytes += block.size();
        last = block.back();
      }
      too_long = bytes;
      break;
    }
  }
  lines = std::string_view(buffer.bytes.get() + start, buffer.size - start);
  return absl::OkStatus();
}

// What a chunk of lines read from a store carries besides them.
struct StoreRows {
  std::vector<std::string> ids;  // each line's session id
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

// Reads the lines of `chunk` into `tables`; under kFail stops at the first
// bad line.
ChunkLines ReadChunk(const Chunk& chunk, detail::SessionLineReader& reader, SessionTables& tables,
                     detail::TableIndex& index, const TableOptions& options) {
  ChunkLines out;
  if (chunk.too_long > 0) {
    out.lines = 1;
    out.errors.emplace_back(1, LineError{absl::StatusCode::kResourceExhausted, 1, "",
                                         detail::TooLong(chunk.too_long, options.limits)});
    return out;
  }
  const std::string_view lines = chunk.text();
  std::size_t pos = 0;
  while (pos < lines.size()) {
    const void* nl = std::memchr(lines.data() + pos, '\n', lines.size() - pos);
    const std::size_t end =
        nl == nullptr ? lines.size()
                      : static_cast<std::size_t>(static_cast<const char*>(nl) - lines.data());
    std::string_view line = lines.substr(pos, end - pos);
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
  // `total` is the size of the input (bytes, or sessions), 0 when unknown.
  Collector(std::string_view source, const TableOptions& options, std::size_t total)
      : source_(source), options_(options), total_(total), all_(detail::EmptyTables(options)) {}

  SessionTables& all() { return all_; }
  detail::TableIndex& index() { return index_; }

  // Takes the lines of the next chunk (already in `all()` or, with `part`,
  // appended from it), `done` more of the input's `total`; false with
  // `status()` set at a bad line under kFail.
  bool Take(ChunkLines&& lines, std::size_t done, SessionTables* part, const StoreRows* store,
            const detail::NewValues* added = nullptr, int worker = 0) {
    for (auto& [line, error] : lines.errors) {
      const std::int64_t number = first_line_ + line - 1;
      absl::Status s;
      if (store != nullptr) {
        // A stored session that cannot be read: the store is damaged.
        const absl::Status located = detail::LineStatus("body", 1, error);
        s = absl::DataLossError(absl::StrCat("the stored session \"",
                                             store->ids[static_cast<std::size_t>(line - 1)],
                                             "\" cannot be read: ", located.message()));
      } else {
        s = detail::LineStatus(source_, number, error);
      }
      if (options_.on_error == OnError::kFail) {
        status_ = std::move(s);
        return false;
      }
      all_.skipped.push_back(
          SkippedLine{std::string(source_), number, std::string(Sv(s.message()))});
    }
    if (part != nullptr) {
      if (maps_.size() <= static_cast<std::size_t>(worker)) maps_.resize(worker + 1);
      detail::MergeTables(all_, index_, std::move(*part), *added, maps_[worker]);
    }
    first_line_ += lines.lines;
    done_ += done;
    // Room for all the rows, guessed from the first chunk, spares the copies
    // (and the double memory) of vectors that grow.
    if (!reserved_ && total_ > 0 && done_ > 0) {
      reserved_ = true;
      if (done_ < total_) {
        const double factor = static_cast<double>(total_) / static_cast<double>(done_);
        detail::ReserveFor(all_, factor * 1.02);
      }
    }
    return true;
  }

  [[nodiscard]] const absl::Status& status() const { return status_; }

 private:
  std::string_view source_;
  const TableOptions& options_;
  std::size_t total_;
  SessionTables all_;
  detail::TableIndex index_;
  std::vector<detail::CodeMaps> maps_;  // each worker's codes in `index_`
  std::int64_t first_line_ = 1;
  std::size_t done_ = 0;
  bool reserved_ = false;
  absl::Status status_;
};

// How much of the input a chunk is, in the unit of the collector's total.
std::size_t ChunkSize(const Chunk& c, const StoreRows* store) {
  if (store != nullptr) return store->ids.size();
  if (c.range.has_value()) return c.range->end - c.range->begin;
  return c.too_long > 0 ? c.too_long : c.text().size();
}

// Reads chunks into tables as they are handed in: on the calling thread
// with one thread; else on `threads` workers, each chunk into tables of its
// own, which the calling thread appends in input order (at most a few
// chunks a worker in memory at once).
class Pipeline {
 public:
  Pipeline(std::string_view source, const TableOptions& options, std::size_t total,
           BufferPool* pool)
      : options_(options),
        threads_(ThreadCount(options)),
        collector_(source, options, total),
        pool_(pool) {
    if (threads_ <= 1) {
      reader_ = std::make_unique<detail::SessionLineReader>(options, FastPath());
      return;
    }
    workers_.reserve(static_cast<std::size_t>(threads_));
    for (int i = 0; i < threads_; ++i) workers_.emplace_back([this, i] { Work(i); });
  }

  ~Pipeline() { Close(); }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Reads `chunk` (now or on a worker); false once a strict read has met a bad line.
  bool Submit(Chunk&& chunk, std::unique_ptr<StoreRows> store = nullptr) {
    if (failed_) return false;
    if (threads_ <= 1) {
      ChunkLines lines = ReadChunk(chunk, *reader_, collector_.all(), collector_.index(), options_);
      if (!collector_.Take(std::move(lines), ChunkSize(chunk, store.get()), nullptr, store.get())) {
        failed_ = true;
      }
      Recycle(std::move(chunk.owned));
      return !failed_;
    }
    const std::size_t max_in_flight = static_cast<std::size_t>(threads_) * 2 + 1;
    while (produced_ - merged_ >= max_in_flight) {
      if (!MergeNext()) return false;
    }
    Job job{std::move(chunk), std::move(store)};
    job.chunk.index = produced_++;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(std::move(job));
    }
    work_ready_.notify_one();
    return true;
  }

  // The tables, masked (see TableOptions::identifiers), once every chunk
  // handed in is read; `input` is how reading the input itself ended.
  absl::StatusOr<SessionTables> Finish(const absl::Status& input) {
    while (!failed_ && merged_ < produced_) MergeNext();
    Close();
    if (failed_) return collector_.status();
    if (!input.ok()) return input;
    if (!read_error_.ok()) return read_error_;
    SessionTables& all = collector_.all();
    detail::SetDictionaries(all, collector_.index());
    // What the identifier linter finds is masked unless the options keep it:
    // the workers masked their chunks' rows; the dictionaries are masked here.
    if (threads_ > 1) {
      detail::MaskDictionariesIn(all, options_);
    } else {
      detail::MaskIdentifiersIn(all, options_);
    }
    return std::move(all);
  }

 private:
  struct Job {
    Chunk chunk;
    std::unique_ptr<StoreRows> store;
  };
  struct Part {
    SessionTables tables;
    ChunkLines lines;
    std::size_t done = 0;
    std::unique_ptr<StoreRows> store;
    Buffer buffer;            // the chunk's, to be reused
    int worker = 0;           // who read it
    detail::NewValues added;  // what the worker's dictionaries gained with it
  };

  void Recycle(Buffer&& buffer) {
    if (pool_ != nullptr) pool_->Put(std::move(buffer));
  }

  void Work(int worker) {
    detail::SessionLineReader reader(options_, FastPath());
    // The worker's own dictionaries, from chunk to chunk; each part hands
    // over what they gained with it.
    detail::TableIndex index;
    std::array<std::size_t, detail::kOpenColumns> seen{};
    Buffer range_buffer;  // the lines of a file range
    while (true) {
      Job job;
      bool wanted = false;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
        wanted = job.chunk.index <= stop_after_;
      }
      Part part;
      part.done = ChunkSize(job.chunk, job.store.get());
      part.worker = worker;
      if (wanted && job.chunk.range.has_value()) {
        // A range of a file: the worker reads it itself.
        std::string_view lines;
        std::size_t too_long = 0;
        const absl::Status loaded = LoadRange(*job.chunk.range, options_.limits.max_line_bytes,
                                              range_buffer, lines, too_long);
        if (!loaded.ok()) {
          std::lock_guard<std::mutex> lock(mutex_);
          if (read_error_.ok()) read_error_ = loaded;
        }
        job.chunk.view = lines;
        job.chunk.readable_end =
            range_buffer.bytes.get() + range_buffer.capacity + detail::SessionLineReader::kPadding;
        part.tables = detail::EmptyTables(options_);
        part.lines = ReadChunk(job.chunk, reader, part.tables, index, options_);
        if (too_long > 0 && (part.lines.errors.empty() || options_.on_error == OnError::kSkip)) {
          ++part.lines.lines;
          part.lines.errors.emplace_back(part.lines.lines,
                                         LineError{absl::StatusCode::kResourceExhausted, 1, "",
                                                   detail::TooLong(too_long, options_.limits)});
        }
        part.added = detail::TakeNewValues(index, seen);
      } else if (wanted) {
        part.tables = detail::EmptyTables(options_);
        part.lines = ReadChunk(job.chunk, reader, part.tables, index, options_);
        part.added = detail::TakeNewValues(index, seen);
      }
      // The ids and texts are masked row by row here, in parallel, rather
      // than on the joined tables by the calling thread.
      detail::MaskRowsIn(part.tables, options_);
      part.store = std::move(job.store);
      part.buffer = std::move(job.chunk.owned);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (options_.on_error == OnError::kFail && !part.lines.errors.empty()) {
          stop_after_ = std::min(stop_after_, job.chunk.index);
        }
        done_.emplace(job.chunk.index, std::move(part));
      }
      part_ready_.notify_all();
    }
  }

  // Waits for the next part in input order and appends it; false at a bad
  // line under kFail.
  bool MergeNext() {
    Part part;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      part_ready_.wait(lock, [&] { return done_.count(merged_) > 0; });
      auto it = done_.find(merged_);
      part = std::move(it->second);
      done_.erase(it);
    }
    ++merged_;
    Recycle(std::move(part.buffer));
    if (!collector_.Take(std::move(part.lines), part.done, &part.tables, part.store.get(),
                         &part.added, part.worker)) {
      failed_ = true;
    }
    return !failed_;
  }

  void Close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
      queue_.clear();
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

  const TableOptions& options_;
  int threads_;
  Collector collector_;
  BufferPool* pool_;  // where read chunks' buffers go back to, if anywhere
  std::unique_ptr<detail::SessionLineReader> reader_;  // one thread
  bool failed_ = false;
  std::size_t produced_ = 0;
  std::size_t merged_ = 0;

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable part_ready_;
  std::deque<Job> queue_;
  std::map<std::size_t, Part> done_;
  bool closing_ = false;
  std::size_t stop_after_ = std::numeric_limits<std::size_t>::max();
  absl::Status read_error_;  // a worker's, reading a range
  std::vector<std::thread> workers_;
};

absl::StatusOr<SessionTables> Read(ChunkSource& chunks, std::string_view source,
                                   const TableOptions& options) {
  Pipeline pipeline(source, options, chunks.size(), chunks.pool());
  Chunk chunk;
  while (chunks.Next(chunk)) {
    if (!pipeline.Submit(std::move(chunk))) break;
    chunk = Chunk();
  }
  return pipeline.Finish(chunks.status());
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
  if (S_ISREG(info.st_mode) && ThreadCount(options) > 1) {
    // Workers read their ranges themselves, in parallel.
    RangeChunks chunks(fd, static_cast<std::size_t>(info.st_size), options);
    absl::StatusOr<SessionTables> t = Read(chunks, path, options);
    if (!t.ok() && t.status().code() == absl::StatusCode::kUnavailable) {
      return absl::UnavailableError(absl::StrCat(path, ": ", t.status().message()));
    }
    return t;
  }
  FileChunks chunks(fd, path, S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0,
                    options);
  return Read(chunks, path, options);
}

absl::StatusOr<SessionTables> ReadTables(const Store& store, const SessionQuery& query,
                                         const TableOptions& options) {
  // The sessions are gathered into chunks as the store hands them over: the
  // bodies, each a whole line, read as a file's lines are.
  absl::StatusOr<std::size_t> count = store.CountSessions(query);
  if (!count.ok()) return count.status();
  std::size_t total = *count;
  if (query.limit > 0) total = std::min(total, query.limit);
  BufferPool spare;
  Pipeline pipeline("store", options, total, &spare);
  const std::size_t chunk_bytes = std::max<std::size_t>(options.chunk_bytes, 1);
  const std::size_t room = chunk_bytes + 65536;

  // With workers, the store is scanned on a thread of its own, which hands
  // the chunks over through a short queue: the calling thread, which merges
  // the workers' tables in order, then never holds up SQLite.
  struct Gathered {
    Chunk chunk;
    std::unique_ptr<StoreRows> rows;
  };
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Gathered> queue;
  bool scanning = true;
  bool stopped = false;
  const bool threaded = ThreadCount(options) > 1;
  const std::size_t queue_limit = static_cast<std::size_t>(ThreadCount(options)) + 1;
  const auto deliver = [&](Chunk&& c, std::unique_ptr<StoreRows>&& r) {
    if (!threaded) return pipeline.Submit(std::move(c), std::move(r));
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return stopped || queue.size() < queue_limit; });
    if (stopped) return false;
    queue.push_back(Gathered{std::move(c), std::move(r)});
    changed.notify_all();
    return true;
  };

  // A chunk to fill, in a kept buffer when there is one.
  const auto empty_chunk = [&] {
    Chunk c;
    c.owned = spare.Take();
    c.owned.Reserve(room);
    return c;
  };
  const auto scan = [&] {
    Chunk chunk = empty_chunk();
    auto rows = std::make_unique<StoreRows>();
    const auto hand_in = [&] {
      chunk.is_owned = true;
      const bool ok = deliver(std::move(chunk), std::move(rows));
      chunk = empty_chunk();
      rows = std::make_unique<StoreRows>();
      return ok;
    };
    absl::Status scanned = store.ScanSessions(query, [&](const StoredSessionView& session) {
      Buffer& b = chunk.owned;
      b.Reserve(b.size + session.body.size() + 1);
      std::memcpy(b.bytes.get() + b.size, session.body.data(), session.body.size());
      b.size += session.body.size();
      b.bytes[b.size++] = '\n';
      rows->ids.emplace_back(session.id);
      if (b.size >= chunk_bytes && !hand_in()) {
        return absl::CancelledError("stopped at a session that cannot be read");
      }
      return absl::OkStatus();
    });
    if (scanned.ok() && chunk.owned.size > 0) hand_in();
    if (absl::IsCancelled(scanned)) scanned = absl::OkStatus();  // the pipeline knows why
    return scanned;
  };

  absl::Status scanned;
  if (!threaded) {
    scanned = scan();
  } else {
    std::thread scanner([&] {
      absl::Status s = scan();
      std::lock_guard<std::mutex> lock(mutex);
      scanned = std::move(s);
      scanning = false;
      changed.notify_all();
    });
    while (true) {
      Gathered next;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return !queue.empty() || !scanning; });
        if (queue.empty()) break;
        next = std::move(queue.front());
        queue.pop_front();
        changed.notify_all();
      }
      if (!pipeline.Submit(std::move(next.chunk), std::move(next.rows))) {
        std::lock_guard<std::mutex> lock(mutex);
        stopped = true;
        changed.notify_all();
        break;
      }
    }
    scanner.join();
  }
  return pipeline.Finish(scanned);
}

}  // namespace carelearn
