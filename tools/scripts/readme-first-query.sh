#!/usr/bin/env bash
# Proves the README: runs `npm start`, then the README's blocks verbatim ("A first query", the
# case chain, signing in, the e-services, the secrecy call, e-mail in, callbacks, the survey,
# the demo's spike and notice), and checks what each must show.
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
departments=$(echo "$answer" | grep -o '"source":"[^"]*"' | sort -u | wc -l)
[ "$departments" -ge 9 ] || { echo "README first query: matters from $departments departments, the README promises nine" >&2; exit 1; }
echo "README first query: OK"

flow=$(awk '/^## The case chain/{f=1} f&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md)
chain=$(bash -c "$flow")
echo "$chain"
echo "$chain" | grep -q 'SLA_ALARM' || { echo "README case chain: no SLA alarm in the timeline" >&2; exit 1; }
# One overdue case is mailed alone; with earlier runs' cases in data/ the alarm comes as a digest.
echo "$chain" | grep -qE 'Försenat ärende|Försenade ärenden' || { echo "README case chain: no alarm e-mail caught" >&2; exit 1; }
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

# Runs the README's block under a heading and greps its output for what it must show; each check
# names what was missing. The blocks poll (bounded) for what is sent by jobs, never sleep blindly.
readme_block() { awk -v heading="$1" '$0==heading{f=1;next} f&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md; }
must_show() {
  local output=$1 pattern=$2 what=$3
  echo "$output" | grep -q -- "$pattern" || { echo "$what" >&2; exit 1; }
}

# In a directory of its own: the block writes the mails it sends (mail.txt, reply.txt).
mail_block=$(readme_block '## E-mail in')
mail_in=$(cd "$(mktemp -d)" && bash -c "$mail_block")
echo "$mail_in"
must_show "$mail_in" '"answerCaseByEmail":{"reference":"FD-' "README e-mail in: the mail did not become a case answered by e-mail"
must_show "$mail_in" '"disposition":"NEW_CASE"' "README e-mail in: the case has no incoming mail"
must_show "$mail_in" '"disposition":"ACKNOWLEDGEMENT"' "README e-mail in: no acknowledgement on the case"
must_show "$mail_in" '"disposition":"ANSWER","subject":"Re: Felparkerad bil \[FD-' "README e-mail in: the answer did not go out with the reference in the subject"
must_show "$mail_in" '"disposition":"JOINED_CASE"' "README e-mail in: the citizen's reply did not join the case"
must_show "$mail_in" '"channel":"EMAIL","withinWorkingDays":2,"answeredInTime":{"share":[0-9.]*,"basis":[1-9]' "README e-mail in: the answer is not counted in servicemål 4"
echo "README e-mail in: OK"

callbacks=$(bash -c "$(readme_block '### Callbacks instead of queueing')")
echo "$callbacks"
must_show "$callbacks" '"status":"WAITING"' "README callbacks: the platform's request was not taken"
must_show "$callbacks" '"takeNextCallback":{"id":"[^"]*","number":"+46' "README callbacks: the agent took no callback"
must_show "$callbacks" '"recordCallbackOutcome":{"status":"REACHED","attempts":1}' "README callbacks: the outcome was not recorded"
must_show "$callbacks" '"queueKey":"kundtjanst","requested":[1-9][0-9]*,"reached":[1-9]' "README callbacks: the callback is not in the statistics"
echo "README callbacks: OK"

verdict=$(bash -c "$(readme_block "## The citizen's verdict, operating notices and spikes")")
echo "$verdict"
must_show "$verdict" '"to":"+46707654321","text":"Hur tyckte du att kommunen tog hand om ärende FD-' "README survey: no text with the question in the SMS inbox"
must_show "$verdict" 'Hur nöjd är du med hur vi tog hand om din kontakt?' "README survey: the link did not show the question"
must_show "$verdict" 'Tack för ditt svar!' "README survey: the answer was not taken"
must_show "$verdict" '"byChannel":\[[^]]*{"channel":"PHONE","answers":[1-9][0-9]*,"index":[0-9]' "README survey: no index for phone contacts in satisfaction"
echo "README survey: OK"

notices=$(bash -c "$(readme_block "### The demo's spike and its notice")")
echo "$notices"
must_show "$notices" '{"categoryKey":"vatten-och-avlopp","today":[0-9]*,"usualByNow":[0-9.]*,"spiking":true' "README spikes: no spike in the demo's category"
must_show "$notices" '"title":"Vattenavbrott i Centrum","area":"Centrum"' "README spikes: no operating notice for the category"
must_show "$notices" '"rows":\[{"categoryKey":"vatten-och-avlopp"' "README spikes: the avoidable contacts do not rank the demo's category"
must_show "$notices" '"contactCoverage":{"contacts":[1-9]' "README spikes: no contact coverage"
must_show "$notices" '"title":"Vattenavbrott i Centrum","text":' "README spikes: the telephony endpoint or Mina ärenden does not show the notice"
[ "$(echo "$notices" | grep -o '"title":"Vattenavbrott i Centrum","text":' | wc -l)" -ge 2 ] || { echo "README spikes: the telephony endpoint and Mina ärenden do not both show the notice" >&2; exit 1; }
echo "README spikes and notices: OK"
