// Times `WriteSimulation`: simulates UNITS units for YEARS years into DIR as a
// store or JSON Lines, shows the progress on stderr, and prints the sessions
// made and the sessions per second.
//
//   carelearn_simulate_bench [--units N] [--years N] [--seed N] [--jsonl] [--out DIR]
//
// Example (bench/run.sh): carelearn_simulate_bench --units 100 --years 1 --out build/bench/sim
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "carelearn/analysis/simulate.hpp"

int main(int argc, char** argv) {
  carelearn::SimulationOptions options;
  options.units = 100;
  std::string out = "simulated";
  auto output = carelearn::SimulationOutput::kStore;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--units" && has_value) {
      options.units = std::atoi(argv[++i]);
    } else if (arg == "--years" && has_value) {
      options.years = std::atoi(argv[++i]);
    } else if (arg == "--seed" && has_value) {
      options.seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--out" && has_value) {
      out = argv[++i];
    } else if (arg == "--jsonl") {
      output = carelearn::SimulationOutput::kJsonLines;
    } else {
      std::cerr << "usage: " << argv[0]
                << " [--units N] [--years N] [--seed N] [--jsonl] [--out DIR]\n";
      return 2;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  auto progress = [](const carelearn::SimulationProgress& p) {
    std::cerr << "\r" << p.done << " / " << p.total << " sessions" << std::flush;
    return true;
  };
  auto written = carelearn::WriteSimulation(options, out, output, /*overwrite=*/true, progress);
  std::cerr << "\n";
  if (!written.ok()) {
    std::cerr << written.status() << "\n";
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto sessions = written->simulation.counts.sessions;
  std::cout << options.units << " units x " << options.years << " years: " << sessions
            << " sessions (" << written->simulation.counts.cancelled << " cancelled) in " << seconds
            << " s: " << static_cast<double>(sessions) / seconds << " sessions/s -> "
            << written->files.sessions.string() << "\n";
  return 0;
}
