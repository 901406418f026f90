// Matching reports to labeled sites and scoring them (the rule is in accuracy/README.md): a report
// matches a label when it is in the same file, for the same rule, and its lines include the label's
// line. A report may match several labels and a label several reports.

const fileKey = (site) => `${site.project}@${site.version}\0${site.path}`;

/**
 * The outcome of every label given the reports of one linter.
 *
 * - `labels`: the labels to score;
 * - `reports`: `{ project, version, path, rule, line, endLine? }`, rule names without a prefix
 *   (a report without `endLine` covers its `line` only);
 * - `unparsed`: `project@version\0path` keys of labeled files that did not parse: their labels are
 *   not scored.
 *
 * Each outcome is `tp` (true label, matched), `fn` (true label, no match: a miss), `fp` (false label,
 * matched: a false report), `tn` (false label, no match), `ambiguous` or `unparsed` (both not scored),
 * with the matching reports. `unlabeled` lists the reports, of a labeled rule in a labeled file, that
 * match no label.
 */
export function matchReports(labels, reports, { unparsed = new Set() } = {}) {
  const labelsByFile = new Map();
  for (const label of labels) {
    const key = fileKey(label);
    const list = labelsByFile.get(key) ?? [];
    list.push(label);
    labelsByFile.set(key, list);
  }
  const labeledRules = new Set(labels.map((label) => label.rule));
  const matches = new Map(labels.map((label) => [label, []]));
  const unlabeled = [];
  for (const report of reports) {
    const candidates = labelsByFile.get(fileKey(report));
    if (candidates === undefined || !labeledRules.has(report.rule)) continue;
    const endLine = report.endLine ?? report.line;
    let matched = false;
    for (const label of candidates) {
      if (label.rule === report.rule && report.line <= label.line && label.line <= endLine) {
        matches.get(label).push(report);
        matched = true;
      }
    }
    if (!matched) unlabeled.push(report);
  }
  const outcomes = labels.map((label) => {
    const found = matches.get(label);
    let outcome;
    if (unparsed.has(fileKey(label))) outcome = 'unparsed';
    else if (label.expected === 'ambiguous') outcome = 'ambiguous';
    else if (label.expected === true) outcome = found.length > 0 ? 'tp' : 'fn';
    else outcome = found.length > 0 ? 'fp' : 'tn';
    return { label, outcome, reports: found };
  });
  return { outcomes, unlabeled: unparsedFree(unlabeled, unparsed) };
}

// A file that did not parse has no reports of its own; keep the list honest if a linter still gave some.
const unparsedFree = (reports, unparsed) => reports.filter((report) => !unparsed.has(fileKey(report)));

/**
 * Precision, recall and F1 of counts, each `null` when its denominator is zero (no report at all
 * has no precision; no true site has no recall). F1 is `2·TP / (2·TP + FP + FN)`, which equals the
 * harmonic mean of P and R whenever both exist.
 */
export function metrics({ tp, fp, fn }) {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = 2 * tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn);
  return { precision, recall, f1 };
}

const emptyCounts = () => ({ tp: 0, fp: 0, fn: 0, tn: 0, ambiguous: 0, unparsed: 0 });

/**
 * Counts and metrics per rule (every rule in `rules`, and any rule an outcome names) and overall
 * (the sums of the counts, then the metrics of the sums). `sites` is the number of scored labels
 * (TP + FP + FN + TN) and `projects` the distinct project names among them.
 */
export function score(outcomes, { rules = [] } = {}) {
  const perRule = new Map(rules.map((rule) => [rule, emptyCounts()]));
  const total = emptyCounts();
  const projects = new Set();
  for (const { label, outcome } of outcomes) {
    if (!perRule.has(label.rule)) perRule.set(label.rule, emptyCounts());
    perRule.get(label.rule)[outcome] += 1;
    total[outcome] += 1;
    if (outcome === 'tp' || outcome === 'fp' || outcome === 'fn' || outcome === 'tn') projects.add(label.project);
  }
  const withMetrics = (counts) => ({ ...counts, sites: counts.tp + counts.fp + counts.fn + counts.tn, ...metrics(counts) });
  return {
    rules: [...perRule.keys()].sort().map((rule) => ({ rule, ...withMetrics(perRule.get(rule)) })),
    overall: { ...withMetrics(total), projects: projects.size },
  };
}
