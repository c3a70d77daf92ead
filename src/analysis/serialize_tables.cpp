#include "carelearn/analysis/serialize_tables.hpp"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "analysis/table_builder.hpp"

namespace carelearn {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the tables' binary form is the host's little-endian layout");

constexpr std::string_view kMagic = "CLTABLES";

// `s` for absl::StrCat (whose string_view is Abseil's own in some builds).
absl::string_view Text(std::string_view s) { return {s.data(), s.size()}; }

// The tables' names and their columns' names, in the order of
// `detail::ForEachTable` and `detail::ForEachColumn`, for the error messages.
constexpr std::array<std::string_view, 9> kTables = {"sessions",       "participants",    "steps",
                                                     "prompts",        "learning_points", "actions",
                                                     "action_changes", "feedback",        "notes"};

const std::vector<std::vector<std::string_view>>& ColumnNames() {
  static const auto* const names = new std::vector<std::vector<std::string_view>>{
      {"id",
       "unit",
       "format_id",
       "format_version",
       "planned_start",
       "actual_start",
       "actual_end",
       "status",
       "cancel_reason",
       "cancel_confidential",
       "cancel_note",
       "case_category",
       "citizen",
       "participant_count",
       "step_count",
       "prompt_count",
       "learning_point_count",
       "action_count",
       "feedback_count",
       "note_count"},
      {"session", "position", "person", "role", "unit", "profession", "shift"},
      {"session", "position", "step", "start", "end", "minutes"},
      {"session", "step", "question"},
      {"session", "position", "step", "author", "confidential", "text"},
      {"session", "position", "action", "step", "owner", "due", "status", "proposed_at",
       "started_at", "done_at", "dropped_at", "confidential", "text"},
      {"session", "action", "position", "status", "at"},
      {"session", "step", "participant", "rating", "confidential", "comment"},
      {"session", "step", "kind", "confidential", "text"}};
  return *names;
}

// ------------------------------------------------------------------------------------ writing

// True when the values of `v` are not all the same bytes.
template <typename T>
bool Varies(const std::vector<T>& v) {
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (std::memcmp(&v[i], &v[0], sizeof(T)) != 0) return true;
  }
  return false;
}
bool Varies(const DictionaryColumn& c) { return Varies(c.codes); }
bool Varies(const StringColumn& c) { return Varies(c.offsets) || Varies(c.valid); }

class Writer {
 public:
  void Varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }

  void Bytes(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }

  template <typename T>
  void Value(const T& v) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    out_.append(bytes, sizeof(T));
  }

  // Values as the file comment says: 1 and one value when all rows hold it
  // (and `whole` does not ask for every value), else 0 and every value.
  template <typename T>
  void Numbers(const std::vector<T>& v, bool whole) {
    Varint(v.size());
    if (!v.empty() && !whole && !Varies(v)) {
      out_.push_back(1);
      Value(v[0]);
      return;
    }
    out_.push_back(0);
    if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }

  template <typename T>
  void Column(const std::vector<T>& v, bool whole) {
    Numbers(v, whole);
  }
  void Column(const DictionaryColumn& c, bool whole) {
    Numbers(c.codes, whole);
    Varint(c.dictionary.size());
    for (const std::string& value : c.dictionary) Bytes(value);
  }
  void Column(const StringColumn& c, bool whole) {
    Numbers(c.offsets, whole);
    Bytes(c.data);
    Numbers(c.valid, false);
  }

  template <typename Table>
  void WriteTable(const Table& table) {
    // `ForEachColumn` takes the table to change; here it is only read.
    auto& t = const_cast<Table&>(table);
    Varint(t.size());
    bool varies = false;
    detail::ForEachColumn(t, [&](const auto& c) { varies = varies || Varies(c); });
    // A table with rows and no column that varies has its first column
    // written value by value, so that its rows are bounded by its bytes.
    bool whole = t.size() > 0 && !varies;
    detail::ForEachColumn(t, [&](const auto& c) {
      Column(c, whole);
      whole = false;
    });
  }

  std::string Take() && { return std::move(out_); }

 private:
  std::string out_;
};

// ------------------------------------------------------------------------------------ reading

class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  // Where the bytes being read belong ("participants.person"), for errors.
  void At(std::string where) { where_ = std::move(where); }

  [[nodiscard]] absl::Status Error(std::string_view cause) const {
    if (where_.empty()) return absl::DataLossError(absl::StrCat("session tables: ", Text(cause)));
    return absl::DataLossError(absl::StrCat("session tables: ", where_, ": ", Text(cause)));
  }
  [[nodiscard]] absl::Status CutShort() const { return Error("the bytes end too soon"); }

  [[nodiscard]] std::size_t Left() const { return rest_.size(); }

  absl::Status Varint(std::uint64_t& v) {
    v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) return CutShort();
      const auto byte = static_cast<std::uint8_t>(rest_.front());
      rest_.remove_prefix(1);
      if (shift == 63 && byte > 1) return Error("a length is more than 64 bits");
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return absl::OkStatus();
    }
    return Error("a length is more than 64 bits");
  }

  // A count of items of at least `each` bytes that must still follow.
  absl::Status Count(std::uint64_t& n, std::size_t each, std::string_view what) {
    if (absl::Status s = Varint(n); !s.ok()) return s;
    if (n > Left() / each) {
      return Error(
          absl::StrCat(n, " ", Text(what), ", more than the ", Left(), " bytes left hold"));
    }
    return absl::OkStatus();
  }

  absl::Status Bytes(std::string& out) {
    std::uint64_t n = 0;
    if (absl::Status s = Count(n, 1, "bytes of a string"); !s.ok()) return s;
    out.assign(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return absl::OkStatus();
  }

  template <typename T>
  absl::Status Value(T& v) {
    if (Left() < sizeof(T)) return CutShort();
    std::memcpy(&v, rest_.data(), sizeof(T));
    rest_.remove_prefix(sizeof(T));
    return absl::OkStatus();
  }

  // Values written by `Writer::Numbers`; there must be `rows` of them.
  template <typename T>
  absl::Status Numbers(std::vector<T>& v, std::size_t rows) {
    std::uint64_t n = 0;
    if (absl::Status s = Varint(n); !s.ok()) return s;
    if (n != rows) return Error(absl::StrCat(n, " values where ", rows, " were due"));
    if (Left() < 1) return CutShort();
    const auto encoding = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    if (encoding == 1) {
      T value{};
      if (absl::Status s = Value(value); !s.ok()) return s;
      v.assign(rows, value);
      return absl::OkStatus();
    }
    if (encoding != 0) return Error(absl::StrCat("unknown encoding ", int{encoding}));
    if (rows > Left() / sizeof(T)) {
      return Error(absl::StrCat(rows, " values of ", sizeof(T), " bytes, more than the ", Left(),
                                " bytes left hold"));
    }
    v.resize(rows);
    if (rows > 0) std::memcpy(v.data(), rest_.data(), rows * sizeof(T));
    rest_.remove_prefix(rows * sizeof(T));
    return absl::OkStatus();
  }

  template <typename T>
  absl::Status Column(std::vector<T>& v, std::size_t rows) {
    return Numbers(v, rows);
  }

  absl::Status Column(DictionaryColumn& c, std::size_t rows) {
    if (absl::Status s = Numbers(c.codes, rows); !s.ok()) return s;
    std::uint64_t n = 0;
    if (absl::Status s = Count(n, 1, "dictionary values"); !s.ok()) return s;
    if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max())) {
      return Error(absl::StrCat(n, " dictionary values, more than int32 codes can number"));
    }
    c.dictionary.resize(n);
    std::unordered_set<std::string_view> seen;
    seen.reserve(n);
    for (std::string& value : c.dictionary) {
      if (absl::Status s = Bytes(value); !s.ok()) return s;
      if (!seen.insert(value).second) {
        return Error(absl::StrCat("the value \"", Text(value), "\" is in the dictionary twice"));
      }
    }
    for (std::size_t r = 0; r < c.codes.size(); ++r) {
      const std::int32_t code = c.codes[r];
      if (code != kNullCode && (code < 0 || static_cast<std::uint64_t>(code) >= n)) {
        return Error(absl::StrCat("row ", r, ": the code ", code, " is outside its dictionary of ",
                                  n, " values"));
      }
    }
    return absl::OkStatus();
  }

  absl::Status Column(StringColumn& c, std::size_t rows) {
    // A free-text column that was not read has no rows: one offset, no flags.
    std::uint64_t n = 0;
    {
      Reader peek = *this;
      if (absl::Status s = peek.Varint(n); !s.ok()) return s;
    }
    if (n != rows + 1 && n != 1) {
      return Error(absl::StrCat(n, " offsets where ", rows + 1, " (or 1, unread) were due"));
    }
    const std::size_t own = static_cast<std::size_t>(n) - 1;
    if (absl::Status s = Numbers(c.offsets, own + 1); !s.ok()) return s;
    if (absl::Status s = Bytes(c.data); !s.ok()) return s;
    if (absl::Status s = Numbers(c.valid, own); !s.ok()) return s;
    if (c.offsets[0] != 0)
      return Error(absl::StrCat("the first offset is ", c.offsets[0], ", not 0"));
    for (std::size_t r = 0; r < own; ++r) {
      if (c.offsets[r + 1] < c.offsets[r]) {
        return Error(absl::StrCat("row ", r, ": the offsets fall from ", c.offsets[r], " to ",
                                  c.offsets[r + 1]));
      }
      if (c.valid[r] > 1) {
        return Error(
            absl::StrCat("row ", r, ": the validity flag is ", int{c.valid[r]}, ", not 0 or 1"));
      }
    }
    if (static_cast<std::uint64_t>(c.offsets[own]) != c.data.size()) {
      return Error(
          absl::StrCat("the last offset is ", c.offsets[own], " for ", c.data.size(), " bytes"));
    }
    return absl::OkStatus();
  }

  template <typename Table>
  absl::Status ReadTable(Table& t, std::size_t index, std::size_t& rows) {
    At("");
    std::uint64_t n = 0;
    if (absl::Status s = Varint(n); !s.ok()) return s;
    // Every table with rows has a column of at least a byte a row.
    if (n > Left()) {
      return Error(absl::StrCat(Text(kTables[index]), ": ", n, " rows, more than the ", Left(),
                                " bytes left hold"));
    }
    rows = static_cast<std::size_t>(n);
    absl::Status status = absl::OkStatus();
    std::size_t column = 0;
    detail::ForEachColumn(t, [&](auto& c) {
      if (!status.ok()) return;
      At(absl::StrCat(Text(kTables[index]), ".", Text(ColumnNames()[index][column++])));
      status = Column(c, rows);
    });
    return status;
  }

 private:
  std::string_view rest_;
  std::string where_;
};

// An error unless every value of `refs` is a row of a table of `rows` rows.
absl::Status CheckReferences(const std::vector<std::int32_t>& refs, std::size_t rows,
                             std::string_view column, std::string_view table) {
  for (std::size_t r = 0; r < refs.size(); ++r) {
    if (refs[r] < 0 || static_cast<std::size_t>(refs[r]) >= rows) {
      return absl::DataLossError(absl::StrCat("session tables: ", Text(column), ": row ", r,
                                              " names row ", refs[r], " of ", Text(table),
                                              ", which has ", rows, " rows"));
    }
  }
  return absl::OkStatus();
}

// The times and days the readers give: the years 0001 to 9999, in
// microseconds and in days since 1970-01-01.
constexpr std::int64_t kFirstMicros = -62135596800LL * 1000000;
constexpr std::int64_t kEndMicros = 253402300800LL * 1000000;  // 10000-01-01, not included
constexpr std::int32_t kFirstDay = -719162;                    // 0001-01-01
constexpr std::int32_t kLastDay = 2932896;                     // 9999-12-31

// An error unless every time of `times` is of the years 0001 to 9999, or
// missing where `nullable`: a measure sizes its periods by them.
absl::Status CheckTimes(const std::vector<std::int64_t>& times, std::string_view column,
                        bool nullable) {
  for (std::size_t r = 0; r < times.size(); ++r) {
    const std::int64_t v = times[r];
    if (nullable && v == kNullTimestamp) continue;
    if (v < kFirstMicros || v >= kEndMicros) {
      return absl::DataLossError(
          absl::StrCat("session tables: ", Text(column), ": row ", r, ": the time ", v,
                       v == kNullTimestamp ? " (missing) where a time is due"
                                           : " (microseconds) is outside the years 0001 to 9999"));
    }
  }
  return absl::OkStatus();
}

// An error unless every day of `days` is of the years 0001 to 9999, or missing.
absl::Status CheckDays(const std::vector<std::int32_t>& days, std::string_view column) {
  for (std::size_t r = 0; r < days.size(); ++r) {
    const std::int32_t v = days[r];
    if (v != kNullDay && (v < kFirstDay || v > kLastDay)) {
      return absl::DataLossError(absl::StrCat("session tables: ", Text(column), ": row ", r,
                                              ": the day ", v,
                                              " (since 1970-01-01) is outside the years 0001 "
                                              "to 9999"));
    }
  }
  return absl::OkStatus();
}

// An error unless the times and days of `t` are those a reader gives.
absl::Status CheckAllTimes(const SessionTables& t) {
  const std::vector<std::tuple<const std::vector<std::int64_t>*, std::string_view, bool>> times = {
      {&t.sessions.planned_start, "sessions.planned_start", false},
      {&t.sessions.actual_start, "sessions.actual_start", true},
      {&t.sessions.actual_end, "sessions.actual_end", true},
      {&t.steps.start, "steps.start", true},
      {&t.steps.end, "steps.end", true},
      {&t.actions.proposed_at, "actions.proposed_at", true},
      {&t.actions.started_at, "actions.started_at", true},
      {&t.actions.done_at, "actions.done_at", true},
      {&t.actions.dropped_at, "actions.dropped_at", true},
      {&t.action_changes.at, "action_changes.at", false}};
  for (const auto& [column, name, nullable] : times) {
    if (absl::Status s = CheckTimes(*column, name, nullable); !s.ok()) return s;
  }
  return CheckDays(t.actions.due, "actions.due");
}

}  // namespace

std::string SerializeTables(const SessionTables& tables) {
  Writer w;
  for (const char c : kMagic) w.Value(c);
  w.Value(kTablesFormatVersion);
  detail::ForEachTable(const_cast<SessionTables&>(tables),
                       [&](const auto& table) { w.WriteTable(table); });
  w.Varint(tables.skipped.size());
  for (const SkippedLine& line : tables.skipped) {
    w.Bytes(line.source);
    w.Value(line.line);
    w.Bytes(line.message);
  }
  return std::move(w).Take();
}

absl::StatusOr<SessionTables> DeserializeTables(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + sizeof(std::uint32_t) ||
      bytes.substr(0, kMagic.size()) != kMagic) {
    return absl::DataLossError(
        "session tables: the bytes do not begin with \"CLTABLES\" and a version");
  }
  std::uint32_t version = 0;
  std::memcpy(&version, bytes.data() + kMagic.size(), sizeof(version));
  if (version != kTablesFormatVersion) {
    return absl::DataLossError(absl::StrCat("session tables: version ", version,
                                            ", where this carelearn reads version ",
                                            kTablesFormatVersion));
  }
  Reader r(bytes.substr(kMagic.size() + sizeof(std::uint32_t)));
  SessionTables t;
  std::array<std::size_t, kTables.size()> rows{};
  absl::Status status = absl::OkStatus();
  std::size_t index = 0;
  detail::ForEachTable(t, [&](auto& table) {
    if (status.ok()) status = r.ReadTable(table, index, rows[index]);
    ++index;
  });
  if (!status.ok()) return status;
  r.At("");
  std::uint64_t skipped = 0;
  // A skipped line takes at least 10 bytes: two lengths and its line number.
  if (absl::Status s = r.Count(skipped, 10, "skipped lines"); !s.ok()) return s;
  t.skipped.resize(skipped);
  for (SkippedLine& line : t.skipped) {
    if (absl::Status s = r.Bytes(line.source); !s.ok()) return s;
    if (absl::Status s = r.Value(line.line); !s.ok()) return s;
    if (absl::Status s = r.Bytes(line.message); !s.ok()) return s;
  }
  if (r.Left() != 0) {
    return r.Error(absl::StrCat(r.Left(), " bytes left over after the tables"));
  }
  const std::size_t sessions = t.sessions.size();
  const std::vector<std::pair<const std::vector<std::int32_t>*, std::string_view>> children = {
      {&t.participants.session, "participants.session"},
      {&t.steps.session, "steps.session"},
      {&t.prompts.session, "prompts.session"},
      {&t.learning_points.session, "learning_points.session"},
      {&t.actions.session, "actions.session"},
      {&t.action_changes.session, "action_changes.session"},
      {&t.feedback.session, "feedback.session"},
      {&t.notes.session, "notes.session"}};
  for (const auto& [refs, column] : children) {
    if (absl::Status s = CheckReferences(*refs, sessions, column, "sessions"); !s.ok()) return s;
  }
  if (absl::Status s = CheckReferences(t.action_changes.action, t.actions.size(),
                                       "action_changes.action", "actions");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckAllTimes(t); !s.ok()) return s;
  return t;
}

}  // namespace carelearn
