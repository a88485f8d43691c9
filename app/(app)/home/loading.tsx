import { PageSkeleton } from "@/components/ui/page-skeleton";

/** This page never calls notFound(), so it may stream (see PageSkeleton). */
export default function Loading() {
  return <PageSkeleton />;
}
