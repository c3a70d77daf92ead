// libFuzzer target: carelearn::SessionReader, the one streaming reader of
// "session/1" JSON Lines (the store's import and Python's read_sessions), on
// any bytes taken as a file of lines, with small limits so that every limit
// error is reached. Checks, besides the sanitizers': the reader yields
// exactly the lines a plain split at '\n' gives that are not blank (spaces
// and tabs), with their numbers, a "\r" before the '\n' dropped; each line's
// outcome is what ParseSessionLine and ValidateSession say of that line
// alone (the same session, or the same cause at the same place, the line
// number added); every error is located and led by "fuzz:<line>:"; and every
// session read is valid and is read back from what the writer writes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "carelearn/io/errors.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/record/session.hpp"
#include "fuzz_check.hpp"

namespace {

using carelearn::fuzz::Check;

carelearn::SessionReadOptions SmallLimits() {
  carelearn::SessionReadOptions options;
  options.source_name = "fuzz";
  options.max_line_bytes = 2048;
  options.max_string_bytes = 256;
  options.max_participants = 4;
  options.max_steps = 4;
  options.max_prompts = 4;
  options.max_learning_points = 4;
  options.max_actions = 4;
  options.max_status_changes = 4;
  options.max_feedback = 4;
  options.max_notes = 4;
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const carelearn::SessionReadOptions options = SmallLimits();

  // The reference: a plain split.
  struct Expected {
    std::size_t number;
    std::string text;
  };
  std::vector<Expected> lines;
  std::size_t number = 0;
  for (std::size_t start = 0; start < input.size();) {
    std::size_t end = input.find('\n', start);
    if (end == std::string::npos) end = input.size();
    std::string text = input.substr(start, end - start);
    ++number;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") != std::string::npos ||
        text.size() > options.max_line_bytes) {
      lines.push_back({number, std::move(text)});
    }
    start = end + 1;
  }

  std::istringstream in(input);
  carelearn::SessionReader reader(in, options);
  std::size_t i = 0;
  while (std::optional<carelearn::SessionLine> line = reader.Next()) {
    Check(i < lines.size(), "the reader yields no more lines than there are");
    const Expected& expected = lines[i++];
    Check(line->line == expected.number, "the reader numbers the lines as a split does");
    if (expected.text.size() > options.max_line_bytes) {
      Check(line->session.status().code() == absl::StatusCode::kResourceExhausted,
            "an overlong line is a limit error");
      carelearn::fuzz::CheckError(line->session.status());
      continue;
    }
    carelearn::Redaction redaction = carelearn::Redaction::kNone;
    const absl::StatusOr<carelearn::Session> parsed =
        carelearn::ParseSessionLine(expected.text, &redaction, options);
    const absl::Status valid = parsed.ok() ? carelearn::ValidateSession(*parsed) : absl::OkStatus();
    if (!parsed.ok()) {
      const absl::Status& got = line->session.status();
      Check(!line->session.ok(), "a line that does not parse alone does not read");
      carelearn::fuzz::CheckError(got);
      Check(got.code() == parsed.status().code(), "the same error code as the line alone");
      const std::optional<carelearn::ErrorLocation> at = carelearn::GetErrorLocation(got);
      const std::optional<carelearn::ErrorLocation> alone_at =
          carelearn::GetErrorLocation(parsed.status());
      Check(at->line == static_cast<int>(expected.number), "the error names the line's number");
      Check(at->column == alone_at->column && at->pointer == alone_at->pointer,
            "the error names the place the line alone has");
      continue;
    }
    if (!valid.ok()) {
      Check(!line->session.ok(), "a session that does not validate is an error");
      const std::string_view message(line->session.status().message().data(),
                                     line->session.status().message().size());
      Check(message == absl::StrCat("fuzz:", expected.number, ": ", valid.message()),
            "a validation error is led by the line");
      continue;
    }
    Check(line->session.ok(), "a line that reads and validates alone reads");
    Check(*line->session == *parsed, "the same session as the line alone");
    Check(line->redaction == redaction, "the same redaction as the line alone");
    carelearn::ExportOptions everything;
    everything.include_confidential = true;
    const std::string written = carelearn::ToJsonLine(*line->session, everything);
    std::istringstream again(written + "\n");
    const absl::StatusOr<std::vector<carelearn::Session>> back = carelearn::ReadSessions(again);
    Check(back.ok() && back->size() == 1 && (*back)[0] == *line->session,
          "a written session is read back the same");
  }
  Check(i == lines.size(), "the reader yields every line that is not blank");
  return 0;
}
