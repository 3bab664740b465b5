#ifndef CTGRAD_MATH_SQRT_HPP_INCLUDED
#define CTGRAD_MATH_SQRT_HPP_INCLUDED
// sqrt, correctly rounded.
//
// Method: x = m 4^j with m in [1, 4). A bit-level start (halving the exponent and mantissa fields
// interpolates sqrt linearly, within 6%) and five Newton steps y <- (y + m/y)/2 give y within an
// ULP or so; then y is moved to the correctly rounded result with exact tests: y is right iff
// y- y < m <= y y+ (y-, y+ the neighbouring doubles), the products computed exactly with Dekker's
// two_prod. The final scaling by 2^j is exact.
//
// Constant evaluation: a negative argument calls domain_error::sqrt_of_a_negative_number().
// At run time it gives NaN, as std::sqrt; sqrt(-0) = -0.

#include <cmath>
#include <cstdint>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "domain_error.hpp"

namespace ctgrad::math::detail {

// m > a * b, evaluated exactly (a * b close to m, so m - p is exact by Sterbenz's lemma).
constexpr bool exceeds_product(double m, double a, double b) noexcept {
  const dd p = two_prod(a, b);
  return m - p.hi > p.lo;
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math::ct {

constexpr double sqrt(double x) noexcept {
  if (detail::isnan(x)) return x;
  if (x < 0.0) {
    if (std::is_constant_evaluated()) domain_error::sqrt_of_a_negative_number();
    return detail::quiet_nan();
  }
  if (x == 0.0 || detail::isinf(x)) return x;
  auto [m, e] = detail::split_exponent(x);
  if (e % 2 != 0) {
    m *= 2.0;
    --e;
  }
  constexpr std::uint64_t one = 0x3ff0'0000'0000'0000ULL;
  double y = detail::from_bits((detail::to_bits(m) >> 1) + (one >> 1));
  for (int i = 0; i < 5; ++i) y = 0.5 * (y + m / y);
  for (int i = 0; i < 3; ++i) {
    if (detail::exceeds_product(m, y, detail::next_up(y))) {
      y = detail::next_up(y);
    } else if (!detail::exceeds_product(m, detail::next_down(y), y)) {
      y = detail::next_down(y);
    } else {
      break;
    }
  }
  return detail::ldexp(y, e / 2);
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math::detail {

// sqrt of a non-negative double-double, to ~106 bits: one correction of the double square root.
constexpr dd sqrt_dd(dd a) noexcept {
  const double h = ct::sqrt(a.hi);
  if (h == 0.0) return {0.0, 0.0};
  const dd p = two_prod(h, h);
  const double r = (((a.hi - p.hi) - p.lo) + a.lo) / (2.0 * h);
  return fast_two_sum(h, r);
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math {

constexpr double sqrt(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::sqrt(x);
  return std::sqrt(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_SQRT_HPP_INCLUDED
