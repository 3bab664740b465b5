#pragma once
// Distance in units in the last place between doubles, via the ordering of their IEEE bit
// patterns (negative numbers mirrored below the positive ones, so that +0 and -0 are 0 apart).
// Usable at compile time and at run time.
#include <bit>
#include <cstdint>
#include <limits>

namespace ctgrad_test {

constexpr std::int64_t ordered(double x) {
  const auto b = std::bit_cast<std::int64_t>(x);
  return b < 0 ? std::numeric_limits<std::int64_t>::min() - b : b;
}

// For finite or infinite a and b (a NaN's bits give no meaningful distance: check NaN first).
constexpr std::int64_t ulp_distance(double a, double b) {
  const std::int64_t oa = ordered(a), ob = ordered(b);
  return oa > ob ? oa - ob : ob - oa;
}

}  // namespace ctgrad_test
