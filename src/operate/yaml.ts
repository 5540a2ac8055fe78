/**
 * YAML output for `discover --yaml` and `export`, shaped as people write pipeline files by hand: block mappings,
 * with short lists of scalars (cursor fields, primary keys, schemas) and small option objects (`ssl_mode`,
 * `schedule`: at most two scalar entries) in flow style.
 */
import { Document, isMap, isPair, isScalar, isSeq, visit } from 'yaml';

const SMALL_MAP_ENTRIES = 2;

function isShortList(node: unknown): boolean {
  return isSeq(node) && node.items.length > 0 && node.items.every((item) => isScalar(item) || (isSeq(item) && item.items.every(isScalar)));
}

function isSmallMap(node: unknown): boolean {
  return isMap(node) && node.items.length > 0 && node.items.length <= SMALL_MAP_ENTRIES && node.items.every((pair) => isScalar(pair.value));
}

export function toYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_key, node) {
      if (isShortList(node)) node.flow = true;
    },
    Map(_key, node, path) {
      // Only a map that is the value of a key (not a list item) and not a whole configuration.
      const parent = path[path.length - 1];
      if (!isPair(parent) || !isScalar(parent.key) || parent.key.value === 'configuration') return;
      if (isSmallMap(node)) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
