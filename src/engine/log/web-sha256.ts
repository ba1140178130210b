// The platform's SHA-256 where a page has one: Web Crypto, present in a secure context (HTTPS or
// localhost) and in workers there. Feature-detected, never imported: the engine names no platform
// module, and where there is none (plain HTTP on a LAN address) the pure-JavaScript hash serves.
export type Sha256Async = (text: string) => Promise<string>;

interface SubtleLike {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

export function webCryptoSha256(): Sha256Async | null {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  if (!subtle || typeof subtle.digest !== 'function') return null;
  const encoder = new TextEncoder();
  return async (text) => {
    const bytes = new Uint8Array(await subtle.digest('SHA-256', encoder.encode(text)));
    let hex = '';
    for (const b of bytes) hex += b.toString(16).padStart(2, '0');
    return hex;
  };
}
