import { presentingIn, withPresenting } from './url';

/**
 * Presentation mode: large type, high contrast, the graph, the chart and the explanation on one
 * screen. It lives in the query (`?present=1`), not the hash, so the share link the address bar
 * keeps equal to the experiment leaves it alone, and a teacher's slide link opens in it.
 */
export class Presentation {
  on = $state(false);

  constructor(href: string) {
    this.on = presentingIn(href);
  }

  toggle(): void {
    this.on = !this.on;
    history.replaceState(history.state, '', withPresenting(window.location.href, this.on));
  }
}
