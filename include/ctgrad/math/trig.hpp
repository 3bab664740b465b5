#ifndef CTGRAD_MATH_TRIG_HPP_INCLUDED
#define CTGRAD_MATH_TRIG_HPP_INCLUDED
// sin, cos, tan.
//
// Method: x = k pi/2 + r with |r| <= ~pi/4, r kept as a double-double (hi + lo), then Taylor
// kernels on r chosen by k mod 4. The reduction decides the accuracy near the zeros: there
// x - k pi/2 cancels almost completely, so pi/2 must be known to far more than 53 bits.
//  * |x| < 2^20 pi/2: Cody-Waite with pi/2 split in four parts, the first three of 33 bits so
//    that k * part is exact; the partial differences are exact or tracked with two_sum, which
//    keeps ~100 correct bits of r even when r is tiny.
//  * larger |x|: Payne-Hanek. x = M 2^E (M a 53-bit integer) is multiplied exactly by the few
//    24-bit chunks of 2/pi that matter (higher chunks only add multiples of 4, lower ones are
//    below the precision needed), in integer arithmetic; the quadrant and ~160 fraction bits are
//    read off the product.
// Kernels (truncation < 2^-60 on |r| <= pi/4): sin r = r + r^3 P(r^2); cos r = 1 - r^2/2 + r^4
// Q(r^2) with r^2 exact and 1 - r^2/2 evaluated with its rounding error added back. tan = sin/cos
// of the reduced argument (-cos/sin in odd quadrants), both kernels kept as double-doubles and
// divided in double-double.
//
// Constant evaluation: an infinite argument calls domain_error::trig_of_infinity().
// At run time NaN and +-inf give NaN, as std::sin.

#include <cmath>
#include <cstdint>
#include <type_traits>

#include "detail/bits.hpp"
#include "detail/double_double.hpp"
#include "domain_error.hpp"

namespace ctgrad::math::detail {

inline constexpr double pio4 = 0x1.921fb54442d18p-1;
inline constexpr double two_over_pi = 0x1.45f306dc9c883p-1;
inline constexpr dd pio2_dd{0x1.921fb54442d18p0, 0x1.1a62633145c07p-54};

// Binary expansion of 2/pi in 24-bit chunks: 2/pi = sum_i two_over_pi_bits[i] 2^(-24 (i + 1)).
inline constexpr std::uint32_t two_over_pi_bits[] = {
    0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163,
    0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129,
    0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c,
    0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
    0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
    0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b};

// x = quadrant pi/2 + hi + lo (quadrant taken mod 4).
struct pio2_reduction {
  int quadrant;
  double hi;
  double lo;
};

// Payne-Hanek for finite |x| >= 2^20 (x > 0; the caller handles the sign).
constexpr pio2_reduction reduce_pio2_large(double x) noexcept {
  constexpr int chunks = 8;          // chunks of 2/pi used: 192 bits
  constexpr int limbs = chunks + 2;  // product limbs, base 2^24, most significant first
  const std::uint64_t bits = to_bits(x);
  const int exp2 = static_cast<int>((bits & exponent_mask) >> 52) - 1075;  // x = M 2^exp2
  const std::uint64_t mant = (bits & mantissa_mask) | (1ULL << 52);
  const std::uint64_t m[3] = {mant & 0xffffff, (mant >> 24) & 0xffffff, mant >> 48};

  // Chunks before `first` contribute multiples of 4 (M c_i 2^(exp2 - 24(i+1)) with exponent >= 2).
  const int first = exp2 >= 2 ? (exp2 - 2) / 24 : 0;
  const int q0 = exp2 - 24 * (first + 1);  // weight of the first chunk's product

  // acc[p] has weight 2^(q0 + 48 - 24 p): the product M x chunks, in base 2^24.
  std::uint64_t acc[limbs] = {};
  for (int b = 0; b < chunks; ++b)
    for (int a = 0; a < 3; ++a) acc[b - a + 2] += m[a] * two_over_pi_bits[first + b];
  for (int p = limbs - 1; p > 0; --p) {
    acc[p - 1] += acc[p] >> 24;
    acc[p] &= 0xffffff;
  }
  acc[0] &= 0xffffff;  // the bits above only add multiples of 4

  // Read the product as one big integer A (bit 0 = lowest bit of the last limb); the binary
  // point of x 2/pi sits at bit `point`.
  const int point = -(q0 + 48 - 24 * (limbs - 1));
  auto bit = [&](int i) -> std::uint64_t {
    if (i < 0 || i >= 24 * limbs) return 0;
    return (acc[limbs - 1 - i / 24] >> (i % 24)) & 1;
  };
  int quadrant = static_cast<int>(bit(point) | (bit(point + 1) << 1));
  // Fraction f in [0, 1): when f >= 1/2, round up and use f - 1 = -(1 - f), with 1 - f read as the
  // complemented bits, so that values just below a multiple of pi/2 keep all their bits too.
  const bool round_up = bit(point - 1) != 0;
  dd frac{0.0, 0.0};
  for (int g = 7; g >= 1; --g) {  // seven 24-bit groups below the binary point, smallest first
    std::uint64_t group = 0;
    for (int i = 0; i < 24; ++i) group = (group << 1) | bit(point - 24 * (g - 1) - 1 - i);
    if (round_up) group ^= 0xffffff;
    frac = dd_add(frac, ldexp(static_cast<double>(group), -24 * g));
  }
  if (round_up) {
    frac = {-frac.hi, -frac.lo};
    ++quadrant;
  }
  const dd r = dd_mul(pio2_dd, frac);
  return {quadrant & 3, r.hi, r.lo};
}

constexpr pio2_reduction reduce_pio2(double x) noexcept {
  if (abs(x) <= pio4) return {0, x, 0.0};
  if (abs(x) < 0x1p20) {
    const double kd = round_to_int(x * two_over_pi);
    const double t1 = x - kd * pio2_1;  // exact: k * pio2_1 is exact and close to x
    const dd a = two_sum(t1, -(kd * pio2_2));
    const dd b = two_sum(a.hi, -(kd * pio2_3));
    const double lo = (a.lo + b.lo) - kd * pio2_4;
    const dd r = fast_two_sum(b.hi, lo);
    return {static_cast<int>(static_cast<long long>(kd) & 3), r.hi, r.lo};
  }
  if (x < 0.0) {
    const auto red = reduce_pio2_large(-x);
    return {(4 - red.quadrant) & 3, -red.hi, -red.lo};
  }
  return reduce_pio2_large(x);
}

// sin(x + y) for |x| <= ~pi/4, |y| tiny, as an unevaluated sum hi + lo (hi the rounded result).
constexpr dd sin_kernel_dd(double x, double y) noexcept {
  const double z = x * x;
  const double p =
      -1.0 / 6.0 +
      z * (1.0 / 120.0 +
           z * (-1.0 / 5040.0 +
                z * (1.0 / 362880.0 + z * (-1.0 / 39916800.0 +
                                           z * (1.0 / 6227020800.0 +
                                                z * (-1.0 / 1307674368000.0 +
                                                     z * (1.0 / 355687428096000.0 +
                                                          z * (-1.0 / 121645100408832000.0))))))));
  return fast_two_sum(x, z * x * p + y * (1.0 - 0.5 * z));
}

// cos(x + y) for |x| <= ~pi/4, |y| tiny, as hi + lo. x^2 is formed exactly so that 1 - x^2/2, the
// dominant part, carries only its final rounding.
constexpr dd cos_kernel_dd(double x, double y) noexcept {
  const dd zz = two_prod(x, x);
  const double z = zz.hi;
  const double q =
      1.0 / 24.0 +
      z * (-1.0 / 720.0 +
           z * (1.0 / 40320.0 + z * (-1.0 / 3628800.0 +
                                     z * (1.0 / 479001600.0 +
                                          z * (-1.0 / 87178291200.0 +
                                               z * (1.0 / 20922789888000.0 +
                                                    z * (-1.0 / 6402373705728000.0 +
                                                         z * (1.0 / 2432902008176640000.0))))))));
  const double hz = 0.5 * z;
  const double w = 1.0 - hz;
  return fast_two_sum(w, (((1.0 - w) - hz) - 0.5 * zz.lo) + (z * z * q - x * y));
}

constexpr double sin_kernel(double x, double y) noexcept {
  return sin_kernel_dd(x, y).hi;
}
constexpr double cos_kernel(double x, double y) noexcept {
  return cos_kernel_dd(x, y).hi;
}

// NaN, or for +-inf NaN after reporting the domain error during constant evaluation.
constexpr double trig_of_non_finite(double x) noexcept {
  if (isnan(x)) return x;
  if (std::is_constant_evaluated()) domain_error::trig_of_infinity();
  return quiet_nan();
}

}  // namespace ctgrad::math::detail

namespace ctgrad::math::ct {

constexpr double sin(double x) noexcept {
  if (!detail::isfinite(x)) return detail::trig_of_non_finite(x);
  if (x == 0.0) return x;  // keeps the sign of zero
  const auto red = detail::reduce_pio2(x);
  switch (red.quadrant) {
    case 0:
      return detail::sin_kernel(red.hi, red.lo);
    case 1:
      return detail::cos_kernel(red.hi, red.lo);
    case 2:
      return -detail::sin_kernel(red.hi, red.lo);
    default:
      return -detail::cos_kernel(red.hi, red.lo);
  }
}

constexpr double cos(double x) noexcept {
  if (!detail::isfinite(x)) return detail::trig_of_non_finite(x);
  const auto red = detail::reduce_pio2(x);
  switch (red.quadrant) {
    case 0:
      return detail::cos_kernel(red.hi, red.lo);
    case 1:
      return -detail::sin_kernel(red.hi, red.lo);
    case 2:
      return -detail::cos_kernel(red.hi, red.lo);
    default:
      return detail::sin_kernel(red.hi, red.lo);
  }
}

constexpr double tan(double x) noexcept {
  if (!detail::isfinite(x)) return detail::trig_of_non_finite(x);
  if (x == 0.0) return x;
  const auto red = detail::reduce_pio2(x);
  const detail::dd s = detail::sin_kernel_dd(red.hi, red.lo);
  const detail::dd c = detail::cos_kernel_dd(red.hi, red.lo);
  // The quotient in double-double: the result then carries about one rounding, not three.
  if ((red.quadrant & 1) == 0) return detail::dd_div(s, c).hi;
  return -detail::dd_div(c, s).hi;
}

}  // namespace ctgrad::math::ct

namespace ctgrad::math {

constexpr double sin(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::sin(x);
  return std::sin(x);
}

constexpr double cos(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::cos(x);
  return std::cos(x);
}

constexpr double tan(double x) noexcept {
  if (std::is_constant_evaluated()) return ct::tan(x);
  return std::tan(x);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_MATH_TRIG_HPP_INCLUDED
