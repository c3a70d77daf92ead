// libFuzzer target: the column reader of "session/1" JSON Lines
// (carelearn/analysis/tables.hpp), on any bytes. Checks, besides no crash
// and no undefined behaviour (the sanitizers):
//   - on the first line of the input, the fast path (simdjson) and the
//     reference path (Boost.JSON) give the same tables and the same error;
//   - the reader accepts the line exactly when the strict readers do: the
//     document loader's parser (io/json_tree.hpp) and ParseSessionLine, save
//     for the years 0001 to 9999 that only the column reader insists on; an
//     accepted line gives the tables of the session ParseSessionLine reads;
//   - a refused line gives the loader's error for the JSON itself, else the
//     session reader's (which the column reader may follow with a likely key);
//   - the whole input, as JSON Lines, reads the same on one thread and on
//     two with chunks of a few bytes.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "analysis/session_columns.hpp"
#include "analysis/table_builder.hpp"
#include "carelearn/analysis/tables.hpp"
#include "carelearn/io/json.hpp"
#include "carelearn/io/session_json.hpp"
#include "fuzz_check.hpp"
#include "io/json_tree.hpp"

namespace {

using carelearn::fuzz::Check;

const carelearn::TableOptions& Everything() {
  static const auto* const options = new carelearn::TableOptions{
      .free_text = true, .confidential_text = true, .identifiers = true};
  return *options;
}

std::string Message(const absl::Status& s) { return std::string(s.message()); }

struct Outcome {
  carelearn::SessionTables tables;
  std::optional<carelearn::detail::LineError> error;
};

Outcome ReadLine(std::string_view line, bool fast_path) {
  Outcome out{carelearn::detail::EmptyTables(Everything()), std::nullopt};
  carelearn::detail::TableIndex index;
  carelearn::detail::SessionLineReader reader(Everything(), fast_path);
  out.error = reader.Read(line, false, out.tables, index);
  carelearn::detail::SetDictionaries(out.tables, index);
  return out;
}

// The error of a time or day outside the years 0001 to 9999.
bool IsYearError(const carelearn::detail::LineError& e) {
  return e.cause.find("of the years 0001 to 9999") != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view line = input.substr(0, input.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  const Outcome fast = ReadLine(line, true);
  const Outcome reference = ReadLine(line, false);
  Check(fast.tables == reference.tables, "both paths give the same tables");
  Check(fast.error.has_value() == reference.error.has_value(), "both paths agree on the line");
  if (fast.error) {
    Check(fast.error->cause == reference.error->cause &&
              fast.error->pointer == reference.error->pointer &&
              fast.error->column == reference.error->column &&
              fast.error->code == reference.error->code,
          "both paths give the same error");
  }

  const carelearn::detail::JsonText text("fuzz", line);
  const absl::StatusOr<carelearn::detail::Node> tree =
      carelearn::detail::ParseTree(text, carelearn::ParseOptions{});
  // The session reader as the column reader asks it: no limits of its own
  // (the tables' limits are checked first), the line named "fuzz".
  carelearn::SessionReadOptions strict;
  strict.source_name = "fuzz";
  for (std::size_t* most :
       {&strict.max_line_bytes, &strict.max_string_bytes, &strict.max_participants,
        &strict.max_steps, &strict.max_prompts, &strict.max_learning_points, &strict.max_actions,
        &strict.max_status_changes, &strict.max_feedback, &strict.max_notes}) {
    *most = std::numeric_limits<std::size_t>::max();
  }
  const absl::StatusOr<carelearn::Session> session =
      carelearn::ParseSessionLine(line, nullptr, strict);
  if (!reference.error) {
    Check(tree.ok(), "an accepted line is JSON to the document loader");
    Check(session.ok(), "an accepted line is a session to ParseSessionLine");
    const carelearn::Session sessions[] = {*session};
    Check(reference.tables == carelearn::TablesFromSessions(sessions, Everything()),
          "an accepted line gives the tables of its session");
  } else {
    const carelearn::detail::LineError& e = *reference.error;
    const std::string located = Message(carelearn::detail::LineStatus("fuzz", 1, e));
    if (!tree.ok()) {
      // The loader's own message; only the names of the limits, at its end, differ.
      std::string expected = Message(tree.status());
      for (const std::string_view limit : {"max_depth)", "max_string_bytes)"}) {
        const std::string loader = std::string("(ParseOptions::") + std::string(limit);
        if (expected.size() >= loader.size() &&
            expected.compare(expected.size() - loader.size(), loader.size(), loader) == 0) {
          expected.replace(expected.size() - loader.size(), loader.size(),
                           std::string("(TableLimits::") + std::string(limit));
        }
      }
      Check(located == expected, "a line that is not JSON gives the document loader's error");
    } else if (!session.ok()) {
      // A session error is the session reader's own message, location included.
      Check(located == Message(session.status()),
            "a line that is not a session gives the session reader's error");
      Check(e.code == session.status().code(), "the same status code");
    } else {
      Check(IsYearError(e), "the column reader refuses only years the session reader takes");
    }
  }

  // The whole input as JSON Lines: the same on one thread and on two.
  carelearn::TableOptions one = Everything();
  one.on_error = carelearn::OnError::kSkip;
  carelearn::TableOptions two = one;
  two.threads = 2;
  two.chunk_bytes = 7;
  const auto a = carelearn::ReadTablesFromText(input, "fuzz", one);
  const auto b = carelearn::ReadTablesFromText(input, "fuzz", two);
  Check(a.ok() && b.ok(), "a forgiving read succeeds");
  Check(*a == *b, "threads and chunks do not change the tables");
  return 0;
}
