#pragma once
// Flat type lists. Every operation here expands packs instead of recursing, so the cost of a
// graph with n nodes never shows up as template instantiation depth n.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

// Type equality without instantiating a template per pair (both compilers have the builtin).
#define CTGRAD_SAME(A, B) __is_same(A, B)

namespace ctgrad::detail {

// A list's length is a member of a class over the number alone: g++ gives every static data
// member it instantiates a mangled name, and one of list<Ts...> would spell all of Ts.
template <std::size_t N>
struct list_length {
  static constexpr std::size_t size = N;
};
template <class... Ts>
struct list : list_length<sizeof...(Ts)> {};

// Element I of a pack.
#if defined(__clang__)
template <std::size_t I, class... Ts>
using at = __type_pack_element<I, Ts...>;
#else
template <std::size_t I, class T>
struct indexed {
  using type = T;
};
template <class Indices, class... Ts>
struct indexer;
template <std::size_t... I, class... Ts>
struct indexer<std::index_sequence<I...>, Ts...> : indexed<I, Ts>... {};
template <std::size_t I, class T>
indexed<I, T> select(const indexed<I, T>*);
template <std::size_t I, class... Ts>
using at = typename decltype(select<I>(
    static_cast<const indexer<std::index_sequence_for<Ts...>, Ts...>*>(nullptr)))::type;
#endif

// The elements of Ts at the given positions.
template <class List, auto Positions, class Seq = std::make_index_sequence<Positions.size()>>
struct pick;
template <class... Ts, auto Positions, std::size_t... J>
struct pick<list<Ts...>, Positions, std::index_sequence<J...>> {
  using type = list<at<Positions[J], Ts...>...>;
};

template <std::size_t N>
constexpr bool any_true(const std::array<bool, N>& flags) {
  for (bool f : flags)
    if (f) return true;
  return false;
}
template <std::size_t N>
constexpr bool all_true(const std::array<bool, N>& flags) {
  for (bool f : flags)
    if (!f) return false;
  return true;
}
template <std::size_t N>
constexpr std::size_t count_true(const std::array<bool, N>& flags) {
  std::size_t n = 0;
  for (bool f : flags) n += f;
  return n;
}

template <std::size_t N>
constexpr std::size_t first_false(const std::array<bool, N>& flags) {
  for (std::size_t i = 0; i < N; ++i)
    if (!flags[i]) return i;
  return N;
}

// Positions where a flag is set, as an array sized to fit.
template <std::size_t Count, std::size_t N>
constexpr std::array<std::size_t, Count> positions_of(const std::array<bool, N>& flags) {
  std::array<std::size_t, Count> out{};
  std::size_t k = 0;
  for (std::size_t i = 0; i < N; ++i)
    if (flags[i]) out[k++] = i;
  return out;
}

// Whether T is one of a list's elements.
template <class List, class T>
inline constexpr bool list_contains = false;
template <class... Ts, class T>
inline constexpr bool list_contains<list<Ts...>, T> = (CTGRAD_SAME(Ts, T) || ...);

template <class A, class B>
struct concat;
template <class... A, class... B>
struct concat<list<A...>, list<B...>> {
  using type = list<A..., B...>;
};

}  // namespace ctgrad::detail

namespace ctgrad::detail {
template <std::size_t I, class List>
struct list_element;
template <std::size_t I, class... Ts>
struct list_element<I, list<Ts...>> {
  using type = at<I, Ts...>;
};
template <std::size_t I, class List>
using list_at = typename list_element<I, List>::type;
}  // namespace ctgrad::detail
