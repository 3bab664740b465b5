#pragma once
// Building nodes from operands: an expression stays as it is, a number becomes a `number` leaf,
// and the run-time numbers of the operands are concatenated in operand order.
#include <array>
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/nodes.hpp"

namespace ctgrad::error {
template <class Left, class Right>
struct operand_is_neither_an_expression_nor_a_number {
  static constexpr bool value = false;
};
}  // namespace ctgrad::error

namespace ctgrad::detail {

template <class T>
struct node_type {
  using type = std::remove_cvref_t<T>;
};
template <class T>
  requires scalar<T>
struct node_type<T> {
  using type = number;
};
template <class T>
using node_t = typename node_type<T>::type;

template <class T>
constexpr auto as_node(const T& operand) {
  if constexpr (scalar<T>) {
    return number(static_cast<double>(operand));
  } else {
    return operand;
  }
}

template <class... N>
constexpr auto joined_numbers(const N&... nodes) {
  std::array<double, (std::size_t{0} + ... + N::number_count)> out{};
  std::size_t k = 0;
  ((void)[&] {
    for (double d : nodes.numbers) out[k++] = d;
  }(), ...);
  return out;
}

template <class Op, class... Operands>
constexpr auto make(const Operands&... operands) {
  using E = expr<Op, node_t<Operands>...>;
  if constexpr (E::number_count == 0) {
    return E{};
  } else {
    return E{joined_numbers(as_node(operands)...)};
  }
}

// Operands of a binary operation: at least one expression, and each an expression or a number.
template <class L, class R>
concept one_is_expression = expression<L> || expression<R>;
template <class L, class R>
concept operands = one_is_expression<L, R> && (expression<L> || scalar<L>) &&
                   (expression<R> || scalar<R>);

}  // namespace ctgrad::detail
