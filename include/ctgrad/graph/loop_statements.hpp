#pragma once
// The statements of a loop node (core/unroll.hpp): its step's own sweeps, run once per step in a
// run-time loop over the values of all its steps, which the loop keeps in its slots. Included
// by graph/sweep.hpp after graph_sweep, whose sweeps of the step these run.
#include <array>
#include <cstddef>
#include <utility>

#include "ctgrad/config.hpp"
#include "ctgrad/graph/sweep.hpp"

namespace ctgrad::detail {

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
