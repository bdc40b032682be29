import { ReactNode } from 'react';
import { Table } from '@codegouvfr/react-dsfr/Table';

/**
 * A chart with its visible title and, below it, the same figures as a table: the canvas is drawn
 * for the eye, the table is what a screen reader (and a browser test) reads.
 */
export function ChartFigure({ id, title, description, chart, headers, rows }: {
  id: string;
  title: string;
  description?: string;
  /** Draws the chart on a canvas named by this label (react-chartjs-2's canvas is an image). */
  chart(ariaLabel: string): ReactNode;
  headers: string[];
  rows: ReactNode[][];
}) {
  return (
    <figure className="fr-mb-6w" aria-labelledby={`${id}-title`} style={{ margin: 0 }}>
      <h3 id={`${id}-title`} className="fr-h5">{title}</h3>
      {description && <p className="fr-text--sm">{description}</p>}
      <div style={{ position: 'relative', height: '18rem' }}>{chart(`Graphique : ${title}. Les données sont dans le tableau qui suit.`)}</div>
      <Table className="fr-mt-2w" caption={`${title} — données du graphique`} headers={headers} data={rows} bordered />
    </figure>
  );
}
