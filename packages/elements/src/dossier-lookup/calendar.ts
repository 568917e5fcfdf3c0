/**
 * "Add to calendar": an iCalendar (RFC 5545) event for a dossier's appointment, made in the browser, with its
 * start in Vietnam's time zone whatever the reader's device is set to.
 */
import { vnParts } from '@motcua/sdk';

export interface AppointmentEvent {
  /** The dossier code (the event's UID and title). */
  code: string;
  /** The appointment, an ISO date-time. */
  at: string;
  title: string;
  description: string;
  location: string | null;
  /** Now, for DTSTAMP. */
  now?: Date;
}

const TZ = 'Asia/Ho_Chi_Minh';
const pad = (n: number) => String(n).padStart(2, '0');

/** `20261207T161500`: Vietnam wall-clock time of an instant. */
function vnStamp(instant: Date): string {
  const p = vnParts(instant);
  return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}00`;
}

const escape = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets folded as RFC 5545 §3.1 says, without splitting a character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const n = encoder.encode(char).length;
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The `.ics` text of a one-hour event starting at the appointment. */
export function appointmentIcs(e: AppointmentEvent): string {
  const start = new Date(e.at);
  const end = new Date(start.getTime() + 3_600_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//motcua//dossier-lookup//VI',
    'BEGIN:VTIMEZONE',
    `TZID:${TZ}`,
    'BEGIN:STANDARD',
    'DTSTART:19750613T000000',
    'TZOFFSETFROM:+0700',
    'TZOFFSETTO:+0700',
    'TZNAME:+07',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${e.code}@motcua`,
    `DTSTAMP:${(e.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`,
    `DTSTART;TZID=${TZ}:${vnStamp(start)}`,
    `DTEND;TZID=${TZ}:${vnStamp(end)}`,
    `SUMMARY:${escape(e.title)}`,
    `DESCRIPTION:${escape(e.description)}`,
    ...(e.location ? [`LOCATION:${escape(e.location)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** A `data:` link to the `.ics` (no blob to revoke, allowed by a strict CSP for a download). */
export function icsHref(ics: string): string {
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}
