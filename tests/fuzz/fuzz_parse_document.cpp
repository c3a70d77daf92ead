// libFuzzer target: carelearn::ParseDocument (any kind, question sets
// included) and ParseQuestionSet on any bytes, with the default limits and
// with tight ones, so that every limit error is reached.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "carelearn/io/json.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using carelearn::fuzz::Check;
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const auto parsed = carelearn::ParseDocument(json, carelearn::fuzz::Options());
  if (!parsed.ok()) {
    carelearn::fuzz::CheckError(parsed.status());
  } else if (const auto* set = std::get_if<carelearn::QuestionSet>(&*parsed)) {
    carelearn::fuzz::CheckRoundTrip(
        *set, [](std::string_view text, const carelearn::ParseOptions& options) {
          return carelearn::ParseQuestionSet(text, options);
        });
  } else {
    const std::string saved =
        std::visit([](const auto& d) { return carelearn::ToJson(d); }, *parsed);
    const auto again = carelearn::ParseDocument(saved, carelearn::fuzz::Options());
    Check(again.ok() && *again == *parsed, "a saved document loads as the same value");
  }

  carelearn::ParseOptions tight = carelearn::fuzz::Options();
  tight.max_depth = 3;
  tight.max_string_bytes = 8;
  tight.max_document_bytes = 256;
  const auto limited = carelearn::ParseDocument(json, tight);
  if (!limited.ok()) carelearn::fuzz::CheckError(limited.status());

  const auto set = carelearn::ParseQuestionSet(json, carelearn::fuzz::Options());
  Check(set.ok() == (parsed.ok() && std::holds_alternative<carelearn::QuestionSet>(*parsed)),
        "ParseQuestionSet agrees with ParseDocument");
  return 0;
}
