export function RankingsPage(_props: { params: Record<string, string> }) {
  return (
    <section>
      <h1>Rankings</h1>
      <p>Not built yet.</p>
    </section>
  );
}
