#!/usr/bin/env bash
# test-deps.sh — install what the tests need beyond Go, idempotently: the
# third-party readers the export tests hand their files to, and the browser
# the web UI test drives.
#   Debian: xmllint, jing (RELAX NG), Graphviz with CJK and emoji fonts,
#           networkx, igraph, pydot and rdflib under Debian's python3,
#           node and npm when no node is installed, Chromium (headless, for
#           the Cayley web UI test in server/)
#   PostgreSQL on 127.0.0.1:5432 with database test (scripts/postgres.sh)
#   npm:    graphology + graphology-graphml + graphology-gexf (the versions
#           Gephi Lite uses), Cytoscape.js and N3.js, pinned in
#           internal/clients/node/package-lock.json and installed there
#           (node_modules is git-ignored)
# Needs root (or sudo) for apt-get. Prints what it installed.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

DEB_PKGS=(libxml2-utils jing graphviz fontconfig fonts-noto-cjk fonts-noto-color-emoji
  python3 python3-networkx python3-igraph python3-pydot python3-rdflib chromium)
# node may come from elsewhere (NodeSource); ask apt only when it is absent
command -v node >/dev/null 2>&1 || DEB_PKGS+=(nodejs)
command -v npm >/dev/null 2>&1 || DEB_PKGS+=(npm)

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

# The PostgreSQL server the store's conformance suite runs against.
scripts/postgres.sh

NODE_DIR=internal/clients/node
if [ ! -d "$NODE_DIR/node_modules" ] || ! (cd "$NODE_DIR" && npm ls --all >/dev/null 2>&1); then
  echo "test-deps: npm ci in $NODE_DIR"
  (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "test-deps: $(chromium --version 2>/dev/null | head -n1)"
echo "test-deps: $(xmllint --version 2>&1 | head -n1); jing $(dpkg-query -W -f='${Version}' jing); $(dot -V 2>&1)"
/usr/bin/python3 -c 'import networkx, igraph, pydot, rdflib; print("test-deps: networkx", networkx.__version__, "igraph", igraph.__version__, "pydot", pydot.__version__, "rdflib", rdflib.__version__)'
(cd "$NODE_DIR" && node -e '
const fs = require("fs");
const v = p => JSON.parse(fs.readFileSync("node_modules/" + p + "/package.json", "utf8")).version;
console.log("test-deps: node " + process.version + ", " + ["graphology", "graphology-graphml", "graphology-gexf", "cytoscape", "n3"].map(p => p + " " + v(p)).join(", "));')
