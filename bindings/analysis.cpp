// bindings/analysis.cpp
//
// The analysis layer bound for Python: the readers that build `SessionTables`
// (from a JSON Lines file or text, from Session values, from a store), run
// with the GIL released, and the tables' columns handed over without copies.
//
// Ownership: the tables are moved into a `std::shared_ptr<const
// SessionTables>` once read. Every numpy array handed out views a column's
// std::vector in place; its `base` is a PyCapsule that holds a copy of that
// shared_ptr, so the tables live as long as any array does (and the arrays
// are read-only: other arrays and Arrow consumers see the same memory). Every
// Arrow array exported through the PyCapsule protocol (bindings/arrow_c.hpp)
// likewise holds the shared_ptr until its consumer releases it, on any thread.
//
// What is not a view: Arrow wants bit-packed validity (the tables mark a
// missing value in the value itself: kNullTimestamp, kNullDay, kNullCode, or a
// byte per row for strings) and bit-packed booleans, and a dictionary's values
// as offsets and bytes (the tables hold a std::vector<std::string>); these
// small buffers are made once per column, on first export, and kept with the
// tables.
#include <pybind11/numpy.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "arrow_c.hpp"
#include "carelearn/analysis/combine_tables.hpp"
#include "carelearn/analysis/serialize_tables.hpp"
#include "carelearn/analysis/tables.hpp"
#include "common.hpp"
#include "store_handle.hpp"
#include "tables_handle.hpp"

namespace carelearn::bindings {
namespace {

/// How a column is stored in the tables, and so how it is handed out.
enum class Kind {
  kInt8,        ///< std::vector<std::int8_t>.
  kBool,        ///< std::vector<std::uint8_t> of 0 and 1.
  kInt32,       ///< std::vector<std::int32_t>.
  kFloat64,     ///< std::vector<double>.
  kTimestamp,   ///< std::vector<std::int64_t> of µs since the epoch, kNullTimestamp missing.
  kDay,         ///< std::vector<std::int32_t> of days since the epoch, kNullDay missing.
  kDictionary,  ///< DictionaryColumn.
  kString,      ///< StringColumn.
};

/// The name Python sees for `kind`.
const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kInt8:
      return "int8";
    case Kind::kBool:
      return "bool";
    case Kind::kInt32:
      return "int32";
    case Kind::kFloat64:
      return "float64";
    case Kind::kTimestamp:
      return "timestamp";
    case Kind::kDay:
      return "day";
    case Kind::kDictionary:
      return "dictionary";
    case Kind::kString:
      return "string";
  }
  return "";
}

/// One column of a table: its name, its kind and where it lies in the tables.
struct ColumnSpec {
  std::string name;    ///< The column's name (the C++ member's).
  Kind kind;           ///< How it is stored.
  const void* column;  ///< The std::vector, DictionaryColumn or StringColumn.
  std::size_t size;    ///< Its number of rows.
};

/// The tables, in the order SessionTables declares them.
constexpr std::array<const char*, 9> kTableNames = {"sessions",       "participants",    "steps",
                                                    "prompts",        "learning_points", "actions",
                                                    "action_changes", "feedback",        "notes"};

/// Collects the columns of one table; free-text columns only when asked for.
class Specs {
 public:
  explicit Specs(bool free_text) : free_text_(free_text) {}

  Specs& Int8(std::string name, const std::vector<std::int8_t>& v) {
    return Add(std::move(name), Kind::kInt8, &v, v.size());
  }
  Specs& Bool(std::string name, const std::vector<std::uint8_t>& v) {
    return Add(std::move(name), Kind::kBool, &v, v.size());
  }
  Specs& Int32(std::string name, const std::vector<std::int32_t>& v) {
    return Add(std::move(name), Kind::kInt32, &v, v.size());
  }
  Specs& Float64(std::string name, const std::vector<double>& v) {
    return Add(std::move(name), Kind::kFloat64, &v, v.size());
  }
  Specs& Time(std::string name, const std::vector<std::int64_t>& v) {
    return Add(std::move(name), Kind::kTimestamp, &v, v.size());
  }
  Specs& Day(std::string name, const std::vector<std::int32_t>& v) {
    return Add(std::move(name), Kind::kDay, &v, v.size());
  }
  Specs& Dict(std::string name, const DictionaryColumn& c) {
    return Add(std::move(name), Kind::kDictionary, &c, c.size());
  }
  Specs& String(std::string name, const StringColumn& c) {
    return Add(std::move(name), Kind::kString, &c, c.size());
  }
  /// A free-text column: left out unless free text was asked for.
  Specs& Text(std::string name, const StringColumn& c) {
    if (!free_text_) return *this;
    return String(std::move(name), c);
  }

  std::vector<ColumnSpec> Take() { return std::move(specs_); }

 private:
  Specs& Add(std::string name, Kind kind, const void* column, std::size_t size) {
    specs_.push_back({std::move(name), kind, column, size});
    return *this;
  }

  bool free_text_;
  std::vector<ColumnSpec> specs_;
};

/// The columns of table number `table` of `t` and its number of rows.
std::pair<std::vector<ColumnSpec>, std::size_t> ColumnsOf(const SessionTables& t, std::size_t table,
                                                          bool free_text) {
  Specs s(free_text);
  switch (table) {
    case 0: {
      const SessionsTable& x = t.sessions;
      s.String("id", x.id)
          .Dict("unit", x.unit)
          .Dict("format_id", x.format_id)
          .Int32("format_version", x.format_version)
          .Time("planned_start", x.planned_start)
          .Time("actual_start", x.actual_start)
          .Time("actual_end", x.actual_end)
          .Dict("status", x.status)
          .Dict("cancel_reason", x.cancel_reason)
          .Bool("cancel_confidential", x.cancel_confidential)
          .Text("cancel_note", x.cancel_note)
          .Dict("case_category", x.case_category)
          .Dict("citizen", x.citizen)
          .Int32("participant_count", x.participant_count)
          .Int32("step_count", x.step_count)
          .Int32("prompt_count", x.prompt_count)
          .Int32("learning_point_count", x.learning_point_count)
          .Int32("action_count", x.action_count)
          .Int32("feedback_count", x.feedback_count)
          .Int32("note_count", x.note_count);
      return {s.Take(), x.size()};
    }
    case 1: {
      const ParticipantsTable& x = t.participants;
      s.Int32("session", x.session)
          .Int32("position", x.position)
          .Dict("person", x.person)
          .Dict("role", x.role)
          .Dict("unit", x.unit)
          .Dict("profession", x.profession)
          .Dict("shift", x.shift);
      return {s.Take(), x.size()};
    }
    case 2: {
      const StepsTable& x = t.steps;
      s.Int32("session", x.session)
          .Int32("position", x.position)
          .Dict("step", x.step)
          .Time("start", x.start)
          .Time("end", x.end)
          .Float64("minutes", x.minutes);
      return {s.Take(), x.size()};
    }
    case 3: {
      const PromptsTable& x = t.prompts;
      s.Int32("session", x.session).Dict("step", x.step).Dict("question", x.question);
      return {s.Take(), x.size()};
    }
    case 4: {
      const LearningPointsTable& x = t.learning_points;
      s.Int32("session", x.session)
          .Int32("position", x.position)
          .Dict("step", x.step)
          .Dict("author", x.author)
          .Bool("confidential", x.confidential)
          .Text("text", x.text);
      return {s.Take(), x.size()};
    }
    case 5: {
      const ActionsTable& x = t.actions;
      s.Int32("session", x.session)
          .Int32("position", x.position)
          .Dict("action", x.action)
          .Dict("step", x.step)
          .Dict("owner", x.owner)
          .Day("due", x.due)
          .Dict("status", x.status)
          .Time("proposed_at", x.proposed_at)
          .Time("started_at", x.started_at)
          .Time("done_at", x.done_at)
          .Time("dropped_at", x.dropped_at)
          .Bool("confidential", x.confidential)
          .Text("text", x.text);
      return {s.Take(), x.size()};
    }
    case 6: {
      const ActionChangesTable& x = t.action_changes;
      s.Int32("session", x.session)
          .Int32("action", x.action)
          .Int32("position", x.position)
          .Dict("status", x.status)
          .Time("at", x.at);
      return {s.Take(), x.size()};
    }
    case 7: {
      const FeedbackTable& x = t.feedback;
      s.Int32("session", x.session)
          .Dict("step", x.step)
          .Dict("participant", x.participant)
          .Int8("rating", x.rating)
          .Bool("confidential", x.confidential)
          .Text("comment", x.comment);
      return {s.Take(), x.size()};
    }
    default: {
      const NotesTable& x = t.notes;
      s.Int32("session", x.session)
          .Dict("step", x.step)
          .Dict("kind", x.kind)
          .Bool("confidential", x.confidential)
          .Text("text", x.text);
      return {s.Take(), x.size()};
    }
  }
}

/// Raises ValueError with `message`, whose bytes that are not UTF-8 (a
/// name given as bytes) are shown escaped rather than failing the error.
[[noreturn]] void ThrowValueError(const std::string& message) {
  const py::str text = py::reinterpret_steal<py::str>(PyUnicode_DecodeUTF8(
      message.data(), static_cast<Py_ssize_t>(message.size()), "backslashreplace"));
  PyErr_SetObject(PyExc_ValueError, text.ptr());
  throw py::error_already_set();
}

/// The owner of the tables, as every view and export holds it.
using Owner = std::shared_ptr<const SessionTables>;

/// A column's Arrow buffers that are made rather than viewed, with the
/// tables they describe.
struct Derived {
  Owner tables;                         ///< Keeps the viewed buffers alive too.
  std::vector<std::uint8_t> bits;       ///< A validity bitmap or bit-packed booleans.
  std::vector<std::int32_t> offsets32;  ///< A dictionary's values: offsets (utf8).
  std::vector<std::int64_t> offsets64;  ///< ... or offsets (large_utf8).
  std::string data;                     ///< ... and their bytes.
};

/// Packs `valid(i)` for rows 0..n-1 into `bits` (LSB first); returns the
/// number of rows for which it is false.
template <typename Valid>
std::int64_t Pack(std::size_t n, Valid valid, std::vector<std::uint8_t>& bits) {
  bits.assign((n + 7) / 8, 0);
  std::int64_t zeros = 0;
  for (std::size_t byte = 0; byte < bits.size(); ++byte) {
    const std::size_t first = byte * 8;
    const std::size_t last = std::min(n, first + 8);
    unsigned value = 0;
    for (std::size_t i = first; i < last; ++i) {
      const bool v = valid(i);
      value |= static_cast<unsigned>(v) << (i - first);
      zeros += static_cast<std::int64_t>(!v);
    }
    bits[byte] = static_cast<std::uint8_t>(value);
  }
  return zeros;
}

/// The Arrow form of a dictionary's values (utf8, or large_utf8 past 2 GiB).
std::shared_ptr<const arrow::Column> DictionaryValues(const Owner& tables,
                                                      const std::vector<std::string>& values) {
  auto derived = std::make_shared<Derived>();
  derived->tables = tables;
  std::size_t bytes = 0;
  for (const std::string& v : values) bytes += v.size();
  derived->data.reserve(bytes);
  for (const std::string& v : values) derived->data += v;
  auto column = std::make_shared<arrow::Column>();
  column->nullable = false;
  column->length = static_cast<std::int64_t>(values.size());
  if (bytes <= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    column->format = "u";
    derived->offsets32.reserve(values.size() + 1);
    std::int32_t at = 0;
    derived->offsets32.push_back(at);
    for (const std::string& v : values) {
      at += static_cast<std::int32_t>(v.size());
      derived->offsets32.push_back(at);
    }
    column->buffers = {nullptr, derived->offsets32.data(), derived->data.data()};
  } else {
    column->format = "U";
    derived->offsets64.reserve(values.size() + 1);
    std::int64_t at = 0;
    derived->offsets64.push_back(at);
    for (const std::string& v : values) {
      at += static_cast<std::int64_t>(v.size());
      derived->offsets64.push_back(at);
    }
    column->buffers = {nullptr, derived->offsets64.data(), derived->data.data()};
  }
  column->keep = std::move(derived);
  return column;
}

/// The Arrow form of `spec`, viewing the tables' buffers where Arrow's layout
/// is the tables' own.
arrow::Column ArrowColumnOf(const Owner& tables, const ColumnSpec& spec) {
  arrow::Column c;
  c.name = spec.name;
  c.length = static_cast<std::int64_t>(spec.size);
  c.keep = tables;
  // A validity bitmap from `valid`, kept only when some row is missing.
  auto with_validity = [&](auto valid) {
    auto derived = std::make_shared<Derived>();
    derived->tables = tables;
    c.null_count = Pack(spec.size, valid, derived->bits);
    if (c.null_count > 0) {
      c.buffers[0] = derived->bits.data();
      c.keep = std::move(derived);
    }
  };
  switch (spec.kind) {
    case Kind::kInt8: {
      const auto& v = *static_cast<const std::vector<std::int8_t>*>(spec.column);
      c.format = "c";
      c.nullable = false;
      c.buffers = {nullptr, v.data()};
      break;
    }
    case Kind::kBool: {
      const auto& v = *static_cast<const std::vector<std::uint8_t>*>(spec.column);
      auto derived = std::make_shared<Derived>();
      derived->tables = tables;
      Pack(
          v.size(), [&](std::size_t i) { return v[i] != 0; }, derived->bits);
      c.format = "b";
      c.nullable = false;
      c.buffers = {nullptr, derived->bits.data()};
      c.keep = std::move(derived);
      break;
    }
    case Kind::kInt32: {
      const auto& v = *static_cast<const std::vector<std::int32_t>*>(spec.column);
      c.format = "i";
      c.nullable = false;
      c.buffers = {nullptr, v.data()};
      break;
    }
    case Kind::kFloat64: {
      const auto& v = *static_cast<const std::vector<double>*>(spec.column);
      c.format = "g";
      c.nullable = false;
      c.buffers = {nullptr, v.data()};
      break;
    }
    case Kind::kTimestamp: {
      const auto& v = *static_cast<const std::vector<std::int64_t>*>(spec.column);
      c.format = "tsu:UTC";
      c.buffers = {nullptr, v.data()};
      with_validity([&](std::size_t i) { return v[i] != kNullTimestamp; });
      break;
    }
    case Kind::kDay: {
      const auto& v = *static_cast<const std::vector<std::int32_t>*>(spec.column);
      c.format = "tdD";
      c.buffers = {nullptr, v.data()};
      with_validity([&](std::size_t i) { return v[i] != kNullDay; });
      break;
    }
    case Kind::kDictionary: {
      const auto& d = *static_cast<const DictionaryColumn*>(spec.column);
      c.format = "i";
      c.buffers = {nullptr, d.codes.data()};
      c.dictionary = DictionaryValues(tables, d.dictionary);
      with_validity([&](std::size_t i) { return d.codes[i] != kNullCode; });
      break;
    }
    case Kind::kString: {
      const auto& s = *static_cast<const StringColumn*>(spec.column);
      c.format = "U";
      c.buffers = {nullptr, s.offsets.data(), s.data.data()};
      with_validity([&](std::size_t i) { return s.valid[i] != 0; });
      break;
    }
  }
  return c;
}

/// The Arrow columns of the tables, made on first export and kept.
struct ArrowCache {
  std::map<std::pair<std::size_t, std::string>, arrow::Column> columns;  ///< By table, name.
};

/// What carelearn._core.SessionTables holds.
struct TablesHandle {
  Owner tables;                       ///< The tables.
  TableOptions options;               ///< How they were read (what text was asked for).
  std::shared_ptr<ArrowCache> cache;  ///< Their Arrow columns, made on demand.

  /// Handles are equal when their tables are (every table and skipped line).
  friend bool operator==(const TablesHandle& a, const TablesHandle& b) {
    return *a.tables == *b.tables;
  }
};

/// What carelearn._core.Table holds: some columns of one table.
struct TableView {
  Owner tables;                       ///< The tables.
  std::shared_ptr<ArrowCache> cache;  ///< Shared with the handle.
  std::size_t table = 0;              ///< Index into kTableNames.
  std::vector<ColumnSpec> columns;    ///< The columns, in order.
  std::size_t rows = 0;               ///< The number of rows.

  /// The column `name`; raises ValueError naming the table's columns when
  /// none, led by the Python argument's name, `argument`.
  [[nodiscard]] const ColumnSpec& Find(std::string_view name, const char* argument = "name") const {
    for (const ColumnSpec& c : columns) {
      if (c.name == name) return c;
    }
    std::vector<std::string> names;
    names.reserve(columns.size());
    for (const ColumnSpec& c : columns) names.push_back(c.name);
    ThrowValueError(absl::StrCat(argument, ": \"", std::string(name), "\" is not a column of the ",
                                 kTableNames[table], " table; its columns are ",
                                 absl::StrJoin(names, ", ")));
  }

  /// The struct column (record batch) of the view, in Arrow's form.
  [[nodiscard]] arrow::Column Batch() const {
    std::vector<arrow::Column> fields;
    fields.reserve(columns.size());
    for (const ColumnSpec& spec : columns) {
      auto key = std::make_pair(table, spec.name);
      auto it = cache->columns.find(key);
      if (it == cache->columns.end()) {
        it = cache->columns.emplace(std::move(key), ArrowColumnOf(tables, spec)).first;
      }
      fields.push_back(it->second);
    }
    return arrow::Struct(std::move(fields), static_cast<std::int64_t>(rows));
  }
};

/// The view of table number `table` with all its columns; raises
/// carelearn.Error when a column's length is not the table's (a reader's bug,
/// which a view must not turn into reads past an array's end).
TableView ViewOf(const TablesHandle& handle, std::size_t table) {
  auto [columns, rows] = ColumnsOf(*handle.tables, table, handle.options.free_text);
  for (const ColumnSpec& c : columns) {
    if (c.size != rows) {
      ThrowStatus(
          absl::InternalError(absl::StrCat("the ", kTableNames[table], " table has ", rows,
                                           " rows but its column ", c.name, " has ", c.size)));
    }
  }
  return TableView{handle.tables, handle.cache, table, std::move(columns), rows};
}

/// The index of the table `name`; raises ValueError naming the tables when none.
std::size_t TableIndex(std::string_view name) {
  for (std::size_t i = 0; i < kTableNames.size(); ++i) {
    if (std::string_view(kTableNames[i]) == name) return i;
  }
  ThrowValueError(absl::StrCat("name: \"", std::string(name), "\" is not a table; the tables are ",
                               absl::StrJoin(kTableNames, ", ")));
}

/// A read-only numpy array of `n` elements of `dtype` at `data`, whose base
/// holds the tables alive.
py::array View(const Owner& tables, const py::dtype& dtype, const void* data, std::size_t n,
               std::size_t itemsize) {
  if (n == 0) return py::array(dtype, std::vector<py::ssize_t>{0});
  py::capsule base(new Owner(tables), [](void* p) { delete static_cast<Owner*>(p); });
  py::array out(dtype, std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)},
                std::vector<py::ssize_t>{static_cast<py::ssize_t>(itemsize)}, data, base);
  out.attr("setflags")(py::arg("write") = false);
  return out;
}

template <typename T>
py::array View(const Owner& tables, const char* dtype, const std::vector<T>& v) {
  return View(tables, py::dtype(dtype), v.data(), v.size(), sizeof(T));
}

/// The PyCapsule "arrow_schema" of `column`'s type.
py::object SchemaCapsule(const arrow::Column& column) {
  auto* schema = new ArrowSchema{};
  try {
    arrow::ExportSchema(column, schema);
  } catch (...) {
    delete schema;
    throw;
  }
  PyObject* capsule = PyCapsule_New(schema, "arrow_schema", [](PyObject* self) {
    auto* s = static_cast<ArrowSchema*>(PyCapsule_GetPointer(self, "arrow_schema"));
    if (s->release != nullptr) s->release(s);
    delete s;
  });
  if (capsule == nullptr) {
    schema->release(schema);
    delete schema;
    throw py::error_already_set();
  }
  return py::reinterpret_steal<py::object>(capsule);
}

/// The PyCapsule "arrow_array_stream" that yields `batch` once.
py::object StreamCapsule(arrow::Column batch) {
  auto* stream = new ArrowArrayStream{};
  arrow::ExportStream(std::move(batch), stream);
  PyObject* capsule = PyCapsule_New(stream, "arrow_array_stream", [](PyObject* self) {
    auto* s = static_cast<ArrowArrayStream*>(PyCapsule_GetPointer(self, "arrow_array_stream"));
    if (s->release != nullptr) s->release(s);
    delete s;
  });
  if (capsule == nullptr) {
    stream->release(stream);
    delete stream;
    throw py::error_already_set();
  }
  return py::reinterpret_steal<py::object>(capsule);
}

/// Moves freshly read tables into a handle.
TablesHandle Handle(SessionTables tables, const TableOptions& options) {
  return TablesHandle{std::make_shared<const SessionTables>(std::move(tables)), options,
                      std::make_shared<ArrowCache>()};
}

/// Runs `read` with the GIL released, then raises its error or wraps its tables.
template <typename Read>
TablesHandle ReadReleased(const TableOptions& options, Read read) {
  absl::StatusOr<SessionTables> result;
  {
    py::gil_scoped_release release;
    result = read();
  }
  return Handle(Unwrap(std::move(result)), options);
}

/// Raises ValueError unless the free-text columns of `t` are as `options`
/// says they were read: filled with `free_text`, empty without, and no
/// confidential item's text without `confidential_text` (so that a pickled
/// state cannot hold more text than its options admit).
void CheckTextOptions(const SessionTables& t, const TableOptions& options) {
  if (options.confidential_text && !options.free_text) {
    throw py::value_error("state: confidential_text without free_text");
  }
  const auto check = [&](const char* name, std::size_t rows, const StringColumn& text,
                         const std::vector<std::uint8_t>& confidential) {
    if (rows > 0 && (text.size() == rows) != options.free_text) {
      throw py::value_error(
          absl::StrCat("state: ", name, " is ", text.size() == rows ? "filled" : "empty",
                       " where free_text is ", options.free_text ? "True" : "False"));
    }
    if (options.confidential_text) return;
    for (std::size_t r = 0; r < text.size(); ++r) {
      if (confidential[r] != 0 && text.valid[r] != 0) {
        throw py::value_error(absl::StrCat("state: ", name, ": row ", r,
                                           " holds confidential text where confidential_text "
                                           "is False"));
      }
    }
  };
  check("sessions.cancel_note", t.sessions.size(), t.sessions.cancel_note,
        t.sessions.cancel_confidential);
  check("learning_points.text", t.learning_points.size(), t.learning_points.text,
        t.learning_points.confidential);
  check("actions.text", t.actions.size(), t.actions.text, t.actions.confidential);
  check("feedback.comment", t.feedback.size(), t.feedback.comment, t.feedback.confidential);
  check("notes.text", t.notes.size(), t.notes.text, t.notes.confidential);
}

/// Raises ValueError for options a reader cannot take.
void CheckOptions(const TableOptions& options) {
  if (options.confidential_text && !options.free_text) {
    throw py::value_error(
        "confidential_text needs free_text: confidential text is free text, read only "
        "with the rest of it");
  }
  if (options.threads < 0) {
    throw py::value_error(absl::StrCat("threads: ", options.threads,
                                       " is negative; give 1 or more, or 0 for one per core"));
  }
  if (options.chunk_bytes == 0) throw py::value_error("chunk_bytes: 0 is too small");
}

void BindOptions(py::module_& m) {
  py::native_enum<OnError>(m, "OnError", "enum.Enum",
                           "What a table reader does with a line it cannot read.")
      .value("FAIL", OnError::kFail, "Stops with the line's located error.")
      .value("SKIP", OnError::kSkip, "Leaves the line out and lists it in SessionTables.skipped.")
      .finalize();

  const TableLimits default_limits;
  py::class_<TableLimits> limits(m, "TableLimits",
                                 "The limits every JSON line a table reader reads is checked "
                                 "against;\npassing one is a LimitError for that line.");
  limits.def(py::init([](std::size_t max_line_bytes, std::size_t max_string_bytes,
                         std::size_t max_depth, std::size_t max_array_items) {
               return TableLimits{max_line_bytes, max_string_bytes, max_depth, max_array_items};
             }),
             py::kw_only(), py::arg("max_line_bytes") = default_limits.max_line_bytes,
             py::arg("max_string_bytes") = default_limits.max_string_bytes,
             py::arg("max_depth") = default_limits.max_depth,
             py::arg("max_array_items") = default_limits.max_array_items,
             "Limits from their fields, all keyword arguments.");
  CopyConstructor(limits);
  limits
      .def_readwrite("max_line_bytes", &TableLimits::max_line_bytes,
                     "The longest line, in bytes, without its line end.")
      .def_readwrite("max_string_bytes", &TableLimits::max_string_bytes,
                     "The longest string or key, in bytes after unescaping.")
      .def_readwrite("max_depth", &TableLimits::max_depth,
                     "The deepest nesting of arrays and objects, the line's object counting 1.")
      .def_readwrite("max_array_items", &TableLimits::max_array_items,
                     "The most items in one array.");
  BindValue(limits);

  const TableOptions defaults;
  py::class_<TableOptions> options(m, "TableOptions", "How session tables are built.");
  options.def(
      py::init([](bool free_text, bool confidential_text, int threads, OnError on_error,
                  std::size_t chunk_bytes, const TableLimits& table_limits, bool identifiers) {
        TableOptions o;
        o.identifiers = identifiers;
        o.free_text = free_text;
        o.confidential_text = confidential_text;
        o.threads = threads;
        o.on_error = on_error;
        o.chunk_bytes = chunk_bytes;
        o.limits = table_limits;
        return o;
      }),
      py::kw_only(), py::arg("free_text") = defaults.free_text,
      py::arg("confidential_text") = defaults.confidential_text,
      py::arg("threads") = defaults.threads,
      py::arg_v("on_error", defaults.on_error, "OnError.FAIL"),
      py::arg("chunk_bytes") = defaults.chunk_bytes,
      py::arg_v("limits", defaults.limits, "TableLimits()"),
      py::arg("identifiers") = defaults.identifiers,
      "Options from their fields, all keyword arguments.");
  CopyConstructor(options);
  options
      .def_readwrite("free_text", &TableOptions::free_text,
                     "Fill the free-text columns (texts, comments, notes) that are not "
                     "confidential.")
      .def_readwrite("confidential_text", &TableOptions::confidential_text,
                     "Fill confidential text too; needs free_text.")
      .def_readwrite("identifiers", &TableOptions::identifiers,
                     "Keep what the identifier linter finds in ids, labels and texts as written;\n"
                     "off (the default), it is masked.")
      .def_readwrite("threads", &TableOptions::threads,
                     "Threads that parse; 0 means one per hardware thread.")
      .def_readwrite("on_error", &TableOptions::on_error, "Strict (FAIL) or forgiving (SKIP).")
      .def_readwrite("chunk_bytes", &TableOptions::chunk_bytes,
                     "How many bytes of input one thread parses at a time.")
      .def_readwrite("limits", &TableOptions::limits, "The limits every line is checked against.");
  BindValue(options);
}

void BindTable(py::module_& m) {
  py::class_<TableView> table(
      m, "Table",
      "Some columns of one of the session tables, viewed in place.\n\n"
      "Arrays handed out are read-only numpy views of the C++ columns; the Arrow\n"
      "PyCapsule protocol (__arrow_c_schema__, __arrow_c_stream__) exports the same\n"
      "buffers, as pyarrow.Table does. Either keeps the tables alive.");
  table.def(py::init<const TableView&>(), py::arg("other"),
            "A view of the same columns as `other` (nothing is copied).");
  table
      .def_property_readonly(
          "name", [](const TableView& self) { return std::string(kTableNames[self.table]); },
          "The table's name, e.g. \"sessions\".")
      .def_property_readonly(
          "num_rows", [](const TableView& self) { return self.rows; }, "The number of rows.")
      .def(
          "__len__", [](const TableView& self) { return self.rows; }, "The number of rows.")
      .def_property_readonly(
          "column_names",
          [](const TableView& self) {
            std::vector<std::string> names;
            names.reserve(self.columns.size());
            for (const ColumnSpec& c : self.columns) names.push_back(c.name);
            return names;
          },
          "The columns' names, in order.")
      .def(
          "column_kind",
          [](const TableView& self, std::string_view name) {
            return std::string(KindName(self.Find(name).kind));
          },
          py::arg("name"),
          "How the column `name` is stored: \"int8\", \"bool\", \"int32\", \"float64\",\n"
          "\"timestamp\" (int64 µs since 1970 UTC), \"day\" (int32 days since 1970),\n"
          "\"dictionary\" (int32 codes, -1 missing, into categories(name)) or \"string\".\n"
          "Raises ValueError for an unknown column.")
      .def(
          "array",
          [](const TableView& self, std::string_view name) -> py::array {
            const ColumnSpec& c = self.Find(name);
            switch (c.kind) {
              case Kind::kInt8:
                return View(self.tables, "int8",
                            *static_cast<const std::vector<std::int8_t>*>(c.column));
              case Kind::kBool:
                return View(self.tables, "bool",
                            *static_cast<const std::vector<std::uint8_t>*>(c.column));
              case Kind::kInt32:
              case Kind::kDay:
                return View(self.tables, "int32",
                            *static_cast<const std::vector<std::int32_t>*>(c.column));
              case Kind::kFloat64:
                return View(self.tables, "float64",
                            *static_cast<const std::vector<double>*>(c.column));
              case Kind::kTimestamp:
                return View(self.tables, "datetime64[us]",
                            *static_cast<const std::vector<std::int64_t>*>(c.column));
              case Kind::kDictionary:
                return View(self.tables, "int32",
                            static_cast<const DictionaryColumn*>(c.column)->codes);
              case Kind::kString:
                return View(self.tables, "uint8",
                            static_cast<const StringColumn*>(c.column)->valid);
            }
            return py::array();
          },
          py::arg("name"),
          "The column `name` as a read-only numpy array that views the C++ column:\n"
          "its values (datetime64[us] for a timestamp, NaT when missing; int32 days\n"
          "for a day), a dictionary column's int32 codes, or a string column's\n"
          "validity bytes (see string_buffers). Raises ValueError for an unknown column.")
      .def(
          "categories",
          [](const TableView& self, std::string_view name) {
            const ColumnSpec& c = self.Find(name);
            if (c.kind != Kind::kDictionary) {
              ThrowValueError(
                  absl::StrCat("name: \"", std::string(name), "\" is not a dictionary column"));
            }
            return static_cast<const DictionaryColumn*>(c.column)->dictionary;
          },
          py::arg("name"),
          "The dictionary of the dictionary column `name`: code i stands for item i.\n"
          "Raises ValueError for an unknown column or one of another kind.")
      .def(
          "string_buffers",
          [](const TableView& self, std::string_view name) {
            const ColumnSpec& c = self.Find(name);
            if (c.kind != Kind::kString) {
              ThrowValueError(
                  absl::StrCat("name: \"", std::string(name), "\" is not a string column"));
            }
            const auto& s = *static_cast<const StringColumn*>(c.column);
            return py::make_tuple(
                View(self.tables, "int64", s.offsets),
                View(self.tables, py::dtype("uint8"), s.data.data(), s.data.size(), 1),
                View(self.tables, "uint8", s.valid));
          },
          py::arg("name"),
          "The string column `name` in Arrow's large-string layout, as read-only numpy\n"
          "views: (offsets int64[n+1], bytes uint8, valid uint8[n]); row i is the UTF-8\n"
          "bytes[offsets[i]:offsets[i+1]] when valid[i] is 1. Raises ValueError for an\n"
          "unknown column or one of another kind.")
      .def(
          "string_objects",
          [](const TableView& self, std::string_view name) {
            const ColumnSpec& c = self.Find(name);
            if (c.kind != Kind::kString) {
              ThrowValueError(
                  absl::StrCat("name: \"", std::string(name), "\" is not a string column"));
            }
            const auto& s = *static_cast<const StringColumn*>(c.column);
            py::array out(py::dtype("object"),
                          std::vector<py::ssize_t>{static_cast<py::ssize_t>(s.size())});
            auto** cells = static_cast<PyObject**>(out.mutable_data());
            for (std::size_t i = 0; i < s.size(); ++i) {
              std::optional<std::string_view> v = s.Value(i);
              PyObject* item =
                  v ? PyUnicode_DecodeUTF8(v->data(), static_cast<py::ssize_t>(v->size()), "strict")
                    : Py_NewRef(Py_None);
              if (item == nullptr) throw py::error_already_set();
              Py_XDECREF(cells[i]);
              cells[i] = item;
            }
            return out;
          },
          py::arg("name"),
          "The string column `name` as a new numpy object array of str, None when\n"
          "missing: a copy, for when pyarrow is not there to view the buffers.")
      .def(
          "select",
          [](const TableView& self, const std::vector<std::string>& names) {
            TableView out{self.tables, self.cache, self.table, {}, self.rows};
            out.columns.reserve(names.size());
            for (const std::string& name : names) out.columns.push_back(self.Find(name, "columns"));
            return out;
          },
          py::arg("columns"),
          "The view of the columns named in `columns`, in that order. Raises ValueError\n"
          "for an unknown column.")
      .def(
          "__arrow_c_schema__", [](const TableView& self) { return SchemaCapsule(self.Batch()); },
          "The Arrow PyCapsule \"arrow_schema\" of the table's type (a struct of its\n"
          "columns).")
      .def(
          "__arrow_c_stream__",
          [](const TableView& self, const py::object& /*requested_schema*/) {
            return StreamCapsule(self.Batch());
          },
          py::arg("requested_schema") = py::none(),
          "The Arrow PyCapsule \"arrow_array_stream\" that yields the table as one record\n"
          "batch viewing the C++ columns; called again, it gives a new stream. A\n"
          "requested schema is not honoured: the consumer casts.")
      .def(
          "__repr__",
          [](const TableView& self) {
            return absl::StrCat("<Table ", kTableNames[self.table], ": ", self.rows, " rows, ",
                                self.columns.size(), " columns>");
          },
          "The table's name and size.");
}

void BindTables(py::module_& m) {
  py::class_<TablesHandle> tables(
      m, "SessionTables",
      "Every part of a set of sessions as column tables; see carelearn.read_tables.\n\n"
      "Each child table names its session by the session's row in `sessions`.");
  std::vector<std::string> names(kTableNames.begin(), kTableNames.end());
  tables.attr("TABLE_NAMES") = py::tuple(py::cast(names));
  tables
      .def(
          "table",
          [](const TablesHandle& self, std::string_view name) {
            return ViewOf(self, TableIndex(name));
          },
          py::arg("name"),
          "The table `name` (one of TABLE_NAMES) with all its columns; the free-text\n"
          "columns only when free text was read. Raises ValueError for an unknown name.")
      .def(
          "skipped_columns",
          [](const TablesHandle& self) {
            const std::vector<SkippedLine>& skipped = self.tables->skipped;
            std::vector<std::string> sources;
            std::vector<std::int64_t> lines;
            std::vector<std::string> messages;
            sources.reserve(skipped.size());
            lines.reserve(skipped.size());
            messages.reserve(skipped.size());
            for (const SkippedLine& s : skipped) {
              sources.push_back(s.source);
              lines.push_back(s.line);
              messages.push_back(s.message);
            }
            return py::make_tuple(std::move(sources), std::move(lines), std::move(messages));
          },
          "The lines left out under OnError.SKIP as columns: (sources, 1-based line\n"
          "numbers, messages).")
      .def_property_readonly(
          "free_text", [](const TablesHandle& self) { return self.options.free_text; },
          "True when the free-text columns were read.")
      .def_property_readonly(
          "confidential_text",
          [](const TablesHandle& self) { return self.options.confidential_text; },
          "True when confidential text was read too.")
      .def(
          "__repr__",
          [](const TablesHandle& self) {
            return absl::StrCat("<SessionTables: ", self.tables->sessions.size(), " sessions>");
          },
          "The number of sessions.");
  tables.def(py::init<const TablesHandle&>(), py::arg("other"),
             "The same tables as `other` (nothing is copied).");
  ValueEquality(tables);
  tables.def(py::pickle(
                 [](const TablesHandle& self) {
                   std::string blob;
                   {
                     py::gil_scoped_release release;
                     blob = SerializeTables(*self.tables);
                   }
                   return py::make_tuple(py::bytes(blob), self.options.free_text,
                                         self.options.confidential_text);
                 },
                 [](const py::tuple& state) {
                   if (state.size() != 3) {
                     throw py::value_error(absl::StrCat("state: ", state.size(),
                                                        " items; SessionTables pickles as (bytes, "
                                                        "free_text, confidential_text)"));
                   }
                   TableOptions options;
                   options.free_text = state[1].cast<bool>();
                   options.confidential_text = state[2].cast<bool>();
                   const std::string_view blob = state[0].cast<std::string_view>();
                   absl::StatusOr<SessionTables> t;
                   {
                     py::gil_scoped_release release;
                     t = DeserializeTables(blob);
                   }
                   if (!t.ok()) throw py::value_error(std::string(t.status().message()));
                   CheckTextOptions(*t, options);
                   return Handle(*std::move(t), options);
                 }),
             "Pickling: the state is (the bytes of SerializeTables, free_text,\n"
             "confidential_text), see carelearn/analysis/serialize_tables.hpp; it holds what the\n"
             "tables hold, free text only as far as it was read. Restoring raises ValueError\n"
             "for damaged bytes, naming what is wrong, and for text options that do not match\n"
             "the text the bytes hold.");

  const char* kReadErrors =
      "\n\nRaises FormatError for a line that does not parse or is not a valid\n"
      "\"session/1\" record (under OnError.FAIL; its message leads with\n"
      "\"<source>:<line>:<column>: <JSON pointer>: \"), VersionError for another kind or\n"
      "a newer version, LimitError for a line past a limit, ValueError for options\n"
      "that do not go together.";
  m.def(
      "read_tables",
      [](const std::string& path, const TableOptions& options) {
        CheckOptions(options);
        return ReadReleased(options, [&] { return ReadTables(path, options); });
      },
      py::arg("path"), py::arg_v("options", TableOptions{}, "TableOptions()"),
      (std::string("Reads the \"session/1\" JSON Lines file at `path` into tables, streaming\n"
                   "it in chunks parsed on options.threads threads with the GIL released;\n"
                   "NotFoundError when it cannot be read.") +
       kReadErrors)
          .c_str());
  m.def(
      "read_tables_from_text",
      [](std::string_view text, const std::string& source, const TableOptions& options) {
        CheckOptions(options);
        return ReadReleased(options, [&] { return ReadTablesFromText(text, source, options); });
      },
      py::arg("text"), py::arg("source") = "<text>",
      py::arg_v("options", TableOptions{}, "TableOptions()"),
      (std::string("Reads \"session/1\" JSON Lines text into tables, with the GIL released;\n"
                   "`source` names it in errors.") +
       kReadErrors)
          .c_str());
  m.def(
      "tables_from_sessions",
      [](std::vector<Session> sessions, const TableOptions& options) {
        CheckOptions(options);
        return ReadReleased(options, [&]() -> absl::StatusOr<SessionTables> {
          return TablesFromSessions(sessions, options);
        });
      },
      py::arg("sessions"), py::arg_v("options", TableOptions{}, "TableOptions()"),
      "The tables of `sessions`, in their order (built with the GIL released).");
  m.def(
      "read_tables_from_store",
      [](StoreHandle& store, const SessionQuery& query, const TableOptions& options) {
        CheckOptions(options);
        StoreHandle::Loan loan(store);
        return ReadReleased(options, [&] { return ReadTables(loan.store(), query, options); });
      },
      py::arg("store"), py::arg_v("query", SessionQuery{}, "SessionQuery()"),
      py::arg_v("options", TableOptions{}, "TableOptions()"),
      "The tables of the sessions `query` selects from `store`, in the store's order\n"
      "(planned start, then id), read with the GIL released; meanwhile other calls on\n"
      "the store raise StateError. Raises StoreError for a damaged or busy store.");
  m.def(
      "concatenate_tables",
      [](const std::vector<py::handle>& parts) {
        if (parts.empty()) throw py::value_error("parts: no tables to join");
        std::vector<Owner> owners;
        owners.reserve(parts.size());
        for (const py::handle& part : parts) owners.push_back(SessionTablesOf(part, "parts"));
        const TableOptions options = parts.front().cast<const TablesHandle&>().options;
        for (std::size_t i = 1; i < parts.size(); ++i) {
          const TableOptions& o = parts[i].cast<const TablesHandle&>().options;
          if (o.free_text != options.free_text ||
              o.confidential_text != options.confidential_text) {
            throw py::value_error(absl::StrCat("parts[", i,
                                               "]: read with other text options than parts[0]; "
                                               "join tables read with the same free_text and "
                                               "confidential_text"));
          }
        }
        SessionTables joined;
        {
          py::gil_scoped_release release;
          std::vector<SessionTables> copies;
          copies.reserve(owners.size());
          for (const Owner& owner : owners) copies.push_back(*owner);
          joined = ConcatenateTables(std::move(copies));
        }
        return Handle(std::move(joined), options);
      },
      py::arg("parts"),
      "The tables `parts` joined in order, as if read from one input (see\n"
      "carelearn/analysis/combine_tables.hpp): row numbers offset, dictionaries\n"
      "renumbered in order of first appearance, skipped lines in order. Raises\n"
      "ValueError for no parts or parts read with other text options.");
  m.def(
      "person_measure_tables",
      [](const py::handle& value,
         const py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>& keep) {
        const Owner t = SessionTablesOf(value, "tables");
        if (keep.ndim() != 1 || static_cast<std::size_t>(keep.size()) != t->participants.size()) {
          throw py::value_error(absl::StrCat("keep: ", keep.size(), " flags for ",
                                             t->participants.size(),
                                             " participant rows; give one per row"));
        }
        SessionTables kept;
        {
          py::gil_scoped_release release;
          kept = PersonMeasureTables(*t, std::span<const std::uint8_t>(
                                             keep.data(), static_cast<std::size_t>(keep.size())));
        }
        return Handle(std::move(kept), TableOptions{});
      },
      py::arg("tables"), py::arg("keep"),
      "The participant rows flagged in `keep` (one per row of participants), and of\n"
      "the rest only what reach, dose and the people of circles read (see\n"
      "carelearn/analysis/combine_tables.hpp, PersonMeasureTables): every session with\n"
      "its unit, times and status; the steps of sessions that started and did not end;\n"
      "no other tables, no free text, no ids. Raises ValueError when `keep` has\n"
      "another length.");
  m.def(
      "gather_lines",
      [](const py::array_t<std::uint8_t, py::array::c_style>& data,
         const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& starts,
         const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& ends) {
        if (data.ndim() != 1) throw py::value_error("data: give a one-dimensional array of bytes");
        if (starts.ndim() != 1 || ends.ndim() != 1 || starts.size() != ends.size()) {
          throw py::value_error(absl::StrCat("starts, ends: ", starts.size(), " starts for ",
                                             ends.size(), " ends; give one of each per line"));
        }
        const auto size = static_cast<std::int64_t>(data.size());
        const std::int64_t* from = starts.data();
        const std::int64_t* to = ends.data();
        std::int64_t total = 0;
        for (py::ssize_t i = 0; i < starts.size(); ++i) {
          if (from[i] < 0 || from[i] > to[i] || to[i] > size) {
            throw py::value_error(absl::StrCat("starts, ends: line ", i, " runs from ", from[i],
                                               " to ", to[i], ", not within the ", size,
                                               " bytes of data"));
          }
          total += to[i] - from[i];
        }
        py::bytes out(nullptr, static_cast<std::size_t>(total));
        char* dst = PyBytes_AS_STRING(out.ptr());
        const auto* src = reinterpret_cast<const char*>(data.data());
        {
          py::gil_scoped_release release;
          for (py::ssize_t i = 0; i < starts.size(); ++i) {
            const auto n = static_cast<std::size_t>(to[i] - from[i]);
            std::memcpy(dst, src + from[i], n);
            dst += n;
          }
        }
        return out;
      },
      py::arg("data"), py::arg("starts"), py::arg("ends"),
      "The byte ranges data[starts[i]:ends[i]] joined in order, copied with the GIL\n"
      "released: how the Dask path gathers the lines of one shuffle bucket without\n"
      "a Python step per line. `data` is a one-dimensional numpy array of uint8.\n"
      "Raises ValueError when the ranges do not fit `data` or the two arrays differ\n"
      "in length, TypeError when `data` is not an array of uint8.");
}

}  // namespace

std::shared_ptr<const SessionTables> SessionTablesOf(const py::handle& value,
                                                     const char* argument) {
  if (!py::isinstance<TablesHandle>(value)) {
    throw py::type_error(absl::StrCat(argument,
                                      " must be SessionTables (from carelearn.read_tables), not ",
                                      Py_TYPE(value.ptr())->tp_name));
  }
  return value.cast<const TablesHandle&>().tables;
}

void BindAnalysis(py::module_& m) {
  BindOptions(m);
  BindTable(m);
  BindTables(m);
}

}  // namespace carelearn::bindings
