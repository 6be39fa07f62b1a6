import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function FaultsPage(_props: PageProps) {
  return <Section title="Faults">{null}</Section>;
}
