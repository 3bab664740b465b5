#pragma once
// How each operation is shown: its sign in a picture, and its statements in printed code. {a},
// {b} are the operands, {y} the node's value and {d} its adjoint; `backward[j]` is what the node
// adds to operand j's adjoint. That is printed by running the rule itself on text scalars
// (io/text_scalar.hpp).
#include <array>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>

#include "ctgrad/core/functions.hpp"
#include "ctgrad/io/join.hpp"
#include "ctgrad/io/text_scalar.hpp"
#include "ctgrad/rules/contribution.hpp"
#include "ctgrad/rules/operations.hpp"

namespace ctgrad::io_detail {

struct operation_text {
  std::string stem;     // start of the node's id: "mul", "relu"; a named intermediate's name
  std::string display;  // sign in pictures: "×", "²", "relu"; a named intermediate's name
  std::string forward;  // the node's value from its operands, e.g. "{a} * {b}"
  std::array<std::string, 3> backward;  // contribution to operand j's adjoint
  bool is_name = false;                 // a named intermediate: the identity, under a name
};

template <class Op>
struct is_pow_int : std::false_type {};
template <long long N>
struct is_pow_int<ops::pow_int<N>> : std::true_type {};

template <class Op>
struct is_named_op : std::false_type {};
template <fixed_string Name>
struct is_named_op<named<Name>> : std::true_type {};

// What the node adds to each operand's adjoint: the contribution the sweeps compute
// (rules/contribution.hpp), run on text scalars, so that it is printed from the rule itself.
template <class Op>
std::array<std::string, 3> printed_backward() {
  const text_scalar d("{d}"), y("{y}"), a("{a}"), b("{b}"), c("{c}");
  std::array<std::string, 3> out;
  [&]<std::size_t... J>(std::index_sequence<J...>) {
    if constexpr (detail::rule_arity<Op>() == 1)
      ((out[J] = detail::contribution<Op, J>(d, y, a).text()), ...);
    else if constexpr (detail::rule_arity<Op>() == 2)
      ((out[J] = detail::contribution<Op, J>(d, y, a, b).text()), ...);
    else
      ((out[J] = detail::contribution<Op, J>(d, y, a, b, c).text()), ...);
  }
  (std::make_index_sequence<detail::rule_arity<Op>()>{});
  return out;
}

// A function: its symbol, applied to the operands.
template <class Op>
operation_text function_text() {
  constexpr std::size_t n = detail::rule_arity<Op>();
  const char* operands = n == 1 ? "({a})" : n == 2 ? "({a}, {b})" : "({a}, {b}, {c})";
  return {Op::symbol, Op::symbol, join(Op::symbol, operands), printed_backward<Op>()};
}

template <class Op>
operation_text operation_text_of() {
  if constexpr (is_named_op<Op>::value) {
    const std::string name(Op::name.view());
    return {name, name, "{a}", {"{d}"}, true};
  } else if constexpr (is_pow_int<Op>::value) {
    const std::string power = join("pow<", std::to_string(Op::exponent), ">");
    return {"pow", power, join(power, "({a})"), printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::add>) {
    return {"add", "+", "{a} + {b}", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::sub>) {
    return {"sub", "-", "{a} - {b}", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::mul>) {
    return {"mul", "\u00d7", "{a} * {b}", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::div>) {
    return {"div", "/", "{a} / {b}", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::neg>) {
    return {"neg", "neg", "-{a}", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::square>) {
    return {"sq", "square", "square({a})", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::less>) {
    return {"lt", "<", "({a} < {b} ? 1 : 0)", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::less_equal>) {
    return {"le", "\u2264", "({a} <= {b} ? 1 : 0)", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::greater>) {
    return {"gt", ">", "({a} > {b} ? 1 : 0)", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::greater_equal>) {
    return {"ge", "\u2265", "({a} >= {b} ? 1 : 0)", printed_backward<Op>()};
  } else if constexpr (std::is_same_v<Op, ops::select>) {
    return {"select", "select", "({a} != 0 ? {b} : {c})", printed_backward<Op>()};
  } else if constexpr (detail::list_contains<detail::number_operations, Op>) {
    return function_text<Op>();
  } else {
    // An operation of the user's own: shown by its rule's symbol.
    const std::string symbol = Op::symbol;
    return {"op",
            symbol,
            join(symbol, "({a}, {b}, {c})"),
            {join("{d} * d", symbol, "/d0"), join("{d} * d", symbol, "/d1"),
             join("{d} * d", symbol, "/d2")}};
  }
}

// The statement template with its placeholders replaced.
inline std::string fill(const std::string& form, const std::string& a, const std::string& b,
                        const std::string& c, const std::string& y, const std::string& d) {
  std::string out;
  for (std::size_t i = 0; i < form.size(); ++i) {
    if (form[i] == '{' && i + 2 < form.size() && form[i + 2] == '}') {
      const std::string* with = nullptr;
      switch (form[i + 1]) {
        case 'a':
          with = &a;
          break;
        case 'b':
          with = &b;
          break;
        case 'c':
          with = &c;
          break;
        case 'y':
          with = &y;
          break;
        case 'd':
          with = &d;
          break;
        default:
          break;
      }
      if (with != nullptr) {
        out += *with;
        i += 2;
        continue;
      }
    }
    out += form[i];
  }
  return out;
}

}  // namespace ctgrad::io_detail
