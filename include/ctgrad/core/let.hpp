#pragma once
// Named intermediates: let<"h">(relu(z1)) is the same expression, under a name. A name makes
// the node readable after a sweep (its forward value and its adjoint, e.g. dL/dh), and makes
// every use of it one node, even when it holds run-time numbers (docs/design.md).
#include "ctgrad/core/make.hpp"

namespace ctgrad {

template <fixed_string Name, expression E>
constexpr auto let(const E& e) {
  typename detail::node_of<named<Name>, E>::object node;
  detail::fill_numbers(node, detail::numbers_arg(e));
  return node;
}

}  // namespace ctgrad
