#pragma once
// The functions of expressions. Found by argument-dependent lookup: `sin(x)` for a ctgrad
// expression x needs no qualification.
#include "ctgrad/core/branch.hpp"
#include "ctgrad/core/make.hpp"
#include "ctgrad/rules/activation.hpp"
#include "ctgrad/rules/arithmetic.hpp"
#include "ctgrad/rules/elementary.hpp"
#include "ctgrad/rules/more_functions.hpp"
#include "ctgrad/rules/step.hpp"
#include "ctgrad/rules/through_rules.hpp"

namespace ctgrad {

namespace detail {
template <class T>
struct is_integer_constant : std::false_type {};
template <long long N>
struct is_integer_constant<constant<N, 1>> : std::true_type {};
}  // namespace detail

template <expression E>
constexpr auto square(const E& e) {
  typename detail::node_of<ops::square, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto sqrt(const E& e) {
  typename detail::node_of<ops::sqrt, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto exp(const E& e) {
  typename detail::node_of<ops::exp, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto log(const E& e) {
  typename detail::node_of<ops::log, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto log1p(const E& e) {
  typename detail::node_of<ops::log1p, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto expm1(const E& e) {
  typename detail::node_of<ops::expm1, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto sin(const E& e) {
  typename detail::node_of<ops::sin, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto cos(const E& e) {
  typename detail::node_of<ops::cos, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto tan(const E& e) {
  typename detail::node_of<ops::tan, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto tanh(const E& e) {
  typename detail::node_of<ops::tanh, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto sinh(const E& e) {
  typename detail::node_of<ops::sinh, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto cosh(const E& e) {
  typename detail::node_of<ops::cosh, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto asinh(const E& e) {
  typename detail::node_of<ops::asinh, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto acosh(const E& e) {
  typename detail::node_of<ops::acosh, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto atanh(const E& e) {
  typename detail::node_of<ops::atanh, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto atan(const E& e) {
  typename detail::node_of<ops::atan, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto asin(const E& e) {
  typename detail::node_of<ops::asin, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto acos(const E& e) {
  typename detail::node_of<ops::acos, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto log2(const E& e) {
  typename detail::node_of<ops::log2, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto log10(const E& e) {
  typename detail::node_of<ops::log10, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto exp2(const E& e) {
  typename detail::node_of<ops::exp2, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto cbrt(const E& e) {
  typename detail::node_of<ops::cbrt, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto erf(const E& e) {
  typename detail::node_of<ops::erf, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto erfc(const E& e) {
  typename detail::node_of<ops::erfc, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}

// atan2(a, b): the angle of the point (b, a), as std::atan2(y, x); hypot(a, b) = sqrt(a^2 + b^2).
template <class L, class R>
requires detail::operands<L, R>
constexpr auto atan2(const L& a, const R& b) {
  typename detail::node_of<ops::atan2, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(a), detail::numbers_arg(b));
  return node;
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto hypot(const L& a, const R& b) {
  typename detail::node_of<ops::hypot, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(a), detail::numbers_arg(b));
  return node;
}

template <expression E>
constexpr auto sigmoid(const E& e) {
  typename detail::node_of<ops::sigmoid, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto relu(const E& e) {
  typename detail::node_of<ops::relu, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto abs(const E& e) {
  typename detail::node_of<ops::abs, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto softplus(const E& e) {
  typename detail::node_of<ops::softplus, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}

// Piecewise constant: step(a) = [a > 0], sign(a), heaviside(a) = [a > 0] + [a == 0] / 2.
template <expression E>
constexpr auto step(const E& e) {
  typename detail::node_of<ops::step, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto sign(const E& e) {
  typename detail::node_of<ops::sign, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
template <expression E>
constexpr auto heaviside(const E& e) {
  typename detail::node_of<ops::heaviside, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}

template <class L, class R>
requires detail::operands<L, R>
constexpr auto min(const L& l, const R& r) {
  typename detail::node_of<ops::min, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto max(const L& l, const R& r) {
  typename detail::node_of<ops::max, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}

// pow<3>(x): an integer exponent fixed at compile time (plain multiplications).
template <long long N, expression E>
constexpr auto pow(const E& e) {
  typename detail::node_of<ops::pow_int<N>, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
// pow(x, 2.5), pow(x, y), pow(2, x): a real exponent. An exponent given as a compile-time
// integer constant (pow(x, c<3>)) is the same as pow<3>(x).
template <class L, class R>
requires detail::operands<L, R>
constexpr auto pow(const L& base, const R& exponent) {
  if constexpr (detail::is_integer_constant<R>::value) {
    typename detail::node_of<ops::pow_int<R::numerator>, L>::object node;
    detail::fill_numbers(node, detail::numbers_arg(base));
    return node;
  } else {
    typename detail::node_of<ops::pow, L, R>::object node;
    detail::fill_numbers(node, detail::numbers_arg(base), detail::numbers_arg(exponent));
    return node;
  }
}

// The same functions on scalars that compute through the rules (rules/through_rules.hpp): dual
// numbers, and the scalars that record or print a rule's partial.
#define CTGRAD_THROUGH_RULE(name)           \
  template <detail::rule_scalar S>          \
  constexpr S name(const S& a) {            \
    return S::template apply<ops::name>(a); \
  }
CTGRAD_THROUGH_RULE(sqrt)
CTGRAD_THROUGH_RULE(cbrt)
CTGRAD_THROUGH_RULE(exp)
CTGRAD_THROUGH_RULE(exp2)
CTGRAD_THROUGH_RULE(expm1)
CTGRAD_THROUGH_RULE(log)
CTGRAD_THROUGH_RULE(log1p)
CTGRAD_THROUGH_RULE(log2)
CTGRAD_THROUGH_RULE(log10)
CTGRAD_THROUGH_RULE(sin)
CTGRAD_THROUGH_RULE(cos)
CTGRAD_THROUGH_RULE(tan)
CTGRAD_THROUGH_RULE(asin)
CTGRAD_THROUGH_RULE(acos)
CTGRAD_THROUGH_RULE(atan)
CTGRAD_THROUGH_RULE(sinh)
CTGRAD_THROUGH_RULE(cosh)
CTGRAD_THROUGH_RULE(tanh)
CTGRAD_THROUGH_RULE(asinh)
CTGRAD_THROUGH_RULE(acosh)
CTGRAD_THROUGH_RULE(atanh)
CTGRAD_THROUGH_RULE(erf)
CTGRAD_THROUGH_RULE(erfc)
#undef CTGRAD_THROUGH_RULE
template <detail::rule_scalar S>
constexpr S atan2(const S& a, const S& b) {
  return S::template apply<ops::atan2>(a, b);
}
template <detail::rule_scalar S>
constexpr S hypot(const S& a, const S& b) {
  return S::template apply<ops::hypot>(a, b);
}
template <detail::rule_scalar S>
constexpr S pow(const S& a, const S& b) {
  return S::template apply<ops::pow>(a, b);
}

}  // namespace ctgrad
