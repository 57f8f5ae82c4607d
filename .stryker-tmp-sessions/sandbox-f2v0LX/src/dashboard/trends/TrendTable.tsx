// @ts-nocheck
import type { TrendModel } from './trend-data';
import { tableRows } from './trend-data';

const number = (n: number) => n.toLocaleString('en');

/**
 * The trend's numbers: one row per bucket, one column per line, totals last. The keyboard and
 * screen-reader view of the chart: every non-zero count is a link to its events in the Events view.
 */
export function TrendTable({ model, hrefOf }: { model: TrendModel; hrefOf: (line: number, bucket: number) => string }) {
  const { rows, totals } = tableRows(model);
  return (
    <div class="trend-table-wrap">
      <table class="trend-table" data-testid="trend-table">
        <caption class="muted">Events per bucket; a count opens its events.</caption>
        <thead>
          <tr>
            <th scope="col">Bucket</th>
            {model.lines.map((l, i) => <th scope="col" key={i}>{l.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.bucket} data-bucket={r.bucket}>
              <th scope="row">{r.bucket}</th>
              {r.counts.map((n, i) => (
                <td key={i} data-line={i}>
                  {n > 0 ? <a href={hrefOf(i, r.index)} aria-label={`${number(n)} ${model.lines[i].label} events in ${r.bucket}`}>{number(n)}</a> : '0'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="trend-totals">
            <th scope="row">Total</th>
            {totals.map((n, i) => <td key={i} data-line={i}>{number(n)}</td>)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
