import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_URL } from '../../src/pipeline/schema.js';

type SchemaNode = { properties?: Record<string, SchemaNode>; title?: string; description?: string; $ref?: string } & Record<string, unknown>;

/** Every property (anywhere in the schema) with no title or no description, as "path.to.key". */
function undocumented(node: unknown, path: string, found: string[]): string[] {
  if (node === null || typeof node !== 'object') return found;
  const schema = node as SchemaNode;
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const documented = child.$ref !== undefined || (typeof child.title === 'string' && typeof child.description === 'string');
    if (!documented) found.push(`${path}.${key}`);
  }
  for (const [key, child] of Object.entries(schema)) {
    // An 'if' condition restates a property to test it; editors document the property itself.
    if (key !== 'properties' && key !== 'if') undocumented(child, `${path}.${key}`, found);
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) undocumented(child, `${path}.${key}`, found);
  return found;
}

describe('pipeline.schema.json', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as SchemaNode;

  it('documents every property for editors (a $ref points at a documented definition)', () => {
    expect(undocumented(schema, '', [])).toEqual([]);
  });

  it('allows exactly the top-level keys of the format', () => {
    expect(Object.keys(schema.properties ?? {})).toEqual(['workspace', 'sources', 'destinations', 'connections']);
  });
});
