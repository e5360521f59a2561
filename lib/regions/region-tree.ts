// Builds the region tree of an overview and rolls each unit's counts up to the regions above it.

export interface RegionCounts {
  catalogEntries: number;
  items: number;
  openObligations: number;
  overdueObligations: number;
}

export interface RegionRow extends RegionCounts {
  code: string;
  name: string;
  shortName: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  isPilot: boolean;
}

export interface RegionNode extends RegionRow {
  /** This region's own counts plus those of every region below it. */
  totals: RegionCounts;
  children: RegionNode[];
}

const COUNT_KEYS = ['catalogEntries', 'items', 'openObligations', 'overdueObligations'] as const;

/** Roots are the rows whose parent is not among the rows (the top of the user's scope). */
export function buildRegionTree(rows: readonly RegionRow[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const row of rows) {
    nodes.set(row.code, { ...row, totals: pickCounts(row), children: [] });
  }
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const root of roots) rollUp(root);
  return roots;
}

function pickCounts(row: RegionCounts): RegionCounts {
  return {
    catalogEntries: row.catalogEntries,
    items: row.items,
    openObligations: row.openObligations,
    overdueObligations: row.overdueObligations,
  };
}

function rollUp(node: RegionNode): RegionCounts {
  node.children.sort((a, b) => a.code.localeCompare(b.code));
  for (const child of node.children) {
    const childTotals = rollUp(child);
    for (const key of COUNT_KEYS) node.totals[key] += childTotals[key];
  }
  return node.totals;
}
