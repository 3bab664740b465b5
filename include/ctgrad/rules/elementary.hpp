#pragma once
// Rules of the elementary functions (see arithmetic.hpp for what a rule is). The math functions
// are called unqualified after a using-declaration of ctgrad::math's: for double that is
// ctgrad::math (constexpr-capable), for a user scalar type its own overloads found by ADL.
#include <array>
#include <cstddef>

#include "ctgrad/config.hpp"
#include "ctgrad/math/math.hpp"

namespace ctgrad::ops {

struct sqrt {
  static constexpr const char* symbol = "sqrt";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::sqrt;
    return sqrt(a);
  }
  // 1 / (2 sqrt a): infinite at a = 0, where sqrt has a vertical tangent.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T&) {
    return T(0.5) / y;
  }
};

struct exp {
  static constexpr const char* symbol = "exp";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::exp;
    return exp(a);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T&) {
    return y;
  }
};

struct log {
  static constexpr const char* symbol = "log";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::log;
    return log(a);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return T(1) / a;
  }
};

// log(1 + a), exact near a = 0 where log(1 + a) would lose a's low bits.
struct log1p {
  static constexpr const char* symbol = "log1p";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::log1p;
    return log1p(a);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return T(1) / (T(1) + a);
  }
};

// e^a - 1, exact near a = 0 where exp(a) - 1 would cancel.
struct expm1 {
  static constexpr const char* symbol = "expm1";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::expm1;
    return expm1(a);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T&) {
    return y + T(1);
  }
};

struct sin {
  static constexpr const char* symbol = "sin";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::sin;
    return sin(a);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::cos;
    return cos(a);
  }
};

struct cos {
  static constexpr const char* symbol = "cos";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::cos;
    return cos(a);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    using math::sin;
    return -sin(a);
  }
};

struct tan {
  static constexpr const char* symbol = "tan";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::tan;
    return tan(a);
  }
  // sec^2 a = 1 + tan^2 a: reuses the value.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T&) {
    return T(1) + y * y;
  }
};

struct tanh {
  static constexpr const char* symbol = "tanh";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::tanh;
    return tanh(a);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T&) {
    return T(1) - y * y;
  }
};

}  // namespace ctgrad::ops
