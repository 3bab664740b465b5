#pragma once
// Rules of the inverse trigonometric and hyperbolic functions, logarithms and powers to other
// bases, cbrt, hypot and the error function (see arithmetic.hpp for what a rule is). Each partial
// is written so that it neither overflows nor cancels where the function itself is finite: a
// square root of a product instead of 1 - a^2 near +-1, hypot instead of a sum of squares.
#include <cstddef>

#include "ctgrad/config.hpp"
#include "ctgrad/math/math.hpp"

namespace ctgrad::ops {

namespace detail {
inline constexpr double ln2 = 0x1.62e42fefa39efp-1;               // log(2) rounded
inline constexpr double ln10 = 0x1.26bb1bbb55516p+1;              // log(10) rounded
inline constexpr double two_over_sqrt_pi = 0x1.20dd750429b6dp+0;  // 2 / sqrt(pi) rounded
}  // namespace detail

// A function of one operand: value by ctgrad::math (or the scalar type's own overload, found by
// argument-dependent lookup), partial as given.
#define CTGRAD_MATH_VALUE(name)                        \
  static constexpr const char* symbol = #name;         \
  template <class T>                                   \
  CTGRAD_INLINE static constexpr T value(const T& a) { \
    using math::name;                                  \
    return name(a);                                    \
  }

struct sinh {
  CTGRAD_MATH_VALUE(sinh)
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::cosh;
    return cosh(a);
  }
};
struct cosh {
  CTGRAD_MATH_VALUE(cosh)
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::sinh;
    return sinh(a);
  }
};
struct asinh {
  CTGRAD_MATH_VALUE(asinh)
  // 1 / sqrt(1 + a^2), as 1 / hypot(1, a): no overflow for large a.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::hypot;
    return T(1) / hypot(T(1), a);
  }
};
struct acosh {
  CTGRAD_MATH_VALUE(acosh)
  // 1 / sqrt(a^2 - 1), as 1 / (sqrt(a - 1) sqrt(a + 1)): exact near 1, no overflow for large a.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::sqrt;
    return T(1) / (sqrt(a - T(1)) * sqrt(a + T(1)));
  }
};
struct atanh {
  CTGRAD_MATH_VALUE(atanh)
  // 1 / (1 - a^2), as 1 / ((1 - a)(1 + a)): exact near +-1.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return T(1) / ((T(1) - a) * (T(1) + a));
  }
};
struct atan {
  CTGRAD_MATH_VALUE(atan)
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return T(1) / (T(1) + a * a);
  }
};
struct asin {
  CTGRAD_MATH_VALUE(asin)
  // 1 / sqrt(1 - a^2), as 1 / sqrt((1 - a)(1 + a)): exact near +-1.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::sqrt;
    return T(1) / sqrt((T(1) - a) * (T(1) + a));
  }
};
struct acos {
  CTGRAD_MATH_VALUE(acos)
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::sqrt;
    return T(-1) / sqrt((T(1) - a) * (T(1) + a));
  }
};
struct log2 {
  CTGRAD_MATH_VALUE(log2)
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return T(1) / (a * T(detail::ln2));
  }
};
struct log10 {
  CTGRAD_MATH_VALUE(log10)
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return T(1) / (a * T(detail::ln10));
  }
};
struct exp2 {
  CTGRAD_MATH_VALUE(exp2)
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T&) {
    return y * T(detail::ln2);
  }
};
struct cbrt {
  CTGRAD_MATH_VALUE(cbrt)
  // 1 / (3 y^2): infinite at a = 0, where cbrt has a vertical tangent.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T&) {
    return T(1) / (T(3) * (y * y));
  }
};
struct erf {
  CTGRAD_MATH_VALUE(erf)
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::exp;
    return T(detail::two_over_sqrt_pi) * exp(-(a * a));
  }
};
struct erfc {
  CTGRAD_MATH_VALUE(erfc)
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::exp;
    return -(T(detail::two_over_sqrt_pi) * exp(-(a * a)));
  }
};
#undef CTGRAD_MATH_VALUE

// atan2(a, b): the angle of the point (b, a), as std::atan2(y, x) with y = a, x = b.
// d/da = b / r^2, d/db = -a / r^2 with r = hypot(a, b), divided twice by r (no overflow).
struct atan2 {
  static constexpr const char* symbol = "atan2";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    using math::atan2;
    return atan2(a, b);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a, const T& b) {
    using math::hypot;
    const T r = hypot(a, b);
    if constexpr (J == 0)
      return b / r / r;
    else
      return -a / r / r;
  }
};

// hypot(a, b) = sqrt(a^2 + b^2) without overflow: d/da = a / y, d/db = b / y (NaN at the origin,
// where the cone has no slope).
struct hypot {
  static constexpr const char* symbol = "hypot";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    using math::hypot;
    return hypot(a, b);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T& a, const T& b) {
    if constexpr (J == 0)
      return a / y;
    else
      return b / y;
  }
};

}  // namespace ctgrad::ops
