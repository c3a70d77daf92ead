// What every carelearn fuzz target checks of one input: no crash and no
// undefined behaviour (the sanitizers see to those), every error located,
// and every document it accepts saved canonically and read back the same.
#ifndef CARELEARN_TESTS_FUZZ_FUZZ_CHECK_HPP_
#define CARELEARN_TESTS_FUZZ_FUZZ_CHECK_HPP_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "carelearn/io/json.hpp"

namespace carelearn::fuzz {

/// Stops the fuzzer with `what` when `ok` is false.
inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "carelearn fuzz check failed: %s\n", what);
    std::abort();
  }
}

/// The options the targets parse with: the defaults, named.
inline ParseOptions Options() {
  ParseOptions options;
  options.source_name = "fuzz";
  return options;
}

/// Checks a failed parse: a loader error carries a location and a located message.
inline void CheckError(const absl::Status& status) {
  Check(!status.ok(), "an error status");
  if (status.code() == absl::StatusCode::kInvalidArgument ||
      status.code() == absl::StatusCode::kFailedPrecondition ||
      status.code() == absl::StatusCode::kResourceExhausted) {
    Check(GetErrorLocation(status).has_value(), "the error has a location");
    const std::string_view message(status.message().data(), status.message().size());
    Check(message.substr(0, 5) == "fuzz:", "the message starts with the source");
  } else {
    Check(false, "a loader error is kInvalidArgument, kFailedPrecondition or kResourceExhausted");
  }
}

/// Checks that `value` saves canonically: parse(save(v)) == v and save is stable.
template <typename T, typename Parse>
void CheckRoundTrip(const T& value, Parse parse) {
  const std::string saved = ToJson(value);
  const absl::StatusOr<T> again = parse(saved, Options());
  Check(again.ok(), "a saved document loads");
  Check(*again == value, "a saved document loads as the same value");
  Check(ToJson(*again) == saved, "saving is stable");
}

}  // namespace carelearn::fuzz

#endif  // CARELEARN_TESTS_FUZZ_FUZZ_CHECK_HPP_
