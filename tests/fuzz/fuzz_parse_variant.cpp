// libFuzzer target: carelearn::ParseVariant on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "carelearn/io/json.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const auto parsed = carelearn::ParseVariant(json, carelearn::fuzz::Options());
  if (!parsed.ok()) {
    carelearn::fuzz::CheckError(parsed.status());
    return 0;
  }
  carelearn::fuzz::CheckRoundTrip(
      *parsed, [](std::string_view text, const carelearn::ParseOptions& options) {
        return carelearn::ParseVariant(text, options);
      });
  return 0;
}
