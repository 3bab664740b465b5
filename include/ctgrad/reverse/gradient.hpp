#pragma once
// gradient(f, at(...)) and gradient(f, at(...), wrt(w, b) or wrt_strict(w, b)): one forward
// pass, then one adjoint sweep in reverse topological order, giving df/dv for every variable v
// (and for every named intermediate) at once. No tape, no heap, no virtual call: the sweep is
// generated from f's type.
#include <array>
#include <cstddef>
#include <span>
#include <type_traits>

#include "ctgrad/config.hpp"
#include "ctgrad/eval/value.hpp"
#include "ctgrad/graph/sweep.hpp"
#include "ctgrad/reverse/targets.hpp"

namespace ctgrad {

namespace error {
template <class Entry>
struct the_gradient_has_no_entry_for {
  static constexpr bool value = false;
};
template <class Entry>
struct a_view_of_a_temporary_result_would_dangle {
  static constexpr bool value = false;
};
}  // namespace error

namespace detail {
// Where each entry's elements lie in a result's flat arrays: one slot for a number, one per
// element for an array.
template <class... Ids>
struct entry_layout {
  static constexpr std::size_t size = sizeof...(Ids);
  static constexpr std::array<shape, size> shapes{entry_shape<Ids>...};
  static constexpr std::array<std::size_t, size + 1> start = [] {
    std::array<std::size_t, size + 1> at{};
    for (std::size_t i = 0; i < size; ++i) at[i + 1] = at[i] + shapes[i].width();
    return at;
  }();
  static constexpr std::size_t slots = start[size];

  template <class X>
  static constexpr std::size_t index() {
    constexpr std::size_t i = find_entry<entry_id<X>, Ids...>();
    static_assert(i < size || error::the_gradient_has_no_entry_for<entry_name<X>>::value,
                  "ctgrad: this gradient has no entry for that argument; entries are the "
                  "variables and named intermediates of the expression, or those given to wrt()");
    return i < size ? i : 0;
  }

  // Entry X of a flat array: a number, or a copy of an array's elements.
  template <class X, class T, std::size_t N>
  CTGRAD_INLINE static constexpr auto copy(const std::array<T, N>& flat) {
    constexpr std::size_t i = index<X>();
    constexpr shape s = shapes[i];
    if constexpr (!s.array) {
      return flat[start[i]];
    } else {
      std::array<T, s.width()> out{};
      for (std::size_t k = 0; k < s.width(); ++k) out[k] = flat[start[i] + k];
      return out;
    }
  }
  // The same in place: a reference to the number, or a std::span of the elements.
  template <class X, class T, std::size_t N>
  CTGRAD_INLINE static constexpr decltype(auto) view(
      const std::array<T, N>& flat CTGRAD_LIFETIMEBOUND) {
    constexpr std::size_t i = index<X>();
    constexpr shape s = shapes[i];
    if constexpr (!s.array)
      return flat[start[i]];
    else
      return std::span<const T, s.width()>(flat.data() + start[i], s.width());
  }
  // Stops where view() is asked of a temporary result, which the view would outlive.
  template <class X>
  static constexpr void check_not_temporary() {
    static_assert(error::a_view_of_a_temporary_result_would_dangle<entry_name<X>>::value,
                  "ctgrad: view() of a temporary result would dangle after this statement; "
                  "index the result instead (r[x] is a copy), or keep the result in a variable");
  }
};
}  // namespace detail

// The result of a sweep: the function's value, and per entry its value and its adjoint. It owns
// its numbers, and so do the entries it gives: r[w] for an array variable is a std::array of its
// elements. r.view(w) reads them in place instead (a std::span, or a reference to a number),
// valid while r lives.
template <class T, class... Ids>
struct gradient_result {
  using layout = detail::entry_layout<Ids...>;

  T function_value;
  std::array<T, layout::slots> values;  // entries one after another, arrays element by element
  std::array<T, layout::slots> adjoints;

  static constexpr std::size_t size() { return sizeof...(Ids); }

  // f at the point.
  constexpr T value() const { return function_value; }

  // df/dx for a variable or named intermediate x (a copy).
  template <class X>
  CTGRAD_INLINE constexpr auto operator[](const X&) const {
    return layout::template copy<X>(adjoints);
  }
  // The forward value of x at the point (a copy).
  template <class X>
  CTGRAD_INLINE constexpr auto value(const X&) const {
    return layout::template copy<X>(values);
  }

  // df/dx and the value of x in place, without a copy: views of this result.
  template <class X>
  CTGRAD_INLINE constexpr decltype(auto) view(const X&) const& CTGRAD_LIFETIMEBOUND {
    return layout::template view<X>(adjoints);
  }
  template <class X>
  CTGRAD_INLINE constexpr decltype(auto) value_view(const X&) const& CTGRAD_LIFETIMEBOUND {
    return layout::template view<X>(values);
  }
  // On a temporary result: a compile error (the copy returned after it adds no second one).
  template <class X>
  constexpr auto view(const X&) && {
    layout::template check_not_temporary<X>();
    return layout::template copy<X>(adjoints);
  }
  template <class X>
  constexpr auto value_view(const X&) && {
    layout::template check_not_temporary<X>();
    return layout::template copy<X>(values);
  }
};

namespace detail {
template <class T, class Id, class Point>
constexpr void absent_value(const Point& p, T* value) {
  if constexpr (is_variable<Id>::value) {
    *value = []<fixed_string Name>(const Point& pt, std::type_identity<variable<Name>>) {
      if constexpr (Point::template binds<Name>)
        return static_cast<T>(pt.template get<Name>());
      else
        return T(0);
    }(p, std::type_identity<Id>{});
  } else if constexpr (is_array_variable<Id>::value) {
    if constexpr (Point::template binds<Id::name_string>)
      p.template get_elements<Id::name_string, entry_shape<Id>.width()>(value);
    else
      for (std::size_t k = 0; k < entry_shape<Id>.width(); ++k) value[k] = T(0);
  } else {
    for (std::size_t k = 0; k < entry_shape<Id>.width(); ++k) value[k] = T(0);
  }
}

// Copies an entry's values and adjoints (all its elements) out of the sweep's arrays, or, for a
// target the expression does not contain (Slot is no_node), writes its value and a zero
// derivative: f does not depend on it. Templated on numbers and the entry only: a function named
// by the sweep's or the point's type would spell the whole expression or every binding in its
// mangled name, once per entry.
template <std::size_t Slot, class T, class Id>
struct entry_copy {
  CTGRAD_INLINE static constexpr void write(const void*, const T* v, const T* adjoint, T* value,
                                            T* derivative) {
    for (std::size_t k = 0; k < entry_shape<Id>.width(); ++k) {
      value[k] = v[Slot + k];
      derivative[k] = adjoint[Slot + k];
    }
  }
};
template <class T, class Id>
struct entry_copy<no_node, T, Id> {
  template <class Point>
  CTGRAD_INLINE static constexpr void write(const Point* p, const T*, const T*, T* value,
                                            T* derivative) {
    absent_value<T, Id>(*p, value);
    for (std::size_t k = 0; k < entry_shape<Id>.width(); ++k) derivative[k] = T(0);
  }
};

template <class E, class P, class... Ids, std::size_t... I>
CTGRAD_INLINE constexpr gradient_result<typename P::scalar_type, Ids...> run_gradient(
    const E& f, const P& p, std::index_sequence<I...>) {
  using sweep = detail::sweep<E>;
  using T = typename P::scalar_type;
  // Every wanted slot is written before it is read (the sweeps' order guarantees it), so the
  // arrays are not zeroed: zeroing them was a memset per call in the generated code.
  typename sweep::template values<T> v;
  typename sweep::template values<T> adjoint;
  sweep::forward(v, f, p);
  sweep::template reverse<list<Ids...>>(v, adjoint);
  gradient_result<T, Ids...> r;
  r.function_value = v[sweep::slot[sweep::size - 1]];
  using layout = entry_layout<Ids...>;
  const int in_order[] = {(entry_copy<sweep::slot_of_node(entry_node_id<Ids>), T, Ids>::write(
                               &p, v.data(), adjoint.data(), r.values.data() + layout::start[I],
                               r.adjoints.data() + layout::start[I]),
                           0)...,
                          0};
  (void)in_order;
  return r;
}
template <class E, class P, class... Ids>
CTGRAD_INLINE constexpr auto run_gradient_for(const E& f, const P& p, list<Ids...>) {
  return run_gradient<E, P, Ids...>(f, p, std::index_sequence_for<Ids...>{});
}
}  // namespace detail

// df/dv for every variable and named intermediate of f, at p.
template <class E, class P>
CTGRAD_INLINE constexpr auto gradient(const E& f, const P& p) {
  if constexpr (detail::check_call<E, P>()) {
    return detail::run_gradient_for(f, p, typename detail::sweep<E>::entry_ids{});
  }
}

// df/dv for the chosen targets only, in the order given: gradient(f, p, wrt(w, b)).
template <class E, class P, class... Ids>
CTGRAD_INLINE constexpr auto gradient(const E& f, const P& p, targets<Ids...>) {
  if constexpr (detail::check_call<E, P>())
    return detail::run_gradient<E, P, Ids...>(f, p, std::index_sequence_for<Ids...>{});
}

// The same, where every target must occur in f: gradient(f, p, wrt_strict(w, b)).
template <class E, class P, class... Ids>
CTGRAD_INLINE constexpr auto gradient(const E& f, const P& p, strict_targets<Ids...>) {
  if constexpr (detail::check_call<E, P>()) {
    static_assert(detail::check_contains_targets<detail::sweep<E>, Ids...>());
    return detail::run_gradient<E, P, Ids...>(f, p, std::index_sequence_for<Ids...>{});
  }
}

}  // namespace ctgrad
