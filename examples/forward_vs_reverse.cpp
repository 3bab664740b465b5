// Forward mode against reverse mode (seed 001, "Forward vs. Reverse Mode Autodiff"): forward mode
// costs one pass per input, reverse mode one sweep per output. ctgrad::jacobian picks the mode
// by the function's shape; forcing the other one shows what it would have cost. Two functions:
// - one input, six outputs: the powers of x, y_k = x^k, whose derivatives are k x^(k-1);
// - six inputs, one output: the squared error of a linear model, L = (w . x + b - t)^2, whose
//   derivatives are dL/dw_k = 2 (yhat - t) x_k and dL/db = 2 (yhat - t).
// Both modes' numbers are checked against these hand-derived formulas.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>

#include <ctgrad/ctgrad.hpp>

namespace {

int mismatches = 0;

void expect(const char* what, double got, double want) {
  if (std::abs(got - want) <= 1e-14 * std::max(1.0, std::abs(want))) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}
void expect_count(const char* what, std::size_t got, std::size_t want) {
  if (got == want) return;
  std::printf("MISMATCH %s: %zu, expected %zu\n", what, got, want);
  ++mismatches;
}

const char* name_of(ctgrad::mode m) {
  return m == ctgrad::mode::forward ? "forward" : "reverse";
}

// Which mode jacobian picks, and what each mode costs, for an n-input, m-output function.
template <class J, class F, class R>
void report_cost(const J& chosen, const F& forward, const R& reverse) {
  std::printf("  n = %zu input(s), m = %zu output(s): jacobian picks %s mode\n", J::cols, J::rows,
              name_of(chosen.mode_used));
  std::printf("  forward mode: %zu pass(es) on dual numbers, one per input\n", forward.sweeps);
  std::printf("  reverse mode: 1 forward pass + %zu adjoint sweep(s), one per output\n",
              reverse.sweeps);
  expect_count("forward passes = n", forward.sweeps, J::cols);
  expect_count("reverse sweeps = m", reverse.sweeps, J::rows);
}

constexpr auto x = ctgrad::var<"x">;

void one_input_many_outputs() {
  std::printf("One input, six outputs: y_k = x^k, k = 1..6, at x = 1.5\n");
  const auto f = ctgrad::outputs(x, ctgrad::pow<2>(x), ctgrad::pow<3>(x), ctgrad::pow<4>(x),
                                 ctgrad::pow<5>(x), ctgrad::pow<6>(x));
  const double xv = 1.5;
  const auto p = ctgrad::at(x = xv);
  const auto chosen = ctgrad::jacobian(f, p);
  const auto forward = ctgrad::jacobian<ctgrad::mode::forward>(f, p);
  const auto reverse = ctgrad::jacobian<ctgrad::mode::reverse>(f, p);
  report_cost(chosen, forward, reverse);
  if (chosen.mode_used != ctgrad::mode::forward) {
    std::printf("MISMATCH: expected forward mode for a tall Jacobian\n");
    ++mismatches;
  }
  std::printf("  %-4s %10s %12s %12s %14s\n", "k", "y_k", "forward", "reverse", "k x^(k-1)");
  for (std::size_t i = 0; i < decltype(chosen)::rows; ++i) {
    const double k = static_cast<double>(i + 1);
    const double by_hand = k * std::pow(xv, k - 1);
    std::printf("  %-4zu %10.4f %12.4f %12.4f %14.4f\n", i + 1, chosen.value(i), forward(i, x),
                reverse(i, x), by_hand);
    expect("y_k = x^k", chosen.value(i), std::pow(xv, k));
    expect("forward dy_k/dx", forward(i, x), by_hand);
    expect("reverse dy_k/dx", reverse(i, x), by_hand);
  }
}

constexpr auto w1 = ctgrad::var<"w1">;
constexpr auto w2 = ctgrad::var<"w2">;
constexpr auto w3 = ctgrad::var<"w3">;
constexpr auto w4 = ctgrad::var<"w4">;
constexpr auto w5 = ctgrad::var<"w5">;
constexpr auto b = ctgrad::var<"b">;

void many_inputs_one_output() {
  std::printf("\nSix inputs, one output: L = (w . x + b - t)^2, the weights as inputs\n");
  const double xs[5] = {0.5, -1.0, 2.0, 0.25, 1.5}, t = 1.0;
  const double ws[5] = {0.2, -0.4, 0.1, 0.8, -0.3}, bv = 0.05;
  const auto yhat =
      ctgrad::let<"yhat">(w1 * xs[0] + w2 * xs[1] + w3 * xs[2] + w4 * xs[3] + w5 * xs[4] + b);
  const auto f = ctgrad::outputs(square(yhat - t));
  const auto p = ctgrad::at(w1 = ws[0], w2 = ws[1], w3 = ws[2], w4 = ws[3], w5 = ws[4], b = bv);
  const auto chosen = ctgrad::jacobian(f, p);
  const auto forward = ctgrad::jacobian<ctgrad::mode::forward>(f, p);
  const auto reverse = ctgrad::jacobian<ctgrad::mode::reverse>(f, p);
  report_cost(chosen, forward, reverse);
  if (chosen.mode_used != ctgrad::mode::reverse) {
    std::printf("MISMATCH: expected reverse mode for a wide Jacobian\n");
    ++mismatches;
  }

  double yhat_by_hand = bv;
  for (int k = 0; k < 5; ++k) yhat_by_hand += ws[k] * xs[k];
  const double dL_dyhat = 2 * (yhat_by_hand - t);
  expect("L", chosen.value(0), (yhat_by_hand - t) * (yhat_by_hand - t));
  std::printf("  L = %.6f, yhat = %.4f, dL/dyhat = 2 (yhat - t) = %.4f\n", chosen.value(0),
              yhat_by_hand, dL_dyhat);
  std::printf("  %-6s %12s %12s %18s\n", "input", "reverse", "forward", "2 (yhat - t) x_k");
  const auto row = [&](const char* name, auto v, double by_hand) {
    std::printf("  %-6s %12.6f %12.6f %18.6f\n", name, reverse(0, v), forward(0, v), by_hand);
    expect(name, reverse(0, v), by_hand);
    expect(name, forward(0, v), by_hand);
  };
  row("w1", w1, dL_dyhat * xs[0]);
  row("w2", w2, dL_dyhat * xs[1]);
  row("w3", w3, dL_dyhat * xs[2]);
  row("w4", w4, dL_dyhat * xs[3]);
  row("w5", w5, dL_dyhat * xs[4]);
  row("b", b, dL_dyhat);
}

}  // namespace

int main() {
  one_input_many_outputs();
  many_inputs_one_output();
  std::printf(
      "\nA network's loss has many inputs (its weights) and one output: reverse mode gets every\n"
      "derivative in one sweep, where forward mode would need one pass per weight.\n");
  if (mismatches != 0) {
    std::printf("forward_vs_reverse: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("forward_vs_reverse: both modes match the hand-derived derivatives\n");
  return 0;
}
