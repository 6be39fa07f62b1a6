import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function OutboxPage(_props: PageProps) {
  return <Section title="Outbox">{null}</Section>;
}
