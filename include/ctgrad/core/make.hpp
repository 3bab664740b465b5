#pragma once
// Building nodes from operands: an expression stays as it is, a number becomes a `number` leaf,
// and the run-time numbers of the operands are concatenated in operand order.
//
// The operators and functions build their node in their own body:
//     typename detail::node_of<ops::add, L, R>::object node;
//     detail::fill_numbers(node, detail::numbers_arg(l), detail::numbers_arg(r));
//     return node;
// instead of calling a function templated on the operand types. Every function whose signature
// names an expression type costs the compiler time in proportion to that type's size (its
// mangled name), and a large expression is mostly operators; the helpers here are templated on
// array sizes only.
#include <array>
#include <cstddef>
#include <cstring>
#include <type_traits>

#include "ctgrad/core/nodes.hpp"
#include "ctgrad/rules/protocol.hpp"

namespace ctgrad::error {
template <class Left, class Right>
struct operand_is_neither_an_expression_nor_a_number {
  static constexpr bool value = false;
};
template <class... OperandShapes>
struct element_wise_operands_are_arrays_of_different_shapes {
  static constexpr bool value = false;
};
template <class Operation, std::size_t OperandCount>
struct the_rule_of_this_operation_does_not_follow_the_rule_protocol {
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

// What an invalid combination of operands becomes, after the error that says why: no
// expression, and nothing more to report.
struct invalid_node : numbers_storage<0> {};

// Whether Op's rule follows its protocol (rules/protocol.hpp) for N operands: a rule on numbers
// that takes N, or an operation of the other kinds (on arrays, a loop, a named intermediate).
template <class Op, std::size_t N>
constexpr bool follows_rule_protocol() {
  if constexpr (has_result_shape<Op> || is_loop<Op>::value ||
                operation_kind<Op> == node_kind::named)
    return true;
  else if constexpr (number_rule<Op>)
    return rule_arity<Op>() == N;
  else
    return false;
}

// The node Op builds from these operands: its structure, checked, and its object type.
template <class Op, class... Operands>
struct node_of {
  static_assert(follows_rule_protocol<Op, sizeof...(Operands)>() ||
                    error::the_rule_of_this_operation_does_not_follow_the_rule_protocol<
                        Op, sizeof...(Operands)>::value,
                "ctgrad: the rule of this operation does not follow the rule protocol "
                "(rules/protocol.hpp): a symbol, a value of its operands, and for each operand a "
                "partial or a backward");
  using structure = node_for<Op, Operands...>;
  static_assert(structure::value_shape.ok ||
                    error::element_wise_operands_are_arrays_of_different_shapes<
                        spelled_shape<operand_structure_t<Operands>::value_shape>...>::value,
                "ctgrad: an element-wise operation combines arrays of different lengths; numbers "
                "combine with arrays of any length, arrays only with arrays of their own shape");
  // The walk at the root reads this node's info; made here, one operation at a time, it never
  // has to be made by a recursion as deep as the expression.
  static_assert(structure::info.arity == sizeof...(Operands));
  using object = std::conditional_t<structure::value_shape.ok, object_of<structure>, invalid_node>;
};

// Copies n numbers. Not a template: one function for every expression.
constexpr void copy_numbers(double* out, const double* in, std::size_t n) {
  if (std::is_constant_evaluated()) {
    for (std::size_t i = 0; i < n; ++i) out[i] = in[i];
  } else if (n > 0) {
    std::memcpy(out, in, n * sizeof(double));  // one block move, however long the array
  }
}

// An operand's numbers: an expression's storage, or a plain number as a number leaf.
template <std::size_t M>
constexpr const numbers_storage<M>& numbers_arg(const numbers_storage<M>& operand) {
  return operand;
}
constexpr number numbers_arg(double operand) {
  return number(operand);
}

// Writes the operands' numbers one after another into a node's. Declared over the storage base
// classes, so that it is instantiated per array size, never per expression type.
template <std::size_t N, std::size_t... M>
constexpr void fill_numbers(numbers_storage<N>& node, const numbers_storage<M>&... operands) {
  if constexpr (N > 0) {
    std::size_t k = 0;
    ((copy_numbers(node.numbers.data() + k, operands.numbers.data(), M), k += M), ...);
  } else {
    (void)node;
    ((void)operands, ...);
  }
}
template <class... Operands>
constexpr void fill_numbers(invalid_node&, const Operands&...) {}

// The node Op(operands...) as a function, for the library's own rewriting (derivatives,
// simplification); the operand types are deduced, never written out: naming a large expression
// type in a template argument list costs g++ time in proportion to the paths through it.
template <class Op, class... Operands>
constexpr auto make_node(const Operands&... operands) {
  typename node_of<Op, Operands...>::object node;
  fill_numbers(node, numbers_arg(operands)...);
  return node;
}

// Operands of a binary operation: at least one expression, and each an expression or a number.
template <class L, class R>
concept one_is_expression = expression_object<L> || expression_object<R>;
template <class L, class R>
concept operands = one_is_expression<L, R> &&
    (expression_object<L> || scalar<L>)&&(expression_object<R> || scalar<R>);

}  // namespace ctgrad::detail
