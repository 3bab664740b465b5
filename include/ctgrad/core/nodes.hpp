#pragma once
// Definitions of the node types declared in expr.hpp. Each node type carries:
// - number_count: how many run-time numbers the subtree holds;
// - value_shape: a number, or an array and its extents (core/shape.hpp), and holds_arrays:
//   whether any node of the subtree is an array;
// - keys(): its distinct nodes in topological order (graph/keys.hpp), as the return type of a
//   function, so that the list is built when a graph asks for it (detail::keys_of), not whenever
//   the type forms: simplifying a derivative forms many types that never become part of a graph.
#include <array>
#include <cstddef>
#include <cstdint>

#include "ctgrad/core/expr.hpp"
#include "ctgrad/detail/node_id.hpp"
#include "ctgrad/graph/keys.hpp"

namespace ctgrad {

namespace detail {
// The shape of Op applied to operands of these shapes: element-wise unless the operation says
// otherwise (a reduction, a matrix-vector product: rules/array.hpp).
template <class Op, std::size_t N>
constexpr shape shape_of_operation(const shape (&operands)[N]) {
  if constexpr (requires { Op::result_shape(operands); })
    return Op::result_shape(operands);
  else
    return elementwise(operands);
}

// Copies an operand's run-time numbers into a node's array. Overloaded on the storage base
// class, so it is instantiated per pair of array sizes, not per operand type.
template <std::size_t N, std::size_t M>
constexpr void append_numbers(std::array<double, N>& out, std::size_t& k,
                              const numbers_storage<M>& operand) {
  for (std::size_t i = 0; i < M; ++i) out[k + i] = operand.numbers[i];
  k += M;
}

// Tag of the constructor that rebuilds a node from its run-time numbers (core/operands.hpp).
struct from_numbers_t {};
inline constexpr from_numbers_t from_numbers{};

template <std::size_t N>
constexpr void append_numbers(std::array<double, N>& out, std::size_t& k, double operand) {
  out[k++] = operand;
}
}  // namespace detail

template <class Op, class... Args>
struct expr : detail::numbers_storage<(std::size_t{0} + ... + Args::number_count)> {
  using op = Op;
  using operands = detail::list<Args...>;
  static constexpr std::size_t number_count = (std::size_t{0} + ... + Args::number_count);
  static constexpr shape value_shape = detail::shape_of_operation<Op>({Args::value_shape...});
  static constexpr bool holds_arrays = value_shape.array || (false || ... || Args::holds_arrays);
  static constexpr detail::node_id structure = detail::combine_all(
      detail::type_id<Op>, std::array<detail::node_id, sizeof...(Args)>{Args::structure...});
  static constexpr auto keys() { return typename detail::node_list<Op, Args...>::type{}; }

  constexpr expr() = default;
  // From the operands (nodes or plain numbers): only their numbers are kept.
  template <class... Operands>
  requires(sizeof...(Operands) ==
           sizeof...(Args)) constexpr explicit expr(const Operands&... operands) {
    if constexpr (number_count > 0) {
      std::size_t k = 0;
      (detail::append_numbers(this->numbers, k, operands), ...);
    }
  }
  // From a copy of its numbers, which start at `first` (taking operands apart, operands.hpp).
  constexpr expr(detail::from_numbers_t, const double* first) {
    if constexpr (number_count > 0)
      for (std::size_t i = 0; i < number_count; ++i) this->numbers[i] = first[i];
    else
      (void)first;
  }
};

template <fixed_string Name>
struct variable : detail::numbers_storage<0> {
  static constexpr std::size_t number_count = 0;
  static constexpr shape value_shape = scalar_shape;
  static constexpr bool holds_arrays = false;
  static constexpr detail::node_id structure = detail::hash_text(0x766172, Name.view());
  static constexpr auto keys() {
    return detail::list<detail::key<variable, detail::no_numbers, detail::in_root>>{};
  }
  static constexpr auto name_string = Name;
  static constexpr std::string_view name() { return Name.view(); }

  // `w = 2.0` binds a value to the variable (see eval/point.hpp); `x = xs` for a range of
  // numbers binds one value per sample (eval/column.hpp).
  template <class T>
  constexpr auto operator=(const T& value) const;
};

template <fixed_string Name, std::size_t Rows, std::size_t Cols>
struct array_variable : detail::numbers_storage<0> {
  static_assert(Rows > 0 && Cols > 0, "ctgrad: an array variable has at least one element");
  static constexpr std::size_t number_count = 0;
  static constexpr shape value_shape = array_shape<Rows, Cols>;
  static constexpr bool holds_arrays = true;
  static constexpr detail::node_id structure =
      detail::combine(detail::combine(detail::hash_text(0x617272, Name.view()), Rows), Cols);
  static constexpr auto keys() {
    return detail::list<detail::key<array_variable, detail::no_numbers, detail::in_root>>{};
  }
  static constexpr auto name_string = Name;
  static constexpr std::string_view name() { return Name.view(); }

  // `w = weights` binds Rows * Cols numbers to the variable (see eval/array_binding.hpp).
  template <class T>
  constexpr auto operator=(T&& values) const;
};

template <long long Num, long long Den>
struct constant : detail::numbers_storage<0> {
  static_assert(Den > 0, "ctgrad: a constant's denominator must be positive");
  static constexpr std::size_t number_count = 0;
  static constexpr shape value_shape = scalar_shape;
  static constexpr bool holds_arrays = false;
  static constexpr detail::node_id structure = detail::combine(
      detail::combine(detail::node_id{0x636f6e, 1}, static_cast<std::uint64_t>(Num)),
      static_cast<std::uint64_t>(Den));
  static constexpr auto keys() {
    return detail::list<detail::key<constant, detail::no_numbers, detail::in_root>>{};
  }
  static constexpr long long numerator = Num;
  static constexpr long long denominator = Den;
};

struct number : detail::numbers_storage<1> {
  static constexpr std::size_t number_count = 1;
  static constexpr shape value_shape = scalar_shape;
  static constexpr bool holds_arrays = false;
  static constexpr detail::node_id structure{0x6e756d, 2};
  static constexpr auto keys() { return detail::list<detail::key<number, 0, detail::in_root>>{}; }

  constexpr number() = default;
  constexpr explicit number(double value) : detail::numbers_storage<1>{{value}} {}
};

namespace detail {
template <fixed_string Name, std::size_t... Extents>
struct variable_for {
  static_assert(sizeof...(Extents) <= 2,
                "ctgrad::var: a variable is a number (var<\"x\">), a vector (var<\"w\", 4>) or a "
                "matrix (var<\"W\", 3, 4>)");
  using type = array_variable<Name, Extents...>;
};
template <fixed_string Name>
struct variable_for<Name> {
  using type = variable<Name>;
};
}  // namespace detail

// Variables are objects of empty types: `constexpr auto w = ctgrad::var<"w">;` for a number,
// `ctgrad::var<"w", 64>` for a vector of 64, `ctgrad::var<"W", 3, 4>` for a 3 x 4 matrix.
template <fixed_string Name, std::size_t... Extents>
inline constexpr typename detail::variable_for<Name, Extents...>::type var{};

namespace detail {
constexpr long long gcd(long long a, long long b) {
  if (a < 0) a = -a;
  while (b != 0) {
    long long t = a % b;
    a = b;
    b = t;
  }
  return a == 0 ? 1 : a;
}
template <long long Num, long long Den>
using reduced_constant = constant<(Den < 0 ? -Num : Num) / gcd(Num, Den < 0 ? -Den : Den),
                                  (Den < 0 ? -Den : Den) / gcd(Num, Den < 0 ? -Den : Den)>;
}  // namespace detail

// Compile-time constants: `ctgrad::c<3>`, `ctgrad::c<1, 2>` (one half).
template <long long Num, long long Den = 1>
inline constexpr detail::reduced_constant<Num, Den> c{};

namespace literals {
// `3_c` is ctgrad::c<3>.
template <char... Digits>
constexpr auto operator""_c() {
  constexpr long long value = [] {
    long long v = 0;
    for (char d : {Digits...}) {
      if (d == '\'') continue;
      if (d < '0' || d > '9') throw "ctgrad: _c takes a decimal integer";
      v = v * 10 + (d - '0');
    }
    return v;
  }();
  return constant<value>{};
}
}  // namespace literals

}  // namespace ctgrad
