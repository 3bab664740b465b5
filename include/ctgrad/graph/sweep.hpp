#pragma once
// The forward pass and the adjoint sweep over a graph. Both are straight-line code: one
// statement per distinct node, expanded from the sorted node list, with every operand position
// a compile-time constant, so the compiler sees what a hand-written gradient would be.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/graph/graph.hpp"

namespace ctgrad::detail {

template <class Key>
struct is_interior : std::false_type {};
template <class Op, class... C, std::size_t Offset, class Scope>
struct is_interior<key<expr<Op, C...>, Offset, Scope>> : std::true_type {};

template <class Expr>
struct sweep : graph<typename Expr::keys> {
  using base = graph<typename Expr::keys>;
  using base::size;

  template <class T>
  using values = std::array<T, base::size>;

  // The value of one node from its operands' values.
  template <class Key, class T, class Point>
  static constexpr T node_value(const values<T>& v, const Expr& e, const Point& p) {
    using node = typename Key::node;
    if constexpr (is_variable<node>::value) {
      return []<fixed_string Name>(const Point& pt, std::type_identity<variable<Name>>) {
        return static_cast<T>(pt.template get<Name>());
      }(p, std::type_identity<node>{});
    } else if constexpr (std::is_same_v<node, number>) {
      return static_cast<T>(e.numbers[base::template number_position<Key>()]);
    } else if constexpr (is_interior<Key>::value) {
      constexpr auto o = base::template operand_indices<Key>();
      return [&]<std::size_t... J>(std::index_sequence<J...>) {
        return node::op::value(v[o[J]]...);
      }(std::make_index_sequence<o.size()>{});
    } else {  // a compile-time constant
      if constexpr (node::denominator == 1) return static_cast<T>(node::numerator);
      else return static_cast<T>(node::numerator) / static_cast<T>(node::denominator);
    }
  }

  template <class T, class Point>
  static constexpr void forward(values<T>& v, const Expr& e, const Point& p) {
    [&]<class... K, std::size_t... I>(list<K...>, std::index_sequence<I...>) {
      const int in_order[] = {((v[I] = node_value<K, T>(v, e, p)), 0)...};
      (void)in_order;
    }(typename Expr::keys{}, std::make_index_sequence<size>{});
  }

  // Nodes whose adjoint is wanted: variables, named intermediates, and every node on a path to
  // one of them. Partials toward other nodes (numbers, constants) are never computed: free at
  // run time anyway, and at compile time it keeps d/db of a^b (a log) out of pow(x, 2.0).
  static constexpr std::array<bool, size> wanted = [] {
    std::array<bool, size> w = base::is_entry;
    for (std::size_t i = 0; i < size; ++i)
      for (std::size_t j = 0; j < base::arity[i]; ++j) w[i] = w[i] || w[base::operands[i][j]];
    return w;
  }();

  // The first contribution to an adjoint (in reverse order) assigns instead of adding to zero:
  // 0 + x is not x for x = -0.0, so the compiler could not drop that addition itself.
  static constexpr std::array<std::array<bool, base::max_arity>, size> assigns = [] {
    std::array<std::array<bool, base::max_arity>, size> first{};
    std::array<bool, size> written{};
    for (std::size_t i = size; i-- > 0;)
      for (std::size_t j = 0; j < base::arity[i]; ++j) {
        const std::size_t c = base::operands[i][j];
        if (wanted[c] && !written[c]) first[i][j] = written[c] = true;
      }
    return first;
  }();

  template <std::size_t I, class T>
  static constexpr void backpropagate(const values<T>& v, values<T>& adjoint) {
    using Key = list_at<I, typename Expr::keys>;
    if constexpr (is_interior<Key>::value && wanted[I]) {
      using op = typename Key::node::op;
      constexpr auto o = base::template operand_indices<Key>();
      [&]<std::size_t... J>(std::index_sequence<J...>) {
        const int in_order[] = {(propagate<I, J, op>(v, adjoint, v[o[J]]...), 0)...};
        (void)in_order;
      }(std::make_index_sequence<o.size()>{});
    }
  }

  template <std::size_t I, std::size_t J, class Op, class T, class... A>
  static constexpr void propagate(const values<T>& v, values<T>& adjoint, const A&... operands) {
    constexpr std::size_t c = base::operands[I][J];
    if constexpr (wanted[c]) {
      const T contribution = adjoint[I] * Op::template partial<J>(v[I], operands...);
      if constexpr (assigns[I][J]) adjoint[c] = contribution;
      else adjoint[c] += contribution;
    }
  }

  // Adjoints of every wanted node, seeded with d(root)/d(root) = 1.
  template <class T>
  static constexpr void reverse(const values<T>& v, values<T>& adjoint) {
    adjoint[size - 1] = T(1);
    [&]<std::size_t... R>(std::index_sequence<R...>) {
      const int in_order[] = {(backpropagate<size - 1 - R>(v, adjoint), 0)...};
      (void)in_order;
    }(std::make_index_sequence<size>{});
  }
};

}  // namespace ctgrad::detail
