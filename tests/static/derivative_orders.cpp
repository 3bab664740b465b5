// Symbolic derivatives of orders 1 to 4 of one 20-node expression (the one timed by
// bench/compile_time_derivatives.sh), checked by the compiler against the other ways ctgrad has
// of computing them: the reverse gradient (order 1), forward over reverse (order 2), forward mode
// on the symbolic derivative of one order less (orders 3 and 4), the reverse gradient of that
// derivative (every order), and a closed form derived by hand (every order).
#include <array>
#include <cstddef>
#include <type_traits>

#include <ctgrad/ctgrad.hpp>
#include <ctgrad/forward/tangent.hpp>
#include "../support/tolerance.hpp"

namespace {

using ctgrad::along;
using ctgrad::at;
using ctgrad::c;
using ctgrad::derivative;
namespace math = ctgrad::math;

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto z = ctgrad::var<"z">;

// 20 distinct nodes: 3 variables, 2 constants and 15 operations (* + - / tanh exp sin square).
constexpr auto f =
    tanh(x * y + z) * exp(x / (c<1> + square(z))) + sin(x * z) / (c<2> + square(y - x));
using F = decltype(f);
static_assert(ctgrad::node_count(f) == 20);

constexpr auto d1 = derivative(f, x);
constexpr auto d2 = derivative(f, x, x);
constexpr auto d3 = derivative<3>(f, x);
constexpr auto d4 = derivative<4>(f, x);
static_assert(std::is_same_v<decltype(derivative(f, x, x)), decltype(derivative<2>(f, x))>);
static_assert(std::is_same_v<decltype(derivative(f, x, x, x, x)), decltype(derivative(d3, x))>);

// The graphs stay small: each order has about twice the nodes of the one before (20, 35, 64,
// 125, 238 distinct nodes), not the exponential growth of the expanded trees.
using ctgrad::node_count;
static_assert(node_count(d1) <= 2 * node_count(f));
static_assert(node_count(d2) <= 2 * node_count(d1));
static_assert(node_count(d3) <= 2 * node_count(d2));
static_assert(node_count(d4) <= 2 * node_count(d3));

constexpr double xv = 0.3, yv = -0.4, zv = 0.5;
constexpr auto p = at(x = xv, y = yv, z = zv);

constexpr bool close(double got, double want) {
  return ctgrad_test::close(got, want, 1e-12);
}

// The n-th derivative with respect to x, by hand. f = A + B with
//   A = tanh(s) e^(k x),  s = x y + z,  k = 1 / (1 + z^2),
//   B = sin(z x) g,       g = 1 / D,    D = 2 + q^2,  q = x - y,
// and Leibniz's rule on each product: with t = tanh(s) and t' = 1 - t^2,
//   d^j tanh(s)/dx^j = y^j T_j:  T_0 = t, T_1 = t', T_2 = -2 t t', T_3 = t' (6 t^2 - 2),
//                                T_4 = 8 t t' (2 - 3 t^2);
//   d^j e^(k x)/dx^j = k^j e^(k x);
//   d^j sin(z x)/dx^j = z^j (sin, cos, -sin, -cos, sin)(z x);
//   d^j g/dx^j: g, -2 q D^-2, -2 D^-2 + 8 q^2 D^-3, 24 q D^-3 - 48 q^3 D^-4,
//               24 D^-3 - 288 q^2 D^-4 + 384 q^4 D^-5.
constexpr double closed_form(int n) {
  const double t = math::tanh(xv * yv + zv), t1 = 1 - t * t;
  const double k = 1 / (1 + zv * zv), e = math::exp(k * xv);
  const double sn = math::sin(zv * xv), cs = math::cos(zv * xv);
  const double q = xv - yv, D = 2 + q * q;
  const std::array<double, 5> tanh_j = {t, t1, -2 * t * t1, t1 * (6 * t * t - 2),
                                        8 * t * t1 * (2 - 3 * t * t)};
  const std::array<double, 5> sin_j = {sn, cs, -sn, -cs, sn};
  const std::array<double, 5> g_j = {
      1 / D, -2 * q / (D * D), -2 / (D * D) + 8 * q * q / (D * D * D),
      24 * q / (D * D * D) - 48 * q * q * q / (D * D * D * D),
      24 / (D * D * D) - 288 * q * q / (D * D * D * D) + 384 * q * q * q * q / (D * D * D * D * D)};
  const int binomial[5][5] = {
      {1, 0, 0, 0, 0}, {1, 1, 0, 0, 0}, {1, 2, 1, 0, 0}, {1, 3, 3, 1, 0}, {1, 4, 6, 4, 1}};
  const auto power = [](double a, int m) {
    double r = 1;
    for (int i = 0; i < m; ++i) r *= a;
    return r;
  };
  double sum = 0;
  for (int j = 0; j <= n; ++j) {
    sum += binomial[n][j] * power(yv, j) * tanh_j[j] * power(k, n - j) * e;  // A
    sum += binomial[n][j] * power(zv, j) * sin_j[j] * g_j[n - j];            // B
  }
  return sum;
}

constexpr double f0 = ctgrad::value(f, p);
constexpr double f1 = ctgrad::value(d1, p);
constexpr double f2 = ctgrad::value(d2, p);
constexpr double f3 = ctgrad::value(d3, p);
constexpr double f4 = ctgrad::value(d4, p);

// Order 1: the reverse sweep's entry.
static_assert(close(f1, ctgrad::gradient(f, p)[x]));
// Order 2: forward over reverse on dual numbers.
static_assert(close(f2, ctgrad::hessian(f, p)(x, x)));
// Orders 3 and 4: forward mode on the symbolic derivative of one order less.
static_assert(close(f3, ctgrad::tangent(d2, p, along(x = 1.0)).tangent));
static_assert(close(f4, ctgrad::tangent(d3, p, along(x = 1.0)).tangent));
// Every order: the reverse gradient of the derivative of one order less.
static_assert(close(f2, ctgrad::gradient(d1, p, ctgrad::wrt(x))[x]));
static_assert(close(f3, ctgrad::gradient(d2, p, ctgrad::wrt(x))[x]));
static_assert(close(f4, ctgrad::gradient(d3, p, ctgrad::wrt(x))[x]));
// Every order: the closed form.
static_assert(close(f0, closed_form(0)));
static_assert(close(f1, closed_form(1)));
static_assert(close(f2, closed_form(2)));
static_assert(close(f3, closed_form(3)));
static_assert(close(f4, closed_form(4)));

// The derivatives with respect to y and z of a derivative with respect to x are mixed partials:
// d/dy (df/dx) is the Hessian's (x, y) entry.
static_assert(close(ctgrad::value(derivative(f, x, y), p), ctgrad::hessian(f, p)(x, y)));
static_assert(close(ctgrad::value(derivative(f, x, z), p), ctgrad::hessian(f, p)(z, x)));

}  // namespace

int main() {}
