// A physics-informed network (seed 004): a tanh network u(x) = sum_k v_k tanh(w_k x + b_k) with
// 4 hidden units is trained so that u'' = -u on [0, pi] with u(0) = 0 and u'(0) = 1, whose
// solution is sin x. u' and u'' are symbolic derivatives of u with respect to x, expressions
// like u itself, so the gradient of the ODE residual with respect to the 12 parameters is one
// reverse sweep per collocation point. First the residual of a 1-unit network, printed and
// checked against R13's formulas. Usage: pinn [random seed].
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <numbers>
#include <random>
#include <string>
#include <tuple>
#include <utility>

#include <ctgrad/ctgrad.hpp>
#include <ctgrad/io/to_string.hpp>

namespace {

using ctgrad::c;
using ctgrad::derivative;
using ctgrad::var;

constexpr auto x = var<"x">;

// One hidden unit: v * tanh(w * x + b).
constexpr auto unit(auto v, auto w, auto b) {
  return v * tanh(w * x + b);
}

// The network of 4 units and its 12 parameters.
constexpr auto v1 = var<"v1">;
constexpr auto w1 = var<"w1">;
constexpr auto b1 = var<"b1">;
constexpr auto v2 = var<"v2">;
constexpr auto w2 = var<"w2">;
constexpr auto b2 = var<"b2">;
constexpr auto v3 = var<"v3">;
constexpr auto w3 = var<"w3">;
constexpr auto b3 = var<"b3">;
constexpr auto v4 = var<"v4">;
constexpr auto w4 = var<"w4">;
constexpr auto b4 = var<"b4">;
constexpr auto u = unit(v1, w1, b1) + unit(v2, w2, b2) + unit(v3, w3, b3) + unit(v4, w4, b4);

// The loss terms: the ODE's residual u'' + u squared at a collocation point, and the initial
// conditions' residuals u(0) and u'(0) - 1 squared (evaluated at x = 0).
constexpr auto du = derivative(u, x);
constexpr auto d2u = derivative(u, x, x);
constexpr auto ode_term = square(d2u + u);
constexpr auto initial_term = square(u) + square(du - c<1>);

// The parameters in a fixed order, their values theta in the same order.
constexpr std::tuple parameter_variables{v1, w1, b1, v2, w2, b2, v3, w3, b3, v4, w4, b4};
constexpr std::size_t parameter_count = std::tuple_size_v<decltype(parameter_variables)>;
using parameters = std::array<double, parameter_count>;
constexpr auto all_parameters =
    std::apply([](auto... p) { return ctgrad::wrt(p...); }, parameter_variables);

// The point x = xv with the parameters bound to theta.
auto point_at(double xv, const parameters& theta) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return ctgrad::at(x = xv, (std::get<I>(parameter_variables) = theta[I])...);
  }
  (std::make_index_sequence<parameter_count>{});
}

int mismatches = 0;

void expect_close(const char* what, double got, double want) {
  if (std::abs(got - want) <= 1e-12 * std::max(1.0, std::abs(want))) return;
  std::printf("MISMATCH %s: got %.17g, expected %.17g\n", what, got, want);
  ++mismatches;
}

void check(bool holds, const char* claim) {
  std::printf("%s: %s\n", holds ? "ok" : "MISMATCH", claim);
  if (!holds) ++mismatches;
}

// R13 on one unit u = v tanh(w x + b): the residual u'' + u as ctgrad builds it, and its value and
// gradient with respect to w and b against the closed forms.
void one_unit_residual() {
  constexpr auto v = var<"v">;
  constexpr auto w = var<"w">;
  constexpr auto b = var<"b">;
  constexpr auto u1 = unit(v, w, b);
  constexpr auto residual = derivative(u1, x, x) + u1;
  std::printf("--- One hidden unit ---\n");
  std::printf("u       = %s\n", ctgrad::to_string(u1).c_str());
  std::printf("du/dx   = %s\n", ctgrad::to_string(derivative(u1, x)).c_str());
  std::printf("u'' + u = %s\n", ctgrad::to_string(residual).c_str());

  const double xv = 0.3, vv = 1.1, wv = 0.7, bv = -0.2;
  const auto p = ctgrad::at(x = xv, v = vv, w = wv, b = bv);
  const auto g = ctgrad::gradient(residual, p);
  std::printf("at x = %g, v = %g, w = %g, b = %g: u'' + u = %.6f, d/dw = %.6f, d/db = %.6f\n", xv,
              vv, wv, bv, g.value(), g[w], g[b]);
  // With t = tanh(w x + b) and s = 1 - t^2: u' = v w s, u'' = -2 v w^2 t s, and d/db, d/dw of
  // u'' + u = v (t - 2 w^2 t s) by the chain rule (ds/db = -2 t s).
  const double t = std::tanh(wv * xv + bv), s = 1 - t * t;
  const double dr_db = vv * s * (1 - 2 * wv * wv * (1 - 3 * t * t));
  const double dr_dw = xv * dr_db - 4 * vv * wv * t * s;
  expect_close("du/dx = v w (1 - t^2)", ctgrad::value(derivative(u1, x), p), vv * wv * s);
  expect_close("u'' + u = -2 v w^2 t (1 - t^2) + v t", g.value(),
               -2 * vv * wv * wv * t * s + vv * t);
  expect_close("d(u'' + u)/dw", g[w], dr_dw);
  expect_close("d(u'' + u)/db", g[b], dr_db);
}

}  // namespace

int main(int argc, char** argv) {
  one_unit_residual();

  const std::uint64_t seed = argc > 1 ? std::stoull(argv[1]) : 1;
  constexpr double pi = std::numbers::pi;
  constexpr int points = 20;  // collocation points, the midpoints of 20 cells of [0, pi]
  constexpr int steps = 10000;
  constexpr double learning_rate = 0.01, momentum = 0.9;

  // Parameters uniform in [-1, 1) from a fixed seed (mt19937_64's output is fixed by the standard).
  std::mt19937_64 rng(seed);
  parameters theta{}, velocity{};
  for (double& p : theta) p = static_cast<double>(rng() >> 11) * 0x1.0p-52 - 1.0;

  std::printf("--- Training: u'' = -u on [0, pi], u(0) = 0, u'(0) = 1 ---\n");
  std::printf(
      "4 tanh units, %d collocation points, gradient descent with momentum %g, lr %g, "
      "random seed %llu\n",
      points, momentum, learning_rate, static_cast<unsigned long long>(seed));
  std::printf("u'' has %zu distinct nodes, (u'' + u)^2 has %zu\n", ctgrad::node_count(d2u),
              ctgrad::node_count(ode_term));
  double first_loss = 0, loss = 0;
  for (int step = 0; step <= steps; ++step) {
    // loss = mean over the points of (u'' + u)^2, plus u(0)^2 + (u'(0) - 1)^2, and its gradient.
    parameters gradient{};
    loss = 0;
    const auto add = [&](const auto& g, double weight) {
      loss += weight * g.value();
      for (std::size_t k = 0; k < parameter_count; ++k) gradient[k] += weight * g.adjoints[k];
    };
    for (int i = 0; i < points; ++i) {
      const double xi = pi * (i + 0.5) / points;
      add(ctgrad::gradient(ode_term, point_at(xi, theta), all_parameters), 1.0 / points);
    }
    add(ctgrad::gradient(initial_term, point_at(0.0, theta), all_parameters), 1.0);

    if (step == 0) first_loss = loss;
    if (step % 1000 == 0) std::printf("step %5d: loss = %.4e\n", step, loss);
    if (step == steps) break;
    for (std::size_t k = 0; k < parameter_count; ++k) {
      velocity[k] = momentum * velocity[k] - learning_rate * gradient[k];
      theta[k] += velocity[k];
    }
  }

  // The trained u and u' against sin x and cos x on a grid of 201 points.
  double u_error = 0, du_error = 0;
  for (int i = 0; i <= 200; ++i) {
    const double xv = pi * i / 200;
    const auto p = point_at(xv, theta);
    u_error = std::max(u_error, std::abs(ctgrad::value(u, p) - std::sin(xv)));
    du_error = std::max(du_error, std::abs(ctgrad::value(du, p) - std::cos(xv)));
  }
  std::printf("--- Against the exact solution on 201 points of [0, pi] ---\n");
  std::printf("max |u - sin x|  = %.2e\n", u_error);
  std::printf("max |u' - cos x| = %.2e\n", du_error);

  check(loss < 1e-3 * first_loss, "the loss decreased by more than 1000x");
  check(u_error < 5e-3, "max |u - sin x| < 5e-3");
  check(du_error < 2e-2, "max |u' - cos x| < 2e-2");
  if (mismatches != 0) {
    std::printf("pinn: %d MISMATCH(ES)\n", mismatches);
    return 1;
  }
  std::printf("\npinn: the network solves u'' = -u\n");
  return 0;
}
