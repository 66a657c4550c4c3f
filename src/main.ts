import { mount } from 'svelte';
import App from './ui/App.svelte';
import { SearchSession } from './state/session.svelte';
import { CompareSession } from './state/compare.svelte';
import { ClassroomSession } from './state/classroom.svelte';
import { Presentation } from './state/presentation.svelte';
import { readSharedFromLocation } from './state/url';
import { sessionContext } from './state/context';
import { createDataWorker, createSearchWorker } from './worker/client';
import './ui/global.css';

const worker = createSearchWorker();
const data = createDataWorker();
const session = new SearchSession(worker.api, data.api, {
  onSearchLost: (listener) => worker.onLost(listener),
  onDataLost: (listener) => data.onLost(listener),
});
const shared = readSharedFromLocation(window.location.href);
session.restore(shared);

mount(App, {
  target: document.getElementById('app')!,
  props: { compare: new CompareSession(worker.api), classroom: new ClassroomSession(data.api), presentation: new Presentation(window.location.href) },
  context: sessionContext(session),
});
