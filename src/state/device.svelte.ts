import type { Remote } from 'comlink';
import type { SearchWorkerApi } from '../contracts/worker-api';
import { decodeDeviceFigures, deviceParamOf, measuredAt, withDeviceFigures, type DeviceFigures } from '../core/device-figures';
import { toErrorInfo } from '../core/errors';
import { proxy } from '../worker/client';

/** "Measure this device": the visitor's own figures, and figures someone shared by link. */
export class DeviceMeasure {
  measuring = $state(false);
  /** The backend being timed now, for the progress line. */
  current = $state<string | null>(null);
  mine = $state.raw<DeviceFigures | null>(null);
  shared = $state.raw<DeviceFigures | null>(null);
  problem = $state<string | null>(null);

  constructor(
    private readonly worker: Remote<SearchWorkerApi>,
    href: string,
  ) {
    const param = deviceParamOf(href);
    if (param !== null) {
      const read = decodeDeviceFigures(param);
      if ('figures' in read) this.shared = read.figures;
      else this.problem = read.problem;
    }
  }

  async measure(): Promise<void> {
    if (this.measuring) return;
    this.measuring = true;
    this.problem = null;
    try {
      const rows = await this.worker.measureDevice(proxy((name: string) => (this.current = name)));
      this.mine = { v: 1, at: measuredAt(Date.now()), rows };
    } catch (e) {
      const info = toErrorInfo(e);
      this.problem = `${info.message} ${info.hint}`;
    } finally {
      this.measuring = false;
      this.current = null;
    }
  }

  /** This page's address with the visitor's figures in it (the experiment's `#…` kept). */
  linkTo(href: string): string | null {
    return this.mine ? withDeviceFigures(href, this.mine) : null;
  }
}
