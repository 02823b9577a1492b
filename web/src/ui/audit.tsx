import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../common/schemas';

/** "Somchai (officer)" / "Platform admin". */
export function actorText(t: TFunction, e: Pick<AuditEntry, 'actorName' | 'actorRole'>): string {
  const role = t(`role.${e.actorRole}`, { defaultValue: e.actorRole });
  if (!e.actorName || e.actorName === role) return role;
  return `${e.actorName} (${role})`;
}

export function entityText(t: TFunction, entity: string): string {
  return t(`audit.entity.${entity}`, { defaultValue: entity });
}

export function actionText(t: TFunction, action: string): string {
  return t(`audit.action.${action}`, { defaultValue: action });
}

/** Where an audited entity lives in the app, when it has a page. */
export function entityRoute(entity: string): 'network' | 'partner' | 'knowledge' | 'forum' | null {
  if (entity === 'network' || entity === 'networks') return 'network';
  if (entity === 'party' || entity === 'parties' || entity === 'partner') return 'partner';
  if (entity === 'knowledge_item') return 'knowledge';
  if (entity === 'knowledge_forum') return 'forum';
  return null;
}
