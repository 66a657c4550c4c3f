import { withDefaultsOfVersion } from './link-defaults';

/**
 * Settings added after a link version, with the value that keeps an older link meaning what it
 * meant: a link made before the held-out test split existed opens without one, since splitting one
 * off would train its trials on fewer examples and change every result it carries; likewise a
 * link made before average pooling's gradient was fixed trains with the old gradient.
 */
interface Added {
  /** The first link version whose experiments may use the new default. */
  since: number;
  path: readonly string[];
  /** What the setting was, in effect, before it existed. */
  was: unknown;
}

const ADDED: readonly Added[] = [
  { since: 3, path: ['data', 'testFraction'], was: 0 },
  // Average pooling's border gradient was tfjs's, too small; older links train with it still.
  { since: 3, path: ['training', 'avgPoolGradient'], was: 'tfjs' },
  // PNAS grew cells one decision at a time; since link version 4 it grows them block by block, as its paper.
  { since: 4, path: ['strategySettings', 'pnas', 'growth'], was: 'decisions' },
  // Supernets computed every op of an edge on its own; since version 5 they share ReLU and pooling (same maths, another summation order).
  { since: 5, path: ['strategySettings', 'oneShot', 'shareEdgeWork'], was: false },
  // Batch norm's training step ran on more kernels before version 6 (same maths, other rounding).
  { since: 6, path: ['training', 'stepKernels'], was: 'v5' },
];

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `raw` with `value` at `path` unless something is there already; a non-object on the way is left for the schema to refuse. */
function fillIn(raw: Raw, path: readonly string[], value: unknown): Raw {
  const [key, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return key in raw ? raw : { ...raw, [key]: value };
  const child = raw[key] ?? {};
  return isObject(child) ? { ...raw, [key]: fillIn(child, rest, value) } : raw;
}

/** An experiment as a link of `version` carried it, with every setting added since set to what it was then. */
export function upgradeExperiment(raw: Raw, version: number): Raw {
  return ADDED.reduce((out, added) => (version < added.since ? fillIn(out, added.path, added.was) : out), raw);
}

/** What a link of `version` meant: its settings over that version's defaults, with every setting added since as it was then. */
export function readAsVersion(raw: Raw, version: number): Raw {
  return withDefaultsOfVersion(version, upgradeExperiment(raw, version));
}
