#pragma once
// Branches: the comparisons a < b, a <= b, a > b, a >= b (1 where they hold, else 0) and
// select(c, a, b) (a where c is nonzero, else b), also spelled if_else.
//
// The comparison operators take part in overload resolution only when an operand is a ctgrad
// expression, so comparisons of other types are left alone. There is no == or != on expressions:
// `x == y` reads as a question about the two expression objects (and containers, algorithms and
// tests ask it that way), so a node there would be a trap; write `x <= y` combined with `x >= y`
// through select, or compare values after evaluating.
#include <type_traits>

#include "ctgrad/core/make.hpp"
#include "ctgrad/rules/branch.hpp"

namespace ctgrad {

namespace error {
template <class Condition>
struct the_condition_of_select_is_neither_an_expression_nor_a_number {
  static constexpr bool value = false;
};
template <class Branch>
struct a_branch_of_select_is_neither_an_expression_nor_a_number {
  static constexpr bool value = false;
};
}  // namespace error

template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator<(const L& l, const R& r) {
  typename detail::node_of<ops::less, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator<=(const L& l, const R& r) {
  typename detail::node_of<ops::less_equal, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator>(const L& l, const R& r) {
  typename detail::node_of<ops::greater, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}
template <class L, class R>
requires detail::operands<L, R>
constexpr auto operator>=(const L& l, const R& r) {
  typename detail::node_of<ops::greater_equal, L, R>::object node;
  detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
  return node;
}

namespace detail {
template <class T>
concept operand_of_select = expression<T> || scalar<T>;
}

// a where the condition is nonzero, b elsewhere. The adjoint goes to the taken branch only
// (rules/branch.hpp). Found by argument-dependent lookup when an argument is an expression.
template <class C, class A, class B>
requires(expression<C> || expression<A> ||
         expression<B>) constexpr auto select(const C& condition, const A& a, const B& b) {
  static_assert(detail::operand_of_select<C> ||
                    error::the_condition_of_select_is_neither_an_expression_nor_a_number<C>::value,
                "ctgrad::select: the condition must be a ctgrad expression (such as x > 0) or a "
                "number");
  static_assert((detail::operand_of_select<A> ||
                 error::a_branch_of_select_is_neither_an_expression_nor_a_number<A>::value) &&
                    (detail::operand_of_select<B> ||
                     error::a_branch_of_select_is_neither_an_expression_nor_a_number<B>::value),
                "ctgrad::select: each branch must be a ctgrad expression or a number");
  if constexpr (detail::operand_of_select<C> && detail::operand_of_select<A> &&
                detail::operand_of_select<B>) {
    typename detail::node_of<ops::select, C, A, B>::object node;
    detail::fill_numbers(node, detail::numbers_arg(condition), detail::numbers_arg(a),
                         detail::numbers_arg(b));
    return node;
  } else {
    return detail::invalid_node{};  // after the error, so that nothing else is reported
  }
}

// The same as select, for those who read it as a conditional expression.
template <class C, class A, class B>
requires(expression<C> || expression<A> ||
         expression<B>) constexpr auto if_else(const C& condition, const A& a, const B& b) {
  return select(condition, a, b);
}

}  // namespace ctgrad
