#pragma once
// How each operation is shown: its sign in a picture, and its statements in printed code. The
// statements spell out what the rule in rules/ computes: {a}, {b} are the operands, {y} the
// node's value and {d} its adjoint; `backward[j]` is what the node adds to operand j's adjoint
// (its adjoint times the local partial, or the rule's own backward: + passes it, relu selects).
#include <array>
#include <string>
#include <type_traits>

#include "ctgrad/core/functions.hpp"
#include "ctgrad/io/join.hpp"

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

template <long long N>
operation_text pow_int_text() {
  const std::string n = std::to_string(N);
  std::string partial;  // N * a^(N-1), as rules/arithmetic.hpp computes it
  if constexpr (N == 0)
    partial = "0";
  else if constexpr (N == 1)
    partial = "1";
  else if constexpr (N == 2)
    partial = "(2 * {a})";
  else
    partial = join("(", n, " * pow<", std::to_string(N - 1), ">({a}))");
  return {"pow", join("pow<", n, ">"), join("pow<", n, ">({a})"), {join("{d} * ", partial)}};
}

// A function of one operand whose partial is written in terms of {y} and {a}.
inline operation_text unary(const char* name, const std::string& partial) {
  return {name, name, join(name, "({a})"), {join("{d} * ", partial)}};
}

template <class Op>
operation_text operation_text_of() {
  if constexpr (is_named_op<Op>::value) {
    const std::string name(Op::name.view());
    return {name, name, "{a}", {"{d}"}, true};
  } else if constexpr (is_pow_int<Op>::value) {
    return pow_int_text<Op::exponent>();
  } else if constexpr (std::is_same_v<Op, ops::add>) {
    return {"add", "+", "{a} + {b}", {"{d}", "{d}"}};
  } else if constexpr (std::is_same_v<Op, ops::sub>) {
    return {"sub", "-", "{a} - {b}", {"{d}", "-{d}"}};
  } else if constexpr (std::is_same_v<Op, ops::mul>) {
    return {"mul", "\u00d7", "{a} * {b}", {"{d} * {b}", "{d} * {a}"}};
  } else if constexpr (std::is_same_v<Op, ops::div>) {
    return {"div", "/", "{a} / {b}", {"{d} * (1 / {b})", "{d} * (-{y} / {b})"}};
  } else if constexpr (std::is_same_v<Op, ops::neg>) {
    return {"neg", "neg", "-{a}", {"-{d}"}};
  } else if constexpr (std::is_same_v<Op, ops::square>) {
    return {"sq", "square", "square({a})", {"{d} * (2 * {a})"}};
  } else if constexpr (std::is_same_v<Op, ops::pow>) {
    return {"pow",
            "pow",
            "pow({a}, {b})",
            {"{d} * ({b} * pow({a}, {b} - 1))", "{d} * ({y} == 0 ? 0 : {y} * log({a}))"}};
  } else if constexpr (std::is_same_v<Op, ops::relu>) {
    return {"relu", "relu", "relu({a})", {"({a} > 0 ? {d} : 0)"}};
  } else if constexpr (std::is_same_v<Op, ops::sqrt>) {
    return unary("sqrt", "(0.5 / {y})");
  } else if constexpr (std::is_same_v<Op, ops::exp>) {
    return unary("exp", "{y}");
  } else if constexpr (std::is_same_v<Op, ops::log>) {
    return unary("log", "(1 / {a})");
  } else if constexpr (std::is_same_v<Op, ops::log1p>) {
    return unary("log1p", "(1 / (1 + {a}))");
  } else if constexpr (std::is_same_v<Op, ops::expm1>) {
    return unary("expm1", "({y} + 1)");
  } else if constexpr (std::is_same_v<Op, ops::sin>) {
    return unary("sin", "cos({a})");
  } else if constexpr (std::is_same_v<Op, ops::cos>) {
    return unary("cos", "(-sin({a}))");
  } else if constexpr (std::is_same_v<Op, ops::tan>) {
    return unary("tan", "(1 + {y} * {y})");
  } else if constexpr (std::is_same_v<Op, ops::tanh>) {
    return unary("tanh", "(1 - {y} * {y})");
  } else if constexpr (std::is_same_v<Op, ops::sinh>) {
    return unary("sinh", "cosh({a})");
  } else if constexpr (std::is_same_v<Op, ops::cosh>) {
    return unary("cosh", "sinh({a})");
  } else if constexpr (std::is_same_v<Op, ops::asinh>) {
    return unary("asinh", "(1 / hypot(1, {a}))");
  } else if constexpr (std::is_same_v<Op, ops::acosh>) {
    return unary("acosh", "(1 / (sqrt({a} - 1) * sqrt({a} + 1)))");
  } else if constexpr (std::is_same_v<Op, ops::atanh>) {
    return unary("atanh", "(1 / ((1 - {a}) * (1 + {a})))");
  } else if constexpr (std::is_same_v<Op, ops::atan>) {
    return unary("atan", "(1 / (1 + {a} * {a}))");
  } else if constexpr (std::is_same_v<Op, ops::asin>) {
    return unary("asin", "(1 / sqrt((1 - {a}) * (1 + {a})))");
  } else if constexpr (std::is_same_v<Op, ops::acos>) {
    return unary("acos", "(-1 / sqrt((1 - {a}) * (1 + {a})))");
  } else if constexpr (std::is_same_v<Op, ops::log2>) {
    return unary("log2", "(1 / ({a} * 0.6931471805599453))");
  } else if constexpr (std::is_same_v<Op, ops::log10>) {
    return unary("log10", "(1 / ({a} * 2.302585092994046))");
  } else if constexpr (std::is_same_v<Op, ops::exp2>) {
    return unary("exp2", "({y} * 0.6931471805599453)");
  } else if constexpr (std::is_same_v<Op, ops::cbrt>) {
    return unary("cbrt", "(1 / (3 * ({y} * {y})))");
  } else if constexpr (std::is_same_v<Op, ops::erf>) {
    return unary("erf", "(1.1283791670955126 * exp(-({a} * {a})))");
  } else if constexpr (std::is_same_v<Op, ops::erfc>) {
    return unary("erfc", "(-(1.1283791670955126 * exp(-({a} * {a}))))");
  } else if constexpr (std::is_same_v<Op, ops::atan2>) {
    return {"atan2",
            "atan2",
            "atan2({a}, {b})",
            {"{d} * ({b} / hypot({a}, {b}) / hypot({a}, {b}))",
             "{d} * (-{a} / hypot({a}, {b}) / hypot({a}, {b}))"}};
  } else if constexpr (std::is_same_v<Op, ops::hypot>) {
    return {"hypot", "hypot", "hypot({a}, {b})", {"{d} * ({a} / {y})", "{d} * ({b} / {y})"}};
  } else if constexpr (std::is_same_v<Op, ops::sigmoid>) {
    return unary("sigmoid", "({y} * (1 - {y}))");
  } else if constexpr (std::is_same_v<Op, ops::softplus>) {
    return unary("softplus", "sigmoid({a})");
  } else if constexpr (std::is_same_v<Op, ops::abs>) {
    return unary("abs", "({a} > 0 ? 1 : {a} < 0 ? -1 : 0)");
  } else if constexpr (std::is_same_v<Op, ops::min>) {
    return {"min",
            "min",
            "min({a}, {b})",
            {"{d} * ({a} < {b} ? 1 : {b} < {a} ? 0 : 0.5)",
             "{d} * ({b} < {a} ? 1 : {a} < {b} ? 0 : 0.5)"}};
  } else if constexpr (std::is_same_v<Op, ops::max>) {
    return {"max",
            "max",
            "max({a}, {b})",
            {"{d} * ({a} > {b} ? 1 : {b} > {a} ? 0 : 0.5)",
             "{d} * ({b} > {a} ? 1 : {a} > {b} ? 0 : 0.5)"}};
  } else if constexpr (std::is_same_v<Op, ops::less>) {
    return {"lt", "<", "({a} < {b} ? 1 : 0)", {"0", "0"}};
  } else if constexpr (std::is_same_v<Op, ops::less_equal>) {
    return {"le", "\u2264", "({a} <= {b} ? 1 : 0)", {"0", "0"}};
  } else if constexpr (std::is_same_v<Op, ops::greater>) {
    return {"gt", ">", "({a} > {b} ? 1 : 0)", {"0", "0"}};
  } else if constexpr (std::is_same_v<Op, ops::greater_equal>) {
    return {"ge", "\u2265", "({a} >= {b} ? 1 : 0)", {"0", "0"}};
  } else if constexpr (std::is_same_v<Op, ops::select>) {
    // The adjoint goes to the taken branch only (a select, not a multiply by 0 or 1).
    return {"select",
            "select",
            "({a} != 0 ? {b} : {c})",
            {"0", "({a} != 0 ? {d} : 0)", "({a} != 0 ? 0 : {d})"}};
  } else if constexpr (std::is_same_v<Op, ops::step>) {
    return unary("step", "0");
  } else if constexpr (std::is_same_v<Op, ops::sign>) {
    return unary("sign", "0");
  } else if constexpr (std::is_same_v<Op, ops::heaviside>) {
    return unary("heaviside", "0");
  } else {
    // An operation this file does not know yet: shown by its rule's symbol.
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
