/**
 * Where a room keeps the layout a participant loaded, so that it outlives
 * the room's process: a restarted server makes the room again with it. One
 * process keeps it in a directory; processes sharing Redis keep it there.
 * Keys are stored by their hash, never as they are.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LayoutStore {
  /** The layout text kept for the room of `key`, or null. */
  load(key: string): Promise<string | null>;
  save(key: string, text: string): Promise<void>;
  close(): Promise<void>;
}

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** Rooms unused this long are forgotten (Redis only; a directory is for one machine's own use). */
const KEEP_S = 30 * 24 * 3600;

/** Files in `dir`, one per room (written whole, then renamed: a crash never leaves half a layout). */
export function directoryLayoutStore(dir: string): LayoutStore {
  return {
    async load(key) {
      try {
        return await readFile(join(dir, `${hashOf(key)}.json`), 'utf8');
      } catch {
        return null;
      }
    },
    async save(key, text) {
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${hashOf(key)}.json`);
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    },
    close: () => Promise.resolve(),
  };
}

/** Keys in Redis (`chasm:layout:<hash>`), kept for 30 days from the last load. */
export async function redisLayoutStore(url: string): Promise<LayoutStore> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const name = (key: string) => `chasm:layout:${hashOf(key)}`;
  return {
    load: (key) => redis.get(name(key)),
    async save(key, text) {
      await redis.set(name(key), text, 'EX', KEEP_S);
    },
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}
