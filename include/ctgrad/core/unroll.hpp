#pragma once
// unroll<K>(init, step): step applied K times: K explicit Euler steps `y -> y + h * f(y)`, or a
// recurrence `h -> tanh(w * h + u)`. step is called as step(e) or, if it takes one, as
// step(e, index) with index = std::integral_constant<std::size_t, I> for the I-th step (0-based).
//
// Two forms, chosen by what the step builds:
// - a loop node, when every step has the same structure (the usual case: the index may still
//   give each step its own run-time numbers). The step is built once on a placeholder for its
//   input, so its structure does not grow with K; the sweeps run it K times in a run-time loop
//   and keep every step's values for the adjoint sweep (graph/sweep.hpp). The step's input is
//   one node, whatever the step does with it, and its variables are the loop's inputs.
// - the steps written out as one nested expression, when the structure changes from step to
//   step (a step that names its result per step: let<numbered<"y", I + 1>>(...)), or when the
//   step names intermediates (a name must stand for one node). Its cost grows with K.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/core/fixed_string.hpp"
#include "ctgrad/core/make.hpp"
#include "ctgrad/core/operands.hpp"
#include "ctgrad/graph/graph.hpp"

namespace ctgrad {

// What a loop's step reads as its input: a leaf of the input's shape, filled by the loop.
template <shape S>
struct loop_input : detail::numbers_storage<0> {
  using ctgrad_structure = detail::structure_tag;
  using structure = loop_input;
  static constexpr std::size_t number_count = 0;
  static constexpr shape value_shape = S;
  static constexpr bool holds_arrays = S.array;
  static constexpr bool reads_loop_input = true;
  static constexpr detail::node_id id = detail::combine(
      detail::combine(detail::hash_text(0x696e70, "input"), S.rows), S.cols * 2 + S.array);
  static constexpr detail::node_info info{id, detail::node_kind::loop_input, 0, S, 0, 0, {}, {}};
};

namespace detail {
template <class... V>
struct loop_inputs {
  static constexpr std::size_t count = sizeof...(V);
  static constexpr std::array<const node_info*, count> infos{&V::info...};
  static constexpr std::array<node_id, count> ids{V::id...};
  static constexpr std::array<std::size_t, count> widths{V::value_shape.width()...};
};

// The variables a step reads: its graph's entries (a loop's step names no intermediates).
template <class R>
struct step_variables {
  using types = typename node_types<R>::entry_ids;
};
template <class List>
struct inputs_of_list;
template <class... V>
struct inputs_of_list<list<V...>> {
  using type = loop_inputs<V...>;
};
}  // namespace detail

namespace ops {
template <std::size_t K, class R>
struct loop {
  static constexpr const char* symbol = "unroll";
  static constexpr std::size_t count = K;
  using step = R;
  using input_types = typename ctgrad::detail::step_variables<R>::types;
  using inputs = typename ctgrad::detail::inputs_of_list<input_types>::type;
  static constexpr std::size_t input_count = inputs::count;
  static_assert(input_count < 64, "ctgrad::unroll: a step reads at most 63 variables");
  static constexpr const std::array<ctgrad::detail::node_id, input_count>& input_ids = inputs::ids;
  static constexpr const std::array<std::size_t, input_count>& input_widths = inputs::widths;
  static constexpr ctgrad::detail::node_id input_id = loop_input<R::value_shape>::id;
  // What each step's adjoint sweep computes: its input's adjoint and its variables'.
  using targets = typename ctgrad::detail::concat<ctgrad::detail::list<loop_input<R::value_shape>>,
                                                  input_types>::type;

  template <class T>
  static constexpr T value(const T& a) {
    return a;  // not used: the sweeps run the steps
  }
};
}  // namespace ops

namespace detail {
template <std::size_t K, class R>
struct operation_extras<ops::loop<K, R>> {
  static constexpr std::size_t own_numbers = K * R::number_count;
  static constexpr std::size_t workspace = K * graph<R>::slots;
  static constexpr const node_info* const* inputs = ops::loop<K, R>::inputs::infos.data();
  static constexpr std::size_t input_count = ops::loop<K, R>::input_count;
  using input_types = typename ops::loop<K, R>::input_types;
};
template <std::size_t K, class R>
inline constexpr node_kind operation_kind<ops::loop<K, R>> = node_kind::loop;

template <std::size_t N>
constexpr std::size_t digits() {
  std::size_t d = 1;
  for (std::size_t n = N; n >= 10; n /= 10) ++d;
  return d;
}
template <fixed_string Prefix, std::size_t N>
constexpr auto numbered_name() {
  constexpr std::size_t length = Prefix.size() + digits<N>();
  char text[length + 1]{};
  for (std::size_t i = 0; i < Prefix.size(); ++i) text[i] = Prefix.data[i];
  std::size_t n = N;
  for (std::size_t i = length; i-- > Prefix.size(); n /= 10)
    text[i] = static_cast<char>('0' + n % 10);
  return fixed_string<length + 1>(text);
}

template <std::size_t I, class E, class Step>
constexpr auto apply_step(const E& e, const Step& step) {
  if constexpr (std::is_invocable_v<const Step&, const E&, std::integral_constant<std::size_t, I>>)
    return step(e, std::integral_constant<std::size_t, I>{});
  else
    return step(e);
}

// Whether a structure names an intermediate.
template <class S>
inline constexpr bool names_any = false;
template <class Op, class... A>
inline constexpr bool names_any<expr<Op, A...>> = (false || ... || names_any<A>);
template <fixed_string Name, class A>
inline constexpr bool names_any<expr<named<Name>, A>> = true;

// The steps written out: step First .. First + Count - 1, halving so that the compiler's
// recursion is log K deep.
template <std::size_t First, std::size_t Count, class E, class Step>
constexpr auto unroll_nested(const E& e, const Step& step) {
  if constexpr (Count == 0) {
    return e;
  } else if constexpr (Count == 1) {
    return apply_step<First>(e, step);
  } else {
    constexpr std::size_t half = Count / 2;
    return unroll_nested<First + half, Count - half>(unroll_nested<First, half>(e, step), step);
  }
}

// The step's result on the placeholder input, for step I.
template <std::size_t I, class E, class Step>
using step_result = decltype(apply_step<I>(std::declval<const loop_input<E::value_shape>&>(),
                                           std::declval<const Step&>()));

// Whether the step takes its index (step(e, index)); if not, every step has one structure.
template <class E, class Step>
inline constexpr bool takes_index =
    std::is_invocable_v<const Step&, const loop_input<E::value_shape>&,
                        std::integral_constant<std::size_t, 0>>;

// Braced lists, not fold expressions: clang caps a fold's nesting at 256.
template <std::size_t K, class E, class Step, class Sequence = std::make_index_sequence<K>>
inline constexpr bool one_structure = true;
template <std::size_t K, class E, class Step, std::size_t... I>
requires takes_index<E, Step>
inline constexpr bool one_structure<K, E, Step, std::index_sequence<I...>> = all_true(
    std::array<bool, K>{std::is_same_v<step_result<0, E, Step>, step_result<I, E, Step>>...});

// Whether unroll<K>(init, step) is a loop node (see the top of this file).
template <std::size_t K, class E, class Step>
constexpr bool unrolls_as_loop() {
  if constexpr (!expression<step_result<0, E, Step>>) {
    return false;
  } else {
    using R = structure_of<step_result<0, E, Step>>;
    return !structure_of<E>::reads_loop_input && R::value_shape == E::value_shape &&
           !names_any<R> && one_structure<K, E, Step>;
  }
}

// The loop Loop on `init`, its steps' numbers copied from `own`.
template <class Loop, class E>
constexpr auto loop_with(const E& init, const double* own) {
  using S = expr<Loop, structure_of<E>>;
  static_assert(S::info.arity == 1);
  object_of<S> node;
  if constexpr (S::number_count > 0) {
    copy_numbers(node.numbers.data(), init.numbers.data(), E::number_count);
    copy_numbers(node.numbers.data() + E::number_count, own, S::number_count - E::number_count);
  } else {
    (void)init;
    (void)own;
  }
  return node;
}

template <std::size_t K, class E, class Step, std::size_t... I>
constexpr auto loop_of(const E& init, const Step& step, std::index_sequence<I...>) {
  // (Only a step that takes its index is called once per index: I... is empty otherwise.)
  using R = structure_of<step_result<0, E, Step>>;
  using S = expr<ops::loop<K, R>, structure_of<E>>;
  static_assert(S::info.arity == 1);
  object_of<S> node;
  if constexpr (S::number_count > 0) {
    constexpr std::size_t m = R::number_count;
    copy_numbers(node.numbers.data(), init.numbers.data(), E::number_count);
    const loop_input<E::value_shape> input{};
    double* steps = node.numbers.data() + E::number_count;
    if constexpr (takes_index<E, Step>) {
      const int in_order[] = {
          (copy_numbers(steps + I * m, apply_step<I>(input, step).numbers.data(), m), 0)...};
      (void)in_order;
    } else {
      for (std::size_t k = 0; k < K; ++k)
        copy_numbers(steps + k * m, step(input).numbers.data(), m);
    }
  } else {
    (void)init;
    (void)step;
  }
  return node;
}
// The object of step structure S whose numbers start at `numbers`, its input `input`: the step
// written out on an expression.
template <class S, class Input>
constexpr auto step_on(const double* numbers, const Input& input) {
  if constexpr (is_loop_input<S>::value) {
    return input;
  } else if constexpr (!is_interior<S>::value) {
    return object_from_numbers<S>(numbers);
  } else if constexpr (is_loop<typename S::op>::value) {
    // A loop inside the step: its operand on the input, its own numbers as they are.
    using Init = list_at<0, typename S::operands>;
    return loop_with<typename S::op>(step_on<Init>(numbers, input), numbers + Init::number_count);
  } else {
    return [&]<std::size_t... J>(std::index_sequence<J...>) {
      return make_node<typename S::op>(step_on<list_at<J, typename S::operands>>(
          numbers + numbers_before_t<J, S>::value, input)...);
    }
    (std::make_index_sequence<S::operands::size>{});
  }
}

// Steps K0 ... K - 1 of a loop written out on `state`, halving as unroll_nested does.
template <class Loop, std::size_t First, std::size_t Count, class State>
constexpr auto steps_written_out(const double* own, const State& state) {
  constexpr std::size_t m = Loop::step::number_count;
  if constexpr (Count == 0) {
    return state;
  } else if constexpr (Count == 1) {
    return step_on<typename Loop::step>(own + First * m, state);
  } else {
    constexpr std::size_t half = Count / 2;
    return steps_written_out<Loop, First + half, Count - half>(
        own, steps_written_out<Loop, First, half>(own, state));
  }
}

// A loop's node as the steps written out: one nested expression, what symbolic derivatives,
// simplification and printing read.
template <expression E>
constexpr auto written_out(const E& e) {
  using S = structure_of<E>;
  using Loop = typename S::op;
  using Init = list_at<0, typename S::operands>;
  return steps_written_out<Loop, 0, Loop::count>(e.numbers.data() + Init::number_count,
                                                 operand<0>(e));
}
}  // namespace detail

// A name built from a prefix and a number at compile time: numbered<"y", 3> is "y3".
template <fixed_string Prefix, std::size_t N>
inline constexpr auto numbered = detail::numbered_name<Prefix, N>();

// step applied K times to init.
template <std::size_t K, expression E, class Step>
constexpr auto unroll(const E& init, const Step& step) {
  if constexpr (K == 0)
    return init;
  else if constexpr (detail::unrolls_as_loop<K, E, Step>())
    return detail::loop_of<K>(init, step,
                              std::make_index_sequence < detail::takes_index<E, Step> ? K : 0 > {});
  else
    return detail::unroll_nested<0, K>(init, step);
}

}  // namespace ctgrad
