#!/usr/bin/env bash
# The official MCP conformance suite (@modelcontextprotocol/conformance) against the built server, with auth.
# The CLI needs Node 22 (fs.globSync): a Node 22 binary is installed from the npm registry's `node@22` package
# into a temp dir. The server (dist/, `npm run build:server` first) runs on a fresh PGlite DATA_DIR with a test
# user and an MCP-scoped personal API key; a local proxy adds the key's Authorization header.
# Fails on any failed check of a capability we claim; scenarios for capabilities we do not offer are listed as
# not applicable. Usage: tools/conformance/run.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
HERE=tools/conformance
CONFORMANCE_VERSION=${CONFORMANCE_VERSION:-0.1.16}

[ -f dist/main.js ] || { echo "dist/main.js is missing: run npm run build:server first"; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

echo "--- Node 22 from the npm registry (node@22)"
node22="$(command -v node)"
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
  npm install --silent --no-audit --no-fund --no-save --prefix "$work/node22" node@22 >/dev/null || { echo "could not install node@22"; exit 1; }
  node22="$work/node22/node_modules/node/bin/node"
fi
"$node22" --version || exit 1

echo "--- server (dist/main.js, PGlite in a temp DATA_DIR)"
port=$(free_port)
proxy_port=$(free_port)
url="http://127.0.0.1:$port"
# Clients reach the server through the proxy: its loopback origins are the ones to trust (the DNS-rebinding
# scenario sends them and expects a 2xx; any other Host/Origin must be refused).
NODE_ENV=production HOST=127.0.0.1 PORT="$port" PUBLIC_URL="$url" LOG_LEVEL=warn DATA_DIR="$work/data" \
  CORS_ORIGINS="http://localhost:$proxy_port,http://127.0.0.1:$proxy_port" \
  BETTER_AUTH_SECRET="$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")" \
  node dist/main.js >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$url/health/ready" >/dev/null || { echo "the server did not start:"; tail -n 30 "$work/server.log"; exit 1; }

echo "--- a test user and an MCP-scoped API key"
session=$(curl -s -D - -o /dev/null -H "origin: $url" -H 'content-type: application/json' \
  -d '{"name":"Conformance","email":"conformance@example.com","password":"correct horse battery staple"}' \
  "$url/api/auth/sign-up/email" | tr -d '\r' | awk -F': ' 'tolower($1)=="set-auth-token"{print $2}')
[ -n "$session" ] || { echo "sign-up failed"; exit 1; }
key=$(curl -s -H "authorization: Bearer $session" -H "origin: $url" -H 'content-type: application/json' \
  -d '{"name":"conformance","configId":"mcp"}' "$url/api/auth/api-key/create" | node -e 'let s="";process.stdin.on("data",(c)=>s+=c).on("end",()=>console.log(JSON.parse(s).key??""))')
[ -n "$key" ] || { echo "creating the API key failed"; exit 1; }

echo "--- auth proxy"
MCP_TOKEN="$key" node "$HERE/auth-proxy.mjs" "$proxy_port" "$url" &
pids+=($!)
sleep 0.5

conformance() { (cd "$work" && PATH="$(dirname "$node22"):$PATH" npx -y "@modelcontextprotocol/conformance@$CONFORMANCE_VERSION" "$@"); }
target="http://127.0.0.1:$proxy_port/mcp"
echo "--- @modelcontextprotocol/conformance@$CONFORMANCE_VERSION against $target (auth added by the proxy)"
failed=()
unclassified=()
while read -r scenario; do
  line=$(grep -E "^$scenario[[:space:]]" "$HERE/scenarios.txt")
  case "$(awk '{print $2}' <<<"$line")" in
    claimed)
      if conformance server --url "$target" --scenario "$scenario" -o "$work/results" </dev/null; then echo "PASS  $scenario"
      else echo "FAIL  $scenario"; failed+=("$scenario"); fi ;;
    n/a) printf 'N/A   %-30s %s\n' "$scenario" "$(cut -d' ' -f3- <<<"$(tr -s ' ' <<<"$line")")" ;;
    *) echo "NEW   $scenario: classify it in $HERE/scenarios.txt"; unclassified+=("$scenario") ;;
  esac
done < <(conformance list --server | sed -n 's/^  - \([^ ]*\).*/\1/p')

echo
if [ ${#failed[@]} -gt 0 ] || [ ${#unclassified[@]} -gt 0 ]; then
  echo "conformance: failed ${failed[*]:-none}; unclassified ${unclassified[*]:-none}"
  tail -n 20 "$work/server.log"
  exit 1
fi
echo "conformance: every claimed scenario passed"
