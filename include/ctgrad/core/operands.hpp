#pragma once
// Taking an expression apart: operand<J>(e) is the J-th operand of e as an expression object of
// its own. The structure comes from the type; the operand's run-time numbers are the slice of
// e's numbers that it owns (operands store theirs one after another, see nodes.hpp).
#include <array>
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/make.hpp"
#include "ctgrad/detail/type_list.hpp"

namespace ctgrad {

namespace detail {
// Where operand J's numbers start in the numbers of a node of structure S. A class, not a
// variable template: g++ gives every instantiated variable a mangled name, which spells S.
template <std::size_t N>
constexpr std::size_t sum_of_first(std::size_t j, const std::array<std::size_t, N>& counts) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < j; ++i) n += counts[i];
  return n;
}
template <std::size_t J, class S>
struct numbers_before_t : std::integral_constant<std::size_t, 0> {};
template <std::size_t J, class Op, class... Args>
struct numbers_before_t<J, expr<Op, Args...>>
    : std::integral_constant<std::size_t, sum_of_first(J, std::array<std::size_t, sizeof...(Args)>{
                                                              Args::number_count...})> {};

// The object of structure S whose numbers are a copy of those starting at `first`.
template <class S>
constexpr object_of<S> object_from_numbers(const double* first) {
  if constexpr (S::number_count == 0) {
    (void)first;
    return {};
  } else if constexpr (std::is_same_v<S, number>) {
    return number(*first);
  } else {
    object_of<S> node;
    copy_numbers(node.numbers.data(), first, S::number_count);
    return node;
  }
}
}  // namespace detail

// The J-th operand of an interior node, as an expression object.
template <std::size_t J, expression E>
constexpr auto operand(const E& e) {
  using S = structure_of<E>;
  static_assert(detail::is_interior<S>::value, "ctgrad::operand: a leaf has no operands");
  if constexpr (detail::is_interior<S>::value) {
    static_assert(J < S::operands::size, "ctgrad::operand: the node has fewer operands");
    using A = detail::list_at<J, typename S::operands>;
    return detail::object_from_numbers<A>(e.numbers.data() + detail::numbers_before_t<J, S>::value);
  }
}

// The value of a run-time number leaf.
constexpr double number_value(const number& n) {
  return n.numbers[0];
}

}  // namespace ctgrad
