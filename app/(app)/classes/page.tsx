import type { Metadata } from "next";
import { ClassList } from "@/components/classes/class-list";
import { CreateClassForm } from "@/components/classes/create-class-form";
import { JoinClassForm } from "@/components/classes/join-class-form";
import { PageHeader, Panel } from "@/components/ui/panel";
import { listClassesFor } from "@/lib/server/classes";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  const user = await requireUser();
  const classes = await listClassesFor(user);
  const isStudent = user.role === "student";
  return (
    <>
      <PageHeader title="Classes" subtitle={isStudent ? "Classes you have joined." : "Classes you teach."} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel>
          <ClassList classes={classes} role={user.role} />
        </Panel>
        <Panel>
          <h2 className="mb-2 text-lg font-semibold">{isStudent ? "Join a class" : "New class"}</h2>
          {isStudent ? <JoinClassForm /> : <CreateClassForm />}
        </Panel>
      </div>
    </>
  );
}
