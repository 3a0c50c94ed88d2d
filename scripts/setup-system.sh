#!/usr/bin/env bash
# Installs the Debian packages the tests need, and nothing when they are all there (idempotent,
# non-interactive). With no argument: what the unit tests need, fonts-noto-cjk (the CJK font the PDF tests
# draw their reports with); test/e2e/setup.sh passes its own longer list. Runs apt as root, or through
# sudo -n; `npm test` runs it first.
set -euo pipefail

if [ "$#" -gt 0 ]; then
  PACKAGES=("$@")
else
  PACKAGES=(fonts-noto-cjk)
fi

export DEBIAN_FRONTEND=noninteractive

log() { printf '[setup-system] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  status="$(dpkg -s "$pkg" 2>/dev/null || true)"
  if [[ "$status" != *"Status: install ok installed"* ]]; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

log "installing Debian packages: ${missing[*]}"
apt_install() {
  as_root apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confold "${missing[@]}" </dev/null
}
# Update the package lists only when needed: when there are none, or when installing from them fails
# (stale lists point at files the mirror no longer has).
if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
  as_root apt-get update -q </dev/null
  apt_install
elif ! apt_install; then
  log "apt-get install failed; updating package lists and retrying"
  as_root apt-get update -q </dev/null
  apt_install
fi
