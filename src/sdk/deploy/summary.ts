import type { ResourceChangeSummary } from './deployer.js';

/** Counts of a change set, for the one-line summary shown before confirming. */
export interface ChangeCounts {
  add: number;
  modify: number;
  remove: number;
  /** Modifications that replace the resource (`Replacement: True`): the old one, and its data, go. */
  replace: number;
  /** Modifications that may replace, depending on values known only at execution. */
  conditionalReplace: number;
  other: number;
}

export function countChanges(changes: ResourceChangeSummary[]): ChangeCounts {
  const c: ChangeCounts = { add: 0, modify: 0, remove: 0, replace: 0, conditionalReplace: 0, other: 0 };
  for (const ch of changes) {
    if (ch.action === 'Add') c.add++;
    else if (ch.action === 'Modify') c.modify++;
    else if (ch.action === 'Remove') c.remove++;
    else c.other++;
    if (ch.replacement === 'True') c.replace++;
    if (ch.replacement === 'Conditional') c.conditionalReplace++;
  }
  return c;
}

/** "3 to add, 1 to modify (1 replacement), 0 to remove". */
export function describeCounts(c: ChangeCounts): string {
  const repl = [c.replace ? `${c.replace} replacement${c.replace === 1 ? '' : 's'}` : '', c.conditionalReplace ? `${c.conditionalReplace} possible replacement${c.conditionalReplace === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
  return `${c.add} to add, ${c.modify} to modify${repl ? ` (${repl})` : ''}, ${c.remove} to remove${c.other ? `, ${c.other} other` : ''}`;
}

/** True when executing would delete or replace something (resources or their data). */
export const isDestructive = (c: ChangeCounts): boolean => c.remove > 0 || c.replace > 0 || c.conditionalReplace > 0;
