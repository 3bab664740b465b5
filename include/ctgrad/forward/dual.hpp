#pragma once
// Dual numbers a + b·ε (ε² = 0): the scalar of forward mode. Evaluating an expression on duals
// carries a directional derivative alongside every value through the same rules as the adjoint
// sweep (rules/contribution.hpp); running the adjoint sweep on duals differentiates the gradient
// itself (Hessian-vector products). Only the arithmetic of duals is written here; every function
// takes its derivative from its rule.
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/config.hpp"
#include "ctgrad/core/expr.hpp"
#include "ctgrad/core/functions.hpp"
#include "ctgrad/math/math.hpp"
#include "ctgrad/rules/arithmetic.hpp"
#include "ctgrad/rules/contribution.hpp"
#include "ctgrad/rules/elementary.hpp"
#include "ctgrad/rules/more_functions.hpp"

namespace ctgrad {

template <class T>
struct dual;

namespace detail {
template <class Op, class T, class... U>
constexpr dual<T> through_rule(const dual<T>& a, const dual<U>&... rest);
}  // namespace detail

template <class T>
struct dual : through_rules<dual<T>> {
  T value{};    // the number
  T tangent{};  // its derivative along the chosen direction

  constexpr dual() = default;
  template <class U>
  requires std::is_arithmetic_v<U>
  constexpr dual(U v) : value(static_cast<T>(v)) {}  // NOLINT: a number is a constant dual
  constexpr dual(T v, T d) : value(v), tangent(d) {}

  friend constexpr dual operator+(const dual& a, const dual& b) {
    return {a.value + b.value, a.tangent + b.tangent};
  }
  friend constexpr dual operator-(const dual& a, const dual& b) {
    return {a.value - b.value, a.tangent - b.tangent};
  }
  friend constexpr dual operator*(const dual& a, const dual& b) {
    return {a.value * b.value, a.tangent * b.value + a.value * b.tangent};
  }
  friend constexpr dual operator/(const dual& a, const dual& b) {
    const T q = a.value / b.value;
    return {q, (a.tangent - q * b.tangent) / b.value};
  }
  friend constexpr dual operator-(const dual& a) { return {-a.value, -a.tangent}; }

  // Comparisons look at values only: a branch (relu, abs, min, max) follows the point itself.
  friend constexpr bool operator<(const dual& a, const dual& b) { return a.value < b.value; }
  friend constexpr bool operator>(const dual& a, const dual& b) { return a.value > b.value; }
  friend constexpr bool operator<=(const dual& a, const dual& b) { return a.value <= b.value; }
  friend constexpr bool operator>=(const dual& a, const dual& b) { return a.value >= b.value; }
  friend constexpr bool operator==(const dual& a, const dual& b) { return a.value == b.value; }

  // The functions (core/functions.hpp), each through its rule: f(a + b eps) = f(a) + f'(a) b eps
  // with f' the rule's local partial, the same one the adjoint sweep uses.
  template <class Op, class... D>
  static constexpr dual apply(const D&... operands) {
    return detail::through_rule<Op>(operands...);
  }
};

template <class T>
inline constexpr bool enable_scalar<dual<T>> = true;

namespace detail {
template <class T>
struct is_dual : std::false_type {};
template <class T>
struct is_dual<dual<T>> : std::true_type {};

// Whether x is exactly zero; a dual is zero when both its parts are.
template <class T>
constexpr bool exactly_zero(const T& x) {
  if constexpr (is_dual<T>::value)
    return exactly_zero(x.value) && exactly_zero(x.tangent);
  else
    return x == T(0);
}

template <class Op, class T, class... D, std::size_t... J>
constexpr dual<T> through_rule_at(std::index_sequence<J...>, const D&... x) {
  const T y = Op::value(x.value...);
  T tangent{};
  bool any = false;
  const auto add = [&](const T& c) {
    tangent = any ? tangent + c : c;
    any = true;
  };
  // An operand whose tangent is zero contributes nothing, also where the partial is infinite or
  // NaN (d/db of a^b at a = 0): the adjoint sweep never multiplies by a direction's zeros either,
  // so forward and reverse mode agree.
  ((exactly_zero(x.tangent) ? void() : add(contribution<Op, J>(x.tangent, y, x.value...))), ...);
  return {y, any ? tangent : T(0)};
}

// Op applied to dual numbers: the value by the rule, the tangent by the rule's local partials.
template <class Op, class T, class... U>
constexpr dual<T> through_rule(const dual<T>& a, const dual<U>&... rest) {
  return through_rule_at<Op, T>(std::make_index_sequence<1 + sizeof...(U)>{}, a, rest...);
}

// A node's value from its operands': the rule's value on numbers, through the rule on duals.
template <class Op, class... T>
CTGRAD_INLINE constexpr auto apply_rule(const T&... x) {
  if constexpr ((is_dual<T>::value && ...))
    return through_rule<Op>(x...);
  else
    return Op::value(x...);
}
}  // namespace detail

}  // namespace ctgrad

// A point with dual values computes in duals; numbers in the expression join as constants.
template <class T, class U>
requires std::is_arithmetic_v<U>
struct std::common_type<ctgrad::dual<T>, U> {
  using type = ctgrad::dual<T>;
};
template <class T, class U>
requires std::is_arithmetic_v<U>
struct std::common_type<U, ctgrad::dual<T>> {
  using type = ctgrad::dual<T>;
};
