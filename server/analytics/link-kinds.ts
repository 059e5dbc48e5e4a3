// The entities and links of the analytics projection: which node labels take part and which
// relationships (or relationships derived from a Claim) link them. The whitelist every query,
// spec and feature of server/analytics refers to; nothing else decides a label or a type.
//
// Claims are not projected as nodes: a claim links its claimant to the official who processed
// it, the account it was paid to and the employer it rests on, and those three links are what
// the network algorithms use (DESIGN.md, "Fraud patterns": identity and internal fraud).

export const entityLabels = ['Person', 'Employer', 'Staff'] as const;
export const resourceLabels = ['Address', 'Account', 'Contact'] as const;
export const projectedLabels = [...entityLabels, ...resourceLabels] as const;

export type EntityLabel = (typeof entityLabels)[number];
export type ProjectedLabel = (typeof projectedLabels)[number];

interface LinkKindDef {
  from: ProjectedLabel;
  to: ProjectedLabel;
  description: string;
}

export const linkKinds = {
  EMPLOYED_BY: { from: 'Person', to: 'Employer', description: 'a declared job' },
  WORKS_FOR_CLIENT: {
    from: 'Person',
    to: 'Employer',
    description: "a self-employed person's client",
  },
  DIRECTS: { from: 'Person', to: 'Employer', description: 'director, manager or shareholder' },
  LIVES_AT: { from: 'Person', to: 'Address', description: 'a residence' },
  SEATED_AT: { from: 'Employer', to: 'Address', description: 'a registered or operating seat' },
  HOUSEHOLD: { from: 'Person', to: 'Person', description: 'a family or household tie' },
  PERSON_HOLDS: { from: 'Person', to: 'Account', description: 'a bank account held by a person' },
  EMPLOYER_HOLDS: {
    from: 'Employer',
    to: 'Account',
    description: 'a bank account held by an employer',
  },
  PERSON_USES: { from: 'Person', to: 'Contact', description: 'a phone, e-mail, device or IP' },
  EMPLOYER_USES: {
    from: 'Employer',
    to: 'Contact',
    description: 'a phone, e-mail, device or IP used by an employer',
  },
  SUBCONTRACTS_TO: { from: 'Employer', to: 'Employer', description: 'a subcontract' },
  IS: { from: 'Staff', to: 'Person', description: 'an official as a person' },
  CLAIM_PROCESSED_BY: {
    from: 'Person',
    to: 'Staff',
    description: "an official processed the person's benefit claim",
  },
  CLAIM_PAID_TO: {
    from: 'Person',
    to: 'Account',
    description: "the person's benefit claim was paid to the account",
  },
  CLAIM_RESTS_ON: {
    from: 'Person',
    to: 'Employer',
    description: "the person's benefit claim rests on the employer",
  },
} as const satisfies Record<string, LinkKindDef>;

export type LinkKind = keyof typeof linkKinds;
export const linkKindNames = Object.keys(linkKinds) as LinkKind[];

/** The projection key of a node: labels have separate id spaces, so the key carries both. */
export function nodeKey(label: ProjectedLabel, id: string): string {
  return `${label}:${id}`;
}

export function splitNodeKey(key: string): { label: ProjectedLabel; id: string } {
  const at = key.indexOf(':');
  const label = key.slice(0, at) as ProjectedLabel;
  if (at < 0 || !(projectedLabels as readonly string[]).includes(label)) {
    throw new Error(`analytics: "${key}" is not a projection node key (Label:id)`);
  }
  return { label, id: key.slice(at + 1) };
}
