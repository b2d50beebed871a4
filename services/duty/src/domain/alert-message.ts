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
