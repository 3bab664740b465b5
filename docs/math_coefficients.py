#!/usr/bin/env python3
"""Constants for include/ctgrad/math/ (inverse_trig.hpp, hyperbolic.hpp, log_base.hpp, ...).

Each constant is printed as an unevaluated sum of two doubles (hi = the value rounded to double,
lo = the remainder rounded), in C99 hex-float notation, from a 200-bit mpmath evaluation.
Run: python3 docs/math_coefficients.py  (mpmath 1.3).
"""
import mpmath

mpmath.mp.prec = 200


def dd(v):
    hi = float(v)
    lo = float(v - mpmath.mpf(hi))
    return hi.hex(), lo.hex()


def show(name, v):
    hi, lo = dd(v)
    print(f"{name}: {{{hi}, {lo}}}")


print("// atan(k/8), k = 0..8 (inverse_trig.hpp)")
for k in range(9):
    show(f"atan({k}/8)", mpmath.atan(mpmath.mpf(k) / 8))
show("pi/2", mpmath.pi / 2)
show("pi", mpmath.pi)
print("pi/4 rounded:", float(mpmath.pi / 4).hex())
print("3pi/4 rounded:", float(3 * mpmath.pi / 4).hex())
print("// log_base.hpp")
show("1/ln2", 1 / mpmath.log(2))
show("1/ln10", 1 / mpmath.log(10))
print("// overflow thresholds (hyperbolic.hpp): largest double x with sinh(x), cosh(x) <= DBL_MAX")
dmax = mpmath.mpf(2) ** 1024 - mpmath.mpf(2) ** 971
lim = mpmath.acosh(dmax + mpmath.mpf(2) ** 970)  # results below the midpoint round to DBL_MAX
t = float(lim)
if mpmath.mpf(t) >= lim:
    import math
    t = math.nextafter(t, 0.0)
print("largest double below acosh(DBL_MAX + ulp/2):", t.hex())
print("// erf.hpp")
show("2/sqrt(pi)", 2 / mpmath.sqrt(mpmath.pi))
show("1/sqrt(pi)", 1 / mpmath.sqrt(mpmath.pi))
