#pragma once
// jacobian(outputs(f1, ..., fm), p[, wrt(x1, ..., xn)]): the m x n matrix of derivatives of a
// vector-valued function, by the mode that needs fewer sweeps (seed 001): forward mode costs one
// pass per input, reverse mode one sweep per output.
// - forward (n <= m): per input, one forward pass on dual numbers seeded along it; the tangents
//   of all outputs are that input's column;
// - reverse (n > m): one forward pass on plain scalars, then per output one adjoint sweep seeded
//   at its root; the adjoints of the inputs are that output's row.
// The outputs are one graph (graph/bundle.hpp), so a node they share is computed once per pass.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "ctgrad/forward/dual.hpp"
#include "ctgrad/forward/tangent.hpp"
#include "ctgrad/graph/bundle.hpp"
#include "ctgrad/reverse/gradient.hpp"

namespace ctgrad {

// How jacobian() differentiates. by_shape: forward when inputs <= outputs, else reverse.
enum class mode { by_shape, forward, reverse };

namespace error {
template <class Argument>
struct outputs_takes_ctgrad_expressions {
  static constexpr bool value = false;
};
template <class Argument>
struct expected_outputs_made_by_ctgrad_outputs {
  static constexpr bool value = false;
};
template <class Input>
struct the_inputs_of_a_jacobian_are_variables {
  static constexpr bool value = false;
};
template <class Variable>
struct the_jacobian_has_no_column_for {
  static constexpr bool value = false;
};
}  // namespace error

// A vector-valued function made of scalar expressions: outputs(x * cos(y), x * sin(y)).
template <class... E>
constexpr auto outputs(const E&... f) {
  static_assert(sizeof...(E) > 0, "ctgrad::outputs: a vector-valued function needs an output");
  constexpr std::size_t first_bad =
      detail::first_false(std::array<bool, sizeof...(E)>{expression<E>...});
  if constexpr (first_bad < sizeof...(E)) {
    static_assert(error::outputs_takes_ctgrad_expressions<detail::at<first_bad, E...>>::value,
                  "ctgrad::outputs takes ctgrad expressions (built from ctgrad::var), e.g. "
                  "outputs(x * y, sin(x))");
    return detail::invalid_node{};  // after the error, so that nothing else is reported
  } else if constexpr (sizeof...(E) > 0) {
    return detail::make_bundle(f...);
  }
}

// The Jacobian of m outputs over the inputs Vars..., and how it was computed.
template <class T, std::size_t M, class... Vars>
struct jacobian_result {
  static constexpr std::size_t rows = M;                // outputs
  static constexpr std::size_t cols = sizeof...(Vars);  // inputs

  mode mode_used;      // forward or reverse
  std::size_t sweeps;  // forward passes on duals (forward mode) or adjoint sweeps (reverse mode)
  std::array<T, M> values;                    // the outputs at the point
  std::array<std::array<T, cols>, M> matrix;  // matrix[i][j] = d output_i / d input_j

  // Output i at the point.
  constexpr T value(std::size_t i) const { return values[i]; }
  // d output_i / d x.
  template <class X>
  constexpr T operator()(std::size_t i, const X&) const {
    return matrix[i][column<X>()];
  }

 private:
  template <class X>
  static constexpr std::size_t column() {
    constexpr std::size_t j = detail::find_entry<detail::entry_id<X>, Vars...>();
    static_assert(j < cols || error::the_jacobian_has_no_column_for<detail::entry_name<X>>::value,
                  "ctgrad: this Jacobian has no column for that argument; its columns are the "
                  "variables of the outputs, or those given to wrt()");
    return j < cols ? j : 0;
  }
};

namespace detail {

template <class S>
struct is_outputs_structure : std::false_type {};
template <class... S>
struct is_outputs_structure<outputs_structure<S...>> : std::true_type {};
template <class F>
struct is_bundle : std::false_type {};
template <class F>
requires requires {
  typename F::structure;
}
struct is_bundle<F> : is_outputs_structure<typename F::structure> {};

template <class F, class P>
constexpr bool check_jacobian_call() {
  static_assert(is_bundle<F>::value || error::expected_outputs_made_by_ctgrad_outputs<F>::value,
                "ctgrad::jacobian: the first argument must be a vector-valued function, made by "
                "ctgrad::outputs(f1, f2, ...)");
  static_assert(point_like<P> || error::expected_a_point_made_by_ctgrad_at<P>::value,
                "ctgrad: the second argument must be a point, made by ctgrad::at(x = 1.0, ...)");
  return is_bundle<F>::value && point_like<P>;
}

// Forward mode seeds a tangent per input, which only a variable has.
template <class... Ids>
constexpr bool check_inputs() {
  constexpr std::size_t first_bad =
      first_false(std::array<bool, sizeof...(Ids) + 1>{is_variable<Ids>::value..., false});
  if constexpr (first_bad < sizeof...(Ids))
    static_assert(error::the_inputs_of_a_jacobian_are_variables<at<first_bad, Ids...>>::value,
                  "ctgrad::jacobian: its inputs, given to wrt(), must be variables (ctgrad::var)");
  return first_bad == sizeof...(Ids);
}

template <mode M, std::size_t Inputs, std::size_t Outputs>
inline constexpr mode chosen_mode = M != mode::by_shape
                                        ? M
                                        : (Inputs <= Outputs ? mode::forward : mode::reverse);

// Where the inputs sit in the bundle's graph, and which outputs depend on which inputs.
template <class B, class... Vars>
struct jacobian_plan {
  using vector_function = B;
  using sweep = detail::sweep<B>;
  static constexpr std::size_t m = B::structure::output_count;
  static constexpr std::size_t n = sizeof...(Vars);

  // An input no output contains is at position sweep::size.
  static constexpr std::array<std::size_t, n> positions{sweep::find(entry_node_id<Vars>)...};
  static constexpr bool any_input_in_graph = [] {
    for (std::size_t at : positions)
      if (at < sweep::size) return true;
    return false;
  }();

  // depends[i][j]: input j lies in the cone of output i. Elsewhere the entry is exactly 0, and
  // no slot of a sweep seeded at output i is read there.
  static constexpr std::array<std::array<bool, n>, m> depends = [] {
    std::array<std::array<bool, n>, m> d{};
    for (std::size_t i = 0; i < m; ++i) {
      const std::array<bool, sweep::size> cone = sweep::cone_of(B::structure::roots()[i]);
      for (std::size_t j = 0; j < n; ++j)
        d[i][j] = positions[j] < sweep::size && cone[positions[j]];
    }
    return d;
  }();
  static_assert(
      [] {
        for (std::size_t root : B::structure::roots())
          if (root >= sweep::size) return false;
        return true;
      }(),
      "ctgrad: internal error: an output's root is missing from the bundle's graph");
};

// The point p as duals, with tangent 1 for variable V and 0 for the others.
template <class V, class... B>
constexpr auto seeded_along(const point<B...>& p) {
  using S = typename point<B...>::scalar_type;
  return ctgrad::at(binding<B::name, dual<S>>{
      dual<S>(p.template get<B::name>(), B::name == V::name_string ? S(1) : S(0))}...);
}

template <bool Depends, std::size_t Root, class T, class Values>
constexpr T tangent_or_zero(const Values& v) {
  if constexpr (Depends)
    return v[Root].tangent;
  else
    return T(0);
}
template <bool Depends, std::size_t Position, class T, class Values>
constexpr T adjoint_or_zero(const Values& adjoint) {
  if constexpr (Depends)
    return adjoint[Position];
  else
    return T(0);
}

// Values of the outputs from a forward pass whose values are of type T or dual<T>.
template <class B, class R, class Values, std::size_t... I>
constexpr void read_values(R& r, const Values& v, std::index_sequence<I...>) {
  if constexpr (requires { v[0].tangent; }) {
    const int in_order[] = {
        (r.values[I] = v[sweep<B>::slot[B::structure::roots()[I]]].value, 0)...};
    (void)in_order;
  } else {
    const int in_order[] = {(r.values[I] = v[sweep<B>::slot[B::structure::roots()[I]]], 0)...};
    (void)in_order;
  }
}

template <class B, class P, class R>
constexpr void plain_forward_pass(const B& f, const P& p, R& r) {
  using sweep = detail::sweep<B>;
  typename sweep::template values<typename P::scalar_type> v;  // written before it is read
  sweep::forward(v, f, p);
  read_values<B>(r, v, std::make_index_sequence<B::structure::output_count>{});
}

// Forward mode, column J: one pass on duals seeded along input J, unless no output contains it.
template <class Plan, std::size_t J, class V, class B, class P, class R, std::size_t... I>
constexpr void forward_column(const B& f, const P& p, R& r, std::index_sequence<I...> rows) {
  using T = typename P::scalar_type;
  if constexpr (Plan::positions[J] < Plan::sweep::size) {
    typename Plan::sweep::template values<dual<T>> v;  // written before it is read
    Plan::sweep::forward(v, f, seeded_along<V>(p));
    ++r.sweeps;
    read_values<B>(r, v, rows);
    const int in_order[] = {(
        r.matrix[I][J] =
            tangent_or_zero<Plan::depends[I][J], Plan::sweep::slot[B::structure::roots()[I]], T>(v),
        0)...};
    (void)in_order;
  } else {
    const int in_order[] = {(r.matrix[I][J] = T(0), 0)...};
    (void)in_order;
  }
}

// Forward mode: one pass per input, each filling that input's column.
template <class Plan, class... Vars, class B, class P, class R, class Rows, std::size_t... J>
constexpr void forward_mode(const B& f, const P& p, R& r, Rows rows, std::index_sequence<J...>) {
  if constexpr (!Plan::any_input_in_graph) plain_forward_pass(f, p, r);  // for the values
  const int in_order[] = {(forward_column<Plan, J, Vars>(f, p, r, rows), 0)..., 0};
  (void)in_order;
  (void)rows;  // unused without inputs
}

// Reverse mode, row I: one adjoint sweep seeded at output I, toward the inputs.
template <class Plan, std::size_t I, class T, class R, class... Vars, std::size_t... J>
constexpr void reverse_row(const typename Plan::sweep::template values<T>& v,
                           typename Plan::sweep::template values<T>& adjoint, R& r,
                           list<Vars...> inputs, std::index_sequence<J...>) {
  using B = typename Plan::vector_function;
  Plan::sweep::template reverse<decltype(inputs), B::structure::roots()[I]>(v, adjoint);
  ++r.sweeps;
  const int in_order[] = {
      (r.matrix[I][J] =
           adjoint_or_zero<Plan::depends[I][J], Plan::sweep::slot[Plan::positions[J]], T>(adjoint),
       0)...,
      0};
  (void)in_order;
}

// Reverse mode: one plain forward pass, then one sweep per output, each filling its row.
template <class Plan, class B, class P, class R, class Inputs, class Cols, std::size_t... I>
constexpr void reverse_mode(const B& f, const P& p, R& r, Inputs inputs, Cols cols,
                            std::index_sequence<I...> rows) {
  using T = typename P::scalar_type;
  typename Plan::sweep::template values<T> v;        // written before it is read
  typename Plan::sweep::template values<T> adjoint;  // each sweep writes its cone before reading
  Plan::sweep::forward(v, f, p);
  read_values<B>(r, v, rows);
  const int in_order[] = {(reverse_row<Plan, I, T>(v, adjoint, r, inputs, cols), 0)...};
  (void)in_order;
}

template <mode Mode, class B, class P, class... Vars>
constexpr auto run_jacobian(const B& f, const P& p, list<Vars...> inputs) {
  using T = typename P::scalar_type;
  using plan = jacobian_plan<B, Vars...>;
  constexpr auto rows = std::make_index_sequence<B::structure::output_count>{};
  constexpr auto cols = std::index_sequence_for<Vars...>{};
  jacobian_result<T, B::structure::output_count, Vars...> r;
  r.mode_used = chosen_mode<Mode, sizeof...(Vars), B::structure::output_count>;
  r.sweeps = 0;
  if constexpr (chosen_mode<Mode, sizeof...(Vars), B::structure::output_count> == mode::forward)
    forward_mode<plan, Vars...>(f, p, r, rows, cols);
  else
    reverse_mode<plan>(f, p, r, inputs, cols, rows);
  return r;
}

template <class B>
using variables_of_bundle =
    typename decltype(variables_among(typename sweep<B>::entry_ids{}))::type;

}  // namespace detail

// The Jacobian of f = outputs(...) at p over its variables, in graph order (the first output's
// variables, then those each later output adds). Mode: by shape, or forced with
// jacobian<mode::forward>(...) / jacobian<mode::reverse>(...).
template <mode Mode = mode::by_shape, class F, class P>
constexpr auto jacobian(const F& f, const P& p) {
  if constexpr (detail::check_jacobian_call<F, P>() && detail::check_no_arrays<"jacobian", F>())
    return detail::run_jacobian<Mode>(f, p, detail::variables_of_bundle<F>{});
}

// The same over the chosen variables, in the order given: jacobian(f, p, wrt(x, y)). A variable
// an output does not contain has derivative exactly 0 there.
template <mode Mode = mode::by_shape, class F, class P, class... Ids>
constexpr auto jacobian(const F& f, const P& p, targets<Ids...>) {
  if constexpr (detail::check_jacobian_call<F, P>() && detail::check_no_arrays<"jacobian", F>() &&
                detail::check_inputs<Ids...>())
    return detail::run_jacobian<Mode>(f, p, detail::list<Ids...>{});
}

// The same, where some output must contain every input: jacobian(f, p, wrt_strict(x, y)).
template <mode Mode = mode::by_shape, class F, class P, class... Ids>
constexpr auto jacobian(const F& f, const P& p, strict_targets<Ids...>) {
  if constexpr (detail::check_jacobian_call<F, P>() && detail::check_no_arrays<"jacobian", F>() &&
                detail::check_inputs<Ids...>()) {
    static_assert(detail::check_outputs_contain_inputs<detail::sweep<F>, Ids...>());
    return detail::run_jacobian<Mode>(f, p, detail::list<Ids...>{});
  }
}

}  // namespace ctgrad
