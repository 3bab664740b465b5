#pragma once
// The operations that combine array elements: sum(a), dot(a, b), matvec(A, x). Element-wise
// operators and functions need nothing here: they apply to arrays as they are (core/shape.hpp).
#include "ctgrad/core/make.hpp"
#include "ctgrad/rules/array.hpp"

namespace ctgrad {

namespace error {
template <class Shape>
struct sum_takes_an_array {
  static constexpr bool value = false;
};
template <class Left, class Right>
struct dot_takes_two_arrays_of_one_shape {
  static constexpr bool value = false;
};
template <class Matrix, class Vector>
struct matvec_takes_a_matrix_and_a_vector_as_long_as_a_row {
  static constexpr bool value = false;
};
}  // namespace error

template <expression E>
constexpr auto sum(const E& e) {
  constexpr shape s = structure_of<E>::value_shape;
  static_assert(s.array || error::sum_takes_an_array<spelled_shape<s>>::value,
                "ctgrad::sum: the operand is a number, not an array (var<\"w\", N> or an "
                "element-wise expression of one)");
  if constexpr (s.array)
    return detail::make_node<ops::sum>(e);
  else
    return e;  // after the error, so that nothing else is reported
}

template <expression A, expression B>
constexpr auto dot(const A& a, const B& b) {
  constexpr shape sa = structure_of<A>::value_shape, sb = structure_of<B>::value_shape;
  constexpr bool fits = sa.array && sa == sb;
  static_assert(
      fits || error::dot_takes_two_arrays_of_one_shape<spelled_shape<sa>, spelled_shape<sb>>::value,
      "ctgrad::dot: the operands must be arrays of the same length");
  if constexpr (fits)
    return detail::make_node<ops::dot>(a, b);
  else
    return detail::invalid_node{};  // after the error, so that nothing else is reported
}

template <expression M, expression V>
constexpr auto matvec(const M& m, const V& v) {
  constexpr shape sm = structure_of<M>::value_shape, sv = structure_of<V>::value_shape;
  constexpr bool fits = ops::matvec::result_shape({sm, sv}).ok;
  static_assert(
      fits || error::matvec_takes_a_matrix_and_a_vector_as_long_as_a_row<spelled_shape<sm>,
                                                                         spelled_shape<sv>>::value,
      "ctgrad::matvec: the first operand must be a matrix (var<\"W\", Rows, Cols>) and the second "
      "a vector of Cols elements");
  if constexpr (fits)
    return detail::make_node<ops::matvec>(m, v);
  else
    return detail::invalid_node{};  // after the error, so that nothing else is reported
}

}  // namespace ctgrad
