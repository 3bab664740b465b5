#pragma once
// ctgrad: compile-time expression-template automatic differentiation.
// Everything but the opt-in parts (none yet) is included here.
#include "ctgrad/config.hpp"
#include "ctgrad/core/expr.hpp"
#include "ctgrad/core/fixed_string.hpp"
#include "ctgrad/core/functions.hpp"
#include "ctgrad/core/let.hpp"
#include "ctgrad/core/nodes.hpp"
#include "ctgrad/core/operators.hpp"
#include "ctgrad/eval/point.hpp"
#include "ctgrad/eval/value.hpp"
#include "ctgrad/forward/dual.hpp"
#include "ctgrad/forward/tangent.hpp"
#include "ctgrad/reverse/gradient.hpp"
