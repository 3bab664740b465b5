#pragma once
// Checked evaluation: which node first produced a non-finite value (NaN or infinity), by name.
// A NaN in a gradient usually starts at one node (a log of 0, an overflowing exp) and then
// spreads everywhere; this finds where. Opt-in (not in ctgrad.hpp): it runs a full forward pass
// and adjoint sweep and scans them, so it is a debugging aid, not a hot-path call.
#include <array>
#include <cstddef>
#include <string_view>

#include "ctgrad/reverse/gradient.hpp"

namespace ctgrad {

// Where a non-finite number first appears. `node` describes the node: a named intermediate or a
// variable by its name, an operation by its symbol ("log", "*", ...); `position` is its place in
// the sorted node list (0 = the first leaf). In the forward pass the first node in evaluation
// order is reported, in the adjoint sweep the first in reverse order.
struct non_finite_report {
  enum class where { nowhere, value, adjoint };
  where found = where::nowhere;
  std::size_t position = 0;
  std::string_view node{};
  double number = 0;

  constexpr explicit operator bool() const { return found != where::nowhere; }
};

namespace detail {

template <class Step>
constexpr std::string_view describe() {
  constexpr node_kind kind = node_traits<Step>::kind;
  if constexpr (kind == node_kind::variable || kind == node_kind::named)
    return node_traits<Step>::name.view();
  else if constexpr (kind == node_kind::number)
    return "number";
  else if constexpr (kind == node_kind::constant)
    return "constant";
  else
    return Step::symbol;
}

template <class... Step>
constexpr std::array<std::string_view, sizeof...(Step)> describe_all(list<Step...>) {
  return {describe<Step>()...};
}

// NaN is the only value unequal to itself; infinities are beyond the largest finite double.
constexpr bool finite(double v) {
  return v == v && v <= 1.7976931348623157e308 && v >= -1.7976931348623157e308;
}

}  // namespace detail

// Runs f's forward pass and adjoint sweep at p (double precision) and reports the first node
// whose value, or else whose adjoint, is not finite.
template <expression E, point_like P>
constexpr non_finite_report find_non_finite(const E& f, const P& p) {
  static_assert(detail::check_no_arrays<"find_non_finite", E>());
  using sweep = detail::sweep<E>;
  constexpr auto names = detail::describe_all(typename sweep::steps{});
  typename sweep::template values<double> v{};
  typename sweep::template values<double> adjoint{};
  sweep::forward(v, f, p);
  for (std::size_t i = 0; i < sweep::size; ++i) {
    const double value = v[sweep::slot[i]];
    if (!detail::finite(value)) return {non_finite_report::where::value, i, names[i], value};
  }
  sweep::reverse(v, adjoint);
  for (std::size_t i = sweep::size; i-- > 0;) {
    const double a = adjoint[sweep::slot[i]];
    if (sweep::wanted[i] && !detail::finite(a))
      return {non_finite_report::where::adjoint, i, names[i], a};
  }
  return {};
}

}  // namespace ctgrad
