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
#include "ctgrad/graph/graph.hpp"
#include "ctgrad/graph/statements.hpp"

namespace ctgrad::detail {

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

  // Adjoints of every wanted node, seeded with d(root)/d(root) = 1, from the root down: N are the
  // nodes in the sweep's order.
  template <class Plan, class T, class... Step, std::size_t... N>
  CTGRAD_INLINE static constexpr void reverse(const T* v, T* adjoint, list<Step...>,
                                              std::index_sequence<N...>) {
    if constexpr (base::plain) {
      const int in_order[] = {
          (number_adjoint<Step, base::arity[N], Plan::wanted_operands[N], Plan::assigns[N]>(
               v, adjoint, N, base::operands[N][0], base::operands[N][1], base::operands[N][2]),
           0)...};
      (void)in_order;
    } else {
      const int in_order[] = {
          (backpropagate_node<Step, slot[N], base::shapes[N], base::arity[N], source(N, 0),
                              source(N, 1), source(N, 2), operand_shape(N, 0), operand_shape(N, 1),
                              operand_shape(N, 2), Plan::wanted_operands[N], Plan::assigns[N],
                              typename input_slots<N>::type>(v, adjoint),
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
                    typename reversed_steps<G, Root>::positions{});
  }
  template <class Targets = entry_ids, std::size_t Root = size - 1, bool Accumulate = false,
            class T>
  CTGRAD_INLINE static constexpr void reverse(const values<T>& v, values<T>& adjoint) {
    reverse_at<Targets, Root, Accumulate>(v.data(), adjoint.data());
  }
  // Blocks of the adjoint sweep, as of the forward pass: block B visits nodes root - R for
  // R = B * block_size, ...
  template <std::size_t Root, std::size_t First, class Sequence>
  struct reverse_block_nodes;
  template <std::size_t Root, std::size_t First, std::size_t... J>
  struct reverse_block_nodes<Root, First, std::index_sequence<J...>> {
    using positions = std::index_sequence<Root - (First + J)...>;
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

}  // namespace ctgrad::detail

// The loop statements run the sweeps of their step, so they are defined after graph_sweep.
#include "ctgrad/graph/loop_statements.hpp"  // IWYU pragma: export
