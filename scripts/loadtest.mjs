// npm run loadtest: N protocol clients (colyseus.js over real WebSockets, not
// browsers) join one room on this machine and send poses at 20 Hz. Reports,
// per N: the server's patch (tick) time p50/p95, pose latency from one client
// to the others (p50/p95, loopback), downlink bytes per client per second,
// and whether every client's view holds everyone. Writes
// reports/room/loadtest.json.
//
//   npm run loadtest [-- --clients 100,200,500 --seconds 10]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'colyseus.js';

const { values: args } = parseArgs({ options: { clients: { type: 'string', default: '100,200,500' }, seconds: { type: 'string', default: '10' } } });
const COUNTS = args.clients
  .split(',')
  .map(Number)
  .filter((n) => n > 1);
const SECONDS = Number(args.seconds);
const POSE_MS = 50;

const pct = (xs, p) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function startServer() {
  const child = spawn(process.execPath, ['scripts/loadtest-server.mjs'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const m = /on (\d+)/.exec(String(chunk));
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`loadtest server exited (${code})`)));
  });
}

async function run(n) {
  const { port, child } = await startServer();
  const endpoint = `ws://127.0.0.1:${port}`;
  const key = `loadtest${String(n).padStart(4, '0')}${'x'.repeat(10)}`;
  const clients = [];
  try {
    // Join a few at a time, as people would arrive.
    for (let i = 0; i < n; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, n - i) }, (_, j) =>
          new Client(endpoint).joinOrCreate('twin', { key, name: `c${i + j}`, terminal: i + j === 0 ? 'headset' : 'phone', deviceClass: 'phone-mid' }),
        ),
      );
      clients.push(...batch);
    }
    const bytes = new Array(n).fill(0);
    clients.forEach((room, i) => {
      room.connection.transport.ws.addEventListener('message', (e) => (bytes[i] += e.data.byteLength ?? e.data.length ?? 0));
    });
    // The probe (client 0) moves to a new x every pose; the others note when they see it.
    const probe = clients[0];
    const sentAt = new Map();
    const latencies = [];
    let seq = 0;
    clients.slice(1).forEach((room) => {
      let seen = Number.NaN;
      room.onStateChange((state) => {
        const x = state.participants?.get(probe.sessionId)?.xM;
        if (x === undefined || x === seen) return;
        seen = x;
        const t = sentAt.get(x);
        if (t !== undefined) latencies.push(performance.now() - t);
      });
    });
    const timers = clients.map((room, i) =>
      setInterval(
        () => {
          if (i === 0) {
            const x = ((seq++ % 1000) + 1) / 10;
            sentAt.set(x, performance.now());
            room.send('pose', { xM: x, yM: 1.6, zM: 0, yawDeg: 0, pitchDeg: 0, left: null, right: null });
          } else {
            room.send('pose', { xM: Math.sin(i + seq / 20) * 10, yM: 1.6, zM: Math.cos(i) * 10, yawDeg: (i * 7) % 360, pitchDeg: 0, left: null, right: null });
          }
        },
        POSE_MS + (i % 5),
      ),
    );
    // Warm up, then measure.
    await new Promise((r) => setTimeout(r, 2000));
    latencies.length = 0;
    bytes.fill(0);
    const before = await (await fetch(`http://127.0.0.1:${port}/loadtest-stats`)).json();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const stats = await (await fetch(`http://127.0.0.1:${port}/loadtest-stats`)).json();
    for (const t of timers) clearInterval(t);
    const room = stats[0] ?? { tickMs: [], dropped: 0, limited: 0 };
    const complete = clients.filter((r) => r.state.participants?.size === n).length;
    const result = {
      clients: n,
      tickMs: { p50: round(pct(room.tickMs, 50)), p95: round(pct(room.tickMs, 95)) },
      latencyMs: { p50: round(pct(latencies, 50), 1), p95: round(pct(latencies, 95), 1), samples: latencies.length },
      downlinkBytesPerClientPerS: Math.round(bytes.reduce((a, b) => a + b, 0) / n / SECONDS),
      clientsWithCompleteView: complete,
      limited: room.limited - (before[0]?.limited ?? 0),
      dropped: room.dropped - (before[0]?.dropped ?? 0),
    };
    console.log(
      `${String(n).padStart(4)} clients: tick p50 ${result.tickMs.p50} ms, p95 ${result.tickMs.p95} ms; latency p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms; ` +
        `downlink ${(result.downlinkBytesPerClientPerS / 1024).toFixed(1)} KB/s per client; complete views ${complete}/${n}; rate-limited ${result.limited}`,
    );
    return result;
  } finally {
    for (const room of clients) room.connection.close();
    child.kill('SIGKILL');
  }
}

const results = [];
for (const n of COUNTS) results.push(await run(n));
mkdirSync('reports/room', { recursive: true });
writeFileSync('reports/room/loadtest.json', `${JSON.stringify({ seconds: SECONDS, poseHz: 1000 / POSE_MS, results }, null, 1)}\n`);
console.log('loadtest: reports/room/loadtest.json');
process.exit(0);
