import { describe, expect, it } from 'vitest';

import { isLocalResourceRequest } from '../../src/model/http';
import { isLocalResourceUrl } from '../../src/model/local-resources';
import { analyze } from './analyze';

/** For each request, whether the model takes its URL for a local resource. */
function local(code: string): Record<string, boolean> {
  const { model, sourceCode, text } = analyze(code);
  return Object.fromEntries(
    model.requests.map((request) => {
      const byUrl = request.url ? isLocalResourceUrl(request.url, sourceCode) : false;
      expect(isLocalResourceRequest(request)).toBe(byUrl);
      return [text(request.node), byUrl];
    }),
  );
}

describe('isLocalResourceUrl', () => {
  it('follows constants, concatenations and templates to a local scheme', () => {
    expect(
      local(`
        const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        const svg = 'data:image/svg+xml,' + encodeURIComponent(markup);
        const indirect = pixel;
        fetch(pixel);
        fetch(svg);
        fetch(indirect);
        fetch(\`data:\${mime};base64,\${body}\`);
        fetch('blob:' + id);
        fetch(\`\${pixel}#frag\`);
        let changed = 'data:text/plain,a';
        changed = remote;
        fetch(changed);
        fetch('https://example.com/?u=data:');
        fetch(base + 'data:');
      `),
    ).toEqual({
      'fetch(pixel)': true,
      'fetch(svg)': true,
      'fetch(indirect)': true,
      'fetch(`data:${mime};base64,${body}`)': true,
      "fetch('blob:' + id)": true,
      'fetch(`${pixel}#frag`)': true,
      'fetch(changed)': false,
      "fetch('https://example.com/?u=data:')": false,
      "fetch(base + 'data:')": false,
    });
  });

  it('knows object URLs, canvas data URLs and module assets', () => {
    expect(
      local(`
        const objectUrl = URL.createObjectURL(file);
        fetch(objectUrl);
        fetch(URL.createObjectURL(blob).toString());
        fetch(canvas.toDataURL('image/png'));
        fetch(new URL('./font.woff2', import.meta.url));
        fetch(new URL('./font.woff2', import.meta.url).href);
        fetch(new URL('data:text/plain,hi'));
        fetch(new URL('/api/items', base));
        fetch(new URL('/api/items', location.href));
        fetch(api.createObjectURL(file));
      `),
    ).toEqual({
      'fetch(objectUrl)': true,
      'fetch(URL.createObjectURL(blob).toString())': true,
      "fetch(canvas.toDataURL('image/png'))": true,
      "fetch(new URL('./font.woff2', import.meta.url))": true,
      "fetch(new URL('./font.woff2', import.meta.url).href)": true,
      "fetch(new URL('data:text/plain,hi'))": true,
      "fetch(new URL('/api/items', base))": false,
      "fetch(new URL('/api/items', location.href))": false,
      'fetch(api.createObjectURL(file))': false,
    });
  });

  it('does not take a local class named `URL` for the global one', () => {
    expect(
      local(`
        class URL {}
        fetch(URL.createObjectURL(file));
        fetch(new URL('./font.woff2', import.meta.url));
      `),
    ).toEqual({
      'fetch(URL.createObjectURL(file))': false,
      "fetch(new URL('./font.woff2', import.meta.url))": false,
    });
  });
});
