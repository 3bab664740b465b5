#ifndef CTGRAD_MATH_DETAIL_DOUBLE_DOUBLE_HPP_INCLUDED
#define CTGRAD_MATH_DETAIL_DOUBLE_DOUBLE_HPP_INCLUDED
// Double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi)/2, about 106 significant bits.
// Used where a plain double loses too much: pow (log in extended precision) and the trigonometric
// argument reduction. Products are split with Dekker's method rather than an fma, so the results
// are the same in constant evaluation and at run time. Every step is a separate statement so that
// floating-point contraction cannot change the error-free transformations.

namespace ctgrad::math::detail {

struct dd {
  double hi;
  double lo;
};

// a + b = s + e exactly, for any a, b (Knuth).
constexpr dd two_sum(double a, double b) noexcept {
  const double s = a + b;
  const double bb = s - a;
  const double aa = s - bb;
  const double eb = b - bb;
  const double ea = a - aa;
  return {s, ea + eb};
}

// a + b = s + e exactly, for |a| >= |b| or a == 0 (Dekker).
constexpr dd fast_two_sum(double a, double b) noexcept {
  const double s = a + b;
  const double z = s - a;
  return {s, b - z};
}

// a = hi + lo with hi holding the upper 26 bits (|a| < 2^995, so the scaling cannot overflow).
constexpr dd split(double a) noexcept {
  const double t = 134217729.0 * a;  // 2^27 + 1
  const double d = t - a;
  const double hi = t - d;
  return {hi, a - hi};
}

// a * b = p + e exactly (Dekker), barring overflow and underflow of the partial products.
constexpr dd two_prod(double a, double b) noexcept {
  const double p = a * b;
  const dd as = split(a);
  const dd bs = split(b);
  const double e1 = as.hi * bs.hi - p;
  const double e2 = e1 + as.hi * bs.lo;
  const double e3 = e2 + as.lo * bs.hi;
  return {p, e3 + as.lo * bs.lo};
}

constexpr dd dd_add(dd a, dd b) noexcept {
  const dd s = two_sum(a.hi, b.hi);
  const dd t = two_sum(a.lo, b.lo);
  const dd u = fast_two_sum(s.hi, s.lo + t.hi);
  return fast_two_sum(u.hi, u.lo + t.lo);
}

constexpr dd dd_add(dd a, double b) noexcept {
  const dd s = two_sum(a.hi, b);
  return fast_two_sum(s.hi, s.lo + a.lo);
}

constexpr dd dd_mul(dd a, dd b) noexcept {
  const dd p = two_prod(a.hi, b.hi);
  const double cross = a.hi * b.lo + a.lo * b.hi;
  return fast_two_sum(p.hi, p.lo + cross);
}

constexpr dd dd_mul(dd a, double b) noexcept {
  const dd p = two_prod(a.hi, b);
  return fast_two_sum(p.hi, p.lo + a.lo * b);
}

// a / b: one correction step of the double quotient gives ~106 bits.
constexpr dd dd_div(dd a, dd b) noexcept {
  const double q1 = a.hi / b.hi;
  const dd r = dd_add(a, dd_mul(b, -q1));
  const double q2 = r.hi / b.hi;
  return fast_two_sum(q1, q2);
}

// Constants as unevaluated sums of doubles (hex literals: the exact values are the point).
// ln 2 = ln2_hi + ln2_lo, with ln2_hi's low 32 bits zero so that k * ln2_hi is exact for |k| <
// 2^20.
inline constexpr double ln2_hi = 0x1.62e42feep-1;
inline constexpr double ln2_lo = 0x1.a39ef35793c76p-33;
// ln 2 to ~106 bits: nearest double plus remainder.
inline constexpr dd ln2_dd{0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56};
inline constexpr double inv_ln2 = 0x1.71547652b82fep0;
// pi/2 = pio2_1 + pio2_2 + pio2_3 + pio2_4: the first three hold 33 bits each, so k * pio2_i is
// exact for |k| < 2^20; pio2_4 is the remainder rounded, pi/2 being known to ~150 bits in total.
inline constexpr double pio2_1 = 0x1.921fb544p0;
inline constexpr double pio2_2 = 0x1.0b4611a6p-34;
inline constexpr double pio2_3 = 0x1.3198a2ep-69;
inline constexpr double pio2_4 = 0x1.b839a252049c1p-104;

// n / d as a double-double, for building constants such as 2/3 at compile time.
constexpr dd dd_ratio(double n, double d) noexcept {
  return dd_div(dd{n, 0.0}, dd{d, 0.0});
}

}  // namespace ctgrad::math::detail

#endif  // CTGRAD_MATH_DETAIL_DOUBLE_DOUBLE_HPP_INCLUDED
