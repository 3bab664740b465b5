#pragma once
// Rules of the piecewise-constant functions. They are the derivatives of the kinked functions
// (relu' = step, abs' = sign, min' and max' by heaviside) and appear in symbolic derivatives;
// their own derivative is 0 wherever it exists. Each gives, at the kink, the value that the
// numeric partial of the kinked function gives (rules/activation.hpp), so a symbolic derivative
// and the adjoint sweep agree there too. The kinked functions' partials are these rules' values
// (detail::value_by_rule), so that a recorded or printed partial shows the function.
#include <cstddef>

#include "ctgrad/config.hpp"
#include "ctgrad/rules/guard.hpp"

namespace ctgrad::ops {

namespace detail {
// The shared part of the three: no slope, and no adjoint or tangent passes through them (0, not
// x * 0, which would be NaN for an infinite x), as through a comparison (rules/branch.hpp).
struct piecewise_constant {
  static constexpr unsigned adjoint_operands = 0;  // the sweep skips the operand
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T partial(const T&, const T&) {
    return T(0);
  }
  template <std::size_t J, class T>
  CTGRAD_INLINE static constexpr T backward(const T&, const T&, const T&) {
    return T(0);
  }
};
}  // namespace detail

// step(a) = 1 for a > 0 (and NaN), else 0: relu's gate, closed at 0.
struct step : detail::piecewise_constant {
  static constexpr const char* symbol = "step";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    return detail::gated(a, T(1));
  }
};

// sign(a) = 1, -1 or 0: the slope of abs, 0 at 0.
struct sign : detail::piecewise_constant {
  static constexpr const char* symbol = "sign";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    return a > T(0) ? T(1) : a < T(0) ? T(-1) : T(0);
  }
};

// heaviside(a) = 1 for a > 0, 0 for a < 0, 1/2 at 0: the share of min and max at a tie.
struct heaviside : detail::piecewise_constant {
  static constexpr const char* symbol = "heaviside";
  template <class T>
  CTGRAD_INLINE static constexpr T value(const T& a) {
    return a > T(0) ? T(1) : a < T(0) ? T(0) : T(0.5);
  }
};

}  // namespace ctgrad::ops
