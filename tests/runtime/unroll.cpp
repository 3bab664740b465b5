#define BOOST_TEST_MODULE unroll
#include <boost/test/unit_test.hpp>

// unroll<K> at run time against the loops written out by hand with their derivatives carried
// along (forward mode by hand):
// - 12 explicit Euler steps of y' = a - y^3 with s0, a and the step h as variables (a step that
//   uses its input twice);
// - a 100-step recurrence s -> tanh(w s + u_n) whose step holds a run-time number u_n;
// - node sharing when a step uses its input twice: the step's input is one node in a loop, and
//   the steps written out (a step named per step) copy what holds numbers.

#include <cmath>
#include <ctgrad/ctgrad.hpp>
#include "../support/tolerance.hpp"

namespace {

using ctgrad::at;
using ctgrad::gradient;
using ctgrad::unroll;

constexpr auto s0 = ctgrad::var<"s0">;
constexpr auto a = ctgrad::var<"a">;
constexpr auto h = ctgrad::var<"h">;
constexpr auto w = ctgrad::var<"w">;

using ctgrad_test::close;

BOOST_AUTO_TEST_CASE(euler_steps) {
  const auto y = unroll<12>(s0, [](const auto& s) { return s + h * (a - pow<3>(s)); });
  // One loop node whatever K: s0, the step's variables a and h, the loop.
  BOOST_TEST(ctgrad::node_count(y) == 4u);
  for (const double y0v : {-1.0, 0.2, 1.7}) {
    const double av = 0.5, hv = 0.01;
    // By hand, with d/dy0, d/da, d/dh carried along.
    double s = y0v, d0 = 1, da = 0, dh = 0;
    for (int n = 0; n < 12; ++n) {
      const double slope = 1 - hv * 3 * s * s;  // d s_{n+1} / d s_n
      const double next = s + hv * (av - s * s * s);
      dh = slope * dh + (av - s * s * s);
      da = slope * da + hv;
      d0 = slope * d0;
      s = next;
    }
    const auto g = gradient(y, at(s0 = y0v, a = av, h = hv));
    BOOST_TEST(close(g.value(), s));
    BOOST_TEST(close(g[s0], d0));
    BOOST_TEST(close(g[a], da));
    BOOST_TEST(close(g[h], dh));
  }
}

BOOST_AUTO_TEST_CASE(recurrence_with_run_time_numbers) {
  // u_n is a run-time number computed from the step index; each step uses its input once.
  const auto s = unroll<100>(s0, [](const auto& e, auto index) {
    return tanh(w * e + std::sin(0.3 * static_cast<double>(decltype(index)::value)));
  });
  BOOST_TEST(decltype(s)::number_count == 100u);
  const double wv = 0.9;
  double v = 0.4, dw = 0, d0 = 1;
  for (int n = 0; n < 100; ++n) {
    const double next = std::tanh(wv * v + std::sin(0.3 * n));
    const double slope = 1 - next * next;
    dw = slope * (v + wv * dw);
    d0 = slope * wv * d0;
    v = next;
  }
  const auto g = gradient(s, at(s0 = 0.4, w = wv));
  BOOST_TEST(close(g.value(), v));
  BOOST_TEST(close(g[w], dw));
  BOOST_TEST(close(g[s0], d0));
}

BOOST_AUTO_TEST_CASE(sharing_when_a_step_uses_its_input_twice) {
  // y -> y + 0.01 (0.5 - y^3) holds the number 0.01 and uses y twice.
  constexpr int K = 5;
  const auto copies = unroll<K>(s0, [](const auto& y) { return y + 0.01 * (0.5 - pow<3>(y)); });
  const auto named = unroll<K>(s0, [](const auto& y, auto index) {
    return ctgrad::let<ctgrad::numbered<"y", decltype(index)::value + 1>>(y +
                                                                          0.01 * (0.5 - pow<3>(y)));
  });
  const auto by_variable = unroll<K>(s0, [](const auto& y) { return y + h * (a - pow<3>(y)); });
  // In a loop the step's input is one node: each step holds its two numbers once. Written out
  // (a name per step), the graph grows by a constant per step, but each use of a name still
  // stores the numbers it holds (2^K - 1 pairs). With the numbers in variables there are none.
  BOOST_TEST(ctgrad::node_count(copies) == 2u);
  BOOST_TEST(decltype(copies)::number_count == 2u * K);
  BOOST_TEST(ctgrad::node_count(named) == 1u + 7u * K);
  BOOST_TEST(decltype(named)::number_count == 2u * ((1u << K) - 1u));
  BOOST_TEST(decltype(by_variable)::number_count == 0u);
  const double yv = 0.8;
  double v = yv, d = 1;
  for (int n = 0; n < K; ++n) {
    d = (1 - 0.03 * v * v) * d;
    v = v + 0.01 * (0.5 - v * v * v);
  }
  for (const auto& g : {gradient(copies, at(s0 = yv), ctgrad::wrt(s0)),
                        gradient(named, at(s0 = yv), ctgrad::wrt(s0)),
                        gradient(by_variable, at(s0 = yv, a = 0.5, h = 0.01), ctgrad::wrt(s0))}) {
    BOOST_TEST(close(g.value(), v));
    BOOST_TEST(close(g[s0], d));
  }
}

}  // namespace
