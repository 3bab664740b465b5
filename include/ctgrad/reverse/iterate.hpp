#pragma once
// iterate(step, y, n, at(y = y0, k = ...)): the state after n steps of y -> step, where n is known
// only at run time, and its gradient with respect to the initial state and the parameters, in one
// forward loop and one backward loop. `unroll<K>` writes a loop into the expression, so K is a
// compile-time number and the values of every step sit in the gradient's stack arrays; here the
// step is compiled once, as an expression of its own, and the loop runs at run time:
//
//   forward:  y_0 = y0, y_(i+1) = step(y_i, parameters, data row i), keeping every y_i;
//   backward: a = 1; for i = n - 1 down to 0, the step's adjoint sweep at y_i seeded with a adds
//             a * d step / d parameter to each parameter's sum and gives a = a * d step / d y.
//
// The backward loop recomputes each step's forward pass from the stored y_i (the step's
// intermediates are not stored), so memory is n + 1 states and time about three step
// evaluations per step. The per-step inputs come from data(t = ts, ...), one row per step; then
// n is the number of rows. With step_loss(loss), the result is the loss summed over the steps,
// each at the state after its step: the backward loop starts from a = 0 and adds to a, before
// step i's sweep, the gradient of step i's loss at y_(i+1). iterate_value runs the forward loop
// alone (the state, no gradient; on dual numbers, forward mode through the loop).
#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ctgrad/config.hpp"
#include "ctgrad/graph/bundle.hpp"
#include "ctgrad/reverse/batch.hpp"
#include "ctgrad/reverse/gradient.hpp"

namespace ctgrad {

namespace error {
template <class Name>
struct the_state_of_iterate_is_a_number_variable {
  static constexpr bool value = false;
};
template <class Name>
struct the_state_of_iterate_has_no_initial_value_in_at {
  static constexpr bool value = false;
};
template <class Name>
struct the_state_of_iterate_is_bound_as_data {
  static constexpr bool value = false;
};
template <class Step>
struct the_step_of_iterate_is_an_array {
  static constexpr bool value = false;
};
template <class Loss>
struct the_loss_of_iterate_is_an_array {
  static constexpr bool value = false;
};
template <class Loss>
struct the_step_loss_is_not_a_ctgrad_expression {
  static constexpr bool value = false;
};
}  // namespace error

namespace detail {

// The state's name, as a data set's names are read by point_without_data_variables: the point
// without the state's binding, which each step binds anew.
template <fixed_string Name>
struct state_name {
  static constexpr std::array<std::string_view, 1> names{Name.view()};
};

// The point of step i: the state, the parameters (arrays as views, as in a batch) and row i of
// every column.
template <fixed_string Name, class T, class P, class D>
struct step_point;
template <fixed_string Name, class T, class... B, class... C>
struct step_point<Name, T, point<B...>, data_set<C...>> {
  using type = point<binding<Name, T>, typename per_sample<B>::type...,
                     binding<C::name, typename C::value_type>...>;
  CTGRAD_INLINE static constexpr type at(const T& state, const point<B...>& p,
                                         const data_set<C...>& d, std::size_t i) {
    (void)d, (void)i;  // no columns: the step reads no data
    return type{binding<Name, T>{state}, per_sample<B>::from(static_cast<const B&>(p))...,
                binding<C::name, typename C::value_type>{static_cast<const C&>(d).values[i]}...};
  }
};

// The n + 1 states, on the heap (allowed in constant evaluation, freed before it ends).
template <class T>
class state_buffer {
 public:
  constexpr explicit state_buffer(std::size_t n) : data_(new T[n]) {}
  constexpr ~state_buffer() { delete[] data_; }
  state_buffer(const state_buffer&) = delete;
  state_buffer& operator=(const state_buffer&) = delete;
  constexpr T& operator[](std::size_t i) { return data_[i]; }

 private:
  T* data_;
};

// The entries: the state first, then the step's other variables that the point binds (the
// parameters), in graph order.
template <fixed_string Name, class P, class Ids>
struct iterate_entries;
template <fixed_string Name, class P, class... Ids>
struct iterate_entries<Name, P, list<Ids...>> {
  static constexpr std::array<bool, sizeof...(Ids)> mask{
      (is_parameter<P, Ids> && !CTGRAD_SAME(Ids, variable<Name>))...};
  using parameters = typename pick<list<Ids...>, positions_of<count_true(mask)>(mask)>::type;
  using type = typename concat<list<variable<Name>>, parameters>::type;
};

// Entry Id's adjoint in the step's sweep, added to sum (nothing for a variable the step does not
// read).
template <class Sweep, class Id, class T>
CTGRAD_INLINE constexpr void add_adjoint(const T* adjoint, T* sum) {
  constexpr std::size_t i = Sweep::find(entry_node_id<Id>);
  if constexpr (i < Sweep::size)
    for (std::size_t k = 0; k < entry_shape<Id>.width(); ++k)
      sum[k] = sum[k] + adjoint[Sweep::slot[i] + k];
}

// No loss: iterate's value is the final state.
struct no_loss {};

// A loss summed over the steps (ctgrad::step_loss): step i adds the loss at the state after it,
// y_(i+1), with the parameters and row i of the data.
template <class L>
struct summed_loss {
  L loss;
};

// Where the loss's sweeps work: its values and adjoints, or nothing without a loss.
template <class L, class T>
struct loss_work {
  typename sweep<L>::template values<T> v, adjoint;
};
template <class T>
struct loss_work<no_loss, T> {};

template <fixed_string Name, class E, class L, class P, class D, class State, class... Params,
          std::size_t... I>
constexpr auto run_iterate(const E& step, const L& loss, const P& p, const D& d, std::size_t n,
                           list<State, Params...>, std::index_sequence<I...>) {
  constexpr bool has_loss = !CTGRAD_SAME(L, no_loss);
  using sweep = detail::sweep<E>;
  using loss_sweep = detail::sweep<std::conditional_t<has_loss, L, E>>;
  using T = typename P::scalar_type;
  using layout = entry_layout<State, Params...>;
  using S = step_point<Name, T, decltype(point_without_data_variables<state_name<Name>>(p)), D>;
  constexpr std::size_t root = sweep::slot[sweep::size - 1];
  constexpr std::size_t state = sweep::find(entry_node_id<State>);
  const auto parameters = point_without_data_variables<state_name<Name>>(p);

  state_buffer<T> y(n + 1);
  y[0] = p.template get<Name>();
  typename sweep::template values<T> v;
  typename sweep::template values<T> adjoint;
  loss_work<L, T> l;
  // The array parameters' slots are loaded once (as in a batch); every pass then leaves them.
  if (n > 0) sweep::load_arrays(v, S::at(y[0], parameters, d, 0));
  if constexpr (has_loss)
    if (n > 0) loss_sweep::load_arrays(l.v, S::at(y[0], parameters, d, 0));
  for (std::size_t i = 0; i < n; ++i) {
    sweep::template forward<false>(v, step, S::at(y[i], parameters, d, i));
    y[i + 1] = v[root];
  }

  gradient_result<T, State, Params...> r;
  r.function_value = y[n];
  if constexpr (has_loss) {
    T total = T(0);  // summed from the first step, as a loop by hand would
    for (std::size_t i = 0; i < n; ++i) {
      loss_sweep::template forward<false>(l.v, loss, S::at(y[i + 1], parameters, d, i));
      total = total + l.v[loss_sweep::slot[loss_sweep::size - 1]];
    }
    r.function_value = total;
  }
  r.values[0] = y[0];
  const int values_in_order[] = {
      (absent_value<T, Params>(p, r.values.data() + layout::start[I + 1]), 0)..., 0};
  (void)values_in_order;
  for (T& s : r.adjoints) s = T(0);
  // a: the derivative of the result with respect to y_i, from i = n down.
  T a = has_loss ? T(0) : T(1);
  for (std::size_t i = n; i-- > 0;) {
    if constexpr (has_loss) {  // step i's loss, at y_(i+1)
      loss_sweep::template forward<false>(l.v, loss, S::at(y[i + 1], parameters, d, i));
      loss_sweep::template reverse_at<list<State, Params...>, loss_sweep::size - 1>(
          l.v.data(), l.adjoint.data());
      const int in_order[] = {(add_adjoint<loss_sweep, Params>(
                                   l.adjoint.data(), r.adjoints.data() + layout::start[I + 1]),
                               0)...,
                              0};
      (void)in_order;
      constexpr std::size_t loss_state = loss_sweep::find(entry_node_id<State>);
      if constexpr (loss_state < loss_sweep::size) a = a + l.adjoint[loss_sweep::slot[loss_state]];
    }
    sweep::template forward<false>(v, step, S::at(y[i], parameters, d, i));
    adjoint[root] = a;
    sweep::template reverse_at<list<State, Params...>, sweep::size - 1, false, true>(
        v.data(), adjoint.data());
    const int in_order[] = {
        (add_adjoint<sweep, Params>(adjoint.data(), r.adjoints.data() + layout::start[I + 1]),
         0)...,
        0};
    (void)in_order;
    if constexpr (state < sweep::size)
      a = adjoint[sweep::slot[state]];
    else
      a = T(0);  // the step does not read the state
  }
  r.adjoints[0] = a;
  return r;
}

// The forward loop alone, keeping only the current state: the final state, or with a loss the
// loss summed from the first step, as iterate sums it.
template <fixed_string Name, class E, class L, class P, class D>
constexpr auto run_iterate_value(const E& step, const L& loss, const P& p, const D& d,
                                 std::size_t n) {
  constexpr bool has_loss = !CTGRAD_SAME(L, no_loss);
  using sweep = detail::sweep<E>;
  using loss_sweep = detail::sweep<std::conditional_t<has_loss, L, E>>;
  using T = typename P::scalar_type;
  const auto parameters = point_without_data_variables<state_name<Name>>(p);
  using S = step_point<Name, T, std::remove_cvref_t<decltype(parameters)>, D>;
  constexpr std::size_t root = sweep::slot[sweep::size - 1];
  T state = p.template get<Name>();
  T total = T(0);
  typename sweep::template values<T> v;
  loss_work<L, T> l;
  if (n > 0) sweep::load_arrays(v, S::at(state, parameters, d, 0));
  if constexpr (has_loss)
    if (n > 0) loss_sweep::load_arrays(l.v, S::at(state, parameters, d, 0));
  for (std::size_t i = 0; i < n; ++i) {
    sweep::template forward<false>(v, step, S::at(state, parameters, d, i));
    state = v[root];
    if constexpr (has_loss) {
      loss_sweep::template forward<false>(l.v, loss, S::at(state, parameters, d, i));
      total = total + l.v[loss_sweep::slot[loss_sweep::size - 1]];
    }
  }
  if constexpr (has_loss)
    return total;
  else
    return state;
}

// Each misuse stops with one message; the checks after the first that fails are not made.
template <fixed_string Name, class E, class P, class D>
constexpr bool check_iterate_call() {
  if constexpr (!check_call<E, P>()) {
    return false;
  } else if constexpr (structure_of<E>::value_shape.array) {
    static_assert(error::the_step_of_iterate_is_an_array<E>::value,
                  "ctgrad::iterate: the step's value is an array; the state is a number");
    return false;
  } else if constexpr (!P::template binds<Name>) {
    static_assert(error::the_state_of_iterate_has_no_initial_value_in_at<spelled<Name>>::value,
                  "ctgrad::iterate: the state variable has no initial value; bind it in "
                  "ctgrad::at(...), e.g. at(y = 1.0, ...)");
    return false;
  } else if constexpr (names_contain(D::names, Name.view())) {
    static_assert(error::the_state_of_iterate_is_bound_as_data<spelled<Name>>::value,
                  "ctgrad::iterate: the state variable is given a column in data(); it takes its "
                  "value from the step before, and its initial value from at()");
    return false;
  } else {
    return check_batch_call<P, D>();
  }
}

// A loss is a number.
template <class L>
constexpr bool check_step_loss() {
  if constexpr (CTGRAD_SAME(L, no_loss)) {
    return true;
  } else if constexpr (!expression<L>) {
    return false;  // step_loss has said why
  } else {
    static_assert(
        !structure_of<L>::value_shape.array || error::the_loss_of_iterate_is_an_array<L>::value,
        "ctgrad::iterate: the step loss's value is an array; a loss is a number (sum() "
        "or dot() it into one)");
    return !structure_of<L>::value_shape.array;
  }
}

// What a call that failed a check returns, so that the statement that made it adds no error.
template <fixed_string Name, class P>
constexpr auto failed_iterate() {
  if constexpr (point_like<P>)
    return gradient_result<typename P::scalar_type, variable<Name>>{};
  else
    return gradient_result<double, variable<Name>>{};
}

// The variables of the step and of the loss, in graph order (one graph of both).
template <class E, class L>
struct iterate_variables {
  using type = typename sweep<bundle_object<structure_t<E>, structure_t<L>>>::entry_ids;
};
template <class E>
struct iterate_variables<E, no_loss> {
  using type = typename sweep<E>::entry_ids;
};

template <fixed_string Name, class E, class L, class P, class D>
constexpr auto iterate_over(const E& step, const L& loss, const P& p, const D& d, std::size_t n) {
  if constexpr (check_iterate_call<Name, E, P, D>() && check_step_loss<L>()) {
    using entries = typename iterate_entries<Name, P, typename iterate_variables<E, L>::type>::type;
    return run_iterate<Name>(step, loss, p, d, n, entries{},
                             std::make_index_sequence<entries::size - 1>{});
  } else {
    return failed_iterate<Name, P>();
  }
}

template <fixed_string Name, class E, class L, class P, class D>
constexpr auto iterate_value_over(const E& step, const L& loss, const P& p, const D& d,
                                  std::size_t n) {
  if constexpr (check_iterate_call<Name, E, P, D>() && check_step_loss<L>())
    return run_iterate_value<Name>(step, loss, p, d, n);
  else if constexpr (point_like<P>)
    return typename P::scalar_type{};
  else
    return 0.0;
}

// The per-step inputs of iterate and iterate_value are data.
template <class D>
constexpr bool check_step_data() {
  static_assert(is_data_set<D>::value || error::expected_data_made_by_ctgrad_data<D>::value,
                "ctgrad::iterate: the per-step inputs must be data, made by "
                "ctgrad::data(t = ts, ...)");
  return is_data_set<D>::value;
}

template <class V>
struct state_variable {
  static constexpr bool ok = false;
};
template <fixed_string Name>
struct state_variable<variable<Name>> {
  static constexpr bool ok = true;
  static constexpr auto name = Name;
};
template <class V>
constexpr bool check_state_variable() {
  static_assert(state_variable<V>::ok || error::the_state_of_iterate_is_a_number_variable<V>::value,
                "ctgrad::iterate: the state must be a number variable (var<\"y\">)");
  return state_variable<V>::ok;
}

}  // namespace detail

// The state after n steps of y -> step, from y's value in p, and its gradient: r.value() is
// y_n, r[y] is d y_n / d y_0 and r[k] is d y_n / d k for every other variable of step bound in
// p (r.value(k) its value).
template <class E, class V, class P>
constexpr auto iterate(const E& step, const V&, std::size_t n, const P& p) {
  if constexpr (detail::check_state_variable<V>())
    return detail::iterate_over<detail::state_variable<V>::name>(step, detail::no_loss{}, p,
                                                                 data_set<>{n}, n);
  else
    return gradient_result<double>{};
}

// The same with one row of data per step: step i reads row i of every column, and there are as
// many steps as rows.
template <class E, class V, class P, class D>
requires point_like<P>
constexpr auto iterate(const E& step, const V&, const P& p, const D& d) {
  if constexpr (detail::check_step_data<D>() && detail::check_state_variable<V>())
    return detail::iterate_over<detail::state_variable<V>::name>(step, detail::no_loss{}, p, d,
                                                                 d.samples);
  else
    return gradient_result<double>{};
}

// A loss summed over the steps of iterate: step i adds loss at the state after the step, y_(i+1),
// with the parameters and row i of the data. `iterate(step, y, at(...), data(t = ts, obs = ys),
// step_loss(square(y - obs)))` is the squared error of the trajectory to the observations.
template <class L>
constexpr auto step_loss(const L& loss) {
  static_assert(expression<L> || error::the_step_loss_is_not_a_ctgrad_expression<L>::value,
                "ctgrad::step_loss: the loss must be a ctgrad expression, e.g. "
                "step_loss(square(y - obs))");
  return detail::summed_loss<L>{loss};
}

// The sum of the step loss over n steps and its gradient: r.value() is the summed loss, r[y] its
// derivative with respect to y_0 and r[k] with respect to every other variable of the step or
// the loss bound in p. The backward loop adds each step's loss gradient to the state's adjoint
// before running the step's sweep.
template <class E, class V, class P, class L>
constexpr auto iterate(const E& step, const V&, std::size_t n, const P& p,
                       const detail::summed_loss<L>& loss) {
  if constexpr (detail::check_state_variable<V>())
    return detail::iterate_over<detail::state_variable<V>::name>(step, loss.loss, p, data_set<>{n},
                                                                 n);
  else
    return gradient_result<double>{};
}

// The same with one row of data per step, read by the step and the loss.
template <class E, class V, class P, class D, class L>
requires point_like<P>
constexpr auto iterate(const E& step, const V&, const P& p, const D& d,
                       const detail::summed_loss<L>& loss) {
  if constexpr (detail::check_step_data<D>() && detail::check_state_variable<V>())
    return detail::iterate_over<detail::state_variable<V>::name>(step, loss.loss, p, d, d.samples);
  else
    return gradient_result<double>{};
}

// The state after n steps without its gradient: the forward loop alone, which keeps only the
// current state. On dual numbers it is forward mode through the loop: bound as
// at(y = 1.0, k = dual<double>{0.5, 1.0}), its .tangent is d y_n / dk, in one pass. (iterate on
// the same point gives, in .tangent of each entry, the derivatives of the gradient along k:
// forward over reverse.)
template <class E, class V, class P>
constexpr auto iterate_value(const E& step, const V&, std::size_t n, const P& p) {
  if constexpr (detail::check_state_variable<V>())
    return detail::iterate_value_over<detail::state_variable<V>::name>(step, detail::no_loss{}, p,
                                                                       data_set<>{n}, n);
  else
    return 0.0;
}

// The same with one row of data per step.
template <class E, class V, class P, class D>
requires point_like<P>
constexpr auto iterate_value(const E& step, const V&, const P& p, const D& d) {
  if constexpr (detail::check_step_data<D>() && detail::check_state_variable<V>())
    return detail::iterate_value_over<detail::state_variable<V>::name>(step, detail::no_loss{}, p,
                                                                       d, d.samples);
  else
    return 0.0;
}

// The summed step loss alone (forward loop only, equal to iterate(..., step_loss(loss)).value()
// bit for bit); on dual numbers, its derivative along the tangents in one pass.
template <class E, class V, class P, class L>
constexpr auto iterate_value(const E& step, const V&, std::size_t n, const P& p,
                             const detail::summed_loss<L>& loss) {
  if constexpr (detail::check_state_variable<V>())
    return detail::iterate_value_over<detail::state_variable<V>::name>(step, loss.loss, p,
                                                                       data_set<>{n}, n);
  else
    return 0.0;
}
template <class E, class V, class P, class D, class L>
requires point_like<P>
constexpr auto iterate_value(const E& step, const V&, const P& p, const D& d,
                             const detail::summed_loss<L>& loss) {
  if constexpr (detail::check_step_data<D>() && detail::check_state_variable<V>())
    return detail::iterate_value_over<detail::state_variable<V>::name>(step, loss.loss, p, d,
                                                                       d.samples);
  else
    return 0.0;
}

}  // namespace ctgrad
