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

  /** The changed resources (deletes included) and the resources one edge away from them: their node ids. */
  neighbourhood(): Set<string> {
    const keep = new Set([...this.nodes.values()].filter((node) => node.action !== 'no-op').map((node) => node.id));
    const changed = new Set(keep);
    for (const [from, to] of this.edges) {
      if (changed.has(from)) keep.add(to);
      if (changed.has(to)) keep.add(from);
    }
    return keep;
  }

  get size(): number {
    return this.nodes.size;
  }

  /** The diagram's lines; only the nodes in `keep` (and the edges between them) when given. */
  lines(keep?: Set<string>): string[] {
    const drawn = (id: string) => keep === undefined || keep.has(id);
    const nodes = [...this.nodes.values()].filter((node) => drawn(node.id));
    const out = ['graph LR'];
    for (const node of nodes) {
      const label = escapeMermaid(SYMBOL[node.action] ? `${SYMBOL[node.action]} ${node.name}` : node.name);
      out.push(node.kind === 'connection' ? `  ${node.id}(["${label}"])` : `  ${node.id}["${label}"]`);
    }
    for (const [from, to] of this.edges) if (drawn(from) && drawn(to)) out.push(`  ${from} --> ${to}`);
    const changed = nodes.filter((node) => node.action !== 'no-op');
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

function buildGraph(pipeline: DesiredPipeline, plan?: Plan): Graph {
  const actions = new Map((plan?.changes ?? []).filter((c) => c.action !== 'delete').map((c) => [`${c.kind}\u0000${c.name}`, c.action]));
  const graph = new Graph(actions);
  for (const source of pipeline.sources) graph.node('source', source.name);
  for (const connection of pipeline.connections) {
    const id = graph.node('connection', connection.name);
    graph.edges.push([graph.node('source', connection.source), id], [id, graph.node('destination', connection.destination)]);
  }
  for (const destination of pipeline.destinations) graph.node('destination', destination.name);
  if (plan) addDeletes(graph, plan.changes);
  return graph;
}

/** The Mermaid source (without Markdown fences) of the whole pipeline, highlighted by `plan` when given. */
export function renderGraph(pipeline: DesiredPipeline, plan?: Plan): string {
  return `${buildGraph(pipeline, plan).lines().join('\n')}\n`;
}

/**
 * What a diagram in a GitHub comment may hold. GitHub's Mermaid renderer refuses diagrams past 500 edges or 50,000
 * characters; these leave a margin.
 */
export const DIAGRAM_LIMITS = { edges: 400, characters: 40_000 };

/** The diagram of a plan as a pull-request comment shows it, and a note (plain text) when it is not the whole pipeline. */
export interface PlanDiagram {
  /** The Mermaid source without fences; absent when even the changes' neighbourhood is too large to render. */
  graph?: string;
  note?: string;
}

const renders = (lines: string[]) =>
  lines.filter((line) => line.includes(' --> ')).length <= DIAGRAM_LIMITS.edges && lines.join('\n').length + 1 <= DIAGRAM_LIMITS.characters;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The plan's diagram for the Markdown comment: the whole pipeline when GitHub can render it; otherwise only the
 * changed resources and their direct neighbours, with a note of how many are left out; otherwise none, with a note.
 */
export function planDiagram(pipeline: DesiredPipeline, plan: Plan): PlanDiagram {
  const graph = buildGraph(pipeline, plan);
  const all = graph.lines();
  if (renders(all)) return { graph: `${all.join('\n')}\n` };
  const keep = graph.neighbourhood();
  const focused = graph.lines(keep);
  const whole = `the whole pipeline (${plural(graph.size, 'resource')}) is too large for GitHub to draw; \`airbyte-gitops graph\` draws it all`;
  if (keep.size > 0 && renders(focused)) {
    const left = graph.size - keep.size;
    return {
      graph: `${focused.join('\n')}\n`,
      note: `Only the changed resources and their direct neighbours are drawn (${plural(keep.size, 'resource')}); ${plural(left, 'unchanged resource')} left out: ${whole}.`,
    };
  }
  const what =
    keep.size > 0 ? `even the changed resources and their direct neighbours (${plural(keep.size, 'resource')}) are too many to draw` : 'nothing changes';
  return { note: `No diagram: ${what}, and ${whole}.` };
}
