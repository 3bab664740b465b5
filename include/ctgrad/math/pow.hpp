#ifndef CTGRAD_MATH_POW_HPP_INCLUDED
#define CTGRAD_MATH_POW_HPP_INCLUDED
// pow.
//
// Method: x^y = exp(y log x). In plain double the error of log x is multiplied by |y log x|
// (up to ~745), so log x is computed as a double-double: x = 2^k m, s = (m - 1)/(m + 1),
// log m = 2 atanh s = s (2 + 2s^2/3 + 2s^4/5 + ...) with the leading terms in double-double
// arithmetic, plus k ln2 in double-double. y log x is formed exactly-ish as a double-double
// z = z_hi + z_lo and e^z is evaluated by the exp kernel with z_lo folded into the reduced
// argument's tail, so the result carries essentially only the exp kernel's error.
// Special values follow C99 Annex F (as std::pow): pow(x, +-0) = 1 and pow(1, y) = 1 for any x, y
// (even NaN); pow(-1, +-inf) = 1; negative x needs an integer y, the sign set by its parity.
//
// Constant evaluation: a negative base with a non-integer exponent calls
// domain_error::pow_of_a_negative_base_to_a_non_integer_exponent(), zero to a negative power
// calls domain_error::pow_of_zero_to_a_negative_exponent(), and an overflowing result calls
// domain_error::pow_overflows_double(). At run time these give NaN, +-inf and +-inf.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "domain_error.hpp"
#include "exp.hpp"
#include "log.hpp"

namespace ctgrad::math::detail {

// log x as a double-double, for finite x > 0; relative error ~2^-100.
constexpr dd log_dd(double x) noexcept {
  const auto sp = split_log(x);
  const double f = sp.m - 1.0;                          // exact
  const dd s = dd_div(dd{f, 0.0}, two_sum(sp.m, 1.0));  // m + 1 held exactly
  const dd z = dd_mul(s, s);
  // |s| <= 0.1716, z <= 0.0295: terms from z^4 on (< 2^-20 relative) need only double precision.
  const double zh = z.hi;
  double tail = 2.0 / 33.0;
  for (int n = 15; n >= 4; --n) tail = 2.0 / (2 * n + 1) + zh * tail;
  // ... the first terms, 2 + 2z/3 + 2z^2/5 + 2z^3/7, in double-double.
  constexpr dd c3 = dd_ratio(2.0, 7.0);
  constexpr dd c2 = dd_ratio(2.0, 5.0);
  constexpr dd c1 = dd_ratio(2.0, 3.0);
  dd acc = dd_add(dd_mul(z, tail), c3);
  acc = dd_add(dd_mul(acc, z), c2);
  acc = dd_add(dd_mul(acc, z), c1);
  acc = dd_add(dd_mul(acc, z), 2.0);
  const dd log_m = dd_mul(acc, s);
  return dd_add(dd_mul(ln2_dd, static_cast<double>(sp.e)), log_m);
}

// e^(z.hi + z.lo), for z.hi within the exp thresholds.
constexpr double exp_dd(dd z) noexcept {
  const auto red = reduce_ln2(z.hi);
  // z - k ln2 = red.hi - (red.lo - z.lo): red.lo is k ln2_lo, tiny next to red.hi.
  return ldexp(exp_kernel(red.hi, red.lo - z.lo), red.k);
}

struct integer_class {
  bool integer;
  bool odd;
};
constexpr integer_class classify_integer(double y) noexcept {
  const double a = abs(y);
  if (!isfinite(y)) return {false, false};
  if (a >= 0x1p63) return {true, false};  // all such doubles are even integers
  const long long n = static_cast<long long>(y);
  const bool integer = static_cast<double>(n) == y;
  return {integer, integer && (n & 1) != 0};
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math::ct {

constexpr double pow(double x, double y) noexcept {
  if (y == 0.0 || x == 1.0) return 1.0;
  if (detail::isnan(x) || detail::isnan(y)) return detail::quiet_nan();
  const auto yc = detail::classify_integer(y);
  const double inf = detail::infinity();
  if (detail::isinf(y)) {
    const double ax = detail::abs(x);
    if (ax == 1.0) return 1.0;
    return (ax > 1.0) == (y > 0.0) ? inf : 0.0;
  }
  if (x == 0.0) {
    if (y < 0.0) {
      if (std::is_constant_evaluated()) domain_error::pow_of_zero_to_a_negative_exponent();
      return yc.odd ? detail::copysign(inf, x) : inf;
    }
    return yc.odd ? x : 0.0;
  }
  if (detail::isinf(x)) {
    const double r = y < 0.0 ? 0.0 : inf;
    return x < 0.0 && yc.odd ? -r : r;
  }
  bool negate = false;
  if (x < 0.0) {
    if (!yc.integer) {
      if (std::is_constant_evaluated())
        domain_error::pow_of_a_negative_base_to_a_non_integer_exponent();
      return detail::quiet_nan();
    }
    negate = yc.odd;
    x = -x;
    if (x == 1.0) return negate ? -1.0 : 1.0;
  }
  // Finite x > 0, x != 1, finite y != 0. For |y| >= 2^64, |y log x| > 2^11: certain over/underflow
  // (decided here, without forming a product that might overflow).
  bool overflow = false;
  bool underflow = false;
  detail::dd z{0.0, 0.0};
  if (detail::abs(y) >= 0x1p64) {
    overflow = (x > 1.0) == (y > 0.0);
    underflow = !overflow;
  } else {
    z = detail::dd_mul(detail::log_dd(x), y);
    overflow = z.hi > detail::exp_overflow_threshold;
    underflow = z.hi < detail::exp_underflow_threshold;
  }
  double r = 0.0;
  if (overflow) {
    if (std::is_constant_evaluated()) domain_error::pow_overflows_double();
    r = inf;
  } else if (!underflow) {
    r = detail::exp_dd(z);
  }
  return negate ? -r : r;
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double pow(double x, double y) noexcept {
  if (std::is_constant_evaluated()) return ct::pow(x, y);
  return std::pow(x, y);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_POW_HPP_INCLUDED
