#!/usr/bin/env bash
# The offline plan of every example stack on a 2-CPU JVM (-XX:ActiveProcessorCount=2, the size of
# many CI runners), under the JDK on PATH and every other JDK given in JDKS (default: the
# Temurin/OpenJDK 21+ installs under /usr/lib/jvm). JVM flags are the defaults, not the multisite
# script's: this is how `pulumi up` starts the program. Prints wall time and peak RSS per run;
# a run that exceeds TIMEOUT seconds is reported as such (the SDK's polling loop starving the
# common pool looked like that before CommonPool). Results also go to bench/results/jdks.tsv.
set -euo pipefail
timeout_s="${TIMEOUT:-300}"
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
jar="$root/stacks/target/multisite-stacks.jar"
javas=("$(command -v java)")
if [ -n "${JDKS:-}" ]; then
  for j in $JDKS; do javas+=("$j/bin/java"); done
else
  for j in /usr/lib/jvm/*; do
    # A major version of 21 or later right after a dash (temurin-25-jdk-amd64), not the 64 of amd64.
    case "$(basename "$j")" in *-2[1-9]-*|*-2[1-9]|*-[3-9][0-9]-*|*-[3-9][0-9]) [ -x "$j/bin/java" ] && javas+=("$j/bin/java") ;; esac
  done
fi
printf 'jdk\tstack\twall_s\tpeak_rss_mb\n' | tee "$out/jdks.tsv"
for java in "${javas[@]}"; do
  version=$("$java" -version 2>&1 | head -n 1 | sed 's/.*version "\([^"]*\)".*/\1/')
  for stack in dev prod global data; do
    stats_file="$(mktemp)"
    if /usr/bin/time -o "$stats_file" -f '%e %M' timeout "$timeout_s" "$java" -XX:ActiveProcessorCount=2 -cp "$jar" \
        dev.multisite.stack.cli.MultisiteCli plan --stack-file "$root/stacks/Pulumi.$stack.yaml" > /dev/null 2>&1; then
      stats=$(tail -n 1 "$stats_file")
      printf '%s\t%s\t%s\t%s\n' "$version" "$stack" "${stats% *}" "$(( ${stats#* } / 1024 ))" | tee -a "$out/jdks.tsv"
    else
      printf '%s\t%s\tfailed-or-timeout(%ss)\t-\n' "$version" "$stack" "$timeout_s" | tee -a "$out/jdks.tsv"
    fi
    rm -f "$stats_file"
  done
done
