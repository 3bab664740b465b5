#define BOOST_TEST_MODULE jacobian
#include <boost/test/unit_test.hpp>

// ctgrad::jacobian at random points: forward mode, reverse mode and central differences agree
// for several shapes, including outputs that share subexpressions and outputs with run-time
// numbers; a variable an output lacks has derivative exactly 0; and a subexpression shared by
// two outputs is computed once per pass, shown by counting the divisions a scalar type performs.

#include <algorithm>
#include <array>
#include <cmath>
#include <ctgrad/ctgrad.hpp>
#include <random>
#include <string_view>
#include <type_traits>

#include "../support/tolerance.hpp"
#include "counted_scalar.hpp"

namespace {

using ctgrad::mode;

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto z = ctgrad::var<"z">;
constexpr auto w = ctgrad::var<"w">;

constexpr int points_per_case = 500;

using ctgrad_test::close;

// Every case binds all four variables; a column is the derivative along one of them.
using coordinates = std::array<double, 4>;
auto point_at(const coordinates& c) {
  return ctgrad::at(x = c[0], y = c[1], z = c[2], w = c[3]);
}
template <class V>
std::size_t coordinate_of(V) {
  constexpr std::string_view names = "xyzw";
  return names.find(V::name());
}

// Central difference of output i along variable V: (f(c + h e_V) - f(c - h e_V)) / 2h.
template <class F, class V>
double central_difference(const F& f, const coordinates& c, std::size_t i, V v) {
  const double h = 1e-5 * std::max(1.0, std::abs(c[coordinate_of(v)]));
  coordinates up = c, down = c;
  up[coordinate_of(v)] += h;
  down[coordinate_of(v)] -= h;
  const auto at_up = ctgrad::jacobian<mode::reverse>(f, point_at(up), ctgrad::wrt(v));
  const auto at_down = ctgrad::jacobian<mode::reverse>(f, point_at(down), ctgrad::wrt(v));
  return (at_up.value(i) - at_down.value(i)) / (up[coordinate_of(v)] - down[coordinate_of(v)]);
}

// Forward == reverse (tightly) == central differences (loosely) at random points, over the
// inputs V..., with the mode chosen by shape as expected.
template <class F, class... V>
void check_against_differences(const F& f, unsigned seed, V... inputs) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> d(-1.5, 1.5);
  constexpr mode by_shape = sizeof...(V) <= F::output_count ? mode::forward : mode::reverse;
  for (int k = 0; k < points_per_case; ++k) {
    const coordinates c{d(rng), d(rng), d(rng), d(rng)};
    const auto p = point_at(c);
    const auto chosen = ctgrad::jacobian(f, p, ctgrad::wrt(inputs...));
    const auto forward = ctgrad::jacobian<mode::forward>(f, p, ctgrad::wrt(inputs...));
    const auto reverse = ctgrad::jacobian<mode::reverse>(f, p, ctgrad::wrt(inputs...));
    BOOST_TEST((chosen.mode_used == by_shape));
    BOOST_TEST(forward.sweeps == sizeof...(V));
    BOOST_TEST(reverse.sweeps == F::output_count);
    for (std::size_t i = 0; i < F::output_count; ++i) {
      BOOST_TEST(close(forward.value(i), reverse.value(i), 1e-15));
      const auto column = [&](auto v) {
        BOOST_TEST(chosen(i, v) == (by_shape == mode::forward ? forward(i, v) : reverse(i, v)));
        BOOST_TEST(close(forward(i, v), reverse(i, v), 1e-13));
        BOOST_TEST(close(reverse(i, v), central_difference(f, c, i, v), 1e-6));
      };
      (column(inputs), ...);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(polar_to_cartesian) {
  check_against_differences(ctgrad::outputs(x * cos(y), x * sin(y)), 1, x, y);
}

BOOST_AUTO_TEST_CASE(three_outputs_sharing_a_subexpression_over_two_inputs) {
  const auto u = x * y;  // one node in all three outputs
  check_against_differences(ctgrad::outputs(sin(u) + x, u * exp(y), 3 * x - tanh(u)), 2, x, y);
}

BOOST_AUTO_TEST_CASE(two_outputs_sharing_a_named_subexpression_over_four_inputs) {
  const auto v = ctgrad::let<"v">(3 * x + 2 * z);  // numbers inside, shared by its name
  check_against_differences(ctgrad::outputs(v * y + w, sigmoid(v) - 5 * z * w), 3, x, y, z, w);
}

BOOST_AUTO_TEST_CASE(one_output_over_four_inputs) {
  check_against_differences(ctgrad::outputs(exp(x * y) / (1 + square(z)) + w * cos(x)), 4, x, y, z,
                            w);
}

BOOST_AUTO_TEST_CASE(four_outputs_over_one_input) {
  check_against_differences(ctgrad::outputs(x, square(x), 3 * sin(x), exp(x) * x), 5, x);
}

BOOST_AUTO_TEST_CASE(outputs_with_run_time_numbers) {
  // 3 * x in two outputs: told apart by position, each computed with its own number.
  const double a = 3, b = -0.5;
  check_against_differences(ctgrad::outputs(a * x + y, square(a * x) * b, softplus(b * y) - a), 6,
                            x, y);
}

BOOST_AUTO_TEST_CASE(a_variable_an_output_lacks_has_derivative_exactly_zero) {
  // x is absent from the second and third outputs, w from all of them.
  const auto f = ctgrad::outputs(x * y, z + 2, square(y));
  check_against_differences(f, 7, x, y, z);
  std::mt19937_64 rng(8);
  std::uniform_real_distribution<double> d(-1.5, 1.5);
  for (int k = 0; k < points_per_case; ++k) {
    const auto p = point_at({d(rng), d(rng), d(rng), d(rng)});
    const auto forward = ctgrad::jacobian<mode::forward>(f, p, ctgrad::wrt(x, y, z, w));
    const auto reverse = ctgrad::jacobian<mode::reverse>(f, p, ctgrad::wrt(x, y, z, w));
    for (const auto& J : {forward, reverse}) {
      for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(J(i, w) == 0.0);
        BOOST_TEST(!std::signbit(J(i, w)));
      }
      BOOST_TEST((J(1, x) == 0.0 && !std::signbit(J(1, x))));
      BOOST_TEST((J(2, x) == 0.0 && !std::signbit(J(2, x))));
      BOOST_TEST((J(0, z) == 0.0 && J(2, z) == 0.0 && J(1, y) == 0.0));
    }
    BOOST_TEST(forward.sweeps == 3);  // no pass along w: no output contains it
  }
}

BOOST_AUTO_TEST_CASE(a_shared_subexpression_is_computed_once_per_pass) {
  const auto u = x / y;  // the only division: shared by the three outputs
  const auto f = ctgrad::outputs(u + x, u * y, u - y);
  const auto p = ctgrad::at(x = counted{3.0}, y = counted{2.0});

  // One division of duals costs this many divisions of their parts.
  counted::divisions = 0;
  (void)(ctgrad::dual<counted>(1.0, 1.0) / ctgrad::dual<counted>(2.0, 0.0));
  const long per_dual_division = counted::divisions;
  BOOST_TEST(per_dual_division == 2);

  counted::divisions = 0;
  const auto forward = ctgrad::jacobian(f, p);  // 2 inputs, 3 outputs: forward mode
  BOOST_TEST((forward.mode_used == mode::forward));
  BOOST_TEST(forward.sweeps == 2u);
  // u once per pass, not once per output and pass (that would be 3 times as many).
  BOOST_TEST(counted::divisions == 2 * per_dual_division);

  counted::divisions = 0;
  const auto reverse = ctgrad::jacobian<mode::reverse>(f, p);
  // u once in the plain forward pass; then each sweep passes through u's division once, with
  // one division per operand's partial (1 / y toward x, -u / y toward y).
  BOOST_TEST(reverse.sweeps == 3u);
  BOOST_TEST(counted::divisions == 1 + 3 * 2);

  // du/dx = 1/y, du/dy = -x/y^2 = -0.75.
  for (const auto& J : {forward, reverse}) {
    BOOST_TEST(J.value(0).v == 4.5);
    BOOST_TEST(J(0, x).v == 1.5);
    BOOST_TEST(J(0, y).v == -0.75);
    BOOST_TEST(J(1, x).v == 1.0);
    BOOST_TEST(J(1, y).v == -0.75 * 2.0 + 1.5);
    BOOST_TEST(J(2, y).v == -1.75);
  }
}
