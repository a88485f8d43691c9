"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Chart colours come from the theme's CSS variables, so light and dark mode both read well. */
const axis = { stroke: "var(--muted)", fontSize: 12 } as const;
const tooltipStyle = { contentStyle: { background: "var(--surface)", border: "1px solid var(--border)", color: "var(--fg)" } } as const;

/**
 * Bars of one value per label. The chart is hidden from screen readers and out of the tab order
 * (no recharts accessibility layer): the table next to it carries the same numbers.
 */
export function BarsChart({ data, valueLabel, percent = false }: { data: { label: string; value: number }[]; valueLabel: string; percent?: boolean }) {
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" tick={axis} stroke="var(--border)" interval="preserveStartEnd" />
          <YAxis tick={axis} stroke="var(--border)" allowDecimals={false} domain={percent ? [0, 100] : [0, "auto"]} />
          <Tooltip {...tooltipStyle} cursor={{ fill: "var(--surface-2)" }} />
          <Bar dataKey="value" name={valueLabel} fill="var(--accent)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Scores over time as percentage lines, one per kind of attempt. */
export function ScoresChart({ data }: { data: { label: string; quiz?: number; written?: number }[] }) {
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" tick={axis} stroke="var(--border)" interval="preserveStartEnd" />
          <YAxis tick={axis} stroke="var(--border)" domain={[0, 100]} />
          <Tooltip {...tooltipStyle} />
          <Line type="monotone" dataKey="quiz" name="Quiz %" stroke="var(--accent)" connectNulls dot isAnimationActive={false} />
          <Line type="monotone" dataKey="written" name="Written answer %" stroke="var(--good)" connectNulls dot isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
