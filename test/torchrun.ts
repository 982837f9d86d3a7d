// Runs Debian's torchrun for the DDP tests (test/export-ddp*.test.ts): two processes on gloo over the loopback
// rendezvous (not --standalone: it hands the workers this machine's host name, which may not resolve), with
// their output redirected to the console.
//
// The process runs asynchronously (a synchronous exec would block the event loop, and the test's timeout with
// it); after five minutes its process group is killed and the test fails with what it printed. PyTorch 1.13's
// gloo can hang at shutdown after the training has finished (destroy_process_group, pytorch/pytorch#75097; seen
// here once in a few runs, although the emitted train.py meets at a barrier first): once the summary line has
// been printed (`"processes":`) and `expected` exists, a process still running 60 s later is killed and the
// run counts as finished (the hang is reported on the console).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

export const torchrun = process.env.SHAPECHECK_TORCHRUN ?? "/usr/bin/torchrun";

/** A TCP port nobody listens on now, for the rendezvous. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `torchrun <launch options> script ...scriptArgs` in `cwd` on 2 local processes; resolves with what they
 * printed. `expected`: the file the script writes last (its weights), which tells a finished run from a stuck one.
 */
export async function runTorchrun(
  script: string,
  scriptArgs: string[],
  options: { cwd: string; expected: string },
): Promise<string> {
  // --redirects 1 --tee 1: rank outputs to the console ("[default0]:…"); Debian's torchrun 1.13 on Python 3.11
  // cannot parse its own default "0" (IntFlag iteration skips the zero member) and fails without them.
  const args = [
    ...["--redirects", "1", "--tee", "1", "--nnodes", "1", "--master_addr", "127.0.0.1"],
    ...["--master_port", String(await freePort()), "--nproc_per_node", "2", script, ...scriptArgs],
  ];
  const env = { ...process.env, OMP_NUM_THREADS: "1", GLOO_SOCKET_IFNAME: "lo" };
  return new Promise((resolve, reject) => {
    const child = spawn(torchrun, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let grace: NodeJS.Timeout | undefined;
    const kill = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    };
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (grace === undefined && stdout.includes('"processes":'))
        grace = setTimeout(() => {
          if (!existsSync(`${options.cwd}/${options.expected}`)) return;
          console.log(
            `torchrun: finished (summary printed, ${options.expected} written) but still running after 60 s: killed`,
          );
          clearTimeout(timer);
          kill();
          resolve(stdout);
        }, 60_000);
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`${torchrun} did not finish in 5 minutes; it printed:\n${stdout}\n${stderr.slice(-4000)}`));
    }, 300_000);
    const done = () => {
      clearTimeout(timer);
      if (grace !== undefined) clearTimeout(grace);
    };
    child.on("error", (error) => {
      done();
      reject(error);
    });
    child.on("close", (code, signal) => {
      done();
      if (code === 0) resolve(stdout);
      else if (signal === "SIGKILL")
        return; // killed after the grace period: resolved there
      else reject(new Error(`${torchrun} exited with ${code}:\n${stdout}\n${stderr.slice(-4000)}`));
    });
  });
}
