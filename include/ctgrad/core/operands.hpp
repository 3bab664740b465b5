#pragma once
// Taking an expression apart: operand<J>(e) is the J-th operand of e as an expression object of
// its own. The structure comes from the type; the operand's run-time numbers are the slice of
// e's numbers that it owns (operands store theirs one after another, see nodes.hpp).
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/nodes.hpp"
#include "ctgrad/detail/type_list.hpp"

namespace ctgrad {

namespace detail {
// Where operand J's numbers start in its parent's array.
template <std::size_t J, class... Args>
inline constexpr std::size_t numbers_before = [] {
  constexpr std::size_t counts[] = {Args::number_count..., 0};
  std::size_t n = 0;
  for (std::size_t i = 0; i < J; ++i) n += counts[i];
  return n;
}();

// A node of type Node whose numbers are a copy of those starting at `first`.
template <class Node>
constexpr Node node_from_numbers(const double* first) {
  if constexpr (Node::number_count == 0) {
    (void)first;
    return Node{};
  } else if constexpr (std::is_same_v<Node, number>) {
    return number(*first);
  } else {
    return Node(from_numbers, first);
  }
}
}  // namespace detail

// The J-th operand of an interior node.
template <std::size_t J, class Op, class... Args>
constexpr auto operand(const expr<Op, Args...>& e) {
  static_assert(J < sizeof...(Args), "ctgrad::operand: the node has fewer operands");
  using A = detail::at<J, Args...>;
  if constexpr (A::number_count == 0)
    return A{};
  else
    return detail::node_from_numbers<A>(e.numbers.data() + detail::numbers_before<J, Args...>);
}

// The value of a run-time number leaf.
constexpr double number_value(const number& n) {
  return n.numbers[0];
}

}  // namespace ctgrad
