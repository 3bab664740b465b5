#pragma once
// Taking an expression apart: operand<J>(e) is the J-th operand of e as an expression object of
// its own. The structure comes from the type; the operand's run-time numbers are the slice of
// e's numbers that it owns (operands store theirs one after another, see nodes.hpp).
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/make.hpp"
#include "ctgrad/detail/type_list.hpp"

namespace ctgrad {

namespace detail {
// Where operand J's numbers start in the numbers of a node of structure S.
template <std::size_t J, class S>
inline constexpr std::size_t numbers_before = 0;
template <std::size_t J, class Op, class... Args>
inline constexpr std::size_t numbers_before<J, expr<Op, Args...>> = [] {
  constexpr std::size_t counts[] = {Args::number_count..., 0};
  std::size_t n = 0;
  for (std::size_t i = 0; i < J; ++i) n += counts[i];
  return n;
}();

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
    return detail::object_from_numbers<A>(e.numbers.data() + detail::numbers_before<J, S>);
  }
}

// The value of a run-time number leaf.
constexpr double number_value(const number& n) {
  return n.numbers[0];
}

}  // namespace ctgrad
