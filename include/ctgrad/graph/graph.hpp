#pragma once
// The graph of an expression type: its distinct nodes in topological order (operands before
// the nodes that use them), with each node's operand positions and number positions resolved
// at compile time into plain arrays. The sweeps in graph/sweep.hpp expand over these.
#include <algorithm>
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/core/nodes.hpp"
#include "ctgrad/detail/node_id.hpp"
#include "ctgrad/detail/type_list.hpp"
#include "ctgrad/graph/keys.hpp"

namespace ctgrad::error {
template <class Function>
struct this_function_does_not_take_array_expressions_yet {
  static constexpr bool value = false;
};
}  // namespace ctgrad::error

namespace ctgrad::detail {

inline constexpr std::size_t max_arity = 3;
using operand_row = std::array<std::size_t, max_arity>;
using operand_ids = std::array<node_id, max_arity>;

// The ids of an interior node's operands, measured as the node's own key is.
template <class Key>
struct operands_of {
  static constexpr std::size_t arity = 0;
  static constexpr operand_ids ids{};
};
template <class Op, class... C, std::size_t Offset, class Scope>
struct operands_of<key<expr<Op, C...>, Offset, Scope>> {
  static constexpr std::size_t arity = sizeof...(C);
  static constexpr std::array<std::size_t, sizeof...(C)> counts{C::number_count...};
  static constexpr std::size_t before(std::size_t j) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < j; ++i) n += counts[i];
    return n;
  }
  template <std::size_t... J>
  static constexpr operand_ids make(std::index_sequence<J...>) {
    return {key_id<key_at<C, Offset + before(J), Scope>>...};
  }
  static constexpr operand_ids ids = make(std::index_sequence_for<C...>{});
};
template <fixed_string Name, class C, std::size_t Offset, class Scope>
struct operands_of<key<expr<named<Name>, C>, Offset, Scope>> {
  static constexpr std::size_t arity = 1;
  static constexpr operand_ids ids{key_id<key_at<C, 0, in_let<Name>>>};
};

// What each node does, as a small type: the operation tag of an interior node, or the leaf
// itself. The sweeps are instantiated over these and over operand positions, never over
// subtree types, so the compiler's work per node does not depend on the expression.
template <class Key>
struct step_of {
  using type = typename Key::node;
};
template <class Op, class... C, std::size_t Offset, class Scope>
struct step_of<key<expr<Op, C...>, Offset, Scope>> {
  using type = Op;
};

// Bit j: the operation passes an adjoint to operand j. A rule whose operands get none (a
// comparison, select's condition) says so with `adjoint_operands`, so that the sweep neither
// computes the adjoint of such an operand nor adds a 0 to it.
template <class Step>
inline constexpr unsigned adjoint_operands_of = ~0u;
template <class Step>
requires requires {
  Step::adjoint_operands;
}
inline constexpr unsigned adjoint_operands_of<Step> = Step::adjoint_operands;

template <std::size_t N>
struct resolved {
  std::array<operand_row, N> operands{};  // operand positions; a number leaf: its number's
  bool ok = true;
};

template <std::size_t N>
constexpr resolved<N> resolve(const std::array<node_id, N>& ids,
                              const std::array<std::size_t, N>& arity,
                              const std::array<operand_ids, N>& operand_id,
                              const std::array<bool, N>& is_number,
                              const std::array<std::size_t, N>& offset,
                              const std::array<node_id, N>& scope) {
  resolved<N> r{};
  const id_index<N> index(ids);
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = 0; j < arity[i]; ++j) {
      r.operands[i][j] = index.find(operand_id[i][j]);
      r.ok = r.ok && r.operands[i][j] < i;
    }
    if (is_number[i]) {
      // Offsets inside a named intermediate count from where its numbers start.
      std::size_t position = offset[i];
      node_id s = scope[i];
      while (!(s == node_id{})) {
        const std::size_t let = index.find(s);
        if (let >= N) {
          r.ok = false;
          break;
        }
        position += offset[let];
        s = scope[let];
      }
      r.operands[i][0] = position;
    }
  }
  return r;
}

// What a gradient entry is looked up by: a variable, or the name of a named intermediate.
template <class T>
struct entry_id_of {
  using type = void;
};
template <fixed_string Name>
struct entry_id_of<variable<Name>> {
  using type = variable<Name>;
};
template <fixed_string Name, std::size_t Rows, std::size_t Cols>
struct entry_id_of<array_variable<Name, Rows, Cols>> {
  using type = array_variable<Name, Rows, Cols>;
};
template <fixed_string Name, class E>
struct entry_id_of<expr<named<Name>, E>> {
  using type = std::conditional_t<E::value_shape.array, named_array<Name, E::value_shape>,
                                  named_identity<Name>>;
};

// The shape of a gradient entry.
template <class EntryId>
inline constexpr shape entry_shape = scalar_shape;
template <fixed_string Name, std::size_t Rows, std::size_t Cols>
inline constexpr shape entry_shape<array_variable<Name, Rows, Cols>> = array_shape<Rows, Cols>;
template <fixed_string Name, shape S>
inline constexpr shape entry_shape<named_array<Name, S>> = S;

// Where each node's elements start in the values array: nodes lie one after another, each
// taking as many slots as its shape has elements (one for a number).
template <std::size_t N>
constexpr std::array<std::size_t, N + 1> slots_of(const std::array<shape, N>& shapes) {
  std::array<std::size_t, N + 1> at{};
  for (std::size_t i = 0; i < N; ++i) at[i + 1] = at[i] + shapes[i].width();
  return at;
}

template <class Keys>
struct graph;

template <class... K>
struct graph<list<K...>> {
  static constexpr std::size_t size = sizeof...(K);
  using keys = list<K...>;
  using steps = list<typename step_of<K>::type...>;

  static constexpr std::array<node_id, size> ids{key_id<K>...};
  static constexpr std::array<shape, size> shapes{K::node::value_shape...};
  // Node i's elements are values[slot[i]] .. values[slot[i + 1] - 1]; slot[size] is the length
  // of the values array. Without arrays, slot[i] is i.
  static constexpr std::array<std::size_t, size + 1> slot = slots_of(shapes);
  static constexpr std::size_t slots = slot[size];
  static constexpr bool has_arrays = [] {
    for (const shape& s : shapes)
      if (s.array) return true;
    return false;
  }();
  static constexpr std::array<std::size_t, size> arity{operands_of<K>::arity...};
  static constexpr std::array<unsigned, size> passes_adjoint{
      adjoint_operands_of<typename step_of<K>::type>...};

  static constexpr resolved<size> tables = resolve<size>(
      ids, arity, {operands_of<K>::ids...}, {std::is_same_v<typename K::node, number>...},
      {K::offset...}, {scope_id<typename K::scope>...});
  static_assert(tables.ok, "ctgrad: internal error: a node's operand is missing from its graph");
  static constexpr const std::array<operand_row, size>& operands = tables.operands;

  // Nodes that a gradient can report: variables and named intermediates.
  static constexpr std::array<bool, size> is_entry{(is_variable<typename K::node>::value ||
                                                    is_array_variable<typename K::node>::value ||
                                                    is_named<typename K::node>::value)...};

  static constexpr std::size_t entry_count = count_true(is_entry);
  // The entries in graph order: what a gradient reports by default.
  using entry_ids = typename pick<list<typename entry_id_of<typename K::node>::type...>,
                                  positions_of<entry_count>(is_entry)>::type;

  static constexpr std::size_t find(const node_id& id) {
    for (std::size_t i = 0; i < size; ++i)
      if (ids[i] == id) return i;
    return size;
  }
};

// The id a gradient entry is found by: a variable's, or a named intermediate's (its name's).
template <class EntryId>
inline constexpr node_id entry_node_id = EntryId::structure;
template <fixed_string Name>
inline constexpr node_id entry_node_id<named_identity<Name>> = scope_id<in_let<Name>>;
template <fixed_string Name, shape S>
inline constexpr node_id entry_node_id<named_array<Name, S>> = scope_id<in_let<Name>>;

// Stops, with a message naming the function, where an expression holds arrays that the function
// cannot handle (symbolic derivatives, forward mode and the checks and views work on numbers).
template <fixed_string Function, class E>
constexpr bool check_no_arrays() {
  constexpr bool arrays = [] {
    if constexpr (requires { E::holds_arrays; })
      return E::holds_arrays;
    else
      return graph<keys_of<E>>::has_arrays;
  }();
  static_assert(
      !arrays || error::this_function_does_not_take_array_expressions_yet<spelled<Function>>::value,
      "ctgrad: this function does not take expressions with array variables yet; "
      "value, gradient and batch_gradient do");
  return !arrays;
}

}  // namespace ctgrad::detail
