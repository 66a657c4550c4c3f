/**
 * What the page and the worker agree on: the events of a run, the records and reports they carry,
 * and the worker's API. Types and pure helpers only, over core's types: the page imports these
 * and never the engine, nn or data code behind them (test/contracts/imports.test.ts holds it so).
 */
export type * from './backend';
export type * from './compare';
export type * from './data';
export type * from './events';
export type * from './runs';
export type * from './worker-api';
export { bestTrial } from './trials';
