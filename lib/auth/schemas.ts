import { z } from "zod";

export const roles = ["student", "teacher", "admin"] as const;
export type Role = (typeof roles)[number];

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "That password is too long."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const signUpSchema = z.object({
  name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  email,
  password: z
    .string({ error: "Choose a password." })
    .min(8, "Use at least 8 characters for your password.")
    .max(200, "Keep your password under 200 characters."),
  /** Self-service sign-up may choose student or teacher; admins are made by admins. */
  role: z.enum(["student", "teacher"], { error: "Choose whether you are a student or a teacher." }),
});
export type SignUpInput = z.infer<typeof signUpSchema>;
