// The entity's network features: name, value, unit and what each means, with the analysis run
// that computed them.
import { Empty } from '../ui/status.js';
import { Panel } from '../ui/panel.js';
import { formatInstant, formatValue, unitLabel } from '../rankings/format.js';
import type { EntityDetail, EntityFeature } from '../rankings/types.js';

export function FeaturesSection(props: {
  features: EntityFeature[];
  run: EntityDetail['featuresRun'];
}) {
  return (
    <Panel id="features" title="Network features" testid="features">
      {props.run?.at && (
        <p class="muted">
          Computed {formatInstant(props.run.at)}
          {props.run.run ? ` by run ${props.run.run}` : ''}.
        </p>
      )}
      {props.features.length === 0 ? (
        <Empty>No network features: the analysis has not run on this entity.</Empty>
      ) : (
        <table class="features">
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th class="num" scope="col">
                Value
              </th>
              <th scope="col">Unit</th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {props.features.map((f) => (
              <tr key={f.name}>
                <td>
                  <code>{f.name}</code>
                </td>
                <td class="num">{formatValue(f.value, f.unit)}</td>
                <td class="muted">{unitLabel(f.unit)}</td>
                <td>{f.description ?? <span class="muted">not described</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
