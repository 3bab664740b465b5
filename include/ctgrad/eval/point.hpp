#pragma once
// A point of evaluation: values bound to variables by name, `ctgrad::at(w = 2.0, x = 3.0)`.
// Extra bindings are allowed and ignored; a variable bound twice is an error. Numbers are copied;
// an array is viewed (an lvalue, a span) or copied (a temporary), as its binding's type says.
#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

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

namespace detail {
// What a binding or a point that failed a check becomes, after the error that says why: a point
// holding one binds every variable to 0, so that the rest of the statement compiles and the
// error is the only one reported.
struct binding_after_error {
  static constexpr fixed_string name = "";
  using value_type = double;
};
}  // namespace detail

// The numbers bound to an array variable: a view of the caller's array (bound from an lvalue or
// a span, which must outlive the point), or, bound from a temporary, a copy of it.
template <fixed_string Name, class T, std::size_t N, holds Storage>
struct array_binding {
  static constexpr auto name = Name;
  static constexpr std::size_t length = N;
  static constexpr holds storage = Storage;
  using value_type = T;
  std::conditional_t<Storage == holds::copy, std::array<T, N>, std::span<const T, N>> elements;

  CTGRAD_INLINE constexpr const T* data() const { return elements.data(); }
  // The same numbers, viewed (what a batch passes to every sample instead of copying them).
  constexpr array_binding<Name, T, N, holds::view> view() const CTGRAD_LIFETIMEBOUND {
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

// `x = xs` for an lvalue range: a column that views xs.
template <fixed_string Name>
template <class T>
requires detail::binds_as_view<T>::value constexpr auto variable<Name>::operator=(
    T& values CTGRAD_LIFETIMEBOUND) const {
  return detail::viewed_column<Name>(values);
}

// `x = 2.0`: a binding; `x = xs` for a span (a view already) or a temporary range (copied).
template <fixed_string Name>
template <class T>
constexpr auto variable<Name>::operator=(T&& value) const {
  using U = std::remove_cvref_t<T>;
  if constexpr (detail::data_range<U>) {
    if constexpr (detail::is_view_type<U>)
      return detail::viewed_column<Name>(value);
    else
      return detail::copied_column<Name>(std::forward<T>(value));
  } else {
    static_assert(
        scalar<U> || error::a_variable_is_bound_to_something_that_is_not_a_number<U>::value,
        "ctgrad: a variable can only be bound to a number (int, double, or a type for "
        "which ctgrad::enable_scalar is true)");
    if constexpr (scalar<U>)
      return binding<Name, U>{value};
    else
      return detail::binding_after_error{};
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

// Checks the length of the numbers bound to array variable Name, and binds them: viewed, or
// copied into the binding.
template <fixed_string Name, std::size_t N, holds Storage, class R>
constexpr auto bind_array(const R& values) {
  using E = element_of<R>;
  constexpr std::size_t m = static_length<R>();
  static_assert(m == std::dynamic_extent || m == N ||
                    error::an_array_variable_is_bound_to_a_different_number_of_values<
                        spelled<Name>, ctgrad::length<N>, ctgrad::length<m>>::value,
                "ctgrad: an array variable is bound to an array of a different length");
  if constexpr (m != std::dynamic_extent && m != N) {
    return binding_after_error{};
  } else {
    const E* first = std::data(values);
    if constexpr (m == std::dynamic_extent)
      if (std::size(values) != N) throw_wrong_length(Name.view(), N, std::size(values));
    if constexpr (Storage == holds::view) {
      return array_binding<Name, E, N, holds::view>{std::span<const E, N>(first, N)};
    } else {
      array_binding<Name, E, N, holds::copy> b{};
      for (std::size_t k = 0; k < N; ++k) b.elements[k] = first[k];
      return b;
    }
  }
}
}  // namespace detail

// `w = ws` for an lvalue range: a binding that views ws.
template <fixed_string Name, std::size_t Rows, std::size_t Cols>
template <class T>
requires detail::binds_as_view<T>::value constexpr auto array_variable<Name, Rows, Cols>::operator=(
    T& values CTGRAD_LIFETIMEBOUND) const {
  return detail::bind_array<Name, Rows * Cols, holds::view>(values);
}

// `w = ws` for a span (viewed: a view already) or a temporary range (copied); anything else is
// an error.
template <fixed_string Name, std::size_t Rows, std::size_t Cols>
template <class T>
constexpr auto array_variable<Name, Rows, Cols>::operator=(T&& values) const {
  using U = std::remove_cvref_t<T>;
  if constexpr (detail::data_range<U>) {
    constexpr holds storage = detail::is_view_type<U> ? holds::view : holds::copy;
    return detail::bind_array<Name, Rows * Cols, storage>(values);
  } else {
    static_assert(!scalar<T> || error::an_array_variable_is_bound_to_a_number<spelled<Name>>::value,
                  "ctgrad: an array variable (var<\"w\", N>) is bound to a single number; bind it "
                  "to N numbers: a std::array<double, N>, a std::span or a std::vector");
    static_assert(
        scalar<T> || error::an_array_variable_is_bound_to_something_that_is_not_an_array_of_numbers<
                         spelled<Name>, U>::value,
        "ctgrad: an array variable can only be bound to a contiguous range of numbers "
        "(std::array<double, N>, std::span, std::vector)");
    return detail::binding_after_error{};
  }
}

namespace detail {
template <class T>
struct is_binding : std::false_type {};
template <>
struct is_binding<binding_after_error> : std::true_type {};
template <fixed_string Name, class T>
struct is_binding<binding<Name, T>> : std::true_type {};
template <fixed_string Name, class T, std::size_t N, holds Storage>
struct is_binding<array_binding<Name, T, N, Storage>> : std::true_type {};

template <class T>
struct is_array_binding : std::false_type {};
template <fixed_string Name, class T, std::size_t N, holds Storage>
struct is_array_binding<array_binding<Name, T, N, Storage>> : std::true_type {};

// Integers are bound as doubles: the arithmetic of a point is floating point.
template <class T>
using promoted = std::conditional_t<std::is_integral_v<T>, double, T>;

// The type a point computes in: double, or the common type with the user's scalar types (a
// dual number). Without std::common_type's recursion when every value is a double.
template <class... T>
struct common_scalar {
  using type = std::common_type_t<double, T...>;
};
template <class... T>
requires(std::is_same_v<T, double>&&...) struct common_scalar<T...> {
  using type = double;
};

// The position of the first name that appeared before, or N (the empty name of a binding after
// an error is not a name).
// Whether a name is among names.
template <std::size_t N>
constexpr bool names_contain(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::string_view n : names)
    if (n == name) return true;
  return false;
}

template <std::size_t N>
constexpr std::size_t first_repeated(const std::array<std::string_view, N>& names) {
  for (std::size_t j = 0; j < N; ++j)
    for (std::size_t i = 0; i < j; ++i)
      if (!names[j].empty() && names[i] == names[j]) return j;
  return N;
}
}  // namespace detail

template <class... Bindings>
struct point : Bindings... {
  // The scalar type every node is computed in: the common type of the bound values.
  using scalar_type =
      typename detail::common_scalar<detail::promoted<typename Bindings::value_type>...>::type;

  static constexpr std::array<std::string_view, sizeof...(Bindings)> names{
      Bindings::name.view()...};

  // A point made after an error (detail::binding_after_error) answers a variable it does not
  // bind with 0.
  static constexpr bool after_error =
      (std::is_same_v<Bindings, detail::binding_after_error> || ...);

  // Where Name's binding is among Bindings, or their count if it is not bound.
  template <fixed_string Name>
  static constexpr std::size_t position = [] {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == Name.view()) return i;
    return names.size();
  }();
  template <fixed_string Name>
  static constexpr bool binds = position<Name> < sizeof...(Bindings);

  template <fixed_string Name>
  CTGRAD_INLINE constexpr scalar_type get() const {
    static_assert(
        after_error || binds<Name> || error::no_value_is_bound_to_variable<spelled<Name>>::value,
        "ctgrad: a variable of the expression has no value at this point; "
        "bind it in ctgrad::at(...)");
    if constexpr (binds<Name>) {
      using B = detail::at<position<Name>, Bindings...>;
      constexpr bool is_array = detail::is_array_binding<B>::value;
      static_assert(
          !is_array || error::a_number_variable_is_bound_to_an_array<spelled<Name>>::value,
          "ctgrad: a variable that is a number (var<\"x\">) is bound to an array here");
      if constexpr (!is_array)
        return static_cast<scalar_type>(static_cast<const B&>(*this).value);
      else
        return scalar_type{};
    } else {
      return scalar_type{};
    }
  }

  // Copies the N numbers bound to array variable Name to out.
  template <fixed_string Name, std::size_t N>
  CTGRAD_INLINE constexpr void get_elements(scalar_type* out) const {
    if constexpr (after_error && !binds<Name>)
      for (std::size_t k = 0; k < N; ++k) out[k] = scalar_type{};
    static_assert(
        after_error || binds<Name> || error::no_value_is_bound_to_variable<spelled<Name>>::value,
        "ctgrad: a variable of the expression has no value at this point; "
        "bind it in ctgrad::at(...)");
    if constexpr (binds<Name>) {
      using B = detail::at<position<Name>, Bindings...>;
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

namespace detail {
// The arguments of a failed at() that are bindings, each name's first, in a point made after the
// error (kept, so that the variables they bind are still the point's and nothing else is
// reported).
template <class... Kept>
constexpr point<Kept...> kept_bindings(point<Kept...> p) {
  return p;
}
template <class... Kept, class B, class... Rest>
constexpr auto kept_bindings(point<Kept...> p, B b, Rest... rest) {
  if constexpr (is_binding<B>::value && !std::is_same_v<B, binding_after_error>) {
    if constexpr (!((Kept::name.view() == B::name.view()) || ...))
      return kept_bindings(point<Kept..., B>{static_cast<Kept&>(p)..., std::move(b)},
                           std::move(rest)...);
    else
      return kept_bindings(p, std::move(rest)...);
  } else {
    return kept_bindings(p, std::move(rest)...);
  }
}
}  // namespace detail

// ctgrad::at(w = 2.0, x = 3.0, b = 1.0). The bindings are taken by value (numbers, views or
// copies, each moved into the point); the point views what its bindings view.
template <class... Bindings>
constexpr auto at(Bindings... bindings CTGRAD_LIFETIMEBOUND) {
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
      return detail::kept_bindings(point<detail::binding_after_error>{}, std::move(bindings)...);
    } else {
      return point<Bindings...>{std::move(bindings)...};
    }
  } else {
    return detail::kept_bindings(point<detail::binding_after_error>{}, std::move(bindings)...);
  }
}

}  // namespace ctgrad
