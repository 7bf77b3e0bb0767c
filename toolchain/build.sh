#!/usr/bin/env bash
# Builds the real Pulumi toolchain that the end-to-end tests run (the CLI and its language hosts) from
# their published Go modules, into a cache outside the repository. Idempotent: a binary whose pinned
# version is already built is kept. One line per step with its time; a module the Go proxy refuses
# gets one line naming it and its version, and the other steps still run. Never commit what it builds.
#
#   toolchain/build.sh            # builds into $MULTISITE_TOOLCHAIN (default ~/.cache/multisite-toolchain)
#   toolchain/build.sh --print    # prints the bin directory and the pinned versions, builds nothing
#
# Why a wrapper module per binary: github.com/pulumi/pulumi/pkg/v3's go.mod has replace lines
# (sdk/v3 => ../sdk), so `go install .../pkg/v3/cmd/pulumi@vX` is refused ("The go.mod file for the
# module providing named packages contains one or more replace directives"); a module of our own that
# requires pkg/v3 and sdk/v3 at the same version builds it (go.dev/ref/mod#go-install).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
. "$here/versions.env"
cache="${MULTISITE_TOOLCHAIN:-$HOME/.cache/multisite-toolchain}"
bin="$cache/bin"

if [ "${1:-}" = "--print" ]; then
  echo "bin=$bin"
  grep -E '^[A-Z_]+=' "$here/versions.env"
  exit 0
fi
if ! command -v go > /dev/null; then
  echo "toolchain: not built: no Go on PATH (the real-CLI tests will say they did not run)"
  exit 0
fi
mkdir -p "$bin" "$cache/wrappers"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

# build NAME MAIN_PACKAGE LDFLAGS REQUIRE... [-- REPLACE...]
# Builds MAIN_PACKAGE into $bin/NAME from a wrapper module that requires exactly REQUIRE (module@version)
# and carries REPLACE (old=new@version) lines, as the upstream go.mod does.
build() {
  local name=$1 main=$2 ldflags=$3; shift 3
  local requires=() replaces=() in_replace=0
  for arg in "$@"; do
    if [ "$arg" = "--" ]; then in_replace=1; continue; fi
    if [ $in_replace = 1 ]; then replaces+=("$arg"); else requires+=("$arg"); fi
  done
  local stamp="$bin/.$name.version" want="${requires[*]} ${replaces[*]} $ldflags"
  local start=$SECONDS
  if [ -x "$bin/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    echo "toolchain: $name ${requires[0]} already built (0 s)"
    return 0
  fi
  local dir="$cache/wrappers/$name" log="$cache/wrappers/$name.log"
  rm -rf "$dir" && mkdir -p "$dir"
  printf 'module multisite.local/toolchain/%s\n\ngo %s\n' "$name" "$GO_LANGUAGE_VERSION" > "$dir/go.mod"
  # The tools.go pattern: a file that is never compiled names the main package, so that `go mod tidy`
  # resolves its imports at the pinned versions (minimums under minimal version selection) without the
  # upgrades a versionless `go get` would make.
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$main" > "$dir/tools.go"
  local r
  for r in "${requires[@]}"; do
    (cd "$dir" && go mod edit -require "$r")
  done
  for r in "${replaces[@]}"; do
    (cd "$dir" && go mod edit -replace "$r")
  done
  if ! (cd "$dir" && go mod tidy) > "$log" 2>&1; then
    # The proxy answers a module it does not serve with 403 "This module version is not available".
    local why
    why=$(grep -m1 -E 'not available|Forbidden|Not Found|invalid version|unknown revision' "$log" | sed -E 's/reading https?:[^ ]*: //' | tr -s '\t ' ' ' | head -c 400)
    echo "toolchain: $name from ${requires[0]}: not resolved (${why:-see $log}) [$((SECONDS - start)) s]"
    return 1
  fi
  if ! (cd "$dir" && go build -trimpath -ldflags "-s -w $ldflags" -o "$bin/$name.tmp" "$main") >> "$log" 2>&1; then
    echo "toolchain: $name from ${requires[0]}: go build failed ($(tail -n 1 "$log" | head -c 300)) [$((SECONDS - start)) s]"
    return 1
  fi
  mv -f "$bin/$name.tmp" "$bin/$name"
  echo "$want" > "$stamp"
  echo "toolchain: $name ${requires[0]} built [$((SECONDS - start)) s]"
}

# The CLI. Its plugins compare against the version set here (sdk/go/common/version).
build pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
  "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
  "github.com/pulumi/pulumi/pkg/v3@v$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_VERSION"

# The Java language host. Since pulumi-java v1.23.0 its Go module is the repository root; the proxy
# refuses that module at every version (403 "This module version is not available"), so the newest
# served host is the older module path .../pulumi-java/pkg at $PULUMI_JAVA_HOST_VERSION. Its two
# replace lines are copied from its go.mod. The pinned one is tried first, so the day the proxy serves
# it, it is the one built.
java_replaces=(github.com/Sirupsen/logrus=github.com/sirupsen/logrus@v1.8.3 github.com/gogo/protobuf=github.com/gogo/protobuf@v1.3.2)
build pulumi-language-java github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java \
  "-X github.com/pulumi/pulumi-java/pkg/version.Version=$PULUMI_JAVA_VERSION" \
  "github.com/pulumi/pulumi-java@$PULUMI_JAVA_VERSION" -- "${java_replaces[@]}" ||
build pulumi-language-java github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java \
  "-X github.com/pulumi/pulumi-java/pkg/version.Version=$PULUMI_JAVA_HOST_VERSION" \
  "github.com/pulumi/pulumi-java/pkg@$PULUMI_JAVA_HOST_VERSION" -- "${java_replaces[@]}"

build pulumi-language-yaml github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml \
  "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$PULUMI_YAML_VERSION" \
  "github.com/pulumi/pulumi-yaml@$PULUMI_YAML_VERSION"

# The Node.js and Python hosts are modules of their own inside pulumi/pulumi, untagged: the only
# version is the pseudo-version of the CLI's commit.
build pulumi-language-nodejs github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 \
  "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
  "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@$PULUMI_COMMIT"
build pulumi-language-python github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3 \
  "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION" \
  "github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3@$PULUMI_COMMIT"

# What was built is what the tests use; a refused host is reported above and not fatal.
[ -x "$bin/pulumi" ] || exit 1
exit 0
