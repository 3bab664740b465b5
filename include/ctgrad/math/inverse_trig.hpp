#ifndef CTGRAD_MATH_INVERSE_TRIG_HPP_INCLUDED
#define CTGRAD_MATH_INVERSE_TRIG_HPP_INCLUDED
// atan, atan2, asin, acos.
//
// Method: all four reduce to one kernel, the angle atan(n/d) in [0, pi/2] of a quotient of two
// non-negative double-doubles. If n > d the complement pi/2 - atan(d/n) is used, so the quotient u
// is in [0, 1] (formed in double-double). Then u is reduced around the nearest c = k/8:
// atan u = atan c + atan t, t = (u - c)/(1 + u c) (in double-double), |t| <= 1/16, and atan t =
// t - t^3/3 + t^5/5 - ... (Taylor, truncated after t^15: the remainder is below 2^-68 relative).
// atan(k/8) and pi/2 are tabulated as double-doubles (docs/math_coefficients.py, 200-bit mpmath).
// The sum is formed in double-double and rounded once.
//  * atan2(y, x): both arguments are first scaled by the same power of two (exact), the quadrant
//    is applied in double-double (pi - a for x < 0), and special values follow C99 Annex F.
//  * asin x = atan(x / sqrt(1 - x^2)), acos x = atan(sqrt(1 - x^2) / x) (pi - ... for x < 0),
//    with 1 - x^2 = (1 - x)(1 + x) and its square root in double-double.
//
// Constant evaluation: asin or acos of |x| > 1 calls domain_error::asin_outside_minus_one_to_one()
// or domain_error::acos_outside_minus_one_to_one(). At run time they give NaN, as std::asin.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "domain_error.hpp"
#include "sqrt.hpp"

namespace ctgrad::math::detail {

// atan(k/8) for k = 0..8, and pi/2, pi (docs/math_coefficients.py).
inline constexpr dd atan_table[9] = {
    {0.0, 0.0},
    {0x1.fd5ba9aac2f6ep-4, -0x1.cd37686760c17p-59},
    {0x1.f5b75f92c80ddp-3, 0x1.8ab6e3cf7afbdp-57},
    {0x1.6f61941e4def1p-2, -0x1.c63aae6f6e918p-56},
    {0x1.dac670561bb4fp-2, 0x1.a2b7f222f65e2p-56},
    {0x1.1e00babdefeb4p-1, -0x1.928df287a668fp-58},
    {0x1.4978fa3269ee1p-1, 0x1.2419a87f2a458p-56},
    {0x1.700a7c5784634p-1, -0x1.8c34d25aadef6p-56},
    {0x1.921fb54442d18p-1, 0x1.1a62633145c07p-55},
};
inline constexpr dd half_pi_dd{0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54};
inline constexpr dd pi_dd{0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53};
inline constexpr double pi_rounded = 0x1.921fb54442d18p+1;
inline constexpr double half_pi_rounded = 0x1.921fb54442d18p+0;
inline constexpr double quarter_pi_rounded = 0x1.921fb54442d18p-1;
inline constexpr double three_quarter_pi_rounded = 0x1.2d97c7f3321d2p+1;

constexpr dd dd_neg(dd a) noexcept {
  return {-a.hi, -a.lo};
}

// atan u for a double-double u in [0, 1].
constexpr dd atan_unit(dd u) noexcept {
  const int k = static_cast<int>(u.hi * 8.0 + 0.5);
  const double c = k * 0.125;
  dd t = u;
  if (k != 0) {
    const dd num = dd_add(u, -c);
    const dd den = dd_add(dd_mul(u, c), 1.0);
    t = dd_div(num, den);
  }
  const double z = t.hi * t.hi;
  const double p =
      -1.0 / 3.0 +
      z * (1.0 / 5.0 +
           z * (-1.0 / 7.0 +
                z * (1.0 / 9.0 + z * (-1.0 / 11.0 + z * (1.0 / 13.0 + z * (-1.0 / 15.0))))));
  const double tail = t.hi * z * p;
  return dd_add(dd_add(atan_table[k], t), tail);
}

// atan(n/d) in [0, pi/2] for double-doubles n, d >= 0 with hi parts in about [2^-70, 2^70], or
// one of them zero (not both).
constexpr dd atan_ratio(dd n, dd d) noexcept {
  if (n.hi <= d.hi) return atan_unit(dd_div(n, d));
  return dd_add(half_pi_dd, dd_neg(atan_unit(dd_div(d, n))));
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math::ct {

constexpr double atan(double x) noexcept {
  if (detail::isnan(x)) return x;
  const double a = detail::abs(x);
  if (a < 0x1p-27) return x;  // atan x = x (1 - x^2/3 + ...), x^2/3 below half an ULP
  if (a > 0x1p60) return detail::copysign(detail::half_pi_rounded, x);  // also +-inf
  return detail::copysign(detail::atan_ratio({a, 0.0}, {1.0, 0.0}).hi, x);
}

constexpr double atan2(double y, double x) noexcept {
  if (detail::isnan(x) || detail::isnan(y)) return detail::quiet_nan();
  const bool x_negative = detail::signbit(x);
  if (y == 0.0) return x_negative ? detail::copysign(detail::pi_rounded, y) : y;
  if (x == 0.0) return detail::copysign(detail::half_pi_rounded, y);
  if (detail::isinf(y)) {
    if (detail::isinf(x)) {
      return detail::copysign(
          x_negative ? detail::three_quarter_pi_rounded : detail::quarter_pi_rounded, y);
    }
    return detail::copysign(detail::half_pi_rounded, y);
  }
  if (detail::isinf(x)) return x_negative ? detail::copysign(detail::pi_rounded, y) : y * 0.0;
  // Finite non-zero x, y: scale both so that the larger has exponent 0 (exact unless the smaller
  // is negligible, which is decided first).
  const double ay = detail::abs(y);
  const double ax = detail::abs(x);
  const int ey = detail::split_exponent(ay).e;
  const int ex = detail::split_exponent(ax).e;
  detail::dd angle{0.0, 0.0};
  if (ey - ex > 60) {
    angle = detail::half_pi_dd;  // pi/2 - ax/ay, ax/ay < 2^-60
  } else if (ex - ey > 60) {
    // atan(ay/ax) = ay/ax to 2^-120 relative; an underflowing quotient is formed only when x < 0
    // leaves it irrelevant next to pi.
    if (!x_negative) return detail::copysign(ay / ax, y);
    angle = {0.0, 0.0};
  } else {
    const int e = ey > ex ? ey : ex;
    angle = detail::atan_ratio({detail::ldexp(ay, -e), 0.0}, {detail::ldexp(ax, -e), 0.0});
  }
  if (x_negative) angle = detail::dd_add(detail::pi_dd, detail::dd_neg(angle));
  return detail::copysign(angle.hi, y);
}

constexpr double asin(double x) noexcept {
  if (detail::isnan(x)) return x;
  const double a = detail::abs(x);
  if (a > 1.0) {
    if (std::is_constant_evaluated()) domain_error::asin_outside_minus_one_to_one();
    return detail::quiet_nan();
  }
  if (a < 0x1p-27) return x;  // asin x = x (1 + x^2/6 + ...)
  const detail::dd s2 = detail::dd_mul(detail::two_sum(1.0, -a), detail::two_sum(1.0, a));
  const detail::dd s = detail::sqrt_dd(s2);
  return detail::copysign(detail::atan_ratio({a, 0.0}, s).hi, x);
}

constexpr double acos(double x) noexcept {
  if (detail::isnan(x)) return x;
  const double a = detail::abs(x);
  if (a > 1.0) {
    if (std::is_constant_evaluated()) domain_error::acos_outside_minus_one_to_one();
    return detail::quiet_nan();
  }
  if (a < 0x1p-60) return detail::half_pi_rounded;  // pi/2 - x
  const detail::dd s2 = detail::dd_mul(detail::two_sum(1.0, -a), detail::two_sum(1.0, a));
  const detail::dd s = detail::sqrt_dd(s2);
  const detail::dd angle = detail::atan_ratio(s, {a, 0.0});
  if (x < 0.0) return detail::dd_add(detail::pi_dd, detail::dd_neg(angle)).hi;
  return angle.hi;
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double atan(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::atan(x);
  return std::atan(x);
}

constexpr double atan2(double y, double x) noexcept {
  if (std::is_constant_evaluated()) return ct::atan2(y, x);
  return std::atan2(y, x);
}

constexpr double asin(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::asin(x);
  return std::asin(x);
}

constexpr double acos(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::acos(x);
  return std::acos(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_INVERSE_TRIG_HPP_INCLUDED
