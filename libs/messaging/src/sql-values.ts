/** PostgreSQL takes at most 65,535 parameters per statement: rows are written in chunks below that. */
export function chunksFor<T>(items: T[], columns: number, maxParameters = 60_000): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / columns));
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
