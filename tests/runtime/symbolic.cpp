#define BOOST_TEST_MODULE symbolic
#include <boost/test/unit_test.hpp>

// Symbolic derivatives at run time:
// - every operation's symbolic local derivative against the numeric partial the adjoint sweep
//   uses (rules/), at random points: the two twins must agree;
// - derivatives of compositions, with run-time numbers and named intermediates, against the
//   reverse sweep, forward mode and central finite differences, to the second order;
// - the printed forms of the seeds' derivatives (golden strings).

#include <cmath>
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/io/to_string.hpp>
#include <random>
#include <string>
#include "../support/tolerance.hpp"

namespace {

using namespace ctgrad::literals;
using ctgrad::at;
using ctgrad::derivative;
using ctgrad::to_string;
using ctgrad::value;

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto w = ctgrad::var<"w">;
constexpr auto b = ctgrad::var<"b">;

constexpr int points = 2000;

using ctgrad_test::close;

// The symbolic local derivative of Op toward operand J, evaluated, against Op::partial<J>.
template <class Op, std::size_t J>
void check_local_rule(const char* name, double lo, double hi, bool two_operands) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> draw(lo, hi);
  for (int i = 0; i < points; ++i) {
    const double a = draw(rng), c = draw(rng);
    const auto p = at(x = a, y = c);
    double symbolic = 0, numeric = 0;
    if (two_operands) {
      if constexpr (requires { Op::value(a, c); }) {
        const auto node = ctgrad::detail::make_node<Op>(x, y);
        symbolic = value(ctgrad::detail::local_derivative<Op>::template of<J>(node, x, y), p);
        numeric = Op::template partial<J>(Op::value(a, c), a, c);
      }
    } else {
      if constexpr (requires { Op::value(a); }) {
        const auto node = ctgrad::detail::make_node<Op>(x);
        symbolic = value(ctgrad::detail::local_derivative<Op>::template of<J>(node, x), p);
        numeric = Op::template partial<J>(Op::value(a), a);
      }
    }
    BOOST_TEST_REQUIRE(close(symbolic, numeric, 1e-14), name << " d/d" << J << " at (" << a << ", "
                                                             << c << "): symbolic " << symbolic
                                                             << ", numeric " << numeric);
  }
}

BOOST_AUTO_TEST_CASE(local_rules_match_numeric_partials) {
  namespace ops = ctgrad::ops;
  check_local_rule<ops::add, 0>("add", -5, 5, true);
  check_local_rule<ops::add, 1>("add", -5, 5, true);
  check_local_rule<ops::sub, 0>("sub", -5, 5, true);
  check_local_rule<ops::sub, 1>("sub", -5, 5, true);
  check_local_rule<ops::mul, 0>("mul", -5, 5, true);
  check_local_rule<ops::mul, 1>("mul", -5, 5, true);
  check_local_rule<ops::div, 0>("div", 0.5, 5, true);
  check_local_rule<ops::div, 1>("div", 0.5, 5, true);
  check_local_rule<ops::pow, 0>("pow", 0.1, 3, true);
  check_local_rule<ops::pow, 1>("pow", 0.1, 3, true);
  check_local_rule<ops::min, 0>("min", -5, 5, true);
  check_local_rule<ops::min, 1>("min", -5, 5, true);
  check_local_rule<ops::max, 0>("max", -5, 5, true);
  check_local_rule<ops::max, 1>("max", -5, 5, true);
  check_local_rule<ops::neg, 0>("neg", -5, 5, false);
  check_local_rule<ops::square, 0>("square", -5, 5, false);
  check_local_rule<ops::pow_int<3>, 0>("pow<3>", -5, 5, false);
  check_local_rule<ops::pow_int<-2>, 0>("pow<-2>", 0.5, 5, false);
  check_local_rule<ops::sqrt, 0>("sqrt", 0.01, 5, false);
  check_local_rule<ops::exp, 0>("exp", -5, 5, false);
  check_local_rule<ops::log, 0>("log", 0.01, 5, false);
  check_local_rule<ops::sin, 0>("sin", -5, 5, false);
  check_local_rule<ops::cos, 0>("cos", -5, 5, false);
  check_local_rule<ops::tan, 0>("tan", -1.5, 1.5, false);
  check_local_rule<ops::tanh, 0>("tanh", -5, 5, false);
  check_local_rule<ops::sigmoid, 0>("sigmoid", -5, 5, false);
  check_local_rule<ops::softplus, 0>("softplus", -5, 5, false);
  check_local_rule<ops::relu, 0>("relu", -5, 5, false);
  check_local_rule<ops::abs, 0>("abs", -5, 5, false);
  check_local_rule<ops::step, 0>("step", -5, 5, false);
  check_local_rule<ops::sign, 0>("sign", -5, 5, false);
  check_local_rule<ops::heaviside, 0>("heaviside", -5, 5, false);
}

// The kinks: the symbolic slopes take the values the numeric partials take there.
BOOST_AUTO_TEST_CASE(kinks_match_the_adjoint_sweep) {
  for (double a : {0.0, -0.0}) {
    const auto p = at(x = a, y = a);
    BOOST_TEST(value(derivative(relu(x), x), p) == ctgrad::gradient(relu(x), p)[x]);
    BOOST_TEST(value(derivative(abs(x), x), p) == ctgrad::gradient(abs(x), p)[x]);
    BOOST_TEST(value(derivative(min(x, y), x), p) == 0.5);
    BOOST_TEST(value(derivative(max(x, x), x), p) == 1.0);
  }
}

// f and its derivatives d/dx, d2/dx2, d2/dxdy against the reverse sweep, forward mode and
// central differences at random points.
template <class F>
void check_composition(const char* name, const F& f, double lo, double hi) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> draw(lo, hi);
  const auto fx = derivative(f, x);
  const auto fxx = derivative(f, x, x);
  const auto fxy = derivative(f, x, y);
  for (int i = 0; i < points / 10; ++i) {
    const double a = draw(rng), c = draw(rng);
    const auto p = at(x = a, y = c);
    const auto g = ctgrad::gradient(f, p, ctgrad::wrt(x, y));
    const auto h = ctgrad::hessian(f + 0_c * x * y, p);  // x and y are both variables of it
    const double step = 1e-5 * std::max(1.0, std::abs(a));
    const double fd =
        (value(f, at(x = a + step, y = c)) - value(f, at(x = a - step, y = c))) / (2 * step);
    const double fd2 =
        (value(fx, at(x = a + step, y = c)) - value(fx, at(x = a - step, y = c))) / (2 * step);
    const double fx_value = value(fx, p);
    BOOST_TEST_REQUIRE(close(fx_value, g[x], 1e-12), name << " d/dx at " << a << ", " << c);
    BOOST_TEST_REQUIRE(
        close(fx_value, ctgrad::tangent(f, p, ctgrad::along(x = 1.0)).tangent, 1e-12),
        name << " forward d/dx at " << a);
    BOOST_TEST_REQUIRE(close(fx_value, fd, 1e-6), name << " fd d/dx at " << a);
    BOOST_TEST_REQUIRE(close(value(fxx, p), h(x, x), 1e-11), name << " d2/dx2 at " << a);
    BOOST_TEST_REQUIRE(close(value(fxx, p), fd2, 1e-5), name << " fd d2/dx2 at " << a);
    BOOST_TEST_REQUIRE(close(value(fxy, p), h(x, y), 1e-11), name << " d2/dxdy at " << a);
  }
}

BOOST_AUTO_TEST_CASE(compositions_agree_with_every_mode) {
  check_composition("sin(exp(x^2))", sin(exp(square(x))), -1, 1);
  check_composition("(3x + 2)^2 y", square(3 * x + 2) * y, -3, 3);
  check_composition("tanh(w x + b) as a PINN unit", tanh(2.5 * x + y) * sigmoid(x - 0.5 * y), -2,
                    2);
  check_composition("x / (1 + y^2) + log(softplus(x))", x / (1 + square(y)) + log(softplus(x)), -3,
                    3);
  check_composition("pow(x, y) + sqrt(x y)", pow(x, y) + sqrt(x * y), 0.2, 3);
  check_composition(
      "named intermediates",
      [] {
        const auto z = ctgrad::let<"z">(x * y + 1.5);
        return square(z) * cos(z) + z / (2 + x * x);
      }(),
      -2, 2);
  check_composition("pow<-3> and tan", pow<-3>(x + 4) * tan(0.3 * y), -1, 1);
}

// The printed derivatives of the seeds and of every function.
BOOST_AUTO_TEST_CASE(printed_forms) {
  BOOST_TEST(to_string(derivative(square(3 * x + 2), x)) == "6 * (3 * x + 2)");  // R1
  BOOST_TEST(to_string(derivative(sin(exp(square(x))), x)) ==
             "2 * cos(exp(square(x))) * exp(square(x)) * x");                          // R2
  BOOST_TEST(to_string(derivative(pow<3>(2 * x + 1), x)) == "6 * square(2 * x + 1)");  // R4
  BOOST_TEST(to_string(derivative(square(2 * x + 1), x)) == "4 * (2 * x + 1)");        // R8
  {
    const auto z = ctgrad::let<"z">(w * x);
    const auto h = ctgrad::let<"h">(z + b);
    const auto L = square(h);  // R5
    BOOST_TEST(to_string(L) == "square(h)");
    BOOST_TEST(to_string(derivative(L, w)) == "2 * h * x");
    BOOST_TEST(to_string(derivative(L, x)) == "2 * h * w");
    BOOST_TEST(to_string(derivative(L, b)) == "2 * h");
  }
  {
    const auto u = tanh(w * x + b);  // R13
    BOOST_TEST(to_string(derivative(u, x)) == "(1 - square(tanh(w * x + b))) * w");
    BOOST_TEST(to_string(derivative(u, x, x)) ==
               "-2 * tanh(w * x + b) * (1 - square(tanh(w * x + b))) * square(w)");
    const auto un = ctgrad::let<"u">(tanh(w * x + b));
    BOOST_TEST(to_string(derivative(un, x, x)) == "-2 * u * (1 - square(u)) * square(w)");
  }
  BOOST_TEST(to_string(derivative(sqrt(x), x)) == "1/2 / sqrt(x)");
  BOOST_TEST(to_string(derivative(exp(x), x)) == "exp(x)");
  BOOST_TEST(to_string(derivative(log(x), x)) == "1 / x");
  BOOST_TEST(to_string(derivative(sin(x), x)) == "cos(x)");
  BOOST_TEST(to_string(derivative(cos(x), x)) == "-sin(x)");
  BOOST_TEST(to_string(derivative(tan(x), x)) == "square(tan(x)) + 1");
  BOOST_TEST(to_string(derivative(tanh(x), x)) == "1 - square(tanh(x))");
  BOOST_TEST(to_string(derivative(sigmoid(x), x)) == "sigmoid(x) * (1 - sigmoid(x))");
  BOOST_TEST(to_string(derivative(softplus(x), x)) == "sigmoid(x)");
  BOOST_TEST(to_string(derivative(relu(x), x)) == "step(x)");
  BOOST_TEST(to_string(derivative(abs(x), x)) == "sign(x)");
  BOOST_TEST(to_string(derivative(min(x, y), x)) == "heaviside(y - x)");
  BOOST_TEST(to_string(derivative(max(x, y), x)) == "heaviside(x - y)");
  // A run-time exponent keeps the rule's guard (the partial is 0 where b = 0); c<5, 2> folds it.
  BOOST_TEST(to_string(derivative(pow(x, 2.5), x)) == "select(2.5, 2.5 * pow(x, 1.5), 0)");
  BOOST_TEST(to_string(derivative(pow(x, ctgrad::c<5, 2>), x)) == "5/2 * pow(x, 3/2)");
  BOOST_TEST(to_string(derivative(pow(x, y), y)) == "select(pow(x, y), pow(x, y) * log(x), 0)");
  BOOST_TEST(to_string(derivative(pow<4>(x), x)) == "4 * pow<3>(x)");
  BOOST_TEST(to_string(derivative(x / y, y)) == "-x / y / y");
  BOOST_TEST(to_string(derivative(square(x) / 3_c, x)) == "2/3 * x");
  BOOST_TEST(to_string(derivative(0.1 * x, x)) == "0.1");
}

// Parentheses exactly where precedence needs them.
BOOST_AUTO_TEST_CASE(printing_precedence) {
  BOOST_TEST(to_string(x - (y - b)) == "x - (y - b)");
  BOOST_TEST(to_string((x - y) - b) == "x - y - b");
  BOOST_TEST(to_string(x + (y + b)) == "x + y + b");
  BOOST_TEST(to_string(x / (y * b)) == "x / (y * b)");
  BOOST_TEST(to_string((x / y) * b) == "x / y * b");
  BOOST_TEST(to_string((x + y) * b) == "(x + y) * b");
  BOOST_TEST(to_string(-(x + y)) == "-(x + y)");
  BOOST_TEST(to_string(-(-x)) == "-(-x)");
  BOOST_TEST(to_string(x * -y) == "x * (-y)");
  BOOST_TEST(to_string(x - -y) == "x - (-y)");
  BOOST_TEST(to_string(-2.5 * x) == "-2.5 * x");
  BOOST_TEST(to_string(x * -2.5) == "x * (-2.5)");
  BOOST_TEST(to_string(ctgrad::c<1, 3> / x) == "1/3 / x");
  BOOST_TEST(to_string(x / ctgrad::c<1, 3>) == "x / (1/3)");
  BOOST_TEST(to_string(pow(x + 1, y)) == "pow(x + 1, y)");
  BOOST_TEST(to_string(min(x, 2.0)) == "min(x, 2)");
  BOOST_TEST(to_string(1e-300 * x) == "1e-300 * x");
}

}  // namespace
