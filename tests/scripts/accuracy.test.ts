// The pure logic of `npm run accuracy` (scripts/lib/accuracy/): label validation, matching reports to
// labels, scoring and rendering. No network: the labels and reports here are made up for the tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

import { cacheDir, packageDir } from '../../scripts/lib/accuracy/cache.mjs';
import type { Label } from '../../scripts/lib/accuracy/labels.mjs';
import { groupByPackage, LabelError, loadLabels, parseLabels, validateLabel } from '../../scripts/lib/accuracy/labels.mjs';
import type { Peer } from '../../scripts/lib/accuracy/peers.mjs';
import {
  adaptRule,
  notRunNote,
  parsePeers,
  parsePeerSources,
  peerPlugin,
  resolvePeerSources,
  shimContext,
  shimRule,
  sourceEntry,
} from '../../scripts/lib/accuracy/peers.mjs';
import type { AccuracyRun } from '../../scripts/lib/accuracy/render.mjs';
import { groupMisses, lastLine, ratio, renderMarkdown, renderTerminal, summarizeSet } from '../../scripts/lib/accuracy/render.mjs';
import type { Report } from '../../scripts/lib/accuracy/score.mjs';
import { matchReports, metrics, score } from '../../scripts/lib/accuracy/score.mjs';

const RULES = new Set(['require-status-check', 'no-implicit-json', 'require-request-timeout']);

/** A valid label object; `overrides` replace or add fields. */
function raw(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    project: 'weather-kit',
    version: '2.1.0',
    path: 'lib/forecast.js',
    line: 12,
    rule: 'require-status-check',
    expected: true,
    client: 'fetch',
    shape: 'direct-call',
    reason: 'The forecast body is parsed without looking at the status first.',
    ...overrides,
  };
}

function label(overrides: Record<string, unknown> = {}): Label {
  return { ...raw(overrides), source: 'sites/require-status-check.jsonl:1' } as unknown as Label;
}

function report(overrides: Partial<Report> = {}): Report {
  const line = overrides.line ?? 12;
  return { project: 'weather-kit', version: '2.1.0', path: 'lib/forecast.js', rule: 'require-status-check', line, endLine: line, ...overrides };
}

const jsonl = (...objects: unknown[]) => objects.map((o) => JSON.stringify(o)).join('\n');

describe('label validation', () => {
  it('accepts a complete label and records where it came from', () => {
    const { labels, errors } = parseLabels(jsonl(raw()), 'sites/require-status-check.jsonl', { knownRules: RULES });
    expect(errors).toEqual([]);
    expect(labels).toEqual([{ ...raw(), source: 'sites/require-status-check.jsonl:1' }]);
  });

  it('names the file and line of each bad line, counting blank lines', () => {
    const text = [JSON.stringify(raw()), '', '{"project": "weather-kit",', JSON.stringify(raw({ line: 0 }))].join('\n');
    const { labels, errors } = parseLabels(text, 'sites/require-status-check.jsonl');
    expect(labels).toHaveLength(1);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^sites\/require-status-check\.jsonl:3: not valid JSON \(/u);
    expect(errors[1]).toBe('sites/require-status-check.jsonl:4: "line" must be a positive integer, got 0');
  });

  it('reports missing and unknown fields', () => {
    const incomplete = raw({ severity: 'high' });
    delete incomplete.reason;
    expect(validateLabel(incomplete)).toEqual(['missing field "reason"', 'unknown field "severity"']);
  });

  it('rejects a value that is not an object', () => {
    expect(validateLabel([1, 2])).toEqual(['not a JSON object']);
    expect(validateLabel(null)).toEqual(['not a JSON object']);
  });

  it.each([
    [{ version: '^2.1.0' }, '"version" must be an exact version such as "1.2.3", got "^2.1.0"'],
    [{ project: 'Weather Kit' }, '"project" must be an npm package name, got "Weather Kit"'],
    [{ path: 'package/lib/forecast.js' }, '"path" must be a relative path inside the package folder (no "package/" prefix), got "package/lib/forecast.js"'],
    [{ path: '../outside.js' }, '"path" must be a relative path inside the package folder (no "package/" prefix), got "../outside.js"'],
    [{ path: '/lib/forecast.js' }, '"path" must be a relative path inside the package folder (no "package/" prefix), got "/lib/forecast.js"'],
    [{ line: 3.5 }, '"line" must be a positive integer, got 3.5'],
    [{ expected: 'yes' }, '"expected" must be true, false or "ambiguous", got "yes"'],
    [{ client: 'jquery' }, `"client" must be one of fetch, node-fetch, undici, axios, got, ky, node-http, proxy-agent, superagent, sdk, wrapper, other, got "jquery"`],
    [{ shape: 'Direct Call' }, '"shape" must be a kebab-case tag, got "Direct Call"'],
    [{ reason: '  ' }, '"reason" must be a non-empty sentence'],
    [{ rule: 'http-client/require-status-check' }, '"rule" must be a rule name without the plugin prefix, got "http-client/require-status-check"'],
  ])('rejects %j', (overrides, message) => {
    expect(validateLabel(raw(overrides))).toEqual([message]);
  });

  it('accepts scoped names, prerelease versions and an ambiguous verdict', () => {
    expect(validateLabel(raw({ project: '@acme/http-kit', version: '3.0.0-beta.2', expected: 'ambiguous' }))).toEqual([]);
  });

  it('rejects a rule the plugin does not have', () => {
    expect(validateLabel(raw({ rule: 'require-retry' }), { knownRules: RULES })).toEqual(['unknown rule "require-retry"']);
  });

  it('keeps each file to the rule it is named after', () => {
    const { errors } = parseLabels(jsonl(raw({ rule: 'no-implicit-json' })), 'sites/require-status-check.jsonl', { knownRules: RULES });
    expect(errors).toEqual(['sites/require-status-check.jsonl:1: "rule" is "no-implicit-json" but the file holds the sites of "require-status-check"']);
  });

  describe('a folder of label files', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('loads every *.jsonl file in name order and ignores other files', () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'accuracy-labels-'));
      writeFileSync(path.join(dir, 'require-status-check.jsonl'), `${jsonl(raw())}\n`);
      writeFileSync(path.join(dir, 'no-implicit-json.jsonl'), jsonl(raw({ rule: 'no-implicit-json', line: 14 })));
      writeFileSync(path.join(dir, 'notes.txt'), 'not labels');
      const labels = loadLabels(dir, { knownRules: RULES, display: (file) => path.basename(file) });
      expect(labels.map((l) => l.source)).toEqual(['no-implicit-json.jsonl:1', 'require-status-check.jsonl:1']);
    });

    it('throws one LabelError with every bad line and every site labeled twice', () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'accuracy-labels-'));
      writeFileSync(path.join(dir, 'require-status-check.jsonl'), jsonl(raw(), raw({ expected: false }), raw({ client: 'xhr', line: 30 })));
      let error: unknown;
      try {
        loadLabels(dir, { knownRules: RULES, display: (file) => path.basename(file) });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(LabelError);
      expect((error as LabelError).errors).toEqual([
        expect.stringMatching(/^require-status-check\.jsonl:3: "client" must be one of /u),
        'require-status-check.jsonl:2: the same site as require-status-check.jsonl:1 (weather-kit@2.1.0 lib/forecast.js:12 require-status-check)',
      ]);
      expect((error as LabelError).message).toMatch(/^2 problems with the labels:\n {2}require-status-check\.jsonl:3: /u);
    });

    it('names a folder that cannot be read', () => {
      expect(() => loadLabels(path.join(os.tmpdir(), 'accuracy-no-such-folder'), { display: () => 'sites' })).toThrow('sites: cannot read the folder (ENOENT)');
    });
  });

  it('groups labels by package version, then by file', () => {
    const groups = groupByPackage([
      label({ project: 'weather-kit', version: '2.1.0', path: 'lib/b.js' }),
      label({ project: 'tide-client', version: '0.4.1', path: 'src/a.ts' }),
      label({ project: 'weather-kit', version: '2.1.0', path: 'lib/a.js', line: 3 }),
      label({ project: 'weather-kit', version: '2.1.0', path: 'lib/b.js', line: 40 }),
      label({ project: 'weather-kit', version: '1.9.0', path: 'lib/b.js' }),
    ]);
    expect(groups.map((g) => [g.id, [...g.files].map(([file, labels]) => [file, labels.map((l) => l.line)])])).toEqual([
      ['tide-client@0.4.1', [['src/a.ts', [12]]]],
      ['weather-kit@1.9.0', [['lib/b.js', [12]]]],
      ['weather-kit@2.1.0', [['lib/b.js', [12, 40]], ['lib/a.js', [3]]]],
    ]);
  });
});

describe('matching reports to labels', () => {
  const outcomesOf = (labels: Label[], reports: Report[], unparsed?: Set<string>) =>
    matchReports(labels, reports, unparsed ? { unparsed } : {}).outcomes.map((o) => o.outcome);

  it('matches a report whose lines include the label line', () => {
    const site = label({ line: 12 });
    const { outcomes, unlabeled } = matchReports([site], [report({ line: 12, endLine: 12 })]);
    expect(outcomes).toEqual([{ label: site, outcome: 'tp', reports: [report({ line: 12, endLine: 12 })] }]);
    expect(unlabeled).toEqual([]);
  });

  it('matches a multi-line report that starts before the label line and ends after it', () => {
    expect(outcomesOf([label({ line: 12 })], [report({ line: 9, endLine: 15 })])).toEqual(['tp']);
    expect(outcomesOf([label({ line: 12 })], [report({ line: 9, endLine: 12 })])).toEqual(['tp']);
  });

  it('does not match a report that ends before the label line or starts after it', () => {
    const before = report({ line: 8, endLine: 11 });
    const after = report({ line: 13, endLine: 13 });
    const { outcomes, unlabeled } = matchReports([label({ line: 12 })], [before, after]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['fn']);
    expect(unlabeled).toEqual([before, after]);
  });

  it('treats a report without endLine as covering its own line only', () => {
    expect(outcomesOf([label({ line: 12 })], [{ ...report({ line: 12 }), endLine: undefined }])).toEqual(['tp']);
    expect(outcomesOf([label({ line: 12 })], [{ ...report({ line: 11 }), endLine: undefined }])).toEqual(['fn']);
  });

  it('does not match a report of another rule on the same line', () => {
    const other = report({ rule: 'no-implicit-json' });
    const labels = [label({ line: 12 }), label({ rule: 'no-implicit-json', path: 'lib/other.js', line: 3 })];
    const { outcomes, unlabeled } = matchReports(labels, [other]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['fn', 'fn']);
    // A labeled rule in a labeled file, matching no label: listed, not scored.
    expect(unlabeled).toEqual([other]);
  });

  it('ignores reports of rules that have no labels at all', () => {
    const { outcomes, unlabeled } = matchReports([label()], [report({ rule: 'require-request-timeout' })]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['fn']);
    expect(unlabeled).toEqual([]);
  });

  it('does not match a report in another file or another version of the package', () => {
    const { outcomes, unlabeled } = matchReports([label()], [report({ path: 'lib/alerts.js' }), report({ version: '2.0.0' })]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['fn']);
    expect(unlabeled).toEqual([]);
  });

  it('lets one report span match two labels', () => {
    const labels = [label({ line: 20 }), label({ line: 22, expected: false })];
    const span = report({ line: 19, endLine: 24 });
    const { outcomes } = matchReports(labels, [span]);
    expect(outcomes.map((o) => [o.outcome, o.reports])).toEqual([
      ['tp', [span]],
      ['fp', [span]],
    ]);
  });

  it('counts a label matched by two reports once', () => {
    const reports = [report({ line: 12, endLine: 12 }), report({ line: 10, endLine: 14 })];
    const { outcomes } = matchReports([label({ line: 12 })], reports);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.outcome).toBe('tp');
    expect(outcomes[0]?.reports).toEqual(reports);
    expect(score(outcomes).overall.tp).toBe(1);
  });

  it('scores a false label as a false report when matched and a true negative when not', () => {
    expect(outcomesOf([label({ expected: false })], [report()])).toEqual(['fp']);
    expect(outcomesOf([label({ expected: false })], [])).toEqual(['tn']);
  });

  it('does not score an ambiguous label, and a report on it is not unlabeled', () => {
    const { outcomes, unlabeled } = matchReports([label({ expected: 'ambiguous' })], [report()]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['ambiguous']);
    expect(unlabeled).toEqual([]);
    expect(score(outcomes).overall).toMatchObject({ sites: 0, ambiguous: 1, projects: 0, precision: null, recall: null, f1: null });
  });

  it('does not score labels in a file that does not parse', () => {
    const unparsed = new Set(['weather-kit@2.1.0\0lib/forecast.js']);
    const labels = [label(), label({ expected: false, line: 30 }), label({ path: 'lib/alerts.js' })];
    expect(outcomesOf(labels, [report({ path: 'lib/alerts.js' })], unparsed)).toEqual(['unparsed', 'unparsed', 'tp']);
    const scored = score(matchReports(labels, [], { unparsed }).outcomes);
    expect(scored.overall).toMatchObject({ unparsed: 2, fn: 1, sites: 1 });
  });
});

describe('scoring', () => {
  it('gives null for a metric whose denominator is zero', () => {
    expect(metrics({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: null, recall: null, f1: null });
    // Nothing reported, something missed: no precision, zero recall, zero F1.
    expect(metrics({ tp: 0, fp: 0, fn: 3 })).toEqual({ precision: null, recall: 0, f1: 0 });
    // Only false reports: zero precision, no recall.
    expect(metrics({ tp: 0, fp: 2, fn: 0 })).toEqual({ precision: 0, recall: null, f1: 0 });
  });

  it('computes F1 as the harmonic mean of precision and recall', () => {
    const { precision, recall, f1 } = metrics({ tp: 6, fp: 2, fn: 4 });
    expect(precision).toBe(0.75);
    expect(recall).toBe(0.6);
    expect(f1).toBeCloseTo((2 * 0.75 * 0.6) / (0.75 + 0.6), 12);
  });

  it('counts per rule and overall, and lists asked-for rules without labels', () => {
    const labels = [
      label({ line: 1 }),
      label({ line: 2 }),
      label({ line: 3, expected: false }),
      label({ line: 4, expected: false }),
      label({ rule: 'no-implicit-json', project: 'tide-client', line: 5 }),
      label({ rule: 'no-implicit-json', project: 'tide-client', line: 6, expected: 'ambiguous' }),
    ];
    const reports = [report({ line: 1 }), report({ line: 3 }), report({ rule: 'no-implicit-json', project: 'tide-client', line: 5 })];
    const scored = score(matchReports(labels, reports).outcomes, { rules: ['require-request-timeout'] });
    expect(scored.rules.map(({ rule, tp, fp, fn, tn, ambiguous, sites }) => ({ rule, tp, fp, fn, tn, ambiguous, sites }))).toEqual([
      { rule: 'no-implicit-json', tp: 1, fp: 0, fn: 0, tn: 0, ambiguous: 1, sites: 1 },
      { rule: 'require-request-timeout', tp: 0, fp: 0, fn: 0, tn: 0, ambiguous: 0, sites: 0 },
      { rule: 'require-status-check', tp: 1, fp: 1, fn: 1, tn: 1, ambiguous: 0, sites: 4 },
    ]);
    expect(scored.rules[1]).toMatchObject({ precision: null, recall: null, f1: null });
    expect(scored.overall).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1, sites: 5, projects: 2 });
    expect(scored.overall.precision).toBeCloseTo(2 / 3, 12);
    expect(scored.overall.recall).toBeCloseTo(2 / 3, 12);
  });
});

/** A small run: one miss, one false report, one hit, one peer that ran and one that did not. */
function sampleRun(): AccuracyRun {
  const labels = [
    label({ line: 12 }),
    label({ line: 40, shape: 'wrapper', client: 'wrapper', reason: 'The in-house helper returns a response nobody checks.' }),
    label({ line: 55, expected: false, shape: 'helper-check', reason: 'A shared assert helper throws on a bad status | always.' }),
    label({ project: 'tide-client', version: '0.4.1', path: 'src/tides.ts', line: 7, expected: 'ambiguous' }),
  ];
  const reports = [report({ line: 12 }), report({ line: 54, endLine: 56 }), report({ line: 70, message: 'Unchecked.' })];
  const matched = matchReports(labels, reports);
  const peerMatched = matchReports(labels, [report({ line: 40 })]);
  return {
    date: '2026-01-02',
    plugin: { name: 'eslint-plugin-http-client', version: '9.9.9' },
    set: summarizeSet(labels),
    runs: [{ mode: 'plain', ...matched, scored: score(matched.outcomes, { rules: ['require-status-check'] }) }],
    peers: [
      {
        name: 'lint-peer-one',
        version: '1.2.3',
        author: 'Someone',
        rules: { 'check-the-status': 'require-status-check' },
        status: 'run',
        adapter: null,
        ...peerMatched,
        scored: score(peerMatched.outcomes, { rules: ['require-status-check'] }),
      },
      { name: 'lint-peer-two', version: null, rules: { 'status-please': 'require-status-check' }, status: 'not run', note: 'not published on npm' },
    ],
    parseFailures: [{ id: 'tide-client@0.4.1', path: 'src/broken.ts', message: 'Parsing error: Expression expected. (3:1)', labels: 2 }],
  };
}

describe('rendering', () => {
  it('prints ratios with two decimals, or n/a', () => {
    expect([ratio(2 / 3), ratio(1), ratio(0), ratio(null)]).toEqual(['0.67', '1.00', '0.00', 'n/a']);
  });

  it('ends the terminal report with the summary line', () => {
    const run = sampleRun();
    const lines = renderTerminal(run);
    expect(lines.at(-1)).toBe('accuracy: P=0.50 R=0.50 over 3 sites in 1 projects');
    const [plain] = run.runs;
    if (plain === undefined) throw new Error('the sample has a plain run');
    expect(lastLine({ ...plain.scored.overall, precision: null, recall: 0 })).toBe('accuracy: P=n/a R=0.00 over 3 sites in 1 projects');
  });

  it('lists every miss, every false report and the unlabeled reports', () => {
    const lines = renderTerminal(sampleRun());
    expect(lines).toContain('misses (1)');
    expect(lines).toContain('  weather-kit@2.1.0 lib/forecast.js:40 require-status-check — The in-house helper returns a response nobody checks.');
    expect(lines).toContain('false reports (1)');
    expect(lines).toContain('  weather-kit@2.1.0 lib/forecast.js:55 require-status-check — A shared assert helper throws on a bad status | always.');
    expect(lines).toContain('  weather-kit@2.1.0 lib/forecast.js:70 require-status-check — Unchecked.');
    expect(lines).toContain('  not run: not published on npm');
    expect(lines).toContain('not scored, the file does not parse: 2 labels in 1 file');
    expect(lines[0]).toBe('labeled set: 4 sites (2 true, 1 false, 1 ambiguous) in 2 projects, 2 packages');
  });

  it('prints one table row per rule and an "all" row', () => {
    const lines = renderTerminal(sampleRun());
    const header = lines.indexOf('eslint-plugin-http-client 9.9.9');
    expect(lines.slice(header + 1, header + 4).map((line) => line.split(/\s+/u))).toEqual([
      ['rule', 'TP', 'FP', 'FN', 'TN', 'P', 'R', 'F1'],
      ['require-status-check', '1', '1', '1', '0', '0.50', '0.50', '0.50'],
      ['all', '1', '1', '1', '0', '0.50', '0.50', '0.50'],
    ]);
  });

  it('groups misses by shape and client, the largest group first', () => {
    const groups = groupMisses([
      label({ shape: 'wrapper', client: 'axios' }),
      label({ shape: 'direct-call', client: 'fetch' }),
      label({ shape: 'wrapper', client: 'axios', line: 30 }),
      label({ shape: 'direct-call', client: 'axios' }),
    ]);
    expect(groups.map((g) => [g.shape, g.client, g.labels.length])).toEqual([
      ['wrapper', 'axios', 2],
      ['direct-call', 'axios', 1],
      ['direct-call', 'fetch', 1],
    ]);
  });

  it('writes the markdown page with its generated header, the tables and the peers', () => {
    const page = renderMarkdown(sampleRun());
    expect(page.split('\n')[0]).toBe('<!-- Generated by `npm run accuracy`: do not edit by hand. -->');
    expect(page).toContain('| require-status-check | 2 | 1 | 1 | 2 |');
    expect(page).toContain('| require-status-check | eslint-plugin-http-client | 1 | 1 | 1 | 0 | 0.50 | 0.50 | 0.50 |');
    expect(page).toContain('| require-status-check | lint-peer-one `check-the-status` | 1 | 0 | 1 | 1 | 1.00 | 0.50 | 0.67 |');
    expect(page).toContain('### wrapper (wrapper): 1');
    expect(page).toContain('- `weather-kit@2.1.0 lib/forecast.js:55` require-status-check — A shared assert helper throws on a bad status \\| always.');
    expect(page).toContain('Not run: not published on npm.');
    expect(page.endsWith('\n')).toBe(true);
    expect(page).not.toMatch(/\n{3}/u);
  });

  it('says which peer ran from a build of its public source, and how to pass one', () => {
    const run = sampleRun();
    const [ran] = run.peers;
    if (ran === undefined) throw new Error('the sample has a peer that ran');
    const commit = '0123456789abcdef0123456789abcdef01234567';
    const fromSource = { ...ran, name: 'lint-peer-three', source: { commit }, adapter: 'shims for the rule-context API that ESLint 10 removed (context.getSourceCode())' };
    const hint = notRunNote({ name: 'lint-peer-four', version: null, published: false, note: 'not published on npm', commit, rules: {} });
    const notBuilt = { name: 'lint-peer-four', version: null, rules: { 'status-please': 'require-status-check' }, status: 'not run' as const, note: hint };
    const withSources = { ...run, peers: [...run.peers, fromSource, notBuilt] };
    const lines = renderTerminal(withSources);
    const title = lines.indexOf('lint-peer-three 1.2.3 (check-the-status → require-status-check)');
    expect(lines.slice(title + 1, title + 3)).toEqual([
      `  run from its public source at commit ${commit} (not published on npm)`,
      '  adapter: shims for the rule-context API that ESLint 10 removed (context.getSourceCode())',
    ]);
    expect(lines).toContain('  not run: not published on npm; pass --peer-source lint-peer-four=<dir> to run a local build of its public source');
    const page = renderMarkdown(withSources);
    expect(page).toContain('- peer: lint-peer-three 1.2.3, run from its public source at commit `0123456789ab` (see [Peers](#peers))');
    expect(page).toContain(`Not published on npm: run from a build of its public source at commit \`${commit}\`.`);
    expect(page).toContain('Adapter: shims for the rule-context API that ESLint 10 removed (context.getSourceCode()).');
    expect(page).toContain('Not run: not published on npm; pass `--peer-source lint-peer-four=<dir>` to run a local build of its public source.');
    expect(page).toContain('- peer: lint-peer-one 1.2.3, run (see [Peers](#peers))');
  });
});

describe('peers', () => {
  it('validates the peer list', () => {
    expect(() => parsePeers({ peers: [{ name: 'x', published: true, rules: { a: 'require-retry' } }] }, { knownRules: RULES, file: 'peers.json' })).toThrow(
      [
        'peers.json: peers[0]: a published peer needs an exact "version"',
        'peers.json: peers[0]: a published peer needs the "namespace" its rules are registered under',
        'peers.json: peers[0]: "a" maps to unknown rule "require-retry"',
      ].join('\n'),
    );
    expect(() => parsePeers({ peers: [{ name: 'y', published: false, rules: {} }] })).toThrow(
      'accuracy/peers.json: peers[0]: a peer that is not run needs a "note" saying why\naccuracy/peers.json: peers[0]: "rules" must map',
    );
    expect(() => parsePeers({})).toThrow('expected an object with a "peers" array');
  });

  it('keeps a rule that has create() as it is', () => {
    const rule = { meta: { type: 'problem' }, create: () => ({}) };
    expect(adaptRule(rule)).toEqual({ rule, adapted: false });
  });

  it('runs createOnce() once per file, with its before() and after() hooks', () => {
    const calls: string[] = [];
    let skip = false;
    const rule = {
      createOnce: () => ({
        before: () => (calls.push('before'), !skip),
        after: () => calls.push('after'),
        Program: () => calls.push('Program'),
        'Program:exit': () => calls.push('exit'),
      }),
    };
    const { rule: adapted, adapted: wasAdapted } = adaptRule(rule);
    expect(wasAdapted).toBe(true);
    const visitor = adapted.create(undefined as never) as Record<string, (node?: unknown) => void>;
    expect(Object.keys(visitor).sort()).toEqual(['Program', 'Program:exit']);
    visitor.Program?.();
    visitor['Program:exit']?.();
    expect(calls).toEqual(['before', 'Program', 'exit', 'after']);
    skip = true;
    expect(adapted.create(undefined as never)).toEqual({});
  });

  it('builds a plugin of the mapped rules only, and names a missing rule', () => {
    const source = { default: { rules: { a: { create: () => ({}) }, b: { createOnce: () => ({}) }, c: { create: () => ({}) } } } };
    const peer = { name: 'lint-peer-one', version: '1.2.3', published: true, namespace: 'one', rules: { a: 'require-status-check', b: 'no-implicit-json' } };
    const { plugin, adapted } = peerPlugin(source, peer);
    expect(Object.keys(plugin.rules)).toEqual(['a', 'b']);
    expect(adapted).toEqual(['b']);
    expect(() => peerPlugin(source, { ...peer, rules: { d: 'require-status-check' } })).toThrow('lint-peer-one@1.2.3 has no rule "d"');
  });
});

describe('peers run from a local build of their source', () => {
  const COMMIT = 'fedcba9876543210fedcba9876543210fedcba98';
  const unpublished = (overrides: Partial<Peer> = {}): Peer => ({
    name: '@lint-peers/eslint-plugin-five',
    version: '0.3.0',
    published: false,
    namespace: '@lint-peers/five',
    repository: 'lint-peers/eslint-plugin-five',
    commit: COMMIT,
    note: 'not published on npm',
    rules: { 'check-status': 'require-status-check' },
    ...overrides,
  });

  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  /** A fake build: a package.json (`manifest`) and the given files, in a new temporary folder. */
  function build(manifest: Record<string, unknown>, files: Record<string, string> = {}): string {
    dir = mkdtempSync(path.join(os.tmpdir(), 'accuracy-peer-'));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }

  it('validates the pinned commit of a peer that is not published', () => {
    expect(parsePeers({ peers: [unpublished()] }, { knownRules: RULES })).toEqual([unpublished()]);
    expect(() => parsePeers({ peers: [unpublished({ commit: 'fedcba9' })] }, { file: 'peers.json' })).toThrow(
      'peers.json: peers[0]: "commit" must be a full 40-digit commit hash',
    );
    expect(() => parsePeers({ peers: [unpublished({ repository: undefined, namespace: undefined })] }, { file: 'peers.json' })).toThrow(
      [
        'peers.json: peers[0]: a peer with a "commit" needs the "repository" it is a commit of',
        'peers.json: peers[0]: a peer with a "commit" needs the "namespace" its rules are registered under',
      ].join('\n'),
    );
    expect(() => parsePeers({ peers: [{ ...unpublished(), published: true, version: '1.0.0' }] }, { file: 'peers.json' })).toThrow(
      'peers.json: peers[0]: "commit" is for a peer that is not published (a published one runs from npm)',
    );
  });

  it('reads --peer-source <name>=<dir> arguments over the variable, resolving folders from cwd', () => {
    const cwd = path.resolve('/projects/lint');
    const sources = parsePeerSources({
      args: ['@lint-peers/eslint-plugin-five=builds/five', 'eslint-plugin-six=/opt/six=1'],
      variable: JSON.stringify({ 'eslint-plugin-six': '/opt/old-six', 'eslint-plugin-seven': '../seven' }),
      cwd,
    });
    expect([...sources]).toEqual([
      ['eslint-plugin-six', path.resolve('/opt/six=1')],
      ['eslint-plugin-seven', path.resolve(cwd, '../seven')],
      ['@lint-peers/eslint-plugin-five', path.resolve(cwd, 'builds/five')],
    ]);
    expect(parsePeerSources({ variable: '  ' }).size).toBe(0);
    expect(parsePeerSources().size).toBe(0);
  });

  it.each([
    [{ args: ['eslint-plugin-six'] }, '--peer-source eslint-plugin-six: expected <package-name>=<dir>'],
    [{ args: ['=/opt/six'] }, '--peer-source =/opt/six: expected <package-name>=<dir>'],
    [{ args: ['eslint-plugin-six='] }, "--peer-source eslint-plugin-six=: expected the folder of eslint-plugin-six's build"],
    [{ variable: '{"eslint-plugin-six":' }, /^HTTP_CLIENT_ACCURACY_PEER_SOURCES is not valid JSON \(/u],
    [{ variable: '["/opt/six"]' }, 'HTTP_CLIENT_ACCURACY_PEER_SOURCES must be a JSON object of package name → folder'],
    [{ variable: '{"eslint-plugin-six": 6}' }, 'HTTP_CLIENT_ACCURACY_PEER_SOURCES "eslint-plugin-six": expected the folder of eslint-plugin-six\'s build'],
  ])('rejects a malformed source %j', (options, message) => {
    expect(() => parsePeerSources(options)).toThrow(message);
  });

  it('finds the entry of a build through exports, then main, then index.js', () => {
    const peer = unpublished();
    const name = peer.name;
    const one = build({ name, main: 'dist/index.js' }, { 'dist/index.js': '' });
    expect(sourceEntry(one, peer)).toBe(path.join(one, 'dist', 'index.js'));
    const two = build({ name, main: 'dist/index.js', exports: { '.': { import: './esm/index.mjs', require: './cjs/index.cjs' } } }, { 'cjs/index.cjs': '' });
    expect(sourceEntry(two, peer)).toBe(path.join(two, 'cjs', 'index.cjs'));
    const three = build({ name, exports: './lib/plugin.js' }, { 'lib/plugin.js': '' });
    expect(sourceEntry(three, peer)).toBe(path.join(three, 'lib', 'plugin.js'));
    const four = build({ name }, { 'index.js': '' });
    expect(sourceEntry(four, peer)).toBe(path.join(four, 'index.js'));
  });

  it('refuses a folder that is not a build of the peer', () => {
    const peer = unpublished();
    const unbuilt = build({ name: peer.name, main: 'dist/index.js' });
    expect(() => sourceEntry(unbuilt, peer)).toThrow(
      `--peer-source ${peer.name}: ${path.join(unbuilt, 'dist', 'index.js')} is missing: build ${peer.name} first (its own build script)`,
    );
    const other = build({ name: 'eslint-plugin-else', main: 'index.js' }, { 'index.js': '' });
    expect(() => sourceEntry(other, peer)).toThrow(`--peer-source ${peer.name}: ${other} holds eslint-plugin-else, not ${peer.name}`);
    const empty = path.join(other, 'nothing-here');
    expect(() => sourceEntry(empty, peer)).toThrow(`--peer-source ${peer.name}: ${empty} has no package.json`);
  });

  it('takes a source only for a peer of the list that is not published and pins its commit', () => {
    const peer = unpublished();
    const folder = build({ name: peer.name, main: 'index.js' }, { 'index.js': '' });
    const peers = [peer, unpublished({ name: 'eslint-plugin-unpinned', commit: undefined }), { ...unpublished({ name: 'eslint-plugin-on-npm', commit: undefined }), published: true }];
    expect([...resolvePeerSources(new Map([[peer.name, folder]]), peers)]).toEqual([[peer.name, { dir: folder, entry: path.join(folder, 'index.js') }]]);
    const bad = new Map([
      ['eslint-plugin-unknown', folder],
      ['eslint-plugin-unpinned', folder],
      ['eslint-plugin-on-npm', folder],
    ]);
    expect(() => resolvePeerSources(bad, peers)).toThrow(
      [
        '--peer-source eslint-plugin-unknown: accuracy/peers.json has no such peer',
        '--peer-source eslint-plugin-unpinned: accuracy/peers.json pins no "commit" of its source',
        '--peer-source eslint-plugin-on-npm: this peer is published on npm and is installed from there',
      ].join('\n'),
    );
  });

  it('says how to run a local build only for a peer that pins a commit', () => {
    expect(notRunNote(unpublished())).toBe(
      'not published on npm; pass --peer-source @lint-peers/eslint-plugin-five=<dir> to run a local build of its public source',
    );
    expect(notRunNote(unpublished({ commit: undefined }))).toBe('not published on npm');
  });

  it('adds only the old context members that are missing, and records the ones used', () => {
    const used = new Set<string>();
    const sourceCode = { ast: { type: 'Program' }, parserServices: { program: 'the program' } };
    const context = { sourceCode, filename: 'a.js', getFilename: () => 'own', languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } };
    const shimmed = shimContext(context, used) as unknown as Record<string, unknown> & { getFilename: () => string; getSourceCode: () => unknown };
    expect(shimmed.getFilename()).toBe('own');
    expect(used.size).toBe(0);
    expect(shimmed.getSourceCode()).toBe(sourceCode);
    expect(shimmed.parserServices).toEqual({ program: 'the program' });
    expect(shimmed.parserOptions).toEqual({ ecmaFeatures: { jsx: true } });
    expect(shimmed.filename).toBe('a.js');
    expect([...used].sort()).toEqual(['context.getSourceCode()', 'context.parserOptions', 'context.parserServices']);
  });

  it('loads a fake build and runs its old-API rule under ESLint, naming each shim it used', async () => {
    // The fake peer's rule uses the context methods ESLint 10 removed: getSourceCode(), getScope(),
    // getAncestors(), getFilename() and parserServices.
    const rule = [
      'module.exports.rules = {',
      "  'check-status': {",
      "    meta: { type: 'problem', schema: [], messages: { seen: '{{text}} in {{scope}} scope, {{depth}} deep, {{file}}, services: {{services}}' } },",
      '    create(context) {',
      '      return {',
      '        CallExpression(node) {',
      '          const text = context.getSourceCode().getText(node.callee);',
      '          const scope = context.getScope().type;',
      '          const depth = String(context.getAncestors().length);',
      "          const file = require('node:path').basename(context.getFilename());",
      "          const services = typeof context.parserServices;",
      "          context.report({ node, messageId: 'seen', data: { text, scope, depth, file, services } });",
      '        },',
      '      };',
      '    },',
      '  },',
      '};',
    ].join('\n');
    const peer = unpublished();
    const folder = build({ name: peer.name, main: 'lib/plugin.cjs' }, { 'lib/plugin.cjs': rule });
    const source = resolvePeerSources(new Map([[peer.name, folder]]), [peer]).get(peer.name);
    if (source === undefined) throw new Error('the fake build is resolved');
    const { plugin, adapted, shims } = peerPlugin(await import(pathToFileURL(source.entry).href), peer);
    expect(adapted).toEqual([]);
    expect(shims.size).toBe(0);
    const linter = new Linter();
    const code = 'function load() {\n  return fetch(url);\n}\n';
    const messages = linter.verify(code, [{ plugins: { five: plugin as unknown as ESLint.Plugin }, rules: { 'five/check-status': 'error' } }], 'src/load.js');
    expect(messages.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 2, column: 10, message: 'fetch in function scope, 4 deep, load.js, services: object' },
    ]);
    expect([...shims].sort()).toEqual(['context.getAncestors()', 'context.getFilename()', 'context.getScope()', 'context.getSourceCode()', 'context.parserServices']);
  });

  it('keeps a rule that uses the current context API unchanged in what it reports', () => {
    const used = new Set<string>();
    type Context = { sourceCode: { getText: (node: unknown) => string }; report: (descriptor: object) => void };
    const current = {
      meta: { type: 'problem', schema: [], messages: { found: 'found {{name}}' } },
      create: (context: Context) => ({
        Identifier: (node: object) => {
          context.report({ node, messageId: 'found', data: { name: context.sourceCode.getText(node) } });
        },
      }),
    };
    const rule = shimRule(current, used);
    const plugins = { p: { rules: { r: rule } } } as unknown as Record<string, ESLint.Plugin>;
    const messages = new Linter().verify('let answer;', [{ plugins, rules: { 'p/r': 'error' } }], 'a.js');
    expect(messages.map((m) => [m.line, m.column, m.message])).toEqual([[1, 5, 'found answer']]);
    expect(used.size).toBe(0);
  });
});

describe('the cache folder', () => {
  it('prefers the variable, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(cacheDir({ HTTP_CLIENT_ACCURACY_CACHE: '/var/acc', XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe(path.resolve('/var/acc'));
    expect(cacheDir({ XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe(path.join('/xdg', 'eslint-plugin-http-client', 'accuracy'));
    expect(cacheDir({}, '/home/u')).toBe(path.join('/home/u', '.cache', 'eslint-plugin-http-client', 'accuracy'));
  });

  it('unpacks a scoped package with "/" as "+"', () => {
    expect(packageDir('/c', '@acme/http-kit', '3.0.0')).toBe(path.join('/c', '@acme+http-kit@3.0.0'));
  });
});
