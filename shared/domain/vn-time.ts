/**
 * Vietnam has one time zone, UTC+7, with no daylight saving, so local dates and times are a
 * fixed shift of UTC. Never use the machine's own time zone.
 */
const OFFSET_MS = 7 * 3600 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function vnParts(at: Date) {
  const local = new Date(at.getTime() + OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** `2027-02-05T15:30:00+07:00`: how the API writes instants. */
export function toVnIso(at: Date): string {
  const p = vnParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

/** `15 giờ 30 phút, ngày 05/02/2027`: how the forms write instants. */
export function toVnText(at: Date): string {
  const p = vnParts(at);
  return `${p.hour} giờ ${pad(p.minute)} phút, ngày ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** `270205`: the date part of a dossier code. */
export function toYYMMDD(at: Date): string {
  const p = vnParts(at);
  return `${pad(p.year % 100)}${pad(p.month)}${pad(p.day)}`;
}
