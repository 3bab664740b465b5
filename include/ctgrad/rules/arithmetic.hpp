#pragma once
// Rules of the arithmetic operations. A rule is the one place that knows an operation: its value,
// its local partial derivatives (given the node's value y and its operands), and its printed
// form. The forward pass, the adjoint sweep and the symbolic derivative all read these rules.
#include <array>
#include <cstddef>

#include "ctgrad/config.hpp"
#include "ctgrad/math/math.hpp"
#include "ctgrad/rules/guard.hpp"
#include "ctgrad/rules/through_rules.hpp"

namespace ctgrad::ops {

struct add {
  static constexpr const char* symbol = "+";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a + b;
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T&, const T&) {
    return T(1);
  }
  // The adjoint passes through unchanged (no multiply by 1 for a user scalar type).
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T backward(const T& adjoint, const T&, const T&, const T&) {
    return adjoint;
  }
};

struct sub {
  static constexpr const char* symbol = "-";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a - b;
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T&, const T&) {
    return J == 0 ? T(1) : T(-1);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T backward(const T& adjoint, const T&, const T&, const T&) {
    if constexpr (J == 0)
      return adjoint;
    else
      return -adjoint;
  }
};

struct mul {
  static constexpr const char* symbol = "*";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a * b;
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a, const T& b) {
    return J == 0 ? b : a;
  }
};

struct div {
  static constexpr const char* symbol = "/";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a / b;
  }
  // d(a/b)/db = -a/b^2 = -y/b: reuses the quotient instead of squaring b.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T&, const T& b) {
    if constexpr (J == 0)
      return T(1) / b;
    else
      return -y / b;
  }
};

struct neg {
  static constexpr const char* symbol = "-";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    return -a;
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T&) {
    return T(-1);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T backward(const T& adjoint, const T&, const T&) {
    return -adjoint;
  }
};

struct square {
  static constexpr const char* symbol = "square";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    return a * a;
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return T(2) * a;
  }
};

namespace detail {
// a^n by repeated squaring; n is known at compile time, so this unrolls to plain multiplies.
template <long long N, class T>
constexpr T integer_power(const T& a) {
  if constexpr (N < 0) {
    return T(1) / integer_power<-N>(a);
  } else if constexpr (N == 0) {
    return T(1);
  } else if constexpr (N == 1) {
    return a;
  } else if constexpr (N % 2 == 0) {
    const T h = integer_power<N / 2>(a);
    return h * h;
  } else {
    return integer_power<N - 1>(a) * a;
  }
}
}  // namespace detail

// x^N for an integer N fixed at compile time.
template <long long N>
struct pow_int {
  static constexpr long long exponent = N;
  static constexpr const char* symbol = "pow";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    return detail::integer_power<N>(a);
  }
  // N a^(N-1), the power by its own rule, so that a recorded or printed partial shows it.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    if constexpr (N == 0)
      return T(0);
    else if constexpr (N == 1)
      return T(1);
    else if constexpr (N == 2)
      return T(2) * a;
    else
      return T(static_cast<double>(N)) * ctgrad::detail::value_by_rule<pow_int<N - 1>>(a);
  }
};

// a^b for a real exponent, known at run time.
// Conventions: d/db is taken as 0 where a^b == 0 (so 0^b has a finite derivative in b for b > 0),
// and is NaN for a negative base (log a is undefined there); d/da is 0 where b == 0.
struct pow {
  static constexpr const char* symbol = "pow";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    using math::pow;
    return pow(a, b);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T& a, const T& b) {
    using detail::unless_zero;
    using math::log;
    using math::pow;
    // At b = 0 the function is the constant 1: its slope in a is 0, also at a = 0 (where
    // b * a^(b-1) would be 0 * inf).
    if constexpr (J == 0)
      return unless_zero(b, [&] { return b * pow(a, b - T(1)); });
    else
      return unless_zero(y, [&] { return y * log(a); });
  }
};

}  // namespace ctgrad::ops
