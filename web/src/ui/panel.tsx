// A titled panel of a page: a section labelled by its own heading.
import type { ComponentChildren } from 'preact';

export function Panel(props: {
  /** Names the heading (`${id}-title`), which labels the section. */
  id: string;
  title: string;
  /** Classes beside `panel`. */
  class?: string;
  testid?: string;
  children: ComponentChildren;
}) {
  return (
    <section
      class={props.class ? `panel ${props.class}` : 'panel'}
      aria-labelledby={`${props.id}-title`}
      data-testid={props.testid}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}
