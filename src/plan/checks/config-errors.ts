/**
 * Turns ajv's raw errors into a short list of findings, one per real mistake. ajv reports every failing branch of
 * every `oneOf`; we keep only the branch the configuration chose by its discriminator (or, without one, the branch
 * that came closest), and say "must be one of …" when the discriminator itself is wrong.
 * Findings never contain configuration values: only paths, schema facts and suggestions.
 */
import type { ErrorObject } from 'ajv';
import type { Json, JsonObject } from '../../api/types.js';
import { didYouMean } from '../../util/suggest.js';
import { branchesOf, chooseBranch, valueAt, type BranchChoice } from './schema.js';
import { isJsonObject } from '../../util/json.js';

/** One mistake in a configuration. `path` is where to point (keys below `configuration`). */
export interface ConfigFinding {
  path: string[];
  /** The path the message names (the parent object for a missing key). */
  labelPath: string[];
  message: string;
  /** True for a missing key: the location is the parent's (or the `configuration` key's). */
  missing: boolean;
}

/** A `oneOf` / `anyOf` an error went through, and the branch it went into. */
interface GroupStep {
  id: string;
  node: JsonObject;
  instance: string[];
  index: number;
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Walks an error's schemaPath through the schema, noting each option group it entered. */
function groupSteps(root: JsonObject, error: ErrorObject): { steps: GroupStep[]; node: JsonObject | undefined; instance: string[] } {
  const schemaPath = pointerSegments(error.schemaPath);
  const instancePath = pointerSegments(error.instancePath);
  const steps: GroupStep[] = [];
  const instance: string[] = [];
  let node: JsonObject | undefined = root;
  for (let i = 0; i < schemaPath.length && node !== undefined;) {
    const keyword = schemaPath[i] as string;
    const next = schemaPath[i + 1];
    if (keyword === 'properties' && next !== undefined && isJsonObject(node['properties'])) {
      const child: Json | undefined = node['properties'][next];
      instance.push(next);
      node = isJsonObject(child) ? child : undefined;
      i += 2;
    } else if ((keyword === 'oneOf' || keyword === 'anyOf' || keyword === 'allOf') && next !== undefined && Array.isArray(node[keyword])) {
      const index = Number(next);
      if (keyword !== 'allOf') steps.push({ id: `${schemaPath.slice(0, i).join('/')}@${instance.join('/')}`, node, instance: [...instance], index });
      const branch: Json | undefined = (node[keyword] as Json[])[index];
      node = isJsonObject(branch) ? branch : undefined;
      i += 2;
    } else if (keyword === 'items' && isJsonObject(node['items']) && instancePath[instance.length] !== undefined) {
      instance.push(instancePath[instance.length] as string);
      node = node['items'];
      i += 1;
    } else {
      break;
    }
  }
  return { steps, node, instance };
}

function formatValue(value: Json | undefined): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value ?? null);
}

function oneOfList(values: Json[]): string {
  return values.map(formatValue).join(', ');
}

/** The branch to report for each option group: the discriminator's, else the one with the fewest errors. */
function chosenBranches(all: { steps: GroupStep[] }[], config: JsonObject): Map<string, { choice: BranchChoice; index: number | undefined }> {
  const counts = new Map<string, Map<number, number>>();
  const groups = new Map<string, GroupStep>();
  for (const { steps } of all) {
    for (const step of steps) {
      groups.set(step.id, step);
      const perBranch = counts.get(step.id) ?? new Map<number, number>();
      perBranch.set(step.index, (perBranch.get(step.index) ?? 0) + 1);
      counts.set(step.id, perBranch);
    }
  }
  const chosen = new Map<string, { choice: BranchChoice; index: number | undefined }>();
  for (const [id, step] of groups) {
    const choice = chooseBranch(step.node, valueAt(config, step.instance));
    if (choice.kind === 'branch') chosen.set(id, { choice, index: choice.index });
    else if (choice.kind === 'unmatched') chosen.set(id, { choice, index: undefined });
    else chosen.set(id, { choice, index: closestBranch(step.node, counts.get(id)) });
  }
  return chosen;
}

function closestBranch(node: JsonObject, counts: Map<number, number> | undefined): number | undefined {
  const size = branchesOf(node)?.branches.length ?? 0;
  let best: number | undefined;
  for (let index = 0; index < size; index++) {
    const errors = counts?.get(index) ?? 0;
    // A branch without errors means several branches matched: no single branch explains the failure.
    if (errors === 0) return undefined;
    if (best === undefined || errors < (counts?.get(best) ?? 0)) best = index;
  }
  return best;
}

function findingFor(error: ErrorObject, node: JsonObject | undefined, canSuggest: boolean): ConfigFinding {
  const path = pointerSegments(error.instancePath);
  const params = error.params as Record<string, Json>;
  const atValue = (): ConfigFinding => ({ path, labelPath: path, message: error.message ?? 'is invalid', missing: false });
  switch (error.keyword) {
    case 'required':
      return { path, labelPath: path, message: `missing required key '${String(params['missingProperty'])}'`, missing: true };
    case 'type':
      return { ...atValue(), message: `must be ${String(params['type']).split(',').join(' or ')}` };
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'] : [];
      const data = error.data;
      const hint =
        canSuggest && typeof data === 'string'
          ? didYouMean(
              data,
              allowed.filter((v): v is string => typeof v === 'string'),
            )
          : '';
      return { ...atValue(), message: `must be one of ${oneOfList(allowed)}${hint}` };
    }
    case 'const':
      return { ...atValue(), message: `must be ${formatValue(params['allowedValue'])}` };
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const known = isJsonObject(node?.['properties']) ? Object.keys(node['properties']) : [];
      return { path: [...path, key], labelPath: path, message: `unknown key '${key}'${didYouMean(key, known)}`, missing: false };
    }
    case 'pattern': {
      const descriptor = isJsonObject(error.parentSchema) ? error.parentSchema['pattern_descriptor'] : undefined;
      const shape = typeof descriptor === 'string' ? descriptor : String(params['pattern']);
      return { ...atValue(), message: `must match the format '${shape}'` };
    }
    case 'format':
      return { ...atValue(), message: `must be a valid ${String(params['format'])}` };
    default:
      return atValue();
  }
}

function discriminatorFinding(choice: BranchChoice & { kind: 'unmatched' }, instance: string[], canSuggest: boolean, actual: Json | undefined): ConfigFinding {
  if (choice.missing) {
    return { path: instance, labelPath: instance, message: `missing required key '${choice.key}' (one of ${oneOfList(choice.allowed)})`, missing: true };
  }
  const names = choice.allowed.filter((v): v is string => typeof v === 'string');
  const hint = canSuggest && typeof actual === 'string' ? didYouMean(actual, names) : '';
  const path = [...instance, choice.key];
  return { path, labelPath: path, message: `must be one of ${oneOfList(choice.allowed)}${hint}`, missing: false };
}

/**
 * The findings for ajv's errors on `config`. `isSecret(path)` guards suggestions, which would otherwise hint at a
 * secret's value.
 */
export function describeErrors(errors: ErrorObject[], root: JsonObject, config: JsonObject, isSecret: (path: string[]) => boolean): ConfigFinding[] {
  const walked = errors.map((error) => ({ error, ...groupSteps(root, error) }));
  const chosen = chosenBranches(walked, config);
  const kept = walked.filter(({ steps }) => steps.every((step) => chosen.get(step.id)?.index === step.index));
  const findings: ConfigFinding[] = [];
  const groupErrors = kept.filter(({ error }) => error.keyword === 'oneOf' || error.keyword === 'anyOf');
  const others = kept.filter(({ error }) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf');
  // A value of the wrong type also fails its enum, pattern, range…; the type is what to fix, so it alone is said.
  const wrongType = new Set(others.filter(({ error }) => error.keyword === 'type').map(({ error }) => error.instancePath));
  for (const { error, node } of others) {
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    findings.push(findingFor(error, node, !isSecret(pointerSegments(error.instancePath))));
  }
  for (const { error, node } of groupErrors) {
    const instance = pointerSegments(error.instancePath);
    const choice = node === undefined ? { kind: 'none' as const } : chooseBranch(node, valueAt(config, instance));
    if (choice.kind === 'unmatched') {
      const path = [...instance, choice.key];
      findings.push(discriminatorFinding(choice, instance, !isSecret(path), valueAt(config, path)));
      continue;
    }
    // Any other error at or below the group explains why no branch matched, better than "exactly one" does.
    const prefix = error.instancePath;
    const explained = kept.some(({ error: other }) => other !== error && (other.instancePath === prefix || other.instancePath.startsWith(`${prefix}/`)));
    if (!explained) findings.push({ path: instance, labelPath: instance, message: 'must match exactly one of the options', missing: false });
  }
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.labelPath.join('.')}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
