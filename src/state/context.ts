import { getContext } from 'svelte';
import type { SearchSession } from './session.svelte';

const KEY = Symbol('search-session');

/** The context map handed to mount(), so the session is there before any component runs. */
export function sessionContext(session: SearchSession): Map<symbol, unknown> {
  return new Map([[KEY, session]]);
}

export function useSession(): SearchSession {
  const session = getContext<SearchSession | undefined>(KEY);
  if (!session) throw new Error('useSession() called outside <App>');
  return session;
}
