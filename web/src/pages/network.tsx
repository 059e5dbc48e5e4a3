export function NetworkPage(_props: { params: Record<string, string> }) {
  return (
    <section>
      <h1>Network</h1>
      <p>Not built yet.</p>
    </section>
  );
}
