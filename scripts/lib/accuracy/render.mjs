// The accuracy report: the terminal text of `npm run accuracy` and docs/accuracy.md.
//
// A run is `{ date, plugin, set, runs, peers, parseFailures }`:
// - `plugin`: `{ name, version }`;
// - `set`: the labeled set as `summarizeSet` gives it;
// - `runs`: the plugin's runs, `{ mode: 'plain' | 'typed', outcomes, unlabeled, scored }`, plain first;
// - `peers`: `{ name, version, author, repository, rules, adapter, source, status: 'run' | 'not run',
//   note, outcomes, unlabeled, scored }` (`rules` maps the peer's rule to the plugin's rule it competes
//   with; `source` is `{ commit }` when it ran from a local build of its public source);
// - `parseFailures`: `{ id, path, message, labels }` for each labeled file that does not parse.

/** A ratio as `0.xx`, or `n/a` when it has no denominator. */
export const ratio = (value) => (value === null || value === undefined ? 'n/a' : value.toFixed(2));

/** The last line of the terminal report. */
export function lastLine(overall) {
  return `accuracy: P=${ratio(overall.precision)} R=${ratio(overall.recall)} over ${overall.sites} sites in ${overall.projects} projects`;
}

/** `project@version path:line rule — reason`, the way every listed site is printed. */
export const siteLine = (label) => `${label.project}@${label.version} ${label.path}:${label.line} ${label.rule} — ${label.reason}`;

/** What the labeled set holds: per rule the true, false and ambiguous sites, and the projects. */
export function summarizeSet(labels) {
  const rules = new Map();
  for (const label of labels) {
    const row = rules.get(label.rule) ?? { rule: label.rule, true: 0, false: 0, ambiguous: 0, projects: new Set() };
    row[String(label.expected)] += 1;
    row.projects.add(label.project);
    rules.set(label.rule, row);
  }
  return {
    sites: labels.length,
    projects: new Set(labels.map((label) => label.project)).size,
    packages: new Set(labels.map((label) => `${label.project}@${label.version}`)).size,
    rules: [...rules.values()]
      .sort((a, b) => (a.rule < b.rule ? -1 : 1))
      .map(({ projects, ...row }) => ({ ...row, projects: projects.size })),
  };
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const pad = (text, width) => String(text).padEnd(width);
const padStart = (text, width) => String(text).padStart(width);

function table(rows, header) {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? pad(cell, widths[i]) : padStart(cell, widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

const countCells = (s) => [s.tp, s.fp, s.fn, s.tn, ratio(s.precision), ratio(s.recall), ratio(s.f1)];

/** The per-rule table of one linter, with the typed run's P, R and F1 as extra columns when given. */
function scoreTable(scored, typed) {
  const header = ['rule', 'TP', 'FP', 'FN', 'TN', 'P', 'R', 'F1', ...(typed ? ['typed P', 'typed R', 'typed F1'] : [])];
  const typedOf = (rule) => typed?.rules.find((row) => row.rule === rule);
  const extra = (row) => (typed ? [ratio(row?.precision), ratio(row?.recall), ratio(row?.f1)] : []);
  const rows = scored.rules.map((row) => [row.rule, ...countCells(row), ...extra(typedOf(row.rule))]);
  rows.push(['all', ...countCells(scored.overall), ...extra(typed?.overall)]);
  return table(rows, header);
}

const byOutcome = (outcomes, outcome) => outcomes.filter((o) => o.outcome === outcome).map((o) => o.label);
const reportLine = (r) => `${r.project}@${r.version} ${r.path}:${r.line} ${r.rule} — ${r.message ?? ''}`.trimEnd();
const peerTitle = (peer) => `${peer.name}${peer.version ? ` ${peer.version}` : ''}`;
const mapping = (peer) =>
  Object.entries(peer.rules)
    .map(([theirs, ours]) => `${theirs} → ${ours}`)
    .join(', ');

/** The terminal report, one string per line; the last one is `lastLine` of the plain run. */
export function renderTerminal(run) {
  const [plain, typed] = run.runs;
  const out = [];
  const { set } = run;
  const counts = (key) => set.rules.reduce((n, row) => n + row[key], 0);
  out.push(
    `labeled set: ${set.sites} sites (${counts('true')} true, ${counts('false')} false, ${counts('ambiguous')} ambiguous) in ${set.projects} projects, ${set.packages} packages`,
  );
  if (run.parseFailures.length > 0) {
    const labels = run.parseFailures.reduce((n, f) => n + f.labels, 0);
    out.push(`not scored, the file does not parse: ${plural(labels, 'label')} in ${plural(run.parseFailures.length, 'file')}`);
    for (const f of run.parseFailures) out.push(`  ${f.id} ${f.path}: ${f.message}`);
  }
  out.push('', `${run.plugin.name} ${run.plugin.version}${typed ? ' (typed columns: with type information)' : ''}`);
  out.push(...scoreTable(plain.scored, typed?.scored));
  for (const peer of run.peers) {
    out.push('', `${peerTitle(peer)} (${mapping(peer)})`);
    if (peer.status !== 'run') {
      out.push(`  not run: ${peer.note}`);
      continue;
    }
    if (peer.source) out.push(`  run from its public source at commit ${peer.source.commit} (not published on npm)`);
    out.push(`  ${peer.adapter ? `adapter: ${peer.adapter}` : 'no adapter needed'}`);
    out.push(...scoreTable(peer.scored));
  }
  const section = (title, lines) => {
    out.push('', `${title} (${lines.length})`);
    out.push(...lines.map((line) => `  ${line}`));
  };
  section('misses', byOutcome(plain.outcomes, 'fn').map(siteLine));
  section('false reports', byOutcome(plain.outcomes, 'fp').map(siteLine));
  if (typed) {
    const differs = (outcome) => {
      const before = new Set(byOutcome(plain.outcomes, outcome));
      return byOutcome(typed.outcomes, outcome).filter((label) => !before.has(label));
    };
    const fixed = byOutcome(plain.outcomes, 'fn').filter((label) => !byOutcome(typed.outcomes, 'fn').includes(label));
    section('typed: misses only with type information', differs('fn').map(siteLine));
    section('typed: false reports only with type information', differs('fp').map(siteLine));
    section('typed: found only with type information', fixed.map(siteLine));
  }
  if (plain.unlabeled.length > 0) section('unlabeled reports (not scored)', plain.unlabeled.map(reportLine));
  out.push('', lastLine(plain.scored.overall));
  return out;
}

const md = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (text) => `\`${String(text).replaceAll('`', "'")}\``;
const mdSite = (label) => `- ${code(`${label.project}@${label.version} ${label.path}:${label.line}`)} ${label.rule} — ${md(label.reason)}`;

/** Misses grouped by the label's `shape`, then `client`, the largest group first. */
export function groupMisses(labels) {
  const groups = new Map();
  for (const label of labels) {
    const key = `${label.shape}\0${label.client}`;
    const group = groups.get(key) ?? { shape: label.shape, client: label.client, labels: [] };
    group.labels.push(label);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => b.labels.length - a.labels.length || (a.shape < b.shape ? -1 : a.shape > b.shape ? 1 : a.client < b.client ? -1 : 1),
  );
}

/** docs/accuracy.md. */
export function renderMarkdown(run) {
  const [plain, typed] = run.runs;
  const out = [
    '<!-- Generated by `npm run accuracy`: do not edit by hand. -->',
    '',
    '# Accuracy',
    '',
    'How often the rules are right on real code: published npm packages, read by hand and labeled site by site',
    '(`accuracy/sites/`, format in `accuracy/README.md`). Each labeled file is linted with every labeled rule at',
    'its default options, and each report is matched to the labels of its file and rule. This page is written by',
    '`npm run accuracy`; do not edit it by hand.',
    '',
    `- date: ${run.date}`,
    `- plugin: ${run.plugin.name} ${run.plugin.version}${typed ? ' (without and with type information)' : ''}`,
    ...(run.eslint ? [`- ESLint ${run.eslint}, JavaScript parsed by espree, TypeScript by @typescript-eslint/parser (every file by it with --typed)`] : []),
    ...run.peers.map(
      (peer) => `- peer: ${peerTitle(peer)}, ${peer.status !== 'run' ? 'not run' : peer.source ? `run from its public source at commit ${code(peer.source.commit.slice(0, 12))}` : 'run'} (see [Peers](#peers))`,
    ),
    '',
    'A `true` site with a matching report is a true positive (TP), without one a miss (FN); a `false` site with a',
    'matching report is a false report (FP), without one a true negative (TN). P = TP / (TP + FP),',
    'R = TP / (TP + FN), F1 = 2·TP / (2·TP + FP + FN); `n/a` where the denominator is zero.',
    '',
    '## The labeled set',
    '',
    run.set.sites === 0
      ? 'No labeled sites yet: `accuracy/sites/` holds none.'
      : `${run.set.sites} sites in ${run.set.projects} projects (${run.set.packages} package versions).`,
    '',
    '| rule | true | false | ambiguous | projects |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...run.set.rules.map((row) => `| ${row.rule} | ${row.true} | ${row.false} | ${row.ambiguous} | ${row.projects} |`),
  ];
  if (run.parseFailures.length > 0) {
    out.push('', 'Not scored, because the file does not parse:', '');
    for (const f of run.parseFailures) out.push(`- ${code(`${f.id} ${f.path}`)} (${plural(f.labels, 'label')}): ${md(f.message)}`);
  }
  out.push('', '## Results', '', '| rule | linter | TP | FP | FN | TN | P | R | F1 |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rows = (linter, scored, rule) => {
    const row = rule === 'all' ? scored.overall : scored.rules.find((r) => r.rule === rule);
    return row ? [`| ${rule} | ${linter} | ${countCells(row).join(' | ')} |`] : [];
  };
  const ranPeers = run.peers.filter((peer) => peer.status === 'run');
  for (const { rule } of plain.scored.rules) {
    out.push(...rows(run.plugin.name, plain.scored, rule));
    if (typed) out.push(...rows(`${run.plugin.name} (typed)`, typed.scored, rule));
    for (const peer of ranPeers) {
      const theirs = Object.entries(peer.rules).filter(([, ours]) => ours === rule).map(([name]) => name);
      if (theirs.length > 0) out.push(...rows(`${peer.name} ${code(theirs.join(', '))}`, peer.scored, rule));
    }
  }
  out.push(...rows(run.plugin.name, plain.scored, 'all'));
  if (typed) out.push(...rows(`${run.plugin.name} (typed)`, typed.scored, 'all'));
  out.push('', 'A peer is scored only on the rules it competes with; its `all` row is in the peers section.');
  const misses = byOutcome(plain.outcomes, 'fn');
  out.push('', '## Misses by cause', '');
  if (misses.length === 0) out.push('None.');
  for (const group of groupMisses(misses)) {
    out.push(`### ${group.shape} (${group.client}): ${group.labels.length}`, '', ...group.labels.map(mdSite), '');
  }
  const falseReports = byOutcome(plain.outcomes, 'fp');
  out.push('', '## False reports', '');
  if (falseReports.length === 0) out.push('None.');
  out.push(...falseReports.map(mdSite));
  if (typed) {
    const changed = typed.outcomes.filter((o, i) => o.outcome !== plain.outcomes[i]?.outcome);
    out.push('', '## With type information', '');
    out.push(
      "Each package is linted with a generated tsconfig.json: its labeled files, JavaScript allowed, the DOM and",
      "Node types. The package's dependencies are not installed, so what it imports from them has no type.",
      '',
    );
    if (changed.length === 0) out.push('Type information changes no outcome.');
    for (const o of changed) out.push(`${mdSite(o.label)} (${plain.outcomes.find((p) => p.label === o.label)?.outcome} → ${o.outcome})`);
  }
  out.push('', '## Peers', '');
  for (const peer of run.peers) {
    out.push(`### ${peerTitle(peer)}`, '');
    if (peer.author) out.push(`By ${peer.author}${peer.repository ? ` (GitHub: ${code(peer.repository)})` : ''}.`);
    const compared = Object.entries(peer.rules).map(([theirs, ours]) => `${code(theirs)} → ${code(ours)}`);
    out.push(`Rules compared: ${compared.join(', ')}.`);
    // The note may say how to pass a local build (`--peer-source <name>=<dir>`): code, not HTML.
    if (peer.status !== 'run') out.push(`Not run: ${md(peer.note).replace(/--peer-source \S+/u, (flag) => code(flag))}.`);
    else {
      if (peer.source) out.push(`Not published on npm: run from a build of its public source at commit ${code(peer.source.commit)}.`);
      out.push(peer.adapter ? `Adapter: ${peer.adapter}.` : 'Runs under ESLint as published, without an adapter.');
      out.push('', `All its compared rules together: P ${ratio(peer.scored.overall.precision)}, R ${ratio(peer.scored.overall.recall)}, F1 ${ratio(peer.scored.overall.f1)} over ${peer.scored.overall.sites} sites.`);
    }
    out.push('');
  }
  out.push(`Unlabeled reports of the plugin in labeled files (not scored): ${plain.unlabeled.length}.`, '');
  return `${out.join('\n').replaceAll(/\n{3,}/gu, '\n\n').trimEnd()}\n`;
}
