import { describe, expect, it } from 'vitest';
import { isLayoutFileRef } from '../../src/app/layout-source';

describe('?layout= names a file or a shipped layout', () => {
  it('a path or URL to a .json file is a file; anything else is a name (and an unknown one is said)', () => {
    for (const file of ['/my-layouts/corner.json', 'corner.json', 'https://example.com/x.JSON', '/a/b.json?v=2'])
      expect(isLayoutFileRef(file), file).toBe(true);
    for (const name of ['small', '../../etc/passwd', '<script>alert(1)</script>', 'x'.repeat(200), '/a/json']) expect(isLayoutFileRef(name), name).toBe(false);
  });
});
