#pragma once
// A point of evaluation: values bound to variables by name, `ctgrad::at(w = 2.0, x = 3.0)`.
// Extra bindings are allowed and ignored; a variable bound twice is an error.
#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "ctgrad/config.hpp"
#include "ctgrad/core/nodes.hpp"
#include "ctgrad/detail/type_list.hpp"
#include "ctgrad/eval/column.hpp"

namespace ctgrad {

template <fixed_string Name, class T>
struct binding {
  static constexpr auto name = Name;
  using value_type = T;
  T value;
};

namespace error {
template <class Value>
struct a_variable_is_bound_to_something_that_is_not_a_number {
  static constexpr bool value = false;
};
template <class Argument>
struct at_takes_bindings_like_x_equals_value {
  static constexpr bool value = false;
};
template <class Name>
struct a_variable_is_bound_twice {
  static constexpr bool value = false;
};
template <class Name>
struct a_range_of_samples_belongs_in_ctgrad_data {
  static constexpr bool value = false;
};
template <class Name>
struct no_value_is_bound_to_variable {
  static constexpr bool value = false;
};
}  // namespace error

template <fixed_string Name>
template <class T>
constexpr auto variable<Name>::operator=(const T& value) const {
  if constexpr (detail::data_range<T>) {
    using E = std::remove_cv_t<std::ranges::range_value_t<const T>>;
    return column<Name, E>{std::span<const E>(std::ranges::data(value), std::ranges::size(value))};
  } else {
    static_assert(
        scalar<T> || error::a_variable_is_bound_to_something_that_is_not_a_number<T>::value,
        "ctgrad: a variable can only be bound to a number (int, double, or a type for "
        "which ctgrad::enable_scalar is true)");
    if constexpr (scalar<T>) return binding<Name, T>{value};
  }
}

namespace detail {
template <class T>
struct is_binding : std::false_type {};
template <fixed_string Name, class T>
struct is_binding<binding<Name, T>> : std::true_type {};

// Integers are bound as doubles: the arithmetic of a point is floating point.
template <class T>
using promoted = std::conditional_t<std::is_integral_v<T>, double, T>;

template <fixed_string Name, class T>
CTGRAD_INLINE constexpr const T& bound_value(const binding<Name, T>& b) {
  return b.value;
}

// The position of the first name that appeared before, or N.
template <std::size_t N>
constexpr std::size_t first_repeated(const std::array<std::string_view, N>& names) {
  for (std::size_t j = 0; j < N; ++j)
    for (std::size_t i = 0; i < j; ++i)
      if (names[i] == names[j]) return j;
  return N;
}
}  // namespace detail

template <class... Bindings>
struct point : Bindings... {
  // The scalar type every node is computed in: the common type of the bound values.
  using scalar_type =
      std::common_type_t<double, detail::promoted<typename Bindings::value_type>...>;

  static constexpr std::array<std::string_view, sizeof...(Bindings)> names{
      Bindings::name.view()...};

  template <fixed_string Name>
  static constexpr bool binds = [] {
    for (std::string_view n : names)
      if (n == Name.view()) return true;
    return false;
  }();

  template <fixed_string Name>
  CTGRAD_INLINE constexpr scalar_type get() const {
    static_assert(binds<Name> || error::no_value_is_bound_to_variable<spelled<Name>>::value,
                  "ctgrad: a variable of the expression has no value at this point; "
                  "bind it in ctgrad::at(...)");
    if constexpr (binds<Name>)
      return static_cast<scalar_type>(detail::bound_value<Name>(*this));
    else
      return scalar_type{};
  }
};

// ctgrad::at(w = 2.0, x = 3.0, b = 1.0)
template <class... Bindings>
constexpr auto at(const Bindings&... bindings) {
  static_assert(!(detail::is_column<Bindings>::value || ...) ||
                    (error::a_range_of_samples_belongs_in_ctgrad_data<Bindings>::value && ...),
                "ctgrad::at: a variable is bound to a range of values; per-sample data go in "
                "ctgrad::data(x = xs, ...) of ctgrad::batch_gradient");
  static_assert((detail::is_column<Bindings>::value || ...) ||
                    (detail::is_binding<Bindings>::value && ...) ||
                    (error::at_takes_bindings_like_x_equals_value<Bindings>::value && ...),
                "ctgrad::at takes bindings written as variable = value, e.g. at(x = 1.0, w = 2.0)");
  if constexpr ((detail::is_binding<Bindings>::value && ...)) {
    constexpr std::size_t twice =
        detail::first_repeated<sizeof...(Bindings)>({Bindings::name.view()...});
    if constexpr (twice < sizeof...(Bindings)) {
      static_assert(
          error::a_variable_is_bound_twice<spelled<detail::at<twice, Bindings...>::name>>::value,
          "ctgrad: a variable is bound twice in ctgrad::at(...)");
    } else {
      return point<Bindings...>{bindings...};
    }
  }
}

}  // namespace ctgrad
