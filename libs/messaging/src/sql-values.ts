/**
 * `($1, $2, …), ($n+1, …)` placeholders for a multi-row INSERT of `rows` rows of `columns`
 * values each: one round trip instead of one per row.
 */
export function valuesPlaceholders(rows: number, columns: number): string {
  return Array.from({ length: rows }, (_, row) =>
    `(${Array.from({ length: columns }, (_, column) => `$${row * columns + column + 1}`).join(', ')})`).join(', ');
}

/** PostgreSQL takes at most 65,535 parameters per statement: rows are written in chunks below that. */
export function chunksFor<T>(items: T[], columns: number, maxParameters = 60_000): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / columns));
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
