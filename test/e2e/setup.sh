#!/usr/bin/env bash
# Installs what the end-to-end tests need to run a real VS Code on this machine:
#   - Debian packages: a toolchain for code-server's native modules, ripgrep, headless Chromium and
#     CJK fonts (without fonts-noto-cjk every Chinese character in a screenshot is an empty box);
#   - code-server@4.100.3 (VS Code 1.100 web workbench + Node extension host) from npm, installed with
#     install scripts off and its native modules rebuilt here (its scripts download prebuilt binaries).
# Idempotent and non-interactive: apt (scripts/setup-system.sh) is skipped when every package is installed, and the
# code-server part is skipped when its marker file exists. See test/e2e/README.md and shared/notes/vscode-e2e.md.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools/code-server"   # run-code-server.mjs expects it here
MARKER="$TOOLS/.setup-complete-$CODE_SERVER_VERSION"
APT_PACKAGES=(build-essential pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium fonts-noto-cjk)

export npm_config_yes=true        # node-pty's install script runs npx
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

log() { printf '[e2e setup] %s\n' "$*" >&2; }

# --- 1. Debian packages (skipped when every one is installed) -----------------------------------
bash "$ROOT/scripts/setup-system.sh" "${APT_PACKAGES[@]}"

# --- 2. code-server -----------------------------------------------------------------------------
if [ -f "$MARKER" ] && [ -f "$TOOLS/node_modules/code-server/out/node/entry.js" ]; then
  exit 0
fi

log "installing code-server@$CODE_SERVER_VERSION into $TOOLS (takes about a minute with a warm npm cache)"
mkdir -p "$TOOLS"
rm -f "$TOOLS"/.setup-complete-*
# A package.json of its own, so that npm installs here and never into the project's package.json.
if [ ! -f "$TOOLS/package.json" ]; then
  printf '{\n  "name": "govreport-e2e-tools",\n  "private": true\n}\n' >"$TOOLS/package.json"
fi

cd "$TOOLS"
npm install --save-exact --ignore-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION" </dev/null

VSCODE_DIR="$TOOLS/node_modules/code-server/lib/vscode"
cd "$VSCODE_DIR"
npm install --omit=dev --ignore-scripts </dev/null

# @vscode/ripgrep's install script downloads rg: use Debian's instead.
mkdir -p node_modules/@vscode/ripgrep/bin
cp -f "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

npm rebuild kerberos @vscode/deviceid @vscode/spdlog native-watchdog node-pty </dev/null

ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh

cd "$VSCODE_DIR/extensions"
npm install --omit=dev --ignore-scripts </dev/null

cd "$TOOLS"
npm rebuild argon2 </dev/null

# Check that the native modules really load before declaring success.
for mod in kerberos @vscode/spdlog native-watchdog node-pty; do
  (cd "$VSCODE_DIR" && node -e "require('$mod')") || { log "native module $mod does not load"; exit 1; }
done
(cd "$TOOLS/node_modules/code-server" && node -e "require('argon2')") || { log "argon2 does not load"; exit 1; }

date -u +%Y-%m-%dT%H:%M:%SZ >"$MARKER"
log "code-server@$CODE_SERVER_VERSION ready"
