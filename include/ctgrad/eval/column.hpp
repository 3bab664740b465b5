#pragma once
// A column of per-sample data: `x = xs` for a contiguous range xs of numbers (std::vector,
// std::array, std::span, a C array) binds the variable x to one value per sample. Whether the
// column views xs or holds a copy is part of its type (see holds below and reverse/batch.hpp).
#include <concepts>
#include <cstddef>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "ctgrad/config.hpp"
#include "ctgrad/core/expr.hpp"

namespace ctgrad {

// What a binding or a column holds: a view of the caller's numbers, which must outlive it (an
// lvalue range, or a std::span), or its own copy (a temporary range). It is spelled in the type,
// array_binding<"w", double, 3, holds::view>, so that a view kept too long shows where it is.
enum class holds { view, copy };

template <fixed_string Name, class T, holds Storage>
struct column {
  static constexpr auto name = Name;
  static constexpr holds storage = Storage;
  using value_type = T;
  std::conditional_t<Storage == holds::view, std::span<const T>, std::vector<T>> values;
};

namespace detail {
template <class T>
inline constexpr bool is_character =
    std::is_same_v<T, char> || std::is_same_v<T, signed char> || std::is_same_v<T, unsigned char> ||
    std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t> || std::is_same_v<T, char16_t> ||
    std::is_same_v<T, char32_t>;

// A contiguous range of numbers (characters excluded: "2" is text, not a column of samples). It
// is read with std::data and std::size (declared by <span>) rather than <ranges>, which would
// cost every file that includes ctgrad a third of its compile time.
template <class R>
using element_of =
    std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<const R&>()))>>;

template <class R>
concept data_range = requires(const R& r) {
  { std::data(r) } -> std::convertible_to<const element_of<R>*>;
  { std::size(r) } -> std::convertible_to<std::size_t>;
}
&&scalar<element_of<R>> && !is_character<element_of<R>>;

// A view type (std::span, or one that says so through std::ranges::enable_borrowed_range, which
// <span> declares) is bound by value; a view of it could outlive nothing.
template <class T>
inline constexpr bool is_view_type = std::ranges::enable_borrowed_range<std::remove_cvref_t<T>>;

// An lvalue of such a range is viewed, unless it is a view itself (a std::span, bound by value).
template <class T>
struct binds_as_view {
  static constexpr bool value = data_range<std::remove_cv_t<T>> && !is_view_type<T>;
};

// A temporary range as a column's own numbers: a std::vector of the same numbers is moved in.
template <fixed_string Name, class R>
constexpr auto copied_column(R&& range) {
  using E = element_of<std::remove_cvref_t<R>>;
  if constexpr (std::is_same_v<std::remove_cvref_t<R>, std::vector<E>>)
    return column<Name, E, holds::copy>{std::vector<E>(std::forward<R>(range))};
  else
    return column<Name, E, holds::copy>{
        std::vector<E>(std::data(range), std::data(range) + std::size(range))};
}
template <fixed_string Name, class R>
constexpr auto viewed_column(const R& range) {
  using E = element_of<std::remove_cvref_t<R>>;
  return column<Name, E, holds::view>{std::span<const E>(std::data(range), std::size(range))};
}

template <class T>
struct is_column : std::false_type {};
template <fixed_string Name, class T, holds Storage>
struct is_column<column<Name, T, Storage>> : std::true_type {};
}  // namespace detail

}  // namespace ctgrad
