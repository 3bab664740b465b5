#pragma once
// The checks behind the generated random tests (generate.py): at each point, ctgrad's reverse
// gradient against central finite differences of ctgrad's own value(), against ADOL-C's
// gradient of the same computation on adouble, recorded on a tape at that point, and against
// ctgrad's forward mode (the tangent along a direction is the gradient's dot product with it).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <ctgrad/ctgrad.hpp>
#include <type_traits>

#include "tape.hpp"

namespace random_test {

inline constexpr auto x0 = ctgrad::var<"x0">;
inline constexpr auto x1 = ctgrad::var<"x1">;
inline constexpr auto x2 = ctgrad::var<"x2">;
inline constexpr auto x3 = ctgrad::var<"x3">;
inline constexpr int variables = 4;  // expressions over three of them have d/dx3 = 0
inline constexpr int points_per_expression = 20;
using point = std::array<double, variables>;

// A point is skipped when a relu, abs, min or max argument lies this close to its kink: there the
// one-sided slopes differ and neither reference is meaningful. The finite-difference step
// (below 2.1e-6 here) moves a kink argument by far less, unless its slope exceeds ~50.
inline constexpr double kink_margin = 1e-4;

// Finite differences: step h = 1e-6 max(1, |x|). The truncation error is h^2 |f'''| / 6 (below
// 1e-11 |f'''|) and the rounding error about eps M / h (2.2e-10 M, for intermediate values of
// magnitude M <= 100, as the generator keeps them, times the few operations that round), so
// 1e-5 relative to the gradient plus 1e-6 relative to max(1, |f|) covers both with margin.
inline constexpr double fd_relative = 1e-5, fd_absolute = 1e-6;
// ADOL-C differentiates the same operations in the same precision; the two differ only in how
// a function or partial is spelled (softplus, tan', pow'), a few ulp per operation.
inline constexpr double adolc_relative = 1e-12;
// Forward mode runs the same rules on dual numbers: the tangent and the dot product differ only
// in the order of the roundings, relative to the sum of the magnitudes of the terms.
inline constexpr double forward_relative = 1e-12;
inline constexpr std::array<double, 4> direction{0.5, -0.25, 0.75, 1.0};
// Symbolic derivatives compute the same partials as the sweeps, but as a regrouped, simplified
// expression (2 * (a * b) for (2 * a) * b): they differ by the roundings of the regrouping,
// relative to the magnitude of the terms. Second derivatives are compared with forward over
// reverse (hessian_vector) at that tolerance, and with central differences of the symbolic first
// derivative at fd_relative.
inline constexpr double symbolic_relative = 1e-10;

struct tally {
  long expressions = 0, points = 0, skipped = 0, fd_checks = 0, adolc_checks = 0,
       forward_checks = 0, symbolic_checks = 0, second_order_checks = 0, mismatches = 0;
  // largest error / tolerance seen
  double worst_fd = 0, worst_adolc = 0, worst_forward = 0, worst_symbolic = 0,
         worst_second_order = 0;
};

using shard_function = void (*)(tally&);
extern const shard_function shards[];
extern const int shard_count;

inline auto at(const point& x) {
  return ctgrad::at(x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3]);
}

// One taped evaluation of the adouble version at x: its value and gradient.
template <class Taped>
double adolc_gradient(const Taped& taped, const point& x, point& g) {
  constexpr short tag = 1;
  double y = 0;
  trace_on(tag);
  {
    std::array<adouble, variables> a;
    for (int i = 0; i < variables; ++i) a[i] <<= x[i];
    adouble r = taped(a.data());
    r >>= y;
  }
  trace_off();
  gradient(tag, variables, x.data(), g.data());
  return y;
}

inline bool report(tally& t, double error, double tolerance, double& worst) {
  worst = std::max(worst, error / tolerance);
  if (error <= tolerance) return true;  // also false for NaN
  ++t.mismatches;
  return false;
}

inline void print_failure(const tally& t, const char* id, const char* text, const point& x,
                          const char* what, int i, double got, double expected) {
  if (t.mismatches > 20) return;
  char entry[16] = "f";
  if (i >= 0) std::snprintf(entry, sizeof entry, "df/dx%d", i);
  std::printf(
      "MISMATCH %s, %s (%s): ctgrad %.17g, expected %.17g\n  %s\n  at x = (%.17g, %.17g, "
      "%.17g, %.17g)\n",
      id, entry, what, got, expected, text, x[0], x[1], x[2], x[3]);
}

// The symbolic first derivatives against the reverse sweep, and the symbolic second derivatives
// d2f/dx0 dxi against forward over reverse and against central differences of df/dx0.
template <class F, class Targets>
void check_symbolic(tally& t, const char* id, const char* text, const F& f, Targets targets,
                    const point& x, const point& reverse) {
  using ctgrad::derivative;
  using ctgrad::value;
  const point symbolic{value(derivative(f, x0), at(x)), value(derivative(f, x1), at(x)),
                       value(derivative(f, x2), at(x)), value(derivative(f, x3), at(x))};
  for (int i = 0; i < variables; ++i) {
    ++t.symbolic_checks;
    if (!report(t, std::abs(symbolic[i] - reverse[i]),
                symbolic_relative * std::max(1.0, std::abs(reverse[i])), t.worst_symbolic))
      print_failure(t, id, text, x, "symbolic vs reverse", i, symbolic[i], reverse[i]);
  }
  const auto dfdx0 = derivative(f, x0);
  const point second{value(derivative(dfdx0, x0), at(x)), value(derivative(dfdx0, x1), at(x)),
                     value(derivative(dfdx0, x2), at(x)), value(derivative(dfdx0, x3), at(x))};
  const auto hv = ctgrad::hessian_vector(f, at(x), ctgrad::along(x0 = 1.0), targets);
  const point column{hv[x0].tangent, hv[x1].tangent, hv[x2].tangent, hv[x3].tangent};
  for (int i = 0; i < variables; ++i) {
    ++t.second_order_checks;
    if (!report(t, std::abs(second[i] - column[i]),
                symbolic_relative * std::max(1.0, std::abs(column[i])), t.worst_second_order))
      print_failure(t, id, text, x, "d/dx0 symbolic vs forward over reverse", i, second[i],
                    column[i]);
    const double h = 1e-6 * std::max(1.0, std::abs(x[i]));
    point up = x, down = x;
    up[i] += h;
    down[i] -= h;
    const double fd = (value(dfdx0, at(up)) - value(dfdx0, at(down))) / (up[i] - down[i]);
    const double tolerance =
        fd_relative * std::abs(second[i]) + fd_absolute * std::max(1.0, std::abs(symbolic[0]));
    if (!report(t, std::abs(second[i] - fd), tolerance, t.worst_fd))
      print_failure(t, id, text, x, "d/dx0 symbolic vs finite differences", i, second[i], fd);
  }
}

// Symbolic derivatives are checked on every eighth expression (generate.py passes the expression
// to differentiate, or no_symbolic_check): each check instantiates eight derivative expressions
// and their sweeps, which costs the compiler 2 to 5 seconds.
struct no_symbolic_check_t {};
inline constexpr no_symbolic_check_t no_symbolic_check{};

template <class F, class Symbolic, class Targets, class KinkDistance, class Taped>
void check(tally& t, const char* id, const char* text, const F& f, const Symbolic& symbolic,
           Targets targets, const point* points, const KinkDistance& kink_distance,
           const Taped& taped) {
  ++t.expressions;
  for (int k = 0; k < points_per_expression; ++k) {
    const point& x = points[k];
    ++t.points;
    const auto g = ctgrad::gradient(f, at(x), targets);
    if (!(kink_distance(g) >= kink_margin)) {
      ++t.skipped;
      continue;
    }
    const point reverse{g[x0], g[x1], g[x2], g[x3]};
    const double fx = g.value();
    if constexpr (!std::is_same_v<Symbolic, no_symbolic_check_t>)
      check_symbolic(t, id, text, symbolic, targets, x, reverse);

    point taped_gradient{};
    const double taped_value = adolc_gradient(taped, x, taped_gradient);
    if (!report(t, std::abs(fx - taped_value),
                adolc_relative * std::max(1.0, std::abs(taped_value)), t.worst_adolc))
      print_failure(t, id, text, x, "vs ADOL-C", -1, fx, taped_value);
    for (int i = 0; i < variables; ++i) {
      ++t.adolc_checks;
      const double expected = taped_gradient[i];
      if (!report(t, std::abs(reverse[i] - expected),
                  adolc_relative * std::max(1.0, std::abs(expected)), t.worst_adolc))
        print_failure(t, id, text, x, "vs ADOL-C", i, reverse[i], expected);
    }

    const auto tangent = ctgrad::tangent(
        f, at(x),
        ctgrad::along(x0 = direction[0], x1 = direction[1], x2 = direction[2], x3 = direction[3]));
    double dot = 0, magnitude = 0;
    for (int i = 0; i < variables; ++i) {
      dot += reverse[i] * direction[i];
      magnitude += std::abs(reverse[i] * direction[i]);
    }
    ++t.forward_checks;
    if (!report(t, std::abs(tangent.tangent - dot), forward_relative * std::max(1.0, magnitude),
                t.worst_forward))
      print_failure(t, id, text, x, "vs forward mode (tangent)", -1, tangent.tangent, dot);

    for (int i = 0; i < variables; ++i) {
      ++t.fd_checks;
      const double h = 1e-6 * std::max(1.0, std::abs(x[i]));
      point up = x, down = x;
      up[i] += h;
      down[i] -= h;
      const double fd = (ctgrad::value(f, at(up)) - ctgrad::value(f, at(down))) / (up[i] - down[i]);
      const double tolerance =
          fd_relative * std::abs(reverse[i]) + fd_absolute * std::max(1.0, std::abs(fx));
      if (!report(t, std::abs(reverse[i] - fd), tolerance, t.worst_fd))
        print_failure(t, id, text, x, "vs finite differences", i, reverse[i], fd);
    }
  }
}

}  // namespace random_test
