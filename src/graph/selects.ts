import { Kind, type SelectionSetNode } from 'graphql';

/** Whether any of `nodes` selects `field` directly or through inline fragments (@defer ones too). */
export function selects(nodes: readonly { selectionSet?: SelectionSetNode }[], field: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) =>
      s.kind === Kind.FIELD ? s.name.value === field : s.kind === Kind.INLINE_FRAGMENT && within(s.selectionSet),
    );
  return nodes.some((n) => within(n.selectionSet));
}
