#pragma once
// A rule's partial as a formula, read off the rule itself: the partial runs, during constant
// evaluation, on a scalar that records what is done to it (recorded_scalar), and the record
// becomes a structure over the formula's places (the node, its operands) and constants. So the
// symbolic derivative of tanh is `1 - y * y` because that is what ops::tanh::partial computes,
// not because a second formula says so.
//
// A rule can be recorded when its partial only does arithmetic, calls functions (other rules'
// values too: relu' is step(a)) and chooses with the functions of rules/guard.hpp, recorded as
// selects. Its constants are rationals (T(1), T(0.5)) or one of the irrational constants below.
#include <array>
#include <cstddef>
#include <utility>

#include "ctgrad/core/expr.hpp"
#include "ctgrad/core/functions.hpp"
#include "ctgrad/detail/type_list.hpp"
#include "ctgrad/rules/contribution.hpp"
#include "ctgrad/rules/operations.hpp"
#include "ctgrad/rules/through_rules.hpp"

namespace ctgrad::error {
template <class Operation>
struct a_rule_uses_a_constant_that_is_neither_rational_nor_known {
  static constexpr bool value = false;
};
}  // namespace ctgrad::error

namespace ctgrad {
template <std::size_t I>
struct formula_place;  // symbolic/local_derivative.hpp
}  // namespace ctgrad

namespace ctgrad::detail {

// Operations are recorded by their position in number_operations.
template <class Op, class List>
inline constexpr std::size_t position_in = 0;
template <class Op, class... Ts>
inline constexpr std::size_t position_in<Op, list<Ts...>> = [] {
  constexpr bool same[] = {CTGRAD_SAME(Op, Ts)...};
  std::size_t i = 0;
  while (!same[i]) ++i;
  return i;
}();

// The irrational constants the rules use, and the formulas they stand for.
inline constexpr std::array<double, 3> known_irrationals{ops::detail::ln2, ops::detail::ln10,
                                                         ops::detail::two_over_sqrt_pi};
template <std::size_t K>
struct irrational_formula;
template <>
struct irrational_formula<0> {  // log 2
  using type = expr<ops::log, constant<2>>;
};
template <>
struct irrational_formula<1> {  // log 10
  using type = expr<ops::log, constant<10>>;
};
template <>
struct irrational_formula<2> {  // 2 / sqrt(pi), pi = 4 atan 1
  using type = expr<ops::div, constant<2>,
                    expr<ops::sqrt, expr<ops::mul, constant<4>, expr<ops::atan, constant<1>>>>>;
};

// An integer power pow<N> is recorded by its exponent (num): the family is not in
// number_operations but by a few exponents.
enum class recorded_kind : unsigned char {
  place,
  rational,
  irrational,
  unknown,
  operation,
  integer_power
};

struct recorded_node {
  recorded_kind kind = recorded_kind::place;
  std::size_t which = 0;  // place, irrational constant or operation, by position
  long long num = 0, den = 1;
  std::size_t arity = 0;
  std::array<std::size_t, 3> operands{};
};

struct formula_record {
  std::array<recorded_node, 48> nodes{};
  std::size_t size = 0;
  std::size_t root = 0;

  constexpr std::size_t add(const recorded_node& n) {
    nodes[size] = n;
    return size++;
  }
};

// A constant as a node: a rational when it is one (T(1), T(0.5), T(-1)), else a known irrational.
constexpr recorded_node constant_node(double v) {
  for (long long den = 1; den <= 64; ++den) {
    const double scaled = v * static_cast<double>(den);
    if (scaled > -1e15 && scaled < 1e15) {
      const long long num = static_cast<long long>(scaled);
      if (static_cast<double>(num) == scaled &&
          static_cast<double>(num) / static_cast<double>(den) == v)
        return {recorded_kind::rational, 0, num, den, 0, {}};
    }
  }
  for (std::size_t k = 0; k < known_irrationals.size(); ++k)
    if (known_irrationals[k] == v) return {recorded_kind::irrational, k, 0, 1, 0, {}};
  return {recorded_kind::unknown, 0, 0, 1, 0, {}};
}

// A number in a recorded partial: a node of the record, or a constant not yet in it.
class recorded_scalar : public through_rules<recorded_scalar> {
 public:
  constexpr recorded_scalar() = default;
  constexpr recorded_scalar(double v) : constant_(v) {}  // NOLINT: rules write T(1)
  constexpr recorded_scalar(formula_record& r, std::size_t node) : record_(&r), node_(node) {}

  // The node this number is in `r`.
  constexpr std::size_t in(formula_record& r) const {
    return record_ != nullptr ? node_ : r.add(constant_node(constant_));
  }

  // Op applied to a and rest: a new node, or for constants alone, a constant.
  template <class Op, class... A>
  static constexpr recorded_scalar apply(const recorded_scalar& a, const A&... rest) {
    formula_record* r = a.record_;
    ((r = r != nullptr ? r : rest.record_), ...);
    if (r == nullptr) return recorded_scalar(Op::value(a.constant_, rest.constant_...));
    recorded_node n{recorded_kind::operation, 0, 0, 1, 1 + sizeof...(A), {a.in(*r), 0, 0}};
    if constexpr (requires { Op::exponent; }) {
      n.kind = recorded_kind::integer_power;
      n.num = Op::exponent;
    } else {
      n.which = position_in<Op, number_operations>;
    }
    std::size_t k = 1;
    ((n.operands[k++] = rest.in(*r)), ...);
    return recorded_scalar(*r, r->add(n));
  }

  // The partials that choose (rules/guard.hpp), as selects: unless_zero is select(guard,
  // partial, 0), chosen select(c, x, y), gated select(step(a), x, 0).
  template <class Partial>
  friend constexpr recorded_scalar unless_zero(const recorded_scalar& guard, Partial partial) {
    return apply<ops::select>(guard, partial(), recorded_scalar(0.0));
  }
  friend constexpr recorded_scalar chosen(const recorded_scalar& c, const recorded_scalar& x,
                                          const recorded_scalar& y) {
    return apply<ops::select>(c, x, y);
  }
  friend constexpr recorded_scalar gated(const recorded_scalar& a, const recorded_scalar& x) {
    return apply<ops::select>(apply<ops::step>(a), x, recorded_scalar(0.0));
  }

  friend constexpr recorded_scalar operator+(const recorded_scalar& a, const recorded_scalar& b) {
    return apply<ops::add>(a, b);
  }
  friend constexpr recorded_scalar operator-(const recorded_scalar& a, const recorded_scalar& b) {
    return apply<ops::sub>(a, b);
  }
  friend constexpr recorded_scalar operator*(const recorded_scalar& a, const recorded_scalar& b) {
    return apply<ops::mul>(a, b);
  }
  friend constexpr recorded_scalar operator/(const recorded_scalar& a, const recorded_scalar& b) {
    return apply<ops::div>(a, b);
  }
  friend constexpr recorded_scalar operator-(const recorded_scalar& a) {
    return apply<ops::neg>(a);
  }

 private:
  formula_record* record_ = nullptr;
  std::size_t node_ = 0;
  double constant_ = 0;
};

// The record of Op's partial in operand J: the node is place 0, the operands places 1, 2, ...
template <class Op, std::size_t J, std::size_t Arity>
constexpr formula_record record_partial() {
  formula_record r;
  std::array<recorded_scalar, Arity + 1> places{};
  for (std::size_t i = 0; i <= Arity; ++i) places[i] = recorded_scalar(r, r.add({}));
  for (std::size_t i = 0; i <= Arity; ++i) r.nodes[i].which = i;
  const recorded_scalar partial = [&]<std::size_t... I>(std::index_sequence<I...>) {
    return Op::template partial<J>(places[0], places[1 + I]...);
  }
  (std::make_index_sequence<Arity>{});
  r.root = partial.in(r);
  return r;
}

template <class Op, std::size_t J, std::size_t Arity>
inline constexpr formula_record partial_record = record_partial<Op, J, Arity>();

// Node I of the record as a structure.
template <class Op, std::size_t J, std::size_t Arity, std::size_t I,
          recorded_kind Kind = partial_record<Op, J, Arity>.nodes[I].kind>
struct recorded_structure;
template <class Op, std::size_t J, std::size_t Arity, std::size_t I>
struct recorded_structure<Op, J, Arity, I, recorded_kind::place> {
  using type = formula_place<partial_record<Op, J, Arity>.nodes[I].which>;
};
template <class Op, std::size_t J, std::size_t Arity, std::size_t I>
struct recorded_structure<Op, J, Arity, I, recorded_kind::rational> {
  using type = constant<partial_record<Op, J, Arity>.nodes[I].num,
                        partial_record<Op, J, Arity>.nodes[I].den>;
};
template <class Op, std::size_t J, std::size_t Arity, std::size_t I>
struct recorded_structure<Op, J, Arity, I, recorded_kind::irrational> {
  using type = typename irrational_formula<partial_record<Op, J, Arity>.nodes[I].which>::type;
};
template <class Op, std::size_t J, std::size_t Arity, std::size_t I>
struct recorded_structure<Op, J, Arity, I, recorded_kind::unknown> {
  static_assert(error::a_rule_uses_a_constant_that_is_neither_rational_nor_known<Op>::value,
                "ctgrad: the partial of this rule uses a constant that is neither a rational nor "
                "one of the irrational constants symbolic/rule_formula.hpp knows; add it there");
  using type = constant<0>;
};
template <class Op, std::size_t J, std::size_t Arity, class Operation, std::size_t N, std::size_t A,
          std::size_t B, std::size_t C>
struct recorded_operation {
  using type = expr<Operation, typename recorded_structure<Op, J, Arity, A>::type>;
};
template <class Op, std::size_t J, std::size_t Arity, class Operation, std::size_t A, std::size_t B,
          std::size_t C>
struct recorded_operation<Op, J, Arity, Operation, 2, A, B, C> {
  using type = expr<Operation, typename recorded_structure<Op, J, Arity, A>::type,
                    typename recorded_structure<Op, J, Arity, B>::type>;
};
template <class Op, std::size_t J, std::size_t Arity, class Operation, std::size_t A, std::size_t B,
          std::size_t C>
struct recorded_operation<Op, J, Arity, Operation, 3, A, B, C> {
  using type = expr<Operation, typename recorded_structure<Op, J, Arity, A>::type,
                    typename recorded_structure<Op, J, Arity, B>::type,
                    typename recorded_structure<Op, J, Arity, C>::type>;
};
template <class Op, std::size_t J, std::size_t Arity, std::size_t I>
struct recorded_structure<Op, J, Arity, I, recorded_kind::operation> {
  static constexpr recorded_node node = partial_record<Op, J, Arity>.nodes[I];
  using type =
      typename recorded_operation<Op, J, Arity, list_at<node.which, number_operations>, node.arity,
                                  node.operands[0], node.operands[1], node.operands[2]>::type;
};

template <class Op, std::size_t J, std::size_t Arity, std::size_t I>
struct recorded_structure<Op, J, Arity, I, recorded_kind::integer_power> {
  static constexpr recorded_node node = partial_record<Op, J, Arity>.nodes[I];
  using type = expr<ops::pow_int<node.num>,
                    typename recorded_structure<Op, J, Arity, node.operands[0]>::type>;
};

// Op's partial in operand J, as a structure over formula places.
template <class Op, std::size_t J, std::size_t Arity>
using rule_formula =
    typename recorded_structure<Op, J, Arity, partial_record<Op, J, Arity>.root>::type;

}  // namespace ctgrad::detail
