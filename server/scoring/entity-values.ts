// The values of one entity that rules and reasons read: intrinsic inputs, network features and
// categorical properties by field name. Never protected attributes (protected.ts).
export type EntityValue = number | string | boolean | null;
export type EntityValues = Readonly<Record<string, EntityValue>>;
