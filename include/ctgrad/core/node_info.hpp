#pragma once
// What the graph walk (graph/walk.hpp) reads of a node's structure: one constexpr object per
// structure type, pointing to its operands' objects. Made once per type, from the operands'
// ones, so that finding the distinct nodes of an expression is a loop over these objects at the
// root instead of type-level work at every operation.
#include <array>
#include <cstddef>

#include "ctgrad/core/shape.hpp"
#include "ctgrad/detail/node_id.hpp"

namespace ctgrad::detail {

enum class node_kind : unsigned char {
  operation,       // expr<Op, ...>
  named,           // expr<named<Name>, E>: a let
  variable,        // variable<Name>
  array_variable,  // array_variable<Name, Rows, Cols>
  constant,        // constant<Num, Den>
  number,          // a run-time number
  loop,            // expr<ops::loop<K, R>, Init>: K steps of R (core/unroll.hpp)
  loop_input,      // what a loop's step reads as its input
};

inline constexpr std::size_t max_arity = 3;

struct node_info {
  node_id id;  // the structure's identity (equal structures have equal ids)
  node_kind kind;
  std::size_t number_count;  // run-time numbers held by the subtree
  shape value_shape;
  unsigned adjoint_operands;  // bit j: the operation passes an adjoint to operand j
  std::size_t arity;
  std::array<const node_info*, max_arity> operands;
  node_id name;  // a let's name; the walk identifies every use of it by this
  // Slots the node takes in the values array: its value's elements, and for a loop the values of
  // all its steps (0 means the value's elements).
  std::size_t width = 0;
  // A loop's other inputs: the variables its step reads, which the walk visits as it visits
  // operands.
  const node_info* const* inputs = nullptr;
  std::size_t input_count = 0;
};

// Slots node n takes in the values array.
constexpr std::size_t slots_taken(const node_info& n) {
  return n.width != 0 ? n.width : n.value_shape.width();
}

}  // namespace ctgrad::detail
