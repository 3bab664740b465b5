#ifndef CTGRAD_MATH_EXP_HPP_INCLUDED
#define CTGRAD_MATH_EXP_HPP_INCLUDED
// exp, expm1 and exp2.
//
// Method: Cody-Waite reduction x = k ln2 + r, |r| <= ln2/2, with ln2 split in two parts so that
// r = hi - lo is known to far more than double precision. On r, e^r is evaluated through
// R(r) = r coth(r/2) = r (e^r + 1) / (e^r - 1), an even function with a fast-converging series
// (Bernoulli numbers): with c = r - (R(r) - 2),  e^r = 1 + r + r c / (2 - c). Written this way the
// large terms (1 and r) are added last and exactly once, which keeps the error below 1 ULP. The
// result is scaled by 2^k with detail::ldexp (one rounding, also for subnormal results).
//
// exp2: x = k + f with k the nearest integer (f exact, |f| <= 1/2), f ln2 formed as a double-double
// (Dekker product with ln2 to ~106 bits) and passed to the same kernel, then scaled by 2^k; integer
// x gives exact powers of two.
//
// Constant evaluation: an overflowing result (exp2 too) calls domain_error::exp_overflows_double()
// (the build fails); underflow gives 0 as at run time. At run time ct::exp returns +inf on
// overflow.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "domain_error.hpp"

namespace ctgrad::math::detail {

// exp(x) overflows above this (ln of the largest double) and rounds to 0 below the other.
inline constexpr double exp_overflow_threshold = 0x1.62e42fefa39efp+9;    // 709.78...
inline constexpr double exp_underflow_threshold = -0x1.74910d52d3051p+9;  // -745.13...

// c(r) = r - (R(r) - 2), R(r) = 2 + sum_{n>=1} 2 B_2n r^2n / (2n)!  (truncation < 1e-20 on |r| <=
// 0.35).
constexpr double exp_c(double r) noexcept {
  const double t = r * r;
  const double b1 = 1.0 / 6.0;
  const double b2 = -1.0 / 360.0;
  const double b3 = 1.0 / 15120.0;
  const double b4 = -1.0 / 604800.0;
  const double b5 = 1.0 / 23950080.0;
  const double b6 = -691.0 / 653837184000.0;
  const double b7 = 1.0 / 37362124800.0;
  const double b8 = -3617.0 / 5335311421440000.0;
  return r - t * (b1 + t * (b2 + t * (b3 + t * (b4 + t * (b5 + t * (b6 + t * (b7 + t * b8)))))));
}

// e^(hi - lo) for |hi - lo| <= ~0.35, lo a small tail known separately from hi.
constexpr double exp_kernel(double hi, double lo) noexcept {
  const double r = hi - lo;
  const double c = exp_c(r);
  return 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
}

// x = k ln2 + (hi - lo), for |x| below the overflow/underflow thresholds.
struct ln2_reduction {
  int k;
  double hi;
  double lo;
};
constexpr ln2_reduction reduce_ln2(double x) noexcept {
  if (abs(x) <= 0.5 * ln2_hi) return {0, x, 0.0};
  const double kd = round_to_int(x * inv_ln2);
  // k * ln2_hi is exact and close to x, so the subtraction is exact too.
  return {static_cast<int>(kd), x - kd * ln2_hi, kd * ln2_lo};
}

// e^x - 1 as an unevaluated sum hi + lo (hi the rounded result), for x in [-38, 709.78], x != 0.
// The extra bits serve tanh.
constexpr dd expm1_dd(double x) noexcept {
  const auto red = reduce_ln2(x);
  const double r = red.hi - red.lo;
  const double c = exp_c(r);
  // e^r - 1 = r + tail; the rounding error of r itself is added back to first order.
  const double r_err = (red.hi - r) - red.lo;
  const double tail = (r * c) / (2.0 - c) + r_err * (1.0 + r);
  if (red.k == 0) return fast_two_sum(r, tail);
  // e^x - 1 = 2^k (r + tail + 1 - 2^-k); add the exact parts with an error-free sum.
  if (red.k > 0) {
    const double s = red.k < 54 ? 1.0 - pow2(-red.k) : 1.0;  // exact for k <= 53
    const dd sum = two_sum(s, r);
    const dd e = fast_two_sum(sum.hi, sum.lo + tail);
    return {ldexp(e.hi, red.k), ldexp(e.lo, red.k)};
  }
  // k < 0: the scaling of r and tail by 2^k is exact; 2^k - 1 is exact for k >= -53.
  const double scale = pow2(red.k);
  const dd sum = two_sum(scale - 1.0, r * scale);
  return fast_two_sum(sum.hi, sum.lo + tail * scale);
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math::ct {

constexpr double exp(double x) noexcept {
  if (detail::isnan(x)) return x;
  if (x > detail::exp_overflow_threshold) {
    if (std::is_constant_evaluated()) domain_error::exp_overflows_double();
    return detail::infinity();
  }
  if (x < detail::exp_underflow_threshold) return 0.0;
  const auto red = detail::reduce_ln2(x);
  return detail::ldexp(detail::exp_kernel(red.hi, red.lo), red.k);
}

// e^x - 1 without the cancellation of exp(x) - 1 near 0.
constexpr double expm1(double x) noexcept {
  if (detail::isnan(x)) return x;
  if (x > detail::exp_overflow_threshold) {
    if (std::is_constant_evaluated()) domain_error::exp_overflows_double();
    return detail::infinity();
  }
  if (x < -38.0) return -1.0;  // e^x < 2^-54: -1 + e^x rounds to -1
  if (x == 0.0) return x;      // keeps the sign of zero
  return detail::expm1_dd(x).hi;
}

// 2^x.
constexpr double exp2(double x) noexcept {
  if (detail::isnan(x)) return x;
  if (x >= 1024.0) {
    if (std::is_constant_evaluated()) domain_error::exp_overflows_double();
    return detail::infinity();
  }
  if (x < -1080.0) return 0.0;
  const double kd = detail::round_to_int(x);
  const double f = x - kd;  // exact
  const detail::dd p = detail::two_prod(f, detail::ln2_dd.hi);
  const detail::dd r = detail::fast_two_sum(p.hi, p.lo + f * detail::ln2_dd.lo);
  return detail::ldexp(detail::exp_kernel(r.hi, -r.lo), static_cast<int>(kd));
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double exp(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::exp(x);
  return std::exp(x);
}

constexpr double expm1(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::expm1(x);
  return std::expm1(x);
}

constexpr double exp2(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::exp2(x);
  return std::exp2(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_EXP_HPP_INCLUDED
