#define BOOST_TEST_MODULE branches
#include <boost/test/unit_test.hpp>

// Comparisons and select at run time:
// - gradients of piecewise functions at random points against central finite differences and
//   against the formulas written out by hand, on both sides of every branch;
// - relu(x) against select(x > 0, x, 0) in value and gradient at random points, kink included;
// - symbolic derivatives against the sweep; the local rules against the numeric partials;
// - printed forms: to_string with comparisons inside sums and products, and the generated code.

#include <cmath>
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/io/code.hpp>
#include <ctgrad/io/to_string.hpp>
#include <limits>
#include <random>
#include <string>
#include "../support/tolerance.hpp"

namespace {

using namespace ctgrad::literals;
using ctgrad::at;
using ctgrad::derivative;
using ctgrad::gradient;
using ctgrad::to_string;
using ctgrad::value;

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;

using ctgrad_test::close;

// A piecewise function: a Huber-like loss with a run-time threshold, and a branch on y.
constexpr auto piecewise = [](const auto& u, const auto& v) {
  const auto r = u - 0.5 * v;
  return select(abs(r) <= 1.25, 0.5 * square(r), 1.25 * (abs(r) - 0.625)) +
         if_else(v > u, sin(v) * u, exp(0.3 * u));
};

BOOST_AUTO_TEST_CASE(piecewise_gradients_against_finite_differences_and_by_hand) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> draw(-4.0, 4.0);
  const auto f = piecewise(x, y);
  int near_kink = 0;
  for (int i = 0; i < 2000; ++i) {
    const double xv = draw(rng), yv = draw(rng);
    const double r = xv - 0.5 * yv;
    // Central differences are meaningless across a kink: skip points close to one.
    if (std::abs(std::abs(r) - 1.25) < 1e-3 || std::abs(yv - xv) < 1e-3 || std::abs(r) < 1e-3) {
      ++near_kink;
      continue;
    }
    const auto g = gradient(f, at(x = xv, y = yv));
    // By hand.
    const double dr = std::abs(r) <= 1.25 ? r : 1.25 * (r > 0 ? 1.0 : -1.0);
    const double value_by_hand =
        (std::abs(r) <= 1.25 ? 0.5 * r * r : 1.25 * (std::abs(r) - 0.625)) +
        (yv > xv ? std::sin(yv) * xv : std::exp(0.3 * xv));
    const double dx = dr + (yv > xv ? std::sin(yv) : 0.3 * std::exp(0.3 * xv));
    const double dy = -0.5 * dr + (yv > xv ? std::cos(yv) * xv : 0.0);
    BOOST_TEST(close(g.value(), value_by_hand, 1e-14));
    BOOST_TEST(close(g[x], dx, 1e-14));
    BOOST_TEST(close(g[y], dy, 1e-14));
    // Central differences.
    const double h = 1e-6;
    const double fx =
        (value(f, at(x = xv + h, y = yv)) - value(f, at(x = xv - h, y = yv))) / (2 * h);
    const double fy =
        (value(f, at(x = xv, y = yv + h)) - value(f, at(x = xv, y = yv - h))) / (2 * h);
    BOOST_TEST(close(g[x], fx, 1e-6));
    BOOST_TEST(close(g[y], fy, 1e-6));
    // The symbolic derivative is the same function.
    BOOST_TEST(close(value(derivative(f, x), at(x = xv, y = yv)), dx, 1e-14));
    BOOST_TEST(close(value(derivative(f, y), at(x = xv, y = yv)), dy, 1e-14));
  }
  BOOST_TEST(near_kink < 20);
}

BOOST_AUTO_TEST_CASE(relu_is_select_of_x_greater_than_zero) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> draw(-3.0, 3.0);
  const auto by_relu = square(relu(2.0 * x + y) - 0.5) * y;
  const auto by_select = square(select(2.0 * x + y > 0, 2.0 * x + y, 0) - 0.5) * y;
  for (int i = 0; i < 2000; ++i) {
    const double xv = draw(rng);
    // Every tenth point on the kink 2x + y = 0, where relu'(0) = 0.
    const double yv = i % 10 == 0 ? -2.0 * xv : draw(rng);
    const auto a = gradient(by_relu, at(x = xv, y = yv));
    const auto b = gradient(by_select, at(x = xv, y = yv));
    BOOST_TEST(a.value() == b.value());
    BOOST_TEST(a[x] == b[x]);
    BOOST_TEST(a[y] == b[y]);
  }
}

BOOST_AUTO_TEST_CASE(local_rules_against_numeric_partials) {
  namespace d = ctgrad::detail;
  namespace ops = ctgrad::ops;
  const auto c = x > y;
  const auto e = select(c, sin(x), cos(y));
  for (const double xv : {-1.0, 0.5, 2.0}) {
    const auto p = at(x = xv, y = 0.5);
    const double cv = value(c, p), a = value(sin(x), p), bv = value(cos(y), p);
    const double yv = value(e, p);
    BOOST_TEST(value(d::local_derivative<ops::select>::of<1>(e, c, sin(x), cos(y)) + 0 * x, p) ==
               ops::select::partial<1>(yv, cv, a, bv));
    BOOST_TEST(value(d::local_derivative<ops::select>::of<2>(e, c, sin(x), cos(y)) + 0 * x, p) ==
               ops::select::partial<2>(yv, cv, a, bv));
    BOOST_TEST(ops::select::partial<0>(yv, cv, a, bv) == 0);
    BOOST_TEST(ops::less::partial<0>(cv, xv, 0.5) == 0);
  }
}

BOOST_AUTO_TEST_CASE(infinite_branch_not_taken) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // The branch not taken is a variable bound to inf or NaN: value and gradient are untouched.
  for (const double bad : {inf, -inf, nan}) {
    const auto g = gradient(select(x < 3, square(x), y), at(x = 2.0, y = bad));
    BOOST_TEST(g.value() == 4);
    BOOST_TEST(g[x] == 4);
    BOOST_TEST(g[y] == 0);
  }
  // Inside the branch not taken, a node with an infinite partial gives 0 * inf = NaN, as in
  // hand-written code; a second select keeps the argument in the domain.
  const auto p = at(x = 0.0);
  BOOST_TEST(std::isnan(gradient(select(x > 0, sqrt(x), 0), p)[x]));
  BOOST_TEST(gradient(select(x > 0, sqrt(select(x > 0, x, 1)), 0), p)[x] == 0);
  // The symbolic derivative selects the branches' derivatives: no product with 0 at all.
  BOOST_TEST(value(derivative(select(x > 0, sqrt(x), 0), x), p) == 0);
}

BOOST_AUTO_TEST_CASE(printed_forms) {
  BOOST_TEST(to_string(x < y) == "x < y");
  BOOST_TEST(to_string(x + 1 <= 2 * y) == "x + 1 <= 2 * y");
  BOOST_TEST(to_string(select(x > 0, x, 0)) == "select(x > 0, x, 0)");
  BOOST_TEST(to_string(if_else(x >= y, x - y, -x)) == "select(x >= y, x - y, -x)");
  BOOST_TEST(to_string((x < y) + 1) == "(x < y) + 1");
  BOOST_TEST(to_string(2 - (x < y)) == "2 - (x < y)");
  BOOST_TEST(to_string(3 * (x > y)) == "3 * (x > y)");
  BOOST_TEST(to_string((x > y) * 3) == "(x > y) * 3");
  BOOST_TEST(to_string(-(x > y)) == "-(x > y)");
  BOOST_TEST(to_string((x < y) < 1) == "(x < y) < 1");
  BOOST_TEST(to_string(1 < (x < y)) == "1 < (x < y)");
  BOOST_TEST(to_string(derivative(select(x > y, square(x), y), x)) == "select(x > y, 2 * x, 0)");
  BOOST_TEST(to_string(derivative(select(x > y, x, y), y)) == "select(x > y, 0, 1)");
  // The condition gets no adjoint: the sweep neither computes one nor adds 0 to x.
  BOOST_TEST(ctgrad::to_code(select(x > 0, x * y, y)) == R"(// forward sweep
t2 = (x > 0 ? 1 : 0);
t4 = x * y;
f = (t2 != 0 ? t4 : y);
// reverse sweep
d_f = 1;
d_t4 = (t2 != 0 ? d_f : 0);
d_y = (t2 != 0 ? 0 : d_f);
d_x = d_t4 * y;
d_y += d_t4 * x;
)");
}

}  // namespace
