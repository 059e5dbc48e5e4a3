export function CasePage(_props: { params: Record<string, string> }) {
  return (
    <section>
      <h1>Case</h1>
      <p>Not built yet.</p>
    </section>
  );
}
