#pragma once
// Node keys: how the distinct nodes of an expression are told apart, and how each expression
// type carries the topologically sorted list of its distinct nodes.
//
// Identity rules (docs/design.md, "Node identity"):
// - a subtree without run-time numbers is identified by its type, so `x * y` written twice is
//   one node: equal types mean equal values;
// - a subtree that holds run-time numbers is identified by its type and by where its numbers
//   sit in the expression, since `3 * x` and `5 * x` have the same type;
// - a named intermediate (let<"h">) is identified by its name; the numbers inside it are
//   addressed relative to the name, so every use of `h` is the same node.
//
// Every expression type builds its list once, from its operands' lists, when the type is formed.
// The merge is a flat pack expansion, so no traversal ever recurses through the tree.
#include <array>
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/expr.hpp"
#include "ctgrad/detail/type_list.hpp"

namespace ctgrad::error {
// Diagnostic carriers: their names and arguments appear in the compiler's message.
template <class Name>
struct two_different_expressions_are_named {
  static constexpr bool value = false;
};
}  // namespace ctgrad::error

namespace ctgrad::detail {

inline constexpr std::size_t no_numbers = static_cast<std::size_t>(-1);

// Where a key's number offset is measured from: the whole expression, or a named intermediate.
struct in_root {};
template <fixed_string Name>
struct in_let {};

template <class Node, std::size_t Offset, class Scope>
struct key {
  using node = Node;
  static constexpr std::size_t offset = Offset;
  using scope = Scope;
};

template <fixed_string Name>
struct named_identity {};

template <class Key>
struct identity_of {
  using type = std::conditional_t<Key::offset == no_numbers, typename Key::node, Key>;
};
template <fixed_string Name, class E, std::size_t Offset, class Scope>
struct identity_of<key<expr<named<Name>, E>, Offset, Scope>> {
  using type = named_identity<Name>;
};
template <class Key>
using identity = typename identity_of<Key>::type;

template <class Node>
inline constexpr std::size_t number_count = Node::number_count;

// The key of a node whose numbers start at Offset within Scope.
template <class Node, std::size_t Offset, class Scope>
using key_at = std::conditional_t<number_count<Node> == 0, key<Node, no_numbers, in_root>,
                                  key<Node, Offset, Scope>>;

// Moves a key of the right operand past the left operand's numbers.
template <class Key, std::size_t By>
struct shift {
  using type = Key;
};
template <class Node, std::size_t Offset, std::size_t By>
  requires(Offset != no_numbers)
struct shift<key<Node, Offset, in_root>, By> {
  using type = key<Node, Offset + By, in_root>;
};

// Re-measures a key from a named intermediate that encloses it.
template <class Key, class Scope>
struct rescope {
  using type = Key;
};
template <class Node, std::size_t Offset, class Scope>
  requires(Offset != no_numbers)
struct rescope<key<Node, Offset, in_root>, Scope> {
  using type = key<Node, Offset, Scope>;
};

template <class Key>
struct node_of {
  using type = typename Key::node;
};

template <class A, class B>
inline constexpr bool same_name_same_expression = true;
template <fixed_string Name, class E1, class E2>
inline constexpr bool same_name_same_expression<expr<named<Name>, E1>, expr<named<Name>, E2>> =
    std::is_same_v<E1, E2>;


template <class Identity>
struct named_name;
template <fixed_string Name>
struct named_name<named_identity<Name>> {
  using type = spelled<Name>;
};

// A's nodes, then those of B that A lacks: the union, still in topological order.
template <class A, class B>
struct merge;
template <class... As, class... Bs>
struct merge<list<As...>, list<Bs...>> {
  using seen = set<identity<As>...>;
  static constexpr std::array<bool, sizeof...(Bs)> is_new{!contains<identity<Bs>, seen>...};
  static constexpr std::size_t new_count = [] {
    std::size_t n = 0;
    for (bool b : is_new) n += b;
    return n;
  }();

  // A name met on both sides must name the same expression on both.
  template <class Kb>
  static constexpr bool consistent() {
    if constexpr (contains<identity<Kb>, seen> && is_named<typename Kb::node>::value) {
      using map = position_map<std::index_sequence_for<As...>, identity<As>...>;
      using Ka = at<position<identity<Kb>, map>, As...>;
      constexpr bool same = same_name_same_expression<typename Ka::node, typename Kb::node>;
      static_assert(same || error::two_different_expressions_are_named<
                                typename named_name<identity<Kb>>::type>::value,
                    "ctgrad: two different expressions are given the same name with let<>; "
                    "a name must stand for one expression");
      return same;
    } else {
      return true;
    }
  }
  static constexpr std::array<bool, sizeof...(Bs)> checked{consistent<Bs>()...};
  static_assert(checked.size() == sizeof...(Bs));

  template <bool AllNew, class = void>
  struct result {
    using type = list<As..., Bs...>;
  };
  template <class Dummy>
  struct result<false, Dummy> {
    using type =
        typename concat<list<As...>,
                        typename pick<list<Bs...>, positions_of<new_count>(is_new)>::type>::type;
  };
  using type = typename result<new_count == sizeof...(Bs)>::type;
};

// The sorted distinct nodes of expr<Op, Args...>, ending with the node itself.
template <class Op, class... Args>
struct node_list;

template <class Op, class A>
struct node_list<Op, A> {
  using self = key_at<expr<Op, A>, 0, in_root>;
  template <class... K>
  static list<K..., self> append(list<K...>);
  using type = decltype(append(typename A::keys{}));
};

template <fixed_string Name, class A>
struct node_list<named<Name>, A> {
  using self = key_at<expr<named<Name>, A>, 0, in_root>;
  template <class... K>
  static list<typename rescope<K, in_let<Name>>::type..., self> append(list<K...>);
  using type = decltype(append(typename A::keys{}));
};

template <class Op, class A, class B>
struct node_list<Op, A, B> {
  using self = key_at<expr<Op, A, B>, 0, in_root>;
  template <class... K>
  static list<typename shift<K, number_count<A>>::type...> shifted(list<K...>);
  using merged = merge<typename A::keys, decltype(shifted(typename B::keys{}))>;
  template <class... K>
  static list<K..., self> append(list<K...>);
  using type = decltype(append(typename merged::type{}));
};

template <class Op, class A, class B, class C>
struct node_list<Op, A, B, C> {
  using self = key_at<expr<Op, A, B, C>, 0, in_root>;
  template <class... K>
  static list<typename shift<K, number_count<A>>::type...> shifted_b(list<K...>);
  template <class... K>
  static list<typename shift<K, number_count<A> + number_count<B>>::type...> shifted_c(list<K...>);
  using ab = typename merge<typename A::keys, decltype(shifted_b(typename B::keys{}))>::type;
  using abc = typename merge<ab, decltype(shifted_c(typename C::keys{}))>::type;
  template <class... K>
  static list<K..., self> append(list<K...>);
  using type = decltype(append(abc{}));
};

}  // namespace ctgrad::detail
