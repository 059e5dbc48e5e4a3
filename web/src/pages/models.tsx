export function ModelsPage(_props: { params: Record<string, string> }) {
  return (
    <section>
      <h1>Models</h1>
      <p>Not built yet.</p>
    </section>
  );
}
