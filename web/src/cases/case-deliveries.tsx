// For supervisors: what was sent about a case to the other case system (webhook deliveries),
// their state, attempts and last answer; read again when the case changes.
import { api } from '../api.js';
import { Panel } from '../ui/panel.js';
import { Empty, ErrorMessage, Loading } from '../ui/status.js';
import { useApi } from '../ui/use-api.js';
import type { Delivery } from './case-types.js';
import { dateTime } from './format.js';

export function CaseDeliveries({ id, version }: { id: string; version: number }) {
  const loaded = useApi(
    (signal) =>
      api.get<{ deliveries: Delivery[] }>('/cases/deliveries', {
        query: { caseId: id, limit: 50 },
        signal,
      }),
    [id, version],
  );
  return (
    <Panel id="deliveries" title="Sent to the other case system">
      {loaded.error ? (
        <ErrorMessage error={loaded.error} />
      ) : !loaded.data ? (
        <Loading what="deliveries" />
      ) : loaded.data.deliveries.length === 0 ? (
        <Empty>Nothing sent for this case.</Empty>
      ) : (
        <table data-testid="deliveries">
          <thead>
            <tr>
              <th>Event</th>
              <th>State</th>
              <th class="num">Attempts</th>
              <th>Last answer</th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.event}
                  <div class="muted">{dateTime(d.createdAt)}</div>
                </td>
                <td>
                  {d.status}
                  {d.deliveredAt && <div class="muted">{dateTime(d.deliveredAt)}</div>}
                </td>
                <td class="num">{d.attemptsTotal}</td>
                <td>{d.lastError ?? (d.lastStatus !== null ? `HTTP ${d.lastStatus}` : '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
