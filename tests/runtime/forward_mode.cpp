#define BOOST_TEST_MODULE forward_mode
#include <boost/test/unit_test.hpp>

#include <ctgrad/ctgrad.hpp>
#include <ctgrad/forward/tangent.hpp>

#include <cmath>
#include <random>
#include "../support/tolerance.hpp"

// Forward mode against reverse mode, and Hessians against finite differences of the gradient,
// at random points.
namespace {
constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto z = ctgrad::var<"z">;
const auto f =
    exp(x * y) / (1 + square(z)) + tanh(x - z) * sin(y) + sqrt(square(x) + 1) * log(2 + cos(z));

using ctgrad_test::close;
}  // namespace

BOOST_AUTO_TEST_CASE(tangent_equals_gradient_dot_direction) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> d(-1.5, 1.5);
  for (int k = 0; k < 2000; ++k) {
    const double xv = d(rng), yv = d(rng), zv = d(rng), dx = d(rng), dy = d(rng), dz = d(rng);
    const auto p = ctgrad::at(x = xv, y = yv, z = zv);
    const auto g = ctgrad::gradient(f, p);
    const auto t = ctgrad::tangent(f, p, ctgrad::along(x = dx, y = dy, z = dz));
    BOOST_TEST(t.value == g.value());
    BOOST_TEST(close(t.tangent, g[x] * dx + g[y] * dy + g[z] * dz, 1e-13));
  }
}

BOOST_AUTO_TEST_CASE(hessian_against_differences_of_the_gradient) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> d(-1.5, 1.5);
  for (int k = 0; k < 1000; ++k) {
    const double v[3] = {d(rng), d(rng), d(rng)};
    const auto h = ctgrad::hessian(f, ctgrad::at(x = v[0], y = v[1], z = v[2]));
    const double step = 1e-5;
    auto grad_at = [&](double a, double b, double c) {
      const auto g = ctgrad::gradient(f, ctgrad::at(x = a, y = b, z = c));
      return std::array<double, 3>{g[x], g[y], g[z]};
    };
    for (int j = 0; j < 3; ++j) {
      double up[3] = {v[0], v[1], v[2]}, down[3] = {v[0], v[1], v[2]};
      up[j] += step;
      down[j] -= step;
      const auto gu = grad_at(up[0], up[1], up[2]), gd = grad_at(down[0], down[1], down[2]);
      for (int i = 0; i < 3; ++i)
        BOOST_TEST(close(h.matrix[i][j], (gu[i] - gd[i]) / (2 * step), 1e-6));
    }
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) BOOST_TEST(close(h.matrix[i][j], h.matrix[j][i], 1e-14));
  }
}
