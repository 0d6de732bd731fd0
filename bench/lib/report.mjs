// Tables for the terminal and for BENCHMARKS.md, from the same data.

/** `1234.5` -> `1,235`; small numbers keep some digits. */
export function num(value, digits = 0) {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `ours / baseline` as `0.12×` or `5.3×`. */
export function ratio(ours, baseline) {
  const r = ours / baseline;
  return `${r >= 10 ? num(r, 0) : r >= 1 ? num(r, 1) : num(r, 2)}×`;
}

export const kb = (bytes) => `${num(bytes / 1024, 2)} KB`;

/** A section: { title, method, columns, rows: string[][], targets: { text, met, detail }[] }. */
export function renderText(section) {
  const widths = section.columns.map((c, i) =>
    Math.max(c.length, ...section.rows.map((r) => String(r[i] ?? '').length)),
  );
  const line = (cells) =>
    cells
      .map((c, i) => String(c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = [
    `\n${section.title}`,
    `  ${section.method}`,
    '',
    line(section.columns),
    line(widths.map((w) => '-'.repeat(w))),
  ];
  for (const row of section.rows) out.push(line(row));
  for (const note of section.notes ?? []) out.push(`  note: ${note}`);
  for (const t of section.targets) out.push(`  target ${t.met ? 'MET   ' : 'MISSED'} ${t.text}: ${t.detail}`);
  return out.join('\n');
}

export function renderMarkdown(section) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  const out = [`### ${section.title}`, '', section.method, ''];
  out.push(
    `| ${section.columns.map(esc).join(' | ')} |`,
    `|${section.columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
  );
  for (const row of section.rows) out.push(`| ${row.map(esc).join(' | ')} |`);
  out.push('');
  for (const note of section.notes ?? []) out.push(`Note: ${note}`, '');
  for (const t of section.targets) out.push(`- ${t.met ? '✅ met' : '❌ missed'}: ${t.text} — ${t.detail}`);
  out.push('');
  return out.join('\n');
}

/** A paired ratio (measure.mjs `pairedRatio`) as `1.2× (1.1–1.3×)`: median of the rounds, lowest–highest. */
export function spread({ median, min, max }) {
  const f = (r) => (r >= 10 ? num(r, 0) : r >= 1 ? num(r, 1) : num(r, 2));
  return `${f(median)}× (${f(min)}–${f(max)}×)`;
}
