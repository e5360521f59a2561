// League-table ranks: highest total first, equal totals share a rank (1, 2, 2, 4), null totals (nothing
// due, or too few cases) all rank last.
export function rankScores<T extends { total: number | null }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.total === null) return b.total === null ? 0 : 1;
    if (b.total === null) return -1;
    return b.total - a.total;
  });
  let rank = 0;
  return sorted.map((row, index) => {
    const previous = sorted[index - 1];
    if (!previous || previous.total !== row.total) rank = index + 1;
    return { ...row, rank };
  });
}
