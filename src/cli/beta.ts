import type { AlphaSnapshot, BetaSnapshot } from '../contracts/events';

/** Auto-DeepLab's β as a search learns it (resolution space with DARTS): the path it decodes and its entropy after each epoch. */
export class BetaLog {
  readonly epochs: Array<{ epoch: number; path: number[]; entropy: number }> = [];
  last: BetaSnapshot | null = null;

  add(snapshot: AlphaSnapshot): void {
    if (!snapshot.beta) return;
    this.last = snapshot.beta;
    // Snapshots also come within an epoch (for the page's animation); the log keeps epoch ends.
    if (Number.isInteger(snapshot.epoch)) this.epochs.push({ epoch: snapshot.epoch, path: snapshot.beta.path, entropy: snapshot.beta.entropy });
  }

  /** The JSON's `beta`: the last β in full and the decoded path and entropy by epoch; absent without β. */
  json(): { beta: BetaSnapshot & { epochs: BetaLog['epochs'] } } | Record<string, never> {
    return this.last ? { beta: { ...this.last, epochs: this.epochs } } : {};
  }

  /** One line per epoch under the table. */
  lines(): string {
    return this.epochs.map((e) => `β after epoch ${e.epoch}: path ${e.path.join(' ')} (Viterbi), entropy ${e.entropy.toFixed(3)} nats\n`).join('');
  }
}
