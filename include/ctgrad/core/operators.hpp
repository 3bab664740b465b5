#pragma once
// The operators + - * / and unary -. They build node types; nothing is computed here.
#include "ctgrad/core/make.hpp"
#include "ctgrad/rules/arithmetic.hpp"

namespace ctgrad {

template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator+(const L& l, const R& r) {
  return detail::make_node<ops::add>(l, r);
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator-(const L& l, const R& r) {
  return detail::make_node<ops::sub>(l, r);
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator*(const L& l, const R& r) {
  return detail::make_node<ops::mul>(l, r);
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator/(const L& l, const R& r) {
  return detail::make_node<ops::div>(l, r);
}
template <expression E>
constexpr auto operator-(const E& e) {
  return detail::make_node<ops::neg>(e);
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
