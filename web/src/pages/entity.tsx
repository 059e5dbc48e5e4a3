export function EntityPage(_props: { params: Record<string, string> }) {
  return (
    <section>
      <h1>Entity</h1>
      <p>Not built yet.</p>
    </section>
  );
}
