import type { StepInfo } from '../contracts/step';
import { answersOf, nextQuestion, type Question } from './predict';

/** What a guess came to, shown once the proposal it was about is known. */
export interface Graded {
  question: Question;
  guess: number;
  right: number[];
}

/**
 * The step-through's own state beside the session's: Play and its speed, and "Predict the next
 * move" — the question due, the student's guess, the last one graded and the running score.
 */
export class StepThrough {
  playing = $state(false);
  /** Milliseconds between automatic steps. */
  delay = $state(1000);
  question = $state.raw<Question | null>(null);
  guess = $state<number | null>(null);
  graded = $state.raw<Graded | null>(null);
  score = $state({ right: 0, asked: 0 });
  private seen: StepInfo | null = null;

  /** Takes in the step the search waits at: grades a guess about its proposal, and sets the next question. */
  arrive(step: StepInfo | null, strategy: string): void {
    if (step === this.seen) return;
    this.seen = step;
    if (!step) return;
    const asked = this.question;
    // A guess is about the next proposal (or, weight sharing, the next epoch's α): graded when it comes.
    const answers = step.phase === 'propose' || step.phase === 'epoch';
    if (answers && asked && this.guess !== null) {
      const right = answersOf(asked, step);
      this.graded = { question: asked, guess: this.guess, right };
      this.score = { right: this.score.right + (right.includes(this.guess) ? 1 : 0), asked: this.score.asked + 1 };
    }
    if (answers || step.phase === 'update') this.guess = null;
    this.question = nextQuestion(step, strategy);
  }

  /** A new run starts a new score. */
  reset(): void {
    this.playing = false;
    this.question = null;
    this.guess = null;
    this.graded = null;
    this.score = { right: 0, asked: 0 };
    this.seen = null;
  }
}
