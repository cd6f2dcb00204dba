#!/usr/bin/env bash
# Installs code-server (VS Code 1.100 served to a browser) plus playwright-core
# into a cache folder, so scripts/run-vscode-tests.js can run extension test
# suites inside a real VS Code on a machine that cannot download VS Code.
#
# Everything comes from the npm registry and Debian packages: code-server's own
# postinstall (which downloads binaries) is skipped and its steps are redone
# here by hand. Idempotent: a stamp file records a finished install.
#
# Usage: bash scripts/setup-code-server.sh     (ROLE_PROTOCOLS_CACHE overrides
#        the cache root, default <repo>/.cache)
set -euo pipefail

# 4.100 is VS Code 1.100 on Node 20; later code-server releases need Node 24.
CODE_SERVER_VERSION=4.100.0
PLAYWRIGHT_CORE_VERSION=1.65.1
# Bump when the steps below change, so existing caches are redone.
RECIPE=1

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_ROOT="${ROLE_PROTOCOLS_CACHE:-$REPO/.cache}"
DEST="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
STAMP="$DEST/.installed"
STAMP_TEXT="code-server $CODE_SERVER_VERSION playwright-core $PLAYWRIGHT_CORE_VERSION recipe $RECIPE"

step() { echo "==> [setup-code-server] $*"; }
SECONDS=0

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$STAMP_TEXT" ]]; then
  step "already installed in $DEST (delete $STAMP to redo)"
  exit 0
fi

# --- Debian packages ---------------------------------------------------------
# chromium: the browser that hosts the VS Code UI (playwright cannot download one).
# ripgrep: replaces the rg binary that @vscode/ripgrep's postinstall downloads.
# libkrb5-dev: headers for the kerberos native module.
# build-essential/python3: node-gyp needs a compiler, make and python.
APT_PKGS=(chromium ripgrep libkrb5-dev)
command -v g++ >/dev/null && command -v make >/dev/null || APT_PKGS+=(build-essential)
command -v python3 >/dev/null || APT_PKGS+=(python3)
MISSING=()
for p in "${APT_PKGS[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || MISSING+=("$p")
done
if ((${#MISSING[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    step "apt-get install ${MISSING[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${MISSING[@]}"
  else
    echo "Missing Debian packages: ${MISSING[*]}. Run as root:" >&2
    echo "  apt-get update && apt-get install -y ${MISSING[*]}" >&2
    exit 1
  fi
fi
RG="$(command -v rg)"

# Quiet npm: no audit/fund chatter; npm_config_yes answers npx prompts that
# some native modules' install scripts raise during `npm rebuild`.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_yes=true

# --- code-server and playwright-core ----------------------------------------
mkdir -p "$DEST"
cd "$DEST"
# Own package.json: without it npm walks up and would install into the repo.
if [[ ! -f package.json ]]; then
  echo '{ "name": "code-server-cache", "private": true }' >package.json
fi
step "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION (scripts skipped)"
npm install --ignore-scripts --no-save \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION"

# argon2 (password hashing; unused with --auth none but loaded at start) is
# hoisted here, next to code-server.
step "npm rebuild argon2"
npm rebuild argon2

# --- VS Code itself (lib/vscode), what code-server's postinstall would do ----
VSCODE="$DEST/node_modules/code-server/lib/vscode"
cd "$VSCODE"
step "npm install in lib/vscode (production deps, scripts skipped)"
npm install --omit=dev --ignore-scripts

step "ripgrep: copy $RG into @vscode/ripgrep"
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$RG" node_modules/@vscode/ripgrep/bin/rg

step "npm rebuild native modules in lib/vscode (compiles C++: about 30 s on 2 cores)"
npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog

# Built VS Code and its extensions look for some files (the rg binary, the
# oniguruma wasm) under node_modules.asar; the plain folder serves as well.
[[ -e node_modules.asar ]] || ln -s node_modules node_modules.asar

step "npm install in lib/vscode/extensions (built-in extensions' deps)"
cd "$VSCODE/extensions"
npm install --omit=dev --ignore-scripts

# Check that it starts at all before declaring success. The config/data
# variables keep code-server from writing a config file into ~/.config.
step "checking: code-server --version"
CHECK_DIR="$(mktemp -d)"
CODE_SERVER_CONFIG="$CHECK_DIR/config.yaml" XDG_DATA_HOME="$CHECK_DIR" \
  node "$DEST/node_modules/code-server/out/node/entry.js" --version
rm -rf "$CHECK_DIR"

echo "$STAMP_TEXT" >"$STAMP"
step "done in ${SECONDS}s: $DEST"
