import type { Metadata } from "next";
import { BarsChart, CategoryBarsChart, ScoresChart } from "@/components/progress/charts";
import { EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { dayKeyIn, formatDate, formatDateTime, formatDayKey, plural } from "@/lib/format";
import type { Mastery } from "@/lib/progress/stats";
import { getProgressDashboard, RETENTION_WINDOW_DAYS } from "@/lib/server/progress";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Progress" };

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The numbers behind a chart, for screen readers and anyone who prefers a table. Its cells are styled
 * from the table element, not one class list per cell: a learner's scores table grows with every
 * attempt, and each cell's classes were sent twice (in the HTML and in the RSC payload).
 */
function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-muted">Show the numbers</summary>
      <table className="mt-2 w-full text-left [&_td]:py-1 [&_td]:pr-3 [&_th]:py-1 [&_th]:pr-3 [&_th]:font-normal [&_thead_th]:border-b [&_thead_th]:border-border [&_thead_th]:font-medium">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function MasteryPanel({ title, id, mastery, empty }: { title: string; id: string; mastery: Mastery[]; empty: string }) {
  return (
    <Panel aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {mastery.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <>
          <CategoryBarsChart data={mastery.map((m) => ({ label: m.label, value: Math.round(m.share * 100) }))} valueLabel="Marks earned %" />
          <DataTable
            caption={title}
            head={["Area", "Marks earned", "Earned / available", "Points missed"]}
            rows={mastery.map((m) => [m.label, pct(m.share), `${m.earned} / ${m.available}`, m.missed])}
          />
        </>
      )}
    </Panel>
  );
}

/** A learner's progress: what is due, how well they recall, their streak, scores and weakest areas. */
export default async function ProgressPage() {
  const user = await requireUser();
  const d = await getProgressDashboard(user, new Date());
  const scoreRows = d.scores.map((s) => ({ when: formatDateTime(s.at), quiz: s.kind === "quiz" ? s.percent : undefined, written: s.kind === "written_practice" ? s.percent : undefined }));
  return (
    <>
      <PageHeader title="Progress" subtitle="Your reviews, scores and weakest areas" />
      <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Due today", String(d.dueToday)],
          ["Due this week", String(d.dueThisWeek)],
          ["True retention", d.retention === null ? "—" : pct(d.retention)],
          ["Streak", plural(d.streakDays, "day")],
        ].map(([label, value]) => (
          <Panel key={label} className="!p-3">
            <p className="text-xs text-muted">{label}</p>
            <p className="text-2xl font-semibold" data-testid={`stat-${label!.toLowerCase().replace(/ /g, "-")}`}>{value}</p>
          </Panel>
        ))}
      </div>
      <p className="mb-4 text-sm text-muted">
        {d.retention === null
          ? "True retention appears once you review cards again after their interval."
          : `True retention: of ${plural(d.retentionReviews, "review")} of mature cards in the last ${RETENTION_WINDOW_DAYS} days, the share you remembered.`}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel aria-labelledby="forecast-title">
          <h2 id="forecast-title" className="text-lg font-semibold">Cards due this week</h2>
          <BarsChart data={d.forecast.map((f) => ({ label: formatDayKey(f.day).replace(/ \d{4}$/, ""), value: f.due }))} valueLabel="Cards due" />
          <DataTable caption="Cards due each day this week" head={["Day", "Cards due"]} rows={d.forecast.map((f) => [formatDayKey(f.day), f.due])} />
        </Panel>
        <Panel aria-labelledby="scores-title">
          <h2 id="scores-title" className="text-lg font-semibold">Scores over time</h2>
          {d.scores.length === 0 ? (
            <EmptyState>Take a quiz or write an answer to see your scores here.</EmptyState>
          ) : (
            <>
              <ScoresChart data={scoreRows} dayKeys={d.scores.map((s) => dayKeyIn(s.at))} />
              <DataTable
                caption="Quiz and written-answer scores over time"
                head={["Date", "Kind", "Title", "Score"]}
                rows={d.scores.map((s) => [formatDate(s.at), s.kind === "quiz" ? "Quiz" : "Written answer", s.title.length > 80 ? `${s.title.slice(0, 77)}…` : s.title, `${s.percent}%`])}
              />
            </>
          )}
        </Panel>
        <MasteryPanel title="Mastery by theme" id="theme-title" mastery={d.themeMastery} empty="Take a quiz or write an answer to see which themes you cover well." />
        <MasteryPanel title="Mastery by rubric dimension" id="dimension-title" mastery={d.dimensionMastery} empty="Write an answer to see how you do on content, introduction, examples and conclusion." />
        <Panel aria-labelledby="cards-title" className="lg:col-span-2">
          <h2 id="cards-title" className="text-lg font-semibold">Cards held by set</h2>
          {d.cardMastery.length === 0 ? (
            <EmptyState>Review some cards to see how many you hold for three weeks or more.</EmptyState>
          ) : (
            <>
              <CategoryBarsChart data={d.cardMastery.map((m) => ({ label: m.label, value: Math.round(m.share * 100) }))} valueLabel="Mature cards %" />
              <DataTable
                caption="Cards held for three weeks or more, by set"
                head={["Set", "Share mature", "Mature cards", "Cards seen"]}
                rows={d.cardMastery.map((m) => [m.label, pct(m.share), m.mature, m.seen])}
              />
            </>
          )}
        </Panel>
      </div>
    </>
  );
}
