#pragma once
// Rules of the operations that combine the elements of arrays: sum, dot and the matrix-vector
// product. Unlike element-wise rules, which the sweeps apply per element, these see whole
// arrays: `forward` writes the node's elements from its operands', and `backward<J, Assign>`
// writes (Assign) or adds the node's contribution to every element of operand J's adjoint.
// Shapes are template arguments, so every loop has a compile-time trip count. A node's adjoint
// is read into a local before a loop that writes its operand's adjoint: both lie in the same
// array, and the compilers would otherwise reload it at every element.
#include <cstddef>

#include "ctgrad/config.hpp"
#include "ctgrad/core/shape.hpp"

namespace ctgrad::ops {

namespace detail {
template <bool Assign, class T>
CTGRAD_INLINE constexpr void put(T& target, const T& c) {
  if constexpr (Assign)
    target = c;
  else
    target = target + c;  // + only: a user scalar type need not have +=
}
}  // namespace detail

// sum(a): the sum of a's elements, in order.
struct sum {
  static constexpr const char* symbol = "sum";
  static constexpr shape result_shape(const shape (&s)[1]) {
    return s[0].array ? scalar_shape : shape{1, 1, false, false};
  }
  template <shape Out, shape A, class T>
  CTGRAD_INLINE static constexpr void forward(T* out, const T* a) {
    T s = a[0];
    for (std::size_t k = 1; k < A.width(); ++k) s = s + a[k];
    out[0] = s;
  }
  template <std::size_t J, bool Assign, shape Out, shape A, class T>
  CTGRAD_INLINE static constexpr void backward(T* target, const T* adjoint, const T*, const T*) {
    const T a = adjoint[0];
    for (std::size_t k = 0; k < A.width(); ++k) detail::put<Assign>(target[k], a);
  }
};

// dot(a, b): the sum of a[k] * b[k] over arrays of one shape.
struct dot {
  static constexpr const char* symbol = "dot";
  static constexpr shape result_shape(const shape (&s)[2]) {
    return s[0].array && s[0] == s[1] ? scalar_shape : shape{1, 1, false, false};
  }
  template <shape Out, shape A, shape B, class T>
  CTGRAD_INLINE static constexpr void forward(T* out, const T* a, const T* b) {
    T s = a[0] * b[0];
    for (std::size_t k = 1; k < A.width(); ++k) s = s + a[k] * b[k];
    out[0] = s;
  }
  template <std::size_t J, bool Assign, shape Out, shape A, shape B, class T>
  CTGRAD_INLINE static constexpr void backward(T* target, const T* adjoint, const T*, const T* a,
                                               const T* b) {
    const T* other = J == 0 ? b : a;
    const T d = adjoint[0];
    for (std::size_t k = 0; k < A.width(); ++k) detail::put<Assign>(target[k], d * other[k]);
  }
};

// matvec(A, x): y[i] = sum over j of A[i][j] * x[j], for a Rows x Cols matrix A (row-major)
// and a vector x of Cols.
struct matvec {
  static constexpr const char* symbol = "matvec";
  static constexpr shape result_shape(const shape (&s)[2]) {
    if (s[0].array && s[1].array && s[1].width() == s[0].cols)
      return shape{s[0].rows, 1, true, true};
    return shape{1, 1, false, false};
  }
  template <shape Out, shape A, shape X, class T>
  CTGRAD_INLINE static constexpr void forward(T* out, const T* a, const T* x) {
    for (std::size_t i = 0; i < A.rows; ++i) {
      T s = a[i * A.cols] * x[0];
      for (std::size_t j = 1; j < A.cols; ++j) s = s + a[i * A.cols + j] * x[j];
      out[i] = s;
    }
  }
  template <std::size_t J, bool Assign, shape Out, shape A, shape X, class T>
  CTGRAD_INLINE static constexpr void backward(T* target, const T* adjoint, const T*, const T* a,
                                               const T* x) {
    if constexpr (J == 0) {
      // dA[i][j] = dy[i] * x[j]
      for (std::size_t i = 0; i < A.rows; ++i) {
        const T d = adjoint[i];
        for (std::size_t j = 0; j < A.cols; ++j)
          detail::put<Assign>(target[i * A.cols + j], d * x[j]);
      }
    } else {
      // dx[j] = sum over i of dy[i] * A[i][j], row by row so that the inner loop is contiguous.
      const T d0 = adjoint[0];
      for (std::size_t j = 0; j < A.cols; ++j) detail::put<Assign>(target[j], d0 * a[j]);
      for (std::size_t i = 1; i < A.rows; ++i) {
        const T d = adjoint[i];
        for (std::size_t j = 0; j < A.cols; ++j) target[j] = target[j] + d * a[i * A.cols + j];
      }
    }
  }
};

}  // namespace ctgrad::ops
