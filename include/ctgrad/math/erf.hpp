#ifndef CTGRAD_MATH_ERF_HPP_INCLUDED
#define CTGRAD_MATH_ERF_HPP_INCLUDED
// erf and erfc.
//
// Method:
//  * |x| <= 2.5: the Maclaurin series erf x = 2/sqrt(pi) sum_n (-1)^n x^(2n+1) / (n! (2n+1)),
//    summed in double-double (x^2 exact from a Dekker product) until the terms fall below 2^-110
//    of the sum. The alternating terms cancel by at most ~7 bits at 2.5, so the sum keeps ~95
//    bits: enough for erf, and for erfc = 1 - erf (>= 4e-4 there) to full double precision.
//  * x > 2.5: Laplace's continued fraction erfc x = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x +
//    (3/2)/(x + ...)))), 60 levels evaluated from the bottom up (truncation below 2^-60 for
//    x >= 2.5), with e^(-x^2) from x^2 as a double-double (pow's exp_dd). e^(-x^2) is computed
//    scaled by 2^60 and scaled back last, so that subnormal results are rounded once.
//    The last four levels and the quotient are formed in double-double. erf x = 1 - erfc x and
//    erfc(-x) = 2 - erfc x there; erf is +-1 beyond 6, erfc is 0 beyond 28 and 2 below -6.
// 2/sqrt(pi) and 1/sqrt(pi) are double-doubles from docs/math_coefficients.py. No domain errors:
// erf(+-inf) = +-1, erfc(+inf) = 0, erfc(-inf) = 2, NaN gives NaN; erf(+-0) = +-0.

#include <cmath>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "exp.hpp"
#include "pow.hpp"

namespace ctgrad::math::detail {

inline constexpr dd two_over_sqrt_pi_dd{0x1.20dd750429b6dp+0, 0x1.1ae3a914fed80p-56};
inline constexpr dd inv_sqrt_pi_dd{0x1.20dd750429b6dp-1, 0x1.1ae3a914fed80p-57};

// erf x as a double-double, for |x| <= 2.5.
constexpr dd erf_series(double x) noexcept {
  const dd x2 = two_prod(x, x);
  const dd minus_x2{-x2.hi, -x2.lo};
  dd power{x, 0.0};  // (-1)^n x^(2n+1) / n!
  dd sum{x, 0.0};
  for (int n = 1; n < 100; ++n) {
    power = dd_div(dd_mul(power, minus_x2), dd{static_cast<double>(n), 0.0});
    const dd term = dd_div(power, dd{static_cast<double>(2 * n + 1), 0.0});
    sum = dd_add(sum, term);
    if (abs(term.hi) < 0x1p-110 * abs(sum.hi)) break;
  }
  return dd_mul(sum, two_over_sqrt_pi_dd);
}

// erfc x for x > 2.5 (0 beyond 28).
constexpr double erfc_large(double x) noexcept {
  if (x > 28.0) return 0.0;
  double fd = x;
  for (int k = 60; k >= 5; --k) fd = x + (0.5 * k) / fd;
  dd f{fd, 0.0};  // the last levels, which decide the rounding, in double-double
  for (int k = 4; k >= 1; --k) f = dd_add(dd_div(dd{0.5 * k, 0.0}, f), x);
  // e^(-x^2) 2^60: the exponent -x^2 + 60 ln2 in double-double.
  const dd x2 = two_prod(x, x);
  const dd z = dd_add(dd_mul(ln2_dd, 60.0), dd{-x2.hi, -x2.lo});
  const double e = exp_dd(z);
  const dd r = dd_div(dd_mul(inv_sqrt_pi_dd, e), f);
  return ldexp(r.hi, -60);
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math::ct {

constexpr double erf(double x) noexcept {
  if (detail::isnan(x) || x == 0.0) return x;
  const double a = detail::abs(x);
  if (a > 6.0) return detail::copysign(1.0, x);  // 1 - erf(6) < 2^-54
  if (a <= 2.5) return detail::erf_series(x).hi;
  return detail::copysign(1.0 - detail::erfc_large(a), x);
}

constexpr double erfc(double x) noexcept {
  if (detail::isnan(x)) return x;
  if (x < -6.0) return 2.0;  // erfc(-6) = 2 - 2e-17
  if (x < -2.5) return 2.0 - detail::erfc_large(-x);
  if (x <= 2.5) {
    const detail::dd e = detail::erf_series(x);
    return detail::dd_add(detail::dd{-e.hi, -e.lo}, 1.0).hi;
  }
  return detail::erfc_large(x);
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double erf(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::erf(x);
  return std::erf(x);
}

constexpr double erfc(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::erfc(x);
  return std::erfc(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_ERF_HPP_INCLUDED
