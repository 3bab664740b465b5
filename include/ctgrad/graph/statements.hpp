#pragma once
// The statements of the sweeps (graph/sweep.hpp): a node's value from its operands' values, and
// its contributions to their adjoints. Each is a function instantiated over the node's operation
// tag and its operand positions only, never over an expression type, so the per-node work of the
// compiler is independent of the expression's size; the statements work on raw pointers to the
// values and the numbers for the same reason. Numbers first, then arrays (element by element, or
// through a whole-array rule), then a node of either kind.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/config.hpp"
#include "ctgrad/core/shape.hpp"
#include "ctgrad/forward/dual.hpp"
#include "ctgrad/rules/contribution.hpp"

namespace ctgrad::detail {

// Adds a node's contribution to an operand's adjoint. Bit j of Wanted says operand j needs an
// adjoint; bit j of Assigns that this is its first contribution.
template <class Op, std::size_t J, bool Assign, class T, class... A>
CTGRAD_INLINE constexpr void contribute(T& target, const T& adjoint, const T& y,
                                        const A&... operands) {
  const T c = contribution<Op, J>(adjoint, y, operands...);
  if constexpr (Assign)
    target = c;
  else
    target = target + c;  // + only: a user scalar type need not have +=
}

// A node of a graph without arrays: a number from numbers. Its template arguments are the
// operation and its arity only, and the positions of its operands are arguments: the function is
// instantiated once per kind of node, not once per node (per-node instantiations were most of
// the compilers' work on a large graph), and once it is inlined the positions are constants
// again, so the code is the same.
template <class Step, std::size_t Arity, class T, class Point>
CTGRAD_INLINE constexpr T number_node(const T* v, const double* numbers, const Point& p,
                                      std::size_t a0, std::size_t a1, std::size_t a2) {
  if constexpr (is_variable<Step>::value) {
    return static_cast<T>(p.template get<Step::name_string>());
  } else if constexpr (std::is_same_v<Step, number>) {
    return static_cast<T>(numbers[a0]);
  } else if constexpr (is_constant<Step>::value) {
    if constexpr (Step::denominator == 1)
      return static_cast<T>(Step::numerator);
    else
      return static_cast<T>(Step::numerator) / static_cast<T>(Step::denominator);
  } else if constexpr (Arity == 1) {
    return apply_rule<Step>(v[a0]);
  } else if constexpr (Arity == 2) {
    return apply_rule<Step>(v[a0], v[a1]);
  } else {
    return apply_rule<Step>(v[a0], v[a1], v[a2]);
  }
}

// The adjoint statement of node i of a graph without arrays, likewise one function per kind of
// node. Bit j of Wanted: operand j needs an adjoint; bit j of Assigns: this is its first
// contribution.
template <class Op, std::size_t Arity, unsigned long long Wanted, unsigned long long Assigns,
          class T>
CTGRAD_INLINE constexpr void number_adjoint(const T* v, T* adjoint, std::size_t i, std::size_t a0,
                                            std::size_t a1, std::size_t a2) {
  if constexpr (Wanted == 0) {
  } else if constexpr (Arity == 1) {
    contribute<Op, 0, (Assigns & 1u) != 0>(adjoint[a0], adjoint[i], v[i], v[a0]);
  } else if constexpr (Arity == 2) {
    if constexpr ((Wanted & 1u) != 0)
      contribute<Op, 0, (Assigns & 1u) != 0>(adjoint[a0], adjoint[i], v[i], v[a0], v[a1]);
    if constexpr ((Wanted & 2u) != 0)
      contribute<Op, 1, (Assigns & 2u) != 0>(adjoint[a1], adjoint[i], v[i], v[a0], v[a1]);
  } else {
    if constexpr ((Wanted & 1u) != 0)
      contribute<Op, 0, (Assigns & 1u) != 0>(adjoint[a0], adjoint[i], v[i], v[a0], v[a1], v[a2]);
    if constexpr ((Wanted & 2u) != 0)
      contribute<Op, 1, (Assigns & 2u) != 0>(adjoint[a1], adjoint[i], v[i], v[a0], v[a1], v[a2]);
    if constexpr ((Wanted & 4u) != 0)
      contribute<Op, 2, (Assigns & 4u) != 0>(adjoint[a2], adjoint[i], v[i], v[a0], v[a1], v[a2]);
  }
}

// Arrays. An element-wise operation on arrays is the scalar rule applied per element; an
// operand that is a number (B = 0) is read at every element, and its adjoint sums the
// contributions of all of them. Operations that combine elements (rules/array.hpp) run as
// whole-array rules.
template <class Step>
concept combines_elements = requires {
  Step::result_shape;
};

// Element k of an operand of an element-wise node: the operand's own element k (B), or its only
// one, read once before the loop, so that the loop's stores cannot be taken to change it (which
// kept the compilers from vectorising `w * x`).
template <bool B, class T>
struct elements_of {
  const T* first;
  CTGRAD_INLINE constexpr explicit elements_of(const T* f) : first(f) {}
  CTGRAD_INLINE constexpr const T& operator[](std::size_t k) const { return first[k]; }
};
template <class T>
struct elements_of<false, T> {
  T only;
  CTGRAD_INLINE constexpr explicit elements_of(const T* f) : only(*f) {}
  CTGRAD_INLINE constexpr const T& operator[](std::size_t) const { return only; }
};

// Where an operand's share of an element-wise node's adjoint goes: its element k (B), or, for a
// number, a local sum over the elements that is written once after the loop.
template <bool B, bool Assign, class T>
struct adjoint_of {
  T* first;
  CTGRAD_INLINE constexpr void add(std::size_t k, const T& c) {
    if constexpr (Assign)
      first[k] = c;
    else
      first[k] = first[k] + c;  // + only: a user scalar type need not have +=
  }
  CTGRAD_INLINE constexpr void finish() {}
};
template <bool Assign, class T>
struct adjoint_of<false, Assign, T> {
  T* target;
  T sum{};
  CTGRAD_INLINE constexpr void add(std::size_t k, const T& c) { sum = k == 0 ? c : sum + c; }
  CTGRAD_INLINE constexpr void finish() {
    if constexpr (Assign)
      *target = sum;
    else
      *target = *target + sum;
  }
};

// Copies an array variable's elements from the point (batches load the parameters once).
template <class Step, std::size_t Out, std::size_t Width, class T, class Point>
CTGRAD_INLINE constexpr void load_array(T* v, const Point& p) {
  if constexpr (is_array_variable<Step>::value)
    p.template get_elements<Step::name_string, Width>(v + Out);
}

// A loop's statements (defined after graph_sweep, whose sweeps of the step they run).
template <class Loop, std::size_t Out, std::size_t W, std::size_t A0, std::size_t NumbersAt,
          class T, class Point>
constexpr void loop_forward(T* v, const double* numbers, const Point& p);
template <class Loop, std::size_t Out, std::size_t W, std::size_t A0, unsigned long long Wanted,
          unsigned long long Assigns, class InputSlots, class T>
constexpr void loop_reverse(const T* v, T* adjoint);

// Array variables are copied from the point by the forward pass (Load), or were copied before
// it: a batch loads the parameters' arrays once for all its samples.
template <class Step, std::size_t Out, shape S, std::size_t Arity, std::size_t A0, std::size_t A1,
          std::size_t A2, shape S0, shape S1, shape S2, bool Load, class T, class Point>
CTGRAD_INLINE constexpr void compute_node(T* v, const double* numbers, const Point& p) {
  if constexpr (is_loop<Step>::value) {
    loop_forward<Step, Out, S.width(), A0, A1>(v, numbers, p);  // A1: where its numbers start
  } else if constexpr (is_loop_input<Step>::value) {
    // Written by the loop that runs this step.
  } else if constexpr (is_array_variable<Step>::value) {
    if constexpr (Load) p.template get_elements<Step::name_string, S.width()>(v + Out);
  } else if constexpr (combines_elements<Step>) {
    if constexpr (Arity == 1)
      Step::template forward<S, S0>(v + Out, v + A0);
    else
      Step::template forward<S, S0, S1>(v + Out, v + A0, v + A1);
  } else if constexpr (!S.array) {
    // A number: from the point, the numbers, the constant, or the rule.
    if constexpr (is_variable<Step>::value) {
      v[Out] = static_cast<T>(p.template get<Step::name_string>());
    } else if constexpr (std::is_same_v<Step, number>) {
      v[Out] = static_cast<T>(numbers[A0]);
    } else if constexpr (is_constant<Step>::value) {
      if constexpr (Step::denominator == 1)
        v[Out] = static_cast<T>(Step::numerator);
      else
        v[Out] = static_cast<T>(Step::numerator) / static_cast<T>(Step::denominator);
    } else if constexpr (Arity == 1) {
      v[Out] = apply_rule<Step>(v[A0]);
    } else if constexpr (Arity == 2) {
      v[Out] = apply_rule<Step>(v[A0], v[A1]);
    } else {
      v[Out] = apply_rule<Step>(v[A0], v[A1], v[A2]);
    }
  } else {
    const elements_of<S0.array, T> a0(v + A0);
    if constexpr (Arity == 1) {
      for (std::size_t k = 0; k < S.width(); ++k) v[Out + k] = apply_rule<Step>(a0[k]);
    } else if constexpr (Arity == 2) {
      const elements_of<S1.array, T> a1(v + A1);
      for (std::size_t k = 0; k < S.width(); ++k) v[Out + k] = apply_rule<Step>(a0[k], a1[k]);
    } else {
      const elements_of<S1.array, T> a1(v + A1);
      const elements_of<S2.array, T> a2(v + A2);
      for (std::size_t k = 0; k < S.width(); ++k)
        v[Out + k] = apply_rule<Step>(a0[k], a1[k], a2[k]);
    }
  }
}

template <class Op, std::size_t Out, shape S, std::size_t Arity, std::size_t A0, std::size_t A1,
          std::size_t A2, shape S0, shape S1, shape S2, unsigned long long Wanted,
          unsigned long long Assigns, class InputSlots, class T>
CTGRAD_INLINE constexpr void backpropagate_node(const T* v, T* adjoint) {
  if constexpr (Wanted == 0) {
  } else if constexpr (is_loop<Op>::value) {
    loop_reverse<Op, Out, S.width(), A0, Wanted, Assigns, InputSlots>(v, adjoint);
  } else if constexpr (combines_elements<Op>) {
    if constexpr (Arity == 1) {
      Op::template backward<0, (Assigns & 1u) != 0, S, S0>(adjoint + A0, adjoint + Out, v + Out,
                                                           v + A0);
    } else {
      if constexpr ((Wanted & 1u) != 0)
        Op::template backward<0, (Assigns & 1u) != 0, S, S0, S1>(adjoint + A0, adjoint + Out,
                                                                 v + Out, v + A0, v + A1);
      if constexpr ((Wanted & 2u) != 0)
        Op::template backward<1, (Assigns & 2u) != 0, S, S0, S1>(adjoint + A1, adjoint + Out,
                                                                 v + Out, v + A0, v + A1);
    }
  } else if constexpr (!S.array) {
    constexpr std::size_t I = Out;
    if constexpr (Arity == 1) {
      contribute<Op, 0, (Assigns & 1u) != 0>(adjoint[A0], adjoint[I], v[I], v[A0]);
    } else if constexpr (Arity == 2) {
      if constexpr ((Wanted & 1u) != 0)
        contribute<Op, 0, (Assigns & 1u) != 0>(adjoint[A0], adjoint[I], v[I], v[A0], v[A1]);
      if constexpr ((Wanted & 2u) != 0)
        contribute<Op, 1, (Assigns & 2u) != 0>(adjoint[A1], adjoint[I], v[I], v[A0], v[A1]);
    } else {
      if constexpr ((Wanted & 1u) != 0)
        contribute<Op, 0, (Assigns & 1u) != 0>(adjoint[A0], adjoint[I], v[I], v[A0], v[A1], v[A2]);
      if constexpr ((Wanted & 2u) != 0)
        contribute<Op, 1, (Assigns & 2u) != 0>(adjoint[A1], adjoint[I], v[I], v[A0], v[A1], v[A2]);
      if constexpr ((Wanted & 4u) != 0)
        contribute<Op, 2, (Assigns & 4u) != 0>(adjoint[A2], adjoint[I], v[I], v[A0], v[A1], v[A2]);
    }
  } else {
    // One loop over the elements; each wanted operand takes its share of every element.
    constexpr bool W0 = (Wanted & 1u) != 0, W1 = (Wanted & 2u) != 0, W2 = (Wanted & 4u) != 0;
    constexpr bool G0 = (Assigns & 1u) != 0, G1 = (Assigns & 2u) != 0, G2 = (Assigns & 4u) != 0;
    const elements_of<S0.array, T> x0(v + A0);
    adjoint_of<S0.array, G0, T> d0{adjoint + A0};
    if constexpr (Arity == 1) {
      for (std::size_t k = 0; k < S.width(); ++k)
        d0.add(k, contribution<Op, 0>(adjoint[Out + k], v[Out + k], x0[k]));
      d0.finish();
    } else if constexpr (Arity == 2) {
      const elements_of<S1.array, T> x1(v + A1);
      adjoint_of<S1.array, G1, T> d1{adjoint + A1};
      for (std::size_t k = 0; k < S.width(); ++k) {
        const T a = adjoint[Out + k];
        const T y = v[Out + k];
        if constexpr (W0) d0.add(k, contribution<Op, 0>(a, y, x0[k], x1[k]));
        if constexpr (W1) d1.add(k, contribution<Op, 1>(a, y, x0[k], x1[k]));
      }
      if constexpr (W0) d0.finish();
      if constexpr (W1) d1.finish();
    } else {
      const elements_of<S1.array, T> x1(v + A1);
      const elements_of<S2.array, T> x2(v + A2);
      adjoint_of<S1.array, G1, T> d1{adjoint + A1};
      adjoint_of<S2.array, G2, T> d2{adjoint + A2};
      for (std::size_t k = 0; k < S.width(); ++k) {
        const T a = adjoint[Out + k];
        const T y = v[Out + k];
        if constexpr (W0) d0.add(k, contribution<Op, 0>(a, y, x0[k], x1[k], x2[k]));
        if constexpr (W1) d1.add(k, contribution<Op, 1>(a, y, x0[k], x1[k], x2[k]));
        if constexpr (W2) d2.add(k, contribution<Op, 2>(a, y, x0[k], x1[k], x2[k]));
      }
      if constexpr (W0) d0.finish();
      if constexpr (W1) d1.finish();
      if constexpr (W2) d2.finish();
    }
  }
}

}  // namespace ctgrad::detail
