// libFuzzer target: the binary form of the session tables
// (carelearn/analysis/serialize_tables.hpp), on any bytes. Checks, besides
// no crash, no undefined behaviour and no allocation out of proportion to
// the input (the sanitizers and libFuzzer's limits):
//   - damaged bytes are a kDataLoss error whose message begins
//     "session tables: ";
//   - accepted bytes are tables as the measures rely on them: every code
//     within its dictionary, every row reference within its table, every
//     string column's offsets within its bytes;
//   - accepted tables travel again unchanged: serialized and read back, they
//     are equal to themselves.
// An input of JSON Lines (a line starting with '{') is read as tables first
// and its serialized form fuzzed, so that the corpus of session lines
// (tests/fuzz/corpus-session/) gives the fuzzer well-formed tables to damage.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "carelearn/analysis/serialize_tables.hpp"
#include "carelearn/analysis/tables.hpp"
#include "fuzz_check.hpp"

namespace {

using carelearn::fuzz::Check;

bool Within(const carelearn::DictionaryColumn& c) {
  for (const std::int32_t code : c.codes) {
    if (code != carelearn::kNullCode &&
        (code < 0 || static_cast<std::size_t>(code) >= c.dictionary.size())) {
      return false;
    }
  }
  return true;
}

bool Within(const std::vector<std::int32_t>& refs, std::size_t rows) {
  for (const std::int32_t r : refs) {
    if (r < 0 || static_cast<std::size_t>(r) >= rows) return false;
  }
  return true;
}

bool Within(const carelearn::StringColumn& c) {
  if (c.offsets.size() != c.valid.size() + 1 || c.offsets.front() != 0) return false;
  for (std::size_t r = 0; r < c.valid.size(); ++r) {
    if (c.offsets[r + 1] < c.offsets[r]) return false;
  }
  return static_cast<std::size_t>(c.offsets.back()) == c.data.size();
}

void CheckWellFormed(const carelearn::SessionTables& t) {
  const std::size_t n = t.sessions.size();
  Check(Within(t.participants.session, n) && Within(t.steps.session, n) &&
            Within(t.prompts.session, n) && Within(t.learning_points.session, n) &&
            Within(t.actions.session, n) && Within(t.action_changes.session, n) &&
            Within(t.feedback.session, n) && Within(t.notes.session, n),
        "every session reference names a session");
  Check(Within(t.action_changes.action, t.actions.size()),
        "every action reference names an action");
  Check(Within(t.sessions.unit) && Within(t.sessions.status) && Within(t.participants.person) &&
            Within(t.participants.unit) && Within(t.participants.shift) && Within(t.steps.step) &&
            Within(t.actions.status) && Within(t.notes.kind),
        "every code is within its dictionary");
  Check(Within(t.sessions.id) && Within(t.sessions.cancel_note) && Within(t.learning_points.text) &&
            Within(t.actions.text) && Within(t.feedback.comment) && Within(t.notes.text),
        "every string column's offsets are within its bytes");
  Check(t.participants.person.size() == t.participants.size() &&
            t.steps.minutes.size() == t.steps.size() && t.sessions.actual_end.size() == n,
        "the columns of a table have its rows");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!bytes.empty() && bytes.front() == '{') {
    carelearn::TableOptions options{.free_text = true, .confidential_text = true};
    options.on_error = carelearn::OnError::kSkip;
    const auto read = carelearn::ReadTablesFromText(bytes, "fuzz", options);
    Check(read.ok(), "a forgiving read succeeds");
    bytes = carelearn::SerializeTables(*read);
    const auto back = carelearn::DeserializeTables(bytes);
    Check(back.ok() && *back == *read, "tables read from text travel unchanged");
    // Damage the serialized form where the input's last byte says.
    const std::size_t at = static_cast<std::size_t>(data[size - 1]) * 7 % bytes.size();
    bytes[at] = static_cast<char>(bytes[at] ^ data[size / 2]);
  }
  const absl::StatusOr<carelearn::SessionTables> t = carelearn::DeserializeTables(bytes);
  if (!t.ok()) {
    Check(t.status().code() == absl::StatusCode::kDataLoss, "damaged bytes are kDataLoss");
    const std::string_view message(t.status().message().data(), t.status().message().size());
    Check(message.substr(0, 16) == "session tables: ", "the message names the tables");
    return 0;
  }
  CheckWellFormed(*t);
  const absl::StatusOr<carelearn::SessionTables> again =
      carelearn::DeserializeTables(carelearn::SerializeTables(*t));
  Check(again.ok() && *again == *t, "accepted tables travel again unchanged");
  return 0;
}
