#!/usr/bin/env python3
"""Compile time and peak memory of ctgrad against the size of the expression (docs/benchmarks.md,
"Compile time"). Each case is one translation unit that builds an expression, one statement per
step as a user would write it, and takes one gradient (or value) at a run-time point; it is
compiled with g++ and clang++ (-std=c++20 -O2 -c), RUNS times (default 3), keeping the lowest user
CPU time and the highest peak resident memory (/usr/bin/time -f "%U %M").

Shapes:
  chain N   e_k = sin(e_{k-1}) * v_(k%8) + exp(0.5 * v_((k+3)%8)): 6 distinct nodes per step, a
            run-time number in each (no step shares a node with another), 8 variables.
  sum N     s_k = s_{k-1} + w_(k%50) * sin(x_(7k%50) + c<(k/50)%3>): a long sum of distinct terms
            of 100 variables and constants, whose inner subexpressions (sin(x_j + c)) repeat and
            are one node by type.
  tanh K    unroll<K>(s0, s -> tanh(w * s + u)): a step that uses its input once.
  euler K   unroll<K>(s0, y -> y + h * (a - pow<3>(y))): a step that uses its input twice.
  small     one small gradient (the fixed cost of a file that uses ctgrad).

    bench/compile_time.py [--quick] [--shapes chain,sum] [--compilers g++,clang++]

Writes build/bench-results/compile_time.tsv and prints a Markdown table with, per shape and
compiler, the time, the peak memory and the growth of the time per doubling of the size.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "build", "bench-results")
LIMIT = 600  # seconds per compilation


def chain(n):
    steps = max(1, (n - 8) // 6)
    lines = ['#include <cstdio>', '#include <ctgrad/ctgrad.hpp>', 'int main(int argc, char**) {']
    lines += [f'  constexpr auto v{i} = ctgrad::var<"v{i}">;' for i in range(8)]
    lines.append('  const auto e0 = v0;')
    for k in range(1, steps + 1):
        lines.append(f'  const auto e{k} = sin(e{k-1}) * v{k % 8} + exp(0.5 * v{(k + 3) % 8});')
    lines.append('  const double a = 0.1 * argc;')
    binds = ', '.join(f'v{i} = a' for i in range(8))
    lines.append(f'  const auto g = ctgrad::gradient(e{steps}, ctgrad::at({binds}));')
    lines.append('  std::printf("%g %g\\n", g.value(), g[v1]);')
    lines.append('}')
    return '\n'.join(lines), 6 * steps + 8


def sum_of_terms(n):
    # About 2.5 distinct nodes per term once the 150 repeating subexpressions are made.
    terms = max(1, int((n - 250) / 1.8)) if n > 300 else max(1, n // 3)
    lines = ['#include <cstdio>', '#include <ctgrad/ctgrad.hpp>', 'int main(int argc, char**) {']
    lines += [f'  constexpr auto w{i} = ctgrad::var<"w{i}">;' for i in range(50)]
    lines += [f'  constexpr auto x{i} = ctgrad::var<"x{i}">;' for i in range(50)]
    lines.append('  const auto s0 = w0 * sin(x0);')
    for k in range(1, terms + 1):
        lines.append(f'  const auto s{k} = s{k-1} + w{k % 50} * sin(x{(7 * k) % 50} + '
                     f'ctgrad::c<{(k // 50) % 3}>);')
    lines.append('  const double a = 0.01 * argc;')
    binds = ', '.join([f'w{i} = a' for i in range(50)] + [f'x{i} = a' for i in range(50)])
    lines.append(f'  const auto g = ctgrad::gradient(s{terms}, ctgrad::at({binds}));')
    lines.append('  std::printf("%g %g\\n", g.value(), g[w1]);')
    lines.append('}')
    return '\n'.join(lines), None


def unrolled(kind, k):
    step = {'tanh': 'tanh(w * s + u)', 'euler': 's + h * (a - ctgrad::pow<3>(s))'}[kind]
    binds = {'tanh': 'w = 0.5, u = 0.1', 'euler': 'h = 0.01, a = 0.5'}[kind]
    return '\n'.join([
        '#include <cstdio>', '#include <ctgrad/ctgrad.hpp>',
        'constexpr auto s0 = ctgrad::var<"s0">;', 'constexpr auto w = ctgrad::var<"w">;',
        'constexpr auto u = ctgrad::var<"u">;', 'constexpr auto h = ctgrad::var<"h">;',
        'constexpr auto a = ctgrad::var<"a">;',
        'int main(int argc, char**) {',
        f'  const auto e = ctgrad::unroll<{k}>(s0, [](const auto& s) {{ return {step}; }});',
        f'  const auto g = ctgrad::gradient(e, ctgrad::at(s0 = 0.1 * argc, {binds}));',
        '  std::printf("%g %g\\n", g.value(), g[s0]);', '}']), None


def small(_):
    return '\n'.join([
        '#include <cstdio>', '#include <ctgrad/ctgrad.hpp>',
        'constexpr auto x = ctgrad::var<"x">;', 'constexpr auto y = ctgrad::var<"y">;',
        'int main(int argc, char**) {',
        '  const auto g = ctgrad::gradient(sin(x * y) + x, ctgrad::at(x = 0.5 * argc, y = 2.0));',
        '  std::printf("%g\\n", g[x]);', '}']), None


SHAPES = {
    'chain': (chain, [200, 400, 800, 1000, 1600, 3000]),
    'sum': (sum_of_terms, [200, 400, 800, 1000, 1600, 3000]),
    'tanh': (lambda k: unrolled('tanh', k), [10, 100, 1000]),
    'euler': (lambda k: unrolled('euler', k), [10, 200, 1000]),
    'small': (small, [1]),
}


def measure(compiler, source, runs, work):
    path = os.path.join(work, 'case.cpp')
    with open(path, 'w') as f:
        f.write(source)
    best, peak = None, 0
    for _ in range(runs):
        timing = os.path.join(work, 'time.txt')
        cmd = ['/usr/bin/time', '-o', timing, '-f', '%U %M', compiler, '-std=c++20', '-O2',
               f'-I{ROOT}/include', '-c', path, '-o', os.path.join(work, 'case.o')]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=LIMIT)
        except subprocess.TimeoutExpired:
            return None, None, 'timeout'
        if r.returncode != 0:
            first = next((l for l in r.stderr.splitlines() if 'error' in l), 'error')
            return None, None, 'failed: ' + first[:150]
        seconds, kb = open(timing).read().split()[-2:]
        best = float(seconds) if best is None else min(best, float(seconds))
        peak = max(peak, int(kb) // 1024)
    return best, peak, 'ok'


def graph_size(source, work):
    """Distinct nodes of the gradient's expression: compiled once with g++, printed."""
    text = source.replace('#include <ctgrad/ctgrad.hpp>',
                          '#include <ctgrad/ctgrad.hpp>\n#define CTGRAD_COUNT 1', 1)
    marker = 'const auto g = ctgrad::gradient('
    start = text.find(marker)
    expr = text[start + len(marker):text.find(', ctgrad::at(', start)]
    text = text.replace('int main(int argc, char**) {',
                        'int main(int argc, char**) {\n  (void)argc;', 1)
    text = text[:text.rfind('}')] + (
        f'  std::printf("nodes %zu\\n", ctgrad::detail::sweep<decltype({expr})>::size);\n}}\n')
    path = os.path.join(work, 'count.cpp')
    with open(path, 'w') as f:
        f.write(text)
    exe = os.path.join(work, 'count')
    r = subprocess.run(['g++', '-std=c++20', '-O0', f'-I{ROOT}/include', path, '-o', exe],
                       capture_output=True, text=True, timeout=LIMIT)
    if r.returncode != 0:
        return None
    out = subprocess.run([exe], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith('nodes '):
            return int(line.split()[1])
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shapes', default=','.join(SHAPES))
    ap.add_argument('--compilers', default='g++,clang++')
    ap.add_argument('--quick', action='store_true', help='sizes up to 1000, one run each')
    args = ap.parse_args()
    runs = 1 if args.quick else int(os.environ.get('RUNS', '3'))
    os.makedirs(OUT, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for shape in args.shapes.split(','):
            make, sizes = SHAPES[shape]
            if args.quick:
                sizes = [s for s in sizes if s <= 1000]
            for size in sizes:
                source, nodes = make(size)
                if nodes is None or shape in ('sum', 'chain'):
                    nodes = graph_size(source, work)
                for compiler in args.compilers.split(','):
                    seconds, mb, status = measure(compiler, source, runs, work)
                    rows.append((shape, size, nodes, compiler, seconds, mb, status))
                    print(f'{shape}\t{size}\t{nodes}\t{compiler}\t{seconds}\t{mb}\t{status}',
                          file=sys.stderr, flush=True)
    with open(os.path.join(OUT, 'compile_time.tsv'), 'w') as f:
        f.write('shape\tsize\tnodes\tcompiler\tseconds\tpeak_mb\tstatus\n')
        for r in rows:
            f.write('\t'.join('' if v is None else str(v) for v in r) + '\n')
    with open(os.path.join(OUT, 'compile_time.md'), 'w') as f:
        f.write(section(rows, args.shapes.split(','), args.compilers.split(','), runs))
    print(section(rows, args.shapes.split(','), args.compilers.split(','), runs))


WHAT_GROWS = '''**What grows, and where the time goes.** A loop unrolled with `unroll<K>` is one node whatever
K. For the chain and the sum, clang++ grows about linearly up to 1600 nodes; g++ grows faster from
800 nodes on. Two costs dominate there, and both are in the code a user writes, one statement per
operation, not in ctgrad's graph or sweeps: (1) every operator is a function whose mangled name
spells its operands' structure, so the names' total length grows with N squared, and g++ looks each
part of a name up in a list of earlier parts that grows with the name: for the 971-node sum, g++
spends 4.9 of 7.0 s on the expression alone (no gradient) in "callgraph construction"
(`-ftime-report`), and 10.5 s when the variables' names have 30 characters instead of 2; (2) in
the chain, each statement's object copies the numbers of the one before, and g++'s points-to
analysis of that function grows faster than linearly (0.55 s at 1000 nodes, 3.6 s at 2000). The
gradient itself (graph, forward pass and adjoint sweep) adds about 3 s to the 1000-node chain with
g++. g++ names not only functions but every variable template and static data member it
instantiates: a structure's constants (number_count, value_shape, id, ...) were static members of
`expr<Op, Args...>`, six names per node that spell the structure; they are now members of a class
over plain numbers (`structure_constants`), and the 971-node sum compiles in 10.6 s instead of
13.3 s with g++ (alternating runs on one machine; clang++ 8.6 s against 8.2, unchanged within the
noise). The table above was measured before that change.'''


# Before the graph was found by one walk at the root (the previous release, same machine, same
# shapes; user seconds, g++ / clang++): the reference for the growth the table shows now.
BEFORE = {
    ('chain', 200): '2.5 / 2.5', ('chain', 400): '9.2 / 7.2', ('chain', 800): '28.9 / 13.3',
    ('chain', 1000): '223 / not run', ('chain', 1600): 'over 100 / 59',
    ('euler', 200): 'did not finish (K = 22: 6.6 s with g++)',
    ('tanh', 10): '1.2 / 1.3', ('tanh', 100): '22.5 / 17.6', ('tanh', 1000): 'did not finish',
}


def section(rows, shapes, compilers, runs):
    """docs/benchmarks.md's section "Compile time", with the growth per doubling of the size."""
    L = ['## Compile time (`bench/compile_time.py`)', '',
         'One translation unit per shape and size that builds an expression one statement per step,'
         ' as a user would write it, and takes one gradient at a run-time point;'
         f' `-std=c++20 -O2 -c`, user CPU seconds (the lowest of {runs} runs) and peak resident MB'
         ' (`/usr/bin/time -f "%U %M"`). The shapes are described in the script: `chain` has a'
         ' run-time number in every step (no step shares a node), `sum` is a long sum of distinct'
         ' terms of 100 variables whose inner subexpressions repeat (one node by type), `tanh` and'
         ' `euler` are `unroll<K>` of a step that uses its input once and twice, `small` is the'
         ' fixed cost of one small gradient. "Growth" is the factor by which the time grows per'
         ' doubling of the distinct nodes (2.00x is linear); "before" is the previous release.',
         '']
    head = '| shape | size | distinct nodes | ' + ' | '.join(
        f'{c} s / MB | {c} growth' for c in compilers) + ' | before (g++ / clang++ s) |'
    L += [head, '| --- | ---: | ---: | ' + ' | '.join('---: | ---:' for _ in compilers) + ' | --- |']
    by = {(r[0], r[1], r[3]): r for r in rows}
    for shape in shapes:
        sizes = sorted({r[1] for r in rows if r[0] == shape})
        for i, size in enumerate(sizes):
            cells = []
            nodes = by[(shape, size, compilers[0])][2]
            for c in compilers:
                r = by[(shape, size, c)]
                if r[4] is None:
                    cells += [r[6], '']
                    continue
                growth = ''
                if i > 0 and shape in ('chain', 'sum'):
                    prev = by[(shape, sizes[i - 1], c)]
                    prev_nodes, cur_nodes = prev[2] or sizes[i - 1], nodes or size
                    if prev[4] and cur_nodes > prev_nodes:
                        growth = f'{math.pow(r[4] / prev[4], 1 / math.log2(cur_nodes / prev_nodes)):.2f}x'
                cells += [f'{r[4]:.2f} / {r[5]}', growth]
            L.append(f'| {shape} | {size} | {nodes or ""} | ' + ' | '.join(cells) + f' | {BEFORE.get((shape, size), "")} |')
    L += ['', WHAT_GROWS]
    return '\n'.join(L) + '\n'


if __name__ == '__main__':
    main()
