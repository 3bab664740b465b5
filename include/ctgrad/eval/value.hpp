#pragma once
// value(f, at(...)): the forward pass alone.
#include <array>
#include <cstddef>
#include <type_traits>

#include "ctgrad/eval/point.hpp"
#include "ctgrad/graph/sweep.hpp"

namespace ctgrad {

namespace detail {
template <class T>
struct is_point : std::false_type {};
template <class... B>
struct is_point<point<B...>> : std::true_type {};
}  // namespace detail

template <class T>
concept point_like = detail::is_point<std::remove_cvref_t<T>>::value;

namespace error {
template <class Argument>
struct expected_a_point_made_by_ctgrad_at {
  static constexpr bool value = false;
};
template <class Argument>
struct expected_a_ctgrad_expression {
  static constexpr bool value = false;
};
}  // namespace error

namespace detail {
template <class E, class P>
constexpr bool check_call() {
  static_assert(expression<E> || error::expected_a_ctgrad_expression<E>::value,
                "ctgrad: the first argument must be a ctgrad expression (built from ctgrad::var)");
  static_assert(point_like<P> || error::expected_a_point_made_by_ctgrad_at<P>::value,
                "ctgrad: the second argument must be a point, made by ctgrad::at(x = 1.0, ...)");
  return expression<E> && point_like<P>;
}
}  // namespace detail

// The value of f at p, each distinct node computed once: a number, or a std::array for an
// array-valued f.
template <class E, class P>
CTGRAD_INLINE constexpr auto value(const E& f, const P& p) {
  if constexpr (detail::check_call<E, P>()) {
    using sweep = detail::sweep<E>;
    using T = typename P::scalar_type;
    typename sweep::template values<T> v;  // every slot is written before it is read
    sweep::forward(v, f, p);
    constexpr std::size_t root = sweep::slot[sweep::size - 1];
    constexpr shape s = structure_of<E>::value_shape;
    if constexpr (!s.array) {
      return v[root];
    } else {
      std::array<T, s.width()> out{};
      for (std::size_t k = 0; k < out.size(); ++k) out[k] = v[root + k];
      return out;
    }
  }
}

}  // namespace ctgrad
