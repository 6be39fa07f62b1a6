import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function RequestsPage(_props: PageProps) {
  return <Section title="Requests">{null}</Section>;
}
