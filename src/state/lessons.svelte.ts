import type { TrialRecord } from '../contracts/events';
import { toErrorInfo, type ErrorInfo } from '../core/errors';
import type { Experiment } from '../core/experiment';
import { LESSONS, lessonExperiment, lessonOrError, type Lesson, type LessonRun, type Reveal } from '../core/lessons/index';
import { encodeLink } from '../core/link';
import type { SearchSession } from './session.svelte';

/** What the guide shows after a run: the reveal, or why it could not be read (a run stopped too early). */
export type RevealView = { kind: 'reveal'; reveal: Reveal } | { kind: 'error'; error: ErrorInfo };

/** The run the session holds, as a lesson's reveal reads it. */
export function lessonRunOf(session: Pick<SearchSession, 'trials' | 'best' | 'info'>): LessonRun {
  const trials: readonly TrialRecord[] = session.trials;
  return { trials, best: session.best, spaceSize: session.info?.spaceSize ?? null, split: session.info?.dataset ?? null };
}

/**
 * Learn mode: the list of lessons, the lesson open (its experiment loaded into the session), the
 * answer the student picked, and the reveal once the lesson's own run is done. The run is the
 * session's ordinary one; the guide only loads the experiment and reads the result.
 */
export class LessonGuide {
  readonly lessons = LESSONS;
  listOpen = $state(false);
  lesson = $state.raw<Lesson | null>(null);
  choice = $state<number | null>(null);
  /** A lesson link that names no lesson. */
  problem = $state.raw<ErrorInfo | null>(null);
  /** The lesson whose run the session holds (Run was pressed in it). */
  private ranFor = $state.raw<Lesson | null>(null);

  /** The lesson's experiment is still the one loaded: a changed setting is another experiment, with no answer to reveal. */
  private get unchanged(): boolean {
    return this.lesson !== null && encodeLink(this.session.experiment) === encodeLink(lessonExperiment(this.lesson));
  }

  /** Read where it is shown: a getter over runes is as reactive as a derived, and the session is there by then. */
  get reveal(): RevealView | null {
    const { lesson } = this;
    if (!lesson || this.ranFor !== lesson || !this.unchanged || this.session.status !== 'done') return null;
    try {
      return { kind: 'reveal', reveal: lesson.reveal(lessonRunOf(this.session)) };
    } catch (e) {
      return { kind: 'error', error: toErrorInfo(e) };
    }
  }

  constructor(
    private readonly session: SearchSession,
    /** The lesson a `#lesson=` link named. */
    initial: string | null = null,
  ) {
    if (initial !== null) this.open(initial);
  }

  toggleList(): void {
    this.listOpen = !this.listOpen;
  }

  /** Opens a lesson by id and loads its experiment; an unknown id says which lessons exist and shows the list. */
  open(id: string): void {
    // Loading another experiment under a run in flight would leave its trials with the wrong settings.
    if (this.session.running) return;
    let lesson: Lesson;
    try {
      lesson = lessonOrError(id);
    } catch (e) {
      this.problem = toErrorInfo(e);
      this.listOpen = true;
      return;
    }
    this.problem = null;
    this.lesson = lesson;
    this.choice = null;
    this.ranFor = null;
    this.listOpen = false;
    this.load(lesson);
  }

  close(): void {
    this.lesson = null;
    this.ranFor = null;
  }

  /** Starts the lesson's run through the ordinary Start path, with its experiment loaded again should a setting have moved. */
  run(): void {
    const { lesson } = this;
    if (!lesson || this.session.running) return;
    if (!this.unchanged) this.load(lesson);
    this.ranFor = lesson;
    void this.session.start();
  }

  private load(lesson: Lesson): void {
    const fresh = lessonExperiment(lesson);
    this.session.update((draft: Experiment) => {
      for (const key of Object.keys(draft)) delete (draft as Record<string, unknown>)[key];
      Object.assign(draft, fresh);
    });
  }
}
