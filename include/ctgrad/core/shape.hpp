#pragma once
// The shape of a node's value: a number, or a fixed-size array (a vector, or a row-major
// matrix). Every node type has one (`E::shape`); the graph lays the values out by it. Element-wise
// operations broadcast numbers over arrays; arrays of different shapes do not combine.
#include <cstddef>
#include <type_traits>

namespace ctgrad {

struct shape {
  std::size_t rows = 1;
  std::size_t cols = 1;
  bool array = false;  // a 1-element array is not a number: its gradient entry is an array
  bool ok = true;      // false: operands that do not fit together (reported where they are built)

  constexpr std::size_t width() const { return rows * cols; }
  friend constexpr bool operator==(const shape&, const shape&) = default;
};

inline constexpr shape scalar_shape{};

template <std::size_t Rows, std::size_t Cols = 1>
inline constexpr shape array_shape{Rows, Cols, true, true};

namespace detail {
// The shape of an element-wise operation: that of its array operands, which must agree.
template <std::size_t N>
constexpr shape elementwise(const shape (&operands)[N]) {
  shape s = scalar_shape;
  for (const shape& o : operands) {
    if (!o.ok) return o;
    if (!o.array) continue;
    if (!s.array)
      s = o;
    else if (!(s == o))
      return shape{s.rows, s.cols, true, false};
  }
  return s;
}
}  // namespace detail

// Shapes as diagnostics spell them: a_number, length<3>, matrix<2, 3>.
struct a_number {};
template <std::size_t N>
struct length {};
template <std::size_t Rows, std::size_t Cols>
struct matrix {};

namespace detail {
template <shape S>
struct spell_shape {
  using type =
      std::conditional_t<!S.array, a_number,
                         std::conditional_t<S.cols == 1, length<S.rows>, matrix<S.rows, S.cols>>>;
};
}  // namespace detail
template <shape S>
using spelled_shape = typename detail::spell_shape<S>::type;

}  // namespace ctgrad
