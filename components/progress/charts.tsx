"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { categoryChartHeightPx, endLabelRoomPx, scoreDayTicks, wrapLabel } from "@/lib/progress/chart-labels";

/** Chart colours come from the theme's CSS variables, so light and dark mode both read well. */
const axis = { stroke: "var(--muted)", fontSize: 12 } as const;
const tooltipStyle = { contentStyle: { background: "var(--surface)", border: "1px solid var(--border)", color: "var(--fg)" } } as const;

/**
 * Bars of one value per short label (days of the week). The chart is hidden from screen readers and out
 * of the tab order (no recharts accessibility layer): the table next to it carries the same numbers.
 */
export function BarsChart({ data, valueLabel }: { data: { label: string; value: number }[]; valueLabel: string }) {
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" tick={axis} stroke="var(--border)" interval="preserveStartEnd" />
          <YAxis tick={axis} stroke="var(--border)" allowDecimals={false} domain={[0, "auto"]} />
          <Tooltip {...tooltipStyle} cursor={{ fill: "var(--surface-2)" }} />
          <Bar dataKey="value" name={valueLabel} fill="var(--accent)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

// Label column of the category charts: 16 characters of 12 px text (about 6.5 px each) fit in its 120 px
// less the tick gap, leaving a 390 px phone's panel about 180 px of bar.
const LABEL_WIDTH_PX = 120;
const LABEL_CHARS = 16;
const LABEL_MAX_LINES = 3;
const LINE_HEIGHT_PX = 14;
const rowLayout = { lineHeightPx: LINE_HEIGHT_PX, rowPaddingPx: 18, axisPx: 30 } as const;

/** A category's name beside its bar, wrapped onto up to three lines centred on the bar. */
function WrappedCategoryTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const lines = wrapLabel(String(payload?.value ?? ""), LABEL_CHARS, LABEL_MAX_LINES);
  const firstDy = -((lines.length - 1) * LINE_HEIGHT_PX) / 2;
  return (
    <text x={x} y={y} textAnchor="end" dominantBaseline="central" fill="var(--muted)" fontSize={12}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? firstDy : LINE_HEIGHT_PX}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * One horizontal bar per category (themes, rubric dimensions, sets), 0–100 %, each labelled beside it:
 * every label stays readable however narrow the screen, where a category axis under vertical bars
 * drops the labels that overlap. Hidden from screen readers like `BarsChart`: the table carries the numbers.
 */
export function CategoryBarsChart({ data, valueLabel }: { data: { label: string; value: number }[]; valueLabel: string }) {
  const heightPx = categoryChartHeightPx(
    data.map((d) => wrapLabel(d.label, LABEL_CHARS, LABEL_MAX_LINES).length),
    rowLayout,
  );
  return (
    <div aria-hidden="true" className="w-full" style={{ height: heightPx }} data-testid="category-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} layout="vertical" data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }} barCategoryGap={8}>
          <CartesianGrid stroke="var(--border)" horizontal={false} />
          <XAxis type="number" tick={axis} stroke="var(--border)" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" />
          <YAxis type="category" dataKey="label" width={LABEL_WIDTH_PX} interval={0} tick={WrappedCategoryTick} tickLine={false} stroke="var(--border)" />
          <Tooltip {...tooltipStyle} cursor={{ fill: "var(--surface-2)" }} />
          <Bar dataKey="value" name={valueLabel} fill="var(--accent)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

const scoreSeries = [
  { key: "quiz", name: "Quiz %", colour: "var(--accent)" },
  { key: "written", name: "Written answer %", colour: "var(--good)" },
] as const;

/**
 * Scores over time as percentage lines, one per kind of attempt present, with a legend naming them.
 * Each attempt is one point, in time order, evenly spaced (x = its index), filled and inset from the axes:
 * a lone attempt has no line to show it, and a low score plotted on the axes' corner was hidden by them.
 * The axis has one tick per day (scoreDayTicks), at the day's first attempt — several attempts on one day
 * no longer repeat its date — and room after the last point for its label (endLabelRoomPx), which was
 * clipped at the right edge. The tooltip names each point's date and time. A quiz lost under negative
 * marking goes below 0 (the axis extends to it).
 */
export function ScoresChart({ data, dayKeys }: { data: { when: string; quiz?: number; written?: number }[]; dayKeys: string[] }) {
  const series = scoreSeries.filter((s) => data.some((d) => d[s.key] !== undefined));
  const { ticks, labels } = scoreDayTicks(dayKeys);
  const points = data.map((d, x) => ({ ...d, x }));
  const insetPx = 16;
  return (
    <div aria-hidden="true" className="h-64 w-full" data-testid="scores-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: Math.max(8, endLabelRoomPx(labels) - insetPx), bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis
            type="number"
            dataKey="x"
            // A lone score sits in the middle (a zero-width domain has no middle).
            domain={points.length > 1 ? [0, points.length - 1] : [-1, 1]}
            ticks={ticks}
            tickFormatter={(x: number) => labels[ticks.indexOf(x)] ?? ""}
            interval="preserveStartEnd"
            minTickGap={8}
            allowDecimals={false}
            tick={axis}
            stroke="var(--border)"
            padding={{ left: insetPx, right: insetPx }}
          />
          <YAxis tick={axis} stroke="var(--border)" domain={[(min: number) => Math.min(0, Math.floor(min)), 100]} />
          <Tooltip {...tooltipStyle} labelFormatter={(x) => points[Number(x)]?.when ?? ""} />
          <Legend verticalAlign="top" height={24} iconType="circle" wrapperStyle={{ fontSize: 12, color: "var(--muted)" }} />
          {series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.colour}
              strokeWidth={2}
              connectNulls
              dot={{ r: 4, fill: s.colour, stroke: "var(--surface)", strokeWidth: 1 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
