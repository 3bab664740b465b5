#pragma once
// The functions of expressions. Found by argument-dependent lookup: `sin(x)` for a ctgrad
// expression x needs no qualification.
#include "ctgrad/core/branch.hpp"
#include "ctgrad/core/make.hpp"
#include "ctgrad/rules/activation.hpp"
#include "ctgrad/rules/arithmetic.hpp"
#include "ctgrad/rules/elementary.hpp"
#include "ctgrad/rules/step.hpp"

namespace ctgrad {

namespace detail {
template <class T>
struct is_integer_constant : std::false_type {};
template <long long N>
struct is_integer_constant<constant<N, 1>> : std::true_type {};
}  // namespace detail

template <expression E>
constexpr auto square(const E& e) {
  return detail::make_node<ops::square>(e);
}
template <expression E>
constexpr auto sqrt(const E& e) {
  return detail::make_node<ops::sqrt>(e);
}
template <expression E>
constexpr auto exp(const E& e) {
  return detail::make_node<ops::exp>(e);
}
template <expression E>
constexpr auto log(const E& e) {
  return detail::make_node<ops::log>(e);
}
template <expression E>
constexpr auto sin(const E& e) {
  return detail::make_node<ops::sin>(e);
}
template <expression E>
constexpr auto cos(const E& e) {
  return detail::make_node<ops::cos>(e);
}
template <expression E>
constexpr auto tan(const E& e) {
  return detail::make_node<ops::tan>(e);
}
template <expression E>
constexpr auto tanh(const E& e) {
  return detail::make_node<ops::tanh>(e);
}
template <expression E>
constexpr auto sigmoid(const E& e) {
  return detail::make_node<ops::sigmoid>(e);
}
template <expression E>
constexpr auto relu(const E& e) {
  return detail::make_node<ops::relu>(e);
}
template <expression E>
constexpr auto abs(const E& e) {
  return detail::make_node<ops::abs>(e);
}
template <expression E>
constexpr auto softplus(const E& e) {
  return detail::make_node<ops::softplus>(e);
}

// Piecewise constant: step(a) = [a > 0], sign(a), heaviside(a) = [a > 0] + [a == 0] / 2.
template <expression E>
constexpr auto step(const E& e) {
  return detail::make_node<ops::step>(e);
}
template <expression E>
constexpr auto sign(const E& e) {
  return detail::make_node<ops::sign>(e);
}
template <expression E>
constexpr auto heaviside(const E& e) {
  return detail::make_node<ops::heaviside>(e);
}

template <class L, class R>
requires detail::operands<L, R>
constexpr auto min(const L& l, const R& r) {
  return detail::make_node<ops::min>(l, r);
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto max(const L& l, const R& r) {
  return detail::make_node<ops::max>(l, r);
}

// pow<3>(x): an integer exponent fixed at compile time (plain multiplications).
template <long long N, expression E>
constexpr auto pow(const E& e) {
  return detail::make_node<ops::pow_int<N>>(e);
}
// pow(x, 2.5), pow(x, y), pow(2, x): a real exponent. An exponent given as a compile-time
// integer constant (pow(x, c<3>)) is the same as pow<3>(x).
template <class L, class R>
requires detail::operands<L, R>
constexpr auto pow(const L& base, const R& exponent) {
  if constexpr (detail::is_integer_constant<R>::value) {
    return detail::make_node<ops::pow_int<R::numerator>>(base);
  } else {
    return detail::make_node<ops::pow>(base, exponent);
  }
}

}  // namespace ctgrad
