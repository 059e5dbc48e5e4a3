// What to open: the neighbourhood of entities (node keys `Label:id`) or a whole community.
import { useState } from 'preact/hooks';
import type { Source } from './explorer-session.js';
import { parseKeys } from './source-query.js';

export function SourceForm({
  source,
  onOpen,
}: {
  source: Source | null;
  onOpen: (s: Source) => void;
}) {
  const [keys, setKeys] = useState(source?.kind === 'nodes' ? source.keys.join(', ') : '');
  const [depth, setDepth] = useState(source?.kind === 'nodes' ? source.depth : 1);
  const [community, setCommunity] = useState(source?.kind === 'community' ? source.id : '');
  const [problem, setProblem] = useState<string | null>(null);

  const openNodes = (event: Event) => {
    event.preventDefault();
    const parsed = parseKeys(keys);
    if (parsed.length === 0) {
      setProblem(
        'Give one or more node keys such as Employer:E1 or Person:P7, separated by commas.',
      );
      return;
    }
    setProblem(null);
    onOpen({ kind: 'nodes', keys: parsed, depth, cap: 25 });
  };
  const openCommunity = (event: Event) => {
    event.preventDefault();
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(community.trim())) {
      setProblem('A community id is 1–64 letters, digits, _ . or -.');
      return;
    }
    setProblem(null);
    onOpen({ kind: 'community', id: community.trim(), limit: 500 });
  };

  return (
    <div class="network-sources">
      <form onSubmit={openNodes} class="row">
        <label class="grow">
          Neighbourhood of
          <input
            value={keys}
            onInput={(e) => setKeys(e.currentTarget.value)}
            placeholder="Employer:E1, Person:P7"
          />
        </label>
        <label>
          Depth
          <select value={depth} onChange={(e) => setDepth(Number(e.currentTarget.value))}>
            <option value={1}>1</option>
            <option value={2}>2</option>
          </select>
        </label>
        <button type="submit">Open</button>
      </form>
      <form onSubmit={openCommunity} class="row">
        <label>
          Community
          <input value={community} onInput={(e) => setCommunity(e.currentTarget.value)} />
        </label>
        <button type="submit" class="secondary">
          Open community
        </button>
      </form>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
