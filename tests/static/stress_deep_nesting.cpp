// Depth: 64 functions nested in one another, u_0 = x * y, u_k = f_k(u_(k-1)) with f_k cycling
// through sin, tanh and exp, compiles at both compilers' default limits, and its gradient (at
// compile time and at run time) follows the hand-derived recurrence du_k = f_k'(u_(k-1)) du_(k-1).
#include <cmath>
#include <cstddef>
#include <ctgrad/ctgrad.hpp>
#include "../support/tolerance.hpp"

namespace {

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr std::size_t depth = 64;

template <std::size_t K>
constexpr auto nested() {
  if constexpr (K == 0)
    return x * y;
  else if constexpr (K % 3 == 1)
    return sin(nested<K - 1>());
  else if constexpr (K % 3 == 2)
    return tanh(nested<K - 1>());
  else
    return exp(nested<K - 1>());
}
constexpr auto f = nested<depth>();
static_assert(ctgrad::node_count(f) == depth + 3);

struct chained {
  double u, du_dx, du_dy;
};

// The recurrence, with the math functions given (ctgrad::math's during compilation, std:: at
// run time, so that each side compares with its own arithmetic).
template <class Sin, class Cos, class Tanh, class Exp>
constexpr chained by_hand(double xv, double yv, Sin sin_, Cos cos_, Tanh tanh_, Exp exp_) {
  chained c{xv * yv, yv, xv};
  for (std::size_t k = 1; k <= depth; ++k) {
    double u, slope;
    if (k % 3 == 1)
      u = sin_(c.u), slope = cos_(c.u);
    else if (k % 3 == 2)
      u = tanh_(c.u), slope = 1 - u * u;
    else
      u = exp_(c.u), slope = u;
    c = {u, slope * c.du_dx, slope * c.du_dy};
  }
  return c;
}

constexpr bool close(double got, double want) {
  return ctgrad_test::close(got, want, 1e-13);
}

constexpr auto g = ctgrad::gradient(f, ctgrad::at(x = 0.9, y = -1.7));
constexpr chained h = by_hand(
    0.9, -1.7, [](double a) { return ctgrad::math::sin(a); },
    [](double a) { return ctgrad::math::cos(a); }, [](double a) { return ctgrad::math::tanh(a); },
    [](double a) { return ctgrad::math::exp(a); });
static_assert(close(g.value(), h.u) && close(g[x], h.du_dx) && close(g[y], h.du_dy));

}  // namespace

int main() {
  int wrong = 0;
  for (int i = 0; i < 20; ++i) {
    const double xv = -2.0 + 0.2 * i, yv = 1.3 - 0.1 * i;
    const auto gr = ctgrad::gradient(f, ctgrad::at(x = xv, y = yv));
    const chained e = by_hand(
        xv, yv, [](double a) { return std::sin(a); }, [](double a) { return std::cos(a); },
        [](double a) { return std::tanh(a); }, [](double a) { return std::exp(a); });
    if (!close(gr.value(), e.u) || !close(gr[x], e.du_dx) || !close(gr[y], e.du_dy)) ++wrong;
  }
  return wrong;
}
