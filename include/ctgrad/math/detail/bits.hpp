#ifndef CTGRAD_MATH_DETAIL_BITS_HPP_INCLUDED
#define CTGRAD_MATH_DETAIL_BITS_HPP_INCLUDED
// Bit-level helpers for the constexpr elementary functions: everything here works in constant
// evaluation (std::bit_cast is constexpr; <cmath> classification and frexp/ldexp are not before
// C++23) and gives the IEEE result at run time.

#include <bit>
#include <cstdint>
#include <limits>

namespace ctgrad::math::detail {

inline constexpr std::uint64_t sign_mask = 0x8000'0000'0000'0000ULL;
inline constexpr std::uint64_t exponent_mask = 0x7ff0'0000'0000'0000ULL;
inline constexpr std::uint64_t mantissa_mask = 0x000f'ffff'ffff'ffffULL;

constexpr std::uint64_t to_bits(double x) noexcept {
  return std::bit_cast<std::uint64_t>(x);
}
constexpr double from_bits(std::uint64_t b) noexcept {
  return std::bit_cast<double>(b);
}

// Constants produced from bits: no arithmetic, so clang accepts them in constant expressions.
constexpr double infinity() noexcept {
  return std::numeric_limits<double>::infinity();
}
constexpr double quiet_nan() noexcept {
  return std::numeric_limits<double>::quiet_NaN();
}

constexpr bool isnan(double x) noexcept {
  return (to_bits(x) & ~sign_mask) > exponent_mask;
}
constexpr bool isinf(double x) noexcept {
  return (to_bits(x) & ~sign_mask) == exponent_mask;
}
constexpr bool isfinite(double x) noexcept {
  return (to_bits(x) & exponent_mask) != exponent_mask;
}
constexpr bool signbit(double x) noexcept {
  return (to_bits(x) & sign_mask) != 0;
}
// Zero and subnormals: the exponent field is all zeros.
constexpr bool is_zero_or_subnormal(double x) noexcept {
  return (to_bits(x) & exponent_mask) == 0;
}

constexpr double abs(double x) noexcept {
  return from_bits(to_bits(x) & ~sign_mask);
}
// |magnitude| with the sign of `sign` (also for zeros and NaN, as std::copysign).
constexpr double copysign(double magnitude, double sign) noexcept {
  return from_bits((to_bits(magnitude) & ~sign_mask) | (to_bits(sign) & sign_mask));
}

// 2^n for n in the normal exponent range [-1022, 1023], built exactly from its bits.
constexpr double pow2(int n) noexcept {
  return from_bits(static_cast<std::uint64_t>(n + 1023) << 52);
}

// x * 2^n with a single rounding, also when the result is subnormal: large shifts are applied in
// exact steps first, so that only the last multiplication can round.
constexpr double ldexp(double x, int n) noexcept {
  if (n > 1023) {
    x *= pow2(1023);
    n -= 1023;
    if (n > 1023) {
      x *= pow2(1023);
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // Scale by 2^-969 (= 2^-1022 * 2^53) so that the intermediate stays normal and exact.
    x *= pow2(-969);
    n += 969;
    if (n < -1022) {
      x *= pow2(-969);
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return x * pow2(n);
}

// For finite x > 0: x = m * 2^e with m in [1, 2). Subnormals are normalised first.
struct split_result {
  double m;
  int e;
};
constexpr split_result split_exponent(double x) noexcept {
  int bias = 0;
  if (is_zero_or_subnormal(x)) {
    x *= pow2(54);
    bias = 54;
  }
  const std::uint64_t b = to_bits(x);
  const int e = static_cast<int>((b & exponent_mask) >> 52) - 1023 - bias;
  const double m = from_bits((b & mantissa_mask) | 0x3ff0'0000'0000'0000ULL);
  return {m, e};
}

// Adjacent doubles for finite positive x (used by the correctly rounded sqrt).
constexpr double next_up(double x) noexcept {
  return from_bits(to_bits(x) + 1);
}
constexpr double next_down(double x) noexcept {
  return from_bits(to_bits(x) - 1);
}

// Round to the nearest integer, ties away from zero, for |x| < 2^52.
constexpr double round_to_int(double x) noexcept {
  return static_cast<double>(static_cast<long long>(x + copysign(0.5, x)));
}

}  // namespace ctgrad::math::detail

#endif  // CTGRAD_MATH_DETAIL_BITS_HPP_INCLUDED
