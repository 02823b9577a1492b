import './LightCharts.css';

/**
 * The dashboard's charts without a chart library: plain HTML bars and an SVG ring, styled by LightCharts.css.
 * Its counts need bars and a ring, not axes or animation; drawn this way the dashboard fetches, parses and runs
 * no chart code (recharts, behind ui/charts.tsx, is ~130 KB gzipped and was fetched and drawn right after the
 * page). The chart card around each one also lists the numbers as text for screen readers.
 */

/** A Mantine colour name ("teal.7", "blue") as a CSS value. */
export function chartColor(color: string): string {
  const [name, shade = '6'] = color.split('.');
  return `var(--mantine-color-${name}-${shade})`;
}

export interface ChartItem {
  label: string;
  count: number;
  /** Mantine colour ("teal.7"); the list's colour when absent. */
  color?: string;
}

/** Horizontal bars, one row per item: label, bar (as long as its share of the largest count), the number. */
export function BarList({ data, color, format }: { data: ChartItem[]; color: string; format: (n: number) => string }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  return (
    <div className="bar-list">
      {data.map((d) => (
        <div className="bar-list-row" key={d.label}>
          <span className="bar-list-label">{d.label}</span>
          <span className="bar-list-track">
            <span className="bar-list-bar" style={{ width: `${(d.count / max) * 100}%`, background: chartColor(d.color ?? color) }} />
          </span>
          <span className="bar-list-value">{format(d.count)}</span>
        </div>
      ))}
    </div>
  );
}

/** A ring of coloured arcs (SVG), the total in the middle; each arc names its item and count on hover. */
export function Donut({
  data,
  size,
  thickness,
  label,
  format,
}: {
  data: ChartItem[];
  size: number;
  thickness: number;
  label: string;
  format: (n: number) => string;
}) {
  const r = (size - thickness) / 2;
  const circumference = 2 * Math.PI * r;
  const total = data.reduce((s, d) => s + d.count, 0);
  let offset = 0;
  return (
    <svg className="donut" width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
      <circle cx={size / 2} cy={size / 2} r={r} fill="none" stroke="var(--mantine-color-gray-2)" strokeWidth={thickness} />
      {total > 0
        ? data
            .filter((d) => d.count > 0)
            .map((d) => {
              const length = (d.count / total) * circumference;
              const arc = (
                <circle
                  key={d.label}
                  cx={size / 2}
                  cy={size / 2}
                  r={r}
                  fill="none"
                  stroke={chartColor(d.color ?? 'gray')}
                  strokeWidth={thickness}
                  strokeDasharray={`${length} ${circumference - length}`}
                  strokeDashoffset={-offset}
                  transform={`rotate(-90 ${size / 2} ${size / 2})`}
                >
                  <title>{`${d.label}: ${format(d.count)}`}</title>
                </circle>
              );
              offset += length;
              return arc;
            })
        : null}
      <text x="50%" y="50%" dominantBaseline="central" textAnchor="middle" className="donut-label">
        {label}
      </text>
    </svg>
  );
}
