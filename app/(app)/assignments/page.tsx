import type { Metadata } from "next";
import { StudentAssignmentList } from "@/components/classes/student-assignment-list";
import { PageHeader, Panel } from "@/components/ui/panel";
import { listAssignmentsForStudent } from "@/lib/server/assignments";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Assignments" };

/** A student's assignments from all their classes: to do (due, overdue, opening later) and done. */
export default async function AssignmentsPage() {
  const user = await requireUser();
  const assignments = await listAssignmentsForStudent(user, new Date());
  const toDo = assignments.filter((a) => a.state !== "done");
  const done = assignments.filter((a) => a.state === "done");
  return (
    <>
      <PageHeader title="Assignments" subtitle={user.role === "student" ? "Work your teachers set, by due time." : "Students see the work you assign here."} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel aria-labelledby="todo-heading">
          <h2 id="todo-heading" className="mb-2 text-lg font-semibold">
            To do
          </h2>
          <StudentAssignmentList assignments={toDo} empty="Nothing to do. Join your teacher's class to see their work here." />
        </Panel>
        <Panel aria-labelledby="done-heading">
          <h2 id="done-heading" className="mb-2 text-lg font-semibold">
            Done
          </h2>
          <StudentAssignmentList assignments={done} empty="Nothing submitted yet." />
        </Panel>
      </div>
    </>
  );
}
