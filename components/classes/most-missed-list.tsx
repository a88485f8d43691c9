import Link from "next/link";
import { plural } from "@/lib/format";
import { sharePercent, type MostMissed } from "@/lib/classes/gradebook";
import { shortenText } from "@/lib/text/shorten";

/** A point's text cut to `max` characters (whole ones: see shortenText), the whole of it on hover when cut. */
function ShortText({ text, max }: { text: string; max: number }) {
  const shown = shortenText(text, max);
  return (
    <span className="text-muted" title={shown === text ? undefined : text}>
      {shown}
    </span>
  );
}

/**
 * The share earned as a bar under the line, coloured by how much of it the class missed (red under a third
 * earned, amber under two thirds). Decorative: the line's text says the same for screen readers.
 */
function EarnedBar({ share }: { share: number }) {
  const percent = sharePercent(share);
  const tone = share < 1 / 3 ? "bg-bad" : share < 2 / 3 ? "bg-warn" : "bg-accent";
  return (
    <span aria-hidden="true" className="block h-1.5 w-full overflow-hidden rounded-full bg-surface-2" data-testid="earned-bar">
      <span className={`block h-full rounded-full ${tone}`} style={{ width: `${Math.max(2, percent)}%` }} />
    </span>
  );
}

/**
 * "Most missed": the few rubric points (or quiz questions) the class earned least of, lowest first,
 * each with the share earned and how many students were marked on it, linking to every answer on it.
 * The rule that picks them is stated in the text (see mostMissedOf).
 */
export function MostMissedList({ mostMissed, itemNoun, base }: { mostMissed: MostMissed; itemNoun: string; base: string }) {
  const nouns = `${itemNoun}s`;
  return (
    <section aria-labelledby="most-missed-heading" className="mb-4" data-testid="most-missed">
      <h3 id="most-missed-heading" className="text-sm font-semibold">
        Most missed {nouns}
      </h3>
      <p className="mt-1 text-xs text-muted">
        The {nouns} with the lowest share of their marks earned across the class (a part mark counts for the part earned). Only {nouns} marked for at least{" "}
        {plural(mostMissed.minMarked, "student")} are ranked
        {mostMissed.tooFewCount > 0 ? `; ${plural(mostMissed.tooFewCount, itemNoun)} with fewer ${mostMissed.tooFewCount === 1 ? "is" : "are"} not` : ""}.
      </p>
      {mostMissed.cells.length === 0 ? (
        <p className="mt-1 text-sm text-muted">
          {mostMissed.eligibleCount === 0
            ? `Nothing to rank yet: no ${itemNoun} has been marked for ${plural(mostMissed.minMarked, "student")}.`
            : `Every ${itemNoun} marked for at least ${plural(mostMissed.minMarked, "student")} was earned in full.`}
        </p>
      ) : (
        <ol className="mt-1 space-y-1 text-sm">
          {mostMissed.cells.map((c) => (
            <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-x-2">
              <span className="min-w-0">
                <Link href={`${base}/points/${c.id}`} className="text-accent underline underline-offset-2">
                  {c.label}
                  <span className="sr-only">: every student&apos;s answer on it</span>
                </Link>{" "}
                <ShortText text={c.text} max={90} />
              </span>
              <span className="ml-auto text-right tabular-nums">
                {sharePercent(c.meanEarnedShare ?? 0)} % earned · {plural(c.markedCount, "student")} marked
              </span>
              <EarnedBar share={c.meanEarnedShare ?? 0} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
