// The timing report as a printable HTML page (GET /report): everything escaped, no script, the views' CSP.
import { signedMinutes, STATUS_TEXT, wallTime, type TimingReport } from '../core/report/timing.ts';
import { zoneLabel } from '../core/time.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{font-family:system-ui,sans-serif;margin:2rem;color:#111;background:#fff}
h1{font-size:1.4rem;margin:0 0 .2rem}p{margin:.2rem 0 1rem;color:#444}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.num{text-align:right;white-space:nowrap}td.time{white-space:nowrap}
tr.over td.overrun{color:#a40000;font-weight:600}tr.cancelled td{color:#777}tr.cancelled td.title{text-decoration:line-through}
nav{margin-bottom:1rem}nav a{margin-right:1rem}
@media print{nav{display:none}body{margin:0}}
`;

export function reportPage(report: TimingReport, links: { rooms: { id: string; name: string }[]; days: string[] }) {
  const z = report.zone;
  const rows = report.rows
    .map((r) => {
      const cls = [
        r.overrunMs !== null && r.overrunMs >= 60_000 ? 'over' : '',
        r.status === 'cancelled' ? 'cancelled' : '',
      ]
        .filter(Boolean)
        .join(' ');
      return (
        `<tr data-item="${escapeHtml(r.itemId)}"${cls ? ` class="${cls}"` : ''}>` +
        `<td class="time">${wallTime(r.plannedStart, z).slice(0, 5)}–${wallTime(r.plannedEnd, z).slice(0, 5)}</td>` +
        `<td class="time">${wallTime(r.actualStart, z)}</td><td class="time">${wallTime(r.actualEnd, z)}</td>` +
        `<td class="num">${signedMinutes(r.startLateMs)}</td><td class="num overrun">${signedMinutes(r.overrunMs)}</td>` +
        `<td class="num">${signedMinutes(r.lateMs)}</td><td class="title">${escapeHtml(r.title)}</td>` +
        `<td class="status">${STATUS_TEXT[r.status]}</td></tr>`
      );
    })
    .join('\n');
  const query = (room: string, day: string) =>
    `/report?day=${encodeURIComponent(day)}&amp;room=${encodeURIComponent(room)}`;
  const nav = [
    ...links.days.map((d) => `<a href="${query(report.room, d)}">${escapeHtml(d)}</a>`),
    ...links.rooms.map((r) => `<a href="${query(r.id, report.day)}">${escapeHtml(r.name)}</a>`),
  ].join('');
  const title = `Timing report · ${report.roomName} · ${report.day}`;
  const summary = `${report.overran} item(s) overran by a minute or more, ${signedMinutes(report.totalOverrunMs)} in all; late at the end of the last item: ${report.finalLateMs === null ? 'nothing has ended yet' : signedMinutes(report.finalLateMs)}.`;
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title><style>${STYLE}</style>
<body><nav>${nav}</nav>
<h1>${escapeHtml(report.event)} — ${escapeHtml(report.roomName)}, ${escapeHtml(report.day)}</h1>
<p>Times in ${escapeHtml(zoneLabel(z))}. Actual times are when each item went on and off the room's stage. Overrun: actual length − planned length. Late at end: actual end − planned end. Not recorded: over before this server's log of the room began.</p>
<table><thead><tr><th>Planned</th><th>Actual start</th><th>Actual end</th><th>Late start</th><th>Overrun</th><th>Late at end</th><th>Item</th><th>Status</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>${escapeHtml(summary)}</p>
</body></html>`;
}
