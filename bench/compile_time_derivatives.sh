#!/usr/bin/env bash
# Compile time and peak memory of symbolic derivatives against their order (docs/benchmarks.md,
# "Compile time of symbolic derivatives"). For k = 0 ... 4, one translation unit computes the
# value and the gradient of derivative<k>(f, x) at a run-time point, for the 20-node expression
#   f = tanh(x*y + z) * exp(x / (1 + z^2)) + sin(x*z) / (2 + (y - x)^2)
# (the one tests/static/derivative_orders.cpp checks); then examples/pinn.cpp; then the second
# derivative d2e/dx2 of a deep chain of nested functions, e_i = tanh(v_a * e_(i-1) + v_b) over 16
# variables, for depths 8, 16, 32 and 64 (64 steps: 209 distinct nodes in e). Each is compiled
# with g++ and clang++ at -O2 (-std=c++20 -c), REPEAT times (default 3); the table keeps the
# lowest user CPU time and the highest peak resident memory (/usr/bin/time -f "%U %M"). Each
# program is then linked and run, and prints the number of distinct nodes of its graph.
# Writes build/bench-results/compile_time_derivatives.tsv and prints a Markdown table.
# Not part of the test suite. Needs /usr/bin/time (Debian: apt-get install time).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/bench-results"
work="$root/build/bench-compile-time-derivatives"
repeat=${REPEAT:-3}
mkdir -p "$out" "$work"
if [[ ! -x /usr/bin/time ]]; then
  echo "compile_time_derivatives.sh: /usr/bin/time is missing (apt-get install time)" >&2
  exit 1
fi

generate() {  # generate <order>
  cat <<EOF
#include <cstdio>
#include <ctgrad/ctgrad.hpp>
constexpr auto x = ctgrad::var<"x">;
constexpr auto y = ctgrad::var<"y">;
constexpr auto z = ctgrad::var<"z">;
constexpr auto f = tanh(x * y + z) * exp(x / (ctgrad::c<1> + square(z))) +
                   sin(x * z) / (ctgrad::c<2> + square(y - x));
constexpr auto d = ctgrad::derivative<$1>(f, x);
int main(int argc, char**) {
  const double a = 0.1 * argc;
  const auto p = ctgrad::at(x = 3 * a, y = -4 * a, z = 5 * a);
  const auto g = ctgrad::gradient(d, p, ctgrad::wrt(x, y, z));
  std::printf("%zu %.17g %.17g %.17g %.17g\n", ctgrad::detail::sweep<decltype(d)>::size, ctgrad::value(d, p), g[x],
              g[y], g[z]);
}
EOF
}

generate_deep() {  # generate_deep <depth>: d2e/dx2 of the nested chain, value and gradient
  echo '#include <cstdio>'
  echo '#include <ctgrad/ctgrad.hpp>'
  for ((v = 0; v < 16; ++v)); do echo "constexpr auto v$v = ctgrad::var<\"v$v\">;"; done
  echo 'constexpr auto x = ctgrad::var<"x">;'
  echo 'int main(int argc, char**) {'
  echo '  const auto e0 = x;'
  for ((i = 1; i <= $1; ++i)); do
    echo "  const auto e$i = tanh(v$((i % 16)) * e$((i - 1)) + v$(((5 * i + 3) % 16)));"
  done
  echo "  const auto d = ctgrad::derivative(e$1, x, x);"
  local binds="x = 0.3"
  for ((v = 0; v < 16; ++v)); do binds+=", v$v = 0.1 * argc"; done
  echo "  const auto g = ctgrad::gradient(d, ctgrad::at($binds));"
  echo "  std::printf(\"%zu %g %g\\n\", ctgrad::detail::sweep<decltype(d)>::size, g.value(), g[x]);"
  echo '}'
}

# measure <compiler> <source> <object>: prints "<user seconds> <peak MB>" (best of $repeat), or
# "failed" with the first error line.
measure() {
  local compiler=$1 src=$2 obj=$3 best="" peak=0 seconds kb
  for ((r = 0; r < repeat; ++r)); do
    if ! /usr/bin/time -o "$work/time.txt" -f "%U %M" "$compiler" -std=c++20 -O2 \
        -I"$root/include" -c "$src" -o "$obj" 2>"$work/last_error.txt"; then
      echo "failed: $(grep -m1 -E 'error|fatal|internal' "$work/last_error.txt" | cut -c1-150)"
      return
    fi
    read -r seconds kb < <(grep -E '^[0-9.]+ [0-9]+$' "$work/time.txt")
    if [[ -z $best ]] || awk "BEGIN { exit !($seconds < $best) }"; then best=$seconds; fi
    (( kb > peak )) && peak=$kb
  done
  echo "$best $(( peak / 1024 ))"
}

tsv="$out/compile_time_derivatives.tsv"
row() {  # row <compiler> <program> <nodes> <"seconds MB" or "failed: ...">
  local seconds=$4 mb=""
  [[ $4 != failed* ]] && read -r seconds mb <<< "$4"
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$seconds" "$mb" | tee -a "$tsv"
}
echo -e "compiler\tprogram\tnodes\tuser_seconds\tpeak_mb" > "$tsv"
for compiler in g++ clang++; do
  for k in 0 1 2 3 4; do
    src="$work/order_$k.cpp"
    generate "$k" > "$src"
    result=$(measure "$compiler" "$src" "$work/order_$k.o")
    nodes=""
    if [[ $result != failed* ]]; then
      "$compiler" "$work/order_$k.o" -o "$work/order_$k" && nodes=$("$work/order_$k" | cut -d' ' -f1)
    fi
    row "$compiler" "order $k" "$nodes" "$result"
  done
  result=$(measure "$compiler" "$root/examples/pinn.cpp" "$work/pinn.o")
  row "$compiler" examples/pinn.cpp "" "$result"
  for depth in 8 16 32 64; do
    src="$work/deep_$depth.cpp"
    generate_deep "$depth" > "$src"
    result=$(measure "$compiler" "$src" "$work/deep_$depth.o")
    nodes=""
    if [[ $result != failed* ]]; then
      "$compiler" "$work/deep_$depth.o" -o "$work/deep_$depth" &&
        nodes=$("$work/deep_$depth" 2 | cut -d' ' -f1)
    fi
    row "$compiler" "d2e/dx2, depth $depth" "$nodes" "$result"
  done
done

# The table: one row per program, both compilers side by side.
echo
echo "| program | distinct nodes | g++ | clang++ |"
echo "| --- | ---: | --- | --- |"
awk -F'\t' 'NR > 1 {
    key = $2; if (!(key in nodes)) { order[++n] = key; nodes[key] = $3 }
    cell[key, $1] = ($4 ~ /^failed/) ? $4 : sprintf("%.1f s / %d MB", $4, $5)
  }
  END {
    for (i = 1; i <= n; ++i) {
      k = order[i]
      printf "| %s | %s | %s | %s |\n", k, nodes[k], cell[k, "g++"], cell[k, "clang++"]
    }
  }' "$tsv"
