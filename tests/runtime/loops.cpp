#define BOOST_TEST_MODULE loops
#include <boost/test/unit_test.hpp>

// Loops made by unroll (one node that runs its step K times) against the same steps written out
// as one expression (detail::written_out), in value, gradient (every target and subsets), forward
// mode, Hessians, batches and Jacobians, and against central differences: steps that use their
// input once, twice or not at all, that hold a run-time number per step, whose variables are
// also used outside the loop, with an array state, and with a loop inside a step.

#include <array>
#include <cmath>
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/io/to_string.hpp>
#include <random>
#include <vector>
#include "../support/tolerance.hpp"

namespace {

using ctgrad::at;
using ctgrad::gradient;
using ctgrad::unroll;
using ctgrad::wrt;

constexpr auto s0 = ctgrad::var<"s0">;
constexpr auto a = ctgrad::var<"a">;
constexpr auto h = ctgrad::var<"h">;
constexpr auto w = ctgrad::var<"w">;

using ctgrad_test::close;

template <class E>
constexpr bool is_loop = ctgrad::detail::is_loop_node<ctgrad::structure_of<E>>;

// The loop and its steps written out agree in value and in every derivative at random points.
template <class E>
void check_against_written_out(const E& loop, int points, unsigned seed) {
  static_assert(is_loop<E>);
  const auto nested = ctgrad::detail::written_out(loop);
  static_assert(!is_loop<decltype(nested)>);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> d(-0.8, 0.8);
  for (int i = 0; i < points; ++i) {
    const double sv = d(rng), av = d(rng), hv = 0.1 + 0.1 * d(rng), wv = d(rng);
    const auto p = at(s0 = sv, a = av, h = hv, w = wv);
    const auto g = gradient(loop, p, wrt(s0, a, h, w));
    const auto n = gradient(nested, p, wrt(s0, a, h, w));
    BOOST_TEST(close(g.value(), n.value()));
    BOOST_TEST(close(g[s0], n[s0]));
    BOOST_TEST(close(g[a], n[a]));
    BOOST_TEST(close(g[h], n[h]));
    BOOST_TEST(close(g[w], n[w]));
    // Subsets: a loop's input the sweep does not want is left alone.
    BOOST_TEST(close(gradient(loop, p, wrt(a))[a], n[a]));
    BOOST_TEST(close(gradient(loop, p, wrt(s0))[s0], n[s0]));
    // Central differences along s0.
    const double e = 1e-6;
    const double up = ctgrad::value(loop, at(s0 = sv + e, a = av, h = hv, w = wv));
    const double down = ctgrad::value(loop, at(s0 = sv - e, a = av, h = hv, w = wv));
    BOOST_TEST(close(g[s0], (up - down) / (2 * e), 1e-6));
  }
}

BOOST_AUTO_TEST_CASE(steps_of_several_kinds) {
  // Euler: the input twice.
  check_against_written_out(unroll<12>(s0, [](const auto& y) { return y + h * (a - pow<3>(y)); }),
                            20, 1);
  // The input three times, and a subexpression of variables only (h * w), computed per step. (No
  // run-time number: written out, each use of a number-holding input would be a copy.)
  check_against_written_out(
      unroll<7>(
          s0,
          [](const auto& y) { return y * (ctgrad::c<1> - h * w) + h * sin(y) * cos(y) - a * y; }),
      20, 2);
  // A run-time number per step, from the index.
  check_against_written_out(
      unroll<9>(s0,
                [](const auto& y, auto index) {
                  return tanh(w * y + a * (0.1 * double(decltype(index)::value)));
                }),
      20, 3);
  // A step that ignores its input: the loop's operand gets no adjoint (exactly 0).
  const auto constant_step = unroll<4>(s0, [](const auto&) { return a * h; });
  const auto g = gradient(constant_step, at(s0 = 2.0, a = 3.0, h = 0.5));
  BOOST_TEST(g.value() == 1.5);
  BOOST_TEST(g[s0] == 0.0);
  BOOST_TEST(g[a] == 0.5);
  BOOST_TEST(g[h] == 3.0);
}

BOOST_AUTO_TEST_CASE(variables_inside_and_outside_the_loop) {
  // a and s0 are read by the steps and by the expression around the loop: their adjoints sum
  // both (the loop's share assigns or adds as it comes first or not in the sweep).
  const auto y = unroll<6>(s0, [](const auto& s) { return s + h * (a - s * s); });
  const auto f = square(y) + a * s0 - sin(a);
  const auto nested = square(ctgrad::detail::written_out(y)) + a * s0 - sin(a);
  for (const double av : {-0.7, 0.1, 0.9}) {
    const auto p = at(s0 = 0.3, a = av, h = 0.05);
    const auto g = gradient(f, p);
    const auto n = gradient(nested, p);
    BOOST_TEST(close(g.value(), n.value()));
    BOOST_TEST(close(g[a], n[a]));
    BOOST_TEST(close(g[s0], n[s0]));
    BOOST_TEST(close(g[h], n[h]));
  }
  // Two loops over the same step and variables in one expression are two nodes.
  const auto two = y * unroll<3>(a, [](const auto& s) { return s + h * (a - s * s); });
  BOOST_TEST(ctgrad::node_count(two) == 6u);  // s0, a, h, loop, loop, *
  const auto p = at(s0 = 0.3, a = 0.4, h = 0.05);
  const auto n2 =
      ctgrad::detail::written_out(y) *
      ctgrad::detail::written_out(unroll<3>(a, [](const auto& s) { return s + h * (a - s * s); }));
  BOOST_TEST(close(gradient(two, p)[a], gradient(n2, p)[a]));
  BOOST_TEST(close(gradient(two, p)[h], gradient(n2, p)[h]));
}

BOOST_AUTO_TEST_CASE(forward_mode_and_hessians) {
  const auto y = unroll<5>(s0, [](const auto& s) { return s + h * (a - pow<3>(s)); });
  const auto nested = ctgrad::detail::written_out(y);
  const auto p = at(s0 = 0.4, a = 0.3, h = 0.1);
  const auto t = ctgrad::tangent(y, p, ctgrad::along(s0 = 1.0, a = -2.0));
  const auto tn = ctgrad::tangent(nested, p, ctgrad::along(s0 = 1.0, a = -2.0));
  BOOST_TEST(close(t.value, tn.value));
  BOOST_TEST(close(t.tangent, tn.tangent));
  const auto hl = ctgrad::hessian(y, p);
  const auto hn = ctgrad::hessian(nested, p);
  BOOST_TEST(close(hl(s0, s0), hn(s0, s0)));
  BOOST_TEST(close(hl(s0, a), hn(s0, a)));
  BOOST_TEST(close(hl(a, h), hn(a, h)));
  BOOST_TEST(close(hl(h, h), hn(h, h)));
  // The symbolic derivative reads the steps written out.
  BOOST_TEST(close(ctgrad::value(ctgrad::derivative(y, s0, a), p), hn(s0, a)));
}

BOOST_AUTO_TEST_CASE(batches_and_jacobians) {
  constexpr auto x = ctgrad::var<"x">;
  constexpr auto t = ctgrad::var<"t">;
  // A model whose state runs 4 steps from the sample x, fit to t; w and a are parameters.
  const auto model = unroll<4>(x, [](const auto& s) { return tanh(w * s + a); });
  const auto loss = square(model - t);
  const std::vector<double> xs{0.1, -0.4, 0.7, 1.2}, ts{0.3, 0.0, -0.2, 0.5};
  const auto batch =
      ctgrad::batch_gradient(loss, at(w = 0.8, a = -0.1), ctgrad::data(x = xs, t = ts));
  double sw = 0, sa = 0, total = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const auto g = gradient(loss, at(w = 0.8, a = -0.1, x = xs[i], t = ts[i]));
    sw += g[w];
    sa += g[a];
    total += g.value();
  }
  BOOST_TEST(close(batch.value(), total));
  BOOST_TEST(close(batch[w], sw));
  BOOST_TEST(close(batch[a], sa));

  const auto y = unroll<5>(s0, [](const auto& s) { return s + h * (a - s * s); });
  const auto f = ctgrad::outputs(y, y * a, sin(y) + h);
  const auto nested = ctgrad::detail::written_out(y);
  const auto fn = ctgrad::outputs(nested, nested * a, sin(nested) + h);
  const auto p = at(s0 = 0.2, a = 0.6, h = 0.1);
  for (const auto m : {ctgrad::mode::forward, ctgrad::mode::reverse}) {
    const auto j = m == ctgrad::mode::forward ? ctgrad::jacobian<ctgrad::mode::forward>(f, p)
                                              : ctgrad::jacobian<ctgrad::mode::reverse>(f, p);
    const auto jn = ctgrad::jacobian<ctgrad::mode::reverse>(fn, p);
    for (std::size_t i = 0; i < 3; ++i) {
      BOOST_TEST(close(j.value(i), jn.value(i)));
      BOOST_TEST(close(j(i, s0), jn(i, s0)));
      BOOST_TEST(close(j(i, a), jn(i, a)));
      BOOST_TEST(close(j(i, h), jn(i, h)));
    }
  }
}

constexpr auto s = ctgrad::var<"s", 3>;
constexpr auto v = ctgrad::var<"v", 3>;
constexpr auto b = ctgrad::var<"b", 3>;

BOOST_AUTO_TEST_CASE(array_state) {
  // A 3-element state: s -> tanh(v * s + b) element-wise, v and b arrays, summed at the end.
  const auto y = unroll<6>(s, [](const auto& z) { return tanh(v * z + b); });
  static_assert(is_loop<decltype(y)>);
  const auto f = sum(y * y);
  const auto fn = sum(ctgrad::detail::written_out(y) * ctgrad::detail::written_out(y));
  const std::array<double, 3> sv{0.2, -0.5, 0.9}, vv{0.7, 1.1, -0.3}, bv{0.05, 0.1, -0.2};
  const auto g = gradient(f, at(s = sv, v = vv, b = bv));
  const auto n = gradient(fn, at(s = sv, v = vv, b = bv));
  BOOST_TEST(close(g.value(), n.value()));
  for (std::size_t k = 0; k < 3; ++k) {
    BOOST_TEST(close(g[s][k], n[s][k]));
    BOOST_TEST(close(g[v][k], n[v][k]));
    BOOST_TEST(close(g[b][k], n[b][k]));
  }
}

BOOST_AUTO_TEST_CASE(loops_inside_steps) {
  // An inner loop whose operand does not read the outer step's input is a loop node inside the
  // step; one whose operand does is written out (the placeholder would be ambiguous).
  const auto inner_fixed = unroll<4>(s0, [](const auto& y) {
    return y * unroll<3>(a, [](const auto& z) { return z * (1 - h * z); });
  });
  static_assert(is_loop<decltype(inner_fixed)>);
  const auto inner_reading = unroll<4>(s0, [](const auto& y) {
    return unroll<2>(y, [](const auto& z) { return z + h * (a - z); });
  });
  static_assert(is_loop<decltype(inner_reading)>);
  check_against_written_out(inner_fixed, 10, 4);
  check_against_written_out(inner_reading, 10, 5);
}

BOOST_AUTO_TEST_CASE(printing) {
  const auto y = unroll<3>(s0, [](const auto& s) { return s + h * (a - pow<3>(s)); });
  BOOST_TEST(ctgrad::to_string(y) == "unroll<3>(s0, in -> in + h * (a - pow<3>(in)))");
}

}  // namespace
