import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

export interface BodyLimit {
  bytes: number;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export const ACTION_BODY_LIMIT_BYTES: number;
export const UPLOAD_BODY_LIMIT_BYTES: number;
export const OTHER_BODY_LIMIT_BYTES: number;
export function bodyLimitFor(req: IncomingMessage): BodyLimit | null;
export function isServerActionRequest(req: IncomingMessage): boolean;
export function readBodyWithin(req: IncomingMessage, limitBytes: number): Promise<{ ok: true; body: Buffer } | { ok: false; status: 400 | 413; isCutOff: boolean }>;
export function actionBodyProblem(headers: IncomingHttpHeaders, body: Buffer): Promise<string | null>;
export function withBody(req: IncomingMessage, body: Buffer): IncomingMessage;
export function refuseRequest(res: ServerResponse, status: number, refusal: { message: string; fieldErrors?: Record<string, string[]> }, isClosing: boolean): void;
