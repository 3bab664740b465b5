#define BOOST_TEST_MODULE iterate
#include <boost/test/unit_test.hpp>

// iterate(step, y, ...) at random points: Euler steps of y' = -k y + sin(t) with t from the data,
// against the discrete adjoint written by hand and against central differences; the same steps
// as unroll<K>; 10^5 steps; an array parameter; NaN from a step carried to the result; a loss
// summed over the steps; and iterate_value, on numbers and on dual numbers (forward mode and
// forward over reverse).

#include <array>
#include <cmath>
#include <ctgrad/ctgrad.hpp>
#include <limits>
#include <random>
#include <vector>
#include "../support/tolerance.hpp"

namespace {

using ctgrad::at;
using ctgrad::data;
using ctgrad::iterate;
using ctgrad::iterate_value;
using ctgrad_test::close;

constexpr auto y = ctgrad::var<"y">;
constexpr auto k = ctgrad::var<"k">;
constexpr auto h = ctgrad::var<"h">;
constexpr auto t = ctgrad::var<"t">;
constexpr auto a = ctgrad::var<"a">;

constexpr auto euler_step = y + h * (sin(t) - k * y);

struct hand_result {
  double value, d_y0, d_k, d_h;
};

// The discrete adjoint of y_(i+1) = y_i + h (sin t_i - k y_i), written by hand.
hand_result by_hand(double y0, double k0, double h0, const std::vector<double>& ts) {
  const std::size_t n = ts.size();
  std::vector<double> ys(n + 1);
  ys[0] = y0;
  for (std::size_t i = 0; i < n; ++i) ys[i + 1] = ys[i] + h0 * (std::sin(ts[i]) - k0 * ys[i]);
  double a = 1, d_k = 0, d_h = 0;
  for (std::size_t i = n; i-- > 0;) {
    d_k += a * (-h0 * ys[i]);
    d_h += a * (std::sin(ts[i]) - k0 * ys[i]);
    a *= 1 - h0 * k0;
  }
  return {ys[n], a, d_k, d_h};
}

std::vector<double> times(std::size_t n, double h0) {
  std::vector<double> ts(n);
  for (std::size_t i = 0; i < n; ++i) ts[i] = static_cast<double>(i) * h0;
  return ts;
}

double final_state(double y0, double k0, double h0, const std::vector<double>& ts) {
  return iterate_value(euler_step, y, at(y = y0, k = k0, h = h0), data(t = ts));
}

// iterate's result for the ODE, checked against the discrete adjoint by hand.
auto check_against_hand(double y0, double k0, double h0, const std::vector<double>& ts,
                        double value_tolerance, double derivative_tolerance) {
  const auto r = iterate(euler_step, y, at(y = y0, k = k0, h = h0), data(t = ts));
  const hand_result hand = by_hand(y0, k0, h0, ts);
  BOOST_TEST(close(r.value(), hand.value, value_tolerance));
  BOOST_TEST(close(r[y], hand.d_y0, derivative_tolerance));
  BOOST_TEST(close(r[k], hand.d_k, derivative_tolerance));
  BOOST_TEST(close(r[h], hand.d_h, derivative_tolerance));
  return r;
}

BOOST_AUTO_TEST_CASE(against_the_hand_written_adjoint_and_central_differences) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int trial = 0; trial < 20; ++trial) {
    const double y0 = 2 * u(rng) - 1, k0 = 0.1 + u(rng), h0 = 0.001 + 0.01 * u(rng);
    const std::vector<double> ts = times(200 + static_cast<std::size_t>(800 * u(rng)), h0);
    const auto r = check_against_hand(y0, k0, h0, ts, 1e-13, 1e-12);
    const double e = 1e-6;
    BOOST_TEST(close(
        r[y], (final_state(y0 + e, k0, h0, ts) - final_state(y0 - e, k0, h0, ts)) / (2 * e), 1e-6));
    BOOST_TEST(close(
        r[k], (final_state(y0, k0 + e, h0, ts) - final_state(y0, k0 - e, h0, ts)) / (2 * e), 1e-6));
  }
}

// iterate_value is the forward loop alone: the same value bit for bit. On dual numbers it is
// forward mode through the loop, and iterate on dual numbers is forward over reverse: the
// derivatives of the gradient along the duals' tangents.
BOOST_AUTO_TEST_CASE(forward_mode_and_second_derivatives_through_the_loop) {
  using dual = ctgrad::dual<double>;
  std::mt19937_64 rng(13);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int trial = 0; trial < 10; ++trial) {
    const double y0 = 2 * u(rng) - 1, k0 = 0.1 + u(rng), h0 = 0.001 + 0.01 * u(rng);
    const std::vector<double> ts = times(500, h0);
    const auto r = iterate(euler_step, y, at(y = y0, k = k0, h = h0), data(t = ts));
    BOOST_TEST(iterate_value(euler_step, y, at(y = y0, k = k0, h = h0), data(t = ts)) == r.value());
    const dual along_k =
        iterate_value(euler_step, y, at(y = y0, k = dual{k0, 1.0}, h = h0), data(t = ts));
    const dual along_y =
        iterate_value(euler_step, y, at(y = dual{y0, 1.0}, k = k0, h = h0), data(t = ts));
    BOOST_TEST(along_k.value == r.value());
    BOOST_TEST(close(along_k.tangent, r[k], 1e-12));
    BOOST_TEST(close(along_y.tangent, r[y], 1e-12));

    const auto second = iterate(euler_step, y, at(y = y0, k = dual{k0, 1.0}, h = h0), data(t = ts));
    const double e = 1e-5;
    const auto up = iterate(euler_step, y, at(y = y0, k = k0 + e, h = h0), data(t = ts));
    const auto down = iterate(euler_step, y, at(y = y0, k = k0 - e, h = h0), data(t = ts));
    BOOST_TEST(second.value().value == r.value());
    BOOST_TEST(second[k].value == r[k]);
    BOOST_TEST(second[y].value == r[y]);
    BOOST_TEST(close(second[k].tangent, (up[k] - down[k]) / (2 * e), 1e-6));
    BOOST_TEST(close(second[y].tangent, (up[y] - down[y]) / (2 * e), 1e-6));
  }
}

// A squared error to observations summed over the steps, against its discrete adjoint by hand:
// a_n = 0; going back, a_(i+1) += 2 (y_(i+1) - o_i), then the step's adjoint.
BOOST_AUTO_TEST_CASE(a_loss_summed_over_the_steps) {
  constexpr auto o = ctgrad::var<"o">;
  std::mt19937_64 rng(14);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int trial = 0; trial < 10; ++trial) {
    const double y0 = 2 * u(rng) - 1, k0 = 0.1 + u(rng), h0 = 0.001 + 0.01 * u(rng);
    const std::size_t n = 200 + static_cast<std::size_t>(800 * u(rng));
    const std::vector<double> ts = times(n, h0);
    std::vector<double> os(n);
    for (std::size_t i = 0; i < n; ++i) os[i] = std::exp(-0.5 * static_cast<double>(i + 1) * h0);
    const auto r = iterate(euler_step, y, at(y = y0, k = k0, h = h0), data(t = ts, o = os),
                           ctgrad::step_loss(square(y - o)));

    std::vector<double> ys(n + 1);
    ys[0] = y0;
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      ys[i + 1] = ys[i] + h0 * (std::sin(ts[i]) - k0 * ys[i]);
      total += (ys[i + 1] - os[i]) * (ys[i + 1] - os[i]);
    }
    double a = 0, d_k = 0, d_h = 0;
    for (std::size_t i = n; i-- > 0;) {
      a += 2 * (ys[i + 1] - os[i]);
      d_k += a * (-h0 * ys[i]);
      d_h += a * (std::sin(ts[i]) - k0 * ys[i]);
      a *= 1 - h0 * k0;
    }
    BOOST_TEST(close(r.value(), total, 1e-13));
    BOOST_TEST(close(r[y], a, 1e-12));
    BOOST_TEST(close(r[k], d_k, 1e-12));
    BOOST_TEST(close(r[h], d_h, 1e-12));
    // The summed loss alone, by the forward loop: the same bits; on a dual k, dL/dk in one pass.
    const auto loss_value = [&](double y_start, double k_value) {
      return iterate_value(euler_step, y, at(y = y_start, k = k_value, h = h0),
                           data(t = ts, o = os), ctgrad::step_loss(square(y - o)));
    };
    BOOST_TEST(loss_value(y0, k0) == r.value());
    const auto along_k =
        iterate_value(euler_step, y, at(y = y0, k = ctgrad::dual<double>{k0, 1.0}, h = h0),
                      data(t = ts, o = os), ctgrad::step_loss(square(y - o)));
    BOOST_TEST(close(along_k.tangent, r[k], 1e-12));
    const double e = 1e-6;
    BOOST_TEST(close(r[y], (loss_value(y0 + e, k0) - loss_value(y0 - e, k0)) / (2 * e), 1e-6));
    BOOST_TEST(close(r[k], (loss_value(y0, k0 + e) - loss_value(y0, k0 - e)) / (2 * e), 1e-6));
  }
}

BOOST_AUTO_TEST_CASE(the_same_as_unroll) {
  const auto step = [](const auto& s) { return s + h * (a - ctgrad::pow<3>(s)); };
  std::mt19937_64 rng(12);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  for (int trial = 0; trial < 50; ++trial) {
    const auto p = at(y = u(rng), a = u(rng), h = 0.05 + 0.05 * u(rng));
    const auto unrolled = ctgrad::gradient(ctgrad::unroll<20>(y, step), p);
    const auto iterated = iterate(step(y), y, 20, p);
    // The same operations in the same order.
    BOOST_TEST(iterated.value() == unrolled.value());
    BOOST_TEST(iterated[y] == unrolled[y]);
    BOOST_TEST(iterated[a] == unrolled[a]);
    BOOST_TEST(iterated[h] == unrolled[h]);
  }
}

BOOST_AUTO_TEST_CASE(a_hundred_thousand_steps) {
  const double y0 = 0.3, k0 = 0.5, h0 = 1e-4;
  const std::vector<double> ts = times(100000, h0);
  check_against_hand(y0, k0, h0, ts, 1e-12, 1e-10);
}

// An array parameter, loaded once and read by every step: y -> c y + |w|^2, so that
// y_n = c^n y_0 + |w|^2 (1 - c^n) / (1 - c) and d y_n / dw = 2 w (1 - c^n) / (1 - c).
BOOST_AUTO_TEST_CASE(an_array_parameter) {
  constexpr auto w = ctgrad::var<"w", 3>;
  std::mt19937_64 rng(13);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  for (int trial = 0; trial < 10; ++trial) {
    const std::array<double, 3> wv{u(rng), u(rng), u(rng)};
    const double c = 0.9 + 0.05 * u(rng), y0 = u(rng);
    const std::size_t n = 40;
    const auto r = iterate(a * y + dot(w, w), y, n, at(y = y0, a = c, w = wv));
    const double cn = std::pow(c, static_cast<double>(n)), geometric = (1 - cn) / (1 - c);
    const double norm2 = wv[0] * wv[0] + wv[1] * wv[1] + wv[2] * wv[2];
    BOOST_TEST(close(r.value(), cn * y0 + norm2 * geometric, 1e-12));
    BOOST_TEST(close(r[y], cn, 1e-12));
    const std::array<double, 3> dw = r[w];
    for (std::size_t j = 0; j < 3; ++j) BOOST_TEST(close(dw[j], 2 * wv[j] * geometric, 1e-12));
    BOOST_TEST(r.value(w) == wv);
  }
}

// A step that gives NaN makes the state NaN from there on, and every derivative NaN: nothing is
// skipped or reset (docs/reliability.md).
BOOST_AUTO_TEST_CASE(nan_from_a_step_reaches_the_result) {
  const std::vector<double> ts{0.0, 1.0, 2.0};
  const auto r = iterate(y * log(t + k), y, at(y = 1.0, k = -0.5), data(t = ts));
  BOOST_TEST(std::isnan(r.value()));
  BOOST_TEST(std::isnan(r[y]));
  BOOST_TEST(std::isnan(r[k]));
}

}  // namespace
