import type { Quorum } from '../../../common/schemas/committees';

/**
 * Quorum of a meeting from the members in office on its date: more than half of them, unless the
 * committee set its own share (`quorumPercent`, at least that share, rounded up). A member
 * represented by a substitute counts as present.
 */
export function quorumOf(inOffice: number, present: number, quorumPercent: number | null): Quorum {
  const required = quorumPercent == null ? Math.floor(inOffice / 2) + 1 : Math.max(1, Math.ceil((inOffice * quorumPercent) / 100));
  return { inOffice, present, required, met: inOffice > 0 && present >= required };
}

/** Meeting A comes after meeting B (date, then start time). */
export const isLater = (a: { meetingDate: string; startTime: string }, b: { meetingDate: string; startTime: string }) =>
  a.meetingDate > b.meetingDate || (a.meetingDate === b.meetingDate && a.startTime > b.startTime);

/** A term covers the day (yyyy-mm-dd) when it started on or before it and has not ended before it. */
export const inOfficeOn = (m: { startDate: string; endDate: string | null }, day: string) => m.startDate <= day && (m.endDate === null || m.endDate >= day);
