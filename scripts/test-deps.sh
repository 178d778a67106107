#!/usr/bin/env bash
# test-deps.sh — install what the tests need beyond Go, idempotently:
# the third-party readers the export tests hand their files to (xmllint,
# Graphviz with a CJK font, networkx and igraph under Debian's python3).
# Needs root (or sudo) for apt-get. Prints what it installed.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

DEB_PKGS=(libxml2-utils graphviz fonts-noto-cjk python3 python3-networkx python3-igraph)

missing=()
for p in "${DEB_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test-deps: apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "test-deps: $(xmllint --version 2>&1 | head -n1); $(dot -V 2>&1); $(/usr/bin/python3 -c 'import networkx, igraph; print("networkx", networkx.__version__, "igraph", igraph.__version__)')"
