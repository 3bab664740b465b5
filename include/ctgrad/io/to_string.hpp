#pragma once
// to_string(e): an expression as readable infix text, in ctgrad's own spelling, with only the
// parentheses that precedence needs: `6 * (3 * x + 2)`, `(1 - square(tanh(w * x + b))) * w`.
// Variables and named intermediates print as their names, compile-time constants as integers
// or fractions (`1/2`), run-time numbers in the shortest form that reads back to the same double.
// Sums and products print flat where regrouping them does not change the value mathematically
// (`a + (b + c)` as `a + b + c`), so the text shows the mathematics, not the evaluation order.
// Comparisons bind less tightly than sums (`x + 1 < y`), and select prints as a function:
// `select(x > 0, x, 0)`.
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>

#include "ctgrad/core/functions.hpp"
#include "ctgrad/core/operands.hpp"
#include "ctgrad/core/operators.hpp"
#include "ctgrad/core/unroll.hpp"
#include "ctgrad/io/join.hpp"
#include "ctgrad/io/printed.hpp"

namespace ctgrad {

namespace io_detail {

template <long long Num, long long Den>
printed constant_text() {
  std::string text = std::to_string(Num);
  if constexpr (Den != 1) text = join(text, "/", std::to_string(Den));
  if constexpr (Num < 0) return {text, binding_power::negation};
  return {text, Den == 1 ? binding_power::atom : binding_power::product};
}

template <class Op>
inline constexpr bool is_integer_power = false;
template <long long N>
inline constexpr bool is_integer_power<ops::pow_int<N>> = true;

template <class Op>
inline constexpr bool is_comparison_op =
    std::is_same_v<Op, ops::less> || std::is_same_v<Op, ops::less_equal> ||
    std::is_same_v<Op, ops::greater> || std::is_same_v<Op, ops::greater_equal>;

template <class E>
printed print(const E& e);

template <class E, std::size_t... J>
printed print_node(const E& e, std::index_sequence<J...>) {
  using P = binding_power;
  using Op = typename structure_of<E>::op;
  const printed operand_text[] = {print(operand<J>(e))...};
  const auto& a = operand_text[0];
  if constexpr (detail::is_named<structure_of<E>>::value) {
    return {std::string(Op::name.view()), P::atom};
  } else if constexpr (std::is_same_v<Op, ops::add> || std::is_same_v<Op, ops::sub>) {
    const auto& b = operand_text[1];
    const bool wrap_right = b.power == P::comparison || b.power == P::negation ||
                            (std::is_same_v<Op, ops::sub> && b.power == P::sum);
    return {join(parenthesized(a, a.power == P::comparison), " ", Op::symbol, " ",
                 parenthesized(b, wrap_right)),
            P::sum};
  } else if constexpr (is_comparison_op<Op>) {
    // Comparisons do not chain: (a < b) < c keeps its parentheses on either side.
    const auto& b = operand_text[1];
    return {join(parenthesized(a, a.power == P::comparison), " ", Op::symbol, " ",
                 parenthesized(b, b.power == P::comparison)),
            P::comparison};
  } else if constexpr (std::is_same_v<Op, ops::mul> || std::is_same_v<Op, ops::div>) {
    const auto& b = operand_text[1];
    const bool wrap_right = b.power == P::comparison || b.power == P::sum ||
                            b.power == P::negation ||
                            (std::is_same_v<Op, ops::div> && b.power == P::product);
    return {join(parenthesized(a, a.power == P::comparison || a.power == P::sum), " ", Op::symbol,
                 " ", parenthesized(b, wrap_right)),
            P::product};
  } else if constexpr (std::is_same_v<Op, ops::neg>) {
    return {join("-", parenthesized(a, a.power == P::comparison || a.power == P::sum ||
                                           a.power == P::negation)),
            P::negation};
  } else if constexpr (is_integer_power<Op>) {
    return {join("pow<", std::to_string(Op::exponent), ">(", a.text, ")"), P::atom};
  } else {
    std::string text = join(Op::symbol, "(");
    for (std::size_t j = 0; j < sizeof...(J); ++j) {
      if (j > 0) text += ", ";
      text += operand_text[j].text;
    }
    return {join(text, ")"), P::atom};
  }
}

template <class E>
printed print(const E& e) {
  if constexpr (detail::is_variable<E>::value || detail::is_array_variable<E>::value) {
    return {std::string(E::name()), binding_power::atom};
  } else if constexpr (detail::is_constant<E>::value) {
    return constant_text<E::numerator, E::denominator>();
  } else if constexpr (std::is_same_v<E, number>) {
    return number_text(number_value(e));
  } else if constexpr (detail::is_loop_input<E>::value) {
    return {"in", binding_power::atom};
  } else if constexpr (detail::is_loop_node<structure_of<E>>) {
    // unroll<K>(init, in -> step), the step with the first step's numbers.
    using S = structure_of<E>;
    using Init = detail::list_at<0, typename S::operands>;
    const auto step = detail::step_on<typename S::op::step>(e.numbers.data() + Init::number_count,
                                                            loop_input<Init::value_shape>{});
    return {join("unroll<", std::to_string(S::op::count), ">(", print(operand<0>(e)).text,
                 ", in -> ", print(step).text, ")"),
            binding_power::atom};
  } else {
    return print_node(e, std::make_index_sequence<structure_of<E>::operands::size>{});
  }
}

}  // namespace io_detail

// The expression as infix text, e.g. "6 * (3 * x + 2)".
template <expression E>
std::string to_string(const E& e) {
  return io_detail::print(e).text;
}

}  // namespace ctgrad
