#pragma once
// A string usable as a template argument: variables and named intermediates are named by it.
#include <cstddef>
#include <string_view>
#include <utility>

namespace ctgrad {

template <std::size_t N>
struct fixed_string {
  char data[N]{};

  constexpr fixed_string(const char (&text)[N]) {  // NOLINT: implicit by design ("w" -> name)
    for (std::size_t i = 0; i < N; ++i) data[i] = text[i];
  }
  constexpr std::string_view view() const { return {data, N - 1}; }
  static constexpr std::size_t size() { return N - 1; }
};

template <std::size_t N, std::size_t M>
constexpr bool operator==(const fixed_string<N>& a, const fixed_string<M>& b) {
  return a.view() == b.view();
}

// A name spelled as a character pack. Diagnostics show it as name<'w', '1'> with both
// compilers (clang prints a fixed_string as a list of integers).
template <char... C>
struct name {};

namespace detail {
template <fixed_string S, std::size_t... I>
name<S.data[I]...> spell(std::index_sequence<I...>);
}  // namespace detail

template <fixed_string S>
using spelled = decltype(detail::spell<S>(std::make_index_sequence<S.size()>{}));

}  // namespace ctgrad
