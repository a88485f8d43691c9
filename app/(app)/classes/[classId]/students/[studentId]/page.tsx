import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptList } from "@/components/writing/attempt-list";
import { PageHeader, Panel } from "@/components/ui/panel";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { getStudentWorkFor } from "@/lib/server/writing";

export const metadata: Metadata = { title: "Student" };

export default async function StudentWorkPage({ params }: { params: Promise<{ classId: string; studentId: string }> }) {
  const [{ classId, studentId }, user] = await Promise.all([params, requireUser()]);
  const work = await orNull(getStudentWorkFor(user, classId, studentId));
  if (!work) notFound();
  return (
    <>
      <PageHeader title={work.student.name} subtitle={`${work.student.email} · ${work.className}`}>
        <Link href={`/classes/${work.classId}`} className="text-sm text-accent underline-offset-2 hover:underline">
          Back to the class
        </Link>
      </PageHeader>
      <Panel aria-labelledby="written-heading">
        <h2 id="written-heading" className="mb-1 text-lg font-semibold">
          Written answers
        </h2>
        <p className="mb-2 text-sm text-muted">Open an answer to see how each point was marked and to change a mark with a reason.</p>
        <AttemptList attempts={work.attempts} showQuestion empty={`${work.student.name} has not written any practice answers yet.`} />
      </Panel>
    </>
  );
}
