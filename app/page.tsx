import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/server/session";

export default async function Root() {
  redirect((await getCurrentUser()) ? "/home" : "/signin");
}
