import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function AttributesPage(_props: PageProps) {
  return <Section title="Custom attributes">{null}</Section>;
}
