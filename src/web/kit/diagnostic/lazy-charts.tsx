/**
 * The charts, fetched only when a page shows one: they never weigh on the initial JavaScript of any
 * page. Each is paired with a table of the same numbers, so a chart that fails to load costs nothing
 * but the picture.
 */
import { type ComponentProps, lazy, type ReactNode, Suspense } from 'react';
import { cx } from '../../components/cx.ts';
import { ErrorBoundary } from '../../components/error-boundaries.tsx';

// The charts stay at the paths scripts/check-bundle.ts watches (they must never be in a page's initial
// JavaScript); they are only ever loaded from here.
const LazyDimensionChart = lazy(() => import('./dimension-chart.tsx'));
const LazyTrendChart = lazy(() => import('./trend-chart.tsx'));

function ChartFrame({ minHeight, children }: { minHeight: string; children: ReactNode }) {
  return (
    // Reserves the chart's space while it loads, so nothing below jumps when it appears.
    <div className={cx(minHeight)}>
      <ErrorBoundary
        fallback={() => (
          <p className="text-sm text-slate-600">
            The chart couldn’t be loaded. The table has the same scores.
          </p>
        )}
      >
        <Suspense fallback={null}>{children}</Suspense>
      </ErrorBoundary>
    </div>
  );
}

export function DimensionChart(props: ComponentProps<typeof LazyDimensionChart>) {
  return (
    <ChartFrame minHeight="min-h-72">
      <LazyDimensionChart {...props} />
    </ChartFrame>
  );
}

export function TrendChart(props: ComponentProps<typeof LazyTrendChart>) {
  return (
    <ChartFrame minHeight="min-h-80">
      <LazyTrendChart {...props} />
    </ChartFrame>
  );
}
