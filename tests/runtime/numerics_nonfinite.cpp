#define BOOST_TEST_MODULE numerics_nonfinite
#include <boost/test/unit_test.hpp>

// What a gradient gives for NaN and infinite inputs, per operation: the value and both partials
// (the table in docs/reliability.md). No operation traps or throws at run time; the results are
// those of IEEE arithmetic on the rules' formulas, except where a rule selects (relu, abs, min,
// max), which gives a finite partial for a NaN operand.

#include "numerics_fixture.hpp"

namespace {

using namespace numerics;

BOOST_AUTO_TEST_CASE(nan_input) {  // x = NaN, y = 1 (the exponent of pow(x, y) is 2)
  const double a = NaN;
  expect("x + y", sweep(x + y, a, 1), {NaN, 1, 1});
  expect("x - y", sweep(x - y, a, 1), {NaN, 1, -1});
  expect("x * y", sweep(x * y, a, 1), {NaN, 1, NaN});
  expect("x / y", sweep(x / y, a, 1), {NaN, 1, NaN});
  expect("-x", sweep(-x, a, 1), {NaN, -1, 0});
  expect("square", sweep(square(x), a, 1), {NaN, NaN, 0});
  expect("pow<3>", sweep(ctgrad::pow<3>(x), a, 1), {NaN, NaN, 0});
  expect("pow(x, 2.5)", sweep(pow(x, 2.5), a, 1), {NaN, NaN, 0});
  expect("pow(x, y)", sweep(pow(x, y), a, 2), {NaN, NaN, NaN});
  expect("pow(y, x)", sweep(pow(y, x), a, 2), {NaN, NaN, NaN});
  expect("sqrt", sweep(sqrt(x), a, 1), {NaN, NaN, 0});
  expect("exp", sweep(exp(x), a, 1), {NaN, NaN, 0});
  expect("log", sweep(log(x), a, 1), {NaN, NaN, 0});
  expect("sin", sweep(sin(x), a, 1), {NaN, NaN, 0});
  expect("cos", sweep(cos(x), a, 1), {NaN, NaN, 0});
  expect("tan", sweep(tan(x), a, 1), {NaN, NaN, 0});
  expect("tanh", sweep(tanh(x), a, 1), {NaN, NaN, 0});
  expect("sigmoid", sweep(sigmoid(x), a, 1), {NaN, NaN, 0});
  expect("softplus", sweep(softplus(x), a, 1), {NaN, NaN, 0});
  // The selecting rules: the value is NaN, the partial is a selected constant.
  expect("relu", sweep(relu(x), a, 1), {NaN, 1, 0});             // the gate is open unless x <= 0
  expect("abs", sweep(abs(x), a, 1), {NaN, 0, 0});               // neither x > 0 nor x < 0
  expect("min(x, y)", sweep(min(x, y), a, 1), {NaN, 0.5, 0.5});  // treated as a tie
  expect("max(x, y)", sweep(max(x, y), a, 1), {NaN, 0.5, 0.5});
}

BOOST_AUTO_TEST_CASE(positive_infinity) {  // x = +inf, y = 1 (2 for pow)
  const double a = inf;
  expect("x + y", sweep(x + y, a, 1), {inf, 1, 1});
  expect("x - y", sweep(x - y, a, 1), {inf, 1, -1});
  expect("x * y", sweep(x * y, a, 1), {inf, 1, inf});
  expect("x / y", sweep(x / y, a, 1), {inf, 1, -inf});
  expect("y / x", sweep(y / x, a, 1), {0, 0, 0});
  expect("-x", sweep(-x, a, 1), {-inf, -1, 0});
  expect("square", sweep(square(x), a, 1), {inf, inf, 0});
  expect("pow<3>", sweep(ctgrad::pow<3>(x), a, 1), {inf, inf, 0});
  expect("pow<-2>", sweep(ctgrad::pow<-2>(x), a, 1), {0, 0, 0});
  expect("pow(x, 2.5)", sweep(pow(x, 2.5), a, 1), {inf, inf, 0});
  expect("pow(x, y)", sweep(pow(x, y), a, 2), {inf, inf, inf});
  expect("pow(y, x)", sweep(pow(y, x), a, 2), {inf, inf, inf});
  expect("sqrt", sweep(sqrt(x), a, 1), {inf, 0, 0});
  expect("exp", sweep(exp(x), a, 1), {inf, inf, 0});
  expect("log", sweep(log(x), a, 1), {inf, 0, 0});
  expect("sin", sweep(sin(x), a, 1), {NaN, NaN, 0});
  expect("cos", sweep(cos(x), a, 1), {NaN, NaN, 0});
  expect("tan", sweep(tan(x), a, 1), {NaN, NaN, 0});
  expect("tanh", sweep(tanh(x), a, 1), {1, 0, 0});
  expect("sigmoid", sweep(sigmoid(x), a, 1), {1, 0, 0});
  expect("softplus", sweep(softplus(x), a, 1), {inf, 1, 0});
  expect("relu", sweep(relu(x), a, 1), {inf, 1, 0});
  expect("abs", sweep(abs(x), a, 1), {inf, 1, 0});
  expect("min(x, y)", sweep(min(x, y), a, 1), {1, 0, 1});
  expect("max(x, y)", sweep(max(x, y), a, 1), {inf, 1, 0});
}

BOOST_AUTO_TEST_CASE(negative_infinity) {  // x = -inf, y = 1 (2 for pow)
  const double a = -inf;
  expect("x + y", sweep(x + y, a, 1), {-inf, 1, 1});
  expect("x * y", sweep(x * y, a, 1), {-inf, 1, -inf});
  expect("x / y", sweep(x / y, a, 1), {-inf, 1, inf});
  expect("y / x", sweep(y / x, a, 1), {0, 0, 0});
  expect("square", sweep(square(x), a, 1), {inf, -inf, 0});
  expect("pow<3>", sweep(ctgrad::pow<3>(x), a, 1), {-inf, inf, 0});
  expect("pow(x, 2.5)", sweep(pow(x, 2.5), a, 1), {inf, inf, 0});  // std::pow(-inf, 2.5) = inf
  expect("pow(x, y)", sweep(pow(x, y), a, 2), {inf, -inf, NaN});   // d/dy: log of a negative
  expect("pow(y, x)", sweep(pow(y, x), a, 2), {0, 0, NaN});        // 2^-inf = 0: d/dx = 0
  expect("sqrt", sweep(sqrt(x), a, 1), {NaN, NaN, 0});
  expect("exp", sweep(exp(x), a, 1), {0, 0, 0});
  expect("log", sweep(log(x), a, 1), {NaN, 0, 0});  // the partial 1/x is -0, not NaN
  expect("sin", sweep(sin(x), a, 1), {NaN, NaN, 0});
  expect("tanh", sweep(tanh(x), a, 1), {-1, 0, 0});
  expect("sigmoid", sweep(sigmoid(x), a, 1), {0, 0, 0});
  expect("softplus", sweep(softplus(x), a, 1), {0, 0, 0});
  expect("relu", sweep(relu(x), a, 1), {0, 0, 0});
  expect("abs", sweep(abs(x), a, 1), {inf, -1, 0});
  expect("min(x, y)", sweep(min(x, y), a, 1), {-inf, 1, 0});
  expect("max(x, y)", sweep(max(x, y), a, 1), {1, 0, 1});
}

BOOST_AUTO_TEST_CASE(a_nan_spreads_to_every_partial_that_multiplies_by_it) {
  // inf * 0 is NaN: f = x * y at (inf, 0) is NaN, df/dx = y = 0, df/dy = x = inf.
  expect("x * y at (inf, 0)", sweep(x * y, inf, 0), {NaN, 0, inf});
  // sqrt(x^2) at 0: the partial of sqrt is 1/(2*0) = inf, times 2x = 0: NaN.
  expect("sqrt(square(x)) at 0", sweep(sqrt(square(x)), 0, 0), {0, NaN, 0});
  // A closed relu gate selects 0 whatever it receives (an infinite adjoint here) ...
  expect("relu(x) * y at (-1, inf)", sweep(relu(x) * y, -1, inf), {NaN, 0, 0});
  expect("relu(x) * y at (-1, NaN)", sweep(relu(x) * y, -1, NaN), {NaN, 0, 0});
  // ... while abs multiplies its partial 0 by the adjoint.
  expect("abs(x) * y at (0, inf)", sweep(abs(x) * y, 0, inf), {NaN, NaN, 0});
}

}  // namespace
