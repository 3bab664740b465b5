#pragma once
// The targets of a gradient, a batch or a Jacobian: wrt(w, b) and its strict form
// wrt_strict(w, b). With wrt, a target the expression does not contain has derivative exactly 0
// (f does not depend on it); with wrt_strict it is a compile error that names it, for the usual
// reason such a target is asked for: a misspelt name, or a variable of another expression.
#include <array>
#include <cstddef>
#include <type_traits>

#include "ctgrad/graph/graph.hpp"

namespace ctgrad {

namespace error {
template <class Argument>
struct wrt_takes_variables_or_named_intermediates {
  static constexpr bool value = false;
};
template <class Target>
struct the_expression_does_not_contain_the_target {
  static constexpr bool value = false;
};
template <class Input>
struct no_output_of_the_jacobian_contains_the_input {
  static constexpr bool value = false;
};
}  // namespace error

namespace detail {
// What argument T is looked up by, and how diagnostics name it: name<'w'> for a variable or
// named intermediate, else its structure (an expression) or its type.
template <class T>
using entry_id = typename node_traits<structure_t<T>>::entry_id;
template <class T>
using entry_name = typename node_traits<
    std::conditional_t<expression<T>, structure_t<T>, std::remove_cvref_t<T>>>::diagnostic_name;

template <class T>
concept gradient_target = expression<T> && !std::is_void_v<entry_id<T>>;

template <class Id, class... Ids>
constexpr std::size_t find_entry() {
  constexpr std::array<bool, sizeof...(Ids)> hit{std::is_same_v<Id, Ids>...};
  for (std::size_t i = 0; i < hit.size(); ++i)
    if (hit[i]) return i;
  return sizeof...(Ids);
}
}  // namespace detail

// The targets of a gradient: variables or named intermediates, e.g. wrt(w1, b1).
template <class... Ids>
struct targets {};
// The same, each of which the expression must contain: wrt_strict(w1, b1).
template <class... Ids>
struct strict_targets {};

namespace detail {
// The arguments of a failed wrt() that are targets (kept, so that nothing else is reported).
template <class... Ids>
constexpr targets<Ids...> kept_targets(targets<Ids...> kept) {
  return kept;
}
template <class... Ids, class X, class... Rest>
constexpr auto kept_targets(targets<Ids...>, const X&, const Rest&... rest) {
  if constexpr (gradient_target<X>)
    return kept_targets(targets<Ids..., entry_id<X>>{}, rest...);
  else
    return kept_targets(targets<Ids...>{}, rest...);
}
}  // namespace detail

template <class... X>
constexpr auto wrt(const X&... x) {
  static_assert((detail::gradient_target<X> && ...) ||
                    (error::wrt_takes_variables_or_named_intermediates<X>::value && ...),
                "ctgrad::wrt: a gradient is taken with respect to variables (ctgrad::var) or "
                "named intermediates (ctgrad::let), not with respect to an expression");
  if constexpr ((detail::gradient_target<X> && ...))
    return targets<detail::entry_id<X>...>{};
  else
    return detail::kept_targets(targets<>{}, x...);
}

template <class... X>
constexpr auto wrt_strict(const X&... x) {
  using plain = decltype(wrt(x...));  // the same arguments, checked once
  if constexpr (!std::is_void_v<plain>) {
    return []<class... Ids>(targets<Ids...>) { return strict_targets<Ids...>{}; }(plain{});
  }
}

namespace detail {
// The first of Ids that Sweep's graph does not contain, or sizeof...(Ids).
template <class Sweep, class... Ids>
constexpr std::size_t first_absent_target() {
  return first_false(std::array<bool, sizeof...(Ids) + 1>{
      (Sweep::find(entry_node_id<Ids>) < Sweep::size)..., false});
}

// Stops with a message naming the first target of wrt_strict(...) that f does not contain.
// Returns true either way, so that a static_assert of it adds no second error (the targets are
// entries either way).
template <class Sweep, class... Ids>
constexpr bool check_contains_targets() {
  constexpr std::size_t absent = first_absent_target<Sweep, Ids...>();
  if constexpr (absent < sizeof...(Ids))
    static_assert(error::the_expression_does_not_contain_the_target<
                      typename node_traits<at<absent, Ids...>>::diagnostic_name>::value,
                  "ctgrad::wrt_strict: a target does not occur in the expression (plain "
                  "ctgrad::wrt would give it derivative 0): is its name misspelt?");
  return true;
}

// The same for the inputs of a Jacobian, each of which some output must contain.
template <class Sweep, class... Ids>
constexpr bool check_outputs_contain_inputs() {
  constexpr std::size_t absent = first_absent_target<Sweep, Ids...>();
  if constexpr (absent < sizeof...(Ids))
    static_assert(error::no_output_of_the_jacobian_contains_the_input<
                      typename node_traits<at<absent, Ids...>>::diagnostic_name>::value,
                  "ctgrad::wrt_strict: no output of the Jacobian contains this input (plain "
                  "ctgrad::wrt would give it a column of zeros): is its name misspelt?");
  return true;
}
}  // namespace detail

}  // namespace ctgrad
