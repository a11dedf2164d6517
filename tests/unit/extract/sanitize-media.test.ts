// @vitest-environment jsdom
/** Media beacons on another origin are dropped by the sanitiser (issue 13, item 2). */
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../lib/extract';

describe('sanitizeHtml and media', () => {
  it('drops video/audio/source/track URLs and posters on another origin, keeps the page’s own', () => {
    const own = location.origin;
    const out = sanitizeHtml(
      `<video src="http://beacon.test/v.mp4" poster="//beacon.test/p.jpg"><source src="http://beacon.test/v.webm"><track src="https://beacon.test/t.vtt"></video>
       <audio src="/media/a.mp3"></audio><video poster="${own}/p.jpg"></video>`,
      document,
    );
    expect(out).not.toContain('beacon.test');
    expect(out).toContain('src="/media/a.mp3"');
    expect(out).toContain(`poster="${own}/p.jpg"`);
  });
});
