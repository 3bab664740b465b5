#ifndef CTGRAD_MATH_TANH_HPP_INCLUDED
#define CTGRAD_MATH_TANH_HPP_INCLUDED
// tanh.
//
// Method: with t = expm1(2|x|), tanh|x| = t / (t + 2), written as 1 - 2/(t + 2) for |x| >= 1
// and, for |x| < 1, as -t'/(t' + 2) with t' = expm1(-2|x|) (no cancellation). t is kept as a
// double-double (detail::expm1_dd) and the quotient formed in double-double, so that only the
// final rounding and the small error of expm1's tail remain. Odd symmetry gives the sign; for |x| >
// 22, 1 - tanh|x| < 2^-63 and the result is +-1; for |x| < 2^-28 it is x. No domain errors:
// tanh(+-inf) = +-1 and NaN gives NaN, also at run time.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "exp.hpp"

namespace ctgrad::math::ct {

constexpr double tanh(double x) noexcept {
  if (detail::isnan(x)) return x;
  const double a = detail::abs(x);
  if (a > 22.0) return detail::copysign(1.0, x);
  if (a < 0x1p-28) return x;
  double r = 0.0;
  if (a >= 1.0) {
    const detail::dd t = detail::expm1_dd(2.0 * a);
    const detail::dd q = detail::dd_div(detail::dd{2.0, 0.0}, detail::dd_add(t, 2.0));
    r = detail::dd_add(detail::dd{-q.hi, -q.lo}, 1.0).hi;
  } else {
    const detail::dd t = detail::expm1_dd(-2.0 * a);
    r = -detail::dd_div(t, detail::dd_add(t, 2.0)).hi;
  }
  return detail::copysign(r, x);
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double tanh(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::tanh(x);
  return std::tanh(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_TANH_HPP_INCLUDED
