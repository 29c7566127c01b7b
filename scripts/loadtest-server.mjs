// The load test's server: the built room server (dist-server/) on a plain
// HTTP server on loopback, in a process of its own (its own core), with the
// participant limit raised so hundreds of protocol clients fit one room.
// GET /loadtest-stats answers the rooms' counters (patch times, drops).
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const { attachRooms } = await import(pathToFileURL(resolve('dist-server/room-server.mjs')).href);
let rooms = null;
const server = createServer((req, res) => {
  if (req.url === '/loadtest-stats' && rooms) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(rooms.counters()));
    return;
  }
  res.writeHead(404).end();
});
rooms = await attachRooms([server], { maxParticipants: 1000 });
server.listen(0, '127.0.0.1', () => console.log(`loadtest server on ${server.address().port}`));
