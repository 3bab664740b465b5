#define BOOST_TEST_MODULE check_gradient_flags
#include <boost/test/unit_test.hpp>

// ctgrad::check_gradient at run time: agreement is reported per variable, a wrong gradient is
// flagged, and the tolerance decides.
#include <cmath>
#include <string>

#include <ctgrad/check/gradient_check.hpp>
#include <ctgrad/ctgrad.hpp>

namespace {
constexpr auto w = ctgrad::var<"w">;
constexpr auto x = ctgrad::var<"x">;
constexpr auto b = ctgrad::var<"b">;
}  // namespace

BOOST_AUTO_TEST_CASE(agrees_at_run_time_values) {
  double wv = -0.4, xv = 1.9, bv = 0.25;
  const auto f = softplus(w * x - b) * cos(x) / (1 + abs(b));
  const auto r = ctgrad::check_gradient(f, ctgrad::at(w = wv, x = xv, b = bv));
  BOOST_TEST(r.ok);
  for (const auto& e : r.entries) {
    BOOST_TEST(e.pass);
    BOOST_TEST(e.relative_error < 1e-8);
    BOOST_TEST(e.absolute_error == std::abs(e.reverse - e.numeric));
  }
  BOOST_TEST(r[x].reverse == ctgrad::gradient(f, ctgrad::at(w = wv, x = xv, b = bv))[x]);
}

// The lower-level form checks any claimed gradient; here that of cos(x) + w for sin(x) + w: the
// x entry is flagged, the w entry (1 for both) passes.
BOOST_AUTO_TEST_CASE(a_wrong_gradient_is_flagged) {
  const auto p = ctgrad::at(x = 0.5, w = 2.0);
  const auto r = ctgrad::check_gradient(sin(x) + w, p, ctgrad::gradient(cos(x) + w, p));
  BOOST_TEST(!r.ok);
  BOOST_TEST(!r[x].pass);
  BOOST_TEST(r[x].reverse == -std::sin(0.5));
  BOOST_TEST(std::abs(r[x].numeric - std::cos(0.5)) < 1e-9);
  BOOST_TEST(r[x].relative_error > 1);
  BOOST_TEST(r[w].pass);
}

BOOST_AUTO_TEST_CASE(the_tolerance_decides) {
  const auto f = exp(x) * 1e6;  // large values: the difference's rounding error is visible
  const auto p = ctgrad::at(x = 3.0);
  BOOST_TEST(ctgrad::check_gradient(f, p).ok);
  BOOST_TEST(!ctgrad::check_gradient(f, p, 1e-15).ok);
}

BOOST_AUTO_TEST_CASE(reports_a_table) {
  const auto r = ctgrad::check_gradient(square(w * x + b), ctgrad::at(w = 2, x = 3, b = 1));
  const std::string table = ctgrad::to_string(r);
  BOOST_TEST(table.find("d/dw") != std::string::npos);
  BOOST_TEST(table.find("reverse              42") != std::string::npos);
  BOOST_TEST(table.find("FAILED") == std::string::npos);
}
