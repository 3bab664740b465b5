#pragma once
// Terms: what the symbolic functions compute with. A term is a structure together with where
// each of its run-time numbers comes from, so that a derivative or a simplification is computed
// entirely with class templates and only the finished expression is built as an object:
//     term<S, list<from_input<0, 2>, folded<'*', from_input<5, 1>, constant<2>>>>
// is the structure S whose first two numbers are numbers 0 and 1 of the input expression and
// whose third is 2 times the input's number 5.
//
// Why not functions on expression objects: every function template instantiated on an
// expression type costs g++ the length of the type's mangled name, and clang a symbol name, and
// a derivative makes several per node of types that spell the whole subexpression: a second
// derivative of a deep expression took minutes. Class templates have no names to make.
#include <cstddef>
#include <type_traits>

#include "ctgrad/core/make.hpp"
#include "ctgrad/core/operands.hpp"
#include "ctgrad/detail/type_list.hpp"

namespace ctgrad::detail {

// Count numbers of the input, starting at number Offset.
template <std::size_t Offset, std::size_t Count>
struct from_input {
  static constexpr std::size_t count = Count;
};
// One number, `a op b`, computed when the expression is built; a and b are from_input<I, 1>,
// folded numbers, or constants.
template <char Op, class A, class B>
struct folded {
  static constexpr std::size_t count = 1;
};

// The structure S whose numbers come, in order, from the segments Sources.
template <class S, class Sources = list<>>
struct term {
  using structure = S;
  using sources = Sources;
};

// Sources one after another; adjacent ranges of the input merge, so that a subexpression of the
// input keeps one segment however it is taken apart and put together.
template <class A, class B>
struct join_sources;
template <>
struct join_sources<list<>, list<>> {
  using type = list<>;
};
template <class A0, class... A>
struct join_sources<list<A0, A...>, list<>> {
  using type = list<A0, A...>;
};
template <class B0, class... B>
struct join_sources<list<>, list<B0, B...>> {
  using type = list<B0, B...>;
};
template <class A0, class... A, class B0, class... B>
struct join_sources<list<A0, A...>, list<B0, B...>> {
  using type = list<A0, A..., B0, B...>;
};
template <std::size_t O, std::size_t C, std::size_t P, std::size_t D, class... B>
requires(P == O + C) struct join_sources<list<from_input<O, C>>, list<from_input<P, D>, B...>> {
  using type = list<from_input<O, C + D>, B...>;
};
template <class... S>
struct all_sources {
  using type = list<>;
};
template <class S0, class... S>
struct all_sources<S0, S...> {
  using type = typename join_sources<S0, typename all_sources<S...>::type>::type;
};

// Count numbers of Sources from number Begin on.
template <class Sources, std::size_t Begin, std::size_t Count>
struct slice_sources;
template <class Sources, std::size_t Begin>
struct slice_sources<Sources, Begin, 0> {
  using type = list<>;
};
template <std::size_t O, std::size_t C, class... Rest, std::size_t Begin, std::size_t Count>
requires(Count > 0) struct slice_sources<list<from_input<O, C>, Rest...>, Begin, Count> {
  static constexpr std::size_t here = Begin >= C ? 0 : (C - Begin < Count ? C - Begin : Count);
  using rest =
      typename slice_sources<list<Rest...>, (Begin >= C ? Begin - C : 0), Count - here>::type;
  using type =
      std::conditional_t<here == 0, rest,
                         typename join_sources<list<from_input<O + Begin, here>>, rest>::type>;
};
template <char Op, class A, class B, class... Rest, std::size_t Begin, std::size_t Count>
requires(Count > 0) struct slice_sources<list<folded<Op, A, B>, Rest...>, Begin, Count> {
  using rest = typename slice_sources<list<Rest...>, (Begin >= 1 ? Begin - 1 : 0),
                                      (Begin >= 1 ? Count : Count - 1)>::type;
  using type = std::conditional_t<Begin >= 1, rest,
                                  typename join_sources<list<folded<Op, A, B>>, rest>::type>;
};

// The subexpression S of the input whose numbers start at number Offset.
template <class S, std::size_t Offset>
using input_term = term<
    S, std::conditional_t<S::number_count == 0, list<>, list<from_input<Offset, S::number_count>>>>;

// A leaf without numbers (a constant, a variable) as a term.
template <class S>
using leaf_term = term<S>;

// Operand J of the term's node.
template <std::size_t J, class T>
using operand_term = term<
    list_at<J, typename T::structure::operands>,
    typename slice_sources<typename T::sources, numbers_before_t<J, typename T::structure>::value,
                           list_at<J, typename T::structure::operands>::number_count>::type>;

// The node Op applied to the terms T: its numbers are theirs, in operand order.
template <class Op, class... T>
using node_term =
    term<expr<Op, typename T::structure...>, typename all_sources<typename T::sources...>::type>;

// The value of one folded number, read from the input's numbers.
template <class Source>
struct source_value;
template <std::size_t I>
struct source_value<from_input<I, 1>> {
  static constexpr double of(const double* in) { return in[I]; }
};
template <long long Num, long long Den>
struct source_value<constant<Num, Den>> {
  static constexpr double of(const double*) {
    return static_cast<double>(Num) / static_cast<double>(Den);
  }
};
template <char Op, class A, class B>
struct source_value<folded<Op, A, B>> {
  static constexpr double of(const double* in) {
    const double x = source_value<A>::of(in), y = source_value<B>::of(in);
    if constexpr (Op == '+')
      return x + y;
    else if constexpr (Op == '-')
      return x - y;
    else if constexpr (Op == '*')
      return x * y;
    else
      return x / y;
  }
};

// Writes the numbers of the segments into out.
template <class Segment>
struct write_segment {
  static constexpr void to(double* out, const double* in) {
    out[0] = source_value<Segment>::of(in);
  }
};
template <std::size_t O, std::size_t C>
struct write_segment<from_input<O, C>> {
  static constexpr void to(double* out, const double* in) { copy_numbers(out, in + O, C); }
};
template <class Sources>
struct write_sources;
template <class... Segment>
struct write_sources<list<Segment...>> {
  static constexpr void to(double* out, const double* in) {
    std::size_t k = 0;
    ((write_segment<Segment>::to(out + k, in), k += Segment::count), ...);
    (void)out;
    (void)in;
  }
};

// The expression object of a finished term, its numbers read from the input's.
template <class T>
constexpr auto object_of_term(const double* in) {
  using S = typename T::structure;
  static_assert(S::value_shape.ok,
                "ctgrad: an element-wise operation combines arrays of different lengths");
  object_of<S> node{};
  if constexpr (S::number_count > 0)
    write_sources<typename T::sources>::to(node.numbers.data(), in);
  (void)in;
  return node;
}

}  // namespace ctgrad::detail
