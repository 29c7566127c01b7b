/**
 * Past one machine: real Redis (Debian's redis-server, which .ci/run installs
 * when missing) and two server processes (`scripts/serve.mjs` with REDIS_URL,
 * as in production). Clients joining through either process land in the same
 * room and see each other. Everything runs on loopback and is stopped after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { randomFillSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Client } from 'colyseus.js';
import { newRoomKey, ROOM_NAME } from '../../src/room/protocol';

const children: ChildProcess[] = [];

/** A free loopback port (asked of the system, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Spawns a process and waits until its output matches `ready`. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start within 20 s`)), 20_000);
    const look = (chunk: Buffer) => {
      if (!ready.test(chunk.toString())) return;
      clearTimeout(timer);
      resolve(child);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => reject(new Error(`${command} exited (${code})`)));
  });
}

const ports = { redis: 0, a: 0, b: 0 };

beforeAll(async () => {
  const redis = spawnSync('redis-server', ['--version']);
  if (redis.error) throw new Error('redis-server is not installed: `apt-get install redis-server` (.ci/run installs it when missing)');
  if (!existsSync('dist-server/room-server.mjs') || !existsSync('dist/index.html')) throw new Error('no build: run `npm run build` first (npm test does)');
  ports.redis = await freePort();
  await start('redis-server', ['--port', String(ports.redis), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {}, /Ready to accept connections/);
  ports.a = await freePort();
  ports.b = await freePort();
  const redisUrl = `redis://127.0.0.1:${ports.redis}`;
  await Promise.all(
    (['a', 'b'] as const).map((p) =>
      start(
        process.execPath,
        ['scripts/serve.mjs', '--no-https', '--quiet', '--port', String(ports[p])],
        { REDIS_URL: redisUrl, PUBLIC_ADDRESS: `127.0.0.1:${ports[p]}` },
        /Chasm at/,
      ),
    ),
  );
}, 60_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('rooms across processes (Redis)', () => {
  it('clients joining through either process land in the same room and see each other', async () => {
    const key = newRoomKey(randomFillSync);
    const hello = { terminal: 'phone', deviceClass: 'phone-mid' };
    const viaA = await new Client(`ws://127.0.0.1:${ports.a}`).joinOrCreate<{ participants: Map<string, { xM: number }> }>(ROOM_NAME, {
      key,
      name: 'via A',
      ...hello,
    });
    const viaB = await new Client(`ws://127.0.0.1:${ports.b}`).joinOrCreate<{ participants: Map<string, { xM: number }> }>(ROOM_NAME, {
      key,
      name: 'via B',
      ...hello,
    });
    expect(viaB.roomId).toBe(viaA.roomId);
    const end = Date.now() + 5000;
    while (viaA.state.participants.size !== 2 || viaB.state.participants.size !== 2) {
      if (Date.now() > end) throw new Error('the two clients never saw each other');
      await new Promise((r) => setTimeout(r, 50));
    }
    viaB.send('pose', { xM: 4, yM: 1.6, zM: 1, yawDeg: 0, pitchDeg: 0, left: null, right: null });
    while (viaA.state.participants.get(viaB.sessionId)?.xM !== 4) {
      if (Date.now() > end + 3000) throw new Error("the pose sent through B never reached A's client");
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const r of [viaA, viaB]) void r.leave();
  }, 30_000);
});
