// The entity's registered facts (the properties the API sends, formatted by their kind), the
// person an official is, the staff roles a person holds, and the claims an official processed.
import { Link } from '../router.js';
import { Fact } from '../ui/fact.js';
import { Panel } from '../ui/panel.js';
import {
  capitalised,
  formatCount,
  formatDate,
  formatEuros,
  formatValue,
  shownProperties,
} from '../rankings/format.js';
import type { EntityDetail } from '../rankings/types.js';
import { entityPath } from './entity-view.js';

export function PropertiesSection({ entity }: { entity: EntityDetail }) {
  const properties = shownProperties(entity.properties).filter(
    ([name, value]) => name !== 'name' && value !== null,
  );
  return (
    <Panel id="properties" title="Registered facts">
      <dl class="facts" data-testid="properties">
        {properties.map(([name, value]) => (
          <Fact key={name} name={capitalised(name)}>
            {name.endsWith('_eur') && typeof value === 'number'
              ? formatEuros(value)
              : /_on$/.test(name)
                ? formatDate(String(value))
                : formatValue(value, name === 'sector' ? 'id' : null)}
          </Fact>
        ))}
        {entity.person && (
          <Fact name="Is the person">
            <Link href={entityPath('person', entity.person.id) ?? '/'}>{entity.person.label}</Link>
          </Fact>
        )}
        {entity.staff.length > 0 && (
          <Fact name="Works for the agency as">
            {entity.staff.map((s) => (
              <Link key={s.id} href={entityPath('staff', s.id) ?? '/'}>
                {s.label}{' '}
              </Link>
            ))}
          </Fact>
        )}
        {entity.claimsProcessed !== null && (
          <Fact name="Claims processed">{formatCount(entity.claimsProcessed)}</Fact>
        )}
      </dl>
    </Panel>
  );
}
