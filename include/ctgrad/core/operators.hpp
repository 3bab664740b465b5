#pragma once
// The operators + - * / and unary -. They build node types; nothing is computed here.
#include "ctgrad/core/make.hpp"
#include "ctgrad/rules/arithmetic.hpp"

namespace ctgrad {

template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator+(const L& l, const R& r) {
  typename detail::node_of<ops::add, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator-(const L& l, const R& r) {
  typename detail::node_of<ops::sub, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator*(const L& l, const R& r) {
  typename detail::node_of<ops::mul, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator/(const L& l, const R& r) {
  typename detail::node_of<ops::div, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}
template <expression E>
constexpr auto operator-(const E& e) {
  typename detail::node_of<ops::neg, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}
// The negative of a compile-time constant is a constant: -1_c is c<-1>.
template <long long Num, long long Den>
constexpr auto operator-(constant<Num, Den>) {
  static_assert(Num != -9223372036854775807LL - 1, "ctgrad: the negated constant overflows");
  return constant<-Num, Den>{};
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
