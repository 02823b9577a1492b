import type { BarChartProps, DonutChartProps } from '@mantine/charts';
import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';

/**
 * Charts load after the page: the chart library is ~130 KB of gzipped JavaScript, and every chart card
 * also shows its numbers as text, so the page is readable before the drawing arrives (scripts/bundle-size.ts).
 * The library's stylesheet comes with it. The dashboard draws its counts without a library
 * (features/dashboard/LightCharts.tsx).
 */
// the library and its stylesheet arrive together, when a chart is first drawn
const mantineCharts = () => Promise.all([import('@mantine/charts'), import('@mantine/charts/styles.css')]).then(([m]) => m);
const LazyBarChart = lazy(() => mantineCharts().then((m) => ({ default: m.BarChart })));
const LazyDonutChart = lazy(() => mantineCharts().then((m) => ({ default: m.DonutChart })));

const placeholderHeight = (h: unknown) => (typeof h === 'number' ? h : 220);

export function BarChart(props: BarChartProps) {
  return (
    <Suspense fallback={<Skeleton h={placeholderHeight(props.h)} radius="md" />}>
      <LazyBarChart {...props} />
    </Suspense>
  );
}

export function DonutChart(props: DonutChartProps) {
  return (
    <Suspense fallback={<Skeleton h={placeholderHeight(props.size ?? props.h)} w={placeholderHeight(props.size)} radius="xl" />}>
      <LazyDonutChart {...props} />
    </Suspense>
  );
}
