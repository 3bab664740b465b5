#pragma once
// The operators + - * / and unary -. They build node types; nothing is computed here.
#include "ctgrad/core/make.hpp"
#include "ctgrad/rules/arithmetic.hpp"

namespace ctgrad {

template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator+(const L& l, const R& r) {
  return detail::node_for<ops::add, L, R>(l, r);
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator-(const L& l, const R& r) {
  return detail::node_for<ops::sub, L, R>(l, r);
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator*(const L& l, const R& r) {
  return detail::node_for<ops::mul, L, R>(l, r);
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator/(const L& l, const R& r) {
  return detail::node_for<ops::div, L, R>(l, r);
}
template <expression E>
constexpr auto operator-(const E& e) {
  return detail::node_for<ops::neg, E>(e);
}
template <expression E>
constexpr const E& operator+(const E& e) {
  return e;
}

// An expression combined with something that is neither an expression nor a number: say so,
// instead of listing every candidate operator.
#define CTGRAD_REJECT_OPERANDS(op)                                                                 \
  template <class L, class R>                                                                      \
  requires(detail::one_is_expression<L, R> && !detail::operands<L, R>) constexpr auto operator op( \
      const L&, const R&) {                                                                        \
    static_assert(error::operand_is_neither_an_expression_nor_a_number<L, R>::value,               \
                  "ctgrad: an operand of '" #op                                                    \
                  "' is neither a ctgrad expression nor a number (int, double, ...)");             \
  }
CTGRAD_REJECT_OPERANDS(+)
CTGRAD_REJECT_OPERANDS(-)
CTGRAD_REJECT_OPERANDS(*)
CTGRAD_REJECT_OPERANDS(/)
#undef CTGRAD_REJECT_OPERANDS

}  // namespace ctgrad
