/** The one traversal helper: depth-first, pre-order, parents before children. */
import type { Node, Parent } from './types.ts';

/** Called for each node with its parent (undefined for the root) and its index there. */
export type Visitor = (node: Node, parent: Parent | undefined, index: number | undefined) => void | false;

/**
 * Walk `tree` calling `fn` on every node, the root included. Returning `false` from `fn`
 * skips that node's children (so a caller can stop at, say, every `lead`).
 */
export function visit(tree: Node, fn: Visitor): void {
  walk(tree, undefined, undefined, fn);
}

function walk(node: Node, parent: Parent | undefined, index: number | undefined, fn: Visitor): void {
  if (fn(node, parent, index) === false) return;
  if (!('children' in node)) return;
  const children = node.children as Node[];
  for (let i = 0; i < children.length; i++) walk(children[i]!, node as Parent, i, fn);
}

/** Every node of type `type` in document order. */
export function selectAll<T extends Node['type']>(tree: Node, type: T): Array<Extract<Node, { type: T }>> {
  const out: Array<Extract<Node, { type: T }>> = [];
  visit(tree, (n) => {
    if (n.type === type) out.push(n as Extract<Node, { type: T }>);
  });
  return out;
}
