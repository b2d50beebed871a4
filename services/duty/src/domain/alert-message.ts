import type { Incident, Severity } from './incident';

const severityName: Record<Severity, string> = {
  I: '特别重大',
  II: '重大',
  III: '较大',
  IV: '一般',
  UNKNOWN: '等级未定',
};

/**
 * Text of an SMS or voice alert. Classified details never go into it (ARCHITECTURE §7, spec duty §9.7 WR-3):
 * a classified incident's alert carries only its reference and asks the reader to open the duty console.
 */
export function alertText(i: Pick<Incident, 'id' | 'title' | 'severity' | 'classified' | 'location'>): string {
  const ack = `请立即登录值班系统确认(编号${i.id})`;
  if (i.classified) return `【值班紧急】有一条涉密紧急信息待处理，${ack}。`;
  const where = i.location ? `，地点：${i.location}` : '';
  return `【值班紧急】${severityName[i.severity]}：${i.title}${where}。${ack}。`;
}

const hhmm = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);

/**
 * CRITICAL deadline-guard alert (spec duty §9.5 AK-4): names the target, the mode and the deadline and advises
 * an immediate preliminary oral report (TL-3). Like every SMS it carries no classified detail.
 */
export function guardText(
  i: Pick<Incident, 'id' | 'title' | 'classified'>,
  o: { targetName: string; mode: 'PHONE' | 'WRITTEN'; dueAt: Date },
): string {
  const what = i.classified ? `涉密事件(编号${i.id})` : `“${i.title}”(编号${i.id})`;
  const mode = o.mode === 'PHONE' ? '电话' : '书面';
  return `【值班告警】${what}向${o.targetName}${mode}报告时限${hhmm(o.dueAt)}将到，尚未报告，请立即先行口头报告。`;
}

/** WR-1 reminder to an approver whose time ran out (and to whoever is told with them); no classified detail. */
export function signReminderText(i: Pick<Incident, 'id' | 'title' | 'classified'>): string {
  const what = i.classified ? `涉密事件(编号${i.id})` : `“${i.title}”(编号${i.id})`;
  return `【值班催办】${what}的书面报告待您审签，已超时，请立即处理。`;
}
