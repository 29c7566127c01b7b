// Chasm's security policy, in one place: the npm start server sends it as
// headers, the production index.html carries it as a meta tag, and
// public/_headers gives it to static hosts.

/** Directives every response carries. */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
];

/** The policy as a meta tag may carry it (browsers ignore frame-ancestors there, with a console error). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');

/** The full policy, sent as a header. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** Headers on every response of the app's server. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Permissions-Policy': 'xr-spatial-tracking=(self)',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The same policy as a `_headers` file for static hosts (Netlify, Cloudflare
 * Pages and others read this format): security headers everywhere, hashed
 * assets cached for good, everything else revalidated.
 */
export function staticHostHeaders() {
  // Hosts merge every rule that matches a path, so Cache-Control is set per
  // path, never on /* (it would collide with the assets' rule).
  const lines = ['/*', ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`)];
  // The service worker and its helper must never be served stale (an update would go unseen).
  for (const page of ['/', '/index.html', '/sw.js', '/sw-extras.js', '/manifest.webmanifest']) lines.push(page, '  Cache-Control: no-cache');
  lines.push('/assets/*', '  Cache-Control: public, max-age=31536000, immutable', '');
  return lines.join('\n');
}
