#pragma once
// Building nodes from operands: an expression stays as it is, a number becomes a `number` leaf,
// and the run-time numbers of the operands are concatenated in operand order (expr's constructor).
#include <array>
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/nodes.hpp"

namespace ctgrad::error {
template <class Left, class Right>
struct operand_is_neither_an_expression_nor_a_number {
  static constexpr bool value = false;
};
template <class... OperandShapes>
struct element_wise_operands_are_arrays_of_different_shapes {
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

// The node built by Op from the operands: expressions stay, numbers become `number` leaves.
// Building it is one constructor call (expr's), so each operation costs the compiler two small
// functions: the operator and that constructor.
template <class Op, class... Operands>
using node_for = expr<Op, node_t<Operands>...>;

// The node as the operators and functions build it. Its node list is formed here, one step per
// operation as the user writes the expression, so that no later traversal recurses through a
// deep expression (the list is otherwise formed on demand: keys_of in graph/keys.hpp).
template <class Op, class... Operands>
constexpr node_for<Op, Operands...> make_node(const Operands&... operands) {
  static_assert(node_for<Op, Operands...>::value_shape.ok ||
                    error::element_wise_operands_are_arrays_of_different_shapes<
                        spelled_shape<node_t<Operands>::value_shape>...>::value,
                "ctgrad: an element-wise operation combines arrays of different lengths; numbers "
                "combine with arrays of any length, arrays only with arrays of their own shape");
  static_assert(keys_of<node_for<Op, Operands...>>::size > 0);
  return node_for<Op, Operands...>(operands...);
}

// Operands of a binary operation: at least one expression, and each an expression or a number.
template <class L, class R>
concept one_is_expression = expression<L> || expression<R>;
template <class L, class R>
concept operands = one_is_expression<L, R> &&
    (expression<L> || scalar<L>)&&(expression<R> || scalar<R>);

}  // namespace ctgrad::detail
