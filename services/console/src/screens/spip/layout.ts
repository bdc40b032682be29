import type { CSSProperties } from 'react';

/** A description list as two columns, term then value, so that a file reads at a glance. */
export const FACTS: CSSProperties = { display: 'grid', gridTemplateColumns: 'minmax(12rem, max-content) 1fr', columnGap: '2rem', rowGap: '0.5rem', margin: 0 };
export const FACT_VALUE: CSSProperties = { margin: 0 };
export const SECTION = 'fr-mt-6w';
