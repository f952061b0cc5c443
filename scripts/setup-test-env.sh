#!/usr/bin/env bash
# Installs what a real VS Code needs and npm's project install does not provide: Debian Chromium (+ code-server's
# native build deps), Node 24 and code-server. Everything lands in one cache folder ($PROVIDER_DESK_CACHE), so a warm
# machine skips it all; every step checks what it needs itself and never trusts a half-finished earlier run.
# Works with npm 10 and npm 11.19+ (which refuses --allow-scripts in a project folder: nothing here is run from one).
set -euo pipefail
CACHE=${PROVIDER_DESK_CACHE:-$HOME/.cache/provider-desk-test}
CS_VERSION=${CS_VERSION:-4.139.1}
NODE_MAJOR=24
say() { echo "[setup $(date +%T)] $*"; }
# Run by `npm test` or `npm start`, this script inherits the calling npm's own settings (its Node version in the user
# agent, which code-server's install script checks; its prefix, nodedir and allow-scripts). The installs below are
# separate npm runs with their own Node and folder, so they must not inherit them. The user's npmrc still applies.
for var in $(compgen -e); do
  case $var in
    npm_config_user_agent|npm_config_node_gyp|npm_config_nodedir|npm_config_npm_version|npm_config_local_prefix|\
    npm_config_prefix|npm_config_global_prefix|npm_config_allow_scripts|npm_execpath|npm_node_execpath|npm_command|\
    npm_lifecycle_*|npm_package_*) unset "$var" ;;
  esac
done
mkdir -p "$CACHE"
# An empty folder outside any project, so npm sees no package.json, .npmrc or allowScripts of ours.
WORK=$(mktemp -d "$CACHE/.install-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

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

# code-server >= 4.133 refuses any Node but 24. The platform package node-<os>-<arch> carries the binary and headers
# and has no install script (the `node` wrapper package needs one), so any npm installs it the same way.
case "$(uname -m)" in x86_64) ARCH=x64 ;; aarch64|arm64) ARCH=arm64 ;; *) ARCH=$(uname -m) ;; esac
NODE_PKG=node-linux-$ARCH
NODE24_HOME=$CACHE/node$NODE_MAJOR/node_modules/$NODE_PKG
if ! "$NODE24_HOME/bin/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  say "npm install $NODE_PKG@$NODE_MAJOR into $CACHE/node$NODE_MAJOR"
  rm -rf "$CACHE/node$NODE_MAJOR" "$WORK/node"
  mkdir -p "$WORK/node"
  (cd "$WORK/node" && echo '{"private":true}' >package.json \
    && npm install --no-audit --no-fund --no-package-lock --ignore-scripts "$NODE_PKG@$NODE_MAJOR" >/dev/null)
  "$WORK/node/node_modules/$NODE_PKG/bin/node" --version >/dev/null
  mv "$WORK/node" "$CACHE/node$NODE_MAJOR"
fi

CS_HOME=$CACHE/code-server-$CS_VERSION
if [ ! -x "$CS_HOME/bin/code-server" ] || [ ! -f "$CS_HOME/.complete" ]; then
  say "npm install code-server@$CS_VERSION into $CS_HOME (compiles native modules, ~3 minutes)"
  rm -rf "$CS_HOME"
  # A global install (--prefix) is not project-scoped, so npm 11.19 takes --allow-scripts; npm 10 runs them anyway.
  (cd "$WORK" && PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install -g --prefix "$WORK/cs" --no-audit --no-fund --allow-scripts=code-server,argon2 "code-server@$CS_VERSION" >/dev/null)
  "$WORK/cs/bin/code-server" --version >/dev/null
  mv "$WORK/cs" "$CS_HOME"
  touch "$CS_HOME/.complete"
fi
say "ready: $("$NODE24_HOME/bin/node" --version), code-server $CS_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1)"
