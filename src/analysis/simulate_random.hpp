// The simulation's random numbers: std::mt19937_64, whose sequence the C++
// standard fixes, and distributions written here with +, -, * and / only, so
// that the same seed gives the same numbers with any standard library and any
// libm (std::uniform_int_distribution and friends differ between them).
#ifndef CARELEARN_SRC_ANALYSIS_SIMULATE_RANDOM_HPP_
#define CARELEARN_SRC_ANALYSIS_SIMULATE_RANDOM_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace carelearn::detail {

/// SplitMix64's finaliser: a well-mixed 64-bit value of `x`.
constexpr std::uint64_t Mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// The seed of the independent stream `index` of kind `kind` under `seed`:
/// each unit has its own stream, so what one unit draws never shifts another's.
constexpr std::uint64_t StreamSeed(std::uint64_t seed, std::uint64_t kind, std::uint64_t index) {
  return Mix64(Mix64(seed ^ Mix64(kind)) ^ Mix64(index + 0x632be59bd9b4e019ULL));
}

/// A stream of random numbers with portable distributions.
class Random {
 public:
  /// The stream seeded with `seed`.
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// 64 random bits.
  std::uint64_t Bits() { return engine_(); }

  /// Uniform on [0, 1), with 53 random bits.
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  /// Uniform on [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }

  /// True with probability `p`.
  bool Chance(double p) { return Uniform() < p; }

  /// Uniform on 0 .. n-1 (n > 0), without bias (rejection of the last partial block).
  std::uint64_t Below(std::uint64_t n) {
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
    std::uint64_t x = engine_();
    while (x >= limit) x = engine_();
    return x % n;
  }

  /// Uniform on lo .. hi, both included (lo <= hi).
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  /// Approximately normal with `mean` and `sd`: the sum of 12 uniforms less 6
  /// (Irwin–Hall), which has variance 1 and stays within ±6 sd.
  double Normal(double mean, double sd) {
    double sum = 0;
    for (int i = 0; i < 12; ++i) sum += Uniform();
    return mean + sd * (sum - 6.0);
  }

  /// `Normal(mean, sd)` held within [lo, hi].
  double Clamped(double mean, double sd, double lo, double hi) {
    return std::clamp(Normal(mean, sd), lo, hi);
  }

  /// An index drawn with the given non-negative weights (not all zero).
  std::size_t Pick(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = Uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    // Rounding can leave x at the very end: the last index with weight.
    for (std::size_t i = weights.size(); i-- > 0;) {
      if (weights[i] > 0) return i;
    }
    return 0;
  }

  /// Puts `v` in a random order (Fisher–Yates).
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      std::swap(v[i - 1], v[static_cast<std::size_t>(Below(i))]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_ANALYSIS_SIMULATE_RANDOM_HPP_
