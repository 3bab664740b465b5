#pragma once
// The graph of an expression type: its distinct nodes in topological order (operands before
// the nodes that use them), with each node's operand positions and number offsets resolved at
// compile time. The sweeps in eval/ and reverse/ are straight-line code over this list.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/core/nodes.hpp"
#include "ctgrad/detail/type_list.hpp"
#include "ctgrad/graph/keys.hpp"

namespace ctgrad::detail {

// The keys of the operands of an interior node, measured as the node's own key is.
template <class Key>
struct operand_keys {
  using type = list<>;
};
template <class Op, class... C, std::size_t Offset, class Scope>
struct operand_keys<key<expr<Op, C...>, Offset, Scope>> {
  static constexpr std::array<std::size_t, sizeof...(C)> counts{C::number_count...};
  static constexpr std::size_t before(std::size_t j) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < j; ++i) n += counts[i];
    return n;
  }
  template <std::size_t... J>
  static list<key_at<C, Offset + before(J), Scope>...> keys(std::index_sequence<J...>);
  using type = decltype(keys(std::index_sequence_for<C...>{}));
};
template <fixed_string Name, class C, std::size_t Offset, class Scope>
struct operand_keys<key<expr<named<Name>, C>, Offset, Scope>> {
  using type = list<key_at<C, 0, in_let<Name>>>;
};

template <class Keys>
struct graph;

template <class... K>
struct graph<list<K...>> {
  static constexpr std::size_t size = sizeof...(K);
  using keys = list<K...>;
  using map = position_map<std::index_sequence_for<K...>, identity<K>...>;

  template <class Id>
  static constexpr bool has_identity = contains<Id, set<identity<K>...>>;
  template <class Id>
  static constexpr std::size_t index_of_identity = position<Id, map>;

  // Position of a node, given its key or its identity.
  template <class Key>
  static constexpr std::size_t index_of = position<identity<Key>, map>;

  template <class Key>
  static constexpr auto operand_indices() {
    return []<class... C>(list<C...>) {
      return std::array<std::size_t, sizeof...(C)>{index_of<C>...};
    }(typename operand_keys<Key>::type{});
  }

  // Absolute position of a key's first number in the expression's numbers array.
  template <class Key>
  static constexpr std::size_t number_position() {
    if constexpr (std::is_same_v<typename Key::scope, in_root>) {
      return Key::offset;
    } else {
      return []<fixed_string Name>(std::type_identity<in_let<Name>>) {
        using let_key = at<position<named_identity<Name>, map>, K...>;
        return number_position<let_key>();
      }(std::type_identity<typename Key::scope>{}) + Key::offset;
    }
  }

  static constexpr std::size_t max_arity = 3;
  using operand_row = std::array<std::size_t, max_arity>;

  template <class Key>
  static constexpr operand_row padded_operands() {
    operand_row row{};
    auto o = operand_indices<Key>();
    for (std::size_t j = 0; j < o.size(); ++j) row[j] = o[j];
    return row;
  }

  // Braced lists, not fold expressions: a fold over n nodes nests n deep and clang caps
  // that nesting at 256.
  static constexpr std::array<std::size_t, size> arity{operand_keys<K>::type::size...};
  static constexpr std::array<operand_row, size> operands{padded_operands<K>()...};

  // Nodes that a gradient can report: variables and named intermediates.
  static constexpr std::array<bool, size> is_entry{
      (is_variable<typename K::node>::value || is_named<typename K::node>::value)...};
  static constexpr std::size_t entry_count = [] {
    std::size_t n = 0;
    for (bool b : is_entry) n += b;
    return n;
  }();
  // Their identities, in graph order: the default entries of a gradient.
  using entry_ids = typename pick<list<identity<K>...>, positions_of<entry_count>(is_entry)>::type;
};

}  // namespace ctgrad::detail
