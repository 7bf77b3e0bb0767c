# Sourced by the bench scripts: the repository root, the results folder, /usr/bin/time, a built CLI.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/results"
mkdir -p "$out"
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing; install it with: apt-get install -y time" >&2
  exit 1
fi
"$root/multisite" --version > /dev/null   # builds the jar if needed, outside the measurement
