#pragma once
// The graph of an expression: its distinct nodes in topological order (operands before the
// nodes that use them), found by one walk from the root (graph/walk.hpp), with each node's
// operand positions, number position, shape and slot in the values array as plain constexpr
// arrays. The sweeps in graph/sweep.hpp expand over these.
//
// The sweeps also need each node's type: its operation tag, or the leaf itself. A node's type is
// the type of the node it was found under, taken apart at the operand it was found at, so the
// types are recovered from the root down, parents first, each in a constant number of steps.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/core/node_traits.hpp"
#include "ctgrad/core/nodes.hpp"
#include "ctgrad/detail/node_id.hpp"
#include "ctgrad/detail/type_list.hpp"
#include "ctgrad/graph/walk.hpp"

namespace ctgrad::error {
template <class Function>
struct this_function_does_not_take_array_expressions_yet {
  static constexpr bool value = false;
};
template <class Name>
struct two_different_expressions_are_named {
  static constexpr bool value = false;
};
}  // namespace ctgrad::error

namespace ctgrad::detail {

using operand_row = std::array<std::size_t, max_arity>;

// The structure of several outputs as one graph (graph/bundle.hpp): a node two outputs share is
// computed once. Output i is the node at roots()[i] of the graph.
template <class... S>
struct outputs_structure {
  using ctgrad_structure = bundle_tag;
  using outputs = list<S...>;
  static constexpr std::size_t output_count = sizeof...(S);
  static constexpr std::size_t number_count = (std::size_t{0} + ... + S::number_count);
  static constexpr const auto& roots();
};

// The roots of a graph: an expression has one; a graph of several outputs has one per output,
// each output's numbers after those of the outputs before it. (Matched by pattern: a failed
// requires-clause on an expression type would cost clang a printout of the type.)
template <class G>
struct roots_of {
  using structures = list<G>;
};
template <class... S>
struct roots_of<outputs_structure<S...>> {
  using structures = list<S...>;
};

template <class... S>
constexpr std::array<walk_root, sizeof...(S)> walk_roots(list<S...>) {
  const std::array<const node_info*, sizeof...(S)> infos{&S::info...};
  const std::array<std::size_t, sizeof...(S)> counts{S::number_count...};
  std::array<walk_root, sizeof...(S)> roots{};
  std::size_t offset = 0;
  for (std::size_t i = 0; i < sizeof...(S); ++i) {
    roots[i] = {infos[i], offset};
    offset += counts[i];
  }
  return roots;
}

// Where each node's elements start in the values array: nodes lie one after another, each
// taking as many slots as its shape has elements (one for a number).
template <std::size_t N>
constexpr std::array<std::size_t, N + 1> slots_of(const std::array<walked_node, N>& nodes) {
  std::array<std::size_t, N + 1> at{};
  for (std::size_t i = 0; i < N; ++i) at[i + 1] = at[i] + slots_taken(*nodes[i].info);
  return at;
}

template <std::size_t N>
constexpr std::size_t count_entries(const std::array<walked_node, N>& nodes) {
  std::size_t n = 0;
  for (const walked_node& w : nodes) n += is_entry_kind(w.info->kind);
  return n;
}

template <class G>
struct graph {
  using root_structures = typename roots_of<G>::structures;
  static constexpr std::array<walk_root, root_structures::size> root_list =
      detail::walk_roots(root_structures{});
  static constexpr walk_summary summary =
      walk(root_list.data(), root_list.size(), nullptr, nullptr);
  static constexpr std::size_t size = summary.size;
  static constexpr walk_table<size, root_list.size()> table = walk_into<size>(root_list);
  static constexpr const std::array<walked_node, size>& nodes = table.nodes;
  // Output r is the node at roots[r] (for an expression, the last node).
  static constexpr const std::array<std::size_t, root_list.size()>& roots = table.roots;

  static constexpr std::array<node_id, size> ids = [] {
    std::array<node_id, size> out{};
    for (std::size_t i = 0; i < size; ++i) out[i] = nodes[i].key;
    return out;
  }();
  static constexpr std::array<shape, size> shapes = [] {
    std::array<shape, size> out{};
    for (std::size_t i = 0; i < size; ++i) out[i] = nodes[i].info->value_shape;
    return out;
  }();
  // Node i's elements are values[slot[i]] .. values[slot[i + 1] - 1]; slot[size] is the length
  // of the values array. Without arrays, slot[i] is i.
  static constexpr std::array<std::size_t, size + 1> slot = slots_of(nodes);
  static constexpr std::size_t slots = slot[size];
  static constexpr bool has_arrays = [] {
    for (const shape& s : shapes)
      if (s.array) return true;
    return false;
  }();
  static constexpr std::array<std::size_t, size> arity = [] {
    std::array<std::size_t, size> out{};
    for (std::size_t i = 0; i < size; ++i) out[i] = nodes[i].info->arity;
    return out;
  }();
  static constexpr std::array<unsigned, size> passes_adjoint = [] {
    std::array<unsigned, size> out{};
    for (std::size_t i = 0; i < size; ++i) out[i] = nodes[i].info->adjoint_operands;
    return out;
  }();
  // Operand positions; for a number leaf, its number's position in the numbers array.
  static constexpr std::array<operand_row, size> operands = [] {
    std::array<operand_row, size> out{};
    for (std::size_t i = 0; i < size; ++i) out[i] = nodes[i].operands;
    return out;
  }();
  static constexpr std::array<bool, size> is_entry = [] {
    std::array<bool, size> out{};
    for (std::size_t i = 0; i < size; ++i) out[i] = is_entry_kind(nodes[i].info->kind);
    return out;
  }();
  static constexpr std::size_t entry_count = count_entries(nodes);

  // A loop's inputs (the variables its step reads), which are nodes of this graph too:
  // inputs[input_begin[i] ...] for node i.
  static constexpr std::size_t input_count(std::size_t i) { return nodes[i].info->input_count; }
  static constexpr std::array<std::size_t, size + 1> input_begin = [] {
    std::array<std::size_t, size + 1> at{};
    for (std::size_t i = 0; i < size; ++i) at[i + 1] = at[i] + nodes[i].info->input_count;
    return at;
  }();
  static constexpr std::array<std::size_t, input_begin[size]> inputs = [] {
    std::array<std::size_t, input_begin[size]> at{};
    for (std::size_t i = 0; i < size; ++i)
      for (std::size_t h = 0; h < nodes[i].info->input_count; ++h)
        for (std::size_t n = 0; n < size; ++n)
          if (ids[n] == nodes[i].info->inputs[h]->id) at[input_begin[i] + h] = n;
    return at;
  }();
  // Every node is a number or a function of numbers: the sweeps take their simplest form.
  static constexpr bool plain = [] {
    for (const walked_node& n : nodes)
      if (slots_taken(*n.info) != 1 || n.info->value_shape.array ||
          n.info->kind == node_kind::loop_input)
        return false;
    return true;
  }();

  static constexpr std::size_t find(const node_id& id) {
    for (std::size_t i = 0; i < size; ++i)
      if (ids[i] == id) return i;
    return size;
  }
};

// The structure of node P of graph G.
// Child `which` of structure S: an operand, or after them a loop's input.
template <class S, std::size_t Which, bool Operand = (Which < S::operands::size)>
struct child_of {
  using type = list_at<Which, typename S::operands>;
};
template <class S, std::size_t Which>
struct child_of<S, Which, false> {
  using type = list_at<Which - S::operands::size, typename S::extras::input_types>;
};

template <class G, std::size_t P, std::size_t Parent = graph<G>::nodes[P].parent>
struct node_at {
  using type = typename child_of<typename node_at<G, Parent>::type, graph<G>::nodes[P].which>::type;
};
template <class G, std::size_t P>
struct node_at<G, P, no_node> {
  using type = list_at<graph<G>::nodes[P].which, typename graph<G>::root_structures>;
};
template <class G, std::size_t P>
using node_at_t = typename node_at<G, P>::type;

// What each node does, as a small type: the operation tag of an interior node, or the leaf
// itself. The sweeps are instantiated over these and over operand positions, never over
// subtree types, so the compiler's work per node does not depend on the expression.
template <class S>
struct step_of {
  using type = S;
};
template <class Op, class... A>
struct step_of<expr<Op, A...>> {
  using type = Op;
};

template <class G>
constexpr auto entry_positions() {
  constexpr std::size_t n = graph<G>::entry_count;
  std::array<std::size_t, n> at{};
  std::size_t k = 0;
  for (std::size_t i = 0; i < graph<G>::size; ++i)
    if (graph<G>::is_entry[i]) at[k++] = i;
  return at;
}

// The types of G's nodes. Declared in this order: `reversed` makes every node's type from its
// parent's, parents first, so that no node's type is made by a recursion through its ancestors.
template <class G, class Sequence = std::make_index_sequence<graph<G>::size>,
          class Entries = std::make_index_sequence<graph<G>::entry_count>>
struct node_types;
template <class G, std::size_t... R, std::size_t... E>
struct node_types<G, std::index_sequence<R...>, std::index_sequence<E...>> {
  static constexpr std::size_t size = sizeof...(R);
  // The index is spelled with sizeof...(R), not with `size`: naming the member of the class being
  // instantiated cost g++ 12 70 MB and a tenth of the time on a 1000-node sum.
  using reversed = list<node_at_t<G, sizeof...(R) - 1 - R>...>;
  // The steps in topological order (the forward sweep's).
  using steps = list<typename step_of<node_at_t<G, R>>::type...>;
  // The entries in graph order: what a gradient reports by default.
  static constexpr std::array<std::size_t, sizeof...(E)> entry_at = entry_positions<G>();
  using entry_ids = list<typename node_traits<node_at_t<G, entry_at[E]>>::entry_id...>;
};

// The steps of nodes Root, Root - 1, ..., 0: the order of an adjoint sweep seeded at Root.
template <class G, std::size_t Root, class Sequence = std::make_index_sequence<Root + 1>>
struct reversed_steps;
template <class G, std::size_t Root, std::size_t... R>
struct reversed_steps<G, Root, std::index_sequence<R...>> {
  using parents_first = typename node_types<G>::reversed;
  using type = list<typename step_of<node_at_t<G, Root - R>>::type...>;
  using positions = std::index_sequence<(Root - R)...>;
};

// The name a let clashes with another under, for the diagnostic.
template <class G, bool Clash = (graph<G>::summary.clash != no_node)>
struct clashing_name {
  using type = void;
};
template <class G>
struct clashing_name<G, true> {
  using type = spelled<node_at_t<G, graph<G>::summary.clash>::op::name>;
};

// Stops with a message where a let's name stands for two different expressions. Returns true
// either way, so that a static_assert of it adds no second error.
template <class G>
constexpr bool check_names() {
  static_assert(
      graph<G>::summary.clash == no_node ||
          error::two_different_expressions_are_named<typename clashing_name<G>::type>::value,
      "ctgrad: two different expressions are given the same name with let<>; "
      "a name must stand for one expression");
  return true;
}

// The id a gradient entry is found by: a variable's, or a named intermediate's (its name's).
template <class EntryId>
inline constexpr node_id entry_node_id = EntryId::id;
template <fixed_string Name>
inline constexpr node_id entry_node_id<named_identity<Name>> = name_id<Name>;
template <fixed_string Name, shape S>
inline constexpr node_id entry_node_id<named_array<Name, S>> = name_id<Name>;

// The shape of a gradient entry.
template <class EntryId>
inline constexpr shape entry_shape = scalar_shape;
template <fixed_string Name, std::size_t Rows, std::size_t Cols>
inline constexpr shape entry_shape<array_variable<Name, Rows, Cols>> = array_shape<Rows, Cols>;
template <fixed_string Name, shape S>
inline constexpr shape entry_shape<named_array<Name, S>> = S;

template <class... S>
constexpr const auto& outputs_structure<S...>::roots() {
  return graph<outputs_structure>::roots;
}

// The graph an object stands for: an expression's structure, or a bundle's.
template <class E>
using graph_key = typename std::remove_cvref_t<E>::structure;

// Stops, with a message naming the function, where an expression holds arrays that the function
// cannot handle (symbolic derivatives, forward mode and the checks and views work on numbers).
template <fixed_string Function, class E>
constexpr bool check_no_arrays() {
  constexpr bool arrays = graph<graph_key<E>>::has_arrays;
  static_assert(
      !arrays || error::this_function_does_not_take_array_expressions_yet<spelled<Function>>::value,
      "ctgrad: this function does not take expressions with array variables yet; "
      "value, gradient and batch_gradient do");
  return !arrays;
}

}  // namespace ctgrad::detail

namespace ctgrad {

// The number of distinct nodes of e's graph (for outputs(...), of the graph they share): what
// value, gradient and the other passes compute once each. A subexpression that is one node
// (docs/api.md, "Node identity") counts once, and a loop made by unroll<K> is one node.
template <class E>
requires expression<E> || requires {
  typename std::remove_cvref_t<E>::structure::outputs;
}
constexpr std::size_t node_count(const E&) {
  return detail::graph<detail::graph_key<E>>::size;
}

}  // namespace ctgrad
