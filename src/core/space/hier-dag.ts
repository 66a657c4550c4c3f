/**
 * The small DAGs hierarchical representations (Liu et al. 2018) are made of: n nodes, node 0 the
 * input, node n − 1 the output, an op (or `none`) on every pair i < j. Edges are listed column by
 * column, (0,1), (0,2), (1,2), (0,3)…, so a genotype is a flat list of ops per motif.
 */
export function dagPairs(n: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let j = 1; j < n; j++) for (let i = 0; i < j; i++) pairs.push([i, j]);
  return pairs;
}

/** Edge count of an n-node DAG. */
export const pairCount = (n: number): number => (n * (n - 1)) / 2;

/** The nodes `ops` leaves without an input (besides node 0), where `none` is no edge. */
export function orphans(n: number, ops: readonly string[]): number[] {
  const fed = new Set(dagPairs(n).flatMap(([, j], e) => (ops[e] === 'none' ? [] : [j])));
  return Array.from({ length: n - 1 }, (_, k) => k + 1).filter((j) => !fed.has(j));
}

/** Per node, whether the output depends on it: only those nodes are built, costed and drawn. */
export function liveNodes(n: number, ops: readonly string[]): boolean[] {
  const live = Array.from({ length: n }, (_, k) => k === n - 1);
  const pairs = dagPairs(n);
  for (let e = pairs.length - 1; e >= 0; e--) {
    const [i, j] = pairs[e]!;
    if (ops[e] !== 'none' && live[j]) live[i] = true;
  }
  return live;
}

/** The live edges into each live node j, in edge order: what node j concatenates. */
export function liveInputs(n: number, ops: readonly string[]): Array<Array<{ edge: number; from: number; op: string }>> {
  const live = liveNodes(n, ops);
  const inputs: Array<Array<{ edge: number; from: number; op: string }>> = Array.from({ length: n }, () => []);
  dagPairs(n).forEach(([i, j], e) => {
    if (ops[e] !== 'none' && live[j]) inputs[j]!.push({ edge: e, from: i, op: ops[e]! });
  });
  return inputs;
}

/** The trivial motif the paper starts from: a chain of identities, every other pair `none`. */
export function identityChain(n: number, identity: string): string[] {
  return dagPairs(n).map(([i, j]) => (j === i + 1 ? identity : 'none'));
}

/** Valid DAGs (every node but the input has an input) over `options` ops, `none` among them: Π_j (options^j − 1). */
export function dagCount(n: number, options: number): number {
  let count = 1;
  for (let j = 1; j < n; j++) count *= options ** j - 1;
  return count;
}
