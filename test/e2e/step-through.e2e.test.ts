import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STEP_PHASES } from '../../src/contracts/step';
import { parseExperiment } from '../../src/core/experiment';
import { encodeLink } from '../../src/core/link';
import { seriousViolations } from './axe';
import { usePageEnvironment } from './environment';
import { openPlayground, waitForRunEnd } from './page-helpers';

const env = usePageEnvironment();

type Stepped = 'evolution' | 'reinforce' | 'tpe' | 'bananas' | 'hyperband' | 'pnas';

/** A NAS-Bench-201 table search (instant trials), small enough to step through by hand; Hyperband trains (the table has one fidelity) a tiny chain on iris. */
function link(strategy: Stepped): string {
  const x = parseExperiment(
    strategy === 'hyperband'
      ? { dataset: 'iris', space: 'chain', strategy, budget: 4, seed: 3, training: { epochs: 3 }, strategySettings: { hyperband: { eta: 3 } } }
      : {
          evaluator: 'nb201',
          space: 'nb201',
          dataset: 'cifar10',
          strategy,
          budget: 4,
          seed: 3,
          strategySettings: { evolution: { population: 2, sample: 2 }, tpe: { initial: 2 }, bananas: { initial: 2 }, pnas: { beam: 2 } },
        },
  );
  return `${env.url}${encodeLink(x)}`;
}

const phase = (page: Page) => page.getAttribute('[data-testid=step-phase]', 'data-phase');

/** Waits until the search waits at a new phase, after `before` (its text), and returns that phase. */
async function nextPhase(page: Page, before: string | null): Promise<string> {
  await page.waitForFunction(
    (was) => {
      const el = document.querySelector('[data-testid=step-phase]');
      const next = document.querySelector<HTMLButtonElement>('[data-testid=step-next]');
      return !!el && el.textContent !== was && el.getAttribute('data-phase') !== '' && !!next && !next.disabled;
    },
    before,
    { timeout: 30_000 },
  );
  return (await phase(page))!;
}

describe('step-through', () => {
  // Per strategy: a mark its proposal shows (from which trial on), and one its view shows at some phase.
  it.each([
    ['evolution', '[data-testid=step-member][data-parent=true]', 2, '[data-testid=step-mutated]'],
    ['reinforce', '[data-testid=step-prob][data-chosen=true]', 0, '[data-testid=step-reward]'],
    ['tpe', '[data-testid=step-ratio][data-chosen=true]', 0, '[data-testid=step-good]'],
    ['bananas', '[data-testid=step-candidate][data-chosen=true]', 2, '[data-testid=step-candidate]'],
    ['hyperband', '[data-testid=step-bracket]', 0, '[data-testid=step-promoted]'],
    // PNAS: the sentence of its growth; after the second trial, the beam of 2 that the cells of 2 blocks grow from.
    ['pnas', '[data-testid=pnas-step]', 0, '[data-testid=pnas-beam]'],
  ] as const)('%s: each phase in words with the strategy’s own view, Next by keyboard', async (strategy, proposeMark, markFrom, laterMark) => {
    const { page, errors } = await openPlayground(env.browser, link(strategy));
    await page.check('[data-testid=step-mode]');
    await page.click('[data-testid=start]');
    const seen: string[] = [];
    let text: string | null = null;
    let laterSeen = false;
    for (let trial = 0; trial < 4; trial++) {
      for (const expected of STEP_PHASES) {
        const now = await nextPhase(page, text);
        text = await page.textContent('[data-testid=step-phase]');
        seen.push(now);
        expect(now).toBe(expected);
        expect(text).toContain(`trial ${trial + 1}`);
        // BANANAS explains its pick; its update only records the result.
        if (now === 'propose' || (now === 'update' && strategy !== 'bananas')) {
          expect(await page.getAttribute('[data-testid=step-view]', 'data-kind')).toBe(strategy);
          if (now === 'propose' && trial >= markFrom) expect(await page.locator(proposeMark).count()).toBeGreaterThan(0);
          if ((await page.locator(laterMark).count()) > 0) laterSeen = true;
        }
        if (now === 'update' && trial === 1) {
          // Predict the next move: a guess before Next, graded when the next proposal is known.
          await page.locator('[data-testid=step-guess]').first().check();
          expect(await page.textContent('[data-testid=step-score]')).toContain('0 of 0');
        }
        if (now === 'propose' && trial === 2) {
          expect(await page.textContent('[data-testid=step-graded]')).toMatch(/You guessed/);
          expect(await page.textContent('[data-testid=step-score]')).toMatch(/[01] of 1 right/);
        }
        if (trial === 0 && now === 'propose') expect(await seriousViolations(page), 'the step panel').toEqual([]);
        // Next by keyboard: → on the first trial's phases, Space after, with focus away from text fields.
        await page.locator('[data-testid=step-phase]').click();
        await page.keyboard.press(trial === 0 ? 'ArrowRight' : 'Space');
      }
    }
    expect(laterSeen).toBe(true);
    expect(seen).toHaveLength(20);
    expect(await waitForRunEnd(page, 30_000)).toBe('done');
    expect(await page.locator('[data-testid=trial-row]').count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('darts: one step per epoch with α per edge, Next by keyboard, a guess graded against the next epoch’s α', async () => {
    const x = parseExperiment({
      dataset: 'digits',
      data: { maxExamples: 250 },
      space: 'nb201',
      spaceSettings: { nb201: { channels: 2 } },
      strategy: 'darts',
      strategySettings: { oneShot: { epochs: 3 } },
    });
    const { page, errors } = await openPlayground(env.browser, `${env.url}${encodeLink(x)}`);
    await page.check('[data-testid=step-mode]');
    await page.click('[data-testid=start]');
    let text: string | null = null;
    for (let epoch = 0; epoch < 3; epoch++) {
      expect(await nextPhase(page, text)).toBe('epoch');
      text = await page.textContent('[data-testid=step-phase]');
      expect(text).toContain(`Epoch ${epoch + 1}`);
      expect(await page.getAttribute('[data-testid=step-view]', 'data-kind')).toBe('alpha');
      expect(await page.locator('[data-testid=step-edge]').count()).toBe(6);
      if (epoch === 0) await page.locator('[data-testid=step-guess]').first().check();
      if (epoch === 1) expect(await page.textContent('[data-testid=step-score]')).toMatch(/[01] of 1 right/);
      await page.locator('[data-testid=step-phase]').click();
      await page.keyboard.press('ArrowRight');
    }
    expect(await waitForRunEnd(page, 60_000)).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Play steps by itself, and in presentation mode the step panel is the explanation', async () => {
    const { page, errors } = await openPlayground(env.browser, link('evolution'));
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.check('[data-testid=step-mode]');
    // At 1280 px the toggle sits beside Start without pushing the header's buttons out of sight.
    for (const id of ['start', 'step-mode', 'present']) expect(await page.locator(`[data-testid=${id}]`).isVisible(), id).toBe(true);
    await page.screenshot({ path: 'test-results/step-through-header.png' });
    await page.click('[data-testid=present]');
    await page.click('[data-testid=start]');
    // On to trial 3's proposal, the first mutation: the fullest view (population, sample, parent, mutated decision).
    let text: string | null = null;
    for (let i = 0; i < 10; i++) {
      await nextPhase(page, text);
      text = await page.textContent('[data-testid=step-phase]');
      await page.click('[data-testid=step-next]');
    }
    expect(await nextPhase(page, text)).toBe('propose');
    expect(await page.isVisible('[data-testid=step-mutated]')).toBe(true);
    expect(await page.isVisible('[data-testid=step-panel]')).toBe(true);
    expect(await page.isVisible('[data-testid=present-explanation]')).toBe(false);
    // The step panel, the chart and the graph all fit on a 1280 × 720 projector, without scrolling.
    for (const panel of ['[data-testid=step-panel]', '.charts', '.dags']) {
      const box = (await page.locator(panel).boundingBox())!;
      expect(box.y + box.height, panel).toBeLessThanOrEqual(720);
    }
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight + 1)).toBe(true);
    await page.screenshot({ path: 'test-results/step-through-present.png' });
    await page.selectOption('[data-testid=step-speed]', { label: 'fast' });
    await page.click('[data-testid=step-play]');
    expect(await waitForRunEnd(page, 60_000)).toBe('done');
    expect(await page.locator('[data-testid=trial-row]').count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });
});
