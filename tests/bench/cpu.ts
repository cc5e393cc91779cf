// Who used the two cores during a phase, from /proc (Linux only; elsewhere the split is skipped).
// On a 2-core box the server, Postgres and the load generator compete for the same CPUs, so a
// req/s figure means little without knowing which of them was saturated.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

export type CpuGroups = { serverPid: number; loadPid: number; workerPids: number[]; database: string };
export type CpuSnapshot = { at: number; ticks: Map<string, number>; machineBusy: number; machineTotal: number };

const GROUPS = [
  "next-server",
  "postgres (bench db)",
  "postgres (other)",
  "workers",
  "load generator",
  "bench (sampler)",
  "other",
] as const;
const ticksPerSecond = (() => {
  const result = existsSync("/proc") ? spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }) : undefined;
  return Number(result?.stdout?.trim()) || 100;
})();

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // the process exited between listing and reading
  }
}

type Proc = { pid: number; ppid: number; comm: string; ticks: number };

function listProcesses(): Proc[] {
  const procs: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // comm may contain spaces and parentheses: the fields proper start after the last ")".
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    procs.push({ pid: Number(entry), ppid: Number(fields[1]), comm: stat.slice(stat.indexOf("(") + 1, close), ticks });
  }
  return procs;
}

function descendantsOf(root: number, procs: Proc[]): Set<number> {
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const proc of procs) {
      if (tree.has(proc.pid) || !tree.has(proc.ppid)) continue;
      tree.add(proc.pid);
      grew = true;
    }
  }
  return tree;
}

export function snapshotCpu(groups: CpuGroups): CpuSnapshot | undefined {
  if (!existsSync("/proc/stat")) return undefined;
  const procs = listProcesses();
  const server = descendantsOf(groups.serverPid, procs);
  const ticks = new Map<string, number>(GROUPS.map((group) => [group, 0]));
  for (const proc of procs) {
    let group: (typeof GROUPS)[number] = "other";
    if (server.has(proc.pid)) group = "next-server";
    else if (proc.pid === groups.loadPid) group = "load generator";
    else if (groups.workerPids.includes(proc.pid)) group = "workers";
    else if (proc.pid === process.pid) group = "bench (sampler)";
    else if (proc.comm === "postgres") {
      // Backends show "postgres: user database host state" as their command line.
      const cmdline = read(`/proc/${proc.pid}/cmdline`) ?? "";
      group = cmdline.includes(` ${groups.database} `) ? "postgres (bench db)" : "postgres (other)";
    }
    ticks.set(group, (ticks.get(group) ?? 0) + proc.ticks);
  }
  const cpu = (read("/proc/stat") ?? "").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = cpu;
  const busy = user + nice + system + irq + softirq + steal;
  return { at: Date.now(), ticks, machineBusy: busy, machineTotal: busy + idle + iowait };
}

/** "next-server 0.98 · postgres (bench db) 0.61 · … · idle 0.05" in cores averaged over the phase. */
export function formatCpu(from: CpuSnapshot | undefined, to: CpuSnapshot | undefined): string {
  if (!from || !to) return "(CPU split unavailable: no /proc)";
  const seconds = (to.at - from.at) / 1000;
  if (seconds <= 0) return "(phase too short for a CPU split)";
  const cores = (ticks: number) => ticks / ticksPerSecond / seconds;
  const named = GROUPS.filter((group) => group !== "other").map((group) => ({
    group: group as string,
    // A process that exited during the phase takes its ticks with it: never below zero.
    value: Math.max(0, cores((to.ticks.get(group) ?? 0) - (from.ticks.get(group) ?? 0))),
  }));
  const busy = cores(to.machineBusy - from.machineBusy);
  const machineCores = cores(to.machineTotal - from.machineTotal);
  // "other" is whatever the machine did beyond the named groups, so short-lived processes (someone
  // else's build or test run) that came and went within the phase are counted too.
  const other = Math.max(0, busy - named.reduce((sum, part) => sum + part.value, 0));
  return [...named, { group: "other", value: other }, { group: "idle", value: Math.max(0, machineCores - busy) }]
    .filter((part) => part.value >= 0.005 || part.group === "idle")
    .map((part) => `${part.group} ${part.value.toFixed(2)}`)
    .join(" · ")
    .concat(` (cores of ${machineCores.toFixed(1)})`)
    .concat(other >= 0.2 ? " — WARNING: other processes were busy, figures are disturbed" : "");
}
