#ifndef CTGRAD_MATH_HYPERBOLIC_HPP_INCLUDED
#define CTGRAD_MATH_HYPERBOLIC_HPP_INCLUDED
// sinh, cosh, asinh, acosh, atanh (tanh has its own header).
//
// Method:
//  * sinh, cosh: with t = e^|x| - 1 as a double-double (detail::expm1_dd), e^-|x| = 1/(1 + t),
//    sinh|x| = (t + t/(1 + t))/2 and cosh x = ((1 + t) + 1/(1 + t))/2, both sums of positive
//    terms formed in double-double and rounded once. For |x| > 22, e^-|x| is below 2^-63 of the
//    result, which is e^|x|/2 = 2^(k-1) e^r from the exp kernel (one rounding; no overflow of e^|x|
//    for results just below DBL_MAX).
//  * asinh|x| = log1p(|x| + x^2/(1 + sqrt(1 + x^2))), acosh x = log1p((x - 1) + sqrt((x - 1)(x +
//    1))), atanh|x| = log1p(2|x|/(1 - |x|))/2: the argument of log1p is formed in double-double
//    (no cancellation: every term is positive), and log1p is evaluated on it with the low part
//    added as a first-order correction. Above 2^28, asinh and acosh are log(2|x|) (x^-2 is below
//    2^-56 there), the factor 2 added to the exponent so that 2|x| never overflows.
//
// Constant evaluation: sinh or cosh beyond DBL_MAX calls
// domain_error::sinh_or_cosh_overflows_double(); acosh of x < 1 calls
// domain_error::acosh_below_one(); atanh of |x| >= 1 (the poles +-1 included) calls
// domain_error::atanh_outside_minus_one_to_one(). At run time these give +-inf, NaN, NaN and +-inf
// at +-1, as std::.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "domain_error.hpp"
#include "exp.hpp"
#include "log.hpp"
#include "sqrt.hpp"

namespace ctgrad::math::detail {

// sinh and cosh exceed DBL_MAX above this (docs/math_coefficients.py).
inline constexpr double sinh_overflow_threshold = 0x1.633ce8fb9f87dp+9;  // 710.47...

// e^a / 2 for 22 < a <= sinh_overflow_threshold.
constexpr double half_exp(double a) noexcept {
  const auto red = reduce_ln2(a);
  return ldexp(exp_kernel(red.hi, red.lo), red.k - 1);
}

// log(1 + v.hi + v.lo) for v.hi > -1, v.lo tiny next to v.hi: log1p with the low part and the
// rounding error of 1 + v.hi added to first order.
constexpr double log1p_dd(dd v) noexcept {
  const double x = v.hi;
  const double u = 1.0 + x;
  const auto sp = split_log(u);
  if (sp.e == 0) return log_kernel(0, x, v.lo / u);
  double d = 0.0;
  if (sp.e < 54) d = u >= 1.0 ? x - (u - 1.0) : x + (1.0 - u);
  return log_kernel(sp.e, sp.m - 1.0, (d + v.lo) / u);
}

// log(2a) for finite a > 0, without forming 2a.
constexpr double log_twice(double a) noexcept {
  const auto sp = split_log(a);
  return log_kernel(sp.e + 1, sp.m - 1.0, 0.0);
}

constexpr double hyperbolic_overflow(double sign) noexcept {
  if (std::is_constant_evaluated()) domain_error::sinh_or_cosh_overflows_double();
  return copysign(infinity(), sign);
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math::ct {

constexpr double sinh(double x) noexcept {
  if (detail::isnan(x)) return x;
  const double a = detail::abs(x);
  if (a < 0x1p-28) return x;  // sinh x = x (1 + x^2/6 + ...)
  if (a > detail::sinh_overflow_threshold) return detail::hyperbolic_overflow(x);
  if (a > 22.0) return detail::copysign(detail::half_exp(a), x);
  const detail::dd t = detail::expm1_dd(a);
  const detail::dd q = detail::dd_div(t, detail::dd_add(t, 1.0));
  return detail::copysign(0.5 * detail::dd_add(t, q).hi, x);
}

constexpr double cosh(double x) noexcept {
  if (detail::isnan(x)) return x;
  const double a = detail::abs(x);
  if (a < 0x1p-27) return 1.0;  // cosh x = 1 + x^2/2 + ..., x^2/2 below half an ULP of 1
  if (a > detail::sinh_overflow_threshold) return detail::hyperbolic_overflow(1.0);
  if (a > 22.0) return detail::half_exp(a);
  const detail::dd e = detail::dd_add(detail::expm1_dd(a), 1.0);
  const detail::dd inv = detail::dd_div(detail::dd{1.0, 0.0}, e);
  return 0.5 * detail::dd_add(e, inv).hi;
}

constexpr double asinh(double x) noexcept {
  if (detail::isnan(x) || detail::isinf(x)) return x;
  const double a = detail::abs(x);
  if (a < 0x1p-28) return x;  // asinh x = x (1 - x^2/6 + ...)
  if (a > 0x1p28) return detail::copysign(detail::log_twice(a), x);
  const detail::dd a2 = detail::two_prod(a, a);
  const detail::dd s = detail::sqrt_dd(detail::dd_add(a2, 1.0));
  const detail::dd v = detail::dd_add(detail::dd_div(a2, detail::dd_add(s, 1.0)), a);
  return detail::copysign(detail::log1p_dd(v), x);
}

constexpr double acosh(double x) noexcept {
  if (detail::isnan(x)) return x;
  if (x < 1.0) {
    if (std::is_constant_evaluated()) domain_error::acosh_below_one();
    return detail::quiet_nan();
  }
  if (x == 1.0) return 0.0;
  if (detail::isinf(x)) return x;
  if (x > 0x1p28) return detail::log_twice(x);
  const detail::dd below = detail::two_sum(x, -1.0);
  const detail::dd above = detail::two_sum(x, 1.0);
  const detail::dd s = detail::sqrt_dd(detail::dd_mul(below, above));
  return detail::log1p_dd(detail::dd_add(below, s));
}

constexpr double atanh(double x) noexcept {
  if (detail::isnan(x)) return x;
  const double a = detail::abs(x);
  if (a >= 1.0) {
    if (std::is_constant_evaluated()) domain_error::atanh_outside_minus_one_to_one();
    return a == 1.0 ? detail::copysign(detail::infinity(), x) : detail::quiet_nan();
  }
  if (a < 0x1p-28) return x;  // atanh x = x (1 + x^2/3 + ...)
  const detail::dd v = detail::dd_div(detail::dd{2.0 * a, 0.0}, detail::two_sum(1.0, -a));
  return detail::copysign(0.5 * detail::log1p_dd(v), x);
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double sinh(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::sinh(x);
  return std::sinh(x);
}

constexpr double cosh(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::cosh(x);
  return std::cosh(x);
}

constexpr double asinh(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::asinh(x);
  return std::asinh(x);
}

constexpr double acosh(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::acosh(x);
  return std::acosh(x);
}

constexpr double atanh(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::atanh(x);
  return std::atanh(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_HYPERBOLIC_HPP_INCLUDED
