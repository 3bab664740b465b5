#pragma once
// Rules of the comparisons and of select (see arithmetic.hpp for what a rule is).
// A comparison's value is 1 where it holds and 0 elsewhere (a NaN operand makes every comparison
// 0, as in C++); its derivative is 0 everywhere. select(c, a, b) is a where c is nonzero and b
// elsewhere. Its adjoint goes to the taken branch only, by selecting instead of multiplying by 0
// or 1, so an infinite or NaN value in the branch not taken never reaches the gradient.
#include <cstddef>

#include "ctgrad/config.hpp"
#include "ctgrad/rules/guard.hpp"

namespace ctgrad::ops {

namespace detail {
// The shared part of the four comparisons: no slope, and no adjoint (0, not adjoint * 0, which
// would be NaN for an infinite adjoint).
struct comparison {
  static constexpr unsigned adjoint_operands = 0;  // the sweep skips both operands
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T&, const T&) {
    return T(0);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T backward(const T&, const T&, const T&, const T&) {
    return T(0);
  }
};
}  // namespace detail

struct less : detail::comparison {
  static constexpr const char* symbol = "<";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a < b ? T(1) : T(0);
  }
};

struct less_equal : detail::comparison {
  static constexpr const char* symbol = "<=";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a <= b ? T(1) : T(0);
  }
};

struct greater : detail::comparison {
  static constexpr const char* symbol = ">";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a > b ? T(1) : T(0);
  }
};

struct greater_equal : detail::comparison {
  static constexpr const char* symbol = ">=";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a, const T& b) {
    return a >= b ? T(1) : T(0);
  }
};

// select(c, a, b): a where c != 0, else b. A NaN condition counts as nonzero (it is not 0), but
// the comparisons never give NaN.
struct select {
  static constexpr const char* symbol = "select";
  static constexpr unsigned adjoint_operands = 0b110;  // the branches, not the condition
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& c, const T& a, const T& b) {
    return detail::chosen(c, a, b);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T& c, const T&, const T&) {
    using detail::chosen;
    if constexpr (J == 0)
      return T(0);
    else if constexpr (J == 1)
      return chosen(c, T(1), T(0));
    else
      return chosen(c, T(0), T(1));
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T backward(const T& adjoint, const T&, const T& c, const T&,
                                            const T&) {
    using detail::chosen;
    if constexpr (J == 0)
      return T(0);
    else if constexpr (J == 1)
      return chosen(c, adjoint, T(0));
    else
      return chosen(c, T(0), adjoint);
  }
};

}  // namespace ctgrad::ops
