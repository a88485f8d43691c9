#!/usr/bin/env node
// Runs the Next.js CLI (`dev`, `build`, `start`) with the project's environment: .env.local / .env
// loaded and telemetry off (see load-env.mjs). Every npm script that starts Next.js goes through here.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import "./load-env.mjs";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
