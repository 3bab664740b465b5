#pragma once
// Gradients summed over a data set: batch_gradient(loss, at(w = ..., b = ...), data(x = xs,
// t = ts)) is the sum over samples i of gradient(loss, at(w = ..., b = ..., x = xs[i],
// t = ts[i])). The parameters are bound once; each column gives one value per sample. The loop
// is the one a person would write: per sample one forward pass and one adjoint sweep on the
// stack, added into the sums; nothing is allocated. With no global tape there is no shared state
// either, so samples may be split across threads (reverse/parallel_batch.hpp).
#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include "ctgrad/config.hpp"
#include "ctgrad/eval/column.hpp"
#include "ctgrad/reverse/gradient.hpp"

namespace ctgrad {

namespace error {
template <class Argument>
struct data_takes_columns_like_x_equals_values {
  static constexpr bool value = false;
};
template <class Name>
struct a_column_is_given_twice {
  static constexpr bool value = false;
};
template <class Name>
struct a_variable_is_bound_both_as_a_parameter_and_as_data {
  static constexpr bool value = false;
};
template <class Argument>
struct expected_data_made_by_ctgrad_data {
  static constexpr bool value = false;
};
}  // namespace error

// The per-sample data: columns of equal length, each a view of the caller's range or a copy
// of a temporary one (column<"x", double, holds::view> or holds::copy).
template <class... Columns>
struct data_set : Columns... {
  std::size_t samples;  // the length of every column

  static constexpr std::array<std::string_view, sizeof...(Columns)> names{Columns::name.view()...};
  template <std::size_t I>
  static constexpr auto name_of = detail::at<I, Columns...>::name;
};

namespace detail {
template <class T>
struct is_data_set : std::false_type {};
template <class... C>
struct is_data_set<data_set<C...>> : std::true_type {};
}  // namespace detail

namespace detail {
// Not constexpr: reached during constant evaluation, it stops the compilation here.
[[noreturn]] inline void throw_unequal_columns(std::string_view first, std::size_t first_size,
                                               std::string_view other, std::size_t other_size) {
  throw std::invalid_argument(
      "ctgrad::data: the columns have different lengths: " + std::string(first) + " has " +
      std::to_string(first_size) + " samples, " + std::string(other) + " has " +
      std::to_string(other_size));
}
}  // namespace detail

// data(x = xs, t = ts): the columns of a data set, moved in (a copied column is not copied
// again). Columns of different lengths throw std::invalid_argument, naming two of them and their
// lengths.
template <class... Columns>
constexpr auto data(Columns... columns CTGRAD_LIFETIMEBOUND) {
  static_assert(sizeof...(Columns) > 0 &&
                    ((detail::is_column<Columns>::value && ...) ||
                     (error::data_takes_columns_like_x_equals_values<Columns>::value && ...)),
                "ctgrad::data takes columns written as variable = range of numbers, e.g. "
                "data(x = xs, t = ts) with std::vector<double> xs, ts");
  if constexpr (sizeof...(Columns) > 0 && (detail::is_column<Columns>::value && ...)) {
    constexpr std::size_t twice =
        detail::first_repeated<sizeof...(Columns)>({Columns::name.view()...});
    if constexpr (twice < sizeof...(Columns)) {
      static_assert(
          error::a_column_is_given_twice<spelled<detail::at<twice, Columns...>::name>>::value,
          "ctgrad::data: a variable is given two columns");
    } else {
      const std::size_t sizes[] = {columns.values.size()...};
      const std::string_view names[] = {Columns::name.view()...};
      for (std::size_t i = 1; i < sizeof...(Columns); ++i)
        if (sizes[i] != sizes[0])
          detail::throw_unequal_columns(names[0], sizes[0], names[i], sizes[i]);
      return data_set<Columns...>{std::move(columns)..., sizes[0]};
    }
  }
}

// The gradient summed over the samples: value() is the sum of the loss, r[w] the sum of
// dloss/dw (for an array variable, a std::array of per-element sums; r.view(w) reads them in
// place), samples the number of samples; mean() divides both by it.
template <class T, class... Ids>
struct batch_gradient_result {
  using layout = detail::entry_layout<Ids...>;

  T total;
  std::array<T, layout::slots> sums;  // entries one after another, arrays element by element
  std::size_t samples;

  static constexpr std::size_t size() { return sizeof...(Ids); }
  constexpr T value() const { return total; }

  template <class X>
  constexpr auto operator[](const X&) const {
    return layout::template copy<X>(sums);
  }
  template <class X>
  constexpr decltype(auto) view(const X&) const& CTGRAD_LIFETIMEBOUND {
    return layout::template view<X>(sums);
  }
  template <class X>
  constexpr auto view(const X&) && {
    layout::template check_not_temporary<X>();
    return layout::template copy<X>(sums);
  }

  // The mean over the samples (NaN for none).
  constexpr batch_gradient_result mean() const {
    batch_gradient_result m = *this;
    const T n = T(static_cast<double>(samples));
    m.total = total / n;
    for (auto& s : m.sums) s = s / n;
    return m;
  }

  // Adds another part of the same data set (reverse/parallel_batch.hpp).
  constexpr void add(const batch_gradient_result& other) {
    total = total + other.total;
    for (std::size_t k = 0; k < layout::slots; ++k) sums[k] = sums[k] + other.sums[k];
    samples += other.samples;
  }
};

namespace detail {

// Whether entry Id is a variable that the parameters' point P binds.
template <class P, class Id, bool = is_variable_kind(node_traits<Id>::kind)>
inline constexpr bool is_parameter = false;
template <class P, class Id>
inline constexpr bool is_parameter<P, Id, true> = P::template binds<node_traits<Id>::name>;

// A parameter as every sample's point holds it: arrays as views of the parameters' point, so
// that no sample copies them.
template <class B>
struct per_sample {
  using type = B;
  CTGRAD_INLINE static constexpr const B& from(const B& b) { return b; }
};
template <fixed_string Name, class T, std::size_t N>
struct per_sample<array_binding<Name, T, N, holds::copy>> {
  using type = array_binding<Name, T, N, holds::view>;
  CTGRAD_INLINE static constexpr type from(const array_binding<Name, T, N, holds::copy>& b) {
    return b.view();
  }
};

// The default entries: the variables of f that the parameters' point binds, in graph order.
template <class P, class Ids>
struct parameter_entries;
template <class P, class... Ids>
struct parameter_entries<P, list<Ids...>> {
  static constexpr std::array<bool, sizeof...(Ids)> mask{is_parameter<P, Ids>...};
  using type = typename pick<list<Ids...>, positions_of<count_true(mask)>(mask)>::type;
};

template <class P, class D>
struct sample_point;
template <class... B, class... C>
struct sample_point<point<B...>, data_set<C...>> {
  using type = point<typename per_sample<B>::type..., binding<C::name, typename C::value_type>...>;
  // The parameters, and sample i of every column.
  CTGRAD_INLINE static constexpr type at(const point<B...>& p, const data_set<C...>& d,
                                         std::size_t i) {
    return type{per_sample<B>::from(static_cast<const B&>(p))...,
                binding<C::name, typename C::value_type>{static_cast<const C&>(d).values[i]}...};
  }
};

template <class P, class D>
constexpr bool check_batch_call() {
  static_assert(is_data_set<D>::value || error::expected_data_made_by_ctgrad_data<D>::value,
                "ctgrad::batch_gradient: the third argument must be the data, made by "
                "ctgrad::data(x = xs, ...)");
  if constexpr (is_data_set<D>::value && point_like<P>) {
    constexpr std::array<std::string_view, P::names.size() + D::names.size()> all = [] {
      std::array<std::string_view, P::names.size() + D::names.size()> a{};
      for (std::size_t i = 0; i < P::names.size(); ++i) a[i] = P::names[i];
      for (std::size_t i = 0; i < D::names.size(); ++i) a[P::names.size() + i] = D::names[i];
      return a;
    }();
    constexpr std::size_t twice = first_repeated(all);
    if constexpr (twice < all.size()) {
      static_assert(error::a_variable_is_bound_both_as_a_parameter_and_as_data<
                        spelled<D::template name_of<twice - P::names.size()>>>::value,
                    "ctgrad::batch_gradient: a variable is bound both as a parameter (in at()) "
                    "and as data (in data()); bind it in one of them");
      return false;
    } else {
      return true;
    }
  } else {
    return false;
  }
}

// Whether the point binds a variable that the data bind too (an error, check_batch_call).
template <class P, class D>
constexpr bool binds_data_variable() {
  if constexpr (is_data_set<D>::value && point_like<P>) {
    for (std::string_view a : P::names)
      for (std::string_view b : D::names)
        if (!a.empty() && a == b) return true;
  }
  return false;
}

// The point without the bindings of variables the data bind: what a batch computes with after
// that error, so that nothing else is reported.
template <class D, class... Kept>
constexpr point<Kept...> without_data_variables(point<Kept...> kept) {
  return kept;
}
template <class D, class... Kept, class B, class... Rest>
constexpr auto without_data_variables(point<Kept...> kept, const B& b, const Rest&... rest) {
  if constexpr (names_contain(D::names, B::name.view()))
    return without_data_variables<D>(kept, rest...);
  else
    return without_data_variables<D>(point<Kept..., B>{static_cast<const Kept&>(kept)..., b},
                                     rest...);
}
template <class D, class... B>
constexpr auto point_without_data_variables(const point<B...>& p) {
  return without_data_variables<D>(point<>{}, static_cast<const B&>(p)...);
}

// Adds entry Id's adjoints to sums, or, for an entry the plan sums in place (In_place), copies
// the finished sum (nothing for an entry the expression does not contain).
template <class Sweep, class Plan, bool In_place, class Id, class T>
CTGRAD_INLINE constexpr void add_entry(const typename Sweep::template values<T>& adjoint, T* sums) {
  constexpr std::size_t i = Sweep::find(entry_node_id<Id>);
  if constexpr (i < Sweep::size) {
    if constexpr (Plan::accumulates[i] == In_place)
      for (std::size_t k = 0; k < entry_shape<Id>.width(); ++k)
        sums[k] = In_place ? adjoint[Sweep::slot[i] + k] : sums[k] + adjoint[Sweep::slot[i] + k];
  }
}
template <class Sweep, class Plan, bool In_place, class... Ids, class T, std::size_t... I>
CTGRAD_INLINE constexpr void add_entries(const typename Sweep::template values<T>& adjoint, T* sums,
                                         std::index_sequence<I...>) {
  const int in_order[] = {
      (add_entry<Sweep, Plan, In_place, Ids>(adjoint, sums + entry_layout<Ids...>::start[I]), 0)...,
      0};
  (void)in_order;
}

// Samples [begin, end) of the data set, summed. Per sample one forward pass and one adjoint
// sweep, on arrays kept across samples: the parameters' arrays are loaded once, and a
// parameter's adjoint with one contribution per sample sums itself in place (adding each
// contribution to the running sum: the same additions in the same order as adding each sample's
// gradient to the sums).
template <class E, class P, class D, class... Ids>
constexpr auto batch_sum(const E& f, const P& p, const D& d, std::size_t begin, std::size_t end,
                         list<Ids...>) {
  using S = sample_point<P, D>;
  using T = typename S::type::scalar_type;
  using sweep = detail::sweep<E>;
  using plan = typename sweep::template toward<list<Ids...>, sweep::size - 1, true>;
  batch_gradient_result<T, Ids...> r{T(0), {}, end - begin};
  for (auto& s : r.sums) s = T(0);
  if (begin == end) return r;
  typename sweep::template values<T> v;
  typename sweep::template values<T> adjoint;
  sweep::load_arrays(v, S::at(p, d, begin));
  for (std::size_t n = 0; n < sweep::size; ++n)
    if (plan::accumulates[n])
      for (std::size_t k = sweep::slot[n]; k < sweep::slot[n + 1]; ++k) adjoint[k] = T(0);
  for (std::size_t i = begin; i < end; ++i) {
    sweep::template forward<false>(v, f, S::at(p, d, i));
    sweep::template reverse<list<Ids...>, sweep::size - 1, true>(v, adjoint);
    r.total = r.total + v[sweep::slot[sweep::size - 1]];
    add_entries<sweep, plan, false, Ids...>(adjoint, r.sums.data(),
                                            std::index_sequence_for<Ids...>{});
  }
  add_entries<sweep, plan, true, Ids...>(adjoint, r.sums.data(), std::index_sequence_for<Ids...>{});
  return r;
}

template <class E, class P>
using default_batch_entries = typename parameter_entries<P, typename sweep<E>::entry_ids>::type;

}  // namespace detail

// The sum over the samples of d: d(loss)/dv for every variable of loss bound in p.
template <class E, class P, class D>
constexpr auto batch_gradient(const E& loss, const P& p, const D& d) {
  if constexpr (detail::check_call<E, P>() && detail::check_batch_call<P, D>())
    return detail::batch_sum(loss, p, d, 0, d.samples, detail::default_batch_entries<E, P>{});
  else if constexpr (detail::binds_data_variable<P, D>())  // after the error: the data win
    return batch_gradient(loss, detail::point_without_data_variables<D>(p), d);
}

// The same for the chosen entries, in that order (variables, data variables or named
// intermediates).
template <class E, class P, class D, class... Ids>
constexpr auto batch_gradient(const E& loss, const P& p, const D& d, targets<Ids...> t) {
  if constexpr (detail::check_call<E, P>() && detail::check_batch_call<P, D>())
    return detail::batch_sum(loss, p, d, 0, d.samples, detail::list<Ids...>{});
  else if constexpr (detail::binds_data_variable<P, D>())  // after the error: the data win
    return batch_gradient(loss, detail::point_without_data_variables<D>(p), d, t);
}

// The same, where every target must occur in loss: batch_gradient(loss, p, d, wrt_strict(...)).
template <class E, class P, class D, class... Ids>
constexpr auto batch_gradient(const E& loss, const P& p, const D& d, strict_targets<Ids...>) {
  if constexpr (detail::check_call<E, P>() && detail::check_batch_call<P, D>()) {
    static_assert(detail::check_contains_targets<detail::sweep<E>, Ids...>());
    return detail::batch_sum(loss, p, d, 0, d.samples, detail::list<Ids...>{});
  }
}

}  // namespace ctgrad
