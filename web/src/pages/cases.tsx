export function CasesPage(_props: { params: Record<string, string> }) {
  return (
    <section>
      <h1>Cases</h1>
      <p>Not built yet.</p>
    </section>
  );
}
