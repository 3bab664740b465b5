#define BOOST_TEST_MODULE derivative_rules
#include <boost/test/unit_test.hpp>

// Every operator and function's derivative at thousands of random points, checked twice:
// against central finite differences of the plain double function, and against the derivative
// written by hand (tight tolerance). The value is checked against the plain double computation.
// Then the conventions at the kinks, exactly, and nested compositions against finite differences.

#include <algorithm>
#include <cmath>
#include <ctgrad/ctgrad.hpp>
#include <functional>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>
#include "../support/tolerance.hpp"

namespace {

using namespace ctgrad::literals;
constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;

constexpr int points_per_case = 4000;
constexpr double fd_relative = 1e-6;        // central differences
constexpr double formula_relative = 1e-14;  // hand-written derivative, value

struct swept_result {
  double value, dx, dy;
};
using plain = std::function<double(double, double)>;

// One reverse sweep of e at (a, b). wrt(x, y) also covers expressions without y (d/dy = 0).
template <class E>
std::function<swept_result(double, double)> sweep_of(const E& e) {
  return [e](double a, double b) {
    const auto g = ctgrad::gradient(e, ctgrad::at(x = a, y = b), ctgrad::wrt(x, y));
    return swept_result{g.value(), g[x], g[y]};
  };
}

struct interval {
  double lo, hi;
};

// One expression in x and y: the plain double function, and its partials written by hand
// (left empty for compositions, which are checked against finite differences only).
struct rule_case {
  std::string name;
  std::function<swept_result(double, double)> swept;
  plain f, dfdx = {}, dfdy = {};
  interval xs = {-5, 5}, ys = {-5, 5};
  std::function<bool(double, double)> allowed = {};  // e.g. away from a kink
};

// A function of x alone.
rule_case unary(std::string name, std::function<swept_result(double, double)> swept,
                std::function<double(double)> f, std::function<double(double)> df,
                interval xs = {-5, 5}, std::function<bool(double)> allowed = {}) {
  rule_case c{std::move(name),
              std::move(swept),
              [f](double a, double) { return f(a); },
              [df](double a, double) { return df(a); },
              [](double, double) { return 0.0; },
              xs};
  if (allowed) c.allowed = [allowed](double a, double) { return allowed(a); };
  return c;
}

constexpr double kink_margin = 1e-3;
bool away_from_zero(double a) {
  return std::abs(a) > kink_margin;
}
bool away_from_tie(double a, double b) {
  return std::abs(a - b) > kink_margin;
}
double sigmoid_of(double a) {
  return 1.0 / (1.0 + std::exp(-a));
}

constexpr double k = 2.5;  // a number on either side of an operator

std::vector<rule_case> elementary_cases() {
  return {
      {.name = "x + y",
       .swept = sweep_of(x + y),
       .f = [](double a, double b) { return a + b; },
       .dfdx = [](double, double) { return 1.0; },
       .dfdy = [](double, double) { return 1.0; }},
      {.name = "x - y",
       .swept = sweep_of(x - y),
       .f = [](double a, double b) { return a - b; },
       .dfdx = [](double, double) { return 1.0; },
       .dfdy = [](double, double) { return -1.0; }},
      {.name = "x * y",
       .swept = sweep_of(x * y),
       .f = [](double a, double b) { return a * b; },
       .dfdx = [](double, double b) { return b; },
       .dfdy = [](double a, double) { return a; }},
      {.name = "x / y",
       .swept = sweep_of(x / y),
       .f = [](double a, double b) { return a / b; },
       .dfdx = [](double, double b) { return 1.0 / b; },
       .dfdy = [](double a, double b) { return -a / (b * b); },
       .allowed = [](double, double b) { return std::abs(b) > 0.2; }},
      unary(
          "x + k", sweep_of(x + k), [](double a) { return a + k; }, [](double) { return 1.0; }),
      unary(
          "k + x", sweep_of(k + x), [](double a) { return k + a; }, [](double) { return 1.0; }),
      unary(
          "x - k", sweep_of(x - k), [](double a) { return a - k; }, [](double) { return 1.0; }),
      unary(
          "k - x", sweep_of(k - x), [](double a) { return k - a; }, [](double) { return -1.0; }),
      unary(
          "x * k", sweep_of(x * k), [](double a) { return a * k; }, [](double) { return k; }),
      unary(
          "k * x", sweep_of(k * x), [](double a) { return k * a; }, [](double) { return k; }),
      unary(
          "x / k", sweep_of(x / k), [](double a) { return a / k; }, [](double) { return 1.0 / k; }),
      unary(
          "k / x", sweep_of(k / x), [](double a) { return k / a; },
          [](double a) { return -k / (a * a); }, {-5, 5},
          [](double a) { return std::abs(a) > 0.2; }),
      unary(
          "-x", sweep_of(-x), [](double a) { return -a; }, [](double) { return -1.0; }),
      unary(
          "square", sweep_of(square(x)), [](double a) { return a * a; },
          [](double a) { return 2 * a; }),
      unary(
          "pow<-2>", sweep_of(ctgrad::pow<-2>(x)), [](double a) { return 1 / (a * a); },
          [](double a) { return -2 / (a * a * a); }, {-5, 5},
          [](double a) { return std::abs(a) > 0.2; }),
      unary(
          "pow<0>", sweep_of(ctgrad::pow<0>(x)), [](double) { return 1.0; },
          [](double) { return 0.0; }),
      unary(
          "pow<1>", sweep_of(ctgrad::pow<1>(x)), [](double a) { return a; },
          [](double) { return 1.0; }),
      unary(
          "pow<2>", sweep_of(ctgrad::pow<2>(x)), [](double a) { return a * a; },
          [](double a) { return 2 * a; }),
      unary(
          "pow<3>", sweep_of(ctgrad::pow<3>(x)), [](double a) { return a * a * a; },
          [](double a) { return 3 * a * a; }),
      unary(
          "pow<5>", sweep_of(ctgrad::pow<5>(x)), [](double a) { return std::pow(a, 5); },
          [](double a) { return 5 * std::pow(a, 4); }),
      {.name = "pow(x, y)",
       .swept = sweep_of(pow(x, y)),
       .f = [](double a, double b) { return std::pow(a, b); },
       .dfdx = [](double a, double b) { return b * std::pow(a, b - 1); },
       .dfdy = [](double a, double b) { return std::pow(a, b) * std::log(a); },
       .xs = {0.1, 5},
       .ys = {-3, 3}},
      unary(
          "pow(x, k)", sweep_of(pow(x, k)), [](double a) { return std::pow(a, k); },
          [](double a) { return k * std::pow(a, k - 1); }, {0.01, 10}),
      unary(
          "pow(k, x)", sweep_of(pow(k, x)), [](double a) { return std::pow(k, a); },
          [](double a) { return std::pow(k, a) * std::log(k); }),
      unary(
          "sqrt", sweep_of(sqrt(x)), [](double a) { return std::sqrt(a); },
          [](double a) { return 1 / (2 * std::sqrt(a)); }, {0.01, 100}),
      unary(
          "exp", sweep_of(exp(x)), [](double a) { return std::exp(a); },
          [](double a) { return std::exp(a); }, {-20, 20}),
      unary(
          "log", sweep_of(log(x)), [](double a) { return std::log(a); },
          [](double a) { return 1 / a; }, {0.01, 100}),
      unary(
          "sin", sweep_of(sin(x)), [](double a) { return std::sin(a); },
          [](double a) { return std::cos(a); }, {-10, 10}),
      unary(
          "cos", sweep_of(cos(x)), [](double a) { return std::cos(a); },
          [](double a) { return -std::sin(a); }, {-10, 10}),
      unary(
          "tan", sweep_of(tan(x)), [](double a) { return std::tan(a); },
          [](double a) { return 1 + std::tan(a) * std::tan(a); }, {-1.4, 1.4}),
      unary(
          "tanh", sweep_of(tanh(x)), [](double a) { return std::tanh(a); },
          [](double a) { return 1 - std::tanh(a) * std::tanh(a); }, {-20, 20}),
      unary("sigmoid", sweep_of(sigmoid(x)), sigmoid_of,
            [](double a) { return sigmoid_of(a) * (1 - sigmoid_of(a)); }, {-30, 30}),
      unary(
          "relu", sweep_of(relu(x)), [](double a) { return a > 0 ? a : 0.0; },
          [](double a) { return a > 0 ? 1.0 : 0.0; }, {-5, 5}, away_from_zero),
      unary(
          "abs", sweep_of(abs(x)), [](double a) { return std::abs(a); },
          [](double a) { return a > 0 ? 1.0 : -1.0; }, {-5, 5}, away_from_zero),
      unary("softplus", sweep_of(softplus(x)), [](double a) { return std::log1p(std::exp(a)); },
            sigmoid_of, {-30, 30}),
      {.name = "min(x, y)",
       .swept = sweep_of(min(x, y)),
       .f = [](double a, double b) { return std::min(a, b); },
       .dfdx = [](double a, double b) { return a < b ? 1.0 : 0.0; },
       .dfdy = [](double a, double b) { return b < a ? 1.0 : 0.0; },
       .allowed = away_from_tie},
      {.name = "max(x, y)",
       .swept = sweep_of(max(x, y)),
       .f = [](double a, double b) { return std::max(a, b); },
       .dfdx = [](double a, double b) { return a > b ? 1.0 : 0.0; },
       .dfdy = [](double a, double b) { return b > a ? 1.0 : 0.0; },
       .allowed = away_from_tie},
      unary(
          "min(k, x)", sweep_of(min(k, x)), [](double a) { return std::min(k, a); },
          [](double a) { return a < k ? 1.0 : 0.0; }, {-5, 5},
          [](double a) { return away_from_tie(a, k); }),
      unary(
          "max(x, k)", sweep_of(max(x, k)), [](double a) { return std::max(a, k); },
          [](double a) { return a > k ? 1.0 : 0.0; }, {-5, 5},
          [](double a) { return away_from_tie(a, k); }),
  };
}

// Nested compositions, including shared and named subexpressions; finite differences only.
std::vector<rule_case> composite_cases() {
  const auto u = ctgrad::let<"u">(x * y + 1);
  return {
      {.name = "sin(x*y) + exp(-x^2)",
       .swept = sweep_of(sin(x * y) + exp(-square(x))),
       .f = [](double a, double b) { return std::sin(a * b) + std::exp(-a * a); },
       .xs = {-3, 3},
       .ys = {-3, 3}},
      {.name = "log(1 + x^2) * tanh(y)",
       .swept = sweep_of(log(1 + square(x)) * tanh(y)),
       .f = [](double a, double b) { return std::log(1 + a * a) * std::tanh(b); }},
      {.name = "sqrt(x^2 + y^2 + 1) / (1 + sigmoid(x*y))",
       .swept = sweep_of(sqrt(square(x) + square(y) + 1) / (1 + sigmoid(x * y))),
       .f = [](double a,
               double b) { return std::sqrt(a * a + b * b + 1) / (1 + sigmoid_of(a * b)); }},
      {.name = "softplus(x - y) * cos(x) + relu(x*y + 1)",
       .swept = sweep_of(softplus(x - y) * cos(x) + relu(x * y + 1)),
       .f =
           [](double a, double b) {
             return std::log1p(std::exp(a - b)) * std::cos(a) + std::max(a * b + 1, 0.0);
           },
       .allowed = [](double a, double b) { return away_from_zero(a * b + 1); }},
      {.name = "pow(|x| + 1, y) - max(x, 2y)",
       .swept = sweep_of(pow(abs(x) + 1, y) - max(x, 2 * y)),
       .f = [](double a, double b) { return std::pow(std::abs(a) + 1, b) - std::max(a, 2 * b); },
       .ys = {-2, 2},
       .allowed = [](double a, double b) { return away_from_zero(a) && away_from_tie(a, 2 * b); }},
      {.name = "u sin(u) + exp(u/3) - u/(1 + u^2), u = let(x*y + 1)",
       .swept = sweep_of(u * sin(u) + exp(u / 3) - u / (1 + square(u))),
       .f =
           [](double a, double b) {
             const double v = a * b + 1;
             return v * std::sin(v) + std::exp(v / 3) - v / (1 + v * v);
           },
       .xs = {-3, 3},
       .ys = {-3, 3}},
      {.name = "pow<3>(x - y) / (2 + tan(x/2))",
       .swept = sweep_of(ctgrad::pow<3>(x - y) / (2 + tan(0.5 * x))),
       .f = [](double a, double b) { return std::pow(a - b, 3) / (2 + std::tan(0.5 * a)); },
       .xs = {-2, 2}},
      {.name = "min(x, y) * (3x + 2) * (3x + 2)",
       .swept = sweep_of(min(x, y) * (3 * x + 2) * (3 * x + 2)),
       .f = [](double a, double b) { return std::min(a, b) * (3 * a + 2) * (3 * a + 2); },
       .allowed = away_from_tie},
      {.name = "(3_c x + 2_c)^2 / (1 + x^2 y^2)",
       .swept = sweep_of(square(3_c * x + 2_c) / (1 + square(x) * square(y))),
       .f = [](double a, double b) { return (3 * a + 2) * (3 * a + 2) / (1 + a * a * b * b); }},
  };
}

using ctgrad_test::close;

double central_difference(const plain& f, double a, double b, bool along_x) {
  const double h = 1e-6 * std::max(1.0, std::abs(along_x ? a : b));
  return along_x ? (f(a + h, b) - f(a - h, b)) / (2 * h) : (f(a, b + h) - f(a, b - h)) / (2 * h);
}

struct tally {
  int points = 0, failures = 0;
  std::string first_failure;
  void fail(const std::string& what) {
    if (failures++ == 0) first_failure = what;
  }
};

tally check(const rule_case& c, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> xs(c.xs.lo, c.xs.hi), ys(c.ys.lo, c.ys.hi);
  tally t;
  while (t.points < points_per_case) {
    const double a = xs(rng), b = ys(rng);
    if (c.allowed && !c.allowed(a, b)) continue;
    ++t.points;
    const swept_result r = c.swept(a, b);
    std::ostringstream at;
    at.precision(17);
    at << " at x = " << a << ", y = " << b << ": ctgrad gives " << r.value << ", d/dx " << r.dx
       << ", d/dy " << r.dy;
    if (!close(r.value, c.f(a, b), formula_relative))
      t.fail("value differs from the plain computation" + at.str());
    for (bool along_x : {true, false}) {
      const double got = along_x ? r.dx : r.dy;
      const std::string which = along_x ? "d/dx" : "d/dy";
      if (!close(got, central_difference(c.f, a, b, along_x), fd_relative))
        t.fail(which + " differs from finite differences" + at.str());
      const plain& formula = along_x ? c.dfdx : c.dfdy;
      if (formula && !close(got, formula(a, b), formula_relative))
        t.fail(which + " differs from the formula" + at.str());
    }
  }
  return t;
}

void check_all(const std::vector<rule_case>& cases) {
  std::mt19937_64 rng(20240607);
  for (const rule_case& c : cases) {
    const tally t = check(c, rng);
    BOOST_TEST_MESSAGE(c.name << ": " << t.points << " points");
    BOOST_TEST(t.failures == 0,
               c.name << ": " << t.failures << " failed checks; first: " << t.first_failure);
  }
}

double dx_at(const auto& e, double a, double b = 0) {
  return ctgrad::gradient(e, ctgrad::at(x = a, y = b), ctgrad::wrt(x, y))[x];
}
double dy_at(const auto& e, double a, double b = 0) {
  return ctgrad::gradient(e, ctgrad::at(x = a, y = b), ctgrad::wrt(x, y))[y];
}

}  // namespace

BOOST_AUTO_TEST_CASE(operators_and_functions_match_differences_and_formulas) {
  check_all(elementary_cases());
}

BOOST_AUTO_TEST_CASE(compositions_match_finite_differences) {
  check_all(composite_cases());
}

BOOST_AUTO_TEST_CASE(conventions_at_the_kinks) {
  BOOST_TEST(dx_at(relu(x), 0.0) == 0.0);
  BOOST_TEST(dx_at(relu(x), -0.0) == 0.0);
  BOOST_TEST(ctgrad::value(relu(x), ctgrad::at(x = 0.0)) == 0.0);
  BOOST_TEST(dx_at(abs(x), 0.0) == 0.0);
  BOOST_TEST(dx_at(min(x, y), 1.5, 1.5) == 0.5);
  BOOST_TEST(dy_at(min(x, y), 1.5, 1.5) == 0.5);
  BOOST_TEST(dx_at(max(x, y), 1.5, 1.5) == 0.5);
  BOOST_TEST(dy_at(max(x, y), 1.5, 1.5) == 0.5);
  BOOST_TEST(dx_at(max(x, x), 1.5) == 1.0);
  BOOST_TEST(dx_at(min(x, x), -2.0) == 1.0);
  BOOST_TEST(ctgrad::value(max(x, y), ctgrad::at(x = 1.5, y = 1.5)) == 1.5);
  // d/dy of x^y is 0 where x^y == 0; d/dx there is y x^(y-1).
  BOOST_TEST(dy_at(pow(x, y), 0.0, 2.0) == 0.0);
  BOOST_TEST(dx_at(pow(x, y), 0.0, 2.0) == 0.0);
  BOOST_TEST(dx_at(pow(x, y), 0.0, 1.0) == 1.0);
}

BOOST_AUTO_TEST_CASE(nan_propagates_through_piecewise_functions) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto p = ctgrad::at(x = nan, y = 1.0);
  BOOST_TEST(std::isnan(ctgrad::value(relu(x), p)));
  BOOST_TEST(std::isnan(ctgrad::value(abs(x), p)));
  BOOST_TEST(std::isnan(ctgrad::value(min(x, y), p)));
  BOOST_TEST(std::isnan(ctgrad::value(max(y, x), p)));
}
