#pragma once
// A column of per-sample data: `x = xs` for a contiguous range xs of numbers (std::vector,
// std::array, std::span, a C array) binds the variable x to one value per sample. A column is a
// view: it holds a std::span into the range, which must outlive it (see reverse/batch.hpp).
#include <cstddef>
#include <ranges>
#include <span>
#include <type_traits>

#include "ctgrad/core/expr.hpp"

namespace ctgrad {

template <fixed_string Name, class T>
struct column {
  static constexpr auto name = Name;
  using value_type = T;
  std::span<const T> values;
};

namespace detail {
template <class T>
inline constexpr bool is_character =
    std::is_same_v<T, char> || std::is_same_v<T, signed char> || std::is_same_v<T, unsigned char> ||
    std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t> || std::is_same_v<T, char16_t> ||
    std::is_same_v<T, char32_t>;

// A contiguous range of numbers (characters excluded: "2" is text, not a column of samples).
template <class R>
concept data_range = std::ranges::contiguous_range<const R> && std::ranges::sized_range<const R> &&
    scalar<std::ranges::range_value_t<const R>> &&
    !is_character<std::remove_cv_t<std::ranges::range_value_t<const R>>>;

template <class T>
struct is_column : std::false_type {};
template <fixed_string Name, class T>
struct is_column<column<Name, T>> : std::true_type {};
}  // namespace detail

}  // namespace ctgrad
