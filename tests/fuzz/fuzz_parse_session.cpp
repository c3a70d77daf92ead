// libFuzzer target: carelearn::ParseSessionLine, the reader of the
// "session/1" JSON Lines that the store imports and evaluators exchange, on
// any bytes. Checks: no crash and no undefined behaviour (the sanitizers),
// every error a kInvalidArgument, kResourceExhausted or kFailedPrecondition
// led by "<source>:<line>:<column>: " with a location, and every session it
// accepts written again (with confidential text, confidential text left out,
// and for an evaluator under a key), read back the same, and written the same
// a second time. ValidateSession must not crash on whatever was read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "carelearn/io/errors.hpp"
#include "carelearn/io/session_json.hpp"
#include "carelearn/record/pseudonym.hpp"
#include "carelearn/record/redact.hpp"
#include "carelearn/record/session.hpp"
#include "fuzz_check.hpp"

namespace {

using carelearn::fuzz::Check;

// The evaluation's key: any fixed 32 bytes.
const carelearn::Pseudonymiser& StudyKey() {
  static const auto* const key = new carelearn::Pseudonymiser(
      *carelearn::Pseudonymiser::Create("fuzz-study-key-0123456789abcdef!"));
  return *key;
}

// Writes `session` as `options` say, reads it back and checks that the line
// reads as `expected` and is written the same again.
void CheckWritten(const carelearn::Session& session, const carelearn::ExportOptions& options,
                  const carelearn::Session& expected, carelearn::Redaction redaction) {
  const std::string line = carelearn::ToJsonLine(session, options);
  Check(line.find('\n') == std::string::npos, "a written line has no newline");
  carelearn::Redaction read_redaction = carelearn::Redaction::kNone;
  const auto again = carelearn::ParseSessionLine(line, &read_redaction);
  Check(again.ok(), "a written line reads back");
  Check(*again == expected, "a written line reads back as the same session");
  Check(read_redaction == redaction, "a written line says what it left out");
  Check(carelearn::ToJsonLine(*again, options) == line, "writing is stable");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  carelearn::SessionReadOptions options;
  options.source_name = "fuzz";
  carelearn::Redaction redaction = carelearn::Redaction::kNone;
  const auto parsed = carelearn::ParseSessionLine(line, &redaction, options);
  if (!parsed.ok()) {
    carelearn::fuzz::CheckError(parsed.status());
    Check(parsed.status().code() != absl::StatusCode::kFailedPrecondition ||
              carelearn::IsVersionMismatch(parsed.status()),
          "a kFailedPrecondition of the reader is a version mismatch");
    return 0;
  }
  const carelearn::Session& session = *parsed;
  (void)carelearn::ValidateSession(session);

  carelearn::ExportOptions everything;
  everything.include_confidential = true;
  CheckWritten(session, everything, session, carelearn::Redaction::kNone);

  const carelearn::ExportOptions confidential;
  CheckWritten(session, confidential, carelearn::Redact(session, confidential),
               carelearn::Redaction::kConfidential);

  carelearn::ExportOptions evaluator;
  evaluator.evaluator = true;
  evaluator.evaluator_pseudonymiser = &StudyKey();
  const carelearn::Session for_study = carelearn::Redact(session, evaluator);
  Check(for_study.learning_points.size() == session.learning_points.size() &&
            for_study.actions.size() == session.actions.size() &&
            for_study.notes.size() == session.notes.size(),
        "redaction keeps every item");
  // The evaluator's line is read back as it was written: re-pseudonymising
  // again would change the ids, so it is written from the redacted session
  // without a second key.
  carelearn::ExportOptions plain_evaluator;
  plain_evaluator.evaluator = true;
  CheckWritten(for_study, plain_evaluator, carelearn::Redact(for_study, plain_evaluator),
               carelearn::Redaction::kEvaluator);
  return 0;
}
