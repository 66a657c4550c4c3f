import { createRng, restoreRng, type Rng } from '../rng';
import type { SearchSpace } from '../space/types';
import { defineStrategy, type Outcome, type Proposal, type Strategy, type StrategyState } from './types';

/**
 * Grid search: every combination of the space's decisions (the hyperparameters' too when HPO is
 * on), each once, in an order that spreads every stretch of trials over each decision's options.
 *
 * Trial k is read as mixed-radix digits d₀ d₁ …, d₀ counting fastest in the radix of the decision
 * with the most options (the lead); the lead takes option d₀ and every other decision i takes
 * (d₀ + dᵢ) mod rᵢ. That shear is a bijection onto the grid (d₀ is the lead's option, then each dᵢ
 * follows), and within any r_lead consecutive trials each decision runs through all its options, so
 * a budget smaller than the grid still tries every option of every decision; plain odometer or
 * digit-reversed orders leave their slow decisions at option 0 for most of the grid. The seed turns
 * each decision's options by an offset, so seeds start in different places.
 *
 * When the budget outlasts the grid it starts over, and says so in the proposals' origin, rather
 * than refusing the budget: the comparison view gives every strategy the same budget, and a second
 * pass repeats architectures as random search does in a small space.
 */
export class GridSearch implements Strategy {
  readonly id = 'grid';
  private rng: Rng;
  private position: number;
  private readonly offsets: number[];
  private readonly radices: number[];
  /** Decision indices, the lead first, then by falling radix. */
  private readonly order: number[];
  private readonly size: number;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    state?: StrategyState,
  ) {
    this.radices = space.decisions().map((d) => d.options.length);
    this.order = this.radices.map((_, i) => i).sort((a, b) => this.radices[b]! - this.radices[a]! || a - b);
    this.size = this.radices.reduce((n, r) => n * r, 1);
    const rng = createRng(seed).fork('strategy');
    this.offsets = state ? [...(state.offsets as number[])] : this.radices.map((r) => rng.int(r));
    this.rng = state ? restoreRng(state.rng) : rng;
    this.position = state ? (state.position as number) : 0;
  }

  /** The decisions of trial `k` of a pass. */
  private choicesAt(k: number): number[] {
    const digits: number[] = [];
    let rest = k;
    for (const i of this.order) {
      digits.push(rest % this.radices[i]!);
      rest = Math.floor(rest / this.radices[i]!);
    }
    const choices = new Array<number>(this.radices.length);
    this.order.forEach((i, j) => {
      const sheared = j === 0 ? digits[0]! : digits[0]! + digits[j]!;
      choices[i] = (sheared + this.offsets[i]!) % this.radices[i]!;
    });
    return choices;
  }

  ask(): Proposal {
    // A grid too large to count (a float overflow) is never exhausted.
    const pass = Number.isFinite(this.size) ? Math.floor(this.position / this.size) : 0;
    const k = this.position - pass * (Number.isFinite(this.size) ? this.size : 0);
    this.position += 1;
    const genotype = this.space.fromDecisions(this.choicesAt(k));
    const where = Number.isFinite(this.size) ? `${k + 1} of ${this.size}` : `${k + 1}`;
    return {
      genotype,
      encoded: this.space.encode(genotype),
      origin: pass === 0 ? `grid point ${where}` : `grid point ${where}, pass ${pass + 1} (the grid was exhausted)`,
    };
  }

  tell(_outcome: Outcome): void {}

  state(): StrategyState {
    return { kind: this.id, rng: this.rng.state(), offsets: [...this.offsets], position: this.position };
  }
}

export const grid = defineStrategy({
  id: 'grid',
  name: 'Grid search',
  title: 'Grid search',
  blurb:
    'Tries every combination of the decisions, each once, ordered so that any run of trials covers every option of every decision; the classic baseline Bergstra & Bengio (2012) compared with random search, which wins when only a few decisions matter.',
  color: '#65a30d',
  create: (space, seed, _settings, state) => new GridSearch(space, seed, state),
});
