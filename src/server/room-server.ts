/**
 * The room server, inside the HTTP server `npm start` already runs: the
 * same origin and port (a WebSocket upgrade), so the page's CSP stays
 * `connect-src 'self'`. One process and in-memory by default; with
 * `REDIS_URL` set, rooms are shared across processes through Redis
 * (Colyseus's presence and driver), behind any load balancer. A room's
 * layout is kept (in a directory, or in that Redis) so a restart keeps it.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, matchMaker } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { Encoder } from '@colyseus/schema';
import type { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES, ROOM_NAME } from '../room/protocol';
import { TwinRoom, useLayoutStore, type RoomCounters } from './twin-room';
import { directoryLayoutStore, redisLayoutStore } from './layout-store';

export interface RoomServer {
  /** Each room's counters in this process (the load test reads them). */
  counters(): RoomCounters[];
  /** Closes every room and connection. */
  close(): Promise<void>;
}

/**
 * Attaches the rooms to `servers` (the first carries the WebSocket
 * transport; the others, such as the LAN's HTTPS server, hand it their
 * upgrades and matchmaking requests).
 */
/** Colyseus's Redis presence and driver, loaded only when rooms are shared across processes. */
async function redisScaleOut(url: string) {
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
  return { presence: new RedisPresence(url), driver: new RedisDriver(url) };
}

// A full room's state in one buffer: ~100 bytes per participant, 1,000 participants with room to spare
// (the default 8 KB overflows past ~80 and reallocates on every full-state send).
Encoder.BUFFER_SIZE = 128 * 1024;

/** How the rooms run. */
export interface RoomOptions {
  /** Overrides the participant limit (the load test's hundreds of clients). */
  maxParticipants?: number;
  /** Shares rooms across processes through this Redis (Colyseus's Redis presence and driver). */
  redisUrl?: string;
  /** This process's address (host:port) as clients reach it, when rooms are shared: a client joining through another process is sent here. */
  publicAddress?: string;
  /** Where one process keeps its rooms' layouts across restarts (with `redisUrl`, Redis keeps them); none: not kept. */
  layoutDir?: string;
}

export async function attachRooms(servers: readonly HttpServer[], options: RoomOptions = {}): Promise<RoomServer> {
  const [primary, ...others] = servers;
  if (!primary) throw new Error('attachRooms needs a server');
  const transport = new WebSocketTransport({ server: primary, maxPayload: MAX_MESSAGE_BYTES, pingInterval: 3000, pingMaxRetries: 2 });
  const shared = options.redisUrl ? await redisScaleOut(options.redisUrl) : {};
  const store = options.redisUrl ? await redisLayoutStore(options.redisUrl) : options.layoutDir ? directoryLayoutStore(options.layoutDir) : null;
  useLayoutStore(store);
  const game = new Server({ transport, greet: false, gracefullyShutdown: false, publicAddress: options.publicAddress, ...shared });
  const rooms: TwinRoom[] = [];
  game
    .define(ROOM_NAME, TwinRoom)
    .filterBy(['key'])
    .on('create', (room: TwinRoom) => {
      if (options.maxParticipants !== undefined) room.maxClients = options.maxParticipants;
      rooms.push(room);
    })
    .on('dispose', (room: TwinRoom) => rooms.splice(rooms.indexOf(room), 1));
  // The transport's WebSocket server (ws), which the other servers hand their upgrades to.
  const wss = (transport as unknown as { wss: WebSocketServer }).wss;
  for (const other of others) {
    other.on('upgrade', (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    });
    (game as unknown as { attachMatchMakingRoutes(s: HttpServer): void }).attachMatchMakingRoutes(other);
  }
  await matchMaker.accept();
  return {
    counters: () => rooms.map((r) => r.counters),
    async close() {
      await game.gracefullyShutdown(false);
      await store?.close();
    },
  };
}
