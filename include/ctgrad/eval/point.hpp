#pragma once
// A point of evaluation: values bound to variables by name, `ctgrad::at(w = 2.0, x = 3.0)`.
// Extra bindings are allowed and ignored; a variable bound twice is an error.
#include <array>
#include <cstddef>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
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

// The numbers bound to an array variable: a view of the caller's array (bound from an lvalue or
// a span, which must outlive the point), or, bound from a temporary, a copy of it.
template <fixed_string Name, class T, std::size_t N, bool Owning>
struct array_binding {
  static constexpr auto name = Name;
  static constexpr std::size_t length = N;
  using value_type = T;
  std::conditional_t<Owning, std::array<T, N>, std::span<const T, N>> elements;

  CTGRAD_INLINE constexpr const T* data() const { return elements.data(); }
  // The same numbers, viewed (what a batch passes to every sample instead of copying them).
  constexpr array_binding<Name, T, N, false> view() const {
    return {std::span<const T, N>(data(), N)};
  }
};

namespace error {
template <class Name, class VariableLength, class BoundLength>
struct an_array_variable_is_bound_to_a_different_number_of_values {
  static constexpr bool value = false;
};
template <class Name, class Value>
struct an_array_variable_is_bound_to_something_that_is_not_an_array_of_numbers {
  static constexpr bool value = false;
};
template <class Name>
struct a_number_variable_is_bound_to_an_array {
  static constexpr bool value = false;
};
template <class Name>
struct an_array_variable_is_bound_to_a_number {
  static constexpr bool value = false;
};
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
// The length of a range known from its type (std::array, a C array, a fixed-extent span), or
// std::dynamic_extent.
template <class R>
constexpr std::size_t static_length() {
  using U = std::remove_cvref_t<R>;
  if constexpr (std::is_array_v<U>)
    return std::extent_v<U>;
  else if constexpr (requires { std::tuple_size<U>::value; })
    return std::tuple_size<U>::value;
  else if constexpr (requires { U::extent; })
    return U::extent;
  else
    return std::dynamic_extent;
}

// Not constexpr: reached during constant evaluation, it stops the compilation here.
[[noreturn]] inline void throw_wrong_length(std::string_view name, std::size_t expected,
                                            std::size_t got) {
  throw std::invalid_argument("ctgrad: the array variable " + std::string(name) + " has " +
                              std::to_string(expected) + " elements but is bound to " +
                              std::to_string(got) + " numbers");
}
}  // namespace detail

template <fixed_string Name, std::size_t Rows, std::size_t Cols>
template <class T>
constexpr auto array_variable<Name, Rows, Cols>::operator=(T&& values) const {
  constexpr std::size_t n = Rows * Cols;
  if constexpr (detail::data_range<std::remove_cvref_t<T>>) {
    using E = std::remove_cv_t<std::ranges::range_value_t<const std::remove_cvref_t<T>>>;
    constexpr std::size_t m = detail::static_length<T>();
    static_assert(m == std::dynamic_extent || m == n ||
                      error::an_array_variable_is_bound_to_a_different_number_of_values<
                          spelled<Name>, ctgrad::length<n>, ctgrad::length<m>>::value,
                  "ctgrad: an array variable is bound to an array of a different length");
    if constexpr (m == std::dynamic_extent || m == n) {
      const E* first = std::ranges::data(values);
      if constexpr (m == std::dynamic_extent)
        if (std::ranges::size(values) != n)
          detail::throw_wrong_length(Name.view(), n, std::ranges::size(values));
      if constexpr (std::ranges::borrowed_range<T>) {
        return array_binding<Name, E, n, false>{std::span<const E, n>(first, n)};
      } else {
        array_binding<Name, E, n, true> b{};
        for (std::size_t k = 0; k < n; ++k) b.elements[k] = first[k];
        return b;
      }
    }
  } else {
    static_assert(!scalar<T> || error::an_array_variable_is_bound_to_a_number<spelled<Name>>::value,
                  "ctgrad: an array variable (var<\"w\", N>) is bound to a single number; bind it "
                  "to N numbers: a std::array<double, N>, a std::span or a std::vector");
    static_assert(
        scalar<T> || error::an_array_variable_is_bound_to_something_that_is_not_an_array_of_numbers<
                         spelled<Name>, std::remove_cvref_t<T>>::value,
        "ctgrad: an array variable can only be bound to a contiguous range of numbers "
        "(std::array<double, N>, std::span, std::vector)");
  }
}

namespace detail {
template <class T>
struct is_binding : std::false_type {};
template <fixed_string Name, class T>
struct is_binding<binding<Name, T>> : std::true_type {};
template <fixed_string Name, class T, std::size_t N, bool Owning>
struct is_binding<array_binding<Name, T, N, Owning>> : std::true_type {};

template <class T>
struct is_array_binding : std::false_type {};
template <fixed_string Name, class T, std::size_t N, bool Owning>
struct is_array_binding<array_binding<Name, T, N, Owning>> : std::true_type {};

// The binding of a point (a base class) that binds Name, found by deduction.
template <fixed_string Name, class T>
constexpr const binding<Name, T>& binding_named(const binding<Name, T>& b) {
  return b;
}
template <fixed_string Name, class T, std::size_t N, bool Owning>
constexpr const array_binding<Name, T, N, Owning>& binding_named(
    const array_binding<Name, T, N, Owning>& b) {
  return b;
}
template <fixed_string Name, class Point>
using binding_type =
    std::remove_cvref_t<decltype(binding_named<Name>(std::declval<const Point&>()))>;

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
    if constexpr (binds<Name>) {
      constexpr bool is_array = detail::is_array_binding<detail::binding_type<Name, point>>::value;
      static_assert(
          !is_array || error::a_number_variable_is_bound_to_an_array<spelled<Name>>::value,
          "ctgrad: a variable that is a number (var<\"x\">) is bound to an array here");
      if constexpr (!is_array) return static_cast<scalar_type>(detail::bound_value<Name>(*this));
    } else {
      return scalar_type{};
    }
  }

  // Copies the N numbers bound to array variable Name to out.
  template <fixed_string Name, std::size_t N>
  CTGRAD_INLINE constexpr void get_elements(scalar_type* out) const {
    static_assert(binds<Name> || error::no_value_is_bound_to_variable<spelled<Name>>::value,
                  "ctgrad: a variable of the expression has no value at this point; "
                  "bind it in ctgrad::at(...)");
    if constexpr (binds<Name>) {
      using B = detail::binding_type<Name, point>;
      static_assert(detail::is_array_binding<B>::value ||
                        error::an_array_variable_is_bound_to_a_number<spelled<Name>>::value,
                    "ctgrad: an array variable (var<\"w\", N>) is bound to a single number here");
      if constexpr (detail::is_array_binding<B>::value) {
        static_assert(B::length == N ||
                          error::an_array_variable_is_bound_to_a_different_number_of_values<
                              spelled<Name>, ctgrad::length<N>, ctgrad::length<B::length>>::value,
                      "ctgrad: an array variable is bound to an array of a different length");
        const auto* first = static_cast<const B&>(*this).data();
        for (std::size_t k = 0; k < N; ++k) out[k] = static_cast<scalar_type>(first[k]);
      }
    }
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
