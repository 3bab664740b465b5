#pragma once
// The local partial derivatives of every operation as expressions: local_derivative<Op>::of<J>
// gives d Op / d operand J in terms of the node itself (y) and its operands, built with the
// simplifying constructors. They are the symbolic twins of the rules' numeric `partial<J>`
// (rules/), and tests/runtime/symbolic.cpp checks each against it at random points.
#include <cstddef>

#include "ctgrad/symbolic/simplify.hpp"

namespace ctgrad {

namespace error {
template <class Operation>
struct no_symbolic_derivative_is_known_for_the_operation {
  static constexpr bool value = false;
};
}  // namespace error

namespace detail {

namespace s = simplifying;

template <class Op>
struct local_derivative {
  static_assert(error::no_symbolic_derivative_is_known_for_the_operation<Op>::value,
                "ctgrad: this operation has no symbolic derivative rule "
                "(symbolic/local_derivative.hpp)");
};

// d(a + b) = da + db, d(a - b) = da - db, d(-a) = -da.
template <>
struct local_derivative<ops::add> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto&, const auto&) {
    return constant<1>{};
  }
};
template <>
struct local_derivative<ops::sub> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto&, const auto&) {
    return constant < J == 0 ? 1 : -1 > {};
  }
};
template <>
struct local_derivative<ops::neg> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto&) {
    return constant<-1>{};
  }
};
template <fixed_string Name>
struct local_derivative<named<Name>> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto&) {
    return constant<1>{};
  }
};

template <>
struct local_derivative<ops::mul> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a, const auto& b) {
    if constexpr (J == 0)
      return b;
    else
      return a;
  }
};
// d(a/b)/da = 1/b, d(a/b)/db = -(a/b)/b.
template <>
struct local_derivative<ops::div> {
  template <std::size_t J>
  static constexpr auto of(const auto& y, const auto&, const auto& b) {
    if constexpr (J == 0)
      return s::div(constant<1>{}, b);
    else
      return s::neg(s::div(y, b));
  }
};
template <>
struct local_derivative<ops::square> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a) {
    return s::mul(constant<2>{}, a);
  }
};
template <long long N>
struct local_derivative<ops::pow_int<N>> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a) {
    return s::mul(constant<N>{}, s::pow_int<N - 1>(a));
  }
};
// d(a^b)/da = b a^(b-1), d(a^b)/db = a^b log a.
template <>
struct local_derivative<ops::pow> {
  template <std::size_t J>
  static constexpr auto of(const auto& y, const auto& a, const auto& b) {
    if constexpr (J == 0)
      return s::mul(b, s::apply<ops::pow>(a, s::sub(b, constant<1>{})));
    else
      return s::mul(y, s::apply<ops::log>(a));
  }
};

template <>
struct local_derivative<ops::sqrt> {
  template <std::size_t J>
  static constexpr auto of(const auto& y, const auto&) {
    return s::div(constant<1>{}, s::mul(constant<2>{}, y));
  }
};
template <>
struct local_derivative<ops::exp> {
  template <std::size_t J>
  static constexpr auto of(const auto& y, const auto&) {
    return y;
  }
};
template <>
struct local_derivative<ops::log> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a) {
    return s::div(constant<1>{}, a);
  }
};
template <>
struct local_derivative<ops::sin> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a) {
    return s::apply<ops::cos>(a);
  }
};
template <>
struct local_derivative<ops::cos> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a) {
    return s::neg(s::apply<ops::sin>(a));
  }
};
template <>
struct local_derivative<ops::tan> {
  template <std::size_t J>
  static constexpr auto of(const auto& y, const auto&) {
    return s::add(constant<1>{}, s::square(y));
  }
};
template <>
struct local_derivative<ops::tanh> {
  template <std::size_t J>
  static constexpr auto of(const auto& y, const auto&) {
    return s::sub(constant<1>{}, s::square(y));
  }
};
template <>
struct local_derivative<ops::sigmoid> {
  template <std::size_t J>
  static constexpr auto of(const auto& y, const auto&) {
    return s::mul(y, s::sub(constant<1>{}, y));
  }
};
template <>
struct local_derivative<ops::softplus> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a) {
    return s::apply<ops::sigmoid>(a);
  }
};

// The kinked functions: their slopes are piecewise constant (rules/step.hpp).
template <>
struct local_derivative<ops::relu> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a) {
    return s::apply<ops::step>(a);
  }
};
template <>
struct local_derivative<ops::abs> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a) {
    return s::apply<ops::sign>(a);
  }
};
// d min(a, b)/da = heaviside(b - a): 1 where a is the smaller, 1/2 at a tie.
template <>
struct local_derivative<ops::min> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a, const auto& b) {
    if constexpr (J == 0)
      return s::apply<ops::heaviside>(s::sub(b, a));
    else
      return s::apply<ops::heaviside>(s::sub(a, b));
  }
};
template <>
struct local_derivative<ops::max> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& a, const auto& b) {
    if constexpr (J == 0)
      return s::apply<ops::heaviside>(s::sub(a, b));
    else
      return s::apply<ops::heaviside>(s::sub(b, a));
  }
};
template <class Op>
requires(std::is_same_v<Op, ops::step> || std::is_same_v<Op, ops::sign> ||
         std::is_same_v<Op, ops::heaviside>) struct local_derivative<Op> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto&) {
    return constant<0>{};
  }
};

// Comparisons are piecewise constant. d select(c, a, b)/da is the condition as 0 or 1,
// select(c, 1, 0) (just c for a comparison), and d/db is select(c, 0, 1).
template <class Op>
requires(std::is_same_v<Op, ops::less> || std::is_same_v<Op, ops::less_equal> ||
         std::is_same_v<Op, ops::greater> ||
         std::is_same_v<Op, ops::greater_equal>) struct local_derivative<Op> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto&, const auto&) {
    return constant<0>{};
  }
};
template <>
struct local_derivative<ops::select> {
  template <std::size_t J>
  static constexpr auto of(const auto&, const auto& c, const auto&, const auto&) {
    if constexpr (J == 0)
      return constant<0>{};
    else if constexpr (J == 1)
      return s::select(c, constant<1>{}, constant<0>{});
    else
      return s::select(c, constant<0>{}, constant<1>{});
  }
};

}  // namespace detail
}  // namespace ctgrad
