// The file store port: bytes kept under their SHA-256, so the same file stored twice is one
// file, and a hash in the database always names exactly the bytes that were uploaded.

export interface StoredFile {
  sha256: string;
  size: number;
  /** False when the same bytes were already stored. */
  created: boolean;
}

export interface FileStore {
  /** Stores the bytes under their SHA-256 (durably, before it resolves); idempotent. */
  put(bytes: Uint8Array): Promise<StoredFile>;
  /**
   * Stores what a stream yields, hashing as it writes, so a large file is never held in
   * memory; an error thrown by the source leaves nothing stored.
   */
  putStream(source: AsyncIterable<Uint8Array>): Promise<StoredFile>;
  /** The stored bytes as a stream (not checked against the hash), or null when there are none. */
  open(sha256: string): Promise<AsyncIterable<Buffer> | null>;
  /** The bytes stored under a hash, or null when there are none. */
  get(sha256: string): Promise<Buffer | null>;
  /** Deletes the bytes stored under a hash (personal data past its retention); idempotent. */
  remove(sha256: string): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
