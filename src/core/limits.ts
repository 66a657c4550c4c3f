/** The largest table the playground reads: a browser tab holds the whole table in memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
