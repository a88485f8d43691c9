import type { Metadata } from "next";
import Link from "next/link";
import { JoinClassForm } from "@/components/classes/join-class-form";
import { PageHeader, Panel } from "@/components/ui/panel";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Join a class" };

/** Where an invite link lands: the join form with the class's code filled in (signed-out visitors sign in first). */
export default async function JoinByInvitePage({ params }: { params: Promise<{ code: string }> }) {
  const [{ code }, user] = await Promise.all([params, requireUser()]);
  const joinCode = decodeURIComponent(code).slice(0, 12);
  return (
    <>
      <PageHeader title="Join a class" subtitle="Your teacher sent you this link." />
      <Panel className="max-w-md">
        {user.role === "student" ? (
          <JoinClassForm defaultCode={joinCode} />
        ) : (
          <p className="text-sm">
            Invite links are for students. To teach a class with its teacher, ask them for a co-teacher code and enter it on{" "}
            <Link href="/classes" className="text-accent underline-offset-2 hover:underline">
              Classes
            </Link>
            .
          </p>
        )}
      </Panel>
    </>
  );
}
