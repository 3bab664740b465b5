#pragma once
// A bundle: several scalar expressions held as one graph, so that a node they share is computed
// once per pass. Its graph is one walk from each output's root in turn (graph/walk.hpp), each
// output's numbers after those of the outputs before it; its numbers are theirs, concatenated.
// The sweeps of graph/sweep.hpp run on a bundle as on an expression; output i is read at
// roots[i], its root's position in the graph.
#include <array>
#include <cstddef>

#include "ctgrad/core/make.hpp"
#include "ctgrad/graph/graph.hpp"

namespace ctgrad {

namespace detail {
// What a bundle's object says of itself: its numbers and how many outputs it has.
template <std::size_t N, std::size_t Outputs>
struct bundle_base : numbers_storage<N> {
  static constexpr std::size_t number_count = N;
  static constexpr std::size_t output_count = Outputs;
};
}  // namespace detail

// The object of a bundle of outputs with structures S... (made by ctgrad::outputs). Unnamed for
// the reason expression objects are (core/expr.hpp).
template <class... S>
struct bundle_of {
  static_assert(sizeof...(S) > 0, "ctgrad: a bundle needs at least one output");
  struct : detail::bundle_base<detail::outputs_structure<S...>::number_count, sizeof...(S)> {
    using structure = detail::outputs_structure<S...>;
  } object;
};

namespace detail {
template <class... S>
using bundle_object = decltype(bundle_of<S...>::object);

// The bundle of the outputs f..., their numbers concatenated.
template <class... E>
constexpr auto make_bundle(const E&... f) {
  using B = bundle_object<structure_t<E>...>;
  if constexpr ((std::size_t{0} + ... + structure_t<E>::number_count) == 0) {
    ((void)f, ...);
    return B{};
  } else {
    B b;  // every number is written below
    fill_numbers(b, numbers_arg(f)...);
    return b;
  }
}
}  // namespace detail

}  // namespace ctgrad
