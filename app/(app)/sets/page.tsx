import type { Metadata } from "next";
import { SetList } from "@/components/study/set-list";
import { PageHeader } from "@/components/ui/panel";
import { listStudySetsFor } from "@/lib/server/study";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Study sets" };

export default async function SetsPage() {
  const user = await requireUser();
  const sets = await listStudySetsFor(user);
  return (
    <>
      <PageHeader title="Study sets" subtitle="Sets published to you, assigned to your classes, or made by you." />
      <SetList sets={sets} empty="No study sets yet." />
    </>
  );
}
