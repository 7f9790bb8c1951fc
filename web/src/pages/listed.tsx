import type { ComponentChildren } from 'preact';

/** A list of `items`, each rendered as an `<li>`, or a line saying there is none. */
export function Listed<T>(props: {
  items: readonly T[] | undefined;
  empty: string;
  class?: string;
  render: (item: T) => ComponentChildren;
}) {
  return props.items?.length ? <ul class={props.class}>{props.items.map(props.render)}</ul> : <p>{props.empty}</p>;
}
