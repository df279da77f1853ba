import type { Plan } from '../plan/types';
import { quoteGitPath } from './patch';

/** One thing `check` holds against the repository: where, what, and whether it fails the guard. */
export interface CheckFinding {
  rule: 'old-import' | 'needs-review' | 'unchecked' | 'expired-shim';
  file: string;
  line: number;
  message: string;
  /** false for what is only worth a warning (an import remodel cannot tell about) */
  fails: boolean;
}

export type CheckFormat = 'text' | 'github' | 'sarif';
export const checkFormats: readonly CheckFormat[] = ['text', 'github', 'sarif'];

const ruleText: Record<CheckFinding['rule'], string> = {
  'old-import': 'still imports an old module',
  'needs-review': 'still uses an old module (needs review)',
  unchecked: 'could not be checked',
  'expired-shim': 'a shim past its remove_after date',
};

/**
 * What `check` finds in a rewrite plan: files that still import an old module, uses remodel left for review (a
 * computed import it cannot tell about only warns), files it could not read, and shims past their date (`today`,
 * YYYY-MM-DD). `notes` gets what is said but not held against anyone (who still uses each shim).
 */
export function checkFindings(computed: Plan, today: string, notes: (line: string) => void): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const change of computed.changes) {
    const what = change.rewrite?.entries.length ? ` (${change.rewrite.entries.join('; ')})` : '';
    findings.push({ rule: 'old-import', file: change.path, line: change.rewrite?.line ?? 1, message: `still imports an old module${what}`, fails: true });
  }
  for (const item of computed.needsReview) findings.push({ rule: 'needs-review', file: item.file, line: item.line, message: item.unsure ? item.reason : `still uses an old module (needs review): ${item.reason}`, fails: !item.unsure });
  for (const item of computed.failures) findings.push({ rule: 'unchecked', file: item.file, line: item.line, message: `could not be checked: ${item.error}`, fails: true });
  for (const shim of computed.shims ?? []) {
    if (!shim.file) continue; // gone already (or not generated yet)
    const users = computed.changes.filter((change) => change.rewrite?.entries.some((entry) => shim.entries.includes(entry))).map((change) => quoteGitPath(change.path));
    const when = shim.removeAfter ? ` (remove after ${shim.removeAfter})` : '';
    const unused = shim.movedNames ? `no import of the names that moved out of it left in the repository (${shim.movedNames.join(', ')}); the module stays for what it keeps` : 'no import of it left in the repository';
    notes(`shim ${shim.module}${when} in ${quoteGitPath(shim.file)}: ${users.length ? `still imported by ${users.join(', ')}` : unused}`);
    if (shim.removeAfter && today > shim.removeAfter) {
      findings.push({ rule: 'expired-shim', file: shim.map, line: shim.line, message: `the shim for ${shim.module} (${quoteGitPath(shim.file)}) expired on ${shim.removeAfter}: remove it (remodel plan --only prune shows how)`, fails: true });
    }
  }
  return findings;
}

/** `text`: one `file:line: message` line each (warnings go to `warn`); `github`: workflow annotations; `sarif`: SARIF 2.1.0. */
export function renderCheck(findings: readonly CheckFinding[], format: CheckFormat, version: string, warn: (line: string) => void): string {
  if (format === 'sarif') return `${JSON.stringify(sarifOf(findings, version), null, 2)}\n`;
  const lines: string[] = [];
  for (const finding of findings) {
    if (format === 'github') lines.push(`::${finding.fails ? 'error' : 'warning'} file=${property(finding.file)},line=${finding.line},title=${property(`remodel: ${ruleText[finding.rule]}`)}::${data(finding.message)}`);
    else if (finding.fails) lines.push(`${finding.rule === 'old-import' ? quoteGitPath(finding.file) : finding.file}:${finding.line}: ${finding.message}`);
    else warn(`needs review: ${finding.file}:${finding.line}: ${finding.message}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

// GitHub's workflow-command escapes: data %, CR, LF; properties also : and ,
const data = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function sarifOf(findings: readonly CheckFinding[], version: string): object {
  const rules = Object.keys(ruleText) as Array<CheckFinding['rule']>;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'remodel', version, rules: rules.map((id) => ({ id, shortDescription: { text: ruleText[id] } })) } },
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: rules.indexOf(finding.rule),
          level: finding.fails ? 'error' : 'warning',
          message: { text: finding.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: finding.file.split('/').map(encodeURIComponent).join('/') }, region: { startLine: finding.line } } }],
        })),
      },
    ],
  };
}
