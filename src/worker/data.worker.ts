import * as Comlink from 'comlink';
import type { DataWorkerApi } from '../contracts/worker-api';
import type { UserFile } from '../data/load';
import { previewData } from '../data/preview';
import { holdLifeLock } from './alive';
import { readAsset } from './assets';
import { createDownloads } from './downloads';
import { keepPlaygroundErrors } from './errors-transfer';
import { checkUserFile } from './user-file';
import { tableAccuracies } from './table-check';
import { resultLinkBody } from '../core/classroom/result-link';

/** The page's data previews, in a worker of their own: no tfjs here, and nothing a search waits for. */
const life = holdLifeLock(self.name);
const downloads = createDownloads();
let userFile: UserFile | undefined;

const api: DataWorkerApi = {
  alive() {
    return life;
  },
  async setUserFile(name, bytes, label) {
    const checked = await checkUserFile(name, bytes, label);
    userFile = checked.file;
    return checked.summary;
  },
  preview(experiment) {
    return previewData(experiment, readAsset, userFile, downloads.net);
  },
  watchDownloads(sink) {
    downloads.watch(sink);
  },
  tableAccuracies(dataset, encoded) {
    return tableAccuracies(dataset, encoded);
  },
  resultLinkBody(experiment, digest, trials) {
    return resultLinkBody(experiment, digest, trials);
  },
};

keepPlaygroundErrors();
Comlink.expose(api);
