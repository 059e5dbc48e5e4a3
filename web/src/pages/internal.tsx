export function InternalPage(_props: { params: Record<string, string> }) {
  return (
    <section>
      <h1>Internal fraud</h1>
      <p>Not built yet.</p>
    </section>
  );
}
