#pragma once
// The forward pass and the adjoint sweep over a graph. Both are straight-line code: one
// statement per distinct node, expanded from the sorted node list, with every operand position
// a compile-time constant, so the compiler sees what a hand-written gradient would be.
//
// Compile time: each statement calls a function instantiated over the node's operation tag and
// its operand positions only (see graph.hpp, `steps`), never over an expression type, so the
// per-node work of the compiler is independent of the expression's size. The sweeps work on raw
// pointers to the values and the numbers for the same reason.
//
// A loop (core/unroll.hpp) is one node whose statement runs its step's own sweeps once per step,
// in a run-time loop over the values of all its steps, which it keeps in its slots.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/config.hpp"
#include "ctgrad/forward/dual.hpp"
#include "ctgrad/graph/graph.hpp"
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

template <class G>
struct graph_sweep : graph<G> {
  using base = graph<G>;
  using base::size;
  static_assert(check_names<G>());
  using steps = typename node_types<G>::steps;
  using entry_ids = typename node_types<G>::entry_ids;

  using base::slot;

  // Node i's elements are v[slot[i]] ...; without arrays, slot[i] is i.
  template <class T>
  using values = std::array<T, base::slots>;

  // Operand j of node i, counting a loop's inputs after its operands.
  static constexpr std::size_t degree(std::size_t i) {
    return base::arity[i] + base::input_count(i);
  }
  static constexpr std::size_t operand_at(std::size_t i, std::size_t j) {
    return j < base::arity[i] ? base::operands[i][j]
                              : base::inputs[base::input_begin[i] + j - base::arity[i]];
  }
  static constexpr bool passes(std::size_t i, std::size_t j) {
    return j >= base::arity[i] || (base::passes_adjoint[i] >> j & 1u) != 0;
  }

  // Where operand j of node i starts in the values array, or, for a number leaf, the position of
  // its number in the expression's numbers; for a loop, operand 1 is where its own numbers start.
  static constexpr std::size_t source(std::size_t i, std::size_t j) {
    if (base::arity[i] == 0) return j == 0 ? base::operands[i][0] : 0;
    if (base::nodes[i].info->kind == node_kind::loop && j == 1)
      return base::nodes[i].offset + base::nodes[i].info->operands[0]->number_count;
    return j < base::arity[i] ? slot[base::operands[i][j]] : 0;
  }
  // Where the node of this id starts in the values array, or no_node.
  static constexpr std::size_t slot_of_node(const node_id& id) {
    const std::size_t i = base::find(id);
    return i < size ? slot[i] : no_node;
  }
  static constexpr shape operand_shape(std::size_t i, std::size_t j) {
    return j < base::arity[i] ? base::shapes[base::operands[i][j]] : scalar_shape;
  }

  template <bool Load, class T, class Point, class... Step, std::size_t... I>
  CTGRAD_INLINE static constexpr void forward(T* v, const double* numbers, const Point& p,
                                              list<Step...>, std::index_sequence<I...>) {
    if constexpr (base::plain) {
      const int in_order[] = {
          (v[I] = number_node<Step, base::arity[I]>(v, numbers, p, base::operands[I][0],
                                                    base::operands[I][1], base::operands[I][2]),
           0)...};
      (void)in_order;
    } else {
      const int in_order[] = {
          (compute_node<Step, slot[I], base::shapes[I], base::arity[I], source(I, 0), source(I, 1),
                        source(I, 2), operand_shape(I, 0), operand_shape(I, 1), operand_shape(I, 2),
                        Load>(v, numbers, p),
           0)...};
      (void)in_order;
    }
  }
  // Every node's value, from the expression's numbers and the point. With Load = false the array
  // variables' slots are taken as they are (filled by load_arrays).
  template <bool Load = true, class T, class Point>
  CTGRAD_INLINE static constexpr void forward_at(T* v, const double* numbers, const Point& p) {
    if constexpr (in_blocks)
      forward_blocks<Load>(v, numbers, p, std::make_index_sequence<block_count(size)>{});
    else
      forward<Load>(v, numbers, p, steps{}, std::make_index_sequence<size>{});
  }
  template <bool LoadArrays = true, class T, class E, class Point>
  CTGRAD_INLINE static constexpr void forward(values<T>& v, const E& e, const Point& p) {
    forward_at<LoadArrays>(v.data(), e.numbers.data(), p);
  }

  // A large graph's sweeps run in blocks of nodes, each a function of its own that is not
  // inlined into the others: the compilers' work on one function grows faster than its length
  // (memory dependences, register allocation), and a graph this large keeps its values in memory
  // anyway. Graphs of up to 2 * block_size nodes are one function, as hand-written code would be.
  static constexpr std::size_t block_size = 128;
  static constexpr bool in_blocks = size > 2 * block_size;
  static constexpr std::size_t block_count(std::size_t nodes) {
    return (nodes + block_size - 1) / block_size;
  }
  static constexpr std::size_t block_length(std::size_t nodes, std::size_t b) {
    return b + 1 < block_count(nodes) ? block_size : nodes - b * block_size;
  }
  template <std::size_t First, class Sequence>
  struct block_nodes;
  template <std::size_t First, std::size_t... J>
  struct block_nodes<First, std::index_sequence<J...>> {
    using positions = std::index_sequence<First + J...>;
    using steps = list<typename step_of<node_at_t<G, First + J>>::type...>;
  };
  template <bool Load, std::size_t B, class T, class Point>
  [[gnu::noinline]] static constexpr void forward_block(T* v, const double* numbers,
                                                        const Point& p) {
    using nodes = block_nodes<B * block_size, std::make_index_sequence<block_length(size, B)>>;
    forward<Load>(v, numbers, p, typename nodes::steps{}, typename nodes::positions{});
  }
  template <bool Load, class T, class Point, std::size_t... B>
  CTGRAD_INLINE static constexpr void forward_blocks(T* v, const double* numbers, const Point& p,
                                                     std::index_sequence<B...>) {
    const int in_order[] = {(forward_block<Load, B>(v, numbers, p), 0)...};
    (void)in_order;
  }
  // The array variables' slots alone, from p.
  template <class T, class Point, class... Step, std::size_t... I>
  CTGRAD_INLINE static constexpr void load_arrays(values<T>& v, const Point& p, list<Step...>,
                                                  std::index_sequence<I...>) {
    const int in_order[] = {(load_array<Step, slot[I], base::shapes[I].width()>(v.data(), p), 0)...,
                            0};
    (void)in_order;
  }
  template <class T, class Point>
  CTGRAD_INLINE static constexpr void load_arrays(values<T>& v, const Point& p) {
    load_arrays(v, p, steps{}, std::make_index_sequence<size>{});
  }

  // The nodes that the node at `root` depends on, itself included. For the last node of one
  // expression's graph that is every node.
  static constexpr std::array<bool, size> cone_of(std::size_t root) {
    std::array<bool, size> in{};
    in[root] = true;
    for (std::size_t i = root + 1; i-- > 0;)
      if (in[i])
        for (std::size_t j = 0; j < degree(i); ++j) in[operand_at(i, j)] = true;
    return in;
  }

  // The adjoint sweep toward a list of targets (entry ids; by default every variable and named
  // intermediate). Nodes whose adjoint is wanted: the targets, and every node on a path
  // to one of them. Partials toward other nodes are never computed: toward numbers and constants
  // they are free at run time anyway, and at compile time this keeps d/db of a^b (a log) out of
  // pow(x, 2.0); toward a variable left out of wrt() they may be libm calls (the log of pow(x, y)
  // for wrt(x)) that the compiler cannot drop, since they may set errno.
  //
  // Root is where the adjoint is seeded: by default the last node, the expression itself. A
  // graph of several outputs (forward/jacobian.hpp) seeds one output's root at a time; the
  // sweep then touches only the nodes that root depends on, its cone, since the arrays are not
  // zeroed and the slots outside the cone belong to the other outputs.
  //
  // Accumulate (batches): the adjoint of a target variable that receives one contribution per
  // sweep is added to, never assigned, so that it sums itself over a batch's samples in place.
  //
  // Bit j of a node's masks stands for its operand j, then for a loop's inputs.
  template <class Targets, std::size_t Root = size - 1, bool Accumulate = false>
  struct toward;
  template <class... Ids, std::size_t Root, bool Accumulate>
  struct toward<list<Ids...>, Root, Accumulate> {
    static_assert(Root < size, "ctgrad: internal error: a sweep's root is outside its graph");
    static constexpr std::size_t root = Root;

    static constexpr std::array<bool, size> wanted = [] {
      std::array<bool, size> w{};
      const std::size_t positions[] = {base::find(entry_node_id<Ids>)..., size};
      for (std::size_t i : positions)
        if (i < size) w[i] = true;
      for (std::size_t i = 0; i < size; ++i)
        for (std::size_t j = 0; j < degree(i); ++j)
          w[i] = w[i] || (passes(i, j) && w[operand_at(i, j)]);
      const std::array<bool, size> cone = cone_of(Root);
      for (std::size_t i = 0; i < size; ++i) w[i] = w[i] && cone[i];
      return w;
    }();

    // Per node, bit j: operand j's adjoint is wanted. Interior nodes only.
    static constexpr std::array<unsigned long long, size> wanted_operands = [] {
      std::array<unsigned long long, size> bits{};
      for (std::size_t i = 0; i < size; ++i)
        if (wanted[i])
          for (std::size_t j = 0; j < degree(i); ++j)
            if (passes(i, j) && wanted[operand_at(i, j)]) bits[i] |= 1ull << j;
      return bits;
    }();

    // Per node: with Accumulate, a target variable with exactly one contribution (adding it to a
    // running sum keeps the sum's order: the same bits as adding each sweep's adjoint to it).
    static constexpr std::array<bool, size> accumulates = [] {
      std::array<bool, size> in_place{};
      if constexpr (Accumulate) {
        std::array<std::size_t, size> contributions{};
        for (std::size_t i = 0; i < size; ++i)
          for (std::size_t j = 0; j < degree(i); ++j)
            if ((wanted_operands[i] >> j & 1u) != 0) ++contributions[operand_at(i, j)];
        // Contributions come from wanted nodes only, which lie in Root's cone.
        for (std::size_t i = 0; i < size; ++i)
          in_place[i] = base::is_entry[i] && base::arity[i] == 0 && contributions[i] == 1;
      }
      return in_place;
    }();

    // Per node, bit j: this is the first contribution to operand j's adjoint in reverse order, so
    // it assigns instead of adding to zero (0 + x is not x for x = -0.0: the compiler could not
    // drop that addition itself).
    static constexpr std::array<unsigned long long, size> assigns = [] {
      std::array<unsigned long long, size> bits{};
      std::array<bool, size> written{};
      for (std::size_t i = size; i-- > 0;)
        for (std::size_t j = 0; j < degree(i); ++j) {
          const std::size_t c = operand_at(i, j);
          if ((wanted_operands[i] >> j & 1u) != 0 && !written[c]) {
            if (!accumulates[c]) bits[i] |= 1ull << j;
            written[c] = true;
          }
        }
      return bits;
    }();

    // Wanted nodes that no node passes an adjoint to (a variable used only in comparisons): their
    // adjoint is 0, written before the sweep.
    static constexpr std::array<bool, size> reached = [] {
      std::array<bool, size> written{};
      written[Root] = true;
      for (std::size_t i = 0; i < size; ++i)
        for (std::size_t j = 0; j < degree(i); ++j)
          if ((wanted_operands[i] >> j & 1u) != 0) written[operand_at(i, j)] = true;
      return written;
    }();
    static constexpr std::size_t unreached_count = [] {
      std::size_t n = 0;
      for (std::size_t i = 0; i <= Root; ++i) n += wanted[i] && !reached[i];
      return n;
    }();
    static constexpr std::array<std::size_t, unreached_count> unreached = [] {
      std::array<std::size_t, unreached_count> at{};
      std::size_t n = 0;
      for (std::size_t i = 0; i <= Root; ++i)
        if (wanted[i] && !reached[i]) at[n++] = i;
      return at;
    }();
  };

  // The sweep toward every entry, as gradient(f, p) runs it (read by the graph views and checks).
  using toward_entries = toward<entry_ids>;
  static constexpr const std::array<bool, size>& wanted = toward_entries::wanted;
  static constexpr const std::array<unsigned long long, size>& wanted_operands =
      toward_entries::wanted_operands;
  static constexpr const std::array<unsigned long long, size>& assigns = toward_entries::assigns;

  // The slots of a loop's inputs (variables), for its adjoint statement.
  template <std::size_t I, class Sequence = std::make_index_sequence<base::input_count(I)>>
  struct input_slots;
  template <std::size_t I, std::size_t... H>
  struct input_slots<I, std::index_sequence<H...>> {
    using type = std::index_sequence<slot[base::inputs[base::input_begin[I] + H]]...>;
  };

  // Adjoints of every wanted node, seeded with d(root)/d(root) = 1, from the root down.
  template <class Plan, class T, class... Step, std::size_t... R>
  CTGRAD_INLINE static constexpr void reverse(const T* v, T* adjoint, list<Step...>,
                                              std::index_sequence<R...>) {
    if constexpr (base::plain) {
      const int in_order[] = {
          (number_adjoint<Step, base::arity[Plan::root - R], Plan::wanted_operands[Plan::root - R],
                          Plan::assigns[Plan::root - R]>(
               v, adjoint, Plan::root - R, base::operands[Plan::root - R][0],
               base::operands[Plan::root - R][1], base::operands[Plan::root - R][2]),
           0)...};
      (void)in_order;
    } else {
      const int in_order[] = {(
          backpropagate_node<
              Step, slot[Plan::root - R], base::shapes[Plan::root - R], base::arity[Plan::root - R],
              source(Plan::root - R, 0), source(Plan::root - R, 1), source(Plan::root - R, 2),
              operand_shape(Plan::root - R, 0), operand_shape(Plan::root - R, 1),
              operand_shape(Plan::root - R, 2), Plan::wanted_operands[Plan::root - R],
              Plan::assigns[Plan::root - R], typename input_slots<Plan::root - R>::type>(v,
                                                                                         adjoint),
          0)...};
      (void)in_order;
    }
  }
  // The sweep from the root down, its adjoint already written (Seeded) or seeded with 1.
  template <class Targets = entry_ids, std::size_t Root = size - 1, bool Accumulate = false,
            bool Seeded = false, class T>
  CTGRAD_INLINE static constexpr void reverse_at(const T* v, T* adjoint) {
    if constexpr (!Seeded) {
      static_assert(!base::shapes[Root].array,
                    "ctgrad: a gradient is taken of a function whose value is a number; the "
                    "value of this one is an array (sum() or dot() it into a number first)");
      adjoint[slot[Root]] = T(1);
    }
    using plan = toward<Targets, Root, Accumulate>;
    for (std::size_t i : plan::unreached)
      for (std::size_t k = slot[i]; k < slot[i] + base::shapes[i].width(); ++k) adjoint[k] = T(0);
    if constexpr (Root + 1 > 2 * block_size)
      reverse_blocks<plan>(v, adjoint, std::make_index_sequence<block_count(Root + 1)>{});
    else
      reverse<plan>(v, adjoint, typename reversed_steps<G, Root>::type{},
                    std::make_index_sequence<Root + 1>{});
  }
  template <class Targets = entry_ids, std::size_t Root = size - 1, bool Accumulate = false,
            class T>
  CTGRAD_INLINE static constexpr void reverse(const values<T>& v, values<T>& adjoint) {
    reverse_at<Targets, Root, Accumulate>(v.data(), adjoint.data());
  }
  // Blocks of the adjoint sweep, as of the forward pass: block B visits R = B * block_size, ...,
  // that is nodes root - R.
  template <std::size_t Root, std::size_t First, class Sequence>
  struct reverse_block_nodes;
  template <std::size_t Root, std::size_t First, std::size_t... J>
  struct reverse_block_nodes<Root, First, std::index_sequence<J...>> {
    using positions = std::index_sequence<First + J...>;
    using steps = list<typename step_of<node_at_t<G, Root - (First + J)>>::type...>;
  };
  template <class Plan, std::size_t B, class T>
  [[gnu::noinline]] static constexpr void reverse_block(const T* v, T* adjoint) {
    using nodes = reverse_block_nodes<Plan::root, B * block_size,
                                      std::make_index_sequence<block_length(Plan::root + 1, B)>>;
    reverse<Plan>(v, adjoint, typename nodes::steps{}, typename nodes::positions{});
  }
  template <class Plan, class T, std::size_t... B>
  CTGRAD_INLINE static constexpr void reverse_blocks(const T* v, T* adjoint,
                                                     std::index_sequence<B...>) {
    const int in_order[] = {(reverse_block<Plan, B>(v, adjoint), 0)...};
    (void)in_order;
  }
};

// The sweeps of an expression (or of several outputs, graph/bundle.hpp), by its structure.
template <class E>
using sweep = graph_sweep<graph_key<E>>;

// sum = (first ? 0 : sum) + x, element by element (no 0 + x: the sum of a single x is x).
template <class T>
CTGRAD_INLINE constexpr void add_into(T* sum, const T* x, std::size_t n, bool first) {
  for (std::size_t i = 0; i < n; ++i) sum[i] = first ? x[i] : sum[i] + x[i];
}

// A loop: K steps of R, each step's input the previous step's value (the first's the loop's
// operand). The values of step k lie in the loop's slots after its own value, one block of R's
// values per step; the adjoint array has the same layout, so the reverse sweep can run each
// step's adjoint sweep backwards from the last step, each seeded with the adjoint of its output.
template <class Loop, std::size_t Out, std::size_t W, std::size_t A0, std::size_t NumbersAt,
          class T, class Point>
constexpr void loop_forward(T* v, const double* numbers, const Point& p) {
  using step = graph_sweep<typename Loop::step>;
  constexpr std::size_t block = step::slots, root = step::size - 1;
  constexpr std::size_t input = step::find(Loop::input_id);  // step::size if it is not read
  constexpr std::size_t m = Loop::step::number_count;
  const T* state = v + A0;
  for (std::size_t k = 0; k < Loop::count; ++k) {
    T* values = v + Out + W + k * block;
    if constexpr (input < step::size)
      for (std::size_t i = 0; i < W; ++i) values[step::slot[input] + i] = state[i];
    step::template forward_at<true>(values, numbers + NumbersAt + k * m, p);
    state = values + step::slot[root];
  }
  for (std::size_t i = 0; i < W; ++i) v[Out + i] = state[i];
}

// Where a loop's input variable H lies in its step's values, and in the sums of its adjoints.
template <class Loop, std::size_t H>
constexpr std::size_t input_in_step() {
  using step = graph_sweep<typename Loop::step>;
  return step::slot[step::find(Loop::input_ids[H])];
}
template <class Loop>
inline constexpr std::array<std::size_t, Loop::input_count + 1> input_sums_at = [] {
  std::array<std::size_t, Loop::input_count + 1> at{};
  for (std::size_t h = 0; h < Loop::input_count; ++h) at[h + 1] = at[h] + Loop::input_widths[h];
  return at;
}();

// Writes the sum of input H's adjoints over the steps to its slot: assigns where the sweep's plan
// says this is its first contribution, else adds.
template <class Loop, std::size_t H, std::size_t Slot, unsigned long long Wanted,
          unsigned long long Assigns, class T>
CTGRAD_INLINE constexpr void write_input_adjoint(T* adjoint, const T* sums) {
  constexpr std::size_t bit = 1 + H;  // bit 0 is the loop's operand
  if constexpr ((Wanted >> bit & 1u) != 0) {
    constexpr std::size_t at = input_sums_at<Loop>[H];
    for (std::size_t i = 0; i < Loop::input_widths[H]; ++i)
      adjoint[Slot + i] =
          (Assigns >> bit & 1u) != 0 ? sums[at + i] : adjoint[Slot + i] + sums[at + i];
  }
}

template <class Loop, std::size_t Out, std::size_t W, std::size_t A0, unsigned long long Wanted,
          unsigned long long Assigns, class InputSlots, class T>
constexpr void loop_reverse(const T* v, T* adjoint) {
  using step = graph_sweep<typename Loop::step>;
  constexpr std::size_t block = step::slots, root = step::size - 1;
  constexpr std::size_t input = step::find(Loop::input_id);
  constexpr bool reads_input = input < step::size;
  // The inputs' adjoints summed over the steps, written after the operand's, in the order the
  // sweep's plan counts contributions (operand first, then inputs).
  std::array<T, input_sums_at<Loop>[Loop::input_count]> sums {};
  const T* seed = adjoint + Out;  // the adjoint of the last step's value
  // A step that does not read its input: only the last step's values reach the loop's value.
  const std::size_t first = reads_input ? 0 : Loop::count - 1;
  for (std::size_t k = Loop::count; k-- > first;) {
    const T* values = v + Out + W + k * block;
    T* step_adjoint = adjoint + Out + W + k * block;
    for (std::size_t i = 0; i < W; ++i) step_adjoint[step::slot[root] + i] = seed[i];
    step::template reverse_at<typename Loop::targets, root, false, true>(values, step_adjoint);
    [&]<std::size_t... H>(std::index_sequence<H...>) {
      const int in_order[] = {
          (add_into(sums.data() + input_sums_at<Loop>[H], step_adjoint + input_in_step<Loop, H>(),
                    Loop::input_widths[H], k + 1 == Loop::count),
           0)...,
          0};
      (void)in_order;
    }
    (std::make_index_sequence<Loop::input_count>{});
    if constexpr (reads_input) seed = step_adjoint + step::slot[input];
  }
  if constexpr ((Wanted & 1u) != 0) {
    for (std::size_t i = 0; i < W; ++i) {
      const T c = reads_input ? seed[i] : T(0);
      adjoint[A0 + i] = (Assigns & 1u) != 0 ? c : adjoint[A0 + i] + c;
    }
  }
  [&]<std::size_t... H, std::size_t... Slot>(std::index_sequence<H...>,
                                             std::index_sequence<Slot...>) {
    const int in_order[] = {
        (write_input_adjoint<Loop, H, Slot, Wanted, Assigns>(adjoint, sums.data()), 0)..., 0};
    (void)in_order;
  }
  (std::make_index_sequence<Loop::input_count>{}, InputSlots{});
}

}  // namespace ctgrad::detail
