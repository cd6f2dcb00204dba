#!/usr/bin/env bash
# Builds Red Hat's YAML extension (redhat.vscode-yaml, MIT) from its source
# into a .vsix, for running the coexistence suite against the real thing
# (node scripts/test-vscode.js --yaml-extension <vsix>; test/vscode/README.md).
# Not part of `npm test`: it needs Red Hat's source and a few minutes.
#
# Usage: bash scripts/build-yaml-extension.sh <source folder> <out.vsix>
#   <source folder>: a checkout (or unpacked archive) of
#   github.com/redhat-developer/vscode-yaml, e.g. the 1.25.0 release. It is
#   copied first: the checkout is not changed.
#
# Its lockfile pins a yaml-language-server prerelease the npm registry does not
# have, so the released 1.25.0 is installed instead; install scripts are not
# run (none is needed to build); webpack bundles it as Red Hat's own
# `vscode:prepublish` does, and our vsce packages it.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: bash scripts/build-yaml-extension.sh <vscode-yaml source folder> <out.vsix>" >&2
  exit 2
fi
SOURCE="$(cd "$1" && pwd)"
OUT="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
[ -f "$SOURCE/package.json" ] || { echo "no package.json in $SOURCE" >&2; exit 1; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/vscode-yaml-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
echo "[build-yaml-extension] copying $SOURCE to $WORK"
tar -C "$SOURCE" --exclude=./node_modules --exclude=./.git -cf - . | tar -C "$WORK" -xf -
cd "$WORK"
node -e '
  const fs = require("fs");
  const p = JSON.parse(fs.readFileSync("package.json", "utf8"));
  p.dependencies["yaml-language-server"] = "1.25.0";
  fs.writeFileSync("package.json", JSON.stringify(p, null, 2) + "\n");
'
rm -f package-lock.json
echo "[build-yaml-extension] npm install (yaml-language-server 1.25.0, --ignore-scripts)"
npm install --ignore-scripts --no-audit --no-fund --loglevel=error
echo "[build-yaml-extension] webpack --mode production"
npx --no-install webpack --mode production
cp -r node_modules/yaml-language-server/l10n dist/l10n
echo "[build-yaml-extension] packaging with vsce"
# The build above is the prepublish step: vsce is told not to run it again.
node -e '
  const fs = require("fs");
  const p = JSON.parse(fs.readFileSync("package.json", "utf8"));
  delete p.scripts["vscode:prepublish"];
  fs.writeFileSync("package.json", JSON.stringify(p, null, 2) + "\n");
'
node "$REPO/node_modules/@vscode/vsce/vsce" package --allow-missing-repository --skip-license -o "$OUT"
echo "[build-yaml-extension] wrote $OUT ($(du -k "$OUT" | cut -f1) KiB)"
