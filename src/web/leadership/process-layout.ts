/**
 * Lays out the ISMS process diagram: processes in columns from left to right in the order they feed each other
 * (longest path from a process nothing feeds), ordered within a column to keep arrows short (barycentre sweeps).
 * Feedback loops are normal in an ISMS (improvement feeds planning again): the edges that close a loop are found
 * by a depth-first walk in reference order, left out of the ordering and drawn as dashed arrows under the boxes.
 */
export interface LayoutNode {
  id: string;
  ref: string;
  name: string;
}
export interface LayoutEdge {
  id: string;
  from: string;
  to: string;
  label: string;
}
export interface PlacedNode extends LayoutNode {
  x: number;
  y: number;
  layer: number;
}
export interface PlacedEdge extends LayoutEdge {
  path: string;
  labelX: number;
  labelY: number;
  back: boolean;
}
export interface Layout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const BOX = { w: 176, h: 64 };
const GAP_X = 160;
const GAP_Y = 48;
const MARGIN = 24;
const BACK_STEP = 26;

/** Edges that close a cycle, found by a depth-first walk in the nodes' order. */
export function backEdges(nodes: LayoutNode[], edges: LayoutEdge[]): Set<string> {
  const out = new Map<string, LayoutEdge[]>();
  for (const n of nodes) out.set(n.id, []);
  for (const e of edges) out.get(e.from)?.push(e);
  // Walk in the organization's own order (by reference): the edge that closes a loop is then the one that goes
  // back to an earlier-listed process, e.g. improvement → context, which is how people read a PDCA cycle.
  const starts = nodes;
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  for (const start of starts) {
    if (state.has(start.id)) continue;
    // iterative DFS: a stack of [node, index of the next outgoing edge]
    const stack: Array<[string, number]> = [[start.id, 0]];
    state.set(start.id, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = out.get(top[0])![top[1]++];
      if (!next) {
        state.set(top[0], 'done');
        stack.pop();
        continue;
      }
      const s = state.get(next.to);
      if (s === 'open') back.add(next.id);
      else if (!s && out.has(next.to)) {
        state.set(next.to, 'open');
        stack.push([next.to, 0]);
      }
    }
  }
  return back;
}

/** Column of each node: the longest chain of forward edges that leads to it. */
function layers(nodes: LayoutNode[], forward: LayoutEdge[]): Map<string, number> {
  const layer = new Map(nodes.map((n) => [n.id, 0]));
  const indegree = new Map(nodes.map((n) => [n.id, 0]));
  for (const e of forward) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of forward) {
      if (e.from !== id) continue;
      layer.set(e.to, Math.max(layer.get(e.to)!, layer.get(id)! + 1));
      indegree.set(e.to, indegree.get(e.to)! - 1);
      if (indegree.get(e.to) === 0) queue.push(e.to);
    }
  }
  // A process nothing feeds (internal audit feeding the review) sits just before what it feeds, not in column 0,
  // so its arrows stay short instead of crossing the whole diagram.
  for (const n of nodes) {
    if (forward.some((e) => e.to === n.id)) continue;
    const next = forward.filter((e) => e.from === n.id).map((e) => layer.get(e.to)!);
    if (next.length) layer.set(n.id, Math.max(layer.get(n.id)!, Math.min(...next) - 1));
  }
  return layer;
}

export function layoutProcesses(nodes: LayoutNode[], edges: LayoutEdge[]): Layout {
  const known = new Set(nodes.map((n) => n.id));
  const valid = edges.filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to);
  const back = backEdges(nodes, valid);
  const forward = valid.filter((e) => !back.has(e.id));
  const layerOf = layers(nodes, forward);
  const columns: string[][] = [];
  for (const n of nodes) (columns[layerOf.get(n.id)!] ??= []).push(n.id);

  // Barycentre sweeps: order each column by the mean position of its neighbours in the column before (then after).
  const position = new Map<string, number>();
  const index = () => columns.forEach((col) => col.forEach((id, i) => position.set(id, i)));
  index();
  const mean = (ids: string[], fallback: number) =>
    ids.length ? ids.reduce((s, id) => s + position.get(id)!, 0) / ids.length : fallback;
  for (let sweep = 0; sweep < 4; sweep++) {
    const leftToRight = sweep % 2 === 0;
    const order = leftToRight
      ? columns.map((_, i) => i).slice(1)
      : columns
          .map((_, i) => i)
          .slice(0, -1)
          .reverse();
    for (const c of order) {
      const col = columns[c]!;
      const weight = new Map(
        col.map((id) => [
          id,
          mean(
            forward
              .filter((e) => (leftToRight ? e.to === id : e.from === id))
              .map((e) => (leftToRight ? e.from : e.to)),
            position.get(id)!,
          ),
        ]),
      );
      col.sort((a, b) => weight.get(a)! - weight.get(b)! || position.get(a)! - position.get(b)!);
      col.forEach((id, i) => position.set(id, i));
    }
  }

  // Ends of feedback loops go to the bottom of their column, so the dashed arrows under the boxes cross none.
  const loopEnds = new Set(valid.filter((e) => back.has(e.id)).flatMap((e) => [e.from, e.to]));
  for (const col of columns)
    col.sort((a, b) => Number(loopEnds.has(a)) - Number(loopEnds.has(b)) || position.get(a)! - position.get(b)!);

  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const placed = new Map<string, PlacedNode>();
  columns.forEach((col, c) => {
    const offset = ((tallest - col.length) * (BOX.h + GAP_Y)) / 2;
    col.forEach((id, i) =>
      placed.set(id, {
        ...byId.get(id)!,
        layer: c,
        x: MARGIN + c * (BOX.w + GAP_X),
        y: MARGIN + offset + i * (BOX.h + GAP_Y),
      }),
    );
  });
  const bottom = MARGIN + tallest * (BOX.h + GAP_Y) - GAP_Y;

  let backCount = 0;
  const placedEdges = valid.map((e): PlacedEdge => {
    const a = placed.get(e.from)!;
    const b = placed.get(e.to)!;
    if (back.has(e.id)) {
      const depth = bottom + BACK_STEP * ++backCount;
      const x0 = a.x + BOX.w / 2 + 12;
      const x1 = b.x + BOX.w / 2 - 12;
      return {
        ...e,
        back: true,
        path: `M ${x0} ${a.y + BOX.h} C ${x0} ${depth}, ${x1} ${depth}, ${x1} ${b.y + BOX.h}`,
        labelX: (x0 + x1) / 2,
        labelY: depth - BACK_STEP / 4,
      };
    }
    const x0 = a.x + BOX.w;
    const y0 = a.y + BOX.h / 2;
    const x1 = b.x;
    const y1 = b.y + BOX.h / 2;
    const mid = (x0 + x1) / 2;
    return {
      ...e,
      back: false,
      path: `M ${x0} ${y0} C ${mid} ${y0}, ${mid} ${y1}, ${x1} ${y1}`,
      labelX: mid,
      labelY: (y0 + y1) / 2,
    };
  });

  const width = MARGIN * 2 + Math.max(1, columns.length) * (BOX.w + GAP_X) - GAP_X;
  const height = bottom + MARGIN + (backCount ? BACK_STEP * backCount + 8 : 0);
  return { nodes: [...placed.values()], edges: placedEdges, width, height };
}

/** Splits a name into at most `lines` lines of about `width` characters, with an ellipsis when cut. */
export function wrapText(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  const kept = out.slice(0, lines);
  const last = kept[lines - 1]!;
  kept[lines - 1] = `${last.slice(0, width - 1)}…`;
  return kept;
}
