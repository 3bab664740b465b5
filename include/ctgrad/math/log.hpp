#ifndef CTGRAD_MATH_LOG_HPP_INCLUDED
#define CTGRAD_MATH_LOG_HPP_INCLUDED
// log and log1p.
//
// Method: x = 2^k m with m in [sqrt(1/2), sqrt(2)), f = m - 1 (exact). With s = f / (2 + f),
// log(1 + f) = 2 atanh(s) = 2s + 2s^3/3 + 2s^5/5 + ...; since 2s = f - f^2/2 + s f^2/2 this is
// rearranged as  f - f^2/2 + s (f^2/2 + R),  R = sum_{n>=1} 2 s^2n / (2n+1),  so that the dominant
// term f is added last and exactly once. |s| <= 0.1716, so 11 series terms reach 2^-60. k ln2 is
// added in two parts (ln2_hi exact in products with k), which keeps the error below 1 ULP.
// log1p computes u = 1 + x, takes k and m from u, and adds back the rounding error of u to first
// order ((1 + x - u) / u); when k = 0, f = x exactly.
//
// Constant evaluation: a negative argument (log1p: below -1) calls
// domain_error::log_of_a_negative_number(), zero (log1p: -1) calls domain_error::log_of_zero().
// At run time these give NaN and -inf, as std::log.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "domain_error.hpp"

namespace ctgrad::math::detail {

inline constexpr double sqrt2 = 0x1.6a09e667f3bcdp0;

// k ln2 + log(1 + f) + c, for f in [sqrt(1/2) - 1, sqrt(2) - 1] and a small correction c.
constexpr double log_kernel(int k, double f, double c) noexcept {
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double hfsq = 0.5 * f * f;
  const double R =
      z * (2.0 / 3.0 +
           z * (2.0 / 5.0 +
                z * (2.0 / 7.0 +
                     z * (2.0 / 9.0 +
                          z * (2.0 / 11.0 +
                               z * (2.0 / 13.0 +
                                    z * (2.0 / 15.0 +
                                         z * (2.0 / 17.0 +
                                              z * (2.0 / 19.0 +
                                                   z * (2.0 / 21.0 + z * (2.0 / 23.0)))))))))));
  const double kd = k;
  return kd * ln2_hi - ((hfsq - (s * (hfsq + R) + (kd * ln2_lo + c))) - f);
}

// For finite x > 0: x = 2^k m, m in [sqrt(1/2), sqrt(2)).
constexpr split_result split_log(double x) noexcept {
  auto sp = split_exponent(x);
  if (sp.m > sqrt2) {
    sp.m *= 0.5;
    ++sp.e;
  }
  return sp;
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math::ct {

constexpr double log(double x) noexcept {
  if (detail::isnan(x)) return x;
  if (x < 0.0) {
    if (std::is_constant_evaluated()) domain_error::log_of_a_negative_number();
    return detail::quiet_nan();
  }
  if (x == 0.0) {
    if (std::is_constant_evaluated()) domain_error::log_of_zero();
    return -detail::infinity();
  }
  if (detail::isinf(x)) return x;
  const auto sp = detail::split_log(x);
  return detail::log_kernel(sp.e, sp.m - 1.0, 0.0);
}

// log(1 + x), accurate also when |x| is tiny.
constexpr double log1p(double x) noexcept {
  if (detail::isnan(x)) return x;
  if (x < -1.0) {
    if (std::is_constant_evaluated()) domain_error::log_of_a_negative_number();
    return detail::quiet_nan();
  }
  if (x == -1.0) {
    if (std::is_constant_evaluated()) domain_error::log_of_zero();
    return -detail::infinity();
  }
  if (detail::isinf(x) || x == 0.0) return x;  // +inf, and keeps the sign of zero
  const double u = 1.0 + x;
  const auto sp = detail::split_log(u);
  if (sp.e == 0) return detail::log_kernel(0, x, 0.0);  // u = m, and f = u - 1 is x exactly
  double c = 0.0;
  if (sp.e < 54) {
    // 1 + x - u exactly (both subtractions are exact), divided by u: log(u + d) ~ log(u) + d/u.
    const double d = u >= 1.0 ? x - (u - 1.0) : x + (1.0 - u);
    c = d / u;
  }
  return detail::log_kernel(sp.e, sp.m - 1.0, c);
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double log(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::log(x);
  return std::log(x);
}

constexpr double log1p(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::log1p(x);
  return std::log1p(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_LOG_HPP_INCLUDED
