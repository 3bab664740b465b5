// Backpropagation through a 1-2-1 network with tanh hidden units and 7 parameters: the forward
// steps, then the backward steps, each "downstream gradient x local derivative", and a check of
// the four formulas of R12 (seed 004). The seed gives no numbers; the values below are ours.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <ctgrad/ctgrad.hpp>

namespace {

int mismatches = 0;

void expect(const char* what, double got, double want) {
  if (std::abs(got - want) <= 1e-12 * std::max(1.0, std::abs(want))) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}

using ctgrad::let;
using ctgrad::var;

constexpr auto x = var<"x">;
constexpr auto y = var<"y">;  // the target
constexpr auto w11 = var<"w11">;
constexpr auto b1 = var<"b1">;
constexpr auto w12 = var<"w12">;
constexpr auto b2 = var<"b2">;
constexpr auto wo1 = var<"wo1">;
constexpr auto wo2 = var<"wo2">;
constexpr auto bo = var<"bo">;

constexpr auto z1 = let<"z1">(w11 * x + b1);
constexpr auto h1 = let<"h1">(tanh(z1));
constexpr auto z2 = let<"z2">(w12 * x + b2);
constexpr auto h2 = let<"h2">(tanh(z2));
constexpr auto y_hat = let<"y_hat">(wo1 * h1 + wo2 * h2 + bo);
constexpr auto loss = square(y_hat - y);

}  // namespace

int main() {
  const double xv = 0.5, yv = 0.8;
  const double w11v = 0.6, b1v = -0.1, w12v = -0.9, b2v = 0.3, wo1v = 1.1, wo2v = -0.7, bov = 0.05;
  const auto g = ctgrad::gradient(loss, ctgrad::at(x = xv, y = yv, w11 = w11v, b1 = b1v, w12 = w12v,
                                                   b2 = b2v, wo1 = wo1v, wo2 = wo2v, bo = bov));

  std::printf("1-2-1 tanh network at x = %g, target y = %g\n", xv, yv);
  std::printf("--- Forward steps ---\n");
  std::printf("z1 = w11*x + b1 = %.4f\n", g.value(z1));
  std::printf("h1 = tanh(z1) = %.4f\n", g.value(h1));
  std::printf("z2 = w12*x + b2 = %.4f\n", g.value(z2));
  std::printf("h2 = tanh(z2) = %.4f\n", g.value(h2));
  std::printf("yhat = wo1*h1 + wo2*h2 + bo = %.4f\n", g.value(y_hat));
  std::printf("L = (yhat - y)^2 = %.4f\n", g.value());

  // Each backward step: the downstream gradient times the local derivative of one node.
  const double local_h1 = 1 - g.value(h1) * g.value(h1);  // tanh'(z1) = 1 - h1^2
  const double local_h2 = 1 - g.value(h2) * g.value(h2);
  std::printf("--- Backward steps ---\n");
  std::printf("dL/dyhat = 2*(yhat - y) = %.4f\n", g[y_hat]);
  std::printf("dL/dbo  = dL/dyhat * 1 = %.4f\n", g[bo]);
  std::printf("dL/dwo1 = dL/dyhat * h1 = %.4f\n", g[wo1]);
  std::printf("dL/dwo2 = dL/dyhat * h2 = %.4f\n", g[wo2]);
  std::printf("dL/dh1  = dL/dyhat * wo1 = %.4f\n", g[h1]);
  std::printf("dL/dh2  = dL/dyhat * wo2 = %.4f\n", g[h2]);
  std::printf("dL/db1  = dL/dh1 * (1 - h1^2) = %.4f * %.4f = %.4f\n", g[h1], local_h1, g[b1]);
  std::printf("dL/db2  = dL/dh2 * (1 - h2^2) = %.4f * %.4f = %.4f\n", g[h2], local_h2, g[b2]);
  std::printf("dL/dw11 = dL/db1 * x = %.4f\n", g[w11]);
  std::printf("dL/dw12 = dL/db2 * x = %.4f\n", g[w12]);

  // R12's four formulas, for both hidden units.
  expect("dL/dbo = dL/dyhat", g[bo], g[y_hat]);
  expect("dL/dwo1 = dL/dyhat * h1", g[wo1], g[y_hat] * g.value(h1));
  expect("dL/dwo2 = dL/dyhat * h2", g[wo2], g[y_hat] * g.value(h2));
  expect("dL/db1 = dL/dyhat * wo1 * (1 - h1^2)", g[b1], g[y_hat] * wo1v * local_h1);
  expect("dL/db2 = dL/dyhat * wo2 * (1 - h2^2)", g[b2], g[y_hat] * wo2v * local_h2);
  expect("dL/dw11 = dL/db1 * x", g[w11], g[b1] * xv);
  expect("dL/dw12 = dL/db2 * x", g[w12], g[b2] * xv);
  // And the forward values against std::tanh.
  expect("h1", g.value(h1), std::tanh(w11v * xv + b1v));
  expect("h2", g.value(h2), std::tanh(w12v * xv + b2v));

  if (mismatches != 0) {
    std::printf("tanh_mlp: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\ntanh_mlp: all four backpropagation formulas hold\n");
  return 0;
}
