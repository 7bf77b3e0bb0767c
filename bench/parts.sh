#!/usr/bin/env bash
# Fleet-mode benchmarks (docs/fleet.md):
#  1. The deployment estimate of prod, global and a 52-site `init` fleet: the critical path of a
#     first deployment as one stack and through the parts (waves of the part graph, each part's own
#     critical path), from the offline plans and typical creation times. Target: parts <= 1.15x.
#  2. The offline plan of one site's part (site-aws-useast1) in a 2-site and in a 52-site fleet,
#     measured side by side (runs alternate, best of RUNS each). Target: 52 sites <= 1.2x 2 sites.
# Results also go to bench/results/parts.tsv.
set -euo pipefail
runs="${RUNS:-5}"
part="${PART:-site-aws-useast1}"
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

for n in 2 52; do
  "$root/multisite" init --sites "$n" --out "$out/Pulumi.fleet$n.yaml" > /dev/null
done

printf 'what\tone_stack_min\tparts_min\tratio\n' > "$out/parts.tsv"
echo "deployment estimate (minutes; critical path of a first deployment):"
for stack in prod global fleet52; do
  if [ "$stack" = fleet52 ]; then args=(--stack-file "$out/Pulumi.fleet52.yaml"); else args=(--stack "$stack"); fi
  (cd "$root" && "$root/multisite" parts "${args[@]}" --estimate) > "$out/estimate-$stack.txt"
  one=$(sed -n 's/^one stack: \([0-9.]*\) min.*/\1/p' "$out/estimate-$stack.txt")
  parts=$(sed -n 's/^parts: *\([0-9.]*\) min (\([0-9.]*\)x.*/\1/p' "$out/estimate-$stack.txt")
  ratio=$(sed -n 's/^parts: *[0-9.]* min (\([0-9.]*\)x.*/\1/p' "$out/estimate-$stack.txt")
  printf '  %-8s one stack %6s   parts %6s   ratio %s\n' "$stack" "$one" "$parts" "$ratio"
  printf 'estimate-%s\t%s\t%s\t%s\n' "$stack" "$one" "$parts" "$ratio" >> "$out/parts.tsv"
done

echo "offline plan of part $part (wall seconds, peak RSS MB; best of $runs, runs alternating):"
declare -A wall rss
for _ in $(seq "$runs"); do
  for n in 2 52; do
    stats=$( { /usr/bin/time -f '%e %M' "$root/multisite" plan --stack-file "$out/Pulumi.fleet$n.yaml" --part "$part" --no-policy \
      > "$out/part$n.txt"; } 2>&1 | tail -n 1)
    w=${stats% *}; r=${stats#* }
    if [ -z "${wall[$n]:-}" ] || awk "BEGIN{exit !($w < ${wall[$n]})}"; then wall[$n]=$w; fi
    if [ -z "${rss[$n]:-}" ] || [ "$r" -lt "${rss[$n]}" ]; then rss[$n]=$r; fi
  done
done
for n in 2 52; do
  resources=$(sed -n "s/.*: \([0-9]*\) resources to create.*/\1/p" "$out/part$n.txt")
  printf '  %2s sites: %5s s  %4s MB  %s resources\n' "$n" "${wall[$n]}" "$((rss[$n] / 1024))" "$resources"
  printf 'part-%s-sites\t%s\t%s\t%s\n' "$n" "${wall[$n]}" "$((rss[$n] / 1024))" "$resources" >> "$out/parts.tsv"
done
ratio=$(awk "BEGIN{printf \"%.2f\", ${wall[52]} / ${wall[2]}}")
echo "  52/2 ratio: $ratio (target <= 1.2)"
printf 'part-ratio-52/2\t%s\t\t\n' "$ratio" >> "$out/parts.tsv"
