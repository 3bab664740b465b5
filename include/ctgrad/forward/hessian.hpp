#pragma once
// Second derivatives, by running the adjoint sweep on dual numbers (forward over reverse):
// - hessian_vector(f, p, along(...)): the gradient and the Hessian times the direction, in one
//   forward pass and one adjoint sweep on duals;
// - hessian(f, p): the full Hessian, one such sweep per variable.
#include <array>
#include <cstddef>
#include <utility>

#include "ctgrad/forward/dual.hpp"
#include "ctgrad/forward/tangent.hpp"
#include "ctgrad/reverse/gradient.hpp"

namespace ctgrad {

// The gradient of f at p, and the Hessian times d: entry g[x] is the dual
// {df/dx, (H d)_x}. Targets as for gradient (all variables and named intermediates by default).
template <expression E, point_like P, point_like D, class... T>
constexpr auto hessian_vector(const E& f, const P& p, const D& d, T... targets) {
  static_assert(detail::check_no_arrays<"hessian_vector", E>());
  return gradient(f, detail::dual_point(p, d), targets...);
}

// f, its gradient and its Hessian at p, over f's variables.
template <class... Vars>
struct hessian_result {
  static constexpr std::size_t size = sizeof...(Vars);
  double function_value{};
  std::array<double, size> gradient{};
  std::array<std::array<double, size>, size> matrix{};  // matrix[i][j] = d2f / dv_i dv_j

  constexpr double value() const { return function_value; }
  template <class X>
  constexpr double operator[](const X&) const {
    return gradient[index<X>()];
  }
  template <class X, class Y>
  constexpr double operator()(const X&, const Y&) const {
    return matrix[index<X>()][index<Y>()];
  }

 private:
  template <class X>
  static constexpr std::size_t index() {
    constexpr std::size_t i = detail::find_entry<detail::entry_id<X>, Vars...>();
    static_assert(i < size || error::the_gradient_has_no_entry_for<detail::entry_name<X>>::value,
                  "ctgrad: this Hessian has no entry for that argument; its entries are the "
                  "variables of the expression");
    return i < size ? i : 0;
  }
};

namespace detail {
template <class E, class P, class... Vars, std::size_t... I>
constexpr hessian_result<Vars...> hessian_of(const E& f, const P& p, list<Vars...>,
                                             std::index_sequence<I...>) {
  hessian_result<Vars...> h{};
  // Column j: the gradient differentiated along e_j (the Hessian is symmetric).
  const auto column = [&]<class V, std::size_t J>(std::type_identity<V>,
                                                  std::integral_constant<std::size_t, J>) {
    const auto g = gradient(f, unit_dual_point<V>(p), targets<Vars...>{});
    if constexpr (J == 0) {
      h.function_value = g.value().value;
      for (std::size_t i = 0; i < sizeof...(Vars); ++i) h.gradient[i] = g.adjoints[i].value;
    }
    for (std::size_t i = 0; i < sizeof...(Vars); ++i) h.matrix[i][J] = g.adjoints[i].tangent;
  };
  (column(std::type_identity<Vars>{}, std::integral_constant<std::size_t, I>{}), ...);
  return h;
}
}  // namespace detail

template <expression E, point_like P>
constexpr auto hessian(const E& f, const P& p) {
  static_assert(detail::check_no_arrays<"hessian", E>());
  return [&]<class... Vars>(detail::list<Vars...> vars) {
    return detail::hessian_of(f, p, vars, std::index_sequence_for<Vars...>{});
  }(detail::variables_of<E>{});
}

}  // namespace ctgrad
