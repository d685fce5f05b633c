#!/usr/bin/env bash
# Proves the README: runs `npm start`, then the README's "A first query", "case chain" and
# "Signing in" blocks verbatim, and checks the statuses, the SLA alarm event, the caught alarm
# e-mail and a service account's token from the demo OIDC provider.
set -euo pipefail
cd "$(dirname "$0")/../.."
log=$(mktemp)
# Its own process group, so stopping it stops npm, the launcher, the gateway and the sandbox.
setsid npm start >"$log" 2>&1 &
starter=$!
trap 'kill -- -$starter 2>/dev/null || true; wait $starter 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q 'Frontdoor is running' "$log" && break
  if ! kill -0 $starter 2>/dev/null; then cat "$log"; echo "npm start exited" >&2; exit 1; fi
  sleep 0.5
done
grep -q 'Frontdoor is running' "$log" || { cat "$log"; echo "npm start did not come up" >&2; exit 1; }
block=$(awk '/^## A first query/{f=1} f&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md)
answer=$(bash -c "$block")
echo "$answer"
echo "$answer" | grep -q '"label":"Plats erbjuden"' || { echo "README first query did not return the expected statuses" >&2; exit 1; }
echo "README first query: OK"

flow=$(awk '/^## The case chain/{f=1} f&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md)
chain=$(bash -c "$flow")
echo "$chain"
echo "$chain" | grep -q 'SLA_ALARM' || { echo "README case chain: no SLA alarm in the timeline" >&2; exit 1; }
echo "$chain" | grep -q 'Försenat ärende' || { echo "README case chain: no alarm e-mail caught" >&2; exit 1; }
echo "$chain" | grep -q '"resolvedAtFirstLine":{"share":' || { echo "README case chain: no service statistics" >&2; exit 1; }
echo "README case chain: OK"

signin=$(awk '/^## Signing in/{f=1} f&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md)
service=$(bash -c "$signin")
echo "$service"
echo "$service" | grep -q '"plugins":\[{"id":' || { echo "README signing in: the service account's token did not work" >&2; exit 1; }
echo "README signing in: OK"

eservices=$(awk '/^## Mina ärenden and the e-services/{f=1} f&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md)
answers=$(bash -c "$eservices")
echo "$answers"
echo "$answers" | grep -q '\[{"service_code":"' || { echo "README e-services: no Open311 services" >&2; exit 1; }
echo "$answers" | grep -q '<agency_responsible>Svarsgrupp avfall</agency_responsible>' || { echo "README e-services: the Open311 request was not read back" >&2; exit 1; }
echo "$answers" | grep -q '"kundhandelseTyp":"EXEMPELSTAD\.' || { echo "README e-services: no customer events" >&2; exit 1; }
grep -q 'Mina ärenden    http://127.0.0.1:4000/mina-arenden/' "$log" || { echo "npm start did not print the citizen page" >&2; exit 1; }
page=$(curl -sf http://127.0.0.1:4000/mina-arenden/)
echo "$page" | grep -q '<title>Mina ärenden' || { echo "the citizen page is not served" >&2; exit 1; }
echo "README e-services: OK"

secrecy=$(awk '/^## "När får jag mina pengar\?"/{f=1} f&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md)
call=$(bash -c "$secrecy")
echo "$call"
echo "$call" | grep -q 'Sekretess: identifiera den som ringer' || { echo "README secrecy call: income support was not withheld before identification" >&2; exit 1; }
echo "$call" | grep -q '"state":"COMPLETE"' || { echo "README secrecy call: BankID identification did not complete" >&2; exit 1; }
echo "$call" | grep -q '"source":"income-support"' || { echo "README secrecy call: no income-support matter after identification" >&2; exit 1; }
echo "$call" | grep -q '"reference":"FD-' || { echo "README secrecy call: the contact was not registered" >&2; exit 1; }
echo "README secrecy call: OK"
