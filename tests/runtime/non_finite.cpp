#define BOOST_TEST_MODULE non_finite
#include <boost/test/unit_test.hpp>

#include <ctgrad/check/non_finite.hpp>
#include <ctgrad/ctgrad.hpp>

#include <limits>

// find_non_finite reports the first node whose value or adjoint is NaN or infinite, by name.
namespace {
constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr double inf = std::numeric_limits<double>::infinity();
}  // namespace

BOOST_AUTO_TEST_CASE(finite_everywhere) {
  const auto f = square(x * y + 1);
  const auto r = ctgrad::find_non_finite(f, ctgrad::at(x = 2.0, y = 3.0));
  BOOST_TEST(!r);
}

BOOST_AUTO_TEST_CASE(a_named_node_is_reported_by_name) {
  const auto z = ctgrad::let<"z">(log(x - y));  // log(0) = -inf when x == y
  const auto f = square(z) + exp(y);
  const auto r = ctgrad::find_non_finite(f, ctgrad::at(x = 1.5, y = 1.5));
  BOOST_TEST((r.found == ctgrad::non_finite_report::where::value));
  BOOST_TEST(r.node == "log");  // the log itself, before its name passes the value on
  BOOST_TEST(r.number == -inf);
}

BOOST_AUTO_TEST_CASE(a_nan_input_is_reported_at_the_variable) {
  const auto f = sin(x) * y;
  const auto r =
      ctgrad::find_non_finite(f, ctgrad::at(x = 1.0, y = std::numeric_limits<double>::quiet_NaN()));
  BOOST_TEST(r.node == "y");
  BOOST_TEST(r.position == 2u);  // x, sin(x), y, *
}

BOOST_AUTO_TEST_CASE(a_finite_value_with_an_infinite_derivative) {
  // sqrt(0) = 0 is finite; its derivative 1 / (2 sqrt 0) is not: the adjoint of x is infinite.
  const auto f = ctgrad::let<"root">(sqrt(x)) + y;
  const auto r = ctgrad::find_non_finite(f, ctgrad::at(x = 0.0, y = 1.0));
  BOOST_TEST((r.found == ctgrad::non_finite_report::where::adjoint));
  BOOST_TEST(r.node == "x");
  BOOST_TEST(r.number == inf);
}

BOOST_AUTO_TEST_CASE(also_at_compile_time) {
  constexpr auto r = ctgrad::find_non_finite(x / y, ctgrad::at(x = 1.0, y = 2.0));
  static_assert(!r);
  BOOST_TEST(!r);
}
