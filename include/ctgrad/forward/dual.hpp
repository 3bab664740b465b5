#pragma once
// Dual numbers a + b·ε (ε² = 0): the scalar of forward mode. Evaluating an expression on duals
// carries a directional derivative alongside every value through the same rules; running the
// adjoint sweep on duals differentiates the gradient itself (Hessian-vector products).
#include <type_traits>

#include "ctgrad/core/expr.hpp"
#include "ctgrad/math/math.hpp"

namespace ctgrad {

template <class T>
struct dual {
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

  // The chain rule, one function at a time: f(a + bε) = f(a) + f'(a) b ε.
  friend constexpr dual exp(const dual& a) {
    using math::exp;
    const T e = exp(a.value);
    return {e, e * a.tangent};
  }
  friend constexpr dual log(const dual& a) {
    using math::log;
    return {log(a.value), a.tangent / a.value};
  }
  friend constexpr dual log1p(const dual& a) {
    using math::log1p;
    return {log1p(a.value), a.tangent / (T(1) + a.value)};
  }
  friend constexpr dual sqrt(const dual& a) {
    using math::sqrt;
    const T r = sqrt(a.value);
    return {r, a.tangent / (T(2) * r)};
  }
  friend constexpr dual sin(const dual& a) {
    using math::cos;
    using math::sin;
    return {sin(a.value), cos(a.value) * a.tangent};
  }
  friend constexpr dual cos(const dual& a) {
    using math::cos;
    using math::sin;
    return {cos(a.value), -sin(a.value) * a.tangent};
  }
  friend constexpr dual tan(const dual& a) {
    using math::tan;
    const T t = tan(a.value);
    return {t, (T(1) + t * t) * a.tangent};
  }
  friend constexpr dual tanh(const dual& a) {
    using math::tanh;
    const T t = tanh(a.value);
    return {t, (T(1) - t * t) * a.tangent};
  }
  friend constexpr dual pow(const dual& a, const dual& b) {
    using math::log;
    using math::pow;
    const T p = pow(a.value, b.value);
    // d(a^b) = b a^(b-1) da + a^b log(a) db; the second term only where b moves.
    const T da = b.value * pow(a.value, b.value - T(1)) * a.tangent;
    const T db = b.tangent == T(0) || p == T(0) ? T(0) : p * log(a.value) * b.tangent;
    return {p, da + db};
  }
};

template <class T>
inline constexpr bool enable_scalar<dual<T>> = true;

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
