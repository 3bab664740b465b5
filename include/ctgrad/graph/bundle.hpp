#pragma once
// A bundle: several scalar expressions held as one graph, so that a node they share is computed
// once per pass. Its keys are the outputs' node lists merged as an operation merges its
// operands' (graph/keys.hpp): each output's number offsets moved past the numbers of the outputs
// before it, then the nodes the earlier outputs lack appended. Its numbers are theirs,
// concatenated. The sweeps of graph/sweep.hpp run on a bundle as on an expression; each output
// is read at its root's position in the merged graph.
#include <array>
#include <cstddef>
#include <utility>

#include "ctgrad/core/nodes.hpp"
#include "ctgrad/graph/graph.hpp"
#include "ctgrad/graph/keys.hpp"

namespace ctgrad {

namespace detail {

// Where each output's numbers start in the bundle: after the numbers of the outputs before it.
template <class... E>
constexpr std::array<std::size_t, sizeof...(E)> number_offsets() {
  const std::array<std::size_t, sizeof...(E)> counts{E::number_count...};
  std::array<std::size_t, sizeof...(E)> offsets{};
  std::size_t before = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    offsets[i] = before;
    before += counts[i];
  }
  return offsets;
}

// The outputs' keys merged left to right, each output's moved past the numbers before it.
template <class Merged, std::size_t Offset, class... E>
struct merged_keys {
  using type = Merged;
};
template <class Merged, std::size_t Offset, class E, class... Rest>
struct merged_keys<Merged, Offset, E, Rest...>
    : merged_keys<typename merge<Merged, typename shift_all<keys_of<E>, Offset>::type>::type,
                  Offset + E::number_count, Rest...> {};

template <class... E>
struct bundle_keys;
template <class First, class... Rest>
struct bundle_keys<First, Rest...> : merged_keys<keys_of<First>, First::number_count, Rest...> {};

// The id of output E's root when its numbers start at Offset: its own key, moved.
template <class E, std::size_t Offset>
inline constexpr node_id root_id = key_id<typename shift<key_at<E, 0, in_root>, Offset>::type>;

template <class Keys, class... E, std::size_t... I>
constexpr std::array<std::size_t, sizeof...(E)> root_positions(std::index_sequence<I...>) {
  constexpr std::array<std::size_t, sizeof...(E)> offsets = number_offsets<E...>();
  return {graph<Keys>::find(root_id<E, offsets[I]>)...};
}

}  // namespace detail

// Scalar expressions E... as one vector-valued function (made by ctgrad::outputs).
template <class... E>
struct bundle : detail::numbers_storage<(std::size_t{0} + ... + E::number_count)> {
  static_assert(sizeof...(E) > 0, "ctgrad: a bundle needs at least one output");

  static constexpr std::size_t output_count = sizeof...(E);
  static constexpr std::size_t number_count = (std::size_t{0} + ... + E::number_count);
  using outputs = detail::list<E...>;
  using key_list = typename detail::bundle_keys<E...>::type;
  static constexpr auto keys() { return key_list{}; }

  // Output i is the node at roots[i] of the merged graph.
  static constexpr std::array<std::size_t, sizeof...(E)> roots =
      detail::root_positions<key_list, E...>(std::index_sequence_for<E...>{});

  constexpr bundle() = default;
  constexpr explicit bundle(const E&... outputs) {
    if constexpr (number_count > 0) {
      std::size_t k = 0;
      (detail::append_numbers(this->numbers, k, outputs), ...);
    }
  }
};

}  // namespace ctgrad
