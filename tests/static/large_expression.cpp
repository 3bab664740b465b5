// Size: a 500-node expression (a chain over 8 variables with + * sin exp and run-time numbers)
// compiles with both compilers at their default limits and gives the gradient that the same
// recurrence, differentiated by hand in forward mode, gives.
#include <ctgrad/ctgrad.hpp>

#include <array>
#include <cstddef>

namespace {

constexpr auto v0 = ctgrad::var<"v0">;
constexpr auto v1 = ctgrad::var<"v1">;
constexpr auto v2 = ctgrad::var<"v2">;
constexpr auto v3 = ctgrad::var<"v3">;

// e_0 = v0 * v1; each step adds 4 nodes: e_k = sin(e_{k-1}) * v_(k%4) + 0.5 (number, *, +, sin
// and a shared variable leaf), so 124 steps give 3 + 124 * 4 = 499 nodes plus the variables.
template <std::size_t K>
constexpr auto chain() {
  if constexpr (K == 0) {
    return v0 * v1;
  } else {
    constexpr std::size_t k = K % 4;
    const auto prev = chain<K - 1>();
    if constexpr (k == 0)
      return sin(prev) * v0 + 0.5;
    else if constexpr (k == 1)
      return sin(prev) * v1 + 0.5;
    else if constexpr (k == 2)
      return sin(prev) * v2 + 0.5;
    else
      return sin(prev) * v3 + 0.5;
  }
}

constexpr std::size_t steps = 124;
constexpr auto e = chain<steps>();
static_assert(decltype(e)::keys::size == 3 + steps * 4 + 2);  // + v2, v3

// The same recurrence in plain arithmetic, with forward-mode derivatives for all four inputs.
struct dual4 {
  double v;
  std::array<double, 4> d;
};
constexpr dual4 by_hand(std::array<double, 4> x) {
  dual4 e{x[0] * x[1], {x[1], x[0], 0, 0}};
  for (std::size_t k = 1; k <= steps; ++k) {
    const std::size_t j = k % 4;
    const double s = ctgrad::math::sin(e.v), c = ctgrad::math::cos(e.v);
    dual4 next{s * x[j] + 0.5, {}};
    for (std::size_t i = 0; i < 4; ++i) next.d[i] = c * e.d[i] * x[j] + (i == j ? s : 0.0);
    e = next;
  }
  return e;
}

constexpr auto point = ctgrad::at(v0 = 0.7, v1 = -1.3, v2 = 0.4, v3 = 1.1);
constexpr auto g = ctgrad::gradient(e, point);
constexpr dual4 h = by_hand({0.7, -1.3, 0.4, 1.1});
constexpr bool close(double a, double b) {
  return (a - b) * (a - b) <= 1e-24 * (1 + b * b);
}
static_assert(close(g.value(), h.v));
static_assert(close(g[v0], h.d[0]) && close(g[v1], h.d[1]));
static_assert(close(g[v2], h.d[2]) && close(g[v3], h.d[3]));

}  // namespace

int main() {}
