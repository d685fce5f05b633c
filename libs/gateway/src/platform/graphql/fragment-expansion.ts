import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** How big an operation is once its fragments are spread out, as execution would see it. */
export interface Expansion {
  /** Nesting of fields (a leaf field is 1 deep). */
  depth: number;
  /** Fields selected after spreading every fragment; counted up to `maxFields + 1` only. */
  fields: number;
}

/**
 * Measures operations with their fragments expanded, in time linear in the document: each
 * fragment is measured once and remembered, so `fragment F1 { ...F0 ...F0 }` … `F23` (2^23
 * fields from 900 bytes) costs 24 small steps instead of 2^23. A fragment that spreads itself
 * (directly or through others) counts as empty here; graphql's NoFragmentCycles refuses it.
 */
export class FragmentExpansion {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, Expansion>();
  private readonly inProgress = new Set<string>();
  /** Selections looked at so far: at most the document's own selections, whatever it expands to. */
  visitedSelections = 0;

  constructor(
    document: DocumentNode,
    private readonly maxFields: number,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  of(operation: OperationDefinitionNode): Expansion {
    return this.measure(operation.selectionSet);
  }

  private measure(selectionSet: SelectionSetNode | undefined): Expansion {
    let depth = 0;
    let fields = 0;
    for (const selection of selectionSet?.selections ?? []) {
      // Past the limit the answer is known: stop walking (the sums stay saturated, never huge).
      if (fields > this.maxFields) break;
      this.visitedSelections++;
      let inner: Expansion;
      if (selection.kind === Kind.FIELD) {
        const children = this.measure(selection.selectionSet);
        inner = { depth: 1 + children.depth, fields: 1 + children.fields };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = this.measure(selection.selectionSet);
      } else {
        inner = this.fragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      fields = Math.min(fields + inner.fields, this.maxFields + 1);
    }
    return { depth, fields };
  }

  private fragment(name: string): Expansion {
    const known = this.measured.get(name);
    if (known) return known;
    const definition = this.fragments.get(name);
    // Unknown (KnownFragmentNames refuses it) or part of a cycle (NoFragmentCycles refuses it).
    if (!definition || this.inProgress.has(name)) return { depth: 0, fields: 0 };
    this.inProgress.add(name);
    const expansion = this.measure(definition.selectionSet);
    this.inProgress.delete(name);
    this.measured.set(name, expansion);
    return expansion;
  }
}
