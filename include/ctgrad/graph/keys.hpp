#pragma once
// Node keys: how the distinct nodes of an expression are told apart, and how each expression
// type carries the topologically sorted list of its distinct nodes.
//
// Identity rules (docs/design.md, "Node identity"):
// - a subtree without run-time numbers is identified by its structure, so `x * y` written twice
//   is one node: equal structures mean equal values;
// - a subtree that holds run-time numbers is identified by its structure and by where its
//   numbers sit in the expression, since `3 * x` and `5 * x` have the same structure;
// - a named intermediate (let<"h">) is identified by its name; the numbers inside it are
//   addressed relative to the name, so every use of `h` is the same node.
//
// Every expression type builds its list once, from its operands' lists, when the type forms.
// The merge is a flat pack expansion, so no traversal ever recurses through the tree. Node ids
// (detail/node_id.hpp, a structural hash per node type) let the graph resolve operand positions
// with constexpr array code instead of type lookups.
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "ctgrad/core/expr.hpp"
#include "ctgrad/detail/node_id.hpp"
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

// What a named intermediate is looked up by in a gradient: its name (and its shape if it is an
// array, so that its gradient entry knows its size).
template <fixed_string Name>
struct named_identity {};
template <fixed_string Name, shape S>
struct named_array {};

template <class Scope>
inline constexpr node_id scope_id{};
template <fixed_string Name>
inline constexpr node_id scope_id<in_let<Name>> = hash_text(0x6c6574, Name.view());

// The id of a key: its node's structure, plus where its numbers are if it has any; a named
// intermediate's id is its name.
template <class Key>
inline constexpr node_id key_id = Key::offset == no_numbers
                                      ? Key::node::structure
                                      : combine(combine(Key::node::structure, Key::offset),
                                                scope_id<typename Key::scope>);
template <fixed_string Name, class E, std::size_t Offset, class Scope>
inline constexpr node_id key_id<key<expr<named<Name>, E>, Offset, Scope>> = scope_id<in_let<Name>>;

template <class Node>
inline constexpr std::size_t number_count = Node::number_count;

// The key of a node whose numbers start at Offset within Scope.
template <class Node, std::size_t Offset, class Scope>
using key_at = std::conditional_t<number_count<Node> == 0, key<Node, no_numbers, in_root>,
                                  key<Node, Offset, Scope>>;

// Moves a key of a right operand past the numbers of the operands on its left.
template <class Key, std::size_t By>
struct shift {
  using type = Key;
};
template <class Node, std::size_t Offset, std::size_t By>
requires(Offset != no_numbers) struct shift<key<Node, Offset, in_root>, By> {
  using type = key<Node, Offset + By, in_root>;
};

// Re-measures a key from the named intermediate that encloses it.
template <class Key, class Scope>
struct rescope {
  using type = Key;
};
template <class Node, std::size_t Offset, class Scope>
requires(Offset != no_numbers) struct rescope<key<Node, Offset, in_root>, Scope> {
  using type = key<Node, Offset, Scope>;
};

// The identity a key is deduplicated by: its node type when it holds no numbers, the name of a
// named intermediate, else the key itself (structure and position).
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

// The key of List whose identity is Id (Id is known to be in List).
template <class Id, class List>
struct first_with_identity;
template <class Id, class... K>
struct first_with_identity<Id, list<K...>> {
  static constexpr std::size_t position = [] {
    constexpr bool hit[] = {CTGRAD_SAME(Id, identity<K>)...};
    for (std::size_t i = 0; i < sizeof...(K); ++i)
      if (hit[i]) return i;
    return std::size_t{0};
  }();
  using type = at<position, K...>;
};

template <class A, class B>
inline constexpr bool same_name_same_expression = true;
template <fixed_string Name, class E1, class E2>
inline constexpr bool same_name_same_expression<expr<named<Name>, E1>, expr<named<Name>, E2>> =
    std::is_same_v<E1, E2>;

// Whether a node with Id is among the keys of a list. Keyed by the list type itself (one template
// argument, not its expanded pack), and answered by a braced list of builtin comparisons: the
// compiler creates one small entity per query, whatever the length of the list.
template <class Id, class List>
struct in_list;
template <class Id, class... K>
struct in_list<Id, list<K...>> {
  static constexpr bool value =
      any_true(std::array<bool, sizeof...(K) + 1>{false, CTGRAD_SAME(Id, identity<K>)...});
};

template <class List, std::size_t By>
struct shift_all;
template <class... K, std::size_t By>
struct shift_all<list<K...>, By> {
  using type = list<typename shift<K, By>::type...>;
};

template <class List, class Scope>
struct rescope_all;
template <class... K, class Scope>
struct rescope_all<list<K...>, Scope> {
  using type = list<typename rescope<K, Scope>::type...>;
};

template <class Key>
struct name_of_key {
  using type = void;
};
template <fixed_string Name, class E, std::size_t Offset, class Scope>
struct name_of_key<key<expr<named<Name>, E>, Offset, Scope>> {
  using type = spelled<Name>;
};

// The ids of a list's keys as a set. A key's id stands for its identity (a node type, a name, or
// structure and position), so a membership test costs the compiler a few constexpr steps instead
// of a type comparison per pair of keys.
template <class List>
struct ids_of;
template <class... K>
struct ids_of<list<K...>> {
  static constexpr id_set<sizeof...(K)> set{std::array<node_id, sizeof...(K)>{key_id<K>...}};
};

// A's nodes, then those of B that A lacks: the union, still in topological order.
template <class AKeys, class BKeys>
struct merge;
template <class AKeys, class... Bs>
struct merge<AKeys, list<Bs...>> {
  static constexpr std::array<bool, sizeof...(Bs)> is_new{
      !ids_of<AKeys>::set.contains(key_id<Bs>)...};
  static constexpr std::size_t new_count = count_true(is_new);

  template <class Kb>
  struct agrees {
    using Ka = typename first_with_identity<identity<Kb>, AKeys>::type;
    static constexpr bool value = same_name_same_expression<typename Ka::node, typename Kb::node>;
  };
  // A name met on both sides must name the same expression on both. Only the named keys of B
  // that A also has are looked up: most merges have none, and then nothing is instantiated.
  template <class Kb, bool Check = is_named<typename Kb::node>::value&& ids_of<AKeys>::set.contains(
                          key_id<Kb>)>
  struct name_agrees {
    static constexpr bool value = true;
  };
  template <class Kb>
  struct name_agrees<Kb, true> {
    static constexpr bool value = agrees<Kb>::value;
  };
  template <bool BHasNames, class = void>
  struct first_clash {
    static constexpr std::size_t value = sizeof...(Bs);
  };
  template <class Dummy>
  struct first_clash<true, Dummy> {
    static constexpr std::size_t value =
        first_false(std::array<bool, sizeof...(Bs)>{name_agrees<Bs>::value...});
  };
  static constexpr std::size_t clash = first_clash<any_true(
      std::array<bool, sizeof...(Bs) + 1>{false, is_named<typename Bs::node>::value...})>::value;

  // The name that clashes, for the diagnostic (void when none does).
  template <bool Clashes, class = void>
  struct clashing_name {
    using type = void;
  };
  template <class Dummy>
  struct clashing_name<true, Dummy> {
    using type = typename name_of_key<at<clash, Bs...>>::type;
  };
  // One diagnostic in this class body, so that nothing fails after it.
  static_assert(clash == sizeof...(Bs) ||
                    error::two_different_expressions_are_named<
                        typename clashing_name<(clash < sizeof...(Bs))>::type>::value,
                "ctgrad: two different expressions are given the same name with let<>; "
                "a name must stand for one expression");

  template <bool AllNew, class = void>
  struct pick_new {
    using type = typename concat<AKeys, list<Bs...>>::type;
  };
  template <class Dummy>
  struct pick_new<false, Dummy> {
    using type =
        typename concat<AKeys,
                        typename pick<list<Bs...>, positions_of<new_count>(is_new)>::type>::type;
  };
  using type = typename pick_new<new_count == sizeof...(Bs)>::type;
};

template <class List, class Self>
struct append;
template <class... K, class Self>
struct append<list<K...>, Self> {
  using type = list<K..., Self>;
};

// The sorted distinct nodes of a node type.
template <class Node>
using keys_of = decltype(Node::keys());

// The sorted distinct nodes of expr<Op, Args...>, ending with the node itself.
template <class Op, class... Args>
struct node_list;

template <class Op, class A>
struct node_list<Op, A> {
  using type = typename append<keys_of<A>, key_at<expr<Op, A>, 0, in_root>>::type;
};

template <fixed_string Name, class A>
struct node_list<named<Name>, A> {
  using inner =
      std::conditional_t<(A::number_count > 0),
                         typename rescope_all<keys_of<A>, in_let<Name>>::type, keys_of<A>>;
  using type = typename append<inner, key_at<expr<named<Name>, A>, 0, in_root>>::type;
};

template <class Op, class A, class B>
struct node_list<Op, A, B> {
  using b = typename shift_all<keys_of<B>, number_count<A>>::type;
  using type = typename append<typename merge<keys_of<A>, b>::type,
                               key_at<expr<Op, A, B>, 0, in_root>>::type;
};

template <class Op, class A, class B, class C>
struct node_list<Op, A, B, C> {
  using b = typename shift_all<keys_of<B>, number_count<A>>::type;
  using c = typename shift_all<keys_of<C>, number_count<A> + number_count<B>>::type;
  using ab = typename merge<keys_of<A>, b>::type;
  using type =
      typename append<typename merge<ab, c>::type, key_at<expr<Op, A, B, C>, 0, in_root>>::type;
};

}  // namespace ctgrad::detail
