/**
 * The room server over real WebSockets on loopback: two protocol clients
 * join one room by its key, see each other, and one's pose reaches the
 * other; malformed, unknown and flooding messages are dropped and counted
 * while the room and the other client carry on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server as HttpServer } from 'node:http';
import { randomFillSync } from 'node:crypto';
import { Client, type Room } from 'colyseus.js';
import { matchMaker } from '@colyseus/core';
import { attachRooms, type RoomServer } from '../../src/server/room-server';
import { newRoomKey, ROOM_NAME, MAX_PARTICIPANTS, ROOM_FULL_CODE, layoutId, layoutText } from '../../src/room/protocol';
import { parseLayout } from '../../src/layout/validate';
import { directoryLayoutStore } from '../../src/server/layout-store';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TwinRoom } from '../../src/server/twin-room';

let http: HttpServer;
let rooms: RoomServer;
let endpoint = '';

beforeAll(async () => {
  http = createServer((_req, res) => res.writeHead(404).end());
  rooms = await attachRooms([http]);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  endpoint = `ws://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await rooms.close();
  http.close();
});

type Participants = { participants: Map<string, { name: string; terminal: string; xM: number; zM: number; fps: number }> };
const hello = (name: string, terminal = 'phone', deviceClass = 'phone-mid') => ({ name, terminal, deviceClass });
const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const serverRoom = (roomId: string) => matchMaker.getLocalRoomById(roomId) as unknown as TwinRoom;

describe('room server', () => {
  it('two clients join one room by its key, see each other, and a pose reaches the other', async () => {
    const key = newRoomKey(randomFillSync);
    const a = await new Client(endpoint).joinOrCreate<Participants>(ROOM_NAME, { key, ...hello('Quest', 'headset', 'quest-3') });
    const b = await new Client(endpoint).joinOrCreate<Participants>(ROOM_NAME, { key, ...hello('Phone') });
    expect(b.roomId).toBe(a.roomId);
    await until(() => a.state.participants.size === 2 && b.state.participants.size === 2);
    a.send('pose', { xM: 1.5, yM: 1.6, zM: -2, yawDeg: 90, pitchDeg: -5, left: null, right: [0, 1, 0, 0, 0, -1] });
    await until(() => b.state.participants.get(a.sessionId)?.xM === 1.5);
    expect(b.state.participants.get(a.sessionId)).toMatchObject({ name: 'Quest', terminal: 'headset', zM: -2 });
    // Another key is another room.
    const c = await new Client(endpoint).joinOrCreate<Participants>(ROOM_NAME, { key: newRoomKey(randomFillSync), ...hello('Elsewhere') });
    expect(c.roomId).not.toBe(a.roomId);
    // Leaving is not awaited: the close handshake can take seconds, and the server is closed after the tests.
    for (const r of [a, b, c]) void r.leave();
  });

  it('refuses a join without a room key or a hello', async () => {
    await expect(new Client(endpoint).joinOrCreate(ROOM_NAME, hello('x'))).rejects.toThrow(/room link/);
    await expect(new Client(endpoint).joinOrCreate(ROOM_NAME, { key: newRoomKey(randomFillSync), terminal: 'toaster' })).rejects.toThrow(/terminal/);
    // A room id alone (shorter than a key, and listed nowhere) does not let anyone in: the key must match.
    const key = newRoomKey(randomFillSync);
    const room = await new Client(endpoint).joinOrCreate(ROOM_NAME, { key, ...hello('Owner') });
    await expect(new Client(endpoint).joinById(room.roomId, { key: newRoomKey(randomFillSync), ...hello('Guesser') })).rejects.toThrow(/room link/);
    void room.leave();
  });

  it('drops and counts 1,000 malformed messages; the room and the other client carry on', async () => {
    const key = newRoomKey(randomFillSync);
    const bad = await new Client(endpoint).joinOrCreate<Participants>(ROOM_NAME, { key, ...hello('Fuzzer') });
    const good = await new Client(endpoint).joinOrCreate<Participants>(ROOM_NAME, { key, ...hello('Good') });
    const errors: unknown[] = [];
    good.onError((code, message) => errors.push([code, message]));
    const junk: unknown[] = [
      null,
      42,
      'pose',
      [],
      { xM: 'x' },
      { xM: Infinity, yM: 0, zM: 0, yawDeg: 0, pitchDeg: 0 },
      { xM: 1e9, yM: 0, zM: 0, yawDeg: 0, pitchDeg: 0 },
      { right: [1, 2] },
    ];
    for (let i = 0; i < 1000; i++) {
      const type = ['pose', 'stats', 'nonsense', 7][i % 4] as string;
      bad.send(type, junk[i % junk.length]);
      // Paced a little, so the rate limit does not take every message before it is read.
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 60));
    }
    const server = serverRoom(bad.roomId);
    await until(() => server.counters.dropped + server.counters.limited >= 1000, 8000);
    expect(server.counters.dropped).toBeGreaterThan(100);
    // The good client still moves, and is seen moving.
    await new Promise((r) => setTimeout(r, 1100));
    good.send('pose', { xM: 3, yM: 1.6, zM: 3, yawDeg: 0, pitchDeg: 0, left: null, right: null });
    await until(() => bad.state.participants.get(good.sessionId)?.xM === 3);
    expect(errors).toEqual([]);
    for (const r of [bad, good]) void r.leave();
  });

  it(`takes ${MAX_PARTICIPANTS} participants and tells the next that the room is full`, async () => {
    const key = newRoomKey(randomFillSync);
    const joined: Room[] = [];
    for (let i = 0; i < MAX_PARTICIPANTS; i++) joined.push(await new Client(endpoint).joinOrCreate(ROOM_NAME, { key, ...hello(`P${i}`) }));
    // A full room with this key is locked: the matchmaker would make a second one, so the room is joined by id.
    await expect(new Client(endpoint).joinById(joined[0]!.roomId, { key, ...hello('One too many') })).rejects.toThrow(/full|locked/i);
    // Through the link (join or create by key), as a person would: told the room is full, not put in a second room of that key.
    await expect(new Client(endpoint).joinOrCreate(ROOM_NAME, { key, ...hello('One too many') })).rejects.toMatchObject({ code: ROOM_FULL_CODE });
    for (const r of joined) void r.leave();
  }, 30_000);

  it("takes a valid layout from one participant for everyone, and refuses an invalid one with the validator's own lines", async () => {
    const key = newRoomKey(randomFillSync);
    type LayoutState = Participants & { layout: string; layoutId: string; layoutBy: string; layoutText: string; tick: number };
    const a = await new Client(endpoint).joinOrCreate<LayoutState>(ROOM_NAME, { key, ...hello('Ana') });
    const b = await new Client(endpoint).joinOrCreate<LayoutState>(ROOM_NAME, { key, ...hello('Ben') });
    await until(() => Boolean(b.state.layoutId));
    const standard = b.state.layoutId;
    expect(b.state.layoutBy).toBe('');
    const small = readFileSync('assets/layouts/small.json', 'utf8');
    a.send('layout', small);
    await until(() => b.state.layoutId !== standard);
    const valid = parseLayout(small);
    if (!valid.ok) throw new Error('small.json is invalid');
    expect(b.state.layoutText).toBe(layoutText(valid.layout));
    expect(b.state.layoutId).toBe(layoutId(layoutText(valid.layout)));
    expect(b.state.layoutBy).toBe('Ana');
    // The room's simulation starts again on the new floor.
    expect(b.state.tick).toBeLessThan(50);

    // An invalid layout: refused to its sender, with the same per-field problems; the room keeps its own.
    const broken = JSON.stringify({ ...JSON.parse(small), robots: { count: -3 } });
    const expected = parseLayout(broken);
    if (expected.ok) throw new Error('the broken layout passed');
    const refused = new Promise<unknown>((resolve) => {
      a.onMessage('layout-refused', (m: unknown) => resolve(m));
    });
    await new Promise((r) => setTimeout(r, 2100));
    a.send('layout', broken);
    expect(await refused).toEqual({ problems: expected.problems });
    const server = serverRoom(a.roomId);
    expect(server.counters.refusedLayouts).toBe(1);
    expect(server.counters.layouts).toBe(1);
    expect(b.state.layoutBy).toBe('Ana');
    expect(b.state.layoutId).toBe(layoutId(layoutText(valid.layout)));
    // Not text, or beyond the rate: dropped and counted, the room carries on.
    a.send('layout', { robots: 3 });
    for (let i = 0; i < 5; i++) a.send('layout', small);
    await until(() => server.counters.limited > 0);
    for (const r of [a, b]) void r.leave();
  }, 20_000);
});

describe('layout store', () => {
  it("keeps a room's layout in a directory, by the hash of its key, across store instances", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chasm-rooms-'));
    try {
      const key = newRoomKey(randomFillSync);
      await directoryLayoutStore(dir).save(key, '{"name":"x"}');
      expect(await directoryLayoutStore(dir).load(key)).toBe('{"name":"x"}');
      expect(await directoryLayoutStore(dir).load(newRoomKey(randomFillSync))).toBeNull();
      // The key itself is written nowhere.
      expect(readdirSync(dir).join()).not.toContain(key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
