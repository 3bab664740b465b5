#pragma once
// What a node passes to operand J when its own derivative (an adjoint in the reverse sweep, a
// tangent in forward mode) is x: x times the rule's local partial, or the rule's own `backward`
// where that is cheaper than a multiply or defined where the product is not (x itself for +, a
// select for relu, which passes 0 through a closed gate even for an infinite x). Both modes read
// this one function, so they cannot disagree about an operation.
#include <cstddef>

#include "ctgrad/config.hpp"

namespace ctgrad::detail {

template <class Op, std::size_t J, class T, class... A>
CTGRAD_INLINE constexpr T contribution(const T& x, const T& y, const A&... operands) {
  if constexpr (requires { Op::template backward<J>(x, y, operands...); })
    return Op::template backward<J>(x, y, operands...);
  else
    return x * Op::template partial<J>(y, operands...);
}

}  // namespace ctgrad::detail
