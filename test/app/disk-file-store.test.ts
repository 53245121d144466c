// The file store on disk: bytes kept under their SHA-256, whether given whole or as a stream.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DiskFileStore } from '../../src/app/files/disk-file-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'redress-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const store = new DiskFileStore(dir);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function* chunksOf(b: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

describe('DiskFileStore', () => {
  test('a stream is stored under the hash of all its bytes, the same file as put() makes', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const streamed = await store.putStream(chunksOf(bytes, 64 * 1024));
    assert.deepEqual(streamed, { sha256: sha(bytes), size: bytes.length, created: true });
    assert.deepEqual(await store.get(streamed.sha256), bytes);
    assert.equal((await store.put(bytes)).created, false, 'the same bytes are one file');
    assert.equal((await store.putStream(chunksOf(bytes, 1000))).created, false);
    const read: Buffer[] = [];
    for await (const c of (await store.open(streamed.sha256))!) read.push(c);
    assert.deepEqual(Buffer.concat(read), bytes);
    assert.equal(await store.open(sha(Buffer.from('nothing'))), null);
  });

  test('a source that fails leaves nothing behind, not even a temporary file', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield randomBytes(1000);
      throw new Error('the sender went away');
    }
    const before = readdirSync(dir);
    await assert.rejects(store.putStream(failing()), /went away/);
    assert.deepEqual(readdirSync(dir), before);
  });
});
