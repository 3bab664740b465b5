#pragma once
// ctgrad: compile-time expression-template automatic differentiation.
// Everything but the opt-in parts is included here. Opt-in: ctgrad/io/ (DOT, Mermaid and
// generated-code text) and ctgrad/check/ (gradient checks, finding non-finite nodes).
#include "ctgrad/config.hpp"
#include "ctgrad/core/arrays.hpp"
#include "ctgrad/core/expr.hpp"
#include "ctgrad/core/fixed_string.hpp"
#include "ctgrad/core/functions.hpp"
#include "ctgrad/core/let.hpp"
#include "ctgrad/core/nodes.hpp"
#include "ctgrad/core/operators.hpp"
#include "ctgrad/core/unroll.hpp"
#include "ctgrad/eval/point.hpp"
#include "ctgrad/eval/value.hpp"
#include "ctgrad/forward/dual.hpp"
#include "ctgrad/forward/hessian.hpp"
#include "ctgrad/forward/jacobian.hpp"
#include "ctgrad/forward/tangent.hpp"
#include "ctgrad/reverse/batch.hpp"
#include "ctgrad/reverse/gradient.hpp"
#include "ctgrad/reverse/targets.hpp"
#include "ctgrad/symbolic/derivative.hpp"
#include "ctgrad/symbolic/simplify.hpp"
