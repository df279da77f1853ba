import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';

/** Bytes of a text in the encoding its file is written in ('utf-8' unless a PEP 263 line says otherwise). */
export function encodeText(text: string, encoding = 'utf-8'): Buffer {
  return isUtf8(encoding) ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
}

export function decodeText(bytes: Uint8Array, encoding = 'utf-8'): string {
  return isUtf8(encoding) ? Buffer.from(bytes).toString('utf8') : iconv.decode(Buffer.from(bytes), encoding, { stripBOM: false });
}

export function isKnownEncoding(encoding: string): boolean {
  return isUtf8(encoding) || iconv.encodingExists(encoding);
}

function isUtf8(encoding: string): boolean {
  return /^utf-?8$/i.test(encoding);
}

/**
 * Whether remodel can write a text back in this encoding exactly: iconv knows it, it keeps ASCII as ASCII (so a
 * patch's headers and every import remodel writes read the same), and the text survives the round trip.
 */
export function canWriteIn(text: string, encoding: string): boolean {
  if (isUtf8(encoding)) return true;
  if (!isKnownEncoding(encoding)) return false;
  const ascii = 'diff --git a/x b/x\n@@ -1 +1 @@\n';
  if (!iconv.encode(ascii, encoding).equals(Buffer.from(ascii, 'latin1'))) return false;
  return iconv.decode(iconv.encode(text, encoding), encoding) === text;
}

/** The id git gives a file's content (`git hash-object`). */
export function gitBlobHash(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export const noBlob = '0'.repeat(40);

/** The UTF-16 encoding a byte-order mark announces, or undefined (how the TypeScript compiler and editors tell). */
export function utf16ByBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
