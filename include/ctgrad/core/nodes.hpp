#pragma once
// Definitions of the structures and objects declared in expr.hpp. Each structure carries, as
// constants computed once from its operands' ones:
// - number_count: how many run-time numbers the subtree holds;
// - value_shape: a number, or an array and its extents (core/shape.hpp), and holds_arrays:
//   whether any node of the subtree is an array;
// - id: a 128-bit hash of the structure (detail/node_id.hpp);
// - info: what the graph walk reads (graph/node_info.hpp).
// Nothing here depends on the size of the subtree: an operation costs the compiler the same
// whether its operands are leaves or a thousand nodes.
#include <array>
#include <cstddef>
#include <cstdint>

#include "ctgrad/config.hpp"
#include "ctgrad/core/expr.hpp"
#include "ctgrad/core/node_info.hpp"
#include "ctgrad/detail/node_id.hpp"
#include "ctgrad/detail/type_list.hpp"

namespace ctgrad {

namespace detail {
// The shape of Op applied to operands of these shapes: element-wise unless the operation says
// otherwise (a reduction, a matrix-vector product: rules/array.hpp).
template <class Op>
inline constexpr bool has_result_shape = requires {
  Op::result_shape;
};
template <class Op, std::size_t N>
constexpr shape shape_of_operation(const shape (&operands)[N]) {
  if constexpr (has_result_shape<Op>)
    return Op::result_shape(operands);
  else
    return elementwise(operands);
}

// Bit j: the operation passes an adjoint to operand j. A rule whose operands get none (a
// comparison, select's condition) says so with `adjoint_operands`, so that the sweep neither
// computes the adjoint of such an operand nor adds a 0 to it.
template <class Op>
inline constexpr unsigned adjoint_operands_of = ~0u;
template <class Op>
requires requires {
  Op::adjoint_operands;
}
inline constexpr unsigned adjoint_operands_of<Op> = Op::adjoint_operands;

// The identity of a let's name: every use of the name is one node.
template <fixed_string Name>
inline constexpr node_id name_id = hash_text(0x6c6574, Name.view());

template <class Op>
inline constexpr node_kind operation_kind = node_kind::operation;
template <fixed_string Name>
inline constexpr node_kind operation_kind<named<Name>> = node_kind::named;

template <class Op>
inline constexpr node_id operation_name{};
template <fixed_string Name>
inline constexpr node_id operation_name<named<Name>> = name_id<Name>;

// What an operation holds beyond its operands: nothing, but for a loop (core/unroll.hpp), which
// holds its steps' numbers, the values of its steps, and the variables its step reads.
template <class Op>
struct operation_extras {
  static constexpr std::size_t own_numbers = 0;
  static constexpr std::size_t workspace = 0;
  static constexpr const node_info* const* inputs = nullptr;
  static constexpr std::size_t input_count = 0;
  using input_types = list<>;
};
}  // namespace detail

namespace detail {
// A structure's constants, as members of a class over plain numbers: g++ gives every static data
// member it instantiates a mangled name, and one of expr<Op, Args...> spells the whole structure
// (a sum of 1000 nodes compiled 23% faster with g++ once these left expr).
template <std::size_t NumberCount, bool HoldsArrays, bool ReadsLoopInput, std::size_t Rows,
          std::size_t Cols, bool Array, bool Ok, std::uint64_t IdA, std::uint64_t IdB>
struct structure_constants {
  static constexpr std::size_t number_count = NumberCount;
  static constexpr bool holds_arrays = HoldsArrays;
  static constexpr bool reads_loop_input = ReadsLoopInput;
  static constexpr shape value_shape{Rows, Cols, Array, Ok};
  static constexpr node_id id{IdA, IdB};
};
// The shape and the id of Op(Args...), spelled out where they are needed rather than kept in a
// variable per structure.
#define CTGRAD_NODE_SHAPE shape_of_operation<Op>({Args::value_shape...})
#define CTGRAD_NODE_ID combine_all(type_id<Op>, std::array<node_id, sizeof...(Args)>{Args::id...})
template <class Op, class... Args>
using constants_of_node =
    structure_constants<(operation_extras<Op>::own_numbers + ... + Args::number_count),
                        CTGRAD_NODE_SHAPE.array || (false || ... || Args::holds_arrays),
                        (false || ... || Args::reads_loop_input), CTGRAD_NODE_SHAPE.rows,
                        CTGRAD_NODE_SHAPE.cols, CTGRAD_NODE_SHAPE.array, CTGRAD_NODE_SHAPE.ok,
                        CTGRAD_NODE_ID.a, CTGRAD_NODE_ID.b>;
#undef CTGRAD_NODE_SHAPE
#undef CTGRAD_NODE_ID
}  // namespace detail

template <class Op, class... Args>
struct expr : detail::constants_of_node<Op, Args...> {
  using ctgrad_structure = detail::structure_tag;
  using op = Op;
  using operands = detail::list<Args...>;
  using extras = detail::operation_extras<Op>;
  using constants = detail::constants_of_node<Op, Args...>;
  static constexpr detail::node_info info{
      constants::id,
      detail::operation_kind<Op>,
      constants::number_count,
      constants::value_shape,
      detail::adjoint_operands_of<Op>,
      sizeof...(Args),
      {&Args::info...},
      detail::operation_name<Op>,
      extras::workspace == 0 ? 0 : constants::value_shape.width() + extras::workspace,
      extras::inputs,
      extras::input_count};
};

namespace detail {
// What an interior node's object says of its structure, as a leaf says it of itself. Only values
// are template arguments here, which add nothing to argument-dependent lookup.
template <std::size_t N, shape Shape, bool Arrays>
struct object_base : numbers_storage<N> {
  static constexpr std::size_t number_count = N;
  static constexpr shape value_shape = Shape;
  static constexpr bool holds_arrays = Arrays;
};

// Whether `v = r` views r instead of copying it: r is an lvalue range of numbers that is not a
// view itself (defined in eval/column.hpp).
template <class T>
struct binds_as_view;
}  // namespace detail

// The object of an interior node: its numbers, and the name of its structure.
template <class S>
struct expression_of {
  struct : detail::object_base<S::number_count, S::value_shape, S::holds_arrays> {
    using structure = S;
  } object;
};

template <fixed_string Name>
struct variable : detail::numbers_storage<0> {
  using ctgrad_structure = detail::structure_tag;
  using structure = variable;
  static constexpr std::size_t number_count = 0;
  static constexpr shape value_shape = scalar_shape;
  static constexpr bool holds_arrays = false;
  static constexpr bool reads_loop_input = false;
  static constexpr detail::node_id id = detail::hash_text(0x766172, Name.view());
  static constexpr detail::node_info info{
      id, detail::node_kind::variable, 0, scalar_shape, 0, 0, {}, {}};
  static constexpr auto name_string = Name;
  static constexpr std::string_view name() { return Name.view(); }

  // `w = 2.0` binds a value to the variable (see eval/point.hpp); `x = xs` for a range of
  // numbers binds one value per sample (eval/column.hpp): a view of an lvalue range (the second
  // overload, marked so that clang sees the view), else a copy.
  template <class T>
  constexpr auto operator=(T&& value) const;
  template <class T>
  requires detail::binds_as_view<T>::value constexpr auto operator=(
      T& values CTGRAD_LIFETIMEBOUND) const;
};

template <fixed_string Name, std::size_t Rows, std::size_t Cols>
struct array_variable : detail::numbers_storage<0> {
  static_assert(Rows > 0 && Cols > 0, "ctgrad: an array variable has at least one element");
  using ctgrad_structure = detail::structure_tag;
  using structure = array_variable;
  static constexpr std::size_t number_count = 0;
  static constexpr shape value_shape = array_shape<Rows, Cols>;
  static constexpr bool holds_arrays = true;
  static constexpr bool reads_loop_input = false;
  static constexpr detail::node_id id =
      detail::combine(detail::combine(detail::hash_text(0x617272, Name.view()), Rows), Cols);
  static constexpr detail::node_info info{
      id, detail::node_kind::array_variable, 0, value_shape, 0, 0, {}, {}};
  static constexpr auto name_string = Name;
  static constexpr std::string_view name() { return Name.view(); }

  // `w = weights` binds Rows * Cols numbers to the variable (see eval/point.hpp): a view of an
  // lvalue range (the second overload), else a copy.
  template <class T>
  constexpr auto operator=(T&& values) const;
  template <class T>
  requires detail::binds_as_view<T>::value constexpr auto operator=(
      T& values CTGRAD_LIFETIMEBOUND) const;
};

template <long long Num, long long Den>
struct constant : detail::numbers_storage<0> {
  static_assert(Den > 0, "ctgrad: a constant's denominator must be positive");
  using ctgrad_structure = detail::structure_tag;
  using structure = constant;
  static constexpr std::size_t number_count = 0;
  static constexpr shape value_shape = scalar_shape;
  static constexpr bool holds_arrays = false;
  static constexpr bool reads_loop_input = false;
  static constexpr detail::node_id id = detail::combine(
      detail::combine(detail::node_id{0x636f6e, 1}, static_cast<std::uint64_t>(Num)),
      static_cast<std::uint64_t>(Den));
  static constexpr detail::node_info info{
      id, detail::node_kind::constant, 0, scalar_shape, 0, 0, {}, {}};
  static constexpr long long numerator = Num;
  static constexpr long long denominator = Den;
};

struct number : detail::numbers_storage<1> {
  using ctgrad_structure = detail::structure_tag;
  using structure = number;
  static constexpr std::size_t number_count = 1;
  static constexpr shape value_shape = scalar_shape;
  static constexpr bool holds_arrays = false;
  static constexpr bool reads_loop_input = false;
  static constexpr detail::node_id id{0x6e756d, 2};
  static constexpr detail::node_info info{id, detail::node_kind::number, 1, scalar_shape, 0, 0, {},
                                          {}};

  constexpr number() : detail::numbers_storage<1>{{0.0}} {}
  constexpr explicit number(double value) : detail::numbers_storage<1>{{value}} {}
};

namespace detail {
// The object type of structure S: S itself for a leaf.
template <class S>
struct object_type {
  using type = S;
};
template <class Op, class... A>
struct object_type<expr<Op, A...>> {
  using type = decltype(expression_of<expr<Op, A...>>::object);
};
template <class S>
using object_of = typename object_type<S>::type;

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
