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

/**
 * The shortest time between two writes of the address bar. A run's digest changes with every
 * batch of trials, and Chromium's replaceState costs milliseconds each (it was the page's largest
 * main-thread cost during a search), so the address follows at most this often, and always ends
 * on the last link.
 */
const WRITE_EVERY_MS = 1000;
let lastWrite = -Infinity;
let pending: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function write(link: string): void {
  pending = null;
  if (window.location.hash === link) return;
  lastWrite = performance.now();
  history.replaceState(history.state, '', link);
}

/**
 * Runs `job` at the next frame. Chromium's replaceState recalculates the page's style at once when
 * it is out of date: a write from a timer between frames did so in a task of its own (over 80 ms at
 * the end of a table search), where in a frame that work is the frame's own, done once. Without
 * frames (tests, a hidden tab's timers) it runs at once.
 */
function inFrame(job: () => void): void {
  if (typeof requestAnimationFrame === 'undefined' || document.visibilityState === 'hidden') return job();
  requestAnimationFrame(job);
}

/** Keeps the address bar equal to the share link without adding history entries (at most once a second; the last link always lands). */
export function writeLinkToLocation(link: string): void {
  if (pending === null && window.location.hash === link) return;
  const wait = lastWrite + WRITE_EVERY_MS - performance.now();
  if (wait <= 0 && pending === null) return write(link);
  pending = link;
  timer ??= setTimeout(
    () =>
      inFrame(() => {
        timer = undefined;
        if (pending !== null) write(pending);
      }),
    Math.max(wait, 0),
  );
}

/** Writes a link still waiting at once (before the page reads its own address, e.g. to copy it). */
export function flushLinkToLocation(): void {
  clearTimeout(timer);
  timer = undefined;
  if (pending !== null) write(pending);
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
