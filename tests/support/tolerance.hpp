#pragma once
// The tests' one tolerance: whether a computed number agrees with the expected one to a relative
// bound of the expected magnitude, or of 1 where that is smaller (so the bound is absolute near
// 0). Infinities agree only with themselves and NaN only with NaN. constexpr, so that a
// static_assert can use it as a run-time test does.
#include <limits>

namespace ctgrad_test {

constexpr bool close(double got, double want, double relative = 1e-12) {
  if (got != got || want != want) return got != got && want != want;  // NaN
  constexpr double inf = std::numeric_limits<double>::infinity();
  if (got == inf || got == -inf || want == inf || want == -inf) return got == want;
  const double error = got > want ? got - want : want - got;
  const double magnitude = want < 0 ? -want : want;
  return error <= relative * (magnitude > 1 ? magnitude : 1.0);
}

}  // namespace ctgrad_test
