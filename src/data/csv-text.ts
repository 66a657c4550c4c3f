/**
 * The text of a CSV file as people actually save it: UTF-8 (with or without a byte-order mark),
 * UTF-16 from Excel's "Unicode text" (with or without a mark), or a legacy 8-bit code page; lines
 * ending in \r\n, \n or \r, even mixed in one file.
 */
export interface CsvText {
  text: string;
  /** The encoding the bytes were read as, for the data panel. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** Share of NUL bytes at even (or odd) positions above which text without a mark is UTF-16. */
const UTF16_NUL_SHARE = 0.3;

function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  // ASCII text in UTF-16LE has its zero byte second in each pair, in UTF-16BE first.
  if (oddNul / pairs > UTF16_NUL_SHARE && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > UTF16_NUL_SHARE && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

export function decodeCsvText(bytes: Uint8Array): CsvText {
  let encoding: CsvText['encoding'];
  let start = 0;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else encoding = utf16WithoutMark(bytes) ?? 'utf-8';
  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not valid UTF-8: an older spreadsheet's 8-bit export; Windows-1252 is what those almost always are.
      encoding = 'windows-1252';
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  } else {
    text = new TextDecoder(encoding).decode(bytes.subarray(start));
  }
  // One line ending everywhere (files edited on several systems mix them).
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
