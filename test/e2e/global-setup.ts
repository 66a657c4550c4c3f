import { build } from 'vite';

/** The end-to-end tests drive the production build, as users get it. */
export default async function setup(): Promise<void> {
  await build({ logLevel: 'warn' });
}
