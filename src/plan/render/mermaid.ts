/**
 * The pipeline as a Mermaid `graph LR`: sources → connections → destinations, each changed resource styled by its
 * plan action. Used inside the Markdown plan and alone by the `graph` command. Node ids are generated; names only
 * appear inside quoted labels with every unusual character entity-encoded, so no name can break the diagram.
 */
import type { DesiredPipeline, ResourceKind } from '../../model/desired.js';
import type { Action, Change, Plan } from '../types.js';
import { printable } from '../../util/printable.js';

/**
 * Mermaid label text: control and bidi characters first become visible `\uXXXX` escapes; then letters, digits and a
 * few safe characters stay and everything else (quotes, brackets, backslashes…) becomes `#<code>;`.
 */
export function escapeMermaid(text: string): string {
  return [...printable(text)].map((ch) => (/[A-Za-z0-9 _.,:/@+~-]/.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join('');
}

const SYMBOL: Record<Action, string> = { create: '+', update: '~', replace: '-/+', delete: '-', 'no-op': '' };
const CLASS_DEFS: Record<Action, string> = {
  create: 'fill:#dafbe1,stroke:#1a7f37,color:#0f5323',
  update: 'fill:#fff8c5,stroke:#9a6700,color:#4d2d00',
  replace: 'fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-width:2px',
  delete: 'fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-dasharray:5 3',
  'no-op': '',
};

interface Node {
  id: string;
  kind: ResourceKind;
  name: string;
  action: Action;
}

class Graph {
  private readonly nodes = new Map<string, Node>();
  private readonly counters: Record<ResourceKind, number> = { source: 0, destination: 0, connection: 0 };
  readonly edges: [string, string][] = [];

  constructor(private readonly actions: Map<string, Action>) {}

  node(kind: ResourceKind, name: string, action?: Action): string {
    const key = `${kind}\u0000${name}`;
    const existing = this.nodes.get(key);
    if (existing) return existing.id;
    const prefix = kind === 'source' ? 'src' : kind === 'destination' ? 'dst' : 'conn';
    const id = `${prefix}${this.counters[kind]++}`;
    this.nodes.set(key, { id, kind, name, action: action ?? this.actions.get(key) ?? 'no-op' });
    return id;
  }

  lines(): string[] {
    const out = ['graph LR'];
    for (const node of this.nodes.values()) {
      const label = escapeMermaid(SYMBOL[node.action] ? `${SYMBOL[node.action]} ${node.name}` : node.name);
      out.push(node.kind === 'connection' ? `  ${node.id}(["${label}"])` : `  ${node.id}["${label}"]`);
    }
    for (const [from, to] of this.edges) out.push(`  ${from} --> ${to}`);
    const changed = [...this.nodes.values()].filter((node) => node.action !== 'no-op');
    // Only the classes in use, so an unchanged pipeline's diagram stays short.
    for (const action of new Set(changed.map((node) => node.action))) out.push(`  classDef ${action} ${CLASS_DEFS[action]}`);
    for (const node of changed) out.push(`  class ${node.id} ${node.action}`);
    return out;
  }
}

/** Deleted resources are not in the pipeline: draw them too, linked to their endpoints where those are drawn. */
function addDeletes(graph: Graph, changes: readonly Change[]): void {
  const nameById = new Map(changes.filter((c) => c.kind !== 'connection' && c.id !== null).map((c) => [c.id as string, c]));
  for (const change of changes) {
    if (change.action !== 'delete') continue;
    const id = graph.node(change.kind, change.name, 'delete');
    if (change.kind !== 'connection' || !change.remoteEndpoints) continue;
    const source = nameById.get(change.remoteEndpoints.sourceId);
    const destination = nameById.get(change.remoteEndpoints.destinationId);
    if (source) graph.edges.push([graph.node('source', source.name), id]);
    if (destination) graph.edges.push([id, graph.node('destination', destination.name)]);
  }
}

/** The Mermaid source (without Markdown fences) of the pipeline, highlighted by `plan` when given. */
export function renderGraph(pipeline: DesiredPipeline, plan?: Plan): string {
  const actions = new Map((plan?.changes ?? []).filter((c) => c.action !== 'delete').map((c) => [`${c.kind}\u0000${c.name}`, c.action]));
  const graph = new Graph(actions);
  for (const source of pipeline.sources) graph.node('source', source.name);
  for (const connection of pipeline.connections) {
    const id = graph.node('connection', connection.name);
    graph.edges.push([graph.node('source', connection.source), id], [id, graph.node('destination', connection.destination)]);
  }
  for (const destination of pipeline.destinations) graph.node('destination', destination.name);
  if (plan) addDeletes(graph, plan.changes);
  return `${graph.lines().join('\n')}\n`;
}
