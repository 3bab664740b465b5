#pragma once
// What the passes ask of a node by its kind, in one place: whether it is a gradient entry and
// what the entry is looked up by (the graph, wrt, derivative), how diagnostics name it, and the
// name, width or value that the checks and printers show. A class template specialised by
// pattern (a failed requires-clause on an expression type would cost clang a printout of the
// type), and instantiated only for the nodes a pass asks about.
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/expr.hpp"
#include "ctgrad/core/fixed_string.hpp"
#include "ctgrad/core/node_info.hpp"
#include "ctgrad/core/shape.hpp"

namespace ctgrad::detail {

// What a gradient entry is looked up by: a variable, or the name of a named intermediate (and
// its shape if it is an array, so that its gradient entry knows its size).
template <fixed_string Name>
struct named_identity {};
template <fixed_string Name, shape S>
struct named_array {};

// Nodes that a gradient can report: variables and named intermediates.
constexpr bool is_entry_kind(node_kind k) {
  return k == node_kind::variable || k == node_kind::array_variable || k == node_kind::named;
}
// Nodes that a point binds: variables, of a number or of an array.
constexpr bool is_variable_kind(node_kind k) {
  return k == node_kind::variable || k == node_kind::array_variable;
}

// The kind as a base: a static data member of node_traits<expr<...>> itself would be mangled by
// g++ with the whole expression in its name.
template <node_kind K>
struct kind_is {
  static constexpr node_kind kind = K;
};

// Per kind:
// - kind: the node's kind (core/node_info.hpp);
// - entry_id: what its gradient entry is looked up by; void if it is not an entry;
// - diagnostic_name: the type a diagnostic names it by: name<'w'> for what has a name (a named
//   intermediate's operation tag aside), else the type itself;
// - name: a variable's or named intermediate's name;
// - width, array: a variable's number of elements, and whether it is an array;
// - numerator, denominator: a constant's.
// Any other type is an operation here: an operation's structure (a loop's too) or tag, or, for
// an argument that is no expression, not a node at all.
template <class S>
struct node_traits : kind_is<node_kind::operation> {
  using entry_id = void;
  using diagnostic_name = S;
};

template <fixed_string Name>
struct node_traits<variable<Name>> : kind_is<node_kind::variable> {
  using entry_id = variable<Name>;
  using diagnostic_name = spelled<Name>;
  static constexpr auto name = Name;
  static constexpr std::size_t width = 1;
  static constexpr bool array = false;
};
template <fixed_string Name, std::size_t Rows, std::size_t Cols>
struct node_traits<array_variable<Name, Rows, Cols>> : kind_is<node_kind::array_variable> {
  using entry_id = array_variable<Name, Rows, Cols>;
  using diagnostic_name = spelled<Name>;
  static constexpr auto name = Name;
  static constexpr std::size_t width = Rows * Cols;
  static constexpr bool array = true;
};

template <>
struct node_traits<number> : kind_is<node_kind::number> {
  using entry_id = void;
  using diagnostic_name = number;
};
template <long long Num, long long Den>
struct node_traits<constant<Num, Den>> : kind_is<node_kind::constant> {
  using entry_id = void;
  using diagnostic_name = constant<Num, Den>;
  static constexpr long long numerator = Num;
  static constexpr long long denominator = Den;
};

// A named intermediate (let<"h">), in each of its forms. Its name, as a base over the name
// alone, for the reason kind_is is one.
template <fixed_string Name>
struct named_node : kind_is<node_kind::named> {
  static constexpr auto name = Name;
};
// Its structure: an entry, looked up by its name (and its shape if it is an array).
template <fixed_string Name, class E>
struct node_traits<expr<named<Name>, E>> : named_node<Name> {
  using entry_id = std::conditional_t<E::value_shape.array, named_array<Name, E::value_shape>,
                                      named_identity<Name>>;
  using diagnostic_name = spelled<Name>;
};
// Its entry ids, which stand for it in a gradient's targets.
template <fixed_string Name>
struct node_traits<named_identity<Name>> : named_node<Name> {
  using entry_id = named_identity<Name>;
  using diagnostic_name = spelled<Name>;
};
template <fixed_string Name, shape S>
struct node_traits<named_array<Name, S>> : named_node<Name> {
  using entry_id = named_array<Name, S>;
  using diagnostic_name = spelled<Name>;
};
// Its operation tag: the step the sweeps take at it (graph/graph.hpp, step_of), which has no
// shape and so no entry id.
template <fixed_string Name>
struct node_traits<named<Name>> : named_node<Name> {
  using entry_id = void;
  using diagnostic_name = named<Name>;
};

}  // namespace ctgrad::detail
