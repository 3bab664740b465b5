// The tutorials' two-layer network, differentiated by ctgrad: the forward pass, the backward pass
// (every intermediate's value and adjoint read from ONE ctgrad::gradient call) and one step of
// gradient descent. Reproduces R3 (seed 000, with biases) and R6 (seed 001, without biases).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <ctgrad/ctgrad.hpp>

namespace {

int mismatches = 0;

// The program checks its own numbers against the tutorials' and reports any difference.
void expect(const char* what, double got, double want, double relative_tolerance = 1e-12) {
  if (std::abs(got - want) <= relative_tolerance * std::max(1.0, std::abs(want))) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}

// For static_assert: the seed's decimals (1.356, ...) have no exact binary form.
constexpr bool near(double got, double want) {
  const double difference = got - want;
  return difference <= 1e-12 && -difference <= 1e-12;
}

void show_update(const char* name, double before, double after) {
  std::printf("%s: %.4f -> %.4f\n", name, before, after);
}

using ctgrad::let;
using ctgrad::var;

// ---------------------------------------------------------------------------------------------
// R3 (seed 000): z1 = w1*x + b1, h = relu(z1), y = w2*h + b2, L = (y - target)^2
namespace with_biases {

constexpr auto x = var<"x">;
constexpr auto target = var<"target">;
constexpr auto w1 = var<"w1">;
constexpr auto b1 = var<"b1">;
constexpr auto w2 = var<"w2">;
constexpr auto b2 = var<"b2">;

// The network is written once, as an expression. let<"..."> names an intermediate, so that
// the gradient also reports its forward value and the loss's derivative with respect to it.
constexpr auto z1 = let<"z1">(w1 * x + b1);
constexpr auto h = let<"h">(relu(z1));
constexpr auto y = let<"y">(w2 * h + b2);
constexpr auto loss = square(y - target);

// The same numbers, proven while compiling: the compiler runs the sweep itself.
constexpr auto seed_gradient = ctgrad::gradient(
    loss, ctgrad::at(x = 2.0, target = 1.0, w1 = 0.5, b1 = 0.1, w2 = -0.3, b2 = 0.2));
static_assert(near(seed_gradient[w1], 1.356) && near(seed_gradient[b1], 0.678) &&
              near(seed_gradient[w2], -2.486) && near(seed_gradient[b2], -2.26));

struct parameters {
  double w1, b1, w2, b2;
};

void run() {
  const double input = 2.0;
  const double wanted = 1.0;
  const double lr = 0.1;
  const parameters p{0.5, 0.1, -0.3, 0.2};  // run-time values: this part is ordinary code
  const auto point_for = [&](const parameters& q) {
    return ctgrad::at(x = input, target = wanted, w1 = q.w1, b1 = q.b1, w2 = q.w2, b2 = q.b2);
  };

  // One forward pass and one reverse sweep: every value and every adjoint below comes from g.
  const auto g = ctgrad::gradient(loss, point_for(p));

  std::printf("=== R3: two-layer network with biases (seed 000) ===\n");
  std::printf("--- Forward pass ---\n");
  std::printf("z1 = w1*x + b1 = %.4f*%.4f + %.4f = %.4f\n", p.w1, input, p.b1, g.value(z1));
  std::printf("h = relu(z1) = %.4f\n", g.value(h));
  std::printf("y = w2*h + b2 = %.4f*%.4f + %.4f = %.4f\n", p.w2, g.value(h), p.b2, g.value(y));
  std::printf("loss = (y - target)^2 = (%.4f - %.4f)^2 = %.4f\n", g.value(y), wanted, g.value());

  const double relu_slope = g.value(z1) > 0 ? 1.0 : 0.0;
  std::printf("--- Backward pass ---\n");
  std::printf("dL/dy = 2*(y - target) = %.4f\n", g[y]);
  std::printf("dL/dw2 = dL/dy * h = %.4f * %.4f = %.4f\n", g[y], g.value(h), g[w2]);
  std::printf("dL/db2 = dL/dy * 1 = %.4f\n", g[b2]);
  std::printf("dL/dh = dL/dy * w2 = %.4f * %.4f = %.4f\n", g[y], p.w2, g[h]);
  std::printf("dL/dz1 = dL/dh * relu'(z1) = %.4f * %.0f = %.4f\n", g[h], relu_slope, g[z1]);
  std::printf("dL/dw1 = dL/dz1 * x = %.4f * %.4f = %.4f\n", g[z1], input, g[w1]);
  std::printf("dL/db1 = dL/dz1 * 1 = %.4f\n", g[b1]);

  const parameters next{p.w1 - lr * g[w1], p.b1 - lr * g[b1], p.w2 - lr * g[w2], p.b2 - lr * g[b2]};
  const double loss_after = ctgrad::value(loss, point_for(next));
  std::printf("--- Parameter update (lr = %.1f) ---\n", lr);
  show_update("w1", p.w1, next.w1);
  show_update("b1", p.b1, next.b1);
  show_update("w2", p.w2, next.w2);
  show_update("b2", p.b2, next.b2);
  std::printf("Loss: %.4f -> %.4f (%s)\n", g.value(), loss_after,
              loss_after < g.value() ? "decreased" : "did not decrease");
  std::printf(
      "Compile time: static_assert checked dL/dw1 = 1.356, dL/db1 = 0.678, "
      "dL/dw2 = -2.486, dL/db2 = -2.26\n");

  // The seed's numbers (R3), and the chain-rule products the trace prints.
  expect("z1", g.value(z1), 1.1);
  expect("h", g.value(h), 1.1);
  expect("y", g.value(y), -0.13);
  expect("loss", g.value(), 1.2769);
  expect("dL/dy", g[y], -2.26);
  expect("dL/dw2", g[w2], -2.486);
  expect("dL/db2", g[b2], -2.26);
  expect("dL/dh", g[h], 0.678);
  expect("dL/dz1", g[z1], 0.678);
  expect("dL/dw1", g[w1], 1.356);
  expect("dL/db1", g[b1], 0.678);
  expect("dL/dw2 = dL/dy * h", g[w2], g[y] * g.value(h));
  expect("dL/dh = dL/dy * w2", g[h], g[y] * p.w2);
  expect("dL/dw1 = dL/dz1 * x", g[w1], g[z1] * input);
  expect("new w1", next.w1, 0.3644);
  expect("new b1", next.b1, 0.0322);
  expect("new w2", next.w2, -0.0514);
  expect("new b2", next.b2, 0.426);
  expect("loss after the step", loss_after, 0.3759104937, 1e-9);
}

}  // namespace with_biases

// ---------------------------------------------------------------------------------------------
// R6 (seed 001): the same network without biases, in the seed's names:
// z1 = w1*x, a1 = relu(z1), z2 = w2*a1, L = (z2 - y)^2 with target y.
namespace without_biases {

constexpr auto x = var<"x">;
constexpr auto y = var<"y">;
constexpr auto w1 = var<"w1">;
constexpr auto w2 = var<"w2">;

constexpr auto z1 = let<"z1">(w1 * x);
constexpr auto a1 = let<"a1">(relu(z1));
constexpr auto z2 = let<"z2">(w2 * a1);
constexpr auto loss = square(z2 - y);

void run() {
  const double input = 2.0;
  const double wanted = 1.0;
  const double lr = 0.1;
  const double w1_value = 0.5;
  const double w2_value = -0.3;

  const auto g =
      ctgrad::gradient(loss, ctgrad::at(x = input, y = wanted, w1 = w1_value, w2 = w2_value));

  std::printf("\n=== R6: two-layer network without biases (seed 001) ===\n");
  std::printf("--- Forward pass ---\n");
  std::printf("z1 = w1*x = %.4f*%.4f = %.4f\n", w1_value, input, g.value(z1));
  std::printf("a1 = relu(z1) = %.4f\n", g.value(a1));
  std::printf("z2 = w2*a1 = %.4f*%.4f = %.4f\n", w2_value, g.value(a1), g.value(z2));
  std::printf("L = (z2 - y)^2 = (%.4f - %.4f)^2 = %.4f\n", g.value(z2), wanted, g.value());

  std::printf("--- Backward pass ---\n");
  std::printf("dL/dz2 = 2*(z2 - y) = %.4f\n", g[z2]);
  std::printf("dL/dw2 = dL/dz2 * a1 = %.4f * %.4f = %.4f\n", g[z2], g.value(a1), g[w2]);
  std::printf("dL/da1 = dL/dz2 * w2 = %.4f * %.4f = %.4f\n", g[z2], w2_value, g[a1]);
  std::printf("dL/dz1 = dL/da1 * relu'(z1) = %.4f * %.0f = %.4f\n", g[a1],
              g.value(z1) > 0 ? 1.0 : 0.0, g[z1]);
  std::printf("dL/dw1 = dL/dz1 * x = %.4f * %.4f = %.4f\n", g[z1], input, g[w1]);

  const double w1_next = w1_value - lr * g[w1];
  const double w2_next = w2_value - lr * g[w2];
  const double loss_after =
      ctgrad::value(loss, ctgrad::at(x = input, y = wanted, w1 = w1_next, w2 = w2_next));
  std::printf("--- Parameter update (lr = %.1f) ---\n", lr);
  show_update("w1", w1_value, w1_next);
  show_update("w2", w2_value, w2_next);
  std::printf("Loss: %.4f -> %.4f (%s)\n", g.value(), loss_after,
              loss_after < g.value() ? "decreased" : "did not decrease");

  expect("z1", g.value(z1), 1.0);
  expect("a1", g.value(a1), 1.0);
  expect("z2", g.value(z2), -0.3);
  expect("L", g.value(), 1.69);
  expect("dL/dz2", g[z2], -2.6);
  expect("dL/dw2", g[w2], -2.6);
  expect("dL/da1", g[a1], 0.78);
  expect("dL/dz1", g[z1], 0.78);
  expect("dL/dw1", g[w1], 1.56);
  expect("new w1", w1_next, 0.344);
  expect("new w2", w2_next, -0.04);
  // After the step: z2 = -0.04 * 0.688, so L = (-0.02752 - 1)^2.
  expect("loss after the step", loss_after, 1.02752 * 1.02752);
}

}  // namespace without_biases

}  // namespace

int main() {
  with_biases::run();
  without_biases::run();
  if (mismatches != 0) {
    std::printf("two_layer_backprop: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\ntwo_layer_backprop: all numbers match the tutorials\n");
  return 0;
}
