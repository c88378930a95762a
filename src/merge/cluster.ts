import type { MergeRules } from './rules.ts';
import { type LinkStrength, linkStrength, type MergeKey, mergeKey, type Report } from './link.ts';

interface Node {
  readonly report: Report;
  readonly key: MergeKey | null;
}

/**
 * Groups reports into events. The result depends only on the set of reports, never on their order
 * (data/merge/README.md): strong links join transitively; a report with only weak links joins the one
 * cluster it reaches, stays alone when two clusters compete for it, and vague reports that reach no
 * cluster group among themselves. Groups and their members come out sorted by report id.
 */
export function clusterReports(reports: readonly Report[], rules: MergeRules): Report[][] {
  const nodes: Node[] = [...reports].sort((a, b) => compare(a.id, b.id)).map((report) => ({ report, key: mergeKey(report.record, rules) }));
  const n = nodes.length;
  const links: { i: number; j: number; strength: LinkStrength }[] = [];
  for (let i = 0; i < n; i++) {
    const a = nodes[i];
    if (!a.key) continue;
    for (let j = i + 1; j < n; j++) {
      const b = nodes[j];
      if (!b.key || a.report.articleId === b.report.articleId) continue;
      const strength = linkStrength(a.key, b.key, rules);
      if (strength) links.push({ i, j, strength });
    }
  }

  // Strong links join precise reports into cores. A vague report that joins a core joins only that one,
  // so the cores stay told apart by their roots while vague reports are attached.
  const groups = new UnionFind(n);
  for (const { i, j, strength } of links) if (strength === 'strong') groups.union(i, j);
  const isCore = (i: number) => nodes[i].key?.precise === true;
  const unattached: number[] = [];
  for (let v = 0; v < n; v++) {
    if (isCore(v) || !nodes[v].key) continue;
    const reached = new Set<number>();
    for (const { i, j } of links) {
      const other = i === v ? j : j === v ? i : -1;
      if (other >= 0 && isCore(other)) reached.add(groups.find(other));
    }
    if (reached.size === 1) groups.union(v, [...reached][0]);
    else if (reached.size === 0) unattached.push(v);
  }
  const pool = new Set(unattached);
  for (const { i, j } of links) if (pool.has(i) && pool.has(j)) groups.union(i, j);

  const byRoot = new Map<number, Report[]>();
  for (let i = 0; i < n; i++) {
    const root = groups.find(i);
    const members = byRoot.get(root) ?? [];
    members.push(nodes[i].report);
    byRoot.set(root, members);
  }
  return [...byRoot.values()].sort((a, b) => compare(a[0].id, b[0].id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) [this.parent[i], i] = [root, this.parent[i]];
    return root;
  }
  /** The smaller index becomes the root, so roots do not depend on the order of unions. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
