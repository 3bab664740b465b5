#!/usr/bin/env bash
# Renders the seeds' computational graphs for docs/tutorial.md: R5, L = (w*x + b)^2, and the
# two-layer network R3, each plain and with every node's value and adjoint at the seeds' point,
# to docs/img/graph-{r5,r5-values,r3,r3-values}.svg. The DOT text comes from ctgrad::to_dot
# (examples/draw_graphs.cpp); Graphviz's `dot -Tsvg` draws it.
# Needs Debian's graphviz: if `dot` is missing, this script installs it with
# `apt-get install -y graphviz` (as root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v dot >/dev/null; then
  echo "render_graphs: installing graphviz (apt-get install -y graphviz)"
  apt-get install -y graphviz >/dev/null
fi
build="$root/build/docs"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCTGRAD_BUILD_TESTS=OFF \
  -DCTGRAD_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target draw_graphs >/dev/null
mkdir -p "$root/docs/img"
for graph in r5 r5-values r3 r3-values; do
  "$build/examples/draw_graphs" "$graph" | dot -Tsvg > "$root/docs/img/graph-$graph.svg"
  echo "docs/img/graph-$graph.svg"
done
