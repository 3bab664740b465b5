#ifndef CTGRAD_MATH_HYPOT_HPP_INCLUDED
#define CTGRAD_MATH_HYPOT_HPP_INCLUDED
// hypot.
//
// Method: with a = max(|x|, |y|), b = min(|x|, |y|): if b < 2^-60 a, the result is a (b^2/(2a)
// is below half an ULP). Otherwise both are scaled by the same power of two so that a is in
// [1, 2) (exact: neither becomes subnormal), a^2 + b^2 is formed exactly-ish in double-double
// (Dekker products), its square root taken in double-double and rounded once, and the result scaled
// back. No intermediate overflows or underflows.
// Special values as C99 Annex F: hypot(+-inf, y) = +inf even for a NaN y; otherwise NaN in, NaN
// out; hypot(x, +-0) = |x|.
//
// Constant evaluation: a result beyond DBL_MAX calls domain_error::hypot_overflows_double(). At
// run time it gives +inf.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "domain_error.hpp"
#include "sqrt.hpp"

namespace ctgrad::math::ct {

constexpr double hypot(double x, double y) noexcept {
  if (detail::isinf(x) || detail::isinf(y)) return detail::infinity();
  if (detail::isnan(x) || detail::isnan(y)) return detail::quiet_nan();
  double a = detail::abs(x);
  double b = detail::abs(y);
  if (a < b) {
    const double t = a;
    a = b;
    b = t;
  }
  if (b == 0.0) return a;
  const int ea = detail::split_exponent(a).e;
  const int eb = detail::split_exponent(b).e;
  if (ea - eb > 60) return a;
  const double as = detail::ldexp(a, -ea);
  const double bs = detail::ldexp(b, -ea);
  const detail::dd sum = detail::dd_add(detail::two_prod(as, as), detail::two_prod(bs, bs));
  const double h = detail::sqrt_dd(sum).hi;  // [1, 2 sqrt 2)
  if (ea == 1023 && h >= 2.0) {
    if (std::is_constant_evaluated()) domain_error::hypot_overflows_double();
    return detail::infinity();
  }
  return detail::ldexp(h, ea);
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double hypot(double x, double y) noexcept {
  if (std::is_constant_evaluated()) return ct::hypot(x, y);
  return std::hypot(x, y);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_HYPOT_HPP_INCLUDED
