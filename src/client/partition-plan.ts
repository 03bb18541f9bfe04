/**
 * Which regions' files a question reads, as DuckDB itself plans it: `EXPLAIN (FORMAT json)` of
 * the question shows, on each read of a split table (a READ_CSV over region files), the filter
 * it prunes files with and how many files it keeps ("Scanning Files": k/n). The filter is
 * evaluated against the region codes to know which k; a read without a pruning filter, or a
 * plan not understood, means every region. Loading more files than needed costs bytes; loading
 * fewer would give a wrong answer, so every doubt loads all.
 */

export interface CsvRead {
  /** DuckDB's own text of the pruning filter, e.g. `(kode_wilayah = 'kota-001')`. */
  filter?: string;
  /** Files kept by the filter. */
  kept?: number;
}

interface PlanNode {
  name?: string;
  extra_info?: Record<string, unknown>;
  children?: PlanNode[];
}

/** Every READ_CSV of a JSON plan, with its pruning filter and the files it keeps. */
export function csvReads(planJson: string): CsvRead[] {
  const reads: CsvRead[] = [];
  const walk = (node: PlanNode) => {
    const info = node.extra_info ?? {};
    // DuckDB-WASM 1.32 (DuckDB 1.4) names the node "READ_CSV " with a space; its Function is exact.
    if (node.name?.trim() === 'READ_CSV' || info.Function === 'READ_CSV') {
      const filter = typeof info['File Filters'] === 'string' ? info['File Filters'] : undefined;
      const scanning = typeof info['Scanning Files'] === 'string' ? /^(\d+)\/\d+$/.exec(info['Scanning Files']) : null;
      reads.push({ filter, kept: scanning ? Number(scanning[1]) : undefined });
    }
    for (const c of node.children ?? []) walk(c);
  };
  const parsed = JSON.parse(planJson) as PlanNode | PlanNode[];
  for (const root of Array.isArray(parsed) ? parsed : [parsed]) walk(root);
  return reads;
}

/**
 * The regions to load for these reads: `null` for all. `evaluate(filter)` returns the codes a
 * filter keeps (a query over the codes); it may throw, which also means all.
 */
export async function regionsToLoad(
  reads: readonly CsvRead[],
  evaluate: (filter: string) => Promise<string[]>,
): Promise<Set<string> | null> {
  const needed = new Set<string>();
  for (const r of reads) {
    if (r.filter === undefined || r.kept === undefined) return null;
    let kept: string[];
    try {
      kept = await evaluate(r.filter);
    } catch {
      return null;
    }
    // DuckDB prints some filters wider than it applies them (a range as BETWEEN): more codes
    // than files kept is safe; fewer would mean the printed filter is not the one applied.
    if (kept.length < r.kept) return null;
    for (const k of kept) needed.add(k);
  }
  return needed;
}
