import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** esbuild's line when CDK starts bundling one asset (a function or the runtime layer). */
const BUNDLING_LINE = /^Bundling asset (\S+?)\/Code\/Stage\.\.\.$/;

/** The asset a line of `cdk synth` output starts bundling, if it is such a line. */
export function bundlingAssetOf(line: string): string | undefined {
  return BUNDLING_LINE.exec(line.trim())?.[1];
}

/** The bundle size the bench flags (docs/bench.md, "Performance budgets"). */
export const LARGE_BUNDLE_BYTES = 500 * 1024;

interface Template {
  Resources?: Record<string, { Type: string; Metadata?: Record<string, unknown> }>;
}

export interface FunctionBundle {
  /** The construct path, without the stack name and the `/Handler/Function/Resource` tail. */
  path: string;
  bytes: number;
}

export interface SynthSummary {
  stacks: string[];
  nestedStacks: number;
  functions: FunctionBundle[];
  /** Unacknowledged cdk-nag findings (they fail the synth, so a summary shows them only after a failed run). */
  findings: string[];
  /** Acknowledged rules and how many constructs acknowledge each. */
  acknowledged: Map<string, number>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function bundleBytes(assetDir: string): number {
  const file = join(assetDir, 'index.mjs');
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** What a cloud assembly (`cdk.out`) holds: stacks, functions with their bundle sizes, cdk-nag's verdict. */
export function summarizeCloudAssembly(outDir: string): SynthSummary {
  const manifest = readJson<{ artifacts: Record<string, { type: string }> }>(join(outDir, 'manifest.json'));
  const stacks = Object.entries(manifest.artifacts)
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([name]) => name);
  const files = readdirSync(outDir);
  const functions: FunctionBundle[] = [];
  let nestedStacks = 0;
  for (const file of files.filter((name) => name.endsWith('.template.json'))) {
    const template = readJson<Template>(join(outDir, file));
    for (const resource of Object.values(template.Resources ?? {})) {
      if (resource.Type === 'AWS::CloudFormation::Stack') nestedStacks += 1;
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const asset = resource.Metadata?.['aws:asset:path'];
      const cdkPath = String(resource.Metadata?.['aws:cdk:path'] ?? 'unknown');
      functions.push({
        path: cdkPath.replace(/^[^/]+\//, '').replace(/(\/Handler)?\/Function\/Resource$/, ''),
        bytes: typeof asset === 'string' ? bundleBytes(join(outDir, asset)) : 0,
      });
    }
  }
  const acknowledged = new Map<string, number>();
  for (const file of files.filter((name) => name.endsWith('.metadata.json'))) {
    const entries = Object.values(readJson<Record<string, { type: string; data?: unknown }[]>>(join(outDir, file))).flat();
    for (const entry of entries.filter((e) => e.type === 'aws:cdk:acknowledged-rules')) {
      for (const rule of Object.keys(entry.data as Record<string, string>)) {
        const id = rule.replace(/^Annotation::/, '');
        acknowledged.set(id, (acknowledged.get(id) ?? 0) + 1);
      }
    }
  }
  const findings: string[] = [];
  try {
    const report = readJson<{ pluginReports?: { violations?: { ruleName: string; violatingResources?: { resourceLogicalId?: string }[] }[] }[] }>(
      join(outDir, 'validation-report.json'),
    );
    for (const violation of (report.pluginReports ?? []).flatMap((plugin) => plugin.violations ?? [])) {
      for (const resource of violation.violatingResources ?? [{}]) findings.push(`${violation.ruleName} ${resource.resourceLogicalId ?? ''}`.trim());
    }
  } catch {
    // No report: no validation plugin ran, or the synth stopped before it.
  }
  return { stacks, nestedStacks, functions, findings, acknowledged };
}

const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;

/** The few lines `npm run synth` prints instead of the bundler's output. */
export function summaryLines(summary: SynthSummary, outDir: string, seconds: number): string[] {
  const bySize = [...summary.functions].sort((a, b) => b.bytes - a.bytes);
  const large = bySize.filter((fn) => fn.bytes > LARGE_BUNDLE_BYTES);
  const acknowledged = [...summary.acknowledged.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, count]) => `${rule} ×${count}`)
    .join(', ');
  return [
    `synthesized ${summary.stacks.join(', ')} (${summary.nestedStacks} nested stacks) into ${outDir}/ in ${seconds} s`,
    `functions: ${summary.functions.length}; largest bundle ${bySize[0] ? `${kB(bySize[0].bytes)} (${bySize[0].path})` : 'none'}; ${large.length} over ${kB(LARGE_BUNDLE_BYTES)}${large.length > 0 ? `: ${large.map((fn) => fn.path).join(', ')}` : ''}`,
    `cdk-nag AwsSolutions: ${summary.findings.length === 0 ? 'no findings' : `${summary.findings.length} finding(s): ${summary.findings.join('; ')}`}; acknowledged (docs/deploy.md): ${acknowledged || 'none'}`,
  ];
}
