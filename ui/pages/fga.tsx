import { Section } from '../components';
import type { PageProps } from '../page';

// PLACEHOLDER: replaced by the page itself.
export function FgaPage(_props: PageProps) {
  return <Section title="FGA relations">{null}</Section>;
}
