#pragma once
// The fixture shared by the numerics tests: a gradient at one point as (f, df/dx, df/dy), and a
// comparison in which NaN matches any NaN.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <ctgrad/ctgrad.hpp>
#include <limits>

namespace numerics {

constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

struct observed {
  double f, dx, dy;
};

template <class E>
observed sweep(const E& e, double a, double b) {
  const auto g = ctgrad::gradient(e, ctgrad::at(x = a, y = b), ctgrad::wrt(x, y));
  return {g.value(), g[x], g[y]};
}

// NaN matches any NaN; anything else must be equal (the sign of a zero is not checked).
bool same(double got, double expected) {
  return std::isnan(expected) ? std::isnan(got) : got == expected;
}

void expect(const char* what, observed got, observed want) {
  BOOST_TEST(same(got.f, want.f), what << ": f = " << got.f << ", expected " << want.f);
  BOOST_TEST(same(got.dx, want.dx), what << ": df/dx = " << got.dx << ", expected " << want.dx);
  BOOST_TEST(same(got.dy, want.dy), what << ": df/dy = " << got.dy << ", expected " << want.dy);
}

}  // namespace numerics
