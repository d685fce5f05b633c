/**
 * The screen pop of telephony platforms that open a URL in the agent's browser instead of
 * (or beside) the webhook: /console/call?callId=…&cid=… (cid: the caller's number). Taken
 * off the address at once and kept for this tab until the console is signed in, so a sign-in
 * in between does not lose the call, and a reload does not pop it again.
 */
const KEY = 'frontdoor.screenPop';

export interface ScreenPop {
  callId: string;
  cid: string | null;
}

export function takeScreenPopFromUrl(): void {
  const { pathname, search, hash } = window.location;
  if (!/\/console\/call\/?$/.test(pathname)) return;
  const params = new URLSearchParams(search);
  const callId = params.get('callId')?.trim();
  if (callId && /^[A-Za-z0-9._:-]{1,100}$/.test(callId))
    sessionStorage.setItem(KEY, JSON.stringify({ callId, cid: params.get('cid')?.trim() || null }));
  window.history.replaceState(null, '', `${pathname.replace(/call\/?$/, '')}${hash}`);
}

export function pendingScreenPop(): ScreenPop | null {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as ScreenPop;
  } catch {
    return null;
  }
}
