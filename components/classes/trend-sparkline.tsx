"use client";

import { Line, LineChart, YAxis } from "recharts";

/**
 * A student's recent scores as a tiny line (recharts). Hidden from screen readers and out of the tab
 * order: the text beside it ("40 → 70 → 81 %") carries the same numbers.
 */
export function TrendSparkline({ shares }: { shares: readonly number[] }) {
  if (shares.length < 2) return null;
  const data = shares.map((s, i) => ({ i, value: Math.round(s * 100) }));
  return (
    <span aria-hidden="true" className="inline-block align-middle">
      <LineChart accessibilityLayer={false} width={72} height={22} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, 100]} />
        <Line type="monotone" dataKey="value" stroke="var(--accent)" strokeWidth={1.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
