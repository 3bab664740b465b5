#pragma once
// Rules of the activation and piecewise functions (see arithmetic.hpp for what a rule is).
// Conventions at the kinks, chosen so that identities keep their derivatives:
// - relu'(0) = 0, as in the tutorials (the gate is open only for a > 0);
// - abs'(0) = 0 (the subgradient of smallest magnitude);
// - min and max at a tie give each operand half: d/dx max(x, x) = 1, as for x itself.
// Their partials are the piecewise-constant rules' values (rules/step.hpp): relu' = step,
// abs' = sign, and min's and max' by heaviside.
// NaN propagates through relu, abs, min and max (a NaN operand gives a NaN value).
#include <array>
#include <cstddef>
#include <type_traits>

#include "ctgrad/config.hpp"
#include "ctgrad/math/math.hpp"
#include "ctgrad/rules/guard.hpp"
#include "ctgrad/rules/step.hpp"
#include "ctgrad/rules/through_rules.hpp"

namespace ctgrad::ops {

struct sigmoid {
  static constexpr const char* symbol = "sigmoid";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::exp;
    // During constant evaluation e^-a must not overflow (that fails the build): below 0 use
    // e^a / (1 + e^a). At run time 1 / (1 + inf) is 0 anyway, and one form keeps the code short.
    if (std::is_constant_evaluated() && a < T(0)) {
      const T e = exp(a);
      return e / (T(1) + e);
    }
    return T(1) / (T(1) + exp(-a));
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T& y, const T&) {
    return y * (T(1) - y);
  }
};

struct relu {
  static constexpr const char* symbol = "relu";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    return detail::gated(a, a);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return ctgrad::detail::value_by_rule<step>(a);
  }
  // The gate selects instead of multiplying by 0 or 1, as hand-written code does. A closed gate
  // therefore passes 0 even for an infinite or NaN adjoint.
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T backward(const T& adjoint, const T&, const T& a) {
    using detail::gated;
    return gated(a, adjoint);
  }
};

struct abs {
  static constexpr const char* symbol = "abs";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    // -0.0 gives +0.0, as std::fabs does.
    return a < T(0) ? -a : a == T(0) ? T(0) : a;
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return ctgrad::detail::value_by_rule<sign>(a);
  }
};

// At a tie (or a NaN operand) the value is the mean of the operands: equal to both at a tie,
// NaN if either is NaN.
struct min {
  static constexpr const char* symbol = "min";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a < b ? a : b < a ? b : (a + b) * T(0.5);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a, const T& b) {
    // 1 where this operand is the smaller (b - a > 0 exactly where a < b, also for infinities),
    // 1/2 at a tie or a NaN.
    if constexpr (J == 0)
      return ctgrad::detail::value_by_rule<heaviside>(b - a);
    else
      return ctgrad::detail::value_by_rule<heaviside>(a - b);
  }
};

struct max {
  static constexpr const char* symbol = "max";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a > b ? a : b > a ? b : (a + b) * T(0.5);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a, const T& b) {
    if constexpr (J == 0)
      return ctgrad::detail::value_by_rule<heaviside>(a - b);
    else
      return ctgrad::detail::value_by_rule<heaviside>(b - a);
  }
};

// log(1 + e^a), computed as max(a, 0) + log1p(e^-|a|) so that it neither overflows for large a
// nor loses precision for very negative a. Its derivative is the sigmoid.
struct softplus {
  static constexpr const char* symbol = "softplus";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    using math::exp;
    using math::log1p;
    const T m = a > T(0) ? a : T(0);
    const T negabs = a > T(0) ? -a : a;
    return m + log1p(exp(negabs));
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& a) {
    return ctgrad::detail::value_by_rule<sigmoid>(a);
  }
};

}  // namespace ctgrad::ops
