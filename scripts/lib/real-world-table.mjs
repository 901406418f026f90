// The "Real-world check results" table of docs/benchmarks.md, from the JSON summaries that
// `npm run smoke -- --json` and `npm run fuzz -- --json` write (see scripts/real-world.mjs).

const count = (value) => value.toLocaleString('en-US');

/**
 * One row per run: `{ label, rules, result }`, `result` being a summary of scripts/lib/check.mjs
 * (`files`, `crashes`, `parseFailures`, `reports`, `fixesChecked`, `fixSetsChecked`,
 * `suggestionsChecked`, `fixFailures`, `suggestionFailures`) plus `programs`/`lines` for generated runs.
 */
export function renderRealWorldTable(rows, date) {
  const rules = rows[0]?.rules.length ?? 0;
  const out = [
    `With the ${String(rules)} rules of the plugin as of ${date} (\`configs.all\`), written by \`npm run real-world\`:`,
    '',
    '| run | files / programs | rule crashes | input parse failures | reports | fixes checked (+ files fixed whole) | suggestions checked | fix / suggestion failures |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { label, result } of rows) {
    const inputs =
      result.programs === undefined
        ? `${count(result.files)} files`
        : `${count(result.programs)} programs, ${count(result.lines)} lines`;
    const reports = Object.values(result.reports ?? {}).reduce((sum, n) => sum + n, 0);
    const failures = result.fixFailures.length + result.suggestionFailures.length;
    out.push(
      `| ${label} | ${inputs} | ${count(result.crashes.length)} | ${count(result.parseFailures.length)} | ${count(reports)} | ` +
        `${count(result.fixesChecked)} (+${count(result.fixSetsChecked)}) | ${count(result.suggestionsChecked)} | ${count(failures)} |`,
    );
  }
  return out.join('\n');
}

/** `text` with what lies between `<!-- name:start -->` and `<!-- name:end -->` replaced by `content`. */
export function replaceBetweenMarkers(text, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) throw new Error(`the document has no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
