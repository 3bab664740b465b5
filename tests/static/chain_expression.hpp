#pragma once
// A long chain over four variables for the size tests, and the same recurrence differentiated by
// hand in forward mode: e_0 = v0 * v1, e_k = sin(e_{k-1}) * v_(k % 4) + 0.5. Each step adds four
// nodes (sin, *, the number, +), so K steps give 3 + 4K nodes plus the variables v2 and v3.
#include <array>
#include <cstddef>
#include <ctgrad/ctgrad.hpp>
#include "../support/tolerance.hpp"

namespace chain_test {

inline constexpr auto v0 = ctgrad::var<"v0">;
inline constexpr auto v1 = ctgrad::var<"v1">;
inline constexpr auto v2 = ctgrad::var<"v2">;
inline constexpr auto v3 = ctgrad::var<"v3">;

// Step K: e_K from e_(K-1).
template <std::size_t K, class E>
constexpr auto step(const E& prev) {
  if constexpr (K % 4 == 0)
    return sin(prev) * v0 + 0.5;
  else if constexpr (K % 4 == 1)
    return sin(prev) * v1 + 0.5;
  else if constexpr (K % 4 == 2)
    return sin(prev) * v2 + 0.5;
  else
    return sin(prev) * v3 + 0.5;
}

// Steps From + 1 to To applied to e, split in halves: recursion of depth log K, which the
// compilers' instantiation depth and stack allow for any K.
template <std::size_t From, std::size_t To, class E>
constexpr auto extend(const E& e) {
  if constexpr (To - From == 1) {
    return step<To>(e);
  } else {
    constexpr std::size_t middle = From + (To - From) / 2;
    return extend<middle, To>(extend<From, middle>(e));
  }
}

template <std::size_t K>
constexpr auto chain() {
  if constexpr (K == 0)
    return v0 * v1;
  else
    return extend<0, K>(v0 * v1);
}

// The value and the four partials of e_K.
struct dual4 {
  double v;
  std::array<double, 4> d;
};
template <std::size_t K>
constexpr dual4 by_hand(std::array<double, 4> x) {
  dual4 e{x[0] * x[1], {x[1], x[0], 0, 0}};
  for (std::size_t k = 1; k <= K; ++k) {
    const std::size_t j = k % 4;
    const double s = ctgrad::math::sin(e.v), c = ctgrad::math::cos(e.v);
    dual4 next{s * x[j] + 0.5, {}};
    for (std::size_t i = 0; i < 4; ++i) next.d[i] = c * e.d[i] * x[j] + (i == j ? s : 0.0);
    e = next;
  }
  return e;
}

constexpr bool close(double got, double want) {
  return ctgrad_test::close(got, want, 1e-12);
}

// The gradient at x agrees with the hand-derived recurrence.
template <std::size_t K, class E>
constexpr bool agrees(const E& e, std::array<double, 4> x) {
  const auto g = ctgrad::gradient(e, ctgrad::at(v0 = x[0], v1 = x[1], v2 = x[2], v3 = x[3]));
  const dual4 h = by_hand<K>(x);
  return close(g.value(), h.v) && close(g[v0], h.d[0]) && close(g[v1], h.d[1]) &&
         close(g[v2], h.d[2]) && close(g[v3], h.d[3]);
}

}  // namespace chain_test
