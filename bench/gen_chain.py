#!/usr/bin/env python3
"""Writes a C++ file with one N-node chain expression over 8 variables (+ * sin exp and run-time
numbers), for measuring compile time against size (docs/design.md):
    bench/gen_chain.py N value|grad > chain.cpp
    /usr/bin/time -f "%U s %M KB" g++ -std=c++20 -O2 -c -Iinclude chain.cpp -o /dev/null
"""
import sys

n, mode = int(sys.argv[1]), sys.argv[2]
vs = [f"v{i}" for i in range(8)]
out = ['#include <ctgrad/ctgrad.hpp>', 'using namespace ctgrad;']
out += [f'constexpr auto {v} = var<"{v}">;' for v in vs]
out += ['int main(int argc, char**) {', '  double a = argc;', '  auto e0 = v0 * v1;']
k, nodes = 1, 3
while nodes < n:
    v, step = vs[k % 8], k % 4
    if step == 0:
        out.append(f'  auto e{k} = e{k-1} * {v};'); nodes += 2
    elif step == 1:
        out.append(f'  auto e{k} = sin(e{k-1}) + {v};'); nodes += 3
    elif step == 2:
        out.append(f'  auto e{k} = e{k-1} + {v} * 0.5;'); nodes += 4
    else:
        out.append(f'  auto e{k} = exp(e{k-1} * 0.001) * {v};'); nodes += 5
    k += 1
point = 'at(' + ', '.join(f'{v} = a + {i}' for i, v in enumerate(vs)) + ')'
if mode == 'value':
    out.append(f'  return (int)value(e{k-1}, {point});')
else:
    out.append(f'  auto g = gradient(e{k-1}, {point}); return (int)(g[v0] + g[v3]);')
out.append('}')
print('\n'.join(out))
