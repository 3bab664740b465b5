#pragma once
// Forward mode, by running the forward pass on dual numbers: tangent(f, p, along(x = 1.0)) is f
// and its derivative along a direction, in one pass. Directions and the points of duals they make
// are also what the second derivatives (forward/hessian.hpp) and the forward Jacobian
// (forward/jacobian.hpp) run on.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/forward/dual.hpp"
#include "ctgrad/reverse/gradient.hpp"

namespace ctgrad {

// A direction: bindings like a point's; variables it leaves out move by 0.
template <class... Bindings>
constexpr auto along(const Bindings&... bindings) {
  return at(bindings...);
}

namespace detail {

template <fixed_string Name, class Direction>
constexpr double direction_of(const Direction& d) {
  if constexpr (Direction::template binds<Name>)
    return static_cast<double>(d.template get<Name>());
  else
    return 0.0;
}

// The point p with every value v turned into the dual v + d·ε, d from the direction.
template <class... B, class Direction>
constexpr auto dual_point(const point<B...>& p, const Direction& d) {
  return ctgrad::at(binding<B::name, dual<double>>{
      dual<double>(static_cast<double>(p.template get<B::name>()), direction_of<B::name>(d))}...);
}

// The same with direction e_V: tangent 1 for variable V, 0 for the others.
template <class V, class... B>
constexpr auto unit_dual_point(const point<B...>& p) {
  return ctgrad::at(binding<B::name, dual<double>>{dual<double>(
      static_cast<double>(p.template get<B::name>()), B::name == V::name_string ? 1.0 : 0.0)}...);
}

template <class... Ids>
struct only_variables {
  static constexpr std::array<bool, sizeof...(Ids)> keep{is_variable<Ids>::value...};
  using type = typename pick<list<Ids...>, positions_of<count_true(keep)>(keep)>::type;
};
template <class... Ids>
only_variables<Ids...> variables_among(list<Ids...>);

template <class E>
using variables_of = typename decltype(variables_among(typename sweep<E>::entry_ids{}))::type;

}  // namespace detail

// f at p and its derivative along the direction d: {value, tangent}.
template <expression E, point_like P, point_like D>
constexpr dual<double> tangent(const E& f, const P& p, const D& d) {
  static_assert(detail::check_no_arrays<"tangent", E>());
  return value(f, detail::dual_point(p, d));
}

}  // namespace ctgrad
