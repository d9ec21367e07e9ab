/**
 * Salutations (称呼): `同志们：`, `各位领导、同志们：`, `同胞们，同志们，朋友们：`, greeting lines
 * (`各位代表，大家好！`), mid-speech `女士们、先生们、朋友们！`, and the lines of a stacked salutation
 * (`尊敬的各位来宾，` / `女士们、先生们：`). A salutation names people and nothing else.
 */

import { codePointLength } from '../../transform/code-points.ts';

/** Words an addressee ends with. */
const ADDRESSEE =
  /(?:们|先生|女士|同志|代表|来宾|嘉宾|朋友|同事|领导|委员|首脑|元首|使节|团长|市长|县长|区长|省长|殿下|阁下|主席|总统|总理|首相|部长|成员|负责人|人士|老师|同学|家长|专家|企业家|乡亲|战友|校友|会长|秘书长|主任|书记|局长|厅长|校长|院长|指战员|官兵|群众|青年|少年|嘉宾朋友|小朋友)$/;
/** Openers of an addressee. */
const OPENER = /^(?:尊敬的|亲爱的|敬爱的|各位|全体|全国|在座的)/;
/** Greetings that may close a salutation line: `各位代表，大家好！`. */
const GREETING = /^(?:大家好|你们好|早上好|上午好|下午好|晚上好|新年好)$/;

/** Whether one comma-separated part of a line names an addressee. */
function isAddressee(part: string): boolean {
  const p = part.trim();
  if (/^(?:各位|大家|诸位)$/.test(p)) return true;
  return codePointLength(p) >= 2 && codePointLength(p) <= 30 && !/[。！？；：:;!?]/.test(p) && !/^(?:谢谢|感谢|祝|欢迎)/.test(p) && (ADDRESSEE.test(p) || (OPENER.test(p) && codePointLength(p) <= 16));
}

/** The parts of a line split at its commas and enumeration commas. */
const parts = (body: string): string[] => body.split(/[，,、和及]/).filter((s) => s.trim() !== '');

/** Whether `text` is a salutation line: addressees only, ending in ： or ！ (or 。 after a greeting). */
export function isSalutationText(text: string): boolean {
  if (codePointLength(text) > 90) return false;
  const m = /^(.+?)\s*[：:！!。]$/.exec(text);
  if (!m) return false;
  const ps = parts(m[1]!);
  if (ps.length === 0) return false;
  const last = ps[ps.length - 1]!.trim();
  const names = GREETING.test(last) ? ps.slice(0, -1) : ps;
  if (names.length === 0 || (text.endsWith('。') && names.length === ps.length)) return false;
  return names.every(isAddressee);
}

/** Whether `text` is one line of a stacked salutation that continues below: addressees ending in ，. */
export function isSalutationLead(text: string): boolean {
  const m = /^(.+?)\s*[，,、]$/.exec(text);
  if (!m || codePointLength(text) > 40) return false;
  const ps = parts(m[1]!);
  return ps.length > 0 && ps.every(isAddressee);
}
