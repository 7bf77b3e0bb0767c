#!/usr/bin/env bash
# Benchmark of the offline plan: generates stack files of 2, 13 and 52 sites (./multisite init)
# and reports, for each, the wall time and peak RSS of `./multisite plan` (best of RUNS runs), and
# the ratios 13/2 and 52/13. Targets (see docs/benchmark.md): 13-site plan <= 1.3x the 2-site plan,
# peak RSS <= 300 MB. Then the committed data stack (BENCH_DATA=0 skips it). Results also go to
# bench/results/plan.tsv.
set -euo pipefail
runs="${RUNS:-5}"
sizes=(${SIZES:-2 13 52})
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# Plans stack file $1 RUNS times, its output to $2; sets best_wall (s), best_rss (KB) and resources.
best_of_runs() {
  local stack_file=$1 plan_out=$2 stats w r
  best_wall=""; best_rss=""
  for _ in $(seq "$runs"); do
    stats=$( { /usr/bin/time -f '%e %M' "$root/multisite" plan --stack-file "$stack_file" > "$plan_out"; } 2>&1 | tail -n 1)
    w=${stats% *}; r=${stats#* }
    if [ -z "$best_wall" ] || awk "BEGIN{exit !($w < $best_wall)}"; then best_wall=$w; fi
    if [ -z "$best_rss" ] || [ "$r" -lt "$best_rss" ]; then best_rss=$r; fi
  done
  resources=$(sed -n 's/.*: \([0-9]*\) resources to create.*/\1/p' "$plan_out")
}

printf 'sites\tresources\twall_s\tpeak_rss_mb\n' > "$out/plan.tsv"
declare -A wall rss
for n in "${sizes[@]}"; do
  file="$out/Pulumi.bench$n.yaml"
  "$root/multisite" init --sites "$n" --out "$file"
  best_of_runs "$file" "$out/plan$n.txt"
  wall[$n]=$best_wall; rss[$n]=$((best_rss / 1024))
  printf '%s\t%s\t%s\t%s\n' "$n" "$resources" "$best_wall" "${rss[$n]}" | tee -a "$out/plan.tsv"
done
# The committed data stack (six cloud sites, a primary and a replica on RDS, Cloud SQL and Flexible
# Server, Route 53 and Cloudflare), planned the same way: one more row, outside the ratios.
if [ "${BENCH_DATA:-1}" = 1 ]; then
  best_of_runs "$root/stacks/Pulumi.data.yaml" "$out/plan-data.txt"
  printf '%s\t%s\t%s\t%s\n' "data" "$resources" "$best_wall" "$((best_rss / 1024))" | tee -a "$out/plan.tsv"
fi
if [ -n "${wall[2]:-}" ] && [ -n "${wall[13]:-}" ]; then
  awk -v a="${wall[13]}" -v b="${wall[2]}" 'BEGIN{printf "ratio 13/2 wall: %.2f (target <= 1.30)\n", a/b}'
fi
if [ -n "${wall[13]:-}" ] && [ -n "${wall[52]:-}" ]; then
  awk -v a="${wall[52]}" -v b="${wall[13]}" 'BEGIN{printf "ratio 52/13 wall: %.2f\n", a/b}'
fi
