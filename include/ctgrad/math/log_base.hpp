#ifndef CTGRAD_MATH_LOG_BASE_HPP_INCLUDED
#define CTGRAD_MATH_LOG_BASE_HPP_INCLUDED
// log2 and log10.
//
// Method: log x as a double-double (detail::log_dd, the ~2^-100 relative logarithm that pow uses),
// multiplied in double-double by 1/ln2 or 1/ln10 (tabulated as double-doubles by
// docs/math_coefficients.py) and rounded once. Exact powers of the base give exact results
// (log2(8) = 3, log10(1e22) = 22): the double-double product is within 2^-100 of the integer.
//
// Constant evaluation: a negative argument calls domain_error::log_of_a_negative_number(), zero
// calls domain_error::log_of_zero(), as log does. At run time these give NaN and -inf.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "domain_error.hpp"
#include "pow.hpp"

namespace ctgrad::math::detail {

inline constexpr dd inv_ln2_dd{0x1.71547652b82fep+0, 0x1.777d0ffda0d24p-56};
inline constexpr dd inv_ln10_dd{0x1.bcb7b1526e50ep-2, 0x1.95355baaafad3p-57};

// log(x) / ln(base) for any x, with the special values and domain errors of log.
constexpr double log_in_base(double x, dd inv_ln_base) noexcept {
  if (isnan(x)) return x;
  if (x < 0.0) {
    if (std::is_constant_evaluated()) domain_error::log_of_a_negative_number();
    return quiet_nan();
  }
  if (x == 0.0) {
    if (std::is_constant_evaluated()) domain_error::log_of_zero();
    return -infinity();
  }
  if (isinf(x)) return x;
  if (x == 1.0) return 0.0;
  return dd_mul(log_dd(x), inv_ln_base).hi;
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math::ct {

constexpr double log2(double x) noexcept {
  return detail::log_in_base(x, detail::inv_ln2_dd);
}

constexpr double log10(double x) noexcept {
  return detail::log_in_base(x, detail::inv_ln10_dd);
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double log2(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::log2(x);
  return std::log2(x);
}

constexpr double log10(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::log10(x);
  return std::log10(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_LOG_BASE_HPP_INCLUDED
