// Whether this browser has signed in before. The session cookie is httpOnly, so the page cannot
// see it; without this hint every first visit would probe GET /auth/session, get a 401 and the
// browser would log it as a console error. A stale hint only costs one such probe.
const HINT_KEY = 'cl.signedIn';

export function mayHaveSession(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true; // no storage: always ask the server
  }
}

export function rememberSession(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // storage disabled: mayHaveSession() already answers true
  }
}
