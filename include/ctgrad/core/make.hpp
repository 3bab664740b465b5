#pragma once
// Building nodes from operands: an expression stays as it is, a number becomes a `number` leaf,
// and the run-time numbers of the operands are concatenated in operand order.
#include <array>
#include <cstddef>
#include <cstring>
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

// The structure of an operand: an expression's, or a number leaf for a plain number.
template <class T>
struct operand_structure {
  using type = number;
};
template <expression_object T>
struct operand_structure<T> {
  using type = typename T::structure;
};
template <class T>
using operand_structure_t = typename operand_structure<T>::type;

// The structure Op builds from these operands.
template <class Op, class... Operands>
using node_for = expr<Op, operand_structure_t<Operands>...>;

// Copies n numbers. Not a template: one function for every expression.
constexpr void copy_numbers(double* out, const double* in, std::size_t n) {
  if (std::is_constant_evaluated()) {
    for (std::size_t i = 0; i < n; ++i) out[i] = in[i];
  } else if (n > 0) {
    std::memcpy(out, in, n * sizeof(double));  // one block move, however long the array
  }
}

// Appends an operand's numbers to a node's. Overloaded on the storage base class, so it is
// instantiated per array size, not per operand type.
template <std::size_t M>
constexpr void append_numbers(double* out, std::size_t& k, const numbers_storage<M>& operand) {
  copy_numbers(out + k, operand.numbers.data(), M);
  k += M;
}
constexpr void append_numbers(double* out, std::size_t& k, double operand) {
  out[k++] = operand;
}

// The node Op(operands...), as the operators and functions build it. The operand types are
// always deduced, never written out: naming a large expression type in a template argument
// list costs g++ time in proportion to the paths through that type (docs/design.md).
template <class Op, class... Operands>
constexpr auto make_node(const Operands&... operands) {
  using S = node_for<Op, Operands...>;
  static_assert(
      S::value_shape.ok || error::element_wise_operands_are_arrays_of_different_shapes<
                               spelled_shape<operand_structure_t<Operands>::value_shape>...>::value,
      "ctgrad: an element-wise operation combines arrays of different lengths; numbers "
      "combine with arrays of any length, arrays only with arrays of their own shape");
  // The walk at the root reads this node's info; made here, one operation at a time, it never
  // has to be made by a recursion as deep as the expression.
  static_assert(S::info.arity == sizeof...(Operands));
  if constexpr (!S::value_shape.ok) {
    return;  // the assertion above has said what is wrong
  } else if constexpr (S::number_count == 0) {
    ((void)operands, ...);
    return decltype(expression_of<S>::object){};
  } else {
    decltype(expression_of<S>::object) node;  // every number is written below
    std::size_t k = 0;
    (append_numbers(node.numbers.data(), k, operands), ...);
    return node;
  }
}

// Operands of a binary operation: at least one expression, and each an expression or a number.
template <class L, class R>
concept one_is_expression = expression_object<L> || expression_object<R>;
template <class L, class R>
concept operands = one_is_expression<L, R> &&
    (expression_object<L> || scalar<L>)&&(expression_object<R> || scalar<R>);

}  // namespace ctgrad::detail
