#ifndef CTGRAD_MATH_CBRT_HPP_INCLUDED
#define CTGRAD_MATH_CBRT_HPP_INCLUDED
// cbrt.
//
// Method: |x| = m 2^(3q + r), r in {0, 1, 2}, so cbrt|x| = cbrt(m 2^r) 2^q with m 2^r in [1, 8).
// Newton's iteration y <- y - (y^3 - m)/(3 y^2) from the tangent 1 + (m - 1)/3 (above the root,
// cbrt being concave) converges monotonically; a last Newton step with the residual m - y^3
// computed in double-double (y^3 from Dekker products) and added as a correction leaves about one
// rounding. The scaling by 2^q is exact (the result is never subnormal). No domain errors: cbrt is
// odd and defined everywhere; +-0, +-inf and NaN are returned as they are.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"

namespace ctgrad::math::ct {

constexpr double cbrt(double x) noexcept {
  if (detail::isnan(x) || detail::isinf(x) || x == 0.0) return x;
  const auto sp = detail::split_exponent(detail::abs(x));
  int q = sp.e / 3;
  int r = sp.e - 3 * q;
  if (r < 0) {
    r += 3;
    --q;
  }
  const double m = sp.m * detail::pow2(r);  // [1, 8), exact
  double y = 1.0 + (m - 1.0) / 3.0;
  for (int i = 0; i < 7; ++i) y -= (y * y * y - m) / (3.0 * y * y);
  const detail::dd y3 = detail::dd_mul(detail::two_prod(y, y), y);
  const double residual = ((m - y3.hi) - y3.lo);  // m - y3.hi is exact: y^3 is close to m
  y = y + residual / (3.0 * y * y);
  return detail::copysign(detail::ldexp(y, q), x);
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double cbrt(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::cbrt(x);
  return std::cbrt(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_CBRT_HPP_INCLUDED
