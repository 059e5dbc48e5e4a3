// The queries the community aggregates share: one on the Community node, then one per member
// label copying it onto the members (cypher/analytics/features/*community-aggregates.cypher).
export const communityAggregateQueries = {
  Community: 'analytics/features/community-aggregates',
  Person: 'analytics/features/person-community-aggregates',
  Employer: 'analytics/features/employer-community-aggregates',
  Staff: 'analytics/features/staff-community-aggregates',
} as const;
