import { isPlaygroundError, type ErrorInfo, toErrorInfo } from '../core/errors';
import { decodeLink, type SharedExperiment } from '../core/link';

export type SharedFromLocation =
  { kind: 'none' } | { kind: 'link'; shared: SharedExperiment } | { kind: 'broken'; error: ErrorInfo } | { kind: 'lesson'; id: string };

/** A lesson's own link, `#lesson=<id>`, which a teacher puts on a slide. */
const LESSON_HASH = /^#lesson=(.*)$/;

/** The lesson the address names, or null; whether it exists is the lesson guide's to say. */
export function readLessonFromLocation(href: string): string | null {
  const m = LESSON_HASH.exec(new URL(href).hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** Reads the experiment from the address bar; a broken link is reported, never thrown. */
export function readSharedFromLocation(href: string): SharedFromLocation {
  const hash = new URL(href).hash;
  if (hash.length <= 1) return { kind: 'none' };
  const lesson = readLessonFromLocation(href);
  if (lesson !== null) return { kind: 'lesson', id: lesson };
  try {
    return { kind: 'link', shared: decodeLink(hash) };
  } catch (e) {
    return { kind: 'broken', error: isPlaygroundError(e) ? toErrorInfo(e) : toErrorInfo(e) };
  }
}

/** Keeps the address bar equal to the share link without adding history entries. */
export function writeLinkToLocation(link: string): void {
  if (window.location.hash !== link) history.replaceState(history.state, '', link);
}

/** The link that opens a lesson, for the page's address. */
export const lessonHash = (id: string): string => `#lesson=${encodeURIComponent(id)}`;
/** The query parameter that opens the page in presentation mode, kept beside the share link's `#…`. */
const PRESENT = 'present';

export function presentingIn(href: string): boolean {
  return new URL(href).searchParams.get(PRESENT) === '1';
}

/** `href` with presentation mode on or off in its query; the hash (the share link) is left as it is. */
export function withPresenting(href: string, on: boolean): string {
  const url = new URL(href);
  if (on) url.searchParams.set(PRESENT, '1');
  else url.searchParams.delete(PRESENT);
  return url.href;
}
