import { z } from "zod";
import { PASSWORD_POLICY } from "./password-policy";
import { untrustedName, untrustedPersonName } from "../text/untrusted";
import { whenValid } from "../forms/field-errors";

export const roles = ["student", "teacher", "admin"] as const;
export type Role = (typeof roles)[number];

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

const tooLong = `Keep your password under ${PASSWORD_POLICY.maxLength} characters.`;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_POLICY.maxLength, "That password is too long."),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** A new password's shape; its strength is judged by `checkNewPassword`, which knows the person's name. */
const newPassword = z.string({ error: "Choose a password." }).min(1, "Choose a password.").max(PASSWORD_POLICY.maxLength, tooLong);

export const personNameSchema = untrustedPersonName({ error: "Enter your name." }, "Enter a name with at least one letter or number.").trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters.");

/** The name shown to the person's teachers and classmates' teachers (gradebooks, rosters) and on their own pages. */
export const changeNameSchema = z.object({ name: personNameSchema });

/**
 * Self-service sign-up makes a student; a teacher invitation code (issued by an administrator)
 * makes a teacher. Nobody chooses a role.
 */
export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: newPassword,
  teacherCode: z
    .string()
    .trim()
    .max(64, "That teacher code is too long.")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(PASSWORD_POLICY.maxLength, "That password is too long."),
    newPassword,
    confirmPassword: z.string({ error: "Type the new password again." }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ.", when: whenValid("newPassword", "confirmPassword") });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** `npm run -s admin -- create-admin` input. */
export const createAdminSchema = z.object({ name: personNameSchema, email: emailSchema, password: newPassword });

/** `npm run -s admin -- issue-teacher-code` input. */
export const issueTeacherCodeSchema = z.object({
  note: untrustedName().trim().max(200, "Keep the note under 200 characters.").optional(),
  days: z.coerce.number().int("Give whole days.").min(1, "A code is valid for at least a day.").max(365, "A code is valid for at most a year."),
  by: emailSchema.optional(),
});
