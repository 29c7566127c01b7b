/**
 * The room server, inside the HTTP server `npm start` already runs: the
 * same origin and port (a WebSocket upgrade), so the page's CSP stays
 * `connect-src 'self'`. One process and in-memory by default; with
 * `REDIS_URL` set, rooms are shared across processes through Redis
 * (Colyseus's presence and driver), behind any load balancer.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, matchMaker } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES, ROOM_NAME } from '../room/protocol';
import { TwinRoom } from './twin-room';

export interface RoomServer {
  /** Closes every room and connection. */
  close(): Promise<void>;
}

/**
 * Attaches the rooms to `servers` (the first carries the WebSocket
 * transport; the others, such as the LAN's HTTPS server, hand it their
 * upgrades and matchmaking requests).
 */
export async function attachRooms(servers: readonly HttpServer[]): Promise<RoomServer> {
  const [primary, ...others] = servers;
  if (!primary) throw new Error('attachRooms needs a server');
  const transport = new WebSocketTransport({ server: primary, maxPayload: MAX_MESSAGE_BYTES, pingInterval: 3000, pingMaxRetries: 2 });
  const game = new Server({ transport, greet: false, gracefullyShutdown: false });
  game.define(ROOM_NAME, TwinRoom).filterBy(['key']);
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
    async close() {
      await game.gracefullyShutdown(false);
    },
  };
}
