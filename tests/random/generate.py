#!/usr/bin/env python3
"""Writes the random differential tests: C++ sources that compare ctgrad's reverse gradient with
central finite differences and with ADOL-C's gradient, for random expressions at random points;
on every eighth expression also its symbolic first and second derivatives (harness.hpp).

    generate.py OUT_DIR SHARDS PER_SHARD

writes OUT_DIR/random_<k>.cpp (k < SHARDS, PER_SHARD expressions each), the expressions' ADOL-C
versions in OUT_DIR/random_<k>_tape.cpp, and OUT_DIR/shards.cpp.
The seed is fixed, so the sources are the same at every build.

Each expression is written three times: as a ctgrad expression, as the same computation on
ADOL-C's adouble, and as text for failure messages. Python evaluates it at its points first and
draws again when a value leaves the domain or grows large: every argument of log, sqrt and a pow
base is made positive (softplus(u) + 1/10, ...), tan and exp get bounded arguments, and the
arguments of relu, abs, min and max are named (let<"k..">) so that the test can skip a point
within 1e-4 of a kink.
"""
import math
import random
import re
import sys

SEED = 20240607
POINTS = 20
VARIABLES = 4
MAX_DEPTH = 8
MAX_NODES = 45          # an expression stops growing (leaves only) past this many nodes
MAGNITUDE_LIMIT = 1e2   # every intermediate value stays within this at every point
POINT_RANGE = 2.0       # coordinates are drawn from [-2, 2]
KINK_MARGIN = 1e-4      # as in harness.hpp: points this close to a kink are skipped
SYMBOLIC_EVERY = 8      # symbolic derivatives (first and second order) on every 8th expression;
                        # a fourth argument "no-symbolic" leaves them out (sanitizer builds)


class Reject(Exception):
    """A drawn expression leaves the domain or grows too large at one of its points."""


class Node:
    """One subexpression: its ctgrad text, its adouble text, and its value in Python."""

    def __init__(self, ct, ad, ev, size):
        self.ct, self.ad, self.ev, self.size = ct, ad, ev, size


def checked(v):
    if not math.isfinite(v) or abs(v) > MAGNITUDE_LIMIT:
        raise Reject()
    return v


def memo(f):
    key = object()

    def ev(env):
        if key not in env:
            env[key] = checked(f(env))
        return env[key]
    return ev


def sigmoid(a):
    return 1.0 / (1.0 + math.exp(-a))


def softplus(a):
    return max(a, 0.0) + math.log1p(math.exp(-abs(a)))


# Operator tables: ctgrad spelling, adouble spelling, Python function.
UNARY = {
    "sin": ("sin({})", "sin({})", math.sin),
    "cos": ("cos({})", "cos({})", math.cos),
    "tanh": ("tanh({})", "tanh({})", math.tanh),
    "sigmoid": ("sigmoid({})", "ad_sigmoid({})", sigmoid),
    "softplus": ("softplus({})", "ad_softplus({})", softplus),
    "square": ("square({})", "ad_square({})", lambda a: a * a),
    "neg": ("(-{})", "(-{})", lambda a: -a),
}
BINARY = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
}


class Expression:
    """Draws one expression over x0..x(nvars-1) as a list of local statements and a root."""

    def __init__(self, rng, nvars, depth):
        self.rng, self.nvars, self.depth = rng, nvars, depth
        self.statements = []   # (name, ctgrad text, adouble text)
        self.pool = []         # locals that later leaves may reuse (shared subexpressions)
        self.kinks = []        # C++ expressions over g.value(name): distance to a kink
        self.kink_distances = []  # the same distances, in Python
        self.names = []        # let names, all passed to wrt() with the variables
        self.nodes = 0
        self.counter = 0
        self.local_size = 0    # operations inside locals (a local's leaf counts 0)
        self.used = set()      # productions drawn (for the coverage report)

    # -- leaves: numbers, constants, variables, reused locals --------------------------------
    def number(self, lo=0.25, hi=3.0, positive=False):
        v = round(self.rng.uniform(lo, hi), 2)
        if not positive and self.rng.random() < 0.4:
            v = -v
        text = repr(v) if v > 0 else "({})".format(repr(v))
        return text, v

    def constant(self):
        self.used.add("constant")
        num, den = self.rng.choice([(1, 1), (2, 1), (3, 1), (5, 1), (-2, 1), (1, 2), (3, 4),
                                    (-1, 3), (1, 10), (7, 5)])
        if den == 1 and num > 0 and self.rng.random() < 0.5:
            ct = "{}_c".format(num)
        elif den == 1:
            ct = "ctgrad::c<{}>".format(num)
        else:
            ct = "ctgrad::c<{}, {}>".format(num, den)
        ad = "({}.0 / {}.0)".format(num, den)
        value = num / den
        return ct, ad, value

    def variable(self):
        i = self.rng.randrange(self.nvars)
        return Node("x{}".format(i), "x[{}]".format(i), lambda env, i=i: env["x"][i], 1)

    def local(self, node, prefix, named):
        """Binds node to a local (under a let name if named) and returns a leaf for it."""
        self.counter += 1
        name = "{}{}".format(prefix, self.counter)
        ct = 'ctgrad::let<"{}">({})'.format(name, node.ct) if named else node.ct
        self.statements.append((name, ct, node.ad))
        self.local_size += node.size + (1 if named else 0)
        if named:
            self.names.append(name)
        leaf = Node(name, name, node.ev, 0)
        self.pool.append(leaf)
        return leaf

    # -- the grammar ---------------------------------------------------------------------------
    def expr(self, d):
        if d <= 0 or self.nodes >= MAX_NODES or self.rng.random() < 0.12:
            if self.pool and self.rng.random() < 0.3:
                self.used.add("reuse")
                return self.rng.choice(self.pool)
            return self.variable()
        self.nodes += 1
        kind = self.rng.choices(
            ["binary", "number", "constant", "div", "neg", "unary", "pow_int", "pow_real",
             "pow_expr", "sqrt", "log", "exp", "tan", "relu", "abs", "minmax", "let", "shared",
             "function"],
            weights=[10, 6, 4, 4, 2, 12, 3, 2, 2, 2, 2, 3, 2, 2, 2, 3, 3, 3, 3])[0]
        self.used.add(kind)
        return getattr(self, "p_" + kind)(d - 1)

    def positive(self, d):
        """An expression that is at least 0.1 wherever it is defined."""
        a = self.expr(d)
        form = self.rng.randrange(3)
        self.used.add("positive{}".format(form))
        if form == 0:
            return Node("(softplus({}) + ctgrad::c<1, 10>)".format(a.ct),
                        "(ad_softplus({}) + 0.1)".format(a.ad),
                        memo(lambda env: softplus(a.ev(env)) + 0.1), a.size + 3)
        if form == 1:
            return Node("(square({}) + 0.1)".format(a.ct), "(ad_square({}) + 0.1)".format(a.ad),
                        memo(lambda env: a.ev(env) ** 2 + 0.1), a.size + 3)
        return Node("exp(tanh({}))".format(a.ct), "exp(tanh({}))".format(a.ad),
                    memo(lambda env: math.exp(math.tanh(a.ev(env)))), a.size + 2)

    def bounded(self, d):
        """An expression within [-1, 1]."""
        a = self.expr(d)
        if self.rng.random() < 0.5:
            return Node("tanh({})".format(a.ct), "tanh({})".format(a.ad),
                        memo(lambda env: math.tanh(a.ev(env))), a.size + 1)
        return Node("sin({})".format(a.ct), "sin({})".format(a.ad),
                    memo(lambda env: math.sin(a.ev(env))), a.size + 1)

    def p_binary(self, d):
        op = self.rng.choice(list(BINARY))
        a, b = self.expr(d), self.expr(d)
        f = BINARY[op]
        return Node("({} {} {})".format(a.ct, op, b.ct), "({} {} {})".format(a.ad, op, b.ad),
                    memo(lambda env: f(a.ev(env), b.ev(env))), a.size + b.size + 1)

    def p_number(self, d):
        op = self.rng.choice(list(BINARY))
        a = self.expr(d)
        text, v = self.number()
        f = BINARY[op]
        if self.rng.random() < 0.5:
            return Node("({} {} {})".format(text, op, a.ct), "({} {} {})".format(text, op, a.ad),
                        memo(lambda env: f(v, a.ev(env))), a.size + 2)
        return Node("({} {} {})".format(a.ct, op, text), "({} {} {})".format(a.ad, op, text),
                    memo(lambda env: f(a.ev(env), v)), a.size + 2)

    def p_constant(self, d):
        op = self.rng.choice(list(BINARY))
        a = self.expr(d)
        ct, ad, v = self.constant()
        f = BINARY[op]
        if self.rng.random() < 0.5:
            return Node("({} {} {})".format(ct, op, a.ct), "({} {} {})".format(ad, op, a.ad),
                        memo(lambda env: f(v, a.ev(env))), a.size + 2)
        return Node("({} {} {})".format(a.ct, op, ct), "({} {} {})".format(a.ad, op, ad),
                    memo(lambda env: f(a.ev(env), v)), a.size + 2)

    def p_div(self, d):
        form = self.rng.randrange(4)
        self.used.add("div{}".format(form))
        if form == 0:   # expression / positive expression
            a, b = self.expr(d), self.positive(d)
            return Node("({} / {})".format(a.ct, b.ct), "({} / {})".format(a.ad, b.ad),
                        memo(lambda env: a.ev(env) / b.ev(env)), a.size + b.size + 1)
        if form == 1:   # number / positive expression
            text, v = self.number()
            b = self.positive(d)
            return Node("({} / {})".format(text, b.ct), "({} / {})".format(text, b.ad),
                        memo(lambda env: v / b.ev(env)), b.size + 2)
        if form == 2:   # expression / number
            a = self.expr(d)
            text, v = self.number(0.5, 3.0)
            return Node("({} / {})".format(a.ct, text), "({} / {})".format(a.ad, text),
                        memo(lambda env: a.ev(env) / v), a.size + 2)
        a = self.expr(d)  # expression / nonzero constant
        ct, ad, v = self.constant()
        return Node("({} / {})".format(a.ct, ct), "({} / {})".format(a.ad, ad),
                    memo(lambda env: a.ev(env) / v), a.size + 2)

    def p_neg(self, d):
        a = self.expr(d)
        return Node("(-{})".format(a.ct), "(-{})".format(a.ad), memo(lambda env: -a.ev(env)),
                    a.size + 1)

    def p_unary(self, d):
        name = self.rng.choice(list(UNARY))
        self.used.add(name)
        ct, ad, f = UNARY[name]
        a = self.expr(d)
        return Node(ct.format(a.ct), ad.format(a.ad), memo(lambda env: f(a.ev(env))), a.size + 1)

    def p_pow_int(self, d):
        n = self.rng.choice([2, 3, 4, -1, -2])
        a = self.expr(d) if n > 0 else self.positive(d)
        self.used.add("pow<{}>".format(n))
        return Node("ctgrad::pow<{}>({})".format(n, a.ct), "ad_pow<{}>({})".format(n, a.ad),
                    memo(lambda env: a.ev(env) ** n), a.size + 1)

    def p_pow_real(self, d):
        a = self.positive(d)
        if self.rng.random() < 0.7:
            r = self.rng.choice([0.5, 1.5, 2.5, 0.75, -0.5, 1.25])
            ct_exp, ad_exp = repr(r), repr(r)
            self.used.add("pow(e, number)")
        else:
            num, den = self.rng.choice([(1, 2), (3, 2), (-1, 3)])
            r = num / den
            ct_exp, ad_exp = "ctgrad::c<{}, {}>".format(num, den), "({}.0 / {}.0)".format(num, den)
            self.used.add("pow(e, c<n, d>)")
        return Node("pow({}, {})".format(a.ct, ct_exp), "pow({}, {})".format(a.ad, ad_exp),
                    memo(lambda env: a.ev(env) ** r), a.size + 2)

    def p_pow_expr(self, d):
        e = self.bounded(d)
        if self.rng.random() < 0.6:
            a = self.positive(d)
            self.used.add("pow(e, e)")
            return Node("pow({}, {})".format(a.ct, e.ct), "pow({}, {})".format(a.ad, e.ad),
                        memo(lambda env: a.ev(env) ** e.ev(env)), a.size + e.size + 1)
        text, v = self.number(0.5, 3.0, positive=True)
        self.used.add("pow(number, e)")
        return Node("pow({}, {})".format(text, e.ct), "pow({}, {})".format(text, e.ad),
                    memo(lambda env: v ** e.ev(env)), e.size + 2)

    def p_sqrt(self, d):
        a = self.positive(d)
        return Node("sqrt({})".format(a.ct), "sqrt({})".format(a.ad),
                    memo(lambda env: math.sqrt(a.ev(env))), a.size + 1)

    def p_log(self, d):
        a = self.positive(d)
        return Node("log({})".format(a.ct), "log({})".format(a.ad),
                    memo(lambda env: math.log(a.ev(env))), a.size + 1)

    def p_exp(self, d):
        if self.rng.random() < 0.5:
            a = self.bounded(d)
        else:   # exp(-u^2) <= 1
            u = self.expr(d)
            a = Node("(-square({}))".format(u.ct), "(-ad_square({}))".format(u.ad),
                     memo(lambda env: -u.ev(env) ** 2), u.size + 2)
        return Node("exp({})".format(a.ct), "exp({})".format(a.ad),
                    memo(lambda env: math.exp(a.ev(env))), a.size + 1)

    def p_tan(self, d):
        a = self.bounded(d)   # |0.5 a| <= 0.5, far from the poles at +-pi/2
        return Node("tan(ctgrad::c<1, 2> * {})".format(a.ct), "tan(0.5 * {})".format(a.ad),
                    memo(lambda env: math.tan(0.5 * a.ev(env))), a.size + 3)

    # The functions of rules/more_functions.hpp and log1p, expm1, each on an argument inside its
    # domain (ADOL-C has no erfc, exp2, log2, hypot, log1p, expm1, and its cbrt does not run: those
    # are written out for it).
    FUNCTIONS = {
        # name: (argument kind, ctgrad, adouble, Python)
        "atan": ("any", "atan({})", "atan({})", math.atan),
        "asinh": ("any", "asinh({})", "asinh({})", math.asinh),
        "erf": ("any", "erf({})", "erf({})", math.erf),
        "erfc": ("any", "erfc({})", "(1.0 - erf({}))", math.erfc),
        "sinh": ("bounded", "sinh({})", "sinh({})", math.sinh),
        "cosh": ("bounded", "cosh({})", "cosh({})", math.cosh),
        "exp2": ("bounded", "exp2({})", "exp({} * 0.6931471805599453)", lambda a: 2.0 ** a),
        "expm1": ("bounded", "expm1({})", "(exp({}) - 1.0)", math.expm1),
        "asin": ("inside", "asin({})", "asin({})", math.asin),
        "acos": ("inside", "acos({})", "acos({})", math.acos),
        "atanh": ("inside", "atanh({})", "atanh({})", math.atanh),
        "acosh": ("above_one", "acosh({})", "acosh({})", math.acosh),
        "log2": ("positive", "log2({})", "(log({}) / 0.6931471805599453)", math.log2),
        "log10": ("positive", "log10({})", "log10({})", math.log10),
        "log1p": ("positive", "log1p({})", "log(1.0 + {})", math.log1p),
        "cbrt": ("positive", "cbrt({})", "pow({}, 1.0 / 3.0)", lambda a: a ** (1.0 / 3.0)),
    }

    def p_function(self, d):
        if self.rng.random() < 0.2:
            return self.binary_function(d)
        name = self.rng.choice(list(self.FUNCTIONS))
        self.used.add(name)
        kind, ct, ad, f = self.FUNCTIONS[name]
        if kind == "any":
            a = self.expr(d)
        elif kind == "bounded":
            a = self.bounded(d)
        elif kind == "inside":   # within [-0.9, 0.9], away from the poles and infinite slopes
            b = self.bounded(d)
            a = Node("(ctgrad::c<9, 10> * {})".format(b.ct), "(0.9 * {})".format(b.ad),
                     memo(lambda env: 0.9 * b.ev(env)), b.size + 2)
        elif kind == "above_one":   # at least 1.1
            b = self.positive(d)
            a = Node("({} + 1_c)".format(b.ct), "({} + 1.0)".format(b.ad),
                     memo(lambda env: b.ev(env) + 1.0), b.size + 2)
        else:
            a = self.positive(d)
        return Node(ct.format(a.ct), ad.format(a.ad), memo(lambda env: f(a.ev(env))), a.size + 1)

    def binary_function(self, d):
        """atan2(a, p) and hypot(a, p) with p >= 0.1: away from the origin."""
        a, b = self.expr(d), self.positive(d)
        if self.rng.random() < 0.5:
            self.used.add("atan2")
            return Node("atan2({}, {})".format(a.ct, b.ct), "atan2({}, {})".format(a.ad, b.ad),
                        memo(lambda env: math.atan2(a.ev(env), b.ev(env))), a.size + b.size + 1)
        self.used.add("hypot")
        return Node("hypot({}, {})".format(a.ct, b.ct),
                    "sqrt(ad_square({}) + ad_square({}))".format(a.ad, b.ad),
                    memo(lambda env: math.hypot(a.ev(env), b.ev(env))), a.size + b.size + 1)

    def kink_argument(self, d):
        return self.local(self.expr(d), "k", named=True)

    def p_relu(self, d):
        k = self.kink_argument(d)
        self.kinks.append("std::abs(g.value({}))".format(k.ct))
        self.kink_distances.append(lambda env: abs(k.ev(env)))
        return Node("relu({})".format(k.ct), "ad_relu({})".format(k.ad),
                    memo(lambda env: max(k.ev(env), 0.0)), k.size + 1)

    def p_abs(self, d):
        k = self.kink_argument(d)
        self.kinks.append("std::abs(g.value({}))".format(k.ct))
        self.kink_distances.append(lambda env: abs(k.ev(env)))
        return Node("abs({})".format(k.ct), "fabs({})".format(k.ad),
                    memo(lambda env: abs(k.ev(env))), k.size + 1)

    def p_minmax(self, d):
        name = self.rng.choice(["min", "max"])
        self.used.add(name)
        f = min if name == "min" else max
        a = self.kink_argument(d)
        ad_name = "f" + name
        form = self.rng.randrange(3)
        if form == 0:
            b = self.kink_argument(d)
            self.kinks.append("std::abs(g.value({}) - g.value({}))".format(a.ct, b.ct))
            self.kink_distances.append(lambda env: abs(a.ev(env) - b.ev(env)))
            return Node("{}({}, {})".format(name, a.ct, b.ct),
                        "{}({}, {})".format(ad_name, a.ad, b.ad),
                        memo(lambda env: f(a.ev(env), b.ev(env))), a.size + b.size + 1)
        text, v = self.number()
        self.kinks.append("std::abs(g.value({}) - {})".format(a.ct, text))
        self.kink_distances.append(lambda env: abs(a.ev(env) - v))
        if form == 1:
            return Node("{}({}, {})".format(name, a.ct, text),
                        "{}({}, {})".format(ad_name, a.ad, text),
                        memo(lambda env: f(a.ev(env), v)), a.size + 2)
        return Node("{}({}, {})".format(name, text, a.ct),
                    "{}({}, {})".format(ad_name, text, a.ad),
                    memo(lambda env: f(v, a.ev(env))), a.size + 2)

    def p_let(self, d):
        return self.local(self.expr(d), "n", named=True)

    def p_shared(self, d):
        """One subexpression object used on two paths: s op f(s)."""
        s = self.local(self.expr(d), "s", named=False)
        name = self.rng.choice(["sin", "cos", "tanh", "sigmoid", "softplus", "square"])
        ct, ad, f = UNARY[name]
        op = self.rng.choice(list(BINARY))
        g = BINARY[op]
        return Node("({} {} {})".format(s.ct, op, ct.format(s.ct)),
                    "({} {} {})".format(s.ad, op, ad.format(s.ad)),
                    memo(lambda env: g(s.ev(env), f(s.ev(env)))), 3)


def draw(rng, points):
    """An expression valid at all points, and the productions it uses."""
    while True:
        nvars = rng.choice([3, 4])
        e = Expression(rng, nvars, rng.randint(3, MAX_DEPTH))
        root = e.expr(e.depth)
        if not e.statements and root.ct.startswith("x") and len(root.ct) == 2:
            continue  # a bare variable
        try:
            at_kink = 0
            for x in points:
                env = {"x": x}
                root.ev(env)
                if any(distance(env) < KINK_MARGIN for distance in e.kink_distances):
                    at_kink += 1
        except (Reject, ValueError, OverflowError, ZeroDivisionError):
            continue
        if at_kink > POINTS // 4:
            continue  # e.g. max(s, s): a tie everywhere, so the test would skip most points
        return e, root


def cpp_expression(index, e, root):
    """The C++ of one expression: its check function."""
    lines = ["// e{}".format(index), "void e{}(tally& t) {{".format(index)]
    text = []
    for name, ct, _ in e.statements:
        lines.append("  const auto {} = {};".format(name, ct))
        text.append("{} = {}; ".format(name, ct))
    lines.append("  const auto f = {};".format(root.ct))
    text.append("f = {}".format(root.ct))
    symbolic = SYMBOLIC_EVERY > 0 and index % SYMBOLIC_EVERY == 0
    if symbolic:
        # The symbolic checks differentiate f with its shared subexpressions named: an unnamed
        # one holding run-time numbers is copied at each use, and copies multiply with each
        # order (docs/api.md). Names change no value; the sweeps check the unnamed f.
        shared = [name for name, ct, _ in e.statements if not ct.startswith("ctgrad::let")]
        rename = lambda t: re.sub(r"\b({})\b".format("|".join(shared)), r"\1n", t) if shared else t
        for name, ct, _ in e.statements:
            if name in shared:
                lines.append('  const auto {}n = ctgrad::let<"{}">({});'.format(name, name, rename(ct)))
            elif shared and rename(ct) != ct:
                lines.append("  const auto {}n = {};".format(name, rename(ct)))
                shared.append(name)
        lines.append("  const auto named_f = {};".format(rename(root.ct)))
    targets = ", ".join(["x0", "x1", "x2", "x3"] + e.names)
    if e.kinks:
        lines.append("  const auto kink_distance = [&](const auto& g) {")
        lines.append("    return std::min({{{}}});".format(", ".join(e.kinks + ["1.0"])))
        lines.append("  };")
    else:
        lines.append("  const auto kink_distance = [](const auto&) { return 1.0; };")
    lines.append('  check(t, "e{}", R"ct({})ct", f, {}, ctgrad::wrt({}), points_e{}, kink_distance, '
                 'taped_e{});'.format(index, "".join(text),
                                     "named_f" if symbolic else "no_symbolic_check", targets, index,
                                     index))
    lines.append("}")
    return "\n".join(lines)


def cpp_taped(index, e, root):
    """The same computation on ADOL-C's adouble, as a function of its own (tape.hpp)."""
    lines = ["adouble taped_e{}(const adouble* x) {{".format(index)]
    for name, _, ad in e.statements:
        lines.append("  const adouble {} = {};".format(name, ad))
    lines.append("  return adouble({});".format(root.ad))
    lines.append("}")
    return "\n".join(lines)


def cpp_points(index, points):
    rows = ",\n".join("    {{{}}}".format(", ".join(repr(v) for v in x)) for x in points)
    return "constexpr point points_e{}[{}] = {{\n{}}};".format(index, len(points), rows)


def main():
    global SYMBOLIC_EVERY
    out_dir, shards, per_shard = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if sys.argv[4:] == ["no-symbolic"]:
        SYMBOLIC_EVERY = 0
    rng = random.Random(SEED)
    used = set()
    sizes = []
    for k in range(shards):
        body = []
        calls = []
        taped = []
        for j in range(per_shard):
            index = k * per_shard + j
            points = [[round(rng.uniform(-POINT_RANGE, POINT_RANGE), 6) for _ in range(VARIABLES)]
                      for _ in range(POINTS)]
            e, root = draw(rng, points)
            used |= e.used
            sizes.append(root.size + e.local_size)
            body.append(cpp_points(index, points))
            body.append(cpp_expression(index, e, root))
            taped.append(cpp_taped(index, e, root))
            calls.append("  e{}(t);".format(index))
        source = "\n".join([
            "// Generated by tests/random/generate.py (fixed seed): do not edit.",
            '#include "harness.hpp"',
            "",
            "namespace random_test {",
            "\n".join("adouble taped_e{}(const adouble* x);".format(k * per_shard + j)
                      for j in range(per_shard)),
            "",
            "namespace {",
            "using namespace ctgrad::literals;",
            "",
            "\n\n".join(body),
            "",
            "}  // namespace",
            "",
            "void shard_{}(tally& t) {{".format(k),
            "\n".join(calls),
            "}",
            "",
            "}  // namespace random_test",
            ""])
        write(out_dir, "random_{}.cpp".format(k), source)
        write(out_dir, "random_{}_tape.cpp".format(k), "\n".join([
            "// Generated by tests/random/generate.py (fixed seed): do not edit.",
            '#include "tape.hpp"',
            "",
            "namespace random_test {",
            "",
            "\n\n".join(taped),
            "",
            "}  // namespace random_test",
            ""]))
    table = "\n".join(
        ["// Generated by tests/random/generate.py: do not edit.",
         '#include "harness.hpp"', "", "namespace random_test {"] +
        ["void shard_{}(tally& t);".format(k) for k in range(shards)] +
        ["extern const shard_function shards[] = {" + ", ".join(
            "shard_{}".format(k) for k in range(shards)) + "};",
         "extern const int shard_count = {};".format(shards),
         "}  // namespace random_test", ""])
    write(out_dir, "shards.cpp", table)
    sys.stderr.write("{} expressions, {:.1f} operations on average, at most {}; productions used: "
                     "{}\n".format(len(sizes), sum(sizes) / len(sizes), max(sizes),
                             ", ".join(sorted(used))))


def write(out_dir, name, text):
    """Writes only when the text changed, so that a re-run does not force a rebuild."""
    path = "{}/{}".format(out_dir, name)
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
