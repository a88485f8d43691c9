import type { Metadata } from "next";
import Link from "next/link";
import { SetList } from "@/components/study/set-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/panel";
import { listStudySetsFor } from "@/lib/server/study";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Study sets" };

/** What the list says after an action that brought the user here (`?notice=`). */
const notices: Record<string, string> = {
  "set-deleted": "Study set deleted, with its cards and questions and your own attempts and reviews of it.",
};

export default async function SetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, user] = await Promise.all([searchParams, requireUser()]);
  const sets = await listStudySetsFor(user);
  const noticeKey = Array.isArray(params.notice) ? params.notice[0] : params.notice;
  const notice = noticeKey && Object.hasOwn(notices, noticeKey) ? notices[noticeKey] : undefined;
  return (
    <>
      <PageHeader title="Study sets" subtitle="Sets published to you, assigned to your classes, or made by you.">
        <Link href="/sets/new" className={buttonClass("primary")}>
          New study set
        </Link>
      </PageHeader>
      {notice ? (
        <p role="status" className="mb-4 rounded-lg border border-border bg-surface-2 p-3 text-sm">
          {notice}
        </p>
      ) : null}
      <SetList sets={sets} empty="No study sets yet." />
    </>
  );
}
