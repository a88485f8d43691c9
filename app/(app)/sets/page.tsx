import type { Metadata } from "next";
import Link from "next/link";
import { SetList } from "@/components/study/set-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/panel";
import { listStudySetsFor } from "@/lib/server/study";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Study sets" };

export default async function SetsPage() {
  const user = await requireUser();
  const sets = await listStudySetsFor(user);
  return (
    <>
      <PageHeader title="Study sets" subtitle="Sets published to you, assigned to your classes, or made by you.">
        <Link href="/sets/new" className={buttonClass("primary")}>
          New study set
        </Link>
      </PageHeader>
      <SetList sets={sets} empty="No study sets yet." />
    </>
  );
}
