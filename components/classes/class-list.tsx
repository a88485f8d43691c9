import Link from "next/link";
import type { ClassSummary } from "@/lib/db/classes";
import { plural } from "@/lib/format";
import { EmptyState } from "@/components/ui/panel";

export function ClassList({ classes, role }: { classes: ClassSummary[]; role: "student" | "teacher" | "admin" }) {
  if (classes.length === 0) {
    return <EmptyState>{role === "student" ? "You have not joined a class yet." : "You have no classes yet. Create one and share its join code."}</EmptyState>;
  }
  return (
    <ul className="divide-y divide-border">
      {classes.map((c) => (
        <li key={c.id} className="py-3">
          <Link href={`/classes/${c.id}`} className="font-medium hover:text-accent">
            {c.name}
          </Link>
          <p className="text-sm text-muted">
            {role === "student" ? `Teacher: ${c.teacherName}` : (
              <>
                {plural(c.studentCount, "student")} · {plural(c.assignmentCount, "assignment")} · join code{" "}
                <code className="rounded bg-surface-2 px-1 font-mono text-fg">{c.joinCode}</code>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
