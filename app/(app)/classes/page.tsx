import type { Metadata } from "next";
import { ClassList } from "@/components/classes/class-list";
import { CreateClassForm } from "@/components/classes/create-class-form";
import { JoinClassForm } from "@/components/classes/join-class-form";
import { ActionForm } from "@/components/classes/action-form";
import { Field } from "@/components/ui/field";
import { PageHeader, Panel } from "@/components/ui/panel";
import { joinAsCoTeacherAction } from "./actions";
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
          {isStudent ? null : (
            <>
              <h2 className="mt-6 mb-2 text-lg font-semibold">Co-teach a class</h2>
              <ActionForm action={joinAsCoTeacherAction} input={{}} submitLabel="Join as co-teacher" pendingLabel="Joining…" doneMessage="You now co-teach that class.">
                <Field label="Co-teacher code" name="code" id="co-teacher-code" autoComplete="off" autoCapitalize="characters" hint="12 letters and digits, from the class's teacher." />
              </ActionForm>
            </>
          )}
        </Panel>
      </div>
    </>
  );
}
