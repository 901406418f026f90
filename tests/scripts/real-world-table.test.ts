import { describe, expect, it } from 'vitest';

import { renderRealWorldTable, replaceBetweenMarkers } from '../../scripts/lib/real-world-table.mjs';

const summary = {
  crashes: [],
  parseFailures: [{}],
  reports: { 'http-client/require-status-check': 3, 'http-client/no-implicit-json': 1200 },
  fixesChecked: 2,
  fixSetsChecked: 1,
  suggestionsChecked: 1500,
  fixFailures: [],
  suggestionFailures: [{}],
};

describe('the real-world table', () => {
  it('has a row per run with files or programs, crashes, parse failures, summed reports and failures', () => {
    const table = renderRealWorldTable(
      [
        { label: 'corpus', rules: ['a', 'b'], result: { ...summary, files: 2044 } },
        { label: 'generated', rules: ['a', 'b'], result: { ...summary, crashes: [{}], programs: 1500, lines: 123104 } },
      ],
      '2026-12-03',
    );
    expect(table.split('\n')).toEqual([
      'With the 2 rules of the plugin as of 2026-12-03 (`configs.all`), written by `npm run real-world`:',
      '',
      '| run | files / programs | rule crashes | input parse failures | reports | fixes checked (+ files fixed whole) | suggestions checked | fix / suggestion failures |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| corpus | 2,044 files | 0 | 1 | 1,203 | 2 (+1) | 1,500 | 1 |',
      '| generated | 1,500 programs, 123,104 lines | 1 | 1 | 1,203 | 2 (+1) | 1,500 | 1 |',
    ]);
  });

  it('replaces only the marked section, and refuses a document without it', () => {
    const doc = 'intro\n<!-- t:start -->\nold\n<!-- t:end -->\noutro\n';
    expect(replaceBetweenMarkers(doc, 't', 'new')).toBe('intro\n<!-- t:start -->\nnew\n<!-- t:end -->\noutro\n');
    expect(() => replaceBetweenMarkers('intro\n', 't', 'new')).toThrow('the document has no <!-- t:start --> … <!-- t:end --> section');
  });
});
