// Content-addressed files on disk: <root>/<sha256[0:2]>/<sha256>. A file is written to a
// temporary name, flushed, then renamed into place, so a reader never sees half a file and a
// crash leaves at most a stray temporary file, never a wrong one.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SHA256_HEX, type FileStore, type StoredFile } from './file-store.ts';

export class FileCorruptError extends Error {}

export class DiskFileStore implements FileStore {
  constructor(readonly root: string) {}

  /** Where the bytes with this hash live (the hash is checked, so no path escapes root). */
  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hash: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(sha256);
    const existing = await stat(path).catch(() => null);
    if (existing?.isFile() && existing.size === bytes.byteLength) {
      return { sha256, size: bytes.byteLength, created: false };
    }
    const dir = join(this.root, sha256.slice(0, 2));
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `.tmp-${sha256}-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      const handle = await open(tmp, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Two uploads of the same bytes may race here: both renames put identical content.
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    await syncDir(dir);
    return { sha256, size: bytes.byteLength, created: true };
  }

  async putStream(source: AsyncIterable<Uint8Array>): Promise<StoredFile> {
    // Written under a temporary name first: the hash (the final name) is known only at the end.
    await mkdir(this.root, { recursive: true });
    const tmp = join(this.root, `.tmp-stream-${process.pid}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    try {
      const handle = await open(tmp, 'wx', 0o640);
      try {
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.byteLength;
          await handle.write(chunk);
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      const sha256 = hash.digest('hex');
      const path = this.pathOf(sha256);
      const existing = await stat(path).catch(() => null);
      if (existing?.isFile() && existing.size === size) {
        await rm(tmp, { force: true });
        return { sha256, size, created: false };
      }
      const dir = join(this.root, sha256.slice(0, 2));
      await mkdir(dir, { recursive: true });
      await rename(tmp, path);
      await syncDir(dir);
      return { sha256, size, created: true };
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async open(sha256: string): Promise<AsyncIterable<Buffer> | null> {
    const path = this.pathOf(sha256);
    if (!(await stat(path).catch(() => null))?.isFile()) return null;
    return createReadStream(path, { highWaterMark: 256 * 1024 });
  }

  async get(sha256: string): Promise<Buffer | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    // Cheap next to the transfer, and a changed file must never be served as the original.
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new FileCorruptError(`the stored file ${sha256} does not match its hash`);
    }
    return bytes;
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

/** Makes a rename durable; some platforms cannot open a directory, which is fine there. */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // not supported (Windows): the rename is still atomic
  } finally {
    await handle?.close();
  }
}
