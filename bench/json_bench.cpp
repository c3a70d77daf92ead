// How fast carelearn's strict loader reads and writes a format document, against
// the alternative a C++ user would pick: boost::json::parse with no checks and
// no located errors.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <boost/json.hpp>

#include "carelearn/io/json.hpp"

namespace {

const std::string& Document() {
  static const std::string* const kText = [] {
    std::ifstream in(CARELEARN_SOURCE_DIR "/catalog/systematic-learning-meeting.json",
                     std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return new std::string(text.str());
  }();
  return *kText;
}

void BM_CarelearnParseFormat(benchmark::State& state) {
  for (auto _ : state) {
    absl::StatusOr<carelearn::Format> f = carelearn::ParseFormat(Document());
    if (!f.ok()) {
      state.SkipWithError("the exemplar did not load");
      break;
    }
    benchmark::DoNotOptimize(f);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Document().size()));
}
BENCHMARK(BM_CarelearnParseFormat);

void BM_BoostJsonParseOnly(benchmark::State& state) {
  for (auto _ : state) {
    boost::json::value v = boost::json::parse(Document());
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Document().size()));
}
BENCHMARK(BM_BoostJsonParseOnly);

void BM_CarelearnToJson(benchmark::State& state) {
  const carelearn::Format f = *carelearn::ParseFormat(Document());
  for (auto _ : state) {
    std::string text = carelearn::ToJson(f);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_CarelearnToJson);

void BM_BoostJsonSerialize(benchmark::State& state) {
  const boost::json::value v = boost::json::parse(Document());
  for (auto _ : state) {
    std::string text = boost::json::serialize(v);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_BoostJsonSerialize);

}  // namespace

BENCHMARK_MAIN();
